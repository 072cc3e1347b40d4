//! XLSX import and export through the file worker, so the main bundle carries no XLSX code.

use std::rc::Rc;

use crate::ui::worker::call;
use sitebudget_core::engine::Scenario;
use sitebudget_core::io::line_rows::import_rows;
use sitebudget_core::io::worker_protocol::{Request, Response};
use sitebudget_core::model::Document;

/// The workbook's first sheet as the new lines of `current`, or each problem in plain words.
///
/// The worker unpacks the sheet into rows of text; they are read here by the same row
/// importer as a CSV file, so the rules and messages are the same.
pub async fn import_xlsx(current: Rc<Document>, bytes: Vec<u8>) -> Result<Document, Vec<String>> {
    let rows = match call(Request::ReadXlsx { bytes }).await? {
        Response::Rows(rows) => rows,
        other => return Err(vec![other.unexpected()]),
    };
    import_rows(&current, rows.into_iter().map(Ok))
        .map_err(|e| e.problems.iter().map(ToString::to_string).collect())
}

/// The workbook (lines, comparison, cut plan) of `doc` under `scenario`, and the two
/// compared scenarios side by side when `compare` gives the other one and its name.
pub async fn export_xlsx(
    doc: Rc<Document>,
    scenario: Rc<Scenario>,
    name: String,
    compare: Option<(Rc<Scenario>, String)>,
) -> Result<Vec<u8>, String> {
    let request = Request::WriteXlsx {
        doc: (*doc).clone(),
        scenario: (*scenario).clone(),
        name,
        compare: compare.map(|(s, n)| ((*s).clone(), n)),
    };
    match call(request).await.map_err(|p| p.join(" "))? {
        Response::Workbook(bytes) => Ok(bytes),
        other => Err(other.unexpected()),
    }
}
