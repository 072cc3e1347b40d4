//! What the editor shows: each target's fields in order, and each field's value as text.

use super::text::{self, funding, percent, plain, words};
use super::{allocation_type, basis_word, rounding_word, Field};
use crate::model::{Allocation, Basis, Line, LineKind, Norm, School, Source, Span};

/// A position's fields, in the editor's order.
const POSITION: [Field; 13] = [
    Field::Title,
    Field::Id,
    Field::Kind,
    Field::Fte,
    Field::UnitCost,
    Field::FteStep,
    Field::NormLink,
    Field::Vacant,
    Field::Funding,
    Field::Priority,
    Field::CutRank,
    Field::Tags,
    Field::Notes,
];

/// An item's fields, in the editor's order.
const ITEM: [Field; 9] = [
    Field::Title,
    Field::Id,
    Field::Kind,
    Field::Amount,
    Field::Funding,
    Field::Priority,
    Field::CutRank,
    Field::Tags,
    Field::Notes,
];

/// A norm's fields, in the editor's order.
pub const NORM_FIELDS: [Field; 8] = [
    Field::Title,
    Field::Id,
    Field::Grades,
    Field::StudentsPerPosition,
    Field::Bands,
    Field::UnitCost,
    Field::Rounding,
    Field::MinFte,
];

/// The school's own fields (pupils per grade come after them).
pub const SCHOOL_FIELDS: [Field; 4] = [
    Field::Title,
    Field::FiscalYear,
    Field::UnduplicatedPct,
    Field::AttendanceRate,
];

/// A line's fields: position or item ones between its kind and its funding.
pub fn line_fields(line: &Line) -> &'static [Field] {
    match line.kind {
        LineKind::Position(_) => &POSITION,
        LineKind::Item { .. } => &ITEM,
    }
}

/// A source's fields: the allocation rule's parameters follow its type.
pub fn source_fields(source: &Source) -> Vec<Field> {
    let mut out = vec![
        Field::Title,
        Field::Id,
        Field::Restricted,
        Field::OneTime,
        Field::AllocationType,
    ];
    match &source.allocation {
        Allocation::Fixed { .. } => out.push(Field::AllocationAmount),
        Allocation::PerPupil { basis, .. } => {
            out.extend([Field::Rate, Field::Basis]);
            if let Basis::Grades(_) = basis {
                out.push(Field::BasisGrades);
            }
        }
        Allocation::Tiered { basis, .. } => {
            out.push(Field::Basis);
            if let Basis::Grades(_) = basis {
                out.push(Field::BasisGrades);
            }
            out.push(Field::Tiers);
        }
        Allocation::Lcff(_) => {
            out.extend(Span::ALL.map(Field::LcffBase));
            out.extend([Field::Supplemental, Field::Concentration, Field::Threshold]);
        }
        Allocation::Norm => {}
    }
    out.push(Field::Allowed);
    out
}

/// A line field's text (percent fields without the sign; blank for none).
pub fn line_value(line: &Line, field: Field) -> String {
    let p = line.position();
    match field {
        Field::Title => line.title.clone(),
        Field::Id => line.id.clone(),
        Field::Kind => if p.is_some() { "position" } else { "item" }.to_owned(),
        Field::Fte => p.map(|p| plain(p.fte)).unwrap_or_default(),
        Field::UnitCost => p.and_then(|p| p.unit_cost).map(plain).unwrap_or_default(),
        Field::FteStep => p.map(|p| plain(p.fte_step)).unwrap_or_default(),
        Field::NormLink => p.and_then(|p| p.norm.clone()).unwrap_or_default(),
        Field::Vacant => line.is_vacant().to_string(),
        Field::Amount => match line.kind {
            LineKind::Item { amount } => plain(amount),
            LineKind::Position(_) => String::new(),
        },
        Field::Funding => funding(&line.funding),
        Field::Priority => line.priority.as_str().to_owned(),
        Field::CutRank => line.cut_rank.map(|r| r.to_string()).unwrap_or_default(),
        Field::Tags => words(&line.tags),
        Field::Notes => line.notes.clone().unwrap_or_default(),
        _ => String::new(),
    }
}

