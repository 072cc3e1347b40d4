//! JSON documents: what is accepted, and every refusal with its place, field and reason.

use rust_decimal::Decimal;
use serde_json::{json, Value};
use sitebudget_core::io::read::{LCFF_CONCENTRATION, LCFF_SUPPLEMENTAL, LCFF_THRESHOLD};
use sitebudget_core::io::sample::sample_document;
use sitebudget_core::io::{parse_document, to_json};
use sitebudget_core::model::{validate, Place, Problem};
use sitebudget_core::model::{Allocation, Document, LineKind, Priority, Span};

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// A small valid document touching every kind of field.
fn base() -> Value {
    json!({
        "format": "sitebudget/1",
        "school": {
            "name": "Test Elementary", "fiscal_year": "2026-27",
            "enrollment": {"K": 20, "1": 22},
            "unduplicated_pct": "0.86", "attendance_rate": "0.95"
        },
        "sources": [
            {"id": "gf", "name": "General fund", "restricted": false, "one_time": false,
             "allocation": {"type": "fixed", "amount": "250000"}},
            {"id": "need", "name": "Need", "restricted": false,
             "allocation": {"type": "per_pupil", "rate": "550", "basis": "unduplicated"}},
            {"id": "t1", "name": "Title I", "restricted": true,
             "allocation": {"type": "per_pupil", "rate": "700", "basis": "unduplicated"},
             "allowed": ["supplies", "family-engagement"],
             "set_asides": [{"tag": "family-engagement", "min_share": "0.01"}]},
            {"id": "norm", "name": "Norms", "restricted": true, "allocation": {"type": "norm"}}
        ],
        "norms": [
            {"id": "k1", "title": "Teacher K-1", "grades": ["K", "1"],
             "students_per_position": "24", "unit_cost": "118000"}
        ],
        "lines": [
            {"id": "teach", "kind": "position", "title": "Teachers K-1", "norm": "k1",
             "funding": [{"source": "norm", "share": "1"}], "priority": "protected"},
            {"id": "nurse", "kind": "position", "title": "Nurse", "fte": "0.6",
             "unit_cost": "145000",
             "funding": [{"source": "need", "share": "0.6"}, {"source": "gf", "share": "0.4"}],
             "tags": ["health"]},
            {"id": "supplies", "kind": "item", "title": "Supplies", "amount": "1000",
             "funding": [{"source": "t1", "share": "1"}], "priority": "flexible",
             "tags": ["supplies"]}
        ]
    })
}

/// `base()` with the value at a JSON pointer set (a missing last key is added).
fn with(path: &str, value: Value) -> Value {
    let mut v = base();
    set(&mut v, path, value);
    v
}

fn set(v: &mut Value, path: &str, value: Value) {
    let (parent, key) = path.rsplit_once('/').unwrap();
    match v.pointer_mut(parent).unwrap() {
        Value::Object(m) => {
            m.insert(key.to_string(), value);
        }
        Value::Array(a) => {
            let i: usize = key.parse().unwrap();
            if i == a.len() {
                a.push(value);
            } else {
                a[i] = value;
            }
        }
        _ => panic!("{path}"),
    }
}

/// `base()` without the field at a JSON pointer.
fn without(path: &str) -> Value {
    let mut v = base();
    let (parent, key) = path.rsplit_once('/').unwrap();
    v.pointer_mut(parent)
        .unwrap()
        .as_object_mut()
        .unwrap()
        .remove(key)
        .unwrap();
    v
}

fn parse(v: &Value) -> Result<Document, Vec<Problem>> {
    parse_document(&v.to_string()).map_err(|e| e.problems)
}

fn ok(v: &Value) -> Document {
    parse(v).unwrap_or_else(|p| panic!("{p:#?}"))
}

/// Asserts the document is refused with exactly this problem among its problems.
#[track_caller]
fn refused(v: &Value, place: Place, field: &str, reason: &str) {
    let problems = parse(v).expect_err("should be refused");
    let want = Problem {
        place,
        field: field.to_string(),
        reason: reason.to_string(),
    };
    assert!(
        problems.contains(&want),
        "wanted {want:?}\n got {problems:#?}"
    );
}

fn line(id: &str) -> Place {
    Place::Line(id.to_string())
}

fn source(id: &str) -> Place {
    Place::Source(id.to_string())
}

