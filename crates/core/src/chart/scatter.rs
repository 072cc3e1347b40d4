//! Scatter chart geometry: one dot per datum on two value axes, each labelled where the
//! label does not cover another label or dot (the numbers table always has every name).

use rust_decimal::Decimal;

use super::scale::{compact, fit_axis, full, nice_ticks, Axis, LinearScale};
use super::{fit_text, text_width, Anchor, Layout, Rect, Text, ValueFormat};
use super::{AXIS_SPACE, FONT_PX, SIDE_PAD};
use crate::util::i18n::{tr, trf, trn};

/// One point's input: a name and its two values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScatterDatum {
    /// The name shown beside the dot, such as a school's.
    pub label: String,
    /// The horizontal value.
    pub x: Decimal,
    /// The vertical value.
    pub y: Decimal,
}

/// A laid-out point.
#[derive(Clone, Debug, PartialEq)]
pub struct ScatterPoint {
    /// Centre x.
    pub cx: f64,
    /// Centre y.
    pub cy: f64,
    /// The name beside the dot, or none where it would cover another label or dot.
    pub label: Option<Text>,
    /// The untruncated name, for a tooltip.
    pub full_label: String,
    /// The x value as written in the numbers table.
    pub x_text: String,
    /// The y value as written in the numbers table.
    pub y_text: String,
}

/// A tick of the vertical axis: its grid line's y and its label left of the plot.
#[derive(Clone, Debug, PartialEq)]
pub struct YTick {
    /// The grid line's y.
    pub y: f64,
    /// The label.
    pub label: Text,
}

/// A laid-out scatter chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ScatterGeom {
    /// viewBox width.
    pub width: f64,
    /// viewBox height.
    pub height: f64,
    /// The plot area.
    pub plot: Rect,
    /// One point per datum, in input order.
    pub points: Vec<ScatterPoint>,
    /// The horizontal axis below the plot.
    pub x_axis: Axis,
    /// The vertical axis's ticks, low to high.
    pub y_ticks: Vec<YTick>,
    /// The horizontal axis's title, under its tick labels.
    pub x_title: Text,
    /// The vertical axis's title, above the plot.
    pub y_title: Text,
}

/// Radius of a dot.
pub const POINT_RADIUS: f64 = 4.0;
/// Widest a point's label may be before it is shortened: about a quarter of the chart,
/// so a wide chart shows whole names and a phone's still has room for several.
fn label_max(width: f64) -> f64 {
    (width * 0.28).clamp(90.0, 200.0)
}

/// A box in viewBox units: left, top, right, bottom.
type Boxed = (f64, f64, f64, f64);

