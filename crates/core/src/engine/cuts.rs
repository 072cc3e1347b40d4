//! The cut plan: norm reductions, then the fewest cuts that close each source's deficit.

use rust_decimal::Decimal;

use super::budget::Budget;
use super::costs::{charge_in, line_cost, split, Fund};
use super::error::EngineError;
use super::rounding::{add, ceil_cents, div, mul, sub};
use super::snapshot::LineType;
use crate::model::{Line, Priority};
use crate::util::dec;
use crate::util::i18n::{tr, tr1};

/// Why a line is cut.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CutReason {
    /// Fewer pupils in a norm's grades lowered its entitlement.
    Norm {
        /// The norm id.
        norm: String,
        /// Pupils now counted in the norm's grades.
        pupils: u64,
    },
    /// The line was cut to close a deficit in this source.
    Deficit {
        /// The source id.
        source: String,
    },
}

/// One line's cut, however many deficits it helped close.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cut {
    /// The line id.
    pub line: String,
    /// The line's title.
    pub title: String,
    /// Position or item.
    pub kind: LineType,
    /// Why it is cut, in the order the reasons arose.
    pub reasons: Vec<CutReason>,
    /// FTE (position) or dollars (item) before the cut.
    pub from: Decimal,
    /// FTE (position) or dollars (item) after the cut.
    pub to: Decimal,
    /// Money freed per source id, in funding order; adds up to the cost reduction.
    pub frees: Vec<(String, Decimal)>,
    /// Days a week before and after (FTE × 5), for a position at 1 FTE or less with a 0.2 step.
    pub days_a_week: Option<(Decimal, Decimal)>,
    /// The deficits this cut helped close, each as it stood just before the cut.
    pub gaps: Vec<Gap>,
}

/// A source's gap as a deficit cut met it, and what else could have closed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gap {
    /// The source id.
    pub source: String,
    /// The deficit just before the cut (positive).
    pub gap: Decimal,
    /// The source's balance just after the cut: above 0 is money freed but not needed.
    pub left: Decimal,
    /// Other lines that could have closed the same gap alone, in the plan's order.
    pub alternatives: Vec<Alternative>,
}

/// A line that could close a gap alone, and the cut it would take.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alternative {
    /// The line id.
    pub line: String,
    /// The line's title.
    pub title: String,
    /// Position or item.
    pub kind: LineType,
    /// FTE (position) or dollars (item) now.
    pub from: Decimal,
    /// FTE or dollars after the cut it would take.
    pub to: Decimal,
    /// Money it would free in the gap's source.
    pub frees: Decimal,
}

impl Cut {
    /// Total money freed across sources.
    pub fn freed(&self) -> Decimal {
        self.frees
            .iter()
            .fold(Decimal::ZERO, |acc, (_, m)| dec::saturating_add(acc, *m))
    }

    /// Money freed in one source.
    pub fn frees_in(&self, source: &str) -> Decimal {
        self.frees
            .iter()
            .filter(|(s, _)| s == source)
            .fold(Decimal::ZERO, |acc, (_, m)| dec::saturating_add(acc, *m))
    }
}

/// A line that keeps charging a source in deficit because it cannot be cut.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Commitment {
    /// The line id.
    pub line: String,
    /// The line's title.
    pub title: String,
    /// What it charges the source.
    pub charge: Decimal,
    /// Whether it is held by a staffing norm (else it is protected).
    pub norm_linked: bool,
}

/// A deficit the plan could not close.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deficit {
    /// The source id.
    pub source: String,
    /// How much is still missing (a positive number).
    pub amount: Decimal,
    /// The protected and norm-linked lines charging the source, in document order.
    pub commitments: Vec<Commitment>,
}

/// The cuts a scenario needs, and what remains open.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct CutPlan {
    /// Norm reductions first (document order), then deficit cuts in the order made.
    pub cuts: Vec<Cut>,
    /// Remaining deficits, in source order.
    pub deficits: Vec<Deficit>,
}

impl CutPlan {
    /// The cut of this line, if any.
    pub fn cut(&self, line: &str) -> Option<&Cut> {
        self.cuts.iter().find(|c| c.line == line)
    }

