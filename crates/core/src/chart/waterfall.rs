//! Waterfall geometry: from a starting balance through signed steps to the ending balance,
//! one row per step, each floating between the running totals before and after it.

use crate::util::dec;
use rust_decimal::Decimal;

use super::bars::label_line;
use super::scale::{bar_value, fit_axis, full, Axis};
use super::{
    layout_legend, Layout, LegendItem, Line, Rect, Text, ValueFormat, AXIS_SPACE, LABEL_LINE,
    ROW_GAP,
};
use crate::util::i18n::{tr, trf};

/// One change on the way from the start to the end, such as ("Enrollment −10%", −412000).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WaterfallStep {
    /// What changed.
    pub label: String,
    /// By how much (negative for a loss).
    pub delta: Decimal,
}

/// How a row is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepKind {
    /// The starting or ending balance, drawn from zero.
    Total,
    /// A step that raises the balance (or leaves it unchanged).
    Up,
    /// A step that lowers it: hatched and outlined, and labelled with the minus sign.
    Down,
}

impl StepKind {
    /// The legend index of this kind (0 balance, 1 increase, 2 decrease).
    pub fn index(self) -> usize {
        match self {
            StepKind::Total => 0,
            StepKind::Up => 1,
            StepKind::Down => 2,
        }
    }
}

/// Where one row starts and ends in dollars.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Running {
    /// Value at the row's start (0 for totals).
    pub from: Decimal,
    /// Value at the row's end (the balance for totals).
    pub to: Decimal,
    /// Row kind.
    pub kind: StepKind,
}

/// A laid-out row.
#[derive(Clone, Debug, PartialEq)]
pub struct WaterfallBar {
    /// The bar (at least 1 unit wide so a zero step still shows).
    pub rect: Rect,
    /// Row kind.
    pub kind: StepKind,
    /// Label text on the line above the bar.
    pub label: Text,
    /// Signed change, or the balance for totals.
    pub value_label: Text,
    /// The untruncated label.
    pub full_label: String,
    /// The full value text: `−$412,000`, `+$236,000`, `$1,200,000`.
    pub full_value: String,
    /// Running totals at this row.
    pub running: Running,
}

/// A laid-out waterfall chart.
#[derive(Clone, Debug, PartialEq)]
pub struct WaterfallGeom {
    /// viewBox width.
    pub width: f64,
    /// viewBox height.
    pub height: f64,
    /// Legend entries for the kinds present (index as [`StepKind::index`]).
    pub legend: Vec<LegendItem>,
    /// Start, steps, end.
    pub bars: Vec<WaterfallBar>,
    /// Dashed lines carrying each running total down to the next row.
    pub connectors: Vec<Line>,
    /// Value axis.
    pub axis: Axis,
    /// Top of the plot.
    pub plot_top: f64,
    /// Bottom of the plot.
    pub plot_bottom: f64,
}

/// Running totals for start, each step and end; sums saturate instead of overflowing.
pub fn running_totals(start: Decimal, steps: &[WaterfallStep]) -> Vec<Running> {
    let mut out = Vec::with_capacity(steps.len() + 2);
    out.push(Running {
        from: Decimal::ZERO,
        to: start,
        kind: StepKind::Total,
    });
    let mut total = start;
    for step in steps {
        let next = dec::saturating_add(total, step.delta);
        out.push(Running {
            from: total,
            to: next,
            kind: if step.delta.is_sign_negative() && !step.delta.is_zero() {
                StepKind::Down
            } else {
                StepKind::Up
            },
        });
        total = next;
    }
    out.push(Running {
        from: Decimal::ZERO,
        to: total,
        kind: StepKind::Total,
    });
    out
}

/// A signed change for a step's label: `+$236,000`, `−$412,000`, `$0`.
fn signed(text: String, delta: Decimal) -> String {
    if delta > Decimal::ZERO {
        format!("+{text}")
    } else {
        text
    }
}

