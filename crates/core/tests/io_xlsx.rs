//! XLSX: the workbook's sheets, exact round trips of lines, and refusals with row and column.

use std::io::Cursor;

use calamine::{Data, Range, Reader, Xlsx};
use rust_decimal::Decimal;
use sitebudget_core::app::budget_workbook;
use sitebudget_core::engine::{evaluate, EnrollmentInput, Scenario};
use sitebudget_core::io::sample::sample_document;
use sitebudget_core::io::{
    import_lines_csv, import_lines_xlsx, lines_to_csv, parse_document, to_json,
};
use sitebudget_core::model::{Document, LineKind};

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
    // The header, the lines, and the total row under them.
    assert_eq!(lines.len(), doc.lines.len() + 2);
    assert_eq!(lines[doc.lines.len() + 1][0], "Total");

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
    // A norm reduction frees nothing: the norm allocation falls by 2 × 118,000 = 236,000 too.
    let tk3 = cut("teach-tk3").unwrap();
    assert!(!tk3[0].contains("frees"), "{:?}", tk3[0]);
    assert_eq!(tk3[4], "0");
    assert!(
        tk3[5].contains("$236,000 less") && tk3[5].contains("norm allocation falls"),
        "{:?}",
        tk3[5]
    );
    assert!(plan
        .iter()
        .any(|r| r.first().map(String::as_str) == Some("None.")));
}

/// The sample with its first items' amounts replaced by `amounts`.
fn with_amounts(amounts: &[&str]) -> Document {
    let mut doc = sample_document();
    let mut next = amounts.iter();
    for line in &mut doc.lines {
        if let LineKind::Item { amount } = &mut line.kind {
            if let Some(a) = next.next() {
                *amount = d(a);
            }
        }
    }
    assert!(next.next().is_none(), "the sample has enough items");
    doc
}

fn item_amounts(doc: &Document) -> Vec<Decimal> {
    doc.lines
        .iter()
        .filter_map(|l| match l.kind {
            LineKind::Item { amount } => Some(amount),
            LineKind::Position(_) => None,
        })
        .collect()
}

#[test]
fn figures_come_back_exactly_to_the_cent_and_past_fifteen_digits_as_text() {
    let exact = [
        "21750.40",
        "0.1",
        "1234567.89",
        "999999999999.99",
        "0.20",
        "1500.10",
        "100.00",
    ];
    let mut doc = with_amounts(&exact);
    // 16 significant digits: more than a spreadsheet number holds, so the cell is text.
    let long_fte = "0.3333333333333333";
    let position = doc
        .lines
        .iter_mut()
        .find_map(|l| match &mut l.kind {
            LineKind::Position(p) => Some(p),
            LineKind::Item { .. } => None,
        })
        .expect("the sample has a position");
    position.fte = d(long_fte);
    let bytes = budget_workbook(&doc, &Scenario::default(), "x").unwrap();
    let back = import_lines_xlsx(&doc, &bytes).unwrap();
    // Same values (Decimal equality is by value: 0.20 == 0.2); the trailing zeros were
    // the format's, a number cell keeps none.
    assert_eq!(item_amounts(&back), item_amounts(&doc));
    let texts: Vec<String> = item_amounts(&back)
        .iter()
        .take(exact.len())
        .map(Decimal::to_string)
        .collect();
    assert_eq!(
        texts,
        [
            "21750.4",
            "0.1",
            "1234567.89",
            "999999999999.99",
            "0.2",
            "1500.1",
            "100"
        ]
    );
    assert_eq!(back, doc);
    let fte = back.lines.iter().find_map(|l| match &l.kind {
        LineKind::Position(p) => Some(p.fte.to_string()),
        LineKind::Item { .. } => None,
    });
    assert_eq!(fte.as_deref(), Some(long_fte));
    assert_eq!(parse_document(&to_json(&back)), Ok(doc));
}

/// The first sheet's cells, as calamine reads them.
fn range(bytes: &[u8], sheet: &str) -> (Range<Data>, Range<String>) {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).unwrap();
    let values = book.worksheet_range(sheet).unwrap();
    let formulas = book.worksheet_formula(sheet).unwrap();
    (values, formulas)
}

/// A number cell's value as the decimal it was written from (its shortest text).
fn number(cell: Option<&Data>) -> Decimal {
    match cell {
        Some(Data::Float(f)) => d(&f.to_string()),
        Some(Data::Int(i)) => Decimal::from(*i),
        other => panic!("not a number cell: {other:?}"),
    }
}

