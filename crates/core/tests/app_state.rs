//! The app state's actions, natively: undo grouping by the time passed in, what is
//! saved and restored, the budget list, share links, imports, scenarios, steering and
//! refused edits.

use std::collections::BTreeMap;
use std::rc::Rc;
use std::str::FromStr;

use rust_decimal::Decimal;
use sitebudget_core::app::saved::{Refused, FULL};
use sitebudget_core::app::{
    edited_line_ids, restore, with_line_edits, Action, AppState, ImportStatus, ImportTarget,
    LineSteer, Records, Saver, SharedChoice, StorageStatus,
};
use sitebudget_core::edit::{Edit, Field, Target};
use sitebudget_core::engine::{EnrollmentInput, Scenario};
use sitebudget_core::io::sample::sample_document;
use sitebudget_core::io::store::{doc_key, read_index, read_work, work_key, INDEX_KEY};
use sitebudget_core::io::to_json;
use sitebudget_core::model::{Document, LineKind, Priority};

/// Applies `actions` in order, each one second after the last (never joined).
fn run(state: Rc<AppState>, actions: impl IntoIterator<Item = Action>) -> Rc<AppState> {
    actions
        .into_iter()
        .enumerate()
        .fold(state, |s, (i, a)| s.apply(a, 10_000.0 * (i as f64 + 1.0)))
}

fn sample() -> Rc<AppState> {
    Rc::new(AppState::with_sample())
}

fn change(fraction: &str) -> Scenario {
    Scenario {
        enrollment: EnrollmentInput::Change(Decimal::from_str(fraction).unwrap()),
        ..Scenario::default()
    }
}

fn set(fraction: &str) -> Action {
    Action::SetScenario(Box::new(change(fraction)))
}

fn doc_named(name: &str) -> Document {
    let mut doc = sample_document();
    doc.school.name = name.into();
    doc
}

fn line<'d>(doc: &'d Document, id: &str) -> &'d sitebudget_core::model::Line {
    doc.lines.iter().find(|l| l.id == id).unwrap()
}

fn names(state: &AppState) -> Vec<&str> {
    state
        .open
        .scenarios
        .iter()
        .map(|n| n.name.as_str())
        .collect()
}

// ---- undo and redo ----

#[test]
fn slider_moves_within_a_second_of_each_other_are_one_undo_step() {
    // 0 ms, 300 ms, 900 ms: each within 1,000 ms of the last, so one step.
    let s = sample()
        .apply(set("-0.01"), 0.0)
        .apply(set("-0.02"), 300.0)
        .apply(set("-0.03"), 900.0);
    assert_eq!(*s.scenario(), change("-0.03"));
    assert_eq!(s.history.undo_steps(), 1);
    let undone = s.apply(Action::Undo, 1_000.0);
    assert_eq!(*undone.scenario(), Scenario::default());
}

#[test]
fn slider_moves_a_second_apart_are_separate_steps() {
    // 0 ms then 1,500 ms: further apart than 1,000 ms.
    let s = sample()
        .apply(set("-0.01"), 0.0)
        .apply(set("-0.02"), 1_500.0);
    assert_eq!(s.history.undo_steps(), 2);
    let undone = s.apply(Action::Undo, 2_000.0);
    assert_eq!(*undone.scenario(), change("-0.01"));
}

#[test]
fn slider_moves_on_different_scenarios_never_join() {
    let s = sample().apply(set("-0.01"), 0.0);
    // A new scenario (kind 0) and a move on it, all within one second.
    let s = s
        .apply(Action::NewScenario, 100.0)
        .apply(set("-0.05"), 200.0);
    assert_eq!(s.history.undo_steps(), 3);
}

#[test]
fn edits_close_together_stay_separate_steps() {
    let title = |v: &str| {
        Action::Edit(Edit::Set {
            target: Target::Line("ap".into()),
            field: Field::Title,
            value: v.into(),
        })
    };
    let s = sample().apply(title("A"), 0.0).apply(title("AB"), 10.0);
    assert_eq!(s.history.undo_steps(), 2);
    let once = s.apply(Action::Undo, 20.0);
    assert_eq!(line(&once.open.doc, "ap").title, "A");
}

