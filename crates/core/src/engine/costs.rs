//! Line costs and how they split into charges (the last funding entry takes the rest).

use rust_decimal::Decimal;

use super::error::EngineError;
use super::rounding::{add, cents, money, mul, sub};
use crate::util::i18n::tr1;

/// One funding entry of a line, resolved to a source index, with its current charge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Fund {
    /// Index of the source in document order.
    pub source: usize,
    /// The declared share.
    pub share: Decimal,
    /// What this entry currently charges.
    pub charge: Decimal,
}

/// A position's cost, `fte × unit_cost`, or an item's `amount`, half up to the cent
/// (at most [`super::rounding::MAX_MONEY`]).
pub fn line_cost(
    position: bool,
    qty: Decimal,
    unit_cost: Decimal,
    line: &str,
) -> Result<Decimal, EngineError> {
    let what = &|| tr1("the cost of line \"{id}\"", "id", &line);
    if position {
        money(mul(qty, unit_cost, what)?, what)
    } else {
        money(qty, what)
    }
}

/// Splits `cost` into the entries' charges: each `cost × share` half up to the cent, the last the rest.
pub(crate) fn split(cost: Decimal, funds: &mut [Fund], line: &str) -> Result<(), EngineError> {
    let what = &|| tr1("the charges of line \"{id}\"", "id", &line);
    let mut rest = cost;
    let last = funds.len().saturating_sub(1);
    for (i, f) in funds.iter_mut().enumerate() {
        if i == last {
            f.charge = rest;
        } else {
            f.charge = cents(mul(cost, f.share, what)?);
            rest = sub(rest, f.charge, what)?;
        }
    }
    Ok(())
}

/// What a line of this `cost` would charge source `source` (summing repeated entries).
pub(crate) fn charge_in(
    cost: Decimal,
    funds: &[Fund],
    source: usize,
    line: &str,
) -> Result<Decimal, EngineError> {
    let what = &|| tr1("the charges of line \"{id}\"", "id", &line);
    let mut rest = cost;
    let mut total = Decimal::ZERO;
    let last = funds.len().saturating_sub(1);
    for (i, f) in funds.iter().enumerate() {
        let charge = if i == last {
            rest
        } else {
            let c = cents(mul(cost, f.share, what)?);
            rest = sub(rest, c, what)?;
            c
        };
        if f.source == source {
            total = add(total, charge, what)?;
        }
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn funds(shares: &[&str]) -> Vec<Fund> {
        shares
            .iter()
            .enumerate()
            .map(|(i, s)| Fund {
                source: i,
                share: d(s),
                charge: Decimal::ZERO,
            })
            .collect()
    }

    #[test]
    fn position_cost_rounds_half_up() {
        // 0.333 × 100000.05 = 33300.016650 → 33300.02
        assert_eq!(
            line_cost(true, d("0.333"), d("100000.05"), "x").unwrap(),
            d("33300.02")
        );
        // An item costs its amount, to the cent: 10.005 → 10.01.
        assert_eq!(
            line_cost(false, d("10.005"), Decimal::ZERO, "x").unwrap(),
            d("10.01")
        );
    }

    #[test]
    fn last_entry_takes_the_rest() {
        // cost 100.00, three shares 0.333 / 0.333 / 0.334:
        // 100 × 0.333 = 33.30, 33.30, last = 100 − 66.60 = 33.40.
        let mut f = funds(&["0.333", "0.333", "0.334"]);
        split(d("100.00"), &mut f, "x").unwrap();
        let c: Vec<Decimal> = f.iter().map(|f| f.charge).collect();
        assert_eq!(c, vec![d("33.30"), d("33.30"), d("33.40")]);
        // cost 0.05 at 0.5 / 0.5: first 0.025 → 0.03, last 0.02.
        let mut f = funds(&["0.5", "0.5"]);
        split(d("0.05"), &mut f, "x").unwrap();
        assert_eq!((f[0].charge, f[1].charge), (d("0.03"), d("0.02")));
        assert_eq!(charge_in(d("0.05"), &f, 1, "x").unwrap(), d("0.02"));
    }
}
