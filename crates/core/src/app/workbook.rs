//! The XLSX workbook of a budget under a scenario: its lines, the comparison and the cut plan.
//!
//! Every figure is a number cell, so a spreadsheet sums it: money in a currency format,
//! FTE, counts and ranks plain. A figure is text only when a spreadsheet number cannot
//! hold it, past [`SPREADSHEET_DIGITS`] significant digits; how many decimals show is the
//! format's business, never a reason for text. Such a number is stored as its shortest
//! decimal text and reads back as the same decimal (see [`crate::io::xlsx_read`]).
//!
//! The workbook is live: totals rows are `=SUM(…)` and change columns `=C4-B4`, each with
//! the engine's figure cached as its result, so a principal who changes a cell sees the
//! totals follow. Sheet "Lines" holds the CSV columns and a total row under them, which
//! import skips, so importing the workbook gives the lines back.

use rust_decimal::Decimal;
use rust_xlsxwriter::{cell_range, row_col_to_cell, Format, Formula, Workbook, Worksheet};
use rust_xlsxwriter::{ColNum, RowNum, XlsxError};

use crate::engine::{evaluate, Decision, Evaluation, LineStatus, NormDayResult, Scenario};
use crate::engine::{network_total, SchoolRow};
use crate::io::line_rows::{line_cells, COLUMNS, TOTAL_LABEL};
use crate::io::network::{
    figure_cells, left_out, total_cells, NetworkRow, NETWORK_COLUMNS, TOTAL as NETWORK_TOTAL,
};
use crate::io::xlsx_read::SPREADSHEET_DIGITS;
use crate::model::Document;
use crate::util::decimal::parse_decimal;
use crate::util::i18n::{key, tr, tr1, trf};
use crate::view::line_edits::line_edit_words;
use crate::view::plan_text::{cut_words, deficit_words};
use crate::view::summary::{summarize, ScenarioSummary};

/// Columns of "Lines" that hold figures; the money ones get the currency format.
const NUMBER_COLUMNS: [&str; 5] = ["fte", "unit_cost", "amount", "fte_step", "cut_rank"];
const MONEY_COLUMNS: [&str; 2] = ["unit_cost", "amount"];
/// Columns of "Lines" summed in its total row: the FTE and the items' amounts (a sum of
/// unit costs would mean nothing).
const SUMMED_COLUMNS: [&str; 2] = ["fte", "amount"];
const MONEY: &str = "$#,##0.00;-$#,##0.00";

/// The workbook's bytes, or why it could not be written, in plain words.
pub fn budget_workbook(
    doc: &Document,
    scenario: &Scenario,
    scenario_name: &str,
) -> Result<Vec<u8>, String> {
    compared_workbook(doc, scenario, scenario_name, None)
}

/// The workbook, with a sheet "Two scenarios" when the page compares the scenario with
/// another (`compare`: that scenario and its name): the figures of both side by side,
/// their differences and each one's line changes.
pub fn compared_workbook(
    doc: &Document,
    scenario: &Scenario,
    scenario_name: &str,
    compare: Option<(&Scenario, &str)>,
) -> Result<Vec<u8>, String> {
    // The lines are worth exporting even when the scenario cannot be computed.
    let eval =
        evaluate(doc, scenario).map_err(|e| tr1("This scenario cannot be computed: {e}", "e", &e));
    let pair = match (compare, eval.as_ref()) {
        (Some((other, other_name)), Ok(a)) => {
            let b = evaluate(doc, other).map_err(|e| {
                trf(
                    "Scenario “{name}” cannot be computed: {e}",
                    &[("name", &other_name), ("e", &e)],
                )
            })?;
            Some(TwoScenarios {
                a: (
                    summarize(scenario_name, a),
                    line_edit_words(doc, &scenario.line_edits),
                ),
                b: (
                    summarize(other_name, &b),
                    line_edit_words(doc, &other.line_edits),
                ),
            })
        }
        _ => None,
    };
    let mut decided: Vec<(&str, &Decision)> = scenario
        .decisions
        .iter()
        .map(|d| (scenario_name, d))
        .collect();
    if let Some((other, other_name)) = compare {
        decided.extend(other.decisions.iter().map(|d| (other_name, d)));
    }
    build(doc, eval.as_ref(), scenario_name, pair.as_ref(), &decided).map_err(not_written)
}