#[test]
fn redo_steps_forward_and_a_new_change_clears_it() {
    let s = run(sample(), [set("-0.01"), Action::Undo]);
    assert_eq!(s.history.redo_steps(), 1);
    let redone = s.clone().apply(Action::Redo, 99_000.0);
    assert_eq!(*redone.scenario(), change("-0.01"));
    let branched = s.apply(set("-0.02"), 99_000.0);
    assert_eq!(branched.history.redo_steps(), 0);
    let same = branched.clone().apply(Action::Redo, 99_500.0);
    assert!(Rc::ptr_eq(&same, &branched));
}

#[test]
fn undo_with_nothing_to_undo_changes_nothing() {
    let s = sample();
    assert!(Rc::ptr_eq(&s.clone().apply(Action::Undo, 0.0), &s));
}

#[test]
fn undo_past_a_new_scenario_drops_the_comparison_with_it() {
    let s = run(sample(), [Action::NewScenario]);
    let s = run(s, [Action::SwitchScenario(1), Action::CompareWith(Some(2))]);
    assert_eq!(s.open.compare_with, Some(2));
    // Undo the new scenario: scenario 2 is gone, so the comparison goes with it.
    let s = s.apply(Action::Undo, 1e9);
    assert_eq!(names(&s), ["Scenario 1"]);
    assert_eq!((s.open.active, s.open.compare_with), (1, None));
}

// ---- scenarios ----

#[test]
fn new_and_duplicate_scenarios_get_unused_names_and_become_active() {
    let s = run(sample(), [set("-0.10"), Action::NewScenario]);
    assert_eq!(s.open.active, 2);
    let s = run(
        s,
        [Action::DuplicateScenario(1), Action::DuplicateScenario(1)],
    );
    assert_eq!(
        names(&s),
        [
            "Scenario 1",
            "Scenario 2",
            "Scenario 1 copy",
            "Scenario 1 copy (2)"
        ]
    );
    assert_eq!(s.open.active, 4);
    // The copy shares its inputs with the original until either changes.
    assert!(Rc::ptr_eq(
        &s.named(4).unwrap().scenario,
        &s.named(1).unwrap().scenario
    ));
    let same = s.clone().apply(Action::DuplicateScenario(99), 0.0);
    assert!(Rc::ptr_eq(&same, &s));
}

#[test]
fn renaming_trims_and_ignores_blank_names() {
    let s = run(
        sample(),
        [Action::RenameScenario(1, "  Fewer pupils ".into())],
    );
    assert_eq!(names(&s), ["Fewer pupils"]);
    assert_eq!(s.history.undo_steps(), 1);
    let same = s
        .clone()
        .apply(Action::RenameScenario(1, "   ".into()), 0.0);
    assert!(Rc::ptr_eq(&same, &s));
}

#[test]
fn renaming_a_scenario_to_its_own_name_records_no_undo_step() {
    let s = sample();
    let renamed = s
        .clone()
        .apply(Action::RenameScenario(1, " Scenario 1 ".into()), 0.0);
    assert_eq!(renamed.history.undo_steps(), 0);
    assert!(Rc::ptr_eq(&renamed, &s));
}

#[test]
fn renaming_keeps_the_document_and_the_scenario_inputs_it_does_not_touch() {
    // What the figures read stays the same value, so they are not computed again.
    let s = run(sample(), [set("-0.10")]);
    let renamed = s
        .clone()
        .apply(Action::RenameScenario(1, "Plan B".into()), 1e9);
    assert!(Rc::ptr_eq(&renamed.open.doc, &s.open.doc));
    assert!(Rc::ptr_eq(&renamed.scenario(), &s.scenario()));
    assert_ne!(renamed.saved(), s.saved());
}

#[test]
fn deleting_scenarios_keeps_the_last_and_moves_active_and_comparison() {
    let s = run(
        sample(),
        [
            Action::NewScenario,
            Action::NewScenario,
            Action::CompareWith(Some(2)),
        ],
    );
    assert_eq!((s.open.active, s.open.compare_with), (3, Some(2)));
    let s = run(s, [Action::DeleteScenario(2)]);
    assert_eq!(names(&s), ["Scenario 1", "Scenario 3"]);
    assert_eq!(s.open.compare_with, None);
    let s = run(s, [Action::DeleteScenario(3)]);
    assert_eq!(s.open.active, 1);
    let same = s.clone().apply(Action::DeleteScenario(1), 0.0);
    assert!(Rc::ptr_eq(&same, &s));
}

