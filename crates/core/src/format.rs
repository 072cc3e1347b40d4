//! Display formats for money, FTE and shares: plain Rust so they are tested natively.

use crate::util::dec;
use crate::util::i18n::{tr1, trf};
use rust_decimal::prelude::*;
use rust_decimal::Decimal;

/// The typographic minus sign, wider and easier to spot on a projector than a hyphen.
pub const MINUS: char = '\u{2212}';

/// Groups the digits of a non-negative integer text with commas: `1234567` → `1,234,567`.
fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// US dollars to the cent with thousands separators: `-1234.5` → `−$1,234.50`.
pub fn money(value: Decimal) -> String {
    let cents = value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let text = format!("{:.2}", cents.abs());
    let (whole, frac) = text.split_once('.').unwrap_or((&text, "00"));
    let sign = if cents.is_sign_negative() && !cents.is_zero() {
        MINUS.to_string()
    } else {
        String::new()
    };
    format!("{sign}${}.{frac}", group_thousands(whole))
}

/// Whole dollars with thousands separators, for compact cells and chart labels: `−$1,235`.
pub fn money_whole(value: Decimal) -> String {
    let whole = value.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    let digits = whole.abs().trunc().to_string();
    let sign = if whole.is_sign_negative() && !whole.is_zero() {
        MINUS.to_string()
    } else {
        String::new()
    };
    format!("{sign}${}", group_thousands(&digits))
}

/// A signed difference in dollars, `+$1,200.00` or `−$300.00`, and `$0.00` for none.
pub fn money_change(value: Decimal) -> String {
    if value > Decimal::ZERO {
        format!("+{}", money(value))
    } else {
        money(value)
    }
}

/// A plain decimal without trailing zeros: `1.50` → `1.5`, `2.00` → `2`.
pub fn plain(value: Decimal) -> String {
    value.normalize().to_string()
}

/// FTE to at most 2 decimals without trailing zeros: `0.40` → `0.4`.
pub fn fte(value: Decimal) -> String {
    plain(value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
}

/// Days as a count with its noun: `1 day`, `2.5 days`, `0 days`.
pub fn days(days: Decimal) -> String {
    let n = plain(days);
    if days == Decimal::ONE {
        tr1("{n} day", "n", &n)
    } else {
        tr1("{n} days", "n", &n)
    }
}

/// FTE with days a week for a position at 1 FTE or less: `0.5 FTE (2.5 days a week)`;
/// above 1 FTE just `3 FTE`.
pub fn fte_days(value: Decimal) -> String {
    let f = fte(value);
    if value > Decimal::ONE || value.is_sign_negative() {
        return tr1("{n} FTE", "n", &f);
    }
    trf(
        "{fte} FTE ({days} a week)",
        &[
            ("fte", &f),
            ("days", &days(dec::mul(value, Decimal::from(5)))),
        ],
    )
}

/// A signed difference of two fractions in percentage points: `+1.2 points`, `−0.5 points`.
pub fn points_change(fraction: Decimal) -> String {
    let pts = dec::mul(fraction, Decimal::ONE_HUNDRED)
        .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero);
    let text = plain(pts.abs());
    let signed = if pts.is_zero() {
        "0".to_owned()
    } else if pts.is_sign_negative() {
        format!("{MINUS}{text}")
    } else {
        format!("+{text}")
    };
    if pts.abs() == Decimal::ONE {
        tr1("{n} point", "n", &signed)
    } else {
        tr1("{n} points", "n", &signed)
    }
}

/// A signed whole-number difference: `+12`, `−40`, `0`.
pub fn signed_count(value: i64) -> String {
    match value {
        v if v > 0 => format!("+{v}"),
        v if v < 0 => format!("{MINUS}{}", v.unsigned_abs()),
        _ => "0".to_owned(),
    }
}

/// A signed FTE difference: `+0.5`, `−1`, `0`.
pub fn signed_fte(value: Decimal) -> String {
    let text = fte(value.abs());
    if value.is_zero() || text == "0" {
        "0".to_owned()
    } else if value.is_sign_negative() {
        format!("{MINUS}{text}")
    } else {
        format!("+{text}")
    }
}

/// A fraction as a percent with up to one decimal: `0.8612` → `86.1%`.
pub fn percent(fraction: Decimal) -> String {
    let pct = dec::mul(fraction, Decimal::ONE_HUNDRED)
        .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero);
    let text = plain(pct);
    match text.strip_prefix('-') {
        Some(rest) => format!("{MINUS}{rest}%"),
        None => format!("{text}%"),
    }
}

