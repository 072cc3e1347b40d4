//! Lines from an XLSX workbook whose first sheet is laid out like the CSV of lines.
//!
//! Cells become the same text a CSV cell would hold and go through the one row-import
//! path ([`import_rows`]), so every rule and message is the CSV's; rows are the sheet's
//! row numbers. Numbers are stored in a workbook as decimal text and read as binary
//! floating point: each is written back as the shortest decimal text that reads as the
//! same float (Rust's `{}` for `f64`), so `0.1` comes back as `0.1` and `1234567.89` as
//! `1234567.89`, never as `0.1000000000000000055…`. A spreadsheet number holds 15
//! significant digits ([`SPREADSHEET_DIGITS`]), so anything past them is float noise (a
//! cell computed as `=0.1+0.2` holds `0.30000000000000004`) and is rounded away: any
//! decimal of at most 15 significant digits comes back as itself, to the cent and beyond.

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Seek};

use calamine::{DataRef, Reader, Xlsx};

use super::line_rows::{import_rows, Row};
use crate::model::Document;
use crate::model::{ImportError, Place, Problem};
use crate::util::decimal::parse_decimal;
use crate::util::i18n::{tr, tr1, trf};

/// Significant decimal digits a spreadsheet number holds (Excel keeps 15 of what is typed).
pub const SPREADSHEET_DIGITS: usize = 15;

/// Most rows read from a sheet: far above any school's budget lines.
const MAX_ROWS: usize = 20_000;
/// Cells kept per row; anything further right is kept as one extra cell, so the
/// "more cells than the header" refusal still fires.
const MAX_COLUMNS: usize = 64;
/// Largest total the archive may declare for its decompressed parts (a zip-bomb guard).
const MAX_UNPACKED: u64 = 256 * 1024 * 1024;

/// Replaces the document's lines with those of the workbook's first sheet, validated
/// against its sources and norms; the document itself is never changed.
pub fn import_lines_xlsx(doc: &Document, bytes: &[u8]) -> Result<Document, ImportError> {
    import_rows(doc, xlsx_rows(bytes)?.into_iter().map(Ok))
}

/// The non-empty rows of the workbook's first sheet as text cells, with their row numbers:
/// what [`import_rows`] reads (the file worker sends these to the page).
pub fn xlsx_rows(bytes: &[u8]) -> Result<Vec<Row>, ImportError> {
    let refuse = |reason: String| ImportError::one(Problem::new(&Place::Document, "", reason));
    check_archive(Cursor::new(bytes)).map_err(refuse)?;
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        refuse(tr1(
            "the file is not a readable XLSX workbook: {e}",
            "e",
            &e,
        ))
    })?;
    let first = book
        .sheet_names()
        .into_iter()
        .next()
        .ok_or_else(|| refuse(tr("the workbook has no sheet")))?;
    sheet_rows(&mut book, &first).map_err(refuse)
}

/// Refuses archives that say they unpack to more than [`MAX_UNPACKED`].
fn check_archive(reader: impl Read + Seek) -> Result<(), String> {
    let mut archive = zip::ZipArchive::new(reader).map_err(|e| {
        tr1(
            "the file is not an XLSX workbook (not a ZIP archive: {e})",
            "e",
            &e,
        )
    })?;
    let mut declared: u64 = 0;
    for i in 0..archive.len() {
        let size = archive.by_index_raw(i).map_or(0, |f| f.size());
        declared = declared.saturating_add(size);
    }
    if declared > MAX_UNPACKED {
        return Err(tr(
            "the workbook is too large to open (over 256 MB unpacked)",
        ));
    }
    Ok(())
}

/// The sheet's non-empty rows, in row order, each with its 1-based row number.
fn sheet_rows<RS: Read + Seek>(book: &mut Xlsx<RS>, sheet: &str) -> Result<Vec<Row>, String> {
    let mut cells = book.worksheet_cells_reader(sheet).map_err(|e| {
        trf(
            "the sheet `{sheet}` could not be read: {e}",
            &[("sheet", &sheet), ("e", &e)],
        )
    })?;
    let mut rows: BTreeMap<u32, BTreeMap<usize, String>> = BTreeMap::new();
    loop {
        let cell = match cells.next_cell() {
            Ok(Some(c)) => c,
            Ok(None) => break,
            Err(e) => {
                return Err(trf(
                    "the sheet `{sheet}` is damaged: {e}",
                    &[("sheet", &sheet), ("e", &e)],
                ))
            }
        };
        let text = cell_text(cell.get_value());
        if text.is_empty() {
            continue;
        }
        let (row, col) = cell.get_position();
        let col = usize::try_from(col).map_or(MAX_COLUMNS, |c| c.min(MAX_COLUMNS));
        if !rows.contains_key(&row) && rows.len() >= MAX_ROWS {
            return Err(trf(
                "the sheet `{sheet}` has more than {max} rows; a budget has far fewer lines",
                &[("sheet", &sheet), ("max", &MAX_ROWS)],
            ));
        }
        rows.entry(row).or_default().insert(col, text);
    }
    Ok(rows
        .into_iter()
        .map(|(row, by_col)| {
            let width = by_col.keys().next_back().map_or(0, |c| c + 1);
            let mut cells = vec![String::new(); width];
            for (c, text) in by_col {
                if let Some(slot) = cells.get_mut(c) {
                    *slot = text;
                }
            }
            Row {
                number: usize::try_from(row).map_or(usize::MAX, |r| r.saturating_add(1)),
                cells,
            }
        })
        .collect())
}

