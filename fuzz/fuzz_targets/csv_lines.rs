//! Any text given as a CSV of lines, against the sample school: importing never
//! panics, and imported lines compute (or refuse with an error) and export again.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use sitebudget_core::engine::{evaluate, Scenario};
use sitebudget_core::io::{import_lines_csv, lines_to_csv, sample::sample_document};
use sitebudget_core::model::Document;

/// The sample school, parsed once rather than on every input.
static BASE: OnceLock<Document> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let base = BASE.get_or_init(sample_document);
    let Ok(doc) = import_lines_csv(base, text) else {
        return;
    };
    let _ = evaluate(&doc, &Scenario::default());
    let written = lines_to_csv(&doc);
    assert_eq!(
        import_lines_csv(base, &written).ok().as_ref(),
        Some(&doc),
        "imported lines must export and import back the same"
    );
});
