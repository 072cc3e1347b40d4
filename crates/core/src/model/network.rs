//! A network of schools (`sitebudget-network/1`): several budgets shown together.
//!
//! A school is named by a `src` path (relative to the network file, loaded by the page)
//! or carried inline. An inline budget that does not read keeps its problems in plain
//! words and its JSON text, so the row can say why and nothing the user has is lost.

use super::document::Document;

/// The format tag every network file carries.
pub const NETWORK_FORMAT: &str = "sitebudget-network/1";

/// A network file as read: its name and its schools in file order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NetworkFile {
    /// The network's name (empty when the file gives none).
    pub name: String,
    /// The schools, in file order (the page's `network-school-<i>` order).
    pub schools: Vec<SchoolEntry>,
}

/// One school of a network file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SchoolEntry {
    /// A budget file to load, the path as the network file gives it (see `io::network::resolve_src`).
    Src(String),
    /// A budget carried in the network file: read and validated, or why not.
    Inline(Result<Document, BadBudget>),
}

/// An inline budget (or an entry) that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadBudget {
    /// Every problem, each a sentence in plain words.
    pub problems: Vec<String>,
    /// The entry's JSON text as the file had it, kept so a saved network loses nothing.
    pub json: String,
}
