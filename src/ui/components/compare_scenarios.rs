//! Two named scenarios side by side.

use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::ui::lang::{tr, trf};

use super::figure::money_cell;
use super::panel::Panel;
use sitebudget_core::format;
use sitebudget_core::util::dec;
use sitebudget_core::view::summary::ScenarioSummary;

/// What [`compare_scenarios`] shows.
#[derive(PartialEq)]
pub struct CompareScenariosProps {
    /// The active scenario's figures, then the other's.
    pub pair: Rc<(ScenarioSummary, ScenarioSummary)>,
    /// Each scenario's line changes in words (steering and other line edits).
    pub line_changes: Rc<(Vec<String>, Vec<String>)>,
}

/// A scenario's line changes as a table cell: one per line, or "none".
fn changes_cell(changes: &[String]) -> Html {
    if changes.is_empty() {
        return html! { <td class="muted">{ tr("none") }</td> };
    }
    html! {
        <td><ul class="plain-list">
            for c in changes.iter() { <li>{ c }</li> }
        </ul></td>
    }
}

/// A table of key figures for two scenarios and their difference.
pub fn compare_scenarios(props: &CompareScenariosProps) -> Html {
    let (a, b) = &*props.pair;
    let money_row = |label: AttrValue, key: &str, f: fn(&ScenarioSummary) -> Decimal| {
        html! {
            <tr key={key.to_owned()}>
                <th scope="row">{ label }</th>
                { money_cell(f(a), false) }
                { money_cell(f(b), false) }
                <td class="num">{ format::money_change(dec::sub(f(b), f(a))) }</td>
            </tr>
        }
    };
    html! {
        <Panel id="compare-two" title={trf("{first} compared with {second}", &[("first", &a.name), ("second", &b.name)])} testid="compare-scenarios">
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="compare-two-title">
                <table class="data">
                    <thead>
                        <tr>
                            <th scope="col">{ tr("Figure") }</th>
                            <th scope="col" class="num">{ &a.name }</th>
                            <th scope="col" class="num">{ &b.name }</th>
                            <th scope="col" class="num">{ tr("Difference") }</th>
                        </tr>
                    </thead>
                    <tbody>
                        <tr>
                            <th scope="row">{ tr("Students") }</th>
                            <td class="num">{ format::count(a.pupils) }</td>
                            <td class="num">{ format::count(b.pupils) }</td>
                            <td class="num">{ format::signed_count(b.pupils as i64 - a.pupils as i64) }</td>
                        </tr>
                        { money_row(tr("Total allocation"), "alloc", |s| s.allocation) }
                        { money_row(tr("Total cost"), "cost", |s| s.cost) }
                        { money_row(tr("Balance before cuts"), "before", |s| s.balance_before) }
                        <tr>
                            <th scope="row">{ tr("Lines cut / FTE lost") }</th>
                            <td class="num">{ format!("{} / {}", a.cuts, format::fte(a.positions_lost)) }</td>
                            <td class="num">{ format!("{} / {}", b.cuts, format::fte(b.positions_lost)) }</td>
                            <td class="num">{ format::signed_fte(dec::sub(b.positions_lost, a.positions_lost)) }</td>
                        </tr>
                        { money_row(tr("Balance after cuts"), "after", |s| s.balance_after) }
                        { money_row(tr("Deficit left"), "left", |s| s.deficit_left) }
                        <tr>
                            <th scope="row">{ tr("Flexibility index") }</th>
                            <td class="num">{ format::percent(a.flexibility_index) }</td>
                            <td class="num">{ format::percent(b.flexibility_index) }</td>
                            <td class="num" data-testid="compare-flex-diff">{ format::points_change(dec::sub(b.flexibility_index, a.flexibility_index)) }</td>
                        </tr>
                        if !(props.line_changes.0.is_empty() && props.line_changes.1.is_empty()) {
                            <tr data-testid="compare-line-changes">
                                <th scope="row">{ tr("Line changes in the scenario") }</th>
                                { changes_cell(&props.line_changes.0) }
                                { changes_cell(&props.line_changes.1) }
                                <td></td>
                            </tr>
                        }
                    </tbody>
                </table>
            </div>
        </Panel>
    }
}