    /// The remaining deficit of this source, if any.
    pub fn deficit(&self, source: &str) -> Option<&Deficit> {
        self.deficits.iter().find(|d| d.source == source)
    }

    /// FTE cut across positions, norm reductions included.
    pub fn positions_lost(&self) -> Decimal {
        self.cuts
            .iter()
            .filter(|c| c.kind == LineType::Position)
            .fold(Decimal::ZERO, |acc, c| {
                dec::saturating_add(acc, dec::saturating_sub(c.from, c.to))
            })
    }
}

/// Deficit passes over the sources. A cut can move a cent onto a later entry's source
/// (the last entry takes the rest), so a second pass catches that; a third is a guard.
const PASSES: usize = 3;

/// A cut being assembled.
struct Draft {
    line: usize,
    from: Decimal,
    reasons: Vec<CutReason>,
    frees: Vec<(usize, Decimal)>,
    gaps: Vec<Gap>,
}

/// At most this many alternatives are listed per gap.
const MAX_ALTERNATIVES: usize = 3;
/// At most this many later candidates are tried per gap, so a large budget stays fast.
const MAX_PROBES: usize = 32;

/// The FTE a norm-linked line of the scenario had in the budget as it is: given the
/// line and its norm's index, `None` when the budget has no such norm-linked line.
pub(crate) type BaselineFte<'a> = &'a dyn Fn(&Line, usize) -> Option<Decimal>;

/// The baseline FTE of norm-linked lines looked up in `base` by line id (a scenario may
/// add, remove or replace lines).
pub(crate) fn baseline_of<'a>(
    base: &'a Budget<'_>,
) -> impl Fn(&Line, usize) -> Option<Decimal> + 'a {
    move |line: &Line, _norm: usize| {
        base.line_ix
            .get(line.id.as_str())
            .and_then(|&j| base.lines.get(j))
            .filter(|b| b.norm.is_some())
            .map(|b| b.qty)
    }
}

/// How much of the plan to describe: the same cuts are made whatever the detail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Detail {
    /// Everything, with the alternatives of each gap (the page's plan).
    Full,
    /// Everything but alternatives (the years ahead).
    Cuts,
    /// Only figures: each cut's kind, from and to, each deficit's amount; no ids, titles,
    /// reasons, gaps or commitments (the network's rows, computed by the thousand).
    Figures,
}

/// The plan's order over a budget's lines, which pupils and prices never change: per
/// source, the lines charging it, and the lines that may be cut for it in the spec's
/// order. Kept by a school computed under many changes (the network's rows).
#[derive(Clone, Debug, Default)]
pub(crate) struct Order {
    by_source: Vec<Vec<usize>>,
    candidates: Vec<Vec<usize>>,
}

impl Order {
    /// The order of `b`'s lines (any budget of the same lines gives the same order).
    pub(crate) fn of(b: &Budget<'_>) -> Order {
        let by_source = lines_by_source(b);
        let candidates = by_source.iter().map(|lines| candidates(b, lines)).collect();
        Order {
            by_source,
            candidates,
        }
    }
}

/// Builds the plan against the budget as it is (`baseline` gives its norm lines' FTE),
/// cutting `work` in place.
pub(crate) fn plan(
    baseline: BaselineFte<'_>,
    work: &mut Budget<'_>,
    detail: Detail,
) -> Result<CutPlan, EngineError> {
    plan_in(baseline, work, detail, None)
}

