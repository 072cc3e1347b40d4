//! JSON value → [`Document`]: types, presence, formats and defaults.
//!
//! Cross-field rules and ranges are left to [`crate::model::validate`], which runs only
//! when this conversion succeeded. Defaults, where the spec is silent: `restricted`
//! and `one_time` false, `norms` empty, a funding entry's `share` 1, empty `notes`
//! read as none. `null` reads as an absent field.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde_json::Value;

use super::fields::{describe, list_names, not_a_grade, Obj, Reader};
use crate::model::{
    Allocation, Band, Basis, Document, Funding, Grade, Lcff, Line, LineKind, Norm, Position,
    Priority, Rounding, School, SetAside, Source, Span, Tier, FORMAT,
};
use crate::model::{ImportError, Place};
use crate::util::i18n::{tr, tr1, trf};

/// Published LCFF supplemental grant share.
pub const LCFF_SUPPLEMENTAL: Decimal = Decimal::from_parts(20, 0, 0, false, 2);
/// Published LCFF concentration grant share.
pub const LCFF_CONCENTRATION: Decimal = Decimal::from_parts(65, 0, 0, false, 2);
/// Published LCFF concentration threshold.
pub const LCFF_THRESHOLD: Decimal = Decimal::from_parts(55, 0, 0, false, 2);
/// Default smallest cut of a position: one day a week.
pub const DEFAULT_FTE_STEP: Decimal = Decimal::from_parts(2, 0, 0, false, 1);

const POSITION_FIELDS: [&str; 5] = ["fte", "unit_cost", "fte_step", "vacant", "norm"];

/// Converts a parsed JSON value into a document, or every problem found on the way.
pub fn document(v: &Value) -> Result<Document, ImportError> {
    let mut r = Reader::default();
    let doc = read_document(&mut r, v);
    r.finish(doc)
}

fn read_document(r: &mut Reader, v: &Value) -> Option<Document> {
    let o = r.object(&Place::Document, "", "", v)?;
    o.only(
        r,
        &["format", "school", "sources", "norms", "lines", "scenarios"],
    );
    let format = o.req(r, "format", Reader::text);
    if let Some(f) = &format {
        if f != FORMAT {
            r.refuse(
                &o.place,
                "format",
                trf(
                    "must be `{format}`, got {got}",
                    &[
                        ("format", &FORMAT),
                        ("got", &describe(&Value::String(f.clone()))),
                    ],
                ),
            );
        }
    }
    let school = o.req(r, "school", |r, _, _, v| school(r, v));
    let sources = o
        .req(r, "sources", Reader::list)
        .map(|items| each(r, items, source));
    let norms = o
        .opt(r, "norms", Reader::list)
        .map(|items| each(r, items.map_or(&[][..], |v| v), norm));
    let lines = o
        .req(r, "lines", Reader::list)
        .map(|items| each(r, items, line));
    Some(Document {
        school: school?,
        sources: sources??,
        norms: norms??,
        lines: lines??,
    })
}

/// Reads every element, going on past refused ones; `None` if any was refused.
fn each<T>(
    r: &mut Reader,
    items: &[Value],
    read: fn(&mut Reader, usize, &Value) -> Option<T>,
) -> Option<Vec<T>> {
    let mut out = Vec::with_capacity(items.len());
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        match read(r, i, item) {
            Some(x) => out.push(x),
            None => ok = false,
        }
    }
    ok.then_some(out)
}

/// The place of a list element: by its id when it has a non-empty text one.
fn place_of(v: &Value, by_id: fn(String) -> Place, at: fn(usize) -> Place, index: usize) -> Place {
    match v.get("id") {
        Some(Value::String(id)) if !id.is_empty() => by_id(id.clone()),
        _ => at(index + 1),
    }
}

