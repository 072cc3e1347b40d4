//! The sample school under a 10% enrollment drop, against figures worked out by hand.
//!
//! Baseline: TK 40, K 68, 1: 70, 2: 72, 3: 68, 4: 66, 5: 64 → E = 448, U = round(0.86 × 448 =
//! 385.28) = 385. At −10%, each grade × 0.9 rounded half up: TK 36, K 61 (61.2), 1: 63,
//! 2: 65 (64.8), 3: 61 (61.2), 4: 59 (59.4), 5: 58 (57.6) → E = 403, U = round(346.58) = 347.
//! TK-3 pupils 286 → ceil(286 / 24 = 11.92) = 12 teachers (was ceil(318 / 24) = 14);
//! grades 4-5: 117 → ceil(117 / 36 = 3.25) = 4 (unchanged); the assistant principal's
//! bands (0.5 FTE from 1 pupil, 1 from 400) still give 1 FTE for 403 pupils.
//! Title I's tier: 347 ≥ 0.85 × 403 = 342.55 but < 0.90 × 403 = 362.7: still $650.
#![cfg(not(target_arch = "wasm32"))]

use rust_decimal::Decimal;
use sitebudget_core::engine::{evaluate, CutReason, EnrollmentInput, Scenario};
use sitebudget_core::io::sample::sample_document;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn ten_percent_fewer() -> Scenario {
    Scenario {
        enrollment: EnrollmentInput::Change(d("-0.10")),
        ..Scenario::default()
    }
}

#[test]
fn allocations_costs_and_balances_before_the_plan() {
    let eval = evaluate(&sample_document(), &ten_percent_fewer()).unwrap();
    let s = &eval.scenario;
    assert_eq!(s.counts.enrollment, 403);
    assert_eq!(s.counts.unduplicated, 347);
    // need: 1,100 × 347 = 381,700; title1: 650 × 347 = 225,550; norm: 16 × 118,000
    // + 1 × 190,000 = 2,078,000; gf 361,000, carry 28,000, arts 30,000 → 3,104,250.
    assert_eq!(s.source("need").unwrap().allocation, d("381700"));
    assert_eq!(s.source("title1").unwrap().allocation, d("225550"));
    assert_eq!(s.source("norm").unwrap().allocation, d("2078000"));
    assert_eq!(s.total_allocation, d("3104250"));
    // Baseline cost 3,386,800 less two TK-3 teachers (2 × 118,000) = 3,150,800.
    assert_eq!(s.total_cost, d("3150800"));
    assert_eq!(s.balance, d("-46550"));
    // need: 381,700 − 419,900 = −38,200; title1: 225,550 − 241,600 = −16,050; others unchanged.
    assert_eq!(s.source("gf").unwrap().balance, d("3800"));
    assert_eq!(s.source("need").unwrap().balance, d("-38200"));
    assert_eq!(s.source("title1").unwrap().balance, d("-16050"));
    assert_eq!(s.source("norm").unwrap().balance, d("0"));
    assert_eq!(s.source("carry").unwrap().balance, d("3500"));
    assert_eq!(s.source("arts").unwrap().balance, d("400"));
}

#[test]
fn the_cut_plan_follows_the_spec_order() {
    let eval = evaluate(&sample_document(), &ten_percent_fewer()).unwrap();
    let plan = &eval.plan;
    let lines: Vec<&str> = plan.cuts.iter().map(|c| c.line.as_str()).collect();
    // Norm first; then need (−38,200): the vacant flexible K-1 assistant goes first, both
    // 0.5 steps (21,000 is not enough, 42,000 is); then Title I (−16,050): the flexible
    // intervention assistant (cut rank 3) loses one 0.5 step (21,000 ≥ 16,050).
    assert_eq!(lines, ["teach-tk3", "ta-k1", "ta-intervention"]);
    let tk3 = plan.cut("teach-tk3").unwrap();
    assert_eq!((tk3.from, tk3.to), (d("14"), d("12")));
    assert!(tk3
        .reasons
        .iter()
        .any(|r| matches!(r, CutReason::Norm { pupils: 286, .. })));
    let k1 = plan.cut("ta-k1").unwrap();
    assert_eq!((k1.from, k1.to), (d("1"), d("0")));
    assert_eq!(k1.frees_in("need"), d("42000"));
    let ti = plan.cut("ta-intervention").unwrap();
    assert_eq!((ti.from, ti.to), (d("1"), d("0.5")));
    assert_eq!(ti.frees_in("title1"), d("21000"));
    assert!(plan.deficits.is_empty());
    // After: need −38,200 + 42,000 = 3,800; title1 −16,050 + 21,000 = 4,950; total 16,450.
    assert_eq!(eval.after.source("need").unwrap().balance, d("3800"));
    assert_eq!(eval.after.source("title1").unwrap().balance, d("4950"));
    assert_eq!(eval.after.balance, d("16450"));
}

