//! The per-source summary table: allocation, charges, balance.

use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use super::panel::Panel;

use super::figure::{money, money_cell};
use sitebudget_core::util::dec;
use sitebudget_core::view::source_rows::SourceRow;

/// Props of [`SourcesPanel`].
#[derive(Properties, PartialEq)]
pub struct SourcesPanelProps {
    /// One row per source, in document order.
    pub rows: Rc<Vec<Rc<SourceRow>>>,
}

/// Where the money comes from and what is left of each source.
#[component]
pub fn SourcesPanel(props: &SourcesPanelProps) -> Html {
    let total =
        |f: fn(&SourceRow) -> Decimal| -> Decimal { dec::sum(props.rows.iter().map(|r| f(r))) };
    html! {
        <Panel id="sources" title="Funding sources" note="Balance = allocation − charges">
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="sources-title">
                <table class="data">
                    <thead>
                        <tr>
                            <th scope="col">{ "Source" }</th>
                            <th scope="col">{ "Rule" }</th>
                            <th scope="col" class="num">{ "Allocation" }</th>
                            <th scope="col" class="num">{ "Charges" }</th>
                            <th scope="col" class="num">{ "Balance" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        for row in props.rows.iter() {
                            <SourceRowView key={row.id.clone()} row={row.clone()} />
                        }
                    </tbody>
                    <tfoot>
                        <tr>
                            <th scope="row" colspan="2">{ "School total" }</th>
                            { money_cell(total(|r| r.allocation), false) }
                            { money_cell(total(|r| r.charges), false) }
                            { money_cell(total(|r| r.balance), true) }
                        </tr>
                    </tfoot>
                </table>
            </div>
        </Panel>
    }
}

/// Props of [`SourceRowView`].
#[derive(Properties, PartialEq)]
pub struct SourceRowViewProps {
    /// The row.
    pub row: Rc<SourceRow>,
}

/// One source's row.
#[component]
pub fn SourceRowView(props: &SourceRowViewProps) -> Html {
    let row = &props.row;
    html! {
        <tr>
            <th scope="row">
                <span class="line-title">{ &row.name }</span>
                <div class="line-meta">
                    if row.restricted { <span class="badge badge-restricted">{ "Restricted" }</span> }
                    if row.one_time { <span class="badge badge-one-time">{ "One-time" }</span> }
                </div>
            </th>
            <td class="small muted">{ &row.rule }</td>
            { money_cell(row.allocation, false) }
            { money_cell(row.charges, false) }
            <td class="num">
                { money(row.balance, Some(AttrValue::from(format!("balance-{}", row.id))), true) }
            </td>
        </tr>
    }
}
