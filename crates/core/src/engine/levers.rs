//! Levers: what a principal can do about a cut.
//!
//! Staffing breakpoints per norm (one pass over the norms, each a closed form or a
//! binary search), the worth of one more income form (one more allocation pass over the
//! sources, never a second evaluation), forms to each tiered source's next tier, and
//! buy-backs of lost norm positions with the school's unrestricted flexible money.

use rust_decimal::Decimal;

use super::allocation::{allocation, tier_index_at};
use super::budget::Budget;
use super::counts::Counts;
use super::cuts::CutPlan;
use super::error::EngineError;
use super::flexibility::Flexibility;
use super::norms::entitlement_fte;
use super::rounding::{add, cents, div, mul, sub};
use super::scenario::{LineEdit, Scenario};
use crate::model::{
    Allocation, Document, Funding, Line, LineKind, Norm, Position, Priority, Rounding,
};
use crate::util::i18n::{tr, tr1};
use crate::util::{dec, sort};

/// The largest gain searched for: beyond 100,000 more pupils there is no breakpoint.
pub const MAX_GAIN: u64 = 100_000;

/// The tag a bought-back position carries.
pub const BUY_BACK_TAG: &str = "buy-back";

/// How far a norm's pupils are from losing or gaining a position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Breakpoint {
    /// The norm id.
    pub norm: String,
    /// Pupils in the norm's grades.
    pub students: u64,
    /// The entitlement for those pupils.
    pub fte: Decimal,
    /// The fewest fewer pupils that lower the entitlement, if any.
    pub lose: Option<u64>,
    /// The fewest more pupils that raise it (up to 100,000), if any.
    pub gain: Option<u64>,
}

/// How many more income forms reach a tiered source's next tier, and what they bring.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormsToTier {
    /// The tiered source id.
    pub source: String,
    /// The rate in force now (0 with no tier in force).
    pub rate: Decimal,
    /// The next tier's rate, if there is a next tier.
    pub next_rate: Option<Decimal>,
    /// `ceil(next at_least × E) − U`, when there are that many pupils without a form.
    pub forms: Option<u64>,
    /// What the source would gain with those forms, to the cent.
    pub gain: Option<Decimal>,
}

/// Keeping a lost norm position with the school's own money.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuyBack {
    /// The norm id.
    pub norm: String,
    /// The norm-linked line that loses FTE.
    pub line: String,
    /// That line's title.
    pub title: String,
    /// FTE lost.
    pub lost: Decimal,
    /// Cost of one FTE for the period (the norm's unit cost, × the remaining share on Norm Day).
    pub unit_cost: Decimal,
    /// Lost FTE × `unit_cost`, to the cent.
    pub cost: Decimal,
    /// FTE the unrestricted flexible money could keep, in the line's FTE steps, at most `lost`.
    pub can: Decimal,
    /// The same, for each unrestricted source on its own (source id, FTE), in document order.
    pub can_from: Vec<(String, Decimal)>,
    /// The line's FTE step.
    pub step: Decimal,
}

/// Every lever for the counts in force.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Levers {
    /// One per norm, in document order.
    pub breakpoints: Vec<Breakpoint>,
    /// Total allocation with one more unduplicated pupil, minus as it is; none when U = E.
    pub form_worth: Option<Decimal>,
    /// One per tiered source, in document order.
    pub forms_to_tier: Vec<FormsToTier>,
    /// One per norm that loses positions in the cut plan.
    pub buy_backs: Vec<BuyBack>,
}

impl Levers {
    /// The breakpoint of a norm.
    pub fn breakpoint(&self, norm: &str) -> Option<&Breakpoint> {
        self.breakpoints.iter().find(|b| b.norm == norm)
    }

    /// The buy-back of a norm.
    pub fn buy_back(&self, norm: &str) -> Option<&BuyBack> {
        self.buy_backs.iter().find(|b| b.norm == norm)
    }
}

