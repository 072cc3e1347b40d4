//! Rows of the per-source summary: allocation, charges and balance.

use std::rc::Rc;

use rust_decimal::Decimal;

use crate::engine::Snapshot;
use crate::format;
use crate::model::{Allocation, Basis, Document, Source};

/// One funding source as the summary shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceRow {
    /// Source id (the row's key).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Restricted to allowed uses.
    pub restricted: bool,
    /// One-time money.
    pub one_time: bool,
    /// How the allocation is computed, in words: `$550.00 per unduplicated pupil`.
    pub rule: String,
    /// Allocation.
    pub allocation: Decimal,
    /// Sum of the lines' charges.
    pub charges: Decimal,
    /// Allocation minus charges.
    pub balance: Decimal,
}

/// The allocation rule of a source in plain words.
pub fn rule_text(source: &Source) -> String {
    match &source.allocation {
        Allocation::Fixed { .. } => "Fixed amount".to_owned(),
        Allocation::PerPupil { rate, basis } => {
            format!("{} per {}", format::money(*rate), who(basis))
        }
        Allocation::Tiered { basis, tiers } => {
            let n = tiers.len();
            let s = if n == 1 { "" } else { "s" };
            format!(
                "A rate per {} that steps with need ({n} tier{s})",
                who(basis)
            )
        }
        Allocation::Lcff(_) => "LCFF: base, supplemental and concentration grants".to_owned(),
        Allocation::Norm => "District staffing norms".to_owned(),
    }
}

/// The pupils a basis counts, in words (singular).
fn who(basis: &Basis) -> String {
    match basis {
        Basis::Enrollment => "enrolled pupil".to_owned(),
        Basis::Unduplicated => "unduplicated pupil".to_owned(),
        Basis::Ada => "pupil in average daily attendance".to_owned(),
        Basis::Grades(grades) => {
            let list: Vec<String> = grades.iter().map(ToString::to_string).collect();
            format!("pupil in grades {}", list.join(", "))
        }
    }
}

/// The summary rows, in document order.
pub fn source_rows(doc: &Document, snapshot: &Snapshot) -> Vec<Rc<SourceRow>> {
    doc.sources
        .iter()
        .map(|source| {
            let result = snapshot.source(&source.id);
            Rc::new(SourceRow {
                id: source.id.clone(),
                name: source.name.clone(),
                restricted: source.restricted,
                one_time: source.one_time,
                rule: rule_text(source),
                allocation: result.map(|r| r.allocation).unwrap_or_default(),
                charges: result.map(|r| r.charges).unwrap_or_default(),
                balance: result.map(|r| r.balance).unwrap_or_default(),
            })
        })
        .collect()
}
