//! Budget lines as CSV text: read into rows for [`import_rows`], and written back.
//!
//! Row numbers are the line in the file where the row starts (the header is row 1 when
//! the file starts with it), so they point at the right place even with blank lines in
//! between. A UTF-8 byte-order mark is ignored. The column rules are in [`super::line_rows`].

use super::line_rows::{line_cells, read_rows, Row, RowsRead};
use crate::model::Document;
use crate::model::{ImportError, Place, Problem};
use crate::util::i18n::tr1;

pub use super::line_rows::{COLUMNS, REQUIRED_COLUMNS};

/// Replaces the document's lines with the CSV's, validated against its sources and
/// norms; the document itself is never changed. Any bad row refuses the file.
pub fn import_lines_csv(doc: &Document, text: &str) -> Result<Document, ImportError> {
    let read = read_lines_csv(doc, text)?;
    if read.bad.is_empty() {
        Ok(read.doc)
    } else {
        Err(ImportError {
            problems: read.problems(),
        })
    }
}

/// Reads the CSV's rows into the document's lines, keeping the good rows and setting the
/// bad ones aside with their reasons, for a preview (see [`read_rows`]).
pub fn read_lines_csv(doc: &Document, text: &str) -> Result<RowsRead, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut lines_seen = LineCounter::new(text.as_bytes());
    let mut records = reader.records();
    let rows = std::iter::from_fn(move || {
        let record = match records.next()? {
            Ok(r) => r,
            Err(e) => {
                let row = e.position().map_or(0, |p| lines_seen.line_at(p.byte()));
                let reason = tr1("could not be read: {e}", "e", &e);
                return Some(Err(Problem::new(&Place::Row(row), "", reason)));
            }
        };
        let number = record
            .position()
            .map_or(0, |p| lines_seen.line_at(p.byte()));
        let cells = record.iter().map(String::from).collect();
        Some(Ok(Row { number, cells }))
    });
    read_rows(doc, rows)
}

/// Turns the byte offsets the `csv` crate gives into file line numbers.
///
/// The crate's own line numbers drift past blank lines and CRLF endings, and its
/// offsets point just after the previous row, before any blank lines.
struct LineCounter<'t> {
    text: &'t [u8],
    byte: usize,
    line: usize,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t [u8]) -> Self {
        LineCounter {
            text,
            byte: 0,
            line: 1,
        }
    }

    /// The line of the first character at or after `byte` that is not a line break.
    /// Offsets must not go backwards (rows come in order).
    fn line_at(&mut self, byte: u64) -> usize {
        let mut end = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        while matches!(self.text.get(end), Some(b'\r' | b'\n')) {
            end += 1;
        }
        let from = self.byte.min(end);
        let span = self.text.get(from..end).unwrap_or_default();
        for (i, b) in span.iter().enumerate() {
            let lone_cr = *b == b'\r' && span.get(i + 1) != Some(&b'\n');
            if *b == b'\n' || lone_cr {
                self.line += 1;
            }
        }
        self.byte = end;
        self.line
    }
}

/// Writes every line as CSV, columns in [`COLUMNS`] order, so that importing the text
/// into the same document gives it back.
pub fn lines_to_csv(doc: &Document) -> String {
    let mut out = COLUMNS.join(",");
    out.push('\n');
    for l in &doc.lines {
        let cells = line_cells(l);
        let quoted: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&quoted.join(","));
        out.push('\n');
    }
    out
}

/// A CSV cell, quoted when it holds a separator, quote or line break.
fn csv_cell(c: &str) -> String {
    if c.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", c.replace('"', "\"\""))
    } else {
        c.to_string()
    }
}
