//! The canonical JSON document: reading (with every refusal placed) and writing.

use rust_decimal::Decimal;
use serde_json::Value;

use super::fields::Reader;
use super::pretty::J;
use super::read;
use super::scenario_json::{read_scenario, scenario_j};
use crate::engine::Scenario;
use crate::model::validate;
use crate::model::{
    Allocation, Basis, Document, Line, LineKind, Norm, Rounding, School, Source, FORMAT,
};
use crate::model::{ImportError, Place, Problem};
use crate::util::i18n::{tr, tr1};

/// Parses and validates a `sitebudget/1` JSON document.
///
/// Numbers may be JSON numbers or strings, read exactly from their text; money
/// fields also take `$1,234.50`. Unknown fields are refused, `null` reads as an
/// absent field. Type and presence problems are all reported together; when there
/// are none, [`validate`]'s problems are.
pub fn parse_document(text: &str) -> Result<Document, ImportError> {
    let value: Value = serde_json::from_str(text).map_err(syntax)?;
    read_document(&value)
}

/// Reads and validates a document already parsed as JSON (a share link's or a file
/// worker message's), with the same refusals as [`parse_document`].
pub fn read_document(value: &Value) -> Result<Document, ImportError> {
    let doc = read::document(value)?;
    validate(&doc)?;
    Ok(doc)
}

/// A JSON syntax error, placed at its line and column.
fn syntax(e: serde_json::Error) -> ImportError {
    let message = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let reason = message.strip_suffix(&suffix).unwrap_or(&message);
    let place = Place::Text {
        line: e.line(),
        column: e.column(),
    };
    ImportError::one(Problem::new(
        &place,
        "",
        tr1("not valid JSON: {reason}", "reason", &reason),
    ))
}

/// The document as a JSON value, the same content as [`to_json`]; numbers stay exact.
pub fn document_value(doc: &Document) -> Value {
    root(doc).value()
}

/// The document as a pretty-JSON tree (for files that carry budgets inline).
pub(crate) fn root(doc: &Document) -> J {
    J::obj([
        ("format", J::str(FORMAT)),
        ("school", school(&doc.school)),
        ("sources", J::Arr(doc.sources.iter().map(source).collect())),
        ("norms", J::Arr(doc.norms.iter().map(norm).collect())),
        ("lines", J::Arr(doc.lines.iter().map(line).collect())),
    ])
}

/// Writes a document as pretty JSON in the spec's shape: decimals as strings,
/// defaults written out, absent optional fields left out.
pub fn to_json(doc: &Document) -> String {
    let mut out = root(doc).render();
    out.push('\n');
    out
}

/// The budget file: the document and, when one of its scenarios holds a meeting's
/// decisions, every scenario with its name (`"scenarios": [{"name", "scenario"}]`, the
/// open one first), so what was decided travels with the file. Without decisions the
/// file is the document alone, as before.
pub fn to_json_with_scenarios(doc: &Document, scenarios: &[(&Scenario, &str)]) -> String {
    if scenarios.iter().all(|(s, _)| s.decisions.is_empty()) {
        return to_json(doc);
    }
    let mut file = root(doc);
    let list = scenarios
        .iter()
        .map(|(s, name)| J::obj([("name", J::str(name)), ("scenario", scenario_j(s))]))
        .collect();
    if let J::Obj(fields) = &mut file {
        fields.push(("scenarios".to_owned(), J::Arr(list)));
    }
    let mut out = file.render();
    out.push('\n');
    out
}

/// The scenarios a budget file carries with their names (none when it has no
/// `scenarios`), each read as strictly as a stored one.
pub fn file_scenarios(value: &Value) -> Result<Vec<(Scenario, String)>, ImportError> {
    let Some(list) = value.get("scenarios") else {
        return Ok(Vec::new());
    };
    let mut r = Reader::default();
    let place = Place::Document;
    let mut out = Vec::new();
    for item in r.list(&place, "scenarios", list).map_or(&[][..], |v| v) {
        let Some(o) = r.object(&place, "scenarios", "scenarios[].", item) else {
            continue;
        };
        o.only(&mut r, &["name", "scenario"]);
        let name = o.req(&mut r, "name", Reader::text);
        let scenario = match o.get("scenario").map(read_scenario) {
            Some(Ok(s)) => Some(s),
            Some(Err(e)) => {
                r.problems.extend(e.problems);
                None
            }
            None => {
                r.refuse(&place, "scenarios[].scenario", tr("is required"));
                None
            }
        };
        if let (Some(name), Some(scenario)) = (name, scenario) {
            out.push((scenario, name));
        }
    }
    r.finish(Some(out))
}

/// A decimal as a JSON string, its scale kept.
pub(crate) fn dec(d: Decimal) -> J {
    J::str(&d.to_string())
}

