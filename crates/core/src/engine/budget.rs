//! The working state of one document: allocations, line costs and charges, by index.
//!
//! Built once per document (id → index maps included) and updated in place by the
//! cut plan, so nothing is cloned or searched by name inside the plan's loops.

use std::borrow::Cow;
use std::ops::Range;

use rust_decimal::Decimal;

use super::allocation::allocation;
use super::costs::{line_cost, split, Fund};
use super::counts::Counts;
use super::error::EngineError;
use super::norms::{entitlements, norm_funding, Entitlement};
use super::rounding::{add, grow_times, sub, What};
use crate::model::{Document, Line, LineKind, Norm, School, Source};
use crate::util::i18n::tr1;
use crate::util::IdMap;

/// What a budget is computed from: a document as it is, or a document under a scenario
/// without copying its lines (the lines stay borrowed; only prices move).
#[derive(Clone, Debug)]
pub(crate) struct Inputs<'d> {
    /// The school, with the scenario's counts and fractions.
    pub school: Cow<'d, School>,
    /// Sources, with grown rates.
    pub sources: Cow<'d, [Source]>,
    /// Norms, with grown unit costs.
    pub norms: Cow<'d, [Norm]>,
    /// Lines after the scenario's edits, in document order.
    pub lines: Vec<&'d Line>,
    /// Yearly changes of line unit costs and item amounts, applied in order, each
    /// rounding to the cent (zeros are skipped).
    pub cost_changes: Vec<Decimal>,
}

impl<'d> Inputs<'d> {
    /// A document as it is.
    pub fn of(doc: &'d Document) -> Inputs<'d> {
        Inputs {
            school: Cow::Borrowed(&doc.school),
            sources: Cow::Borrowed(&doc.sources),
            norms: Cow::Borrowed(&doc.norms),
            lines: doc.lines.iter().collect(),
            cost_changes: Vec::new(),
        }
    }
}

/// A line's computed figures.
#[derive(Clone, Debug)]
pub(crate) struct LineState {
    /// Whether the line is a position (else an item).
    pub position: bool,
    /// FTE for a position (the entitlement when norm-linked), amount for an item.
    pub qty: Decimal,
    /// Effective unit cost for a position; 1 for an item.
    pub unit_cost: Decimal,
    /// Smallest cut in FTE for a position.
    pub step: Decimal,
    /// The cost, half up to the cent.
    pub cost: Decimal,
    /// Index of the norm the line follows, if any.
    pub norm: Option<usize>,
    /// This line's entries in [`Budget::funds`].
    pub funds: Range<usize>,
}

/// One document's budget, computed and indexed.
#[derive(Clone, Debug)]
pub(crate) struct Budget<'d> {
    /// Sources, in document order.
    pub sources: Cow<'d, [Source]>,
    /// Norms, with the prices the budget uses (kept for the levers).
    pub norms: Cow<'d, [Norm]>,
    /// The lines the figures come from, in document order.
    pub meta: Vec<&'d Line>,
    /// Pupil counts.
    pub counts: Counts,
    /// Norm entitlements, in document order.
    pub entitlements: Vec<Entitlement>,
    /// Allocation per source, in document order.
    pub alloc: Vec<Decimal>,
    /// Sum of charges per source.
    pub charged: Vec<Decimal>,
    /// Per line, in document order.
    pub lines: Vec<LineState>,
    /// Every line's funding entries, one after another.
    pub funds: Vec<Fund>,
    /// Line id → index.
    pub line_ix: IdMap<'d>,
}

/// Maps ids to their index, refusing duplicates.
fn index<'d>(
    ids: impl Iterator<Item = &'d str>,
    kind: &'static str,
) -> Result<IdMap<'d>, EngineError> {
    let (lower, _) = ids.size_hint();
    let mut map = IdMap::with_capacity_and_hasher(lower, Default::default());
    for (i, id) in ids.enumerate() {
        if map.insert(id, i).is_some() {
            return Err(EngineError::DuplicateId {
                kind,
                id: id.to_string(),
            });
        }
    }
    Ok(map)
}