/// Lays out a waterfall from `start` (named `start_label`) through `steps` to the end.
pub fn layout_waterfall(
    start_label: &str,
    start: Decimal,
    steps: &[WaterfallStep],
    end_label: &str,
    fmt: ValueFormat,
    layout: Layout,
) -> WaterfallGeom {
    let width = layout.view_width();
    let (x0, x1) = layout.plot_x();
    let running = running_totals(start, steps);

    let mut kinds: Vec<StepKind> = Vec::new();
    for kind in [StepKind::Total, StepKind::Up, StepKind::Down] {
        if running.iter().any(|r| r.kind == kind) {
            kinds.push(kind);
        }
    }
    let legend_labels: Vec<(usize, String)> = kinds
        .iter()
        .map(|k| {
            let text = match k {
                StepKind::Total => tr("Balance"),
                StepKind::Up => tr("Increase (+)"),
                StepKind::Down => tr("Decrease (−, hatched)"),
            };
            (k.index(), text)
        })
        .collect();
    let (legend, legend_height) = layout_legend(&legend_labels, 4.0, width);
    let plot_top = 4.0 + legend_height;
    let thickness = layout.thickness(running.len(), plot_top + AXIS_SPACE + 4.0);
    let pitch = LABEL_LINE + thickness + ROW_GAP;
    let plot_bottom = plot_top + pitch * running.len() as f64;

    let lo = running.iter().map(|r| r.to).min().unwrap_or(Decimal::ZERO);
    let hi = running.iter().map(|r| r.to).max().unwrap_or(Decimal::ZERO);
    let axis = fit_axis(lo, hi, fmt, x0, x1, plot_bottom + 16.0, width);

    let value_room = (x1 - x0) * 0.45;
    let labels = std::iter::once(start_label)
        .chain(steps.iter().map(|s| s.label.as_str()))
        .chain(std::iter::once(end_label));
    let bars: Vec<WaterfallBar> = running
        .iter()
        .zip(labels)
        .enumerate()
        .map(|(i, (r, label))| {
            let top = plot_top + pitch * i as f64;
            let (value, full_value) = match r.kind {
                StepKind::Total => (bar_value(r.to, fmt, value_room), full(r.to, fmt)),
                _ => {
                    let delta = dec::saturating_sub(r.to, r.from);
                    (
                        signed(bar_value(delta, fmt, value_room), delta),
                        signed(full(delta, fmt), delta),
                    )
                }
            };
            let (label_text, value_label) = label_line(label, value, top + 12.0, &layout);
            let (a, b) = (axis.scale.px(r.from), axis.scale.px(r.to));
            let (mut left, right) = if a <= b { (a, b) } else { (b, a) };
            let mut bar_width = right - left;
            if bar_width < 1.0 {
                // A zero step still leaves a visible tick at its running total.
                left -= (1.0 - bar_width) / 2.0;
                bar_width = 1.0;
            }
            WaterfallBar {
                rect: Rect {
                    x: left,
                    y: top + LABEL_LINE,
                    width: bar_width,
                    height: thickness,
                },
                kind: r.kind,
                label: label_text,
                value_label,
                full_label: label.to_string(),
                full_value,
                running: *r,
            }
        })
        .collect();

    let connectors = bars
        .windows(2)
        .map(|pair| {
            let x = axis.scale.px(pair[0].running.to);
            Line {
                x1: x,
                y1: pair[0].rect.y + pair[0].rect.height,
                x2: x,
                y2: pair[1].rect.y,
            }
        })
        .collect();

    WaterfallGeom {
        width,
        height: plot_bottom + AXIS_SPACE,
        legend,
        bars,
        connectors,
        axis,
        plot_top,
        plot_bottom,
    }
}

