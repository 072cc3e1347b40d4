//! The network table: one row per school (SPEC's columns), sortable by any column through
//! buttons in the headers (`aria-sort`), shown a page of rows at a time with the sort over
//! every school, and the total row. Rows keep their file-order hooks
//! (`network-school-<i>`) whatever the sort.

use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use sitebudget_core::engine::{NetworkTotal, SchoolRow};
use sitebudget_core::format;
use sitebudget_core::util::by_ptr::ByPtr;
use sitebudget_core::util::i18n::{tr, trf};
use sitebudget_core::view::network_table::{sort_order, NetworkColumn};

use super::compute::RowResult;
use sitebudget_core::app::networks::{school_names, NetworkSchool};

/// Rows per page of the table.
pub const PAGE_ROWS: usize = 50;

/// A figure's `data-*` text: the plain decimal, empty for none.
fn plain(v: Option<Decimal>) -> String {
    v.map(format::plain).unwrap_or_default()
}

/// A share as people read it (`86%`), a dash for none.
fn percent(v: Option<Decimal>) -> String {
    v.map_or_else(|| "—".to_owned(), format::percent)
}

/// Props of [`SchoolRowView`].
#[derive(Properties, PartialEq)]
pub struct SchoolRowProps {
    /// The school's position in the file.
    pub index: usize,
    /// Its label.
    pub label: AttrValue,
    /// Its outcome (`None`: not computed yet).
    pub row: Option<RowResult>,
    /// Whether its budget file is still coming.
    #[prop_or_default]
    pub loading: bool,
    /// Its own change (percent text), when it has one.
    pub own_change: Option<AttrValue>,
    /// The network's change, shown as the box's placeholder.
    pub network_change: AttrValue,
    /// Changes the school's own change (`None` clears it); absent when read-only.
    #[prop_or_default]
    pub on_change: Option<Callback<(usize, String)>>,
    /// Opens the school; absent when it cannot be opened here.
    #[prop_or_default]
    pub on_open: Option<Callback<usize>>,
    /// Removes the school from the network; absent when read-only.
    #[prop_or_default]
    pub on_remove: Option<Callback<usize>>,
}

