//! What of the state is saved, and the records it is saved as: the state of a new page
//! from stored records, and the writes that bring the records in step with a state. The
//! storage itself (the browser's local storage) is behind [`Records`].

use std::collections::BTreeMap;
use std::rc::Rc;

use super::budgets::Budget;
use super::state::{AppState, NamedScenario, StorageStatus};
use crate::engine::Scenario;
use crate::io::store::{
    doc_key, index_json, read_index, read_work, work_json, work_key, IndexEntry, StoredIndex,
    StoredScenario, StoredWork, INDEX_KEY,
};
use crate::io::{parse_document, to_json};
use crate::model::Document;
use crate::util::by_ptr::ByPtr;

/// Shown when a write is refused: the records are kept in memory only.
pub const FULL: &str =
    "Browser storage is full, so recent changes are kept only while this page is open. \
Export the budget to keep them, or delete budgets you no longer need.";

/// A write storage refused (full, or blocked).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Refused;

/// Text records by key: the browser's local storage in the app, a map in tests.
pub trait Records {
    /// The text stored under `key`, if any (or if it cannot be read).
    fn get(&self, key: &str) -> Option<String>;
    /// Stores `value` under `key`.
    fn set(&mut self, key: &str, value: &str) -> Result<(), Refused>;
    /// Removes `key`; a failure only leaves a stale record, so it is not reported.
    fn remove(&mut self, key: &str);
}

impl Records for BTreeMap<String, String> {
    fn get(&self, key: &str) -> Option<String> {
        BTreeMap::get(self, key).cloned()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), Refused> {
        self.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&mut self, key: &str) {
        BTreeMap::remove(self, key);
    }
}

/// What a save would write, compared by identity: equal keys mean nothing new to save.
/// Autosave writes when it changes; table options, messages and undo steps are not in it.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedKey {
    open: BudgetKey,
    others: ByPtr<Vec<Budget>>,
    reserved_ids: u32,
}

/// One budget's saved fields, the shared parts by pointer.
#[derive(Clone, Debug, PartialEq)]
struct BudgetKey {
    id: u32,
    label: String,
    doc: ByPtr<Document>,
    scenarios: ByPtr<Vec<NamedScenario>>,
    active: u32,
    compare_with: Option<u32>,
    years: u32,
}

impl AppState {
    /// The key of what is saved: it changes whenever a save would write something.
    pub fn saved(&self) -> SavedKey {
        let b = &self.open;
        SavedKey {
            open: BudgetKey {
                id: b.id,
                label: b.label.clone(),
                doc: ByPtr::of(&b.doc),
                scenarios: ByPtr::of(&b.scenarios),
                active: b.active,
                compare_with: b.compare_with,
                years: b.years,
            },
            others: ByPtr::of(&self.others),
            reserved_ids: self.reserved_ids,
        }
    }
}

/// The state of a new page from `records`: the budgets saved there, or the sample school
/// on a first visit. Records that cannot be read are left untouched and named in a
/// warning. The saver returned knows what the records already hold.
pub fn restore(records: &impl Records) -> (AppState, Saver) {
    let Some(index_text) = records.get(INDEX_KEY) else {
        return (AppState::with_sample(), Saver::default());
    };
    let index = match read_index(&index_text) {
        Ok(index) => index,
        Err(e) => {
            let mut state = AppState::with_sample();
            state.storage = StorageStatus::Held(format!(
                "The budgets saved in this browser could not be read: {e}. They are left untouched, \
                 so changes made now are not saved; export them to keep them."
            ));
            return (state, Saver::default());
        }
    };
    let mut budgets = Vec::new();
    let mut problems = Vec::new();
    for entry in &index.budgets {
        match load_budget(records, entry) {
            Ok(b) => budgets.push(b),
            Err(why) => problems.push(format!(
                "“{}” could not be opened ({why}); its saved data is left untouched.",
                entry.label
            )),
        }
    }
    let open = budgets
        .iter()
        .position(|b| b.id == index.open)
        .or(if budgets.is_empty() { None } else { Some(0) });
    let mut state = AppState::with_sample();
    state.reserved_ids = index.next_id.saturating_sub(1);
    match open {
        Some(i) => {
            let chosen = budgets.remove(i);
            state.show_budget(chosen);
            state.others = Rc::new(budgets);
        }
        None => state.open.id = index.next_id,
    }
    if !problems.is_empty() {
        state.storage = StorageStatus::Failing(problems.join(" "));
    }
    let saver = Saver::knowing(&state);
    (state, saver)
}

