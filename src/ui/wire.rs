//! A protocol [`Message`] as the JS object a worker posts (`{text, bytes?}`); shared by
//! the page (`ui::worker`) and the file worker (`src/bin/xlsx_worker.rs` includes this
//! file), so both carry messages the same way. What a message says is defined once, in
//! `sitebudget_core::io::worker_protocol`.

use js_sys::{Object, Reflect, Uint8Array};
use sitebudget_core::io::worker_protocol::{Message, BYTES, TEXT};
use wasm_bindgen::{JsCast, JsValue};

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
