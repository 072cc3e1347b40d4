//! The budget document's data types: plain Rust, no I/O and no UI.

pub mod document;
pub mod grade;
pub mod problem;
pub mod validate;

pub use document::*;
pub use grade::Grade;
pub use problem::{ImportError, Place, Problem};
pub use validate::validate;
