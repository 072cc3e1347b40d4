//! The messages between the page and the file worker (`src/bin/xlsx_worker.rs`), which
//! holds the XLSX and share-link compression code so the page's bundle does not.
//!
//! A message is a JSON text and, for a workbook, its bytes beside it (never inflated to
//! base64). The browser side carries them as `{text, bytes?}` ([`TEXT`], [`BYTES`]).
//!
//! - worker → page, once started: `{"op":"ready"}`; the page queues requests until then.
//! - page → worker, `id` chosen by the page:
//!   - `{"id":1,"op":"read"}` with the .xlsx file's bytes;
//!   - `{"id":1,"op":"write","doc":{…},"scenario":{…},"name":"…"}`;
//!   - `{"id":1,"op":"share","doc":{…},"scenario":{…},"name":"…"}`;
//!   - `{"id":1,"op":"open_share","fragment":"share=1.…"}`;
//!   - `{"id":1,"op":"import_csv","doc":{…},"text":"…"}`: a CSV of lines read into `doc`;
//!   - `{"id":1,"op":"import_xlsx","doc":{…}}` with the .xlsx file's bytes: the same;
//!   - `{"id":1,"op":"lines_csv","doc":{…}}`, `{"id":1,"op":"lines_xlsx","doc":{…}}`: the
//!     lines written as CSV text or as a one-sheet workbook (the import layout);
//!   - `{"id":1,"op":"network_csv","title":"…","rows":[…]}`,
//!     `{"id":1,"op":"network_xlsx","title":"…","rows":[…]}`: the network table (rows as
//!     `io::network::row_value` writes them) as CSV text or as a workbook.
//! - worker → page, the same `id`:
//!   - `{"id":1,"op":"rows","rows":[[2,["cell",…]],…]}`: the first sheet's non-empty rows
//!     (row number, cell texts), read on the page by the same row importer as CSV;
//!   - `{"id":1,"op":"workbook"}` with the workbook's bytes;
//!   - `{"id":1,"op":"fragment","fragment":"share=1.…"}`;
//!   - `{"id":1,"op":"shared","doc":{…},"scenario":{…},"name":"…"}`;
//!   - `{"id":1,"op":"imported","doc":{…},"bad":[{"row":3,"title":"…","problems":
//!     [{"field":"funding","reason":"…"}]},…]}`: the document with the good rows as its
//!     lines, and the rows left out with their reasons;
//!   - `{"id":1,"op":"csv","text":"…"}`;
//!   - `{"id":1,"op":"failed","problems":["…"]}`, each problem in plain words.
//!
//! A request made while the page speaks another language than English also carries
//! `"lang":"es","catalog":{…}` (the page's message catalog), and the worker words its
//! answers in it: import problems, share-link refusals and the workbook.
//!
//! Documents and scenarios travel as in the JSON file format (numbers exact) and are
//! validated again on arrival. Decoding never panics: a malformed message is an `Err`
//! in plain words. Nothing here touches XLSX or CSV code, so the page links none.

use std::fmt;

use serde_json::{Map, Value};

use super::json::{document_value, read_document};
use super::line_rows::{BadRow, Row, RowsRead};
use super::network::{read_row, row_value, NetworkRow};
use super::scenario_json::{read_scenario, scenario_value};
use super::share::Shared;
use super::share::{others_value, read_others};
use crate::engine::Scenario;
use crate::model::{Document, Place, Problem};
use crate::util::i18n::{self, tr, tr1, Catalog, Lang};

/// The JS property holding a message's JSON text.
pub const TEXT: &str = "text";
/// The JS property holding a message's bytes (a `Uint8Array`), when it has any.
pub const BYTES: &str = "bytes";

/// One message as it crosses between page and worker.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Message {
    /// The JSON text.
    pub text: String,
    /// The file's bytes, for a workbook read or written.
    pub bytes: Option<Vec<u8>>,
}

