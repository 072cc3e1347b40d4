//! The XLSX workbook of a budget under a scenario: its lines, the comparison and the cut plan.
//!
//! Sheet "Lines" holds the CSV columns, so importing the workbook gives the lines back
//! exactly: a figure is written as a number only when the number reads back as the
//! same text (see [`super::xlsx_read`]), otherwise as text. "Comparison" and "Cut plan"
//! are for reading: money as numbers in a currency format, header rows bold.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::engine::{evaluate, Evaluation, LineStatus, Scenario};
use crate::io::line_rows::{line_cells, COLUMNS};
use crate::io::xlsx_read::float_text;
use crate::model::Document;
use crate::view::plan_text::{cut_words, deficit_words};

/// Columns of "Lines" written as numbers when exact; the money ones get the currency format.
const NUMBER_COLUMNS: [&str; 5] = ["fte", "unit_cost", "amount", "fte_step", "cut_rank"];
const MONEY_COLUMNS: [&str; 2] = ["unit_cost", "amount"];
const MONEY: &str = "$#,##0.00;-$#,##0.00";

/// The workbook's bytes, or why it could not be written, in plain words.
pub fn budget_workbook(
    doc: &Document,
    scenario: &Scenario,
    scenario_name: &str,
) -> Result<Vec<u8>, String> {
    // The lines are worth exporting even when the scenario cannot be computed.
    let eval =
        evaluate(doc, scenario).map_err(|e| format!("This scenario cannot be computed: {e}"));
    build(doc, eval.as_ref(), scenario_name)
        .map_err(|e| format!("The workbook could not be written: {e}"))
}

struct Styles {
    bold: Format,
    money: Format,
    title: Format,
}

fn build(
    doc: &Document,
    eval: Result<&Evaluation, &String>,
    name: &str,
) -> Result<Vec<u8>, XlsxError> {
    let styles = Styles {
        bold: Format::new().set_bold(),
        money: Format::new().set_num_format(MONEY),
        title: Format::new().set_bold().set_font_size(13),
    };
    let mut book = Workbook::new();
    lines_sheet(book.add_worksheet(), doc, &styles)?;
    match eval {
        Ok(eval) => {
            comparison_sheet(book.add_worksheet(), doc, eval, name, &styles)?;
            cut_plan_sheet(book.add_worksheet(), doc, eval, name, &styles)?;
        }
        Err(message) => {
            for sheet in ["Comparison", "Cut plan"] {
                let ws = book.add_worksheet().set_name(sheet)?;
                ws.write_string(0, 0, message.as_str())?;
            }
        }
    }
    book.save_to_buffer()
}

/// A decimal as a float, when the float reads back as the very same text.
fn exact_number(text: &str) -> Option<f64> {
    let f = text.parse::<f64>().ok()?;
    (f.is_finite() && float_text(f) == text).then_some(f)
}

