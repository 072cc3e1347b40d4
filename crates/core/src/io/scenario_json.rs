//! A scenario as JSON, for stored data and share links, read as strictly as a document.
//!
//! Shape (every field optional; absent means "no change"):
//! `{"enrollment": {"K": 60}` or `"enrollment_change": "-0.1"`,
//! `"unduplicated_pct": "0.9", "attendance_rate": "0.95", "cost_change": "0.03",
//! "rate_change": "0", "line_edits": [{"replace": {line}}, {"add": {line}}, {"remove": "id"}],
//! "years": [{"enrollment_change": "-0.03", "cost_change": "0", "rate_change": "0"}],
//! "norm_day": {"enrollment": {"K": 60}, "excluded": {"K": 2}, "remaining_share": "0.8"}}`
//! "decisions": [{"decided": "Keep the nurse", "note": "…", "at": "2026-12-01"}]`
//! (`years`, `norm_day` and `decisions` are written only when the scenario has them;
//! a decision's `note` and `at` only when not empty).
//! Lines are written and read exactly as in the document. Ranges are left to the
//! engine, which reports them when the scenario is applied, so any scenario the app
//! holds can be stored and read back.

use serde_json::Value;

use super::fields::{describe, list_names, Reader};
use super::json::{dec, line as line_json};
use super::pretty::J;
use super::read::{enrollment, line as read_line};
use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::engine::{
    Decision, DecisionField, EnrollmentInput, LineEdit, NormDay, Scenario, YearChange,
    DECISIONS_MAX, DEFAULT_REMAINING_SHARE,
};
use crate::model::{Grade, ImportError, Place};
use crate::util::i18n::{tr, tr1, trf};

const FIELDS: [&str; 10] = [
    "enrollment",
    "enrollment_change",
    "unduplicated_pct",
    "attendance_rate",
    "cost_change",
    "rate_change",
    "line_edits",
    "years",
    "norm_day",
    "decisions",
];

const EDITS: [&str; 3] = ["replace", "add", "remove"];

/// The scenario as a JSON value; decimals are strings with their scale kept.
pub fn scenario_value(s: &Scenario) -> Value {
    scenario_j(s).value()
}

/// The scenario as the pretty writer writes it, for files.
pub(crate) fn scenario_j(s: &Scenario) -> J {
    let mut fields = Vec::new();
    match &s.enrollment {
        EnrollmentInput::Unchanged => {}
        EnrollmentInput::Counts(counts) => {
            let counts = counts
                .iter()
                .map(|(g, n)| (g.to_string(), J::Raw(n.to_string())))
                .collect();
            fields.push(("enrollment", J::Obj(counts)));
        }
        EnrollmentInput::Change(c) => fields.push(("enrollment_change", dec(*c))),
    }
    if let Some(p) = s.unduplicated_pct {
        fields.push(("unduplicated_pct", dec(p)));
    }
    if let Some(a) = s.attendance_rate {
        fields.push(("attendance_rate", dec(a)));
    }
    fields.push(("cost_change", dec(s.cost_change)));
    fields.push(("rate_change", dec(s.rate_change)));
    let edits = s
        .line_edits
        .iter()
        .map(|e| match e {
            LineEdit::Replace(l) => J::obj([("replace", line_json(l))]),
            LineEdit::Add(l) => J::obj([("add", line_json(l))]),
            LineEdit::Remove(id) => J::obj([("remove", J::str(id))]),
        })
        .collect();
    fields.push(("line_edits", J::Arr(edits)));
    if !s.years.is_empty() {
        let years = s
            .years
            .iter()
            .map(|y| {
                J::obj([
                    ("enrollment_change", dec(y.enrollment_change)),
                    ("cost_change", dec(y.cost_change)),
                    ("rate_change", dec(y.rate_change)),
                ])
            })
            .collect();
        fields.push(("years", J::Arr(years)));
    }
    if let Some(nd) = &s.norm_day {
        fields.push((
            "norm_day",
            J::obj([
                ("enrollment", counts_json(&nd.enrollment)),
                ("excluded", counts_json(&nd.excluded)),
                ("remaining_share", dec(nd.remaining_share)),
            ]),
        ));
    }
    if !s.decisions.is_empty() {
        let list = s.decisions.iter().map(decision_json).collect();
        fields.push(("decisions", J::Arr(list)));
    }
    J::obj(fields)
}

/// One decision: its text, and its note and date when it has them.
fn decision_json(d: &Decision) -> J {
    let mut fields = vec![("decided", J::str(&d.decided))];
    if !d.note.is_empty() {
        fields.push(("note", J::str(&d.note)));
    }
    if !d.at.is_empty() {
        fields.push(("at", J::str(&d.at)));
    }
    J::obj(fields)
}

/// Pupils per grade as a JSON object.
fn counts_json(counts: &BTreeMap<Grade, u32>) -> J {
    J::Obj(
        counts
            .iter()
            .map(|(g, n)| (g.to_string(), J::Raw(n.to_string())))
            .collect(),
    )
}

