//! Properties: any sequence of edits, with any text, never panics and never yields an invalid budget.

use proptest::prelude::*;
use sitebudget_core::edit::{apply_edit, Edit, Field, Move, NewKind, Target};
use sitebudget_core::engine::evaluate;
use sitebudget_core::io::sample::sample_document;
use sitebudget_core::model::validate;
use sitebudget_core::model::{Document, Grade, Span};

const FIELDS: [Field; 36] = [
    Field::Id,
    Field::Title,
    Field::Kind,
    Field::Fte,
    Field::UnitCost,
    Field::FteStep,
    Field::Vacant,
    Field::NormLink,
    Field::Amount,
    Field::Funding,
    Field::Share(0),
    Field::Share(1),
    Field::Priority,
    Field::Tags,
    Field::CutRank,
    Field::Notes,
    Field::Restricted,
    Field::OneTime,
    Field::AllocationType,
    Field::AllocationAmount,
    Field::Rate,
    Field::Basis,
    Field::BasisGrades,
    Field::LcffBase(Span::Tk3),
    Field::Supplemental,
    Field::Concentration,
    Field::Threshold,
    Field::Allowed,
    Field::SetAsideTag(0),
    Field::SetAsideShare(0),
    Field::Grades,
    Field::StudentsPerPosition,
    Field::Rounding,
    Field::MinFte,
    Field::Enrollment(Grade::K),
    Field::UnduplicatedPct,
];

const VALUES: [&str; 24] = [
    "",
    "0",
    "1",
    "-1",
    "0.5",
    "60%",
    "1e30",
    "99999999999999999999999999999",
    "$1,234.50",
    "item",
    "position",
    "lcff",
    "per_pupil",
    "norm",
    "fixed",
    "grades",
    "true",
    "no",
    "gf 60%, need 40%",
    "need",
    "tk3",
    "K 1 2",
    "protected",
    "ceil",
];

/// An id from the document (by index) or a made-up one.
fn pick(ids: &[String], i: usize) -> String {
    ids.get(i % (ids.len() + 1))
        .cloned()
        .unwrap_or_else(|| "ghost".into())
}

fn edit(doc: &Document, kind: u8, i: usize, f: usize, value: String) -> Edit {
    let lines: Vec<String> = doc.lines.iter().map(|l| l.id.clone()).collect();
    let sources: Vec<String> = doc.sources.iter().map(|s| s.id.clone()).collect();
    let norms: Vec<String> = doc.norms.iter().map(|n| n.id.clone()).collect();
    let field = FIELDS[f % FIELDS.len()];
    let grade = Grade::ALL[i % 14];
    match kind % 16 {
        0..=3 => Edit::Set {
            target: Target::Line(pick(&lines, i)),
            field,
            value,
        },
        4 | 5 => Edit::Set {
            target: Target::Source(pick(&sources, i)),
            field,
            value,
        },
        6 => Edit::Set {
            target: Target::Norm(pick(&norms, i)),
            field,
            value,
        },
        7 => Edit::Set {
            target: Target::School,
            field,
            value,
        },
        8 => Edit::AddLine(if i.is_multiple_of(2) {
            NewKind::Position
        } else {
            NewKind::Item
        }),
        9 => Edit::DuplicateLine(pick(&lines, i)),
        10 => Edit::DeleteLine(pick(&lines, i)),
        11 => Edit::MoveLine(pick(&lines, i), [Move::Up, Move::Down, Move::To(f)][f % 3]),
        12 => Edit::AddFunding(pick(&lines, i), pick(&sources, f)),
        13 => Edit::RemoveFunding(pick(&lines, i), f % 3),
        14 => [
            Edit::AddSource,
            Edit::DeleteSource(pick(&sources, i)),
            Edit::AddNorm,
            Edit::DeleteNorm(pick(&norms, i)),
            Edit::AddGrade(grade),
            Edit::RemoveGrade(grade),
        ][f % 6]
            .clone(),
        _ => [
            Edit::AddSetAside(pick(&sources, i)),
            Edit::RemoveSetAside(pick(&sources, i), f % 2),
        ][f % 2]
            .clone(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn edits_never_panic_and_results_validate(
        steps in prop::collection::vec(
            (any::<u8>(), 0usize..40, 0usize..40, prop_oneof![
                (0usize..VALUES.len()).prop_map(|i| VALUES[i].to_owned()),
                "\\PC{0,12}",
            ]),
            1..12,
        )
    ) {
        let mut doc = sample_document();
        for (kind, i, f, value) in steps {
            let e = edit(&doc, kind, i, f, value);
            match apply_edit(&doc, &e) {
                Ok(next) => {
                    prop_assert!(validate(&next).is_ok(), "{e:?} gave an invalid budget");
                    // The engine answers too, with figures or an error.
                    let _ = evaluate(&next, &Default::default());
                    doc = next;
                }
                Err(err) => prop_assert!(!err.message.is_empty()),
            }
        }
    }
}