/// One school's row.
#[component]
pub fn SchoolRowView(props: &SchoolRowProps) -> Html {
    let i = props.index;
    let change_cell = match &props.on_change {
        Some(cb) => {
            let cb = cb.clone();
            let oninput = Callback::from(move |e: InputEvent| {
                if let Some(v) = crate::ui::event_value(&e.into()) {
                    cb.emit((i, v));
                }
            });
            html! {
                <td class="num net-change">
                    <span class="input-with-unit">
                        <input type="number" step="0.5" min="-100" max="100" inputmode="decimal"
                            aria-label={trf("Own enrollment change of {school}, percent (empty: the network's)", &[("school", &props.label)])}
                            placeholder={props.network_change.clone()}
                            value={props.own_change.clone().unwrap_or_default()}
                            data-testid={format!("network-school-change-{i}")} {oninput} />
                        <span aria-hidden="true">{ "%" }</span>
                    </span>
                </td>
            }
        }
        None => html! {
            <td class="num">{ props.own_change.as_ref().map_or_else(|| props.network_change.to_string(), |c| c.to_string()) }{ "%" }</td>
        },
    };
    let name = match &props.on_open {
        Some(cb) if matches!(props.row.as_deref(), Some(Ok(_))) => {
            let cb = cb.clone();
            html! {
                <button type="button" class="link-button" onclick={move |_| cb.emit(i)}
                    data-testid={format!("network-open-{i}")}
                    title={trf("Open {school} in the workspace", &[("school", &props.label)])}>{ &props.label }</button>
            }
        }
        _ => html! { { &props.label } },
    };
    let remove = props.on_remove.as_ref().map(|cb| {
        let cb = cb.clone();
        html! {
            <button type="button" class="net-remove no-print" onclick={move |_| cb.emit(i)}
                data-testid={format!("network-remove-{i}")}
                aria-label={trf("Remove {school} from the network", &[("school", &props.label)])}
                title={trf("Remove {school} from the network", &[("school", &props.label)])}>{ "✕" }</button>
        }
    });
    let name = html! { <>{ name }{ remove.unwrap_or_default() }</> };
    match props.row.as_deref() {
        Some(Ok(r)) => html! {
            <tr data-testid={format!("network-school-{i}")} data-index={i.to_string()}
                data-pupils={r.pupils.to_string()}
                data-unduplicated-share={format::plain(r.unduplicated_share)}
                data-allocation={format::plain(r.allocation)}
                data-per-pupil={plain(r.per_pupil)}
                data-restricted-share={plain(r.restricted_share)}
                data-balance={format::plain(r.balance)}
                data-cut-fte={format::plain(r.cut_fte)}
                data-deficit={format::plain(r.deficit)}
                data-flex-index={format::plain(r.flex_index)}
                data-lose={r.lose.map(|l| l.to_string()).unwrap_or_default()}>
                <th scope="row">{ name }</th>
                { change_cell }
                <td class="num">{ format::count(r.pupils) }</td>
                <td class="num">{ format::percent(r.unduplicated_share) }</td>
                <td class="num">{ format::money_whole(r.allocation) }</td>
                <td class="num">{ r.per_pupil.map_or_else(|| "—".to_owned(), format::money) }</td>
                <td class="num">{ percent(r.restricted_share) }</td>
                <td class={classes!("num", r.balance.is_sign_negative().then_some("negative"))}>{ format::money_whole(r.balance) }</td>
                <td class="num">{ format::fte(r.cut_fte) }</td>
                <td class={classes!("num", (!r.deficit.is_zero()).then_some("negative"))}>{ format::money_whole(r.deficit) }</td>
                <td class="num">{ format::percent(r.flex_index) }</td>
                <td class="num">{ r.lose.map_or_else(|| "—".to_owned(), format::count) }</td>
            </tr>
        },
        Some(Err(why)) => html! {
            <tr class="net-bad" data-testid={format!("network-school-{i}")} data-index={i.to_string()}
                data-problem="true" data-pupils="" data-allocation="" data-per-pupil="" data-restricted-share=""
                data-balance="" data-cut-fte="" data-deficit="" data-flex-index="" data-lose="">
                <th scope="row">{ name }</th>
                { change_cell }
                <td colspan="10" class="negative" data-testid={format!("network-problem-{i}")}><div class="net-why">{ why }</div></td>
            </tr>
        },
        None => html! {
            <tr data-testid={format!("network-school-{i}")} data-index={i.to_string()} aria-busy="true"
                data-loading={props.loading.then_some("true")}>
                <th scope="row">{ name }</th>
                { change_cell }
                <td colspan="10" class="muted">{ if props.loading { tr("Loading…") } else { tr("Computing…") } }</td>
            </tr>
        },
    }
}

/// Props of [`NetworkTable`].
#[derive(Properties, PartialEq)]
pub struct NetworkTableProps {
    /// The schools, in file order (compared by identity).
    pub schools: ByPtr<Vec<NetworkSchool>>,
    /// Their outcomes, in file order.
    pub rows: Rc<Vec<Option<RowResult>>>,
    /// The network's total over the schools that computed.
    pub total: Rc<NetworkTotal>,
    /// How many schools have no figures.
    pub failed: usize,
    /// Each school's own change as percent text, file order (`None`: the network's).
    pub own_changes: Rc<Vec<Option<AttrValue>>>,
    /// The network's change as percent text.
    pub network_change: AttrValue,
    /// A school's own change was typed; absent when read-only.
    #[prop_or_default]
    pub on_change: Option<Callback<(usize, String)>>,
    /// A school is opened; absent when schools cannot be opened here.
    #[prop_or_default]
    pub on_open: Option<Callback<usize>>,
    /// A school is removed; absent when read-only.
    #[prop_or_default]
    pub on_remove: Option<Callback<usize>>,
    /// Whether a newer scenario is being computed.
    #[prop_or_default]
    pub busy: bool,
    /// How many schools' budget files are still coming.
    #[prop_or_default]
    pub waiting: usize,
}