/// A source field's text.
pub fn source_value(source: &Source, field: Field) -> String {
    let a = &source.allocation;
    match (field, a) {
        (Field::Title, _) => source.name.clone(),
        (Field::Id, _) => source.id.clone(),
        (Field::Restricted, _) => source.restricted.to_string(),
        (Field::OneTime, _) => source.one_time.to_string(),
        (Field::AllocationType, _) => allocation_type(a).to_owned(),
        (Field::AllocationAmount, Allocation::Fixed { amount }) => plain(*amount),
        (Field::Rate, Allocation::PerPupil { rate, .. }) => plain(*rate),
        (Field::Basis, Allocation::PerPupil { basis, .. } | Allocation::Tiered { basis, .. }) => {
            basis_word(basis).to_owned()
        }
        (
            Field::BasisGrades,
            Allocation::PerPupil {
                basis: Basis::Grades(g),
                ..
            }
            | Allocation::Tiered {
                basis: Basis::Grades(g),
                ..
            },
        ) => words(g),
        (Field::Tiers, Allocation::Tiered { tiers, .. }) => text::tiers(tiers),
        (Field::LcffBase(span), Allocation::Lcff(l)) => {
            l.base.get(&span).map(|r| plain(*r)).unwrap_or_default()
        }
        (Field::Supplemental, Allocation::Lcff(l)) => percent(l.supplemental),
        (Field::Concentration, Allocation::Lcff(l)) => percent(l.concentration),
        (Field::Threshold, Allocation::Lcff(l)) => percent(l.threshold),
        (Field::Allowed, _) => source.allowed.as_deref().map(words).unwrap_or_default(),
        (Field::SetAsideTag(i), _) => source
            .set_asides
            .get(i)
            .map(|s| s.tag.clone())
            .unwrap_or_default(),
        (Field::SetAsideShare(i), _) => source
            .set_asides
            .get(i)
            .map(|s| percent(s.min_share))
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// A norm field's text.
pub fn norm_value(norm: &Norm, field: Field) -> String {
    match field {
        Field::Title => norm.title.clone(),
        Field::Id => norm.id.clone(),
        Field::Grades => words(&norm.grades),
        Field::StudentsPerPosition if norm.bands.is_empty() => plain(norm.students_per_position),
        Field::Bands => text::bands(&norm.bands),
        Field::UnitCost => plain(norm.unit_cost),
        Field::Rounding => rounding_word(norm.rounding).to_owned(),
        Field::MinFte => norm.min_fte.map(plain).unwrap_or_default(),
        _ => String::new(),
    }
}

/// A school field's text.
pub fn school_value(school: &School, field: Field) -> String {
    match field {
        Field::Title => school.name.clone(),
        Field::FiscalYear => school.fiscal_year.clone(),
        Field::UnduplicatedPct => percent(school.unduplicated_pct),
        Field::AttendanceRate => percent(school.attendance_rate),
        Field::Enrollment(g) => school
            .enrollment
            .get(&g)
            .map(|n| n.to_string())
            .unwrap_or_default(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::sample::sample_document;
    use crate::model::Grade;

    #[test]
    fn shows_the_sample_as_typed() {
        let doc = sample_document();
        let nurse = doc.lines.iter().find(|l| l.id == "nurse").unwrap();
        let shown: Vec<String> = line_fields(nurse)
            .iter()
            .map(|f| line_value(nurse, *f))
            .collect();
        assert_eq!(
            shown,
            [
                "School nurse",
                "nurse",
                "position",
                "0.6",
                "145000",
                "0.2",
                "",
                "false",
                "need 60%, gf 40%",
                "essential",
                "",
                "health",
                "Three days a week."
            ]
        );
        let subs = doc.lines.iter().find(|l| l.id == "subs").unwrap();
        assert_eq!(line_fields(subs).len(), 9);
        assert_eq!(line_value(subs, Field::Amount), "28000");
        let title1 = doc.sources.iter().find(|s| s.id == "title1").unwrap();
        let fields = source_fields(title1);
        assert_eq!(&fields[5..], [Field::Basis, Field::Tiers, Field::Allowed]);
        assert_eq!(source_value(title1, Field::Basis), "unduplicated");
        assert_eq!(source_value(title1, Field::SetAsideShare(0)), "1");
        assert_eq!(
            source_value(title1, Field::Tiers),
            "40%: 450; 50%: 500; 60%: 550; 70%: 600; 80%: 625; 85%: 650; 90%: 675; 95%: 700"
        );
        let ap = doc.norms.iter().find(|n| n.id == "ap").unwrap();
        assert_eq!(norm_value(ap, Field::Bands), "1: 0.5; 400: 1");
        assert_eq!(norm_value(ap, Field::StudentsPerPosition), "");
        assert_eq!(norm_value(&doc.norms[0], Field::Grades), "TK, K, 1, 2, 3");
        assert_eq!(norm_value(&doc.norms[0], Field::Rounding), "ceil");
        assert_eq!(school_value(&doc.school, Field::UnduplicatedPct), "86");
        assert_eq!(school_value(&doc.school, Field::Enrollment(Grade::K)), "68");
    }
}