#[test]
fn switching_and_comparing_refuse_unknown_scenarios() {
    let s = run(
        sample(),
        [Action::NewScenario, Action::CompareWith(Some(1))],
    );
    assert_eq!((s.open.active, s.open.compare_with), (2, Some(1)));
    assert!(Rc::ptr_eq(
        &s.clone().apply(Action::SwitchScenario(9), 0.0),
        &s
    ));
    // Switching to the compared scenario stops comparing it with itself.
    let s = run(s, [Action::SwitchScenario(1)]);
    assert_eq!((s.open.active, s.open.compare_with), (1, None));
    let s = run(
        s,
        [Action::CompareWith(Some(1)), Action::CompareWith(Some(7))],
    );
    assert_eq!(s.open.compare_with, None);
    // Switching and comparing are not undo steps: they change neither document nor list.
    assert_eq!(s.history.undo_steps(), 1);
}

// ---- steering and edits ----

/// The line as the active scenario has it.
fn scenario_line(state: &AppState, id: &str) -> sitebudget_core::model::Line {
    let doc = with_line_edits(&state.open.doc, &state.scenario().line_edits);
    line(&doc, id).clone()
}

#[test]
fn steering_a_line_edits_the_active_scenario_not_the_budget() {
    let start = sample();
    let s = run(
        start.clone(),
        [Action::SteerLine {
            line: "intervention".into(),
            steer: LineSteer::Priority(Priority::Flexible),
        }],
    );
    // The budget is the same value; the scenario carries one Replace of `ap`.
    assert!(Rc::ptr_eq(&s.open.doc, &start.open.doc));
    assert_eq!(
        line(&s.open.doc, "intervention").priority,
        Priority::Essential
    );
    assert_eq!(
        scenario_line(&s, "intervention").priority,
        Priority::Flexible
    );
    assert_eq!(edited_line_ids(&s.scenario()), ["intervention"]);
    assert_eq!(s.field_error, None);
    let s = run(s, [Action::Undo]);
    assert!(s.scenario().line_edits.is_empty());
}

#[test]
fn steering_in_one_scenario_leaves_the_others_and_reset_clears_it() {
    // Scenario 1 at −12%, scenario 2 at −5%; protect the nurse in scenario 2 only.
    let s = run(
        sample(),
        [
            set("-0.12"),
            Action::NewScenario,
            set("-0.05"),
            Action::SteerLine {
                line: "nurse".into(),
                steer: LineSteer::Priority(Priority::Protected),
            },
            Action::SteerLine {
                line: "nurse".into(),
                steer: LineSteer::CutRank(Some(3)),
            },
        ],
    );
    let nurse = scenario_line(&s, "nurse");
    assert_eq!(
        (nurse.priority, nurse.cut_rank),
        (Priority::Protected, Some(3))
    );
    // Two steers of one line are one edit.
    assert_eq!(s.scenario().line_edits.len(), 1);
    let s1 = run(s.clone(), [Action::SwitchScenario(1)]);
    assert!(s1.scenario().line_edits.is_empty());
    assert_eq!(scenario_line(&s1, "nurse").priority, Priority::Essential);
    // Steering back to the budget's values drops the edit.
    let back = run(
        s.clone(),
        [
            Action::SteerLine {
                line: "nurse".into(),
                steer: LineSteer::Priority(Priority::Essential),
            },
            Action::SteerLine {
                line: "nurse".into(),
                steer: LineSteer::CutRank(None),
            },
        ],
    );
    assert!(back.scenario().line_edits.is_empty());
    // "Reset to the budget" is the default scenario: no line edits.
    let reset = run(s, [Action::SetScenario(Box::default())]);
    assert!(reset.scenario().line_edits.is_empty());
}

#[test]
fn applying_a_scenarios_line_edits_changes_the_budget_and_is_undone() {
    let s = run(
        sample(),
        [
            Action::SteerLine {
                line: "nurse".into(),
                steer: LineSteer::Priority(Priority::Protected),
            },
            Action::ApplyLineEdits,
        ],
    );
    assert_eq!(line(&s.open.doc, "nurse").priority, Priority::Protected);
    assert!(s.scenario().line_edits.is_empty());
    let s = run(s, [Action::Undo]);
    assert_eq!(line(&s.open.doc, "nurse").priority, Priority::Essential);
    assert_eq!(edited_line_ids(&s.scenario()), ["nurse"]);
    // Nothing to apply changes nothing.
    let t = s.clone().apply(Action::Undo, 1e9);
    let u = t.clone().apply(Action::ApplyLineEdits, 2e9);
    assert!(Rc::ptr_eq(&t, &u));
}