#[test]
fn every_figure_of_the_lines_is_a_number_cell() {
    let doc = with_amounts(&["9500", "21750.40", "6800", "7340", "12000"]);
    let bytes = budget_workbook(&doc, &Scenario::default(), "x").unwrap();
    let (cells, _) = range(&bytes, "Lines");
    let header: Vec<String> = cells
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(Data::to_string)
        .collect();
    let mut figures = 0;
    for row in cells.rows().skip(1) {
        for (name, cell) in header.iter().zip(row) {
            if ["fte", "unit_cost", "amount", "fte_step", "cut_rank"].contains(&name.as_str())
                && *cell != Data::Empty
            {
                assert!(matches!(cell, Data::Float(_)), "{name}: {cell:?}");
                figures += 1;
            }
        }
    }
    // 33 lines: every one has an amount or an FTE, a step and a unit cost (or the norm's).
    assert!(figures > 33, "{figures}");
    // The cell: $21,750.40 is the number 21750.4, shown with cents by its format.
    let amount = cells
        .rows()
        .find(|r| r.get(5) == Some(&Data::Float(21750.4)));
    assert!(amount.is_some(), "21750.40 is a number cell");
}

#[test]
fn the_lines_total_row_sums_fte_and_amounts_with_the_sum_cached() {
    let doc = with_amounts(&["9500", "21750.40", "6800", "7340", "12000"]);
    let bytes = budget_workbook(&doc, &Scenario::default(), "x").unwrap();
    let (cells, formulas) = range(&bytes, "Lines");
    let n = doc.lines.len();
    let total = u32::try_from(n + 1).unwrap();
    assert_eq!(
        cells.get_value((total, 0)),
        Some(&Data::String("Total".into()))
    );
    let formula = |c: u32| formulas.get_value((total, c)).cloned().unwrap_or_default();
    let last = n + 1;
    assert_eq!(formula(3), format!("SUM(D2:D{last})"));
    assert_eq!(formula(5), format!("SUM(F2:F{last})"));
    // Cached results: what the spreadsheet computes over the number cells above.
    let column_sum = |c: u32| {
        (1..total)
            .filter_map(|r| match cells.get_value((r, c)) {
                Some(Data::Empty) | None => None,
                cell => Some(number(cell)),
            })
            .sum::<Decimal>()
    };
    let amounts: Decimal = item_amounts(&doc).iter().sum();
    assert_eq!(number(cells.get_value((total, 5))), amounts);
    assert_eq!(column_sum(5), amounts);
    assert_eq!(number(cells.get_value((total, 3))), column_sum(3));
    // Hand check of the five replaced items: 9,500 + 21,750.40 + 6,800 + 7,340 + 12,000
    // = 57,390.40, and the sample's other items are unchanged.
    let others: Decimal = item_amounts(&sample_document()).iter().skip(5).sum();
    assert_eq!(amounts - others, d("57390.40"));
}

#[test]
fn totals_and_changes_of_the_comparison_are_formulas_caching_the_engine_figures() {
    let doc = sample_document();
    let eval = evaluate(&doc, &minus_ten()).unwrap();
    let bytes = budget_workbook(&doc, &minus_ten(), "Ten percent fewer").unwrap();
    let (cells, formulas) = range(&bytes, "Comparison");
    let sources = u32::try_from(eval.source_diffs.len()).unwrap();
    // Header on row 3; sources on rows 4..; the whole school right under them.
    let (first, whole) = (4, 4 + sources);
    let f = |r: u32, c: u32| formulas.get_value((r - 1, c)).cloned().unwrap_or_default();
    let v = |r: u32, c: u32| number(cells.get_value((r - 1, c)));
    for r in first..whole {
        assert_eq!(f(r, 3), format!("C{r}-B{r}"));
        assert_eq!(f(r, 8), format!("H{r}-G{r}"));
        let diff = &eval.source_diffs[(r - first) as usize];
        assert_eq!(v(r, 3), diff.allocation_change());
        assert_eq!(v(r, 8), diff.balance_change());
        assert_eq!(v(r, 3), v(r, 2) - v(r, 1));
    }
    let last = whole - 1;
    for (c, letter) in [(1, 'B'), (2, 'C'), (4, 'E'), (5, 'F'), (6, 'G'), (7, 'H')] {
        assert_eq!(f(whole, c), format!("SUM({letter}{first}:{letter}{last})"));
        // The cached total is the sum of the cells it covers.
        let sum: Decimal = (first..whole).map(|r| v(r, c)).sum();
        assert_eq!(v(whole, c), sum, "column {letter}");
    }
    let (b, s) = (&eval.baseline, &eval.scenario);
    assert_eq!(
        cells.get_value((whole - 1, 0)),
        Some(&Data::String("Whole school".into()))
    );
    assert_eq!(v(whole, 1), b.total_allocation);
    assert_eq!(v(whole, 2), s.total_allocation);
    assert_eq!(v(whole, 4), b.total_cost);
    assert_eq!(v(whole, 5), s.total_cost);
    assert_eq!(v(whole, 6), b.balance);
    assert_eq!(v(whole, 7), s.balance);
    assert_eq!(f(whole, 3), format!("C{whole}-B{whole}"));
    assert_eq!(f(whole, 8), format!("H{whole}-G{whole}"));
    // −10% leaves the school 46,550 short before cuts (tests/scenario_sample.rs).
    assert_eq!(v(whole, 7), d("-46550"));
    assert_eq!(v(whole, 8), s.balance - b.balance);

    // Lines that change: Change = cost in scenario − cost today, as a formula.
    let changed = eval.changed_lines().count();
    assert!(changed > 0);
    let heading = (0..cells.height() as u32)
        .find(|r| cells.get_value((*r, 0)) == Some(&Data::String("Line".into())))
        .expect("the lines table")
        + 1;
    for (i, diff) in eval.changed_lines().enumerate() {
        let r = heading + 1 + u32::try_from(i).unwrap();
        assert_eq!(f(r, 6), format!("F{r}-E{r}"));
        assert_eq!(v(r, 6), diff.cost_change());
    }
}

