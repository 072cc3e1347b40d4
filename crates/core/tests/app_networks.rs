//! Saved networks: the pure state with undo and redo, and its record round trip.

use std::rc::Rc;

use rust_decimal::Decimal;
use sitebudget_core::app::networks::{
    change_in_bounds, network_key, network_of_key, Arrival, Network, NetworkAction, NetworkSchool,
    NetworkState,
};
use sitebudget_core::engine::NetworkScenario;
use sitebudget_core::io::network::read_network;
use sitebudget_core::io::parse_document;
use sitebudget_core::io::sample::sample_document;

const ALDER: &str = include_str!("../../../tests/e2e/fixtures/network/schools/alder.json");
const BIRCH: &str = include_str!("../../../tests/e2e/fixtures/network/schools/birch.json");
const NETWORK: &str = include_str!("../../../tests/e2e/fixtures/network/network.json");

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn state() -> Rc<NetworkState> {
    let docs = [ALDER, BIRCH].map(|t| Rc::new(parse_document(t).unwrap()));
    Rc::new(NetworkState::new(Network::of_budgets(
        "Coach's schools",
        &docs,
    )))
}

fn apply(s: &Rc<NetworkState>, action: NetworkAction, at: f64) -> Rc<NetworkState> {
    s.clone().apply(action, at)
}

#[test]
fn keys_name_networks() {
    assert_eq!(network_key(7), "network:7");
    assert_eq!(network_of_key("network:7"), Some(7));
    assert_eq!(network_of_key("network:x"), None);
    assert_eq!(network_of_key("sitebudget.index"), None);
}

#[test]
fn changes_are_undo_steps_and_a_slider_drag_is_one() {
    let s0 = state();
    // A drag: three moves within a second are one step.
    let s1 = apply(&s0, NetworkAction::SetChange(d("-0.02")), 0.0);
    let s2 = apply(&s1, NetworkAction::SetChange(d("-0.05")), 300.0);
    let s3 = apply(&s2, NetworkAction::SetChange(d("-0.08")), 600.0);
    assert_eq!(s3.network.scenario.change, d("-0.08"));
    assert_eq!(s3.history.undo_steps(), 1);
    // A school's own change, later: a second step.
    let s4 = apply(&s3, NetworkAction::SetOverride(1, Some(d("0.03"))), 5000.0);
    assert_eq!(s4.network.scenario.change_for(1), d("0.03"));
    assert_eq!(s4.network.scenario.change_for(0), d("-0.08"));
    let back = apply(&s4, NetworkAction::Undo, 6000.0);
    assert_eq!(back.network, s3.network);
    let back = apply(&back, NetworkAction::Undo, 6100.0);
    assert_eq!(back.network, s0.network);
    // Nothing more to undo: the same Rc.
    assert!(Rc::ptr_eq(
        &apply(&back, NetworkAction::Undo, 6200.0),
        &back
    ));
    let again = apply(&back, NetworkAction::Redo, 6300.0);
    assert_eq!(again.network, s3.network);
}

#[test]
fn an_action_that_changes_nothing_returns_the_same_state() {
    let s = state();
    for action in [
        NetworkAction::SetChange(Decimal::ZERO),
        NetworkAction::SetChange(d("-1.01")),
        NetworkAction::SetChange(d("1.5")),
        NetworkAction::SetOverride(5, Some(d("0.1"))),
        NetworkAction::SetOverride(0, Some(d("2"))),
        NetworkAction::SetOverride(0, None),
        NetworkAction::Rename("  ".into()),
        NetworkAction::Rename("Coach's schools".into()),
        NetworkAction::RemoveSchool(2),
        NetworkAction::AddSchools(Vec::new()),
        NetworkAction::Loaded(0, Err("x".into())),
        NetworkAction::Redo,
    ] {
        assert!(
            Rc::ptr_eq(&apply(&s, action.clone(), 0.0), &s),
            "{action:?}"
        );
    }
    assert!(change_in_bounds(d("-1")) && change_in_bounds(d("1")));
    assert!(!change_in_bounds(d("-1.0001")));
}

