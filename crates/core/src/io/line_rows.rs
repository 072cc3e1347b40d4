//! Budget lines as rows of cells (the CSV layout, also an XLSX sheet's): one row a line,
//! read against a document's sources and norms, and each line's cells for writing.
//!
//! The rules are SPEC "Lines as CSV": headers matched loosely and by the names a
//! spreadsheet user writes, only `title` and `unit_cost` or `amount` required, ids made
//! from titles, kinds inferred, funding by source id or name, bad rows set aside with
//! their reasons (see [`read_rows`]).
//!
//! Choices where the spec is silent:
//! - unknown or repeated columns are refused (a typo is named, with the closest column);
//!   empty header cells after the last named column are ignored;
//! - row numbers come with the rows (a CSV file's line, a sheet's row), blank rows skipped;
//! - cells are trimmed, except `title` and `notes`, kept as written; an empty `notes`
//!   cell means no notes, a blank `title` is an empty title (and an id made from it is
//!   `line`);
//! - `funding` with several sources needs a share on each: a fraction after `:`
//!   (`need:0.6`, or `need:60%`), a percent after a space (`Title I 40%`, `%` optional
//!   as in the editor);
//! - empty entries in `tags` (`a||b`, a trailing `|`) are ignored;
//! - position columns must be blank on an item row, and `amount` on a position row;
//! - a row whose `id` is `Total` with `kind` and `funding` blank is the total row an
//!   exported workbook puts under its lines (see [`is_total_row`]): it is skipped.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::fields::{closest, list_names};
use super::read::DEFAULT_FTE_STEP;
use crate::model::validate::{self, problems};
use crate::model::{Document, Funding, Line, LineKind, Position, Priority};
use crate::model::{ImportError, Place, Problem};
use crate::util::decimal::{parse_decimal, parse_money, quote};
use crate::util::i18n::{tr, tr1, trf};

/// Every column, in the order [`super::lines_to_csv`] writes them.
pub const COLUMNS: [&str; 14] = [
    "id",
    "kind",
    "title",
    "fte",
    "unit_cost",
    "amount",
    "funding",
    "priority",
    "vacant",
    "fte_step",
    "cut_rank",
    "norm",
    "tags",
    "notes",
];

/// The `id` cell of the total row under an exported workbook's lines.
pub const TOTAL_LABEL: &str = "Total";

/// Columns a header must have (besides `unit_cost` or `amount`).
pub const REQUIRED_COLUMNS: [&str; 1] = ["title"];

/// The header named in the message for an empty file.
const EXAMPLE_HEADER: &str = "title,fte,unit_cost,amount,funding";

/// Header names a spreadsheet user writes, normalized (see [`normalize`]), and the
/// column each stands for (SPEC "Lines as CSV").
const ALIASES: [(&str, &str); 17] = [
    ("name", "title"),
    ("position", "title"),
    ("description", "title"),
    ("line", "title"),
    ("salary", "unit_cost"),
    ("averagecost", "unit_cost"),
    ("costperfte", "unit_cost"),
    ("cost", "amount"),
    ("budget", "amount"),
    ("fundingsource", "funding"),
    ("fundingsources", "funding"),
    ("source", "funding"),
    ("sources", "funding"),
    ("fund", "funding"),
    ("fundedby", "funding"),
    ("positions", "fte"),
    ("fte", "fte"),
];

/// A header name without case, spaces, underscores, hyphens or punctuation.
fn normalize(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The column a header cell names, by its own name or an alias.
fn column_for(name: &str) -> Option<&'static str> {
    let n = normalize(name);
    COLUMNS
        .iter()
        .copied()
        .find(|c| normalize(c) == n)
        .or_else(|| ALIASES.iter().find(|(a, _)| *a == n).map(|(_, c)| *c))
}

/// An id made from a title: lowercase words joined by `-`, unique with `-2`, `-3`….
fn id_from_title(title: &str, taken: &BTreeSet<String>) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let base = if words.is_empty() {
        "line".to_owned()
    } else {
        words.join("-")
    };
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

const POSITION_COLUMNS: [&str; 5] = ["fte", "unit_cost", "fte_step", "vacant", "norm"];

