//! No input panics an importer: arbitrary bytes, and valid inputs mutated at every layer
//! (text, bytes, a share link's JSON before compression, a workbook's XML inside its ZIP).
//!
//! Cases default to proptest's 256; raise them for a long run, e.g.
//! `PROPTEST_CASES=200000 cargo test --release --test io_fuzz`.

use std::io::{Cursor, Read, Write};

use proptest::prelude::*;
use sitebudget_core::app::budget_workbook;
use sitebudget_core::engine::{EnrollmentInput, Scenario};
use sitebudget_core::io::sample::{sample_document, SAMPLE_JSON};
use sitebudget_core::io::{
    import_lines_csv, import_lines_xlsx, lines_to_csv, parse_document, read_share, share_fragment,
};

/// Every importer fed the same bytes; none may panic.
fn all_importers(bytes: &[u8]) {
    let doc = sample_document();
    let text = String::from_utf8_lossy(bytes);
    let _ = parse_document(&text);
    let _ = import_lines_csv(&doc, &text);
    let _ = import_lines_xlsx(&doc, bytes);
    let _ = read_share(&text);
}

/// Applies byte edits (0 delete, 1 insert, 2 replace) at positions taken modulo the length.
fn mutate(mut data: Vec<u8>, edits: &[(u8, usize, u8)]) -> Vec<u8> {
    for (op, at, b) in edits {
        let len = data.len();
        match op % 3 {
            0 if len > 0 => {
                data.remove(at % len);
            }
            1 => data.insert(at % (len + 1), *b),
            _ if len > 0 => {
                if let Some(slot) = data.get_mut(at % len) {
                    *slot = *b;
                }
            }
            _ => {}
        }
    }
    data
}

fn edits() -> impl Strategy<Value = Vec<(u8, usize, u8)>> {
    let byte = prop_oneof![
        prop::sample::select(b"<>\"'=/&;:,.{}[]-0123456789eE$|\n rvcst".to_vec()),
        any::<u8>()
    ];
    prop::collection::vec((0u8..3, any::<usize>(), byte), 1..10)
}

/// Built once: writing a workbook is the slow part of a case.
fn sample_workbook() -> Vec<u8> {
    static BYTES: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    BYTES.get_or_init(build_workbook).clone()
}

fn build_workbook() -> Vec<u8> {
    let scenario = Scenario {
        enrollment: EnrollmentInput::Change("-0.1".parse().unwrap_or_default()),
        ..Scenario::default()
    };
    budget_workbook(&sample_document(), &scenario, "x").unwrap_or_default()
}

/// The workbook with the XML of its first sheet and shared strings mutated, re-zipped
/// (stored), so the mutation reaches the spreadsheet reader past the ZIP checksums.
fn mutate_inside(workbook: &[u8], edits: &[(u8, usize, u8)]) -> Vec<u8> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(workbook)) else {
        return Vec::new();
    };
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..archive.len() {
        let Ok(mut file) = archive.by_index(i) else {
            continue;
        };
        let Ok(name) = file.name().map(|n| n.into_owned()) else {
            continue;
        };
        let mut data = Vec::new();
        if file.read_to_end(&mut data).is_err() {
            continue;
        }
        if name.ends_with("sheet1.xml") || name.ends_with("sharedStrings.xml") {
            data = mutate(data, edits);
        }
        if out.start_file(name, stored).is_ok() {
            let _ = out.write_all(&data);
        }
    }
    out.finish().map(Cursor::into_inner).unwrap_or_default()
}

proptest! {
    #[test]
    fn arbitrary_bytes_panic_nothing(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        all_importers(&bytes);
        // With a ZIP signature in front, the XLSX reader goes past its first check.
        let mut zipped = b"PK\x03\x04".to_vec();
        zipped.extend_from_slice(&bytes);
        all_importers(&zipped);
    }

    #[test]
    fn mutated_valid_inputs_panic_nothing(edits in edits()) {
        let doc = sample_document();
        all_importers(&mutate(SAMPLE_JSON.as_bytes().to_vec(), &edits));
        all_importers(&mutate(lines_to_csv(&doc).into_bytes(), &edits));
        let fragment = share_fragment(&doc, &Scenario::default(), "Scenario 1");
        all_importers(&mutate(fragment.into_bytes(), &edits));
        all_importers(&mutate(sample_workbook(), &edits));
        let inside = mutate_inside(&sample_workbook(), &edits);
        let _ = import_lines_xlsx(&doc, &inside);
    }

    #[test]
    fn a_share_link_with_mutated_content_is_refused_or_valid(edits in edits()) {
        // Compress mutated JSON with a valid envelope, so the payload reader is what is tested.
        let payload = format!(
            r#"{{"doc": {SAMPLE_JSON}, "scenario": {{"enrollment_change": "-0.1"}}, "name": "x"}}"#
        );
        let json = mutate(payload.into_bytes(), &edits);
        let packed = miniz_oxide::deflate::compress_to_vec(&json, 6);
        use base64::Engine;
        let fragment = format!(
            "share=1.{}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed)
        );
        if let Ok(shared) = read_share(&fragment) {
            prop_assert_eq!(sitebudget_core::model::validate(&shared.doc), Ok(()));
        }
    }
}

#[test]
fn the_unmutated_workbook_survives_re_zipping() {
    // Guards the fuzz helper: with no effective edit the re-zipped file still imports.
    let doc = sample_document();
    let same = mutate_inside(&sample_workbook(), &[]);
    assert_eq!(import_lines_xlsx(&doc, &same), Ok(doc));
}