#[test]
fn base_is_valid() {
    let doc = ok(&base());
    assert_eq!(doc.lines.len(), 3);
    assert_eq!(parse_document(&to_json(&doc)), Ok(doc));
}

// ---- syntax and top level ----

#[test]
fn syntax_errors_give_line_and_column() {
    let err = parse_document("{\n  \"format\": }").unwrap_err();
    assert_eq!(err.problems.len(), 1);
    let p = &err.problems[0];
    assert_eq!(
        p.place,
        Place::Text {
            line: 2,
            column: 13
        }
    );
    assert_eq!(p.reason, "not valid JSON: expected value");
    assert_eq!(
        p.to_string(),
        "JSON text at line 2, column 13: not valid JSON: expected value"
    );
    let empty = parse_document("").unwrap_err();
    assert!(matches!(
        empty.problems[0].place,
        Place::Text { line: 1, .. }
    ));
}

#[test]
fn top_level_must_be_an_object() {
    refused(
        &json!([]),
        Place::Document,
        "",
        "must be an object, got a list",
    );
}

#[test]
fn format_is_required_and_exact() {
    refused(
        &without("/format"),
        Place::Document,
        "format",
        "is required",
    );
    refused(
        &with("/format", json!("sitebudget/2")),
        Place::Document,
        "format",
        "must be `sitebudget/1`, got `sitebudget/2`",
    );
    refused(
        &with("/format", json!(1)),
        Place::Document,
        "format",
        "must be text, got 1",
    );
}

#[test]
fn top_level_unknown_and_missing_fields() {
    refused(
        &with("/extra", json!(1)),
        Place::Document,
        "extra",
        "is not a known field; known fields are `format`, `school`, `sources`, `norms`, `lines` or `scenarios`",
    );
    refused(
        &with("/line", json!([])),
        Place::Document,
        "line",
        "is not a known field (did you mean `lines`?)",
    );
    refused(
        &without("/school"),
        Place::Document,
        "school",
        "is required",
    );
    refused(&without("/lines"), Place::Document, "lines", "is required");
    refused(
        &with("/sources", json!({})),
        Place::Document,
        "sources",
        "must be a list, got an object",
    );
    let doc = ok(&without("/norms").tap(|v| {
        v["lines"].as_array_mut().unwrap().remove(0);
    }));
    assert!(doc.norms.is_empty());
}

trait Tap: Sized {
    fn tap(self, f: impl FnOnce(&mut Self)) -> Self;
}
impl Tap for Value {
    fn tap(mut self, f: impl FnOnce(&mut Self)) -> Self {
        f(&mut self);
        self
    }
}

#[test]
fn all_type_problems_are_reported_together() {
    let v = with("/lines/1/fte", json!("x")).tap(|v| set(v, "/lines/2/amount", json!(true)));
    let problems = parse(&v).unwrap_err();
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert_eq!(
        problems[0].to_string(),
        "line `nurse`, field `fte`: must be a number, got `x`"
    );
    assert_eq!(
        problems[1].to_string(),
        "line `supplies`, field `amount`: must be a number, got true"
    );
}

// ---- school ----

#[test]
fn school_fields_are_required() {
    for f in [
        "name",
        "fiscal_year",
        "enrollment",
        "unduplicated_pct",
        "attendance_rate",
    ] {
        refused(
            &without(&format!("/school/{f}")),
            Place::School,
            f,
            "is required",
        );
    }
    refused(&with("/school/principal", json!("x")), Place::School, "principal", "is not a known field; known fields are `name`, `fiscal_year`, `enrollment`, `unduplicated_pct` or `attendance_rate`");
}

#[test]
fn enrollment_grades_and_counts() {
    refused(
        &with("/school/enrollment/13", json!(5)),
        Place::School,
        "enrollment.13",
        "`13` is not a grade: use TK, K or 1 to 12",
    );
    refused(
        &with("/school/enrollment/K", json!(-1)),
        Place::School,
        "enrollment.K",
        "must be 0 or more, got -1",
    );
    refused(
        &with("/school/enrollment/K", json!("2.5")),
        Place::School,
        "enrollment.K",
        "must be a whole number, got 2.5",
    );
    refused(
        &with("/school/enrollment/K", json!(4294967296u64)),
        Place::School,
        "enrollment.K",
        "is too large, got 4294967296",
    );
    refused(
        &with("/school/enrollment/k", json!(3)),
        Place::School,
        "enrollment.k",
        "grade K is given twice",
    );
    refused(
        &with("/school/enrollment", json!([1])),
        Place::School,
        "enrollment",
        "must be an object, got a list",
    );
    let doc = ok(&with("/school/enrollment/K", json!("2e1")));
    assert_eq!(doc.school.enrollment.values().sum::<u32>(), 42);
    let doc = ok(&with("/school/enrollment/K", json!(20.0)));
    assert_eq!(doc.school.enrollment.values().sum::<u32>(), 42);
}

