//! Reads a picked file in the browser and turns it into an import action.

use std::rc::Rc;

use yew::UseReducerDispatcher;

use crate::ui::state::Store;
use crate::ui::xlsx_client::import_xlsx;
use sitebudget_core::app::Action;
use sitebudget_core::io::import::import_file;
use sitebudget_core::model::Document;

/// Whether a file is an XLSX workbook: by extension, else by the ZIP signature.
fn is_xlsx(name: &str, bytes: &[u8]) -> bool {
    name.to_ascii_lowercase().ends_with(".xlsx") || bytes.starts_with(b"PK\x03\x04")
}

/// Reads `file` and dispatches the document to preview or the reasons it was refused:
/// XLSX workbooks go to the file worker, JSON and CSV are read here.
pub fn read_and_import(
    file: web_sys::File,
    current: Rc<Document>,
    dispatch: UseReducerDispatcher<Store>,
) {
    let name = file.name();
    wasm_bindgen_futures::spawn_local(async move {
        let blob = gloo_file::Blob::from(file);
        let result = match gloo_file::futures::read_as_bytes(&blob).await {
            Ok(bytes) if is_xlsx(&name, &bytes) => import_xlsx(current, bytes).await,
            Ok(bytes) => import_file(&current, &name, &String::from_utf8_lossy(&bytes)),
            Err(err) => Err(vec![format!("The file could not be read: {err}")]),
        };
        dispatch.dispatch(match result {
            Ok(doc) => Action::ImportReady {
                file: name,
                doc: Box::new(doc),
            },
            Err(problems) => Action::ImportRefused {
                file: name,
                problems,
            },
        });
    });
}
