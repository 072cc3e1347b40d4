//! A budget the full app is asked to offer by its address (`?src=budget.json&change=-10`,
//! where an embed's "Open in SiteBudget" leads): reading the query, the banner's words,
//! and the query left once the offer is answered. Plain Rust; nothing here panics.

use rust_decimal::Decimal;

use super::embed_options::{parse_change, parse_embed_options};
use crate::format::percent;
use crate::util::i18n::trf;
use crate::util::url::query_pairs;

/// What the query string asks the full app to offer.
#[derive(Clone, Debug, PartialEq)]
pub struct SrcOffer {
    /// The budget's address as written; checked and fetched exactly as an embed's `src=`.
    pub src: String,
    /// The enrollment change to open it under, as a fraction (`change=-10` is `-0.10`).
    pub change: Option<Decimal>,
    /// Values that could not be read (a bad `change=`), in plain words.
    pub problems: Vec<String>,
}

/// The offer in `query` (with or without its `?`): `None` without `src=`, and in embed
/// mode, where the embed itself shows that budget. The last non-empty `src=` wins; an
/// empty one is kept so that loading it explains the mistake.
pub fn src_offer(query: &str) -> Option<SrcOffer> {
    if parse_embed_options(query).embed {
        return None;
    }
    let mut src: Option<String> = None;
    let mut change = None;
    let mut problems = Vec::new();
    for (key, value) in query_pairs(query) {
        match key.as_str() {
            "src" => {
                let value = value.trim();
                if !value.is_empty() || src.is_none() {
                    src = Some(value.to_owned());
                }
            }
            "change" => match parse_change(&value) {
                Ok(fraction) => change = Some(fraction),
                Err(problem) => problems.push(problem),
            },
            _ => {}
        }
    }
    Some(SrcOffer {
        src: src?,
        change,
        problems,
    })
}

/// The banner's sentence for a budget offered from `src`: school, year, and the change.
pub fn offer_words(school: &str, year: &str, src: &str, change: Option<Decimal>) -> String {
    let year = if year.trim().is_empty() {
        String::new()
    } else {
        format!(" {}", year.trim())
    };
    let args: &[(&str, &dyn std::fmt::Display)] =
        &[("src", &src), ("school", &school), ("year", &year)];
    match change {
        Some(c) if c < Decimal::ZERO => trf(
            "This link offers the budget at {src}: {school}{year}, with enrollment {pct} lower.",
            &[args, &[("pct", &percent(-c))]].concat(),
        ),
        Some(c) if c > Decimal::ZERO => trf(
            "This link offers the budget at {src}: {school}{year}, with enrollment {pct} higher.",
            &[args, &[("pct", &percent(c))]].concat(),
        ),
        _ => trf(
            "This link offers the budget at {src}: {school}{year}.",
            args,
        ),
    }
}

/// `search` (with or without its `?`) without its `src=` and `change=` pairs, the others
/// kept exactly as written: `""`, or `?` and what is left.
pub fn without_offer(search: &str) -> String {
    let kept: Vec<&str> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .filter(|pair| {
            let mut pairs = query_pairs(pair);
            !pairs
                .next()
                .is_some_and(|(key, _)| key == "src" || key == "change")
        })
        .collect();
    if kept.is_empty() {
        String::new()
    } else {
        format!("?{}", kept.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn src_and_change_are_offered_outside_embed_mode() {
        let o = src_offer("?src=budgets%2Fa%20b.json&change=-10").unwrap();
        assert_eq!(o.src, "budgets/a b.json");
        assert_eq!(o.change, Some(d("-0.1")));
        assert!(o.problems.is_empty());
        let plain = src_offer("src=x.json").unwrap();
        assert_eq!((plain.src.as_str(), plain.change), ("x.json", None));
        // embed=0 is the full app too.
        assert!(src_offer("embed=0&src=x.json").is_some());
    }

    #[test]
    fn nothing_is_offered_without_src_or_inside_an_embed() {
        assert_eq!(src_offer(""), None);
        assert_eq!(src_offer("?change=-10&panic-test"), None);
        assert_eq!(src_offer("?embed&src=x.json"), None);
        assert_eq!(src_offer("?src=x.json&embed=1"), None);
    }

    #[test]
    fn a_bad_change_is_named_and_the_budget_still_offered() {
        let o = src_offer("src=x.json&change=lots").unwrap();
        assert_eq!(o.change, None);
        assert_eq!(
            o.problems,
            vec!["change=lots is not a percent; write a number such as change=-10.".to_owned()]
        );
        let far = src_offer("src=x.json&change=-250").unwrap();
        assert!(far.problems[0].contains("outside −100 to 100 percent"));
    }

    #[test]
    fn the_last_non_empty_src_wins_and_an_empty_one_is_kept_to_be_explained() {
        assert_eq!(
            src_offer("src=a.json&src=&src=b.json").unwrap().src,
            "b.json"
        );
        assert_eq!(src_offer("src=a.json&src=").unwrap().src, "a.json");
        assert_eq!(src_offer("src=&src=+").unwrap().src, "");
    }

    #[test]
    fn words_name_the_file_school_year_and_change() {
        assert_eq!(
            offer_words("Maple Street", "2026-27", "budgets/m.json", Some(d("-0.1"))),
            "This link offers the budget at budgets/m.json: Maple Street 2026-27, with enrollment 10% lower."
        );
        assert_eq!(
            offer_words("Maple Street", " ", "m.json", Some(d("0.075"))),
            "This link offers the budget at m.json: Maple Street, with enrollment 7.5% higher."
        );
        assert_eq!(
            offer_words("Maple Street", "2026-27", "m.json", Some(Decimal::ZERO)),
            "This link offers the budget at m.json: Maple Street 2026-27."
        );
        assert_eq!(
            offer_words("Maple Street", "2026-27", "m.json", None),
            "This link offers the budget at m.json: Maple Street 2026-27."
        );
    }

    #[test]
    fn answering_removes_only_src_and_change() {
        assert_eq!(without_offer("?src=x.json&change=-10"), "");
        assert_eq!(without_offer(""), "");
        assert_eq!(without_offer("?a=1&SRC=x.json&b&change=5"), "?a=1&b");
        assert_eq!(without_offer("src%3Dx&panic-test"), "?src%3Dx&panic-test");
        assert_eq!(without_offer("?%73rc=x.json&keep=a%20b"), "?keep=a%20b");
    }
}