#[test]
fn fractions_are_between_0_and_1() {
    refused(
        &with("/school/unduplicated_pct", json!(1.2)),
        Place::School,
        "unduplicated_pct",
        "must be between 0 and 1, got 1.2",
    );
    refused(
        &with("/school/attendance_rate", json!("-0.1")),
        Place::School,
        "attendance_rate",
        "must be between 0 and 1, got -0.1",
    );
    refused(
        &with("/school/unduplicated_pct", json!("abc")),
        Place::School,
        "unduplicated_pct",
        "must be a number, got `abc`",
    );
    refused(
        &with("/school/unduplicated_pct", json!(true)),
        Place::School,
        "unduplicated_pct",
        "must be a number, got true",
    );
    refused(
        &with("/school/unduplicated_pct", json!("1_0")),
        Place::School,
        "unduplicated_pct",
        "must be a number, got `1_0`",
    );
}

#[test]
fn numbers_are_exact_from_either_form() {
    let text = base()
        .to_string()
        .replace("\"0.86\"", "0.8600000000000000000000000001");
    let doc = parse_document(&text).unwrap();
    assert_eq!(
        doc.school.unduplicated_pct,
        dec("0.8600000000000000000000000001")
    );
    let doc = ok(&with("/lines/1/unit_cost", json!(1.45e5)));
    assert_eq!(
        doc.lines[1].position().unwrap().unit_cost,
        Some(dec("145000"))
    );
    let text = base().to_string().replace("\"145000\"", "1.45e5");
    let doc = parse_document(&text).unwrap();
    assert_eq!(
        doc.lines[1].position().unwrap().unit_cost,
        Some(dec("145000"))
    );
}

// ---- sources ----

#[test]
fn money_rules() {
    let amount = "/sources/0/allocation/amount";
    refused(
        &with(amount, json!("10.005")),
        source("gf"),
        "allocation.amount",
        "must be in whole cents (2 decimal places at most), got 10.005",
    );
    refused(
        &with(amount, json!("-$5")),
        source("gf"),
        "allocation.amount",
        "must be 0 or more, got -5",
    );
    refused(
        &with(amount, json!("2000000000000")),
        source("gf"),
        "allocation.amount",
        "must be at most $1,000,000,000,000, got $2,000,000,000,000",
    );
    refused(
        &with(amount, json!("$12,34")),
        source("gf"),
        "allocation.amount",
        "must be a number, got `$12,34`",
    );
    let huge = base().to_string().replace("\"250000\"", "1e400");
    let p = parse_document(&huge).unwrap_err().problems;
    assert_eq!(
        p,
        vec![Problem {
            place: source("gf"),
            field: "allocation.amount".into(),
            reason: "is too large, got `1e+400`".into()
        }]
    );
    let doc = ok(&with(amount, json!("$1,234.50")));
    assert_eq!(
        doc.sources[0].allocation,
        Allocation::Fixed {
            amount: dec("1234.50")
        }
    );
    let doc = ok(&with(amount, json!("10.500")));
    assert_eq!(
        doc.sources[0].allocation,
        Allocation::Fixed {
            amount: dec("10.5")
        }
    );
}

#[test]
fn allocation_types_and_fields() {
    refused(
        &with("/sources/0/allocation/type", json!("weekly")),
        source("gf"),
        "allocation.type",
        "must be `fixed`, `per_pupil`, `tiered`, `lcff` or `norm`, got `weekly`",
    );
    refused(
        &without("/sources/0/allocation/type"),
        source("gf"),
        "allocation.type",
        "is required",
    );
    refused(
        &without("/sources/0/allocation/amount"),
        source("gf"),
        "allocation.amount",
        "is required",
    );
    refused(
        &with("/sources/0/allocation/rate", json!("1")),
        source("gf"),
        "allocation.rate",
        "is not a known field; known fields are `type` or `amount`",
    );
    refused(
        &with("/sources/3/allocation/amount", json!("1")),
        source("norm"),
        "allocation.amount",
        "is not a known field; known fields are `type`",
    );
    refused(
        &with("/sources/0/allocation", json!("fixed")),
        source("gf"),
        "allocation",
        "must be an object, got `fixed`",
    );
}

