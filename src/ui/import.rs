//! Reads a picked file in the browser and turns it into an import action.

use std::rc::Rc;

use yew::UseReducerDispatcher;

use crate::ui::state::Store;
use crate::ui::xlsx_client::import_lines;
use sitebudget_core::app::Action;
use sitebudget_core::io::import::looks_like_json;
use sitebudget_core::io::{file_scenarios, parse_document};
use sitebudget_core::model::Document;
use sitebudget_core::util::i18n::tr1;

/// Whether a file is an XLSX workbook: by extension, else by the ZIP signature.
fn is_xlsx(name: &str, bytes: &[u8]) -> bool {
    name.to_ascii_lowercase().ends_with(".xlsx") || bytes.starts_with(b"PK\x03\x04")
}

/// Whether a JSON text is a network file: its `format` names the network format (a
/// budget never carries that string outside its texts; the network reader decides).
fn is_network_text(text: &str) -> bool {
    let head: String = text.chars().take(400).collect();
    head.contains(sitebudget_core::model::NETWORK_FORMAT)
}

/// Reads `file` and dispatches the document to preview or the reasons it was refused:
/// a JSON budget is read here, CSV and XLSX lines by the file worker (so the page
/// carries no CSV or XLSX code). A network file (`sitebudget-network/1`) goes to
/// `on_network` with its name and text instead.
pub fn read_and_import(
    file: web_sys::File,
    current: Rc<Document>,
    dispatch: UseReducerDispatcher<Store>,
    on_network: yew::Callback<(String, String)>,
) {
    let name = file.name();
    wasm_bindgen_futures::spawn_local(async move {
        let blob = gloo_file::Blob::from(file);
        let result = match gloo_file::futures::read_as_bytes(&blob).await {
            Ok(bytes) if is_xlsx(&name, &bytes) => import_lines(current, bytes, true)
                .await
                .map(|read| (read.doc, read.bad)),
            Ok(bytes) => {
                let text = String::from_utf8_lossy(&bytes);
                if looks_like_json(&name, &text) && is_network_text(&text) {
                    on_network.emit((name, text.into_owned()));
                    return;
                }
                if looks_like_json(&name, &text) {
                    let read = parse_document(&text).and_then(|doc| {
                        let value = serde_json::from_str(&text).unwrap_or_default();
                        Ok((doc, file_scenarios(&value)?))
                    });
                    match read {
                        // A file that carries scenarios (with a meeting's decisions)
                        // opens them as a share link does.
                        Ok((doc, scenarios)) if !scenarios.is_empty() => {
                            let mut scenarios = scenarios.into_iter();
                            if let Some((first, first_name)) = scenarios.next() {
                                dispatch.dispatch(Action::OpenShared {
                                    doc: Box::new(doc),
                                    scenario: Box::new(first),
                                    name: first_name,
                                    from: name,
                                    others: scenarios.collect(),
                                });
                            }
                            return;
                        }
                        Ok((doc, _)) => Ok((doc, Vec::new())),
                        Err(e) => Err(e.problems.iter().map(ToString::to_string).collect()),
                    }
                } else {
                    import_lines(current, bytes, false)
                        .await
                        .map(|read| (read.doc, read.bad))
                }
            }
            Err(err) => Err(vec![tr1("The file could not be read: {why}", "why", &err)]),
        };
        dispatch.dispatch(match result {
            Ok((doc, bad)) => Action::ImportReady {
                file: name,
                doc: Box::new(doc),
                bad,
            },
            Err(problems) => Action::ImportRefused {
                file: name,
                problems,
            },
        });
    });
}