#[test]
fn steering_vacancy_on_an_item_is_refused_at_its_field() {
    let start = sample();
    let s = run(
        start.clone(),
        [Action::SteerLine {
            line: "supplies".into(),
            steer: LineSteer::Vacant(true),
        }],
    );
    let err = s.field_error.clone().unwrap();
    assert_eq!((err.line.as_str(), err.field), ("supplies", "vacant"));
    assert_eq!(err.message, "only positions have this field");
    assert!(Rc::ptr_eq(&s.open.doc, &start.open.doc));
    assert!(Rc::ptr_eq(&s.open.scenarios, &start.open.scenarios));
    assert_eq!(s.history.undo_steps(), 0);
}

#[test]
fn steering_an_unknown_line_or_a_zero_step_is_refused() {
    let s = run(
        sample(),
        [Action::SteerLine {
            line: "nope".into(),
            steer: LineSteer::CutRank(Some(1)),
        }],
    );
    assert_eq!(
        s.field_error.as_ref().unwrap().message,
        "there is no line `nope`"
    );
    let s = run(
        s,
        [Action::SteerLine {
            line: "intervention".into(),
            steer: LineSteer::FteStep(Decimal::ZERO),
        }],
    );
    let err = s.field_error.clone().unwrap();
    assert_eq!((err.line.as_str(), err.field), ("intervention", "fte_step"));
    assert!(s.scenario().line_edits.is_empty());
    let LineKind::Position(pos) = &scenario_line(&s, "intervention").kind else {
        panic!("intervention is a position");
    };
    assert_eq!(pos.fte_step, Decimal::ONE);
}

#[test]
fn a_refused_edit_is_kept_until_a_good_one() {
    let fte = |v: &str| {
        Action::Edit(Edit::Set {
            target: Target::Line("ap".into()),
            field: Field::Fte,
            value: v.into(),
        })
    };
    let s = run(sample(), [fte("lots")]);
    assert!(s.edit_error.is_some());
    assert_eq!(s.history.undo_steps(), 0);
    let s = run(s, [fte("2")]);
    assert_eq!(s.edit_error, None);
    let LineKind::Position(pos) = &line(&s.open.doc, "ap").kind else {
        panic!("ap is a position");
    };
    assert_eq!(pos.fte, Decimal::TWO);
}

#[test]
fn years_are_clamped_and_not_an_undo_step() {
    let s = run(sample(), [Action::SetYears(40)]);
    assert_eq!(s.open.years, 10);
    let s = run(s, [Action::SetYears(0)]);
    assert_eq!(s.open.years, 1);
    assert_eq!(s.history.undo_steps(), 0);
}

// ---- imports ----

#[test]
fn an_import_waits_in_preview_then_replaces_the_budget_undoably() {
    let s = run(
        sample(),
        [
            Action::NewScenario,
            Action::ImportReady {
                file: "north.json".into(),
                doc: Box::new(doc_named("North")),
                bad: vec![],
            },
        ],
    );
    let ImportStatus::Preview(preview) = &s.import else {
        panic!("a preview");
    };
    assert_eq!(preview.file, "north.json");
    assert_eq!(s.open.doc.school.name, "Jacaranda Avenue Elementary");
    let s = run(s, [Action::ConfirmImport(ImportTarget::Replace)]);
    assert_eq!(s.open.doc.school.name, "North");
    assert_eq!(names(&s), ["Scenario 1"]);
    assert_eq!(
        s.import,
        ImportStatus::Loaded {
            file: "north.json".into()
        }
    );
    let s = run(s, [Action::Undo]);
    assert_eq!(s.open.doc.school.name, "Jacaranda Avenue Elementary");
    assert_eq!(names(&s), ["Scenario 1", "Scenario 2"]);
}

