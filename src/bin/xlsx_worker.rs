//! Web Worker for the heavy file work: CSV and XLSX reading and writing, and share-link
//! compression. The main bundle never links this code; it loads this worker on first use.
//!
//! The messages are `sitebudget_core::io::worker_protocol`'s, carried as `src/ui/wire.rs`
//! says; this file only answers them.

#[cfg(target_arch = "wasm32")]
#[path = "../ui/wire.rs"]
mod wire;

#[cfg(target_arch = "wasm32")]
fn main() {
    use sitebudget_core::io::worker_protocol::{encode_response, Response};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let reply = handle::answer(wire::from_js(&e.data()));
            let _ = reply_to.post_message(&wire::to_js(&reply));
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&wire::to_js(&encode_response(None, Response::Ready)));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}

#[cfg(target_arch = "wasm32")]
mod handle {
    use sitebudget_core::app::{compared_workbook, lines_workbook, network_workbook};
    use sitebudget_core::io::line_rows::read_rows;
    use sitebudget_core::io::network::network_csv;
    use sitebudget_core::io::share::share_fragment_with;
    use sitebudget_core::io::worker_protocol::{
        decode_request, encode_response, Decoded, Message, Request, Response,
    };
    use sitebudget_core::io::{lines_to_csv, read_lines_csv, read_share, xlsx_rows, ImportError};

    /// The answer to one message, carrying its id; never panics.
    pub fn answer(message: Message) -> Message {
        let Decoded { id, body } = decode_request(message);
        let response = match body {
            Ok(request) => work(request).unwrap_or_else(Response::Failed),
            Err(e) => Response::Failed(vec![e.to_string()]),
        };
        encode_response(id, response)
    }

    /// Each problem of a refused file, in plain words.
    fn words(e: ImportError) -> Vec<String> {
        e.problems.iter().map(ToString::to_string).collect()
    }

    fn work(request: Request) -> Result<Response, Vec<String>> {
        Ok(match request {
            Request::ReadXlsx { bytes } => Response::Rows(xlsx_rows(&bytes).map_err(words)?),
            Request::ImportCsv { doc, text } => {
                Response::Imported(Box::new(read_lines_csv(&doc, &text).map_err(words)?))
            }
            Request::ImportXlsx { doc, bytes } => {
                let rows = xlsx_rows(&bytes).map_err(words)?;
                Response::Imported(Box::new(
                    read_rows(&doc, rows.into_iter().map(Ok)).map_err(words)?,
                ))
            }
            Request::LinesCsv { doc } => Response::Csv(lines_to_csv(&doc)),
            Request::LinesXlsx { doc } => {
                Response::Workbook(lines_workbook(&doc).map_err(|e| vec![e])?)
            }
            Request::NetworkCsv { rows, .. } => Response::Csv(network_csv(&rows)),
            Request::NetworkXlsx { title, rows } => {
                Response::Workbook(network_workbook(&title, &rows).map_err(|e| vec![e])?)
            }
            Request::WriteXlsx {
                doc,
                scenario,
                name,
                compare,
            } => {
                let compare = compare.as_ref().map(|(s, n)| (s, n.as_str()));
                Response::Workbook(
                    compared_workbook(&doc, &scenario, &name, compare).map_err(|e| vec![e])?,
                )
            }
            Request::PackShare {
                doc,
                scenario,
                name,
                others,
            } => Response::Fragment(share_fragment_with(&doc, &scenario, &name, &others)),
            Request::UnpackShare { fragment } => Response::Shared(Box::new(
                read_share(&fragment).map_err(|e| vec![e.to_string()])?,
            )),
        })
    }
}