/// Reads a scenario; unknown fields and wrong types are refused, every problem named
/// by place (`scenario`, `line edit #2`, `line \`nurse\``), field and reason.
pub fn read_scenario(v: &Value) -> Result<Scenario, ImportError> {
    let mut r = Reader::default();
    let scenario = scenario(&mut r, v);
    r.finish(scenario)
}

fn scenario(r: &mut Reader, v: &Value) -> Option<Scenario> {
    let o = r.object(&Place::Scenario, "", "", v)?;
    o.only(r, &FIELDS);
    let counts = o.opt(r, "enrollment", enrollment);
    let change = o.opt(r, "enrollment_change", Reader::decimal);
    let unduplicated_pct = o.opt(r, "unduplicated_pct", Reader::decimal);
    let attendance_rate = o.opt(r, "attendance_rate", Reader::decimal);
    let cost_change = o.or(r, "cost_change", Default::default(), Reader::decimal);
    let rate_change = o.or(r, "rate_change", Default::default(), Reader::decimal);
    let line_edits = o
        .opt(r, "line_edits", Reader::list)
        .map(|items| edits(r, items.map_or(&[][..], |v| v)));
    let years = o.opt(r, "years", years);
    let norm_day = o.opt(r, "norm_day", norm_day);
    let decisions = o.opt(r, "decisions", decisions);
    let enrollment = match (counts?, change?) {
        (Some(_), Some(_)) => {
            r.refuse(
                &o.place,
                "enrollment_change",
                tr("cannot be given with `enrollment`: give new counts or a change, not both"),
            );
            None
        }
        (Some(c), None) => Some(EnrollmentInput::Counts(c)),
        (None, Some(c)) => Some(EnrollmentInput::Change(c)),
        (None, None) => Some(EnrollmentInput::Unchanged),
    };
    Some(Scenario {
        enrollment: enrollment?,
        unduplicated_pct: unduplicated_pct?,
        attendance_rate: attendance_rate?,
        cost_change: cost_change?,
        rate_change: rate_change?,
        line_edits: line_edits??,
        years: years?.unwrap_or_default(),
        norm_day: norm_day?,
        decisions: decisions?.unwrap_or_default(),
    })
}

/// Reads `decisions`: at most [`DECISIONS_MAX`] objects of `decided` (required), `note`
/// and `at` (optional), each within the bounds [`Decision::checked`] keeps.
fn decisions(r: &mut Reader, place: &Place, field: &str, v: &Value) -> Option<Vec<Decision>> {
    let items = r.list(place, field, v)?;
    if items.len() > DECISIONS_MAX {
        let reason = trf(
            "holds {n} decisions; at most {max} are kept",
            &[("n", &items.len()), ("max", &DECISIONS_MAX)],
        );
        r.refuse(place, field, reason);
        return None;
    }
    let mut out = Vec::with_capacity(items.len());
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let prefix = format!("{field}[{}].", i + 1);
        let Some(o) = r.object(place, field, &prefix, item) else {
            ok = false;
            continue;
        };
        o.only(r, &["decided", "note", "at"]);
        let decided = o.req(r, "decided", Reader::text);
        let note = o.or(r, "note", String::new(), Reader::text);
        let at = o.or(r, "at", String::new(), Reader::text);
        let (Some(decided), Some(note), Some(at)) = (decided, note, at) else {
            ok = false;
            continue;
        };
        match (Decision { decided, note, at }).checked() {
            Ok(d) => out.push(d),
            Err((which, reason)) => {
                let name = match which {
                    DecisionField::Decided => "decided",
                    DecisionField::Note => "note",
                    DecisionField::At => "at",
                };
                r.refuse(place, &format!("{prefix}{name}"), reason);
                ok = false;
            }
        }
    }
    ok.then_some(out)
}

/// Reads `years`: a list of `{enrollment_change, cost_change, rate_change}`, each optional (0).
fn years(r: &mut Reader, place: &Place, field: &str, v: &Value) -> Option<Vec<YearChange>> {
    let items = r.list(place, field, v)?;
    let mut out = Vec::with_capacity(items.len());
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let prefix = format!("{field}[{}].", i + 1);
        let Some(o) = r.object(place, field, &prefix, item) else {
            ok = false;
            continue;
        };
        o.only(r, &["enrollment_change", "cost_change", "rate_change"]);
        let e = o.or(r, "enrollment_change", Decimal::ZERO, Reader::decimal);
        let c = o.or(r, "cost_change", Decimal::ZERO, Reader::decimal);
        let rt = o.or(r, "rate_change", Decimal::ZERO, Reader::decimal);
        match (e, c, rt) {
            (Some(enrollment_change), Some(cost_change), Some(rate_change)) => {
                out.push(YearChange {
                    enrollment_change,
                    cost_change,
                    rate_change,
                })
            }
            _ => ok = false,
        }
    }
    ok.then_some(out)
}

