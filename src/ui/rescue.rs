//! The last resort after a panic: a plain-DOM panel that offers the budget as a file.
//!
//! The app is built with `panic = "abort"`, so after the hook returns the wasm instance
//! traps and no Yew code, future or callback runs again. The hook therefore does all
//! its work synchronously with web-sys calls: it serialises the latest document kept
//! here into a `data:` link (no callback into the dead instance is needed to download
//! it) and a Reload link.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;

use sitebudget_core::io::to_json;
use sitebudget_core::model::Document;
use sitebudget_core::util::i18n::tr;

thread_local! {
    /// The latest document the app rendered, for the panic panel to offer.
    static LATEST: RefCell<Option<Rc<Document>>> = const { RefCell::new(None) };
}

/// Keeps `doc` as the document to offer after a panic (the app calls it when doc changes).
pub fn keep(doc: Rc<Document>) {
    LATEST.with(|latest| {
        if let Ok(mut slot) = latest.try_borrow_mut() {
            *slot = Some(doc);
        }
    });
}

/// Installs the panic hook that shows the rescue panel (Yew keeps a hook set this way).
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let details = info.to_string();
        web_sys::console::error_1(&details.as_str().into());
        show_panel(&details);
    }));
}

/// The latest kept document as JSON, if there is one.
fn latest_json() -> Option<String> {
    LATEST.with(|latest| latest.try_borrow().ok()?.as_deref().map(to_json))
}

/// Builds the rescue panel over the page; `details` is the panic message, for support.
pub fn show_panel(details: &str) {
    // Every step may fail on a half-torn page; each failure just leaves that part out.
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    let el = |tag: &str, class: &str, text: &str| {
        let node = document.create_element(tag).ok()?;
        if !class.is_empty() {
            node.set_class_name(class);
        }
        if !text.is_empty() {
            node.set_text_content(Some(text));
        }
        Some(node)
    };
    let Some(panel) = el("section", "rescue", "") else {
        return;
    };
    let _ = panel.set_attribute("role", "alertdialog");
    let _ = panel.set_attribute("aria-labelledby", "rescue-title");
    let _ = panel.set_attribute("data-testid", "rescue-panel");
    let mut parts = Vec::new();
    if let Some(title) = el("h1", "", &tr("Something went wrong.")) {
        title.set_id("rescue-title");
        parts.push(title);
    }
    let saved = tr(
        "Your work is saved in this browser. Download your budget as a file to keep \
                 a copy, then reload the page to carry on.",
    );
    parts.extend(el("p", "", &saved));
    if let Some(actions) = el("p", "rescue-actions", "") {
        if let Some(link) = download_link(&el) {
            let _ = actions.append_child(&link);
        }
        if let Some(reload) = el("a", "rescue-button", &tr("Reload")) {
            let here = web_sys::window()
                .and_then(|w| w.location().href().ok())
                .unwrap_or_default();
            // The `?panic-test` flag would fail again at once; reload without it.
            let _ = reload.set_attribute("href", &here.replace("?panic-test", "?"));
            let _ = reload.set_attribute("data-testid", "rescue-reload");
            let _ = actions.append_child(&reload);
        }
        parts.push(actions);
    }
    if let Some(more) = el("details", "", "") {
        if let (Some(summary), Some(pre)) = (
            el("summary", "", &tr("Technical details")),
            el("pre", "", details),
        ) {
            let _ = more.append_child(&summary);
            let _ = more.append_child(&pre);
        }
        parts.push(more);
    }
    for part in &parts {
        let _ = panel.append_child(part);
    }
    let _ = body.append_child(&panel);
    if let Some(focus) = panel
        .query_selector("a")
        .ok()
        .flatten()
        .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = focus.focus();
    }
}

/// A link that downloads the kept document as `budget.json`, or a note when there is none.
fn download_link(
    el: &dyn Fn(&str, &str, &str) -> Option<web_sys::Element>,
) -> Option<web_sys::Element> {
    let Some(json) = latest_json() else {
        return el("span", "", &tr("There is no budget to download."));
    };
    let link = el(
        "a",
        "rescue-button rescue-primary",
        &tr("Download budget (JSON)"),
    )?;
    let encoded = String::from(js_sys::encode_uri_component(&json));
    let _ = link.set_attribute(
        "href",
        &format!("data:application/json;charset=utf-8,{encoded}"),
    );
    let _ = link.set_attribute("download", "budget.json");
    let _ = link.set_attribute("data-testid", "rescue-download");
    Some(link)
}

/// With `?panic-test` in the address, adds a hidden button that panics on click, so the
/// end-to-end tests can check this panel; without the flag it does nothing.
pub fn add_panic_test_trigger() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let flagged = window
        .location()
        .search()
        .map(|s| s.split(['?', '&']).any(|p| p == "panic-test"))
        .unwrap_or(false);
    let (Some(document), true) = (window.document(), flagged) else {
        return;
    };
    let (Some(body), Ok(button)) = (document.body(), document.create_element("button")) else {
        return;
    };
    let _ = button.set_attribute("data-testid", "panic-test");
    let _ = button.set_attribute("hidden", "");
    button.set_text_content(Some("Panic (test)"));
    let on_click = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(|| {
        panic!("deliberate panic for the rescue panel test");
    });
    let _ = button.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    // The button lives as long as the page; its listener must too.
    on_click.forget();
    let _ = body.append_child(&button);
}
