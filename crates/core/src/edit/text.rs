//! Field text both ways: what an editor input shows, and how the user's text is read.

use rust_decimal::Decimal;

use crate::model::{Band, Funding, Grade, Tier};
use crate::util::dec;
use crate::util::decimal::{parse_decimal, parse_money, quote};
use crate::util::i18n::{key, tr, tr1, trf};

/// A plain decimal without trailing zeros.
pub fn plain(value: Decimal) -> String {
    value.normalize().to_string()
}

/// A fraction written as a percent number without the sign: `0.6` → `60`.
pub fn percent(fraction: Decimal) -> String {
    dec::checked_mul(fraction, Decimal::ONE_HUNDRED).map_or_else(|| plain(fraction), plain)
}

/// A funding list as editable text: `need 60%, gf 40%`.
pub fn funding(entries: &[Funding]) -> String {
    entries
        .iter()
        .map(|f| format!("{} {}%", f.source, percent(f.share)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Words joined by `, `.
pub fn words<T: ToString>(list: &[T]) -> String {
    list.iter().map(T::to_string).collect::<Vec<_>>().join(", ")
}

/// Reads a decimal such as `0.6` or `1.5e3`.
pub fn decimal(text: &str) -> Result<Decimal, String> {
    parse_decimal(text).map_err(|e| e.reason(text))
}

/// Reads money such as `$1,234.50`.
pub fn money(text: &str) -> Result<Decimal, String> {
    parse_money(text).map_err(|e| e.reason(text))
}

/// Reads a percent (`60` or `60%`) as a fraction (`0.6`).
pub fn fraction(text: &str) -> Result<Decimal, String> {
    let t = text.trim();
    let number = t.strip_suffix('%').unwrap_or(t);
    let pct = parse_decimal(number).map_err(|e| e.reason(text))?;
    dec::checked_div(pct, Decimal::ONE_HUNDRED)
        .ok_or_else(|| tr1("is not a usable percent, got {text}", "text", &quote(text)))
}

/// Reads an optional value: blank gives `None`.
pub fn optional<T>(text: &str, read: fn(&str) -> Result<T, String>) -> Result<Option<T>, String> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        read(text).map(Some)
    }
}

/// Reads a whole number such as a cut rank.
pub fn integer(text: &str) -> Result<i64, String> {
    text.trim()
        .parse()
        .map_err(|_| tr1("must be a whole number, got {d}", "d", &quote(text)))
}

/// Reads a pupil count: whole and not negative.
pub fn count(text: &str) -> Result<u32, String> {
    text.trim().parse().map_err(|_| {
        tr1(
            "must be a whole number of pupils, 0 or more, got {text}",
            "text",
            &quote(text),
        )
    })
}

/// Tiers as editable text: `40%: 338.25; 41%: 343.75`.
pub fn tiers(list: &[Tier]) -> String {
    list.iter()
        .map(|t| format!("{}%: {}", percent(t.at_least), plain(t.rate)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Reads tiers written as [`tiers`] shows them (`;` between tiers, `:` in each).
pub fn tiers_list(text: &str) -> Result<Vec<Tier>, String> {
    pairs(text, key("a share and a rate, such as `40%: 338.25`"))?
        .into_iter()
        .map(|(a, r)| {
            Ok(Tier {
                at_least: fraction(a)?,
                rate: money(r)?,
            })
        })
        .collect()
}

/// Bands as editable text: `1: 0.5; 500: 1`.
pub fn bands(list: &[Band]) -> String {
    list.iter()
        .map(|b| format!("{}: {}", b.from, plain(b.fte)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Reads bands written as [`bands`] shows them.
pub fn bands_list(text: &str) -> Result<Vec<Band>, String> {
    pairs(text, key("pupils and FTE, such as `500: 1`"))?
        .into_iter()
        .map(|(f, x)| {
            Ok(Band {
                from: count(f)?,
                fte: decimal(x)?,
            })
        })
        .collect()
}

/// Splits `a: b; c: d` into pairs; blank entries are dropped.
fn pairs<'t>(text: &'t str, what: &str) -> Result<Vec<(&'t str, &'t str)>, String> {
    text.split(';')
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .map(|e| {
            e.split_once(':')
                .map(|(a, b)| (a.trim(), b.trim()))
                .ok_or_else(|| {
                    trf(
                        "each entry is {what}, got {e}",
                        &[("what", &tr(what)), ("e", &quote(e))],
                    )
                })
        })
        .collect()
}

/// Reads `true`/`false` (also `yes`/`no`).
pub fn boolean(text: &str) -> Result<bool, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" => Ok(true),
        "false" | "no" => Ok(false),
        _ => Err(tr1("must be yes or no, got {text}", "text", &quote(text))),
    }
}

/// Splits a list written with commas and/or spaces; empty entries are dropped.
pub fn list(text: &str) -> Vec<String> {
    text.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Reads grades such as `TK, K, 1, 2`.
pub fn grades(text: &str) -> Result<Vec<Grade>, String> {
    list(text)
        .iter()
        .map(|g| {
            Grade::parse(g)
                .ok_or_else(|| tr1("grades are TK, K or 1 to 12, got {g}", "g", &quote(g)))
        })
        .collect()
}

/// Reads a funding list `gf 60%, title1 40%` (percent, `%` optional; a lone source is 100%).
///
/// Shares must add up to exactly 100%; the message says by how much they miss.
pub fn funding_list(text: &str) -> Result<Vec<Funding>, String> {
    let mut out = Vec::new();
    for part in text
        .split([',', '|'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let (source, share) = match part.split_once(|c: char| c.is_whitespace() || c == ':') {
            Some((s, rest)) => (s.trim(), fraction(rest)?),
            None => (part, Decimal::ONE),
        };
        out.push(Funding {
            source: source.to_owned(),
            share,
        });
    }
    if out.is_empty() {
        return Err(tr("must name at least one source, such as `gf 100%`"));
    }
    let total = dec::checked_sum(out.iter().map(|f| f.share));
    match total {
        Some(t) if t == Decimal::ONE => Ok(out),
        Some(t) => Err(tr1(
            "shares must add up to exactly 100%, got {t}%",
            "t",
            &percent(t),
        )),
        None => Err(tr("shares must add up to exactly 100%")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn percents_both_ways() {
        assert_eq!(fraction("60%"), Ok(d("0.6")));
        assert_eq!(fraction(" 12.5 "), Ok(d("0.125")));
        assert!(fraction("sixty").is_err());
        assert_eq!(percent(d("0.86")), "86");
        assert_eq!(percent(d("0.125")), "12.5");
    }

    #[test]
    fn funding_text_reads_and_explains() {
        let f = funding_list("need 60%, gf 40").unwrap();
        assert_eq!(f[0].source, "need");
        assert_eq!(f[0].share, d("0.6"));
        assert_eq!(f[1].share, d("0.4"));
        assert_eq!(funding(&f), "need 60%, gf 40%");
        assert_eq!(funding_list("gf").unwrap()[0].share, Decimal::ONE);
        assert_eq!(
            funding_list("gf 60%, title1 30%"),
            Err("shares must add up to exactly 100%, got 90%".into())
        );
        assert!(funding_list(" , ").is_err());
    }

    #[test]
    fn lists_and_grades() {
        assert_eq!(list("a, b  c,"), vec!["a", "b", "c"]);
        assert_eq!(
            grades("TK K 1").unwrap(),
            vec![Grade::TK, Grade::K, Grade::G(1)]
        );
        assert!(grades("K 13").unwrap_err().contains("`13`"));
        assert_eq!(count("12"), Ok(12));
        assert!(count("-1").is_err());
        assert_eq!(optional("  ", integer), Ok(None));
        assert_eq!(optional("3", integer), Ok(Some(3)));
    }
}