#[test]
fn per_pupil_rate_and_basis() {
    refused(
        &with("/sources/1/allocation/rate", json!(-1)),
        source("need"),
        "allocation.rate",
        "must be 0 or more, got -1",
    );
    refused(
        &with("/sources/1/allocation/basis", json!("pupils")),
        source("need"),
        "allocation.basis",
        "must be `enrollment`, `unduplicated`, `ada` or {\"grades\": [...]}, got `pupils`",
    );
    refused(
        &with("/sources/1/allocation/basis", json!(3)),
        source("need"),
        "allocation.basis",
        "must be `enrollment`, `unduplicated`, `ada` or {\"grades\": [...]}, got 3",
    );
    refused(
        &with("/sources/1/allocation/basis", json!({"grades": []})),
        source("need"),
        "allocation.basis.grades",
        "must list at least one grade",
    );
    refused(
        &with("/sources/1/allocation/basis", json!({"grades": ["3", "3"]})),
        source("need"),
        "allocation.basis.grades",
        "lists grade 3 twice",
    );
    refused(
        &with("/sources/1/allocation/basis", json!({"grades": ["13"]})),
        source("need"),
        "allocation.basis.grades",
        "`13` is not a grade: use TK, K or 1 to 12",
    );
    refused(
        &with("/sources/1/allocation/basis", json!({"grade": ["1"]})),
        source("need"),
        "allocation.basis.grade",
        "is not a known field (did you mean `grades`?)",
    );
    for basis in ["enrollment", "unduplicated", "ada"] {
        ok(&with("/sources/1/allocation/basis", json!(basis)));
    }
    ok(&with(
        "/sources/1/allocation/basis",
        json!({"grades": ["K", 1]}),
    ));
}

#[test]
fn only_one_norm_source() {
    let v = with(
        "/sources/4",
        json!({"id": "norm2", "name": "More norms", "allocation": {"type": "norm"}}),
    );
    refused(
        &v,
        source("norm2"),
        "allocation.type",
        "only one source may have type `norm`; source `norm` already has it",
    );
}

#[test]
fn lcff_defaults_and_rules() {
    let lcff = |alloc: Value| {
        with(
            "/sources/4",
            json!({"id": "lcff", "name": "LCFF", "allocation": alloc}),
        )
    };
    let doc = ok(&lcff(json!({"type": "lcff", "base": {"TK-3": "11000"}})));
    match &doc.sources[4].allocation {
        Allocation::Lcff(l) => {
            assert_eq!(l.base.get(&Span::Tk3), Some(&dec("11000")));
            assert_eq!(
                (l.supplemental, l.concentration, l.threshold),
                (LCFF_SUPPLEMENTAL, LCFF_CONCENTRATION, LCFF_THRESHOLD)
            );
            assert_eq!(
                (l.supplemental, l.concentration, l.threshold),
                (dec("0.20"), dec("0.65"), dec("0.55"))
            );
        }
        other => panic!("{other:?}"),
    }
    refused(
        &lcff(json!({"type": "lcff", "base": {"4-6": "10000"}})),
        source("lcff"),
        "allocation.base",
        "needs a rate for TK-3: the school has 42 pupils in those grades",
    );
    refused(
        &lcff(json!({"type": "lcff", "base": {"TK-3": "1", "5-6": "1"}})),
        source("lcff"),
        "allocation.base.5-6",
        "is not a grade span: use `TK-3`, `4-6`, `7-8` or `9-12`",
    );
    refused(
        &lcff(json!({"type": "lcff", "base": {"TK-3": "1"}, "threshold": "1.5"})),
        source("lcff"),
        "allocation.threshold",
        "must be between 0 and 1, got 1.5",
    );
    refused(
        &lcff(json!({"type": "lcff", "base": {"TK-3": "-1"}})),
        source("lcff"),
        "allocation.base.TK-3",
        "must be 0 or more, got -1",
    );
    refused(
        &lcff(json!({"type": "lcff", "base": {"TK-3": "1", "tk-3": "2"}})),
        source("lcff"),
        "allocation.base.tk-3",
        "span TK-3 is given twice",
    );
    refused(
        &lcff(json!({"type": "lcff"})),
        source("lcff"),
        "allocation.base",
        "is required",
    );
    // A span without pupils needs no rate.
    ok(&lcff(json!({"type": "lcff", "base": {"TK-3": "11000"}}))
        .tap(|v| set(v, "/school/enrollment/5", json!(0))));
}

