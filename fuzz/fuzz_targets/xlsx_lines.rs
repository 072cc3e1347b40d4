//! Any bytes given as an XLSX workbook of lines, against the sample school: importing
//! never panics.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use sitebudget_core::io::sample::sample_document;
use sitebudget_core::model::Document;

static SAMPLE: OnceLock<Document> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let sample = SAMPLE.get_or_init(sample_document);
    let _ = sitebudget_core::io::xlsx_read::import_lines_xlsx(sample, data);
});
