//! Levers, hand-computed: tiered allocations, bands, breakpoints, the worth of a form,
//! forms to the next tier, buy-backs, Norm Day and the projection's per-year changes.

mod engine_fixture;

use std::collections::BTreeMap;

use engine_fixture::*;
use rust_decimal::Decimal;
use sitebudget_core::engine::{
    breakpoint, evaluate, project, with_buy_back, EnrollmentInput, NormDay, Scenario, YearChange,
};
use sitebudget_core::model::{
    Allocation, Band, Basis, Document, Grade, Norm, Priority, Rounding, Source, Tier,
};

/// The published table: $558.75 a pupil at 99% need, $5.50 less per point below, down to 40%.
fn title1_tiers() -> Vec<Tier> {
    (40..=99)
        .map(|p: i64| Tier {
            at_least: Decimal::new(p, 2),
            // 558.75 − 5.50 × (99 − p)
            rate: d("558.75") - d("5.50") * Decimal::from(99 - p),
        })
        .collect()
}

fn title1() -> Source {
    let mut s = source(
        "title1",
        Allocation::Tiered {
            basis: Basis::Enrollment,
            tiers: title1_tiers(),
        },
    );
    s.restricted = true;
    s
}

/// `pupils` in kindergarten with this unduplicated share, Title I and a $1,100 need rate.
fn need_school(pupils: u32, pct: &str) -> Document {
    doc(
        school(&[(Grade::K, pupils)], pct, "0.95"),
        vec![title1(), per_pupil("need", "1100", Basis::Unduplicated)],
        vec![],
        vec![item("supplies", "1000", &[("need", "1")])],
    )
}

#[test]
fn the_published_title_i_table() {
    let tiers = title1_tiers();
    assert_eq!(tiers.len(), 60);
    // 558.75 − 5.50 × 59 = 234.25 at 40%; 558.75 at 99%.
    assert_eq!(tiers[0].rate, d("234.25"));
    assert_eq!(tiers[59].rate, d("558.75"));

    // 322 pupils, U = round(0.9627 × 322 = 309.99) = 310. 0.96 × 322 = 309.12 ≤ 310 but
    // 0.97 × 322 = 312.34 > 310: the 96% tier, 558.75 − 5.50 × 3 = $542.25;
    // 542.25 × 322 = 174,604.50.
    let e = evaluate(&need_school(322, "0.9627"), &Scenario::default()).unwrap();
    let t1 = e.baseline.source("title1").unwrap();
    assert_eq!(t1.allocation, d("174604.50"));
    let f = &e.levers.forms_to_tier[0];
    assert_eq!(f.rate, d("542.25"));
    // Next tier 97%: ceil(312.34) = 313, 313 − 310 = 3 forms; 547.75 × 322 = 176,375.50,
    // − 174,604.50 = 1,771.00.
    assert_eq!(f.next_rate, Some(d("547.75")));
    assert_eq!(f.forms, Some(3));
    assert_eq!(f.gain, Some(d("1771.00")));
    // One more form (311/322 = 96.6%, same tier): only the need rate moves, + $1,100.
    assert_eq!(e.levers.form_worth, Some(d("1100")));

    // 423 pupils at 64%: U = round(270.72) = 271; 0.64 × 423 = 270.72 ≤ 271 < 274.95:
    // 558.75 − 5.50 × 35 = $366.25; × 423 = 154,923.75.
    let e = evaluate(&need_school(423, "0.64"), &Scenario::default()).unwrap();
    assert_eq!(
        e.baseline.source("title1").unwrap().allocation,
        d("154923.75")
    );
    let f = &e.levers.forms_to_tier[0];
    assert_eq!(f.rate, d("366.25"));
    // 65%: ceil(274.95) = 275 → 4 forms; 371.75 × 423 = 157,250.25 − 154,923.75 = 2,326.50.
    assert_eq!(f.forms, Some(4));
    assert_eq!(f.gain, Some(d("2326.50")));
}

