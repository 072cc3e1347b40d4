//! Exact decimal text: plain (`0.86`), scientific (`1.5e3`) and money (`$1,234.50`).
//!
//! Nothing passes through floating point and nothing is rounded: a number that
//! cannot be held exactly in a [`Decimal`] is refused. Trailing zeros are kept
//! (`0.20` stays at scale 2), so a value is written back as it was read.

use rust_decimal::Decimal;

use crate::util::i18n::tr1;

/// Why a text is not an exact decimal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecimalError {
    /// Not number syntax.
    NotANumber,
    /// Beyond the largest [`Decimal`] (about 7.9 × 10^28).
    TooLarge,
    /// More digits than a [`Decimal`] holds exactly (28 decimal places at most).
    TooPrecise,
}

impl DecimalError {
    /// The refusal in plain words, quoting the offending text.
    pub fn reason(self, got: &str) -> String {
        match self {
            DecimalError::NotANumber => tr1("must be a number, got {got}", "got", &quote(got)),
            DecimalError::TooLarge => tr1("is too large, got {d}", "d", &quote(got)),
            DecimalError::TooPrecise => tr1(
                "has too many digits to be exact, got {got}",
                "got",
                &quote(got),
            ),
        }
    }
}

/// Quotes user text for a message, cut short so one huge cell cannot flood it.
pub fn quote(text: &str) -> String {
    const MAX: usize = 40;
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(MAX).collect();
    if chars.next().is_some() {
        format!("`{head}…`")
    } else {
        format!("`{head}`")
    }
}

/// Parses `[+-]digits[.digits][(e|E)[+-]digits]`, surrounding spaces allowed, exactly.
///
/// `.5` and `5.` are accepted; underscores, thousands separators and `NaN` are not.
pub fn parse_decimal(text: &str) -> Result<Decimal, DecimalError> {
    let t = text.trim();
    let (negative, rest) = split_sign(t);
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(at) => (&rest[..at], Some(&rest[at + 1..])),
        None => (rest, None),
    };
    let (int_part, frac_part) = match mantissa.split_once('.') {
        Some((i, f)) => (i, f),
        None => (mantissa, ""),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int_part.len() + frac_part.len() == 0 || !all_digits(int_part) || !all_digits(frac_part) {
        return Err(DecimalError::NotANumber);
    }
    let exp = match exponent {
        None => 0,
        Some(e) => parse_exponent(e)?,
    };
    let digits = format!("{int_part}{frac_part}");
    let digits = digits.trim_start_matches('0');
    if digits.is_empty() {
        return Ok(Decimal::ZERO);
    }
    // The value is digits × 10^exp.
    let exp = exp - frac_part.len() as i64;
    build(negative, digits, exp)
}

/// Parses money text: a number, optionally with `$` and comma thousands separators
/// (`$1,234.50`, ` 1234.5 `, `-$5`, `$-5`). Sign rules are left to the caller.
pub fn parse_money(text: &str) -> Result<Decimal, DecimalError> {
    let t = text.trim();
    let (neg_before, rest) = split_sign(t);
    let signed_before = rest.len() != t.len();
    let (has_dollar, rest) = match rest.strip_prefix('$') {
        Some(r) => (true, r.trim_start()),
        None => (false, rest),
    };
    let (neg_after, rest) = if has_dollar && !signed_before {
        split_sign(rest)
    } else {
        (false, rest)
    };
    let plain = strip_thousands(rest)?;
    // One sign at most, before or after `$`.
    if plain.trim_start().starts_with(['+', '-']) {
        return Err(DecimalError::NotANumber);
    }
    let value = parse_decimal(&plain)?;
    Ok(if neg_before || neg_after {
        -value
    } else {
        value
    })
}

/// Splits an optional leading sign off; `true` when it is `-`.
fn split_sign(t: &str) -> (bool, &str) {
    if let Some(r) = t.strip_prefix('-') {
        (true, r)
    } else if let Some(r) = t.strip_prefix('+') {
        (false, r)
    } else {
        (false, t)
    }
}

/// Removes comma thousands separators, refusing misplaced ones (`12,34`).
fn strip_thousands(t: &str) -> Result<String, DecimalError> {
    if !t.contains(',') {
        return Ok(t.to_string());
    }
    let (int_part, frac) = match t.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (t, None),
    };
    let mut groups = int_part.split(',');
    let first = groups.next().unwrap_or("");
    let digits_only = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
    if first.is_empty() || first.len() > 3 || !digits_only(first) {
        return Err(DecimalError::NotANumber);
    }
    let mut out = first.to_string();
    for g in groups {
        if g.len() != 3 || !digits_only(g) {
            return Err(DecimalError::NotANumber);
        }
        out.push_str(g);
    }
    if let Some(f) = frac {
        if f.contains(',') {
            return Err(DecimalError::NotANumber);
        }
        out.push('.');
        out.push_str(f);
    }
    Ok(out)
}

/// Reads an exponent; absurd ones saturate so they are refused as too large or too precise.
fn parse_exponent(e: &str) -> Result<i64, DecimalError> {
    let (negative, digits) = split_sign(e);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DecimalError::NotANumber);
    }
    let digits = digits.trim_start_matches('0');
    let magnitude = if digits.is_empty() {
        // `e0`, `e-00`: all zeros.
        0
    } else if digits.len() > 6 {
        1_000_000
    } else {
        digits.parse::<i64>().unwrap_or(1_000_000)
    };
    Ok(if negative { -magnitude } else { magnitude })
}