#[test]
fn adding_removing_and_renaming_schools() {
    let s = state();
    let s = apply(&s, NetworkAction::Rename("  Eastside ".into()), 0.0);
    assert_eq!(s.network.name, "Eastside");
    let s = apply(
        &s,
        NetworkAction::AddSchools(vec![Rc::new(sample_document())]),
        2000.0,
    );
    assert_eq!(s.network.schools.len(), 3);
    assert_eq!(s.network.schools[2].name(2), "Jacaranda Avenue Elementary");
    // Overrides follow their school when one before it is removed.
    let s = apply(&s, NetworkAction::SetOverride(2, Some(d("0.04"))), 4000.0);
    let s = apply(&s, NetworkAction::RemoveSchool(0), 6000.0);
    assert_eq!(s.network.schools.len(), 2);
    assert_eq!(s.network.schools[1].name(1), "Jacaranda Avenue Elementary");
    assert_eq!(s.network.scenario.overrides, vec![None, Some(d("0.04"))]);
    // Removing the overridden school takes its change with it.
    let s = apply(&s, NetworkAction::RemoveSchool(1), 8000.0);
    assert_eq!(*s.network.scenario, NetworkScenario::default());
    assert_eq!(s.history.undo_steps(), 5);
}

#[test]
fn loading_a_src_school_is_not_an_undo_step() {
    let file = read_network(NETWORK).unwrap();
    let s = Rc::new(NetworkState::new(Network::from_file(file)));
    assert_eq!(s.network.schools.len(), 4);
    assert_eq!(s.network.schools[0].name(0), "schools/alder.json");
    assert!(s.network.schools[0]
        .problem()
        .unwrap()
        .contains("not been loaded yet"));
    let alder = Rc::new(parse_document(ALDER).unwrap());
    let s = apply(&s, NetworkAction::Loaded(0, Ok(alder.clone())), 0.0);
    let s = apply(
        &s,
        NetworkAction::Loaded(3, Err("The budget file could not be read.".into())),
        0.0,
    );
    assert_eq!(s.network.schools[0], NetworkSchool::Budget(alder));
    assert_eq!(
        s.network.schools[3].problem().as_deref(),
        Some("The budget file could not be read.")
    );
    assert_eq!(s.history.undo_steps(), 0);
    // Only a src school loads: the inline one stays as it is.
    assert!(Rc::ptr_eq(
        &apply(&s, NetworkAction::Loaded(2, Err("x".into())), 0.0),
        &s
    ));
}

