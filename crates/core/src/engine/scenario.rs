//! Scenarios: what-if inputs (enrollment, need, attendance, costs, rates, line edits).

use std::borrow::Cow;
use std::collections::BTreeMap;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::budget::Inputs;
use super::counts::check_fraction;
use super::error::EngineError;
use super::rounding::{grow_cents, mul, whole};
use crate::model::{Allocation, Document, Grade, Line, LineKind, Norm, School, Source};
use crate::util::dec;
use crate::util::i18n::{key, tr, tr1, trf};

/// How a scenario changes enrollment.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum EnrollmentInput {
    /// Keep the document's counts.
    #[default]
    Unchanged,
    /// New counts for these grades; grades not listed keep their count.
    Counts(BTreeMap<Grade, u32>),
    /// A fraction applied to every grade (−0.10 is 10% fewer), yearly in a projection.
    Change(Decimal),
}

/// A change to the budget's lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineEdit {
    /// Replace the line with the same id (change FTE, amount, funding, priority…).
    Replace(Line),
    /// Add a new line at the end.
    Add(Line),
    /// Remove the line with this id.
    Remove(String),
}

/// What-if inputs compared with the budget as it is.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Scenario {
    /// Enrollment: unchanged, new per-grade counts, or a yearly change.
    pub enrollment: EnrollmentInput,
    /// New unduplicated share, in [0, 1].
    pub unduplicated_pct: Option<Decimal>,
    /// New attendance rate, in [0, 1].
    pub attendance_rate: Option<Decimal>,
    /// Yearly change of every unit cost and item amount (0.03 is 3% dearer).
    pub cost_change: Decimal,
    /// Yearly change of every per-pupil and LCFF base rate.
    pub rate_change: Decimal,
    /// Line edits, applied in order.
    pub line_edits: Vec<LineEdit>,
    /// Per-year changes (year 1 first), in place of compounding one yearly change.
    pub years: Vec<YearChange>,
    /// The district's count on Norm Day, if the scenario carries one.
    pub norm_day: Option<NormDay>,
    /// What meetings decided about this scenario, oldest first; figures ignore them.
    pub decisions: Vec<Decision>,
}

/// One decision a meeting took about a scenario, with an optional note.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Decision {
    /// What was decided, in a few words ("Keep the nurse at 3 days").
    pub decided: String,
    /// Why, or what follows from it; may be empty.
    pub note: String,
    /// The day it was recorded, `YYYY-MM-DD`; may be empty.
    pub at: String,
}

/// The most characters a decision's text may have.
pub const DECISION_MAX: usize = 200;
/// The most characters a decision's note may have.
pub const NOTE_MAX: usize = 1000;
/// The most decisions one scenario may hold.
pub const DECISIONS_MAX: usize = 100;

/// Which part of a decision is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecisionField {
    /// The decision's text.
    Decided,
    /// The note.
    Note,
    /// The date.
    At,
}

impl Decision {
    /// The decision trimmed, or the first field refused and why, in plain words.
    pub fn checked(&self) -> Result<Decision, (DecisionField, String)> {
        let decided = self.decided.trim();
        let note = self.note.trim();
        let at = self.at.trim();
        if decided.is_empty() {
            return Err((DecisionField::Decided, tr("Write what was decided.")));
        }
        let too_long = |max: usize, n: usize| {
            trf(
                "At most {max} characters, please: this has {n}.",
                &[("max", &max), ("n", &n)],
            )
        };
        let n = decided.chars().count();
        if n > DECISION_MAX {
            return Err((DecisionField::Decided, too_long(DECISION_MAX, n)));
        }
        let n = note.chars().count();
        if n > NOTE_MAX {
            return Err((DecisionField::Note, too_long(NOTE_MAX, n)));
        }
        if !at.is_empty() && !is_date(at) {
            return Err((
                DecisionField::At,
                tr("The date must be written as year-month-day, like 2026-12-01."),
            ));
        }
        Ok(Decision {
            decided: decided.to_owned(),
            note: note.to_owned(),
            at: at.to_owned(),
        })
    }
}

