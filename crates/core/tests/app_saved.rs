//! Saved records under faults, natively: damaged records kept and listed, a missing or
//! damaged index rebuilt from the budgets found, a save refused partway leaving the
//! previous consistent set, and two tabs saving into the same records.

use std::collections::BTreeMap;
use std::rc::Rc;
use std::str::FromStr;

use rust_decimal::Decimal;
use sitebudget_core::app::saved::Refused;
use sitebudget_core::app::{
    merge, migration, restore, Action, AppState, Records, StorageStatus, Written,
};
use sitebudget_core::engine::{EnrollmentInput, Scenario};
use sitebudget_core::io::store::{doc_key, read_index, work_key, DAMAGED_INDEX_KEY, INDEX_KEY};

type Map = BTreeMap<String, String>;

fn run(state: Rc<AppState>, actions: impl IntoIterator<Item = Action>) -> Rc<AppState> {
    actions
        .into_iter()
        .enumerate()
        .fold(state, |s, (i, a)| s.apply(a, 10_000.0 * (i as f64 + 1.0)))
}

fn set(fraction: &str) -> Action {
    Action::SetScenario(Box::new(Scenario {
        enrollment: EnrollmentInput::Change(Decimal::from_str(fraction).unwrap()),
        ..Scenario::default()
    }))
}

/// Records holding two saved budgets: 1 "Jacaranda Avenue Elementary" and 2 "My school 2027".
fn two_budgets() -> Map {
    let mut records = Map::new();
    let (state, mut saver) = restore(&records);
    let state = run(
        Rc::new(state),
        [
            Action::NewBudget,
            Action::RenameBudget("My school 2027".into()),
        ],
    );
    assert_eq!(saver.save(&state, &mut records), StorageStatus::Saved);
    records
}

fn labels(state: &AppState) -> Vec<String> {
    state.budget_list().into_iter().map(|b| b.label).collect()
}

fn index_labels(records: &Map) -> Vec<String> {
    read_index(&records[INDEX_KEY])
        .unwrap()
        .budgets
        .into_iter()
        .map(|b| b.label)
        .collect()
}

#[test]
fn a_truncated_document_stays_listed_untouched_until_removed() {
    let mut records = two_budgets();
    let cut: String = records[&doc_key(2)].chars().take(40).collect();
    records.insert(doc_key(2), cut.clone());
    let (state, mut saver) = restore(&records);
    assert_eq!(labels(&state), ["Jacaranda Avenue Elementary"]);
    let d = &state.damaged[0];
    assert_eq!(
        (d.id, d.label.as_str(), d.key.as_str()),
        (2, "My school 2027", doc_key(2).as_str())
    );
    assert!(
        d.why.starts_with("its document cannot be read"),
        "{}",
        d.why
    );
    assert_eq!(d.raw.as_deref(), Some(cut.as_str()));
    // Work goes on and is saved; the damaged record and its place in the index stay.
    let state = run(Rc::new(state), [set("-0.05")]);
    assert_eq!(saver.save(&state, &mut records), StorageStatus::Saved);
    assert_eq!(records[&doc_key(2)], cut);
    assert_eq!(
        index_labels(&records),
        ["Jacaranda Avenue Elementary", "My school 2027"]
    );
    // Removing it (after the user confirmed) deletes both its records.
    let state = run(state, [Action::RemoveDamaged(doc_key(2))]);
    assert_eq!(saver.save(&state, &mut records), StorageStatus::Saved);
    assert!(!records.contains_key(&doc_key(2)) && !records.contains_key(&work_key(2)));
    assert_eq!(index_labels(&records), ["Jacaranda Avenue Elementary"]);
}

#[test]
fn scenarios_that_are_not_json_or_from_a_newer_version_mark_the_budget() {
    for (text, why) in [
        ("{\"version\":1,\"scen", "not JSON"),
        ("{\"version\":7,\"scenarios\":[]}", "newer SiteBudget"),
    ] {
        let mut records = two_budgets();
        records.insert(work_key(2), text.into());
        let (state, mut saver) = restore(&records);
        let d = &state.damaged[0];
        assert_eq!((d.id, d.key.as_str()), (2, work_key(2).as_str()));
        assert!(d.why.contains(why), "{}", d.why);
        let state = run(Rc::new(state), [set("-0.05")]);
        saver.save(&state, &mut records);
        assert_eq!(records[&work_key(2)], text);
    }
}