#[test]
fn source_ids() {
    refused(
        &with("/sources/1/id", json!("gf")),
        source("gf"),
        "id",
        "`gf` is used by another source",
    );
    refused(
        &with("/sources/1/id", json!("")),
        Place::SourceAt(2),
        "id",
        "must not be empty",
    );
    refused(
        &with("/sources/1/id", json!("g f")),
        source("g f"),
        "id",
        "must be a word (no spaces, `|`, `:` or `,`), got `g f`",
    );
    refused(
        &without("/sources/1/id"),
        Place::SourceAt(2),
        "id",
        "is required",
    );
    refused(
        &without("/sources/1/name"),
        source("need"),
        "name",
        "is required",
    );
    refused(
        &with("/sources/1", json!("need")),
        Place::SourceAt(2),
        "",
        "must be an object, got `need`",
    );
}

#[test]
fn source_flags_and_uses() {
    refused(
        &with("/sources/0/restricted", json!("yes")),
        source("gf"),
        "restricted",
        "must be true or false, got `yes`",
    );
    refused(
        &with("/sources/0/one_time", json!(1)),
        source("gf"),
        "one_time",
        "must be true or false, got 1",
    );
    refused(
        &with("/sources/2/allowed", json!([""])),
        source("t1"),
        "allowed",
        "must not be empty",
    );
    refused(
        &with("/sources/2/allowed", json!([1])),
        source("t1"),
        "allowed",
        "entry 1 must be text, got 1",
    );
    refused(
        &with("/sources/2/allowed", json!("supplies")),
        source("t1"),
        "allowed",
        "must be a list, got `supplies`",
    );
    refused(
        &with("/sources/2/set_asides/0/min_share", json!("1.5")),
        source("t1"),
        "set_asides",
        "must be between 0 and 1, got 1.5",
    );
    refused(
        &with("/sources/2/set_asides/0/tag", json!("family engagement")),
        source("t1"),
        "set_asides",
        "must be a word (no spaces, `|`, `:` or `,`), got `family engagement`",
    );
    refused(
        &without("/sources/2/set_asides/0/tag"),
        source("t1"),
        "set_asides[1].tag",
        "is required",
    );
    refused(
        &with("/sources/2/set_asides/0/share", json!("1")),
        source("t1"),
        "set_asides[1].share",
        "is not a known field; known fields are `tag` or `min_share`",
    );
    let doc = ok(&base());
    assert!(
        !doc.sources[1].one_time
            && doc.sources[1].set_asides.is_empty()
            && doc.sources[1].allowed.is_none()
    );
}

// ---- norms ----

#[test]
fn norm_rules() {
    let n = || Place::Norm("k1".into());
    refused(
        &with(
            "/norms/1",
            json!({"id": "k1", "title": "x", "grades": ["2"], "students_per_position": "24", "unit_cost": "1"}),
        ),
        n(),
        "id",
        "`k1` is used by another norm",
    );
    refused(
        &with("/norms/0/grades", json!([])),
        n(),
        "grades",
        "must list at least one grade",
    );
    refused(
        &with("/norms/0/grades", json!(["K", "K"])),
        n(),
        "grades",
        "lists grade K twice",
    );
    refused(
        &with("/norms/0/grades", json!(["KG"])),
        n(),
        "grades",
        "`KG` is not a grade: use TK, K or 1 to 12",
    );
    refused(
        &with("/norms/0/students_per_position", json!(0)),
        n(),
        "students_per_position",
        "must be more than 0, got 0",
    );
    refused(
        &with("/norms/0/unit_cost", json!(-1)),
        n(),
        "unit_cost",
        "must be 0 or more, got -1",
    );
    refused(
        &without("/norms/0/unit_cost"),
        n(),
        "unit_cost",
        "is required",
    );
    refused(
        &with("/norms/0/rounding", json!("up")),
        n(),
        "rounding",
        "must be `ceil`, `floor` or `round`, got `up`",
    );
    refused(
        &with("/norms/0/min_fte", json!(-1)),
        n(),
        "min_fte",
        "must be 0 or more, got -1",
    );
    refused(
        &with("/norms/0/id", json!("")),
        Place::NormAt(1),
        "id",
        "must not be empty",
    );
    let doc = ok(&with("/norms/0/min_fte", json!("1")));
    assert_eq!(doc.norms[0].min_fte, Some(Decimal::ONE));
}

