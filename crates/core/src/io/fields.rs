//! Typed reading of JSON values, recording a [`Problem`] for each refusal.
//!
//! A getter returns `None` when it refused the value (the problem is recorded), so
//! conversion goes on and every problem in the document is reported at once.
//! `null` is read as an absent field.

use rust_decimal::Decimal;
use serde_json::{Map, Value};

use crate::model::Grade;
use crate::model::{ImportError, Place, Problem};
use crate::util::decimal::{parse_decimal, parse_money, quote, DecimalError};
use crate::util::i18n::{tr, tr1, trf};

/// Collects problems while values are read.
#[derive(Default)]
pub(crate) struct Reader {
    /// Problems found so far.
    pub problems: Vec<Problem>,
}

/// A converter from one JSON value: records a problem and returns `None` on refusal.
pub(crate) type Conv<'v, T> = fn(&mut Reader, &Place, &str, &'v Value) -> Option<T>;

impl Reader {
    /// What was read, when nothing was refused on the way; else every problem found.
    pub fn finish<T>(self, read: Option<T>) -> Result<T, ImportError> {
        match read {
            Some(value) if self.problems.is_empty() => Ok(value),
            _ => Err(ImportError {
                problems: self.problems,
            }),
        }
    }

    /// Records a problem.
    pub fn refuse(&mut self, place: &Place, field: &str, reason: impl Into<String>) {
        self.problems.push(Problem::new(place, field, reason));
    }

    /// Views `v` as an object whose fields live at `place` under `prefix` (`""` or `"allocation."`).
    pub fn object<'v>(
        &mut self,
        place: &Place,
        field: &str,
        prefix: &str,
        v: &'v Value,
    ) -> Option<Obj<'v>> {
        match v {
            Value::Object(map) => Some(Obj {
                map,
                place: place.clone(),
                prefix: prefix.to_string(),
            }),
            other => {
                self.refuse(
                    place,
                    field,
                    tr1("must be an object, got {got}", "got", &describe(other)),
                );
                None
            }
        }
    }

    /// A JSON list.
    pub fn list<'v>(&mut self, place: &Place, field: &str, v: &'v Value) -> Option<&'v Vec<Value>> {
        match v {
            Value::Array(items) => Some(items),
            other => {
                self.refuse(
                    place,
                    field,
                    tr1("must be a list, got {got}", "got", &describe(other)),
                );
                None
            }
        }
    }

    /// A JSON string, as is.
    pub fn text(&mut self, place: &Place, field: &str, v: &Value) -> Option<String> {
        match v {
            Value::String(s) => Some(s.clone()),
            other => {
                self.refuse(
                    place,
                    field,
                    tr1("must be text, got {got}", "got", &describe(other)),
                );
                None
            }
        }
    }

    /// A JSON boolean.
    pub fn boolean(&mut self, place: &Place, field: &str, v: &Value) -> Option<bool> {
        match v {
            Value::Bool(b) => Some(*b),
            other => {
                self.refuse(
                    place,
                    field,
                    tr1("must be true or false, got {got}", "got", &describe(other)),
                );
                None
            }
        }
    }

    /// An exact decimal from a JSON number or string (plain or scientific).
    pub fn decimal(&mut self, place: &Place, field: &str, v: &Value) -> Option<Decimal> {
        self.number_with(place, field, v, parse_decimal)
    }

    /// An exact decimal that may also be written as money text (`$1,234.50`).
    pub fn money(&mut self, place: &Place, field: &str, v: &Value) -> Option<Decimal> {
        self.number_with(place, field, v, parse_money)
    }

    fn number_with(
        &mut self,
        place: &Place,
        field: &str,
        v: &Value,
        parse_string: fn(&str) -> Result<Decimal, DecimalError>,
    ) -> Option<Decimal> {
        let (text, parsed) = match v {
            // arbitrary_precision keeps the number's exact text.
            Value::Number(n) => (n.as_str(), parse_decimal(n.as_str())),
            Value::String(s) => (s.as_str(), parse_string(s)),
            other => {
                self.refuse(
                    place,
                    field,
                    tr1("must be a number, got {got}", "got", &describe(other)),
                );
                return None;
            }
        };
        match parsed {
            Ok(d) => Some(d),
            Err(e) => {
                self.refuse(place, field, e.reason(text));
                None
            }
        }
    }

    /// A whole number (`70`, `"70"`, `7e1` and `70.0` all read as 70).
    fn whole(&mut self, place: &Place, field: &str, v: &Value) -> Option<Decimal> {
        let d = self.decimal(place, field, v)?;
        if d.fract().is_zero() {
            Some(d)
        } else {
            self.refuse(
                place,
                field,
                tr1("must be a whole number, got {d}", "d", &d),
            );
            None
        }
    }

    /// A pupil count: whole and not negative.
    pub fn count(&mut self, place: &Place, field: &str, v: &Value) -> Option<u32> {
        let d = self.whole(place, field, v)?;
        if d.is_sign_negative() && !d.is_zero() {
            self.refuse(place, field, tr1("must be 0 or more, got {v}", "v", &d));
            return None;
        }
        match u32::try_from(d) {
            Ok(n) => Some(n),
            Err(_) => {
                self.refuse(place, field, tr1("is too large, got {d}", "d", &d));
                None
            }
        }
    }

    /// A whole number of either sign.
    pub fn integer(&mut self, place: &Place, field: &str, v: &Value) -> Option<i64> {
        let d = self.whole(place, field, v)?;
        match i64::try_from(d) {
            Ok(n) => Some(n),
            Err(_) => {
                self.refuse(place, field, tr1("is too large, got {d}", "d", &d));
                None
            }
        }
    }

    /// A list of strings (tags, allowed uses); word rules are checked by `validate`.
    pub fn words(&mut self, place: &Place, field: &str, v: &Value) -> Option<Vec<String>> {
        let items = self.list(place, field, v)?;
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            match item {
                Value::String(s) => out.push(s.clone()),
                other => {
                    ok = false;
                    let reason = trf(
                        "entry {n} must be text, got {got}",
                        &[("n", &(i + 1)), ("got", &describe(other))],
                    );
                    self.refuse(place, field, reason);
                }
            }
        }
        ok.then_some(out)
    }

    /// A list of grades, each `"TK"`, `"K"`, `"1"`..`"12"` (or a bare number).
    pub fn grades(&mut self, place: &Place, field: &str, v: &Value) -> Option<Vec<Grade>> {
        let items = self.list(place, field, v)?;
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for item in items {
            let text = match item {
                Value::String(s) => s.as_str(),
                Value::Number(n) => n.as_str(),
                _ => "",
            };
            match Grade::parse(text) {
                Some(g) => out.push(g),
                None => {
                    ok = false;
                    self.refuse(place, field, not_a_grade(item));
                }
            }
        }
        ok.then_some(out)
    }
}

