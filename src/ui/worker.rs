//! The page's side of the file worker (`src/bin/xlsx_worker.rs`): started on first use,
//! requests queued until it says it is ready, replies matched to requests by id.

use std::cell::RefCell;

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker's loader, next to index.html (relative, so a sub-path works); used as it is
/// only when the page names no versioned URL (the browser tests run without Trunk).
const WORKER_URL: &str = "./xlsx_worker_loader.js";

/// The loader's URL with the version of the worker's files, from `data-worker` on
/// `<meta name="sitebudget-app">` (written by scripts/worker-version.mjs at build time), so
/// a browser or CDN never pairs this page with a cached older worker.
fn worker_url() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(r#"meta[name="sitebudget-app"]"#)
                .ok()
                .flatten()
        })
        .and_then(|meta| meta.get_attribute("data-worker"))
        .filter(|url| !url.is_empty())
        .unwrap_or_else(|| WORKER_URL.to_owned())
}

struct Client {
    worker: web_sys::Worker,
    ready: bool,
    queue: Vec<Object>,
    // A few requests at most, so a list is enough (and smaller in the bundle than a map).
    pending: Vec<(u32, Function)>,
    next_id: u32,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn set(o: &Object, key: &str, v: &JsValue) {
    let _ = Reflect::set(o, &JsValue::from_str(key), v);
}

/// A reply meaning the request failed, in plain words.
fn failure(message: &str) -> JsValue {
    let reply = Object::new();
    set(&reply, "ok", &JsValue::FALSE);
    let problems = js_sys::Array::of1(&JsValue::from_str(message));
    set(&reply, "problems", &problems);
    reply.into()
}

fn on_message(e: web_sys::MessageEvent) {
    let data = e.data();
    CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        let Some(client) = c.as_mut() else { return };
        if get(&data, "ready").is_truthy() {
            client.ready = true;
            for request in client.queue.drain(..) {
                let _ = client.worker.post_message(&request);
            }
            return;
        }
        let id = get(&data, "id").as_f64().map_or(u32::MAX, |n| n as u32);
        if let Some(at) = client.pending.iter().position(|(i, _)| *i == id) {
            let (_, resolve) = client.pending.swap_remove(at);
            let _ = resolve.call1(&JsValue::NULL, &data);
        }
    });
}

/// The worker failed to load or crashed: every waiting request gets a plain answer, and
/// the next request starts a fresh worker.
fn on_error(e: web_sys::Event) {
    e.prevent_default();
    let client = CLIENT.with(|c| c.borrow_mut().take());
    if let Some(client) = client {
        client.worker.terminate();
        let reply = failure(
            "The file helper stopped or could not be loaded; reload the page and try again.",
        );
        for (_, resolve) in client.pending {
            let _ = resolve.call1(&JsValue::NULL, &reply);
        }
    }
}

fn start() -> Result<Client, String> {
    let worker = web_sys::Worker::new(&worker_url())
        .map_err(|_| "The file helper could not be started in this browser.".to_owned())?;
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(on_message);
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(on_error);
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Client {
        worker,
        ready: false,
        queue: Vec::new(),
        pending: Vec::new(),
        next_id: 1,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// Sends `request` (its `id` is set here) and waits for the reply object; a reply with
/// `ok: false` comes back as its problems.
pub async fn call(request: Object) -> Result<JsValue, Vec<String>> {
    let mut setup: Result<(), String> = Ok(());
    let promise = Promise::new(&mut |resolve, _reject| {
        setup = CLIENT.with(|c| {
            let mut c = c.borrow_mut();
            if c.is_none() {
                *c = Some(start()?);
            }
            let Some(client) = c.as_mut() else {
                return Err("The file helper could not be started.".to_owned());
            };
            let id = client.next_id;
            client.next_id = client.next_id.wrapping_add(1);
            set(&request, "id", &JsValue::from(id));
            client.pending.push((id, resolve));
            if client.ready {
                let _ = client.worker.post_message(&request);
            } else {
                client.queue.push(request.clone());
            }
            Ok(())
        });
    });
    setup.map_err(|e| vec![e])?;
    let reply = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .unwrap_or_else(|_| failure("The file helper gave no answer."));
    if get(&reply, "ok").is_truthy() {
        return Ok(reply);
    }
    let problems: Vec<String> = js_sys::Array::from(&get(&reply, "problems"))
        .iter()
        .filter_map(|p| p.as_string())
        .collect();
    Err(if problems.is_empty() {
        vec!["The file helper failed without saying why.".to_owned()]
    } else {
        problems
    })
}

/// A request object with text fields.
pub fn request(op: &str, fields: &[(&str, &str)]) -> Object {
    let o = Object::new();
    set(&o, "op", &JsValue::from_str(op));
    for (k, v) in fields {
        set(&o, k, &JsValue::from_str(v));
    }
    o
}

/// A text field of a reply.
pub fn text(reply: &JsValue, key: &str) -> String {
    get(reply, key).as_string().unwrap_or_default()
}

/// Sets any JS value on a request.
pub fn put(request: &Object, key: &str, value: &JsValue) {
    set(request, key, value);
}

/// A reply's field as raw JS.
pub fn field(reply: &JsValue, key: &str) -> JsValue {
    get(reply, key)
}