/// One budget from its records.
fn load_budget(records: &impl Records, entry: &IndexEntry) -> Result<Budget, String> {
    let text = records
        .get(&doc_key(entry.id))
        .ok_or("its document is missing")?;
    let doc = parse_document(&text).map_err(|e| e.to_string())?;
    let work = match records.get(&work_key(entry.id)).map(|t| read_work(&t)) {
        Some(Ok(work)) => work,
        Some(Err(e)) => return Err(e.to_string()),
        // A document alone (its scenarios never saved) opens with one unchanged scenario.
        None => StoredWork {
            scenarios: vec![StoredScenario {
                id: 1,
                name: "Scenario 1".into(),
                scenario: Scenario::default(),
            }],
            active: 1,
            compare_with: None,
            years: 3,
        },
    };
    let scenarios: Vec<NamedScenario> = work
        .scenarios
        .into_iter()
        .map(|s| NamedScenario {
            id: s.id,
            name: s.name,
            scenario: Rc::new(s.scenario),
        })
        .collect();
    let active = if scenarios.iter().any(|s| s.id == work.active) {
        work.active
    } else {
        scenarios.first().map_or(1, |s| s.id)
    };
    Ok(Budget {
        id: entry.id,
        label: entry.label.clone(),
        doc: Rc::new(doc),
        scenarios: Rc::new(scenarios),
        active,
        compare_with: work.compare_with.filter(|&c| c != active),
        years: work.years,
    })
}

/// The scenarios record of a budget.
pub fn work_of(b: &Budget) -> String {
    work_json(&StoredWork {
        scenarios: b
            .scenarios
            .iter()
            .map(|n| StoredScenario {
                id: n.id,
                name: n.name.clone(),
                scenario: (*n.scenario).clone(),
            })
            .collect(),
        active: b.active,
        compare_with: b.compare_with,
        years: b.years,
    })
}

/// The index record: every budget's id and name, the open one, the next free id.
pub fn index_of(state: &AppState) -> StoredIndex {
    let budgets: Vec<IndexEntry> = state
        .budget_list()
        .into_iter()
        .map(|b| IndexEntry {
            id: b.id,
            label: b.label,
        })
        .collect();
    let highest = budgets.iter().map(|b| b.id).max().unwrap_or(0);
    StoredIndex {
        open: state.open.id,
        next_id: highest.max(state.reserved_ids) + 1,
        budgets,
    }
}

/// Values by budget id: a list scanned in place of a hash map (a handful of budgets,
/// and one hash map instance less in the bundle).
struct ById<T>(Vec<(u32, T)>);

impl<T> Default for ById<T> {
    fn default() -> Self {
        ById(Vec::new())
    }
}

impl<T> ById<T> {
    fn get(&self, id: &u32) -> Option<&T> {
        self.0.iter().find(|(k, _)| k == id).map(|(_, v)| v)
    }

    fn insert(&mut self, id: u32, value: T) {
        match self.0.iter_mut().find(|(k, _)| *k == id) {
            Some((_, v)) => *v = value,
            None => self.0.push((id, value)),
        }
    }

    fn remove(&mut self, id: &u32) {
        self.0.retain(|(k, _)| k != id);
    }

    fn ids(&self) -> impl Iterator<Item = u32> + '_ {
        self.0.iter().map(|(k, _)| *k)
    }
}

/// Remembers what the records already hold, so each save writes only what changed.
#[derive(Default)]
pub struct Saver {
    docs: ById<Rc<Document>>,
    works: ById<String>,
    index: String,
}

impl Saver {
    /// A saver that knows the restored budgets are already stored.
    fn knowing(state: &AppState) -> Self {
        let mut saver = Saver::default();
        for b in state.all_budgets() {
            saver.works.insert(b.id, work_of(b));
            saver.docs.insert(b.id, b.doc.clone());
        }
        saver.index = index_json(&index_of(state));
        saver
    }

    /// Writes every change since the last save to `records`; returns how storage is doing.
    /// Held storage is never written.
    pub fn save(&mut self, state: &AppState, records: &mut impl Records) -> StorageStatus {
        if let StorageStatus::Held(_) = state.storage {
            return state.storage.clone();
        }
        match self.write(state, records) {
            Ok(()) => StorageStatus::Saved,
            Err(Refused) => StorageStatus::Failing(FULL.to_owned()),
        }
    }

    fn write(&mut self, state: &AppState, records: &mut impl Records) -> Result<(), Refused> {
        for b in state.all_budgets() {
            if !self.docs.get(&b.id).is_some_and(|d| Rc::ptr_eq(d, &b.doc)) {
                records.set(&doc_key(b.id), &to_json(&b.doc))?;
                self.docs.insert(b.id, b.doc.clone());
            }
            let work = work_of(b);
            if self.works.get(&b.id) != Some(&work) {
                records.set(&work_key(b.id), &work)?;
                self.works.insert(b.id, work);
            }
        }
        let gone: Vec<u32> = self
            .docs
            .ids()
            .filter(|id| state.all_budgets().all(|b| b.id != *id))
            .collect();
        for id in gone {
            records.remove(&doc_key(id));
            records.remove(&work_key(id));
            self.docs.remove(&id);
            self.works.remove(&id);
        }
        let index = index_json(&index_of(state));
        if index != self.index {
            records.set(INDEX_KEY, &index)?;
            self.index = index;
        }
        Ok(())
    }
}
