//! `evaluate`: baseline, scenario, cut plan, flexibility and comparison in one call.

use super::budget::Budget;
use super::compare::{line_diffs, source_diffs, LineDiff, LineStatus, SourceDiff};
use super::cuts::{baseline_of, plan, CutPlan, Detail};
use super::error::EngineError;
use super::flexibility::{report, Flexibility};
use super::levers::{levers, Levers};
use super::norm_day::{norm_day, NormDayResult};
use super::scenario::{inputs, Scenario};
use super::snapshot::Snapshot;
use crate::model::Document;

/// Everything the UI shows for a document under a scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluation {
    /// The document as it is.
    pub baseline: Snapshot,
    /// The scenario's inputs applied, before the cut plan.
    pub scenario: Snapshot,
    /// After the cut plan.
    pub after: Snapshot,
    /// The cuts the scenario needs (norm reductions included) and what stays open.
    pub plan: CutPlan,
    /// Flexibility of the budget after the plan.
    pub flexibility: Flexibility,
    /// Baseline vs scenario, per source in document order.
    pub source_diffs: Vec<SourceDiff>,
    /// Baseline vs scenario, per line (removed in place, added at the end).
    pub line_diffs: Vec<LineDiff>,
    /// Breakpoints, income forms and buy-backs for the scenario's counts.
    pub levers: Levers,
    /// Norm Day, when the scenario carries one.
    pub norm_day: Option<NormDayResult>,
}

impl Evaluation {
    /// The lines the scenario adds, removes or changes, in `line_diffs` order.
    pub fn changed_lines(&self) -> impl Iterator<Item = &LineDiff> {
        self.line_diffs
            .iter()
            .filter(|d| d.status != LineStatus::Unchanged)
    }
}

/// Evaluates a document under a scenario (use `Scenario::default()` for the budget as it is).
pub fn evaluate(doc: &Document, scenario: &Scenario) -> Result<Evaluation, EngineError> {
    let base = Budget::build(doc)?;
    let baseline = Snapshot::of(&base, None)?;
    // The baseline scenario needs no second computation; any other borrows the
    // document's lines rather than copying them.
    let (mut work, scenario_snap) = if scenario.is_baseline() {
        (base.clone(), baseline.clone())
    } else {
        let work = Budget::from_inputs(inputs(doc, scenario, 1)?)?;
        let snap = Snapshot::of(&work, Some(&baseline))?;
        (work, snap)
    };
    let plan = plan(&baseline_of(&base), &mut work, Detail::Full)?;
    let after = if plan.cuts.is_empty() {
        scenario_snap.clone()
    } else {
        Snapshot::of(&work, Some(&scenario_snap))?
    };
    let flexibility = report(&work)?;
    let levers = levers(&work, &plan, &flexibility)?;
    let norm_day = match &scenario.norm_day {
        Some(nd) => Some(norm_day(&work, nd, &flexibility)?),
        None => None,
    };
    Ok(Evaluation {
        levers,
        norm_day,
        source_diffs: source_diffs(&baseline, &scenario_snap),
        line_diffs: line_diffs(&baseline, &scenario_snap),
        baseline,
        scenario: scenario_snap,
        after,
        plan,
        flexibility,
    })
}
