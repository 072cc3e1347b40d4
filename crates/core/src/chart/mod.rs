//! Chart geometry for accessible SVG charts: scales, bars, stacks and waterfalls, computed in plain Rust.
//!
//! Every chart is laid out as horizontal rows (a text line above each bar, values on that line)
//! so long labels and money never collide, even on a 390-px phone. Coordinates are viewBox
//! units as `f64`; money stays `Decimal` until it becomes a pixel.

pub mod bars;
pub mod scale;
pub mod scatter;
pub mod stacked;
pub mod waterfall;

use crate::util::i18n::trn;

/// Default viewBox width: close to a phone's width so text stays legible when scaled down.
pub const DEFAULT_WIDTH: f64 = 400.0;
/// Font size of all chart text, in viewBox units.
pub const FONT_PX: f64 = 12.0;
/// Average glyph width as a share of the font size; generous so estimates err on the wide side.
const CHAR_EM: f64 = 0.62;
/// Space kept clear on the left and right of the plot.
pub const SIDE_PAD: f64 = 8.0;
/// Thickness of a bar when no height is requested.
pub const BAR_THICKNESS: f64 = 16.0;

/// Height of the text line above each bar (label on the left, value on the right).
pub const LABEL_LINE: f64 = 16.0;
/// Space after each row.
pub const ROW_GAP: f64 = 10.0;
/// Space below the plot for tick labels.
pub const AXIS_SPACE: f64 = 24.0;

/// The size a chart is laid out for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Layout {
    /// viewBox width; the SVG scales to its container.
    pub width: f64,
    /// A requested viewBox height: rows grow thicker to fill it (never thinner than the default).
    pub height: Option<f64>,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            width: DEFAULT_WIDTH,
            height: None,
        }
    }
}

impl Layout {
    /// Bar thickness for `rows` rows when `chrome` units go to legend, axis and extra text.
    pub fn thickness(&self, rows: usize, chrome: f64) -> f64 {
        let Some(height) = self.height.filter(|h| h.is_finite()) else {
            return BAR_THICKNESS;
        };
        if rows == 0 {
            return BAR_THICKNESS;
        }
        let pitch = (height - chrome) / rows as f64;
        (pitch - LABEL_LINE - ROW_GAP).clamp(BAR_THICKNESS, 64.0)
    }

    /// The plot's left and right edges.
    pub fn plot_x(&self) -> (f64, f64) {
        let width = self.view_width();
        (SIDE_PAD, width - SIDE_PAD)
    }

    /// The viewBox width actually used (at least 120 so a plot always exists).
    pub fn view_width(&self) -> f64 {
        if self.width.is_finite() {
            self.width.max(120.0)
        } else {
            DEFAULT_WIDTH
        }
    }
}

/// How values are written on the chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ValueFormat {
    /// Dollars: `$412,000` on the bars, `$400K` on the axis.
    #[default]
    Money,
    /// Plain numbers such as FTE or positions: `2.4`, `1.5K`.
    Number,
    /// Fractions shown as percents: `0.125` is `12.5%`.
    Percent,
}

/// Where a text's x coordinate sits relative to the text (SVG `text-anchor`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// x is the left edge.
    Start,
    /// x is the centre.
    Middle,
    /// x is the right edge.
    End,
}

impl Anchor {
    /// The SVG `text-anchor` value.
    pub fn svg(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// An axis-aligned rectangle in viewBox units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width, never negative.
    pub width: f64,
    /// Height, never negative.
    pub height: f64,
}

/// A straight line segment, for connectors and grid lines.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Line {
    /// Start x.
    pub x1: f64,
    /// Start y.
    pub y1: f64,
    /// End x.
    pub x2: f64,
    /// End y.
    pub y2: f64,
}

/// A piece of text placed on the chart (y is the baseline).
#[derive(Clone, Debug, PartialEq)]
pub struct Text {
    /// Anchor x.
    pub x: f64,
    /// Baseline y.
    pub y: f64,
    /// The words shown.
    pub text: String,
    /// How x relates to the text.
    pub anchor: Anchor,
}

/// One legend entry: a swatch and its words.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendItem {
    /// The swatch square.
    pub swatch: Rect,
    /// The words next to it.
    pub label: Text,
    /// Series index (stacked) or kind index (bars, waterfall) that picks colour and pattern.
    pub index: usize,
}

/// Estimated width of `text` at `font_px`; charts use it to keep labels apart.
pub fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars().count() as f64 * font_px * CHAR_EM
}