#[test]
fn flexibility_after_the_plan() {
    let eval = evaluate(&sample_document(), &ten_percent_fewer()).unwrap();
    let f = &eval.flexibility;
    let of = |id: &str| f.sources.iter().find(|s| s.source == id).unwrap().flexible;
    // gf: 3,800 left + flexible library aide 31,200, supplies 16,000, office supplies 5,000,
    // custodial overtime 4,000 = 60,000.
    assert_eq!(of("gf"), d("60000"));
    // need: 3,800 + reading TA 10,500 + software 7,400 + field trips 14,000 (+ K-1 TA, now 0) = 35,700.
    assert_eq!(of("need"), d("35700"));
    // title1: 4,950 + intervention TA at 0.5 (21,000) + PD subs 6,000 + materials 12,000
    // + software 11,100 = 55,050.
    assert_eq!(of("title1"), d("55050"));
    assert_eq!(of("norm"), d("0"));
    // carry: 3,500 + reading TA 10,500 + Chromebooks 14,000 = 28,000; arts: 400 + 23,600 + 6,000.
    assert_eq!(of("carry"), d("28000"));
    assert_eq!(of("arts"), d("30000"));
    assert_eq!(f.flexible, d("208750"));
    // Index = 208,750 / 3,104,250.
    assert_eq!(f.index, d("208750") / d("3104250"));

    // Buy-back of the two TK-3 teachers: 2 × 118,000 = 236,000. Unrestricted flexible money
    // gf 60,000 + need 35,700 + carry 28,000 = 123,700; / 118,000 = 1.05, in the line's
    // 1-FTE steps: 1. No source alone reaches a whole teacher (60,000 < 118,000).
    let bb = eval.levers.buy_back("tk3").unwrap();
    assert_eq!((bb.lost, bb.cost, bb.can), (d("2"), d("236000"), d("1")));
    assert!(bb.can_from.iter().all(|(_, c)| c.is_zero()));
    // Breakpoints at 286 TK-3 pupils, 12 teachers: lose 286 − floor(24 × 11) = 22; gain
    // 24 × 12 + 1 − 286 = 3 (289 → 13 teachers). 403 pupils keep the assistant principal
    // at 1 FTE until 4 fewer (399 → 0.5).
    let b = eval.levers.breakpoint("tk3").unwrap();
    assert_eq!((b.lose, b.gain), (Some(22), Some(3)));
    let ap = eval.levers.breakpoint("ap").unwrap();
    assert_eq!((ap.fte, ap.lose, ap.gain), (d("1"), Some(4), None));
}

#[test]
fn the_budget_as_it_is_needs_no_cuts() {
    let eval = evaluate(&sample_document(), &Scenario::default()).unwrap();
    let b = &eval.scenario;
    // 361,000 + 423,500 + 250,250 + 2,314,000 + 28,000 + 30,000 = 3,406,750.
    assert_eq!(b.total_allocation, d("3406750"));
    assert_eq!(b.total_cost, d("3386800"));
    assert_eq!(b.balance, d("19950"));
    assert!(eval.plan.cuts.is_empty() && eval.plan.deficits.is_empty());
    // Flexible: gf 60,000; need 3,600 + 42,000 + 10,500 + 7,400 + 14,000 = 77,500;
    // title1 8,650 + 42,000 + 6,000 + 12,000 + 11,100 = 79,750; carry 28,000; arts 30,000.
    assert_eq!(eval.flexibility.flexible, d("275250"));
    assert_eq!(eval.flexibility.index, d("275250") / d("3406750"));
}