/// Reads `norm_day`: counted pupils and no-shows per grade (whole, 0 or more), the
/// share of the year left (default 0.8; its range is the engine's to check).
fn norm_day(r: &mut Reader, place: &Place, field: &str, v: &Value) -> Option<NormDay> {
    let o = r.object(place, field, "norm_day.", v)?;
    o.only(r, &["enrollment", "excluded", "remaining_share"]);
    let counted = o.opt(r, "enrollment", enrollment);
    let excluded = o.opt(r, "excluded", enrollment);
    let share = o.or(
        r,
        "remaining_share",
        DEFAULT_REMAINING_SHARE,
        Reader::decimal,
    );
    Some(NormDay {
        enrollment: counted?.unwrap_or_default(),
        excluded: excluded?.unwrap_or_default(),
        remaining_share: share?,
    })
}

fn edits(r: &mut Reader, items: &[Value]) -> Option<Vec<LineEdit>> {
    let mut out = Vec::with_capacity(items.len());
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        match edit(r, i, item) {
            Some(e) => out.push(e),
            None => ok = false,
        }
    }
    ok.then_some(out)
}

/// One edit: an object with exactly one of `replace`, `add` or `remove`.
fn edit(r: &mut Reader, index: usize, v: &Value) -> Option<LineEdit> {
    let place = Place::Edit(index + 1);
    let o = r.object(&place, "", "", v)?;
    o.only(r, &EDITS);
    let given: Vec<&str> = EDITS.into_iter().filter(|k| o.has(k)).collect();
    let [kind] = given.as_slice() else {
        let names = list_names(&EDITS);
        let reason = match given.len() {
            0 => tr1(
                "must have exactly one of {names}, got none",
                "names",
                &names,
            ),
            _ => trf(
                "must have exactly one of {names}, got {got}",
                &[("names", &names), ("got", &list_names(&given))],
            ),
        };
        r.refuse(&place, "", reason);
        return None;
    };
    let value = o.get(kind)?;
    match *kind {
        "remove" => match value {
            Value::String(id) => Some(LineEdit::Remove(id.clone())),
            other => {
                let reason = tr1("must be a line id, got {got}", "got", &describe(other));

                r.refuse(&place, "remove", reason);
                None
            }
        },
        "add" => read_line(r, index, value).map(LineEdit::Add),
        _ => read_line(r, index, value).map(LineEdit::Replace),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn writes_the_documented_shape() {
        let s = Scenario {
            enrollment: EnrollmentInput::Change(d("-0.10")),
            attendance_rate: Some(d("0.9")),
            cost_change: d("0.03"),
            line_edits: vec![LineEdit::Remove("nurse".into())],
            ..Scenario::default()
        };
        assert_eq!(
            scenario_value(&s),
            json!({"enrollment_change": "-0.10", "attendance_rate": "0.9",
                   "cost_change": "0.03", "rate_change": "0",
                   "line_edits": [{"remove": "nurse"}]})
        );
        assert_eq!(read_scenario(&scenario_value(&s)), Ok(s));
    }

    #[test]
    fn empty_object_is_the_baseline_and_counts_stay_counts() {
        assert_eq!(read_scenario(&json!({})), Ok(Scenario::default()));
        let counts = Scenario {
            enrollment: EnrollmentInput::Counts(BTreeMap::from([(Grade::K, 60), (Grade::TK, 0)])),
            ..Scenario::default()
        };
        let v = scenario_value(&counts);
        assert_eq!(v["enrollment"], json!({"K": 60, "TK": 0}));
        assert_eq!(read_scenario(&v), Ok(counts));
        let empty = Scenario {
            enrollment: EnrollmentInput::Counts(BTreeMap::new()),
            ..Scenario::default()
        };
        assert_eq!(read_scenario(&scenario_value(&empty)), Ok(empty));
    }

    #[test]
    fn refusals_name_place_field_and_reason() {
        let v = json!({"enrolment_change": 1, "cost_change": "abc",
                       "enrollment": {"K": -1},
                       "line_edits": [{"remove": 5}, {"add": {"id": "x"}, "remove": "y"},
                                      {"add": {"id": "p", "kind": "item", "title": "P",
                                               "funding": [{"source": "gf"}]}}]});
        let text = read_scenario(&v).unwrap_err().to_string();
        for expected in [
            "scenario, field `enrolment_change`: is not a known field (did you mean `enrollment_change`?)",
            "scenario, field `enrollment.K`: must be 0 or more, got -1",
            "scenario, field `cost_change`: must be a number, got `abc`",
            "line edit #1, field `remove`: must be a line id, got 5",
            "line edit #2: must have exactly one of `replace`, `add` or `remove`, got `add` or `remove`",
            "line `p`, field `amount`: is required",
        ] {
            assert!(text.contains(expected), "missing {expected:?} in\n{text}");
        }
        let both = json!({"enrollment": {}, "enrollment_change": "0"});
        assert!(read_scenario(&both)
            .unwrap_err()
            .to_string()
            .contains("give new counts or a change, not both"));
        assert!(read_scenario(&json!([1])).is_err());
    }
}
