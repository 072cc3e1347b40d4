//! Hand-computed cut plans: order, steps, item shares, split funding, merged and open deficits.

mod engine_fixture;

use engine_fixture::*;
use sitebudget_core::engine::{evaluate, CutReason, EnrollmentInput, LineType, Scenario};
use sitebudget_core::model::{Allocation, Grade, Priority, Rounding};

fn one_grade(n: u32) -> sitebudget_core::model::School {
    school(&[(Grade::G(1), n)], "0.5", "1")
}

fn deficit(source: &str) -> CutReason {
    CutReason::Deficit {
        source: source.into(),
    }
}

#[test]
fn cuts_follow_the_spec_order() {
    // gf 100000; costs d 10000 + b 20000 + c 50000 + a 30000 + e 40000 = 150000 → −50000.
    // Order: flexible (d rank 1, b rank 2) before essential (c vacant before a filled);
    // e is protected. d 10000 → 0 (40000 left), b 20000 → 0 (20000 left),
    // c: 0.2 steps of 10000, 2 steps → 0.6 FTE closes it. a is untouched.
    let document = doc(
        one_grade(100),
        vec![fixed("gf", "100000")],
        vec![],
        vec![
            item("a", "30000", &[("gf", "1")]),
            item("b", "20000", &[("gf", "1")])
                .prio(Priority::Flexible)
                .rank(2),
            position("c", "1", "50000", &[("gf", "1")]).vacant(),
            item("d", "10000", &[("gf", "1")])
                .prio(Priority::Flexible)
                .rank(1),
            position("e", "1", "40000", &[("gf", "1")]).prio(Priority::Protected),
        ],
    );
    let ev = evaluate(&document, &Scenario::default()).unwrap();
    let got: Vec<(&str, _, _)> = ev
        .plan
        .cuts
        .iter()
        .map(|c| (c.line.as_str(), c.from, c.to))
        .collect();
    assert_eq!(
        got,
        vec![
            ("d", d("10000"), d("0")),
            ("b", d("20000"), d("0")),
            ("c", d("1"), d("0.6")),
        ]
    );
    let c = ev.plan.cut("c").unwrap();
    assert_eq!(c.kind, LineType::Position);
    assert_eq!(c.reasons, vec![deficit("gf")]);
    assert_eq!(c.frees, vec![("gf".to_string(), d("20000"))]);
    assert_eq!(c.days_a_week, Some((d("5"), d("3"))));
    assert_eq!(ev.plan.cut("d").unwrap().days_a_week, None);
    assert_eq!(ev.after.balance_of("gf"), d("0"));
    assert!(ev.plan.deficits.is_empty());
    // Scenario figures are before the plan; after-plan figures reflect it.
    assert_eq!(ev.scenario.balance_of("gf"), d("-50000"));
    assert_eq!(ev.after.line("c").unwrap().fte, Some(d("0.6")));
}

#[test]
fn unranked_lines_come_after_ranked_ones() {
    // gf 0; x (unranked, first in the document) 100, y (rank 5) 100. Deficit 150:
    // y is cut first (100 → 0), then x by the remaining 50.
    let document = doc(
        one_grade(10),
        vec![fixed("gf", "50")],
        vec![],
        vec![
            item("x", "100", &[("gf", "1")]),
            item("y", "100", &[("gf", "1")]).rank(5),
        ],
    );
    let ev = evaluate(&document, &Scenario::default()).unwrap();
    let got: Vec<(&str, _)> = ev
        .plan
        .cuts
        .iter()
        .map(|c| (c.line.as_str(), c.to))
        .collect();
    assert_eq!(got, vec![("y", d("0")), ("x", d("50"))]);
}

