//! Linear scales from a `Decimal` domain to pixels, "nice" ticks and compact tick labels.

use rust_decimal::prelude::*;
use rust_decimal::Decimal;

use super::{finite, text_width, Anchor, Text, ValueFormat, FONT_PX};
use crate::format::{self, MINUS};
use crate::util::dec;

/// Nicely rounded ticks covering a domain that always includes zero.
#[derive(Clone, Debug, PartialEq)]
pub struct Ticks {
    /// Low end of the domain (a tick, or the data minimum if a tick would overflow).
    pub min: Decimal,
    /// High end of the domain.
    pub max: Decimal,
    /// Distance between ticks: 1, 2 or 5 times a power of ten.
    pub step: Decimal,
    /// Tick values from low to high, zero among them.
    pub values: Vec<Decimal>,
}

/// The smallest step: one cent, so ticks never need more precision than money has.
const MIN_STEP: Decimal = Decimal::from_parts(1, 0, 0, false, 2);

/// Ticks for the data range `lo..=hi`, about `target` intervals, always including zero.
pub fn nice_ticks(lo: Decimal, hi: Decimal, target: usize) -> Ticks {
    let lo0 = lo.min(hi).min(Decimal::ZERO);
    let hi0 = hi.max(lo).max(Decimal::ZERO);
    if lo0 == hi0 {
        // All zero (or no data): a unit domain keeps the scale from dividing by zero.
        return Ticks {
            min: Decimal::ZERO,
            max: Decimal::ONE,
            step: Decimal::ONE,
            values: vec![Decimal::ZERO],
        };
    }
    let target = Decimal::from(target.max(1));
    // Dividing before subtracting cannot overflow, even at Decimal::MAX.
    let raw = dec::saturating_sub(dec::div(hi0, target), dec::div(lo0, target));
    let step = nice_step(raw);
    let k_lo = dec::div(lo0, step).floor();
    let k_hi = dec::div(hi0, step).ceil();
    let min = dec::checked_mul(k_lo, step).unwrap_or(lo0);
    let max = dec::checked_mul(k_hi, step).unwrap_or(hi0);
    let mut values = Vec::new();
    let mut k = k_lo;
    // Bounded: step ≥ span / target, so there are at most target + 2 ticks.
    while k <= k_hi && values.len() < 64 {
        if let Some(v) = dec::checked_mul(k, step) {
            if v >= min && v <= max {
                values.push(v);
            }
        }
        k = dec::add(k, Decimal::ONE);
    }
    Ticks {
        min,
        max,
        step,
        values,
    }
}

/// The first of 1, 2, 5, 10 times a power of ten that is at least `raw` (and at least a cent).
fn nice_step(raw: Decimal) -> Decimal {
    if raw <= MIN_STEP {
        return MIN_STEP;
    }
    let mut mag = MIN_STEP;
    while let Some(next) = dec::checked_mul(mag, Decimal::TEN) {
        if next > raw {
            break;
        }
        mag = next;
    }
    let norm = dec::div(raw, mag);
    let nice = [1u32, 2, 5, 10]
        .into_iter()
        .map(Decimal::from)
        .find(|n| norm <= *n)
        .unwrap_or(Decimal::TEN);
    dec::checked_mul(nice, mag).unwrap_or(mag)
}

/// Maps a `Decimal` domain linearly onto a pixel range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinearScale {
    /// Domain low end.
    pub domain_min: Decimal,
    /// Domain high end.
    pub domain_max: Decimal,
    /// Pixel for `domain_min`.
    pub range_start: f64,
    /// Pixel for `domain_max`.
    pub range_end: f64,
}

impl LinearScale {
    /// The pixel for a value; values outside the domain extrapolate, NaN never escapes.
    pub fn px(&self, value: Decimal) -> f64 {
        // f64 only for pixels: the ratio needs no cent precision.
        let lo = self.domain_min.to_f64().unwrap_or(0.0);
        let hi = self.domain_max.to_f64().unwrap_or(0.0);
        let v = value.to_f64().unwrap_or(0.0);
        let span = hi - lo;
        if span == 0.0 || !span.is_finite() {
            return self.range_start;
        }
        finite(self.range_start + (v - lo) / span * (self.range_end - self.range_start))
    }
}