/// The levers of a computed budget after its plan.
pub(crate) fn levers(
    work: &Budget<'_>,
    plan: &CutPlan,
    flex: &Flexibility,
) -> Result<Levers, EngineError> {
    let breakpoints = breakpoints(&work.norms, &work.counts)?;
    let (form_worth, forms_to_tier) = forms(work)?;
    let mut buy_backs = Vec::new();
    for (i, st) in work.lines.iter().enumerate() {
        let (Some(n), Some(line)) = (st.norm, work.line(i)) else {
            continue;
        };
        let Some(cut) = plan.cut(&line.id) else {
            continue;
        };
        let lost = cut.from.saturating_sub(cut.to);
        let Some(norm) = work.norms.get(n) else {
            continue;
        };
        if lost > Decimal::ZERO {
            let held = Held {
                norm: &norm.id,
                line,
                unit: st.unit_cost,
                step: st.step,
            };
            buy_backs.push(buy_back(&held, lost, Decimal::ONE, flex)?);
        }
    }
    Ok(Levers {
        breakpoints,
        form_worth,
        forms_to_tier,
        buy_backs,
    })
}

/// Breakpoints of every norm for these counts: one pass over the norms.
pub(crate) fn breakpoints(norms: &[Norm], counts: &Counts) -> Result<Vec<Breakpoint>, EngineError> {
    norms
        .iter()
        .map(|n| breakpoint(n, counts.in_grades(&n.grades)))
        .collect()
}

/// A norm's breakpoints at `students` pupils.
///
/// A ceil norm without `min_fte` uses the spec's closed form; any other norm is
/// searched (ratio norms are monotone, so a binary search; bands change only at their
/// `from` values).
pub fn breakpoint(norm: &Norm, students: u64) -> Result<Breakpoint, EngineError> {
    let ent = |s: u64| entitlement_fte(norm, s);
    let fte = ent(students)?;
    let (lose, gain) = if !norm.bands.is_empty() {
        banded(norm, students, fte)?
    } else if norm.rounding == Rounding::Ceil && norm.min_fte.is_none() {
        (
            ceil_lose(norm.students_per_position, students, fte),
            ceil_gain(norm.students_per_position, students, fte),
        )
    } else {
        (
            search_lose(&ent, students, fte)?,
            search_gain(&ent, students, fte)?,
        )
    };
    Ok(Breakpoint {
        norm: norm.id.clone(),
        students,
        fte,
        lose,
        gain,
    })
}

/// Ceil closed form: `lose = S − floor(r × (T − 1))`, none with no position.
pub fn ceil_lose(r: Decimal, s: u64, t: Decimal) -> Option<u64> {
    if t < Decimal::ONE {
        return None;
    }
    let below = dec::checked_mul(r, dec::checked_sub(t, Decimal::ONE)?)?.floor();
    let below = u64::try_from(below).ok()?;
    let k = s.checked_sub(below)?;
    (1..=s).contains(&k).then_some(k)
}

/// Ceil closed form: `gain = floor(r × T) + 1 − S`, none past 100,000.
pub fn ceil_gain(r: Decimal, s: u64, t: Decimal) -> Option<u64> {
    let top = u64::try_from(dec::checked_mul(r, t)?.floor()).ok()?;
    let k = top.checked_add(1)?.checked_sub(s)?;
    (1..=MAX_GAIN).contains(&k).then_some(k)
}