fn school(r: &mut Reader, v: &Value) -> Option<School> {
    let o = r.object(&Place::School, "school", "", v)?;
    o.only(
        r,
        &[
            "name",
            "fiscal_year",
            "enrollment",
            "unduplicated_pct",
            "attendance_rate",
        ],
    );
    let name = o.req(r, "name", Reader::text);
    let fiscal_year = o.req(r, "fiscal_year", Reader::text);
    let enrollment = o.req(r, "enrollment", enrollment);
    let unduplicated_pct = o.req(r, "unduplicated_pct", Reader::decimal);
    let attendance_rate = o.req(r, "attendance_rate", Reader::decimal);
    Some(School {
        name: name?,
        fiscal_year: fiscal_year?,
        enrollment: enrollment?,
        unduplicated_pct: unduplicated_pct?,
        attendance_rate: attendance_rate?,
    })
}

/// Reads an enrollment object (grade → count).
pub(crate) fn enrollment(
    r: &mut Reader,
    place: &Place,
    field: &str,
    v: &Value,
) -> Option<BTreeMap<Grade, u32>> {
    let grade =
        |key: &str| Grade::parse(key).ok_or_else(|| not_a_grade(&Value::String(key.to_owned())));
    let twice = |grade: Grade| tr1("grade {grade} is given twice", "grade", &grade);
    keyed(
        r,
        place,
        field,
        "enrollment.",
        v,
        grade,
        Reader::count,
        twice,
    )
}

/// Reads an object whose keys each name a `K` at most once, its values read by `value`;
/// every bad key or value is reported, and then the whole map is refused.
#[allow(clippy::too_many_arguments)]
fn keyed<K: Ord + Copy, V>(
    r: &mut Reader,
    place: &Place,
    field: &str,
    prefix: &str,
    v: &Value,
    key: impl Fn(&str) -> Result<K, String>,
    value: fn(&mut Reader, &Place, &str, &Value) -> Option<V>,
    twice: impl Fn(K) -> String,
) -> Option<BTreeMap<K, V>> {
    let o = r.object(place, field, prefix, v)?;
    let mut out = BTreeMap::new();
    let mut ok = true;
    for (name, item) in o.entries() {
        let f = o.field(name);
        let k = match key(name) {
            Ok(k) => k,
            Err(reason) => {
                ok = false;
                r.refuse(place, &f, reason);
                continue;
            }
        };
        let Some(x) = value(r, place, &f, item) else {
            ok = false;
            continue;
        };
        if out.insert(k, x).is_some() {
            ok = false;
            r.refuse(place, &f, twice(k));
        }
    }
    ok.then_some(out)
}

fn source(r: &mut Reader, index: usize, v: &Value) -> Option<Source> {
    let place = place_of(v, Place::Source, Place::SourceAt, index);
    let o = r.object(&place, "", "", v)?;
    o.only(
        r,
        &[
            "id",
            "name",
            "restricted",
            "one_time",
            "allocation",
            "allowed",
            "set_asides",
        ],
    );
    let id = o.req(r, "id", Reader::text);
    let name = o.req(r, "name", Reader::text);
    let restricted = o.or(r, "restricted", false, Reader::boolean);
    let one_time = o.or(r, "one_time", false, Reader::boolean);
    let allocation = o.req(r, "allocation", allocation);
    let allowed = o.opt(r, "allowed", Reader::words);
    let set_asides = o.opt(r, "set_asides", set_asides);
    Some(Source {
        id: id?,
        name: name?,
        restricted: restricted?,
        one_time: one_time?,
        allocation: allocation?,
        allowed: allowed?,
        set_asides: set_asides?.unwrap_or_default(),
    })
}

fn set_asides(r: &mut Reader, place: &Place, field: &str, v: &Value) -> Option<Vec<SetAside>> {
    objects(r, place, field, v, &["tag", "min_share"], &|r, o| {
        let tag = o.req(r, "tag", Reader::text);
        let min_share = o.req(r, "min_share", Reader::decimal);
        Some(SetAside {
            tag: tag?,
            min_share: min_share?,
        })
    })
}

