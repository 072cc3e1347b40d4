//! Stored records: round trips, the 0 → 1 migration, refusal of newer and damaged data.

use std::collections::BTreeMap;
use std::str::FromStr;

use proptest::prelude::*;
use rust_decimal::Decimal;
use sitebudget_core::engine::{EnrollmentInput, Scenario};
use sitebudget_core::io::store::{
    index_json, read_index, read_work, upgrade, work_json, IndexEntry, StoreError, StoredIndex,
    StoredScenario, StoredWork, STORE_VERSION,
};
use sitebudget_core::model::Grade;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn work() -> StoredWork {
    StoredWork {
        scenarios: vec![
            StoredScenario {
                id: 1,
                name: "Scenario 1".into(),
                scenario: Scenario::default(),
            },
            StoredScenario {
                id: 4,
                name: "Fewer pupils, dearer staff".into(),
                scenario: Scenario {
                    enrollment: EnrollmentInput::Change(d("-0.10")),
                    cost_change: d("0.035"),
                    unduplicated_pct: Some(d("0.9")),
                    ..Scenario::default()
                },
            },
            StoredScenario {
                id: 5,
                name: "Counts".into(),
                scenario: Scenario {
                    enrollment: EnrollmentInput::Counts(BTreeMap::from([(Grade::K, 70)])),
                    ..Scenario::default()
                },
            },
        ],
        active: 4,
        compare_with: Some(1),
        years: 5,
    }
}

#[test]
fn work_round_trips_exactly() {
    let w = work();
    let text = work_json(&w);
    assert!(text.contains(&format!("\"version\":{STORE_VERSION}")));
    assert_eq!(read_work(&text), Ok(w));
}

#[test]
fn index_round_trips_and_next_id_stays_above_every_budget() {
    let index = StoredIndex {
        open: 3,
        budgets: vec![
            IndexEntry {
                id: 1,
                label: "Jacaranda".into(),
            },
            IndexEntry {
                id: 3,
                label: "Oak “North” campus".into(),
            },
        ],
        next_id: 9,
    };
    assert_eq!(read_index(&index_json(&index)), Ok(index));
    let low = r#"{"version":1,"open":3,"next_id":2,"budgets":[{"id":3,"label":"x"}]}"#;
    assert_eq!(read_index(low).unwrap().next_id, 4);
}

#[test]
fn version_0_records_gain_their_defaults() {
    let v0 = r#"{"scenarios":[{"id":2,"name":"Old","scenario":{}}]}"#;
    let w = read_work(v0).expect("a version 0 record upgrades");
    assert_eq!((w.active, w.years, w.compare_with), (2, 3, None));
    assert_eq!(w.scenarios[0].scenario, Scenario::default());

    let i0 = r#"{"budgets":[{"id":7,"label":"Old school"}]}"#;
    let index = read_index(i0).expect("a version 0 index upgrades");
    assert_eq!((index.open, index.next_id), (7, 8));

    let upgraded = upgrade(serde_json::from_str(v0).unwrap()).unwrap();
    assert_eq!(upgraded["version"], serde_json::json!(STORE_VERSION));
}

#[test]
fn newer_records_are_refused_not_rewritten() {
    let newer = format!(
        r#"{{"version":{},"open":1,"next_id":2,"budgets":[]}}"#,
        STORE_VERSION + 1
    );
    let err = read_index(&newer).unwrap_err();
    assert_eq!(err, StoreError::Newer(STORE_VERSION + 1));
    assert!(err.to_string().contains("newer SiteBudget"), "{err}");
}

#[test]
fn damaged_records_say_what_is_wrong() {
    for (text, words) in [
        ("", "not JSON"),
        ("[1,2]", "not a JSON object"),
        (
            r#"{"version":1,"scenarios":[],"active":1,"years":3}"#,
            "no scenarios",
        ),
        (r#"{"version":"one"}"#, "version is not a whole number"),
        (
            r#"{"version":1,"scenarios":[{"id":1,"name":"a","scenario":{"cost_change":"lots"}}],"active":1,"years":3}"#,
            "a scenario",
        ),
    ] {
        let err = read_work(text).unwrap_err();
        assert!(err.to_string().contains(words), "{text}: {err}");
    }
}

proptest! {
    #[test]
    fn no_text_makes_the_readers_panic(text in ".{0,200}") {
        let _ = read_work(&text);
        let _ = read_index(&text);
    }

    #[test]
    fn mutated_records_never_panic(cut in 0usize..400, byte in any::<u8>()) {
        let mut bytes = work_json(&work()).into_bytes();
        if !bytes.is_empty() {
            let i = cut % bytes.len();
            bytes[i] = byte;
        }
        let text = String::from_utf8_lossy(&bytes);
        let _ = read_work(&text);
    }
}