fn overlaps(a: &Boxed, b: &Boxed) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// Lays out a scatter chart: both axes include zero (an honest origin), the titles
/// name the axes, and each label goes right, left, above or below its dot, the first
/// place that covers no label already placed and no other dot, else nowhere.
pub fn layout_scatter(
    data: &[ScatterDatum],
    (x_fmt, y_fmt): (ValueFormat, ValueFormat),
    (x_name, y_name): (&str, &str),
    layout: Layout,
) -> ScatterGeom {
    let width = layout.view_width();
    let height = layout
        .height
        .filter(|h| h.is_finite())
        .unwrap_or(width * 0.75)
        .max(200.0);
    let plot_top = 28.0;
    let plot_bottom = height - AXIS_SPACE - 20.0;
    // Vertical ticks first: their widest label decides where the plot starts.
    let y_lo = data.iter().map(|d| d.y).min().unwrap_or(Decimal::ZERO);
    let y_hi = data.iter().map(|d| d.y).max().unwrap_or(Decimal::ZERO);
    let target = (((plot_bottom - plot_top) / 40.0).floor() as usize).clamp(2, 8);
    let ticks = nice_ticks(y_lo, y_hi, target);
    let labels: Vec<String> = ticks.values.iter().map(|v| compact(*v, y_fmt)).collect();
    let widest = labels
        .iter()
        .map(|t| text_width(t, FONT_PX))
        .fold(0.0, f64::max);
    let x0 = SIDE_PAD + widest + 6.0;
    let x1 = (width - SIDE_PAD).max(x0 + 1.0);
    let y_scale = LinearScale {
        domain_min: ticks.min,
        domain_max: ticks.max,
        range_start: plot_bottom,
        range_end: plot_top,
    };
    let y_ticks = ticks
        .values
        .iter()
        .zip(labels)
        .map(|(v, text)| {
            let y = y_scale.px(*v);
            YTick {
                y,
                label: Text {
                    x: x0 - 6.0,
                    y: y + 4.0,
                    text,
                    anchor: Anchor::End,
                },
            }
        })
        .collect();
    let x_lo = data.iter().map(|d| d.x).min().unwrap_or(Decimal::ZERO);
    let x_hi = data.iter().map(|d| d.x).max().unwrap_or(Decimal::ZERO);
    let x_axis = fit_axis(x_lo, x_hi, x_fmt, x0, x1, plot_bottom + 16.0, width);
    let centres: Vec<(f64, f64)> = data
        .iter()
        .map(|d| (x_axis.scale.px(d.x), y_scale.px(d.y)))
        .collect();
    let dots: Vec<Boxed> = centres
        .iter()
        .map(|&(x, y)| {
            let r = POINT_RADIUS;
            (x - r, y - r, x + r, y + r)
        })
        .collect();
    let mut placed: Vec<Boxed> = Vec::new();
    let points = data
        .iter()
        .zip(&centres)
        .enumerate()
        .map(|(i, (d, &(cx, cy)))| {
            let text = fit_text(&d.label, label_max(width), FONT_PX);
            let w = text_width(&text, FONT_PX);
            let gap = POINT_RADIUS + 3.0;
            // Right, left, above, below: (anchor x, baseline y, anchor).
            let spots = [
                (cx + gap, cy + 4.0, Anchor::Start),
                (cx - gap, cy + 4.0, Anchor::End),
                (cx, cy - gap, Anchor::Middle),
                (cx, cy + gap + FONT_PX - 2.0, Anchor::Middle),
            ];
            let fits = |(x, y, anchor): &(f64, f64, Anchor)| {
                let left = match anchor {
                    Anchor::Start => *x,
                    Anchor::Middle => x - w / 2.0,
                    Anchor::End => x - w,
                };
                let b = (left, y - FONT_PX + 2.0, left + w, y + 2.0);
                let inside = b.0 >= 0.0 && b.2 <= width && b.1 >= 0.0 && b.3 <= plot_bottom;
                let clear = !placed.iter().any(|p| overlaps(p, &b))
                    && !dots
                        .iter()
                        .enumerate()
                        .any(|(j, dot)| j != i && overlaps(dot, &b));
                (inside && clear).then_some(b)
            };
            let label = if text.is_empty() {
                None
            } else {
                spots.iter().find_map(|s| fits(s).map(|b| (s, b)))
            }
            .map(|(&(x, y, anchor), b)| {
                placed.push(b);
                Text {
                    x,
                    y,
                    text: text.clone(),
                    anchor,
                }
            });
            ScatterPoint {
                cx,
                cy,
                label,
                full_label: d.label.clone(),
                x_text: full(d.x, x_fmt),
                y_text: full(d.y, y_fmt),
            }
        })
        .collect();
    ScatterGeom {
        width,
        height,
        plot: Rect {
            x: x0,
            y: plot_top,
            width: x1 - x0,
            height: (plot_bottom - plot_top).max(0.0),
        },
        points,
        x_axis,
        y_ticks,
        x_title: Text {
            x: (x0 + x1) / 2.0,
            y: height - 4.0,
            text: fit_text(x_name, x1 - x0, FONT_PX),
            anchor: Anchor::Middle,
        },
        y_title: Text {
            x: SIDE_PAD,
            y: 14.0,
            text: fit_text(y_name, width - 2.0 * SIDE_PAD, FONT_PX),
            anchor: Anchor::Start,
        },
    }
}

/// A text alternative listing every point's two values.
pub fn describe_scatter(
    data: &[ScatterDatum],
    (x_fmt, y_fmt): (ValueFormat, ValueFormat),
    (x_name, y_name): (&str, &str),
) -> String {
    if data.is_empty() {
        return tr("No data.");
    }
    let items: Vec<String> = data
        .iter()
        .map(|d| {
            trf(
                "{label}: {x_name} {x}, {y_name} {y}",
                &[
                    ("label", &d.label),
                    ("x_name", &x_name),
                    ("x", &full(d.x, x_fmt)),
                    ("y_name", &y_name),
                    ("y", &full(d.y, y_fmt)),
                ],
            )
        })
        .collect();
    trf(
        "{points}. {items}.",
        &[
            (
                "points",
                &trn("1 point", "{n} points", data.len() as u64, &[]),
            ),
            ("items", &items.join("; ")),
        ],
    )
}