/// Rounds to `sig` significant digits, keeping at most cents.
fn round_significant(value: Decimal, sig: u32) -> Decimal {
    let abs = value.abs();
    let digits = abs
        .trunc()
        .normalize()
        .to_string()
        .trim_start_matches('0')
        .len() as u32;
    let rounded = if digits > sig {
        let factor = Decimal::from_i128_with_scale(10i128.pow(digits - sig), 0);
        let whole =
            dec::div(abs, factor).round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
        dec::checked_mul(whole, factor).unwrap_or(abs)
    } else {
        let dp = (sig - digits).min(2);
        abs.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
    };
    if value.is_sign_negative() {
        -rounded
    } else {
        rounded
    }
}

/// Groups the integer part of a plain decimal text with commas.
fn group(text: &str) -> String {
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text, None),
    };
    let mut out = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// A short label with three significant digits: `$1.2M`, `−$400K`, `$50K`, `2.4`, `1.5K`.
pub fn compact(value: Decimal, fmt: ValueFormat) -> String {
    if fmt == ValueFormat::Percent {
        return format::percent(value);
    }
    let rounded = round_significant(value, 3);
    let abs = rounded.abs();
    let units = [
        (Decimal::from(1_000_000_000_000u64), "T"),
        (Decimal::from(1_000_000_000u64), "B"),
        (Decimal::from(1_000_000u64), "M"),
        (Decimal::from(1_000u64), "K"),
    ];
    let (number, suffix) = units
        .iter()
        .find(|(unit, _)| abs >= *unit)
        .map(|(unit, suffix)| (dec::div(abs, *unit).normalize(), *suffix))
        .unwrap_or((abs.normalize(), ""));
    let sign = if rounded.is_sign_negative() && !rounded.is_zero() {
        MINUS.to_string()
    } else {
        String::new()
    };
    let dollar = match fmt {
        ValueFormat::Money => "$",
        ValueFormat::Number | ValueFormat::Percent => "",
    };
    // Small money with a fraction keeps its cents, as money is written elsewhere.
    let digits = if fmt == ValueFormat::Money && suffix.is_empty() && !number.fract().is_zero() {
        format!("{:.2}", number)
    } else {
        group(&number.to_string())
    };
    format!("{sign}{dollar}{digits}{suffix}")
}

/// The full value as written in data tables: `−$412,000`, or a plain number `2.4`.
pub fn full(value: Decimal, fmt: ValueFormat) -> String {
    match fmt {
        ValueFormat::Money if value.fract().is_zero() => format::money_whole(value),
        ValueFormat::Money => format::money(value),
        ValueFormat::Percent => format::percent(value),
        ValueFormat::Number => {
            let text = group(&format::fte(value.abs()));
            if value.is_sign_negative() && !value.is_zero() {
                format!("{MINUS}{text}")
            } else {
                text
            }
        }
    }
}

/// A value for a bar's label line: the full amount if it takes under `max_px`, else compact.
pub fn bar_value(value: Decimal, fmt: ValueFormat, max_px: f64) -> String {
    let long = full(value, fmt);
    if text_width(&long, FONT_PX) <= max_px {
        long
    } else {
        compact(value, fmt)
    }
}

/// A horizontal value axis: scale, ticks with labels that do not overlap, and the zero line.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    /// Value to x.
    pub scale: LinearScale,
    /// Tick values.
    pub ticks: Ticks,
    /// One label per tick, placed below the plot.
    pub labels: Vec<Text>,
    /// x of the zero line.
    pub zero_x: f64,
}

/// Builds an axis over `x0..=x1` for data in `lo..=hi`, with as many ticks as fit without overlap.
pub fn fit_axis(
    lo: Decimal,
    hi: Decimal,
    fmt: ValueFormat,
    x0: f64,
    x1: f64,
    label_y: f64,
    view_width: f64,
) -> Axis {
    // A tick label is at most about seven characters; wider spacing for a 390-px phone.
    let most = (((x1 - x0) / 60.0).floor() as usize).clamp(2, 10);
    let mut fallback = None;
    for target in (2..=most).rev() {
        let axis = axis_for(lo, hi, fmt, x0, x1, label_y, view_width, target);
        if labels_apart(&axis.labels) {
            return axis;
        }
        fallback = Some(axis);
    }
    // Too narrow for even two intervals: keep only the zero tick, which never collides.
    let mut axis =
        fallback.unwrap_or_else(|| axis_for(lo, hi, fmt, x0, x1, label_y, view_width, 2));
    let keep: Vec<usize> = axis
        .ticks
        .values
        .iter()
        .enumerate()
        .filter(|(_, v)| v.is_zero())
        .map(|(i, _)| i)
        .collect();
    axis.labels = keep
        .iter()
        .filter_map(|&i| axis.labels.get(i).cloned())
        .collect();
    axis.ticks.values = keep
        .iter()
        .filter_map(|&i| axis.ticks.values.get(i).copied())
        .collect();
    axis
}

