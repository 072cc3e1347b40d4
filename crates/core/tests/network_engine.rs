//! The network's figures, computed by hand on the three-school fixture that the
//! end-to-end test opens (tests/e2e/fixtures/network, EXPECTED.md there), plus the
//! network totals: sums, and per-pupil, shares and the index from the sums.

use rust_decimal::Decimal;
use std::rc::Rc;

use sitebudget_core::engine::{
    network_total, school_row, NetworkRows, NetworkScenario, NetworkTotal, PreparedSchool,
    SchoolRow,
};
use sitebudget_core::io::network::read_network;
use sitebudget_core::io::parse_document;
use sitebudget_core::model::{Document, Norm, Rounding, SchoolEntry};

const ALDER: &str = include_str!("../../../tests/e2e/fixtures/network/schools/alder.json");
const BIRCH: &str = include_str!("../../../tests/e2e/fixtures/network/schools/birch.json");
const NETWORK: &str = include_str!("../../../tests/e2e/fixtures/network/network.json");

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn alder() -> Document {
    parse_document(ALDER).unwrap()
}

fn birch() -> Document {
    parse_document(BIRCH).unwrap()
}

/// Cedar, the inline school of the fixture network (no pupils).
fn cedar() -> Document {
    let file = read_network(NETWORK).unwrap();
    match &file.schools[2] {
        SchoolEntry::Inline(Ok(doc)) => doc.clone(),
        other => panic!("Cedar should be inline and valid, got {other:?}"),
    }
}

fn row(doc: &Document, change: &str) -> SchoolRow {
    school_row(doc, d(change)).unwrap()
}

#[test]
fn alder_as_budgeted() {
    // E = 50 + 50 = 100; U = 0.8 × 100 = 80.
    // Allocation: gf 100,000 + need 500 × 80 = 40,000 + Title I 200 × 80 = 16,000 + norm
    // ceil(100 / 25) = 4 teachers × 100,000 = 400,000 → 556,000. Restricted: Title I
    // and norm, 416,000 ÷ 556,000 = 0.74820… → 0.7482. Per pupil 556,000 ÷ 100 = 5,560.
    // Balances: gf 100,000 − aide 50,000 − counselor's half 30,000 − books 10,000 =
    // 10,000; need 40,000 − 30,000 = 10,000; Title I 16,000 − 15,000 = 1,000; norm 0
    // → 21,000, no cuts. Flexible: unallocated 21,000 + counselor 60,000 + supplies
    // 15,000 + books 10,000 = 106,000; index 106,000 ÷ 556,000.
    // Breakpoint: ceil norm, r = 25, S = 100, T = 4: lose = 100 − floor(25 × 3) = 25.
    let r = row(&alder(), "0");
    assert_eq!(r.pupils, 100);
    assert_eq!(r.unduplicated, 80);
    assert_eq!(r.unduplicated_share, d("0.8"));
    assert_eq!(r.allocation, d("556000"));
    assert_eq!(r.restricted_allocation, d("416000"));
    assert_eq!(r.per_pupil, Some(d("5560.00")));
    assert_eq!(r.restricted_share, Some(d("0.7482")));
    assert_eq!(r.balance, d("21000"));
    assert_eq!(r.cut_fte, d("0"));
    assert_eq!(r.deficit, d("0"));
    assert_eq!(r.flexible, d("106000"));
    assert_eq!(r.flex_index, d("106000") / d("556000"));
    assert_eq!(r.lose, Some(25));
}

#[test]
fn alder_ten_percent_fewer_cuts_an_item_and_counts_no_fte() {
    // Each grade 50 × 0.9 = 45 → E = 90, U = round(0.8 × 90 = 72) = 72.
    // need 500 × 72 = 36,000; Title I 200 × 72 = 14,400; norm ceil(90 / 25 = 3.6) = 4
    // teachers, 400,000 (no norm reduction); allocation 100,000 + 36,000 + 14,400 +
    // 400,000 = 550,400. Balances: gf 10,000; need 36,000 − 30,000 = 6,000; Title I
    // 14,400 − 15,000 = −600; norm 0 → 15,400 before cuts.
    // The plan cuts the supplies item by 600 (to 14,400): an item, so no FTE is cut,
    // and nothing is left missing.
    // Flexible after: unallocated 10,000 + 6,000 + counselor 60,000 + supplies 14,400 +
    // books 10,000 = 100,400; index 100,400 ÷ 550,400.
    // Per pupil 550,400 ÷ 90 = 6,115.555… → 6,115.56; restricted 414,400 ÷ 550,400 =
    // 0.75290… → 0.7529. lose = 90 − floor(25 × 3) = 15.
    let r = row(&alder(), "-0.10");
    assert_eq!((r.pupils, r.unduplicated), (90, 72));
    assert_eq!(r.allocation, d("550400"));
    assert_eq!(r.per_pupil, Some(d("6115.56")));
    assert_eq!(r.restricted_share, Some(d("0.7529")));
    assert_eq!(r.balance, d("15400"));
    assert_eq!(r.cut_fte, d("0"));
    assert_eq!(r.deficit, d("0"));
    assert_eq!(r.flexible, d("100400"));
    assert_eq!(r.flex_index, d("100400") / d("550400"));
    assert_eq!(r.lose, Some(15));
}

