//! What of the state is saved, and the records it is saved as: the state of a new page
//! from stored records, the writes that bring the records in step with a state (new
//! records first, the index last, so a save cut short leaves the previous consistent
//! set), and the merge of what another tab saved. The storage itself (IndexedDB, or
//! local storage where it is missing) is behind [`Records`] or applies a [`Plan`].

use std::collections::BTreeMap;
use std::rc::Rc;

use super::budgets::Budget;
use super::state::{AppState, NamedScenario, StorageStatus};
use crate::engine::Scenario;
use crate::io::store::{
    budget_of_key, doc_key, fingerprint, index_json, is_store_key, read_index, read_work,
    work_json, work_key, IndexEntry, StoreError, StoredIndex, StoredScenario, StoredWork,
    DAMAGED_INDEX_KEY, INDEX_KEY, MOVED_KEY,
};
use crate::io::{parse_document, to_json};
use crate::model::Document;
use crate::util::by_ptr::ByPtr;
use crate::util::i18n::{key, tr, tr1};
use crate::util::sort;

/// Shown when a write is refused: the records are kept in memory only.
pub const FULL: &str =
    "Browser storage is full, so recent changes are kept only while this page is open. \
Export the budget to keep them, or delete budgets you no longer need.";

/// A write storage refused (full, or blocked).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Refused;

/// Text records by key: the browser's storage read into memory in the app, a map in tests.
pub trait Records {
    /// The text stored under `key`, if any (or if it cannot be read).
    fn get(&self, key: &str) -> Option<String>;
    /// Stores `value` under `key`.
    fn set(&mut self, key: &str, value: &str) -> Result<(), Refused>;
    /// Removes `key`; a failure only leaves a stale record, so it is not reported.
    fn remove(&mut self, key: &str);
    /// Every key stored, so budgets the index does not name are found.
    fn keys(&self) -> Vec<String>;
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

    fn keys(&self) -> Vec<String> {
        BTreeMap::keys(self).cloned().collect()
    }
}

/// A stored record this build could not read: listed, explained and kept untouched.
#[derive(Clone, Debug, PartialEq)]
pub struct Damaged {
    /// The budget it belongs to; 0 for the list of budgets itself.
    pub id: u32,
    /// The budget's name, as the index gave it.
    pub label: String,
    /// The record that could not be read.
    pub key: String,
    /// What is wrong, in plain words.
    pub why: String,
    /// The record's raw text, to download; `None` when it is missing.
    pub raw: Option<Rc<str>>,
}

/// A budget changed both here and in another tab since this tab last saved it.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// The budget's id.
    pub id: u32,
    /// Its name here.
    pub label: String,
    /// The version the other tab saved.
    pub theirs: Rc<Budget>,
}

/// What a save would write, compared by identity: equal keys mean nothing new to save.
/// Autosave writes when it changes; table options, messages and undo steps are not in it.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedKey {
    open: BudgetKey,
    others: ByPtr<Vec<Budget>>,
    reserved_ids: u32,
    damaged: ByPtr<Vec<Damaged>>,
    conflicts: ByPtr<Vec<Conflict>>,
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
            damaged: ByPtr::of(&self.damaged),
            conflicts: ByPtr::of(&self.conflicts),
        }
    }
}