/// Shortens `text` with an ellipsis so it fits in `max_px`; the full text stays in the data table.
pub fn fit_text(text: &str, max_px: f64, font_px: f64) -> String {
    if text_width(text, font_px) <= max_px {
        return text.to_string();
    }
    let room = (max_px / (font_px * CHAR_EM)).floor() as usize;
    if room <= 1 {
        return "…".to_string();
    }
    let kept: String = text.chars().take(room - 1).collect();
    format!("{}…", kept.trim_end())
}

/// "1 bar", "3 bars": the opening of a text alternative.
pub(crate) fn count_bars(n: usize) -> String {
    trn("1 bar", "{n} bars", n as u64, &[])
}

/// Makes a coordinate safe for SVG: NaN and infinities become 0.
pub(crate) fn finite(v: f64) -> f64 {
    if v.is_finite() {
        v
    } else {
        0.0
    }
}

/// A coordinate with one decimal (`12.3`, `-4.0`), for SVG attributes.
///
/// Rounds tenths half away from zero and writes them with integer formatting: the same
/// text as `format!("{v:.1}")` but for exact ties and `-0.0`, without the float
/// formatting code (about 5 KB of gzipped wasm). NaN and infinities write `0.0`.
pub fn svg_number(v: f64) -> String {
    // Beyond ±1e15 the tenths would not fit an i64 exactly; no chart comes near that.
    let tenths = (finite(v).clamp(-1e15, 1e15) * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let abs = tenths.unsigned_abs();
    format!("{sign}{}.{}", abs / 10, abs % 10)
}

/// Lays legend entries left to right, wrapping to new lines; returns them and the height used.
pub(crate) fn layout_legend(
    labels: &[(usize, String)],
    top: f64,
    width: f64,
) -> (Vec<LegendItem>, f64) {
    const SWATCH: f64 = 12.0;
    const LINE: f64 = 20.0;
    let mut items = Vec::with_capacity(labels.len());
    if labels.is_empty() {
        return (items, 0.0);
    }
    let right = width - SIDE_PAD;
    let mut x = SIDE_PAD;
    let mut y = top;
    for (index, label) in labels {
        let room = right - SIDE_PAD - SWATCH - 4.0;
        let text = fit_text(label, room, FONT_PX);
        let need = SWATCH + 4.0 + text_width(&text, FONT_PX);
        if x > SIDE_PAD && x + need > right {
            x = SIDE_PAD;
            y += LINE;
        }
        items.push(LegendItem {
            swatch: Rect {
                x,
                y: y + 2.0,
                width: SWATCH,
                height: SWATCH,
            },
            label: Text {
                x: x + SWATCH + 4.0,
                y: y + 12.0,
                text,
                anchor: Anchor::Start,
            },
            index: *index,
        });
        x += need + 14.0;
    }
    (items, y + LINE - top)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_text_keeps_short_text_and_truncates_long_text() {
        assert_eq!(fit_text("Year 1", 200.0, 12.0), "Year 1");
        // 12 px × 0.62 = 7.44 px a character: 60 px holds 8 characters, 7 plus the ellipsis.
        assert_eq!(fit_text("Need-weighted allocation", 60.0, 12.0), "Need-we…");
        assert_eq!(fit_text("Anything", 5.0, 12.0), "…");
    }

    #[test]
    fn legend_wraps_when_the_line_is_full() {
        let labels = vec![
            (0, "Charges to this source this year".to_string()),
            (1, "Unallocated dollars".to_string()),
            (2, "Flexible".to_string()),
        ];
        let (items, height) = layout_legend(&labels, 0.0, 400.0);
        assert_eq!(items.len(), 3);
        assert_eq!(items[0].swatch.x, SIDE_PAD);
        // The second label does not fit after the first on a 400-unit line.
        assert_eq!(items[1].swatch.x, SIDE_PAD);
        assert_eq!(items[1].swatch.y, 22.0);
        for item in &items {
            assert!(item.label.x + text_width(&item.label.text, FONT_PX) <= 400.0 - SIDE_PAD);
        }
        assert!(height >= 40.0);
    }

    #[test]
    fn svg_number_writes_one_decimal() {
        assert_eq!(svg_number(12.34), "12.3");
        assert_eq!(svg_number(12.36), "12.4");
        assert_eq!(svg_number(0.0), "0.0");
        assert_eq!(svg_number(640.0), "640.0");
        assert_eq!(svg_number(-4.25), "-4.3");
        assert_eq!(svg_number(-0.04), "0.0");
        assert_eq!(svg_number(0.96), "1.0");
        assert_eq!(svg_number(f64::NAN), "0.0");
        assert_eq!(svg_number(1e300), "1000000000000000.0");
    }

    #[test]
    fn finite_replaces_nan() {
        assert_eq!(finite(f64::NAN), 0.0);
        assert_eq!(finite(f64::INFINITY), 0.0);
        assert_eq!(finite(3.5), 3.5);
    }
}