/// [`plan`], with the lines' order already known (`order` from a budget of the same lines).
pub(crate) fn plan_in(
    baseline: BaselineFte<'_>,
    work: &mut Budget<'_>,
    detail: Detail,
    order: Option<&Order>,
) -> Result<CutPlan, EngineError> {
    let words = detail != Detail::Figures;
    let mut drafts: Vec<Draft> = Vec::new();
    norm_reductions(baseline, work, &mut drafts, words)?;
    let computed;
    let by_source: &[Vec<usize>] = match order {
        Some(o) => &o.by_source,
        None => {
            computed = lines_by_source(work);
            &computed
        }
    };
    let mut draft_of: Vec<Option<usize>> = vec![None; work.lines.len()];
    // Candidates are sorted only for sources in deficit, once each.
    let mut cache: Vec<Option<Vec<usize>>> = match order {
        Some(_) => Vec::new(),
        None => vec![None; work.alloc.len()],
    };
    for _ in 0..PASSES {
        let mut changed = false;
        for s in 0..work.alloc.len() {
            if work.balance(s)? >= Decimal::ZERO {
                continue;
            }
            let cands: &Vec<usize> = match order {
                Some(o) => match o.candidates.get(s) {
                    Some(c) => c,
                    None => continue,
                },
                None => {
                    let Some(slot) = cache.get_mut(s) else {
                        continue;
                    };
                    match slot {
                        Some(c) => c,
                        None => slot.insert(candidates(work, by_source.get(s).map_or(&[], |v| v))),
                    }
                }
            };
            for (at, &l) in cands.iter().enumerate() {
                let before = work.balance(s)?;
                if before >= Decimal::ZERO {
                    break;
                }
                if work.lines.get(l).is_none_or(|st| st.qty <= Decimal::ZERO) {
                    continue;
                }
                // Only the page's plan lists alternatives; the years ahead need the cuts alone.
                let alternatives = if detail == Detail::Full {
                    alternatives(work, s, cands.get(at + 1..).unwrap_or(&[]))?
                } else {
                    Vec::new()
                };
                let Some(freed) = cut_line(work, l, s)? else {
                    continue;
                };
                changed = true;
                let (gap, reason) = if words {
                    let gap = Gap {
                        source: work.source_id(s).to_string(),
                        gap: sub(Decimal::ZERO, before, &|| tr("a gap"))?,
                        left: work.balance(s)?,
                        alternatives,
                    };
                    let reason = CutReason::Deficit {
                        source: work.source_id(s).to_string(),
                    };
                    (Some(gap), Some(reason))
                } else {
                    (None, None)
                };
                match draft_of
                    .get(l)
                    .copied()
                    .flatten()
                    .and_then(|d| drafts.get_mut(d))
                {
                    Some(d) => {
                        if let Some(reason) = reason.filter(|r| !d.reasons.contains(r)) {
                            d.reasons.push(reason);
                        }
                        merge_frees(&mut d.frees, &freed)?;
                        d.gaps.extend(gap);
                    }
                    None => {
                        if let Some(x) = draft_of.get_mut(l) {
                            *x = Some(drafts.len());
                        }
                        drafts.push(Draft {
                            line: l,
                            from: freed.from,
                            reasons: reason.into_iter().collect(),
                            frees: freed.frees,
                            gaps: gap.into_iter().collect(),
                        });
                    }
                }
            }
        }
        if !changed {
            break;
        }
    }
    let cuts = drafts
        .into_iter()
        .map(|d| finish(work, d, words))
        .collect::<Result<Vec<_>, _>>()?;
    let deficits = deficits(work, by_source, words)?;
    Ok(CutPlan { cuts, deficits })
}

/// Norm-linked lines whose entitlement fell below the baseline's: a cut with reason norm.
///
/// The scenario budget already carries the new entitlement; the money freed is priced
/// at the scenario's unit cost, so a cost change does not blur the reduction.
fn norm_reductions(
    baseline: BaselineFte<'_>,
    work: &Budget<'_>,
    drafts: &mut Vec<Draft>,
    words: bool,
) -> Result<(), EngineError> {
    for (i, st) in work.lines.iter().enumerate() {
        let (Some(n), Some(line)) = (st.norm, work.line(i)) else {
            continue;
        };
        let Some(before) = baseline(line, n) else {
            continue;
        };
        if st.qty >= before {
            continue;
        }
        let funds = work.funds_of(i);
        let mut old: Vec<Fund> = funds.to_vec();
        split(
            line_cost(true, before, st.unit_cost, &line.id)?,
            &mut old,
            &line.id,
        )?;
        let mut frees = Vec::new();
        for (o, f) in old.iter().zip(funds) {
            let m = sub(o.charge, f.charge, &|| {
                tr1("the cut of line \"{id}\"", "id", &line.id)
            })?;
            merge_one(&mut frees, f.source, m)?;
        }
        let e = work.entitlements.get(n);
        let reasons = if words {
            vec![CutReason::Norm {
                norm: e.map_or(String::new(), |e| e.norm.clone()),
                pupils: e.map_or(0, |e| e.pupils),
            }]
        } else {
            Vec::new()
        };
        drafts.push(Draft {
            line: i,
            from: before,
            reasons,
            frees,
            gaps: Vec::new(),
        });
    }
    Ok(())
}

