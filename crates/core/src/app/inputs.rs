//! What-if inputs typed by the user: each box's text is read, checked against SPEC's
//! bounds in the user's units and applied to the scenario, or refused with a plain
//! message while the scenario keeps its last good value. Plain Rust so that any
//! sequence of keystrokes can be tested natively.

use std::collections::BTreeMap;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::engine::{EnrollmentInput, Scenario};
use crate::format;
use crate::model::{Document, Grade};
use crate::util::dec;
use crate::util::i18n::{tr, tr1, trf};

/// The most pupils a grade may hold (SPEC "Scenarios").
pub const MAX_GRADE_PUPILS: u32 = 100_000;

/// The largest cost or rate change accepted, as a fraction (+1,000%): a practical cap
/// so that no typed figure can overflow the engine's exact money.
pub const MAX_PRICE_CHANGE: Decimal = Decimal::TEN;

/// One What-if input box.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ScenarioField {
    /// Enrollment change in percent (number box and slider).
    EnrollmentChange,
    /// Enrollment change in pupils, kept in step with the percent.
    EnrollmentPupils,
    /// Pupils of one grade.
    Grade(Grade),
    /// Unduplicated share in percent.
    Unduplicated,
    /// Attendance rate in percent.
    Attendance,
    /// Cost change in percent.
    CostChange,
    /// Per-pupil rate change in percent.
    RateChange,
}

impl ScenarioField {
    /// The box's `data-testid` (and element id), as SPEC names them.
    pub fn testid(self) -> String {
        match self {
            Self::EnrollmentChange => "enrollment-change".into(),
            Self::EnrollmentPupils => "enrollment-pupils".into(),
            Self::Grade(g) => format!("enrollment-{g}"),
            Self::Unduplicated => "unduplicated-pct".into(),
            Self::Attendance => "attendance-rate".into(),
            Self::CostChange => "cost-change".into(),
            Self::RateChange => "rate-change".into(),
        }
    }

    /// The box's name as its label shows it.
    pub fn label(self) -> String {
        match self {
            Self::EnrollmentChange | Self::EnrollmentPupils => tr("Enrollment change"),
            Self::Grade(Grade::TK) => "TK".into(),
            Self::Grade(Grade::K) => tr("Kindergarten"),
            Self::Grade(Grade::G(n)) => tr1("Grade {n}", "n", &n),
            Self::Unduplicated => tr("Unduplicated pupils"),
            Self::Attendance => tr("Attendance rate"),
            Self::CostChange => tr("Cost change"),
            Self::RateChange => tr("Per-pupil rate change"),
        }
    }
}

/// A value refused at its box, with why in the user's units.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// The box.
    pub field: ScenarioField,
    /// What was wrong and what is allowed.
    pub message: String,
}

/// Parses a percent typed by the user (`-8`, `−8.5`, `12%`) into a fraction.
pub fn parse_percent(text: &str) -> Option<Decimal> {
    let cleaned: String = text
        .trim()
        .trim_end_matches('%')
        .replace(format::MINUS, "-")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let pct: Decimal = cleaned.parse().ok()?;
    pct.checked_div(Decimal::ONE_HUNDRED)
}

/// Reads a whole number written in plain digits with an optional sign (`-40`, `−40`, `+12`);
/// exponents, decimals and digit groups are not whole numbers as typed.
fn parse_whole(text: &str) -> Option<i64> {
    let t = text.trim().replace(format::MINUS, "-");
    let digits = t.strip_prefix(['-', '+']).unwrap_or(&t);
    if digits.is_empty() || digits.len() > 12 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

/// A fraction as the plain percent number a box shows, to at most 4 decimals:
/// `-0.08` → `-8`, `-40/448` → `-8.9286`.
pub fn percent_text(fraction: Decimal) -> String {
    let pct = dec::checked_mul(fraction, Decimal::ONE_HUNDRED)
        .unwrap_or(fraction)
        .round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero);
    format::plain(pct)
}

/// `-100` → `−100`, `100` → `+100`: a signed figure as a label writes it.
fn signed(n: i64) -> String {
    match n {
        n if n < 0 => format!("{}{}", format::MINUS, format::count(n.unsigned_abs())),
        0 => "0".into(),
        n => format!("+{}", format::count(n.unsigned_abs())),
    }
}

