//! The meeting: decisions kept per scenario (bounds, undo, and every way a scenario
//! travels: stored work, the JSON file, the share link, the workbook) and the slide's
//! words in English and Spanish.

use std::io::Cursor;
use std::rc::Rc;

use calamine::{Data, Reader, Xlsx};
use rust_decimal::Decimal;
use serde_json::json;
use sitebudget_core::app::{compared_workbook, Action, AppState};
use sitebudget_core::engine::{
    evaluate, Decision, DecisionField, EnrollmentInput, Scenario, DECISIONS_MAX,
};
use sitebudget_core::io::sample::sample_document;
use sitebudget_core::io::store::{read_work, work_json, StoredScenario, StoredWork};
use sitebudget_core::io::{
    file_scenarios, parse_document, read_scenario, read_share, scenario_value, share_fragment,
    to_json, to_json_with_scenarios,
};
use sitebudget_core::util::i18n::{with_catalog, Catalog, Lang};
use sitebudget_core::view::meeting::meeting_texts;

fn d(s: &str) -> Decimal {
    s.parse().unwrap_or_default()
}

fn decision(decided: &str, note: &str, at: &str) -> Decision {
    Decision {
        decided: decided.into(),
        note: note.into(),
        at: at.into(),
    }
}

/// The sample at −10% with two decisions, one without a note or date.
fn decided() -> Scenario {
    Scenario {
        enrollment: EnrollmentInput::Change(d("-0.10")),
        decisions: vec![
            decision(
                "Keep the nurse at 3 days",
                "Cut tutoring hours instead; “review in March”",
                "2026-12-01",
            ),
            decision("Recruit 6 more TK families", "", ""),
        ],
        ..Scenario::default()
    }
}

fn run(actions: impl IntoIterator<Item = Action>) -> Rc<AppState> {
    actions
        .into_iter()
        .enumerate()
        .fold(Rc::new(AppState::with_sample()), |s, (i, a)| {
            s.apply(a, 10_000.0 * (i as f64 + 1.0))
        })
}

fn set(decided: &str, note: &str) -> Action {
    Action::SetDecision {
        index: None,
        decision: decision(decided, note, "2026-12-01"),
    }
}

#[test]
fn decisions_are_added_edited_removed_and_undone() {
    let s = run([
        set("  Keep the nurse  ", "tutoring hours cut"),
        set("Second", ""),
    ]);
    let list = &s.scenario().decisions;
    // Trimmed on the way in.
    assert_eq!(
        list,
        &vec![
            decision("Keep the nurse", "tutoring hours cut", "2026-12-01"),
            decision("Second", "", "2026-12-01")
        ]
    );
    let edited = s.clone().apply(
        Action::SetDecision {
            index: Some(1),
            decision: decision("Second, edited", "a note", "2026-12-02"),
        },
        100_000.0,
    );
    assert_eq!(edited.scenario().decisions[1].decided, "Second, edited");
    let removed = edited.apply(Action::RemoveDecision(0), 110_000.0);
    assert_eq!(removed.scenario().decisions.len(), 1);
    assert_eq!(removed.scenario().decisions[0].note, "a note");
    // Each change is its own undo step: remove, edit, add.
    let back = removed.apply(Action::Undo, 120_000.0);
    assert_eq!(back.scenario().decisions.len(), 2);
    let back = back.apply(Action::Undo, 130_000.0);
    assert_eq!(back.scenario().decisions[1].decided, "Second");
    let back = back.apply(Action::Undo, 140_000.0);
    assert_eq!(back.scenario().decisions.len(), 1);
}

#[test]
fn refused_decisions_and_out_of_range_indexes_change_nothing() {
    let s = run([set("Keep the nurse", "")]);
    for action in [
        set("   ", "a note without a decision"),
        set(&"x".repeat(201), ""),
        set("ok", &"n".repeat(1001)),
        Action::SetDecision {
            index: Some(5),
            decision: decision("nowhere", "", ""),
        },
        Action::RemoveDecision(1),
        Action::RemoveDecision(usize::MAX),
    ] {
        let after = s.clone().apply(action, 50_000.0);
        assert!(Rc::ptr_eq(&after, &s));
    }
    // Exactly at the bounds is accepted: 200 characters (not bytes), a 1,000-character note.
    let long = "é".repeat(200);
    let at_bounds = s.apply(set(&long, &"n".repeat(1000)), 60_000.0);
    assert_eq!(at_bounds.scenario().decisions[1].decided, long);
}