/// What the page asks of the worker.
// One request lives at a time, only long enough to be encoded: boxing the larger
// variants would save nothing that matters.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    /// The first sheet of this .xlsx file, as rows of text.
    ReadXlsx {
        /// The file's bytes.
        bytes: Vec<u8>,
    },
    /// The workbook (lines, comparison, cut plan) of a budget under a scenario.
    WriteXlsx {
        /// The budget.
        doc: Document,
        /// The scenario.
        scenario: Scenario,
        /// The scenario's name.
        name: String,
        /// The scenario it is compared with and that one's name, for a sheet of the two
        /// side by side (absent in older messages).
        compare: Option<(Scenario, String)>,
    },
    /// A share link's fragment carrying a budget and scenario.
    PackShare {
        /// The budget.
        doc: Document,
        /// The scenario.
        scenario: Scenario,
        /// The scenario's name.
        name: String,
        /// The budget's other scenarios, when the link carries every one.
        others: Vec<(Scenario, String)>,
    },
    /// What a share link's fragment carries.
    UnpackShare {
        /// The text after `#`.
        fragment: String,
    },
    /// A CSV file of lines read into the budget's lines, bad rows set aside.
    ImportCsv {
        /// The budget whose sources and norms the rows are read against.
        doc: Document,
        /// The file's text.
        text: String,
    },
    /// An .xlsx file's first sheet read into the budget's lines, bad rows set aside.
    ImportXlsx {
        /// The budget whose sources and norms the rows are read against.
        doc: Document,
        /// The file's bytes.
        bytes: Vec<u8>,
    },
    /// The budget's lines as CSV text.
    LinesCsv {
        /// The budget.
        doc: Document,
    },
    /// The budget's lines as a one-sheet workbook, laid out as the CSV.
    LinesXlsx {
        /// The budget.
        doc: Document,
    },
    /// The network table as CSV text (answered with [`Response::Csv`]).
    NetworkCsv {
        /// The network's name and scenario in words, for the workbook's title.
        title: String,
        /// One row per school, in file order.
        rows: Vec<NetworkRow>,
    },
    /// The network table as a workbook (answered with [`Response::Workbook`]).
    NetworkXlsx {
        /// The network's name and scenario in words, for the workbook's title.
        title: String,
        /// One row per school, in file order.
        rows: Vec<NetworkRow>,
    },
}

/// What the worker answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Response {
    /// The worker has started and takes requests (sent once, without an id).
    Ready,
    /// The sheet's non-empty rows, for [`Request::ReadXlsx`].
    Rows(Vec<Row>),
    /// The .xlsx file's bytes, for [`Request::WriteXlsx`].
    Workbook(Vec<u8>),
    /// The fragment (text after `#`), for [`Request::PackShare`].
    Fragment(String),
    /// The link's budget and scenario, validated, for [`Request::UnpackShare`].
    Shared(Box<Shared>),
    /// The good rows as the budget's lines and the bad rows, for an import request.
    Imported(Box<RowsRead>),
    /// CSV text, for [`Request::LinesCsv`].
    Csv(String),
    /// The request failed: each problem in plain words.
    Failed(Vec<String>),
}

impl Response {
    /// The sentence for an answer that does not fit the request it came back for.
    pub fn unexpected(&self) -> String {
        tr1(
            "The file helper gave an unexpected answer ({op}); reload the page and try again.",
            "op",
            &self.op(),
        )
    }

    /// The `op` this response is sent as.
    fn op(&self) -> &'static str {
        match self {
            Response::Ready => "ready",
            Response::Rows(_) => "rows",
            Response::Workbook(_) => "workbook",
            Response::Fragment(_) => "fragment",
            Response::Shared(_) => "shared",
            Response::Imported(_) => "imported",
            Response::Csv(_) => "csv",
            Response::Failed(_) => "failed",
        }
    }
}

/// Why a message could not be read, in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProtocolError(String);

impl ProtocolError {
    fn new(reason: impl fmt::Display) -> Self {
        ProtocolError(tr1("A message between the page and its file helper could not be read: {reason}. Reload the page and try again.", "reason", &reason))
    }
}

impl fmt::Display for ProtocolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ProtocolError {}

/// A decoded message: its id, when it has a readable one (so that even a malformed
/// request is answered), and its content or why it could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded<T> {
    /// The id the page gave the request (none on `ready`).
    pub id: Option<u32>,
    /// The message, or why it could not be read.
    pub body: Result<T, ProtocolError>,
}