/// Smallest `k ≥ 1`, `k ≤ S`, with `ent(S − k) < ent(S)`, for a non-decreasing `ent`.
fn search_lose(
    ent: &dyn Fn(u64) -> Result<Decimal, EngineError>,
    s: u64,
    fte: Decimal,
) -> Result<Option<u64>, EngineError> {
    if s == 0 || ent(0)? >= fte {
        return Ok(None);
    }
    // ent(lo) < fte and ent(hi) ≥ fte: find the largest count below fte.
    let (mut lo, mut hi) = (0u64, s);
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if ent(mid)? < fte {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Ok(Some(s - lo))
}

/// Smallest `k ≥ 1` up to 100,000 with `ent(S + k) > ent(S)`, for a non-decreasing `ent`.
fn search_gain(
    ent: &dyn Fn(u64) -> Result<Decimal, EngineError>,
    s: u64,
    fte: Decimal,
) -> Result<Option<u64>, EngineError> {
    let far = s.saturating_add(MAX_GAIN);
    if ent(far)? <= fte {
        return Ok(None);
    }
    let (mut lo, mut hi) = (s, far);
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if ent(mid)? > fte {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Ok(Some(hi - s))
}

/// Breakpoints of a banded norm: the entitlement changes only where a band starts, so
/// only the counts just below and at each `from` are looked at.
fn banded(norm: &Norm, s: u64, fte: Decimal) -> Result<(Option<u64>, Option<u64>), EngineError> {
    let mut starts: Vec<u64> = norm.bands.iter().map(|b| u64::from(b.from)).collect();
    sort::sort(&mut starts);
    // Lose: walk down the segments below S; the top of each is one below a start.
    let mut lose = None;
    let mut tops: Vec<u64> = starts
        .iter()
        .filter(|&&f| f >= 1 && f <= s)
        .map(|&f| f - 1)
        .collect();
    if s >= 1 {
        tops.push(s - 1);
    }
    sort::sort_by(&mut tops, &|a, b| b.cmp(a));
    tops.dedup();
    for top in tops {
        if entitlement_fte(norm, top)? < fte {
            lose = Some(s - top);
            break;
        }
    }
    // Gain: the first start above S whose entitlement is higher.
    let mut gain = None;
    for &f in starts.iter().filter(|&&f| f > s && f - s <= MAX_GAIN) {
        if entitlement_fte(norm, f)? > fte {
            gain = Some(f - s);
            break;
        }
    }
    Ok((lose, gain))
}

/// The worth of one more form and forms to each tiered source's next tier.
///
/// One extra allocation pass over the sources with `U + 1` (plus one per tiered source
/// with a reachable next tier); norm and fixed allocations do not move with `U`.
fn forms(work: &Budget<'_>) -> Result<(Option<Decimal>, Vec<FormsToTier>), EngineError> {
    let counts = &work.counts;
    let (u, e) = (counts.unduplicated, counts.enrollment);
    let alloc_at = |s: usize, undup: u64| -> Result<Decimal, EngineError> {
        let Some(src) = work.sources.get(s) else {
            return Ok(Decimal::ZERO);
        };
        let now = work.alloc.get(s).copied().unwrap_or_default();
        match src.allocation {
            Allocation::Fixed { .. } | Allocation::Norm => Ok(now),
            _ => {
                let mut c = counts.clone();
                c.unduplicated = undup;
                // The norm total is not needed: norm sources keep their allocation above.
                allocation(src, &c, Decimal::ZERO)
            }
        }
    };
    let form_worth = if u < e {
        let mut more = Decimal::ZERO;
        let mut now = Decimal::ZERO;
        for s in 0..work.sources.len() {
            more = add(more, alloc_at(s, u + 1)?, &|| tr("the worth of a form"))?;
            let a = work.alloc.get(s).copied().unwrap_or_default();
            now = add(now, a, &|| tr("the worth of a form"))?;
        }
        Some(sub(more, now, &|| tr("the worth of a form"))?)
    } else {
        None
    };
    let mut tiers_out = Vec::new();
    for (s, src) in work.sources.iter().enumerate() {
        let Allocation::Tiered { tiers, .. } = &src.allocation else {
            continue;
        };
        let current = tier_index_at(tiers, u, e)?.and_then(|i| tiers.get(i));
        let next = tiers
            .iter()
            .filter(|t| current.is_none_or(|c| t.at_least > c.at_least))
            .min_by(|a, b| a.at_least.cmp(&b.at_least));
        let mut row = FormsToTier {
            source: src.id.clone(),
            rate: current.map_or(Decimal::ZERO, |t| t.rate),
            next_rate: next.map(|t| t.rate),
            forms: None,
            gain: None,
        };
        if let Some(t) = next {
            let need = mul(t.at_least, Decimal::from(e), &|| tr("a tier's threshold"))?.ceil();
            let need = u64::try_from(need).unwrap_or(u64::MAX);
            let forms = need.saturating_sub(u);
            if forms <= e - u {
                let at = alloc_at(s, u + forms)?;
                let now = work.alloc.get(s).copied().unwrap_or_default();
                row.forms = Some(forms);
                row.gain = Some(sub(at, now, &|| tr("the gain of a tier"))?);
            }
        }
        tiers_out.push(row);
    }
    Ok((form_worth, tiers_out))
}

/// A norm-linked line as the budget prices it.
pub(crate) struct Held<'a> {
    /// The norm id.
    pub norm: &'a str,
    /// The line.
    pub line: &'a Line,
    /// Its unit cost as the scenario has it.
    pub unit: Decimal,
    /// Its FTE step.
    pub step: Decimal,
}

/// A buy-back of `lost` FTE of a norm line, the period being `share` of the year.
pub(crate) fn buy_back(
    held: &Held<'_>,
    lost: Decimal,
    share: Decimal,
    flex: &Flexibility,
) -> Result<BuyBack, EngineError> {
    let Held {
        norm,
        line,
        unit,
        step,
    } = *held;
    let what: &dyn Fn() -> String = &|| tr1("the buy-back of norm \"{norm}\"", "norm", &norm);
    let unit_cost = cents(mul(unit, share, what)?);
    let cost = cents(mul(lost, unit_cost, what)?);
    let keep = |money: Decimal| -> Result<Decimal, EngineError> {
        if unit_cost <= Decimal::ZERO || step <= Decimal::ZERO {
            return Ok(Decimal::ZERO);
        }
        let fte = div(money, unit_cost, what)?;
        let steps = div(fte, step, what)?.floor();
        Ok(mul(steps, step, what)?.min(lost).max(Decimal::ZERO))
    };
    let mut total = Decimal::ZERO;
    let mut can_from = Vec::new();
    for s in flex.sources.iter().filter(|s| !s.restricted) {
        total = add(total, s.flexible, what)?;
        can_from.push((s.source.clone(), keep(s.flexible)?));
    }
    Ok(BuyBack {
        norm: norm.to_string(),
        line: line.id.clone(),
        title: line.title.clone(),
        lost,
        unit_cost,
        cost,
        can: keep(total)?,
        can_from,
        step,
    })
}

/// The scenario with a bought-back position: a protected line "<title> (bought back)"
/// with `fte` at the period's unit cost, funded by `source` alone and tagged `buy-back`.
/// Buying back the same norm line again replaces the earlier buy-back.
pub fn with_buy_back(
    doc: &Document,
    scenario: &Scenario,
    bb: &BuyBack,
    source: &str,
    fte: Decimal,
) -> Scenario {
    let id = format!("{}-bought-back", bb.line);
    let line = Line {
        id: id.clone(),
        title: tr1("{title} (bought back)", "title", &bb.title),
        kind: LineKind::Position(Position {
            fte,
            unit_cost: Some(bb.unit_cost),
            fte_step: bb.step,
            vacant: false,
            norm: None,
        }),
        funding: vec![Funding {
            source: source.to_string(),
            share: Decimal::ONE,
        }],
        priority: Priority::Protected,
        tags: vec![BUY_BACK_TAG.to_string()],
        cut_rank: None,
        notes: None,
    };
    let mut out = scenario.clone();
    let added = out
        .line_edits
        .iter_mut()
        .find(|e| matches!(e, LineEdit::Add(l) if l.id == id));
    match added {
        Some(e) => *e = LineEdit::Add(line),
        None if doc.lines.iter().any(|l| l.id == id) => {
            out.line_edits.push(LineEdit::Replace(line))
        }
        None => out.line_edits.push(LineEdit::Add(line)),
    }
    out
}