/// Reads a list of objects with the fields `known`, each through `item` (which reads
/// every field, so all problems are named); `None` when any item is bad.
fn objects<T>(
    r: &mut Reader,
    place: &Place,
    field: &str,
    v: &Value,
    known: &[&str],
    item: &dyn Fn(&mut Reader, &Obj) -> Option<T>,
) -> Option<Vec<T>> {
    let items = r.list(place, field, v)?;
    let mut out = Vec::with_capacity(items.len());
    let mut ok = true;
    for (i, value) in items.iter().enumerate() {
        let prefix = format!("{field}[{}].", i + 1);
        let Some(o) = r.object(place, field, &prefix, value) else {
            ok = false;
            continue;
        };
        o.only(r, known);
        match item(r, &o) {
            Some(x) => out.push(x),
            None => ok = false,
        }
    }
    ok.then_some(out)
}

fn allocation(r: &mut Reader, place: &Place, field: &str, v: &Value) -> Option<Allocation> {
    let o = r.object(place, field, "allocation.", v)?;
    const TYPES: [&str; 5] = ["fixed", "per_pupil", "tiered", "lcff", "norm"];
    let kind = o.req(r, "type", Reader::text)?;
    match kind.as_str() {
        "fixed" => {
            o.only(r, &["type", "amount"]);
            let amount = o.req(r, "amount", Reader::money)?;
            Some(Allocation::Fixed { amount })
        }
        "per_pupil" => {
            o.only(r, &["type", "rate", "basis"]);
            let rate = o.req(r, "rate", Reader::money);
            let basis = o.req(r, "basis", basis);
            Some(Allocation::PerPupil {
                rate: rate?,
                basis: basis?,
            })
        }
        "tiered" => {
            o.only(r, &["type", "basis", "tiers"]);
            let basis = o.req(r, "basis", basis);
            let tiers = o.req(r, "tiers", tiers);
            Some(Allocation::Tiered {
                basis: basis?,
                tiers: tiers?,
            })
        }
        "lcff" => {
            o.only(
                r,
                &["type", "base", "supplemental", "concentration", "threshold"],
            );
            let base = o.req(r, "base", lcff_base);
            let supplemental = o.or(r, "supplemental", LCFF_SUPPLEMENTAL, Reader::decimal);
            let concentration = o.or(r, "concentration", LCFF_CONCENTRATION, Reader::decimal);
            let threshold = o.or(r, "threshold", LCFF_THRESHOLD, Reader::decimal);
            Some(Allocation::Lcff(Lcff {
                base: base?,
                supplemental: supplemental?,
                concentration: concentration?,
                threshold: threshold?,
            }))
        }
        "norm" => {
            o.only(r, &["type"]);
            Some(Allocation::Norm)
        }
        other => {
            let got = describe(&Value::String(other.to_string()));
            r.refuse(
                place,
                &o.field("type"),
                trf(
                    "must be {names}, got {got}",
                    &[("names", &list_names(&TYPES)), ("got", &got)],
                ),
            );
            None
        }
    }
}

/// Reads `[{"at_least": …, "rate": …}]`; order and ranges are left to `validate`.
fn tiers(r: &mut Reader, place: &Place, field: &str, v: &Value) -> Option<Vec<Tier>> {
    objects(r, place, field, v, &["at_least", "rate"], &|r, o| {
        let at_least = o.req(r, "at_least", Reader::decimal);
        let rate = o.req(r, "rate", Reader::money);
        Some(Tier {
            at_least: at_least?,
            rate: rate?,
        })
    })
}

/// Reads `[{"from": <pupils>, "fte": …}]`; a negative count is refused here.
fn bands(r: &mut Reader, place: &Place, field: &str, v: &Value) -> Option<Vec<Band>> {
    objects(r, place, field, v, &["from", "fte"], &|r, o| {
        let from = o.req(r, "from", Reader::count);
        let fte = o.req(r, "fte", Reader::decimal);
        Some(Band {
            from: from?,
            fte: fte?,
        })
    })
}

