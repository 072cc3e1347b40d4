//! A computed budget as the UI shows it: counts, entitlements, sources, lines, totals.

use crate::util::dec;
use rust_decimal::Decimal;

use super::budget::Budget;
use super::counts::Counts;
use super::error::EngineError;
use super::norms::Entitlement;
use super::rounding::{add, sub};
use crate::util::i18n::tr;

/// Whether a line is a staff position or an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LineType {
    /// A staff position (FTE × unit cost).
    Position,
    /// A non-staff item (a dollar amount).
    Item,
}

/// One source's figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceResult {
    /// The source id.
    pub id: String,
    /// The allocation, to the cent.
    pub allocation: Decimal,
    /// What lines charge it.
    pub charges: Decimal,
    /// Allocation − charges (negative is a deficit).
    pub balance: Decimal,
}

/// One line's figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineResult {
    /// The line id.
    pub id: String,
    /// Position or item.
    pub kind: LineType,
    /// Effective FTE of a position (the entitlement for a norm-linked line).
    pub fte: Option<Decimal>,
    /// Effective unit cost of a position (the norm's when the line gives none).
    pub unit_cost: Option<Decimal>,
    /// Amount of an item.
    pub amount: Option<Decimal>,
    /// The cost, to the cent.
    pub cost: Decimal,
    /// Charge per source id, in funding order; they add up to `cost`.
    pub charges: Vec<(String, Decimal)>,
}

impl LineResult {
    /// What this line charges a source (0 if it does not).
    pub fn charge(&self, source: &str) -> Decimal {
        self.charges
            .iter()
            .filter(|(s, _)| s == source)
            .fold(Decimal::ZERO, |acc, (_, c)| dec::saturating_add(acc, *c))
    }
}

/// A whole budget, computed: the figures of one document at one moment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    /// Pupil counts.
    pub counts: Counts,
    /// Norm entitlements, in document order.
    pub entitlements: Vec<Entitlement>,
    /// Sources, in document order.
    pub sources: Vec<SourceResult>,
    /// Lines, in document order.
    pub lines: Vec<LineResult>,
    /// Sum of allocations.
    pub total_allocation: Decimal,
    /// Sum of line costs.
    pub total_cost: Decimal,
    /// Total allocation − total cost (equals the sum of source balances).
    pub balance: Decimal,
    /// Source positions sorted by id, for binary-search lookup without cloning ids.
    source_order: Vec<usize>,
    /// Line positions sorted by id.
    line_order: Vec<usize>,
}

/// Positions of `ids` sorted by id.
fn order<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<usize> {
    let mut pairs: Vec<(&str, usize)> = ids.enumerate().map(|(i, id)| (id, i)).collect();
    crate::util::sort::sort(&mut pairs);
    pairs.into_iter().map(|(_, i)| i).collect()
}

impl Snapshot {
    /// Copies a budget's figures out, with ids as strings. When `like` has the same ids
    /// in the same order (the usual case: a scenario without line edits), its lookup
    /// index is reused instead of sorting again.
    pub(crate) fn of(b: &Budget<'_>, like: Option<&Snapshot>) -> Result<Snapshot, EngineError> {
        let mut sources = Vec::with_capacity(b.alloc.len());
        let mut total_allocation = Decimal::ZERO;
        for (i, s) in b.sources.iter().enumerate() {
            let allocation = b.alloc.get(i).copied().unwrap_or_default();
            let charges = b.charged.get(i).copied().unwrap_or_default();
            total_allocation = add(total_allocation, allocation, &|| tr("the total allocation"))?;
            sources.push(SourceResult {
                id: s.id.clone(),
                allocation,
                charges,
                balance: b.balance(i)?,
            });
        }
        let mut lines = Vec::with_capacity(b.lines.len());
        let mut total_cost = Decimal::ZERO;
        for (i, (line, st)) in b.meta.iter().zip(&b.lines).enumerate() {
            total_cost = add(total_cost, st.cost, &|| tr("the total cost"))?;
            let charges = b
                .funds_of(i)
                .iter()
                .map(|f| (b.source_id(f.source).to_string(), f.charge))
                .collect();
            lines.push(LineResult {
                id: line.id.clone(),
                kind: if st.position {
                    LineType::Position
                } else {
                    LineType::Item
                },
                fte: st.position.then_some(st.qty),
                unit_cost: st.position.then_some(st.unit_cost),
                amount: (!st.position).then_some(st.qty),
                cost: st.cost,
                charges,
            });
        }
        let balance = sub(total_allocation, total_cost, &|| tr("the school's balance"))?;
        let same_sources = like.is_some_and(|o| {
            o.sources.len() == sources.len()
                && o.sources.iter().zip(&sources).all(|(a, b)| a.id == b.id)
        });
        let same_lines = like.is_some_and(|o| {
            o.lines.len() == lines.len() && o.lines.iter().zip(&lines).all(|(a, b)| a.id == b.id)
        });
        Ok(Snapshot {
            counts: b.counts.clone(),
            entitlements: b.entitlements.clone(),
            source_order: match like {
                Some(o) if same_sources => o.source_order.clone(),
                _ => order(sources.iter().map(|s| s.id.as_str())),
            },
            line_order: match like {
                Some(o) if same_lines => o.line_order.clone(),
                _ => order(lines.iter().map(|l| l.id.as_str())),
            },
            sources,
            lines,
            total_allocation,
            total_cost,
            balance,
        })
    }

    /// Total allocation, total cost and balance of a budget, without copying its lines.
    pub(crate) fn totals(b: &Budget<'_>) -> Result<(Decimal, Decimal, Decimal), EngineError> {
        let mut alloc = Decimal::ZERO;
        for a in &b.alloc {
            alloc = add(alloc, *a, &|| tr("the total allocation"))?;
        }
        let mut cost = Decimal::ZERO;
        for l in &b.lines {
            cost = add(cost, l.cost, &|| tr("the total cost"))?;
        }
        let balance = sub(alloc, cost, &|| tr("the school's balance"))?;
        Ok((alloc, cost, balance))
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&SourceResult> {
        let at = self
            .source_order
            .binary_search_by(|&i| self.sources.get(i).map_or("", |s| s.id.as_str()).cmp(id))
            .ok()?;
        self.sources.get(*self.source_order.get(at)?)
    }

    /// The line with this id.
    pub fn line(&self, id: &str) -> Option<&LineResult> {
        let at = self
            .line_order
            .binary_search_by(|&i| self.lines.get(i).map_or("", |l| l.id.as_str()).cmp(id))
            .ok()?;
        self.lines.get(*self.line_order.get(at)?)
    }

    /// The entitlement of the norm with this id.
    pub fn entitlement(&self, norm: &str) -> Option<&Entitlement> {
        self.entitlements.iter().find(|e| e.norm == norm)
    }

    /// A source's balance, or 0 for an unknown id.
    pub fn balance_of(&self, source: &str) -> Decimal {
        self.source(source).map_or(Decimal::ZERO, |s| s.balance)
    }
}
