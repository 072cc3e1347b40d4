//! The network file (`sitebudget-network/1`): reading it (never whole-file failure for a
//! bad school), writing it with budgets inline, its browser record with the network
//! scenario, `src` paths relative to the file, and the network table as CSV.
//!
//! Shape: `{"format": "sitebudget-network/1", "name": "…", "schools": [{"src": "a.json"},
//! {"budget": {…}}], "scenario": {"change": "-0.05", "overrides": {"2": "0.03"}}}`
//! (`scenario` optional; the browser record writes it, exports do not).

use rust_decimal::Decimal;
use serde_json::{Map, Value};

use super::json::{read_document, root};
use super::pretty::J;
use crate::engine::{network_total, NetworkScenario, SchoolRow};
use crate::model::{BadBudget, Document, NetworkFile, SchoolEntry, NETWORK_FORMAT};
use crate::util::decimal::parse_decimal;
use crate::util::i18n::{key, tr, tr1, trf, trn};

/// A school of a network as written back: a budget inline, a `src` path kept, or an
/// entry that did not read, kept as its own JSON text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SchoolOut<'a> {
    /// A budget written inline.
    Budget(&'a Document),
    /// A `src` path, written as `{"src": …}`.
    Src(&'a str),
    /// An entry's JSON text as it was read ([`BadBudget::json`]), written back as it was.
    Kept(&'a str),
}

/// One school's line of the network table: its name, the change it is computed under,
/// and its figures or why it has none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NetworkRow {
    /// The school's name (or, for a school that did not load, its `src` or a placeholder).
    pub school: String,
    /// The enrollment change it is computed under, a fraction.
    pub change: Decimal,
    /// Its figures, or the reason in plain words.
    pub row: Result<SchoolRow, String>,
}

/// Reads a network file. The whole file is refused only when it is not JSON, not a
/// `sitebudget-network/1` object or has no `schools` list; a bad school becomes an
/// entry that says why. Never panics. A `scenario` field is accepted and ignored
/// (see [`read_network_record`]).
pub fn read_network(text: &str) -> Result<NetworkFile, Vec<String>> {
    let value: Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| vec![tr1("The network file is not valid JSON: {e}.", "e", &e)])?;
    network_of(&value)
}

/// A network file already parsed as JSON.
pub fn network_of(value: &Value) -> Result<NetworkFile, Vec<String>> {
    let Value::Object(map) = value else {
        return Err(vec![
            tr("The network file is not a JSON object: it should start with {\"format\": \"sitebudget-network/1\"."),
        ]);
    };
    let mut problems = Vec::new();
    match map.get("format") {
        Some(Value::String(f)) if f == NETWORK_FORMAT => {}
        Some(Value::String(f)) if f == crate::model::FORMAT => problems.push(
            tr("This is a single budget (`sitebudget/1`), not a network: open it as a budget, or add it to a network."),
        ),
        Some(other) => problems.push(trf(
            "The file's format is {got}, not `{format}`.",
            &[("got", &short(other)), ("format", &NETWORK_FORMAT)],
        )),
        None => problems.push(tr1(
            "The file has no `format` field; a network file has \"format\": \"{format}\".",
            "format",
            &NETWORK_FORMAT,
        )),
    }
    let schools = match map.get("schools") {
        Some(Value::Array(items)) => Some(items),
        Some(other) => {
            problems.push(tr1(
                "The network's `schools` should be a list, got {got}.",
                "got",
                &short(other),
            ));
            None
        }
        None => {
            problems.push(tr("The network file has no `schools` list."));
            None
        }
    };
    let (Some(schools), true) = (schools, problems.is_empty()) else {
        return Err(problems);
    };
    let name = match map.get("name") {
        Some(Value::String(n)) => n.trim().to_owned(),
        _ => String::new(),
    };
    Ok(NetworkFile {
        name,
        schools: schools
            .iter()
            .enumerate()
            .map(|(i, v)| entry(i, v))
            .collect(),
    })
}

/// A JSON value shortened for a sentence.
fn short(v: &Value) -> String {
    match v {
        Value::String(s) => {
            let cut: String = s.chars().take(40).collect();
            format!("\"{cut}\"")
        }
        Value::Array(_) => tr("a list"),
        Value::Object(_) => tr("an object"),
        other => other.to_string().chars().take(40).collect(),
    }
}