/// What one cut freed.
struct Freed {
    from: Decimal,
    frees: Vec<(usize, Decimal)>,
}

/// Adds freed money into `into`, keeping one entry per source in first-seen order.
fn merge_frees(into: &mut Vec<(usize, Decimal)>, more: &Freed) -> Result<(), EngineError> {
    for &(s, m) in &more.frees {
        merge_one(into, s, m)?;
    }
    Ok(())
}

/// Adds money freed in source `s` into `into` (one entry per source, first-seen order).
fn merge_one(into: &mut Vec<(usize, Decimal)>, s: usize, m: Decimal) -> Result<(), EngineError> {
    match into.iter_mut().find(|(t, _)| *t == s) {
        Some((_, total)) => *total = add(*total, m, &|| tr("money freed by a cut"))?,
        None => into.push((s, m)),
    }
    Ok(())
}

/// For each source, the lines charging it (each once), in document order.
fn lines_by_source(work: &Budget<'_>) -> Vec<Vec<usize>> {
    let mut by: Vec<Vec<usize>> = vec![Vec::new(); work.alloc.len()];
    for l in 0..work.lines.len() {
        for f in work.funds_of(l) {
            if let Some(v) = by.get_mut(f.source) {
                if v.last() != Some(&l) {
                    v.push(l);
                }
            }
        }
    }
    by
}

/// Sort key of a cut candidate: priority, filled, unranked, rank, document position.
type CutOrder = (Priority, bool, bool, i64, usize);

/// Lines that may be cut for a source, in the spec's order: flexible before essential,
/// vacant before filled (items count as filled), `cut_rank` ascending with unranked
/// last, then document order. Protected and norm-linked lines never appear.
fn candidates(work: &Budget<'_>, lines: &[usize]) -> Vec<usize> {
    let mut keyed: Vec<(CutOrder, usize)> = lines
        .iter()
        .filter_map(|&l| {
            let line = work.line(l)?;
            let st = work.lines.get(l)?;
            if line.priority == Priority::Protected || st.norm.is_some() || line.norm().is_some() {
                return None;
            }
            let rank = line.cut_rank;
            Some((
                (
                    line.priority,
                    !line.is_vacant(),
                    rank.is_none(),
                    rank.unwrap_or(0),
                    l,
                ),
                l,
            ))
        })
        .collect();
    crate::util::sort::sort(&mut keyed);
    keyed.into_iter().map(|(_, l)| l).collect()
}

/// Later candidates that could close source `s`'s deficit alone, with the cut each would take.
fn alternatives(
    work: &Budget<'_>,
    s: usize,
    later: &[usize],
) -> Result<Vec<Alternative>, EngineError> {
    let mut out = Vec::new();
    let now = work.balance(s)?;
    for &l in later.iter().take(MAX_PROBES) {
        let (Some(st), Some(line)) = (work.lines.get(l), work.line(l)) else {
            continue;
        };
        let from = st.qty;
        if from <= Decimal::ZERO {
            continue;
        }
        // A line that cannot close the gap even at zero is no alternative: at zero it
        // charges nothing, so the balance would gain exactly what it charges `s` now (one
        // charge computed, where a full probe prices the line twice).
        let charge = charge_in(st.cost, work.funds_of(l), s, &line.id)?;
        if dec::checked_add(now, charge).is_none_or(|b| b < Decimal::ZERO) {
            continue;
        }
        let to = if st.position {
            fewest_steps(work, l, s, from, st.step)?
        } else {
            item_target(work, l, s, from)?
        };
        let then = balance_if(work, l, s, to)?;
        if to >= from || then < Decimal::ZERO {
            continue;
        }
        out.push(Alternative {
            line: line.id.clone(),
            title: line.title.clone(),
            kind: if st.position {
                LineType::Position
            } else {
                LineType::Item
            },
            from,
            to,
            frees: sub(then, now, &|| tr("an alternative cut"))?,
        });
        if out.len() >= MAX_ALTERNATIVES {
            break;
        }
    }
    Ok(out)
}