#[test]
fn an_import_as_a_new_budget_keeps_the_open_one_and_starts_a_clean_history() {
    let s = run(
        sample(),
        [
            set("-0.05"),
            Action::ImportReady {
                file: "north.json".into(),
                doc: Box::new(doc_named("North")),
                bad: vec![],
            },
            Action::ConfirmImport(ImportTarget::NewBudget),
        ],
    );
    assert_eq!((s.open.id, s.open.label.as_str()), (2, "North"));
    assert_eq!(s.others.len(), 1);
    assert_eq!(*s.others[0].scenario(), change("-0.05"));
    // The other budget's document is not an undo step of this one.
    assert_eq!(s.history.undo_steps(), 0);
}

#[test]
fn a_file_with_bad_rows_imports_its_good_rows_only_when_asked_by_name() {
    use sitebudget_core::io::line_rows::BadRow;
    use sitebudget_core::model::{Place, Problem};
    let bad = vec![BadRow {
        row: 3,
        title: "Librarian".into(),
        problems: vec![Problem::new(
            &Place::Row(3),
            "funding",
            "source `x` does not exist",
        )],
    }];
    let s = run(
        sample(),
        [Action::ImportReady {
            file: "staff.csv".into(),
            doc: Box::new(doc_named("North")),
            bad,
        }],
    );
    // A plain confirm never drops rows silently: nothing changes.
    for target in [ImportTarget::Replace, ImportTarget::NewBudget] {
        let same = s.clone().apply(Action::ConfirmImport(target), 0.0);
        assert!(Rc::ptr_eq(&same, &s));
    }
    let s = run(s, [Action::ImportGoodRows(ImportTarget::Replace)]);
    assert_eq!(s.open.doc.school.name, "North");
    assert_eq!(
        s.import,
        ImportStatus::Loaded {
            file: "staff.csv (good rows only; 1 row left out)".into()
        }
    );
    let s = run(s, [Action::Undo]);
    assert_eq!(s.open.doc.school.name, "Jacaranda Avenue Elementary");
}

#[test]
fn cancelled_refused_and_unasked_imports_leave_the_budget() {
    let start = sample();
    let same = start
        .clone()
        .apply(Action::ConfirmImport(ImportTarget::Replace), 0.0);
    assert!(Rc::ptr_eq(&same, &start));
    let s = run(
        start.clone(),
        [
            Action::ImportReady {
                file: "a.csv".into(),
                doc: Box::new(doc_named("A")),
                bad: vec![],
            },
            Action::CancelImport,
        ],
    );
    assert_eq!(s.import, ImportStatus::Idle);
    let s = run(
        s,
        [Action::ImportRefused {
            file: "b.csv".into(),
            problems: vec!["line 2: no amount".into()],
        }],
    );
    assert!(matches!(&s.import, ImportStatus::Refused { file, .. } if file == "b.csv"));
    assert!(Rc::ptr_eq(&s.open.doc, &start.open.doc));
    assert_eq!(s.history.undo_steps(), 0);
}

#[test]
fn reset_to_sample_is_undone() {
    let s = run(
        Rc::new(AppState::with_document(doc_named("Mine"))),
        [Action::ResetToSample],
    );
    assert_eq!(s.open.doc.school.name, "Jacaranda Avenue Elementary");
    // The budget keeps its own name in the list.
    assert_eq!(s.open.label, "Mine");
    let s = run(s, [Action::Undo]);
    assert_eq!(s.open.doc.school.name, "Mine");
}

// ---- shared links ----

#[test]
fn a_shared_link_opens_beside_the_open_budget_with_its_scenario() {
    let s = run(
        sample(),
        [Action::OpenShared {
            doc: Box::new(doc_named("Shared School")),
            scenario: Box::new(change("-0.10")),
            name: "  Ten percent fewer ".into(),
            from: "shared link".into(),
            others: vec![],
        }],
    );
    assert_eq!((s.open.id, s.open.label.as_str()), (2, "Shared School"));
    assert_eq!(names(&s), ["Ten percent fewer"]);
    assert_eq!(*s.scenario(), change("-0.10"));
    assert_eq!(s.others[0].doc.school.name, "Jacaranda Avenue Elementary");
    assert_eq!(s.history.undo_steps(), 0);
    assert_eq!(
        s.import,
        ImportStatus::Loaded {
            file: "shared link".into()
        }
    );
}