#[test]
fn alder_recruiting_gains_a_teacher() {
    // +5%: 50 × 1.05 = 52.5 → 53 per grade, E = 106, U = round(84.8) = 85.
    // need 42,500; Title I 17,000; norm ceil(106 / 25 = 4.24) = 5 teachers, 500,000;
    // allocation 100,000 + 42,500 + 17,000 + 500,000 = 659,500, per pupil 659,500 ÷ 106
    // = 6,221.698… → 6,221.70; restricted 517,000 ÷ 659,500 = 0.78392… → 0.7839.
    // Balances gf 10,000 + need 12,500 + Title I 2,000 + norm 0 = 24,500.
    // Flexible 24,500 + 60,000 + 15,000 + 10,000 = 109,500.
    // lose = 106 − floor(25 × 4) = 6.
    let r = row(&alder(), "0.05");
    assert_eq!(r.pupils, 106);
    assert_eq!(r.allocation, d("659500"));
    assert_eq!(r.per_pupil, Some(d("6221.70")));
    assert_eq!(r.restricted_share, Some(d("0.7839")));
    assert_eq!(r.balance, d("24500"));
    assert_eq!((r.cut_fte, r.deficit), (d("0"), d("0")));
    assert_eq!(r.flexible, d("109500"));
    assert_eq!(r.lose, Some(6));
}

#[test]
fn birch_as_budgeted_has_a_deficit_the_plan_cannot_close() {
    // E = 180, U = 90; norm ceil(180 / 27 = 6.67) = 7 teachers at the norm's 90,000 =
    // 630,000, but the teacher line costs 95,000 each: 665,000, so the norm source is
    // 35,000 short, held by the norm line. gf 100,000 − clerk 70,000 − aide 40,000 =
    // −10,000. Allocation 730,000; balance −45,000.
    // Plan: gf −10,000 → the aide in 0.2 steps of 8,000: two steps (16,000) → 0.6 FTE,
    // gf +6,000. Cut 0.4 FTE; 35,000 left missing (norm).
    // Flexible: gf's 6,000 unallocated; index 6,000 ÷ 730,000.
    // Per pupil 730,000 ÷ 180 = 4,055.555… → 4,055.56; restricted 630,000 ÷ 730,000 =
    // 0.86301… → 0.8630. lose = 180 − floor(27 × 6) = 18.
    let r = row(&birch(), "0");
    assert_eq!((r.pupils, r.unduplicated), (180, 90));
    assert_eq!(r.allocation, d("730000"));
    assert_eq!(r.per_pupil, Some(d("4055.56")));
    assert_eq!(r.restricted_share, Some(d("0.8630")));
    assert_eq!(r.balance, d("-45000"));
    assert_eq!(r.cut_fte, d("0.4"));
    assert_eq!(r.deficit, d("35000"));
    assert_eq!(r.flexible, d("6000"));
    assert_eq!(r.flex_index, d("6000") / d("730000"));
    assert_eq!(r.lose, Some(18));
}

