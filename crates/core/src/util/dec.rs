//! Decimal arithmetic called, never pasted: one copy of each operation in the bundle.
//!
//! `rust_decimal` marks its operators and `checked_*` methods `#[inline(always)]`, so each
//! `a + b` on a `Decimal` pastes the whole 96-bit routine (about a kilobyte of wasm) at the
//! call site. Money arithmetic goes through these plain functions instead; each is
//! `#[inline(never)]`, so the routine is pasted once, here. Results are the operators'.

use rust_decimal::Decimal;

/// `a + b`, or `None` on overflow.
#[inline(never)]
pub fn checked_add(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_add(b)
}

/// `a − b`, or `None` on overflow.
#[inline(never)]
pub fn checked_sub(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_sub(b)
}

/// `a × b`, or `None` on overflow.
#[inline(never)]
pub fn checked_mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_mul(b)
}

/// `a ÷ b`, or `None` on overflow or a zero `b`.
#[inline(never)]
pub fn checked_div(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_div(b)
}

/// `a + b`, saturating at `Decimal::MAX`/`MIN` instead of overflowing.
pub fn saturating_add(a: Decimal, b: Decimal) -> Decimal {
    // It overflows only when both have a's sign.
    checked_add(a, b).unwrap_or(if a.is_sign_negative() {
        Decimal::MIN
    } else {
        Decimal::MAX
    })
}

/// `a − b`, saturating at `Decimal::MAX`/`MIN` instead of overflowing.
pub fn saturating_sub(a: Decimal, b: Decimal) -> Decimal {
    // It overflows only when b has the other sign than a.
    checked_sub(a, b).unwrap_or(if a.is_sign_negative() {
        Decimal::MIN
    } else {
        Decimal::MAX
    })
}

/// `a + b` as the `+` operator: panics on overflow, so only for figures known to be bounded.
#[inline(never)]
pub fn add(a: Decimal, b: Decimal) -> Decimal {
    match checked_add(a, b) {
        Some(v) => v,
        None => panic!("Addition overflowed"),
    }
}

/// `a − b` as the `-` operator: panics on overflow, so only for figures known to be bounded.
#[inline(never)]
pub fn sub(a: Decimal, b: Decimal) -> Decimal {
    match checked_sub(a, b) {
        Some(v) => v,
        None => panic!("Subtraction overflowed"),
    }
}

/// `a × b` as the `*` operator: panics on overflow, so only for figures known to be bounded.
#[inline(never)]
pub fn mul(a: Decimal, b: Decimal) -> Decimal {
    match checked_mul(a, b) {
        Some(v) => v,
        None => panic!("Multiplication overflowed"),
    }
}

/// `a ÷ b` as the `/` operator: panics on a zero `b` or overflow, so only for a known
/// non-zero `b` and bounded figures.
#[inline(never)]
pub fn div(a: Decimal, b: Decimal) -> Decimal {
    match checked_div(a, b) {
        Some(v) => v,
        None => panic!("Division by zero or overflow"),
    }
}

/// The sum of `values` as `Iterator::sum`: panics on overflow, so only for bounded figures.
pub fn sum(values: impl IntoIterator<Item = Decimal>) -> Decimal {
    values.into_iter().fold(Decimal::ZERO, add)
}

/// The sum of `values`, or `None` on overflow (`Iterator::sum` panics instead).
pub fn checked_sum(values: impl IntoIterator<Item = Decimal>) -> Option<Decimal> {
    values.into_iter().try_fold(Decimal::ZERO, checked_add)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn operations_match_the_operators() {
        // 1.10 + 2.205 = 3.305; 1.10 − 2.205 = −1.105; 1.10 × 2.205 = 2.42550; 1 ÷ 8 = 0.125
        assert_eq!(add(d("1.10"), d("2.205")), d("3.305"));
        assert_eq!(sub(d("1.10"), d("2.205")), d("-1.105"));
        assert_eq!(mul(d("1.10"), d("2.205")), d("2.42550"));
        assert_eq!(div(d("1"), d("8")), d("0.125"));
        assert_eq!(checked_add(d("1.10"), d("2.205")), Some(d("3.305")));
        assert_eq!(checked_sub(d("1.10"), d("2.205")), Some(d("-1.105")));
        assert_eq!(checked_mul(d("1.10"), d("2.205")), Some(d("2.42550")));
        assert_eq!(checked_div(d("1"), d("8")), Some(d("0.125")));
        // 0.5 + 1.25 + 2 = 3.75
        assert_eq!(sum([d("0.5"), d("1.25"), d("2")]), d("3.75"));
        assert_eq!(sum([]), Decimal::ZERO);
    }

    #[test]
    fn overflow_is_none() {
        assert_eq!(checked_add(Decimal::MAX, Decimal::ONE), None);
        assert_eq!(checked_sub(Decimal::MIN, Decimal::ONE), None);
        assert_eq!(checked_mul(Decimal::MAX, Decimal::TWO), None);
        assert_eq!(checked_div(Decimal::ONE, Decimal::ZERO), None);
        assert_eq!(checked_sum([Decimal::MAX, Decimal::ONE]), None);
        // 0.5 + 1.25 + 2 = 3.75
        assert_eq!(checked_sum([d("0.5"), d("1.25"), d("2")]), Some(d("3.75")));
    }

    #[test]
    fn saturates_at_the_bounds() {
        assert_eq!(saturating_add(Decimal::MAX, Decimal::ONE), Decimal::MAX);
        assert_eq!(saturating_add(Decimal::MIN, -Decimal::ONE), Decimal::MIN);
        assert_eq!(saturating_sub(Decimal::MIN, Decimal::ONE), Decimal::MIN);
        assert_eq!(saturating_sub(Decimal::MAX, -Decimal::ONE), Decimal::MAX);
        // 2 − 3.5 = −1.5
        assert_eq!(saturating_sub(d("2"), d("3.5")), d("-1.5"));
    }
}