/// The message for `request`, numbered `id`.
pub fn encode_request(id: u32, request: Request) -> Message {
    let mut out = head(Some(id), "");
    let mut bytes = None;
    let op = match request {
        Request::ReadXlsx { bytes: file } => {
            bytes = Some(file);
            "read"
        }
        Request::WriteXlsx {
            doc,
            scenario,
            name,
            compare,
        } => {
            put_budget(&mut out, &doc, &scenario, name);
            if let Some((other, other_name)) = compare {
                let mut c = Map::new();
                c.insert("scenario".into(), scenario_value(&other));
                c.insert("name".into(), Value::String(other_name));
                out.insert("compare".into(), Value::Object(c));
            }
            "write"
        }
        Request::PackShare {
            doc,
            scenario,
            name,
            others,
        } => {
            put_budget(&mut out, &doc, &scenario, name);
            put_others(&mut out, &others);
            "share"
        }
        Request::UnpackShare { fragment } => {
            out.insert("fragment".into(), Value::String(fragment));
            "open_share"
        }
        Request::ImportCsv { doc, text } => {
            out.insert("doc".into(), document_value(&doc));
            out.insert("text".into(), Value::String(text));
            "import_csv"
        }
        Request::ImportXlsx { doc, bytes: file } => {
            out.insert("doc".into(), document_value(&doc));
            bytes = Some(file);
            "import_xlsx"
        }
        Request::LinesCsv { doc } => {
            out.insert("doc".into(), document_value(&doc));
            "lines_csv"
        }
        Request::LinesXlsx { doc } => {
            out.insert("doc".into(), document_value(&doc));
            "lines_xlsx"
        }
        Request::NetworkCsv { title, rows } => {
            put_rows(&mut out, title, &rows);
            "network_csv"
        }
        Request::NetworkXlsx { title, rows } => {
            put_rows(&mut out, title, &rows);
            "network_xlsx"
        }
    };
    out.insert("op".into(), Value::String(op.to_owned()));
    put_catalog(&mut out);
    Message {
        text: Value::Object(out).to_string(),
        bytes,
    }
}

/// The page's catalog, when it speaks another language than English, so the worker's
/// words follow it.
fn put_catalog(out: &mut Map<String, Value>) {
    let Some(catalog) = i18n::current().filter(|c| c.lang() != Lang::En) else {
        return;
    };
    let entries: Map<String, Value> = catalog
        .keys()
        .filter_map(|k| Some((k.to_owned(), Value::String(catalog.get(k)?.to_owned()))))
        .collect();
    out.insert(
        "lang".into(),
        Value::String(catalog.lang().tag().to_owned()),
    );
    out.insert("catalog".into(), Value::Object(entries));
}

/// Speaks the catalog a request carries (English when it carries none or an unreadable
/// one), so the answer is worded as the page is.
fn speak_catalog(map: &Map<String, Value>) {
    let catalog = match (map.get("lang"), map.get("catalog")) {
        (Some(Value::String(tag)), Some(entries @ Value::Object(_))) => Lang::parse(tag)
            .filter(|l| *l != Lang::En)
            .and_then(|lang| Catalog::from_json(lang, &entries.to_string()).ok()),
        _ => None,
    };
    i18n::set_catalog(catalog);
}

/// The request in `message`; never panics. Speaks the catalog the request carries.
pub fn decode_request(message: Message) -> Decoded<Request> {
    decode(message, |op, map, bytes| {
        speak_catalog(map);
        request_body(op, map, bytes)
    })
}