/// Cuts line `l` just enough to bring source `s` to zero or above (or to 0 if it cannot).
fn cut_line(work: &mut Budget<'_>, l: usize, s: usize) -> Result<Option<Freed>, EngineError> {
    let Some(st) = work.lines.get(l) else {
        return Ok(None);
    };
    let from = st.qty;
    if from <= Decimal::ZERO {
        return Ok(None);
    }
    let to = if st.position {
        fewest_steps(work, l, s, from, st.step)?
    } else {
        item_target(work, l, s, from)?
    };
    if to >= from {
        return Ok(None);
    }
    let before: Vec<Fund> = work.funds_of(l).to_vec();
    work.set_qty(l, to)?;
    let mut freed = Freed {
        from,
        frees: Vec::with_capacity(before.len()),
    };
    for (b, f) in before.iter().zip(work.funds_of(l)) {
        let m = sub(b.charge, f.charge, &|| tr("money freed by a cut"))?;
        merge_one(&mut freed.frees, f.source, m)?;
    }
    Ok(Some(freed))
}

/// The balance source `s` would have if line `l` were at `qty`.
fn balance_if(work: &Budget<'_>, l: usize, s: usize, qty: Decimal) -> Result<Decimal, EngineError> {
    let id = work.line(l).map_or("", |x| x.id.as_str());
    let Some(st) = work.lines.get(l) else {
        return work.balance(s);
    };
    let funds = work.funds_of(l);
    let now = charge_in(st.cost, funds, s, id)?;
    let then = charge_in(line_cost(st.position, qty, st.unit_cost, id)?, funds, s, id)?;
    let what = &|| {
        tr1(
            "the balance of source \"{source}\"",
            "source",
            &work.source_id(s),
        )
    };
    sub(add(work.balance(s)?, now, what)?, then, what)
}

