//! Bar chart geometry: one horizontal bar per datum from the zero line, value on the line above.

use rust_decimal::Decimal;

use super::scale::{bar_value, fit_axis, full, Axis};
use super::{
    count_bars, fit_text, layout_legend, text_width, Anchor, Layout, LegendItem, Rect, Text,
    ValueFormat, AXIS_SPACE, FONT_PX, LABEL_LINE, ROW_GAP,
};
use crate::util::i18n::tr;

/// One bar's input: a category and its value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BarDatum {
    /// Category, such as "Year 2 (2027-28)".
    pub label: String,
    /// The amount (dollars or a count).
    pub value: Decimal,
}

/// Which side of zero a bar lies on; the renderer hatches and outlines negative bars.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BarKind {
    /// Above zero.
    Positive,
    /// Below zero: hatched, outlined, and its label carries the minus sign.
    Negative,
    /// Exactly zero: no bar, only the label.
    Zero,
}

/// A laid-out bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// The bar itself (zero width for a zero value).
    pub rect: Rect,
    /// Side of zero.
    pub kind: BarKind,
    /// Category text at the left of the label line, shortened to fit.
    pub label: Text,
    /// Value text at the right of the label line.
    pub value_label: Text,
    /// The untruncated category, for a tooltip.
    pub full_label: String,
    /// The full value text, for a tooltip and the data table.
    pub full_value: String,
}

/// A laid-out bar chart.
#[derive(Clone, Debug, PartialEq)]
pub struct BarChartGeom {
    /// viewBox width.
    pub width: f64,
    /// viewBox height.
    pub height: f64,
    /// Legend entries (only when some bar is negative; index 1 = below zero).
    pub legend: Vec<LegendItem>,
    /// One bar per datum, in input order.
    pub bars: Vec<Bar>,
    /// Value axis below the bars.
    pub axis: Axis,
    /// Top of the plot, where grid lines start.
    pub plot_top: f64,
    /// Bottom of the plot, where the axis sits.
    pub plot_bottom: f64,
}

/// Classifies a value by its sign.
pub(crate) fn kind_of(value: Decimal) -> BarKind {
    if value.is_zero() {
        BarKind::Zero
    } else if value.is_sign_negative() {
        BarKind::Negative
    } else {
        BarKind::Positive
    }
}

/// Label and value texts for a row whose label line has its baseline at `baseline`.
pub(crate) fn label_line(
    label: &str,
    value_text: String,
    baseline: f64,
    layout: &Layout,
) -> (Text, Text) {
    let (x0, x1) = layout.plot_x();
    let room = x1 - x0 - text_width(&value_text, FONT_PX) - 12.0;
    (
        Text {
            x: x0,
            y: baseline,
            text: fit_text(label, room, FONT_PX),
            anchor: Anchor::Start,
        },
        Text {
            x: x1,
            y: baseline,
            text: value_text,
            anchor: Anchor::End,
        },
    )
}

/// Lays out a bar chart; empty input gives an axis with only `$0` and no bars.
pub fn layout_bars(data: &[BarDatum], fmt: ValueFormat, layout: Layout) -> BarChartGeom {
    let width = layout.view_width();
    let (x0, x1) = layout.plot_x();
    let negative = data.iter().any(|d| kind_of(d.value) == BarKind::Negative);
    let legend_labels = if negative {
        vec![(1, tr("Below zero: hatched, with −"))]
    } else {
        Vec::new()
    };
    let (legend, legend_height) = layout_legend(&legend_labels, 4.0, width);
    let plot_top = 4.0 + legend_height;
    let thickness = layout.thickness(data.len(), plot_top + AXIS_SPACE + 4.0);
    let pitch = LABEL_LINE + thickness + ROW_GAP;
    let plot_bottom = plot_top + pitch * data.len() as f64;

    let lo = data.iter().map(|d| d.value).min().unwrap_or(Decimal::ZERO);
    let hi = data.iter().map(|d| d.value).max().unwrap_or(Decimal::ZERO);
    let axis = fit_axis(lo, hi, fmt, x0, x1, plot_bottom + 16.0, width);

    let value_room = (x1 - x0) * 0.45;
    let bars = data
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let top = plot_top + pitch * i as f64;
            let (label, value_label) = label_line(
                &d.label,
                bar_value(d.value, fmt, value_room),
                top + 12.0,
                &layout,
            );
            let end = axis.scale.px(d.value);
            let (left, right) = if end < axis.zero_x {
                (end, axis.zero_x)
            } else {
                (axis.zero_x, end)
            };
            Bar {
                rect: Rect {
                    x: left,
                    y: top + LABEL_LINE,
                    width: right - left,
                    height: thickness,
                },
                kind: kind_of(d.value),
                label,
                value_label,
                full_label: d.label.clone(),
                full_value: full(d.value, fmt),
            }
        })
        .collect();

    BarChartGeom {
        width,
        height: plot_bottom + AXIS_SPACE,
        legend,
        bars,
        axis,
        plot_top,
        plot_bottom,
    }
}