/// A request's content, by its `op`.
fn request_body(
    op: &str,
    map: &Map<String, Value>,
    bytes: Option<Vec<u8>>,
) -> Result<Request, ProtocolError> {
    match op {
        "read" => Ok(Request::ReadXlsx {
            bytes: bytes.ok_or_else(|| ProtocolError::new(tr("the file to read is missing")))?,
        }),
        "write" => {
            let (doc, scenario, name) = budget(map)?;
            let compare = match map.get("compare") {
                None | Some(Value::Null) => None,
                Some(Value::Object(c)) => {
                    let other = c.get("scenario").ok_or_else(|| {
                        ProtocolError::new(tr("the compared scenario is missing"))
                    })?;
                    let other = read_scenario(other).map_err(|e| {
                        ProtocolError::new(tr1("the compared scenario was refused ({e})", "e", &e))
                    })?;
                    Some((other, text(c, "name")?))
                }
                Some(_) => {
                    return Err(ProtocolError::new(tr(
                        "the compared scenario is not an object",
                    )))
                }
            };
            Ok(Request::WriteXlsx {
                doc,
                scenario,
                name,
                compare,
            })
        }
        "share" => {
            let (doc, scenario, name) = budget(map)?;
            Ok(Request::PackShare {
                doc,
                scenario,
                name,
                others: others(map)?,
            })
        }
        "open_share" => Ok(Request::UnpackShare {
            fragment: text(map, "fragment")?,
        }),
        "import_csv" => Ok(Request::ImportCsv {
            doc: document(map)?,
            text: text(map, "text")?,
        }),
        "import_xlsx" => Ok(Request::ImportXlsx {
            doc: document(map)?,
            bytes: bytes.ok_or_else(|| ProtocolError::new(tr("the file to read is missing")))?,
        }),
        "lines_csv" => Ok(Request::LinesCsv {
            doc: document(map)?,
        }),
        "lines_xlsx" => Ok(Request::LinesXlsx {
            doc: document(map)?,
        }),
        "network_csv" => {
            let (title, rows) = network_rows(map)?;
            Ok(Request::NetworkCsv { title, rows })
        }
        "network_xlsx" => {
            let (title, rows) = network_rows(map)?;
            Ok(Request::NetworkXlsx { title, rows })
        }
        other => Err(ProtocolError::new(tr1(
            "`{op}` is not a request the file helper knows",
            "op",
            &short(other),
        ))),
    }
}

/// The message for `response` to the request numbered `id` (none for `ready`).
pub fn encode_response(id: Option<u32>, response: Response) -> Message {
    let mut out = head(id, response.op());
    let mut bytes = None;
    match response {
        Response::Ready => {}
        Response::Rows(rows) => {
            let rows = rows
                .into_iter()
                .map(|row| {
                    let cells = row.cells.into_iter().map(Value::String).collect();
                    Value::Array(vec![Value::from(row.number as u64), Value::Array(cells)])
                })
                .collect();
            out.insert("rows".into(), Value::Array(rows));
        }
        Response::Workbook(file) => bytes = Some(file),
        Response::Fragment(fragment) => {
            out.insert("fragment".into(), Value::String(fragment));
        }
        Response::Shared(shared) => {
            put_budget(&mut out, &shared.doc, &shared.scenario, shared.name);
            put_others(&mut out, &shared.others);
        }
        Response::Imported(read) => {
            out.insert("doc".into(), document_value(&read.doc));
            let bad = read.bad.into_iter().map(bad_row_value).collect();
            out.insert("bad".into(), Value::Array(bad));
        }
        Response::Csv(csv) => {
            out.insert("text".into(), Value::String(csv));
        }
        Response::Failed(problems) => {
            let list = problems.into_iter().map(Value::String).collect();
            out.insert("problems".into(), Value::Array(list));
        }
    }
    Message {
        text: Value::Object(out).to_string(),
        bytes,
    }
}

/// The response in `message`; never panics.
pub fn decode_response(message: Message) -> Decoded<Response> {
    decode(message, |op, map, bytes| match op {
        "ready" => Ok(Response::Ready),
        "rows" => rows(map).map(Response::Rows),
        "workbook" => bytes
            .map(Response::Workbook)
            .ok_or_else(|| ProtocolError::new(tr("the workbook's bytes are missing"))),
        "fragment" => text(map, "fragment").map(Response::Fragment),
        "imported" => Ok(Response::Imported(Box::new(RowsRead {
            doc: document(map)?,
            bad: bad_rows(map)?,
        }))),
        "csv" => text(map, "text").map(Response::Csv),
        "shared" => {
            let (doc, scenario, name) = budget(map)?;
            Ok(Response::Shared(Box::new(Shared {
                doc,
                scenario,
                name,
                others: others(map)?,
            })))
        }
        "failed" => {
            let list = match map.get("problems") {
                Some(Value::Array(list)) => list,
                _ => {
                    return Err(ProtocolError::new(tr(
                        "a failure came without its problems",
                    )))
                }
            };
            Ok(Response::Failed(
                list.iter()
                    .map(|p| p.as_str().map_or_else(|| p.to_string(), str::to_owned))
                    .collect(),
            ))
        }
        other => Err(ProtocolError::new(tr1(
            "`{op}` is not an answer the page knows",
            "op",
            &short(other),
        ))),
    })
}

