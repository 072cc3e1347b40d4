//! A small JSON writer that keeps field order and puts short, flat objects on one
//! line, so written budgets read like the spec's example.

use std::fmt::{Display, Write};

/// Widest inline object or list, counting its indentation.
const WIDTH: usize = 100;

/// A JSON value to write.
pub(crate) enum J {
    /// Written as is (numbers, booleans, escaped strings).
    Raw(String),
    /// A list.
    Arr(Vec<J>),
    /// An object, fields in order.
    Obj(Vec<(String, J)>),
}

impl J {
    /// A JSON string.
    pub fn str(s: &str) -> J {
        J::Raw(escape(s))
    }

    /// A JSON boolean.
    pub fn bool(b: bool) -> J {
        J::Raw(b.to_string())
    }

    /// A list of strings from anything displayable.
    pub fn strs<T: Display>(items: &[T]) -> J {
        J::Arr(items.iter().map(|t| J::str(&t.to_string())).collect())
    }

    /// An object from static field names.
    pub fn obj<'k>(fields: impl IntoIterator<Item = (&'k str, J)>) -> J {
        J::Obj(
            fields
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
        )
    }

    /// The same JSON as a [`serde_json::Value`] (object keys then sorted by serde_json).
    pub fn value(&self) -> serde_json::Value {
        use serde_json::Value;
        match self {
            // Raw text is always a scalar this module or its callers wrote as valid JSON.
            J::Raw(r) => serde_json::from_str(r).unwrap_or(Value::Null),
            J::Arr(items) => Value::Array(items.iter().map(J::value).collect()),
            J::Obj(fields) => {
                // Inserted one by one: `collect` would build the map through a second copy
                // of the standard sort in the bundle. Same map (a repeated key keeps its last value).
                let mut map = serde_json::Map::new();
                for (k, v) in fields {
                    map.insert(k.clone(), v.value());
                }
                Value::Object(map)
            }
        }
    }

    /// Pretty text, two-space indent.
    pub fn render(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, 0);
        out
    }

    fn write(&self, out: &mut String, depth: usize) {
        if let J::Raw(r) = self {
            out.push_str(r);
            return;
        }
        let scalars_only =
            matches!(self, J::Arr(items) if items.iter().all(|i| matches!(i, J::Raw(_))));
        // The one-line text is built only for what may go on one line: a large tree
        // (a network with its budgets inline) is never flattened whole at every level.
        if scalars_only || self.flat(2) {
            let inline = self.inline();
            if scalars_only || inline.len() + 2 * depth <= WIDTH {
                out.push_str(&inline);
                return;
            }
        }
        let pad = "  ".repeat(depth + 1);
        let (open, close) = match self {
            J::Arr(_) => ('[', ']'),
            _ => ('{', '}'),
        };
        out.push(open);
        out.push('\n');
        match self {
            J::Arr(items) => {
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(",\n");
                    }
                    out.push_str(&pad);
                    item.write(out, depth + 1);
                }
            }
            J::Obj(fields) => {
                for (i, (k, v)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push_str(",\n");
                    }
                    let _ = write!(out, "{pad}{}: ", escape(k));
                    v.write(out, depth + 1);
                }
            }
            J::Raw(_) => {}
        }
        out.push('\n');
        out.push_str(&"  ".repeat(depth));
        out.push(close);
    }

    /// Whether nesting is at most `levels` deep (a scalar is 0).
    fn flat(&self, levels: usize) -> bool {
        match self {
            J::Raw(_) => true,
            _ if levels == 0 => false,
            J::Arr(items) => items.iter().all(|i| i.flat(levels - 1)),
            J::Obj(fields) => fields.iter().all(|(_, v)| v.flat(levels - 1)),
        }
    }

    fn inline(&self) -> String {
        match self {
            J::Raw(r) => r.clone(),
            J::Arr(items) => {
                let parts: Vec<String> = items.iter().map(J::inline).collect();
                format!("[{}]", parts.join(", "))
            }
            J::Obj(fields) => {
                let parts: Vec<String> = fields
                    .iter()
                    .map(|(k, v)| format!("{}: {}", escape(k), v.inline()))
                    .collect();
                format!("{{{}}}", parts.join(", "))
            }
        }
    }
}

/// A JSON string literal.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_json() {
        let s = "a\"b\\c\nd\u{1}é";
        let written = escape(s);
        assert_eq!(
            serde_json::from_str::<String>(&written).ok().as_deref(),
            Some(s)
        );
    }

    #[test]
    fn short_flat_objects_stay_on_one_line() {
        let j = J::obj([
            (
                "a",
                J::obj([("type", J::str("fixed")), ("amount", J::str("1"))]),
            ),
            ("b", J::Arr(vec![])),
        ]);
        assert_eq!(
            j.render(),
            "{\"a\": {\"type\": \"fixed\", \"amount\": \"1\"}, \"b\": []}"
        );
    }
}
