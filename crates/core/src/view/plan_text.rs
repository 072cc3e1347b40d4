//! The cut plan in plain words, as a principal would say it.

use rust_decimal::Decimal;

use crate::engine::{Cut, CutReason, Deficit, LineType};
use crate::format;
use crate::model::{Document, Grade};
use crate::util::dec;

/// A cut as the plan panel shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CutWords {
    /// Line id (the row's key and test id).
    pub line: String,
    /// The sentence: `School nurse: 5 → 3 days a week, frees $58,000 (…)`.
    pub text: String,
    /// `data-from`: FTE for a position, dollars for an item.
    pub from: Decimal,
    /// `data-to`.
    pub to: Decimal,
    /// Whether the cut follows a norm (not a choice the school makes).
    pub norm: bool,
}

/// Grades as a span label: `TK-3`, `4-5`, `K`, or a list when they are not consecutive.
pub fn grade_span(grades: &[Grade]) -> String {
    let mut sorted = grades.to_vec();
    crate::util::sort::sort(&mut sorted);
    sorted.dedup();
    let consecutive = sorted.windows(2).all(|w| w[1].index() == w[0].index() + 1);
    match (sorted.first(), sorted.last()) {
        (Some(first), Some(last)) if consecutive && first != last => format!("{first}-{last}"),
        (Some(only), Some(_)) if sorted.len() == 1 => only.to_string(),
        _ => sorted
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// `(General fund 40%, Title I 60%)`: who gets the freed money, as shares of it.
fn split_words(doc: &Document, frees: &[(String, Decimal)]) -> String {
    let total = dec::sum(frees.iter().map(|(_, d)| *d));
    let parts: Vec<(String, Decimal)> = frees
        .iter()
        .filter(|(_, d)| !d.is_zero())
        .map(|(s, d)| (doc.source_name(s).to_owned(), *d))
        .collect();
    match parts.as_slice() {
        [] => String::new(),
        [(name, _)] => format!(" ({name})"),
        many => {
            let words: Vec<String> = many
                .iter()
                .map(|(name, d)| {
                    let share = if total.is_zero() {
                        Decimal::ZERO
                    } else {
                        dec::div(*d, total)
                    };
                    format!("{name} {}", format::percent(share))
                })
                .collect();
            format!(" ({})", words.join(", "))
        }
    }
}

/// One cut in plain words.
pub fn cut_words(doc: &Document, cut: &Cut) -> CutWords {
    let norm_reason = cut.reasons.iter().find_map(|r| match r {
        CutReason::Norm { norm, pupils } => Some((norm, *pupils)),
        CutReason::Deficit { .. } => None,
    });
    let change = match (cut.kind, cut.days_a_week) {
        (LineType::Position, Some((from, to))) => {
            let unit = if to == Decimal::ONE { "day" } else { "days" };
            format!(
                "{} → {} {unit} a week",
                format::plain(from),
                format::plain(to)
            )
        }
        (LineType::Position, None) if norm_reason.is_some() => {
            format!("{} → {}", format::fte(cut.from), format::fte(cut.to))
        }
        (LineType::Position, None) => {
            format!("{} → {} FTE", format::fte(cut.from), format::fte(cut.to))
        }
        (LineType::Item, _) => format!(
            "{} → {}",
            format::money_whole(cut.from),
            format::money_whole(cut.to)
        ),
    };
    let freed = format::money_whole(cut.freed());
    let text = match norm_reason {
        Some((norm_id, pupils)) => {
            let span = doc
                .norms
                .iter()
                .find(|n| &n.id == norm_id)
                .map_or_else(|| norm_id.clone(), |n| grade_span(&n.grades));
            format!(
                "{}: {change}, {span} enrollment fell to {}; {freed} less norm staffing",
                cut.title,
                format::count(pupils)
            )
        }
        None => format!(
            "{}: {change}, frees {freed}{}",
            cut.title,
            split_words(doc, &cut.frees)
        ),
    };
    CutWords {
        line: cut.line.clone(),
        text,
        from: cut.from,
        to: cut.to,
        norm: norm_reason.is_some(),
    }
}

/// A remaining deficit in plain words, with what holds it.
pub fn deficit_words(doc: &Document, deficit: &Deficit) -> String {
    let name = doc.source_name(&deficit.source);
    let held: Vec<String> = deficit
        .commitments
        .iter()
        .map(|c| format!("{} {}", c.title, format::money_whole(c.charge)))
        .collect();
    let mut text = format!(
        "{name} is still {} short after every cut the priorities allow.",
        format::money_whole(deficit.amount)
    );
    if !held.is_empty() {
        text.push_str(&format!(
            " Protected commitments hold it: {}.",
            held.join(", ")
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grade_spans_read_like_a_district_memo() {
        let g = |s: &str| Grade::parse(s).unwrap();
        assert_eq!(
            grade_span(&[g("TK"), g("K"), g("1"), g("2"), g("3")]),
            "TK-3"
        );
        assert_eq!(grade_span(&[g("5"), g("4")]), "4-5");
        assert_eq!(grade_span(&[g("K")]), "K");
        assert_eq!(grade_span(&[g("K"), g("2")]), "K, 2");
        assert_eq!(grade_span(&[]), "");
    }
}
