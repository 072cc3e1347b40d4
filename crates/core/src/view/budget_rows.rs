//! Rows of the line-by-line budget table.

use std::rc::Rc;

use rust_decimal::Decimal;

use crate::engine::{LineResult, Snapshot};
use crate::format;
use crate::model::{Document, Line, LineKind, Priority};
use crate::util::dec;
use crate::util::i18n::tr;

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
    /// `Position` or `Item`, in the language spoken now.
    pub kind: String,
    /// FTE for a position (the engine's effective FTE), `None` for an item.
    pub fte: Option<Decimal>,
    /// FTE as shown, with days a week at 1 FTE or less: `0.6 FTE (3 days a week)`.
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
    budget_rows_reusing(doc, snapshot, &[])
}

/// The figures of a row that depend on the evaluation: FTE, unit cost and cost.
fn figures(
    line: &Line,
    result: Option<&LineResult>,
) -> (Option<Decimal>, Option<Decimal>, Decimal) {
    let cost = result.map(|r| r.cost).unwrap_or_default();
    match &line.kind {
        LineKind::Position(p) => (
            Some(result.and_then(|r| r.fte).unwrap_or(p.fte)),
            result.and_then(|r| r.unit_cost).or(p.unit_cost),
            cost,
        ),
        LineKind::Item { .. } => (None, None, cost),
    }
}

/// Like [`budget_rows`], but keeps each row of `previous` (rows built from this same
/// document) whose figures are unchanged: a slider move then rebuilds only the rows it
/// changes, and the kept rows skip re-rendering at a pointer comparison.
pub fn budget_rows_reusing(
    doc: &Document,
    snapshot: &Snapshot,
    previous: &[Rc<BudgetRow>],
) -> Vec<Rc<BudgetRow>> {
    doc.lines
        .iter()
        .enumerate()
        .map(|(at, line)| {
            let result = snapshot.line(&line.id);
            let (fte, unit_cost, cost) = figures(line, result);
            match previous.get(at) {
                Some(row)
                    if row.id == line.id
                        && row.fte == fte
                        && row.unit_cost == unit_cost
                        && row.cost == cost =>
                {
                    row.clone()
                }
                _ => Rc::new(build_row(doc, line, fte, unit_cost, cost)),
            }
        })
        .collect()
}

/// One row, from its line and its figures.
fn build_row(
    doc: &Document,
    line: &Line,
    fte: Option<Decimal>,
    unit_cost: Option<Decimal>,
    cost: Decimal,
) -> BudgetRow {
    let funding = line
        .funding
        .iter()
        .map(|f| FundingShare {
            source: f.source.clone(),
            name: doc.source_name(&f.source).to_owned(),
            share: format::percent(f.share),
        })
        .collect();
    let (kind, fte_text, vacant, norm) = match (&line.kind, fte) {
        (LineKind::Position(p), Some(fte)) => {
            // Every position at 1 FTE or less reads in days a week, whatever its step.
            let text = if fte > Decimal::ZERO && fte <= Decimal::ONE {
                format::fte_days(fte)
            } else {
                format::fte(fte)
            };
            let norm = p.norm.as_ref().map(|id| {
                doc.norms
                    .iter()
                    .find(|n| &n.id == id)
                    .map_or_else(|| id.clone(), |n| n.title.clone())
            });
            (tr("Position"), text, p.vacant, norm)
        }
        (LineKind::Position(p), None) => (tr("Position"), String::new(), p.vacant, None),
        (LineKind::Item { .. }, _) => (tr("Item"), String::new(), false, None),
    };
    BudgetRow {
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
    }
}

/// The rows last built and the document they were built from, so the next build can
/// keep the rows that did not change.
#[derive(Default)]
pub struct RowCache {
    doc: Option<Rc<Document>>,
    rows: Vec<Rc<BudgetRow>>,
}

impl RowCache {
    /// The rows for `doc` and `snapshot`, reusing the last build's rows when `doc` is the
    /// same document (the same `Rc`).
    pub fn rows(&mut self, doc: &Rc<Document>, snapshot: &Snapshot) -> Vec<Rc<BudgetRow>> {
        let same = self.doc.as_ref().is_some_and(|d| Rc::ptr_eq(d, doc));
        let previous: &[Rc<BudgetRow>] = if same { &self.rows } else { &[] };
        let rows = budget_rows_reusing(doc, snapshot, previous);
        self.doc = Some(doc.clone());
        self.rows = rows.clone();
        rows
    }
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
                let subtotal = dec::sum(rows.iter().map(|r| charge_to(r, &source.id)));
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
        Some(f) => dec::sum(rows.iter().map(|r| charge_to(r, f))),
        None => dec::sum(rows.iter().map(|r| r.cost)),
    };
    vec![RowGroup {
        source: filter.map(str::to_owned),
        heading: String::new(),
        rows,
        subtotal,
    }]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{evaluate, EnrollmentInput, Scenario};
    use crate::io::sample::sample_document;

    fn row<'a>(rows: &'a [Rc<BudgetRow>], id: &str) -> &'a Rc<BudgetRow> {
        rows.iter().find(|r| r.id == id).unwrap()
    }

    #[test]
    fn a_slider_move_rebuilds_only_the_rows_whose_figures_change() {
        let doc = Rc::new(sample_document());
        let fewer = Scenario {
            enrollment: EnrollmentInput::Change(Decimal::new(-10, 2)),
            ..Scenario::default()
        };
        let now = evaluate(&doc, &Scenario::default()).unwrap();
        let then = evaluate(&doc, &fewer).unwrap();
        let mut cache = RowCache::default();
        let before = cache.rows(&doc, &now.scenario);
        let after = cache.rows(&doc, &then.scenario);
        // TK-3 pupils 318 → 286: ceil(286 / 24) = 12 teachers, was 14; 12 × 118,000.
        let teachers = row(&after, "teach-tk3");
        assert!(!Rc::ptr_eq(teachers, row(&before, "teach-tk3")));
        assert_eq!(teachers.fte, Some(Decimal::from(12)));
        assert_eq!(teachers.cost, Decimal::from(1_416_000));
        // Grades 4-5 keep their 4 teachers, and the nurse is untouched: the same rows.
        assert!(Rc::ptr_eq(
            row(&after, "teach-45"),
            row(&before, "teach-45")
        ));
        assert!(Rc::ptr_eq(row(&after, "nurse"), row(&before, "nurse")));
        // Reused or not, the rows are those a fresh build gives.
        assert_eq!(after, budget_rows(&doc, &then.scenario));
    }

    #[test]
    fn another_document_rebuilds_every_row() {
        let doc = Rc::new(sample_document());
        let eval = evaluate(&doc, &Scenario::default()).unwrap();
        let mut cache = RowCache::default();
        let first = cache.rows(&doc, &eval.scenario);
        let mut edited = sample_document();
        if let Some(nurse) = edited.lines.iter_mut().find(|l| l.id == "nurse") {
            nurse.title = "Nurse (shared)".into();
        }
        let edited = Rc::new(edited);
        let eval = evaluate(&edited, &Scenario::default()).unwrap();
        let second = cache.rows(&edited, &eval.scenario);
        assert_eq!(row(&second, "nurse").title, "Nurse (shared)");
        assert!(!Rc::ptr_eq(row(&second, "ap"), row(&first, "ap")));
        assert_eq!(second, budget_rows(&edited, &eval.scenario));
    }
}
