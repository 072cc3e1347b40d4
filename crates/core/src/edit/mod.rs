//! Editing a budget in place: one [`Edit`] at a time, each checked before it reaches the budget.
//!
//! Field values arrive as the text the user typed; this module parses them (percent fields
//! take `60` or `60%`, money fields take `$1,234.50`), applies the change to a copy of the
//! document and runs [`crate::model::validate`] on the result, so an invalid edit is refused
//! with the target, the field and the reason, and the budget stays as it was.

mod line;
mod norm;
mod school;
pub mod shown;
mod source;
pub mod text;

pub use norm::rounding_word;
pub use source::{allocation_type, basis_word};

use std::fmt;

use crate::model::{validate, Place};
use crate::model::{Document, Grade, Span};
use crate::util::i18n::{tr, trf};

/// What an edit changes: the school, or one source, norm or line by id.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// The school.
    School,
    /// A source, by id.
    Source(String),
    /// A norm, by id.
    Norm(String),
    /// A line, by id.
    Line(String),
}

impl Target {
    /// Where the validator reports problems of this target.
    fn place(&self) -> Place {
        match self {
            Target::School => Place::School,
            Target::Source(id) => Place::Source(id.clone()),
            Target::Norm(id) => Place::Norm(id.clone()),
            Target::Line(id) => Place::Line(id.clone()),
        }
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.place().fmt(f)
    }
}

/// A field of a line, source, norm or the school; set from text with [`Edit::Set`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// Id of a line, source or norm (renaming a source or norm updates references).
    Id,
    /// Line or norm title; source or school name.
    Title,
    /// Line kind: `position` or `item`.
    Kind,
    /// Position FTE.
    Fte,
    /// Position or norm unit cost (blank only on a norm-linked position).
    UnitCost,
    /// Position FTE step.
    FteStep,
    /// Position vacancy: `true` or `false`.
    Vacant,
    /// Position's norm id, blank for none.
    NormLink,
    /// Item amount.
    Amount,
    /// Funding list as text: `gf 60%, title1 40%` (percent; a lone source means 100%).
    Funding,
    /// Share of the funding entry at this index, in percent; the last entry takes the rest.
    Share(usize),
    /// Priority: `flexible`, `essential` or `protected`.
    Priority,
    /// Tags, separated by commas or spaces.
    Tags,
    /// Cut rank: a whole number, blank for none.
    CutRank,
    /// Notes, blank for none.
    Notes,
    /// Source restricted: `true` or `false`.
    Restricted,
    /// Source one-time: `true` or `false`.
    OneTime,
    /// Allocation type: `fixed`, `per_pupil`, `lcff` or `norm`.
    AllocationType,
    /// Fixed allocation amount.
    AllocationAmount,
    /// Per-pupil rate.
    Rate,
    /// Per-pupil basis: `enrollment`, `unduplicated`, `ada` or `grades`.
    Basis,
    /// Grades counted by a `grades` basis.
    BasisGrades,
    /// LCFF base rate for a span ($0 for a span the school does not serve).
    LcffBase(Span),
    /// LCFF supplemental share, percent.
    Supplemental,
    /// LCFF concentration share, percent.
    Concentration,
    /// LCFF concentration threshold, percent.
    Threshold,
    /// Allowed uses: tags, or blank for no restriction.
    Allowed,
    /// Tag of the set-aside at this index.
    SetAsideTag(usize),
    /// Minimum share of the set-aside at this index, percent.
    SetAsideShare(usize),
    /// Norm grades, such as `TK K 1 2 3`.
    Grades,
    /// Norm pupils per position.
    StudentsPerPosition,
    /// Norm rounding: `ceil`, `floor` or `round`.
    Rounding,
    /// Norm minimum FTE, blank for none.
    MinFte,
    /// Tiers of a tiered allocation as text: `40%: 338.25; 41%: 343.75`.
    Tiers,
    /// Bands of a banded norm as text: `1: 0.5; 500: 1` (blank for a ratio norm).
    Bands,
    /// School fiscal year.
    FiscalYear,
    /// Pupils in a grade.
    Enrollment(Grade),
    /// Unduplicated share, percent.
    UnduplicatedPct,
    /// Attendance rate, percent.
    AttendanceRate,
}