#[test]
fn last_step_may_be_smaller_to_reach_zero() {
    // A 0.5 FTE position with a 0.2 step costs 50000 (100000 per FTE); gf 0:
    // steps 0.5 → 0.3 → 0.1 → 0 (the last step is 0.1). Nothing left, deficit 0.
    let document = doc(
        one_grade(10),
        vec![fixed("gf", "0")],
        vec![],
        vec![position("p", "0.5", "100000", &[("gf", "1")])],
    );
    let ev = evaluate(&document, &Scenario::default()).unwrap();
    let p = ev.plan.cut("p").unwrap();
    assert_eq!((p.from, p.to), (d("0.5"), d("0")));
    assert_eq!(p.days_a_week, Some((d("2.5"), d("0"))));
    assert!(ev.plan.deficits.is_empty());
}

#[test]
fn item_cut_is_deficit_over_share_rounded_up() {
    // prog 50000: title1 0.3 (15000), gf 0.7 (35000). title1 has 10000 → −5000.
    // Cut = ceil_cent(5000 / 0.3 = 16666.666…) = 16666.67 → 33333.33.
    // title1 = round(33333.33 × 0.3 = 9999.999) = 10000.00; gf takes the rest 23333.33.
    // Freed: title1 15000 − 10000 = 5000; gf 35000 − 23333.33 = 11666.67 (sum 16666.67).
    let document = doc(
        one_grade(10),
        vec![fixed("title1", "10000"), fixed("gf", "100000")],
        vec![],
        vec![item("prog", "50000", &[("title1", "0.3"), ("gf", "0.7")])],
    );
    let ev = evaluate(&document, &Scenario::default()).unwrap();
    let c = ev.plan.cut("prog").unwrap();
    assert_eq!(
        (c.kind, c.from, c.to),
        (LineType::Item, d("50000"), d("33333.33"))
    );
    assert_eq!(
        c.frees,
        vec![
            ("title1".to_string(), d("5000.00")),
            ("gf".to_string(), d("11666.67"))
        ]
    );
    assert_eq!(c.freed(), d("16666.67"));
    assert_eq!(ev.after.balance_of("title1"), d("0"));
    assert_eq!(ev.after.balance_of("gf"), d("76666.67")); // 100000 − 23333.33
}

#[test]
fn split_funded_position_frees_money_in_both_sources() {
    // nurse 1 FTE × 145000: need 0.6 → 87000, gf 0.4 → 58000. need has 60000 → −27000;
    // gf has 70000 → +12000. One 0.2 step: 0.8 × 145000 = 116000, need 69600 → −9600.
    // Two steps: 0.6 × 145000 = 87000, need 52200 → +7800. So 1 → 0.6 (5 → 3 days).
    // Freed: need 87000 − 52200 = 34800; gf 58000 − 34800 = 23200; sum 58000 = 145000 − 87000.
    let document = doc(
        one_grade(10),
        vec![fixed("need", "60000"), fixed("gf", "70000")],
        vec![],
        vec![position(
            "nurse",
            "1",
            "145000",
            &[("need", "0.6"), ("gf", "0.4")],
        )],
    );
    let ev = evaluate(&document, &Scenario::default()).unwrap();
    let c = ev.plan.cut("nurse").unwrap();
    assert_eq!((c.from, c.to), (d("1"), d("0.6")));
    assert_eq!(c.days_a_week, Some((d("5"), d("3"))));
    assert_eq!(c.reasons, vec![deficit("need")]);
    assert_eq!(
        c.frees,
        vec![
            ("need".to_string(), d("34800")),
            ("gf".to_string(), d("23200"))
        ]
    );
    assert_eq!(ev.after.balance_of("need"), d("7800"));
    assert_eq!(ev.after.balance_of("gf"), d("35200")); // 70000 − 34800
}