/// One school entry, numbered from 1 in its problems.
fn entry(i: usize, v: &Value) -> SchoolEntry {
    let n = i.saturating_add(1);
    let bad = |problem: String| {
        SchoolEntry::Inline(Err(BadBudget {
            problems: vec![problem],
            json: v.to_string(),
        }))
    };
    let Value::Object(map) = v else {
        return bad(trf(
            "School {n} is {got}, not an object with `src` or `budget`.",
            &[("n", &n), ("got", &short(v))],
        ));
    };
    match (map.get("src"), map.get("budget")) {
        (Some(_), Some(_)) => bad(tr1(
            "School {n} gives both `src` and `budget`; give one of them.",
            "n",
            &n,
        )),
        (Some(Value::String(src)), None) if !src.trim().is_empty() => {
            SchoolEntry::Src(src.trim().to_owned())
        }
        (Some(other), None) => bad(trf(
            "School {n}'s `src` should be the path of a budget file, got {got}.",
            &[("n", &n), ("got", &short(other))],
        )),
        (None, Some(budget)) => {
            // A budget given as JSON text is read the same as one given as an object.
            let parsed;
            let budget = match budget {
                Value::String(text) => match serde_json::from_str::<Value>(text) {
                    Ok(v) => {
                        parsed = v;
                        &parsed
                    }
                    Err(e) => {
                        return bad(trf(
                            "School {n}'s budget is text that is not valid JSON: {e}.",
                            &[("n", &n), ("e", &e)],
                        ))
                    }
                },
                other => other,
            };
            match read_document(budget) {
                Ok(doc) => SchoolEntry::Inline(Ok(doc)),
                Err(e) => SchoolEntry::Inline(Err(BadBudget {
                    problems: e
                        .problems
                        .iter()
                        .map(|p| trf("School {n}'s budget: {p}.", &[("n", &n), ("p", p)]))
                        .collect(),
                    json: v.to_string(),
                })),
            }
        }
        (None, None) => bad(tr1(
            "School {n} has neither `src` (a budget file) nor `budget` (a budget inline).",
            "n",
            &n,
        )),
    }
}

/// A network read from the browser's record: the file and its scenario, and any
/// problem with the scenario in plain words (the scenario then starts from no change
/// for what could not be read; the schools are never dropped for it).
pub fn read_network_record(
    text: &str,
) -> Result<(NetworkFile, NetworkScenario, Vec<String>), Vec<String>> {
    let value: Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| vec![tr1("The saved network is not valid JSON: {e}.", "e", &e)])?;
    let file = network_of(&value)?;
    let (scenario, problems) = match value.get("scenario") {
        None | Some(Value::Null) => (NetworkScenario::default(), Vec::new()),
        Some(s) => scenario_of(s, file.schools.len()),
    };
    Ok((file, scenario, problems))
}

/// The largest enrollment change a network scenario holds (SPEC: −100% to +100%).
const CHANGE_BOUND: Decimal = Decimal::ONE;

/// A change read from JSON (a number or a string), within −1…1.
fn change_of(v: &Value) -> Result<Decimal, String> {
    let text = match v {
        Value::String(s) => s.as_str(),
        Value::Number(n) => n.as_str(),
        other => return Err(tr1("should be a fraction, got {got}", "got", &short(other))),
    };
    let d = parse_decimal(text).map_err(|e| e.reason(text))?;
    if d < Decimal::NEGATIVE_ONE || d > CHANGE_BOUND {
        return Err(tr1(
            "should be between -1 and 1 (−100% to +100%), got {text}",
            "text",
            &text,
        ));
    }
    Ok(d)
}