#[test]
fn a_form_that_crosses_a_tier_is_worth_the_whole_step() {
    // 423 pupils, U = round(0.6478 × 423 = 274.02) = 274, in the 64% tier. One more form:
    // 275 ≥ 274.95, the 65% tier: 371.75 × 423 − 366.25 × 423 = 5.50 × 423 = 2,326.50,
    // plus the need rate 1,100 = 3,426.50.
    let e = evaluate(&need_school(423, "0.6478"), &Scenario::default()).unwrap();
    assert_eq!(e.levers.form_worth, Some(d("3426.50")));
    assert_eq!(e.levers.forms_to_tier[0].forms, Some(1));
    // Every pupil counted: no more forms to return.
    let e = evaluate(&need_school(100, "1"), &Scenario::default()).unwrap();
    assert_eq!(e.levers.form_worth, None);
    // At 99% (the top tier) with room left: no next tier.
    let f = &e.levers.forms_to_tier[0];
    assert_eq!((f.next_rate, f.forms, f.gain), (None, None, None));
    // Below 40%: no tier in force, rate 0; the 40% tier is next: ceil(0.40 × 100) − 30 = 10.
    let e = evaluate(&need_school(100, "0.30"), &Scenario::default()).unwrap();
    assert_eq!(e.baseline.source("title1").unwrap().allocation, d("0"));
    let f = &e.levers.forms_to_tier[0];
    assert_eq!(f.rate, d("0"));
    assert_eq!(f.forms, Some(10));
    // 234.25 × 100 = 23,425.00.
    assert_eq!(f.gain, Some(d("23425.00")));
}

#[test]
fn rate_change_moves_every_tier_rate() {
    // +2%: 542.25 × 1.02 = 553.095 → 553.10; × 322 = 178,098.20.
    let s = Scenario {
        rate_change: d("0.02"),
        ..Scenario::default()
    };
    let e = evaluate(&need_school(322, "0.9627"), &s).unwrap();
    assert_eq!(
        e.scenario.source("title1").unwrap().allocation,
        d("178098.20")
    );
}

fn ratio(r: &str, rounding: Rounding, min: Option<&str>) -> Norm {
    let mut n = norm("n", &[Grade::K], r, "118000", rounding);
    n.min_fte = min.map(d);
    n
}

fn ap() -> Norm {
    let mut n = norm("ap", &[Grade::K], "1", "150000", Rounding::Ceil);
    n.bands = vec![
        Band {
            from: 1,
            fte: d("0.5"),
        },
        Band {
            from: 500,
            fte: d("1"),
        },
    ];
    n
}

#[test]
fn breakpoints_for_each_kind_of_norm() {
    // Ceil, 24 a position, 250 pupils: T = ceil(10.42) = 11. lose = 250 − floor(24 × 10)
    // = 10 (240 pupils give 10); gain = floor(24 × 11) + 1 − 250 = 15 (265 give 12).
    let b = breakpoint(&ratio("24", Rounding::Ceil, None), 250).unwrap();
    assert_eq!((b.fte, b.lose, b.gain), (d("11"), Some(10), Some(15)));
    // Floor, 36, 130 pupils: T = 3. Below 108 gives 2: 130 − 107 = 23; 144 gives 4: 14.
    let b = breakpoint(&ratio("36", Rounding::Floor, None), 130).unwrap();
    assert_eq!((b.fte, b.lose, b.gain), (d("3"), Some(23), Some(14)));
    // Round half up, 24, minimum 2, 40 pupils: 1.67 → 2, and nothing goes below the
    // minimum; 60 / 24 = 2.5 → 3: gain 20.
    let b = breakpoint(&ratio("24", Rounding::Round, Some("2")), 40).unwrap();
    assert_eq!((b.fte, b.lose, b.gain), (d("2"), None, Some(20)));
    // No pupils under a ceil norm: nothing to lose, one pupil gains a position.
    let b = breakpoint(&ratio("24", Rounding::Ceil, None), 0).unwrap();
    assert_eq!((b.fte, b.lose, b.gain), (d("0"), None, Some(1)));
    // Bands (0.5 from 1, 1 from 500): 512 pupils → 1 FTE; 499 give 0.5: lose 13; no gain.
    let b = breakpoint(&ap(), 512).unwrap();
    assert_eq!((b.fte, b.lose, b.gain), (d("1"), Some(13), None));
    // 480 → 0.5; only 0 pupils give less: lose 480; 500 give 1: gain 20.
    let b = breakpoint(&ap(), 480).unwrap();
    assert_eq!((b.fte, b.lose, b.gain), (d("0.5"), Some(480), Some(20)));
}