#[test]
fn birch_ten_percent_fewer_counts_the_norm_reduction_in_fte_cut() {
    // 60 × 0.9 = 54 per grade, E = 162, U = round(81) = 81. Norm ceil(162 / 27) = 6:
    // one teacher fewer (a norm reduction, 1 FTE). Norm 540,000 − 6 × 95,000 =
    // −30,000; gf −10,000 as before; allocation 100,000 + 540,000 = 640,000; balance
    // −40,000. The aide is cut 0.4 FTE as before. FTE cut 1 + 0.4 = 1.4; 30,000 left.
    // Flexible 6,000; index 6,000 ÷ 640,000 = 0.009375. Per pupil 640,000 ÷ 162 =
    // 3,950.617… → 3,950.62; restricted 540,000 ÷ 640,000 = 0.84375 → 0.8438 (half up).
    // lose = 162 − floor(27 × 5) = 27.
    let r = row(&birch(), "-0.1");
    assert_eq!((r.pupils, r.unduplicated), (162, 81));
    assert_eq!(r.allocation, d("640000"));
    assert_eq!(r.per_pupil, Some(d("3950.62")));
    assert_eq!(r.restricted_share, Some(d("0.8438")));
    assert_eq!(r.balance, d("-40000"));
    assert_eq!(r.cut_fte, d("1.4"));
    assert_eq!(r.deficit, d("30000"));
    assert_eq!(r.flexible, d("6000"));
    assert_eq!(r.flex_index, d("0.009375"));
    assert_eq!(r.lose, Some(27));
}

#[test]
fn cedar_has_no_pupils_so_no_per_pupil_figure() {
    // No pupils at any change. Allocation gf 20,000, rent 5,000 (flexible): balance
    // 15,000; flexible 15,000 + 5,000 = 20,000, index 1. No restricted money: share 0.
    // No norm: no breakpoint.
    for change in ["0", "-0.1", "0.5"] {
        let r = row(&cedar(), change);
        assert_eq!(r.pupils, 0);
        assert_eq!(r.per_pupil, None);
        assert_eq!(r.allocation, d("20000"));
        assert_eq!(r.restricted_share, Some(d("0")));
        assert_eq!(r.balance, d("15000"));
        assert_eq!(r.flex_index, d("1"));
        assert_eq!(r.lose, None);
    }
}

#[test]
fn the_tightest_breakpoint_is_the_smallest_lose() {
    // Alder plus a second norm, K-1 aides 1 per 40 pupils: S = 100, ceil(2.5) = 3,
    // lose = 100 − floor(40 × 2) = 20, tighter than the teachers' 25.
    let mut doc = alder();
    doc.norms.push(Norm {
        id: "aides".into(),
        title: "Aides K-1".into(),
        grades: doc.norms[0].grades.clone(),
        students_per_position: d("40"),
        bands: Vec::new(),
        unit_cost: d("40000"),
        rounding: Rounding::Ceil,
        min_fte: None,
    });
    assert_eq!(row(&doc, "0").lose, Some(20));
    // A floor norm of 1 per 60: floor(100 / 60) = 1, lose = 100 − 59 = 41: not tighter.
    doc.norms[1].students_per_position = d("60");
    doc.norms[1].rounding = Rounding::Floor;
    assert_eq!(row(&doc, "0").lose, Some(25));
}

fn total_of(rows: &[SchoolRow]) -> NetworkTotal {
    let refs: Vec<&SchoolRow> = rows.iter().collect();
    network_total(&refs)
}

#[test]
fn network_total_ten_percent_fewer_everywhere() {
    // Alder, Birch, Cedar at −10% (figures above).
    // Pupils 90 + 162 + 0 = 252; U 72 + 81 + 0 = 153 → 153 ÷ 252 = 0.60714… → 0.6071.
    // Allocation 550,400 + 640,000 + 20,000 = 1,210,400; per pupil from the sums
    // 1,210,400 ÷ 252 = 4,803.174… → 4,803.17 (not the mean of the rows' figures).
    // Restricted 414,400 + 540,000 + 0 = 954,400 ÷ 1,210,400 = 0.78849… → 0.7885.
    // Balance 15,400 − 40,000 + 15,000 = −9,600; FTE cut 0 + 1.4 + 0 = 1.4; deficit
    // 30,000; flexible 100,400 + 6,000 + 20,000 = 126,400 → index 126,400 ÷ 1,210,400.
    // Tightest breakpoint min(15, 27, none) = 15.
    let rows = [
        row(&alder(), "-0.1"),
        row(&birch(), "-0.1"),
        row(&cedar(), "-0.1"),
    ];
    let t = total_of(&rows);
    assert_eq!(t.schools, 3);
    assert_eq!((t.pupils, t.unduplicated), (252, 153));
    assert_eq!(t.unduplicated_share, Some(d("0.6071")));
    assert_eq!(t.allocation, d("1210400"));
    assert_eq!(t.restricted_allocation, d("954400"));
    assert_eq!(t.per_pupil, Some(d("4803.17")));
    assert_eq!(t.restricted_share, Some(d("0.7885")));
    assert_eq!(t.balance, d("-9600"));
    assert_eq!(t.cut_fte, d("1.4"));
    assert_eq!(t.deficit, d("30000"));
    assert_eq!(t.flexible, d("126400"));
    assert_eq!(t.flex_index, d("126400") / d("1210400"));
    assert_eq!(t.lose, Some(15));
}