// ---- lines ----

#[test]
fn line_ids_and_kind() {
    refused(
        &with("/lines/2/id", json!("nurse")),
        line("nurse"),
        "id",
        "`nurse` is used by another line",
    );
    refused(
        &with("/lines/2/id", json!("")),
        Place::LineAt(3),
        "id",
        "must not be empty",
    );
    refused(
        &with("/lines/2/id", json!("a|b")),
        line("a|b"),
        "id",
        "must be a word (no spaces, `|`, `:` or `,`), got `a|b`",
    );
    refused(
        &with("/lines/2/kind", json!("staff")),
        line("supplies"),
        "kind",
        "must be `position` or `item`, got `staff`",
    );
    refused(
        &without("/lines/2/kind"),
        line("supplies"),
        "kind",
        "is required",
    );
    refused(
        &without("/lines/2/title"),
        line("supplies"),
        "title",
        "is required",
    );
}

#[test]
fn unknown_line_fields_are_refused_with_a_hint() {
    let v = without("/lines/1/unit_cost").tap(|v| set(v, "/lines/1/unit_cots", json!("145000")));
    refused(
        &v,
        line("nurse"),
        "unit_cots",
        "is not a known field (did you mean `unit_cost`?)",
    );
    refused(&with("/lines/1/colour", json!("red")), line("nurse"), "colour", "is not a known field; known fields are `id`, `kind`, `title`, `funding`, `priority`, `tags`, `cut_rank`, `notes`, `fte`, `unit_cost`, `fte_step`, `vacant`, `norm` or `amount`");
}

#[test]
fn priority_words_and_default() {
    refused(
        &with("/lines/1/priority", json!("high")),
        line("nurse"),
        "priority",
        "must be `protected`, `essential` or `flexible`, got `high`",
    );
    let doc = ok(&base());
    assert_eq!(doc.lines[1].priority, Priority::Essential);
    let doc = ok(&with("/lines/1/priority", json!("Flexible")));
    assert_eq!(doc.lines[1].priority, Priority::Flexible);
}

#[test]
fn position_defaults() {
    let doc = ok(&without("/lines/1/fte"));
    let p = doc.lines[1].position().unwrap();
    assert_eq!(
        (p.fte, p.fte_step, p.vacant, p.norm.clone()),
        (Decimal::ONE, dec("0.2"), false, None)
    );
    // A norm-linked line takes the norm's unit cost: none of its own is needed.
    assert_eq!(doc.lines[0].position().unwrap().unit_cost, None);
}

#[test]
fn position_rules() {
    refused(
        &without("/lines/1/unit_cost"),
        line("nurse"),
        "unit_cost",
        "is required for a position without a norm",
    );
    refused(
        &with("/lines/1/fte", json!(-1)),
        line("nurse"),
        "fte",
        "must be 0 or more, got -1",
    );
    refused(
        &with("/lines/1/fte", json!(20000)),
        line("nurse"),
        "fte",
        "must be at most 10,000 FTE, got 20,000 FTE",
    );
    refused(
        &with("/lines/1/fte_step", json!(0)),
        line("nurse"),
        "fte_step",
        "must be more than 0, got 0",
    );
    refused(
        &with("/lines/1/unit_cost", json!("1.001")),
        line("nurse"),
        "unit_cost",
        "must be in whole cents (2 decimal places at most), got 1.001",
    );
    refused(
        &with("/lines/1/vacant", json!("no")),
        line("nurse"),
        "vacant",
        "must be true or false, got `no`",
    );
    refused(
        &with("/lines/1/amount", json!("5")),
        line("nurse"),
        "amount",
        "is an item field; a position costs `fte` × `unit_cost`",
    );
}

#[test]
fn norm_links() {
    refused(
        &with("/lines/0/norm", json!("k9")),
        line("teach"),
        "norm",
        "norm `k9` does not exist",
    );
    let twice = with(
        "/lines/3",
        json!({"id": "teach2", "kind": "position", "title": "More", "norm": "k1", "funding": [{"source": "norm"}]}),
    );
    refused(
        &twice,
        line("teach2"),
        "norm",
        "norm `k1` is already followed by line `teach`; a norm funds one line",
    );
    refused(
        &with("/lines/0/funding", json!([{"source": "gf"}])),
        line("teach"),
        "funding",
        "line follows norm `k1`, so it must be funded only by the norm source `norm`, not `gf`",
    );
    let mut v = base();
    v["sources"].as_array_mut().unwrap().pop();
    set(&mut v, "/lines/0/funding", json!([{"source": "gf"}]));
    refused(
        &v,
        line("teach"),
        "funding",
        "line follows norm `k1`, so it needs a source with allocation type `norm`",
    );
}

