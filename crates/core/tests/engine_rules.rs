//! Hand-computed cases for the spec's "Computation" and "Scenarios" rules.

mod engine_fixture;

use std::collections::BTreeMap;

use engine_fixture::*;
use rust_decimal::Decimal;
use sitebudget_core::engine::{
    apply_scenario, evaluate, EngineError, EnrollmentInput, LineEdit, LineStatus, LineType,
    Scenario,
};
use sitebudget_core::model::{Allocation, Basis, Document, Grade, Rounding};

/// The spec's example document: gf, need, title1, norm, carry; tk3 norm; three lines.
fn spec_doc() -> Document {
    let tk3 = Grade::ALL[..5].to_vec();
    let mut carry = fixed("carry", "12000");
    carry.one_time = true;
    let mut norm_src = source("norm", Allocation::Norm);
    norm_src.restricted = true;
    let mut teach = norm_position("teach-tk3", "tk3", &[("norm", "1")]);
    if let sitebudget_core::model::LineKind::Position(p) = &mut teach.kind {
        p.unit_cost = Some(d("118000"));
    }
    doc(
        spec_school(),
        vec![
            fixed("gf", "25000"),
            per_pupil("need", "550", Basis::Unduplicated),
            restricted(
                per_pupil("title1", "700", Basis::Unduplicated),
                &["intervention", "family-engagement", "supplies"],
                &[("family-engagement", "0.01")],
            ),
            norm_src,
            carry,
        ],
        vec![norm("tk3", &tk3, "24", "118000", Rounding::Ceil)],
        vec![
            teach,
            position("nurse", "1", "145000", &[("need", "0.6"), ("gf", "0.4")]).tags(&["health"]),
            item("supplies", "18000", &[("title1", "1")])
                .prio(sitebudget_core::model::Priority::Flexible)
                .tags(&["supplies"]),
        ],
    )
}

#[test]
fn every_allocation_type_and_cost_rule() {
    // Spec school: E = 40+70+68+72+70+66+64 = 450; U = round(0.86 × 450 = 387.0) = 387;
    // ADA = 450 × 0.95 = 427.50.
    let mut nurse_norm = norm(
        "nursen",
        &Grade::ALL[..7],
        "1000",
        "145000",
        Rounding::Floor,
    );
    nurse_norm.min_fte = Some(d("0.4"));
    let document = doc(
        spec_school(),
        vec![
            fixed("gf", "25000.005"),
            per_pupil("need", "550", Basis::Unduplicated),
            per_pupil("ada", "100.005", Basis::Ada),
            per_pupil("g45", "10", Basis::Grades(vec![Grade::G(4), Grade::G(5)])),
            per_pupil("enr", "1.5", Basis::Enrollment),
            source("norm", Allocation::Norm),
        ],
        vec![
            norm("tk3", &Grade::ALL[..5], "24", "118000", Rounding::Ceil),
            nurse_norm,
        ],
        vec![
            norm_position("teach", "tk3", &[("norm", "1")]),
            norm_position("nurse", "nursen", &[("norm", "1")]),
            position(
                "coach",
                "0.333",
                "100000.05",
                &[("need", "0.6"), ("gf", "0.4")],
            ),
            item("supplies", "18000", &[("ada", "1")]),
        ],
    );
    let ev = evaluate(&document, &Scenario::default()).unwrap();
    let s = &ev.baseline;
    assert_eq!(s.counts.enrollment, 450);
    assert_eq!(s.counts.unduplicated, 387);
    assert_eq!(s.counts.ada, d("427.50"));
    // tk3: TK..3 = 40+70+68+72+70 = 320 pupils; 320 / 24 = 13.33 → ceil 14.
    // nursen: 450 / 1000 = 0.45 → floor 0 → min_fte 0.4.
    assert_eq!(s.entitlement("tk3").unwrap().pupils, 320);
    assert_eq!(s.entitlement("tk3").unwrap().fte, d("14"));
    assert_eq!(s.entitlement("nursen").unwrap().fte, d("0.4"));
    let alloc = |id: &str| s.source(id).unwrap().allocation;
    assert_eq!(alloc("gf"), d("25000.01")); // 25000.005 half up
    assert_eq!(alloc("need"), d("212850")); // 550 × 387
    assert_eq!(alloc("ada"), d("42752.14")); // 100.005 × 427.5 = 42752.1375
    assert_eq!(alloc("g45"), d("1300")); // 10 × (66 + 64)
    assert_eq!(alloc("enr"), d("675")); // 1.5 × 450
    assert_eq!(alloc("norm"), d("1710000")); // 14 × 118000 + 0.4 × 145000 = 1652000 + 58000

    // Norm-linked lines take the entitlement and the norm's unit cost.
    let teach = s.line("teach").unwrap();
    assert_eq!(teach.kind, LineType::Position);
    assert_eq!(
        (teach.fte, teach.unit_cost),
        (Some(d("14")), Some(d("118000")))
    );
    assert_eq!(teach.cost, d("1652000"));
    assert_eq!(s.line("nurse").unwrap().cost, d("58000")); // 0.4 × 145000

    // coach: 0.333 × 100000.05 = 33300.01665 → 33300.02; need 0.6 × 33300.02 = 19980.012
    // → 19980.01; gf (last entry) takes the rest 33300.02 − 19980.01 = 13320.01.
    let coach = s.line("coach").unwrap();
    assert_eq!(coach.cost, d("33300.02"));
    assert_eq!(
        coach.charges,
        vec![
            ("need".to_string(), d("19980.01")),
            ("gf".to_string(), d("13320.01"))
        ]
    );
    let supplies = s.line("supplies").unwrap();
    assert_eq!(
        (supplies.kind, supplies.amount, supplies.fte),
        (LineType::Item, Some(d("18000")), None)
    );

    // Totals: 25000.01 + 212850 + 42752.14 + 1300 + 675 + 1710000 = 1992577.15;
    // cost 1652000 + 58000 + 33300.02 + 18000 = 1761300.02; balance 231277.13.
    assert_eq!(s.total_allocation, d("1992577.15"));
    assert_eq!(s.total_cost, d("1761300.02"));
    assert_eq!(s.balance, d("231277.13"));
    // Source balances: gf 25000.01 − 13320.01 = 11680; need 212850 − 19980.01 = 192869.99;
    // ada 42752.14 − 18000 = 24752.14; g45 1300; enr 675; norm 0. Sum = 231277.13.
    let bal = |id: &str| s.source(id).unwrap().balance;
    assert_eq!(bal("gf"), d("11680.00"));
    assert_eq!(bal("need"), d("192869.99"));
    assert_eq!(bal("ada"), d("24752.14"));
    assert_eq!(bal("norm"), d("0"));
    let sum: Decimal = s.sources.iter().map(|x| x.balance).sum();
    assert_eq!(sum, s.balance);
    // No deficit, so no plan and the after-plan snapshot is the scenario.
    assert!(ev.plan.cuts.is_empty() && ev.plan.deficits.is_empty());
    assert_eq!(ev.after, ev.scenario);
}