#[test]
fn the_record_round_trips_schools_and_scenario() {
    let file = read_network(NETWORK).unwrap();
    let s = Rc::new(NetworkState::new(Network::from_file(file)));
    let s = apply(
        &s,
        NetworkAction::Loaded(0, Ok(Rc::new(parse_document(ALDER).unwrap()))),
        0.0,
    );
    let s = apply(&s, NetworkAction::SetChange(d("-0.05")), 0.0);
    let s = apply(&s, NetworkAction::SetOverride(2, Some(d("0.03"))), 2000.0);
    let record = s.network.record();
    assert!(
        record.contains(r#""scenario": {"change": "-0.05", "overrides": {"2": "0.03"}}"#),
        "{record}"
    );
    // Alder is inline now; Birch and the broken school are still src paths.
    assert!(record.contains(r#"{"src": "schools/birch.json"}"#));
    let (back, problems) = Network::from_record(&record).unwrap();
    assert!(problems.is_empty());
    assert_eq!(back, s.network);
    // The export is the same file without the scenario.
    let export = s.network.export();
    assert!(!export.contains("scenario"));
    let (plain, _) = Network::from_record(&export).unwrap();
    assert_eq!(plain.schools, s.network.schools);
    assert_eq!(*plain.scenario, NetworkScenario::default());
    // A record that is not a network is refused whole, with why.
    assert!(Network::from_record("{}").is_err());
}

#[test]
fn a_bad_inline_school_is_kept_through_the_record() {
    let text = r#"{"format": "sitebudget-network/1", "name": "N", "schools": [{"budget": {"format": "sitebudget/1"}}]}"#;
    let (n, _) = Network::from_record(text).unwrap();
    let NetworkSchool::Bad(bad) = &n.schools[0] else {
        panic!("bad school expected");
    };
    assert!(n.schools[0]
        .problem()
        .unwrap()
        .starts_with("School 1's budget:"));
    assert_eq!(n.schools[0].name(0), "School 1");
    let (again, _) = Network::from_record(&n.record()).unwrap();
    assert_eq!(again.schools[0], NetworkSchool::Bad(bad.clone()));
}

#[test]
fn the_exports_rows_and_title_come_from_the_network_and_its_rows() {
    use sitebudget_core::engine::{school_row, NetworkRows};
    let file = read_network(NETWORK).unwrap();
    let s = Rc::new(NetworkState::new(Network::from_file(file)));
    let alder = Rc::new(parse_document(ALDER).unwrap());
    let s = apply(&s, NetworkAction::Loaded(0, Ok(alder.clone())), 0.0);
    let s = apply(
        &s,
        NetworkAction::Loaded(3, Err("The budget file is not a valid budget.".into())),
        0.0,
    );
    let s = apply(&s, NetworkAction::SetChange(d("-0.1")), 0.0);
    let s = apply(&s, NetworkAction::SetOverride(0, Some(d("0.05"))), 2000.0);
    let mut rows = NetworkRows::default();
    // Alder and the inline Cedar have budgets; Birch is not loaded, the broken one failed.
    assert_eq!(rows.update(&s.network.docs(), &s.network.scenario), 2);
    let table = s.network.table_rows(&rows);
    assert_eq!(table.len(), 4);
    assert_eq!(table[0].school, "Alder Elementary");
    assert_eq!(table[0].change, d("0.05"));
    assert_eq!(table[0].row, Ok(school_row(&alder, d("0.05")).unwrap()));
    assert_eq!(table[1].school, "schools/birch.json");
    assert_eq!(
        table[1].row,
        Err("The budget file schools/birch.json has not been loaded yet.".into())
    );
    assert_eq!(table[2].change, d("-0.1"));
    assert!(table[2].row.is_ok());
    assert_eq!(
        table[3].row,
        Err("The budget file is not a valid budget.".into())
    );
    assert_eq!(
        s.network.table_title(),
        "Eastside test network: enrollment change \u{2212}10%, 1 school with its own change"
    );
}

#[test]
fn a_school_edited_in_the_workspace_replaces_it_as_an_undo_step() {
    let s0 = state();
    let mut edited = parse_document(ALDER).unwrap();
    edited.school.name = "Alder Elementary (edited)".to_owned();
    let edited = Rc::new(edited);
    let s1 = apply(&s0, NetworkAction::ReplaceSchool(0, edited.clone()), 1000.0);
    assert!(Rc::ptr_eq(s1.network.schools[0].doc().unwrap(), &edited));
    assert_eq!(s1.network.schools[1], s0.network.schools[1]);
    assert_eq!(s1.history.undo_steps(), 1);
    // The record keeps the edit.
    let (again, _) = Network::from_record(&s1.network.record()).unwrap();
    assert_eq!(
        again.schools[0].doc().unwrap().school.name,
        "Alder Elementary (edited)"
    );
    // The same budget again, or one equal to it, changes nothing: the same Rc.
    let same = apply(&s1, NetworkAction::ReplaceSchool(0, edited.clone()), 2000.0);
    assert!(Rc::ptr_eq(&same, &s1));
    let equal = Rc::new((*edited).clone());
    assert!(Rc::ptr_eq(
        &apply(&s1, NetworkAction::ReplaceSchool(0, equal), 2000.0),
        &s1
    ));
    // Out of range: nothing.
    assert!(Rc::ptr_eq(
        &apply(&s1, NetworkAction::ReplaceSchool(9, edited.clone()), 2000.0),
        &s1
    ));
    // Undo brings the budget as it was.
    let back = apply(&s1, NetworkAction::Undo, 3000.0);
    assert_eq!(back.network, s0.network);
    // Edits typed close together (each carried back as made) are one step.
    let mut again = (*edited).clone();
    again.school.name = "Alder Elementary (edited twice)".to_owned();
    let s2 = apply(&s1, NetworkAction::ReplaceSchool(0, Rc::new(again)), 1300.0);
    assert_eq!(s2.history.undo_steps(), 1);
    assert_eq!(apply(&s2, NetworkAction::Undo, 4000.0).network, s0.network);
}

/// The fixture network with its `src` schools marked as coming, and what to fetch.
fn coming() -> (Rc<NetworkState>, Vec<(usize, String)>) {
    let mut network = Network::from_file(read_network(NETWORK).unwrap());
    let todo = network.start_loading();
    (Rc::new(NetworkState::new(network)), todo)
}

fn arrival(index: usize, src: &str, text: Option<&str>) -> Arrival {
    Arrival {
        index,
        src: src.into(),
        result: match text {
            Some(t) => Ok(Rc::new(parse_document(t).unwrap())),
            None => Err("The budget file could not be read.".into()),
        },
    }
}

#[test]
fn schools_arrive_in_batches_and_the_total_is_over_the_loaded_ones_only() {
    use sitebudget_core::engine::NetworkRows;
    let (s, todo) = coming();
    // Alder, Birch and the broken file are fetched; Cedar is inline, there already.
    let paths: Vec<&str> = todo.iter().map(|(_, p)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "schools/alder.json",
            "schools/birch.json",
            "schools/broken.json"
        ]
    );
    assert_eq!(s.network.waiting(), 3);
    assert!(s.network.schools[1].is_loading());
    assert_eq!(s.network.schools[1].name(1), "schools/birch.json");
    // Still coming: written as its src, nothing lost.
    assert!(s
        .network
        .record()
        .contains(r#"{"src": "schools/birch.json"}"#));

    // One batch: Alder and the broken file; Birch still held back.
    let s = apply(
        &s,
        NetworkAction::Arrived(vec![
            arrival(0, "schools/alder.json", Some(ALDER)),
            arrival(3, "schools/broken.json", None),
        ]),
        0.0,
    );
    assert_eq!(s.network.waiting(), 1);
    assert_eq!(s.history.undo_steps(), 0, "a load is not an undo step");
    assert!(s.network.schools[3]
        .problem()
        .unwrap()
        .contains("could not be read"));
    let mut rows = NetworkRows::default();
    assert_eq!(rows.update(&s.network.docs(), &s.network.scenario), 2);
    // A row is had only under the change it was computed for; Birch has none yet.
    assert!(rows.get_under(0, Decimal::ZERO).is_some());
    assert!(rows.get_under(0, d("-0.1")).is_none());
    assert!(rows.get_under(1, Decimal::ZERO).is_none());
    // Alder and Cedar only: pupils 100 + 0 = 100; allocation 556,000 + 20,000 = 576,000;
    // per pupil 576,000 ÷ 100 = 5,760; balance 21,000 + 15,000 = 36,000; flexible
    // 106,000 + 20,000 = 126,000, index 126,000 ÷ 576,000 = 0.21875; lose min(25, none) = 25.
    let t = rows.total();
    assert_eq!(t.schools, 2);
    assert_eq!(t.pupils, 100);
    assert_eq!(t.allocation, d("576000"));
    assert_eq!(t.per_pupil, Some(d("5760")));
    assert_eq!(t.balance, d("36000"));
    assert_eq!(t.flexible, d("126000"));
    assert_eq!(t.flex_index, d("0.21875"));
    assert_eq!(t.lose, Some(25));

    // Birch arrives: only it is computed, and the total is the three schools' (EXPECTED.md):
    // 280 pupils, 1,306,000, per pupil 4,664.29, balance −9,000, lose 18.
    let s = apply(
        &s,
        NetworkAction::Arrived(vec![arrival(1, "schools/birch.json", Some(BIRCH))]),
        0.0,
    );
    assert_eq!(s.network.waiting(), 0);
    assert_eq!(rows.update(&s.network.docs(), &s.network.scenario), 1);
    let t = rows.total();
    assert_eq!((t.schools, t.pupils), (3, 280));
    assert_eq!(t.allocation, d("1306000"));
    assert_eq!(t.per_pupil, Some(d("4664.29")));
    assert_eq!(t.balance, d("-9000"));
    assert_eq!(t.lose, Some(18));
    // A file that arrives again (or for a school no longer coming) changes nothing.
    assert!(Rc::ptr_eq(
        &apply(
            &s,
            NetworkAction::Arrived(vec![arrival(1, "schools/birch.json", Some(BIRCH))]),
            0.0
        ),
        &s
    ));
}

#[test]
fn an_arrival_finds_its_school_after_a_removal_and_undo_keeps_what_arrived() {
    let (s, _) = coming();
    // While loading, the user sets a change (an undo step) and removes Alder (another).
    let s = apply(&s, NetworkAction::SetChange(d("-0.1")), 0.0);
    let s = apply(&s, NetworkAction::RemoveSchool(0), 5000.0);
    assert_eq!(s.network.schools.len(), 3);
    // Birch was asked for at 1 and is now at 0; Alder has no place now.
    let s = apply(
        &s,
        NetworkAction::Arrived(vec![
            arrival(1, "schools/birch.json", Some(BIRCH)),
            arrival(0, "schools/alder.json", Some(ALDER)),
        ]),
        6000.0,
    );
    assert_eq!(s.network.schools[0].name(0), "Birch Middle School");
    assert_eq!(s.network.waiting(), 1, "the broken file is still coming");
    assert_eq!(s.history.undo_steps(), 2);
    // Undo the removal: Alder is back, loaded, and so is Birch (the steps took the arrivals).
    let back = apply(&s, NetworkAction::Undo, 7000.0);
    assert_eq!(back.network.schools[0].name(0), "Alder Elementary");
    assert_eq!(back.network.schools[1].name(1), "Birch Middle School");
    let first = apply(&back, NetworkAction::Undo, 8000.0);
    assert_eq!(first.network.scenario.change, Decimal::ZERO);
    assert_eq!(first.network.waiting(), 1);
    // Redo all the way: still loaded.
    let again = apply(
        &apply(&first, NetworkAction::Redo, 0.0),
        NetworkAction::Redo,
        0.0,
    );
    assert_eq!(again.network.schools[0].name(0), "Birch Middle School");
}
