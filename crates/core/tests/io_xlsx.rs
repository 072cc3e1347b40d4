//! XLSX: the workbook's sheets, exact round trips of lines, and refusals with row and column.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use rust_decimal::Decimal;
use sitebudget_core::app::budget_workbook;
use sitebudget_core::engine::{EnrollmentInput, Scenario};
use sitebudget_core::io::sample::sample_document;
use sitebudget_core::io::{import_lines_xlsx, parse_document, to_json};
use sitebudget_core::model::LineKind;

fn d(s: &str) -> Decimal {
    s.parse().unwrap_or_default()
}

fn minus_ten() -> Scenario {
    Scenario {
        enrollment: EnrollmentInput::Change(d("-0.10")),
        ..Scenario::default()
    }
}

/// Every sheet as rows of display text.
fn sheets(bytes: &[u8]) -> Vec<(String, Vec<Vec<String>>)> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).unwrap();
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            let rows = range
                .rows()
                .map(|r| r.iter().map(Data::to_string).collect())
                .collect();
            (name, rows)
        })
        .collect()
}

#[test]
fn the_sample_round_trips_through_the_lines_sheet() {
    let doc = sample_document();
    let bytes = budget_workbook(&doc, &minus_ten(), "Ten percent fewer").unwrap();
    let back = import_lines_xlsx(&doc, &bytes).unwrap();
    assert_eq!(back, doc);
    assert_eq!(to_json(&back), to_json(&doc));
    // Importing into another budget takes the lines only.
    let mut other = doc.clone();
    other.lines.truncate(2);
    assert_eq!(import_lines_xlsx(&other, &bytes), Ok(doc));
}

#[test]
fn the_workbook_has_lines_comparison_and_cut_plan() {
    let doc = sample_document();
    let bytes = budget_workbook(&doc, &minus_ten(), "Ten percent fewer").unwrap();
    let sheets = sheets(&bytes);
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Lines", "Comparison", "Cut plan"]);

    let lines = &sheets[0].1;
    assert_eq!(lines[0][..4], ["id", "kind", "title", "fte"]);
    assert_eq!(lines.len(), doc.lines.len() + 1);

    // Hand-computed in tests/scenario_sample.rs: −10% leaves the school 46,550 short before
    // cuts (general fund +3,800, need −38,200, Title I −16,050).
    let comparison = &sheets[1].1;
    let row = |name: &str| {
        comparison
            .iter()
            .find(|r| r.first().map(String::as_str) == Some(name))
            .cloned()
            .unwrap_or_else(|| panic!("no row {name}"))
    };
    assert_eq!(row("Whole school")[7], "-46550");
    assert_eq!(row(doc.source_name("gf"))[7], "3800");
    assert_eq!(row(doc.source_name("need"))[7], "-38200");
    assert_eq!(row(doc.source_name("title1"))[7], "-16050");

    let plan = &sheets[2].1;
    let cut = |id: &str| {
        plan.iter()
            .find(|r| r.get(1).map(String::as_str) == Some(id))
            .cloned()
    };
    let ta = cut("ta-k1").expect("the K-1 assistant is cut");
    assert!(ta[0].contains("frees $42,000"), "{:?}", ta[0]);
    assert_eq!(ta[2..5], ["1", "0", "42000"]);
    assert_eq!(
        cut("teach-tk3").map(|r| r[2..4].to_vec()),
        Some(vec!["14".into(), "12".into()])
    );
    assert!(plan
        .iter()
        .any(|r| r.first().map(String::as_str) == Some("None.")));
}

#[test]
fn figures_come_back_exactly_even_those_a_float_cannot_hold() {
    let mut doc = sample_document();
    let exact = [
        "0.1",
        "1234567.89",
        "0.20",
        "1500.10",
        "999999999999.99",
        "100.00",
    ];
    let mut amounts = exact.iter();
    for line in &mut doc.lines {
        if let LineKind::Item { amount } = &mut line.kind {
            if let Some(a) = amounts.next() {
                *amount = d(a);
            }
        }
    }
    assert!(amounts.next().is_none(), "the sample has enough items");
    let bytes = budget_workbook(&doc, &Scenario::default(), "x").unwrap();
    let back = import_lines_xlsx(&doc, &bytes).unwrap();
    let written: Vec<String> = back
        .lines
        .iter()
        .filter_map(|l| match l.kind {
            LineKind::Item { amount } => Some(amount.to_string()),
            LineKind::Position(_) => None,
        })
        .take(exact.len())
        .collect();
    assert_eq!(written, exact);
    assert_eq!(parse_document(&to_json(&back)), Ok(doc));
}

#[test]
fn a_bad_row_is_refused_with_its_row_and_column() {
    let doc = sample_document();
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (c, h) in ["id", "kind", "title", "amount", "funding"]
        .iter()
        .enumerate()
    {
        ws.write_string(1, c as u16, *h).unwrap();
    }
    let good = ["paper", "item", "Paper", "", "gf"];
    for (c, v) in good.iter().enumerate() {
        ws.write_string(2, c as u16, *v).unwrap();
    }
    ws.write_number(2, 3, 1500.25).unwrap();
    let bad = ["books", "item", "Books", "", "nowhere"];
    for (c, v) in bad.iter().enumerate() {
        ws.write_string(4, c as u16, *v).unwrap();
    }
    ws.write_number(4, 3, 0.1).unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let err = import_lines_xlsx(&doc, &bytes).unwrap_err().to_string();
    // Sheet rows 2 (header), 3 and 5, with a blank row 4 in between.
    assert!(err.starts_with("row 5, column `funding`:"), "{err}");
    assert!(err.contains("nowhere"), "{err}");
    assert!(!err.contains("row 3"), "{err}");
}
