//! Multi-year projection: the scenario's yearly changes compounded, a cut plan each year.

use rust_decimal::{Decimal, RoundingStrategy};

use super::budget::Budget;
use super::cuts::{baseline_of, plan, CutPlan, Detail};
use super::error::EngineError;
use super::scenario::{inputs, Scenario};
use super::snapshot::Snapshot;
use crate::model::Document;
use crate::util::dec;

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
    /// Per norm, in document order: students, positions and average class size.
    pub class_sizes: Vec<ClassSize>,
}

/// A norm's average class size in a projected year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClassSize {
    /// The norm id.
    pub norm: String,
    /// Pupils in the norm's grades.
    pub students: u64,
    /// The norm's positions (its entitlement).
    pub positions: Decimal,
    /// Students ÷ positions, half up to one decimal; none with no positions.
    pub size: Option<Decimal>,
}

/// Projects years 1…`years`: year 1 is the scenario, each later year applies the
/// enrollment, cost and rate changes once more on the previous year's rounded figures
/// (a scenario's `years` list gives each year its own changes instead).
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
        let class_sizes = class_sizes(&work);
        let plan = plan(&baseline_of(&base), &mut work, Detail::Cuts)?;
        out.push(YearResult {
            year,
            total_allocation: before.0,
            total_cost: before.1,
            balance_before_cuts: before.2,
            positions_lost: plan.positions_lost(),
            plan,
            class_sizes,
        });
    }
    Ok(out)
}

/// Class size per norm: students ÷ entitled positions, half up to one decimal.
fn class_sizes(work: &Budget<'_>) -> Vec<ClassSize> {
    work.entitlements
        .iter()
        .map(|e| ClassSize {
            norm: e.norm.clone(),
            students: e.pupils,
            positions: e.fte,
            size: (e.fte > Decimal::ZERO)
                .then(|| dec::checked_div(Decimal::from(e.pupils), e.fte))
                .flatten()
                .map(|s| s.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)),
        })
        .collect()
}
