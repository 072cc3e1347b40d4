//! The levers in plain words: breakpoints, income forms, recruiting and buy-backs.

use rust_decimal::Decimal;

use super::plan_text::grade_span;
use crate::engine::{entitlement_fte, Breakpoint, BuyBack, FormsToTier, NormDayNorm};
use crate::format;
use crate::model::{Document, Norm};
use crate::util::i18n::{tr, tr1, trf};
use std::fmt::Display;

/// Dollars as people say them: `$1,250` when whole, `$1,771.50` otherwise.
pub fn dollars(value: Decimal) -> String {
    if value.fract().is_zero() {
        format::money_whole(value)
    } else {
        format::money(value)
    }
}

/// `1 pupil`, `12 pupils`.
fn pupils(n: u64) -> String {
    if n == 1 {
        tr("1 pupil")
    } else {
        tr1("{n} pupils", "n", &format::count(n))
    }
}

/// Whether a norm's positions are teachers (`a teacher`), else positions.
fn is_teacher(norm: &Norm) -> bool {
    norm.title.to_lowercase().contains("teacher")
}

/// How much a change of entitlement is, in words: `a teacher`, or `0.5 FTE`.
fn amount(norm: &Norm, fte: Decimal) -> String {
    if fte == Decimal::ONE {
        if is_teacher(norm) {
            tr("a teacher")
        } else {
            tr("a position")
        }
    } else {
        tr1("{n} FTE", "n", &format::fte(fte))
    }
}

/// `12 fewer pupils in TK-3 and you lose a teacher; 11 more and you gain one`.
pub fn breakpoint_words(norm: &Norm, b: &Breakpoint) -> String {
    let span = grade_span(&norm.grades);
    let ent = |s: u64| entitlement_fte(norm, s).unwrap_or(b.fte);
    let lose = b.lose.map(|k| {
        let drop = b.fte - ent(b.students.saturating_sub(k));
        let args: &[(&str, &dyn Display)] = &[
            ("k", &format::count(k)),
            ("span", &span),
            ("lost", &amount(norm, drop)),
        ];
        if k == 1 {
            trf("{k} fewer pupil in {span} and you lose {lost}", args)
        } else {
            trf("{k} fewer pupils in {span} and you lose {lost}", args)
        }
    });
    let gain = b.gain.map(|k| {
        let rise = ent(b.students.saturating_add(k)) - b.fte;
        let what = if rise == Decimal::ONE {
            tr("one")
        } else {
            tr1("{n} FTE", "n", &format::fte(rise))
        };
        (k, what)
    });
    match (lose, gain) {
        (Some(l), Some((k, what))) => trf(
            "{lose}; {k} more and you gain {what}",
            &[("lose", &l), ("k", &format::count(k)), ("what", &what)],
        ),
        (Some(l), None) => tr1("{lose}; more pupils would not add to it", "lose", &l),
        (None, Some((k, what))) => trf(
            "No fewer pupils in {span} would cost a position; {pupils} more and you gain {what}",
            &[("span", &span), ("pupils", &pupils(k)), ("what", &what)],
        ),
        (None, None) => tr1(
            "Pupil numbers in {span} do not move this norm",
            "span",
            &span,
        ),
    }
}

/// `Each income form returned is worth $1,250.`
pub fn form_words(worth: Option<Decimal>) -> String {
    match worth {
        Some(w) => tr1(
            "Each income form returned is worth {worth}.",
            "worth",
            &dollars(w),
        ),
        None => tr("Every pupil is already counted as unduplicated: no forms left to return."),
    }
}

/// `6 more forms reach Title I's next rate: +$3,100`.
pub fn tier_words(doc: &Document, f: &FormsToTier) -> String {
    let name = doc.source_name(&f.source);
    match (f.forms, f.gain, f.next_rate) {
        (Some(n), Some(g), _) => {
            let sign = if g > Decimal::ZERO { "+" } else { "" };
            let gain = format!("{sign}{}", dollars(g));
            let args: &[(&str, &dyn Display)] =
                &[("n", &format::count(n)), ("name", &name), ("gain", &gain)];
            if n == 1 {
                trf("1 more form reaches {name}'s next rate: {gain}", args)
            } else {
                trf("{n} more forms reach {name}'s next rate: {gain}", args)
            }
        }
        (_, _, None) => tr1("{name} is at its top rate.", "name", &name),
        _ => tr1(
            "Not enough pupils without a form to reach {name}'s next rate.",
            "name",
            &name,
        ),
    }
}

/// `the 4th`, `the 1st`.
fn ordinal(n: u64) -> String {
    let args: &[(&str, &dyn Display)] = &[("n", &n)];
    match (n % 10, n % 100) {
        (_, 11..=13) => trf("the {n}th", args),
        (1, _) => trf("the {n}st", args),
        (2, _) => trf("the {n}nd", args),
        (3, _) => trf("the {n}rd", args),
        _ => trf("the {n}th", args),
    }
}