/// Why the workbook could not be written, in plain words.
fn not_written(e: XlsxError) -> String {
    tr1("The workbook could not be written: {e}", "e", &e)
}

/// Two compared scenarios: each one's summary and line changes in words.
struct TwoScenarios {
    a: (ScenarioSummary, Vec<String>),
    b: (ScenarioSummary, Vec<String>),
}

/// A row of sheet "Two scenarios": its label, its figure and the figure's format.
type SummaryRow<'f> = (&'static str, fn(&ScenarioSummary) -> Decimal, &'f Format);

/// Sheet "Two scenarios": a figure per row, the two scenarios and `=C−B` beside them.
fn two_scenarios_sheet(
    ws: &mut Worksheet,
    doc: &Document,
    pair: &TwoScenarios,
    s: &Styles,
) -> Result<(), XlsxError> {
    ws.set_name(tr("Two scenarios"))?;
    let ((a, a_edits), (b, b_edits)) = (&pair.a, &pair.b);
    let title = trf(
        "{school} {year}: scenario “{a}” and scenario “{b}”",
        &[
            ("school", &doc.school.name),
            ("year", &doc.school.fiscal_year),
            ("a", &a.name),
            ("b", &b.name),
        ],
    );
    ws.write_string_with_format(0, 0, title, &s.title)?;
    header(
        ws,
        2,
        &[&tr("Figure"), &a.name, &b.name, &tr("Difference")],
        s,
    )?;
    let plain = Format::new();
    let percent = Format::new().set_num_format("0.0%");
    let rows: [SummaryRow; 9] = [
        (key("Students"), |x| Decimal::from(x.pupils), &plain),
        (key("Total allocation"), |x| x.allocation, &s.money),
        (key("Total cost"), |x| x.cost, &s.money),
        (key("Balance before cuts"), |x| x.balance_before, &s.money),
        (key("Lines cut"), |x| Decimal::from(x.cuts as u64), &plain),
        (key("FTE lost"), |x| x.positions_lost, &plain),
        (key("Balance after cuts"), |x| x.balance_after, &s.money),
        (key("Deficit left"), |x| x.deficit_left, &s.money),
        (key("Flexibility index"), |x| x.flexibility_index, &percent),
    ];
    let mut row = 3;
    for (label, f, format) in rows {
        ws.write_string(row, 0, tr(label))?;
        figure(ws, row, 1, f(a), Some(format))?;
        figure(ws, row, 2, f(b), Some(format))?;
        change(ws, row, (3, 1, 2), f(b) - f(a), format)?;
        row += 1;
    }
    row += 1;
    ws.write_string_with_format(row, 0, tr("Line changes in the scenario"), &s.bold)?;
    let none = vec![tr("none")];
    let (a_edits, b_edits) = (
        if a_edits.is_empty() { &none } else { a_edits },
        if b_edits.is_empty() { &none } else { b_edits },
    );
    for i in 0..a_edits.len().max(b_edits.len()) {
        if let Some(t) = a_edits.get(i) {
            ws.write_string(row, 1, t)?;
        }
        if let Some(t) = b_edits.get(i) {
            ws.write_string(row, 2, t)?;
        }
        row += 1;
    }
    widths(ws, &[28.0, 34.0, 34.0, 16.0])
}

/// A workbook of the lines alone, laid out as the CSV (the import layout): a template a
/// spreadsheet user fills in, or reads back.
pub fn lines_workbook(doc: &Document) -> Result<Vec<u8>, String> {
    let mut book = Workbook::new();
    lines_sheet(book.add_worksheet(), doc, &styles())
        .and_then(|()| book.save_to_buffer())
        .map_err(not_written)
}

/// The network table as a workbook: sheet "Network" with a row per school in file
/// order (a school that could not be computed has its reason under "Problem"), and a
/// total row whose sums are `=SUM` formulas and whose tightest breakpoint is `=MIN`,
/// each with the network total cached; per-pupil figures and shares are the total's own.
pub fn network_workbook(title: &str, rows: &[NetworkRow]) -> Result<Vec<u8>, String> {
    let mut book = Workbook::new();
    network_sheet(book.add_worksheet(), title, rows, &styles())
        .and_then(|()| book.save_to_buffer())
        .map_err(|e| tr1("The workbook could not be written: {e}", "e", &e))
}

