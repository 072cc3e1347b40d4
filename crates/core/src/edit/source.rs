//! Source edits: fields, allocation rule and its parameters, set-asides, adding and removing.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::text::{self, boolean, fraction, money};
use super::{fresh_id, name_some, no_field, Field, Step};
use crate::model::{Allocation, Basis, Document, Lcff, SetAside, Source, Span, Tier};
use crate::util::i18n::{tr, tr1};

fn find<'d>(doc: &'d mut Document, id: &str) -> Result<&'d mut Source, String> {
    doc.sources
        .iter_mut()
        .find(|s| s.id == id)
        .ok_or_else(|| tr1("there is no source `{id}`", "id", &id))
}

/// The allocation type's word in the document.
pub fn allocation_type(a: &Allocation) -> &'static str {
    match a {
        Allocation::Fixed { .. } => "fixed",
        Allocation::PerPupil { .. } => "per_pupil",
        Allocation::Tiered { .. } => "tiered",
        Allocation::Lcff(_) => "lcff",
        Allocation::Norm => "norm",
    }
}

/// The basis's word in the document (`grades` for a list of grades).
pub fn basis_word(b: &Basis) -> &'static str {
    match b {
        Basis::Enrollment => "enrollment",
        Basis::Unduplicated => "unduplicated",
        Basis::Ada => "ada",
        Basis::Grades(_) => "grades",
    }
}

/// Sets one field of a source from text.
pub(super) fn set(doc: &mut Document, id: &str, field: Field, value: &str) -> Step {
    let grades: Vec<_> = doc.school.enrollment.keys().copied().collect();
    let trimmed = value.trim();
    if field == Field::Id {
        find(doc, id)?.id = trimmed.to_owned();
        // Lines follow the rename.
        for f in doc.lines.iter_mut().flat_map(|l| l.funding.iter_mut()) {
            if f.source == id {
                f.source = trimmed.to_owned();
            }
        }
        return Ok(());
    }
    let source = find(doc, id)?;
    match field {
        Field::Title => {
            if trimmed.is_empty() {
                return Err(tr("must not be empty"));
            }
            source.name = trimmed.to_owned();
        }
        Field::Restricted => source.restricted = boolean(value)?,
        Field::OneTime => source.one_time = boolean(value)?,
        Field::Allowed => {
            source.allowed = (!trimmed.is_empty()).then(|| text::list(value));
        }
        Field::AllocationType => {
            if trimmed != allocation_type(&source.allocation) {
                source.allocation = match trimmed {
                    "fixed" => Allocation::Fixed {
                        amount: Decimal::ZERO,
                    },
                    "per_pupil" => Allocation::PerPupil {
                        rate: Decimal::ZERO,
                        basis: Basis::Enrollment,
                    },
                    "tiered" => Allocation::Tiered {
                        basis: Basis::Unduplicated,
                        tiers: vec![Tier {
                            at_least: Decimal::ZERO,
                            rate: Decimal::ZERO,
                        }],
                    },
                    "lcff" => Allocation::Lcff(Lcff {
                        base: zero_rates(&grades),
                        supplemental: Decimal::new(20, 2),
                        concentration: Decimal::new(65, 2),
                        threshold: Decimal::new(55, 2),
                    }),
                    "norm" => Allocation::Norm,
                    _ => {
                        return Err(tr1(
                            "must be fixed, per_pupil, tiered, lcff or norm, got `{trimmed}`",
                            "trimmed",
                            &trimmed,
                        ))
                    }
                };
            }
        }
        Field::SetAsideTag(at) | Field::SetAsideShare(at) => {
            let aside = source
                .set_asides
                .get_mut(at)
                .ok_or_else(|| tr1("there is no set-aside #{at}", "at", &(at + 1)))?;
            if field == Field::SetAsideTag(at) {
                aside.tag = trimmed.to_owned();
            } else {
                aside.min_share = fraction(value)?;
            }
        }
        _ => set_allocation(&mut source.allocation, field, value, &grades)?,
    }
    Ok(())
}

