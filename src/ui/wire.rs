//! A protocol [`Message`] as the JS object a worker posts (`{text, bytes?}`); shared by
//! the page (`ui::worker`) and the file worker (`src/bin/xlsx_worker.rs` includes this
//! file), so both carry messages the same way. What a message says is defined once, in
//! `sitebudget_core::io::worker_protocol`.

use js_sys::{Object, Reflect, Uint8Array};
use sitebudget_core::io::worker_protocol::{Message, BYTES, TEXT};
use wasm_bindgen::{JsCast, JsValue};

/// The JS property of a message that changes the worker's language instead of asking
/// anything: the catalog's JSON text, or `null` for English (the page's own channel, not a
/// protocol request, so the worker words its problems and sheets as the page does).
pub const CATALOG: &str = "catalog";

/// The JS object that tells the worker to speak the catalog in `text` (`None`: English).
#[allow(dead_code)] // only the page sends it; the worker includes this file too
pub fn catalog_to_js(text: Option<&str>) -> JsValue {
    let o = Object::new();
    let value = text.map_or(JsValue::NULL, JsValue::from_str);
    let _ = Reflect::set(&o, &JsValue::from_str(CATALOG), &value);
    o.into()
}

/// The catalog a posted value carries, when it is a language message: `Some(None)` for
/// English, `Some(Some(text))` for a catalog's JSON text; `None` for any other message.
#[allow(dead_code)] // only the worker reads it
pub fn catalog_in(value: &JsValue) -> Option<Option<String>> {
    let key = JsValue::from_str(CATALOG);
    if !value.is_object() || !Reflect::has(value, &key).unwrap_or(false) {
        return None;
    }
    Some(Reflect::get(value, &key).ok().and_then(|v| v.as_string()))
}

/// The JS object to post for `message`.
pub fn to_js(message: &Message) -> JsValue {
    let o = Object::new();
    let _ = Reflect::set(
        &o,
        &JsValue::from_str(TEXT),
        &JsValue::from_str(&message.text),
    );
    if let Some(bytes) = &message.bytes {
        let _ = Reflect::set(
            &o,
            &JsValue::from_str(BYTES),
            &Uint8Array::from(bytes.as_slice()),
        );
    }
    o.into()
}

/// The message in a posted JS value; anything else reads as an empty text, which the
/// protocol refuses in plain words.
pub fn from_js(value: &JsValue) -> Message {
    let get =
        |key: &str| Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
    Message {
        text: get(TEXT).as_string().unwrap_or_default(),
        bytes: get(BYTES).dyn_ref::<Uint8Array>().map(Uint8Array::to_vec),
    }
}