#[test]
fn one_line_cut_for_two_sources_is_one_cut_with_both_reasons() {
    // need 60000, gf 30000; nurse as above (need 87000, gf 58000), books 10000 on gf.
    // need first: nurse 1 → 0.6 (need 52200, gf 34800); gf = 30000 − 34800 − 10000 = −14800.
    // gf next: nurse comes before books (same priority and vacancy, no rank, earlier line).
    // 0.4 FTE: 58000 → gf 23200 → 30000 − 33200 = −3200, not enough;
    // 0.2 FTE: 29000 → need 17400, gf 11600 → 30000 − 21600 = +8400. Nurse ends at 0.2 (1 day).
    // Merged: from 1 to 0.2; freed need 87000 − 17400 = 69600, gf 58000 − 11600 = 46400.
    let document = doc(
        one_grade(10),
        vec![fixed("need", "60000"), fixed("gf", "30000")],
        vec![],
        vec![
            position("nurse", "1", "145000", &[("need", "0.6"), ("gf", "0.4")]),
            item("books", "10000", &[("gf", "1")]),
        ],
    );
    let ev = evaluate(&document, &Scenario::default()).unwrap();
    assert_eq!(ev.plan.cuts.len(), 1);
    let c = &ev.plan.cuts[0];
    assert_eq!((c.line.as_str(), c.from, c.to), ("nurse", d("1"), d("0.2")));
    assert_eq!(c.reasons, vec![deficit("need"), deficit("gf")]);
    assert_eq!(c.days_a_week, Some((d("5"), d("1"))));
    assert_eq!(
        c.frees,
        vec![
            ("need".to_string(), d("69600")),
            ("gf".to_string(), d("46400"))
        ]
    );
    assert_eq!(ev.after.balance_of("need"), d("42600")); // 60000 − 17400
    assert_eq!(ev.after.balance_of("gf"), d("8400"));
    assert_eq!(ev.after.line("books").unwrap().cost, d("10000"));
}

#[test]
fn protected_lines_make_a_deficit_impossible_to_close() {
    // gf 50000; principal 1 FTE × 150000 protected; supplies 5000 flexible.
    // Balance −105000; supplies → 0 frees 5000; 100000 remains, held by the principal.
    let document = doc(
        one_grade(10),
        vec![fixed("gf", "50000")],
        vec![],
        vec![
            position("principal", "1", "150000", &[("gf", "1")]).prio(Priority::Protected),
            item("supplies", "5000", &[("gf", "1")]).prio(Priority::Flexible),
        ],
    );
    let ev = evaluate(&document, &Scenario::default()).unwrap();
    assert_eq!(ev.plan.cuts.len(), 1);
    assert_eq!(ev.plan.cut("supplies").unwrap().to, d("0"));
    assert!(ev.plan.cut("principal").is_none());
    let def = ev.plan.deficit("gf").unwrap();
    assert_eq!(def.amount, d("100000"));
    assert_eq!(def.commitments.len(), 1);
    let c = &def.commitments[0];
    assert_eq!(
        (c.line.as_str(), c.charge, c.norm_linked),
        ("principal", d("150000"), false)
    );
    assert_eq!(ev.after.balance_of("gf"), d("-100000"));
}

#[test]
fn norm_linked_commitments_hold_a_norm_deficit() {
    // tk3 grades [1], 100 pupils / 25 = 4 FTE at the norm's 118000 → norm allocation 472000.
    // The line charges its own 120000: 4 × 120000 = 480000 → −8000, nothing to cut.
    let mut teach = norm_position("teach", "tk3", &[("norm", "1")]);
    if let sitebudget_core::model::LineKind::Position(p) = &mut teach.kind {
        p.unit_cost = Some(d("120000"));
    }
    let document = doc(
        one_grade(100),
        vec![source("norm", Allocation::Norm)],
        vec![norm("tk3", &[Grade::G(1)], "25", "118000", Rounding::Ceil)],
        vec![teach],
    );
    let ev = evaluate(&document, &Scenario::default()).unwrap();
    let def = ev.plan.deficit("norm").unwrap();
    assert_eq!(def.amount, d("8000"));
    assert_eq!(def.commitments[0].line, "teach");
    assert_eq!(def.commitments[0].charge, d("480000"));
    assert!(def.commitments[0].norm_linked);
}