/// The bounds of a percent box, as fractions, and how they are said.
fn bounds(field: ScenarioField) -> (Decimal, Decimal, String) {
    let name = field.label();
    match field {
        ScenarioField::Unduplicated | ScenarioField::Attendance => (
            Decimal::ZERO,
            Decimal::ONE,
            tr1("{name} must be between 0% and 100%", "name", &name),
        ),
        ScenarioField::CostChange | ScenarioField::RateChange => (
            Decimal::NEGATIVE_ONE,
            MAX_PRICE_CHANGE,
            tr1(
                "{name} must be −100% or more (at most +1,000%)",
                "name",
                &name,
            ),
        ),
        _ => (
            Decimal::NEGATIVE_ONE,
            Decimal::ONE,
            tr1("{name} must be between −100% and +100%", "name", &name),
        ),
    }
}

/// Pupils per grade under a scenario, computed as the engine does (an enrollment change
/// rounds each grade half up), without evaluating the budget. An out-of-bounds change
/// gives the budget's counts.
pub fn scenario_grades(doc: &Document, scenario: &Scenario) -> BTreeMap<Grade, u32> {
    let mut grades = doc.school.enrollment.clone();
    match &scenario.enrollment {
        EnrollmentInput::Unchanged => {}
        EnrollmentInput::Counts(counts) => {
            for (g, n) in counts {
                grades.insert(*g, *n);
            }
        }
        EnrollmentInput::Change(c) => {
            if (Decimal::NEGATIVE_ONE..=Decimal::ONE).contains(c) {
                let factor = dec::add(Decimal::ONE, *c);
                for n in grades.values_mut() {
                    *n = dec::mul(Decimal::from(*n), factor)
                        .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
                        .to_u32()
                        .unwrap_or(*n);
                }
            }
        }
    }
    grades
}

/// The enrollment change a scenario implies, as a fraction of the budget's pupils: the
/// change itself, or for per-grade counts the change in total (0 with no pupils).
pub fn enrollment_change(doc: &Document, scenario: &Scenario) -> Decimal {
    match &scenario.enrollment {
        EnrollmentInput::Change(c) => *c,
        EnrollmentInput::Unchanged => Decimal::ZERO,
        EnrollmentInput::Counts(_) => {
            let base: u64 = doc.school.enrollment.values().map(|&n| u64::from(n)).sum();
            let now: u64 = scenario_grades(doc, scenario)
                .values()
                .map(|&n| u64::from(n))
                .sum();
            if base == 0 {
                return Decimal::ZERO;
            }
            dec::div(
                dec::sub(Decimal::from(now), Decimal::from(base)),
                Decimal::from(base),
            )
        }
    }
}

/// The enrollment change in pupils the pupils box shows: the change × the budget's
/// pupils, half up to whole pupils (the per-grade rounding may differ by a pupil or two).
pub fn enrollment_pupils(doc: &Document, scenario: &Scenario) -> i64 {
    let base: u64 = doc.school.enrollment.values().map(|&n| u64::from(n)).sum();
    enrollment_change(doc, scenario)
        .checked_mul(Decimal::from(base))
        .map(|p| p.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero))
        .and_then(|p| p.to_i64())
        .unwrap_or(0)
}