#[test]
fn the_checks_say_which_box_and_why_in_plain_words() {
    assert_eq!(
        decision("", "note", "").checked(),
        Err((DecisionField::Decided, "Write what was decided.".to_owned()))
    );
    assert_eq!(
        decision(&"x".repeat(205), "", "").checked(),
        Err((
            DecisionField::Decided,
            "At most 200 characters, please: this has 205.".to_owned()
        ))
    );
    assert_eq!(
        decision("ok", &"y".repeat(1002), "")
            .checked()
            .map_err(|e| e.0),
        Err(DecisionField::Note)
    );
    for bad in [
        "2026-13-01",
        "2026-12-1",
        "yesterday",
        "2026-12-00",
        "२०२६-12-01",
    ] {
        assert_eq!(
            decision("ok", "", bad).checked().map_err(|e| e.0),
            Err(DecisionField::At),
            "{bad}"
        );
    }
    assert!(decision("ok", "", "2026-02-28").checked().is_ok());
}

#[test]
fn a_slider_move_or_a_reset_keeps_the_decisions() {
    let s = run([
        set("Keep the nurse", ""),
        Action::SetScenario(Box::new(Scenario {
            enrollment: EnrollmentInput::Change(d("-0.05")),
            ..Scenario::default()
        })),
        Action::SetScenario(Box::default()),
    ]);
    assert!(s.scenario().is_baseline(), "decisions change no figure");
    assert_eq!(s.scenario().decisions.len(), 1);
}

#[test]
fn decisions_round_trip_through_the_scenario_json_and_stored_work() {
    let s = decided();
    let v = scenario_value(&s);
    // Note and date are left out when empty.
    assert_eq!(
        v["decisions"],
        json!([{"decided": "Keep the nurse at 3 days",
                "note": "Cut tutoring hours instead; “review in March”", "at": "2026-12-01"},
               {"decided": "Recruit 6 more TK families"}])
    );
    assert_eq!(read_scenario(&v), Ok(s.clone()));
    // A scenario without decisions writes none, as before.
    assert!(scenario_value(&Scenario::default())
        .get("decisions")
        .is_none());
    let work = StoredWork {
        scenarios: vec![StoredScenario {
            id: 1,
            name: "−10%".into(),
            scenario: s.clone(),
        }],
        active: 1,
        compare_with: None,
        years: 3,
    };
    assert_eq!(read_work(&work_json(&work)), Ok(work));
}

#[test]
fn stored_decisions_out_of_bounds_are_refused_with_their_place() {
    let too_many: Vec<_> = (0..=DECISIONS_MAX)
        .map(|i| json!({"decided": i.to_string()}))
        .collect();
    let text = read_scenario(&json!({ "decisions": too_many }))
        .unwrap_err()
        .to_string();
    assert!(
        text.contains("holds 101 decisions; at most 100 are kept"),
        "{text}"
    );
    let text = read_scenario(&json!({"decisions": [{"decided": "ok"},
        {"decided": "ok", "note": 5}, {"note": "no decision"}, {"decided": "ok", "at": "soon"},
        {"decided": "ok", "by": "me"}]}))
    .unwrap_err()
    .to_string();
    for expected in [
        "decisions[2].note`: must be text",
        "decisions[3].decided`: is required",
        "decisions[4].at`: The date must be written as year-month-day",
        "decisions[5].by`: is not a known field",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}

#[test]
fn decisions_travel_in_the_share_link() {
    let doc = sample_document();
    let shared = read_share(&share_fragment(&doc, &decided(), "−10%")).unwrap();
    assert_eq!(shared.scenario, decided());
    assert_eq!(shared.name, "−10%");
}

#[test]
fn the_budget_file_carries_its_scenarios_only_when_they_hold_decisions() {
    let doc = sample_document();
    let plain = Scenario::default();
    // Without decisions the file is the document, byte for byte as before.
    assert_eq!(
        to_json_with_scenarios(&doc, &[(&plain, "Scenario 1")]),
        to_json(&doc)
    );
    let s = decided();
    let text = to_json_with_scenarios(&doc, &[(&s, "−10%"), (&plain, "Scenario 1")]);
    assert!(
        text.contains("\"decided\": \"Keep the nurse at 3 days\""),
        "{text}"
    );
    // The file still opens as the same budget, and gives its scenarios back in order.
    assert_eq!(parse_document(&text), Ok(doc));
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        file_scenarios(&value),
        Ok(vec![
            (s, "−10%".to_owned()),
            (plain, "Scenario 1".to_owned())
        ])
    );
    assert_eq!(
        file_scenarios(&json!({"format": "sitebudget/1"})),
        Ok(vec![])
    );
    let bad =
        file_scenarios(&json!({"scenarios": [{"name": "x", "scenario": {"decisions": [{}]}}]}));
    assert!(bad.unwrap_err().to_string().contains("is required"));
}

