//! The network page as data: the sort (stable, failed schools and missing figures last),
//! cell texts and `data-*` values, the charts' data, text alternatives and numbers
//! tables, and the scatter chart's geometry.

use proptest::prelude::*;
use rust_decimal::Decimal;
use sitebudget_core::chart::scatter::{
    describe_scatter, layout_scatter, ScatterDatum, POINT_RADIUS,
};
use sitebudget_core::chart::{text_width, Anchor, Layout, ValueFormat, FONT_PX};
use sitebudget_core::engine::{network_total, school_row, SchoolRow};
use sitebudget_core::io::parse_document;
use sitebudget_core::view::network_table::{
    cell_text, data_values, flexibility_alt, flexibility_bars, flexibility_table, fte_alt,
    fte_bars, fte_table, per_pupil_alt, per_pupil_points, per_pupil_table, sort_order,
    total_cell_text, total_data_values, NetworkColumn, DATA_ATTRS,
};

const ALDER: &str = include_str!("../../../tests/e2e/fixtures/network/schools/alder.json");
const BIRCH: &str = include_str!("../../../tests/e2e/fixtures/network/schools/birch.json");

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn row(pupils: u64, per_pupil: Option<&str>, lose: Option<u64>) -> SchoolRow {
    SchoolRow {
        pupils,
        per_pupil: per_pupil.map(d),
        lose,
        ..SchoolRow::default()
    }
}

#[test]
fn sorting_is_stable_with_failed_schools_and_missing_figures_last() {
    // File order: 0 Birch (300), 1 failed, 2 alder (100), 3 Cedar (no pupils), 4 Dogwood (100).
    let names = ["Birch", "Broken", "alder", "Cedar", "Dogwood"];
    let rows = [
        row(300, Some("4000"), Some(18)),
        row(0, None, None),
        row(100, Some("5560"), Some(25)),
        row(0, None, None),
        row(100, Some("4000"), Some(6)),
    ];
    let present = [
        Some(&rows[0]),
        None,
        Some(&rows[2]),
        Some(&rows[3]),
        Some(&rows[4]),
    ];
    let by = |col, desc| sort_order(&names, &present, col, desc);
    // Names ignore case; the failed school stays last either way.
    assert_eq!(by(NetworkColumn::School, false), [2, 0, 3, 4, 1]);
    assert_eq!(by(NetworkColumn::School, true), [4, 3, 0, 2, 1]);
    // Ties (Alder and Dogwood at 100 pupils) keep file order in both directions.
    assert_eq!(by(NetworkColumn::Pupils, false), [3, 2, 4, 0, 1]);
    assert_eq!(by(NetworkColumn::Pupils, true), [0, 2, 4, 3, 1]);
    // No per-pupil figure (Cedar) sorts after every figure, before the failed school.
    assert_eq!(by(NetworkColumn::PerPupil, false), [0, 4, 2, 3, 1]);
    assert_eq!(by(NetworkColumn::PerPupil, true), [2, 0, 4, 3, 1]);
    // Tightest breakpoint first when ascending; no breakpoint after.
    assert_eq!(by(NetworkColumn::Lose, false), [4, 0, 2, 3, 1]);
    assert_eq!(by(NetworkColumn::Lose, true), [2, 0, 4, 3, 1]);
    // Rows beyond the names (or names beyond the rows) are still ordered, never dropped.
    assert_eq!(
        sort_order(
            &["a"],
            &[None, Some(&rows[0])],
            NetworkColumn::Pupils,
            false
        ),
        [1, 0]
    );
    assert!(sort_order(&[], &[], NetworkColumn::Balance, true).is_empty());
}

#[test]
fn cells_and_data_values_of_a_computed_row() {
    // Birch at −10% (tests/network_engine.rs): 162 pupils, $640,000, $3,950.62 a pupil,
    // restricted 0.8438, balance −$40,000, 1.4 FTE cut, $30,000 left, index 0.009375, lose 27.
    let r = school_row(&parse_document(BIRCH).unwrap(), d("-0.1")).unwrap();
    let cells: Vec<String> = NetworkColumn::all()
        .into_iter()
        .map(|c| cell_text(&r, c))
        .collect();
    assert_eq!(
        cells,
        [
            "",
            "162",
            "50%",
            "$640,000",
            "$3,950.62",
            "84.4%",
            "\u{2212}$40,000",
            "1.4",
            "$30,000",
            "0.9%",
            "27 pupils"
        ]
    );
    assert_eq!(
        data_values(&r),
        ["162", "640000", "3950.62", "0.8438", "-40000", "1.4", "30000", "0.009375", "27"]
    );
    assert_eq!(DATA_ATTRS[0], "data-pupils");
    assert_eq!(DATA_ATTRS[8], "data-lose");
    // No pupils and no breakpoint: "none" in the cell, empty in the hook.
    let empty = row(0, None, None);
    assert_eq!(cell_text(&empty, NetworkColumn::PerPupil), "none");
    assert_eq!(cell_text(&empty, NetworkColumn::Lose), "none");
    assert_eq!(data_values(&empty)[2], "");
    assert_eq!(data_values(&empty)[8], "");
    assert_eq!(
        cell_text(&row(1, None, Some(1)), NetworkColumn::Lose),
        "1 pupil"
    );
}

