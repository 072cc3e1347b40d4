//! Small helpers every layer may use: the id map, the one shared sort, decimal arithmetic
//! and parsing, URL encoding, `ByPtr` and the message catalogs.

pub mod by_ptr;
pub mod dec;
pub mod decimal;
pub mod i18n;
pub mod sort;
pub mod url;

use std::collections::HashMap;

/// Id → index map, hashed with FxHash: ids are the user's own data, so hash flooding is
/// no concern, and SipHash was a visible share of a 1,000-line evaluation.
pub type IdMap<'d> = HashMap<&'d str, usize, rustc_hash::FxBuildHasher>;
