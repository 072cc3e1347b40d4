//! Small helpers every layer may use: the id map, the one shared sort and decimal arithmetic.

pub mod dec;
pub mod sort;

use std::collections::HashMap;

/// Id → index map, hashed with FxHash: ids are the user's own data, so hash flooding is
/// no concern, and SipHash was a visible share of a 1,000-line evaluation.
pub type IdMap<'d> = HashMap<&'d str, usize, rustc_hash::FxBuildHasher>;