#[test]
fn the_total_row_reads_from_the_total() {
    let a = school_row(&parse_document(ALDER).unwrap(), d("-0.1")).unwrap();
    let b = school_row(&parse_document(BIRCH).unwrap(), d("-0.1")).unwrap();
    // 90 + 162 = 252 pupils; 550,400 + 640,000 = 1,190,400; per pupil 1,190,400 ÷ 252 =
    // 4,723.809… → 4,723.81; lose min(15, 27) = 15.
    let t = network_total(&[&a, &b]);
    assert_eq!(total_cell_text(&t, NetworkColumn::Pupils), "252");
    assert_eq!(total_cell_text(&t, NetworkColumn::Allocation), "$1,190,400");
    assert_eq!(total_cell_text(&t, NetworkColumn::PerPupil), "$4,723.81");
    assert_eq!(total_cell_text(&t, NetworkColumn::Lose), "15 pupils");
    let v = total_data_values(&t);
    assert_eq!(
        (v[0].as_str(), v[1].as_str(), v[2].as_str(), v[8].as_str()),
        ("252", "1190400", "4723.81", "15")
    );
}

#[test]
fn columns_have_labels_and_stable_keys() {
    let all = NetworkColumn::all();
    assert_eq!(all.len(), 11);
    for c in all {
        assert!(!c.label().is_empty());
        assert_eq!(NetworkColumn::from_key(c.key()), Some(c));
        assert_eq!(c.numeric(), c != NetworkColumn::School);
    }
    assert_eq!(NetworkColumn::from_key("nope"), None);
}

#[test]
fn the_three_charts_have_data_a_text_alternative_and_a_numbers_table() {
    let a = school_row(&parse_document(ALDER).unwrap(), d("-0.1")).unwrap();
    let b = school_row(&parse_document(BIRCH).unwrap(), d("-0.1")).unwrap();
    let empty = row(0, None, None);
    let names = ["Alder", "Broken", "Birch", "Cedar"];
    let rows = [Some(&a), None, Some(&b), Some(&empty)];
    // Per pupil against need: schools with pupils only (Cedar has none, Broken failed).
    let points = per_pupil_points(&names, &rows);
    assert_eq!(points.len(), 2);
    assert_eq!((points[0].x, points[0].y), (d("0.8"), d("6115.56")));
    assert_eq!(
        per_pupil_alt(&points),
        "Allocation per pupil against unduplicated share, 2 schools. Alder: $6,115.56 a pupil at 80% unduplicated; Birch: $3,950.62 a pupil at 50% unduplicated."
    );
    let table = per_pupil_table(&points);
    assert_eq!(
        table.headers,
        ["School", "Unduplicated share", "Allocation per pupil"]
    );
    assert_eq!(table.rows[1], ["Birch", "50%", "$3,950.62"]);
    // Flexibility: 100,400 ÷ 550,400 = 18.2%; 0.009375 = 0.9%; Cedar's 0.
    let flex = flexibility_bars(&names, &rows);
    assert_eq!(flex.len(), 3);
    assert_eq!(
        flexibility_alt(&flex),
        "Flexibility index by school, 3 schools. Alder: 18.2%; Birch: 0.9%; Cedar: 0%."
    );
    assert_eq!(flexibility_table(&flex).rows[0], ["Alder", "18.2%"]);
    // FTE at risk: Alder 0, Birch 1.4.
    let fte = fte_bars(&names, &rows);
    assert_eq!(
        fte_alt(&fte),
        "FTE at risk by school, 3 schools. Alder: 0 FTE; Birch: 1.4 FTE; Cedar: 0 FTE."
    );
    assert_eq!(fte_table(&fte).rows[1], ["Birch", "1.4"]);
    // Nothing to show is said so.
    assert!(per_pupil_alt(&[]).contains("no school with pupils"));
    assert_eq!(fte_alt(&[]), "FTE at risk by school: no school to show.");
}