/// One row of cells and where it is: its line in a CSV file, its row in a sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The row number shown in messages (the header is row 1 when it comes first).
    pub number: usize,
    /// The cells, as text.
    pub cells: Vec<String>,
}

/// A row that was left out of an import, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadRow {
    /// Its row number (as in [`Row::number`]).
    pub row: usize,
    /// Its `title` cell, so the user recognises it.
    pub title: String,
    /// Each problem with it, in the order found (each at `Place::Row(row)`).
    pub problems: Vec<Problem>,
}

/// Rows read against a document: the document with the good rows as its lines, and the
/// rows left out with their reasons.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowsRead {
    /// The document, its lines replaced by the good rows' (validated).
    pub doc: Document,
    /// The bad rows, in row order.
    pub bad: Vec<BadRow>,
}

impl RowsRead {
    /// Every problem of the bad rows, in row order.
    pub fn problems(&self) -> Vec<Problem> {
        self.bad.iter().flat_map(|b| b.problems.clone()).collect()
    }
}

/// Replaces the document's lines with the rows' (a header row, then one row a line),
/// validated against its sources and norms; the document itself is never changed.
///
/// Any bad row refuses the whole import: this is the all-or-nothing reading (for a
/// preview that may keep the good rows, see [`read_rows`]).
pub fn import_rows(
    doc: &Document,
    rows: impl IntoIterator<Item = Result<Row, Problem>>,
) -> Result<Document, ImportError> {
    let read = read_rows(doc, rows)?;
    if read.bad.is_empty() {
        Ok(read.doc)
    } else {
        Err(ImportError {
            problems: read.problems(),
        })
    }
}

/// Reads the rows (a header row, then one row a line) into the document's lines,
/// keeping the good rows and setting the bad ones aside with their problems.
///
/// Blank rows are skipped. The whole file is refused (`Err`) when the header is wrong,
/// a row could not be read at all (an `Err` item: reading stops there), the document
/// has problems of its own, or no row is good while some are bad. A header alone gives
/// no lines. CSV text and XLSX sheets both come through here.
pub fn read_rows(
    doc: &Document,
    rows: impl IntoIterator<Item = Result<Row, Problem>>,
) -> Result<RowsRead, ImportError> {
    let mut broken = None;
    let mut kept = Vec::new();
    for row in rows {
        match row {
            Ok(r) if r.cells.iter().all(|cell| cell.trim().is_empty()) => {}
            Ok(r) => kept.push(r),
            Err(p) => {
                broken = Some(p);
                break;
            }
        }
    }
    let mut kept = kept.into_iter();
    let header = match kept.next() {
        Some(first) => {
            let cells: Vec<&str> = first.cells.iter().map(String::as_str).collect();
            read_header(first.number, &cells).map_err(|problems| ImportError { problems })?
        }
        None => {
            let problem = broken.unwrap_or_else(|| {
                let reason = tr1(
                    "the file is empty: the first row must name the columns, such as {header}",
                    "header",
                    &EXAMPLE_HEADER,
                );
                Problem::new(&Place::Row(1), "", reason)
            });
            return Err(ImportError::one(problem));
        }
    };
    let rows: Vec<Row> = kept
        .filter(|r| {
            let cells: Vec<&str> = r.cells.iter().map(String::as_str).collect();
            !is_total_row(&header, &cells)
        })
        .collect();
    // Ids written in the file are taken before any is made from a title, so a made id
    // never clashes with one written further down.
    let mut taken: BTreeSet<String> = rows
        .iter()
        .filter_map(|r| {
            let cells: Vec<&str> = r.cells.iter().map(String::as_str).collect();
            header.cell(&cells, "id").map(str::trim).map(String::from)
        })
        .filter(|id| !id.is_empty())
        .collect();
    let mut good: Vec<(usize, Line)> = Vec::new();
    let mut bad = Vec::new();
    for row in &rows {
        let cells: Vec<&str> = row.cells.iter().map(String::as_str).collect();
        let mut found = Vec::new();
        match read_row(doc, &header, row.number, &cells, &mut taken, &mut found) {
            Some(line) if found.is_empty() => good.push((row.number, line)),
            _ => bad.push(BadRow {
                row: row.number,
                problems: in_column_order(found),
                title: header
                    .cell(&cells, "title")
                    .unwrap_or("")
                    .trim()
                    .to_string(),
            }),
        }
    }
    // Problems between lines (an id used twice, a norm followed twice) put the later
    // row aside; checking again until none is left, as each round drops a line.
    let mut next = doc.clone();
    loop {
        next.lines = good.iter().map(|(_, l)| l.clone()).collect();
        let place_line = |i: usize, _: &Line| Place::Row(good.get(i).map_or(0, |(n, _)| *n));
        let found = problems(&next, &place_line);
        if found.is_empty() {
            break;
        }
        if found.iter().any(|p| !matches!(p.place, Place::Row(_))) || broken.is_some() {
            // The document itself is wrong, or the file stopped short: refuse it all.
            let mut all: Vec<Problem> = bad.into_iter().flat_map(|b: BadRow| b.problems).collect();
            all.extend(found);
            all.extend(broken);
            sort_by_row(&mut all);
            return Err(ImportError { problems: all });
        }
        let mut still = Vec::with_capacity(good.len());
        for (number, line) in good {
            let mine: Vec<Problem> = found
                .iter()
                .filter(|p| p.place == Place::Row(number))
                .cloned()
                .collect();
            if mine.is_empty() {
                still.push((number, line));
            } else {
                bad.push(BadRow {
                    row: number,
                    title: line.title.trim().to_string(),
                    problems: mine,
                });
            }
        }
        good = still;
    }
    crate::util::sort::sort_by_key(&mut bad, |b| b.row);
    if let Some(p) = broken {
        let mut all: Vec<Problem> = bad.into_iter().flat_map(|b| b.problems).collect();
        all.push(p);
        return Err(ImportError { problems: all });
    }
    if good.is_empty() && !bad.is_empty() {
        // Nothing to import: refused as a whole, every reason listed.
        let all = bad.into_iter().flat_map(|b| b.problems).collect();
        return Err(ImportError { problems: all });
    }
    Ok(RowsRead { doc: next, bad })
}