/// Refuses a negative figure.
fn non_negative(value: Decimal, what: What) -> Result<Decimal, EngineError> {
    if value.is_sign_negative() && !value.is_zero() {
        return Err(EngineError::Negative {
            what: what(),
            value,
        });
    }
    Ok(value)
}

impl<'d> Budget<'d> {
    /// Computes a document: counts, entitlements, allocations, costs and charges.
    pub fn build(doc: &'d Document) -> Result<Budget<'d>, EngineError> {
        Budget::from_inputs(Inputs::of(doc))
    }

    /// Computes a budget from its inputs.
    pub fn from_inputs(inputs: Inputs<'d>) -> Result<Budget<'d>, EngineError> {
        let Inputs {
            school,
            sources,
            norms,
            lines: meta,
            cost_changes,
        } = inputs;
        let source_ix = index(sources.iter().map(|s| s.id.as_str()), "source")?;
        let norm_ix = index(norms.iter().map(|n| n.id.as_str()), "norm")?;
        let line_ix = index(meta.iter().map(|l| l.id.as_str()), "line")?;
        let counts = Counts::of(&school)?;
        let entitlements = entitlements(&norms, &counts)?;
        let norm_total = norm_funding(&norms, &entitlements)?;
        let alloc = sources
            .iter()
            .map(|s| allocation(s, &counts, norm_total))
            .collect::<Result<Vec<_>, _>>()?;
        let mut charged = vec![Decimal::ZERO; sources.len()];
        let mut lines = Vec::with_capacity(meta.len());
        let mut funds = Vec::with_capacity(meta.len() * 2);
        let ctx = LineCtx {
            norms: &norms,
            norm_ix: &norm_ix,
            ents: &entitlements,
            source_ix: &source_ix,
            cost_changes: &cost_changes,
        };
        for line in &meta {
            let state = line_state(line, &ctx, &mut funds)?;
            for f in funds.get(state.funds.clone()).unwrap_or(&[]) {
                if let Some(c) = charged.get_mut(f.source) {
                    *c = add(*c, f.charge, &|| {
                        tr1(
                            "the charges to source \"{source}\"",
                            "source",
                            &id_at(&sources, f.source),
                        )
                    })?;
                }
            }
            lines.push(state);
        }
        Ok(Budget {
            counts,
            entitlements,
            alloc,
            charged,
            lines,
            funds,
            line_ix,
            sources,
            norms,
            meta,
        })
    }

    /// A source's balance: allocation − charges.
    pub fn balance(&self, source: usize) -> Result<Decimal, EngineError> {
        let a = self.alloc.get(source).copied().unwrap_or_default();
        let c = self.charged.get(source).copied().unwrap_or_default();
        sub(a, c, &|| {
            tr1(
                "the balance of source \"{source}\"",
                "source",
                &self.source_id(source),
            )
        })
    }

    /// The id of the source at `source`.
    pub fn source_id(&self, source: usize) -> &str {
        id_at(&self.sources, source)
    }

    /// The document line at `line`.
    pub fn line(&self, line: usize) -> Option<&'d Line> {
        self.meta.get(line).copied()
    }

    /// The funding entries of the line at `line`.
    pub fn funds_of(&self, line: usize) -> &[Fund] {
        self.lines
            .get(line)
            .and_then(|l| self.funds.get(l.funds.clone()))
            .unwrap_or(&[])
    }

    /// Sets a line's FTE (position) or amount (item), recomputing its cost and charges.
    pub fn set_qty(&mut self, line: usize, qty: Decimal) -> Result<(), EngineError> {
        let id = self.line(line).map_or("", |l| l.id.as_str());
        let Some(state) = self.lines.get_mut(line) else {
            return Ok(());
        };
        let cost = line_cost(state.position, qty, state.unit_cost, id)?;
        state.qty = qty;
        state.cost = cost;
        let Some(funds) = self.funds.get_mut(state.funds.clone()) else {
            return Ok(());
        };
        let old: Vec<Decimal> = funds.iter().map(|f| f.charge).collect();
        split(cost, funds, id)?;
        for (f, before) in funds.iter().zip(old) {
            if let Some(c) = self.charged.get_mut(f.source) {
                let moved = sub(f.charge, before, &|| {
                    tr1("the charges of line \"{id}\"", "id", &id)
                })?;
                *c = add(*c, moved, &|| {
                    tr1("the charges of line \"{id}\"", "id", &id)
                })?;
            }
        }
        Ok(())
    }
}

/// The source id at an index, or `""` if out of range.
fn id_at(sources: &[Source], source: usize) -> &str {
    sources.get(source).map_or("", |s| s.id.as_str())
}

/// What every line's computation shares.
struct LineCtx<'a> {
    norms: &'a [Norm],
    norm_ix: &'a IdMap<'a>,
    ents: &'a [Entitlement],
    source_ix: &'a IdMap<'a>,
    cost_changes: &'a [Decimal],
}

