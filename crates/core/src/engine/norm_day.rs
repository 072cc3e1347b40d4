//! Norm Day: the district counts who showed up and re-norms staffing mid-year.
//!
//! Counted pupils per grade are `enrolled − no-shows` (at least 0, with a note when
//! the no-shows exceed the enrolled); a grade not given keeps the scenario's count.
//! Only norm-linked positions move; per-pupil money stays as budgeted.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::budget::Budget;
use super::counts::check_fraction;
use super::error::EngineError;
use super::flexibility::Flexibility;
use super::levers::{breakpoint, buy_back, Breakpoint, BuyBack, Held};
use super::norms::entitlement_fte;
use super::rounding::{add, cents, mul, sub};
use super::scenario::NormDay;
use crate::model::Grade;
use crate::util::i18n::{key, tr1, trf};

/// One norm re-normed on Norm Day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NormDayNorm {
    /// The norm id.
    pub norm: String,
    /// The norm's title.
    pub title: String,
    /// Pupils counted in the norm's grades.
    pub students: u64,
    /// Pupils the scenario budgets on in those grades.
    pub students_before: u64,
    /// FTE for the counts the scenario budgets on.
    pub before: Decimal,
    /// FTE for the counted pupils.
    pub after: Decimal,
    /// Cost of one FTE for a year (the norm line's unit cost, else the norm's).
    pub unit_cost: Decimal,
    /// `(after − before) × unit cost × remaining share`, to the cent (negative when lost).
    pub dollars: Decimal,
}

/// What Norm Day does to the budget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NormDayResult {
    /// Counted pupils per grade.
    pub counted: BTreeMap<Grade, u32>,
    /// The part of the year left.
    pub remaining_share: Decimal,
    /// Per norm, in document order.
    pub norms: Vec<NormDayNorm>,
    /// Sum of the norms' dollars.
    pub total_dollars: Decimal,
    /// Plain-words notes, such as no-shows clamped to the enrolled count.
    pub notes: Vec<String>,
    /// Breakpoints for the counted pupils, per norm.
    pub breakpoints: Vec<Breakpoint>,
    /// Buy-backs for norms that lose positions, priced for the rest of the year.
    pub buy_backs: Vec<BuyBack>,
}

impl NormDayResult {
    /// The result of one norm.
    pub fn norm(&self, id: &str) -> Option<&NormDayNorm> {
        self.norms.iter().find(|n| n.norm == id)
    }
}

/// Counted pupils per grade from the scenario's counts and the Norm Day inputs.
pub fn counted(
    budgeted: &BTreeMap<Grade, u32>,
    nd: &NormDay,
) -> (BTreeMap<Grade, u32>, Vec<String>) {
    let mut out = budgeted.clone();
    for (g, n) in &nd.enrollment {
        out.insert(*g, *n);
    }
    let mut notes = Vec::new();
    for (g, x) in &nd.excluded {
        let enrolled = out.get(g).copied().unwrap_or(0);
        if *x > enrolled {
            notes.push(trf("Grade {g}: {x} no-shows is more than the {enrolled} enrolled, so grade {g} counts 0 pupils.", &[("g", &g), ("x", &x), ("enrolled", &enrolled)]));
        }
        out.insert(*g, enrolled.saturating_sub(*x));
    }
    (out, notes)
}

/// Norm Day for a scenario budget (`work`, before or after its plan: counts and norm
/// entitlements are the same) with the flexibility after its plan.
pub(crate) fn norm_day(
    work: &Budget<'_>,
    nd: &NormDay,
    flex: &Flexibility,
) -> Result<NormDayResult, EngineError> {
    check_fraction(key("the share of the year left"), nd.remaining_share)?;
    let (counted, notes) = counted(&work.counts.grades, nd);
    let mut counts = work.counts.clone();
    counts.grades = counted.clone();
    let mut norms = Vec::with_capacity(work.norms.len());
    let mut breakpoints = Vec::with_capacity(work.norms.len());
    let mut buy_backs = Vec::new();
    let mut total = Decimal::ZERO;
    for (i, n) in work.norms.iter().enumerate() {
        let what: &dyn Fn() -> String = &|| tr1("Norm Day for norm \"{id}\"", "id", &n.id);
        let before_ent = work.entitlements.get(i);
        let before = before_ent.map_or(Decimal::ZERO, |e| e.fte);
        let students = counts.in_grades(&n.grades);
        let after = entitlement_fte(n, students)?;
        // The line that follows the norm, with its own price when it gives one.
        let held = work
            .lines
            .iter()
            .enumerate()
            .find(|(_, st)| st.norm == Some(i))
            .and_then(|(l, st)| {
                work.line(l).map(|line| Held {
                    norm: &n.id,
                    line,
                    unit: st.unit_cost,
                    step: st.step,
                })
            });
        let unit_cost = held.as_ref().map_or(n.unit_cost, |h| h.unit);
        let change = sub(after, before, what)?;
        let dollars = cents(mul(
            mul(change, unit_cost, what)?,
            nd.remaining_share,
            what,
        )?);
        total = add(total, dollars, what)?;
        if let Some(h) = held.as_ref().filter(|_| after < before) {
            let lost = sub(before, after, what)?;
            buy_backs.push(buy_back(h, lost, nd.remaining_share, flex)?);
        }
        breakpoints.push(breakpoint(n, students)?);
        norms.push(NormDayNorm {
            norm: n.id.clone(),
            title: n.title.clone(),
            students,
            students_before: before_ent.map_or(0, |e| e.pupils),
            before,
            after,
            unit_cost,
            dollars,
        });
    }
    Ok(NormDayResult {
        counted,
        remaining_share: nd.remaining_share,
        norms,
        total_dollars: total,
        notes,
        breakpoints,
        buy_backs,
    })
}