/// A $0 base rate for each span the school's grades fall in.
fn zero_rates(grades: &[crate::model::Grade]) -> BTreeMap<Span, Decimal> {
    let mut base = BTreeMap::new();
    for g in grades {
        base.insert(Span::of(*g), Decimal::ZERO);
    }
    base
}

/// Sets one parameter of an allocation rule.
fn set_allocation(
    a: &mut Allocation,
    field: Field,
    value: &str,
    grades: &[crate::model::Grade],
) -> Step {
    match (a, field) {
        (Allocation::Fixed { amount }, Field::AllocationAmount) => *amount = money(value)?,
        (Allocation::PerPupil { rate, .. }, Field::Rate) => *rate = money(value)?,
        (Allocation::Tiered { tiers, .. }, Field::Tiers) => *tiers = text::tiers_list(value)?,
        (Allocation::PerPupil { basis, .. } | Allocation::Tiered { basis, .. }, Field::Basis) => {
            *basis = match value.trim() {
                "enrollment" => Basis::Enrollment,
                "unduplicated" => Basis::Unduplicated,
                "ada" => Basis::Ada,
                "grades" => Basis::Grades(grades.to_vec()),
                other => {
                    return Err(tr1(
                        "must be enrollment, unduplicated, ada or grades, got `{other}`",
                        "other",
                        &other,
                    ))
                }
            }
        }
        (
            Allocation::PerPupil { basis, .. } | Allocation::Tiered { basis, .. },
            Field::BasisGrades,
        ) => *basis = Basis::Grades(text::grades(value)?),
        (Allocation::Lcff(l), Field::LcffBase(span)) => {
            l.base.insert(span, money(value)?);
        }
        (Allocation::Lcff(l), Field::Supplemental) => l.supplemental = fraction(value)?,
        (Allocation::Lcff(l), Field::Concentration) => l.concentration = fraction(value)?,
        (Allocation::Lcff(l), Field::Threshold) => l.threshold = fraction(value)?,
        (a, field) => {
            let what = tr1("a `{a}` allocation", "a", &allocation_type(a));
            return Err(no_field(&what, field));
        }
    }
    Ok(())
}

/// Adds an unrestricted fixed source of $0 at the end.
pub(super) fn add(doc: &mut Document) {
    let id = fresh_id("source", doc.sources.iter().map(|s| s.id.as_str()));
    doc.sources.push(Source {
        id,
        name: tr("New source"),
        restricted: false,
        one_time: false,
        allocation: Allocation::Fixed {
            amount: Decimal::ZERO,
        },
        allowed: None,
        set_asides: Vec::new(),
    });
}

/// Removes a source, unless lines are funded by it.
pub(super) fn delete(doc: &mut Document, id: &str) -> Step {
    let users: Vec<&str> = doc
        .lines
        .iter()
        .filter(|l| l.funding.iter().any(|f| f.source == id))
        .map(|l| l.id.as_str())
        .collect();
    if !users.is_empty() {
        return Err(tr1(
            "cannot be deleted while lines are funded by it: {users}; change their funding first",
            "users",
            &name_some(&users),
        ));
    }
    let before = doc.sources.len();
    doc.sources.retain(|s| s.id != id);
    if doc.sources.len() == before {
        return Err(tr1("there is no source `{id}`", "id", &id));
    }
    Ok(())
}

/// Adds a set-aside: the first allowed tag (or `set-aside`) with a 0% minimum.
pub(super) fn add_set_aside(doc: &mut Document, id: &str) -> Step {
    let source = find(doc, id)?;
    let tag = source
        .allowed
        .as_ref()
        .and_then(|a| a.first().cloned())
        .unwrap_or_else(|| "set-aside".to_owned());
    source.set_asides.push(SetAside {
        tag,
        min_share: Decimal::ZERO,
    });
    Ok(())
}

/// Removes the set-aside at `at`.
pub(super) fn remove_set_aside(doc: &mut Document, id: &str, at: usize) -> Step {
    let source = find(doc, id)?;
    if at >= source.set_asides.len() {
        return Err(tr1("there is no set-aside #{at}", "at", &(at + 1)));
    }
    source.set_asides.remove(at);
    Ok(())
}
