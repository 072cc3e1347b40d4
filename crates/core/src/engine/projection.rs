//! Multi-year projection: the scenario's yearly changes compounded, a cut plan each year.

use rust_decimal::Decimal;

use super::budget::Budget;
use super::cuts::{plan, CutPlan};
use super::error::EngineError;
use super::scenario::{inputs, Scenario};
use super::snapshot::Snapshot;
use crate::model::Document;

/// One projected year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearResult {
    /// 1 for the scenario itself, then 2, 3…
    pub year: u32,
    /// Sum of allocations that year.
    pub total_allocation: Decimal,
    /// Sum of costs that year, before cuts.
    pub total_cost: Decimal,
    /// Allocation − cost, before cuts.
    pub balance_before_cuts: Decimal,
    /// The cuts that year would need, measured from the budget as it is today.
    pub plan: CutPlan,
    /// FTE cut in that year's plan, norm reductions included.
    pub positions_lost: Decimal,
}

/// Projects years 1…`years`: year 1 is the scenario, each later year applies the
/// enrollment, cost and rate changes once more on the previous year's rounded figures.
/// Per-grade counts, line edits, unduplicated share and attendance apply from year 1 on.
pub fn project(
    doc: &Document,
    scenario: &Scenario,
    years: u32,
) -> Result<Vec<YearResult>, EngineError> {
    let base = Budget::build(doc)?;
    let mut out = Vec::with_capacity(years.min(100) as usize);
    if years == 0 {
        return Ok(out);
    }
    for year in 1..=years {
        let mut work = Budget::from_inputs(inputs(doc, scenario, year)?)?;
        let before = Snapshot::totals(&work)?;
        let plan = plan(&base, &mut work)?;
        out.push(YearResult {
            year,
            total_allocation: before.0,
            total_cost: before.1,
            balance_before_cuts: before.2,
            positions_lost: plan.positions_lost(),
            plan,
        });
    }
    Ok(out)
}
