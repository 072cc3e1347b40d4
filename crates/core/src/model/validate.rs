//! Every rule a [`Document`] value can break: ids, references, shares and ranges.
//!
//! Rules beyond the spec's words, chosen so that the engine and CSV stay sound:
//! - ids, tags, `allowed` entries and set-aside tags are *words*: not empty, without
//!   spaces, control characters, `|`, `:` or `,` (they appear in CSV cells such as
//!   `need:0.6|gf:0.4` and in `data-testid` attributes);
//! - money and rates are at most [`MAX_MONEY`], FTE figures at most [`MAX_FTE`], so
//!   engine arithmetic stays far from overflow;
//! - a norm is followed by one line at most (each such line takes the whole
//!   entitlement, so two would always overspend the norm source);
//! - a grade is listed once in a norm or a basis; LCFF `supplemental`,
//!   `concentration` and `threshold` are fractions in [0, 1].

use rust_decimal::Decimal;

use super::problem::{ImportError, Place, Problem};
use crate::format;
use crate::model::{
    Allocation, Band, Basis, Document, Funding, Grade, Line, LineKind, Source, Span, Tier,
};
use crate::util::dec;
use crate::util::i18n::{tr, tr1, trf};

use crate::util::IdMap;

/// Largest money amount or rate accepted: one trillion dollars.
pub const MAX_MONEY: Decimal = Decimal::from_parts(0xD4A5_1000, 0xE8, 0, false, 0);
/// Largest FTE figure accepted.
pub const MAX_FTE: Decimal = Decimal::from_parts(10_000, 0, 0, false, 0);

/// Checks every cross-field rule and range; `Err` lists all problems found.
pub fn validate(doc: &Document) -> Result<(), ImportError> {
    ImportError::check(problems(doc, &line_place), ())
}

/// The id of the first source with allocation type `norm`, if any.
pub(crate) fn norm_source(doc: &Document) -> Option<&str> {
    doc.sources
        .iter()
        .find(|s| s.allocation == Allocation::Norm)
        .map(|s| s.id.as_str())
}

/// Where a line's problems are reported: by id, or by position when it has none.
pub(crate) fn line_place(index: usize, line: &Line) -> Place {
    if line.id.is_empty() {
        Place::LineAt(index + 1)
    } else {
        Place::Line(line.id.clone())
    }
}

/// All problems, with line problems placed by `place_line` (CSV places them by row).
pub(crate) fn problems(doc: &Document, place_line: &dyn Fn(usize, &Line) -> Place) -> Vec<Problem> {
    let mut out = Vec::new();
    school(doc, &mut out);
    let mut norm_source: Option<&str> = None;
    let mut seen = IdMap::default();
    for (i, s) in doc.sources.iter().enumerate() {
        let place = by_id(&s.id, Place::Source, Place::SourceAt, i);
        id(&place, &s.id, Kind::Source, &mut seen, &mut out);
        if s.allocation == Allocation::Norm {
            match norm_source {
                Some(first) => out.push(Problem::new(
                    &place,
                    "allocation.type",
                    tr1(
                        "only one source may have type `norm`; source `{first}` already has it",
                        "first",
                        &first,
                    ),
                )),
                None => norm_source = Some(&s.id),
            }
        }
        source(doc, s, &place, &mut out);
    }
    let mut seen = IdMap::default();
    for (i, n) in doc.norms.iter().enumerate() {
        let place = by_id(&n.id, Place::Norm, Place::NormAt, i);
        id(&place, &n.id, Kind::Norm, &mut seen, &mut out);
        grades(&place, "grades", &n.grades, &mut out);
        if n.bands.is_empty() {
            positive(
                &place,
                "students_per_position",
                n.students_per_position,
                &mut out,
            );
        } else {
            bands(&place, &n.bands, &mut out);
        }
        money(&place, "unit_cost", n.unit_cost, &mut out);
        if let Some(min) = n.min_fte {
            bounded(&place, "min_fte", min, Limit::Fte, &mut out);
        }
    }
    let mut seen = IdMap::default();
    // Norm id → position of the first line following it.
    let mut followed = IdMap::default();
    for (i, l) in doc.lines.iter().enumerate() {
        let place = place_line(i, l);
        id(&place, &l.id, Kind::Line, &mut seen, &mut out);
        line(doc, (i, l), &place, norm_source, &mut followed, &mut out);
    }
    out
}

fn by_id(id: &str, named: fn(String) -> Place, at: fn(usize) -> Place, index: usize) -> Place {
    if id.is_empty() {
        at(index + 1)
    } else {
        named(id.to_string())
    }
}

