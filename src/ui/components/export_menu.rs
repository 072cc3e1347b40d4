//! Export buttons: the JSON document, the CSV of lines, the XLSX workbook, and a template
//! (CSV or XLSX) with the sample's lines for a spreadsheet user to fill in.

use std::rc::Rc;

use yew::prelude::*;

use sitebudget_core::util::i18n;

use crate::ui::lang::{tr, use_lang};

use crate::ui::export::download;
use crate::ui::xlsx_client::{export_xlsx, lines_csv, lines_xlsx};
use sitebudget_core::engine::Scenario;
use sitebudget_core::io::sample::sample_document;
use sitebudget_core::io::to_json_with_scenarios;
use sitebudget_core::model::Document;
use sitebudget_core::view::file_name::file_stem;

/// Props of [`ExportMenu`].
#[derive(Properties, PartialEq)]
pub struct ExportMenuProps {
    /// The budget.
    pub doc: Rc<Document>,
    /// The active scenario (for the workbook's comparison and cut plan).
    pub scenario: Rc<Scenario>,
    /// The active scenario's name.
    pub name: AttrValue,
    /// The scenario compared with the active one and its name, exported side by side.
    #[prop_or_default]
    pub compare: Option<(Rc<Scenario>, AttrValue)>,
    /// The budget's other scenarios and names: the JSON file carries them with the
    /// active one when any holds a meeting's decisions.
    #[prop_or_default]
    pub others: Rc<Vec<(Scenario, String)>>,
}

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The template's file name, without its extension.
const TEMPLATE: &str = "sitebudget-lines-template";

/// Runs `make` (a file worker call) and offers its bytes as `name`, telling `status`.
fn worker_download<F>(
    status: UseStateHandle<Option<Result<String, String>>>,
    name: String,
    mime: &'static str,
    make: F,
) where
    F: std::future::Future<Output = Result<Vec<u8>, String>> + 'static,
{
    status.set(Some(Ok(i18n::tr1("Preparing {file}…", "file", &name))));
    wasm_bindgen_futures::spawn_local(async move {
        let result = make
            .await
            .and_then(|bytes| download(&bytes, &name, mime))
            .map(|_| i18n::tr1("Downloaded {file}", "file", &name));
        status.set(Some(result));
    });
}

/// Three download buttons and a one-line status.
#[component]
pub fn ExportMenu(props: &ExportMenuProps) -> Html {
    use_lang();
    let status = use_state(|| None::<Result<String, String>>);
    let on_json = {
        let (doc, status) = (props.doc.clone(), status.clone());
        let (scenario, name, others) = (
            props.scenario.clone(),
            props.name.clone(),
            props.others.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let file = format!("{}.json", file_stem(&doc.school.name));
            let mut all: Vec<(&Scenario, &str)> = vec![(&scenario, name.as_str())];
            all.extend(others.iter().map(|(s, n)| (s, n.as_str())));
            let text = to_json_with_scenarios(&doc, &all);
            status.set(Some(
                download(text.as_bytes(), &file, "application/json")
                    .map(|_| i18n::tr1("Downloaded {file}", "file", &file)),
            ));
        })
    };
    // CSV is written by the file worker, which holds the CSV code.
    let on_csv = {
        let (doc, status) = (props.doc.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let name = format!("{}-lines.csv", file_stem(&doc.school.name));
            let text = lines_csv(doc.clone());
            worker_download(status.clone(), name, "text/csv", async move {
                text.await.map(String::into_bytes)
            });
        })
    };
    let on_template_csv = {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let text = lines_csv(Rc::new(sample_document()));
            worker_download(
                status.clone(),
                format!("{TEMPLATE}.csv"),
                "text/csv",
                async move { text.await.map(String::into_bytes) },
            );
        })
    };
    let on_template_xlsx = {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let bytes = lines_xlsx(Rc::new(sample_document()));
            worker_download(status.clone(), format!("{TEMPLATE}.xlsx"), XLSX_MIME, bytes);
        })
    };
    let on_xlsx = {
        let (doc, scenario, scenario_name, status) = (
            props.doc.clone(),
            props.scenario.clone(),
            props.name.to_string(),
            status.clone(),
        );
        let compare = props.compare.clone();
        Callback::from(move |_: MouseEvent| {
            let (doc, scenario, scenario_name, status) = (
                doc.clone(),
                scenario.clone(),
                scenario_name.clone(),
                status.clone(),
            );
            let compare = compare.clone().map(|(s, n)| (s, n.to_string()));
            status.set(Some(Ok(i18n::tr("Preparing the workbook…"))));
            wasm_bindgen_futures::spawn_local(async move {
                let name = format!("{}.xlsx", file_stem(&doc.school.name));
                let result = export_xlsx(doc, scenario, scenario_name, compare)
                    .await
                    .and_then(|bytes| download(&bytes, &name, XLSX_MIME))
                    .map(|_| i18n::tr1("Downloaded {file}", "file", &name));
                status.set(Some(result));
            });
        })
    };
    html! {
        <div class="export-menu" role="group" aria-label={tr("Export")}>
            <span class="small">{ tr("Export:") }</span>
            <button type="button" data-testid="export-json" onclick={on_json}>{ "JSON" }</button>
            <button type="button" data-testid="export-csv" onclick={on_csv}>{ "CSV" }</button>
            <button type="button" data-testid="export-xlsx" onclick={on_xlsx}
                title={tr("Workbook: lines, comparison and cut plan of the active scenario")}>{ "XLSX" }</button>
            <span class="small">{ tr("Template:") }</span>
            <button type="button" data-testid="template-csv" onclick={on_template_csv}
                title={tr("The sample school's lines as CSV, to fill in and import")}>{ "CSV" }</button>
            <button type="button" data-testid="template-xlsx" onclick={on_template_xlsx}
                title={tr("The sample school's lines as a workbook, to fill in and import")}>{ "XLSX" }</button>
            if let Some(result) = &*status {
                <span class={classes!("small", result.is_err().then_some("export-error"))}
                    role="status" data-testid="export-status">
                    { match result { Ok(text) => text.clone(), Err(text) => text.clone() } }
                </span>
            }
        </div>
    }
}