#[test]
fn the_workbook_has_a_decisions_sheet_for_both_compared_scenarios() {
    let doc = sample_document();
    let other = Scenario {
        decisions: vec![decision("Hold the line", "", "2026-11-30")],
        ..Scenario::default()
    };
    let bytes = compared_workbook(&doc, &decided(), "−10%", Some((&other, "Today"))).unwrap();
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    assert_eq!(
        book.sheet_names().last().map(String::as_str),
        Some("Decisions")
    );
    let range = book.worksheet_range("Decisions").unwrap();
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| r.iter().map(Data::to_string).collect())
        .collect();
    assert_eq!(
        rows[0][0],
        "Jacaranda Avenue Elementary 2026-27: what the meetings decided"
    );
    assert_eq!(rows[2], ["Scenario", "Decision", "Note", "Date"]);
    assert_eq!(
        rows[3],
        [
            "−10%",
            "Keep the nurse at 3 days",
            "Cut tutoring hours instead; “review in March”",
            "2026-12-01"
        ]
    );
    assert_eq!(rows[4], ["−10%", "Recruit 6 more TK families", "", ""]);
    assert_eq!(rows[5], ["Today", "Hold the line", "", "2026-11-30"]);
    // No decisions, no sheet: the workbook is as before.
    let plain = compared_workbook(&doc, &Scenario::default(), "S", None).unwrap();
    let book: Xlsx<_> = Xlsx::new(Cursor::new(plain)).unwrap();
    assert!(!book.sheet_names().iter().any(|n| n == "Decisions"));
}

#[test]
fn the_slide_is_worded_in_both_catalogs_with_the_same_figures() {
    let doc = sample_document();
    let s = decided();
    let eval = evaluate(&doc, &s).unwrap();
    let en = with_catalog(None, || meeting_texts(&doc, &s, &eval));
    assert_eq!(en.title, "Budget meeting");
    assert_eq!(en.totals[2], "Balance before cuts");
    assert!(!en.plan.is_empty(), "−10% cuts something in the sample");
    assert!(
        en.levers.iter().any(|l| l.contains("TK-3")),
        "{:?}",
        en.levers
    );
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../i18n/es.json"))
        .unwrap();
    let es = Catalog::from_json(Lang::Es, &text).unwrap();
    let es = with_catalog(Some(Rc::new(es)), || meeting_texts(&doc, &s, &eval));
    assert_eq!(es.title, "Reunión de presupuesto");
    assert_eq!(es.totals[0], "Asignación total");
    assert_eq!(es.decisions_heading, "Decisiones");
    // The same cuts, one sentence each, in both columns.
    assert_eq!(es.plan.len(), en.plan.len());
    assert_eq!(es.levers.len(), en.levers.len());
    // The catalog spoken before is restored: English again.
    assert_eq!(meeting_texts(&doc, &s, &eval).title, "Budget meeting");
    // Under no change the balance is just the balance, and nothing is cut.
    let base = Scenario::default();
    let today = meeting_texts(&doc, &base, &evaluate(&doc, &base).unwrap());
    assert_eq!(today.totals[2], "Balance");
    assert!(today.plan.is_empty());
}
