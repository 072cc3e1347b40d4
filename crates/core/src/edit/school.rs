//! School edits: name, fiscal year, pupils per grade and the two rates.

use super::text::{count, fraction};
use super::{no_field, Field, Step};
use crate::model::{Document, Grade};
use crate::util::i18n::{key, tr, tr1};

/// Sets one school field from text.
pub(super) fn set(doc: &mut Document, field: Field, value: &str) -> Step {
    let s = &mut doc.school;
    let trimmed = value.trim();
    match field {
        Field::Title => {
            if trimmed.is_empty() {
                return Err(tr("must not be empty"));
            }
            s.name = trimmed.to_owned();
        }
        Field::FiscalYear => s.fiscal_year = trimmed.to_owned(),
        Field::UnduplicatedPct => s.unduplicated_pct = fraction(value)?,
        Field::AttendanceRate => s.attendance_rate = fraction(value)?,
        Field::Enrollment(g) => {
            let n = count(value)?;
            let slot = s
                .enrollment
                .get_mut(&g)
                .ok_or_else(|| tr1("the school has no grade {g}; add it first", "g", &g))?;
            *slot = n;
        }
        _ => return Err(no_field(key("the school"), field)),
    }
    Ok(())
}

/// Adds a grade with 0 pupils.
pub(super) fn add_grade(doc: &mut Document, g: Grade) -> Step {
    if doc.school.enrollment.contains_key(&g) {
        return Err(tr1("the school already has grade {g}", "g", &g));
    }
    doc.school.enrollment.insert(g, 0);
    Ok(())
}

/// Removes a grade and its pupils.
pub(super) fn remove_grade(doc: &mut Document, g: Grade) -> Step {
    // Rebuilt rather than `remove`d: the map is tiny, and this keeps B-tree rebalancing out of the bundle.
    let before = std::mem::take(&mut doc.school.enrollment);
    let found = before.contains_key(&g);
    for (k, n) in before {
        if k != g {
            doc.school.enrollment.insert(k, n);
        }
    }
    if found {
        Ok(())
    } else {
        Err(tr1("the school has no grade {g}", "g", &g))
    }
}
