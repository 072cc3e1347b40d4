//! Stacked bar geometry: each row splits its total into series segments (positives right of zero,
//! negatives left), labelled inside when they fit and listed under the bar when they do not.

use crate::util::dec;
use rust_decimal::Decimal;

use super::bars::label_line;
use super::scale::{bar_value, compact, fit_axis, full, Axis};
use super::{
    count_bars, layout_legend, text_width, Anchor, Layout, LegendItem, Rect, Text, ValueFormat,
    AXIS_SPACE, FONT_PX, LABEL_LINE, ROW_GAP,
};
use crate::util::i18n::{tr, trf};

/// One row's input: a category and its parts by series, such as ("Charges", 20000).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StackDatum {
    /// Category, such as a funding source's name.
    pub label: String,
    /// (series name, value) in stacking order; series are matched across rows by name.
    pub segments: Vec<(String, Decimal)>,
}

/// A laid-out segment.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    /// The segment's rectangle.
    pub rect: Rect,
    /// Index into the chart's series (picks colour and hatch pattern).
    pub series: usize,
    /// Whether the value is below zero (outlined and drawn left of zero).
    pub negative: bool,
    /// The value written inside the segment, when it fits.
    pub inside: Option<Text>,
    /// "Series: value" for a tooltip.
    pub title: String,
}

/// A laid-out row.
#[derive(Clone, Debug, PartialEq)]
pub struct StackRow {
    /// Category text on the label line.
    pub label: Text,
    /// Row total on the label line.
    pub total_label: Text,
    /// Segments with a non-zero value.
    pub segments: Vec<Segment>,
    /// Lines under the bar naming the segments too narrow to hold their value.
    pub notes: Vec<Text>,
    /// The untruncated category.
    pub full_label: String,
}

/// A laid-out stacked bar chart.
#[derive(Clone, Debug, PartialEq)]
pub struct StackedChartGeom {
    /// viewBox width.
    pub width: f64,
    /// viewBox height.
    pub height: f64,
    /// Series names in first-appearance order.
    pub series: Vec<String>,
    /// One legend entry per series.
    pub legend: Vec<LegendItem>,
    /// One row per datum.
    pub rows: Vec<StackRow>,
    /// Value axis below the rows.
    pub axis: Axis,
    /// Top of the plot.
    pub plot_top: f64,
    /// Bottom of the plot.
    pub plot_bottom: f64,
}

/// Series names in the order they first appear.
pub fn series_names(data: &[StackDatum]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (name, _) in data.iter().flat_map(|d| d.segments.iter()) {
        if !names.contains(name) {
            names.push(name.clone());
        }
    }
    names
}

/// Sum of the positive and of the negative parts of a row.
fn extents(datum: &StackDatum) -> (Decimal, Decimal) {
    datum
        .segments
        .iter()
        .fold((Decimal::ZERO, Decimal::ZERO), |(neg, pos), (_, v)| {
            if v.is_sign_negative() {
                (dec::saturating_add(neg, *v), pos)
            } else {
                (neg, dec::saturating_add(pos, *v))
            }
        })
}

/// A row's total (positives plus negatives), saturating instead of overflowing.
pub fn row_total(datum: &StackDatum) -> Decimal {
    let (neg, pos) = extents(datum);
    dec::saturating_add(pos, neg)
}