/// An object with `id` (when given) and `op` (when not empty).
fn head(id: Option<u32>, op: &str) -> Map<String, Value> {
    let mut out = Map::new();
    if let Some(id) = id {
        out.insert("id".into(), Value::from(id));
    }
    if !op.is_empty() {
        out.insert("op".into(), Value::String(op.to_owned()));
    }
    out
}

fn put_budget(out: &mut Map<String, Value>, doc: &Document, scenario: &Scenario, name: String) {
    out.insert("doc".into(), document_value(doc));
    out.insert("scenario".into(), scenario_value(scenario));
    out.insert("name".into(), Value::String(name));
}

/// Adds a network table's title and rows.
fn put_rows(out: &mut Map<String, Value>, title: String, rows: &[NetworkRow]) {
    out.insert("title".into(), Value::String(title));
    out.insert(
        "rows".into(),
        Value::Array(rows.iter().map(row_value).collect()),
    );
}

/// A network table's title and rows.
fn network_rows(map: &Map<String, Value>) -> Result<(String, Vec<NetworkRow>), ProtocolError> {
    let title = text(map, "title")?;
    let Some(Value::Array(list)) = map.get("rows") else {
        return Err(ProtocolError::new("the network's rows are missing"));
    };
    let rows = list
        .iter()
        .map(|v| read_row(v).map_err(ProtocolError::new))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((title, rows))
}

/// Adds the other scenarios, when there are any.
fn put_others(out: &mut Map<String, Value>, others: &[(Scenario, String)]) {
    if !others.is_empty() {
        out.insert("others".into(), others_value(others));
    }
}

/// The other scenarios, none when absent (messages of one scenario).
fn others(map: &Map<String, Value>) -> Result<Vec<(Scenario, String)>, ProtocolError> {
    match map.get("others") {
        None => Ok(Vec::new()),
        Some(v) => read_others(v).map_err(|e| match e {
            Some(e) => ProtocolError::new(tr1("another scenario was refused ({e})", "e", &e)),
            None => ProtocolError::new(tr("the other scenarios are not in the expected shape")),
        }),
    }
}

/// Reads the JSON object, its id and its op, then the rest with `body`.
fn decode<T>(
    message: Message,
    body: impl FnOnce(&str, &Map<String, Value>, Option<Vec<u8>>) -> Result<T, ProtocolError>,
) -> Decoded<T> {
    let value: Value = match serde_json::from_str(&message.text) {
        Ok(v) => v,
        Err(_) => {
            return Decoded {
                id: None,
                body: Err(ProtocolError::new(tr("it is not JSON"))),
            }
        }
    };
    let Value::Object(map) = value else {
        return Decoded {
            id: None,
            body: Err(ProtocolError::new(tr("it is not an object"))),
        };
    };
    let id = match map.get("id") {
        None => Ok(None),
        Some(v) => v
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .map(Some)
            .ok_or_else(|| ProtocolError::new(tr("its number is not a whole number"))),
    };
    let (id, body) = match id {
        Ok(id) => (
            id,
            match map.get("op") {
                Some(Value::String(op)) => body(op, &map, message.bytes),
                _ => Err(ProtocolError::new(tr("it does not say what it is"))),
            },
        ),
        Err(e) => (None, Err(e)),
    };
    Decoded { id, body }
}