/// Builds ±digits × 10^exp exactly; `digits` has no leading zero and is not empty.
fn build(negative: bool, digits: &str, exp: i64) -> Result<Decimal, DecimalError> {
    const MAX_SCALE: i64 = Decimal::MAX_SCALE as i64;
    let mut digits = digits;
    let mut scale = -exp;
    // Trailing zeros beyond what a Decimal can hold carry no value: drop them.
    while scale > MAX_SCALE || (scale > 0 && digits.len() > 38) {
        match digits.strip_suffix('0') {
            Some(d) => {
                digits = d;
                scale -= 1;
            }
            None => break,
        }
    }
    let int_digits = digits.len() as i64 - scale;
    if int_digits > 29 {
        return Err(DecimalError::TooLarge);
    }
    if scale > MAX_SCALE || digits.len() > 38 {
        return Err(DecimalError::TooPrecise);
    }
    let mut n: i128 = digits.parse().map_err(|_| DecimalError::NotANumber)?;
    if negative {
        n = -n;
    }
    let mut scale_u = 0u32;
    if scale < 0 {
        for _ in 0..(-scale) {
            n = n.checked_mul(10).ok_or(DecimalError::TooLarge)?;
        }
    } else {
        scale_u = scale as u32;
    }
    Decimal::try_from_i128_with_scale(n, scale_u).map_err(|_| {
        if int_digits >= 29 {
            DecimalError::TooLarge
        } else {
            DecimalError::TooPrecise
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn plain_and_scientific() {
        assert_eq!(parse_decimal("118000"), Ok(d("118000")));
        assert_eq!(parse_decimal(" 0.86 "), Ok(d("0.86")));
        assert_eq!(parse_decimal("-0.5"), Ok(d("-0.5")));
        assert_eq!(parse_decimal("+3"), Ok(d("3")));
        assert_eq!(parse_decimal("1e3"), Ok(d("1000")));
        assert_eq!(parse_decimal("7.5e0"), Ok(d("7.5")));
        assert_eq!(parse_decimal("2.5E-00"), Ok(d("2.5")));
        assert_eq!(parse_decimal("1.5E-2"), Ok(d("0.015")));
        assert_eq!(parse_decimal(".5"), Ok(d("0.5")));
        assert_eq!(parse_decimal("5."), Ok(d("5")));
        assert_eq!(parse_decimal("0e999999999999"), Ok(Decimal::ZERO));
        assert_eq!(parse_decimal("000.000"), Ok(Decimal::ZERO));
    }

    #[test]
    fn keeps_the_written_scale() {
        assert_eq!(parse_decimal("0.20").map(|v| v.scale()), Ok(2));
        assert_eq!(
            parse_decimal("1.50e1").map(|v| v.to_string()),
            Ok("15.0".into())
        );
    }

    #[test]
    fn refuses_what_is_not_a_number() {
        for bad in [
            "", " ", "-", ".", "e3", "1e", "1e+", "1_000", "1,000", "NaN", "inf", "1.2.3", "0x10",
            "--1", "1 2", "$5",
        ] {
            assert_eq!(parse_decimal(bad), Err(DecimalError::NotANumber), "{bad:?}");
        }
    }

    #[test]
    fn refuses_what_does_not_fit() {
        assert_eq!(parse_decimal("1e29"), Err(DecimalError::TooLarge));
        assert_eq!(parse_decimal("1e400"), Err(DecimalError::TooLarge));
        assert_eq!(
            parse_decimal("-99999999999999999999999999999999"),
            Err(DecimalError::TooLarge)
        );
        assert_eq!(
            parse_decimal("79228162514264337593543950336"),
            Err(DecimalError::TooLarge)
        );
        assert_eq!(
            parse_decimal("79228162514264337593543950335"),
            Ok(Decimal::MAX)
        );
        assert_eq!(parse_decimal("1e-29"), Err(DecimalError::TooPrecise));
        assert_eq!(
            parse_decimal("0.10000000000000000000000000000000"),
            Ok(d("0.1"))
        );
        assert_eq!(
            parse_decimal("9.9999999999999999999999999999"),
            Err(DecimalError::TooPrecise)
        );
        assert_eq!(
            parse_decimal("1e-99999999999"),
            Err(DecimalError::TooPrecise)
        );
    }

    #[test]
    fn money_forms() {
        assert_eq!(parse_money("$1,234.50"), Ok(d("1234.50")));
        assert_eq!(parse_money(" 1234.5 "), Ok(d("1234.5")));
        assert_eq!(parse_money("-$5"), Ok(d("-5")));
        assert_eq!(parse_money("$-5"), Ok(d("-5")));
        assert_eq!(parse_money("$ 12"), Ok(d("12")));
        assert_eq!(parse_money("1,000,000"), Ok(d("1000000")));
        assert_eq!(parse_money("2.5e3"), Ok(d("2500")));
        for bad in [
            "$",
            "12,34",
            "1,2345",
            ",123",
            "1,234.5,0",
            "$$5",
            "-$-5",
            "$--5",
            "5$",
            "1,23a",
        ] {
            assert_eq!(parse_money(bad), Err(DecimalError::NotANumber), "{bad:?}");
        }
    }

    #[test]
    fn reasons_quote_briefly() {
        assert_eq!(
            DecimalError::NotANumber.reason("abc"),
            "must be a number, got `abc`"
        );
        let long = "9".repeat(100);
        assert!(DecimalError::TooLarge.reason(&long).ends_with("…`"));
    }
}