/// Wraps "name: value" notes into lines no wider than `room`.
fn wrap_notes(items: &[String], room: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for item in items {
        let candidate = if current.is_empty() {
            item.clone()
        } else {
            format!("{current} · {item}")
        };
        if !current.is_empty() && text_width(&candidate, FONT_PX) > room {
            lines.push(std::mem::take(&mut current));
            current = item.clone();
        } else {
            current = candidate;
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

/// A segment measured along x before rows get their y.
struct Part {
    series: usize,
    value: Decimal,
    left: f64,
    right: f64,
}

/// Height of one line of notes under a bar.
const NOTE_LINE: f64 = 15.0;

/// Lays out a stacked bar chart.
pub fn layout_stacked(data: &[StackDatum], fmt: ValueFormat, layout: Layout) -> StackedChartGeom {
    let width = layout.view_width();
    let (x0, x1) = layout.plot_x();
    let series = series_names(data);
    let legend_labels: Vec<(usize, String)> = series.iter().cloned().enumerate().collect();
    let (legend, legend_height) = layout_legend(&legend_labels, 4.0, width);
    let plot_top = 4.0 + legend_height + if series.is_empty() { 0.0 } else { 4.0 };

    let (lo, hi) = data
        .iter()
        .map(extents)
        .fold((Decimal::ZERO, Decimal::ZERO), |(lo, hi), (neg, pos)| {
            (lo.min(neg), hi.max(pos))
        });
    // The axis position depends on the rows' height, which depends on the notes: lay the
    // scale out first (x does not depend on y), then place rows.
    let probe = fit_axis(lo, hi, fmt, x0, x1, 0.0, width);
    let scale = probe.scale;

    // Notes are known only after the segments are measured; measure with the default thickness.
    let measured: Vec<(Vec<Part>, Vec<String>)> = data
        .iter()
        .map(|datum| {
            let mut pos = Decimal::ZERO;
            let mut neg = Decimal::ZERO;
            let mut parts = Vec::new();
            let mut notes = Vec::new();
            for (name, value) in &datum.segments {
                if value.is_zero() {
                    continue;
                }
                let series_index = series.iter().position(|s| s == name).unwrap_or(0);
                let (from, to) = if value.is_sign_negative() {
                    let from = neg;
                    neg = dec::saturating_add(neg, *value);
                    (from, neg)
                } else {
                    let from = pos;
                    pos = dec::saturating_add(pos, *value);
                    (from, pos)
                };
                let (a, b) = (scale.px(from), scale.px(to));
                let (left, right) = if a <= b { (a, b) } else { (b, a) };
                let short = compact(*value, fmt);
                if text_width(&short, FONT_PX) + 6.0 > right - left {
                    notes.push(format!("{name}: {}", full(*value, fmt)));
                }
                parts.push(Part {
                    series: series_index,
                    value: *value,
                    left,
                    right,
                });
            }
            (parts, wrap_notes(&notes, x1 - x0))
        })
        .collect();

    let note_lines: usize = measured.iter().map(|(_, n)| n.len()).sum();
    let chrome = plot_top + AXIS_SPACE + 4.0 + note_lines as f64 * NOTE_LINE;
    let thickness = layout.thickness(data.len(), chrome);
    let value_room = (x1 - x0) * 0.45;

    let mut y = plot_top;
    let mut rows = Vec::with_capacity(data.len());
    for (datum, (parts, notes)) in data.iter().zip(measured) {
        let total = row_total(datum);
        let (label, total_label) = label_line(
            &datum.label,
            bar_value(total, fmt, value_room),
            y + 12.0,
            &layout,
        );
        let bar_y = y + LABEL_LINE;
        let segments = parts
            .into_iter()
            .map(
                |Part {
                     series: series_index,
                     value,
                     left,
                     right,
                 }| {
                    let short = compact(value, fmt);
                    let fits = text_width(&short, FONT_PX) + 6.0 <= right - left;
                    let name = series.get(series_index).cloned().unwrap_or_default();
                    Segment {
                        rect: Rect {
                            x: left,
                            y: bar_y,
                            width: right - left,
                            height: thickness,
                        },
                        series: series_index,
                        negative: value.is_sign_negative(),
                        inside: fits.then(|| Text {
                            x: (left + right) / 2.0,
                            y: bar_y + thickness / 2.0 + 4.0,
                            text: short,
                            anchor: Anchor::Middle,
                        }),
                        title: format!("{name}: {}", full(value, fmt)),
                    }
                },
            )
            .collect();
        let notes_y = bar_y + thickness;
        let notes: Vec<Text> = notes
            .into_iter()
            .enumerate()
            .map(|(i, text)| Text {
                x: x0,
                y: notes_y + 12.0 + NOTE_LINE * i as f64,
                text,
                anchor: Anchor::Start,
            })
            .collect();
        y = notes_y + NOTE_LINE * notes.len() as f64 + ROW_GAP;
        rows.push(StackRow {
            label,
            total_label,
            segments,
            notes,
            full_label: datum.label.clone(),
        });
    }
    let plot_bottom = y;
    let axis = fit_axis(lo, hi, fmt, x0, x1, plot_bottom + 16.0, width);

    StackedChartGeom {
        width,
        height: plot_bottom + AXIS_SPACE,
        series,
        legend,
        rows,
        axis,
        plot_top,
        plot_bottom,
    }
}

/// A text alternative listing every row's parts and total.
pub fn describe_stacked(data: &[StackDatum], fmt: ValueFormat) -> String {
    if data.is_empty() {
        return tr("No data.");
    }
    let rows: Vec<String> = data
        .iter()
        .map(|d| {
            let parts: Vec<String> = d
                .segments
                .iter()
                .map(|(name, v)| format!("{name} {}", full(*v, fmt)))
                .collect();
            trf(
                "{label}: {parts} (total {total})",
                &[
                    ("label", &d.label),
                    ("parts", &parts.join(", ")),
                    ("total", &full(row_total(d), fmt)),
                ],
            )
        })
        .collect();
    format!("{}. {}.", count_bars(data.len()), rows.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn row(label: &str, parts: &[(&str, &str)]) -> StackDatum {
        StackDatum {
            label: label.to_string(),
            segments: parts.iter().map(|(n, v)| (n.to_string(), d(v))).collect(),
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn segments_stack_end_to_end() {
        let data = vec![
            row(
                "General fund",
                &[("Charges", "300000"), ("Unallocated", "100000")],
            ),
            row("Title I", &[("Charges", "200000"), ("Unallocated", "0")]),
        ];
        let g = layout_stacked(&data, ValueFormat::Money, Layout::default());
        assert_eq!(
            g.series,
            vec!["Charges".to_string(), "Unallocated".to_string()]
        );
        assert_eq!(g.legend.len(), 2);
        // $0..$400K over 8..392: 0.96 px per $1,000.
        let gf = &g.rows[0];
        assert_eq!(gf.segments.len(), 2);
        assert!(close(gf.segments[0].rect.x, 8.0));
        assert!(close(gf.segments[0].rect.width, 288.0));
        assert!(close(gf.segments[1].rect.x, 296.0));
        assert!(close(gf.segments[1].rect.width, 96.0));
        assert_eq!(gf.segments[1].series, 1);
        assert_eq!(gf.total_label.text, "$400,000");
        assert_eq!(
            gf.segments[0].inside.as_ref().map(|t| t.text.as_str()),
            Some("$300K")
        );
        // The zero segment is left out of the bar (it stays in the data table).
        assert_eq!(g.rows[1].segments.len(), 1);
        assert!(gf.notes.is_empty());
    }

    #[test]
    fn narrow_segments_are_listed_under_the_bar() {
        let data = vec![row(
            "Carryover",
            &[("Charges", "995000"), ("Unallocated", "5000")],
        )];
        let g = layout_stacked(&data, ValueFormat::Money, Layout::default());
        let r = &g.rows[0];
        assert!(r.segments[1].inside.is_none());
        assert_eq!(r.notes.len(), 1);
        assert_eq!(r.notes[0].text, "Unallocated: $5,000");
        // The note line sits under the bar and the next row starts below it.
        assert!(r.notes[0].y > r.segments[0].rect.y + r.segments[0].rect.height);
        assert!(g.plot_bottom >= r.notes[0].y);
    }

    #[test]
    fn negative_segments_stack_left_of_zero() {
        let data = vec![row("Need", &[("Charges", "100000"), ("Over", "-50000")])];
        let g = layout_stacked(&data, ValueFormat::Money, Layout::default());
        let neg = &g.rows[0].segments[1];
        assert!(neg.negative);
        assert!(close(neg.rect.x + neg.rect.width, g.axis.zero_x));
        assert_eq!(g.rows[0].total_label.text, "$50,000");
    }

    #[test]
    fn empty_all_zero_and_huge_inputs() {
        let g = layout_stacked(&[], ValueFormat::Money, Layout::default());
        assert!(g.rows.is_empty() && g.legend.is_empty());
        let g = layout_stacked(
            &[row("A", &[("x", "0")])],
            ValueFormat::Money,
            Layout::default(),
        );
        assert!(g.rows[0].segments.is_empty());
        let big = Decimal::MAX.to_string();
        let g = layout_stacked(
            &[row(
                "Big",
                &[("a", &big), ("b", &big), ("c", "-100000000000000000000")],
            )],
            ValueFormat::Money,
            Layout::default(),
        );
        for s in &g.rows[0].segments {
            assert!(s.rect.x.is_finite() && s.rect.width.is_finite() && s.rect.width >= 0.0);
        }
        assert_eq!(
            row_total(&row("Big", &[("a", &big), ("b", &big)])),
            Decimal::MAX
        );
    }

    #[test]
    fn notes_wrap_to_the_plot_width() {
        let items: Vec<String> = (0..6)
            .map(|i| format!("Series number {i}: $1,000"))
            .collect();
        let lines = wrap_notes(&items, 384.0);
        assert!(lines.len() >= 2);
        assert!(lines.iter().all(|l| text_width(l, FONT_PX) <= 384.0));
    }

    #[test]
    fn description_lists_parts_and_totals() {
        let data = vec![row(
            "Title I",
            &[("Restricted", "700"), ("Unrestricted", "0")],
        )];
        assert_eq!(
            describe_stacked(&data, ValueFormat::Money),
            "1 bar. Title I: Restricted $700, Unrestricted $0 (total $700)."
        );
    }
}