/// One row's problems in the order of [`COLUMNS`] (the row's own problems first).
fn in_column_order(mut found: Vec<Problem>) -> Vec<Problem> {
    crate::util::sort::sort_by_key(&mut found, |p: &Problem| {
        COLUMNS
            .iter()
            .position(|c| *c == p.field)
            .map_or(0, |i| i + 1)
    });
    found
}

/// Row problems in file order; problems elsewhere in the document first.
fn sort_by_row(found: &mut Vec<Problem>) {
    crate::util::sort::sort_by_key(found, |p: &Problem| match p.place {
        Place::Row(n) => n,
        _ => 0,
    });
}

/// Which column each cell index holds.
struct Header {
    columns: Vec<&'static str>,
}

impl Header {
    fn cell<'c>(&self, cells: &[&'c str], column: &str) -> Option<&'c str> {
        let i = self.columns.iter().position(|c| *c == column)?;
        cells.get(i).copied()
    }
}

fn read_header(row: usize, cells: &[&str]) -> Result<Header, Vec<Problem>> {
    let place = Place::Row(row);
    let mut problems = Vec::new();
    let mut columns: Vec<&'static str> = Vec::with_capacity(cells.len());
    let mut written: Vec<&str> = Vec::with_capacity(cells.len());
    // A spreadsheet often saves empty cells after the last named column: not columns.
    let named = cells
        .iter()
        .rposition(|c| !c.trim().is_empty())
        .map_or(0, |i| i + 1);
    for cell in cells.iter().take(named) {
        let name = cell.trim();
        match column_for(name) {
            Some(c) => match columns.iter().position(|k| *k == c) {
                Some(first) => {
                    let reason = match written.get(first) {
                        Some(w) if !w.eq_ignore_ascii_case(name) => trf(
                            "appears twice in the header: `{w}` and `{name}` both mean `{c}`",
                            &[("w", w), ("name", &name), ("c", &c)],
                        ),
                        _ => tr("appears twice in the header"),
                    };
                    problems.push(Problem::new(&place, c, reason));
                }
                None => {
                    columns.push(c);
                    written.push(name);
                }
            },
            None if name.is_empty() => problems.push(Problem::new(
                &place,
                "",
                tr("the header has an empty column name"),
            )),
            None => {
                let lower = name.to_ascii_lowercase();
                let reason = match closest(&lower, &COLUMNS) {
                    Some(c) => tr1("is not a known column (did you mean `{c}`?)", "c", &c),
                    None => tr1(
                        "is not a known column; known columns are {names}",
                        "names",
                        &list_names(&COLUMNS),
                    ),
                };
                problems.push(Problem::new(&place, name, reason));
            }
        }
    }
    for c in REQUIRED_COLUMNS {
        if problems.is_empty() && !columns.contains(&c) {
            problems.push(Problem::new(&place, c, tr("is required in the header")));
        }
    }
    if problems.is_empty() && !columns.contains(&"unit_cost") && !columns.contains(&"amount") {
        problems.push(Problem::new(
            &place,
            "amount",
            tr("or `unit_cost` is required in the header: what each line costs"),
        ));
    }
    if problems.is_empty() {
        Ok(Header { columns })
    } else {
        Err(problems)
    }
}

