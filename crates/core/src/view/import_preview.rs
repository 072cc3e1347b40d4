//! What a good import would bring in, shown before it replaces anything.

use std::rc::Rc;

use rust_decimal::Decimal;

use crate::engine::{evaluate, Scenario};
use crate::io::line_rows::BadRow;
use crate::model::Document;
use crate::util::i18n::{tr, tr1, trf};

/// A validated import waiting for the user's choice, with its headline figures.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPreview {
    /// The file it came from.
    pub file: String,
    /// The document it would bring in.
    pub doc: Rc<Document>,
    /// Number of lines.
    pub lines: usize,
    /// Number of sources.
    pub sources: usize,
    /// Pupils enrolled.
    pub pupils: u64,
    /// Allocation, cost and balance, or why the budget cannot be computed.
    pub totals: Result<(Decimal, Decimal, Decimal), String>,
    /// Rows of a CSV or sheet left out with their reasons; `doc` holds only the good rows,
    /// and importing them must be asked for in so many words.
    pub bad: Vec<BadRow>,
}

impl ImportPreview {
    /// Describes `doc`, read from `file`.
    pub fn new(file: String, doc: Document) -> Self {
        Self::with_bad_rows(file, doc, Vec::new())
    }

    /// Describes `doc`, the good rows read from `file`, with the rows left out.
    pub fn with_bad_rows(file: String, doc: Document, bad: Vec<BadRow>) -> Self {
        let totals = evaluate(&doc, &Scenario::default())
            .map(|e| {
                let b = &e.baseline;
                (b.total_allocation, b.total_cost, b.balance)
            })
            .map_err(|e| e.to_string());
        Self {
            file,
            lines: doc.lines.len(),
            sources: doc.sources.len(),
            pupils: doc.school.enrollment.values().map(|&n| u64::from(n)).sum(),
            doc: Rc::new(doc),
            totals,
            bad,
        }
    }

    /// The words on the button that imports the good rows only.
    pub fn good_rows_label(&self) -> String {
        match self.lines {
            1 => tr("Import the 1 good row"),
            n => tr1("Import the {n} good rows", "n", &n),
        }
    }
}

/// Each of a bad row's problems as `column `funding`: …` (the row is shown beside it).
pub fn bad_row_reasons(row: &BadRow) -> Vec<String> {
    row.problems
        .iter()
        .map(|p| {
            if p.field.is_empty() {
                p.reason.clone()
            } else {
                trf(
                    "column `{field}`: {reason}",
                    &[("field", &p.field), ("reason", &p.reason)],
                )
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::sample::sample_document;
    use std::str::FromStr;

    #[test]
    fn the_sample_previews_with_its_hand_checked_totals() {
        let p = ImportPreview::new("s.json".into(), sample_document());
        assert_eq!((p.lines, p.sources, p.pupils), (33, 6, 448));
        let d = |s| Decimal::from_str(s).unwrap();
        assert_eq!(p.totals, Ok((d("3406750"), d("3386800"), d("19950"))));
        assert!(p.bad.is_empty());
    }

    #[test]
    fn bad_rows_are_worded_beside_the_good_rows_count() {
        use crate::model::{Place, Problem};
        let mut doc = sample_document();
        doc.lines.truncate(1);
        let bad = BadRow {
            row: 4,
            title: "Aide".into(),
            problems: vec![
                Problem::new(&Place::Row(4), "unit_cost", "must be a number, got `lots`"),
                Problem::new(&Place::Row(4), "", "has 9 cells, but the header has 4"),
            ],
        };
        let p = ImportPreview::with_bad_rows("s.csv".into(), doc, vec![bad.clone()]);
        assert_eq!(p.good_rows_label(), "Import the 1 good row");
        assert_eq!(
            bad_row_reasons(&bad),
            [
                "column `unit_cost`: must be a number, got `lots`",
                "has 9 cells, but the header has 4"
            ]
        );
        let p = ImportPreview::new("s.json".into(), sample_document());
        assert_eq!(p.good_rows_label(), "Import the 33 good rows");
    }
}
