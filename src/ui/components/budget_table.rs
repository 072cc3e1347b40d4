//! The line-by-line budget table, filterable and groupable by source.

use std::rc::Rc;

use yew::prelude::*;

use super::head_row;
use sitebudget_core::util::i18n::key;

use crate::ui::lang::{priority_name, tr, tr1, trn, use_lang};

use super::panel::Panel;

use super::figure::{money, money_cell};
use crate::ui::event_value;
use sitebudget_core::util::dec;
use sitebudget_core::view::budget_rows::{BudgetRow, RowGroup};

/// Props of [`BudgetTable`].
#[derive(Properties, PartialEq)]
pub struct BudgetTableProps {
    /// Row groups to show (one group when not grouped).
    pub groups: Rc<Vec<RowGroup>>,
    /// Source ids and names for the filter menu.
    pub sources: Rc<Vec<(String, String)>>,
    /// The source filter in force.
    pub filter: Option<String>,
    /// Whether rows are grouped by source.
    pub grouped: bool,
    /// Called with the new filter (`None` for all sources).
    pub on_filter: Callback<Option<String>>,
    /// Called when grouping is switched.
    pub on_group: Callback<bool>,
}

/// Every line with what it costs and who pays.
#[component]
pub fn BudgetTable(props: &BudgetTableProps) -> Html {
    use_lang();
    let on_filter = {
        let cb = props.on_filter.clone();
        Callback::from(move |e: Event| {
            let value = event_value(&e).unwrap_or_default();
            cb.emit((!value.is_empty()).then_some(value));
        })
    };
    let on_group = {
        let cb = props.on_group.clone();
        Callback::from(move |e: Event| {
            let checked = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .is_some_and(|i| i.checked());
            cb.emit(checked);
        })
    };
    let shown: usize = props.groups.iter().map(|g| g.rows.len()).sum();
    let total = dec::sum(props.groups.iter().map(|g| g.subtotal));
    html! {
        <Panel id="lines" title={tr("Budget lines")} actions={html! {
                <div class="toolbar">
                    <label>
                        { tr("Source") }
                        <select data-testid="filter-source" onchange={on_filter}>
                            <option value="" selected={props.filter.is_none()}>{ tr("All sources") }</option>
                            for (id, name) in props.sources.iter() {
                                <option key={id.clone()} value={id.clone()}
                                    selected={props.filter.as_deref() == Some(id.as_str())}>{ name }</option>
                            }
                        </select>
                    </label>
                    <label>
                        <input type="checkbox" data-testid="group-by-source"
                            checked={props.grouped} onchange={on_group} />
                        { tr("Group by source") }
                    </label>
                    <span class="small muted" data-testid="lines-shown">{ trn("1 line", "{n} lines", shown as u64, &[]) }</span>
                </div>
        }}>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="lines-title">
                <table class="data" data-testid="budget-table">
                    <thead>
                        { head_row(&[(key("Line"), false), (key("FTE / amount"), true), (key("Unit cost"), true), (key("Funded by"), false), (key("Priority"), false), (key("Cost"), true)]) }
                    </thead>
                    for group in props.groups.iter() {
                        <tbody key={group.source.clone().unwrap_or_default()}>
                            if props.grouped {
                                <tr class="group-head"><th colspan="6" scope="rowgroup">{ &group.heading }</th></tr>
                            }
                            for chunk in group.rows.chunks(CHUNK) {
                                <LineChunk key={chunk.first().map_or_else(String::new, |r| r.id.clone())}
                                    rows={Rc::<[Rc<BudgetRow>]>::from(chunk)} />
                            }
                            if props.grouped {
                                <tr class="group-foot">
                                    <td colspan="5">{ tr1("Charged to {source}", "source", &group.heading) }</td>
                                    { money_cell(group.subtotal, false) }
                                </tr>
                            }
                        </tbody>
                    }
                    <tfoot>
                        <tr>
                            <th scope="row" colspan="5">
                                { if props.filter.is_some() { tr("Charged to this source") } else { tr("Total cost") } }
                            </th>
                            <td class="num">{ money(total, Some(AttrValue::from("lines-total")), false) }</td>
                        </tr>
                    </tfoot>
                </table>
            </div>
        </Panel>
    }
}

/// Rows per [`LineChunk`]: a move that changes a few rows re-renders a few chunks, and
/// the table compares about 40 chunks rather than a thousand rows.
const CHUNK: usize = 25;

/// Props of [`LineChunk`].
#[derive(Properties, PartialEq)]
pub struct LineChunkProps {
    /// The chunk's rows; equal rows (the same `Rc`s) skip re-rendering.
    pub rows: Rc<[Rc<BudgetRow>]>,
}

/// A run of consecutive rows.
#[component]
pub fn LineChunk(props: &LineChunkProps) -> Html {
    html! {
        for row in props.rows.iter() {
            <LineRow key={row.id.clone()} row={row.clone()} />
        }
    }
}

/// Props of [`LineRow`].
#[derive(Properties, PartialEq)]
pub struct LineRowProps {
    /// The row; an equal row skips re-rendering.
    pub row: Rc<BudgetRow>,
}

/// One budget line.
#[component]
pub fn LineRow(props: &LineRowProps) -> Html {
    use_lang();
    let row = &props.row;
    let priority = row.priority.as_str();
    html! {
        <tr data-testid={format!("line-{}", row.id)}>
            <th scope="row">
                <span class="line-title">{ &row.title }</span>
                <div class="line-meta">
                    if row.vacant { <span class="badge badge-vacant">{ tr("Vacant") }</span> }
                    if let Some(norm) = &row.norm { <span class="badge">{ tr1("Norm: {norm}", "norm", norm) }</span> }
                    for tag in row.tags.iter() { <span class="badge" key={tag.clone()}>{ tag }</span> }
                </div>
            </th>
            <td class="num">
                if row.fte.is_some() { { &row.fte_text } } else { { money(row.cost, None, false) } }
            </td>
            <td class="num">
                if let Some(unit) = row.unit_cost { { money(unit, None, false) } }
            </td>
            <td>
                <ul class="funding-list">
                    for f in row.funding.iter() {
                        <li key={f.source.clone()}>{ format!("{} {}", f.name, f.share) }</li>
                    }
                </ul>
            </td>
            <td><span class={classes!("badge", format!("badge-{priority}"))}>{ priority_name(row.priority) }</span></td>
            { money_cell(row.cost, false) }
        </tr>
    }
}