#[test]
fn round_rule_norm_uses_half_up() {
    // 320 / 24 = 13.33 → round 13; with 324 pupils 13.5 → 14.
    let mut document = spec_doc();
    document.norms[0].rounding = Rounding::Round;
    let ev = evaluate(&document, &Scenario::default()).unwrap();
    assert_eq!(ev.baseline.entitlement("tk3").unwrap().fte, d("13"));
    document.school.enrollment.insert(Grade::TK, 44);
    let ev = evaluate(&document, &Scenario::default()).unwrap();
    assert_eq!(ev.baseline.entitlement("tk3").unwrap().fte, d("14"));
}

#[test]
fn spec_example_baseline_closes_the_general_fund() {
    // Allocations: gf 25000; need 550 × 387 = 212850; title1 700 × 387 = 270900;
    // norm 14 × 118000 = 1652000; carry 12000. Total 2172750.
    // Costs: teach 1652000; nurse 145000 (need 87000, gf 58000); supplies 18000. Total 1815000.
    let ev = evaluate(&spec_doc(), &Scenario::default()).unwrap();
    assert_eq!(ev.baseline.total_allocation, d("2172750"));
    assert_eq!(ev.baseline.total_cost, d("1815000"));
    assert_eq!(ev.baseline.balance, d("357750"));
    // gf: 25000 − 58000 = −33000. The nurse is the only cuttable line charging gf:
    // one 0.2 step saves 29000, 11600 of it in gf; 33000 / 11600 = 2.8 → 3 steps, 0.4 FTE.
    assert_eq!(ev.baseline.balance_of("gf"), d("-33000"));
    let cut = ev.plan.cut("nurse").unwrap();
    assert_eq!((cut.from, cut.to), (d("1"), d("0.4")));
    assert_eq!(cut.days_a_week, Some((d("5"), d("2"))));
    // 0.4 × 145000 = 58000: need 34800, gf 23200. Freed: need 87000 − 34800, gf 58000 − 23200.
    assert_eq!(
        cut.frees,
        vec![
            ("need".to_string(), d("52200")),
            ("gf".to_string(), d("34800"))
        ]
    );
    assert_eq!(ev.after.balance_of("gf"), d("1800")); // 25000 − 23200
    assert!(ev.plan.deficits.is_empty());
}