/// How each figure column of the network table is shown, after School and change:
/// pupils, unduplicated share, allocation, per pupil, restricted share, balance, FTE
/// cut, deficit, flexibility index, breakpoint.
#[derive(Clone, Copy, PartialEq)]
enum NetCell {
    Plain,
    Percent,
    Money,
}
const NET_CELLS: [NetCell; 10] = [
    NetCell::Plain,
    NetCell::Percent,
    NetCell::Money,
    NetCell::Money,
    NetCell::Percent,
    NetCell::Money,
    NetCell::Plain,
    NetCell::Money,
    NetCell::Percent,
    NetCell::Plain,
];
/// Figure columns (0 = pupils) whose total is their sum: pupils, allocation, balance,
/// FTE cut, deficit. The breakpoint's is their minimum.
const NET_SUMMED: [usize; 5] = [0, 2, 5, 6, 7];
const NET_MIN: usize = 9;

fn network_sheet(
    ws: &mut Worksheet,
    title: &str,
    rows: &[NetworkRow],
    s: &Styles,
) -> Result<(), XlsxError> {
    ws.set_name(tr("Network"))?;
    ws.write_string_with_format(0, 0, title, &s.title)?;
    header_tr(ws, 2, &NETWORK_COLUMNS, s)?;
    let percent = Format::new().set_num_format("0.0%");
    let bold_percent = Format::new().set_bold().set_num_format("0.0%");
    let plain = Format::new();
    let format_of = |cell: NetCell, bold: bool| match (cell, bold) {
        (NetCell::Money, false) => &s.money,
        (NetCell::Money, true) => &s.bold_money,
        (NetCell::Percent, false) => &percent,
        (NetCell::Percent, true) => &bold_percent,
        (NetCell::Plain, false) => &plain,
        (NetCell::Plain, true) => &s.bold,
    };
    let first: RowNum = 3;
    let mut row = first;
    for r in rows {
        ws.write_string(row, 0, &r.school)?;
        figure(ws, row, 1, r.change, Some(&percent))?;
        match &r.row {
            Ok(figures) => {
                for ((c, value), cell) in (2u16..).zip(figure_cells(figures)).zip(NET_CELLS) {
                    if let Some(v) = value {
                        figure(ws, row, c, v, Some(format_of(cell, false)))?;
                    }
                }
            }
            Err(why) => {
                ws.write_string(row, 12, why)?;
            }
        }
        row += 1;
    }
    let last = row.checked_sub(1).filter(|l| *l >= first);
    let ok: Vec<&SchoolRow> = rows.iter().filter_map(|r| r.row.as_ref().ok()).collect();
    let total = network_total(&ok);
    ws.write_string_with_format(row, 0, tr(NETWORK_TOTAL), &s.bold)?;
    for (i, (value, cell)) in total_cells(&total).into_iter().zip(NET_CELLS).enumerate() {
        let c = (i as ColNum).saturating_add(2);
        let format = format_of(cell, true);
        match (value, last) {
            (Some(v), Some(last)) if NET_SUMMED.contains(&i) => {
                sum(ws, row, c, first, Some(last), v, format)?;
            }
            (Some(v), Some(last)) if i == NET_MIN => {
                let text = format!("=MIN({})", cell_range(first, c, last, c));
                formula(ws, row, c, &text, v, format)?;
            }
            (Some(v), _) => {
                figure(ws, row, c, v, Some(format))?;
            }
            (None, _) => {}
        }
    }
    let left = left_out(rows.len().saturating_sub(ok.len()));
    if !left.is_empty() {
        ws.write_string(row, 12, left)?;
    }
    ws.set_freeze_panes(3, 1)?;
    widths(
        ws,
        &[
            30., 12., 9., 12., 14., 12., 12., 14., 9., 14., 12., 14., 50.,
        ],
    )
}

fn styles() -> Styles {
    Styles {
        bold: Format::new().set_bold(),
        money: Format::new().set_num_format(MONEY),
        bold_money: Format::new().set_bold().set_num_format(MONEY),
        title: Format::new().set_bold().set_font_size(13),
    }
}

struct Styles {
    bold: Format,
    money: Format,
    bold_money: Format,
    title: Format,
}

