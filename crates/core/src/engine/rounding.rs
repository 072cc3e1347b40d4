//! Rounding to the cent (half up) and checked arithmetic that reports overflow.

use rust_decimal::{Decimal, RoundingStrategy};

use super::error::EngineError;
use crate::util::dec;

/// Rounds half up (away from zero) to the cent, as the spec's `round_half_up`.
pub fn cents(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// Rounds up (toward positive infinity) to the cent: the amount an item cut needs.
pub fn ceil_cents(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(2, RoundingStrategy::ToPositiveInfinity)
}

/// Rounds half up to a whole number (pupils, round-rule entitlements).
pub fn whole(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
}

/// The largest money figure the engine accepts: a billion billion dollars. Below it,
/// sums of cents stay exact (Decimal holds 28 digits), so balances always add up.
pub const MAX_MONEY: Decimal = Decimal::from_parts(2_808_348_672, 232_830_643, 0, false, 0);

/// Names the figure being computed, for an overflow error; called only on overflow. A
/// `&dyn` rather than a generic, so each helper below has one copy, not one per call site.
pub type What<'a> = &'a dyn Fn() -> String;

/// Rounds a money figure half up to the cent, refusing one too large to add up exactly.
#[inline(never)]
pub fn money(value: Decimal, what: What) -> Result<Decimal, EngineError> {
    let c = cents(value);
    if c.abs() > MAX_MONEY {
        return Err(overflow(what));
    }
    Ok(c)
}

/// Builds the overflow error; `what` names the figure being computed.
#[cold]
#[inline(never)]
fn overflow(what: What) -> EngineError {
    EngineError::Overflow { what: what() }
}

/// The checked result, or an overflow error naming the figure.
fn or_overflow(v: Option<Decimal>, what: What) -> Result<Decimal, EngineError> {
    match v {
        Some(v) => Ok(v),
        None => Err(overflow(what)),
    }
}

/// `a + b`, or an overflow error naming the figure.
#[inline(never)]
pub fn add(a: Decimal, b: Decimal, what: What) -> Result<Decimal, EngineError> {
    or_overflow(dec::checked_add(a, b), what)
}

/// `a - b`, or an overflow error naming the figure.
#[inline(never)]
pub fn sub(a: Decimal, b: Decimal, what: What) -> Result<Decimal, EngineError> {
    or_overflow(dec::checked_sub(a, b), what)
}

/// `a × b`, or an overflow error naming the figure.
#[inline(never)]
pub fn mul(a: Decimal, b: Decimal, what: What) -> Result<Decimal, EngineError> {
    or_overflow(dec::checked_mul(a, b), what)
}

/// `a ÷ b` for a non-zero `b` (callers check zero first to give a precise error).
#[inline(never)]
pub fn div(a: Decimal, b: Decimal, what: What) -> Result<Decimal, EngineError> {
    or_overflow(dec::checked_div(a, b), what)
}

/// `value × (1 + change)` rounded half up to the cent: the spec's yearly growth step.
#[inline(never)]
pub fn grow_cents(value: Decimal, change: Decimal, what: What) -> Result<Decimal, EngineError> {
    match dec::checked_add(Decimal::ONE, change).and_then(|f| dec::checked_mul(value, f)) {
        Some(v) => Ok(cents(v)),
        None => Err(overflow(what)),
    }
}

/// `grow_cents` applied `times` times: yearly compounding, to the cent at each step.
pub fn grow_times(
    value: Decimal,
    change: Decimal,
    times: u32,
    what: What,
) -> Result<Decimal, EngineError> {
    let mut v = value;
    if !change.is_zero() {
        for _ in 0..times {
            v = grow_cents(v, change, what)?;
        }
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn rounds_half_up_to_the_cent() {
        assert_eq!(cents(d("1.005")), d("1.01"));
        assert_eq!(cents(d("1.0049")), d("1.00"));
        // Away from zero for negatives too.
        assert_eq!(cents(d("-1.005")), d("-1.01"));
        assert_eq!(whole(d("2.5")), d("3"));
        assert_eq!(whole(d("2.49")), d("2"));
    }

    #[test]
    fn money_is_bounded() {
        assert_eq!(MAX_MONEY, d("1000000000000000000"));
        assert_eq!(money(d("12.345"), &String::new).unwrap(), d("12.35"));
        assert!(money(d("1000000000000000000.01"), &String::new).is_err());
        assert!(money(d("-1000000000000000000.01"), &String::new).is_err());
    }

    #[test]
    fn ceils_to_the_cent() {
        assert_eq!(ceil_cents(d("3.001")), d("3.01"));
        assert_eq!(ceil_cents(d("3.00")), d("3.00"));
    }

    #[test]
    fn overflow_is_an_error_naming_the_figure() {
        let e = mul(Decimal::MAX, d("2"), &|| "the test figure".into()).unwrap_err();
        assert_eq!(
            e,
            EngineError::Overflow {
                what: "the test figure".into()
            }
        );
        assert!(e.to_string().contains("the test figure"));
    }

    #[test]
    fn grows_by_a_fraction_to_the_cent() {
        // 100.01 × 1.03 = 103.0103 → 103.01
        assert_eq!(
            grow_cents(d("100.01"), d("0.03"), &String::new).unwrap(),
            d("103.01")
        );
    }
}