#[test]
fn a_shared_link_without_a_name_keeps_the_default_and_an_unused_label() {
    let shared = || Action::OpenShared {
        doc: Box::new(sample_document()),
        scenario: Box::new(Scenario::default()),
        name: " ".into(),
        from: "shared link".into(),
        others: vec![],
    };
    let keep = Action::ResolveShared(SharedChoice::KeepBoth);
    let s = run(sample(), [shared(), keep.clone(), shared(), keep]);
    assert_eq!(names(&s), ["Scenario 1"]);
    assert_eq!(s.open.label, "Jacaranda Avenue Elementary (3)");
}

#[test]
fn a_shared_copy_of_a_budget_already_here_asks_to_keep_both_or_replace() {
    // The sample is here; a link carries it with two scenarios, −10% (opened) and −5%.
    let shared = || Action::OpenShared {
        doc: Box::new(sample_document()),
        scenario: Box::new(change("-0.10")),
        name: "Ten fewer".into(),
        from: "shared link".into(),
        others: vec![(change("-0.05"), "Five fewer".into())],
    };
    let start = run(sample(), [set("-0.20")]);
    let asked = run(start.clone(), [shared()]);
    let offer = asked.shared_offer.clone().unwrap();
    assert_eq!(
        (offer.existing, offer.existing_label.as_str()),
        (1, "Jacaranda Avenue Elementary")
    );
    // Nothing opened yet.
    assert!(Rc::ptr_eq(&asked.open.scenarios, &start.open.scenarios));
    assert!(asked.others.is_empty());

    let cancelled = run(asked.clone(), [Action::ResolveShared(SharedChoice::Cancel)]);
    assert_eq!(cancelled.shared_offer, None);
    assert!(cancelled.others.is_empty());

    let both = run(
        asked.clone(),
        [Action::ResolveShared(SharedChoice::KeepBoth)],
    );
    assert_eq!(both.open.label, "Jacaranda Avenue Elementary (2)");
    assert_eq!(names(&both), ["Ten fewer", "Five fewer"]);
    assert_eq!(*both.scenario(), change("-0.10"));
    assert_eq!(both.others.len(), 1);

    let replaced = run(asked, [Action::ResolveShared(SharedChoice::Replace)]);
    assert_eq!((replaced.open.id, replaced.others.len()), (1, 0));
    assert_eq!(names(&replaced), ["Ten fewer", "Five fewer"]);
    // Undo brings back the budget as it was here, at −20%.
    let undone = run(replaced, [Action::Undo]);
    assert_eq!(names(&undone), ["Scenario 1"]);
    assert_eq!(*undone.scenario(), change("-0.20"));
}

// ---- budgets ----

#[test]
fn a_new_budget_is_the_sample_under_an_unused_name_with_its_own_history() {
    let s = run(sample(), [set("-0.05"), Action::NewBudget]);
    let list: Vec<(u32, String)> = s
        .budget_list()
        .into_iter()
        .map(|b| (b.id, b.label))
        .collect();
    assert_eq!(
        list,
        [
            (1, "Jacaranda Avenue Elementary".to_owned()),
            (2, "Jacaranda Avenue Elementary (2)".to_owned())
        ]
    );
    assert_eq!(s.open.id, 2);
    assert_eq!(*s.scenario(), Scenario::default());
    assert_eq!(s.history.undo_steps(), 0);
}

#[test]
fn switching_budgets_keeps_each_ones_scenarios() {
    let s = run(
        sample(),
        [
            Action::NewScenario,
            Action::SetYears(5),
            Action::NewBudget,
            set("-0.20"),
        ],
    );
    let s = run(s, [Action::OpenBudget(1)]);
    assert_eq!((s.open.id, s.open.active, s.open.years), (1, 2, 5));
    assert_eq!(names(&s), ["Scenario 1", "Scenario 2"]);
    assert_eq!(*s.others[0].scenario(), change("-0.20"));
    assert_eq!(s.history.undo_steps(), 0);
    assert!(Rc::ptr_eq(&s.clone().apply(Action::OpenBudget(1), 0.0), &s));
    assert!(Rc::ptr_eq(&s.clone().apply(Action::OpenBudget(9), 0.0), &s));
}

#[test]
fn renaming_a_budget_trims_and_ignores_blank() {
    let s = run(sample(), [Action::RenameBudget("  North site ".into())]);
    assert_eq!(s.open.label, "North site");
    // A budget's name is saved but is not an undo step.
    assert_eq!(s.history.undo_steps(), 0);
    assert!(Rc::ptr_eq(
        &s.clone().apply(Action::RenameBudget(" ".into()), 0.0),
        &s
    ));
}