fn build(
    doc: &Document,
    eval: Result<&Evaluation, &String>,
    name: &str,
    pair: Option<&TwoScenarios>,
    decided: &[(&str, &Decision)],
) -> Result<Vec<u8>, XlsxError> {
    let styles = styles();
    let mut book = Workbook::new();
    lines_sheet(book.add_worksheet(), doc, &styles)?;
    match eval {
        Ok(eval) => {
            comparison_sheet(book.add_worksheet(), doc, eval, name, &styles)?;
            cut_plan_sheet(book.add_worksheet(), doc, eval, name, &styles)?;
            if let Some(nd) = &eval.norm_day {
                norm_day_sheet(book.add_worksheet(), nd, name, &styles)?;
            }
            if let Some(pair) = pair {
                two_scenarios_sheet(book.add_worksheet(), doc, pair, &styles)?;
            }
        }
        Err(message) => {
            for sheet in [key("Comparison"), key("Cut plan")] {
                let ws = book.add_worksheet().set_name(tr(sheet))?;
                ws.write_string(0, 0, message.as_str())?;
            }
        }
    }
    if !decided.is_empty() {
        decisions_sheet(book.add_worksheet(), doc, decided, &styles)?;
    }
    book.save_to_buffer()
}

/// Sheet "Decisions": what meetings decided, one row each: scenario, decision, note, date.
fn decisions_sheet(
    ws: &mut Worksheet,
    doc: &Document,
    decided: &[(&str, &Decision)],
    s: &Styles,
) -> Result<(), XlsxError> {
    ws.set_name(tr("Decisions"))?;
    let title = trf(
        "{school} {year}: what the meetings decided",
        &[
            ("school", &doc.school.name),
            ("year", &doc.school.fiscal_year),
        ],
    );
    ws.write_string_with_format(0, 0, title, &s.title)?;
    let names = [tr("Scenario"), tr("Decision"), tr("Note"), tr("Date")];
    header(ws, 2, &names.each_ref().map(String::as_str), s)?;
    for (row, (name, d)) in (3..).zip(decided) {
        ws.write_string(row, 0, *name)?;
        ws.write_string(row, 1, &d.decided)?;
        ws.write_string(row, 2, &d.note)?;
        ws.write_string(row, 3, &d.at)?;
    }
    widths(ws, &[24.0, 48.0, 60.0, 12.0])
}

/// The decimal as a spreadsheet number, or `None` when it has more significant digits
/// than a spreadsheet number holds (then it is written as text).
///
/// Up to 15 significant digits, the float nearest the decimal prints back (shortest
/// round trip) as the same digits, so the stored text is the decimal's own.
pub fn spreadsheet_number(d: Decimal) -> Option<f64> {
    let n = d.normalize();
    if significant_digits(n.mantissa().unsigned_abs()) > SPREADSHEET_DIGITS {
        return None;
    }
    n.to_string().parse::<f64>().ok().filter(|f| f.is_finite())
}

/// Digits of `m` without its trailing zeros (`120` has 2).
fn significant_digits(mut m: u128) -> usize {
    while m != 0 && m.is_multiple_of(10) {
        m /= 10;
    }
    m.checked_ilog10().map_or(1, |l| l as usize + 1)
}

/// Writes a figure as a number cell (in `format` if given), or as text past 15 digits.
/// Returns whether it is a number, which a `SUM` over it counts.
fn figure(
    ws: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    d: Decimal,
    format: Option<&Format>,
) -> Result<bool, XlsxError> {
    let number = spreadsheet_number(d);
    match (number, format) {
        (Some(f), Some(format)) => ws.write_number_with_format(row, col, f, format)?,
        (Some(f), None) => ws.write_number(row, col, f)?,
        (None, _) => ws.write_string(row, col, d.to_string())?,
    };
    Ok(number.is_some())
}

/// Writes `=formula` with `result` cached, the figure a spreadsheet computes from it.
fn formula(
    ws: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    text: &str,
    result: Decimal,
    format: &Format,
) -> Result<(), XlsxError> {
    let f = Formula::new(text).set_result(result.normalize().to_string());
    ws.write_formula_with_format(row, col, f, format)?;
    Ok(())
}