/// A network scenario as JSON; what does not read is left out with a problem.
fn scenario_of(v: &Value, schools: usize) -> (NetworkScenario, Vec<String>) {
    let mut out = NetworkScenario::default();
    let mut problems = Vec::new();
    let Value::Object(map) = v else {
        problems.push(tr1(
            "The saved network scenario is {got}, not an object; it starts again from no change.",
            "got",
            &short(v),
        ));
        return (out, problems);
    };
    if let Some(c) = map.get("change") {
        match change_of(c) {
            Ok(d) => out.change = d,
            Err(e) => problems.push(tr1("The network's enrollment change {e}.", "e", &e)),
        }
    }
    match map.get("overrides") {
        None | Some(Value::Null) => {}
        Some(Value::Object(o)) => {
            for (k, c) in o {
                let at = k.parse::<usize>().ok().filter(|i| *i < schools);
                let Some(at) = at else {
                    problems.push(tr1(
                        "A school's own change is for school \"{k}\", which the network does not have.",
                        "k",
                        &k.chars().take(20).collect::<String>(),
                    ));
                    continue;
                };
                match change_of(c) {
                    Ok(d) => out.set_override(at, Some(d)),
                    Err(e) => problems.push(trf(
                        "School {n}'s own enrollment change {e}.",
                        &[("n", &at.saturating_add(1)), ("e", &e)],
                    )),
                }
            }
        }
        Some(other) => problems.push(tr1(
            "The schools' own changes should be an object, got {got}.",
            "got",
            &short(other),
        )),
    }
    (out, problems)
}

/// The scenario's JSON: `{"change": "-0.05", "overrides": {"2": "0.03"}}`.
fn scenario_j(s: &NetworkScenario) -> J {
    let overrides = s
        .overridden()
        .map(|(i, c)| (i.to_string(), J::str(&c.to_string())))
        .collect();
    J::obj([
        ("change", J::str(&s.change.to_string())),
        ("overrides", J::Obj(overrides)),
    ])
}

fn school_j(s: &SchoolOut<'_>) -> J {
    match s {
        SchoolOut::Budget(doc) => J::obj([("budget", root(doc))]),
        SchoolOut::Src(src) => J::obj([("src", J::str(src))]),
        // Text that is not JSON (never made by this module) is kept as a string.
        SchoolOut::Kept(text) => match serde_json::from_str::<Value>(text) {
            Ok(v) => J::Raw(v.to_string()),
            Err(_) => J::obj([("kept", J::str(text))]),
        },
    }
}