/// An exact decimal with thousands separators and no trailing zeros, never rounded:
/// `2000000000000.5` → `2,000,000,000,000.5`.
pub fn number(value: Decimal) -> String {
    let text = plain(value.abs());
    let (whole, frac) = text.split_once('.').unwrap_or((&text, ""));
    let sign = if value.is_sign_negative() && !value.is_zero() {
        MINUS.to_string()
    } else {
        String::new()
    };
    let frac = if frac.is_empty() {
        String::new()
    } else {
        format!(".{frac}")
    };
    format!("{sign}{}{frac}", group_thousands(whole))
}

/// Dollars exactly as given, digits grouped: whole dollars without cents
/// (`$1,000,000,000,000`), else at least two decimals (`$12.50`, `$1.005`).
pub fn money_exact(value: Decimal) -> String {
    let text = number(value);
    let (sign, digits) = match text.strip_prefix(MINUS) {
        Some(rest) => (MINUS.to_string(), rest),
        None => (String::new(), text.as_str()),
    };
    match digits.split_once('.') {
        Some((_, frac)) if frac.len() == 1 => format!("{sign}${digits}0"),
        _ => format!("{sign}${digits}"),
    }
}

/// Whole pupils with thousands separators.
pub fn count(value: u64) -> String {
    group_thousands(&value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn days_and_signed_differences_read_as_people_say_them() {
        assert_eq!(days(d("1")), "1 day");
        assert_eq!(days(d("2.5")), "2.5 days");
        assert_eq!(days(d("0")), "0 days");
        // 0.5 × 5 = 2.5 days; 0.2 × 5 = 1 day; above 1 FTE no days.
        assert_eq!(fte_days(d("0.5")), "0.5 FTE (2.5 days a week)");
        assert_eq!(fte_days(d("0.20")), "0.2 FTE (1 day a week)");
        assert_eq!(fte_days(d("3")), "3 FTE");
        // 0.352 − 0.340 = 0.012 → 1.2 points.
        assert_eq!(points_change(d("0.352") - d("0.340")), "+1.2 points");
        assert_eq!(points_change(d("-0.01")), "\u{2212}1 point");
        assert_eq!(points_change(d("0")), "0 points");
        assert_eq!(signed_count(12), "+12");
        assert_eq!(signed_count(-40), "\u{2212}40");
        assert_eq!(signed_fte(d("-0.5")), "\u{2212}0.5");
        assert_eq!(signed_fte(d("1")), "+1");
    }

    #[test]
    fn money_groups_thousands_and_pads_cents() {
        assert_eq!(money(d("0")), "$0.00");
        assert_eq!(money(d("5")), "$5.00");
        assert_eq!(money(d("999.5")), "$999.50");
        assert_eq!(money(d("1000")), "$1,000.00");
        assert_eq!(money(d("1234567.891")), "$1,234,567.89");
        assert_eq!(
            money(d("100000000000000000000")),
            "$100,000,000,000,000,000,000.00"
        );
    }

    #[test]
    fn negative_money_uses_a_minus_sign() {
        assert_eq!(money(d("-12345.67")), "\u{2212}$12,345.67");
        assert_eq!(money(d("-0.001")), "$0.00");
        assert_eq!(money_change(d("-300")), "\u{2212}$300.00");
        assert_eq!(money_change(d("1200")), "+$1,200.00");
        assert_eq!(money_change(d("0")), "$0.00");
    }

    #[test]
    fn whole_dollars_round_half_up() {
        assert_eq!(money_whole(d("1234.5")), "$1,235");
        assert_eq!(money_whole(d("-1234.5")), "\u{2212}$1,235");
        assert_eq!(money_whole(d("0.4")), "$0");
    }

    #[test]
    fn fte_and_percent() {
        assert_eq!(fte(d("0.40")), "0.4");
        assert_eq!(fte(d("10")), "10");
        assert_eq!(percent(d("0.8612")), "86.1%");
        assert_eq!(percent(d("-0.1")), "\u{2212}10%");
        assert_eq!(count(1234), "1,234");
    }

    #[test]
    fn exact_numbers_and_dollars_keep_every_digit() {
        assert_eq!(number(d("10000")), "10,000");
        assert_eq!(number(d("2000000000000.5")), "2,000,000,000,000.5");
        assert_eq!(number(d("-1234.50")), "\u{2212}1,234.5");
        assert_eq!(money_exact(d("1000000000000")), "$1,000,000,000,000");
        assert_eq!(money_exact(d("12.5")), "$12.50");
        assert_eq!(money_exact(d("1.005")), "$1.005");
        assert_eq!(money_exact(d("999")), "$999");
    }
}
