//! Any bytes given as an XLSX workbook of lines, against the sample school: importing
//! never panics. Built only with `--features xlsx` (the importer is written elsewhere).
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitebudget::io::sample::sample_document;

fuzz_target!(|data: &[u8]| {
    let _ = sitebudget::io::xlsx_read::import_lines_xlsx(&sample_document(), data);
});
