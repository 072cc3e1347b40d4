//! The budget document's data types: plain Rust, no I/O and no UI.

pub mod document;
pub mod grade;

pub use document::*;
pub use grade::Grade;