fn school(s: &School) -> J {
    let enrollment = s
        .enrollment
        .iter()
        .map(|(g, n)| (g.to_string(), J::Raw(n.to_string())))
        .collect();
    J::obj([
        ("name", J::str(&s.name)),
        ("fiscal_year", J::str(&s.fiscal_year)),
        ("enrollment", J::Obj(enrollment)),
        ("unduplicated_pct", dec(s.unduplicated_pct)),
        ("attendance_rate", dec(s.attendance_rate)),
    ])
}

fn source(s: &Source) -> J {
    let mut fields = vec![
        ("id", J::str(&s.id)),
        ("name", J::str(&s.name)),
        ("restricted", J::bool(s.restricted)),
        ("one_time", J::bool(s.one_time)),
        ("allocation", allocation(&s.allocation)),
    ];
    if let Some(allowed) = &s.allowed {
        fields.push(("allowed", J::strs(allowed)));
    }
    let set_asides = s
        .set_asides
        .iter()
        .map(|a| J::obj([("tag", J::str(&a.tag)), ("min_share", dec(a.min_share))]))
        .collect();
    fields.push(("set_asides", J::Arr(set_asides)));
    J::obj(fields)
}

fn allocation(a: &Allocation) -> J {
    match a {
        Allocation::Fixed { amount } => {
            J::obj([("type", J::str("fixed")), ("amount", dec(*amount))])
        }
        Allocation::PerPupil { rate, basis } => J::obj([
            ("type", J::str("per_pupil")),
            ("rate", dec(*rate)),
            ("basis", basis_json(basis)),
        ]),
        Allocation::Tiered { basis, tiers } => {
            let tiers = tiers
                .iter()
                .map(|t| J::obj([("at_least", dec(t.at_least)), ("rate", dec(t.rate))]))
                .collect();
            J::obj([
                ("type", J::str("tiered")),
                ("basis", basis_json(basis)),
                ("tiers", J::Arr(tiers)),
            ])
        }
        Allocation::Lcff(l) => {
            let base = l
                .base
                .iter()
                .map(|(s, r)| (s.key().to_string(), dec(*r)))
                .collect();
            J::obj([
                ("type", J::str("lcff")),
                ("base", J::Obj(base)),
                ("supplemental", dec(l.supplemental)),
                ("concentration", dec(l.concentration)),
                ("threshold", dec(l.threshold)),
            ])
        }
        Allocation::Norm => J::obj([("type", J::str("norm"))]),
    }
}

fn basis_json(basis: &Basis) -> J {
    match basis {
        Basis::Enrollment => J::str("enrollment"),
        Basis::Unduplicated => J::str("unduplicated"),
        Basis::Ada => J::str("ada"),
        Basis::Grades(g) => J::obj([("grades", J::strs(g))]),
    }
}

fn norm(n: &Norm) -> J {
    let rounding = match n.rounding {
        Rounding::Ceil => "ceil",
        Rounding::Floor => "floor",
        Rounding::Round => "round",
    };
    let mut fields = vec![
        ("id", J::str(&n.id)),
        ("title", J::str(&n.title)),
        ("grades", J::strs(&n.grades)),
    ];
    // A banded norm's ratio is not used, so it is not written.
    if n.bands.is_empty() {
        fields.push(("students_per_position", dec(n.students_per_position)));
    } else {
        let bands = n
            .bands
            .iter()
            .map(|b| J::obj([("from", J::Raw(b.from.to_string())), ("fte", dec(b.fte))]))
            .collect();
        fields.push(("bands", J::Arr(bands)));
    }
    fields.push(("unit_cost", dec(n.unit_cost)));
    fields.push(("rounding", J::str(rounding)));
    if let Some(m) = n.min_fte {
        fields.push(("min_fte", dec(m)));
    }
    J::obj(fields)
}

/// One line in the document's representation (also used for scenario line edits).
pub(crate) fn line(l: &Line) -> J {
    let mut fields = vec![("id", J::str(&l.id))];
    match &l.kind {
        LineKind::Position(p) => {
            fields.push(("kind", J::str("position")));
            fields.push(("title", J::str(&l.title)));
            fields.push(("fte", dec(p.fte)));
            if let Some(c) = p.unit_cost {
                fields.push(("unit_cost", dec(c)));
            }
            fields.push(("fte_step", dec(p.fte_step)));
            fields.push(("vacant", J::bool(p.vacant)));
            if let Some(n) = &p.norm {
                fields.push(("norm", J::str(n)));
            }
        }
        LineKind::Item { amount } => {
            fields.push(("kind", J::str("item")));
            fields.push(("title", J::str(&l.title)));
            fields.push(("amount", dec(*amount)));
        }
    }
    let funding = l
        .funding
        .iter()
        .map(|f| J::obj([("source", J::str(&f.source)), ("share", dec(f.share))]))
        .collect();
    fields.push(("funding", J::Arr(funding)));
    fields.push(("priority", J::str(l.priority.as_str())));
    fields.push(("tags", J::strs(&l.tags)));
    if let Some(r) = l.cut_rank {
        fields.push(("cut_rank", J::Raw(r.to_string())));
    }
    if let Some(n) = &l.notes {
        fields.push(("notes", J::str(n)));
    }
    J::obj(fields)
}
