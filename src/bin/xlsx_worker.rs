//! Web Worker for the heavy file work: XLSX reading and writing, and share-link
//! compression. The main bundle never links this code; it loads this worker on first use.
//!
//! Protocol (one JS object per message):
//! - worker → page, once started: `{ready: true}`; the page queues requests until then.
//! - page → worker: `{id, op, ...}` where `op` is
//!   - `"read"`: `bytes` (Uint8Array of the .xlsx)
//!   - `"write"`: `doc` (the document, JSON text), `scenario` (scenario JSON text),
//!     `name` (the scenario's name)
//!   - `"share"`: `doc`, `scenario`, `name`
//!   - `"open_share"`: `fragment` (the text after `#`)
//! - worker → page: `{id, ok: true, ...}` with `rows` for `read` (the first sheet's
//!   non-empty rows as `[[row number, [cell text…]], …]`, which the page reads with the
//!   same row importer as CSV), `bytes` (Uint8Array) for `write`, `fragment` for
//!   `share`, `doc`, `scenario` and `name` for `open_share`; or `{id, ok: false, problems: [text…]}`, each problem in plain words.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let _ = reply_to.post_message(&handle::answer(&e.data()));
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let ready = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&ready, &"ready".into(), &JsValue::TRUE);
    let _ = scope.post_message(&ready);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}

#[cfg(target_arch = "wasm32")]
mod handle {
    use js_sys::{Array, Object, Reflect, Uint8Array};
    use sitebudget_core::app::budget_workbook;
    use sitebudget_core::io::{
        parse_document, read_scenario, read_share, scenario_value, share_fragment, to_json,
        xlsx_rows,
    };
    use sitebudget_core::model::Document;
    use wasm_bindgen::JsValue;

    /// The reply to one request; never throws.
    pub fn answer(request: &JsValue) -> JsValue {
        let reply = Object::new();
        set(&reply, "id", &get(request, "id"));
        let outcome = match text(request, "op").as_str() {
            "read" => read(request),
            "write" => write(request),
            "share" => share(request),
            "open_share" => open_share(request),
            other => Err(vec![format!("unknown request `{other}`")]),
        };
        match outcome {
            Ok(fields) => {
                set(&reply, "ok", &JsValue::TRUE);
                for (k, v) in fields {
                    set(&reply, k, &v);
                }
            }
            Err(problems) => {
                set(&reply, "ok", &JsValue::FALSE);
                let list: Array = problems.iter().map(|p| JsValue::from_str(p)).collect();
                set(&reply, "problems", &list);
            }
        }
        reply.into()
    }

    type Fields = Vec<(&'static str, JsValue)>;

    fn get(v: &JsValue, key: &str) -> JsValue {
        Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    }

    fn set(o: &Object, key: &str, v: &JsValue) {
        let _ = Reflect::set(o, &JsValue::from_str(key), v);
    }

    fn text(v: &JsValue, key: &str) -> String {
        get(v, key).as_string().unwrap_or_default()
    }

    fn doc(request: &JsValue) -> Result<Document, Vec<String>> {
        parse_document(&text(request, "doc"))
            .map_err(|e| e.problems.iter().map(ToString::to_string).collect())
    }

    fn scenario(request: &JsValue) -> Result<sitebudget_core::engine::Scenario, Vec<String>> {
        let value: serde_json::Value = serde_json::from_str(&text(request, "scenario"))
            .map_err(|e| vec![format!("the scenario is not valid JSON: {e}")])?;
        read_scenario(&value).map_err(|e| e.problems.iter().map(ToString::to_string).collect())
    }

    fn read(request: &JsValue) -> Result<Fields, Vec<String>> {
        let bytes = get(request, "bytes")
            .dyn_ref_bytes()
            .ok_or_else(|| vec!["the file's bytes are missing".to_owned()])?;
        let rows = xlsx_rows(&bytes).map_err(|e| {
            e.problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        })?;
        let out: Array = rows
            .iter()
            .map(|row| {
                let cells: Array = row.cells.iter().map(|c| JsValue::from_str(c)).collect();
                Array::of2(&JsValue::from(row.number as f64), &cells)
            })
            .collect();
        Ok(vec![("rows", out.into())])
    }

    fn write(request: &JsValue) -> Result<Fields, Vec<String>> {
        let bytes = budget_workbook(&doc(request)?, &scenario(request)?, &text(request, "name"))
            .map_err(|e| vec![e])?;
        Ok(vec![("bytes", Uint8Array::from(bytes.as_slice()).into())])
    }

    fn share(request: &JsValue) -> Result<Fields, Vec<String>> {
        let fragment = share_fragment(&doc(request)?, &scenario(request)?, &text(request, "name"));
        Ok(vec![("fragment", JsValue::from_str(&fragment))])
    }

    fn open_share(request: &JsValue) -> Result<Fields, Vec<String>> {
        let shared = read_share(&text(request, "fragment")).map_err(|e| vec![e.to_string()])?;
        Ok(vec![
            ("doc", JsValue::from_str(&to_json(&shared.doc))),
            (
                "scenario",
                JsValue::from_str(&scenario_value(&shared.scenario).to_string()),
            ),
            ("name", JsValue::from_str(&shared.name)),
        ])
    }

    /// A Uint8Array's bytes, if the value is one.
    trait Bytes {
        fn dyn_ref_bytes(&self) -> Option<Vec<u8>>;
    }

    impl Bytes for JsValue {
        fn dyn_ref_bytes(&self) -> Option<Vec<u8>> {
            use wasm_bindgen::JsCast;
            self.dyn_ref::<Uint8Array>().map(Uint8Array::to_vec)
        }
    }
}
