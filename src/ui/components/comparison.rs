//! Baseline and scenario side by side: per source, and per line that changes.

use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use super::head_row;
use sitebudget_core::util::i18n::key;

use crate::ui::lang::{tr, tr1};

use super::panel::Panel;

use super::figure::money_cell;
use sitebudget_core::engine::{LineDiff, LineStatus, SourceDiff};
use sitebudget_core::format;
use sitebudget_core::model::Document;
use sitebudget_core::util::dec;

/// What [`comparison_panel`] shows.
#[derive(PartialEq)]
pub struct ComparisonPanelProps {
    /// The budget document (for names).
    pub doc: Rc<Document>,
    /// Per-source differences, in document order.
    pub sources: Rc<Vec<SourceDiff>>,
    /// The lines the scenario changes (`Evaluation::changed_lines`); cloning every line's
    /// difference of a large budget at each move would be wasted.
    pub lines: Rc<Vec<LineDiff>>,
    /// A chart drawn by the caller (the waterfall).
    pub chart: Html,
}

fn fte_or_dash(value: Option<rust_decimal::Decimal>) -> String {
    value.map_or_else(|| "—".to_owned(), format::fte)
}

/// Baseline vs scenario (a plain function: it changes with every move anyway, and a
/// component type costs bundle size).
pub fn comparison_panel(props: &ComparisonPanelProps) -> Html {
    let doc = &*props.doc;
    let sum = |f: fn(&SourceDiff) -> Decimal| -> Decimal { dec::sum(props.sources.iter().map(f)) };
    let changed = &*props.lines;
    html! {
        <Panel id="compare" title={tr("Budget and scenario, side by side")} note={tr("Scenario figures are before the cut plan")} testid="comparison-panel">
            { props.chart.clone() }
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="compare-title">
                <table class="data">
                    <thead>
                        { head_row(&[(key("Source"), false), (key("Allocation now"), true), (key("Scenario"), true), (key("Change"), true), (key("Balance now"), true), (key("Scenario balance"), true)]) }
                    </thead>
                    <tbody>
                        for d in props.sources.iter() {
                            <tr key={d.source.clone()}>
                                <th scope="row">{ doc.source_name(&d.source) }</th>
                                { money_cell(d.baseline_allocation, false) }
                                { money_cell(d.scenario_allocation, false) }
                                <td class="num">{ format::money_change(d.allocation_change()) }</td>
                                { money_cell(d.baseline_balance, false) }
                                { money_cell(d.scenario_balance, true) }
                            </tr>
                        }
                    </tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">{ tr("School") }</th>
                            { money_cell(sum(|d| d.baseline_allocation), false) }
                            { money_cell(sum(|d| d.scenario_allocation), false) }
                            <td class="num">{ format::money_change(dec::sub(sum(|d| d.scenario_allocation), sum(|d| d.baseline_allocation))) }</td>
                            { money_cell(sum(|d| d.baseline_balance), false) }
                            { money_cell(sum(|d| d.scenario_balance), true) }
                        </tr>
                    </tfoot>
                </table>
            </div>
            <h3 id="compare-lines-title">{ tr1("Lines that change ({n})", "n", &changed.len()) }</h3>
            if changed.is_empty() {
                <p class="small muted">{ tr("No line changes before the cut plan.") }</p>
            } else {
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="compare-lines-title">
                    <table class="data">
                        <thead>
                            { head_row(&[(key("Line"), false), (key("FTE now"), true), (key("Scenario FTE"), true), (key("Cost now"), true), (key("Scenario cost"), true), (key("Change"), true)]) }
                        </thead>
                        <tbody>
                            for d in changed.iter() {
                                <tr key={d.line.clone()} data-testid={format!("diff-{}", d.line)}>
                                    <th scope="row">
                                        { doc.line_title(&d.line) }
                                        if d.status == LineStatus::Added { { " " }<span class="badge">{ tr("added") }</span> }
                                        if d.status == LineStatus::Removed { { " " }<span class="badge">{ tr("removed") }</span> }
                                    </th>
                                    <td class="num">{ fte_or_dash(d.baseline_fte) }</td>
                                    <td class="num">{ fte_or_dash(d.scenario_fte) }</td>
                                    { money_cell(d.baseline_cost, false) }
                                    { money_cell(d.scenario_cost, false) }
                                    <td class="num">{ format::money_change(d.cost_change()) }</td>
                                </tr>
                            }
                        </tbody>
                    </table>
                </div>
            }
        </Panel>
    }
}