#[test]
fn network_total_with_one_school_recruiting() {
    // −10% for the network, Alder's own +5%: Alder 106 pupils, 659,500, balance 24,500,
    // flexible 109,500, lose 6; Birch and Cedar at −10%.
    // Pupils 106 + 162 = 268; allocation 659,500 + 640,000 + 20,000 = 1,319,500;
    // per pupil 1,319,500 ÷ 268 = 4,923.507… → 4,923.51; restricted 517,000 + 540,000 =
    // 1,057,000 ÷ 1,319,500 = 0.80106… → 0.8011; balance 24,500 − 40,000 + 15,000 =
    // −500; flexible 109,500 + 6,000 + 20,000 = 135,500; lose min(6, 27) = 6.
    let mut sc = NetworkScenario {
        change: d("-0.1"),
        ..NetworkScenario::default()
    };
    sc.set_override(0, Some(d("0.05")));
    let docs = [alder(), birch(), cedar()];
    let rows: Vec<SchoolRow> = docs
        .iter()
        .enumerate()
        .map(|(i, doc)| school_row(doc, sc.change_for(i)).unwrap())
        .collect();
    let t = total_of(&rows);
    assert_eq!(t.pupils, 268);
    assert_eq!(t.allocation, d("1319500"));
    assert_eq!(t.per_pupil, Some(d("4923.51")));
    assert_eq!(t.restricted_share, Some(d("0.8011")));
    assert_eq!(t.balance, d("-500"));
    assert_eq!(t.cut_fte, d("1.4"));
    assert_eq!(t.deficit, d("30000"));
    assert_eq!(t.flex_index, d("135500") / d("1319500"));
    assert_eq!(t.lose, Some(6));
}

#[test]
fn an_empty_network_totals_to_nothing() {
    let t = network_total(&[]);
    assert_eq!(t.schools, 0);
    assert_eq!((t.pupils, t.allocation), (0, d("0")));
    assert_eq!(
        (t.per_pupil, t.restricted_share, t.unduplicated_share),
        (None, None, None)
    );
    assert_eq!((t.flex_index, t.lose), (d("0"), None));
}

#[test]
fn overrides_replace_the_network_change_for_their_school_only() {
    let mut sc = NetworkScenario {
        change: d("-0.08"),
        overrides: Vec::new(),
    };
    sc.set_override(2, Some(d("0.03")));
    assert_eq!(sc.overrides, vec![None, None, Some(d("0.03"))]);
    assert_eq!(sc.change_for(0), d("-0.08"));
    assert_eq!(sc.change_for(2), d("0.03"));
    assert_eq!(sc.change_for(99), d("-0.08"));
    assert_eq!(sc.overridden().collect::<Vec<_>>(), vec![(2, d("0.03"))]);
    // Clearing the last override leaves no trailing empties: the same as never set.
    sc.set_override(2, None);
    assert_eq!(sc.overrides, Vec::<Option<Decimal>>::new());
    assert_eq!(
        sc,
        NetworkScenario {
            change: d("-0.08"),
            overrides: Vec::new()
        }
    );
}

#[test]
fn a_change_below_minus_one_is_an_engine_error_not_a_panic() {
    assert!(school_row(&alder(), d("-1.5")).is_err());
    // −100% leaves no pupils: no per-pupil figure, and no breakpoint.
    let r = row(&alder(), "-1");
    assert_eq!(r.pupils, 0);
    assert_eq!(r.per_pupil, None);
    assert_eq!(r.lose, None);
}

#[test]
fn a_prepared_school_gives_the_rows_of_school_row_for_any_change() {
    for doc in [alder(), birch(), cedar()] {
        let prepared = PreparedSchool::new(Rc::new(doc.clone()));
        for change in ["0", "-0.1", "0.05", "-1", "1", "-0.37"] {
            assert_eq!(
                prepared.row(d(change)),
                school_row(&doc, d(change)),
                "{change}"
            );
        }
        assert!(prepared.row(d("-1.01")).is_err());
    }
    // A budget that cannot be computed keeps its error for every change.
    let mut bad = alder();
    bad.lines[1].funding[0].source = "nowhere".into();
    let prepared = PreparedSchool::new(Rc::new(bad.clone()));
    assert_eq!(prepared.row(d("0")), school_row(&bad, d("0")));
    assert!(prepared.row(d("-0.1")).is_err());
}

