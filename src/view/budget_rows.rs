//! Rows of the line-by-line budget table.

use std::rc::Rc;

use rust_decimal::Decimal;

use crate::engine::{days_a_week, Snapshot};
use crate::format;
use crate::model::{Document, LineKind, Priority};

/// One funding entry as shown: the source's name and the share as a percent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FundingShare {
    /// Source id.
    pub source: String,
    /// Source display name.
    pub name: String,
    /// Share, such as `60%`.
    pub share: String,
}

/// One budget line as the table shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BudgetRow {
    /// Line id (the row's key).
    pub id: String,
    /// Line title.
    pub title: String,
    /// `Position` or `Item`.
    pub kind: &'static str,
    /// FTE for a position (the engine's effective FTE), `None` for an item.
    pub fte: Option<Decimal>,
    /// FTE as shown, with days a week for part-time positions: `0.6 (3 days/wk)`.
    pub fte_text: String,
    /// Unit cost for a position.
    pub unit_cost: Option<Decimal>,
    /// Who pays, in funding order.
    pub funding: Vec<FundingShare>,
    /// Priority.
    pub priority: Priority,
    /// Whether the position is vacant.
    pub vacant: bool,
    /// The norm a position follows, by title.
    pub norm: Option<String>,
    /// Tags.
    pub tags: Vec<String>,
    /// Annual cost.
    pub cost: Decimal,
}

impl BudgetRow {
    /// Whether this line charges the source.
    pub fn charges(&self, source: &str) -> bool {
        self.funding.iter().any(|f| f.source == source)
    }
}

/// The table's rows for a document and its evaluated snapshot, in document order.
pub fn budget_rows(doc: &Document, snapshot: &Snapshot) -> Vec<Rc<BudgetRow>> {
    doc.lines
        .iter()
        .map(|line| {
            let result = snapshot.line(&line.id);
            let cost = result.map(|r| r.cost).unwrap_or_default();
            let funding = line
                .funding
                .iter()
                .map(|f| FundingShare {
                    source: f.source.clone(),
                    name: doc.source_name(&f.source).to_owned(),
                    share: format::percent(f.share),
                })
                .collect();
            let (kind, fte, fte_text, unit_cost, vacant, norm) = match &line.kind {
                LineKind::Position(p) => {
                    let fte = result.and_then(|r| r.fte).unwrap_or(p.fte);
                    let text = match days_a_week(fte, p.fte_step) {
                        Some(days) => format!("{} ({} days/wk)", format::fte(fte), days),
                        None => format::fte(fte),
                    };
                    let norm = p.norm.as_ref().map(|id| {
                        doc.norms
                            .iter()
                            .find(|n| &n.id == id)
                            .map_or_else(|| id.clone(), |n| n.title.clone())
                    });
                    let unit = result.and_then(|r| r.unit_cost).or(p.unit_cost);
                    ("Position", Some(fte), text, unit, p.vacant, norm)
                }
                LineKind::Item { .. } => ("Item", None, String::new(), None, false, None),
            };
            Rc::new(BudgetRow {
                id: line.id.clone(),
                title: line.title.clone(),
                kind,
                fte,
                fte_text,
                unit_cost,
                funding,
                priority: line.priority,
                vacant,
                norm,
                tags: line.tags.clone(),
                cost,
            })
        })
        .collect()
}

/// A group of rows under one source, with its subtotal of charges to that source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowGroup {
    /// Source id, or `None` for the ungrouped table.
    pub source: Option<String>,
    /// Heading shown above the group.
    pub heading: String,
    /// The rows in document order.
    pub rows: Vec<Rc<BudgetRow>>,
    /// Sum of the rows' costs (ungrouped) or of their charges to the source (grouped).
    pub subtotal: Decimal,
}

/// Rows filtered by a source and optionally grouped by the sources they charge.
///
/// Grouped, a split-funded line appears under each source it charges, and each group's
/// subtotal counts only that source's charges, so group subtotals add up to total cost.
pub fn group_rows(
    doc: &Document,
    snapshot: &Snapshot,
    rows: &[Rc<BudgetRow>],
    filter: Option<&str>,
    grouped: bool,
) -> Vec<RowGroup> {
    let charge_to = |row: &BudgetRow, source: &str| -> Decimal {
        snapshot
            .line(&row.id)
            .and_then(|r| r.charges.iter().find(|(s, _)| s == source).map(|(_, c)| *c))
            .unwrap_or_default()
    };
    let sources: Vec<&crate::model::Source> = doc
        .sources
        .iter()
        .filter(|s| filter.is_none_or(|f| f == s.id))
        .collect();
    if grouped {
        return sources
            .into_iter()
            .map(|source| {
                let rows: Vec<Rc<BudgetRow>> = rows
                    .iter()
                    .filter(|r| r.charges(&source.id))
                    .cloned()
                    .collect();
                let subtotal = rows.iter().map(|r| charge_to(r, &source.id)).sum();
                RowGroup {
                    source: Some(source.id.clone()),
                    heading: source.name.clone(),
                    rows,
                    subtotal,
                }
            })
            .collect();
    }
    let rows: Vec<Rc<BudgetRow>> = rows
        .iter()
        .filter(|r| filter.is_none_or(|f| r.charges(f)))
        .cloned()
        .collect();
    let subtotal = match filter {
        Some(f) => rows.iter().map(|r| charge_to(r, f)).sum(),
        None => rows.iter().map(|r| r.cost).sum(),
    };
    vec![RowGroup {
        source: filter.map(str::to_owned),
        heading: String::new(),
        rows,
        subtotal,
    }]
}