/// The budget of a message, validated.
fn document(map: &Map<String, Value>) -> Result<Document, ProtocolError> {
    let doc = map
        .get("doc")
        .ok_or_else(|| ProtocolError::new(tr("the budget is missing")))?;
    read_document(doc).map_err(|e| ProtocolError::new(tr1("the budget was refused ({e})", "e", &e)))
}

/// `{"row":3,"title":"…","problems":[{"field":"…","reason":"…"}]}`.
fn bad_row_value(bad: BadRow) -> Value {
    let problems = bad
        .problems
        .into_iter()
        .map(|p| {
            let mut one = Map::new();
            one.insert("field".into(), Value::String(p.field));
            one.insert("reason".into(), Value::String(p.reason));
            Value::Object(one)
        })
        .collect();
    let mut out = Map::new();
    out.insert("row".into(), Value::from(bad.row as u64));
    out.insert("title".into(), Value::String(bad.title));
    out.insert("problems".into(), Value::Array(problems));
    Value::Object(out)
}

/// The bad rows of an `imported` answer.
fn bad_rows(map: &Map<String, Value>) -> Result<Vec<BadRow>, ProtocolError> {
    let bad = || ProtocolError::new(tr("the rows left out are not in the expected shape"));
    let Some(Value::Array(list)) = map.get("bad") else {
        return Err(bad());
    };
    list.iter()
        .map(|v| {
            let Value::Object(row) = v else {
                return Err(bad());
            };
            let number = row
                .get("row")
                .and_then(Value::as_u64)
                .and_then(|n| usize::try_from(n).ok())
                .ok_or_else(bad)?;
            let title = text(row, "title")?;
            let Some(Value::Array(problems)) = row.get("problems") else {
                return Err(bad());
            };
            let problems = problems
                .iter()
                .map(|p| {
                    let Value::Object(p) = p else {
                        return Err(bad());
                    };
                    Ok(Problem::new(
                        &Place::Row(number),
                        text(p, "field")?,
                        text(p, "reason")?,
                    ))
                })
                .collect::<Result<_, _>>()?;
            Ok(BadRow {
                row: number,
                title,
                problems,
            })
        })
        .collect()
}

/// The budget, scenario and name of a message; the budget is validated.
fn budget(map: &Map<String, Value>) -> Result<(Document, Scenario, String), ProtocolError> {
    let doc = document(map)?;
    let scenario = match map.get("scenario") {
        Some(s) => read_scenario(s)
            .map_err(|e| ProtocolError::new(tr1("the scenario was refused ({e})", "e", &e)))?,
        None => return Err(ProtocolError::new(tr("the scenario is missing"))),
    };
    Ok((doc, scenario, text(map, "name")?))
}

/// A text field that must be there.
fn text(map: &Map<String, Value>, key: &str) -> Result<String, ProtocolError> {
    match map.get(key) {
        Some(Value::String(s)) => Ok(s.clone()),
        Some(_) => Err(ProtocolError::new(tr1(
            "its {key} is not text",
            "key",
            &key,
        ))),
        None => Err(ProtocolError::new(tr1("its {key} is missing", "key", &key))),
    }
}

/// `[[number, [cell…]], …]` as rows.
fn rows(map: &Map<String, Value>) -> Result<Vec<Row>, ProtocolError> {
    let bad = || ProtocolError::new(tr("the sheet's rows are not in the expected shape"));
    let Some(Value::Array(list)) = map.get("rows") else {
        return Err(bad());
    };
    list.iter()
        .map(|row| {
            let Value::Array(pair) = row else {
                return Err(bad());
            };
            let (Some(number), Some(Value::Array(cells)), 2) =
                (pair.first(), pair.get(1), pair.len())
            else {
                return Err(bad());
            };
            let number = number
                .as_u64()
                .and_then(|n| usize::try_from(n).ok())
                .ok_or_else(bad)?;
            let cells = cells
                .iter()
                .map(|c| c.as_str().map(str::to_owned).ok_or_else(bad))
                .collect::<Result<_, _>>()?;
            Ok(Row { number, cells })
        })
        .collect()
}

/// At most 40 characters of a name taken from a message, for an error.
fn short(name: &str) -> String {
    name.chars().take(40).collect()
}
