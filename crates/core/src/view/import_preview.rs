//! What a good import would bring in, shown before it replaces anything.

use std::rc::Rc;

use rust_decimal::Decimal;

use crate::engine::{evaluate, Scenario};
use crate::model::Document;

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
}

impl ImportPreview {
    /// Describes `doc`, read from `file`.
    pub fn new(file: String, doc: Document) -> Self {
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
        }
    }
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
    }
}