fn point(label: &str, x: &str, y: &str) -> ScatterDatum {
    ScatterDatum {
        label: label.into(),
        x: d(x),
        y: d(y),
    }
}

#[test]
fn the_scatter_places_points_on_both_scales_with_labels_that_do_not_collide() {
    let data = [
        point("Alder Elementary", "0.8", "6115.56"),
        point("Birch Middle School", "0.5", "3950.62"),
        // Almost on top of Birch: its label has to go elsewhere or nowhere.
        point("Birch Annex", "0.5", "3960"),
    ];
    let g = layout_scatter(
        &data,
        (ValueFormat::Percent, ValueFormat::Money),
        ("Unduplicated share", "Allocation per pupil"),
        Layout::default(),
    );
    assert_eq!(g.points.len(), 3);
    // Higher need is further right, more money a pupil is higher up (smaller y).
    assert!(g.points[0].cx > g.points[1].cx);
    assert!(g.points[0].cy < g.points[1].cy);
    assert!((g.points[1].cx - g.points[2].cx).abs() < 1e-9);
    // The x axis reads in percent and starts at 0%; the y axis starts at $0.
    assert_eq!(g.x_axis.labels.first().map(|l| l.text.as_str()), Some("0%"));
    assert_eq!(g.y_ticks.first().map(|t| t.label.text.as_str()), Some("$0"));
    assert_eq!(g.points[0].x_text, "80%");
    assert_eq!(g.points[0].y_text, "$6,115.56");
    assert_eq!(g.x_title.text, "Unduplicated share");
    assert_eq!(g.y_title.text, "Allocation per pupil");
    let labelled: Vec<_> = g.points.iter().filter_map(|p| p.label.as_ref()).collect();
    assert!(labelled.len() >= 2, "{labelled:?}");
    assert_labels_apart(
        &g.points
            .iter()
            .filter_map(|p| p.label.clone())
            .collect::<Vec<_>>(),
    );
    assert_eq!(
        describe_scatter(
            &data[..1],
            (ValueFormat::Percent, ValueFormat::Money),
            ("unduplicated", "per pupil")
        ),
        "1 point. Alder Elementary: unduplicated 80%, per pupil $6,115.56."
    );
}

fn label_box(t: &sitebudget_core::chart::Text) -> (f64, f64, f64, f64) {
    let w = text_width(&t.text, FONT_PX);
    let left = match t.anchor {
        Anchor::Start => t.x,
        Anchor::Middle => t.x - w / 2.0,
        Anchor::End => t.x - w,
    };
    (left, t.y - FONT_PX + 2.0, left + w, t.y + 2.0)
}

fn assert_labels_apart(labels: &[sitebudget_core::chart::Text]) {
    for (i, a) in labels.iter().enumerate() {
        for b in labels.iter().skip(i + 1) {
            let (p, q) = (label_box(a), label_box(b));
            let overlap = p.0 < q.2 && q.0 < p.2 && p.1 < q.3 && q.1 < p.3;
            assert!(!overlap, "{a:?} and {b:?} overlap");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_scatter_stays_finite_inside_the_view_with_labels_apart(
        points in proptest::collection::vec((0i64..=100, -1_000_000i64..100_000_000, "[A-Za-z ]{0,30}"), 0..40),
        width in 200.0f64..1400.0,
    ) {
        let data: Vec<ScatterDatum> = points
            .iter()
            .map(|(x, y, l)| ScatterDatum { label: l.clone(), x: Decimal::new(*x, 2), y: Decimal::new(*y, 2) })
            .collect();
        let g = layout_scatter(&data, (ValueFormat::Percent, ValueFormat::Money), ("x", "y"), Layout { width, height: None });
        prop_assert_eq!(g.points.len(), data.len());
        for p in &g.points {
            prop_assert!(p.cx.is_finite() && p.cy.is_finite());
            prop_assert!(p.cx >= g.plot.x - POINT_RADIUS && p.cx <= g.plot.x + g.plot.width + POINT_RADIUS);
            prop_assert!(p.cy >= g.plot.y - POINT_RADIUS && p.cy <= g.plot.y + g.plot.height + POINT_RADIUS);
            if let Some(l) = &p.label {
                let b = label_box(l);
                prop_assert!(b.0 >= 0.0 && b.2 <= g.width);
            }
        }
        assert_labels_apart(&g.points.iter().filter_map(|p| p.label.clone()).collect::<Vec<_>>());
    }
}