/// One candidate axis with `target` intervals.
#[allow(clippy::too_many_arguments)]
fn axis_for(
    lo: Decimal,
    hi: Decimal,
    fmt: ValueFormat,
    x0: f64,
    x1: f64,
    label_y: f64,
    view_width: f64,
    target: usize,
) -> Axis {
    let ticks = nice_ticks(lo, hi, target);
    let scale = LinearScale {
        domain_min: ticks.min,
        domain_max: ticks.max,
        range_start: x0,
        range_end: x1,
    };
    let labels = ticks
        .values
        .iter()
        .map(|&v| {
            let text = compact(v, fmt);
            let x = scale.px(v);
            let half = text_width(&text, FONT_PX) / 2.0;
            // End labels hug the edge instead of spilling out of the viewBox.
            let anchor = if x - half < 0.0 {
                Anchor::Start
            } else if x + half > view_width {
                Anchor::End
            } else {
                Anchor::Middle
            };
            let x = match anchor {
                Anchor::Start => x.max(0.0),
                Anchor::End => x.min(view_width),
                Anchor::Middle => x,
            };
            Text {
                x,
                y: label_y,
                text,
                anchor,
            }
        })
        .collect();
    let zero_x = scale.px(Decimal::ZERO);
    Axis {
        scale,
        ticks,
        labels,
        zero_x,
    }
}

/// The horizontal extent of a label.
pub(crate) fn extent(label: &Text) -> (f64, f64) {
    let w = text_width(&label.text, FONT_PX);
    match label.anchor {
        Anchor::Start => (label.x, label.x + w),
        Anchor::Middle => (label.x - w / 2.0, label.x + w / 2.0),
        Anchor::End => (label.x - w, label.x),
    }
}

