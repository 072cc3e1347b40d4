//! Property tests for chart geometry: any amounts give finite, non-negative shapes inside the
//! viewBox and axis labels that do not overlap, on a phone-sized layout.

use proptest::prelude::*;
use rust_decimal::Decimal;
use sitebudget_core::chart::bars::{layout_bars, BarDatum};
use sitebudget_core::chart::scale::{fit_axis, nice_ticks, Axis};
use sitebudget_core::chart::stacked::{layout_stacked, StackDatum};
use sitebudget_core::chart::waterfall::{layout_waterfall, running_totals, WaterfallStep};
use sitebudget_core::chart::{text_width, Anchor, Layout, Rect, ValueFormat, FONT_PX};

/// Amounts from cents to far beyond any school budget, both signs.
fn amount() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        // Up to ten million dollars, in cents.
        (-1_000_000_000_i64..1_000_000_000_i64).prop_map(|c| Decimal::new(c, 2)),
        (-100_000_000_000_000_000_000i128..100_000_000_000_000_000_000i128)
            .prop_map(|v| Decimal::from_i128_with_scale(v, 0)),
        Just(Decimal::ZERO),
    ]
}

/// Asserts a rectangle can be drawn.
fn drawable(r: &Rect, width: f64) {
    for v in [r.x, r.y, r.width, r.height] {
        assert!(v.is_finite(), "{r:?}");
    }
    assert!(r.width >= 0.0 && r.height >= 0.0, "{r:?}");
    assert!(
        r.x >= -1.0 && r.x + r.width <= width + 1.0,
        "{r:?} leaves the plot"
    );
}

/// Asserts tick labels stay apart and inside the viewBox.
fn readable(axis: &Axis, width: f64) {
    let spans: Vec<(f64, f64)> = axis
        .labels
        .iter()
        .map(|l| {
            let w = text_width(&l.text, FONT_PX);
            match l.anchor {
                Anchor::Start => (l.x, l.x + w),
                Anchor::Middle => (l.x - w / 2.0, l.x + w / 2.0),
                Anchor::End => (l.x - w, l.x),
            }
        })
        .collect();
    for pair in spans.windows(2) {
        assert!(
            pair[0].1 < pair[1].0,
            "overlapping tick labels {:?}",
            axis.labels
        );
    }
    for (a, b) in spans {
        assert!(
            a >= 0.0 && b <= width,
            "tick label outside the viewBox {:?}",
            axis.labels
        );
    }
}

proptest! {
    #[test]
    fn ticks_cover_the_data_and_zero(lo in amount(), hi in amount(), target in 1usize..10) {
        let t = nice_ticks(lo, hi, target);
        prop_assert!(t.values.contains(&Decimal::ZERO));
        prop_assert!(t.min <= lo.min(hi).min(Decimal::ZERO));
        prop_assert!(t.max >= lo.max(hi).max(Decimal::ZERO));
        prop_assert!(t.values.windows(2).all(|w| w[1] - w[0] == t.step));
        prop_assert!(t.values.len() <= target + 3);
    }

    #[test]
    fn axis_labels_fit_a_phone(lo in amount(), hi in amount()) {
        let axis = fit_axis(lo, hi, ValueFormat::Money, 8.0, 392.0, 100.0, 400.0);
        readable(&axis, 400.0);
    }

    #[test]
    fn bars_are_drawable(values in prop::collection::vec(amount(), 0..12)) {
        let data: Vec<BarDatum> = values
            .iter()
            .enumerate()
            .map(|(i, v)| BarDatum { label: format!("Year {i}"), value: *v })
            .collect();
        let g = layout_bars(&data, ValueFormat::Money, Layout::default());
        prop_assert_eq!(g.bars.len(), data.len());
        for b in &g.bars {
            drawable(&b.rect, g.width);
        }
        readable(&g.axis, g.width);
        prop_assert!(g.height.is_finite());
    }

    #[test]
    fn stacks_are_drawable(rows in prop::collection::vec(prop::collection::vec(amount(), 0..4), 0..6)) {
        let data: Vec<StackDatum> = rows
            .iter()
            .enumerate()
            .map(|(i, parts)| StackDatum {
                label: format!("Source {i}"),
                segments: parts.iter().enumerate().map(|(j, v)| (format!("Series {j}"), *v)).collect(),
            })
            .collect();
        let g = layout_stacked(&data, ValueFormat::Money, Layout::default());
        for row in &g.rows {
            for s in &row.segments {
                drawable(&s.rect, g.width);
            }
        }
        readable(&g.axis, g.width);
    }

    #[test]
    fn waterfall_ends_at_start_plus_steps(start in amount(), deltas in prop::collection::vec(amount(), 0..8)) {
        let steps: Vec<WaterfallStep> = deltas
            .iter()
            .enumerate()
            .map(|(i, d)| WaterfallStep { label: format!("Step {i}"), delta: *d })
            .collect();
        let running = running_totals(start, &steps);
        // Amounts here are small enough that no sum saturates.
        let sum = deltas.iter().fold(start, |acc, d| acc + d);
        prop_assert_eq!(running.last().map(|r| r.to), Some(sum));
        for pair in running[1..running.len() - 1].windows(2) {
            prop_assert_eq!(pair[0].to, pair[1].from);
        }
        let g = layout_waterfall("Start", start, &steps, "End", ValueFormat::Money, Layout::default());
        prop_assert_eq!(g.bars.len(), steps.len() + 2);
        for b in &g.bars {
            drawable(&b.rect, g.width);
        }
        readable(&g.axis, g.width);
    }
}
