//! Any text given as a budget document: parsing never panics, and a document that
//! parses also computes (or refuses with an error), writes back and reads again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;
use sitebudget_core::engine::{evaluate, project, EnrollmentInput, Scenario};
use sitebudget_core::io::{parse_document, to_json};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(doc) = parse_document(text) else {
        return;
    };
    // What the app does with a freshly imported budget: show it, and a scenario on it.
    let _ = evaluate(&doc, &Scenario::default());
    let fewer = Scenario {
        enrollment: EnrollmentInput::Change(Decimal::new(-10, 2)),
        cost_change: Decimal::new(3, 2),
        ..Scenario::default()
    };
    let _ = evaluate(&doc, &fewer);
    let _ = project(&doc, &fewer, 3);
    let written = to_json(&doc);
    assert_eq!(
        parse_document(&written).ok().as_ref(),
        Some(&doc),
        "a parsed document must read back the same"
    );
});
