//! The cut plan in plain words, as a principal would say it.

use rust_decimal::Decimal;

use crate::engine::{Cut, CutReason, Deficit, LineEdit, LineType, Scenario};
use crate::format;
use crate::model::{Document, Grade, Line, Priority};
use crate::util::i18n::{tr, tr1, trf};
use crate::util::{dec, IdMap};

/// The colour of a cut card, as its legend names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CutTone {
    /// A district norm follows enrollment.
    Norm,
    /// A vacant position: nobody loses a job.
    Vacant,
    /// A filled position: a person's job.
    Job,
    /// Money for things, not people.
    Money,
}

impl CutTone {
    /// The card's class, and the legend's swatch.
    pub fn class(self) -> &'static str {
        match self {
            CutTone::Norm => "cut-norm",
            CutTone::Vacant => "cut-vacant",
            CutTone::Job => "cut-job",
            CutTone::Money => "cut-money",
        }
    }

    /// The legend's words, in the language spoken now.
    pub fn legend(self) -> String {
        match self {
            CutTone::Norm => tr("District norm: staffing follows enrollment"),
            CutTone::Vacant => tr("Vacant position: nobody loses a job"),
            CutTone::Job => tr("Filled position: a person's job"),
            CutTone::Money => tr("Money for things, not people"),
        }
    }

    /// Every tone, in legend order.
    pub const ALL: [CutTone; 4] = [CutTone::Norm, CutTone::Vacant, CutTone::Job, CutTone::Money];
}

/// Another line that could close the same gap alone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AltWords {
    /// Its line id.
    pub line: String,
    /// `Intervention materials −$3,050`.
    pub text: String,
}

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
    /// Why the plan chose this line: `Why: flexible · cut rank 3.`
    pub why: String,
    /// What a filled position's cut means for a person.
    pub job: Option<String>,
    /// Said when the cut frees far more than the gap it closes.
    pub overshoot: Option<String>,
    /// Other lines that could close the same gap alone.
    pub alternatives: Vec<AltWords>,
    /// The card's colour.
    pub tone: CutTone,
}

/// A line as the scenario sees it: the budget's line with the scenario's edits applied.
pub fn scenario_line(doc: &Document, scenario: &Scenario, id: &str) -> Option<Line> {
    let found = doc.lines.iter().position(|l| l.id == id);
    line_in_scenario(doc, scenario, id, found)
}

/// The line at `found` in the budget (if any) as `scenario` has it.
fn line_in_scenario(
    doc: &Document,
    scenario: &Scenario,
    id: &str,
    found: Option<usize>,
) -> Option<Line> {
    let mut line = found.and_then(|i| doc.lines.get(i)).cloned();
    for edit in &scenario.line_edits {
        match edit {
            LineEdit::Replace(l) | LineEdit::Add(l) if l.id == id => line = Some(l.clone()),
            LineEdit::Remove(r) if r == id => line = None,
            _ => {}
        }
    }
    line
}

/// Why the plan picked a line for a deficit, in the spec's order of reasons.
fn why_chosen(line: &Line) -> String {
    let mut parts: Vec<String> = vec![match line.priority {
        Priority::Flexible => tr("flexible"),
        _ => tr("essential, after every flexible line"),
    }];
    if line.is_vacant() {
        parts.push(tr("vacant, so nobody loses a job"));
    }
    parts.push(match line.cut_rank {
        Some(rank) => tr1("cut rank {rank}", "rank", &rank),
        None => tr("order in the budget"),
    });
    tr1("Why: {reasons}.", "reasons", &parts.join(" · "))
}

/// What the cut of a filled position means for the people in it.
fn job_words(from: Decimal, to: Decimal) -> String {
    if from <= Decimal::ONE && to.is_zero() {
        tr1(
            "Filled position: a person loses this job ({fte}).",
            "fte",
            &format::fte_days(from),
        )
    } else if from <= Decimal::ONE {
        trf(
            "Filled position: a person's job shrinks from {from} to {to}.",
            &[
                ("from", &format::fte_days(from)),
                ("to", &format::fte_days(to)),
            ],
        )
    } else {
        tr1(
            "Filled positions: {fte} FTE of people's jobs go.",
            "fte",
            &format::fte(from.saturating_sub(to)),
        )
    }
}

/// Money left unspent above this (and above the gap itself) counts as "far more".
const FAR_MORE_AT_LEAST: Decimal = Decimal::ONE_HUNDRED;

