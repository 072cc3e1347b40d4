//! The network's downloads: the network file (JSON, budgets inline) written on the page,
//! and the table as CSV or XLSX written by the file worker.

use std::rc::Rc;

use yew::prelude::*;

use sitebudget_core::app::inputs::percent_text;
use sitebudget_core::app::networks::Network;
use sitebudget_core::io::network::NetworkRow;
use sitebudget_core::util::i18n::{tr, trf};
use sitebudget_core::view::file_name::file_stem;

use super::compute::{compute_one, RowResult};
use super::page::NetView;
use crate::ui::export::download;
use crate::ui::xlsx_client::{network_csv, network_xlsx};

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Every school's row for the exports: the shown ones, and any not yet computed.
fn export_rows(network: &Network, shown: &[Option<RowResult>]) -> Vec<NetworkRow> {
    network
        .schools
        .iter()
        .enumerate()
        .map(|(i, school)| {
            let change = network.scenario.change_for(i);
            let row = match shown.get(i).cloned().flatten() {
                Some(r) => r,
                None => compute_one(school, change),
            };
            NetworkRow {
                school: school.name(i),
                change,
                row: (*row).clone(),
            }
        })
        .collect()
}

/// Props of [`NetworkExports`].
#[derive(Properties, PartialEq)]
pub struct NetworkExportsProps {
    /// The network.
    pub network: NetView,
    /// The rows on screen.
    pub rows: Rc<Vec<Option<RowResult>>>,
}

/// Three download buttons and a one-line status.
#[component]
pub fn NetworkExports(props: &NetworkExportsProps) -> Html {
    let status = use_state(|| None::<Result<String, String>>);
    let network = &props.network.0;
    let stem = format!("{}-network", file_stem(&network.name));
    let title = trf(
        "{network}, enrollment change {change}%",
        &[
            ("network", &network.name),
            ("change", &percent_text(network.scenario.change)),
        ],
    );
    let on_json = {
        let (network, status, name) = (network.clone(), status.clone(), format!("{stem}.json"));
        Callback::from(move |_: MouseEvent| {
            let text = network.export();
            status.set(Some(
                download(text.as_bytes(), &name, "application/json")
                    .map(|_| trf("Downloaded {file}", &[("file", &name)])),
            ));
        })
    };
    let worker = |xlsx: bool| {
        let (network, rows, status, title) = (
            network.clone(),
            props.rows.clone(),
            status.clone(),
            title.clone(),
        );
        let name = format!("{stem}.{}", if xlsx { "xlsx" } else { "csv" });
        Callback::from(move |_: MouseEvent| {
            let rows = export_rows(&network, &rows);
            let (status, name, title) = (status.clone(), name.clone(), title.clone());
            status.set(Some(Ok(trf("Preparing {file}…", &[("file", &name)]))));
            wasm_bindgen_futures::spawn_local(async move {
                let bytes = if xlsx {
                    network_xlsx(title, rows).await
                } else {
                    network_csv(title, rows).await.map(String::into_bytes)
                };
                let mime = if xlsx { XLSX_MIME } else { "text/csv" };
                status.set(Some(
                    bytes
                        .and_then(|b| download(&b, &name, mime))
                        .map(|_| trf("Downloaded {file}", &[("file", &name)])),
                ));
            });
        })
    };
    html! {
        <div class="export-menu network-exports" role="group" aria-label={tr("Export the network")}>
            <span class="small">{ tr("Export") }</span>
            <button type="button" onclick={on_json} data-testid="network-export-json"
                title={tr("The network file with every budget inline")}>{ "JSON" }</button>
            <button type="button" onclick={worker(false)} data-testid="network-export-csv"
                title={tr("The table of schools as CSV")}>{ "CSV" }</button>
            <button type="button" onclick={worker(true)} data-testid="network-export-xlsx"
                title={tr("The table of schools as a workbook")}>{ "XLSX" }</button>
            if let Some(s) = &*status {
                <span class={classes!("small", s.is_err().then_some("negative"))} role="status"
                    data-testid="network-export-status">{ match s { Ok(t) | Err(t) => t.clone() } }</span>
            }
        </div>
    }
}
