//! Norm edits: fields, adding, and removing a norm no line follows.

use rust_decimal::Decimal;

use super::text::{self, decimal, money, optional};
use super::{fresh_id, name_some, no_field, Field, Step};
use crate::model::{Document, Norm, Rounding};
use crate::util::i18n::{key, tr, tr1};

/// The rounding's word in the document.
pub fn rounding_word(r: Rounding) -> &'static str {
    match r {
        Rounding::Ceil => "ceil",
        Rounding::Floor => "floor",
        Rounding::Round => "round",
    }
}

/// Sets one field of a norm from text.
pub(super) fn set(doc: &mut Document, id: &str, field: Field, value: &str) -> Step {
    let trimmed = value.trim();
    let norm = doc
        .norms
        .iter_mut()
        .find(|n| n.id == id)
        .ok_or_else(|| tr1("there is no norm `{id}`", "id", &id))?;
    match field {
        Field::Id => {
            norm.id = trimmed.to_owned();
            // Lines follow the rename.
            for line in &mut doc.lines {
                if let crate::model::LineKind::Position(p) = &mut line.kind {
                    if p.norm.as_deref() == Some(id) {
                        p.norm = Some(trimmed.to_owned());
                    }
                }
            }
        }
        Field::Title => {
            if trimmed.is_empty() {
                return Err(tr("must not be empty"));
            }
            norm.title = trimmed.to_owned();
        }
        Field::Grades => norm.grades = text::grades(value)?,
        Field::StudentsPerPosition => {
            // A ratio replaces bands: a norm gives one or the other.
            norm.students_per_position = decimal(value)?;
            norm.bands.clear();
        }
        Field::Bands => {
            norm.bands = text::bands_list(value)?;
            if !norm.bands.is_empty() {
                // The ratio is not used with bands; 1 is what reading a banded norm gives.
                norm.students_per_position = Decimal::ONE;
            }
        }
        Field::UnitCost => norm.unit_cost = money(value)?,
        Field::MinFte => norm.min_fte = optional(value, decimal)?,
        Field::Rounding => {
            norm.rounding = match trimmed {
                "ceil" => Rounding::Ceil,
                "floor" => Rounding::Floor,
                "round" => Rounding::Round,
                _ => {
                    return Err(tr1(
                        "must be ceil, floor or round, got `{trimmed}`",
                        "trimmed",
                        &trimmed,
                    ))
                }
            }
        }
        _ => return Err(no_field(key("a norm"), field)),
    }
    Ok(())
}

/// Adds a norm over the school's grades: one position per 24 pupils, $0 until costed.
pub(super) fn add(doc: &mut Document) {
    let id = fresh_id("norm", doc.norms.iter().map(|n| n.id.as_str()));
    let mut grades: Vec<_> = doc.school.enrollment.keys().copied().collect();
    if grades.is_empty() {
        grades.push(crate::model::Grade::K);
    }
    doc.norms.push(Norm {
        id,
        title: tr("New staffing norm"),
        grades,
        students_per_position: Decimal::from(24),
        unit_cost: Decimal::ZERO,
        rounding: Rounding::Ceil,
        min_fte: None,
        bands: Vec::new(),
    });
}

/// Removes a norm, unless lines follow it.
pub(super) fn delete(doc: &mut Document, id: &str) -> Step {
    let users: Vec<&str> = doc
        .lines
        .iter()
        .filter(|l| l.norm() == Some(id))
        .map(|l| l.id.as_str())
        .collect();
    if !users.is_empty() {
        return Err(tr1(
            "cannot be deleted while lines follow it: {users}; unlink them first",
            "users",
            &name_some(&users),
        ));
    }
    let before = doc.norms.len();
    doc.norms.retain(|n| n.id != id);
    if doc.norms.len() == before {
        return Err(tr1("there is no norm `{id}`", "id", &id));
    }
    Ok(())
}
