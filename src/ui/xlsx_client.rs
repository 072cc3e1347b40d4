//! CSV and XLSX import and export through the file worker, so the main bundle carries no
//! CSV or XLSX code.

use std::rc::Rc;

use crate::ui::worker::call;
use sitebudget_core::engine::Scenario;
use sitebudget_core::io::line_rows::RowsRead;
use sitebudget_core::io::worker_protocol::{Request, Response};
use sitebudget_core::model::Document;

/// A CSV or XLSX file of lines read against `current`: the good rows as its lines and the
/// bad rows set aside, or, when nothing can be imported, each problem in plain words.
pub async fn import_lines(
    current: Rc<Document>,
    bytes: Vec<u8>,
    xlsx: bool,
) -> Result<RowsRead, Vec<String>> {
    let doc = (*current).clone();
    let request = if xlsx {
        Request::ImportXlsx { doc, bytes }
    } else {
        Request::ImportCsv {
            doc,
            text: String::from_utf8_lossy(&bytes).into_owned(),
        }
    };
    match call(request).await? {
        Response::Imported(read) => Ok(*read),
        other => Err(vec![other.unexpected()]),
    }
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
    workbook(request).await
}

/// The lines of `doc` alone as a workbook laid out as the CSV (the template).
pub async fn lines_xlsx(doc: Rc<Document>) -> Result<Vec<u8>, String> {
    workbook(Request::LinesXlsx {
        doc: (*doc).clone(),
    })
    .await
}

/// The lines of `doc` as CSV text.
pub async fn lines_csv(doc: Rc<Document>) -> Result<String, String> {
    let request = Request::LinesCsv {
        doc: (*doc).clone(),
    };
    match call(request).await.map_err(|p| p.join(" "))? {
        Response::Csv(text) => Ok(text),
        other => Err(other.unexpected()),
    }
}

async fn workbook(request: Request) -> Result<Vec<u8>, String> {
    match call(request).await.map_err(|p| p.join(" "))? {
        Response::Workbook(bytes) => Ok(bytes),
        other => Err(other.unexpected()),
    }
}

/// The network table as CSV text, written by the file worker.
pub async fn network_csv(
    title: String,
    rows: Vec<sitebudget_core::io::network::NetworkRow>,
) -> Result<String, String> {
    match call(Request::NetworkCsv { title, rows })
        .await
        .map_err(|p| p.join(" "))?
    {
        Response::Csv(text) => Ok(text),
        other => Err(other.unexpected()),
    }
}

/// The network table as a workbook, written by the file worker.
pub async fn network_xlsx(
    title: String,
    rows: Vec<sitebudget_core::io::network::NetworkRow>,
) -> Result<Vec<u8>, String> {
    workbook(Request::NetworkXlsx { title, rows }).await
}