fn school(doc: &Document, out: &mut Vec<Problem>) {
    let s = &doc.school;
    fraction(&Place::School, "unduplicated_pct", s.unduplicated_pct, out);
    fraction(&Place::School, "attendance_rate", s.attendance_rate, out);
}

fn source(doc: &Document, s: &Source, place: &Place, out: &mut Vec<Problem>) {
    match &s.allocation {
        Allocation::Fixed { amount } => money(place, "allocation.amount", *amount, out),
        Allocation::PerPupil { rate, basis } => {
            bounded(place, "allocation.rate", *rate, Limit::Dollars, out);
            if let Basis::Grades(g) = basis {
                grades(place, "allocation.basis.grades", g, out);
            }
        }
        Allocation::Tiered { basis, tiers } => {
            if let Basis::Grades(g) = basis {
                grades(place, "allocation.basis.grades", g, out);
            }
            tiered(place, tiers, out);
        }
        Allocation::Lcff(l) => {
            for (span, rate) in &l.base {
                bounded(
                    place,
                    &format!("allocation.base.{}", span.key()),
                    *rate,
                    Limit::Dollars,
                    out,
                );
            }
            for span in Span::ALL {
                let pupils: u64 = doc
                    .school
                    .enrollment
                    .iter()
                    .filter(|(g, _)| Span::of(**g) == span)
                    .map(|(_, n)| u64::from(*n))
                    .sum();
                if pupils > 0 && !l.base.contains_key(&span) {
                    let reason = trf(
                        "needs a rate for {span}: the school has {pupils} pupils in those grades",
                        &[("span", &span.key()), ("pupils", &pupils)],
                    );
                    out.push(Problem::new(place, "allocation.base", reason));
                }
            }
            fraction(place, "allocation.supplemental", l.supplemental, out);
            fraction(place, "allocation.concentration", l.concentration, out);
            fraction(place, "allocation.threshold", l.threshold, out);
        }
        Allocation::Norm => {}
    }
    if let Some(allowed) = &s.allowed {
        words(place, "allowed", allowed, out);
    }
    for a in &s.set_asides {
        words(place, "set_asides", std::slice::from_ref(&a.tag), out);
        fraction(place, "set_asides", a.min_share, out);
    }
}

fn line<'d>(
    doc: &'d Document,
    (at, l): (usize, &'d Line),
    place: &Place,
    norm_source: Option<&str>,
    followed: &mut IdMap<'d>,
    out: &mut Vec<Problem>,
) {
    match &l.kind {
        LineKind::Position(p) => {
            bounded(place, "fte", p.fte, Limit::Fte, out);
            positive(place, "fte_step", p.fte_step, out);
            bounded(place, "fte_step", p.fte_step, Limit::Fte, out);
            if let Some(cost) = p.unit_cost {
                money(place, "unit_cost", cost, out);
            }
            match &p.norm {
                None if p.unit_cost.is_none() => {
                    out.push(Problem::new(
                        place,
                        "unit_cost",
                        tr("is required for a position without a norm"),
                    ));
                }
                None => {}
                Some(n) if !doc.norms.iter().any(|x| &x.id == n) => {
                    out.push(Problem::new(
                        place,
                        "norm",
                        tr1("norm `{n}` does not exist", "n", n),
                    ));
                }
                Some(n) => match followed.get(n.as_str()) {
                    Some(&first) => {
                        let first = doc.lines.get(first).map_or("", |f| f.id.as_str());
                        let reason = trf(
                            "norm `{n}` is already followed by line `{first}`; a norm funds one line",
                            &[("n", n), ("first", &first)],
                        );
                        out.push(Problem::new(place, "norm", reason));
                    }
                    None => {
                        followed.insert(n, at);
                    }
                },
            }
        }
        LineKind::Item { amount } => money(place, "amount", *amount, out),
    }
    funding(doc, &l.funding, l.norm(), place, norm_source, out);
    words(place, "tags", &l.tags, out);
}

/// Tiers: at least one, `at_least` in [0, 1] and strictly increasing, rates in range.
///
/// Problems sit on the field `allocation.tiers` (the editor's field) and name the tier.
fn tiered(place: &Place, tiers: &[Tier], out: &mut Vec<Problem>) {
    const FIELD: &str = "allocation.tiers";
    if tiers.is_empty() {
        out.push(Problem::new(
            place,
            FIELD,
            tr("must list at least one tier"),
        ));
    }
    let mut before: Option<Decimal> = None;
    for (i, t) in tiers.iter().enumerate() {
        let n = i + 1;
        if t.at_least < Decimal::ZERO || t.at_least > Decimal::ONE {
            let reason = trf(
                "tier {n}: `at_least` must be between 0 and 1, got {got}",
                &[("n", &n), ("got", &t.at_least)],
            );
            out.push(Problem::new(place, FIELD, reason));
        }
        if t.rate < Decimal::ZERO || t.rate > MAX_MONEY {
            let reason = trf(
                "tier {n}: `rate` must be between $0 and {max}, got {got}",
                &[
                    ("n", &n),
                    ("max", &Limit::Dollars.show(MAX_MONEY)),
                    ("got", &t.rate),
                ],
            );
            out.push(Problem::new(place, FIELD, reason));
        }
        if let Some(b) = before.filter(|b| t.at_least <= *b) {
            let reason = trf(
                "tier {n}: tiers must be in strictly increasing `at_least`, but {this} follows {before}",
                &[
                    ("n", &n),
                    ("this", &t.at_least.normalize()),
                    ("before", &b.normalize()),
                ],
            );
            out.push(Problem::new(place, FIELD, reason));
        }
        before = Some(t.at_least);
    }
}

