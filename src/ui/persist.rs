//! Autosave: budgets and scenarios kept in the browser's local storage (gloo-storage),
//! restored on the next visit. Storage that is full or blocked never stops the app.

use std::rc::Rc;

use gloo::storage::{LocalStorage, Storage};

use crate::ui::budgets::Budget;
use crate::ui::state::{AppState, NamedScenario, StorageStatus};
use sitebudget_core::engine::Scenario;
use sitebudget_core::io::store::{
    doc_key, index_json, read_index, read_work, work_json, work_key, IndexEntry, StoredIndex,
    StoredScenario, StoredWork, INDEX_KEY,
};
use sitebudget_core::io::{parse_document, to_json};

const UNAVAILABLE: &str =
    "This browser does not let SiteBudget save (private browsing or blocked storage). \
Your work stays while this page is open: export it to keep it.";
const FULL: &str =
    "Browser storage is full, so recent changes are kept only while this page is open. \
Export the budget to keep them, or delete budgets you no longer need.";

/// Whether local storage can be used; probing it this way never throws.
fn available() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some()
}

fn get(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// The state of a new page: the budgets saved in this browser, or the sample school on a
/// first visit. Records that cannot be read are left untouched and named in a warning.
pub fn restore() -> (AppState, Saver) {
    if !available() {
        let mut state = AppState::with_sample();
        state.storage = StorageStatus::Failing(UNAVAILABLE.to_owned());
        return (state, Saver::default());
    }
    let Some(index_text) = get(INDEX_KEY) else {
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
        match load_budget(entry) {
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
        None => state.budget_id = index.next_id,
    }
    state.revision = 0;
    if !problems.is_empty() {
        state.storage = StorageStatus::Failing(problems.join(" "));
    }
    let saver = Saver::knowing(&state);
    (state, saver)
}

fn load_budget(entry: &IndexEntry) -> Result<Budget, String> {
    let text = get(&doc_key(entry.id)).ok_or("its document is missing")?;
    let doc = parse_document(&text).map_err(|e| e.to_string())?;
    let work = match get(&work_key(entry.id)).map(|t| read_work(&t)) {
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

fn work_of(b: &Budget) -> String {
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

/// Remembers what storage already holds, so each save writes only what changed.
#[derive(Default)]
pub struct Saver {
    docs: ById<Rc<sitebudget_core::model::Document>>,
    works: ById<String>,
    index: String,
}

impl Saver {
    /// A saver that knows the restored budgets are already stored.
    fn knowing(state: &AppState) -> Self {
        let mut saver = Saver::default();
        for b in all_budgets(state) {
            saver.works.insert(b.id, work_of(&b));
            saver.docs.insert(b.id, b.doc);
        }
        saver.index = index_json(&index_of(state));
        saver
    }

    /// Writes every change since the last save; returns how storage is doing.
    pub fn save(&mut self, state: &AppState) -> StorageStatus {
        if let StorageStatus::Held(_) = state.storage {
            return state.storage.clone();
        }
        if !available() {
            return StorageStatus::Failing(UNAVAILABLE.to_owned());
        }
        match self.write(state) {
            Ok(()) => StorageStatus::Saved,
            Err(()) => StorageStatus::Failing(FULL.to_owned()),
        }
    }

    fn write(&mut self, state: &AppState) -> Result<(), ()> {
        let storage = LocalStorage::raw();
        let budgets = all_budgets(state);
        for b in &budgets {
            if !self.docs.get(&b.id).is_some_and(|d| Rc::ptr_eq(d, &b.doc)) {
                storage
                    .set_item(&doc_key(b.id), &to_json(&b.doc))
                    .map_err(drop)?;
                self.docs.insert(b.id, b.doc.clone());
            }
            let work = work_of(b);
            if self.works.get(&b.id) != Some(&work) {
                storage.set_item(&work_key(b.id), &work).map_err(drop)?;
                self.works.insert(b.id, work);
            }
        }
        let gone: Vec<u32> = self
            .docs
            .ids()
            .filter(|id| budgets.iter().all(|b| b.id != *id))
            .collect();
        for id in gone {
            // Removing never fails for lack of space; a failure here only leaves a stale record.
            let _ = storage.remove_item(&doc_key(id));
            let _ = storage.remove_item(&work_key(id));
            self.docs.remove(&id);
            self.works.remove(&id);
        }
        let index = index_json(&index_of(state));
        if index != self.index {
            storage.set_item(INDEX_KEY, &index).map_err(drop)?;
            self.index = index;
        }
        Ok(())
    }
}

/// The open budget and the closed ones.
fn all_budgets(state: &AppState) -> Vec<Budget> {
    let mut all = state.others.as_ref().clone();
    all.push(state.open_as_budget());
    all
}

fn index_of(state: &AppState) -> StoredIndex {
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
        open: state.budget_id,
        next_id: highest.max(state.reserved_ids) + 1,
        budgets,
    }
}
