//! The budget document's data types: plain Rust, no I/O and no UI.

pub mod document;
pub mod grade;
pub mod network;
pub mod problem;
pub mod validate;

pub use document::*;
pub use grade::Grade;
pub use network::{BadBudget, NetworkFile, SchoolEntry, NETWORK_FORMAT};
pub use problem::{ImportError, Place, Problem};
pub use validate::validate;