#[test]
fn a_missing_index_is_rebuilt_from_the_budgets_found() {
    let mut records = two_budgets();
    records.remove(INDEX_KEY);
    let (state, mut saver) = restore(&records);
    // The label comes from the document's school name: the rename lived in the index.
    assert_eq!(
        labels(&state),
        ["Jacaranda Avenue Elementary", "Jacaranda Avenue Elementary"]
    );
    assert_eq!(state.damaged[0].id, 0);
    assert!(state.damaged[0].why.starts_with("it was missing"));
    assert_eq!(saver.save(&state, &mut records), StorageStatus::Saved);
    assert_eq!(read_index(&records[INDEX_KEY]).unwrap().budgets.len(), 2);
}

#[test]
fn a_damaged_index_is_copied_aside_before_a_new_one_replaces_it() {
    let mut records = two_budgets();
    records.insert(INDEX_KEY.into(), "{\"version\":1,\"open\":".into());
    let (state, mut saver) = restore(&records);
    assert_eq!(state.budget_list().len(), 2);
    let plan = saver.plan(&state);
    // The copy is the first write, the new index comes after it.
    assert_eq!(plan.writes[0].key, DAMAGED_INDEX_KEY);
    let at = |k: &str| plan.writes.iter().position(|w| w.key == k);
    assert!(at(DAMAGED_INDEX_KEY) < at(INDEX_KEY));
    saver.save(&state, &mut records);
    assert_eq!(records[DAMAGED_INDEX_KEY], "{\"version\":1,\"open\":");
    // The next visit lists the copy so that it can be downloaded or removed.
    let (again, _) = restore(&records);
    assert_eq!(again.damaged[0].key, DAMAGED_INDEX_KEY);
}

#[test]
fn an_index_naming_a_missing_budget_keeps_it_listed() {
    let mut records = two_budgets();
    records.remove(&doc_key(2));
    let (state, _) = restore(&records);
    assert_eq!(state.damaged[0].why, "its document is missing");
    assert_eq!(state.damaged[0].raw, None);
}

#[test]
fn a_budget_the_index_does_not_list_is_found() {
    let mut records = two_budgets();
    let mut index = read_index(&records[INDEX_KEY]).unwrap();
    index.budgets.retain(|b| b.id == 1);
    records.insert(
        INDEX_KEY.into(),
        sitebudget_core::io::store::index_json(&index),
    );
    let (state, _) = restore(&records);
    assert_eq!(state.budget_list().len(), 2);
}

/// Records that refuse every write after the first `allow`.
struct Fills {
    map: Map,
    allow: usize,
}

impl Records for Fills {
    fn get(&self, key: &str) -> Option<String> {
        self.map.get(key).cloned()
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), Refused> {
        if self.allow == 0 {
            return Err(Refused);
        }
        self.allow -= 1;
        self.map.insert(key.into(), value.into());
        Ok(())
    }
    fn remove(&mut self, key: &str) {
        self.map.remove(key);
    }
    fn keys(&self) -> Vec<String> {
        self.map.keys().cloned().collect()
    }
}

#[test]
fn storage_full_partway_leaves_the_previous_consistent_set() {
    let records = two_budgets();
    let (state, mut saver) = restore(&records);
    // A new budget: its document, its scenarios, then the index. Full after the document.
    let state = run(Rc::new(state), [Action::NewBudget, set("-0.10")]);
    let mut full = Fills {
        map: records.clone(),
        allow: 1,
    };
    assert_eq!(saver.write_to(&state, &mut full), Written::Refused);
    assert_eq!(full.map[INDEX_KEY], records[INDEX_KEY]);
    let (before, _) = restore(&full.map);
    // The new budget's lone document is found by its key, never half a budget: its
    // scenarios were not written, so it opens with one unchanged scenario.
    assert_eq!(before.budget_list().len(), 3);
    assert!(before.damaged.iter().all(|d| d.id == 0));
    // With room again, the rest is written and nothing is written twice.
    full.allow = 10;
    assert_eq!(saver.write_to(&state, &mut full), Written::Saved);
    assert_eq!(index_labels(&full.map).len(), 3);
}

