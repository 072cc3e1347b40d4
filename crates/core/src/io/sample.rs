//! The built-in sample school, Jacaranda Avenue Elementary (fictional).

use super::json::parse_document;
use crate::model::Document;

/// The sample budget as JSON text.
pub const SAMPLE_JSON: &str = include_str!("../../../../samples/sample-school.json");

/// The sample budget, parsed and validated.
///
/// `tests/io_sample.rs` proves the text parses, so this never panics in a build
/// whose tests pass.
pub fn sample_document() -> Document {
    match parse_document(SAMPLE_JSON) {
        Ok(doc) => doc,
        Err(e) => panic!("the built-in sample school is invalid:\n{e}"),
    }
}
