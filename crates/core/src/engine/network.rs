//! A network of schools under one enrollment change: each school's figures (its own cut
//! plan run) and the network's totals, as SPEC's "A network of schools" defines them.
//!
//! Speed matters here (a district has a thousand schools and the page recomputes them
//! on every slider move), so a school's row runs only what its figures need: the budget
//! and the scenario's budget, the cut plan without alternatives, the flexible total and
//! the norms' `lose`. No snapshots, comparisons, swaps, levers or projection.

use std::borrow::Cow;
use std::rc::Rc;

use rust_decimal::{Decimal, RoundingStrategy};

use super::allocation::allocation;
use super::budget::{Budget, LineState};
use super::costs::Fund;
use super::counts::Counts;
use super::cuts::{plan_in, Detail, Order};
use super::error::EngineError;
use super::flexibility::flexible_total;
use super::levers::breakpoint;
use super::norms::{entitlements, norm_funding};
use super::rounding::{add, cents, div};
use super::scenario::{grow_school, YearChange};
use super::snapshot::Snapshot;
use crate::model::{Document, Line};
use crate::util::i18n::{tr, tr1};
use crate::util::{dec, IdMap};

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
///
/// For many changes of the same school (a slider), [`PreparedSchool`] computes the
/// budget as it is once and each change from it.
pub fn school_row(doc: &Document, change: Decimal) -> Result<SchoolRow, EngineError> {
    Prep::of(doc)?.row(doc, change)
}

/// A school ready to be computed under any enrollment change: the budget as it is is
/// computed once, and each change recomputes only what pupils move (counts, norm
/// entitlements and their lines, allocations) before the cut plan runs. Owned, so the
/// page can keep one per school between slider moves.
#[derive(Clone, Debug)]
pub struct PreparedSchool {
    doc: Rc<Document>,
    prep: Result<Prep, EngineError>,
}

impl PreparedSchool {
    /// Prepares a school; a budget that cannot be computed keeps its error for every row.
    pub fn new(doc: Rc<Document>) -> PreparedSchool {
        let prep = Prep::of(&doc);
        PreparedSchool { doc, prep }
    }

    /// The school's document.
    pub fn doc(&self) -> &Rc<Document> {
        &self.doc
    }

    /// The school's row under `change`: the same figures as [`school_row`].
    pub fn row(&self, change: Decimal) -> Result<SchoolRow, EngineError> {
        match &self.prep {
            Ok(prep) => prep.row(&self.doc, change),
            Err(e) => Err(e.clone()),
        }
    }
}

/// A network's rows kept between changes, for the page: a school is prepared once per
/// budget and recomputed only when its change (or its budget) moved, so a per-school
/// change recomputes one school and a network-wide move every school without an override.
/// Each school also remembers its rows under its last few changes, so a slider that comes
/// back to a value recomputes nothing.
#[derive(Clone, Debug, Default)]
pub struct NetworkRows {
    entries: Vec<Option<RowEntry>>,
}

/// How many earlier changes each school remembers its row for.
const REMEMBERED: usize = 4;

#[derive(Clone, Debug)]
struct RowEntry {
    prepared: PreparedSchool,
    change: Decimal,
    row: Result<SchoolRow, EngineError>,
    /// Rows under earlier changes, newest first.
    recent: Vec<(Decimal, Result<SchoolRow, EngineError>)>,
}

impl RowEntry {
    /// Whether the row under `change` is at hand (current or remembered).
    fn has(&self, change: Decimal) -> bool {
        self.change == change || self.recent.iter().any(|(c, _)| *c == change)
    }

    /// Moves to `change`: a remembered row if there is one, else computed. Returns
    /// whether it computed.
    fn move_to(&mut self, change: Decimal) -> bool {
        if self.change == change {
            return false;
        }
        let kept = self.recent.iter().position(|(c, _)| *c == change);
        let row = match kept {
            Some(k) => self.recent.remove(k).1,
            None => self.prepared.row(change),
        };
        let old = std::mem::replace(&mut self.row, row);
        self.recent.insert(0, (self.change, old));
        self.recent.truncate(REMEMBERED);
        self.change = change;
        kept.is_none()
    }
}

impl NetworkRows {
    /// Brings the rows up to date with the schools (file order; `None` for a school
    /// without a budget) under `scenario`; returns how many schools were recomputed.
    pub fn update(
        &mut self,
        schools: &[Option<Rc<Document>>],
        scenario: &NetworkScenario,
    ) -> usize {
        self.update_until(schools, scenario, &mut || false).0
    }

    /// As [`NetworkRows::update`], but asks `stop` after each school computed and stops
    /// when it says so (a page computing a district in slices between paints); returns
    /// how many were computed and whether every row is now up to date. Calling it again
    /// goes on where it stopped.
    pub fn update_until(
        &mut self,
        schools: &[Option<Rc<Document>>],
        scenario: &NetworkScenario,
        stop: &mut dyn FnMut() -> bool,
    ) -> (usize, bool) {
        self.entries.truncate(schools.len());
        self.entries.resize_with(schools.len(), || None);
        let mut computed = 0;
        for (i, (slot, doc)) in self.entries.iter_mut().zip(schools).enumerate() {
            let Some(doc) = doc else {
                *slot = None;
                continue;
            };
            let change = scenario.change_for(i);
            let did = match slot {
                Some(e) if Rc::ptr_eq(e.prepared.doc(), doc) => e.move_to(change),
                _ => {
                    let prepared = PreparedSchool::new(doc.clone());
                    let row = prepared.row(change);
                    *slot = Some(RowEntry {
                        prepared,
                        change,
                        row,
                        recent: Vec::new(),
                    });
                    true
                }
            };
            if did {
                computed += 1;
                if stop() {
                    let rest_done = self.stale_from(i.saturating_add(1), schools, scenario) == 0;
                    return (computed, rest_done);
                }
            }
        }
        (computed, true)
    }

