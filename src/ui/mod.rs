//! The browser UI: Yew components over the pure engine. Compiled only for wasm32.

pub mod after_paint;
pub mod app;
pub mod autosave;
pub mod components;
pub mod embed;
pub mod export;
pub mod import;
pub mod keys;
pub mod lang;
pub mod meeting;
pub mod network;
pub mod persist;
pub mod rescue;
pub mod share_client;
pub mod state;
pub mod steer;
pub mod wire;
pub mod worker;
pub mod xlsx_client;

use wasm_bindgen::JsCast;

/// Mounts the app in the page's `#app` (else the body; Trunk's entry point calls this); the
/// page's query string decides between the normal app and an embed, and its language. Not
/// the body itself: Yew empties its root, and the loading note beside `#app` stays until
/// the budget is drawn.
pub fn start() {
    rescue::install();
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => yew::Renderer::<lang::LangRoot>::with_root(root).render(),
        None => yew::Renderer::<lang::LangRoot>::new().render(),
    };
    rescue::add_panic_test_trigger();
}

/// Mounts the app inside `root`: browser tests use this to render into their own element.
pub fn mount(root: web_sys::Element) -> yew::AppHandle<app::App> {
    yew::Renderer::<app::App>::with_root(root).render()
}

/// Mounts the root inside `root` as if the page had this query string and fragment:
/// browser tests use this to render embeds (and their `lang=`).
pub fn mount_with_query(
    root: web_sys::Element,
    query: &str,
    fragment: &str,
) -> yew::AppHandle<lang::LangRoot> {
    let props = lang::LangRootProps {
        query: Some(query.to_owned().into()),
        fragment: Some(fragment.to_owned().into()),
    };
    yew::Renderer::<lang::LangRoot>::with_root_and_props(root, props).render()
}

/// The `value` of the input element an event came from, if any.
pub fn event_value(event: &yew::Event) -> Option<String> {
    let target = event.target()?;
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        return Some(input.value());
    }
    target
        .dyn_ref::<web_sys::HtmlSelectElement>()
        .map(|select| select.value())
}