/// The scenario after `text` is typed into `field`, or why the text is refused; a
/// refused value leaves the scenario as it was.
pub fn type_into(
    doc: &Document,
    scenario: &Scenario,
    field: ScenarioField,
    text: &str,
) -> Result<Scenario, Refusal> {
    let refuse = |message: String| Refusal { field, message };
    let mut next = scenario.clone();
    match field {
        ScenarioField::Grade(grade) => {
            let message = || {
                trf(
                    "Pupils in {grade} must be a whole number from 0 to {max}",
                    &[
                        ("grade", &grade_name(grade)),
                        ("max", &format::count(u64::from(MAX_GRADE_PUPILS))),
                    ],
                )
            };
            let n = parse_whole(text)
                .and_then(|n| u32::try_from(n).ok())
                .filter(|&n| n <= MAX_GRADE_PUPILS)
                .ok_or_else(|| refuse(message()))?;
            let mut counts = scenario_grades(doc, scenario);
            counts.insert(grade, n);
            next.enrollment = EnrollmentInput::Counts(counts);
        }
        ScenarioField::EnrollmentPupils => {
            let base: u64 = doc.school.enrollment.values().map(|&n| u64::from(n)).sum();
            if base == 0 {
                return Err(refuse(tr(
                    "This school has no pupils enrolled, so there is nothing to change; \
                     set pupils per grade instead",
                )));
            }
            let limit = i64::try_from(base).unwrap_or(i64::MAX);
            let message = trf(
                "Enrollment change must be a whole number of pupils between {low} and {high} \
                 (−100% to +100%)",
                &[("low", &signed(-limit)), ("high", &signed(limit))],
            );
            let n = parse_whole(text)
                .filter(|n| (-limit..=limit).contains(n))
                .ok_or_else(|| refuse(message))?;
            // The exact fraction: −40 of 448 pupils is −40/448, not a rounded percent.
            let change = Decimal::from(n)
                .checked_div(Decimal::from(base))
                .ok_or_else(|| refuse(tr("This change cannot be computed")))?;
            next.enrollment = enrollment_from(change);
        }
        _ => {
            let (lo, hi, message) = bounds(field);
            let value = parse_percent(text).ok_or_else(|| {
                refuse(if text.trim().is_empty() {
                    tr1(
                        "Type {label} in percent, for example 5",
                        "label",
                        &field.label(),
                    )
                } else {
                    tr1(
                        "{label} must be a number of percent",
                        "label",
                        &field.label(),
                    )
                })
            })?;
            if value < lo || value > hi {
                return Err(refuse(message));
            }
            match field {
                ScenarioField::EnrollmentChange => next.enrollment = enrollment_from(value),
                ScenarioField::Unduplicated => next.unduplicated_pct = Some(value),
                ScenarioField::Attendance => next.attendance_rate = Some(value),
                ScenarioField::CostChange => next.cost_change = value,
                _ => next.rate_change = value,
            }
        }
    }
    Ok(next)
}

/// A percent change as the scenario stores it: no change is "unchanged".
fn enrollment_from(change: Decimal) -> EnrollmentInput {
    if change.is_zero() {
        EnrollmentInput::Unchanged
    } else {
        EnrollmentInput::Change(change)
    }
}

/// A grade as a sentence names it.
fn grade_name(grade: Grade) -> String {
    match grade {
        Grade::TK => "TK".into(),
        Grade::K => tr("kindergarten"),
        Grade::G(n) => tr1("grade {n}", "n", &n),
    }
}

/// The inputs of a (stored) scenario that are outside SPEC's bounds, each with its box
/// and message, so that they are shown there and can be corrected.
pub fn scenario_problems(scenario: &Scenario) -> Vec<Refusal> {
    let mut out = Vec::new();
    let mut check = |field: ScenarioField, value: Decimal| {
        let (lo, hi, message) = bounds(field);
        if value < lo || value > hi {
            out.push(Refusal { field, message });
        }
    };
    match &scenario.enrollment {
        EnrollmentInput::Change(c) => check(ScenarioField::EnrollmentChange, *c),
        EnrollmentInput::Unchanged | EnrollmentInput::Counts(_) => {}
    }
    if let Some(p) = scenario.unduplicated_pct {
        check(ScenarioField::Unduplicated, p);
    }
    if let Some(r) = scenario.attendance_rate {
        check(ScenarioField::Attendance, r);
    }
    check(ScenarioField::CostChange, scenario.cost_change);
    check(ScenarioField::RateChange, scenario.rate_change);
    if let EnrollmentInput::Counts(counts) = &scenario.enrollment {
        for (g, n) in counts {
            if *n > MAX_GRADE_PUPILS {
                out.push(Refusal {
                    field: ScenarioField::Grade(*g),
                    message: trf(
                        "Pupils in {grade} must be a whole number from 0 to {max}",
                        &[
                            ("grade", &grade_name(*g)),
                            ("max", &format::count(u64::from(MAX_GRADE_PUPILS))),
                        ],
                    ),
                });
            }
        }
    }
    out
}