/// Bands: `from` strictly increasing, FTE in range (counts are whole and ≥ 0 once read).
fn bands(place: &Place, bands: &[Band], out: &mut Vec<Problem>) {
    const FIELD: &str = "bands";
    let mut before: Option<u32> = None;
    for (i, b) in bands.iter().enumerate() {
        let n = i + 1;
        if b.fte < Decimal::ZERO || b.fte > MAX_FTE {
            let reason = trf(
                "band {n}: `fte` must be between 0 and {max}, got {got}",
                &[
                    ("n", &n),
                    ("max", &Limit::Fte.show(MAX_FTE)),
                    ("got", &b.fte),
                ],
            );
            out.push(Problem::new(place, FIELD, reason));
        }
        if let Some(p) = before.filter(|p| b.from <= *p) {
            let reason = trf(
                "band {n}: bands must be in strictly increasing `from`, but {this} follows {before}",
                &[("n", &n), ("this", &b.from), ("before", &p)],
            );
            out.push(Problem::new(place, FIELD, reason));
        }
        before = Some(b.from);
    }
}

/// Checks a line's funding entries: sources exist, once each, shares positive and adding
/// to 1, and only the norm source for a line that follows a norm.
pub(crate) fn funding(
    doc: &Document,
    entries: &[Funding],
    norm: Option<&str>,
    place: &Place,
    norm_source: Option<&str>,
    out: &mut Vec<Problem>,
) {
    if entries.is_empty() {
        out.push(Problem::new(
            place,
            "funding",
            tr("must name at least one source"),
        ));
        return;
    }
    let mut seen = IdMap::default();
    let mut sum = Some(Decimal::ZERO);
    for f in entries {
        if !doc.sources.iter().any(|s| s.id == f.source) {
            out.push(Problem::new(
                place,
                "funding",
                tr1("source `{id}` does not exist", "id", &f.source),
            ));
        }
        if seen.insert(f.source.as_str(), 0).is_some() {
            out.push(Problem::new(
                place,
                "funding",
                tr1("source `{id}` appears twice", "id", &f.source),
            ));
        }
        if f.share <= Decimal::ZERO {
            let reason = trf(
                "share for `{id}` must be more than 0, got {got}",
                &[("id", &f.source), ("got", &f.share)],
            );
            out.push(Problem::new(place, "funding", reason));
        }
        sum = sum.and_then(|s| dec::checked_add(s, f.share));
    }
    if sum != Some(Decimal::ONE) {
        let reason = match sum {
            Some(s) => tr1(
                "shares must add up to exactly 1, got {got}",
                "got",
                &s.normalize(),
            ),
            None => tr("shares must add up to exactly 1, got a sum too large to count"),
        };
        out.push(Problem::new(place, "funding", reason));
    }
    if let Some(n) = norm {
        match norm_source {
            None => out.push(Problem::new(
                place,
                "funding",
                tr1(
                    "line follows norm `{n}`, so it needs a source with allocation type `norm`",
                    "n",
                    &n,
                ),
            )),
            Some(ns) => {
                for f in entries.iter().filter(|f| f.source != ns) {
                    let reason = trf(
                        "line follows norm `{n}`, so it must be funded only by the norm source `{ns}`, not `{id}`",
                        &[("n", &n), ("ns", &ns), ("id", &f.source)],
                    );
                    out.push(Problem::new(place, "funding", reason));
                }
            }
        }
    }
}

/// What an id identifies (whole sentences per kind: the noun's gender differs in Spanish).
#[derive(Clone, Copy)]
enum Kind {
    Source,
    Norm,
    Line,
}

