//! Why an import was refused: every problem found, each naming where it is.

use std::fmt;

use crate::util::i18n::{tr, tr1, trf};

/// Where in a document (or CSV file) a problem sits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// The document as a whole (top-level fields).
    Document,
    /// A position in the JSON text (syntax errors), 1-based line and column.
    Text {
        /// Line in the text, from 1.
        line: usize,
        /// Column in the line, from 1.
        column: usize,
    },
    /// The `school` object.
    School,
    /// A source, by id.
    Source(String),
    /// A source without a usable id, by position in `sources` (from 1).
    SourceAt(usize),
    /// A norm, by id.
    Norm(String),
    /// A norm without a usable id, by position in `norms` (from 1).
    NormAt(usize),
    /// A line, by id.
    Line(String),
    /// A line without a usable id, by position in `lines` (from 1).
    LineAt(usize),
    /// A CSV row: its line in the file, the header being row 1.
    Row(usize),
    /// A scenario's own fields.
    Scenario,
    /// A scenario's line edit, by position in `line_edits` (from 1).
    Edit(usize),
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            Place::Document => tr("document"),
            Place::Text { line, column } => trf(
                "JSON text at line {line}, column {column}",
                &[("line", line), ("column", column)],
            ),
            Place::School => tr("school"),
            Place::Source(id) => tr1("source `{id}`", "id", id),
            Place::SourceAt(n) => tr1("source #{n}", "n", n),
            Place::Norm(id) => tr1("norm `{id}`", "id", id),
            Place::NormAt(n) => tr1("norm #{n}", "n", n),
            Place::Line(id) => tr1("line `{id}`", "id", id),
            Place::LineAt(n) => tr1("line #{n}", "n", n),
            Place::Row(n) => tr1("row {n}", "n", n),
            Place::Scenario => tr("scenario"),
            Place::Edit(n) => tr1("line edit #{n}", "n", n),
        };
        f.write_str(&text)
    }
}

/// One reason a document was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where the problem is.
    pub place: Place,
    /// The field (JSON path such as `allocation.rate`) or CSV column; empty when none applies.
    pub field: String,
    /// What is wrong, in plain words.
    pub reason: String,
}

impl Problem {
    /// A problem at `place` in `field`.
    pub fn new(place: &Place, field: impl Into<String>, reason: impl Into<String>) -> Self {
        Problem {
            place: place.clone(),
            field: field.into(),
            reason: reason.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let args: &[(&str, &dyn fmt::Display)] = &[
            ("place", &self.place),
            ("field", &self.field),
            ("reason", &self.reason),
        ];
        let text = if self.field.is_empty() {
            trf("{place}: {reason}", args)
        } else if matches!(self.place, Place::Row(_)) {
            trf("{place}, column `{field}`: {reason}", args)
        } else {
            trf("{place}, field `{field}`: {reason}", args)
        };
        f.write_str(&text)
    }
}

/// A refused import: at least one problem, in the order found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// Every problem found.
    pub problems: Vec<Problem>,
}

impl ImportError {
    /// An error with a single problem.
    pub fn one(problem: Problem) -> Self {
        ImportError {
            problems: vec![problem],
        }
    }

    /// `Err` when there are problems, `Ok(value)` otherwise.
    pub fn check<T>(problems: Vec<Problem>, value: T) -> Result<T, ImportError> {
        if problems.is_empty() {
            Ok(value)
        } else {
            Err(ImportError { problems })
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ImportError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_in_plain_words() {
        let p = Problem::new(
            &Place::Line("nurse".into()),
            "fte",
            "must be 0 or more, got -1",
        );
        assert_eq!(
            p.to_string(),
            "line `nurse`, field `fte`: must be 0 or more, got -1"
        );
        let p = Problem::new(&Place::Row(4), "funding", "source `titel1` does not exist");
        assert_eq!(
            p.to_string(),
            "row 4, column `funding`: source `titel1` does not exist"
        );
        let p = Problem::new(&Place::Text { line: 3, column: 5 }, "", "expected `,`");
        assert_eq!(p.to_string(), "JSON text at line 3, column 5: expected `,`");
    }

    #[test]
    fn joins_problems_by_line() {
        let e = ImportError {
            problems: vec![
                Problem::new(&Place::School, "name", "is required"),
                Problem::new(&Place::LineAt(2), "id", "is required"),
            ],
        };
        assert_eq!(
            e.to_string(),
            "school, field `name`: is required\nline #2, field `id`: is required"
        );
        assert_eq!(ImportError::check(vec![], 5), Ok(5));
    }
}
