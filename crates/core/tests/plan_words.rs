//! The cut plan in plain words for the sample school at −5%, against hand-worked figures.
//!
//! At −5% each grade × 0.95 rounded half up: TK 38, K 65 (64.6), 1: 67 (66.5), 2: 68
//! (68.4), 3: 65 (64.6), 4: 63 (62.7), 5: 61 (60.8) → E = 427, U = round(0.86 × 427 =
//! 367.22) = 367. Title I: 650 × 367 = 238,550 against charges of 241,600 (intervention
//! 118,000 + assistant 42,000 + coordinator 32,000 + sub days 6,000 + tutoring 15,000 +
//! materials 12,000 + software 0.6 × 18,500 = 11,100 + workshops 3,000 + translation
//! 2,500) → −3,050. Need: 1,100 × 367 = 403,700 − 419,900 = −16,200.
#![cfg(not(target_arch = "wasm32"))]

use rust_decimal::Decimal;
use sitebudget_core::engine::{evaluate, EnrollmentInput, LineEdit, Scenario};
use sitebudget_core::io::sample::sample_document;
use sitebudget_core::model::Priority;
use sitebudget_core::view::plan_text::{cut_words_in, scenario_line, steer_toward, CutTone};

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn five_percent_fewer() -> Scenario {
    Scenario {
        enrollment: EnrollmentInput::Change(d("-0.05")),
        ..Scenario::default()
    }
}

#[test]
fn a_title_i_gap_of_3050_takes_21000_of_a_filled_assistant() {
    let (doc, sc) = (sample_document(), five_percent_fewer());
    let eval = evaluate(&doc, &sc).unwrap();
    assert_eq!(eval.scenario.source("title1").unwrap().balance, d("-3050"));
    assert_eq!(eval.scenario.source("need").unwrap().balance, d("-16200"));
    // Before: gf 3,800 + need −16,200 + Title I −3,050 + carry 3,500 + arts 400 = −11,550.
    assert_eq!(eval.scenario.balance, d("-11550"));
    // After: need −16,200 + 21,000 = 4,800; Title I −3,050 + 21,000 = 17,950 →
    // 3,800 + 4,800 + 17,950 + 3,500 + 400 = 30,450.
    assert_eq!(eval.after.balance, d("30450"));

    let cut = eval.plan.cut("ta-intervention").unwrap();
    let gap = &cut.gaps[0];
    assert_eq!((gap.gap, gap.left), (d("3050"), d("17950")));
    let w = cut_words_in(&doc, &sc, cut);
    assert_eq!(w.tone, CutTone::Job);
    assert_eq!(w.why, "Why: flexible · cut rank 3.");
    assert_eq!(
        w.job.as_deref(),
        Some("Filled position: a person's job shrinks from 1 FTE (5 days a week) to 0.5 FTE (2.5 days a week).")
    );
    assert_eq!(
        w.overshoot.as_deref(),
        Some("Frees far more than needed: Title I was $3,050 short; this cut frees $21,000 there and leaves $17,950 unspent.")
    );
    // The assistant's step is 0.5, so it also reads in days: 5 → 2.5.
    assert!(
        w.text.starts_with(
            "Teacher assistant, intervention: 1 → 0.5 FTE (5 → 2.5 days a week), frees $21,000"
        ),
        "{}",
        w.text
    );
    // Flexible Title I lines after it that could close $3,050 alone: sub days (6,000),
    // materials (12,000), software: 3,050 ÷ 0.6 = 5,083.33… → 5,083.34 off the item.
    let alts: Vec<&str> = w.alternatives.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(
        alts,
        [
            "Substitute days for teacher training −$3,050",
            "Intervention materials −$3,050",
            "Reading and math software licences −$5,083",
        ]
    );
}

#[test]
fn a_vacant_cut_says_nobody_loses_a_job_and_the_norm_is_not_a_choice() {
    let (doc, sc) = (sample_document(), five_percent_fewer());
    let eval = evaluate(&doc, &sc).unwrap();
    // Need −16,200: the vacant flexible K-1 assistant goes first, one 0.5 step of 21,000
    // leaves 4,800, which is less than the gap: not "far more".
    let w = cut_words_in(&doc, &sc, eval.plan.cut("ta-k1").unwrap());
    assert_eq!(w.tone, CutTone::Vacant);
    assert_eq!(
        w.why,
        "Why: flexible · vacant, so nobody loses a job · order in the budget."
    );
    assert_eq!((w.job, w.overshoot), (None, None));
    // TK-3 pupils 38 + 65 + 67 + 68 + 65 = 303 → ceil(12.6) = 13 teachers, was 14.
    let n = cut_words_in(&doc, &sc, eval.plan.cut("teach-tk3").unwrap());
    assert_eq!(n.tone, CutTone::Norm);
    assert!(n.why.contains("staffing norm"));
}

