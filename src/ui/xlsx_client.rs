//! XLSX import and export through the file worker, so the main bundle carries no XLSX code.

use std::rc::Rc;

use wasm_bindgen::JsCast;

use crate::ui::worker::{call, field, put, request};
use sitebudget_core::engine::Scenario;
use sitebudget_core::io::line_rows::{import_rows, Row};
use sitebudget_core::io::{scenario_value, to_json};
use sitebudget_core::model::Document;

/// The workbook's first sheet as the new lines of `current`, or each problem in plain words.
///
/// The worker unpacks the sheet into rows of text; they are read here by the same row
/// importer as a CSV file, so the rules and messages are the same.
pub async fn import_xlsx(current: Rc<Document>, bytes: Vec<u8>) -> Result<Document, Vec<String>> {
    let req = request("read", &[]);
    put(&req, "bytes", &js_sys::Uint8Array::from(bytes.as_slice()));
    let reply = call(req).await?;
    let list = js_sys::Array::from(&field(&reply, "rows"));
    let rows = list.iter().map(|row| {
        let row = js_sys::Array::from(&row);
        let number = row.get(0).as_f64().map_or(0, |n| n as usize);
        let cells = js_sys::Array::from(&row.get(1))
            .iter()
            .map(|c| c.as_string().unwrap_or_default())
            .collect();
        Ok(Row { number, cells })
    });
    import_rows(&current, rows).map_err(|e| e.problems.iter().map(ToString::to_string).collect())
}

/// The workbook (lines, comparison, cut plan) of `doc` under `scenario`.
pub async fn export_xlsx(
    doc: Rc<Document>,
    scenario: Rc<Scenario>,
    name: String,
) -> Result<Vec<u8>, String> {
    let req = request(
        "write",
        &[
            ("doc", &to_json(&doc)),
            ("scenario", &scenario_value(&scenario).to_string()),
            ("name", &name),
        ],
    );
    let reply = call(req).await.map_err(|p| p.join(" "))?;
    field(&reply, "bytes")
        .dyn_into::<js_sys::Uint8Array>()
        .map(|a| a.to_vec())
        .map_err(|_| "The file helper sent no workbook.".to_owned())
}
