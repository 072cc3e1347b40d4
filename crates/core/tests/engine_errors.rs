//! Bad input gives a clear error naming what is wrong, never a panic.

mod engine_fixture;

use engine_fixture::*;
use sitebudget_core::engine::{evaluate, project, EngineError, EnrollmentInput, Scenario};
use sitebudget_core::model::{Allocation, Basis, Document, Grade, LineKind, Rounding};

fn small() -> Document {
    doc(
        school(&[(Grade::G(1), 100)], "0.5", "1"),
        vec![per_pupil("pp", "1000", Basis::Enrollment)],
        vec![],
        vec![item("x", "100", &[("pp", "1")])],
    )
}

fn huge_rate(doc: &mut Document) {
    doc.sources[0].allocation = Allocation::PerPupil {
        rate: d("10000000000000000000000000"), // 1e25
        basis: Basis::Enrollment,
    };
}

#[test]
fn a_huge_rate_overflows_into_an_error() {
    // 1e25 × 100000 pupils = 1e30 > Decimal's maximum (about 7.9e28).
    let mut document = small();
    huge_rate(&mut document);
    document.school.enrollment.insert(Grade::G(1), 100_000);
    let e = evaluate(&document, &Scenario::default()).unwrap_err();
    assert!(
        matches!(&e, EngineError::Overflow { what } if what.contains("\"pp\"")),
        "{e:?}"
    );
    assert!(e.to_string().contains("too large"));
}

#[test]
fn a_compounding_rate_change_overflows_into_an_error() {
    // 1e15 × 100 pupils = 1e17 is below the 1e18 money ceiling; × 1001 in year 1 it is not.
    let mut document = small();
    document.sources[0].allocation = Allocation::PerPupil {
        rate: d("1000000000000000"),
        basis: Basis::Enrollment,
    };
    assert!(evaluate(&document, &Scenario::default()).is_ok());
    let sc = Scenario {
        rate_change: d("1000"),
        ..Scenario::default()
    };
    assert!(matches!(
        project(&document, &sc, 5),
        Err(EngineError::Overflow { .. })
    ));
}

#[test]
fn money_above_a_billion_billion_is_refused() {
    // 1e25 × 100 pupils = 1e27 fits in a Decimal, but its cents would not add up exactly.
    let mut document = small();
    huge_rate(&mut document);
    let e = evaluate(&document, &Scenario::default()).unwrap_err();
    assert!(
        matches!(&e, EngineError::Overflow { what } if what.contains("\"pp\"")),
        "{e:?}"
    );
}

#[test]
fn zero_students_per_position_is_an_error() {
    let mut document = small();
    document.sources.push(source("norm", Allocation::Norm));
    document
        .norms
        .push(norm("n", &[Grade::G(1)], "0", "1000", Rounding::Ceil));
    let e = evaluate(&document, &Scenario::default()).unwrap_err();
    assert_eq!(e, EngineError::ZeroStudentsPerPosition { norm: "n".into() });
    assert!(e.to_string().contains("\"n\" has 0 students per position"));
}

#[test]
fn broken_lines_are_named() {
    // Shares that do not add up to 1.
    let mut document = small();
    document.lines[0].funding = funding(&[("pp", "0.5")]);
    assert_eq!(
        evaluate(&document, &Scenario::default()).unwrap_err(),
        EngineError::BadShares {
            line: "x".into(),
            total: d("0.5")
        }
    );
    // An unknown source.
    let mut document = small();
    document.lines[0].funding = funding(&[("ghost", "1")]);
    assert_eq!(
        evaluate(&document, &Scenario::default()).unwrap_err(),
        EngineError::UnknownSource {
            line: "x".into(),
            source: "ghost".into()
        }
    );
    // No funding.
    let mut document = small();
    document.lines[0].funding.clear();
    assert_eq!(
        evaluate(&document, &Scenario::default()).unwrap_err(),
        EngineError::NoFunding { line: "x".into() }
    );
    // A zero step.
    let mut document = small();
    document
        .lines
        .push(position("p", "1", "10", &[("pp", "1")]).step("0"));
    assert_eq!(
        evaluate(&document, &Scenario::default()).unwrap_err(),
        EngineError::BadStep { line: "p".into() }
    );
    // A negative FTE.
    let mut document = small();
    document
        .lines
        .push(position("p", "-1", "10", &[("pp", "1")]));
    assert!(matches!(
        evaluate(&document, &Scenario::default()).unwrap_err(),
        EngineError::Negative { what, .. } if what.contains("\"p\"")
    ));
    // An unknown norm, and a position with no unit cost at all.
    let mut document = small();
    document
        .lines
        .push(norm_position("t", "ghost", &[("pp", "1")]));
    assert_eq!(
        evaluate(&document, &Scenario::default()).unwrap_err(),
        EngineError::UnknownNorm {
            line: "t".into(),
            norm: "ghost".into()
        }
    );
    let mut document = small();
    let mut p = position("p", "1", "10", &[("pp", "1")]);
    if let LineKind::Position(pos) = &mut p.kind {
        pos.unit_cost = None;
    }
    document.lines.push(p);
    assert_eq!(
        evaluate(&document, &Scenario::default()).unwrap_err(),
        EngineError::NoUnitCost { line: "p".into() }
    );
    // Duplicate ids.
    let mut document = small();
    document.lines.push(item("x", "1", &[("pp", "1")]));
    assert_eq!(
        evaluate(&document, &Scenario::default()).unwrap_err(),
        EngineError::DuplicateId {
            kind: "line",
            id: "x".into()
        }
    );
}

#[test]
fn out_of_range_scenario_inputs_are_refused() {
    let sc = Scenario {
        enrollment: EnrollmentInput::Change(d("-1.5")),
        ..Scenario::default()
    };
    assert!(matches!(
        evaluate(&small(), &sc).unwrap_err(),
        EngineError::OutOfRange { what, .. } if what == "the enrollment change"
    ));
    let sc = Scenario {
        unduplicated_pct: Some(d("1.01")),
        ..Scenario::default()
    };
    let e = evaluate(&small(), &sc).unwrap_err();
    assert!(e.to_string().contains("between 0 and 1"), "{e}");
    // −100% is allowed: every grade goes to 0 pupils, per-pupil money to 0.
    let sc = Scenario {
        enrollment: EnrollmentInput::Change(d("-1")),
        ..Scenario::default()
    };
    let ev = evaluate(&small(), &sc).unwrap();
    assert_eq!(ev.scenario.total_allocation, d("0"));
}