/// `Recruit 3 pupils in grades 4-5 to keep the 4th teacher`, for a norm that loses
/// positions; none when no number of pupils brings one back.
pub fn recruit_words(norm: &Norm, b: &Breakpoint) -> Option<String> {
    let k = b.gain?;
    let span = grade_span(&norm.grades);
    let next = ordinal(u64::try_from(b.fte.floor()).unwrap_or(0).saturating_add(1));
    let args: &[(&str, &dyn Display)] = &[("pupils", &pupils(k)), ("span", &span), ("next", &next)];
    Some(match (norm.grades.len() > 1, is_teacher(norm)) {
        (true, true) => trf(
            "Recruit {pupils} in grades {span} to keep {next} teacher",
            args,
        ),
        (false, true) => trf(
            "Recruit {pupils} in grade {span} to keep {next} teacher",
            args,
        ),
        (true, false) => trf(
            "Recruit {pupils} in grades {span} to keep {next} position",
            args,
        ),
        (false, false) => trf(
            "Recruit {pupils} in grade {span} to keep {next} position",
            args,
        ),
    })
}

/// `Buy it back: $118,000. Your unrestricted flexible money covers 0.6 FTE.`
pub fn buy_back_words(b: &BuyBack) -> String {
    let covers = if b.can >= b.lost {
        tr("all of it")
    } else {
        tr1("{n} FTE", "n", &format::fte(b.can))
    };
    trf(
        "Buy it back: {cost}. Your unrestricted flexible money covers {covers}.",
        &[("cost", &dollars(b.cost)), ("covers", &covers)],
    )
}

/// `Classroom teacher TK-3: 10 → 9 positions, −$94,400 for the rest of the year`.
pub fn norm_day_words(n: &NormDayNorm) -> String {
    if n.before == n.after {
        return trf(
            "{title}: stays at {fte} FTE ({pupils} counted)",
            &[
                ("title", &n.title),
                ("fte", &format::fte(n.after)),
                ("pupils", &pupils(n.students)),
            ],
        );
    }
    trf(
        "{title}: {from} → {to} FTE ({pupils} counted), {change} for the rest of the year",
        &[
            ("title", &n.title),
            ("from", &format::fte(n.before)),
            ("to", &format::fte(n.after)),
            ("pupils", &pupils(n.students)),
            ("change", &format::money_change(n.dollars)),
        ],
    )
}

/// `2 more counted pupils would have kept it`.
pub fn kept_words(b: &Breakpoint) -> Option<String> {
    let k = b.gain?;
    Some(if k == 1 {
        tr("1 more counted pupil would have kept it")
    } else {
        tr1(
            "{k} more counted pupils would have kept it",
            "k",
            &format::count(k),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Grade, Rounding};

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_default()
    }

    fn teacher() -> Norm {
        Norm {
            id: "tk3".into(),
            title: "Classroom teacher TK-3".into(),
            grades: vec![Grade::TK, Grade::K, Grade::G(1), Grade::G(2), Grade::G(3)],
            students_per_position: d("24"),
            unit_cost: d("118000"),
            rounding: Rounding::Ceil,
            min_fte: None,
            bands: Vec::new(),
        }
    }

    #[test]
    fn speaks_like_a_principal() {
        let n = teacher();
        let b = crate::engine::breakpoint(&n, 252).unwrap();
        // 252 → ceil(10.5) = 11; lose = 252 − 240 = 12; gain = 264 + 1 − 252 = 13.
        assert_eq!(
            breakpoint_words(&n, &b),
            "12 fewer pupils in TK-3 and you lose a teacher; 13 more and you gain one"
        );
        assert_eq!(
            recruit_words(&n, &b).unwrap(),
            "Recruit 13 pupils in grades TK-3 to keep the 12th teacher"
        );
        assert_eq!(
            form_words(Some(d("1250.00"))),
            "Each income form returned is worth $1,250."
        );
        let bb = BuyBack {
            norm: "tk3".into(),
            line: "teach".into(),
            title: "Teachers".into(),
            lost: d("1"),
            unit_cost: d("118000"),
            cost: d("118000.00"),
            can: d("0.6"),
            can_from: vec![],
            step: d("0.2"),
        };
        assert_eq!(
            buy_back_words(&bb),
            "Buy it back: $118,000. Your unrestricted flexible money covers 0.6 FTE."
        );
        let f = FormsToTier {
            source: "title1".into(),
            rate: d("542.25"),
            next_rate: Some(d("547.75")),
            forms: Some(6),
            gain: Some(d("3100.00")),
        };
        let mut doc = crate::io::sample::sample_document();
        doc.sources.retain(|s| s.id == "title1");
        assert_eq!(
            tier_words(&doc, &f),
            "6 more forms reach Title I's next rate: +$3,100"
        );
        assert_eq!(ordinal(4), "the 4th");
        assert_eq!(ordinal(11), "the 11th");
        assert_eq!(ordinal(22), "the 22nd");
    }
}