/// `=SUM(col first:col last)` with its result, or the bare figure when there are no
/// rows to sum (an empty range would point at the total itself).
fn sum(
    ws: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    first: RowNum,
    last: Option<RowNum>,
    result: Decimal,
    format: &Format,
) -> Result<(), XlsxError> {
    match last.filter(|l| *l >= first) {
        Some(last) => formula(
            ws,
            row,
            col,
            &format!("=SUM({})", cell_range(first, col, last, col)),
            result,
            format,
        ),
        None => figure(ws, row, col, result, Some(format)).map(|_| ()),
    }
}

/// `=after-before` for two cells of the row, with the engine's change cached.
fn change(
    ws: &mut Worksheet,
    row: RowNum,
    (col, before, after): (ColNum, ColNum, ColNum),
    result: Decimal,
    format: &Format,
) -> Result<(), XlsxError> {
    let text = format!(
        "={}-{}",
        row_col_to_cell(row, after),
        row_col_to_cell(row, before)
    );
    formula(ws, row, col, &text, result, format)
}

fn header(ws: &mut Worksheet, row: u32, names: &[&str], s: &Styles) -> Result<(), XlsxError> {
    for (c, n) in (0u16..).zip(names) {
        ws.write_string_with_format(row, c, *n, &s.bold)?;
    }
    Ok(())
}