/// A cell as the text a CSV cell would hold.
pub(crate) fn cell_text(value: &DataRef<'_>) -> String {
    match value {
        DataRef::Empty => String::new(),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => float_text(*f),
        DataRef::Bool(b) => b.to_string(),
        // A date typed into a number column reads as its serial number, as Excel shows it.
        DataRef::DateTime(d) => float_text(d.as_f64()),
        DataRef::Error(e) => e.to_string(),
    }
}

/// The shortest decimal text that reads back as `f`, rounded to [`SPREADSHEET_DIGITS`]
/// significant digits; `-0` is `0`.
pub(crate) fn float_text(f: f64) -> String {
    if f == 0.0 {
        return "0".into();
    }
    let shortest = f.to_string();
    let digits = shortest
        .bytes()
        .filter(u8::is_ascii_digit)
        .skip_while(|b| *b == b'0')
        .count();
    if digits <= SPREADSHEET_DIGITS {
        return shortest;
    }
    // `{:.14e}` rounds to 15 significant digits; the decimal drops trailing zeros.
    // Beyond what a decimal holds (far past any budget figure) the text stays as is.
    let rounded = format!("{f:.prec$e}", prec = SPREADSHEET_DIGITS - 1);
    parse_decimal(&rounded).map_or(shortest, |d| d.normalize().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_come_back_as_typed() {
        for (f, text) in [
            (0.1, "0.1"),
            (1234567.89, "1234567.89"),
            (118000.0, "118000"),
            (0.86, "0.86"),
            (-46550.5, "-46550.5"),
            // Float noise past 15 significant digits is rounded away.
            (0.1 + 0.2, "0.3"),
            (9500.0 * 1.1, "10450"),
            (-(0.1 + 0.2), "-0.3"),
            // One step of the float away from 21750.4 (its text is 21750.400000000005).
            (f64::from_bits(21750.4f64.to_bits() + 1), "21750.4"),
            (1.0 / 3.0, "0.333333333333333"),
            (-0.0, "0"),
            (1e21, "1000000000000000000000"),
            (2.5e-7, "0.00000025"),
        ] {
            assert_eq!(float_text(f), text);
        }
    }

    #[test]
    fn every_decimal_of_fifteen_digits_comes_back_as_itself() {
        // The figures of the issue, and the edges of what a budget holds.
        for text in [
            "21750.4",
            "0.1",
            "1234567.89",
            "999999999999.99",
            "0.01",
            "-46550.5",
            "123456789012345",
            "0.000000000000001",
        ] {
            let d = parse_decimal(text).unwrap();
            let f: f64 = text.parse().unwrap();
            assert_eq!(float_text(f), d.normalize().to_string(), "{text}");
        }
        // Random decimals of 1 to 15 significant digits at every scale up to 10.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let digits = (x % 15 + 1) as u32;
            let mantissa = (x >> 8) % 10u64.pow(digits);
            let scale = ((x >> 4) % 11) as u32;
            let d = rust_decimal::Decimal::from_i128_with_scale(i128::from(mantissa), scale);
            let f: f64 = d.to_string().parse().unwrap();
            assert_eq!(float_text(f), d.normalize().to_string(), "{d}");
        }
    }

    #[test]
    fn every_float_gives_fifteen_digits_at_most_and_stays_close() {
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..10_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let f = f64::from_bits(x);
            if !f.is_finite() {
                continue;
            }
            let text = float_text(f);
            let Some(d) = parse_decimal(&text).ok() else {
                // Past what a decimal holds: the shortest text, unchanged.
                assert_eq!(text.parse::<f64>().ok(), Some(f), "{f:e}");
                continue;
            };
            let digits = d.normalize().mantissa().unsigned_abs().to_string();
            let digits = digits.trim_end_matches('0').len();
            assert!(digits <= SPREADSHEET_DIGITS, "{f:e} gave {text}");
            let back: f64 = text.parse().unwrap();
            assert!((back - f).abs() <= f.abs() * 1e-14, "{f:e} gave {text}");
        }
    }

    #[test]
    fn not_a_workbook_is_refused_in_plain_words() {
        let doc = crate::io::sample::sample_document();
        let err = import_lines_xlsx(&doc, b"id,kind\n").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("document: the file is not an XLSX workbook"),
            "{err}"
        );
    }
}