/// Whether `text` is a `YYYY-MM-DD` day with a month 1–12 and a day 1–31.
fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r.clone())
            .is_some_and(|s| s.iter().all(u8::is_ascii_digit))
            .then(|| text.get(r).and_then(|t| t.parse::<u32>().ok()))
            .flatten()
    };
    b.len() == 10
        && b.get(4) == Some(&b'-')
        && b.get(7) == Some(&b'-')
        && digits(0..4).is_some()
        && digits(5..7).is_some_and(|m| (1..=12).contains(&m))
        && digits(8..10).is_some_and(|d| (1..=31).contains(&d))
}

/// One year's own changes, applied to the year before it.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct YearChange {
    /// Fraction applied to every grade's pupils.
    pub enrollment_change: Decimal,
    /// Fraction applied to every unit cost and item amount.
    pub cost_change: Decimal,
    /// Fraction applied to every per-pupil, tier and LCFF base rate.
    pub rate_change: Decimal,
}

/// Norm Day: the pupils the district counts, those it leaves out, the year left.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NormDay {
    /// Pupils enrolled per grade on Norm Day; grades not given keep the scenario's count.
    pub enrollment: BTreeMap<Grade, u32>,
    /// No-shows per grade, left out of the count.
    pub excluded: BTreeMap<Grade, u32>,
    /// Part of the year left after Norm Day, in [0, 1] (default 0.8).
    pub remaining_share: Decimal,
}

/// The default part of the year left on Norm Day.
pub const DEFAULT_REMAINING_SHARE: Decimal = Decimal::from_parts(8, 0, 0, false, 1);

impl Default for NormDay {
    fn default() -> Self {
        NormDay {
            enrollment: BTreeMap::new(),
            excluded: BTreeMap::new(),
            remaining_share: DEFAULT_REMAINING_SHARE,
        }
    }
}

impl Scenario {
    /// True when the scenario changes nothing (a 0% change and empty counts count as nothing).
    pub fn is_baseline(&self) -> bool {
        let enrollment_same = match &self.enrollment {
            EnrollmentInput::Unchanged => true,
            EnrollmentInput::Counts(c) => c.is_empty(),
            EnrollmentInput::Change(c) => c.is_zero(),
        };
        enrollment_same
            && self.unduplicated_pct.is_none()
            && self.attendance_rate.is_none()
            && self.cost_change.is_zero()
            && self.rate_change.is_zero()
            && self.line_edits.is_empty()
            && self.years.iter().all(|y| *y == YearChange::default())
    }

    /// Keeps year 1 of a `years` list equal to the scenario's own changes, so the
    /// scenario and year 1 of its projection never disagree after its inputs move.
    pub fn synced(mut self) -> Scenario {
        if !self.years.is_empty() {
            let own = YearChange {
                enrollment_change: match self.enrollment {
                    EnrollmentInput::Change(c) => c,
                    _ => Decimal::ZERO,
                },
                cost_change: self.cost_change,
                rate_change: self.rate_change,
            };
            if let Some(first) = self.years.first_mut() {
                *first = own;
            }
        }
        self
    }

    /// Sets year `index`'s own changes (0 is year 1, which is also the scenario's own
    /// changes), filling the list up to it with years that change nothing.
    pub fn set_year(&mut self, index: usize, change: YearChange) {
        if self.years.is_empty() {
            self.years.push(self.change_for_year(1));
        }
        while self.years.len() <= index {
            self.years.push(YearChange::default());
        }
        if index == 0 {
            if !matches!(self.enrollment, EnrollmentInput::Counts(_))
                || !change.enrollment_change.is_zero()
            {
                self.enrollment = EnrollmentInput::Change(change.enrollment_change);
            }
            self.cost_change = change.cost_change;
            self.rate_change = change.rate_change;
        }
        if let Some(slot) = self.years.get_mut(index) {
            *slot = change;
        }
    }

    /// The changes year `year` (from 1) applies to the year before it: the `years`
    /// entry when the scenario lists years (none past the list), else its yearly change.
    pub fn change_for_year(&self, year: u32) -> YearChange {
        if !self.years.is_empty() {
            let at = usize::try_from(year.saturating_sub(1)).unwrap_or(usize::MAX);
            return self.years.get(at).cloned().unwrap_or_default();
        }
        YearChange {
            enrollment_change: match self.enrollment {
                EnrollmentInput::Change(c) => c,
                _ => Decimal::ZERO,
            },
            cost_change: self.cost_change,
            rate_change: self.rate_change,
        }
    }
}

