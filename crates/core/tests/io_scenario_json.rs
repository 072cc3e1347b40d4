//! Scenario JSON and the document as a JSON value: hand cases and round-trip properties.

use std::collections::BTreeMap;

use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::json;
use sitebudget_core::engine::{Decision, EnrollmentInput, LineEdit, NormDay, Scenario, YearChange};
use sitebudget_core::io::sample::sample_document;
use sitebudget_core::io::{document_value, parse_document, read_scenario, scenario_value, to_json};
use sitebudget_core::model::{Funding, Grade, Line, LineKind, Position, Priority};

fn d(s: &str) -> Decimal {
    s.parse().unwrap_or_default()
}

#[test]
fn document_value_is_the_written_document() {
    let doc = sample_document();
    let v = document_value(&doc);
    let from_text: serde_json::Value = serde_json::from_str(&to_json(&doc)).unwrap();
    assert_eq!(v, from_text);
    assert_eq!(v["school"]["unduplicated_pct"], json!("0.86"));
    assert_eq!(parse_document(&v.to_string()), Ok(doc));
}

#[test]
fn a_line_edit_uses_the_document_line_shape() {
    let doc = sample_document();
    let nurse = doc.lines.iter().find(|l| l.id == "nurse").cloned().unwrap();
    let s = Scenario {
        line_edits: vec![LineEdit::Replace(nurse.clone())],
        ..Scenario::default()
    };
    let v = scenario_value(&s);
    let in_doc = document_value(&doc)["lines"]
        .as_array()
        .and_then(|ls| ls.iter().find(|l| l["id"] == "nurse").cloned())
        .unwrap();
    assert_eq!(v["line_edits"][0]["replace"], in_doc);
    assert_eq!(read_scenario(&v), Ok(s));
}

#[test]
fn reads_numbers_or_strings_and_money_in_lines() {
    let v = json!({"enrollment_change": -0.1, "unduplicated_pct": "0.9", "rate_change": 0.02,
                   "line_edits": [{"add": {"id": "tutor", "kind": "item", "title": "Tutoring",
                                            "amount": "$1,234.50", "funding": [{"source": "gf"}]}}]});
    let s = read_scenario(&v).unwrap();
    assert_eq!(s.enrollment, EnrollmentInput::Change(d("-0.1")));
    assert_eq!(s.unduplicated_pct, Some(d("0.9")));
    assert_eq!(s.rate_change, d("0.02"));
    match s.line_edits.as_slice() {
        [LineEdit::Add(l)] => {
            assert_eq!(
                l.kind,
                LineKind::Item {
                    amount: d("1234.50")
                }
            );
            assert_eq!(l.priority, Priority::Essential);
        }
        other => panic!("expected one added line, got {other:?}"),
    }
}

fn decimal() -> impl Strategy<Value = Decimal> {
    (any::<i64>(), 0u32..12).prop_map(|(m, s)| Decimal::new(m, s))
}

fn line() -> impl Strategy<Value = Line> {
    (
        "[a-z][a-z0-9-]{0,8}",
        "\\PC{0,12}",
        prop::option::of((
            decimal(),
            prop::option::of(decimal()),
            decimal(),
            any::<bool>(),
            prop::option::of("[a-z0-9]{1,5}"),
        )),
        decimal(),
        prop::collection::vec(("[a-z]{1,4}", decimal()), 0..3),
        (0u8..3, prop::collection::vec("[a-z-]{1,6}", 0..3)),
        (
            prop::option::of(any::<i64>()),
            prop::option::of("\\PC{1,20}"),
        ),
    )
        .prop_map(
            |(id, title, pos, amount, funding, (p, tags), (cut_rank, notes))| Line {
                id,
                title,
                kind: match pos {
                    Some((fte, unit_cost, fte_step, vacant, norm)) => {
                        LineKind::Position(Position {
                            fte,
                            unit_cost,
                            fte_step,
                            vacant,
                            norm,
                        })
                    }
                    None => LineKind::Item { amount },
                },
                funding: funding
                    .into_iter()
                    .map(|(source, share)| Funding { source, share })
                    .collect(),
                priority: [Priority::Flexible, Priority::Essential, Priority::Protected]
                    [usize::from(p % 3)],
                tags,
                cut_rank,
                notes,
            },
        )
}