#[test]
fn two_tabs_keep_each_others_changes() {
    // The issue's case: tab 1 renames, tab 2 (open since before) adds a budget.
    let mut records = Map::new();
    let (first, mut s1) = restore(&records);
    s1.save(&first, &mut records);
    let (tab1, mut s1) = restore(&records);
    let (tab2, mut s2) = restore(&records);
    let tab1 = run(
        Rc::new(tab1),
        [Action::RenameBudget("Renamed in tab 1".into())],
    );
    assert_eq!(s1.write_to(&tab1, &mut records), Written::Saved);
    let tab2 = run(
        Rc::new(tab2),
        [
            Action::NewBudget,
            Action::RenameBudget("Made in tab 2".into()),
        ],
    );
    // Tab 2's index is stale: the save stops before writing it, and tab 2 merges.
    let Written::Stale(keys) = s2.write_to(&tab2, &mut records) else {
        panic!("a stale save");
    };
    assert_eq!(keys, [INDEX_KEY]);
    let tab2 = merge(&tab2, &mut s2, &records);
    assert_eq!(labels(&tab2), ["Renamed in tab 1", "Made in tab 2"]);
    assert_eq!(s2.write_to(&tab2, &mut records), Written::Saved);
    let (fresh, _) = restore(&records);
    assert_eq!(labels(&fresh), ["Renamed in tab 1", "Made in tab 2"]);
    // Tab 1 hears of it and shows the new budget too.
    let tab1 = merge(&tab1, &mut s1, &records);
    assert_eq!(labels(&tab1), ["Renamed in tab 1", "Made in tab 2"]);
    assert_eq!(s1.write_to(&tab1, &mut records), Written::Saved);
}

#[test]
fn both_tabs_editing_one_budget_is_a_conflict_the_user_settles() {
    let mut records = Map::new();
    let (first, mut s) = restore(&records);
    s.save(&first, &mut records);
    let (tab1, mut s1) = restore(&records);
    let (tab2, mut s2) = restore(&records);
    let tab1 = run(Rc::new(tab1), [set("-0.10")]);
    assert_eq!(s1.write_to(&tab1, &mut records), Written::Saved);
    let tab2 = run(Rc::new(tab2), [set("0.05")]);
    assert!(matches!(
        s2.write_to(&tab2, &mut records),
        Written::Stale(_)
    ));
    let merged = Rc::new(merge(&tab2, &mut s2, &records));
    assert_eq!(merged.conflicts.len(), 1);
    // This tab's version stays on screen and is not saved while the choice waits.
    assert_eq!(
        merged.scenario().enrollment,
        EnrollmentInput::Change(Decimal::from_str("0.05").unwrap())
    );
    assert!(s2.plan(&merged).writes.iter().all(|w| w.key != work_key(1)));
    // Taking the newer version shows tab 1's scenario and writes nothing for it.
    let theirs = run(merged.clone(), [Action::UseTheirs(1)]);
    assert_eq!(
        theirs.scenario().enrollment,
        EnrollmentInput::Change(Decimal::from_str("-0.10").unwrap())
    );
    assert!(s2.plan(&theirs).writes.iter().all(|w| w.key != work_key(1)));
    // Keeping this tab's version replaces tab 1's, deliberately.
    let mine = run(merged, [Action::KeepMine(1)]);
    assert_eq!(
        s2.clone().write_to(&mine, &mut records.clone()),
        Written::Saved
    );
}

#[test]
fn a_budget_changed_in_another_tab_and_not_here_is_reloaded() {
    let mut records = two_budgets();
    let (tab1, mut s1) = restore(&records);
    let (tab2, mut s2) = restore(&records);
    let tab1 = run(Rc::new(tab1), [set("-0.20")]);
    s1.write_to(&tab1, &mut records);
    let tab2 = Rc::new(merge(&tab2, &mut s2, &records));
    assert!(tab2.conflicts.is_empty());
    assert_eq!(tab2.scenario(), tab1.scenario());
    assert!(s2.plan(&tab2).is_empty());
}

#[test]
fn local_records_move_once_and_stay_until_moved() {
    let local = two_budgets();
    let mut other = local.clone();
    other.insert("unrelated.key".into(), "kept".into());
    let mut store = Map::new();
    let writes = migration(&other, &store);
    // Five records (2 documents, 2 scenarios, the index), the index last, then the mark.
    let keys: Vec<&str> = writes.iter().map(|w| w.key.as_str()).collect();
    assert_eq!(keys.len(), 6);
    assert_eq!(&keys[4..], [INDEX_KEY, "sitebudget.moved"]);
    for w in &writes {
        store.insert(w.key.clone(), w.value.clone().unwrap());
    }
    let (state, _) = restore(&store);
    assert_eq!(
        labels(&state),
        ["Jacaranda Avenue Elementary", "My school 2027"]
    );
    // Moved once: a second start writes nothing.
    assert!(migration(&other, &store).is_empty());
}

