//! Multi-year projection: balance before cuts and positions lost, year by year.

use std::rc::Rc;

use yew::prelude::*;

use super::panel::Panel;

use super::figure::money_cell;
use crate::ui::event_value;
use sitebudget_core::engine::YearResult;
use sitebudget_core::format;

/// Props of [`ProjectionPanel`].
#[derive(Properties, PartialEq)]
pub struct ProjectionPanelProps {
    /// One result per year.
    pub years: Rc<Vec<YearResult>>,
    /// How many years are projected.
    pub count: u32,
    /// Called with a new number of years.
    pub on_count: Callback<u32>,
    /// The chart, drawn by the caller.
    #[prop_or_default]
    pub chart: Html,
}

/// The projection table with its chart.
#[component]
pub fn ProjectionPanel(props: &ProjectionPanelProps) -> Html {
    let on_count = {
        let cb = props.on_count.clone();
        Callback::from(move |e: Event| {
            if let Some(n) = event_value(&e).and_then(|v| v.parse::<u32>().ok()) {
                cb.emit(n);
            }
        })
    };
    html! {
        <Panel id="projection" title="Years ahead" testid="projection-panel" actions={html! {
                <label class="small no-print">
                    { "Years " }
                    <select onchange={on_count} data-testid="projection-years">
                        for n in 1..=5u32 {
                            <option key={n} value={n.to_string()} selected={n == props.count}>{ n }</option>
                        }
                    </select>
                </label>
        }}>
            <p class="small muted">{ "Each year applies the scenario's enrollment, cost and rate changes again, compounding, to the budget as it is now." }</p>
            { props.chart.clone() }
            <div class="table-wrap">
                <table class="data">
                    <thead>
                        <tr>
                            <th scope="col">{ "Year" }</th>
                            <th scope="col" class="num">{ "Allocation" }</th>
                            <th scope="col" class="num">{ "Cost" }</th>
                            <th scope="col" class="num">{ "Balance before cuts" }</th>
                            <th scope="col" class="num">{ "Positions lost (FTE)" }</th>
                            <th scope="col" class="num">{ "Cuts" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        for y in props.years.iter() {
                            <tr key={y.year} data-testid={format!("year-{}", y.year)}>
                                <th scope="row">{ format!("Year {}", y.year) }</th>
                                { money_cell(y.total_allocation, false) }
                                { money_cell(y.total_cost, false) }
                                { money_cell(y.balance_before_cuts, true) }
                                <td class="num" data-value={format::plain(y.positions_lost)}>{ format::fte(y.positions_lost) }</td>
                                <td class="num">{ y.plan.cuts.len() }</td>
                            </tr>
                        }
                    </tbody>
                </table>
            </div>
        </Panel>
    }
}