#[test]
fn item_rules() {
    refused(
        &without("/lines/2/amount"),
        line("supplies"),
        "amount",
        "is required",
    );
    refused(
        &with("/lines/2/amount", json!("-1")),
        line("supplies"),
        "amount",
        "must be 0 or more, got -1",
    );
    refused(
        &with("/lines/2/fte", json!("1")),
        line("supplies"),
        "fte",
        "is a position field; an item has only `amount`",
    );
    refused(
        &with("/lines/2/norm", json!("k1")),
        line("supplies"),
        "norm",
        "is a position field; an item has only `amount`",
    );
}

#[test]
fn funding_rules() {
    let f = "/lines/1/funding";
    refused(
        &with(f, json!([{"source": "titel1"}])),
        line("nurse"),
        "funding",
        "source `titel1` does not exist",
    );
    refused(
        &with(
            f,
            json!([{"source": "gf", "share": "0.5"}, {"source": "gf", "share": "0.5"}]),
        ),
        line("nurse"),
        "funding",
        "source `gf` appears twice",
    );
    refused(
        &with(
            f,
            json!([{"source": "gf", "share": "0"}, {"source": "need", "share": "1"}]),
        ),
        line("nurse"),
        "funding",
        "share for `gf` must be more than 0, got 0",
    );
    refused(
        &with(
            f,
            json!([{"source": "gf", "share": "-0.5"}, {"source": "need", "share": "1.5"}]),
        ),
        line("nurse"),
        "funding",
        "share for `gf` must be more than 0, got -0.5",
    );
    refused(
        &with(
            f,
            json!([{"source": "gf", "share": "0.5"}, {"source": "need", "share": "0.4"}]),
        ),
        line("nurse"),
        "funding",
        "shares must add up to exactly 1, got 0.9",
    );
    refused(
        &with(f, json!([])),
        line("nurse"),
        "funding",
        "must name at least one source",
    );
    refused(&without(f), line("nurse"), "funding", "is required");
    refused(
        &with(f, json!([{"share": "1"}])),
        line("nurse"),
        "funding[1].source",
        "is required",
    );
    refused(
        &with(f, json!([{"source": "gf", "shares": "1"}])),
        line("nurse"),
        "funding[1].shares",
        "is not a known field (did you mean `share`?)",
    );
    refused(
        &with(f, json!(["gf"])),
        line("nurse"),
        "funding",
        "must be an object, got `gf`",
    );
    let doc = ok(&with(f, json!([{"source": "gf"}])));
    assert_eq!(doc.lines[1].funding[0].share, Decimal::ONE);
    let doc = ok(&with(
        f,
        json!([{"source": "gf", "share": 0.25}, {"source": "need", "share": "0.75"}]),
    ));
    assert_eq!(doc.lines[1].funding[0].share, dec("0.25"));
}

#[test]
fn optional_line_fields() {
    refused(
        &with("/lines/1/cut_rank", json!(1.5)),
        line("nurse"),
        "cut_rank",
        "must be a whole number, got 1.5",
    );
    refused(
        &with("/lines/1/cut_rank", json!("1e30")),
        line("nurse"),
        "cut_rank",
        "is too large, got `1e30`",
    );
    refused(
        &with("/lines/1/tags", json!(["a b"])),
        line("nurse"),
        "tags",
        "must be a word (no spaces, `|`, `:` or `,`), got `a b`",
    );
    refused(
        &with("/lines/1/tags", json!("health")),
        line("nurse"),
        "tags",
        "must be a list, got `health`",
    );
    refused(
        &with("/lines/1/notes", json!(5)),
        line("nurse"),
        "notes",
        "must be text, got 5",
    );
    let doc = ok(&with("/lines/1/cut_rank", json!("-3"))
        .tap(|v| set(v, "/lines/1/notes", json!("Three days"))));
    assert_eq!(doc.lines[1].cut_rank, Some(-3));
    assert_eq!(doc.lines[1].notes.as_deref(), Some("Three days"));
    // `null` reads as absent, and empty notes as none.
    let doc = ok(&with("/lines/1/notes", json!(null)).tap(|v| set(v, "/lines/1/fte", json!(null))));
    assert_eq!(
        (
            doc.lines[1].notes.clone(),
            doc.lines[1].position().unwrap().fte
        ),
        (None, Decimal::ONE)
    );
    assert_eq!(ok(&with("/lines/1/notes", json!(""))).lines[1].notes, None);
}