/// A one-sentence text alternative listing every value.
pub fn describe_bars(data: &[BarDatum], fmt: ValueFormat) -> String {
    if data.is_empty() {
        return tr("No data.");
    }
    let items: Vec<String> = data
        .iter()
        .map(|d| format!("{}: {}", d.label, full(d.value, fmt)))
        .collect();
    format!("{}. {}.", count_bars(data.len()), items.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{BAR_THICKNESS, DEFAULT_WIDTH};

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn datum(label: &str, value: &str) -> BarDatum {
        BarDatum {
            label: label.to_string(),
            value: d(value),
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn positive_bars_grow_from_zero() {
        let data = vec![datum("Year 1", "200000"), datum("Year 2", "400000")];
        let g = layout_bars(&data, ValueFormat::Money, Layout::default());
        // Plot 8..392 over $0..$400K (5 intervals of $100K... 4 used): 384 px for $400K.
        assert_eq!(g.axis.ticks.max, d("400000"));
        assert!(close(g.axis.zero_x, 8.0));
        assert!(close(g.bars[0].rect.x, 8.0));
        assert!(close(g.bars[0].rect.width, 192.0));
        assert!(close(g.bars[1].rect.width, 384.0));
        assert_eq!(g.bars[0].rect.height, BAR_THICKNESS);
        assert_eq!(g.bars[0].value_label.text, "$200,000");
        assert_eq!(g.bars[1].kind, BarKind::Positive);
        assert!(g.legend.is_empty());
        // Rows: 16 label + 16 bar + 10 gap = 42 each, after a 4-unit top margin.
        assert!(close(g.bars[1].rect.y, 4.0 + 42.0 + 16.0));
        assert!(close(g.height, 4.0 + 84.0 + 24.0));
        assert_eq!(g.width, DEFAULT_WIDTH);
    }

    #[test]
    fn negative_bars_grow_left_and_get_a_legend() {
        let data = vec![datum("Year 1", "-300000"), datum("Year 2", "100000")];
        let g = layout_bars(&data, ValueFormat::Money, Layout::default());
        assert_eq!(g.bars[0].kind, BarKind::Negative);
        assert_eq!(g.legend.len(), 1);
        let neg = g.bars[0].rect;
        assert!(close(neg.x + neg.width, g.axis.zero_x));
        assert!(close(neg.x, g.axis.scale.px(d("-300000"))));
        assert_eq!(g.bars[0].value_label.text, "\u{2212}$300,000");
        assert!(close(g.bars[1].rect.x, g.axis.zero_x));
    }

    #[test]
    fn all_negative_values_put_zero_at_the_right() {
        let data = vec![datum("A", "-5"), datum("B", "-50")];
        let g = layout_bars(&data, ValueFormat::Number, Layout::default());
        assert_eq!(g.axis.ticks.max, d("0"));
        assert!(close(g.axis.zero_x, 392.0));
        assert!(g.bars.iter().all(|b| b.kind == BarKind::Negative));
        assert_eq!(g.bars[1].value_label.text, "\u{2212}50");
    }

    #[test]
    fn empty_and_all_zero_inputs() {
        let g = layout_bars(&[], ValueFormat::Money, Layout::default());
        assert!(g.bars.is_empty());
        assert_eq!(g.axis.labels.len(), 1);
        assert_eq!(g.axis.labels[0].text, "$0");
        let g = layout_bars(
            &[datum("A", "0"), datum("B", "0")],
            ValueFormat::Money,
            Layout::default(),
        );
        assert!(g
            .bars
            .iter()
            .all(|b| b.kind == BarKind::Zero && b.rect.width == 0.0));
        assert_eq!(g.bars[0].value_label.text, "$0");
    }

    #[test]
    fn huge_values_stay_finite() {
        let data = vec![
            datum("Huge", "100000000000000000000"),
            datum("Negative huge", "-100000000000000000000"),
            datum("Max", &Decimal::MAX.to_string()),
        ];
        let g = layout_bars(&data, ValueFormat::Money, Layout::default());
        for b in &g.bars {
            for v in [b.rect.x, b.rect.y, b.rect.width, b.rect.height] {
                assert!(v.is_finite() && v >= 0.0, "{b:?}");
            }
        }
        assert!(g.height.is_finite());
    }

    #[test]
    fn long_labels_leave_room_for_the_value() {
        let long = "A very long category name that would never fit on a phone screen at all";
        let g = layout_bars(
            &[datum(long, "-412000")],
            ValueFormat::Money,
            Layout::default(),
        );
        let b = &g.bars[0];
        assert!(b.label.text.ends_with('…'));
        let label_end = b.label.x + text_width(&b.label.text, FONT_PX);
        let value_start = b.value_label.x - text_width(&b.value_label.text, FONT_PX);
        assert!(label_end + 6.0 <= value_start);
        assert_eq!(b.full_label, long);
    }

    #[test]
    fn requested_height_thickens_bars() {
        let layout = Layout {
            width: 400.0,
            height: Some(300.0),
        };
        let g = layout_bars(
            &[datum("A", "1"), datum("B", "2")],
            ValueFormat::Number,
            layout,
        );
        // (300 − 4 − 24 − 4) / 2 = 134 pitch, minus 26 → capped at 64.
        assert_eq!(g.bars[0].rect.height, 64.0);
        assert!(g.height <= 300.0);
    }

    #[test]
    fn description_lists_every_value() {
        let data = vec![datum("Year 1", "-412000"), datum("Year 2", "236000.5")];
        assert_eq!(
            describe_bars(&data, ValueFormat::Money),
            "2 bars. Year 1: \u{2212}$412,000; Year 2: $236,000.50."
        );
        assert_eq!(describe_bars(&[], ValueFormat::Money), "No data.");
    }
}
