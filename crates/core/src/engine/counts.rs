//! Pupil counts: total enrollment E, unduplicated U, grade spans and ADA.

use std::collections::BTreeMap;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::error::EngineError;
use super::rounding::{cents, mul, whole};
use crate::model::{Grade, School};
use crate::util::i18n::{key, tr};

/// The pupils a budget is computed from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Counts {
    /// Pupils per grade, as the school (or the scenario) gives them.
    pub grades: BTreeMap<Grade, u32>,
    /// Total enrollment `E`, the sum over grades.
    pub enrollment: u64,
    /// Unduplicated pupils `U = round_half_up(unduplicated_pct × E)`.
    pub unduplicated: u64,
    /// Average daily attendance: `E × attendance_rate`, half up to 2 decimals.
    pub ada: Decimal,
    /// The attendance rate used, kept for span ADA.
    pub attendance_rate: Decimal,
}

/// Checks that a fraction lies in [0, 1].
pub(crate) fn check_fraction(what: &str, value: Decimal) -> Result<(), EngineError> {
    if value < Decimal::ZERO || value > Decimal::ONE {
        return Err(EngineError::OutOfRange {
            what: tr(what),
            value,
            range: key("between 0 and 1"),
        });
    }
    Ok(())
}

impl Counts {
    /// Counts a school's pupils; the fractions must lie in [0, 1].
    pub fn of(school: &School) -> Result<Counts, EngineError> {
        check_fraction(key("the unduplicated share"), school.unduplicated_pct)?;
        check_fraction(key("the attendance rate"), school.attendance_rate)?;
        // 258 grades at most × u32::MAX fits in u64, but saturate rather than trust it.
        let enrollment = school
            .enrollment
            .values()
            .fold(0u64, |acc, &n| acc.saturating_add(u64::from(n)));
        let e = Decimal::from(enrollment);
        let u = whole(mul(school.unduplicated_pct, e, &|| {
            tr("the number of unduplicated pupils")
        })?);
        let unduplicated = u.to_u64().ok_or_else(|| EngineError::Overflow {
            what: tr("the number of unduplicated pupils"),
        })?;
        let ada = cents(mul(e, school.attendance_rate, &|| {
            tr("the average daily attendance")
        })?);
        Ok(Counts {
            grades: school.enrollment.clone(),
            enrollment,
            unduplicated,
            ada,
            attendance_rate: school.attendance_rate,
        })
    }

    /// Pupils in these grades, each grade counted once even if listed twice.
    pub fn in_grades(&self, grades: &[Grade]) -> u64 {
        let mut total = 0u64;
        for (i, g) in grades.iter().enumerate() {
            if grades.get(..i).is_some_and(|before| before.contains(g)) {
                continue;
            }
            total = total.saturating_add(u64::from(self.grades.get(g).copied().unwrap_or(0)));
        }
        total
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn school(pct: &str, rate: &str) -> School {
        School {
            name: "Test".into(),
            fiscal_year: "2026-27".into(),
            enrollment: [(Grade::TK, 40), (Grade::K, 70), (Grade::G(1), 68)]
                .into_iter()
                .collect(),
            unduplicated_pct: pct.parse().unwrap(),
            attendance_rate: rate.parse().unwrap(),
        }
    }

    #[test]
    fn counts_total_unduplicated_and_ada() {
        // E = 40 + 70 + 68 = 178; U = round(0.86 × 178 = 153.08) = 153;
        // ADA = 178 × 0.95 = 169.10.
        let c = Counts::of(&school("0.86", "0.95")).unwrap();
        assert_eq!(c.enrollment, 178);
        assert_eq!(c.unduplicated, 153);
        assert_eq!(c.ada, "169.10".parse().unwrap());
        // Span TK + 1 = 108; listing TK twice still counts it once.
        assert_eq!(
            c.in_grades(&[Grade::TK, Grade::G(1), Grade::TK, Grade::G(5)]),
            108
        );
    }

    #[test]
    fn unduplicated_rounds_half_up() {
        // 0.5 × 178 = 89 exactly; 0.505 × 178 = 89.89 → 90; 0.5025 × 178 = 89.445 → 89.
        assert_eq!(Counts::of(&school("0.5", "1")).unwrap().unduplicated, 89);
        assert_eq!(Counts::of(&school("0.505", "1")).unwrap().unduplicated, 90);
        assert_eq!(Counts::of(&school("0.5025", "1")).unwrap().unduplicated, 89);
    }

    #[test]
    fn fractions_outside_zero_one_are_refused() {
        assert!(matches!(
            Counts::of(&school("1.2", "0.9")),
            Err(EngineError::OutOfRange { .. })
        ));
        assert!(matches!(
            Counts::of(&school("0.5", "-0.1")),
            Err(EngineError::OutOfRange { .. })
        ));
    }
}