/// One cut in plain words, with why it was chosen, what it means for a person, what it
/// leaves unspent and what else could close the same gap; lines read as in `scenario`.
pub fn cut_words_in(doc: &Document, scenario: &Scenario, cut: &Cut) -> CutWords {
    let found = doc.lines.iter().position(|l| l.id == cut.line);
    words_for(doc, scenario, cut, found, true)
}

/// Every cut of a plan in words, the lines found through one id map (a thousand-line
/// budget with a hundred cuts would otherwise search its lines once per cut, each move).
/// The first `detailed` cuts get their reasons and alternatives too; the rest only what
/// the cut is (the page words the rest when the reader asks for all).
pub fn plan_words(
    doc: &Document,
    scenario: &Scenario,
    cuts: &[Cut],
    detailed: usize,
) -> Vec<CutWords> {
    let mut ix = IdMap::with_capacity_and_hasher(doc.lines.len(), Default::default());
    for (i, l) in doc.lines.iter().enumerate() {
        ix.entry(l.id.as_str()).or_insert(i);
    }
    cuts.iter()
        .enumerate()
        .map(|(i, c)| {
            words_for(
                doc,
                scenario,
                c,
                ix.get(c.line.as_str()).copied(),
                i < detailed,
            )
        })
        .collect()
}

fn words_for(
    doc: &Document,
    scenario: &Scenario,
    cut: &Cut,
    found: Option<usize>,
    detail: bool,
) -> CutWords {
    let mut words = cut_words(doc, cut);
    let line = line_in_scenario(doc, scenario, &cut.line, found);
    let vacant = line.as_ref().is_some_and(Line::is_vacant);
    words.tone = match (words.norm, cut.kind, vacant) {
        (true, _, _) => CutTone::Norm,
        (false, LineType::Item, _) => CutTone::Money,
        (false, LineType::Position, true) => CutTone::Vacant,
        (false, LineType::Position, false) => CutTone::Job,
    };
    if !detail {
        return words;
    }
    words.why = if words.norm {
        tr("Why: the district's staffing norm counts pupils, so the school does not choose this cut.")
    } else {
        line.as_ref().map(why_chosen).unwrap_or_default()
    };
    if cut.kind == LineType::Position && !vacant {
        words.job = Some(job_words(cut.from, cut.to));
    }
    words.overshoot = cut
        .gaps
        .iter()
        .find(|g| g.left > g.gap && g.left >= FAR_MORE_AT_LEAST)
        .map(|g| {
            trf(
                "Frees far more than needed: {source} was {gap} short; this cut frees {frees} there and leaves {left} unspent.",
                &[
                    ("source", &doc.source_name(&g.source)),
                    ("gap", &format::money_whole(g.gap)),
                    ("frees", &format::money_whole(g.gap.saturating_add(g.left))),
                    ("left", &format::money_whole(g.left)),
                ],
            )
        });
    for alt in cut.gaps.iter().flat_map(|g| g.alternatives.iter()) {
        if alt.line == cut.line || words.alternatives.iter().any(|a| a.line == alt.line) {
            continue;
        }
        let minus = |m: Decimal| format!("{}{}", format::MINUS, format::money_whole(m));
        let text = match alt.kind {
            LineType::Position => trf(
                "{title} {from} → {to} FTE ({change})",
                &[
                    ("title", &alt.title),
                    ("from", &format::fte(alt.from)),
                    ("to", &format::fte(alt.to)),
                    ("change", &minus(alt.frees)),
                ],
            ),
            // An item reads as the amount it loses, which may exceed what its share frees.
            LineType::Item => format!("{} {}", alt.title, minus(alt.from.saturating_sub(alt.to))),
        };
        words.alternatives.push(AltWords {
            line: alt.line.clone(),
            text,
        });
    }
    words
}

/// The scenario steered so that the plan takes `alt` before `chosen`: `alt` gets the
/// lowest cut rank (and `chosen`'s priority when it was kept for later), and a vacant
/// `chosen`, which would still come first, is kept one priority up, all as line edits
/// of this scenario. `None` when either line is not in the scenario.
pub fn steer_toward(
    doc: &Document,
    scenario: &Scenario,
    alt: &str,
    chosen: &str,
) -> Option<Scenario> {
    let mut a = scenario_line(doc, scenario, alt)?;
    let c = scenario_line(doc, scenario, chosen)?;
    if a.priority > c.priority {
        a.priority = c.priority;
    }
    let mut keep = None;
    if a.priority == c.priority && c.is_vacant() && !a.is_vacant() {
        let mut c2 = c.clone();
        c2.priority = match c.priority {
            Priority::Flexible => Priority::Essential,
            _ => Priority::Protected,
        };
        keep = Some(c2);
    }
    let lowest = doc
        .lines
        .iter()
        .filter_map(|l| l.cut_rank)
        .chain(scenario.line_edits.iter().filter_map(|e| match e {
            LineEdit::Replace(l) | LineEdit::Add(l) => l.cut_rank,
            LineEdit::Remove(_) => None,
        }))
        .min();
    a.cut_rank = Some(lowest.map_or(1, |r| r.saturating_sub(1)));
    let mut out = scenario.clone();
    set_line_edit(&mut out.line_edits, a);
    if let Some(c2) = keep {
        set_line_edit(&mut out.line_edits, c2);
    }
    Some(out)
}

