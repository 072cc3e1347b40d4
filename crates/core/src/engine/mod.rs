//! Pure budget engine: allocations, costs, scenarios, cut plan, flexibility, projection.
//!
//! No web imports: everything here runs natively and in the browser alike. The UI calls
//! [`evaluate`] (baseline, scenario, cut plan, flexibility, comparison) and [`project`]
//! (several years). Every figure is an exact [`rust_decimal::Decimal`]; arithmetic is
//! checked, so bad input gives an [`EngineError`], never a panic.

mod allocation;
mod budget;
mod compare;
mod costs;
mod counts;
mod cuts;
mod error;
mod evaluate;
mod flexibility;
mod levers;
mod network;
mod norm_day;
mod norms;
mod projection;
mod rounding;
mod scenario;
mod snapshot;

pub use allocation::{lcff_allocation, span_ada, tier_index_at};
/// The id map the UI and the checks share with the engine (one hash map instance in the bundle).
pub use compare::{LineDiff, LineStatus, SourceDiff};
pub use costs::line_cost;
pub use counts::Counts;
pub use cuts::{days_a_week, Alternative, Commitment, Cut, CutPlan, CutReason, Deficit, Gap};
pub use error::EngineError;
pub use evaluate::{evaluate, Evaluation};
pub use flexibility::{
    Compliance, DisallowedUse, Flexibility, OneTimeRisk, SetAsideCheck, SourceFlexibility, Swap,
};
pub use levers::{
    breakpoint, ceil_gain, ceil_lose, with_buy_back, Breakpoint, BuyBack, FormsToTier, Levers,
    BUY_BACK_TAG, MAX_GAIN,
};
pub use network::{
    flex_index, network_total, per_pupil, school_row, share4, NetworkRows, NetworkScenario,
    NetworkTotal, PreparedSchool, SchoolRow,
};
pub use norm_day::{counted, NormDayNorm, NormDayResult};
pub use norms::{entitlement_fte, Entitlement};
pub use projection::{project, ClassSize, YearResult};
pub use rounding::{ceil_cents, cents};
pub use scenario::{
    apply_scenario, Decision, DecisionField, EnrollmentInput, LineEdit, NormDay, Scenario,
    YearChange, DECISIONS_MAX, DECISION_MAX, DEFAULT_REMAINING_SHARE, NOTE_MAX,
};
pub use snapshot::{LineResult, LineType, Snapshot, SourceResult};

/// Computes a document as it is, without a scenario or cut plan.
pub fn snapshot(doc: &crate::model::Document) -> Result<Snapshot, EngineError> {
    Snapshot::of(&budget::Budget::build(doc)?, None)
}
