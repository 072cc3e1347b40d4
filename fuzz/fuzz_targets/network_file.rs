//! Any text given as a network file (or its browser record): reading never panics, every
//! budget that reads computes a row (or refuses with an error) at a few changes, and
//! what is read writes back and reads again as the same network.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;
use sitebudget_core::engine::school_row;
use sitebudget_core::io::network::{network_text, read_network, read_network_record, SchoolOut};
use sitebudget_core::model::SchoolEntry;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = read_network_record(text);
    let Ok(file) = read_network(text) else {
        return;
    };
    let out: Vec<SchoolOut> = file
        .schools
        .iter()
        .map(|s| match s {
            SchoolEntry::Src(src) => SchoolOut::Src(src),
            SchoolEntry::Inline(Ok(doc)) => {
                for change in [Decimal::ZERO, Decimal::new(-8, 2), Decimal::NEGATIVE_ONE] {
                    let _ = school_row(doc, change);
                }
                SchoolOut::Budget(doc)
            }
            SchoolEntry::Inline(Err(bad)) => SchoolOut::Kept(&bad.json),
        })
        .collect();
    let again = read_network(&network_text(&file.name, &out, None));
    assert_eq!(again.as_ref(), Ok(&file), "a network must write and read back the same");
});
