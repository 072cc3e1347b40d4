//! Share links through the file worker, which holds the compression code.

use crate::ui::worker::call;
use sitebudget_core::engine::Scenario;
use sitebudget_core::io::share::Shared;
use sitebudget_core::io::worker_protocol::{Request, Response};
use sitebudget_core::model::Document;

/// The fragment (text after `#`) carrying `doc` and `scenario` named `name`, and the
/// budget's `others` scenarios when the link carries every one.
pub async fn make_fragment(
    doc: &Document,
    scenario: &Scenario,
    name: &str,
    others: Vec<(Scenario, String)>,
) -> Result<String, String> {
    let request = Request::PackShare {
        doc: doc.clone(),
        scenario: scenario.clone(),
        name: name.to_owned(),
        others,
    };
    match call(request).await.map_err(|p| p.join(" "))? {
        Response::Fragment(fragment) => Ok(fragment),
        other => Err(other.unexpected()),
    }
}

/// What a share fragment carries, or why it cannot be opened, in plain words.
pub async fn open_fragment(fragment: &str) -> Result<Shared, String> {
    let request = Request::UnpackShare {
        fragment: fragment.to_owned(),
    };
    match call(request).await.map_err(|p| p.join(" "))? {
        Response::Shared(shared) => Ok(*shared),
        other => Err(other.unexpected()),
    }
}
