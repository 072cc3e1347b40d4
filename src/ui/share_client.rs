//! Share links through the file worker, which holds the compression code.

use crate::ui::worker::{call, request, text};
use sitebudget_core::engine::Scenario;
use sitebudget_core::io::share::Shared;
use sitebudget_core::io::{parse_document, read_scenario, scenario_value, to_json};
use sitebudget_core::model::Document;

/// The fragment (text after `#`) carrying `doc` and `scenario` named `name`.
pub async fn make_fragment(
    doc: &Document,
    scenario: &Scenario,
    name: &str,
) -> Result<String, String> {
    let req = request(
        "share",
        &[
            ("doc", &to_json(doc)),
            ("scenario", &scenario_value(scenario).to_string()),
            ("name", name),
        ],
    );
    let reply = call(req).await.map_err(|p| p.join(" "))?;
    Ok(text(&reply, "fragment"))
}

/// What a share fragment carries, or why it cannot be opened, in plain words.
pub async fn open_fragment(fragment: &str) -> Result<Shared, String> {
    let reply = call(request("open_share", &[("fragment", fragment)]))
        .await
        .map_err(|p| p.join(" "))?;
    let doc = parse_document(&text(&reply, "doc")).map_err(|e| e.to_string())?;
    let value: serde_json::Value =
        serde_json::from_str(&text(&reply, "scenario")).map_err(|e| e.to_string())?;
    let scenario = read_scenario(&value).map_err(|e| e.to_string())?;
    Ok(Shared {
        doc,
        scenario,
        name: text(&reply, "name"),
    })
}