fn basis(r: &mut Reader, place: &Place, field: &str, v: &Value) -> Option<Basis> {
    let hint = |got: &Value| {
        trf(
            "must be `enrollment`, `unduplicated`, `ada` or {example}, got {got}",
            &[("example", &"{\"grades\": [...]}"), ("got", &describe(got))],
        )
    };
    match v {
        Value::String(s) => match s.as_str() {
            "enrollment" => Some(Basis::Enrollment),
            "unduplicated" => Some(Basis::Unduplicated),
            "ada" => Some(Basis::Ada),
            _ => {
                let reason = hint(v);
                r.refuse(place, field, reason);
                None
            }
        },
        Value::Object(_) => {
            let o = r.object(place, field, &format!("{field}."), v)?;
            o.only(r, &["grades"]);
            o.req(r, "grades", Reader::grades).map(Basis::Grades)
        }
        other => {
            let reason = hint(other);
            r.refuse(place, field, reason);
            None
        }
    }
}

fn lcff_base(
    r: &mut Reader,
    place: &Place,
    field: &str,
    v: &Value,
) -> Option<BTreeMap<Span, Decimal>> {
    let span = |key: &str| {
        let key = key.trim();
        Span::ALL
            .into_iter()
            .find(|s| s.key().eq_ignore_ascii_case(key))
            .ok_or_else(|| {
                let keys: Vec<&str> = Span::ALL.iter().map(|s| s.key()).collect();
                tr1(
                    "is not a grade span: use {names}",
                    "names",
                    &list_names(&keys),
                )
            })
    };
    let twice = |span: Span| tr1("span {span} is given twice", "span", &span.key());
    keyed(
        r,
        place,
        field,
        &format!("{field}."),
        v,
        span,
        Reader::money,
        twice,
    )
}

fn norm(r: &mut Reader, index: usize, v: &Value) -> Option<Norm> {
    let place = place_of(v, Place::Norm, Place::NormAt, index);
    let o = r.object(&place, "", "", v)?;
    o.only(
        r,
        &[
            "id",
            "title",
            "grades",
            "students_per_position",
            "unit_cost",
            "rounding",
            "min_fte",
            "bands",
        ],
    );
    let id = o.req(r, "id", Reader::text);
    let title = o.req(r, "title", Reader::text);
    let grades = o.req(r, "grades", Reader::grades);
    // A banded norm gives `bands` instead of a ratio; its ratio is then a placeholder 1.
    let bands = o.opt(r, "bands", bands);
    let students_per_position = match bands {
        Some(Some(_)) if o.has("students_per_position") => {
            r.refuse(
                &o.place,
                "bands",
                tr("cannot be given with `students_per_position`: give a ratio or bands, not both"),
            );
            None
        }
        Some(Some(_)) => Some(Decimal::ONE),
        _ => o.req(r, "students_per_position", Reader::decimal),
    };
    let unit_cost = o.req(r, "unit_cost", Reader::money);
    let rounding = o.or(r, "rounding", Rounding::Ceil, |r, p, f, v| {
        rounding(r, p, f, v)
    });
    let min_fte = o.opt(r, "min_fte", Reader::decimal);
    Some(Norm {
        id: id?,
        title: title?,
        grades: grades?,
        students_per_position: students_per_position?,
        unit_cost: unit_cost?,
        rounding: rounding?,
        min_fte: min_fte?,
        bands: bands?.unwrap_or_default(),
    })
}

fn rounding(r: &mut Reader, place: &Place, field: &str, v: &Value) -> Option<Rounding> {
    let text = r.text(place, field, v)?;
    match text.trim().to_ascii_lowercase().as_str() {
        "ceil" => Some(Rounding::Ceil),
        "floor" => Some(Rounding::Floor),
        "round" => Some(Rounding::Round),
        _ => {
            r.refuse(
                place,
                field,
                tr1(
                    "must be `ceil`, `floor` or `round`, got {got}",
                    "got",
                    &describe(v),
                ),
            );
            None
        }
    }
}

/// Reads a priority word.
pub(crate) fn priority(r: &mut Reader, place: &Place, field: &str, v: &Value) -> Option<Priority> {
    let text = r.text(place, field, v)?;
    let parsed = Priority::parse(&text);
    if parsed.is_none() {
        r.refuse(
            place,
            field,
            tr1(
                "must be `protected`, `essential` or `flexible`, got {got}",
                "got",
                &describe(v),
            ),
        );
    }
    parsed
}