/// A text alternative: the start, every step with its running total, and the end.
pub fn describe_waterfall(
    start_label: &str,
    start: Decimal,
    steps: &[WaterfallStep],
    end_label: &str,
    fmt: ValueFormat,
) -> String {
    let running = running_totals(start, steps);
    let mut parts = vec![format!("{start_label}: {}", full(start, fmt))];
    for (step, r) in steps.iter().zip(running.iter().skip(1)) {
        parts.push(trf(
            "{label}: {change}, giving {total}",
            &[
                ("label", &step.label),
                ("change", &signed(full(step.delta, fmt), step.delta)),
                ("total", &full(r.to, fmt)),
            ],
        ));
    }
    let end = running.last().map(|r| r.to).unwrap_or(start);
    parts.push(format!("{end_label}: {}", full(end, fmt)));
    format!("{}.", parts.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn step(label: &str, delta: &str) -> WaterfallStep {
        WaterfallStep {
            label: label.to_string(),
            delta: d(delta),
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    fn example() -> Vec<WaterfallStep> {
        vec![
            step("Enrollment \u{2212}10%", "-412000"),
            step("Norm teacher reductions", "236000"),
            step("Cost change", "0"),
        ]
    }

    #[test]
    fn running_totals_chain_each_step() {
        let r = running_totals(d("100000"), &example());
        assert_eq!(r.len(), 5);
        assert_eq!(
            (r[0].from, r[0].to, r[0].kind),
            (d("0"), d("100000"), StepKind::Total)
        );
        assert_eq!(
            (r[1].from, r[1].to, r[1].kind),
            (d("100000"), d("-312000"), StepKind::Down)
        );
        assert_eq!(
            (r[2].from, r[2].to, r[2].kind),
            (d("-312000"), d("-76000"), StepKind::Up)
        );
        assert_eq!(
            (r[3].from, r[3].to, r[3].kind),
            (d("-76000"), d("-76000"), StepKind::Up)
        );
        assert_eq!(
            (r[4].from, r[4].to, r[4].kind),
            (d("0"), d("-76000"), StepKind::Total)
        );
    }

    #[test]
    fn bars_float_between_running_totals() {
        let g = layout_waterfall(
            "Baseline balance",
            d("100000"),
            &example(),
            "Scenario balance",
            ValueFormat::Money,
            Layout::default(),
        );
        // Span $412K in 6 intervals → $100K steps; −$400K..$100K over 8..392:
        // 0.768 px per $1,000, zero at 8 + 400 × 0.768 = 315.2.
        assert_eq!(
            (g.axis.ticks.min, g.axis.ticks.max),
            (d("-400000"), d("100000"))
        );
        let z = 315.2;
        assert!(close(g.axis.zero_x, z));
        let down = &g.bars[1];
        assert_eq!(down.kind, StepKind::Down);
        assert!(close(down.rect.x, z - 312.0 * 0.768));
        assert!(close(down.rect.width, 412.0 * 0.768));
        assert_eq!(down.value_label.text, "\u{2212}$412,000");
        assert_eq!(g.bars[2].value_label.text, "+$236,000");
        // The zero step is a 1-unit tick centred on the running total.
        assert!(close(g.bars[3].rect.width, 1.0));
        assert!(close(g.bars[3].rect.x + 0.5, z - 76.0 * 0.768));
        let end = &g.bars[4];
        assert_eq!(end.kind, StepKind::Total);
        assert_eq!(end.value_label.text, "\u{2212}$76,000");
        assert!(close(end.rect.x + end.rect.width, z));
        assert_eq!(g.connectors.len(), 4);
        assert!(close(g.connectors[0].x1, z + 100.0 * 0.768));
        assert_eq!(g.legend.len(), 3);
    }

    #[test]
    fn no_steps_gives_start_and_end() {
        let g = layout_waterfall(
            "Start",
            d("0"),
            &[],
            "End",
            ValueFormat::Money,
            Layout::default(),
        );
        assert_eq!(g.bars.len(), 2);
        assert_eq!(g.bars[1].value_label.text, "$0");
        assert_eq!(g.legend.len(), 1);
    }

    #[test]
    fn huge_steps_saturate_without_nan() {
        let steps = vec![
            step("a", &Decimal::MAX.to_string()),
            step("b", &Decimal::MAX.to_string()),
        ];
        let r = running_totals(d("100000000000000000000"), &steps);
        assert_eq!(r[3].to, Decimal::MAX);
        let g = layout_waterfall(
            "s",
            d("1"),
            &steps,
            "e",
            ValueFormat::Money,
            Layout::default(),
        );
        for b in &g.bars {
            assert!(b.rect.x.is_finite() && b.rect.width.is_finite() && b.rect.width >= 0.0);
        }
    }

    #[test]
    fn description_reads_like_a_sentence() {
        let text = describe_waterfall(
            "Baseline balance",
            d("100000"),
            &example()[..2],
            "Scenario balance",
            ValueFormat::Money,
        );
        assert_eq!(
            text,
            "Baseline balance: $100,000; Enrollment \u{2212}10%: \u{2212}$412,000, giving \
             \u{2212}$312,000; Norm teacher reductions: +$236,000, giving \u{2212}$76,000; \
             Scenario balance: \u{2212}$76,000."
        );
    }
}