#[test]
fn deleting_budgets_opens_the_lowest_other_then_the_sample() {
    let s = run(sample(), [Action::NewBudget, Action::NewBudget]);
    assert_eq!(s.open.id, 3);
    // A closed budget goes quietly; an unknown id changes nothing.
    let s = run(s, [Action::DeleteBudget(2)]);
    assert_eq!(
        s.budget_list().iter().map(|b| b.id).collect::<Vec<_>>(),
        [1, 3]
    );
    assert!(Rc::ptr_eq(
        &s.clone().apply(Action::DeleteBudget(2), 0.0),
        &s
    ));
    let s = run(s, [Action::DeleteBudget(3)]);
    assert_eq!((s.open.id, s.others.len()), (1, 0));
    // The last one gives way to the sample under an id other than its own.
    let s = run(s, [Action::DeleteBudget(1)]);
    assert_eq!((s.open.id, s.others.len()), (2, 0));
    assert_eq!(s.open.label, "Jacaranda Avenue Elementary");
}

// ---- what is saved ----

#[test]
fn the_saved_key_ignores_what_is_not_saved() {
    let s = sample();
    let t = run(
        s.clone(),
        [
            Action::FilterBySource(Some("gf".into())),
            Action::GroupBySource(true),
            Action::Storage(StorageStatus::Failing("full".into())),
            Action::ImportRefused {
                file: "x.csv".into(),
                problems: vec![],
            },
            Action::SteerLine {
                line: "nope".into(),
                steer: LineSteer::CutRank(None),
            },
        ],
    );
    assert_eq!(t.saved(), s.saved());
}

#[test]
fn the_saved_key_changes_with_every_saved_field() {
    let s = run(sample(), [Action::NewScenario]);
    for action in [
        set("-0.01"),
        Action::RenameScenario(1, "Other".into()),
        Action::SwitchScenario(1),
        Action::CompareWith(Some(1)),
        Action::SetYears(4),
        Action::RenameBudget("B".into()),
        Action::NewBudget,
        Action::Edit(Edit::AddSource),
    ] {
        let label = format!("{action:?}");
        let next = s.clone().apply(action, 0.0);
        assert_ne!(next.saved(), s.saved(), "{label}");
    }
}

/// Records in memory that count writes and can refuse them.
#[derive(Default)]
struct Counted {
    map: BTreeMap<String, String>,
    writes: Vec<String>,
    refuse: bool,
}

impl Records for Counted {
    fn get(&self, key: &str) -> Option<String> {
        self.map.get(key).cloned()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), Refused> {
        if self.refuse {
            return Err(Refused);
        }
        self.writes.push(key.to_owned());
        self.map.set(key, value)
    }

    fn remove(&mut self, key: &str) {
        self.map.remove(key);
    }

    fn keys(&self) -> Vec<String> {
        self.map.keys().cloned().collect()
    }
}

#[test]
fn a_first_visit_saves_the_sample_and_a_later_visit_restores_it() {
    let mut records = Counted::default();
    let (state, mut saver) = restore(&records);
    assert_eq!(state.open.doc.school.name, "Jacaranda Avenue Elementary");
    let state = run(Rc::new(state), [set("-0.10"), Action::SetYears(6)]);
    assert_eq!(saver.save(&state, &mut records), StorageStatus::Saved);
    assert_eq!(
        records.writes,
        [doc_key(1), work_key(1), INDEX_KEY.to_owned()]
    );
    let work = read_work(&records.map[&work_key(1)]).unwrap();
    assert_eq!(
        (work.years, work.scenarios[0].scenario.clone()),
        (6, change("-0.10"))
    );

    let (again, _) = restore(&records);
    assert_eq!(*again.open.doc, *state.open.doc);
    assert_eq!(*again.scenario(), change("-0.10"));
    assert_eq!(again.open.years, 6);
    assert_eq!(again.storage, StorageStatus::Saved);
}