#[test]
fn enrollment_change_moves_per_pupil_money_and_norm_positions() {
    let scenario = Scenario {
        enrollment: EnrollmentInput::Change(d("-0.10")),
        ..Scenario::default()
    };
    let ev = evaluate(&spec_doc(), &scenario).unwrap();
    // Per grade, half up: TK 36, K 63, 1 61.2→61, 2 64.8→65, 3 63, 4 59.4→59, 5 57.6→58.
    let c = &ev.scenario.counts;
    assert_eq!(c.grades[&Grade::G(1)], 61);
    assert_eq!(c.grades[&Grade::G(2)], 65);
    assert_eq!(c.grades[&Grade::G(5)], 58);
    // E = 36+63+61+65+63+59+58 = 405; U = round(0.86 × 405 = 348.3) = 348.
    assert_eq!((c.enrollment, c.unduplicated), (405, 348));
    // tk3 pupils 288 → 288/24 = 12 FTE.
    assert_eq!(ev.scenario.entitlement("tk3").unwrap().fte, d("12"));
    // need 550 × 348 = 191400 (was 212850); norm 12 × 118000 = 1416000.
    let need = ev.source_diffs.iter().find(|s| s.source == "need").unwrap();
    assert_eq!(
        (need.baseline_allocation, need.scenario_allocation),
        (d("212850"), d("191400"))
    );
    assert_eq!(need.allocation_change(), d("-21450"));
    assert_eq!(ev.scenario.source("norm").unwrap().allocation, d("1416000"));
    // Total 25000 + 191400 + 243600 + 1416000 + 12000 = 1888000; cost 1416000 + 145000 + 18000.
    assert_eq!(ev.scenario.total_allocation, d("1888000"));
    assert_eq!(ev.scenario.total_cost, d("1579000"));
    // The norm-linked line follows: 14 → 12 FTE, a changed line.
    let teach = ev
        .line_diffs
        .iter()
        .find(|l| l.line == "teach-tk3")
        .unwrap();
    assert_eq!(teach.status, LineStatus::Changed);
    assert_eq!(
        (teach.baseline_fte, teach.scenario_fte),
        (Some(d("14")), Some(d("12")))
    );
    assert_eq!(teach.cost_change(), d("-236000"));
    let supplies = ev.line_diffs.iter().find(|l| l.line == "supplies").unwrap();
    assert_eq!(supplies.status, LineStatus::Unchanged);
}

#[test]
fn per_grade_counts_unduplicated_and_attendance() {
    let mut counts = BTreeMap::new();
    counts.insert(Grade::G(1), 20);
    let scenario = Scenario {
        enrollment: EnrollmentInput::Counts(counts),
        unduplicated_pct: Some(d("0.9")),
        attendance_rate: Some(d("0.9")),
        ..Scenario::default()
    };
    let out = apply_scenario(&spec_doc(), &scenario).unwrap();
    // Grade 1 replaced, others kept: E = 450 − 68 + 20 = 402.
    assert_eq!(out.school.enrollment[&Grade::G(1)], 20);
    assert_eq!(out.school.enrollment[&Grade::K], 70);
    let ev = evaluate(&spec_doc(), &scenario).unwrap();
    let c = &ev.scenario.counts;
    // U = round(0.9 × 402 = 361.8) = 362; ADA = 402 × 0.9 = 361.80.
    assert_eq!(
        (c.enrollment, c.unduplicated, c.ada),
        (402, 362, d("361.80"))
    );
    // need = 550 × 362 = 199100.
    assert_eq!(ev.scenario.source("need").unwrap().allocation, d("199100"));
}

#[test]
fn attendance_rate_moves_ada_money() {
    // 100 pupils, $10 per ADA: rate 0.95 → 95.00 ADA → 950; 0.915 → 91.50 → 915.
    let document = doc(
        school(&[(Grade::G(1), 100)], "0.5", "0.95"),
        vec![per_pupil("ada", "10", Basis::Ada)],
        vec![],
        vec![item("x", "100", &[("ada", "1")])],
    );
    let sc = Scenario {
        attendance_rate: Some(d("0.915")),
        ..Scenario::default()
    };
    let ev = evaluate(&document, &sc).unwrap();
    assert_eq!(ev.baseline.source("ada").unwrap().allocation, d("950"));
    assert_eq!(ev.scenario.source("ada").unwrap().allocation, d("915"));
}

