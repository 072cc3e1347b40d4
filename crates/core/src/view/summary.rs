//! Key figures of a scenario, for comparing two scenarios side by side.

use rust_decimal::Decimal;

use crate::engine::Evaluation;
use crate::util::dec;

/// What a scenario comes to, in the figures a site council asks about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioSummary {
    /// The scenario's name.
    pub name: String,
    /// Pupils enrolled.
    pub pupils: u64,
    /// Total allocation.
    pub allocation: Decimal,
    /// Total cost before cuts.
    pub cost: Decimal,
    /// Balance before cuts.
    pub balance_before: Decimal,
    /// Lines the plan cuts.
    pub cuts: usize,
    /// FTE the plan cuts, norm reductions included.
    pub positions_lost: Decimal,
    /// Balance after the plan.
    pub balance_after: Decimal,
    /// Deficit left after the plan (0 if none).
    pub deficit_left: Decimal,
    /// Flexibility index after the plan.
    pub flexibility_index: Decimal,
}

/// The summary of an evaluated scenario.
pub fn summarize(name: &str, eval: &Evaluation) -> ScenarioSummary {
    ScenarioSummary {
        name: name.to_owned(),
        pupils: eval.scenario.counts.enrollment,
        allocation: eval.scenario.total_allocation,
        cost: eval.scenario.total_cost,
        balance_before: eval.scenario.balance,
        cuts: eval.plan.cuts.len(),
        positions_lost: eval.plan.positions_lost(),
        balance_after: eval.after.balance,
        deficit_left: dec::sum(eval.plan.deficits.iter().map(|d| d.amount)),
        flexibility_index: eval.flexibility.index,
    }
}