#[test]
fn norm_reduction_is_a_cut_with_reason_norm() {
    // 100 pupils in grade 1 / 25 = 4 FTE; 10% fewer → 90 / 25 = 3.6 → ceil 4 (no cut);
    // 20% fewer → 80 / 25 = 3.2 → 4 still; 30% fewer → 70 / 25 = 2.8 → 3: a 4 → 3 cut.
    // Freed in norm: 118000 (one position at the norm's cost). Norm balance stays 0.
    let document = doc(
        one_grade(100),
        vec![source("norm", Allocation::Norm)],
        vec![norm("tk3", &[Grade::G(1)], "25", "118000", Rounding::Ceil)],
        vec![norm_position("teach", "tk3", &[("norm", "1")])],
    );
    let sc = |c: &str| Scenario {
        enrollment: EnrollmentInput::Change(d(c)),
        ..Scenario::default()
    };
    assert!(evaluate(&document, &sc("-0.10"))
        .unwrap()
        .plan
        .cuts
        .is_empty());
    let ev = evaluate(&document, &sc("-0.30")).unwrap();
    assert_eq!(ev.plan.cuts.len(), 1);
    let c = &ev.plan.cuts[0];
    assert_eq!((c.from, c.to), (d("4"), d("3")));
    assert_eq!(
        c.reasons,
        vec![CutReason::Norm {
            norm: "tk3".into(),
            pupils: 70
        }]
    );
    assert_eq!(c.frees, vec![("norm".to_string(), d("118000"))]);
    assert_eq!(c.days_a_week, None); // more than 1 FTE
    assert_eq!(ev.plan.positions_lost(), d("1"));
    assert_eq!(ev.scenario.balance_of("norm"), d("0"));
    // More pupils raise the entitlement: an increase is not a cut.
    assert!(evaluate(&document, &sc("0.30"))
        .unwrap()
        .plan
        .cuts
        .is_empty());
}

#[test]
fn scenario_plan_combines_norm_and_deficit_cuts() {
    // 100 pupils, pp 1000 per pupil (100000); nurse 1 FTE × 80000 and program 15000 on pp.
    // Norm tk3 [1] / 25 → 4 FTE. 30% fewer: 70 pupils → pp 70000; norm 3 FTE (cut 4 → 3).
    // pp: 70000 − 95000 = −25000. program (flexible) 15000 → 0, then nurse:
    // 0.2 step = 16000; 10000 left → 1 step → 0.8 FTE (pp 64000 → +6000).
    let document = doc(
        one_grade(100),
        vec![
            per_pupil("pp", "1000", sitebudget_core::model::Basis::Enrollment),
            source("norm", Allocation::Norm),
        ],
        vec![norm("tk3", &[Grade::G(1)], "25", "118000", Rounding::Ceil)],
        vec![
            norm_position("teach", "tk3", &[("norm", "1")]),
            position("nurse", "1", "80000", &[("pp", "1")]),
            item("program", "15000", &[("pp", "1")]).prio(Priority::Flexible),
        ],
    );
    let sc = Scenario {
        enrollment: EnrollmentInput::Change(d("-0.3")),
        ..Scenario::default()
    };
    let ev = evaluate(&document, &sc).unwrap();
    let got: Vec<(&str, _, _)> = ev
        .plan
        .cuts
        .iter()
        .map(|c| (c.line.as_str(), c.from, c.to))
        .collect();
    assert_eq!(
        got,
        vec![
            ("teach", d("4"), d("3")),
            ("program", d("15000"), d("0")),
            ("nurse", d("1"), d("0.8")),
        ]
    );
    assert_eq!(ev.after.balance_of("pp"), d("6000"));
    // Positions lost: 1 teacher + 0.2 nurse.
    assert_eq!(ev.plan.positions_lost(), d("1.2"));
}