/// The sortable, paged network table with its total row.
#[component]
pub fn NetworkTable(props: &NetworkTableProps) -> Html {
    let sort_by = use_state(|| (NetworkColumn::School, false, true)); // (column, descending, file order)
    let page = use_state(|| 0_usize);
    let (col, descending, file_order) = *sort_by;
    let order: Rc<Vec<usize>> = use_memo(
        (
            props.schools.clone(),
            props.rows.clone(),
            col,
            descending,
            file_order,
        ),
        |(schools, rows, col, descending, file_order)| {
            if *file_order {
                (0..schools.0.len()).collect()
            } else {
                let names = school_names(&schools.0);
                let names: Vec<&str> = names.iter().map(String::as_str).collect();
                let figures: Vec<Option<&SchoolRow>> = rows
                    .iter()
                    .map(|r| r.as_deref().and_then(|r| r.as_ref().ok()))
                    .collect();
                let order = sort_order(&names, &figures, *col, *descending);
                // Schools still coming go last, after any that has no figures.
                let coming = |i: &usize| schools.0.get(*i).is_some_and(NetworkSchool::is_loading);
                let (mut order, later): (Vec<usize>, Vec<usize>) =
                    order.into_iter().partition(|i| !coming(i));
                order.extend(later);
                order
            }
        },
    );
    let n = props.schools.0.len();
    let pages = n.div_ceil(PAGE_ROWS).max(1);
    let current = (*page).min(pages - 1);
    let first = current * PAGE_ROWS;
    let last = (first + PAGE_ROWS).min(n);
    let on_sort = |c: NetworkColumn| {
        let (sort_by, page) = (sort_by.clone(), page.clone());
        Callback::from(move |_: MouseEvent| {
            let (now, desc, file) = *sort_by;
            // A first click sorts the figures largest first, the names A to Z; again reverses.
            let next = if now == c && !file {
                !desc
            } else {
                c.numeric()
            };
            sort_by.set((c, next, false));
            page.set(0);
        })
    };
    let aria = |c: NetworkColumn| -> &'static str {
        if file_order || c != col {
            "none"
        } else if descending {
            "descending"
        } else {
            "ascending"
        }
    };
    let t = &props.total;
    let go = |to: usize| {
        let page = page.clone();
        Callback::from(move |_: MouseEvent| page.set(to))
    };
    let pager = (pages > 1).then(|| html! {
        <div class="net-pager no-print" data-testid="network-pager">
            <button type="button" disabled={current == 0} onclick={go(current.saturating_sub(1))}
                data-testid="network-page-prev">{ tr("Previous") }</button>
            <span data-testid="network-page-range" aria-live="polite">{ trf("Schools {first}–{last} of {n}", &[
                ("first", &format::count((first + 1) as u64)), ("last", &format::count(last as u64)), ("n", &format::count(n as u64))]) }</span>
            <button type="button" disabled={current + 1 >= pages} onclick={go(current + 1)}
                data-testid="network-page-next">{ tr("Next") }</button>
        </div>
    });
    let waiting = props.waiting;
    html! {
        <div class="net-table" aria-busy={(props.busy || waiting > 0).to_string()}>
            if waiting > 0 {
                <p class="small muted net-loaded" role="status" aria-live="polite" data-testid="network-loaded"
                    data-loaded={(n.saturating_sub(waiting)).to_string()}>
                    { trf("{n} of {m} schools loaded", &[("n", &format::count(n.saturating_sub(waiting) as u64)), ("m", &format::count(n as u64))]) }
                </p>
            }
            <div class="table-wrap">
                <table class="data" data-testid="network-table">
                    <caption class="visually-hidden">{ tr("Schools of the network under the enrollment change") }</caption>
                    <thead>
                        <tr>
                            <th scope="col" aria-sort={aria(NetworkColumn::School)}>
                                <button type="button" class="sort-button" onclick={on_sort(NetworkColumn::School)}
                                    data-testid="network-sort-school">{ tr(NetworkColumn::School.label()) }</button>
                            </th>
                            <th scope="col" class="num">{ tr("Change") }</th>
                            for c in NetworkColumn::all().into_iter().skip(1) {
                                <th key={c.key()} scope="col" class="num" aria-sort={aria(c)}>
                                    <button type="button" class="sort-button" onclick={on_sort(c)}
                                        data-testid={format!("network-sort-{}", c.key())}>{ tr(c.label()) }</button>
                                </th>
                            }
                        </tr>
                    </thead>
                    <tbody>
                        for i in order.iter().skip(first).take(last - first).copied() {
                            <SchoolRowView key={i} index={i}
                                label={props.schools.0.get(i).map(|s| AttrValue::from(s.name(i))).unwrap_or_default()}
                                row={props.rows.get(i).cloned().flatten()}
                                loading={props.schools.0.get(i).is_some_and(NetworkSchool::is_loading)}
                                own_change={props.own_changes.get(i).cloned().flatten()}
                                network_change={props.network_change.clone()}
                                on_change={props.on_change.clone()} on_open={props.on_open.clone()}
                                on_remove={props.on_remove.clone()} />
                        }
                    </tbody>
                    <tfoot>
                        <tr data-testid="network-total"
                            data-pupils={t.pupils.to_string()}
                            data-unduplicated-share={plain(t.unduplicated_share)}
                            data-allocation={format::plain(t.allocation)}
                            data-per-pupil={plain(t.per_pupil)}
                            data-restricted-share={plain(t.restricted_share)}
                            data-balance={format::plain(t.balance)}
                            data-cut-fte={format::plain(t.cut_fte)}
                            data-deficit={format::plain(t.deficit)}
                            data-flex-index={format::plain(t.flex_index)}
                            data-lose={t.lose.map(|l| l.to_string()).unwrap_or_default()}
                            data-schools={t.schools.to_string()}>
                            <th scope="row">{ trf("Total ({n} schools)", &[("n", &format::count(t.schools as u64))]) }</th>
                            <td class="num">{ props.network_change.to_string() }{ "%" }</td>
                            <td class="num">{ format::count(t.pupils) }</td>
                            <td class="num">{ percent(t.unduplicated_share) }</td>
                            <td class="num">{ format::money_whole(t.allocation) }</td>
                            <td class="num">{ t.per_pupil.map_or_else(|| "—".to_owned(), format::money) }</td>
                            <td class="num">{ percent(t.restricted_share) }</td>
                            <td class={classes!("num", t.balance.is_sign_negative().then_some("negative"))}>{ format::money_whole(t.balance) }</td>
                            <td class="num">{ format::fte(t.cut_fte) }</td>
                            <td class={classes!("num", (!t.deficit.is_zero()).then_some("negative"))}>{ format::money_whole(t.deficit) }</td>
                            <td class="num">{ format::percent(t.flex_index) }</td>
                            <td class="num">{ t.lose.map_or_else(|| "—".to_owned(), format::count) }</td>
                        </tr>
                    </tfoot>
                </table>
            </div>
            if props.failed > 0 {
                <p class="small negative" role="note" data-testid="network-left-out">{
                    if props.failed == 1 {
                        tr("1 school has no figures and is left out of the total.")
                    } else {
                        trf("{n} schools have no figures and are left out of the total.", &[("n", &props.failed)])
                    }
                }</p>
            }
            { pager.unwrap_or_default() }
        </div>
    }
}