/// Checks one line and computes its figures, appending its funding entries to `funds`.
fn line_state(
    line: &Line,
    ctx: &LineCtx<'_>,
    funds: &mut Vec<Fund>,
) -> Result<LineState, EngineError> {
    let id = line.id.as_str();
    let (norm_ix, ents, source_ix) = (ctx.norm_ix, ctx.ents, ctx.source_ix);
    let grow = |v: Decimal, what: &dyn Fn() -> String| {
        let mut v = v;
        for c in ctx.cost_changes.iter().filter(|c| !c.is_zero()) {
            v = grow_times(v, *c, 1, what)?;
        }
        Ok::<Decimal, EngineError>(v)
    };
    let (position, qty, unit_cost, step, norm) = match &line.kind {
        LineKind::Item { amount } => {
            let amount_of = || tr1("the amount of line \"{id}\"", "id", &id);
            let amount = non_negative(grow(*amount, &amount_of)?, &|| {
                tr1("the amount of line \"{id}\"", "id", &id)
            })?;
            (false, amount, Decimal::ONE, Decimal::ZERO, None)
        }
        LineKind::Position(p) => {
            if p.fte_step <= Decimal::ZERO {
                return Err(EngineError::BadStep { line: id.into() });
            }
            let (fte, norm_cost, norm) = match &p.norm {
                Some(n) => {
                    let ix = *norm_ix
                        .get(n.as_str())
                        .ok_or_else(|| EngineError::UnknownNorm {
                            line: id.into(),
                            norm: n.clone(),
                        })?;
                    let fte = ents.get(ix).map_or(Decimal::ZERO, |e| e.fte);
                    let cost = ctx.norms.get(ix).map(|n| n.unit_cost);
                    (fte, cost, Some(ix))
                }
                None => (p.fte, None, None),
            };
            let own = match p.unit_cost {
                Some(u) => Some(grow(u, &|| {
                    tr1("the unit cost of line \"{id}\"", "id", &id)
                })?),

                None => None,
            };
            let unit = own
                .or(norm_cost)
                .ok_or_else(|| EngineError::NoUnitCost { line: id.into() })?;
            let fte = non_negative(fte, &|| tr1("the FTE of line \"{id}\"", "id", &id))?;
            let unit = non_negative(unit, &|| tr1("the unit cost of line \"{id}\"", "id", &id))?;
            (true, fte, unit, p.fte_step, norm)
        }
    };
    if line.funding.is_empty() {
        return Err(EngineError::NoFunding { line: id.into() });
    }
    let start = funds.len();
    let mut total = Decimal::ZERO;
    let mut all_positive = true;
    for f in &line.funding {
        let source =
            *source_ix
                .get(f.source.as_str())
                .ok_or_else(|| EngineError::UnknownSource {
                    line: id.into(),
                    source: f.source.clone(),
                })?;
        all_positive &= f.share > Decimal::ZERO;
        total = add(total, f.share, &|| {
            tr1("the funding shares of line \"{id}\"", "id", &id)
        })?;
        funds.push(Fund {
            source,
            share: f.share,
            charge: Decimal::ZERO,
        });
    }
    if !all_positive || total != Decimal::ONE {
        return Err(EngineError::BadShares {
            line: id.into(),
            total,
        });
    }
    let cost = line_cost(position, qty, unit_cost, id)?;
    let range = start..funds.len();
    if let Some(slice) = funds.get_mut(range.clone()) {
        split(cost, slice, id)?;
    }
    Ok(LineState {
        position,
        qty,
        unit_cost,
        step,
        cost,
        norm,
        funds: range,
    })
}
