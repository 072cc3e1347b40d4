//! A network of schools under one enrollment change: each school's figures (its own cut
//! plan run) and the network's totals, as SPEC's "A network of schools" defines them.
//!
//! Speed matters here (a district has a thousand schools and the page recomputes them
//! on every slider move), so a school's row runs only what its figures need: the budget
//! and the scenario's budget, the cut plan without alternatives, the flexible total and
//! the norms' `lose`. No snapshots, comparisons, swaps, levers or projection.

use rust_decimal::{Decimal, RoundingStrategy};

use super::budget::Budget;
use super::cuts::plan;
use super::error::EngineError;
use super::flexibility::flexible_total;
use super::levers::breakpoint;
use super::rounding::{add, cents, div};
use super::scenario::{inputs, EnrollmentInput, Scenario};
use super::snapshot::Snapshot;
use crate::model::Document;
use crate::util::dec;

/// A network scenario: one enrollment change for every school, with per-school overrides.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct NetworkScenario {
    /// The change applied to every school, a fraction (−0.08 is 8% fewer pupils).
    pub change: Decimal,
    /// Per school in file order: a change that replaces `change` for that school.
    pub overrides: Vec<Option<Decimal>>,
}

impl NetworkScenario {
    /// The change school `i` (file order) is computed under.
    pub fn change_for(&self, i: usize) -> Decimal {
        self.overrides
            .get(i)
            .copied()
            .flatten()
            .unwrap_or(self.change)
    }

    /// Sets or clears school `i`'s own change (trailing empty overrides are dropped, so
    /// two scenarios that mean the same compare equal).
    pub fn set_override(&mut self, i: usize, change: Option<Decimal>) {
        if change.is_some() && self.overrides.len() <= i {
            self.overrides.resize(i.saturating_add(1), None);
        }
        if let Some(slot) = self.overrides.get_mut(i) {
            *slot = change;
        }
        while self.overrides.last() == Some(&None) {
            self.overrides.pop();
        }
    }

    /// The schools with an override, with it, in file order.
    pub fn overridden(&self) -> impl Iterator<Item = (usize, Decimal)> + '_ {
        self.overrides
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.map(|c| (i, c)))
    }
}

/// One school's figures under its change.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct SchoolRow {
    /// Pupils `E` under the change.
    pub pupils: u64,
    /// Unduplicated pupils `U` under the change.
    pub unduplicated: u64,
    /// The school's unduplicated share (its `unduplicated_pct`, a fraction).
    pub unduplicated_share: Decimal,
    /// Total allocation before cuts.
    pub allocation: Decimal,
    /// Allocation of the restricted sources.
    pub restricted_allocation: Decimal,
    /// Allocation ÷ pupils, half up to the cent; none with no pupils.
    pub per_pupil: Option<Decimal>,
    /// Restricted allocation ÷ allocation, half up to 4 decimals; none with no allocation.
    pub restricted_share: Option<Decimal>,
    /// Balance before cuts, all sources (negative is a deficit).
    pub balance: Decimal,
    /// Position FTE the plan cuts, norm reductions included (items are not counted).
    pub cut_fte: Decimal,
    /// Deficit left after the plan, summed over sources (a positive number, 0 for none).
    pub deficit: Decimal,
    /// Flexible money after the plan.
    pub flexible: Decimal,
    /// Flexible ÷ allocation after the plan, an exact fraction (0 with no allocation).
    pub flex_index: Decimal,
    /// The tightest breakpoint: the smallest `lose` over the norms, if any norm has one.
    pub lose: Option<u64>,
}

/// The network's totals over the schools that computed.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct NetworkTotal {
    /// How many schools are summed.
    pub schools: usize,
    /// Sum of pupils.
    pub pupils: u64,
    /// Sum of unduplicated pupils.
    pub unduplicated: u64,
    /// Unduplicated ÷ pupils from the sums, half up to 4 decimals; none with no pupils.
    pub unduplicated_share: Option<Decimal>,
    /// Sum of allocations.
    pub allocation: Decimal,
    /// Sum of restricted allocations.
    pub restricted_allocation: Decimal,
    /// Allocation ÷ pupils from the sums, half up to the cent; none with no pupils.
    pub per_pupil: Option<Decimal>,
    /// Restricted ÷ allocation from the sums, 4 decimals; none with no allocation.
    pub restricted_share: Option<Decimal>,
    /// Sum of balances before cuts.
    pub balance: Decimal,
    /// Sum of FTE cut.
    pub cut_fte: Decimal,
    /// Sum of deficits left after the plans.
    pub deficit: Decimal,
    /// Sum of flexible money.
    pub flexible: Decimal,
    /// Flexible ÷ allocation from the sums (0 with no allocation).
    pub flex_index: Decimal,
    /// The smallest `lose` over the schools, if any.
    pub lose: Option<u64>,
}