/// The refusal for a value that is not a grade.
pub(crate) fn not_a_grade(v: &Value) -> String {
    tr1(
        "{got} is not a grade: use TK, K or 1 to 12",
        "got",
        &describe(v),
    )
}

/// A JSON object being read, with the place and path prefix of its fields.
pub(crate) struct Obj<'v> {
    map: &'v Map<String, Value>,
    /// Where the object's problems are reported.
    pub place: Place,
    prefix: String,
}

impl<'v> Obj<'v> {
    /// The field's full name for messages (`allocation.rate`).
    pub fn field(&self, key: &str) -> String {
        format!("{}{key}", self.prefix)
    }

    /// The value of a field, `None` when absent or `null`.
    pub fn get(&self, key: &str) -> Option<&'v Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    /// Whether a field is present (and not `null`).
    pub fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The fields of this object, in key order.
    pub fn entries(&self) -> impl Iterator<Item = (&'v String, &'v Value)> {
        self.map.iter()
    }

    /// Refuses every field not in `known`, suggesting a close known name.
    pub fn only(&self, r: &mut Reader, known: &[&str]) {
        for key in self.map.keys() {
            if !known.contains(&key.as_str()) {
                let reason = match closest(key, known) {
                    Some(k) => tr1("is not a known field (did you mean `{k}`?)", "k", &k),
                    None => tr1(
                        "is not a known field; known fields are {names}",
                        "names",
                        &list_names(known),
                    ),
                };
                r.refuse(&self.place, &self.field(key), reason);
            }
        }
    }

    /// A required field, converted.
    pub fn req<T>(&self, r: &mut Reader, key: &str, conv: Conv<'v, T>) -> Option<T> {
        match self.get(key) {
            Some(v) => conv(r, &self.place, &self.field(key), v),
            None => {
                r.refuse(&self.place, &self.field(key), tr("is required"));
                None
            }
        }
    }

    /// An optional field: `Some(None)` when absent, `None` when refused.
    pub fn opt<T>(&self, r: &mut Reader, key: &str, conv: Conv<'v, T>) -> Option<Option<T>> {
        match self.get(key) {
            Some(v) => conv(r, &self.place, &self.field(key), v).map(Some),
            None => Some(None),
        }
    }

    /// An optional field with a default.
    pub fn or<T>(&self, r: &mut Reader, key: &str, default: T, conv: Conv<'v, T>) -> Option<T> {
        self.opt(r, key, conv).map(|v| v.unwrap_or(default))
    }
}

/// A JSON value described for a message: `true`, `a list`, `` `abc` ``.
pub(crate) fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.as_str().chars().take(40).collect(),
        Value::String(s) => quote(s),
        Value::Array(_) => tr("a list"),
        Value::Object(_) => tr("an object"),
    }
}

/// `` `a`, `b` or `c` ``.
pub(crate) fn list_names(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => trf(
            "{rest} or {last}",
            &[("rest", &rest.join(", ")), ("last", last)],
        ),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

/// The known name within two edits of `key`, for typo hints (`unit_cots` → `unit_cost`).
pub(crate) fn closest<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    let key = key.to_ascii_lowercase();
    known
        .iter()
        .map(|k| (distance(&key, k), *k))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Edit distance (Levenshtein) on chars, one row at a time.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    if a.chars().count().abs_diff(b.len()) > 2 || b.len() > 64 {
        return usize::MAX;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = Vec::with_capacity(b.len() + 1);
        cur.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let sub = prev
                .get(j)
                .map_or(usize::MAX, |p| p.saturating_add(usize::from(ca != *cb)));
            let del = prev.get(j + 1).map_or(usize::MAX, |p| p.saturating_add(1));
            let ins = cur
                .last()
                .map_or(usize::MAX, |c: &usize| c.saturating_add(1));
            cur.push(sub.min(del).min(ins));
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names() {
        assert_eq!(
            closest("unit_cots", &["fte", "unit_cost"]),
            Some("unit_cost")
        );
        assert_eq!(closest("FTE", &["fte", "unit_cost"]), Some("fte"));
        assert_eq!(closest("colour", &["fte", "unit_cost"]), None);
        assert_eq!(list_names(&["a", "b", "c"]), "`a`, `b` or `c`");
        assert_eq!(list_names(&["a"]), "`a`");
    }
}