#[test]
fn steering_toward_an_alternative_makes_the_plan_take_it_in_this_scenario_only() {
    let (doc, sc) = (sample_document(), five_percent_fewer());
    let steered = steer_toward(&doc, &sc, "intervention-materials", "ta-intervention").unwrap();
    // The lowest rank in the sample is 1 (field trips), so materials get rank 0.
    let m = scenario_line(&doc, &steered, "intervention-materials").unwrap();
    assert_eq!(m.cut_rank, Some(0));
    assert!(
        matches!(&steered.line_edits[..], [LineEdit::Replace(l)] if l.id == "intervention-materials")
    );
    let eval = evaluate(&doc, &steered).unwrap();
    assert!(eval.plan.cut("ta-intervention").is_none());
    let c = eval.plan.cut("intervention-materials").unwrap();
    // 12,000 − 3,050 = 8,950.
    assert_eq!((c.from, c.to), (d("12000"), d("8950")));
    // The budget itself is untouched.
    assert_eq!(
        doc.lines
            .iter()
            .find(|l| l.id == "intervention-materials")
            .unwrap()
            .cut_rank,
        None
    );
    // A second steer edits the same line edit in place rather than adding another.
    let again = steer_toward(&doc, &steered, "intervention-materials", "ta-intervention").unwrap();
    assert_eq!(again.line_edits.len(), 1);
}

#[test]
fn steering_past_a_vacant_line_keeps_it_one_priority_up() {
    let (doc, sc) = (sample_document(), five_percent_fewer());
    // The clerk (essential, filled) becomes flexible with the lowest rank, but the vacant
    // K-1 assistant would still come first: it is kept as essential in this scenario.
    let steered = steer_toward(&doc, &sc, "office-clerk", "ta-k1").unwrap();
    let clerk = scenario_line(&doc, &steered, "office-clerk").unwrap();
    assert_eq!(clerk.priority, Priority::Flexible);
    let ta = scenario_line(&doc, &steered, "ta-k1").unwrap();
    assert_eq!(ta.priority, Priority::Essential);
    let eval = evaluate(&doc, &steered).unwrap();
    assert!(eval.plan.cut("ta-k1").is_none());
    // Clerk: a 0.5 step of 78,000 is 39,000, half on need: 19,500 ≥ 16,200, one step.
    let c = eval.plan.cut("office-clerk").unwrap();
    assert_eq!((c.from, c.to), (d("1"), d("0.5")));
}

#[test]
fn a_whole_plan_is_worded_as_each_cut_alone() {
    use sitebudget_core::view::plan_text::{cut_words_in, plan_words};
    let doc = sitebudget_core::io::sample::sample_document();
    let scenario = sitebudget_core::engine::Scenario {
        enrollment: sitebudget_core::engine::EnrollmentInput::Change(rust_decimal::Decimal::new(
            -10, 2,
        )),
        ..Default::default()
    };
    let eval = sitebudget_core::engine::evaluate(&doc, &scenario).unwrap();
    assert!(eval.plan.cuts.len() >= 3);
    let one_by_one: Vec<_> = eval
        .plan
        .cuts
        .iter()
        .map(|c| cut_words_in(&doc, &scenario, c))
        .collect();
    assert_eq!(
        plan_words(&doc, &scenario, &eval.plan.cuts, usize::MAX),
        one_by_one
    );
    // Only the first cut in detail: the others say what they are, without the reasons.
    let brief = plan_words(&doc, &scenario, &eval.plan.cuts, 1);
    assert_eq!(brief[0], one_by_one[0]);
    for (b, full) in brief.iter().zip(&one_by_one).skip(1) {
        assert_eq!((&b.text, b.tone), (&full.text, full.tone));
        assert!(b.why.is_empty() && b.job.is_none() && b.alternatives.is_empty());
    }
}