/// Allocation per pupil, half up to the cent; none with no pupils.
pub fn per_pupil(allocation: Decimal, pupils: u64) -> Option<Decimal> {
    if pupils == 0 {
        return None;
    }
    dec::checked_div(allocation, Decimal::from(pupils)).map(cents)
}

/// `part ÷ whole`, half up to 4 decimals; none when `whole` is 0.
pub fn share4(part: Decimal, whole: Decimal) -> Option<Decimal> {
    if whole.is_zero() {
        return None;
    }
    dec::checked_div(part, whole)
        .map(|s| s.round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero))
}

/// Flexible ÷ allocation, exact as the single-school index (0 with no allocation).
pub fn flex_index(flexible: Decimal, allocation: Decimal) -> Decimal {
    if allocation.is_zero() {
        return Decimal::ZERO;
    }
    dec::checked_div(flexible, allocation).unwrap_or(Decimal::ZERO)
}

/// One school's row under an enrollment change (a fraction), its own cut plan run.
pub fn school_row(doc: &Document, change: Decimal) -> Result<SchoolRow, EngineError> {
    let base = Budget::build(doc)?;
    let scenario = Scenario {
        enrollment: EnrollmentInput::Change(change),
        ..Scenario::default()
    };
    let mut work = if change.is_zero() {
        base.clone()
    } else {
        Budget::from_inputs(inputs(doc, &scenario, 1)?)?
    };
    let (allocation, _, balance) = Snapshot::totals(&work)?;
    let mut restricted_allocation = Decimal::ZERO;
    for (s, a) in work.sources.iter().zip(&work.alloc) {
        if s.restricted {
            restricted_allocation = add(restricted_allocation, *a, &|| {
                "the restricted allocation".into()
            })?;
        }
    }
    let mut lose: Option<u64> = None;
    for n in work.norms.iter() {
        let b = breakpoint(n, work.counts.in_grades(&n.grades))?;
        lose = min_some(lose, b.lose);
    }
    let pupils = work.counts.enrollment;
    let unduplicated = work.counts.unduplicated;
    let cut = plan(&base, &mut work, false)?;
    let mut deficit = Decimal::ZERO;
    for d in &cut.deficits {
        deficit = add(deficit, d.amount, &|| "the deficit left".into())?;
    }
    let flexible = flexible_total(&work)?;
    let index = if allocation.is_zero() {
        Decimal::ZERO
    } else {
        div(flexible, allocation, &|| "the flexibility index".into())?
    };
    Ok(SchoolRow {
        pupils,
        unduplicated,
        unduplicated_share: doc.school.unduplicated_pct,
        allocation,
        restricted_allocation,
        per_pupil: per_pupil(allocation, pupils),
        restricted_share: share4(restricted_allocation, allocation),
        balance,
        cut_fte: cut.positions_lost(),
        deficit,
        flexible,
        flex_index: index,
        lose,
    })
}

/// The smaller of two optional counts, where none means "no breakpoint".
fn min_some(a: Option<u64>, b: Option<u64>) -> Option<u64> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, None) => x,
        (None, y) => y,
    }
}

/// The network's totals: money and pupils summed; per pupil, shares and the
/// flexibility index from the sums; the tightest breakpoint over the schools. Failed
/// schools are left out by the caller (the page says how many).
pub fn network_total(rows: &[&SchoolRow]) -> NetworkTotal {
    let mut t = NetworkTotal {
        schools: rows.len(),
        ..NetworkTotal::default()
    };
    for r in rows {
        t.pupils = t.pupils.saturating_add(r.pupils);
        t.unduplicated = t.unduplicated.saturating_add(r.unduplicated);
        t.allocation = dec::saturating_add(t.allocation, r.allocation);
        t.restricted_allocation =
            dec::saturating_add(t.restricted_allocation, r.restricted_allocation);
        t.balance = dec::saturating_add(t.balance, r.balance);
        t.cut_fte = dec::saturating_add(t.cut_fte, r.cut_fte);
        t.deficit = dec::saturating_add(t.deficit, r.deficit);
        t.flexible = dec::saturating_add(t.flexible, r.flexible);
        t.lose = min_some(t.lose, r.lose);
    }
    t.unduplicated_share = share4(Decimal::from(t.unduplicated), Decimal::from(t.pupils));
    t.per_pupil = per_pupil(t.allocation, t.pupils);
    t.restricted_share = share4(t.restricted_allocation, t.allocation);
    t.flex_index = flex_index(t.flexible, t.allocation);
    t
}
