//! The browser UI: Yew components over the pure engine. Compiled only for wasm32.

pub mod app;
pub mod components;
pub mod export;
pub mod import;
pub mod share_client;
pub mod state;
pub mod worker;
pub mod xlsx_client;

use wasm_bindgen::JsCast;

/// Mounts the app on the page body (Trunk's entry point calls this).
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}

/// Mounts the app inside `root`: browser tests use this to render into their own element.
pub fn mount(root: web_sys::Element) -> yew::AppHandle<app::App> {
    yew::Renderer::<app::App>::with_root(root).render()
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