#[test]
fn import_skips_the_total_row_wherever_it_stands_and_only_it() {
    let doc = sample_document();
    let bytes = budget_workbook(&doc, &Scenario::default(), "x").unwrap();
    assert_eq!(import_lines_xlsx(&doc, &bytes), Ok(doc.clone()));
    // The same sheet saved as CSV by a spreadsheet: the total row holds computed values.
    let csv = lines_to_csv(&doc);
    let total = "Total,,,45.5,,157390.4,,,,,,,,\n";
    let at_end = format!("{csv}{total}");
    assert_eq!(import_lines_csv(&doc, &at_end), Ok(doc.clone()));
    // A user who added a line below the total row keeps it.
    let below = format!("{csv}{total}paper2,item,Paper,,,12.50,gf,,,,,,,\n");
    let back = import_lines_csv(&doc, &below).unwrap();
    assert_eq!(back.lines.len(), doc.lines.len() + 1);
    // A row named Total that is a line (it has a kind and funding) is imported as one.
    let line = format!("{csv}total,item,Total,,,5,gf,,,,,,,\n");
    let back = import_lines_csv(&doc, &line).unwrap();
    assert_eq!(back.lines.last().map(|l| l.id.as_str()), Some("total"));
    // A `Total` row with a kind but no funding is a line with a problem, not skipped.
    let half = format!("{csv}Total,item,,,,5,,,,,,,,\n");
    let err = import_lines_csv(&doc, &half).unwrap_err().to_string();
    assert!(err.contains("column `funding`: is required"), "{err}");
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

#[test]
fn two_compared_scenarios_go_side_by_side() {
    use sitebudget_core::app::compared_workbook;
    use sitebudget_core::engine::LineEdit;
    use sitebudget_core::model::Priority;
    let doc = sample_document();
    let mut protected = minus_ten();
    let mut ta = doc.lines.iter().find(|l| l.id == "ta-k1").unwrap().clone();
    ta.priority = Priority::Protected;
    protected.line_edits.push(LineEdit::Replace(ta));
    let five = Scenario {
        enrollment: EnrollmentInput::Change(d("-0.05")),
        ..Scenario::default()
    };
    let bytes =
        compared_workbook(&doc, &protected, "Minus ten", Some((&five, "Minus five"))).unwrap();
    let sheets = sheets(&bytes);
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Lines", "Comparison", "Cut plan", "Two scenarios"]);
    let two = &sheets[3].1;
    assert_eq!(two[2], ["Figure", "Minus ten", "Minus five", "Difference"]);
    let row = |name: &str| two.iter().find(|r| r[0] == name).cloned().unwrap();
    // −10%: 403 pupils, allocation 3,104,250 (tests/scenario_sample.rs); −5%: 448 × 0.95
    // per grade half up = 38+65+67+68+65+63+61 = 427 pupils.
    assert_eq!(row("Students")[1..], ["403", "427", "24"]);
    assert_eq!(row("Total allocation")[1], "3104250");
    let a = evaluate(&doc, &protected).unwrap();
    let b = evaluate(&doc, &five).unwrap();
    assert_eq!(
        row("Balance after cuts")[1..3],
        [
            a.after.balance.normalize().to_string(),
            b.after.balance.normalize().to_string()
        ]
    );
    let edits = two
        .iter()
        .find(|r| r[0] == "Line changes in the scenario")
        .unwrap();
    assert_eq!(
        edits[1],
        "Teacher assistant, K-1: protected (budget: flexible)"
    );
    assert_eq!(edits[2], "none");
    // Without a comparison the workbook is as before.
    let plain = sheets_of(&doc);
    assert_eq!(plain, ["Lines", "Comparison", "Cut plan"]);
}

fn sheets_of(doc: &Document) -> Vec<String> {
    sheets(&budget_workbook(doc, &minus_ten(), "x").unwrap())
        .into_iter()
        .map(|(n, _)| n)
        .collect()
}

#[test]
fn the_template_workbook_is_the_samples_lines_alone_and_reads_back() {
    let sample = sample_document();
    let bytes = sitebudget_core::app::lines_workbook(&sample).expect("written");
    let names: Vec<String> = sheets(&bytes).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["Lines"]);
    assert_eq!(import_lines_xlsx(&sample, &bytes), Ok(sample.clone()));
    // The CSV template is the same lines.
    assert_eq!(
        import_lines_csv(&sample, &lines_to_csv(&sample)),
        Ok(sample)
    );
}