/// Reads one line of `lines` (also a scenario's added or replacing line).
pub(crate) fn line(r: &mut Reader, index: usize, v: &Value) -> Option<Line> {
    let place = place_of(v, Place::Line, Place::LineAt, index);
    let o = r.object(&place, "", "", v)?;
    const COMMON: [&str; 8] = [
        "id", "kind", "title", "funding", "priority", "tags", "cut_rank", "notes",
    ];
    let kind = o.req(r, "kind", Reader::text);
    let is_position = match kind.as_deref() {
        Some("position") => Some(true),
        Some("item") => Some(false),
        Some(other) => {
            let got = describe(&Value::String(other.to_string()));
            r.refuse(
                &place,
                "kind",
                tr1("must be `position` or `item`, got {got}", "got", &got),
            );
            None
        }
        None => None,
    };
    // Every line field is known; a field of the other kind gets its own message.
    let mut known: Vec<&str> = COMMON.to_vec();
    known.extend(POSITION_FIELDS);
    known.push("amount");
    o.only(r, &known);
    match is_position {
        Some(true) if o.has("amount") => {
            r.refuse(
                &place,
                "amount",
                tr("is an item field; a position costs `fte` × `unit_cost`"),
            );
        }
        Some(false) => {
            for f in POSITION_FIELDS.into_iter().filter(|f| o.has(f)) {
                r.refuse(
                    &place,
                    f,
                    tr("is a position field; an item has only `amount`"),
                );
            }
        }
        _ => {}
    }

    let id = o.req(r, "id", Reader::text);
    let title = o.req(r, "title", Reader::text);
    let funding = o.req(r, "funding", funding);
    let priority = o.or(r, "priority", Priority::Essential, |r, p, f, v| {
        priority(r, p, f, v)
    });
    let tags = o.or(r, "tags", Vec::new(), Reader::words);
    let cut_rank = o.opt(r, "cut_rank", Reader::integer);
    let notes = o
        .opt(r, "notes", Reader::text)
        .map(|n| n.filter(|n| !n.is_empty()));
    let kind = match is_position? {
        true => position(r, &o).map(LineKind::Position),
        false => o
            .req(r, "amount", Reader::money)
            .map(|amount| LineKind::Item { amount }),
    };
    Some(Line {
        id: id?,
        title: title?,
        kind: kind?,
        funding: funding?,
        priority: priority?,
        tags: tags?,
        cut_rank: cut_rank?,
        notes: notes?,
    })
}

fn position(r: &mut Reader, o: &Obj<'_>) -> Option<Position> {
    let fte = o.or(r, "fte", Decimal::ONE, Reader::decimal);
    let unit_cost = o.opt(r, "unit_cost", Reader::money);
    let fte_step = o.or(r, "fte_step", DEFAULT_FTE_STEP, Reader::decimal);
    let vacant = o.or(r, "vacant", false, Reader::boolean);
    let norm = o.opt(r, "norm", Reader::text);
    Some(Position {
        fte: fte?,
        unit_cost: unit_cost?,
        fte_step: fte_step?,
        vacant: vacant?,
        norm: norm?,
    })
}

fn funding(r: &mut Reader, place: &Place, field: &str, v: &Value) -> Option<Vec<Funding>> {
    let items = r.list(place, field, v)?;
    let mut out = Vec::with_capacity(items.len());
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let prefix = format!("{field}[{}].", i + 1);
        let Some(o) = r.object(place, field, &prefix, item) else {
            ok = false;
            continue;
        };
        o.only(r, &["source", "share"]);
        let source = o.req(r, "source", Reader::text);
        let share = o.or(r, "share", Decimal::ONE, Reader::decimal);
        match (source, share) {
            (Some(source), Some(share)) => out.push(Funding { source, share }),
            _ => ok = false,
        }
    }
    ok.then_some(out)
}