/// Puts `line` into the edits: over an earlier edit of the same id, else as a replacement.
fn set_line_edit(edits: &mut Vec<LineEdit>, line: Line) {
    let slot = edits.iter_mut().rev().find(|e| match e {
        LineEdit::Replace(l) | LineEdit::Add(l) => l.id == line.id,
        LineEdit::Remove(_) => false,
    });
    match slot {
        Some(LineEdit::Replace(l) | LineEdit::Add(l)) => *l = line,
        _ => edits.push(LineEdit::Replace(line)),
    }
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
        (LineType::Position, Some((from, _))) => trf(
            "{from} → {to} a week",
            &[
                ("from", &format::plain(from)),
                ("to", &format::days(to_days(cut))),
            ],
        ),
        // Any other position at 1 FTE or less also reads in days a week.
        (LineType::Position, None) if cut.from <= Decimal::ONE && norm_reason.is_none() => trf(
            "{from} → {to} FTE ({days_from} → {days_to} a week)",
            &[
                ("from", &format::fte(cut.from)),
                ("to", &format::fte(cut.to)),
                (
                    "days_from",
                    &format::plain(dec::mul(cut.from, Decimal::from(5))),
                ),
                ("days_to", &format::days(dec::mul(cut.to, Decimal::from(5)))),
            ],
        ),
        (LineType::Position, None) if norm_reason.is_some() => {
            format!("{} → {}", format::fte(cut.from), format::fte(cut.to))
        }
        (LineType::Position, None) => trf(
            "{from} → {to} FTE",
            &[
                ("from", &format::fte(cut.from)),
                ("to", &format::fte(cut.to)),
            ],
        ),
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
            trf(
                "{title}: {change}, {span} enrollment fell to {pupils}; {freed} less norm staffing",
                &[
                    ("title", &cut.title),
                    ("change", &change),
                    ("span", &span),
                    ("pupils", &format::count(pupils)),
                    ("freed", &freed),
                ],
            )
        }
        None => trf(
            "{title}: {change}, frees {freed}{split}",
            &[
                ("title", &cut.title),
                ("change", &change),
                ("freed", &freed),
                ("split", &split_words(doc, &cut.frees)),
            ],
        ),
    };
    CutWords {
        line: cut.line.clone(),
        text,
        from: cut.from,
        to: cut.to,
        norm: norm_reason.is_some(),
        why: String::new(),
        job: None,
        overshoot: None,
        alternatives: Vec::new(),
        tone: if norm_reason.is_some() {
            CutTone::Norm
        } else if cut.kind == LineType::Item {
            CutTone::Money
        } else {
            CutTone::Job
        },
    }
}

/// Days a week after a cut, from the engine's reading.
fn to_days(cut: &Cut) -> Decimal {
    cut.days_a_week.map_or(Decimal::ZERO, |(_, to)| to)
}

/// The headline's words under the balance after the plan: `$30,450 left` or the deficit left.
pub fn after_plan_note(balance: Decimal) -> String {
    if balance.is_sign_negative() && !balance.is_zero() {
        tr1(
            "{amount} still short after every cut the priorities allow",
            "amount",
            &format::money_whole(-balance),
        )
    } else {
        tr1(
            "{amount} left after the cuts",
            "amount",
            &format::money_whole(balance),
        )
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
    let short = format::money_whole(deficit.amount);
    if held.is_empty() {
        trf(
            "{name} is still {amount} short after every cut the priorities allow.",
            &[("name", &name), ("amount", &short)],
        )
    } else {
        trf(
            "{name} is still {amount} short after every cut the priorities allow. Protected commitments hold it: {held}.",
            &[("name", &name), ("amount", &short), ("held", &held.join(", "))],
        )
    }
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