#[test]
fn a_sheet_with_a_bad_row_keeps_its_good_rows_for_the_preview() {
    use sitebudget_core::io::line_rows::read_rows;
    use sitebudget_core::io::xlsx_rows;
    let sample = sample_document();
    let mut doc = sample.clone();
    doc.lines[3].funding[0].source = "nowhere".into();
    // Written as is (the writer does not validate), then read against the sample.
    let bytes = sitebudget_core::app::lines_workbook(&doc).expect("written");
    let rows = xlsx_rows(&bytes).expect("rows");
    let read = read_rows(&sample, rows.into_iter().map(Ok)).expect("good rows");
    // Line 4 is sheet row 5 (the header is row 1).
    assert_eq!(read.bad.len(), 1);
    assert_eq!(read.bad[0].row, 5);
    assert_eq!(read.doc.lines.len(), sample.lines.len() - 1);
}

#[test]
fn norm_day_gets_its_own_sheet() {
    let doc = sample_document();
    // 300 of 318 TK-3 pupils counted (18 no-shows in K): ceil(300 / 24 = 12.5) = 13 teachers,
    // one fewer than 14: −118,000 × 0.8 = −94,400. 4-5 stays at 4; the assistant principal
    // stays at 1 FTE (430 pupils ≥ 400).
    let scenario = Scenario {
        norm_day: Some(sitebudget_core::engine::NormDay {
            excluded: std::collections::BTreeMap::from([(sitebudget_core::model::Grade::K, 18)]),
            ..Default::default()
        }),
        ..Scenario::default()
    };
    let bytes = budget_workbook(&doc, &scenario, "Norm Day").unwrap();
    let sheets = sheets(&bytes);
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Lines", "Comparison", "Cut plan", "Norm Day"]);
    let rows = &sheets[3].1;
    assert_eq!(rows[1][1], "0.8");
    assert_eq!(
        rows[4][..5],
        ["Classroom teacher TK-3", "300", "14", "13", "-94400"]
    );
    assert_eq!(rows[5][2..5], ["4", "4", "0"]);
    assert_eq!(rows[6][1..4], ["430", "1", "1"]);
    assert_eq!(rows[7][0], "All norms");
    assert_eq!(rows[7][4], "-94400");
}

#[test]
fn a_cell_reference_past_any_column_is_read_without_a_panic() {
    // Found by the mutation fuzz: a cell named `AAAAAAAAAAAAA1` overflows calamine's column
    // arithmetic. Rebuilt here by renaming the first cell of a real workbook (stored, not
    // deflated, so the zip writer needs no compression feature).
    use std::io::{Cursor, Read, Write};
    let bytes = sitebudget_core::app::lines_workbook(&sample_document()).expect("written");
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).expect("an entry");
        let name = file.name().expect("a name").to_string();
        let mut data = Vec::new();
        file.read_to_end(&mut data).expect("readable");
        if name.ends_with("sheet1.xml") {
            let text = String::from_utf8(data).expect("xml").replacen(
                "r=\"A1\"",
                "r=\"AAAAAAAAAAAAA1\"",
                1,
            );
            assert!(
                text.contains("AAAAAAAAAAAAA1"),
                "the first cell was renamed"
            );
            data = text.into_bytes();
        }
        out.start_file(name, stored).expect("an entry");
        out.write_all(&data).expect("written");
    }
    let damaged = out.finish().expect("a zip").into_inner();
    // Either refused in plain words or read with the column clamped: never a panic.
    let _ = import_lines_xlsx(&sample_document(), &damaged);
    let _ = sitebudget_core::io::xlsx_rows(&damaged);
}