/// Whether the row is a workbook's total row rather than a line: `Total` in `id`, and
/// neither `kind` nor `funding`, which every line has. Skipping it wherever it stands
/// lets a spreadsheet user add lines below it too.
fn is_total_row(h: &Header, cells: &[&str]) -> bool {
    let blank = |c: &str| h.cell(cells, c).is_none_or(|t| t.trim().is_empty());
    h.cell(cells, "id")
        .is_some_and(|id| id.trim().eq_ignore_ascii_case(TOTAL_LABEL))
        && blank("kind")
        && blank("funding")
}

/// Reads one row into a line, or records its problems and returns `None`.
fn read_row(
    doc: &Document,
    h: &Header,
    row: usize,
    cells: &[&str],
    taken: &mut BTreeSet<String>,
    out: &mut Vec<Problem>,
) -> Option<Line> {
    let place = Place::Row(row);
    let before = out.len();
    let extra = cells
        .iter()
        .skip(h.columns.len())
        .any(|c| !c.trim().is_empty());
    if extra {
        let reason = trf(
            "has {n} cells, but the header has {m}",
            &[("n", &cells.len()), ("m", &h.columns.len())],
        );
        out.push(Problem::new(&place, "", reason));
    }
    let raw = |c: &str| h.cell(cells, c).unwrap_or("");
    let get = |c: &str| Some(raw(c).trim()).filter(|t| !t.is_empty());
    let mut refuse = |c: &str, reason: String| out.push(Problem::new(&place, c, reason));

    let id = match get("id") {
        Some(id) => id.to_string(),
        None => {
            let made = id_from_title(raw("title").trim(), taken);
            taken.insert(made.clone());
            made
        }
    };
    // No kind: a row with a unit cost, FTE or norm is a position, else an item.
    let inferred = ["unit_cost", "fte", "norm"]
        .iter()
        .any(|c| get(c).is_some());
    let is_position = match get("kind").map(str::to_ascii_lowercase).as_deref() {
        Some("position") => Some(true),
        Some("item") => Some(false),
        Some(_) => {
            refuse(
                "kind",
                tr1(
                    "must be `position` or `item`, got {got}",
                    "got",
                    &quote(raw("kind").trim()),
                ),
            );
            None
        }
        None => Some(inferred),
    };
    let funding = match get("funding") {
        Some(text) => read_funding(doc, text)
            .map_err(|reason| refuse("funding", reason))
            .ok(),
        None => {
            refuse(
                "funding",
                tr1("is required: name the sources that pay, such as `gf` or `gf 60%, need 40%`; the sources are: {sources}", "sources", &valid_sources(doc)),
            );
            None
        }
    };
    let priority = match get("priority") {
        None => Some(Priority::Essential),
        Some(text) => {
            let p = Priority::parse(text);
            if p.is_none() {
                refuse(
                    "priority",
                    tr1(
                        "must be `protected`, `essential` or `flexible`, got {got}",
                        "got",
                        &quote(text),
                    ),
                );
            }
            p
        }
    };
    let cut_rank = match get("cut_rank") {
        None => Some(None),
        Some(text) => read_integer(text)
            .map(Some)
            .map_err(|reason| refuse("cut_rank", reason))
            .ok(),
    };
    let tags: Vec<String> = get("tags")
        .map(|t| {
            t.split('|')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(String::from)
                .collect()
        })
        .unwrap_or_default();
    let notes = Some(raw("notes"))
        .filter(|n| !n.is_empty())
        .map(String::from);

    let kind = match is_position {
        Some(true) => {
            if get("amount").is_some() {
                refuse(
                    "amount",
                    tr("must be blank for a position, which costs `fte` × `unit_cost`"),
                );
            }
            let fte = decimal_or(get("fte"), Decimal::ONE)
                .map_err(|r| refuse("fte", r))
                .ok();
            let unit_cost = match get("unit_cost") {
                None => Some(None),
                Some(t) => money(t).map(Some).map_err(|r| refuse("unit_cost", r)).ok(),
            };
            let fte_step = decimal_or(get("fte_step"), DEFAULT_FTE_STEP)
                .map_err(|r| refuse("fte_step", r))
                .ok();
            let vacant = read_bool(get("vacant"))
                .map_err(|r| refuse("vacant", r))
                .ok();
            let norm = get("norm").map(String::from);
            match (fte, unit_cost, fte_step, vacant) {
                (Some(fte), Some(unit_cost), Some(fte_step), Some(vacant)) => {
                    Some(LineKind::Position(Position {
                        fte,
                        unit_cost,
                        fte_step,
                        vacant,
                        norm,
                    }))
                }
                _ => None,
            }
        }
        Some(false) => {
            for c in POSITION_COLUMNS.into_iter().filter(|c| get(c).is_some()) {
                refuse(c, tr("must be blank for an item, which has only `amount`"));
            }
            match get("amount") {
                None => {
                    refuse("amount", tr("is required for an item"));
                    None
                }
                Some(t) => money(t)
                    .map(|amount| LineKind::Item { amount })
                    .map_err(|r| refuse("amount", r))
                    .ok(),
            }
        }
        None => None,
    };
    if out.len() > before {
        // Still say what is wrong with the funding, so one pass shows every problem.
        if let Some(funding) = &funding {
            let norm = get("norm").filter(|_| is_position == Some(true));
            validate::funding(doc, funding, norm, &place, validate::norm_source(doc), out);
        }
        return None;
    }
    Some(Line {
        id,
        title: raw("title").to_string(),
        kind: kind?,
        funding: funding?,
        priority: priority?,
        tags,
        cut_rank: cut_rank?,
        notes,
    })
}

