//! Auto-height: the embed tells the host page how tall its content is, so the host can
//! size the iframe without scrollbars.
//!
//! Message, posted to `window.parent` whenever the height changes:
//! `{ type: "sitebudget:height", height: <whole CSS pixels>, id?: <the id= option> }`.
//! It is posted to any origin (`"*"`): a height is not secret, and the app cannot know
//! its host's origin; the host snippet checks where each message comes from.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The `type` of every height message.
pub const HEIGHT_MESSAGE: &str = "sitebudget:height";

/// Watches `root` with a ResizeObserver and posts its height to the parent window.
#[hook]
pub fn use_post_height(root: NodeRef, id: Option<String>) {
    use_effect_with((), move |_| {
        let watch = watch(&root, id);
        move || {
            if let Some((observer, _callback)) = watch {
                observer.disconnect();
            }
        }
    });
}

/// Starts observing; `None` when not framed or the browser lacks what it needs.
fn watch(
    root: &NodeRef,
    id: Option<String>,
) -> Option<(web_sys::ResizeObserver, Closure<dyn FnMut()>)> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    if js_sys::Object::is(&parent, &window) {
        return None; // Not in a frame: nobody to tell.
    }
    let element: web_sys::Element = root.cast()?;
    let last = Rc::new(Cell::new(-1.0_f64));
    let target = element.clone();
    let callback = Closure::<dyn FnMut()>::new(move || {
        let height = content_height(&target);
        if height != last.get() {
            last.set(height);
            post(&parent, height, id.as_deref());
        }
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&element);
    Some((observer, callback))
}

/// The bottom of `element` from the top of the document, rounded up to whole pixels.
fn content_height(element: &web_sys::Element) -> f64 {
    let scrolled = web_sys::window()
        .and_then(|w| w.scroll_y().ok())
        .unwrap_or(0.0);
    (element.get_bounding_client_rect().bottom() + scrolled)
        .ceil()
        .max(0.0)
}

/// Posts one height message.
fn post(parent: &web_sys::Window, height: f64, id: Option<&str>) {
    let message = js_sys::Object::new();
    let set = |key: &str, value: JsValue| js_sys::Reflect::set(&message, &key.into(), &value);
    let _ = set("type", HEIGHT_MESSAGE.into());
    let _ = set("height", height.into());
    if let Some(id) = id {
        let _ = set("id", id.into());
    }
    // A failed post (parent gone) only means nobody resizes the frame.
    let _ = parent.post_message(&message, "*");
}