fn network_j(name: &str, schools: &[SchoolOut<'_>], scenario: Option<&NetworkScenario>) -> J {
    let mut fields = vec![
        ("format", J::str(NETWORK_FORMAT)),
        ("name", J::str(name)),
        ("schools", J::Arr(schools.iter().map(school_j).collect())),
    ];
    if let Some(s) = scenario {
        fields.push(("scenario", scenario_j(s)));
    }
    J::obj(fields)
}

/// The network file to export: every budget inline, pretty like the budget export.
pub fn network_json(name: &str, schools: &[&Document]) -> String {
    let out: Vec<SchoolOut<'_>> = schools.iter().map(|d| SchoolOut::Budget(d)).collect();
    let mut text = network_j(name, &out, None).render();
    text.push('\n');
    text
}

/// The network file with every kind of school kept (budgets inline, `src` paths and
/// entries that did not read), and the scenario when given: the browser's record, or
/// an export that keeps failed schools.
pub fn network_text(
    name: &str,
    schools: &[SchoolOut<'_>],
    scenario: Option<&NetworkScenario>,
) -> String {
    let mut text = network_j(name, schools, scenario).render();
    text.push('\n');
    text
}

/// A school's `src` resolved against the network file's own path, as a browser resolves
/// a relative link: `nets/east.json` + `schools/a.json` → `nets/schools/a.json`; `./`
/// and `../` segments are folded (never above the root), `/x.json` is from the root, and
/// an address with a scheme or `//` is returned as given (the page's same-origin rule
/// then refuses it if it is elsewhere).
pub fn resolve_src(network_path: &str, src: &str) -> String {
    let src = src.trim();
    if src.starts_with("//") || has_scheme(src) {
        return src.to_owned();
    }
    // The network path without its query or fragment.
    let path = network_path
        .trim()
        .split(['?', '#'])
        .next()
        .unwrap_or_default();
    // An absolute URL keeps its `scheme://host` out of the folding.
    let (origin, path) = match path.find("://") {
        Some(at) if has_scheme(path) => {
            let after = at.saturating_add(3);
            let host_end = path
                .get(after..)
                .and_then(|rest| rest.find('/'))
                .map_or(path.len(), |p| after.saturating_add(p));
            (
                path.get(..host_end).unwrap_or_default(),
                path.get(host_end..).unwrap_or_default(),
            )
        }
        _ => ("", path),
    };
    // The src's own query or fragment stays as written.
    let split = src.find(['?', '#']).unwrap_or(src.len());
    let (src_path, tail) = (
        src.get(..split).unwrap_or_default(),
        src.get(split..).unwrap_or_default(),
    );
    let joined = if src_path.starts_with('/') {
        src_path.to_owned()
    } else {
        let dir = path
            .rfind('/')
            .map_or("", |i| path.get(..=i).unwrap_or_default());
        format!("{dir}{src_path}")
    };
    let rooted = joined.starts_with('/') || !origin.is_empty();
    let mut parts: Vec<&str> = Vec::new();
    let segments: Vec<&str> = joined.split('/').collect();
    let last = segments.len().saturating_sub(1);
    for (i, seg) in segments.iter().enumerate() {
        match *seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
        // A trailing `/`, `.` or `..` names a directory: keep the slash.
        if i == last && matches!(*seg, "" | "." | "..") && i > 0 && !parts.is_empty() {
            parts.push("");
        }
    }
    let body = parts.join("/");
    let lead = if rooted { "/" } else { "" };
    format!("{origin}{lead}{body}{tail}")
}

/// Whether a URL starts with a scheme (`https:`, `data:`).
fn has_scheme(url: &str) -> bool {
    let Some((scheme, _)) = url.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// The network table's columns in CSV and XLSX, as catalog keys: the exports write
/// them with `tr` in the language spoken.
pub const NETWORK_COLUMNS: [&str; 13] = [
    key("School"),
    key("Enrollment change"),
    key("Pupils"),
    key("Unduplicated share"),
    key("Allocation"),
    key("Allocation per pupil"),
    key("Restricted share"),
    key("Balance before cuts"),
    key("FTE cut"),
    key("Deficit after plan"),
    key("Flexibility index"),
    key("Tightest breakpoint (pupils)"),
    key("Problem"),
];

/// The flexibility index as the table exports write it: half up to 4 decimals (the
/// exact fraction can run to 28 digits, which a spreadsheet number cannot hold).
fn index4(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(4, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

/// A row's cells as plain decimals (empty for none), in [`NETWORK_COLUMNS`] order after
/// the school and its change, without the problem: pupils … breakpoint.
pub fn figure_cells(r: &SchoolRow) -> [Option<Decimal>; 10] {
    [
        Some(Decimal::from(r.pupils)),
        Some(r.unduplicated_share),
        Some(r.allocation),
        r.per_pupil,
        r.restricted_share,
        Some(r.balance),
        Some(r.cut_fte),
        Some(r.deficit),
        Some(index4(r.flex_index)),
        r.lose.map(Decimal::from),
    ]
}

/// The network table as CSV: one row per school in file order (a school that could not
/// be computed has its reason in "Problem"), then the total row over the others.
/// Numbers are plain decimals.
pub fn network_csv(rows: &[NetworkRow]) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut write = |cells: Vec<String>| {
        let _ = w.write_record(&cells);
    };
    write(NETWORK_COLUMNS.iter().map(|c| tr(c)).collect());
    let plain = |d: Option<Decimal>| d.map_or(String::new(), |d| d.normalize().to_string());
    for r in rows {
        let mut cells = vec![r.school.clone(), plain(Some(r.change))];
        match &r.row {
            Ok(row) => {
                cells.extend(figure_cells(row).into_iter().map(plain));
                cells.push(String::new());
            }
            Err(why) => {
                cells.extend(std::iter::repeat_n(String::new(), 10));
                cells.push(why.clone());
            }
        }
        write(cells);
    }
    let ok: Vec<&SchoolRow> = rows.iter().filter_map(|r| r.row.as_ref().ok()).collect();
    let t = network_total(&ok);
    let failed = rows.len().saturating_sub(ok.len());
    let mut cells = vec![tr(TOTAL), String::new()];
    cells.extend(total_cells(&t).into_iter().map(plain));
    cells.push(left_out(failed));
    write(cells);
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The total row's label (a catalog key: write it with `tr`).
pub const TOTAL: &str = key("Total");

/// The total's cells in the same order as [`figure_cells`].
pub fn total_cells(t: &crate::engine::NetworkTotal) -> [Option<Decimal>; 10] {
    [
        Some(Decimal::from(t.pupils)),
        t.unduplicated_share,
        Some(t.allocation),
        t.per_pupil,
        t.restricted_share,
        Some(t.balance),
        Some(t.cut_fte),
        Some(t.deficit),
        Some(index4(t.flex_index)),
        t.lose.map(Decimal::from),
    ]
}

/// "2 schools could not be computed and are left out of the total.", or empty.
pub fn left_out(failed: usize) -> String {
    if failed == 0 {
        return String::new();
    }
    trn(
        "1 school could not be computed and is left out of the total.",
        "{n} schools could not be computed and are left out of the total.",
        failed as u64,
        &[],
    )
}

/// A row as JSON for the file worker: figures as decimal strings, none as `null`.
pub fn row_value(r: &NetworkRow) -> Value {
    let mut m = Map::new();
    m.insert("school".into(), Value::String(r.school.clone()));
    m.insert("change".into(), Value::String(r.change.to_string()));
    match &r.row {
        Ok(row) => {
            let d = |d: Decimal| Value::String(d.to_string());
            let od = |d: Option<Decimal>| d.map_or(Value::Null, |d| Value::String(d.to_string()));
            let n = |n: u64| Value::String(n.to_string());
            let mut f = Map::new();
            f.insert("pupils".into(), n(row.pupils));
            f.insert("unduplicated".into(), n(row.unduplicated));
            f.insert("unduplicated_share".into(), d(row.unduplicated_share));
            f.insert("allocation".into(), d(row.allocation));
            f.insert("restricted_allocation".into(), d(row.restricted_allocation));
            f.insert("per_pupil".into(), od(row.per_pupil));
            f.insert("restricted_share".into(), od(row.restricted_share));
            f.insert("balance".into(), d(row.balance));
            f.insert("cut_fte".into(), d(row.cut_fte));
            f.insert("deficit".into(), d(row.deficit));
            f.insert("flexible".into(), d(row.flexible));
            f.insert("flex_index".into(), d(row.flex_index));
            f.insert("lose".into(), row.lose.map_or(Value::Null, n));
            m.insert("row".into(), Value::Object(f));
        }
        Err(why) => {
            m.insert("problem".into(), Value::String(why.clone()));
        }
    }
    Value::Object(m)
}

/// A row read back from [`row_value`]'s JSON, or why not.
pub fn read_row(v: &Value) -> Result<NetworkRow, String> {
    let Value::Object(m) = v else {
        return Err(tr("a school's row is not an object"));
    };
    let text = |m: &Map<String, Value>, k: &str| match m.get(k) {
        Some(Value::String(s)) => Ok(s.clone()),
        _ => Err(tr1("a school's `{k}` is missing", "k", &k)),
    };
    let dec = |m: &Map<String, Value>, k: &str| {
        let t = text(m, k)?;
        parse_decimal(&t).map_err(|e| {
            trf(
                "a school's `{k}` {reason}",
                &[("k", &k), ("reason", &e.reason(&t))],
            )
        })
    };
    let opt_dec = |m: &Map<String, Value>, k: &str| match m.get(k) {
        None | Some(Value::Null) => Ok(None),
        Some(_) => dec(m, k).map(Some),
    };
    let count = |m: &Map<String, Value>, k: &str| {
        text(m, k)?
            .parse::<u64>()
            .map_err(|_| tr1("a school's `{k}` is not a whole number", "k", &k))
    };
    let school = text(m, "school")?;
    let change = dec(m, "change")?;
    let row = match (m.get("row"), m.get("problem")) {
        (Some(Value::Object(f)), _) => Ok(SchoolRow {
            pupils: count(f, "pupils")?,
            unduplicated: count(f, "unduplicated")?,
            unduplicated_share: dec(f, "unduplicated_share")?,
            allocation: dec(f, "allocation")?,
            restricted_allocation: dec(f, "restricted_allocation")?,
            per_pupil: opt_dec(f, "per_pupil")?,
            restricted_share: opt_dec(f, "restricted_share")?,
            balance: dec(f, "balance")?,
            cut_fte: dec(f, "cut_fte")?,
            deficit: dec(f, "deficit")?,
            flexible: dec(f, "flexible")?,
            flex_index: dec(f, "flex_index")?,
            lose: match f.get("lose") {
                None | Some(Value::Null) => None,
                Some(_) => Some(count(f, "lose")?),
            },
        }),
        (_, Some(Value::String(p))) => Err(p.clone()),
        _ => return Err(tr("a school's row has neither figures nor a problem")),
    };
    Ok(NetworkRow {
        school,
        change,
        row,
    })
}