#[test]
fn a_save_writes_only_the_records_that_changed() {
    let mut records = Counted::default();
    let (state, mut saver) = restore(&records);
    let state = run(Rc::new(state), [Action::NewBudget]);
    saver.save(&state, &mut records);
    records.writes.clear();
    // A scenario change on budget 2 rewrites its scenarios record only.
    let state = run(state, [set("-0.02")]);
    saver.save(&state, &mut records);
    assert_eq!(records.writes, [work_key(2)]);
    records.writes.clear();
    // Opening budget 1 rewrites only the index (which names the open one).
    let state = run(state, [Action::OpenBudget(1)]);
    saver.save(&state, &mut records);
    assert_eq!(records.writes, [INDEX_KEY.to_owned()]);
    assert_eq!(read_index(&records.map[INDEX_KEY]).unwrap().open, 1);
}

#[test]
fn a_deleted_budget_leaves_storage() {
    let mut records = Counted::default();
    let (state, mut saver) = restore(&records);
    let state = run(Rc::new(state), [Action::NewBudget]);
    saver.save(&state, &mut records);
    assert!(records.map.contains_key(&doc_key(2)));
    let state = run(state, [Action::DeleteBudget(2)]);
    saver.save(&state, &mut records);
    assert!(!records.map.contains_key(&doc_key(2)));
    assert!(!records.map.contains_key(&work_key(2)));
    let index = read_index(&records.map[INDEX_KEY]).unwrap();
    assert_eq!(index.budgets.len(), 1);
    // Its records are gone, so its id is free again: highest id 1, plus 1.
    assert_eq!(index.next_id, 2);
}

#[test]
fn full_storage_is_reported_and_the_next_save_retries() {
    let mut records = Counted::default();
    let (state, mut saver) = restore(&records);
    let state = run(Rc::new(state), [set("-0.01")]);
    records.refuse = true;
    assert_eq!(
        saver.save(&state, &mut records),
        StorageStatus::Failing(FULL.to_owned())
    );
    records.refuse = false;
    assert_eq!(saver.save(&state, &mut records), StorageStatus::Saved);
    assert!(records.map.contains_key(&work_key(1)));
}

#[test]
fn an_index_from_a_newer_version_holds_saving_back() {
    let mut records = Counted::default();
    let newer = r#"{"version":99,"open":1,"next_id":2,"budgets":[]}"#;
    records.map.set(INDEX_KEY, newer).unwrap();
    let (state, mut saver) = restore(&records);
    assert!(matches!(state.storage, StorageStatus::Held(_)));
    let state = run(Rc::new(state), [set("-0.01")]);
    assert!(matches!(
        saver.save(&state, &mut records),
        StorageStatus::Held(_)
    ));
    assert!(records.writes.is_empty());
    assert_eq!(records.map[INDEX_KEY], newer);
}

#[test]
fn a_budget_that_cannot_be_read_is_listed_and_its_id_kept() {
    let mut records = BTreeMap::new();
    let index = r#"{"version":1,"open":2,"next_id":3,"budgets":[{"id":1,"label":"Lost"},{"id":2,"label":"Kept"}]}"#;
    records.set(INDEX_KEY, index).unwrap();
    // Budget 2 has a document and no scenarios record: it opens with one scenario.
    records
        .set(&doc_key(2), &to_json(&doc_named("Kept")))
        .unwrap();
    let (state, _) = restore(&records);
    assert_eq!((state.open.id, state.open.label.as_str()), (2, "Kept"));
    assert_eq!(names(&state), ["Scenario 1"]);
    assert_eq!(state.storage, StorageStatus::Saved);
    let lost = &state.damaged[0];
    assert_eq!((lost.id, lost.label.as_str()), (1, "Lost"));
    assert_eq!(lost.why, "its document is missing");
    // A new budget does not take id 1, whose records are left for the user.
    let state = run(Rc::new(state), [Action::NewBudget]);
    assert_eq!(state.open.id, 3);
}

#[test]
fn saver_default_then_save_writes_everything() {
    let mut records = BTreeMap::new();
    let state = run(sample(), [Action::NewBudget]);
    assert_eq!(
        Saver::default().save(&state, &mut records),
        StorageStatus::Saved
    );
    let keys: Vec<&str> = records.keys().map(String::as_str).collect();
    let mut want = [
        doc_key(1),
        doc_key(2),
        work_key(1),
        work_key(2),
        INDEX_KEY.into(),
    ];
    want.sort();
    assert_eq!(keys, want.iter().map(String::as_str).collect::<Vec<_>>());
}
