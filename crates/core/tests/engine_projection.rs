//! A three-year projection computed by hand, compounding with rounding each year.

mod engine_fixture;

use engine_fixture::*;
use sitebudget_core::engine::{project, CutReason, EnrollmentInput, Scenario};
use sitebudget_core::model::{Allocation, Basis, Grade, Rounding};

#[test]
fn three_years_compound_enrollment_costs_and_rates() {
    // Grade 1: 100 pupils. pp 1000 per pupil; norm n1 [1] 25 per position at 100000.
    // teach follows n1; supplies 50000 and counselor 1 FTE × 40000 on pp.
    let document = doc(
        school(&[(Grade::G(1), 100)], "0.5", "1"),
        vec![
            per_pupil("pp", "1000", Basis::Enrollment),
            source("norm", Allocation::Norm),
        ],
        vec![norm("n1", &[Grade::G(1)], "25", "100000", Rounding::Ceil)],
        vec![
            norm_position("teach", "n1", &[("norm", "1")]),
            item("supplies", "50000", &[("pp", "1")]),
            position("counselor", "1", "40000", &[("pp", "1")]),
        ],
    );
    let sc = Scenario {
        enrollment: EnrollmentInput::Change(d("-0.10")),
        cost_change: d("0.03"),
        rate_change: d("0.02"),
        ..Scenario::default()
    };
    let years = project(&document, &sc, 3).unwrap();
    assert_eq!(years.len(), 3);

    // Year 1: E = 90; rate 1020 → pp 91800; n1 90/25 = 3.6 → 4 at 103000 → norm 412000.
    // Costs: teach 412000, supplies 51500, counselor 41200 → 504700. Balance −900 (all pp).
    // Plan: supplies (before counselor in document order) 51500 → 50600.
    let y1 = &years[0];
    assert_eq!(y1.year, 1);
    assert_eq!(y1.total_allocation, d("503800"));
    assert_eq!(y1.total_cost, d("504700"));
    assert_eq!(y1.balance_before_cuts, d("-900"));
    assert_eq!(y1.plan.cuts.len(), 1);
    assert_eq!(y1.plan.cuts[0].line, "supplies");
    assert_eq!(
        (y1.plan.cuts[0].from, y1.plan.cuts[0].to),
        (d("51500"), d("50600"))
    );
    assert_eq!(y1.positions_lost, d("0"));

    // Year 2: E = 90 × 0.9 = 81; rate 1020 × 1.02 = 1040.40 → pp 81 × 1040.40 = 84272.40;
    // n1 81/25 = 3.24 → 4 at 103000 × 1.03 = 106090 → 424360.
    // Costs: 424360 + supplies 53045 + counselor 42436 = 519841. Balance 508632.40 − 519841.
    let y2 = &years[1];
    assert_eq!(y2.total_allocation, d("508632.40"));
    assert_eq!(y2.total_cost, d("519841"));
    assert_eq!(y2.balance_before_cuts, d("-11208.60"));
    assert_eq!(y2.plan.cuts[0].to, d("41836.40")); // 53045 − 11208.60

    // Year 3: E = round(81 × 0.9 = 72.9) = 73; rate 1040.40 × 1.02 = 1061.208 → 1061.21;
    // pp 73 × 1061.21 = 77468.33; n1 73/25 = 2.92 → 3 at 106090 × 1.03 = 109272.70
    // → 327818.10. Costs: 327818.10 + 54636.35 + 43709.08 = 426163.53.
    // Allocation 77468.33 + 327818.10 = 405286.43; balance −20877.10.
    // Plan: teach 4 → 3 (against today's 4, reason norm with 73 pupils), then supplies
    // 54636.35 − 20877.10 = 33759.25.
    let y3 = &years[2];
    assert_eq!(y3.total_allocation, d("405286.43"));
    assert_eq!(y3.total_cost, d("426163.53"));
    assert_eq!(y3.balance_before_cuts, d("-20877.10"));
    let teach = y3.plan.cut("teach").unwrap();
    assert_eq!((teach.from, teach.to), (d("4"), d("3")));
    assert_eq!(
        teach.reasons,
        vec![CutReason::Norm {
            norm: "n1".into(),
            pupils: 73
        }]
    );
    assert_eq!(y3.plan.cut("supplies").unwrap().to, d("33759.25"));
    assert_eq!(y3.positions_lost, d("1"));
}

#[test]
fn zero_years_is_empty_and_per_grade_counts_stay() {
    let document = doc(
        school(&[(Grade::G(1), 100)], "0.5", "1"),
        vec![per_pupil("pp", "10", Basis::Enrollment)],
        vec![],
        vec![item("x", "100", &[("pp", "1")])],
    );
    assert!(project(&document, &Scenario::default(), 0)
        .unwrap()
        .is_empty());
    // Counts 50 apply from year 1 and stay: allocation 500 each year.
    let sc = Scenario {
        enrollment: EnrollmentInput::Counts([(Grade::G(1), 50)].into_iter().collect()),
        ..Scenario::default()
    };
    let years = project(&document, &sc, 3).unwrap();
    let allocs: Vec<_> = years.iter().map(|y| y.total_allocation).collect();
    assert_eq!(allocs, vec![d("500"), d("500"), d("500")]);
}