    /// How many schools an update would compute (rows neither current nor remembered).
    pub fn stale(&self, schools: &[Option<Rc<Document>>], scenario: &NetworkScenario) -> usize {
        self.stale_from(0, schools, scenario)
    }

    fn stale_from(
        &self,
        from: usize,
        schools: &[Option<Rc<Document>>],
        scenario: &NetworkScenario,
    ) -> usize {
        schools
            .iter()
            .enumerate()
            .skip(from)
            .filter(|(i, doc)| {
                let Some(doc) = doc else {
                    return false;
                };
                match self.entries.get(*i).and_then(Option::as_ref) {
                    Some(e) if Rc::ptr_eq(e.prepared.doc(), doc) => !e.has(scenario.change_for(*i)),
                    _ => true,
                }
            })
            .count()
    }

    /// School `i`'s row: `None` when it has no budget, else its figures or why not.
    pub fn get(&self, i: usize) -> Option<&Result<SchoolRow, EngineError>> {
        self.entries.get(i)?.as_ref().map(|e| &e.row)
    }

    /// School `i`'s row if it is computed under `change` (a district still being computed
    /// shows what is done so far, never a row of another change).
    pub fn get_under(&self, i: usize, change: Decimal) -> Option<&Result<SchoolRow, EngineError>> {
        self.entries
            .get(i)?
            .as_ref()
            .filter(|e| e.change == change)
            .map(|e| &e.row)
    }

    /// Every school's figures in file order (`None` for a school without figures).
    pub fn rows(&self) -> Vec<Option<&SchoolRow>> {
        self.entries
            .iter()
            .map(|e| e.as_ref().and_then(|e| e.row.as_ref().ok()))
            .collect()
    }

    /// The network total over the schools with figures.
    pub fn total(&self) -> NetworkTotal {
        let rows: Vec<&SchoolRow> = self.rows().into_iter().flatten().collect();
        network_total(&rows)
    }
}

/// What a change leaves as it is: every line's state and funding entries as budgeted
/// (only norm-linked lines move with pupils), the sources' charges, and the norms'
/// baseline entitlements (for the plan's norm reductions).
#[derive(Clone, Debug)]
struct Prep {
    lines: Vec<LineState>,
    funds: Vec<Fund>,
    charged: Vec<Decimal>,
    base_fte: Vec<Decimal>,
    norm_lines: Vec<usize>,
    order: Order,
}

impl Prep {
    fn of(doc: &Document) -> Result<Prep, EngineError> {
        let base = Budget::build(doc)?;
        let norm_lines = (0..base.lines.len())
            .filter(|&i| base.lines.get(i).is_some_and(|l| l.norm.is_some()))
            .collect();
        Ok(Prep {
            order: Order::of(&base),
            base_fte: base.entitlements.iter().map(|e| e.fte).collect(),
            lines: base.lines,
            funds: base.funds,
            charged: base.charged,
            norm_lines,
        })
    }

    /// The budget under `change` (as `Budget::from_inputs` of the scenario computes it),
    /// then its figures after the plan.
    fn row(&self, doc: &Document, change: Decimal) -> Result<SchoolRow, EngineError> {
        let mut school = doc.school.clone();
        grow_school(
            &mut school,
            &YearChange {
                enrollment_change: change,
                ..YearChange::default()
            },
        )?;
        let counts = Counts::of(&school)?;
        let ents = entitlements(&doc.norms, &counts)?;
        let norm_total = norm_funding(&doc.norms, &ents)?;
        let alloc = doc
            .sources
            .iter()
            .map(|s| allocation(s, &counts, norm_total))
            .collect::<Result<Vec<_>, _>>()?;
        let mut work = Budget {
            sources: Cow::Borrowed(&doc.sources),
            norms: Cow::Borrowed(&doc.norms),
            meta: doc.lines.iter().collect(),
            counts,
            entitlements: ents,
            alloc,
            charged: self.charged.clone(),
            lines: self.lines.clone(),
            funds: self.funds.clone(),
            // Only the budget as it is is looked up by id (for norm reductions), and
            // this plan reads that from `base_fte`.
            line_ix: IdMap::default(),
        };
        for &i in &self.norm_lines {
            let fte = work
                .lines
                .get(i)
                .and_then(|st| st.norm)
                .and_then(|n| work.entitlements.get(n))
                .map_or(Decimal::ZERO, |e| e.fte);
            if fte.is_sign_negative() && !fte.is_zero() {
                let id = work.line(i).map_or(String::new(), |l| l.id.clone());
                return Err(EngineError::Negative {
                    what: tr1("the FTE of line \"{id}\"", "id", &id),
                    value: fte,
                });
            }
            work.set_qty(i, fte)?;
        }
        let (allocation, _, balance) = Snapshot::totals(&work)?;
        let mut restricted_allocation = Decimal::ZERO;
        for (s, a) in work.sources.iter().zip(&work.alloc) {
            if s.restricted {
                restricted_allocation = add(restricted_allocation, *a, &|| {
                    tr("the restricted allocation")
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
        let baseline = |_: &Line, n: usize| self.base_fte.get(n).copied();
        let cut = plan_in(&baseline, &mut work, Detail::Figures, Some(&self.order))?;
        let mut deficit = Decimal::ZERO;
        for d in &cut.deficits {
            deficit = add(deficit, d.amount, &|| tr("the deficit left"))?;
        }
        let flexible = flexible_total(&work)?;
        let index = if allocation.is_zero() {
            Decimal::ZERO
        } else {
            div(flexible, allocation, &|| tr("the flexibility index"))?
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