/// Applies writes as storage would.
fn apply_writes(records: &mut Map, writes: &[sitebudget_core::app::Write]) {
    for w in writes {
        match &w.value {
            Some(v) => records.insert(w.key.clone(), v.clone()),
            None => records.remove(&w.key),
        };
    }
}

#[test]
fn a_change_is_pending_in_the_same_step_and_saved_only_once_written() {
    let mut records = two_budgets();
    let (state, mut saver) = restore(&records);
    let state = Rc::new(state);
    assert_eq!(state.storage, StorageStatus::Saved);
    // The change itself marks the status: no render shows "Saved" beside unsaved work.
    let changed = run(state.clone(), [set("-0.1")]);
    assert_eq!(changed.storage, StorageStatus::Pending);
    // A view-only change saves nothing and leaves the status alone.
    let viewed = run(state, [Action::GroupBySource(true)]);
    assert_eq!(viewed.storage, StorageStatus::Saved);
    assert_eq!(saver.save(&changed, &mut records), StorageStatus::Saved);
}

#[test]
fn a_journal_left_by_a_closed_page_is_replayed_when_its_save_did_not_finish() {
    use sitebudget_core::app::saved::{journal_replay, journal_text, read_journal};
    let records = two_budgets();
    let (state, saver) = restore(&records);
    let changed = run(Rc::new(state), [set("-0.1")]);
    let plan = saver.plan(&changed);
    assert!(!plan.is_empty());
    let journal = read_journal(&journal_text(&plan)).expect("the journal reads back");
    assert_eq!(journal.writes, plan.writes);
    assert_eq!(journal.expect, plan.expect);

    // The page went before IndexedDB wrote: the records are as the tab last saw them.
    let mut unfinished = records.clone();
    let replay = journal_replay(&journal, &unfinished);
    assert_eq!(replay, plan.writes);
    apply_writes(&mut unfinished, &replay);
    let (reopened, _) = restore(&unfinished);
    assert_eq!(
        reopened.scenario().enrollment,
        EnrollmentInput::Change(Decimal::from_str("-0.1").unwrap())
    );

    // The save did finish: replaying would write the same again, so nothing is replayed.
    let mut finished = records.clone();
    apply_writes(&mut finished, &plan.writes);
    assert!(journal_replay(&journal, &finished).is_empty());

    // Another tab wrote since: its work is never overwritten by an old journal.
    let mut other = records.clone();
    let written = plan.writes[0].key.clone();
    other.insert(written, "{\"version\":1}".into());
    assert!(journal_replay(&journal, &other).is_empty());
}

#[test]
fn a_journal_that_is_not_one_is_dropped_without_touching_the_records() {
    use sitebudget_core::app::saved::read_journal;
    for bad in [
        "",
        "{",
        "[]",
        "{\"writes\":[[1,2]],\"expect\":[]}",
        "{\"writes\":[]}",
    ] {
        assert!(read_journal(bad).is_none(), "{bad}");
    }
}

#[test]
fn a_network_journal_is_the_same_design_with_a_key_of_its_own() {
    use sitebudget_core::app::saved::{
        is_journal_key, journal_key_of, journal_replay, journal_text, read_journal, JOURNAL_KEY,
    };
    use sitebudget_core::app::Plan;
    use sitebudget_core::io::store::fingerprint;
    let key = "network:3";
    assert_eq!(journal_key_of(key), "sitebudget-journal:network:3");
    assert!(is_journal_key(&journal_key_of(key)) && is_journal_key(JOURNAL_KEY));
    assert!(!is_journal_key("sitebudget-journalx") && !is_journal_key(key));
    let before = r#"{"format": "sitebudget-network/1", "name": "A", "schools": []}"#;
    let after = r#"{"format": "sitebudget-network/1", "name": "B", "schools": []}"#;
    let plan = Plan::one(key, Some(after.into()), Some(fingerprint(before)));
    let journal = read_journal(&journal_text(&plan)).expect("the journal reads back");
    // The write did not finish: the record is as this tab last saw it, so it is replayed.
    let mut records = Map::new();
    records.insert(key.to_owned(), before.to_owned());
    assert_eq!(journal_replay(&journal, &records), plan.writes);
    // Another tab wrote the record since (or this tab's write finished): not replayed.
    records.insert(key.to_owned(), after.to_owned());
    assert!(journal_replay(&journal, &records).is_empty());
    // A network saved for the first time expects no record.
    let new = read_journal(&journal_text(&Plan::one(key, Some(after.into()), None))).unwrap();
    assert_eq!(journal_replay(&new, &Map::new()).len(), 1);
    assert!(journal_replay(&new, &records).is_empty());
}