/// Whether neighbouring labels keep at least a small gap between them.
fn labels_apart(labels: &[Text]) -> bool {
    labels
        .windows(2)
        .all(|pair| extent(&pair[0]).1 + 6.0 <= extent(&pair[1]).0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn ds(xs: &[&str]) -> Vec<Decimal> {
        xs.iter().map(|s| d(s)).collect()
    }

    #[test]
    fn ticks_for_a_positive_range() {
        // 0..=480,000 in 5 intervals: raw 96,000 → step 100,000.
        let t = nice_ticks(d("120000"), d("480000"), 5);
        assert_eq!(t.step, d("100000"));
        assert_eq!(t.min, d("0"));
        assert_eq!(t.max, d("500000"));
        assert_eq!(
            t.values,
            ds(&["0", "100000", "200000", "300000", "400000", "500000"])
        );
    }

    #[test]
    fn ticks_for_a_range_crossing_zero() {
        // −412,000..=236,000: span 648,000 / 4 = 162,000 → step 200,000.
        let t = nice_ticks(d("-412000"), d("236000"), 4);
        assert_eq!(t.step, d("200000"));
        assert_eq!(
            t.values,
            ds(&["-600000", "-400000", "-200000", "0", "200000", "400000"])
        );
    }

    #[test]
    fn ticks_for_all_negative_values_end_at_zero() {
        let t = nice_ticks(d("-90"), d("-10"), 5);
        // span 90 / 5 = 18 → step 20; domain −100..0.
        assert_eq!(t.step, d("20"));
        assert_eq!(t.min, d("-100"));
        assert_eq!(t.max, d("0"));
        assert_eq!(t.values.last(), Some(&d("0")));
        assert_eq!(t.values.len(), 6);
    }

    #[test]
    fn ticks_for_all_zero_and_tiny_values() {
        let t = nice_ticks(d("0"), d("0"), 5);
        assert_eq!(t.values, ds(&["0"]));
        assert_eq!((t.min, t.max), (d("0"), d("1")));
        let t = nice_ticks(d("0"), d("0.01"), 5);
        assert_eq!(t.step, d("0.01"));
        assert_eq!(t.values, ds(&["0", "0.01"]));
    }

    #[test]
    fn ticks_for_huge_values_do_not_panic() {
        let t = nice_ticks(d("-100000000000000000000"), d("100000000000000000000"), 5);
        assert_eq!(t.step, d("50000000000000000000"));
        assert_eq!(t.values.len(), 5);
        let t = nice_ticks(Decimal::MIN, Decimal::MAX, 5);
        assert!(!t.values.is_empty());
        assert!(t.values.len() <= 8);
        assert!(t.values.contains(&Decimal::ZERO));
    }

    #[test]
    fn scale_maps_domain_to_pixels() {
        let s = LinearScale {
            domain_min: d("-200000"),
            domain_max: d("600000"),
            range_start: 0.0,
            range_end: 400.0,
        };
        assert_eq!(s.px(d("0")), 100.0);
        assert_eq!(s.px(d("600000")), 400.0);
        assert_eq!(s.px(d("-200000")), 0.0);
        let flat = LinearScale {
            domain_min: d("5"),
            domain_max: d("5"),
            range_start: 10.0,
            range_end: 20.0,
        };
        assert_eq!(flat.px(d("7")), 10.0);
        let huge = LinearScale {
            domain_min: Decimal::MIN,
            domain_max: Decimal::MAX,
            range_start: 0.0,
            range_end: 400.0,
        };
        assert_eq!(huge.px(d("0")), 200.0);
        assert!(huge.px(Decimal::MAX).is_finite());
    }

    #[test]
    fn compact_money_labels() {
        let m = ValueFormat::Money;
        assert_eq!(compact(d("0"), m), "$0");
        assert_eq!(compact(d("1200000"), m), "$1.2M");
        assert_eq!(compact(d("-400000"), m), "\u{2212}$400K");
        assert_eq!(compact(d("50000"), m), "$50K");
        assert_eq!(compact(d("412345"), m), "$412K");
        assert_eq!(compact(d("1250000"), m), "$1.25M");
        assert_eq!(compact(d("999950"), m), "$1M");
        assert_eq!(compact(d("750"), m), "$750");
        assert_eq!(compact(d("0.5"), m), "$0.50");
        assert_eq!(compact(d("2500000000"), m), "$2.5B");
        assert_eq!(compact(d("100000000000000000000"), m), "$100,000,000T");
        assert_eq!(compact(d("-0.001"), m), "$0");
    }

    #[test]
    fn compact_and_full_numbers() {
        let n = ValueFormat::Number;
        assert_eq!(compact(d("2.4"), n), "2.4");
        assert_eq!(compact(d("-1.25"), n), "\u{2212}1.25");
        assert_eq!(compact(d("1500"), n), "1.5K");
        assert_eq!(full(d("-2.40"), n), "\u{2212}2.4");
        assert_eq!(full(d("12345"), n), "12,345");
        assert_eq!(full(d("-412000"), ValueFormat::Money), "\u{2212}$412,000");
        assert_eq!(full(d("12.5"), ValueFormat::Money), "$12.50");
    }

    #[test]
    fn bar_value_falls_back_to_compact_when_narrow() {
        let m = ValueFormat::Money;
        assert_eq!(bar_value(d("-412000"), m, 200.0), "\u{2212}$412,000");
        assert_eq!(bar_value(d("-412000"), m, 40.0), "\u{2212}$412K");
    }

    #[test]
    fn phone_axis_labels_never_overlap() {
        // A 390-px phone shows the 400-unit viewBox at about 0.9×; the plot spans 8..392.
        for (lo, hi) in [
            ("-412000", "236000"),
            ("0", "1234567"),
            ("-98765432", "0"),
            ("-1", "1"),
            ("0", "100000000000000000000"),
        ] {
            let axis = fit_axis(d(lo), d(hi), ValueFormat::Money, 8.0, 392.0, 100.0, 400.0);
            assert!(labels_apart(&axis.labels), "{lo}..{hi}: {:?}", axis.labels);
            assert!(axis.labels.len() >= 2, "{lo}..{hi}");
            for label in &axis.labels {
                let (a, b) = extent(label);
                assert!(a >= 0.0 && b <= 400.0, "{label:?} leaves the viewBox");
            }
            assert!(axis.ticks.values.contains(&Decimal::ZERO));
        }
    }

    #[test]
    fn axis_zero_line_sits_at_zero() {
        let axis = fit_axis(
            d("-400000"),
            d("400000"),
            ValueFormat::Money,
            0.0,
            400.0,
            0.0,
            400.0,
        );
        assert_eq!(axis.zero_x, 200.0);
        assert_eq!(
            axis.labels.first().map(|l| l.text.as_str()),
            Some("\u{2212}$400K")
        );
    }
}
