//! The sample school (samples/sample-school.json), computed by hand from the JSON.

use rust_decimal::Decimal;
use sitebudget_core::engine::{evaluate, Scenario};
use sitebudget_core::io::json::parse_document;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn sample_school_figures_match_the_hand_computation() {
    let text = include_str!("../../../samples/sample-school.json");
    let doc = parse_document(text).expect("the sample parses");
    let ev = evaluate(&doc, &Scenario::default()).expect("the sample computes");
    let s = &ev.baseline;
    // E = 40+68+70+72+68+66+64 = 448; U = round(0.86 × 448 = 385.28) = 385.
    assert_eq!((s.counts.enrollment, s.counts.unduplicated), (448, 385));
    // tk3: 40+68+70+72+68 = 318 / 24 = 13.25 → 14; g45: 66+64 = 130 / 36 = 3.61 → 4.
    assert_eq!(s.entitlement("tk3").unwrap().fte, d("14"));
    assert_eq!(s.entitlement("g45").unwrap().fte, d("4"));
    // ap by bands (0.5 from 1 pupil, 1 from 400): 448 ≥ 400 → 1.
    assert_eq!(s.entitlement("ap").unwrap().fte, d("1"));
    // Allocations: gf 361000; need 1100 × 385 = 423500; title1: 385 ≥ 0.85 × 448 = 380.8
    // but < 0.90 × 448 = 403.2, the 85% tier: 650 × 385 = 250250;
    // norm (14 + 4) × 118000 + 1 × 190000 = 2314000; carry 28000; arts 30000.
    let alloc: Vec<(&str, Decimal)> = s
        .sources
        .iter()
        .map(|x| (x.id.as_str(), x.allocation))
        .collect();
    assert_eq!(
        alloc,
        vec![
            ("gf", d("361000")),
            ("need", d("423500")),
            ("title1", d("250250")),
            ("norm", d("2314000")),
            ("carry", d("28000")),
            ("arts", d("30000")),
        ]
    );
    // Total 361000 + 423500 + 250250 + 2314000 + 28000 + 30000 = 3406750.
    assert_eq!(s.total_allocation, d("3406750"));
    // Charges by source:
    // gf: office-mgr 98000 + clerk 39000 + custodian 72000 + nurse 34800
    //     + library 31200 + subs 14000 + supplies 16000 + noon 36000 + copier 7200
    //     + office-supplies 5000 + custodial-ot 4000 = 357200 → balance 3800.
    // need: clerk 39000 + nurse 52200 + psych 60800 + counselor 132000 + ta-tk 42000
    //     + ta-k1 42000 + subs 14000 + software 7400 + field-trips 14000 + el-hours 6000
    //     + ta-reading 10500 = 419900 → balance 3600.
    // title1: intervention 118000 + ta-intervention 42000 + fec 32000 + subs-pd 6000
    //     + after-school 15000 + materials 12000 + software 11100 + parents 3000
    //     + translation 2500 = 241600 → balance 8650.
    // norm: 1652000 + 472000 + ap 190000 = 2314000 → 0. carry: 14000 + 10500 → 3500.
    // arts: music 23600 + residency 6000 → 400.
    let bal: Vec<(&str, Decimal)> = s
        .sources
        .iter()
        .map(|x| (x.id.as_str(), x.balance))
        .collect();
    assert_eq!(
        bal,
        vec![
            ("gf", d("3800")),
            ("need", d("3600")),
            ("title1", d("8650")),
            ("norm", d("0")),
            ("carry", d("3500")),
            ("arts", d("400")),
        ]
    );
    // Total cost 357200 + 419900 + 241600 + 2314000 + 24500 + 29600 = 3386800.
    assert_eq!(s.total_cost, d("3386800"));
    assert_eq!(s.balance, d("19950"));
    assert!(ev.plan.cuts.is_empty());

    let f = &ev.flexibility;
    // Flexible: gf 3800 + library 31200 + supplies 16000 + office-supplies 5000
    // + custodial-ot 4000 = 60000; need 3600 + ta-k1 42000 + software 7400
    // + field-trips 14000 + ta-reading 10500 = 77500; title1 8650 + ta-intervention 42000
    // + subs-pd 6000 + materials 12000 + software 11100 = 79750; norm 0;
    // carry 3500 + chromebooks 14000 + ta-reading 10500 = 28000; arts 400 + 23600 + 6000.
    // Total 60000 + 77500 + 79750 + 0 + 28000 + 30000 = 275250.
    assert_eq!(f.flexible, d("275250"));
    assert_eq!(f.index, d("275250") / d("3406750"));
    // The first unrestricted line whose tags Title I allows is supplies (gf):
    // min(16000, Title I's unallocated 8650) = 8650 moves.
    assert_eq!(f.swaps.len(), 1);
    assert_eq!(
        (
            f.swaps[0].line.as_str(),
            f.swaps[0].to_source.as_str(),
            f.swaps[0].amount
        ),
        ("supplies", "title1", d("8650"))
    );
    // Positions on one-time money: music on arts (23600), ta-reading on carry (10500).
    let risks: Vec<(&str, &str, Decimal)> = f
        .one_time_risks
        .iter()
        .map(|r| (r.line.as_str(), r.source.as_str(), r.charge))
        .collect();
    assert_eq!(
        risks,
        vec![
            ("music", "arts", d("23600")),
            ("ta-reading", "carry", d("10500"))
        ]
    );
    // Family engagement: 1% × 250250 = 2502.50 required; fec 32000 + parents 3000
    // + translation 2500 = 37500 spent.
    let sa = &f.compliance.set_asides[0];
    assert_eq!(
        (sa.required, sa.actual, sa.shortfall),
        (d("2502.50"), d("37500"), d("0"))
    );
    assert!(f.compliance.disallowed.is_empty());

    let l = &ev.levers;
    let bp = |id: &str| {
        let b = l.breakpoint(id).unwrap();
        (b.students, b.fte, b.lose, b.gain)
    };
    // tk3: 318 pupils, 14 teachers: lose 318 − floor(24 × 13) = 6, gain 24 × 14 + 1 − 318 = 19.
    assert_eq!(bp("tk3"), (318, d("14"), Some(6), Some(19)));
    // g45: 130 pupils, 4 teachers: lose 130 − floor(36 × 3) = 22, gain 36 × 4 + 1 − 130 = 15.
    assert_eq!(bp("g45"), (130, d("4"), Some(22), Some(15)));
    // ap: 448 pupils, 1 FTE; 399 give 0.5: lose 49; no band above: no gain.
    assert_eq!(bp("ap"), (448, d("1"), Some(49), None));
    // One more form (386 / 448 = 86.2%, same tier): need 1100 + Title I 650 = 1750.
    assert_eq!(l.form_worth, Some(d("1750")));
    // Title I's 90% tier: ceil(403.2) = 404 → 19 forms; 675 × 404 = 272700 − 250250 = 22450.
    let t = &l.forms_to_tier[0];
    assert_eq!((t.forms, t.gain), (Some(19), Some(d("22450"))));
    assert!(l.buy_backs.is_empty());
}