/// The fewest whole `step`s down from `from` (the last may stop at 0) that bring `s` to ≥ 0.
///
/// Binary search over the number of steps, recomputing charges exactly at each probe.
fn fewest_steps(
    work: &Budget<'_>,
    l: usize,
    s: usize,
    from: Decimal,
    step: Decimal,
) -> Result<Decimal, EngineError> {
    let what = &|| {
        tr1(
            "the cut of line \"{id}\"",
            "id",
            &work.line(l).map_or("", |x| x.id.as_str()),
        )
    };
    if step <= Decimal::ZERO {
        return Ok(from);
    }
    let at = |n: Decimal| -> Result<Decimal, EngineError> {
        let down = mul(n, step, what)?;
        Ok(if down >= from {
            Decimal::ZERO
        } else {
            sub(from, down, what)?
        })
    };
    let max = div(from, step, what)?.ceil();
    if balance_if(work, l, s, Decimal::ZERO)? < Decimal::ZERO {
        return Ok(Decimal::ZERO);
    }
    // Invariant: `lo` steps are not enough, `hi` steps are.
    let (mut lo, mut hi) = (Decimal::ZERO, max);
    let two = Decimal::TWO;
    while sub(hi, lo, what)? > Decimal::ONE {
        let mid = div(add(lo, hi, what)?, two, what)?.floor();
        if balance_if(work, l, s, at(mid)?)? >= Decimal::ZERO {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    at(hi)
}

/// An item's new amount: cut by the deficit ÷ the line's share in `s`, rounded up to the
/// cent, never below 0. If the last entry's rounding leaves the source a cent short,
/// the fewest further cents are found by the same search as positions.
fn item_target(
    work: &Budget<'_>,
    l: usize,
    s: usize,
    from: Decimal,
) -> Result<Decimal, EngineError> {
    let what = &|| {
        tr1(
            "the cut of line \"{id}\"",
            "id",
            &work.line(l).map_or("", |x| x.id.as_str()),
        )
    };
    let share = work
        .funds_of(l)
        .iter()
        .filter(|f| f.source == s)
        .try_fold(Decimal::ZERO, |acc, f| add(acc, f.share, what))?;
    if share <= Decimal::ZERO {
        return Ok(from);
    }
    let deficit = sub(Decimal::ZERO, work.balance(s)?, what)?;
    let needed = ceil_cents(div(deficit, share, what)?);
    let to = if needed >= from {
        Decimal::ZERO
    } else {
        sub(from, needed, what)?
    };
    if to.is_zero() || balance_if(work, l, s, to)? >= Decimal::ZERO {
        return Ok(to);
    }
    // Top up from `to` in cents; balance_if measures from the line's current charges.
    fewest_steps(work, l, s, to, Decimal::new(1, 2))
}

/// Turns a draft into the reported cut.
/// Days a week (FTE × 5) for a position at 1 FTE or less with a 0.2 step; `None` otherwise.
pub fn days_a_week(fte: Decimal, step: Decimal) -> Option<Decimal> {
    if fte > Decimal::ONE || step != Decimal::new(2, 1) {
        return None;
    }
    dec::checked_mul(fte, Decimal::from(5)).map(|days| days.normalize())
}

/// `words` false leaves the cut's id, title and money freed per source out.
fn finish(work: &Budget<'_>, d: Draft, words: bool) -> Result<Cut, EngineError> {
    let line = work.line(d.line).filter(|_| words);
    let st = work.lines.get(d.line);
    let to = st.map_or(Decimal::ZERO, |s| s.qty);
    let position = st.is_some_and(|s| s.position);
    let step = st.map_or(Decimal::ZERO, |s| s.step);
    // The rule looks at the FTE before the cut; the FTE after is smaller, so it holds too.
    let days_a_week = if position {
        days_a_week(d.from, step).zip(days_a_week(to, step))
    } else {
        None
    };
    Ok(Cut {
        line: line.map_or(String::new(), |x| x.id.clone()),
        title: line.map_or(String::new(), |x| x.title.clone()),
        kind: if position {
            LineType::Position
        } else {
            LineType::Item
        },
        reasons: d.reasons,
        from: d.from,
        to,
        frees: if words {
            d.frees
                .into_iter()
                .map(|(s, m)| (work.source_id(s).to_string(), m))
                .collect()
        } else {
            Vec::new()
        },
        days_a_week,
        gaps: d.gaps,
    })
}

/// Sources still below zero, with the lines that hold them there (`words` false: the
/// amounts alone).
fn deficits(
    work: &Budget<'_>,
    by_source: &[Vec<usize>],
    words: bool,
) -> Result<Vec<Deficit>, EngineError> {
    let mut out = Vec::new();
    for (s, lines) in by_source.iter().enumerate() {
        let balance = work.balance(s)?;
        if balance >= Decimal::ZERO {
            continue;
        }
        let amount = sub(Decimal::ZERO, balance, &|| tr("a deficit"))?;
        if !words {
            out.push(Deficit {
                source: String::new(),
                amount,
                commitments: Vec::new(),
            });
            continue;
        }
        let mut commitments = Vec::new();
        for &l in lines {
            let (Some(line), Some(st)) = (work.line(l), work.lines.get(l)) else {
                continue;
            };
            let norm_linked = st.norm.is_some() || line.norm().is_some();
            if line.priority != Priority::Protected && !norm_linked {
                continue;
            }
            let charge = work
                .funds_of(l)
                .iter()
                .filter(|f| f.source == s)
                .try_fold(Decimal::ZERO, |acc, f| {
                    add(acc, f.charge, &|| tr("a commitment"))
                })?;
            if !charge.is_zero() {
                commitments.push(Commitment {
                    line: line.id.clone(),
                    title: line.title.clone(),
                    charge,
                    norm_linked,
                });
            }
        }
        out.push(Deficit {
            source: work.source_id(s).to_string(),
            amount,
            commitments,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn days_a_week_only_for_part_time_positions_cut_by_days() {
        // 0.6 FTE × 5 = 3 days; over 1 FTE or another step has no days reading.
        assert_eq!(days_a_week(d("0.6"), d("0.2")), Some(d("3")));
        assert_eq!(days_a_week(d("1.2"), d("0.2")), None);
        assert_eq!(days_a_week(d("0.5"), d("0.5")), None);
    }
}