/// A header of catalog keys, each written in the language spoken now.
fn header_tr(ws: &mut Worksheet, row: u32, keys: &[&str], s: &Styles) -> Result<(), XlsxError> {
    for (c, k) in (0u16..).zip(keys) {
        ws.write_string_with_format(row, c, tr(k), &s.bold)?;
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
    ws.set_name(tr("Lines"))?;
    // The column names stay the importer's (English) words in every language.
    header(ws, 0, &COLUMNS, s)?;
    // What a spreadsheet's SUM over each summed column counts: its number cells.
    let mut sums = [Decimal::ZERO; SUMMED_COLUMNS.len()];
    let mut last = None;
    for (r, line) in (1u32..).zip(&doc.lines) {
        last = Some(r);
        for ((c, column), text) in (0u16..).zip(COLUMNS).zip(line_cells(line)) {
            if text.is_empty() {
                continue;
            }
            let value = parse_decimal(&text)
                .ok()
                .filter(|_| NUMBER_COLUMNS.contains(&column));
            let Some(value) = value else {
                ws.write_string(r, c, text)?;
                continue;
            };
            let money = MONEY_COLUMNS.contains(&column).then_some(&s.money);
            let counted = figure(ws, r, c, value, money)?;
            if let Some(i) = SUMMED_COLUMNS.iter().position(|x| *x == column) {
                if let Some(total) = sums.get_mut(i).filter(|_| counted) {
                    *total = total.saturating_add(value);
                }
            }
        }
    }
    if let Some(last) = last {
        let row = last + 1;
        ws.write_string_with_format(row, 0, TOTAL_LABEL, &s.bold)?;
        for (column, total) in SUMMED_COLUMNS.iter().zip(sums) {
            let Some(c) = (0u16..).zip(COLUMNS).find(|(_, n)| n == column) else {
                continue;
            };
            let format = if MONEY_COLUMNS.contains(column) {
                &s.bold_money
            } else {
                &s.bold
            };
            sum(ws, row, c.0, 1, Some(last), total, format)?;
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
    ws.set_name(tr("Comparison"))?;
    let title = trf(
        "{school} {year}: today and scenario “{name}” (before cuts)",
        &[
            ("school", &doc.school.name),
            ("year", &doc.school.fiscal_year),
            ("name", &name),
        ],
    );
    ws.write_string_with_format(0, 0, title, &s.title)?;
    header_tr(
        ws,
        2,
        &[
            key("Source"),
            key("Allocation today"),
            key("Allocation in scenario"),
            key("Change"),
            key("Charges today"),
            key("Charges in scenario"),
            key("Balance today"),
            key("Balance in scenario"),
            key("Balance change"),
        ],
        s,
    )?;
    // Change columns and what they subtract: D = C − B, I = H − G.
    const ALLOCATION_CHANGE: (ColNum, ColNum, ColNum) = (3, 1, 2);
    const BALANCE_CHANGE: (ColNum, ColNum, ColNum) = (8, 6, 7);
    let first = 3;
    let mut row = first;
    for d in &eval.source_diffs {
        ws.write_string(row, 0, doc.source_name(&d.source))?;
        for (c, v) in [
            (1, d.baseline_allocation),
            (2, d.scenario_allocation),
            (4, d.baseline_charges),
            (5, d.scenario_charges),
            (6, d.baseline_balance),
            (7, d.scenario_balance),
        ] {
            figure(ws, row, c, v, Some(&s.money))?;
        }
        change(ws, row, ALLOCATION_CHANGE, d.allocation_change(), &s.money)?;
        change(ws, row, BALANCE_CHANGE, d.balance_change(), &s.money)?;
        row += 1;
    }
    // The whole school: each column summed over the sources (the engine's totals are
    // those sums: every line's charges add up to its cost).
    let last = row.checked_sub(1).filter(|l| *l >= first);
    let (b, sc) = (&eval.baseline, &eval.scenario);
    ws.write_string_with_format(row, 0, tr("Whole school"), &s.bold)?;
    for (c, v) in [
        (1, b.total_allocation),
        (2, sc.total_allocation),
        (4, b.total_cost),
        (5, sc.total_cost),
        (6, b.balance),
        (7, sc.balance),
    ] {
        sum(ws, row, c, first, last, v, &s.bold_money)?;
    }
    let allocation_change = sc.total_allocation.saturating_sub(b.total_allocation);
    change(ws, row, ALLOCATION_CHANGE, allocation_change, &s.bold_money)?;
    let balance_change = sc.balance.saturating_sub(b.balance);
    change(ws, row, BALANCE_CHANGE, balance_change, &s.bold_money)?;
    row += 2;
    ws.write_string_with_format(row, 0, tr("Lines that change"), &s.title)?;
    row += 1;
    header_tr(
        ws,
        row,
        &[
            key("Line"),
            key("Status"),
            key("FTE today"),
            key("FTE in scenario"),
            key("Cost today"),
            key("Cost in scenario"),
            key("Change"),
        ],
        s,
    )?;
    row += 1;
    let mut any = false;
    for d in eval.changed_lines() {
        any = true;
        let status = match d.status {
            LineStatus::Changed => tr("changed"),
            LineStatus::Added => tr("added"),
            LineStatus::Removed => tr("removed"),
            LineStatus::Unchanged => tr("same"),
        };
        ws.write_string(row, 0, doc.line_title(&d.line))?;
        ws.write_string(row, 1, status)?;
        for (c, fte) in [(2, d.baseline_fte), (3, d.scenario_fte)] {
            if let Some(f) = fte {
                figure(ws, row, c, f, None)?;
            }
        }
        figure(ws, row, 4, d.baseline_cost, Some(&s.money))?;
        figure(ws, row, 5, d.scenario_cost, Some(&s.money))?;
        change(ws, row, (6, 4, 5), d.cost_change(), &s.money)?;
        row += 1;
    }
    if !any {
        ws.write_string(row, 0, tr("No line changes before the cut plan."))?;
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
    ws.set_name(tr("Cut plan"))?;
    let title = tr1("Cut plan for scenario “{name}”", "name", &name);
    ws.write_string_with_format(0, 0, title, &s.title)?;
    header_tr(
        ws,
        2,
        &[
            key("Cut"),
            key("Line"),
            key("From"),
            key("To"),
            key("Money freed"),
            key("Note"),
        ],
        s,
    )?;
    let mut row = 3;
    for cut in &eval.plan.cuts {
        let words = cut_words(doc, cut);
        ws.write_string(row, 0, words.text)?;
        ws.write_string(row, 1, &cut.line)?;
        figure(ws, row, 2, cut.from, None)?;
        figure(ws, row, 3, cut.to, None)?;
        if words.norm {
            // A norm reduction lowers the norm allocation by as much: nothing is freed.
            figure(ws, row, 4, Decimal::ZERO, Some(&s.money))?;
            ws.write_string(
                row,
                5,
                tr1(
                    "Norm staffing costs {amount} less, and the norm allocation falls with it.",
                    "amount",
                    &crate::format::money_whole(cut.freed()),
                ),
            )?;
        } else {
            figure(ws, row, 4, cut.freed(), Some(&s.money))?;
        }
        row += 1;
    }
    if eval.plan.cuts.is_empty() {
        ws.write_string(row, 0, tr("No cuts: every source balances."))?;
        row += 1;
    }
    row += 1;
    ws.write_string_with_format(row, 0, tr("Deficits left after the plan"), &s.title)?;
    row += 1;
    if eval.plan.deficits.is_empty() {
        ws.write_string(row, 0, tr("None."))?;
    } else {
        header_tr(
            ws,
            row,
            &[key("In words"), key("Source"), key("Deficit")],
            s,
        )?;
        row += 1;
        for d in &eval.plan.deficits {
            ws.write_string(row, 0, deficit_words(doc, d))?;
            ws.write_string(row, 1, doc.source_name(&d.source))?;
            figure(ws, row, 2, -d.amount, Some(&s.money))?;
            row += 1;
        }
    }
    widths(ws, &[90., 18., 10., 10., 14., 60.])
}

/// Norm Day: per norm, the pupils counted, positions before and after, and the dollars
/// for the rest of the year (a `SUM` totals them).
fn norm_day_sheet(
    ws: &mut Worksheet,
    nd: &NormDayResult,
    name: &str,
    s: &Styles,
) -> Result<(), XlsxError> {
    ws.set_name(tr("Norm Day"))?;
    let title = tr1("Norm Day for scenario “{name}”", "name", &name);
    ws.write_string_with_format(0, 0, title, &s.title)?;
    ws.write_string(1, 0, tr("Share of the year left"))?;
    figure(ws, 1, 1, nd.remaining_share, None)?;
    header_tr(
        ws,
        3,
        &[
            key("Norm"),
            key("Pupils counted"),
            key("FTE before"),
            key("FTE after"),
            key("Dollars for the rest of the year"),
        ],
        s,
    )?;
    let mut row = 4;
    for n in &nd.norms {
        ws.write_string(row, 0, &n.title)?;
        figure(ws, row, 1, Decimal::from(n.students), None)?;
        figure(ws, row, 2, n.before, None)?;
        figure(ws, row, 3, n.after, None)?;
        figure(ws, row, 4, n.dollars, Some(&s.money))?;
        row += 1;
    }
    ws.write_string_with_format(row, 0, tr("All norms"), &s.bold)?;
    if nd.norms.is_empty() {
        figure(ws, row, 4, nd.total_dollars, Some(&s.bold_money))?;
    } else {
        let text = format!("=SUM(E5:E{row})");
        formula(ws, row, 4, &text, nd.total_dollars, &s.bold_money)?;
    }
    for note in &nd.notes {
        row += 1;
        ws.write_string(row, 0, note.as_str())?;
    }
    widths(ws, &[40., 16., 12., 12., 30.])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(text: &str) -> Option<f64> {
        spreadsheet_number(parse_decimal(text).unwrap())
    }

    #[test]
    fn a_figure_is_a_number_up_to_fifteen_significant_digits() {
        // Trailing zeros are the format's business: still numbers.
        assert_eq!(number("21750.40"), Some(21750.4));
        assert_eq!(number("0.20"), Some(0.2));
        assert_eq!(number("100.00"), Some(100.0));
        assert_eq!(number("1.000000000000000000"), Some(1.0));
        assert_eq!(number("0.1"), Some(0.1));
        assert_eq!(number("1234567.89"), Some(1234567.89));
        assert_eq!(number("-46550"), Some(-46550.0));
        assert_eq!(number("0"), Some(0.0));
        assert_eq!(number("1000000000000000000000"), Some(1e21));
        // 14 and 15 significant digits (leading zeros do not count).
        assert_eq!(number("999999999999.99"), Some(999999999999.99));
        assert_eq!(number("123456789012345"), Some(123456789012345.0));
        assert_eq!(number("0.000123456789012345"), Some(0.000123456789012345));
        // 16 digits and more: text.
        assert_eq!(number("1234567890123456"), None);
        assert_eq!(number("9007199254740993"), None);
        assert_eq!(number("0.1234567890123456789"), None);
        assert_eq!(number("0.3333333333333333"), None);
    }

    #[test]
    fn a_number_is_stored_as_the_decimal_s_own_digits() {
        // rust_xlsxwriter stores a float as its shortest text: the decimal, normalized.
        for text in ["21750.40", "0.1", "1234567.89", "999999999999.99", "0.30"] {
            let d = parse_decimal(text).unwrap();
            let f = number(text).unwrap();
            assert_eq!(f.to_string(), d.normalize().to_string());
        }
    }
}
