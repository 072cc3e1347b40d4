//! Rows of the per-source summary: allocation, charges and balance.

use std::rc::Rc;

use rust_decimal::Decimal;

use crate::engine::Snapshot;
use crate::format;
use crate::model::{Allocation, Basis, Document, Source};
use crate::util::i18n::{tr, tr1, trf, trn};

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
        Allocation::Fixed { .. } => tr("Fixed amount"),
        Allocation::PerPupil { rate, basis } => trf(
            "{rate} per {who}",
            &[("rate", &format::money(*rate)), ("who", &who(basis))],
        ),
        Allocation::Tiered { basis, tiers } => trn(
            "A rate per {who} that steps with need ({n} tier)",
            "A rate per {who} that steps with need ({n} tiers)",
            tiers.len() as u64,
            &[("who", &who(basis))],
        ),
        Allocation::Lcff(_) => tr("LCFF: base, supplemental and concentration grants"),
        Allocation::Norm => tr("District staffing norms"),
    }
}

/// The pupils a basis counts, in words (singular).
fn who(basis: &Basis) -> String {
    match basis {
        Basis::Enrollment => tr("enrolled pupil"),
        Basis::Unduplicated => tr("unduplicated pupil"),
        Basis::Ada => tr("pupil in average daily attendance"),
        Basis::Grades(grades) => {
            let list: Vec<String> = grades.iter().map(ToString::to_string).collect();
            tr1("pupil in grades {grades}", "grades", &list.join(", "))
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
