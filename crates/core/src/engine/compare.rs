//! The scenario compared with the baseline, source by source and line by line.

use crate::util::dec;
use rust_decimal::Decimal;

use super::snapshot::{LineResult, Snapshot};

/// How a source's figures moved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceDiff {
    /// The source id.
    pub source: String,
    /// Baseline allocation.
    pub baseline_allocation: Decimal,
    /// Scenario allocation.
    pub scenario_allocation: Decimal,
    /// Baseline charges.
    pub baseline_charges: Decimal,
    /// Scenario charges.
    pub scenario_charges: Decimal,
    /// Baseline balance.
    pub baseline_balance: Decimal,
    /// Scenario balance.
    pub scenario_balance: Decimal,
}

impl SourceDiff {
    /// Scenario allocation − baseline allocation.
    pub fn allocation_change(&self) -> Decimal {
        dec::saturating_sub(self.scenario_allocation, self.baseline_allocation)
    }

    /// Scenario balance − baseline balance.
    pub fn balance_change(&self) -> Decimal {
        dec::saturating_sub(self.scenario_balance, self.baseline_balance)
    }
}

/// Whether a line is the same, changed, added or removed in the scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LineStatus {
    /// Same figures in both.
    Unchanged,
    /// Present in both with different FTE, amount, cost or charges.
    Changed,
    /// Only in the scenario.
    Added,
    /// Only in the baseline.
    Removed,
}

/// How a line's figures moved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineDiff {
    /// The line id.
    pub line: String,
    /// Same, changed, added or removed.
    pub status: LineStatus,
    /// Baseline FTE (positions present in the baseline).
    pub baseline_fte: Option<Decimal>,
    /// Scenario FTE (positions present in the scenario).
    pub scenario_fte: Option<Decimal>,
    /// Baseline cost (0 if added).
    pub baseline_cost: Decimal,
    /// Scenario cost (0 if removed).
    pub scenario_cost: Decimal,
}

impl LineDiff {
    /// Scenario cost − baseline cost.
    pub fn cost_change(&self) -> Decimal {
        dec::saturating_sub(self.scenario_cost, self.baseline_cost)
    }
}

/// Sources in document order (a scenario never adds or removes sources).
pub fn source_diffs(base: &Snapshot, scen: &Snapshot) -> Vec<SourceDiff> {
    base.sources
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let s = scen
                .sources
                .get(i)
                .filter(|s| s.id == b.id)
                .or_else(|| scen.source(&b.id));
            SourceDiff {
                source: b.id.clone(),
                baseline_allocation: b.allocation,
                scenario_allocation: s.map_or(Decimal::ZERO, |s| s.allocation),
                baseline_charges: b.charges,
                scenario_charges: s.map_or(Decimal::ZERO, |s| s.charges),
                baseline_balance: b.balance,
                scenario_balance: s.map_or(Decimal::ZERO, |s| s.balance),
            }
        })
        .collect()
}

/// Baseline lines in document order (removed ones in place), then added lines.
pub fn line_diffs(base: &Snapshot, scen: &Snapshot) -> Vec<LineDiff> {
    let mut out = Vec::with_capacity(scen.lines.len().max(base.lines.len()));
    // Lines usually sit at the same position in both; look up by id only when not.
    let mut aligned = base.lines.len() == scen.lines.len();
    for (i, b) in base.lines.iter().enumerate() {
        let s = match scen.lines.get(i) {
            Some(s) if s.id == b.id => Some(s),
            _ => {
                aligned = false;
                scen.line(&b.id)
            }
        };
        out.push(diff(Some(b), s));
    }
    if !aligned {
        for s in &scen.lines {
            if base.line(&s.id).is_none() {
                out.push(diff(None, Some(s)));
            }
        }
    }
    out
}

/// One line's diff; at least one side is present.
fn diff(b: Option<&LineResult>, s: Option<&LineResult>) -> LineDiff {
    let status = match (b, s) {
        (Some(b), Some(s)) if b == s => LineStatus::Unchanged,
        (Some(_), Some(_)) => LineStatus::Changed,
        (None, _) => LineStatus::Added,
        (Some(_), None) => LineStatus::Removed,
    };
    LineDiff {
        line: b.or(s).map_or(String::new(), |l| l.id.clone()),
        status,
        baseline_fte: b.and_then(|l| l.fte),
        scenario_fte: s.and_then(|l| l.fte),
        baseline_cost: b.map_or(Decimal::ZERO, |l| l.cost),
        scenario_cost: s.map_or(Decimal::ZERO, |l| l.cost),
    }
}