#[test]
fn cost_and_rate_changes_apply_to_the_cent() {
    let scenario = Scenario {
        cost_change: d("0.03"),
        rate_change: d("0.05"),
        ..Scenario::default()
    };
    let out = apply_scenario(&spec_doc(), &scenario).unwrap();
    // Norm unit cost 118000 × 1.03 = 121540; rates 550 × 1.05 = 577.50, 700 × 1.05 = 735.
    assert_eq!(out.norms[0].unit_cost, d("121540"));
    match &out.sources[1].allocation {
        Allocation::PerPupil { rate, .. } => assert_eq!(*rate, d("577.50")),
        other => panic!("unexpected {other:?}"),
    }
    // Fixed amounts do not move.
    assert_eq!(
        out.sources[0].allocation,
        Allocation::Fixed { amount: d("25000") }
    );
    let ev = evaluate(&spec_doc(), &scenario).unwrap();
    let s = &ev.scenario;
    // nurse 145000 × 1.03 = 149350; supplies 18000 × 1.03 = 18540; teach 14 × 121540 = 1701560.
    assert_eq!(s.line("nurse").unwrap().cost, d("149350"));
    assert_eq!(s.line("supplies").unwrap().cost, d("18540"));
    assert_eq!(s.line("teach-tk3").unwrap().cost, d("1701560"));
    // need 577.50 × 387 = 223492.50; title1 735 × 387 = 284445; norm 1701560.
    assert_eq!(s.source("need").unwrap().allocation, d("223492.50"));
    assert_eq!(s.source("title1").unwrap().allocation, d("284445"));
    assert_eq!(s.source("norm").unwrap().allocation, d("1701560"));
}

#[test]
fn line_edits_change_add_and_remove() {
    let base = spec_doc();
    let mut nurse = base.lines[1].clone();
    if let sitebudget_core::model::LineKind::Position(p) = &mut nurse.kind {
        p.fte = d("0.6");
    }
    let scenario = Scenario {
        line_edits: vec![
            LineEdit::Replace(nurse),
            LineEdit::Add(item("tutoring", "5000", &[("gf", "1")])),
            LineEdit::Remove("supplies".into()),
        ],
        ..Scenario::default()
    };
    assert!(!scenario.is_baseline());
    let ev = evaluate(&base, &scenario).unwrap();
    let status = |id: &str| ev.line_diffs.iter().find(|l| l.line == id).unwrap().clone();
    // nurse 0.6 × 145000 = 87000 (was 145000).
    let n = status("nurse");
    assert_eq!(n.status, LineStatus::Changed);
    assert_eq!(
        (n.baseline_cost, n.scenario_cost),
        (d("145000"), d("87000"))
    );
    let s = status("supplies");
    assert_eq!(
        (s.status, s.scenario_cost, s.cost_change()),
        (LineStatus::Removed, d("0"), d("-18000"))
    );
    let t = status("tutoring");
    assert_eq!(
        (t.status, t.baseline_cost, t.scenario_cost),
        (LineStatus::Added, d("0"), d("5000"))
    );
    assert_eq!(status("teach-tk3").status, LineStatus::Unchanged);
    // Removed lines stay in baseline order; the added one comes last.
    let order: Vec<&str> = ev.line_diffs.iter().map(|l| l.line.as_str()).collect();
    assert_eq!(order, vec!["teach-tk3", "nurse", "supplies", "tutoring"]);
    // Total cost 1652000 + 87000 + 5000 = 1744000.
    assert_eq!(ev.scenario.total_cost, d("1744000"));
}

#[test]
fn line_edit_errors_name_the_line() {
    let bad = Scenario {
        line_edits: vec![LineEdit::Remove("ghost".into())],
        ..Scenario::default()
    };
    let e = evaluate(&spec_doc(), &bad).unwrap_err();
    assert_eq!(
        e,
        EngineError::UnknownLine {
            line: "ghost".into()
        }
    );
    assert!(e.to_string().contains("\"ghost\""));
    let dup = Scenario {
        line_edits: vec![LineEdit::Add(item("nurse", "1", &[("gf", "1")]))],
        ..Scenario::default()
    };
    assert_eq!(
        evaluate(&spec_doc(), &dup).unwrap_err(),
        EngineError::DuplicateId {
            kind: "line",
            id: "nurse".into()
        }
    );
}

#[test]
fn is_baseline_only_when_nothing_changes() {
    assert!(Scenario::default().is_baseline());
    let zero = Scenario {
        enrollment: EnrollmentInput::Change(Decimal::ZERO),
        ..Scenario::default()
    };
    assert!(zero.is_baseline());
    let cost = Scenario {
        cost_change: d("0.01"),
        ..Scenario::default()
    };
    assert!(!cost.is_baseline());
}

#[test]
fn snapshot_lookups_find_every_id() {
    let ev = evaluate(&spec_doc(), &Scenario::default()).unwrap();
    for s in &ev.baseline.sources {
        assert_eq!(ev.baseline.source(&s.id).unwrap().id, s.id);
    }
    for l in &ev.baseline.lines {
        assert_eq!(ev.baseline.line(&l.id).unwrap().id, l.id);
    }
    assert!(ev.baseline.line("nope").is_none());
    assert!(ev.baseline.source("nope").is_none());
}
