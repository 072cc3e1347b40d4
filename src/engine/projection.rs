//! Multi-year projection: the scenario's yearly changes compounded, a cut plan each year.

use rust_decimal::Decimal;

use super::budget::Budget;
use super::cuts::{plan, CutPlan};
use super::error::EngineError;
use super::scenario::{apply_scenario, apply_year, Scenario};
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
    let mut year_doc = apply_scenario(doc, scenario)?;
    for year in 1..=years {
        if year > 1 {
            apply_year(&mut year_doc, scenario)?;
        }
        let mut work = Budget::build(&year_doc)?;
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