/// Refuses a yearly change below −100%, which would make counts, costs or rates negative.
fn check_change(what: &str, change: Decimal) -> Result<(), EngineError> {
    if change < Decimal::NEGATIVE_ONE {
        return Err(EngineError::OutOfRange {
            what: tr(what),
            value: change,
            range: key("−100% or more"),
        });
    }
    Ok(())
}

/// The document with the scenario's inputs applied once (year 1).
///
/// Line edits come first, so the cost change also applies to edited and added lines:
/// every price moves by the same fraction, as a budget coach would project it.
pub fn apply_scenario(doc: &Document, scenario: &Scenario) -> Result<Document, EngineError> {
    let mut out = doc.clone();
    apply_edits(&mut out, &scenario.line_edits)?;
    set_school(&mut out.school, scenario)?;
    apply_year(&mut out, &scenario.change_for_year(1))?;
    Ok(out)
}

/// The inputs that apply once and stay: per-grade counts, unduplicated share, attendance.
fn set_school(school: &mut School, scenario: &Scenario) -> Result<(), EngineError> {
    if let EnrollmentInput::Counts(counts) = &scenario.enrollment {
        for (g, n) in counts {
            school.enrollment.insert(*g, *n);
        }
    }
    if let Some(p) = scenario.unduplicated_pct {
        check_fraction(key("the unduplicated share"), p)?;
        school.unduplicated_pct = p;
    }
    if let Some(r) = scenario.attendance_rate {
        check_fraction(key("the attendance rate"), r)?;
        school.attendance_rate = r;
    }
    Ok(())
}

/// Applies the line edits in order; an unknown id or a duplicate added id is an error.
fn apply_edits(doc: &mut Document, edits: &[LineEdit]) -> Result<(), EngineError> {
    for edit in edits {
        match edit {
            LineEdit::Replace(line) => {
                let slot = doc
                    .lines
                    .iter_mut()
                    .find(|l| l.id == line.id)
                    .ok_or_else(|| EngineError::UnknownLine {
                        line: line.id.clone(),
                    })?;
                *slot = line.clone();
            }
            LineEdit::Add(line) => {
                if doc.lines.iter().any(|l| l.id == line.id) {
                    return Err(EngineError::DuplicateId {
                        kind: "line",
                        id: line.id.clone(),
                    });
                }
                doc.lines.push(line.clone());
            }
            LineEdit::Remove(id) => {
                let at = doc
                    .lines
                    .iter()
                    .position(|l| &l.id == id)
                    .ok_or_else(|| EngineError::UnknownLine { line: id.clone() })?;
                doc.lines.remove(at);
            }
        }
    }
    Ok(())
}

/// One year of the scenario's yearly changes: enrollment change, cost change, rate change.
///
/// Each step rounds (pupils to whole, money to the cent), so repeated years compound
/// from the previous year's rounded figures, as the spec asks.
pub(crate) fn apply_year(doc: &mut Document, change: &YearChange) -> Result<(), EngineError> {
    grow_school(&mut doc.school, change)?;
    let c = change.cost_change;
    grow_norms(&mut doc.norms, c)?;
    for line in &mut doc.lines {
        let id = &line.id;
        match &mut line.kind {
            LineKind::Position(p) => {
                if let Some(u) = p.unit_cost.as_mut() {
                    *u = grow_cents(*u, c, &|| tr1("the unit cost of line \"{id}\"", "id", &id))?;
                }
            }
            LineKind::Item { amount } => {
                *amount = grow_cents(*amount, c, &|| {
                    tr1("the amount of line \"{id}\"", "id", &id)
                })?;
            }
        }
    }
    grow_rates(&mut doc.sources, change.rate_change)
}