/// A source named by its id or its name (any case), as its id.
fn source_id<'d>(doc: &'d Document, named: &str) -> Option<&'d str> {
    doc.sources
        .iter()
        .find(|s| s.id == named)
        .or_else(|| {
            doc.sources
                .iter()
                .find(|s| s.id.eq_ignore_ascii_case(named) || s.name.eq_ignore_ascii_case(named))
        })
        .map(|s| s.id.as_str())
}

/// `` `gf` General fund; `need` … ``: the sources a funding cell may name, by id and name.
fn valid_sources(doc: &Document) -> String {
    doc.sources
        .iter()
        .map(|s| format!("`{}` {}", s.id, s.name))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Splits `General fund 60%` into the name and its share as a fraction.
fn name_and_percent(part: &str) -> Option<(&str, Result<Decimal, String>)> {
    let (name, last) = part.rsplit_once(char::is_whitespace)?;
    let number = last.trim().strip_suffix('%').unwrap_or(last.trim());
    let pct = parse_decimal(number).ok()?;
    Some((
        name.trim(),
        pct.checked_div(Decimal::ONE_HUNDRED)
            .ok_or_else(|| tr1("share {got} is out of range", "got", &quote(last))),
    ))
}

/// Reads `gf`, `need:0.6|gf:0.4` or the editor's `General fund 60%, Title I 40%`,
/// sources by id or name; an unknown source is refused with the valid ones listed.
fn read_funding(doc: &Document, text: &str) -> Result<Vec<Funding>, String> {
    let parts: Vec<&str> = text.split(['|', ',']).map(str::trim).collect();
    let several = parts.len() > 1;
    let mut out = Vec::with_capacity(parts.len());
    for part in parts {
        if part.is_empty() {
            return Err(tr(
                "has an empty entry: write sources as `gf` or `need:0.6|gf:0.4`",
            ));
        }
        // A whole entry that names a source (even with spaces) is that source alone;
        // `need:0.6` is a fraction (or `need:60%`), `General fund 60%` a percent.
        let (source, share): (&str, Option<Decimal>) =
            match (source_id(doc, part), part.split_once(':')) {
                (Some(_), _) => (part, None),
                (None, Some((s, t))) => {
                    let t = t.trim();
                    let bad = |e: crate::util::decimal::DecimalError| {
                        trf(
                            "share of `{source}` {reason}",
                            &[("source", &s.trim()), ("reason", &e.reason(t))],
                        )
                    };
                    let share = match t.strip_suffix('%') {
                        Some(pct) => parse_decimal(pct.trim())
                            .map_err(bad)?
                            .checked_div(Decimal::ONE_HUNDRED),
                        None => Some(parse_decimal(t).map_err(bad)?),
                    };
                    (s.trim(), share)
                }
                (None, None) => match name_and_percent(part) {
                    Some((name, pct)) => (name, Some(pct?)),
                    None => (part, None),
                },
            };
        if source.is_empty() {
            return Err(tr1("entry {got} names no source", "got", &quote(part)));
        }
        let Some(id) = source_id(doc, source) else {
            return Err(trf(
                "source {got} does not exist; the sources are: {sources}",
                &[("got", &quote(source)), ("sources", &valid_sources(doc))],
            ));
        };
        let share = match share {
            Some(d) => d,
            None if several => return Err(tr1(
                "`{source}` needs a share when a line has several sources, such as `{source}:0.5`",
                "source",
                &source,
            )),
            None => Decimal::ONE,
        };
        out.push(Funding {
            source: id.to_string(),
            share,
        });
    }
    Ok(out)
}

fn decimal_or(cell: Option<&str>, default: Decimal) -> Result<Decimal, String> {
    match cell {
        None => Ok(default),
        Some(t) => parse_decimal(t).map_err(|e| e.reason(t)),
    }
}

fn money(t: &str) -> Result<Decimal, String> {
    parse_money(t).map_err(|e| e.reason(t))
}

fn read_integer(t: &str) -> Result<i64, String> {
    let d = parse_decimal(t).map_err(|e| e.reason(t))?;
    if !d.fract().is_zero() {
        return Err(tr1("must be a whole number, got {d}", "d", &d));
    }
    i64::try_from(d).map_err(|_| tr1("is too large, got {d}", "d", &d))
}

fn read_bool(cell: Option<&str>) -> Result<bool, String> {
    match cell.map(str::to_ascii_lowercase).as_deref() {
        None => Ok(false),
        Some("true" | "yes" | "1") => Ok(true),
        Some("false" | "no" | "0") => Ok(false),
        Some(_) => Err(tr1(
            "must be true, false, yes, no, 1 or 0, got {got}",
            "got",
            &quote(cell.unwrap_or_default()),
        )),
    }
}

/// A line's cells, in [`COLUMNS`] order, so that reading them into the same document
/// gives the line back.
pub(crate) fn line_cells(l: &Line) -> [String; 14] {
    let opt = |d: Option<Decimal>| d.map(|d| d.to_string()).unwrap_or_default();
    let (kind, fte, unit_cost, amount, vacant, fte_step, norm) = match &l.kind {
        LineKind::Position(p) => (
            "position",
            p.fte.to_string(),
            opt(p.unit_cost),
            String::new(),
            p.vacant.to_string(),
            p.fte_step.to_string(),
            p.norm.clone().unwrap_or_default(),
        ),
        LineKind::Item { amount } => (
            "item",
            String::new(),
            String::new(),
            amount.to_string(),
            String::new(),
            String::new(),
            String::new(),
        ),
    };
    let funding = match l.funding.as_slice() {
        [only] if only.share == Decimal::ONE => only.source.clone(),
        all => all
            .iter()
            .map(|f| format!("{}:{}", f.source, f.share))
            .collect::<Vec<_>>()
            .join("|"),
    };
    [
        l.id.clone(),
        kind.to_string(),
        l.title.clone(),
        fte,
        unit_cost,
        amount,
        funding,
        l.priority.as_str().to_string(),
        vacant,
        fte_step,
        l.cut_rank.map(|r| r.to_string()).unwrap_or_default(),
        norm,
        l.tags.join("|"),
        l.notes.clone().unwrap_or_default(),
    ]
}
