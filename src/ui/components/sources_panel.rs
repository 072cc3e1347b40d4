//! The per-source summary table: allocation, charges, balance.

use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use super::head_row;
use sitebudget_core::util::i18n::key;

use crate::ui::lang::tr;

use super::panel::Panel;

use super::figure::{money, money_cell};
use sitebudget_core::util::dec;
use sitebudget_core::view::source_rows::SourceRow;

/// What [`sources_panel`] shows.
#[derive(PartialEq)]
pub struct SourcesPanelProps {
    /// One row per source, in document order.
    pub rows: Rc<Vec<Rc<SourceRow>>>,
}

/// Where the money comes from and what is left of each source.
pub fn sources_panel(props: &SourcesPanelProps) -> Html {
    let total =
        |f: fn(&SourceRow) -> Decimal| -> Decimal { dec::sum(props.rows.iter().map(|r| f(r))) };
    html! {
        <Panel id="sources" title={tr("Funding sources")} note={tr("Balance = allocation − charges")}>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="sources-title">
                <table class="data">
                    <thead>
                        { head_row(&[(key("Source"), false), (key("Rule"), false), (key("Allocation"), true), (key("Charges"), true), (key("Balance"), true)]) }
                    </thead>
                    <tbody>
                        for row in props.rows.iter() {
                            { source_row(row) }
                        }
                    </tbody>
                    <tfoot>
                        <tr>
                            <th scope="row" colspan="2">{ tr("School total") }</th>
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

/// One source's row (a plain function: the rows are read anew at each move anyway).
fn source_row(row: &SourceRow) -> Html {
    html! {
        <tr key={row.id.clone()}>
            <th scope="row">
                <span class="line-title">{ &row.name }</span>
                <div class="line-meta">
                    if row.restricted { <span class="badge badge-restricted">{ tr("Restricted") }</span> }
                    if row.one_time { <span class="badge badge-one-time">{ tr("One-time") }</span> }
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