/// One year of the enrollment change, per grade, half up to whole pupils.
pub(crate) fn grow_school(school: &mut School, year: &YearChange) -> Result<(), EngineError> {
    check_change(key("the cost change"), year.cost_change)?;
    check_change(key("the rate change"), year.rate_change)?;
    let change = year.enrollment_change;
    check_change(key("the enrollment change"), change)?;
    if change.is_zero() {
        return Ok(());
    }
    let factor = dec::checked_add(Decimal::ONE, change).ok_or_else(|| EngineError::Overflow {
        what: tr("the enrollment change"),
    })?;
    for (g, n) in school.enrollment.iter_mut() {
        let new = whole(mul(Decimal::from(*n), factor, &|| {
            tr1("the enrollment of grade {g}", "g", &g)
        })?);
        *n = new.to_u32().ok_or_else(|| EngineError::Overflow {
            what: tr1("the enrollment of grade {g}", "g", &g),
        })?;
    }
    Ok(())
}

/// One year of the cost change on norm unit costs.
fn grow_norms(norms: &mut [Norm], c: Decimal) -> Result<(), EngineError> {
    if c.is_zero() {
        return Ok(());
    }
    for n in norms {
        n.unit_cost = grow_cents(n.unit_cost, c, &|| {
            tr1("the unit cost of norm \"{id}\"", "id", &n.id)
        })?;
    }
    Ok(())
}

/// One year of the rate change on per-pupil and LCFF base rates.
fn grow_rates(sources: &mut [Source], r: Decimal) -> Result<(), EngineError> {
    if r.is_zero() {
        return Ok(());
    }
    for s in sources {
        let id = &s.id;
        match &mut s.allocation {
            Allocation::PerPupil { rate, .. } => {
                *rate = grow_cents(*rate, r, &|| tr1("the rate of source \"{id}\"", "id", &id))?;
            }
            Allocation::Tiered { tiers, .. } => {
                for t in tiers.iter_mut() {
                    t.rate = grow_cents(t.rate, r, &|| {
                        tr1("a tier rate of source \"{id}\"", "id", &id)
                    })?;
                }
            }
            Allocation::Lcff(l) => {
                for rate in l.base.values_mut() {
                    *rate = grow_cents(*rate, r, &|| {
                        tr1("the base rate of source \"{id}\"", "id", &id)
                    })?;
                }
            }
            Allocation::Fixed { .. } | Allocation::Norm => {}
        }
    }
    Ok(())
}

/// The inputs of year `years` of a scenario (1 is the scenario itself) without copying
/// the document's lines: the same figures as [`apply_scenario`] then `years − 1` more
/// yearly steps, which the engine computes straight from the borrowed lines.
///
/// Line prices grow inside the budget computation, `years` times from the document's
/// own figures (so a long projection costs O(years) per line per year).
pub(crate) fn inputs<'d>(
    doc: &'d Document,
    scenario: &'d Scenario,
    years: u32,
) -> Result<Inputs<'d>, EngineError> {
    let mut lines: Vec<&'d Line> = doc.lines.iter().collect();
    for edit in &scenario.line_edits {
        match edit {
            LineEdit::Replace(line) => {
                let slot = lines.iter_mut().find(|l| l.id == line.id).ok_or_else(|| {
                    EngineError::UnknownLine {
                        line: line.id.clone(),
                    }
                })?;
                *slot = line;
            }
            LineEdit::Add(line) => {
                if lines.iter().any(|l| l.id == line.id) {
                    return Err(EngineError::DuplicateId {
                        kind: "line",
                        id: line.id.clone(),
                    });
                }
                lines.push(line);
            }
            LineEdit::Remove(id) => {
                let at = lines
                    .iter()
                    .position(|l| &l.id == id)
                    .ok_or_else(|| EngineError::UnknownLine { line: id.clone() })?;
                lines.remove(at);
            }
        }
    }
    let mut school = doc.school.clone();
    set_school(&mut school, scenario)?;
    let mut sources = Cow::Borrowed(doc.sources.as_slice());
    let mut norms = Cow::Borrowed(doc.norms.as_slice());
    let mut cost_changes = Vec::with_capacity(years.min(100) as usize);
    for year in 1..=years {
        let change = scenario.change_for_year(year);
        grow_school(&mut school, &change)?;
        if !change.cost_change.is_zero() {
            grow_norms(norms.to_mut(), change.cost_change)?;
        }
        if !change.rate_change.is_zero() {
            grow_rates(sources.to_mut(), change.rate_change)?;
        }
        cost_changes.push(change.cost_change);
    }
    Ok(Inputs {
        school: Cow::Owned(school),
        sources,
        norms,
        lines,
        cost_changes,
    })
}
