//! Hand-computed flexibility: unallocated, flexible, index, swaps, one-time risk, compliance.

mod engine_fixture;

use engine_fixture::*;
use rust_decimal::Decimal;
use sitebudget_core::engine::{
    evaluate, DisallowedUse, OneTimeRisk, Scenario, SetAsideCheck, Swap,
};
use sitebudget_core::model::{Grade, Priority};

#[test]
fn flexibility_report_by_hand() {
    // Sources: gf 100000 (unrestricted), title1 20000 (restricted: intervention,
    // family-engagement; set-aside family-engagement 5%), carry 10000 (one-time).
    let mut carry = fixed("carry", "10000");
    carry.one_time = true;
    let document = doc(
        school(&[(Grade::G(1), 100)], "0.5", "1"),
        vec![
            fixed("gf", "100000"),
            restricted(
                fixed("title1", "20000"),
                &["intervention", "family-engagement"],
                &[("family-engagement", "0.05")],
            ),
            carry,
        ],
        vec![],
        vec![
            // gf 60000, tagged intervention (a swap candidate).
            position("tutor", "1", "60000", &[("gf", "1")]).tags(&["intervention"]),
            // gf 0.5 × 40000 = 20000; flexible AND vacant: counted once.
            position("aide", "0.5", "40000", &[("gf", "1")])
                .vacant()
                .prio(Priority::Flexible),
            // gf 5000, flexible.
            item("trips", "5000", &[("gf", "1")])
                .prio(Priority::Flexible)
                .tags(&["enrichment"]),
            // carry 0.2 × 50000 = 10000, protected: a one-time risk, not flexible.
            position("coach", "0.2", "50000", &[("carry", "1")])
                .prio(Priority::Protected)
                .tags(&["coaching"]),
            // title1 15000, tagged supplies: not allowed by title1.
            item("books", "15000", &[("title1", "1")]).tags(&["supplies"]),
            // title1 400, flexible, counts toward the set-aside.
            item("parent", "400", &[("title1", "1")])
                .prio(Priority::Flexible)
                .tags(&["family-engagement"]),
        ],
    );
    let ev = evaluate(&document, &Scenario::default()).unwrap();
    assert!(ev.plan.cuts.is_empty());
    let f = &ev.flexibility;
    // Balances: gf 100000 − (60000 + 20000 + 5000) = 15000; title1 20000 − 15400 = 4600; carry 0.
    let per: Vec<(&str, bool, Decimal, Decimal)> = f
        .sources
        .iter()
        .map(|s| (s.source.as_str(), s.restricted, s.unallocated, s.flexible))
        .collect();
    assert_eq!(
        per,
        vec![
            // gf flexible = 15000 + aide 20000 (once) + trips 5000 = 40000.
            ("gf", false, d("15000"), d("40000")),
            // title1 flexible = 4600 + parent 400 = 5000.
            ("title1", true, d("4600"), d("5000")),
            // carry: nothing unallocated, coach is protected.
            ("carry", false, d("0"), d("0")),
        ]
    );
    assert_eq!(f.total_allocation, d("130000"));
    assert_eq!(f.unallocated, d("19600"));
    assert_eq!(f.flexible, d("45000"));
    // Index = 45000 / 130000 = 9/26 = 0.3461538461…, kept as an exact fraction.
    assert_eq!(f.index, Decimal::from(9) / Decimal::from(26));
    assert!((f.index * Decimal::from(26) - Decimal::from(9)).abs() < d("0.0000000000000000001"));
    // Swap: tutor (gf, intervention) can move up to title1's unallocated 4600.
    assert_eq!(
        f.swaps,
        vec![Swap {
            line: "tutor".into(),
            from_source: "gf".into(),
            to_source: "title1".into(),
            amount: d("4600"),
            frees: d("4600"),
        }]
    );
    assert_eq!(
        f.one_time_risks,
        vec![OneTimeRisk {
            line: "coach".into(),
            source: "carry".into(),
            charge: d("10000"),
        }]
    );
    // Set-aside: 0.05 × 20000 = 1000 required; parent 400 → short by 600.
    assert_eq!(
        f.compliance.set_asides,
        vec![SetAsideCheck {
            source: "title1".into(),
            tag: "family-engagement".into(),
            required: d("1000"),
            actual: d("400"),
            shortfall: d("600"),
        }]
    );
    assert_eq!(
        f.compliance.disallowed,
        vec![DisallowedUse {
            line: "books".into(),
            source: "title1".into(),
        }]
    );
}

#[test]
fn flexibility_is_measured_after_the_plan_and_is_zero_without_allocation() {
    // gf 1000, item 1500 flexible: plan cuts it to 1000 → balance 0; flexible = 0 + 1000.
    // Index 1000 / 1000 = 1.
    let document = doc(
        school(&[(Grade::G(1), 10)], "0", "1"),
        vec![fixed("gf", "1000")],
        vec![],
        vec![item("x", "1500", &[("gf", "1")]).prio(Priority::Flexible)],
    );
    let ev = evaluate(&document, &Scenario::default()).unwrap();
    assert_eq!(ev.flexibility.unallocated, d("0"));
    assert_eq!(ev.flexibility.flexible, d("1000"));
    assert_eq!(ev.flexibility.index, d("1"));
    // No allocation at all: index 0 rather than a division by zero.
    let empty = doc(
        school(&[(Grade::G(1), 10)], "0", "1"),
        vec![fixed("gf", "0")],
        vec![],
        vec![],
    );
    let ev = evaluate(&empty, &Scenario::default()).unwrap();
    assert_eq!(ev.flexibility.index, d("0"));
}

#[test]
fn a_met_set_aside_has_no_shortfall() {
    // title1 10000, 1% set-aside = 100; a 250 family-engagement item meets it.
    let document = doc(
        school(&[(Grade::G(1), 10)], "0", "1"),
        vec![restricted(
            fixed("title1", "10000"),
            &["family-engagement"],
            &[("family-engagement", "0.01")],
        )],
        vec![],
        vec![item("night", "250", &[("title1", "1")]).tags(&["family-engagement"])],
    );
    let ev = evaluate(&document, &Scenario::default()).unwrap();
    let sa = &ev.flexibility.compliance.set_asides[0];
    assert_eq!(
        (sa.required, sa.actual, sa.shortfall),
        (d("100"), d("250"), d("0"))
    );
    assert!(ev.flexibility.compliance.disallowed.is_empty());
}