/// Checks a unique id that is a word; `kind` names what it identifies.
fn id<'d>(place: &Place, id: &'d str, kind: Kind, seen: &mut IdMap<'d>, out: &mut Vec<Problem>) {
    if let Some(reason) = word_problem(id) {
        out.push(Problem::new(place, "id", reason));
    } else if seen.insert(id, 0).is_some() {
        let args: &[(&str, &dyn std::fmt::Display)] = &[("id", &id)];
        let reason = match kind {
            Kind::Source => trf("`{id}` is used by another source", args),
            Kind::Norm => trf("`{id}` is used by another norm", args),
            Kind::Line => trf("`{id}` is used by another line", args),
        };
        out.push(Problem::new(place, "id", reason));
    }
}

fn words(place: &Place, field: &str, list: &[String], out: &mut Vec<Problem>) {
    for w in list {
        if let Some(reason) = word_problem(w) {
            out.push(Problem::new(place, field, reason));
        }
    }
}

/// Why `w` is not a word, if it is not.
pub(crate) fn word_problem(w: &str) -> Option<String> {
    if w.is_empty() {
        return Some(tr("must not be empty"));
    }
    let bad = |c: char| c.is_whitespace() || c.is_control() || matches!(c, '|' | ':' | ',');
    w.contains(bad).then(|| {
        tr1(
            "must be a word (no spaces, `|`, `:` or `,`), got {got}",
            "got",
            &crate::util::decimal::quote(w),
        )
    })
}

fn grades(place: &Place, field: &str, list: &[Grade], out: &mut Vec<Problem>) {
    if list.is_empty() {
        out.push(Problem::new(
            place,
            field,
            tr("must list at least one grade"),
        ));
    }
    // One flag per grade, in place of a set (no set instance for grades in the bundle).
    let mut seen = [false; Grade::ALL.len()];
    for g in list {
        if seen
            .get_mut(g.index())
            .is_some_and(|s| std::mem::replace(s, true))
        {
            out.push(Problem::new(
                place,
                field,
                tr1("lists grade {g} twice", "g", g),
            ));
        }
    }
}

/// In [0, 1].
fn fraction(place: &Place, field: &str, v: Decimal, out: &mut Vec<Problem>) {
    if v < Decimal::ZERO || v > Decimal::ONE {
        out.push(Problem::new(
            place,
            field,
            tr1("must be between 0 and 1, got {v}", "v", &v),
        ));
    }
}

/// More than 0.
fn positive(place: &Place, field: &str, v: Decimal, out: &mut Vec<Problem>) {
    if v <= Decimal::ZERO {
        out.push(Problem::new(
            place,
            field,
            tr1("must be more than 0, got {v}", "v", &v),
        ));
    }
}

/// An upper limit, and how its figures are written for people.
#[derive(Clone, Copy)]
enum Limit {
    /// Dollars, at most [`MAX_MONEY`]: `$1,000,000,000,000`.
    Dollars,
    /// FTE, at most [`MAX_FTE`]: `10,000 FTE`.
    Fte,
}

impl Limit {
    /// The largest value allowed.
    fn max(self) -> Decimal {
        match self {
            Limit::Dollars => MAX_MONEY,
            Limit::Fte => MAX_FTE,
        }
    }

    /// A value as the message shows it, exact (no rounding), digits grouped.
    fn show(self, v: Decimal) -> String {
        match self {
            Limit::Dollars => format::money_exact(v),
            Limit::Fte => tr1("{n} FTE", "n", &format::number(v)),
        }
    }
}

/// In [0, the limit].
fn bounded(place: &Place, field: &str, v: Decimal, limit: Limit, out: &mut Vec<Problem>) {
    if v < Decimal::ZERO {
        out.push(Problem::new(
            place,
            field,
            tr1("must be 0 or more, got {v}", "v", &v),
        ));
    } else if v > limit.max() {
        out.push(Problem::new(
            place,
            field,
            trf(
                "must be at most {max}, got {got}",
                &[("max", &limit.show(limit.max())), ("got", &limit.show(v))],
            ),
        ));
    }
}

/// In [0, MAX_MONEY], in whole cents.
fn money(place: &Place, field: &str, v: Decimal, out: &mut Vec<Problem>) {
    bounded(place, field, v, Limit::Dollars, out);
    if v.normalize().scale() > 2 {
        out.push(Problem::new(
            place,
            field,
            tr1(
                "must be in whole cents (2 decimal places at most), got {v}",
                "v",
                &v,
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_what_they_say() {
        assert_eq!(MAX_MONEY.to_string(), "1000000000000");
        assert_eq!(MAX_FTE.to_string(), "10000");
    }

    #[test]
    fn words() {
        assert_eq!(word_problem("family-engagement"), None);
        assert_eq!(word_problem(""), Some("must not be empty".into()));
        for bad in ["a b", "a|b", "a:b", "a,b", "tab\t", "new\nline"] {
            assert!(word_problem(bad).is_some(), "{bad:?}");
        }
    }
}
