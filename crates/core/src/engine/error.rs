//! What can go wrong while computing a budget, in words a principal understands.

use std::fmt;

use rust_decimal::Decimal;

use crate::util::i18n::{tr, tr1, trf};

/// Why the engine could not compute a budget; every variant names the id at fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EngineError {
    /// A figure grew beyond what exact decimal arithmetic can hold.
    Overflow {
        /// What was being computed, such as `the cost of line "nurse"`.
        what: String,
    },
    /// A staffing norm gives 0 students per position, so no ratio exists.
    ZeroStudentsPerPosition {
        /// The norm id.
        norm: String,
    },
    /// A source needs the share of unduplicated pupils, but the school has no pupils.
    ZeroEnrollment {
        /// The source id.
        source: String,
    },
    /// A line edit names a line the budget does not have.
    UnknownLine {
        /// The line id.
        line: String,
    },
    /// Two lines, sources or norms share an id (or a line edit adds an existing id).
    DuplicateId {
        /// `line`, `source` or `norm`.
        kind: &'static str,
        /// The repeated id.
        id: String,
    },
    /// A line is funded by a source the budget does not have.
    UnknownSource {
        /// The line id.
        line: String,
        /// The missing source id.
        source: String,
    },
    /// A position follows a staffing norm the budget does not have.
    UnknownNorm {
        /// The line id.
        line: String,
        /// The missing norm id.
        norm: String,
    },
    /// A line has no funding entries, so nobody pays for it.
    NoFunding {
        /// The line id.
        line: String,
    },
    /// A line's funding shares are not all positive or do not add up to exactly 1.
    BadShares {
        /// The line id.
        line: String,
        /// What the shares add up to.
        total: Decimal,
    },
    /// A position has neither its own unit cost nor a norm to take one from.
    NoUnitCost {
        /// The line id.
        line: String,
    },
    /// A figure that must be positive or zero is not, such as a negative FTE.
    Negative {
        /// What the figure is, such as `the FTE of line "nurse"`.
        what: String,
        /// The value found.
        value: Decimal,
    },
    /// A position's smallest cut (`fte_step`) is zero or negative.
    BadStep {
        /// The line id.
        line: String,
    },
    /// A fraction is outside the range it must lie in.
    OutOfRange {
        /// What the fraction is, such as `the attendance rate`.
        what: String,
        /// The value found.
        value: Decimal,
        /// The allowed range, in words.
        range: &'static str,
    },
}

impl fmt::Display for EngineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            EngineError::Overflow { what } => tr1("{what} is too large to compute exactly; check for a mistyped amount or rate", "what", what),
            EngineError::ZeroStudentsPerPosition { norm } => tr1("staffing norm \"{norm}\" has 0 students per position, so its positions cannot be computed", "norm", norm),
            EngineError::ZeroEnrollment { source } => tr1("source \"{source}\" depends on the share of unduplicated pupils, but the school has no pupils enrolled", "source", source),
            EngineError::UnknownLine { line } => tr1("there is no budget line \"{line}\" to change or remove", "line", line),
            EngineError::DuplicateId { kind, id } => {
                let args: &[(&str, &dyn fmt::Display)] = &[("id", id)];
                match *kind {
                    "source" => trf("two sources have the same id \"{id}\"", args),
                    "norm" => trf("two norms have the same id \"{id}\"", args),
                    _ => trf("two lines have the same id \"{id}\"", args),
                }
            }
            EngineError::UnknownSource { line, source } => trf(
                "line \"{line}\" is paid by source \"{source}\", which the budget does not have",
                &[("line", line), ("source", source)],
            ),
            EngineError::UnknownNorm { line, norm } => trf(
                "line \"{line}\" follows staffing norm \"{norm}\", which the budget does not have",
                &[("line", line), ("norm", norm)],
            ),
            EngineError::NoFunding { line } => {
                tr1("line \"{line}\" has no funding source", "line", line)
            }
            EngineError::BadShares { line, total } => trf(
                "the funding shares of line \"{line}\" must each be above 0 and add up to 1 (they add up to {total})",
                &[("line", line), ("total", total)],
            ),
            EngineError::NoUnitCost { line } => tr1("position \"{line}\" has no unit cost and follows no staffing norm", "line", line),
            EngineError::Negative { what, value } => trf(
                "{what} cannot be negative (it is {value})",
                &[("what", what), ("value", value)],
            ),
            EngineError::BadStep { line } => tr1("the smallest cut (fte_step) of position \"{line}\" must be above 0", "line", line),
            EngineError::OutOfRange { what, value, range } => trf(
                "{what} must be {range} (it is {value})",
                &[("what", what), ("range", &tr(range)), ("value", value)],
            ),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for EngineError {}
