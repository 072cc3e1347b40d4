//! The page's side of the file worker (`src/bin/xlsx_worker.rs`): started on first use,
//! requests queued until it says it is ready, answers matched to requests by id. What
//! the messages say is `sitebudget_core::io::worker_protocol`; this is only the transport.

use std::cell::{Cell, RefCell};

use js_sys::{Function, Promise};
use sitebudget_core::io::worker_protocol::{
    decode_response, encode_request, Decoded, Request, Response,
};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::wire::{from_js, to_js};
use sitebudget_core::util::i18n::tr;

/// The worker's loader, next to index.html (relative, so a sub-path works); used as it is
/// only when the page names no versioned URL (the browser tests run without Trunk).
const WORKER_URL: &str = "./xlsx_worker_loader.js";

/// The loader's URL with the version of the worker's files, from `data-worker` on
/// `<meta name="sitebudget-app">` (written by scripts/worker-version.mjs at build time), so
/// a browser or CDN never pairs this page with a cached older worker.
fn worker_url() -> String {
    versioned_url("data-worker", WORKER_URL)
}

/// The URL the build wrote in `attr` of `<meta name="sitebudget-app">` (a file with its
/// version: scripts/worker-version.mjs), or `fallback` when the page names none.
pub fn versioned_url(attr: &str, fallback: &str) -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(r#"meta[name="sitebudget-app"]"#)
                .ok()
                .flatten()
        })
        .and_then(|meta| meta.get_attribute(attr))
        .filter(|url| !url.is_empty())
        .unwrap_or_else(|| fallback.to_owned())
}

struct Client {
    worker: web_sys::Worker,
    ready: bool,
    /// Encoded requests waiting for `ready`.
    queue: Vec<JsValue>,
    // A few requests at most, so a list is enough (and smaller in the bundle than a map).
    pending: Vec<(u32, Function)>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
    /// Answers that arrived, until the request that waits for each picks it up.
    static ANSWERS: RefCell<Vec<(u32, Response)>> = const { RefCell::new(Vec::new()) };
    /// The next request's id; kept across workers, so a restarted worker's ids never
    /// meet an answer still waiting to be picked up.
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

/// Files `answer` for the pending request `id` and wakes it; an answer nobody waits for
/// (a request from a worker that was since replaced) is dropped.
fn answer(client: &mut Client, id: u32, answer: Response) {
    if let Some(at) = client.pending.iter().position(|(i, _)| *i == id) {
        let (_, resolve) = client.pending.swap_remove(at);
        ANSWERS.with(|a| a.borrow_mut().push((id, answer)));
        let _ = resolve.call0(&JsValue::NULL);
    }
}

fn on_message(e: web_sys::MessageEvent) {
    let Decoded { id, body } = decode_response(from_js(&e.data()));
    CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        let Some(client) = c.as_mut() else { return };
        match (id, body) {
            (_, Ok(Response::Ready)) => {
                client.ready = true;
                for request in client.queue.drain(..) {
                    let _ = client.worker.post_message(&request);
                }
            }
            (Some(id), body) => {
                let response = body.unwrap_or_else(|e| Response::Failed(vec![e.to_string()]));
                answer(client, id, response);
            }
            // Without an id no request can be told; the worker always sends one.
            (None, _) => {}
        }
    });
}

/// The worker failed to load or crashed: every waiting request gets a plain answer, and
/// the next request starts a fresh worker.
fn on_error(e: web_sys::Event) {
    e.prevent_default();
    let client = CLIENT.with(|c| c.borrow_mut().take());
    if let Some(mut client) = client {
        client.worker.terminate();
        let stopped =
            tr("The file helper stopped or could not be loaded; reload the page and try again.");
        let ids: Vec<u32> = client.pending.iter().map(|(id, _)| *id).collect();
        for id in ids {
            answer(&mut client, id, Response::Failed(vec![stopped.clone()]));
        }
    }
}

fn start() -> Result<Client, String> {
    let worker = web_sys::Worker::new(&worker_url())
        .map_err(|_| tr("The file helper could not be started in this browser."))?;
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(on_message);
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(on_error);
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Client {
        worker,
        ready: false,
        queue: Vec::new(),
        pending: Vec::new(),
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// Sends `request` and waits for its answer; a failure comes back as its problems.
pub async fn call(request: Request) -> Result<Response, Vec<String>> {
    let mut request = Some(request);
    let mut sent: Result<u32, String> = Err(tr("The file helper could not be started."));
    let promise = Promise::new(&mut |resolve, _reject| {
        sent = CLIENT.with(|c| {
            let mut c = c.borrow_mut();
            if c.is_none() {
                *c = Some(start()?);
            }
            let (Some(client), Some(request)) = (c.as_mut(), request.take()) else {
                return Err(tr("The file helper could not be started."));
            };
            let id = NEXT_ID.with(|n| n.replace(n.get().wrapping_add(1)));
            let message = to_js(&encode_request(id, request));
            client.pending.push((id, resolve));
            if client.ready {
                let _ = client.worker.post_message(&message);
            } else {
                client.queue.push(message);
            }
            Ok(id)
        });
    });
    let id = sent.map_err(|e| vec![e])?;
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    let answer = ANSWERS.with(|a| {
        let mut a = a.borrow_mut();
        let at = a.iter().position(|(i, _)| *i == id)?;
        Some(a.swap_remove(at).1)
    });
    match answer {
        None => Err(vec![tr("The file helper gave no answer.")]),
        Some(Response::Failed(problems)) if problems.is_empty() => {
            Err(vec![tr("The file helper failed without saying why.")])
        }
        Some(Response::Failed(problems)) => Err(problems),
        Some(response) => Ok(response),
    }
}