#[test]
fn network_rows_recompute_only_the_schools_whose_change_or_budget_moved() {
    let docs = [Rc::new(alder()), Rc::new(birch()), Rc::new(cedar())];
    let schools: Vec<Option<Rc<Document>>> = vec![
        Some(docs[0].clone()),
        None,
        Some(docs[1].clone()),
        Some(docs[2].clone()),
    ];
    let mut rows = NetworkRows::default();
    let mut sc = NetworkScenario::default();
    assert_eq!(rows.update(&schools, &sc), 3);
    assert_eq!(rows.update(&schools, &sc), 0);
    assert!(rows.get(1).is_none());
    // A school's own change recomputes that school only…
    sc.set_override(0, Some(d("0.05")));
    assert_eq!(rows.update(&schools, &sc), 1);
    // …a network-wide move every school without an override…
    sc.change = d("-0.1");
    assert_eq!(rows.update(&schools, &sc), 2);
    // …and an override equal to the change it replaces recomputes nothing.
    sc.set_override(3, Some(d("-0.1")));
    assert_eq!(rows.update(&schools, &sc), 0);
    assert_eq!(rows.get(0), Some(&school_row(&docs[0], d("0.05"))));
    assert_eq!(rows.get(2), Some(&school_row(&docs[1], d("-0.1"))));
    // Figures as network_total_with_one_school_recruiting (Cedar's change moves nothing).
    let t = rows.total();
    assert_eq!((t.schools, t.pupils, t.allocation), (3, 268, d("1319500")));
    assert_eq!(rows.rows().iter().filter(|r| r.is_some()).count(), 3);
    // A new budget for a school (another Rc) is prepared again; fewer schools shrink the rows.
    let schools = vec![Some(Rc::new(birch())), None];
    assert_eq!(rows.update(&schools, &sc), 1);
    assert_eq!(rows.rows().len(), 2);
    // School 0 is now Birch under school 0's own +5%: 60 × 1.05 = 63 a grade, 189 pupils.
    assert_eq!(rows.total().pupils, 189);
}

#[test]
fn network_rows_remember_recent_changes_and_can_stop_part_way() {
    let docs = [Rc::new(alder()), Rc::new(birch()), Rc::new(cedar())];
    let schools: Vec<Option<Rc<Document>>> = docs.iter().cloned().map(Some).collect();
    let mut rows = NetworkRows::default();
    let mut sc = NetworkScenario::default();
    assert_eq!(rows.stale(&schools, &sc), 3);
    // Stopping after each school: one computed a call, done on the third.
    assert_eq!(rows.update_until(&schools, &sc, &mut || true), (1, false));
    assert_eq!(rows.stale(&schools, &sc), 2);
    assert_eq!(rows.update_until(&schools, &sc, &mut || true), (1, false));
    assert_eq!(rows.update_until(&schools, &sc, &mut || true), (1, true));
    assert_eq!(rows.update_until(&schools, &sc, &mut || true), (0, true));
    // A slider goes to −10%, then back: 0% is remembered, so nothing is computed.
    sc.change = d("-0.1");
    assert_eq!(rows.stale(&schools, &sc), 3);
    assert_eq!(rows.update(&schools, &sc), 3);
    sc.change = d("0");
    assert_eq!(rows.stale(&schools, &sc), 0);
    assert_eq!(rows.update(&schools, &sc), 0);
    // The remembered rows are the right ones: at 0% pupils 100 + 180 + 0 = 280 and
    // allocation 556,000 + 730,000 + 20,000 = 1,306,000 (EXPECTED.md).
    let t = rows.total();
    assert_eq!((t.pupils, t.allocation), (280, d("1306000")));
    assert_eq!(rows.get(1), Some(&school_row(&docs[1], d("0"))));
    // …and −10% is still at hand: 90 + 162 + 0 = 252 pupils.
    sc.change = d("-0.1");
    assert_eq!(rows.update(&schools, &sc), 0);
    assert_eq!(rows.total().pupils, 252);
    // Five other changes push 0% out of a school's memory (it keeps four).
    for c in ["-0.01", "-0.02", "-0.03", "-0.04", "-0.05"] {
        sc.change = d(c);
        assert_eq!(rows.update(&schools, &sc), 3);
    }
    sc.change = d("0");
    assert_eq!(rows.stale(&schools, &sc), 3);
}
