//! Files for the levers: tiered allocations, banded norms, per-year changes and Norm Day
//! round-trip through JSON and the share link, and bad input is refused by name.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde_json::{json, Value};
use sitebudget_core::engine::{NormDay, Scenario, YearChange};
use sitebudget_core::io::sample::sample_document;
use sitebudget_core::io::{
    document_value, parse_document, read_scenario, read_share, scenario_value, share_fragment,
    to_json,
};
use sitebudget_core::model::{Allocation, Basis, Document, Grade, Tier};

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// The sample with a three-tier Title I on enrollment; its assistant principal norm has bands.
fn levers_doc() -> Document {
    let mut doc = sample_document();
    let t1 = doc.sources.iter_mut().find(|s| s.id == "title1").unwrap();
    t1.allocation = Allocation::Tiered {
        basis: Basis::Enrollment,
        tiers: vec![
            Tier {
                at_least: d("0.40"),
                rate: d("338.25"),
            },
            Tier {
                at_least: d("0.85"),
                rate: d("525.75"),
            },
            Tier {
                at_least: d("0.99"),
                rate: d("558.75"),
            },
        ],
    };
    // The sample's assistant principal already follows bands (0.5 FTE from 1, 1 from 400).
    assert!(doc
        .norms
        .iter()
        .any(|n| n.id == "ap" && !n.bands.is_empty()));
    doc
}

#[test]
fn tiers_and_bands_round_trip_through_json_and_the_share_link() {
    let doc = levers_doc();
    let text = to_json(&doc);
    assert!(text.contains("\"type\": \"tiered\""), "{text}");
    assert!(text.contains("\"bands\""), "{text}");
    // A banded norm does not write the ratio it does not use.
    let ap = &document_value(&doc)["norms"][2];
    assert_eq!(ap.get("students_per_position"), None);
    assert_eq!(
        ap["bands"],
        json!([{"from": 1, "fte": "0.5"}, {"from": 400, "fte": "1"}])
    );
    assert_eq!(parse_document(&text), Ok(doc.clone()));
    let scenario = Scenario {
        years: vec![YearChange {
            enrollment_change: d("-0.03"),
            ..YearChange::default()
        }],
        ..Scenario::default()
    };
    let shared = read_share(&share_fragment(&doc, &scenario, "Levers")).unwrap();
    assert_eq!(shared.doc, doc);
    assert_eq!(shared.scenario, scenario);
}

#[test]
fn per_year_changes_and_norm_day_round_trip() {
    let s = Scenario {
        years: vec![
            YearChange {
                enrollment_change: d("-0.03"),
                ..YearChange::default()
            },
            YearChange {
                enrollment_change: d("-0.02"),
                cost_change: d("0.03"),
                rate_change: d("0"),
            },
        ],
        norm_day: Some(NormDay {
            enrollment: BTreeMap::from([(Grade::K, 60), (Grade::G(1), 66)]),
            excluded: BTreeMap::from([(Grade::K, 2)]),
            remaining_share: d("0.8"),
        }),
        ..Scenario::default()
    };
    let v = scenario_value(&s);
    assert_eq!(
        v["years"],
        json!([{"enrollment_change": "-0.03", "cost_change": "0", "rate_change": "0"},
               {"enrollment_change": "-0.02", "cost_change": "0.03", "rate_change": "0"}])
    );
    assert_eq!(
        v["norm_day"],
        json!({"enrollment": {"K": 60, "1": 66}, "excluded": {"K": 2}, "remaining_share": "0.8"})
    );
    assert_eq!(read_scenario(&v), Ok(s.clone()));
    let shared = read_share(&share_fragment(&sample_document(), &s, "Norm Day")).unwrap();
    assert_eq!(shared.scenario, s);
    // The spec's short forms: a year gives only what changes; remaining_share defaults to 0.8.
    let short =
        json!({"years": [{"enrollment_change": "-0.03"}], "norm_day": {"excluded": {"K": 3}}});
    let read = read_scenario(&short).unwrap();
    assert_eq!(read.years[0].cost_change, Decimal::ZERO);
    let nd = read.norm_day.unwrap();
    assert_eq!(nd.remaining_share, d("0.8"));
    assert!(nd.enrollment.is_empty());
    // A scenario without them writes neither field.
    let plain = scenario_value(&Scenario::default());
    assert_eq!(plain.get("years"), None);
    assert_eq!(plain.get("norm_day"), None);
}

#[test]
fn bad_norm_day_and_years_are_refused_by_field() {
    let bad = json!({"norm_day": {"excluded": {"K": -2}, "remaning_share": "0.5"},
                     "years": [{"enrolment_change": "-0.1"}]});
    let text = read_scenario(&bad).unwrap_err().to_string();
    for expected in [
        "must be 0 or more, got -2",
        "field `norm_day.remaning_share`: is not a known field (did you mean `remaining_share`?)",
        "field `years[1].enrolment_change`: is not a known field (did you mean `enrollment_change`?)",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}

/// The sample's JSON with `edit` applied to its value, parsed.
fn parse_with(edit: impl FnOnce(&mut Value)) -> String {
    let mut v = document_value(&levers_doc());
    edit(&mut v);
    match parse_document(&v.to_string()) {
        Ok(_) => String::new(),
        Err(e) => e.to_string(),
    }
}

#[test]
fn bad_tiers_and_bands_name_the_source_or_norm_the_field_and_the_reason() {
    // Tiers out of order, and one above 1.
    let text = parse_with(|v| {
        v["sources"][2]["allocation"]["tiers"] = json!([
            {"at_least": "0.5", "rate": "400"},
            {"at_least": "0.4", "rate": "380"},
            {"at_least": "1.2", "rate": "600"}
        ]);
    });
    for expected in [
        "source `title1`, field `allocation.tiers`: tier 2: tiers must be in strictly increasing `at_least`, but 0.4 follows 0.5",
        "source `title1`, field `allocation.tiers`: tier 3: `at_least` must be between 0 and 1, got 1.2",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    // Bands out of order; a negative count.
    let text = parse_with(|v| {
        v["norms"][2]["bands"] = json!([{"from": 500, "fte": "1"}, {"from": 1, "fte": "0.5"}]);
    });
    assert!(
        text.contains("norm `ap`, field `bands`: band 2: bands must be in strictly increasing `from`, but 1 follows 500"),
        "{text}"
    );
    let text = parse_with(|v| {
        v["norms"][2]["bands"] = json!([{"from": -1, "fte": "1"}]);
    });
    assert!(
        text.contains("norm `ap`, field `bands[1].from`: must be 0 or more, got -1"),
        "{text}"
    );
    // A ratio and bands together.
    let text = parse_with(|v| {
        v["norms"][2]["students_per_position"] = json!("24");
    });
    assert!(
        text.contains("norm `ap`, field `bands`: cannot be given with `students_per_position`"),
        "{text}"
    );
    // No tiers at all.
    let text = parse_with(|v| {
        v["sources"][2]["allocation"]["tiers"] = json!([]);
    });
    assert!(
        text.contains("source `title1`, field `allocation.tiers`: must list at least one tier"),
        "{text}"
    );
}