/// K pupils, a general fund of 100,000 paying a flexible 70,800 item and a 29,200
/// essential nurse, and teachers at 24 a position, 118,000 each.
fn staffed(k: u32) -> Document {
    let mut normsrc = source("norm", Allocation::Norm);
    normsrc.restricted = true;
    doc(
        school(&[(Grade::K, k)], "0.5", "0.95"),
        vec![fixed("gf", "100000"), normsrc],
        vec![norm("tk3", &[Grade::K], "24", "118000", Rounding::Ceil)],
        vec![
            norm_position("teach", "tk3", &[("norm", "1")]),
            item("supplies", "70800", &[("gf", "1")]).prio(Priority::Flexible),
            position("nurse", "1", "29200", &[("gf", "1")]),
        ],
    )
}

fn counts(k: u32) -> Scenario {
    Scenario {
        enrollment: EnrollmentInput::Counts(BTreeMap::from([(Grade::K, k)])),
        ..Scenario::default()
    }
}

#[test]
fn buy_back_prices_the_lost_teacher_and_what_the_school_can_keep() {
    let doc = staffed(240);
    // 240 → 216 pupils: ceil(240 / 24) = 10 → ceil(216 / 24) = 9 teachers.
    let s = counts(216);
    let e = evaluate(&doc, &s).unwrap();
    let bb = e.levers.buy_back("tk3").unwrap();
    assert_eq!(bb.lost, d("1"));
    // 1 × 118,000.
    assert_eq!(bb.cost, d("118000.00"));
    // gf is balanced (100,000 − 70,800 − 29,200 = 0): flexible = 0 + 70,800 (supplies).
    // 70,800 / 118,000 = 0.6, in 0.2 steps 0.6.
    assert_eq!(bb.can, d("0.6"));
    assert_eq!(bb.can_from, vec![("gf".to_string(), d("0.6"))]);
    // "Recruit 1 pupil to keep the 10th teacher": 216 + 1 = 217 → ceil(9.04) = 10.
    let b = e.levers.breakpoint("tk3").unwrap();
    assert_eq!((b.students, b.lose, b.gain), (216, Some(24), Some(1)));

    // Buying back 0.6 from gf: a protected 0.6 × 118,000 = 70,800 line; the plan cuts the
    // flexible supplies to 0 and gf closes at exactly 0, with no deficit.
    let bought = with_buy_back(&doc, &s, bb, "gf", bb.can);
    let e2 = evaluate(&doc, &bought).unwrap();
    assert!(e2.plan.deficits.is_empty(), "{:?}", e2.plan.deficits);
    let line = e2
        .scenario
        .lines
        .iter()
        .find(|l| l.id == "teach-bought-back")
        .unwrap();
    assert_eq!(line.cost, d("70800.00"));
    let cut = e2.plan.cut("supplies").unwrap();
    assert_eq!((cut.from, cut.to), (d("70800"), d("0")));
    // Buying back again replaces the first buy-back rather than adding a second.
    let again = with_buy_back(&doc, &bought, bb, "gf", d("0.4"));
    assert_eq!(again.line_edits.len(), bought.line_edits.len());
}