impl Field {
    /// The field's name as the document and the validator write it.
    pub fn name(self) -> String {
        let s = match self {
            Field::Id => "id",
            Field::Title => "title",
            Field::Kind => "kind",
            Field::Fte => "fte",
            Field::UnitCost => "unit_cost",
            Field::FteStep => "fte_step",
            Field::Vacant => "vacant",
            Field::NormLink => "norm",
            Field::Amount => "amount",
            Field::Funding | Field::Share(_) => "funding",
            Field::Priority => "priority",
            Field::Tags => "tags",
            Field::CutRank => "cut_rank",
            Field::Notes => "notes",
            Field::Restricted => "restricted",
            Field::OneTime => "one_time",
            Field::AllocationType => "allocation.type",
            Field::AllocationAmount => "allocation.amount",
            Field::Rate => "allocation.rate",
            Field::Basis => "allocation.basis",
            Field::BasisGrades => "allocation.basis.grades",
            Field::LcffBase(span) => return format!("allocation.base.{}", span.key()),
            Field::Supplemental => "allocation.supplemental",
            Field::Concentration => "allocation.concentration",
            Field::Threshold => "allocation.threshold",
            Field::Allowed => "allowed",
            Field::SetAsideTag(_) | Field::SetAsideShare(_) => "set_asides",
            Field::Grades => "grades",
            Field::StudentsPerPosition => "students_per_position",
            Field::Rounding => "rounding",
            Field::MinFte => "min_fte",
            Field::Tiers => "allocation.tiers",
            Field::Bands => "bands",
            Field::FiscalYear => "fiscal_year",
            Field::Enrollment(g) => return format!("enrollment.{g}"),
            Field::UnduplicatedPct => "unduplicated_pct",
            Field::AttendanceRate => "attendance_rate",
        };
        s.to_owned()
    }
}

/// A new line's kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewKind {
    /// A staff position.
    Position,
    /// A non-staff item.
    Item,
}

/// Where a line moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    /// One place earlier.
    Up,
    /// One place later.
    Down,
    /// To this index (clamped to the list).
    To(usize),
}

/// One change to the budget document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Set a field of the target from the user's text.
    Set {
        /// What changes.
        target: Target,
        /// Which field.
        field: Field,
        /// The text typed or chosen.
        value: String,
    },
    /// Add a line at the end, with a fresh id, funded by the first non-norm source.
    AddLine(NewKind),
    /// Copy a line right after itself, with a fresh id.
    DuplicateLine(String),
    /// Remove a line.
    DeleteLine(String),
    /// Move a line in document order.
    MoveLine(String, Move),
    /// Add a funding entry to a line: it takes half of the last entry's share.
    AddFunding(String, String),
    /// Remove the funding entry at this index; the last remaining entry takes its share.
    RemoveFunding(String, usize),
    /// Add a source at the end (fixed, $0, unrestricted).
    AddSource,
    /// Remove a source (refused while a line is funded by it).
    DeleteSource(String),
    /// Add a set-aside to a source.
    AddSetAside(String),
    /// Remove the set-aside at this index from a source.
    RemoveSetAside(String, usize),
    /// Add a norm at the end.
    AddNorm,
    /// Remove a norm (refused while a line follows it).
    DeleteNorm(String),
    /// Add a grade to the school with 0 pupils.
    AddGrade(Grade),
    /// Remove a grade from the school.
    RemoveGrade(Grade),
}

/// Why an edit was refused: the target, the field and the reason in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditError {
    /// What the edit was changing.
    pub target: Target,
    /// The field, when the edit set one.
    pub field: Option<Field>,
    /// What is wrong, in plain words.
    pub message: String,
}

impl EditError {
    fn new(target: &Target, field: Option<Field>, message: impl Into<String>) -> Self {
        EditError {
            target: target.clone(),
            field,
            message: message.into(),
        }
    }

    /// Whether this error belongs at `field` of `target`.
    pub fn is_at(&self, target: &Target, field: Field) -> bool {
        &self.target == target && self.field == Some(field)
    }
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.field {
            Some(field) => f.write_str(&trf(
                "{place}, field `{field}`: {reason}",
                &[
                    ("place", &self.target),
                    ("field", &field.name()),
                    ("reason", &self.message),
                ],
            )),
            None => write!(f, "{}: {}", self.target, self.message),
        }
    }
}

/// The result of an edit before it is validated: `Err` holds the reason only.
type Step = Result<(), String>;