/// The state of a new page from `records`: the budgets saved there, or the sample school
/// on a first visit. A record that cannot be read keeps its place in the list as
/// [`Damaged`], untouched; budgets the index does not name (or all of them, when the
/// index is missing or damaged) are found by their keys. The saver returned knows what
/// the records hold.
pub fn restore(records: &impl Records) -> (AppState, Saver) {
    let mut saver = Saver::default();
    let mut damaged = Vec::new();
    let keys = records.keys();
    let index_text = records.get(INDEX_KEY);
    let mut index = match index_text.as_deref().map(read_index) {
        Some(Ok(index)) => Some(index),
        Some(Err(StoreError::Newer(v))) => {
            let mut state = AppState::with_sample();
            state.storage = StorageStatus::Held(format!(
                "The budgets saved in this browser could not be read: {}. They are left untouched, \
                 so changes made now are not saved; export them to keep them.",
                StoreError::Newer(v)
            ));
            return (state, saver);
        }
        Some(Err(e)) => {
            // The damaged list is copied aside before a new one replaces it.
            damaged.push(Damaged {
                id: 0,
                label: tr("The list of budgets"),
                key: DAMAGED_INDEX_KEY.into(),
                why: tr1("{e}. The budgets below were found without it", "e", &e),
                raw: index_text.as_deref().map(Rc::from),
            });
            None
        }
        None => None,
    };
    if let Some(text) = &index_text {
        saver.stamps.insert(INDEX_KEY.into(), fingerprint(text));
    }
    if let Some(text) = records.get(DAMAGED_INDEX_KEY) {
        saver
            .stamps
            .insert(DAMAGED_INDEX_KEY.into(), fingerprint(&text));
        if !damaged.iter().any(|d| d.key == DAMAGED_INDEX_KEY) {
            damaged.push(Damaged {
                id: 0,
                label: tr("An earlier list of budgets"),
                key: DAMAGED_INDEX_KEY.into(),
                why: tr("it could not be read, and was kept when a new list replaced it"),
                raw: Some(Rc::from(text.as_str())),
            });
        }
    }
    // Budgets with a document the index does not name are listed too: nothing is dropped.
    let mut found: Vec<u32> = keys.iter().filter_map(|k| budget_of_key(k)).collect();
    sort::sort(&mut found);
    found.dedup();
    let listed = index
        .as_ref()
        .map(|i| i.budgets.clone())
        .unwrap_or_default();
    let mut entries = listed.clone();
    for id in found {
        if entries.iter().all(|e| e.id != id) && records.get(&doc_key(id)).is_some() {
            let label = records
                .get(&doc_key(id))
                .and_then(|t| parse_document(&t).ok())
                .map_or_else(|| tr1("Budget {id}", "id", &id), |d| d.school.name);
            entries.push(IndexEntry { id, label });
        }
    }
    if index_text.is_none() && !entries.is_empty() {
        damaged.push(Damaged {
            id: 0,
            label: tr("The list of budgets"),
            key: INDEX_KEY.into(),
            why: tr(
                "it was missing; the budgets below were found without it and a new list is saved",
            ),
            raw: None,
        });
    }
    if index.is_none() && entries.is_empty() {
        let mut state = AppState::with_sample();
        state.damaged = Rc::new(damaged);
        return (state, saver);
    }
    let next_id = entries.iter().map(|e| e.id).max().unwrap_or(0) + 1;
    let index = index.get_or_insert(StoredIndex {
        open: entries.first().map_or(1, |e| e.id),
        budgets: Vec::new(),
        next_id,
    });
    index.next_id = index.next_id.max(next_id);
    let mut budgets = Vec::new();
    for entry in &entries {
        for key in [doc_key(entry.id), work_key(entry.id)] {
            if let Some(text) = records.get(&key) {
                saver.stamps.insert(key, fingerprint(&text));
            }
        }
        match load_budget(records, entry) {
            Ok(b) => budgets.push(b),
            Err(d) => damaged.push(d),
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
    state.damaged = Rc::new(damaged);
    saver.learn_all(&state);
    // The index as read is what is stored; a rebuilt or changed one is written at the first save.
    saver.index = index_text.unwrap_or_default();
    saver.open = read_index(&saver.index).ok().map(|i| i.open);
    (state, saver)
}

/// One budget from its records, or why it cannot be read.
fn load_budget(records: &impl Records, entry: &IndexEntry) -> Result<Budget, Damaged> {
    let damaged = |key: String, why: String, raw: Option<String>| Damaged {
        id: entry.id,
        label: entry.label.clone(),
        key,
        why,
        raw: raw.map(|t| Rc::from(t.as_str())),
    };
    let key = doc_key(entry.id);
    let Some(text) = records.get(&key) else {
        return Err(damaged(key, tr("its document is missing"), None));
    };
    let doc = match parse_document(&text) {
        Ok(doc) => doc,
        Err(e) => {
            return Err(damaged(
                key,
                tr1("its document cannot be read: {e}", "e", &e),
                Some(text),
            ))
        }
    };
    let key = work_key(entry.id);
    let work = match records.get(&key).map(|t| (read_work(&t), t)) {
        Some((Ok(work), _)) => work,
        Some((Err(e), text)) => {
            return Err(damaged(
                key,
                tr1("its scenarios cannot be read: {e}", "e", &e),
                Some(text),
            ))
        }
        // A document alone (its scenarios never saved) opens with one unchanged scenario.
        None => StoredWork {
            scenarios: vec![StoredScenario {
                id: 1,
                name: tr("Scenario 1"),
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

/// The index record: every budget's id and name (damaged ones too, so they stay listed),
/// the open one, the next free id.
pub fn index_of(state: &AppState) -> StoredIndex {
    let mut budgets: Vec<IndexEntry> = state
        .budget_list()
        .into_iter()
        .map(|b| IndexEntry {
            id: b.id,
            label: b.label,
        })
        .collect();
    for d in state.damaged.iter().filter(|d| d.id != 0) {
        if budgets.iter().all(|b| b.id != d.id) {
            budgets.push(IndexEntry {
                id: d.id,
                label: d.label.clone(),
            });
        }
    }
    crate::util::sort::sort_by_key(&mut budgets, |b| b.id);
    let highest = budgets.iter().map(|b| b.id).max().unwrap_or(0);
    StoredIndex {
        open: state.open.id,
        next_id: highest.max(state.reserved_ids) + 1,
        budgets,
    }
}

/// Values by budget id: a list scanned in place of a hash map (a handful of budgets,
/// and one hash map instance less in the bundle).
#[derive(Clone, Debug)]
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
}

/// One change to the records: a text to store, or `None` to remove the key.
#[derive(Clone, Debug, PartialEq)]
pub struct Write {
    /// The record's key.
    pub key: String,
    /// Its new text, or `None` to remove it.
    pub value: Option<String>,
}

/// The writes of one save, in order (documents and scenarios, then the index, then
/// removals), with what each key must still hold for the save to go ahead: a key another
/// tab changed since this tab last saw it stops the save, so nothing is overwritten
/// unseen. Storage applies a plan as one transaction where it can.
#[derive(Clone, Debug, Default)]
pub struct Plan {
    /// The writes, in order.
    pub writes: Vec<Write>,
    /// Each written key's fingerprint as this tab last saw it (`None`: absent).
    pub expect: Vec<(String, Option<u64>)>,
    docs: Vec<(u32, Rc<Document>)>,
    works: Vec<(u32, String)>,
    index: Option<String>,
}

impl Plan {
    /// Whether there is nothing to write.
    pub fn is_empty(&self) -> bool {
        self.writes.is_empty()
    }

    /// The keys whose stored text is no longer what this tab expects, given `current`
    /// (the key's fingerprint now, `None` when absent).
    pub fn stale(&self, current: impl Fn(&str) -> Option<u64>) -> Vec<String> {
        self.expect
            .iter()
            .filter(|(k, want)| current(k) != *want)
            .map(|(k, _)| k.clone())
            .collect()
    }
}

/// How a save went.
#[derive(Clone, Debug, PartialEq)]
pub enum Written {
    /// Every change reached storage (or there was none).
    Saved,
    /// Storage refused a write; what was written before it is the previous set.
    Refused,
    /// Another tab changed these keys since: read the store again and merge.
    Stale(Vec<String>),
    /// Saving is held back (data from a newer version).
    Held,
}

/// Remembers what the records hold as far as this tab knows, so each save writes only
/// what changed and notices what another tab changed.
#[derive(Clone, Debug, Default)]
pub struct Saver {
    docs: ById<Rc<Document>>,
    works: ById<String>,
    index: String,
    /// The open budget this tab last wrote in the index: another tab's choice of open
    /// budget alone is no reason to write the index again (two tabs would take turns).
    open: Option<u32>,
    /// Fingerprint of each record this tab read or wrote, by key.
    stamps: BTreeMap<String, u64>,
}

impl Saver {
    /// Knows every budget of `state` as stored.
    fn learn_all(&mut self, state: &AppState) {
        for b in state.all_budgets() {
            self.learn(b);
        }
    }

    /// Knows `b` as stored (its stamps are set by the caller).
    fn learn(&mut self, b: &Budget) {
        self.works.insert(b.id, work_of(b));
        self.docs.insert(b.id, b.doc.clone());
    }

    /// The writes that bring storage in step with `state`. A budget in conflict with
    /// another tab is not written until the user chooses a version.
    pub fn plan(&self, state: &AppState) -> Plan {
        let mut plan = Plan::default();
        if let StorageStatus::Held(_) = state.storage {
            return plan;
        }
        let put = |plan: &mut Plan, key: String, value: Option<String>| {
            plan.expect
                .push((key.clone(), self.stamps.get(&key).copied()));
            plan.writes.push(Write { key, value });
        };
        // A damaged index is copied aside before the new index replaces it.
        for d in state.damaged.iter() {
            if let (true, Some(raw)) = (d.key == DAMAGED_INDEX_KEY, &d.raw) {
                if !self.stamps.contains_key(DAMAGED_INDEX_KEY) {
                    put(&mut plan, d.key.clone(), Some(raw.to_string()));
                }
            }
        }
        for b in state.all_budgets() {
            if state.conflicts.iter().any(|c| c.id == b.id) {
                continue;
            }
            if !self.docs.get(&b.id).is_some_and(|d| Rc::ptr_eq(d, &b.doc)) {
                put(&mut plan, doc_key(b.id), Some(to_json(&b.doc)));
                plan.docs.push((b.id, b.doc.clone()));
            }
            let work = work_of(b);
            if self.works.get(&b.id) != Some(&work) {
                put(&mut plan, work_key(b.id), Some(work.clone()));
                plan.works.push((b.id, work));
            }
        }
        let index = index_of(state);
        let same_list = read_index(&self.index)
            .is_ok_and(|s| s.budgets == index.budgets && s.next_id == index.next_id);
        let index = index_json(&index);
        if index != self.index && !(same_list && self.open == Some(state.open.id)) {
            put(&mut plan, INDEX_KEY.into(), Some(index.clone()));
            plan.index = Some(index);
        }
        // Records no budget, damaged record or index owns any more: removed last.
        let owned = |key: &str| {
            key == INDEX_KEY
                || key == MOVED_KEY
                || state.damaged.iter().any(|d| d.key == key)
                || budget_of_key(key).is_some_and(|id| {
                    state.all_budgets().any(|b| b.id == id)
                        || state.damaged.iter().any(|d| d.id == id)
                })
        };
        let gone: Vec<String> = self.stamps.keys().filter(|k| !owned(k)).cloned().collect();
        for key in gone {
            put(&mut plan, key, None);
        }
        plan
    }

    /// Records that `plan` reached storage.
    pub fn committed(&mut self, plan: &Plan) {
        for w in &plan.writes {
            match &w.value {
                Some(text) => self.stamps.insert(w.key.clone(), fingerprint(text)),
                None => self.stamps.remove(&w.key),
            };
            if w.value.is_none() {
                if let Some(id) = budget_of_key(&w.key) {
                    self.docs.remove(&id);
                    self.works.remove(&id);
                }
            }
        }
        for (id, doc) in &plan.docs {
            self.docs.insert(*id, doc.clone());
        }
        for (id, work) in &plan.works {
            self.works.insert(*id, work.clone());
        }
        if let Some(index) = &plan.index {
            self.index = index.clone();
            self.open = read_index(index).ok().map(|i| i.open);
        }
    }

    /// Writes every change since the last save to `records`, in the plan's order, after
    /// checking that no other tab changed them; says how it went.
    pub fn write_to(&mut self, state: &AppState, records: &mut impl Records) -> Written {
        if let StorageStatus::Held(_) = state.storage {
            return Written::Held;
        }
        let plan = self.plan(state);
        let stale = plan.stale(|k| records.get(k).map(|t| fingerprint(&t)));
        if !stale.is_empty() {
            return Written::Stale(stale);
        }
        let mut done = Plan::default();
        for w in &plan.writes {
            let ok = match &w.value {
                Some(text) => records.set(&w.key, text),
                None => {
                    records.remove(&w.key);
                    Ok(())
                }
            };
            if ok.is_err() {
                // What did reach storage is known, so the next save does not repeat it;
                // the index was not switched, so the stored set is still the previous one.
                done.writes = plan
                    .writes
                    .iter()
                    .take_while(|x| x.key != w.key)
                    .cloned()
                    .collect();
                let written = |k: &str| done.writes.iter().any(|x| x.key == k);
                done.docs = plan
                    .docs
                    .iter()
                    .filter(|(id, _)| written(&doc_key(*id)))
                    .cloned()
                    .collect();
                done.works = plan
                    .works
                    .iter()
                    .filter(|(id, _)| written(&work_key(*id)))
                    .cloned()
                    .collect();
                self.committed(&done);
                return Written::Refused;
            }
        }
        self.committed(&plan);
        Written::Saved
    }

    /// Writes every change since the last save to `records`; returns how storage is doing.
    /// Held storage is never written.
    pub fn save(&mut self, state: &AppState, records: &mut impl Records) -> StorageStatus {
        match self.write_to(state, records) {
            Written::Saved => StorageStatus::Saved,
            Written::Refused => StorageStatus::Failing(FULL.to_owned()),
            Written::Stale(_) => StorageStatus::Failing(tr(CHANGED)),
            Written::Held => state.storage.clone(),
        }
    }
}

/// Shown while another tab's changes are being read in.
/// (A catalog key: the status carries it translated.)
pub const CHANGED: &str = key("Another tab saved changes; they are being read in before saving.");

/// The writes that move local storage's records (`local`) into the new store (`store`),
/// once: none when the store says they moved already. A record the store already holds
/// is not replaced. The caller removes the local records only after these writes
/// succeeded, so a failed move loses nothing and is tried again at the next visit.
pub fn migration(local: &impl Records, store: &impl Records) -> Vec<Write> {
    if store.get(MOVED_KEY).is_some() {
        return Vec::new();
    }
    let mut writes: Vec<Write> = local
        .keys()
        .into_iter()
        .filter(|k| is_store_key(k) && store.get(k).is_none())
        .filter_map(|key| {
            let value = local.get(&key)?;
            Some(Write {
                key,
                value: Some(value),
            })
        })
        .collect();
    // The index goes last, as in every save.
    sort::sort_by_key(&mut writes, |w| w.key == INDEX_KEY);
    writes.push(Write {
        key: MOVED_KEY.into(),
        value: Some("local storage".into()),
    });
    writes
}

/// What another tab saved, merged into this tab's `state`: budgets it added appear,
/// budgets it changed that this tab did not are reloaded, a rename this tab did not
/// make is taken, a budget deleted there and unchanged here goes. A budget changed in
/// both becomes a [`Conflict`] that the user settles; until then it is not saved.
/// `saver` learns what `records` now hold.
pub fn merge(state: &AppState, saver: &mut Saver, records: &impl Records) -> AppState {
    let mut next = state.clone();
    let Some(stored) = records.get(INDEX_KEY).and_then(|t| read_index(&t).ok()) else {
        return next;
    };
    let base = read_index(&saver.index).ok();
    let base_label = |id: u32| {
        base.as_ref()
            .and_then(|i| i.budgets.iter().find(|e| e.id == id))
            .map(|e| e.label.clone())
    };
    let stamp_now = |key: &str| records.get(key).map(|t| fingerprint(&t));
    let mut conflicts = (*state.conflicts).clone();
    let mut damaged = (*state.damaged).clone();
    for entry in &stored.budgets {
        let id = entry.id;
        let keys = [doc_key(id), work_key(id)];
        let theirs_changed = keys
            .iter()
            .any(|k| stamp_now(k) != saver.stamps.get(k).copied());
        let known = saver.docs.get(&id).is_some();
        let mine = next.all_budgets().find(|b| b.id == id).cloned();
        if mine.is_some() && !known && saver.stamps.keys().all(|k| budget_of_key(k) != Some(id)) {
            // Both tabs made a new budget with this id: this tab's takes a fresh one.
            let fresh = next.next_budget_id().max(stored.next_id);
            renumber(&mut next, id, fresh);
        } else if mine.is_none() && known {
            // Deleted here, not saved yet: the deletion stands.
            continue;
        } else if mine.is_none() && damaged.iter().any(|d| d.id == id) && !theirs_changed {
            continue;
        }
        let mine = next.all_budgets().find(|b| b.id == id).cloned();
        if mine.is_some() && !theirs_changed {
            // Only the name may have changed there.
            if let (Some(before), Some(mut b)) = (base_label(id), mine) {
                if before != entry.label && b.label == before {
                    b.label = entry.label.clone();
                    put_budget(&mut next, b);
                }
            }
            continue;
        }
        for k in &keys {
            match records.get(k) {
                Some(t) => saver.stamps.insert(k.clone(), fingerprint(&t)),
                None => saver.stamps.remove(k),
            };
        }
        let theirs = match load_budget(records, entry) {
            Ok(b) => b,
            Err(d) => {
                if mine.is_none() {
                    damaged.retain(|x| x.id != id);
                    damaged.push(d);
                }
                continue;
            }
        };
        damaged.retain(|x| x.id != id);
        let changed_here = mine.as_ref().is_some_and(|b| {
            !saver.docs.get(&id).is_some_and(|d| Rc::ptr_eq(d, &b.doc))
                || saver.works.get(&id) != Some(&work_of(b))
        });
        saver.learn(&theirs);
        match mine {
            Some(b) if changed_here => {
                conflicts.retain(|c| c.id != id);
                conflicts.push(Conflict {
                    id,
                    label: b.label.clone(),
                    theirs: Rc::new(theirs),
                });
            }
            Some(b) => {
                let mut theirs = theirs;
                if base_label(id).is_some_and(|before| before == entry.label) {
                    theirs.label = b.label; // renamed here only
                }
                put_budget(&mut next, theirs);
            }
            None => Rc::make_mut(&mut next.others).push(theirs),
        }
    }
    // Deleted there: gone here too, unless changed here since.
    if let Some(base) = &base {
        for e in &base.budgets {
            if stored.budgets.iter().any(|s| s.id == e.id) {
                continue;
            }
            let changed_here = next.all_budgets().find(|b| b.id == e.id).is_some_and(|b| {
                !saver.docs.get(&e.id).is_some_and(|d| Rc::ptr_eq(d, &b.doc))
                    || saver.works.get(&e.id) != Some(&work_of(b))
            });
            saver.docs.remove(&e.id);
            saver.works.remove(&e.id);
            saver.stamps.remove(&doc_key(e.id));
            saver.stamps.remove(&work_key(e.id));
            damaged.retain(|d| d.id != e.id);
            if !changed_here {
                next.delete_budget(e.id);
            }
        }
    }
    if let Some(text) = records.get(INDEX_KEY) {
        saver.stamps.insert(INDEX_KEY.into(), fingerprint(&text));
        saver.index = text;
    }
    next.reserved_ids = next.reserved_ids.max(stored.next_id.saturating_sub(1));
    // New lists only when they changed, so a merge that changed nothing saves nothing.
    if conflicts != *next.conflicts {
        next.conflicts = Rc::new(conflicts);
    }
    if damaged != *next.damaged {
        next.damaged = Rc::new(damaged);
    }
    next
}

/// Puts `b` in place of the budget with its id, open or not.
fn put_budget(state: &mut AppState, b: Budget) {
    if state.open.id == b.id {
        if !Rc::ptr_eq(&state.open.doc, &b.doc) || state.open.scenarios != b.scenarios {
            state.show_budget(b);
        } else {
            state.open = b;
        }
    } else if let Some(slot) = Rc::make_mut(&mut state.others)
        .iter_mut()
        .find(|x| x.id == b.id)
    {
        *slot = b;
    }
}

/// Gives the budget `from` the id `to`.
fn renumber(state: &mut AppState, from: u32, to: u32) {
    if state.open.id == from {
        state.open.id = to;
    } else if let Some(b) = Rc::make_mut(&mut state.others)
        .iter_mut()
        .find(|b| b.id == from)
    {
        b.id = to;
    }
}

/// Where page-hide leaves a save it could not finish: a synchronous local-storage key
/// (outside the `sitebudget.` records, so it is never migrated as one).
pub const JOURNAL_KEY: &str = "sitebudget-journal";

/// The journal of one record written outside the budgets' saver (a network's, under
/// `network:<id>`): a key of its own beside the budgets', so a save clears only its own
/// journal; the same text, replay and rules as the budgets' journal.
pub fn journal_key_of(record: &str) -> String {
    format!("{JOURNAL_KEY}:{record}")
}

/// Whether a local-storage key is a journal (the budgets' or one record's).
pub fn is_journal_key(key: &str) -> bool {
    key.strip_prefix(JOURNAL_KEY)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(':'))
}

impl Plan {
    /// One record's write (`None` removes it), made where the key held the text with
    /// fingerprint `seen` as this tab last saw it (`None`: absent).
    pub fn one(key: &str, value: Option<String>, seen: Option<u64>) -> Plan {
        Plan {
            writes: vec![Write {
                key: key.to_owned(),
                value,
            }],
            expect: vec![(key.to_owned(), seen)],
            ..Plan::default()
        }
    }
}

/// A plan as the journal's text: IndexedDB writes are asynchronous, so a tab closed or
/// reloaded within the quiet time could lose its last change; page-hide writes the plan
/// here synchronously and the next page replays it.
pub fn journal_text(plan: &Plan) -> String {
    let writes: Vec<serde_json::Value> = plan
        .writes
        .iter()
        .map(|w| serde_json::json!([w.key, w.value]))
        .collect();
    let expect: Vec<serde_json::Value> = plan
        .expect
        .iter()
        .map(|(k, f)| serde_json::json!([k, f.map(|f| f.to_string())]))
        .collect();
    serde_json::json!({ "writes": writes, "expect": expect }).to_string()
}

/// The plan a journal holds, or `None` when its text is not one (then it is dropped:
/// the records themselves are never touched by a bad journal).
pub fn read_journal(text: &str) -> Option<Plan> {
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    let pair = |v: &serde_json::Value| -> Option<(String, Option<String>)> {
        let [k, v] = v.as_array()?.as_slice() else {
            return None;
        };
        let key = k.as_str()?.to_owned();
        match v {
            serde_json::Value::Null => Some((key, None)),
            serde_json::Value::String(s) => Some((key, Some(s.clone()))),
            _ => None,
        }
    };
    let mut plan = Plan::default();
    for w in value.get("writes")?.as_array()? {
        let (key, value) = pair(w)?;
        plan.writes.push(Write { key, value });
    }
    for e in value.get("expect")?.as_array()? {
        let (key, fp) = pair(e)?;
        let fp = match fp {
            Some(text) => Some(text.parse().ok()?),
            None => None,
        };
        plan.expect.push((key, fp));
    }
    Some(plan)
}

/// What to do with a journal found at the start, given the records as stored now: its
/// writes when every key still holds what the closing tab expected (the save did not
/// finish), else nothing (it did finish, or another tab wrote since: never overwritten).
pub fn journal_replay(journal: &Plan, records: &impl Records) -> Vec<Write> {
    let stale = journal.stale(|k| records.get(k).map(|t| fingerprint(&t)));
    if stale.is_empty() {
        journal.writes.clone()
    } else {
        Vec::new()
    }
}