#[test]
fn norm_day_re_norms_positions_for_the_rest_of_the_year() {
    let doc = staffed(240);
    let s = Scenario {
        norm_day: Some(NormDay {
            // 230 enrolled in K, 14 never came: 216 counted. TK: 3 no-shows, none enrolled.
            enrollment: BTreeMap::from([(Grade::K, 230)]),
            excluded: BTreeMap::from([(Grade::K, 14), (Grade::TK, 3)]),
            remaining_share: d("0.8"),
        }),
        ..Scenario::default()
    };
    let e = evaluate(&doc, &s).unwrap();
    let nd = e.norm_day.as_ref().unwrap();
    assert_eq!(nd.counted.get(&Grade::K), Some(&216));
    assert_eq!(nd.counted.get(&Grade::TK), Some(&0));
    assert_eq!(nd.notes.len(), 1);
    assert!(nd.notes[0].contains("3 no-shows is more than the 0 enrolled"));
    let n = nd.norm("tk3").unwrap();
    // ceil(240 / 24) = 10 before, ceil(216 / 24) = 9 after.
    assert_eq!((n.students, n.before, n.after), (216, d("10"), d("9")));
    // (9 − 10) × 118,000 × 0.8 = −94,400.00.
    assert_eq!(n.dollars, d("-94400.00"));
    assert_eq!(nd.total_dollars, d("-94400.00"));
    // One more counted pupil would have kept it: 217 → ceil(9.04) = 10.
    assert_eq!(nd.breakpoints[0].gain, Some(1));
    let bb = &nd.buy_backs[0];
    // 118,000 × 0.8 = 94,400 for the rest of the year; 70,800 / 94,400 = 0.75 → 0.6.
    assert_eq!(
        (bb.lost, bb.unit_cost, bb.cost),
        (d("1"), d("94400.00"), d("94400.00"))
    );
    assert_eq!(bb.can, d("0.6"));
    // Per-pupil money stays as budgeted: the scenario is the budget itself.
    assert_eq!(e.scenario.total_allocation, e.baseline.total_allocation);
    // A share of the year outside [0, 1] is refused.
    let mut bad = s.clone();
    if let Some(nd) = bad.norm_day.as_mut() {
        nd.remaining_share = d("1.5");
    }
    assert!(evaluate(&doc, &bad).is_err());
}

#[test]
fn years_give_each_year_its_own_change_and_class_sizes() {
    let mut doc = staffed(240);
    // A second norm with no pupils in its grades: no positions, no class size.
    doc.norms
        .push(norm("g45", &[Grade::G(4)], "30", "118000", Rounding::Ceil));
    let s = Scenario {
        years: vec![
            YearChange {
                enrollment_change: d("-0.10"),
                ..YearChange::default()
            },
            YearChange {
                enrollment_change: d("-0.05"),
                cost_change: d("0.03"),
                ..YearChange::default()
            },
        ],
        ..Scenario::default()
    };
    let years = project(&doc, &s, 2).unwrap();
    // Year 1: 240 × 0.9 = 216 → 9 teachers, 216 / 9 = 24.0.
    let c = &years[0].class_sizes[0];
    assert_eq!(
        (c.students, c.positions, c.size),
        (216, d("9"), Some(d("24.0")))
    );
    assert_eq!(years[0].class_sizes[1].size, None);
    // Year 2: 216 × 0.95 = 205.2 → 205; ceil(8.54) = 9; 205 / 9 = 22.78 → 22.8.
    let c = &years[1].class_sizes[0];
    assert_eq!(
        (c.students, c.positions, c.size),
        (205, d("9"), Some(d("22.8")))
    );
    // Year 2's own 3% cost change, once: the nurse 29,200 × 1.03 = 30,076; supplies
    // 72,924; teachers 9 × 118,000 × 1.03 = 1,093,860 → 1,196,860 in all.
    assert_eq!(years[1].total_cost, d("1196860.00"));
    // Year 1 had no cost change: 9 × 118,000 + 29,200 + 70,800 = 1,162,000.
    assert_eq!(years[0].total_cost, d("1162000.00"));
    // The scenario itself is year 1.
    let e = evaluate(&doc, &s).unwrap();
    assert_eq!(e.scenario.total_cost, years[0].total_cost);
}