#[test]
fn line_kinds_are_read() {
    let doc = ok(&base());
    assert!(matches!(doc.lines[2].kind, LineKind::Item { amount } if amount == dec("1000")));
    assert_eq!(doc.lines[1].tags, vec!["health".to_string()]);
}

// ---- validate on edited documents (the inline editor's path) ----

#[test]
fn validate_catches_edits_that_break_rules() {
    let mut doc = sample_document();
    assert_eq!(validate(&doc), Ok(()));
    if let LineKind::Position(p) = &mut doc.lines[6].kind {
        p.fte = dec("-1");
    }
    let id = doc.lines[6].id.clone();
    doc.lines[7].funding[0].source = "titel1".into();
    let id7 = doc.lines[7].id.clone();
    let err = validate(&doc).unwrap_err();
    assert_eq!(
        err.problems,
        vec![
            Problem {
                place: line(&id),
                field: "fte".into(),
                reason: "must be 0 or more, got -1".into()
            },
            Problem {
                place: line(&id7),
                field: "funding".into(),
                reason: "source `titel1` does not exist".into()
            },
        ]
    );
    assert_eq!(
        err.problems[0].to_string(),
        format!("line `{id}`, field `fte`: must be 0 or more, got -1")
    );
}

#[test]
fn validate_refuses_a_school_fraction_out_of_range() {
    let mut doc = sample_document();
    doc.school.attendance_rate = dec("1.01");
    let err = validate(&doc).unwrap_err();
    assert_eq!(
        err.problems[0].to_string(),
        "school, field `attendance_rate`: must be between 0 and 1, got 1.01"
    );
}

#[test]
fn less_common_type_refusals() {
    refused(
        &with("/lines/1/cut_rank", json!("1e20")),
        line("nurse"),
        "cut_rank",
        "is too large, got 100000000000000000000",
    );
    refused(
        &with("/sources/2/set_asides", json!("x")),
        source("t1"),
        "set_asides",
        "must be a list, got `x`",
    );
    refused(
        &with("/sources/2/set_asides", json!([1])),
        source("t1"),
        "set_asides",
        "must be an object, got 1",
    );
    refused(
        &with("/sources/0/allocation/type", json!(5)),
        source("gf"),
        "allocation.type",
        "must be text, got 5",
    );
    let lcff = |base: Value| {
        with(
            "/sources/4",
            json!({"id": "lcff", "name": "LCFF", "allocation": {"type": "lcff", "base": base}}),
        )
    };
    refused(
        &lcff(json!(["TK-3"])),
        source("lcff"),
        "allocation.base",
        "must be an object, got a list",
    );
    refused(
        &lcff(json!({"TK-3": "lots"})),
        source("lcff"),
        "allocation.base.TK-3",
        "must be a number, got `lots`",
    );
    refused(
        &with("/lines/1/funding", json!({"gf": 1})),
        line("nurse"),
        "funding",
        "must be a list, got an object",
    );
    refused(
        &with("/norms/0/rounding", json!(1)),
        Place::Norm("k1".into()),
        "rounding",
        "must be text, got 1",
    );
    refused(
        &with("/sources/1/allocation/rate", json!("2000000000000")),
        source("need"),
        "allocation.rate",
        "must be at most $1,000,000,000,000, got $2,000,000,000,000",
    );
    refused(
        &with("/lines/1/fte_step", json!("20000")),
        line("nurse"),
        "fte_step",
        "must be at most 10,000 FTE, got 20,000 FTE",
    );
    refused(
        &with("/school/name", json!(null)),
        Place::School,
        "name",
        "is required",
    );
}

#[test]
fn shares_too_large_to_add_are_refused() {
    let f = json!([{"source": "gf", "share": "79228162514264337593543950335"}, {"source": "need", "share": "1"}]);
    refused(
        &with("/lines/1/funding", f),
        line("nurse"),
        "funding",
        "shares must add up to exactly 1, got a sum too large to count",
    );
}