/// Money for display sheets (exact to the cent far beyond any school budget).
fn money(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

fn header(ws: &mut Worksheet, row: u32, names: &[&str], s: &Styles) -> Result<(), XlsxError> {
    for (c, n) in (0u16..).zip(names) {
        ws.write_string_with_format(row, c, *n, &s.bold)?;
    }
    Ok(())
}

fn widths(ws: &mut Worksheet, widths: &[f64]) -> Result<(), XlsxError> {
    for (c, w) in (0u16..).zip(widths) {
        ws.set_column_width(c, *w)?;
    }
    Ok(())
}

fn lines_sheet(ws: &mut Worksheet, doc: &Document, s: &Styles) -> Result<(), XlsxError> {
    ws.set_name("Lines")?;
    header(ws, 0, &COLUMNS, s)?;
    for (r, line) in (1u32..).zip(&doc.lines) {
        for ((c, column), text) in (0u16..).zip(COLUMNS).zip(line_cells(line)) {
            if text.is_empty() {
                continue;
            }
            match exact_number(&text).filter(|_| NUMBER_COLUMNS.contains(&column)) {
                Some(f) if MONEY_COLUMNS.contains(&column) => {
                    ws.write_number_with_format(r, c, f, &s.money)?;
                }
                Some(f) => {
                    ws.write_number(r, c, f)?;
                }
                None => {
                    ws.write_string(r, c, text)?;
                }
            }
        }
    }
    ws.set_freeze_panes(1, 0)?;
    widths(
        ws,
        &[
            16., 9., 34., 6., 13., 13., 26., 10., 8., 8., 8., 10., 22., 30.,
        ],
    )
}

fn comparison_sheet(
    ws: &mut Worksheet,
    doc: &Document,
    eval: &Evaluation,
    name: &str,
    s: &Styles,
) -> Result<(), XlsxError> {
    ws.set_name("Comparison")?;
    let title = format!(
        "{} {}: today and scenario “{name}” (before cuts)",
        doc.school.name, doc.school.fiscal_year
    );
    ws.write_string_with_format(0, 0, title, &s.title)?;
    header(
        ws,
        2,
        &[
            "Source",
            "Allocation today",
            "Allocation in scenario",
            "Change",
            "Charges today",
            "Charges in scenario",
            "Balance today",
            "Balance in scenario",
            "Balance change",
        ],
        s,
    )?;
    let mut row = 3;
    for d in &eval.source_diffs {
        ws.write_string(row, 0, doc.source_name(&d.source))?;
        let figures = [
            d.baseline_allocation,
            d.scenario_allocation,
            d.allocation_change(),
            d.baseline_charges,
            d.scenario_charges,
            d.baseline_balance,
            d.scenario_balance,
            d.balance_change(),
        ];
        for (c, v) in (1u16..).zip(figures) {
            ws.write_number_with_format(row, c, money(v), &s.money)?;
        }
        row += 1;
    }
    let (b, sc) = (&eval.baseline, &eval.scenario);
    ws.write_string_with_format(row, 0, "Whole school", &s.bold)?;
    let totals = [
        b.total_allocation,
        sc.total_allocation,
        sc.total_allocation.saturating_sub(b.total_allocation),
        b.total_cost,
        sc.total_cost,
        b.balance,
        sc.balance,
        sc.balance.saturating_sub(b.balance),
    ];
    for (c, v) in (1u16..).zip(totals) {
        ws.write_number_with_format(row, c, money(v), &s.money)?;
    }
    row += 2;
    ws.write_string_with_format(row, 0, "Lines that change", &s.title)?;
    row += 1;
    header(
        ws,
        row,
        &[
            "Line",
            "Status",
            "FTE today",
            "FTE in scenario",
            "Cost today",
            "Cost in scenario",
            "Change",
        ],
        s,
    )?;
    row += 1;
    let mut any = false;
    for d in eval.changed_lines() {
        any = true;
        let status = match d.status {
            LineStatus::Changed => "changed",
            LineStatus::Added => "added",
            LineStatus::Removed => "removed",
            LineStatus::Unchanged => "same",
        };
        ws.write_string(row, 0, doc.line_title(&d.line))?;
        ws.write_string(row, 1, status)?;
        for (c, fte) in [(2u16, d.baseline_fte), (3, d.scenario_fte)] {
            if let Some(f) = fte {
                ws.write_number(row, c, money(f))?;
            }
        }
        for (c, v) in [
            (4u16, d.baseline_cost),
            (5, d.scenario_cost),
            (6, d.cost_change()),
        ] {
            ws.write_number_with_format(row, c, money(v), &s.money)?;
        }
        row += 1;
    }
    if !any {
        ws.write_string(row, 0, "No line changes before the cut plan.")?;
    }
    widths(ws, &[34., 16., 18., 14., 16., 18., 16., 18., 16.])
}

fn cut_plan_sheet(
    ws: &mut Worksheet,
    doc: &Document,
    eval: &Evaluation,
    name: &str,
    s: &Styles,
) -> Result<(), XlsxError> {
    ws.set_name("Cut plan")?;
    let title = format!("Cut plan for scenario “{name}”");
    ws.write_string_with_format(0, 0, title, &s.title)?;
    header(ws, 2, &["Cut", "Line", "From", "To", "Frees"], s)?;
    let mut row = 3;
    for cut in &eval.plan.cuts {
        let words = cut_words(doc, cut);
        ws.write_string(row, 0, words.text)?;
        ws.write_string(row, 1, &cut.line)?;
        ws.write_number(row, 2, money(cut.from))?;
        ws.write_number(row, 3, money(cut.to))?;
        ws.write_number_with_format(row, 4, money(cut.freed()), &s.money)?;
        row += 1;
    }
    if eval.plan.cuts.is_empty() {
        ws.write_string(row, 0, "No cuts: every source balances.")?;
        row += 1;
    }
    row += 1;
    ws.write_string_with_format(row, 0, "Deficits left after the plan", &s.title)?;
    row += 1;
    if eval.plan.deficits.is_empty() {
        ws.write_string(row, 0, "None.")?;
    } else {
        header(ws, row, &["In words", "Source", "Deficit"], s)?;
        row += 1;
        for d in &eval.plan.deficits {
            ws.write_string(row, 0, deficit_words(doc, d))?;
            ws.write_string(row, 1, doc.source_name(&d.source))?;
            ws.write_number_with_format(row, 2, money(-d.amount), &s.money)?;
            row += 1;
        }
    }
    widths(ws, &[90., 18., 10., 10., 14.])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_exact_figures_become_numbers() {
        assert_eq!(exact_number("0.1"), Some(0.1));
        assert_eq!(exact_number("118000"), Some(118000.0));
        assert_eq!(exact_number("1234567.89"), Some(1234567.89));
        // Scale or digits a float cannot keep stay text.
        assert_eq!(exact_number("0.20"), None);
        assert_eq!(exact_number("0.1234567890123456789"), None);
        assert_eq!(exact_number("9007199254740993"), None);
        assert_eq!(exact_number("gf"), None);
    }
}