/// Applies an edit to a copy of `doc`; the copy is returned only if it validates.
pub fn apply_edit(doc: &Document, edit: &Edit) -> Result<Document, EditError> {
    let mut next = doc.clone();
    let (target, field) = where_of(edit);
    let step = match edit {
        Edit::Set {
            target,
            field,
            value,
        } => match target {
            Target::School => school::set(&mut next, *field, value),
            Target::Source(id) => source::set(&mut next, id, *field, value),
            Target::Norm(id) => norm::set(&mut next, id, *field, value),
            Target::Line(id) => line::set(&mut next, id, *field, value),
        },
        Edit::AddLine(kind) => {
            line::add(&mut next, *kind);
            Ok(())
        }
        Edit::DuplicateLine(id) => line::duplicate(&mut next, id),
        Edit::DeleteLine(id) => line::delete(&mut next, id),
        Edit::MoveLine(id, to) => line::move_to(&mut next, id, *to),
        Edit::AddFunding(id, src) => line::add_funding(&mut next, id, src),
        Edit::RemoveFunding(id, at) => line::remove_funding(&mut next, id, *at),
        Edit::AddSource => {
            source::add(&mut next);
            Ok(())
        }
        Edit::DeleteSource(id) => source::delete(&mut next, id),
        Edit::AddSetAside(id) => source::add_set_aside(&mut next, id),
        Edit::RemoveSetAside(id, at) => source::remove_set_aside(&mut next, id, *at),
        Edit::AddNorm => {
            norm::add(&mut next);
            Ok(())
        }
        Edit::DeleteNorm(id) => norm::delete(&mut next, id),
        Edit::AddGrade(g) => school::add_grade(&mut next, *g),
        Edit::RemoveGrade(g) => school::remove_grade(&mut next, *g),
    };
    step.map_err(|m| EditError::new(&target, field, m))?;
    if let Err(err) = validate(&next) {
        // After a rename the validator names the new id; report under the edit's own target.
        let renamed = renamed_target(edit).unwrap_or_else(|| target.clone());
        let place = renamed.place();
        let name = field.map(Field::name);
        let message = err
            .problems
            .iter()
            .map(|p| {
                if p.place == place && name.as_deref().is_none_or(|n| n == p.field) {
                    p.reason.clone()
                } else {
                    p.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("; ");
        return Err(EditError::new(&target, field, message));
    }
    Ok(next)
}

/// The target and field an edit reports its errors under.
fn where_of(edit: &Edit) -> (Target, Option<Field>) {
    match edit {
        Edit::Set { target, field, .. } => (target.clone(), Some(*field)),
        Edit::AddLine(_) => (Target::Line(String::new()), None),
        Edit::DuplicateLine(id) | Edit::DeleteLine(id) | Edit::MoveLine(id, _) => {
            (Target::Line(id.clone()), None)
        }
        Edit::AddFunding(id, _) | Edit::RemoveFunding(id, _) => {
            (Target::Line(id.clone()), Some(Field::Funding))
        }
        Edit::AddSource => (Target::Source(String::new()), None),
        Edit::AddSetAside(id) | Edit::RemoveSetAside(id, _) | Edit::DeleteSource(id) => {
            (Target::Source(id.clone()), None)
        }
        Edit::AddNorm => (Target::Norm(String::new()), None),
        Edit::DeleteNorm(id) => (Target::Norm(id.clone()), None),
        Edit::AddGrade(g) | Edit::RemoveGrade(g) => (Target::School, Some(Field::Enrollment(*g))),
    }
}

/// For an id change, the target under its new id.
fn renamed_target(edit: &Edit) -> Option<Target> {
    let Edit::Set {
        target,
        field: Field::Id,
        value,
    } = edit
    else {
        return None;
    };
    let id = value.trim().to_owned();
    match target {
        Target::School => None,
        Target::Source(_) => Some(Target::Source(id)),
        Target::Norm(_) => Some(Target::Norm(id)),
        Target::Line(_) => Some(Target::Line(id)),
    }
}

/// The reason for a field the target does not have.
fn no_field(what: &str, field: Field) -> String {
    trf(
        "{what} has no field `{name}`",
        &[("what", &tr(what)), ("name", &field.name())],
    )
}

/// A fresh id `{base}-{n}` not taken by any of `taken`.
fn fresh_id<'a>(base: &str, taken: impl Iterator<Item = &'a str> + Clone) -> String {
    (1..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken.clone().any(|t| t == id))
        .unwrap_or_else(|| base.to_owned())
}

/// Names up to five ids, then how many more.
fn name_some(ids: &[&str]) -> String {
    let shown: Vec<String> = ids.iter().take(5).map(|id| format!("`{id}`")).collect();
    let out = shown.join(", ");
    if ids.len() > 5 {
        return trf(
            "{shown} and {n} more",
            &[("shown", &out), ("n", &(ids.len() - 5))],
        );
    }
    out
}