fn scenario() -> impl Strategy<Value = Scenario> {
    let enrollment = prop_oneof![
        Just(EnrollmentInput::Unchanged),
        prop::collection::vec((0usize..14, any::<u32>()), 0..6).prop_map(|c| {
            EnrollmentInput::Counts(
                c.into_iter()
                    .map(|(g, n)| (Grade::ALL[g % 14], n))
                    .collect::<BTreeMap<_, _>>(),
            )
        }),
        decimal().prop_map(EnrollmentInput::Change),
    ];
    let edit = prop_oneof![
        line().prop_map(LineEdit::Replace),
        line().prop_map(LineEdit::Add),
        "\\PC{0,10}".prop_map(LineEdit::Remove),
    ];
    (
        enrollment,
        prop::option::of(decimal()),
        prop::option::of(decimal()),
        decimal(),
        decimal(),
        prop::collection::vec(edit, 0..4),
        prop::collection::vec(
            (decimal(), decimal(), decimal()).prop_map(|(e, c, r)| YearChange {
                enrollment_change: e,
                cost_change: c,
                rate_change: r,
            }),
            0..4,
        ),
        prop::option::of(
            (counts(), counts(), decimal()).prop_map(|(enrollment, excluded, s)| NormDay {
                enrollment,
                excluded,
                remaining_share: s,
            }),
        ),
        // Decisions as the app keeps them: trimmed, within bounds, a date or none.
        prop::collection::vec(
            (
                "[a-zé“][a-zé ,;”]{0,30}[a-z]",
                "([a-zñ][a-z ]{0,20}[a-z])?",
                prop_oneof![Just(String::new()), Just("2026-12-01".to_owned())],
            )
                .prop_map(|(decided, note, at)| Decision { decided, note, at }),
            0..3,
        ),
    )
        .prop_map(
            |(enrollment, u, a, c, r, line_edits, years, norm_day, decisions)| Scenario {
                enrollment,
                unduplicated_pct: u,
                attendance_rate: a,
                cost_change: c,
                rate_change: r,
                line_edits,
                years,
                norm_day,
                decisions,
            },
        )
}

/// Pupils per grade, any grades.
fn counts() -> impl Strategy<Value = BTreeMap<Grade, u32>> {
    prop::collection::vec((0usize..14, any::<u32>()), 0..4).prop_map(|c| {
        c.into_iter()
            .map(|(g, n)| (Grade::ALL[g % 14], n))
            .collect()
    })
}

proptest! {
    #[test]
    fn any_scenario_round_trips(s in scenario()) {
        let v = scenario_value(&s);
        prop_assert_eq!(read_scenario(&v), Ok(s.clone()));
        // Also through text, as stored data and share links carry it.
        let text = v.to_string();
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        let read = read_scenario(&back).unwrap();
        prop_assert_eq!(&read, &s);
        // Scales survive too (0.20 stays 0.20), so the written text is stable.
        prop_assert_eq!(scenario_value(&read).to_string(), text);
    }

    #[test]
    fn reading_any_json_never_panics(v in any_json()) {
        let _ = read_scenario(&v);
        let _ = read_scenario(&json!({"line_edits": [v.clone()], "enrollment": v}));
    }
}

/// JSON values whose keys are mostly ones a scenario or line knows, so reading goes deep.
fn any_json() -> impl Strategy<Value = serde_json::Value> {
    const KEYS: [&str; 14] = [
        "enrollment",
        "enrollment_change",
        "cost_change",
        "line_edits",
        "add",
        "replace",
        "remove",
        "id",
        "kind",
        "fte",
        "funding",
        "amount",
        "K",
        "position",
    ];
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        "\\PC{0,8}|item|position|gf|-1e400|0.1".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::from),
            prop::collection::vec((0usize..KEYS.len(), inner), 0..6).prop_map(|kv| {
                serde_json::Value::Object(
                    kv.into_iter()
                        .map(|(k, v)| (KEYS[k].to_string(), v))
                        .collect(),
                )
            }),
        ]
    })
}
