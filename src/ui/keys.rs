//! Keyboard shortcuts: Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl+Y redo.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::state::Store;
use sitebudget_core::app::Action;

/// Whether the key event belongs to a text field the user is typing in, whose own undo
/// (of the typed text) should win over the budget's.
pub fn typing_in_text(event: &web_sys::KeyboardEvent) -> bool {
    let Some(target) = event.target() else {
        return false;
    };
    if target.dyn_ref::<web_sys::HtmlTextAreaElement>().is_some() {
        return true;
    }
    let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() else {
        return false;
    };
    let text_like = matches!(
        input.type_().as_str(),
        "text" | "number" | "search" | "email" | "url" | "tel" | ""
    );
    // An editor field marks its committed value; once typing matches it, undo is the budget's.
    let committed = input.get_attribute("data-committed");
    text_like && committed.is_none_or(|c| c != input.value())
}

/// Which history action a key press asks for, if any.
pub fn shortcut(event: &web_sys::KeyboardEvent) -> Option<Action> {
    if !(event.ctrl_key() || event.meta_key()) || event.alt_key() {
        return None;
    }
    match event.key().to_ascii_lowercase().as_str() {
        "z" if event.shift_key() => Some(Action::Redo),
        "z" => Some(Action::Undo),
        "y" if event.ctrl_key() && !event.shift_key() => Some(Action::Redo),
        _ => None,
    }
}

/// Listens for the undo and redo shortcuts on the whole document while the app is mounted.
#[hook]
pub fn use_undo_keys(dispatch: UseReducerDispatcher<Store>, enabled: bool) {
    use_effect_with(enabled, move |enabled| {
        // Off while another view (the network's) owns the keys.
        let listener = enabled
            .then(web_sys::window)
            .flatten()
            .and_then(|w| w.document())
            .map(|document| {
                EventListener::new_with_options(
                    &document,
                    "keydown",
                    EventListenerOptions::enable_prevent_default(),
                    move |event| {
                        let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                            return;
                        };
                        if typing_in_text(event) {
                            return;
                        }
                        if let Some(action) = shortcut(event) {
                            event.prevent_default();
                            dispatch.dispatch(action);
                        }
                    },
                )
            });
        move || drop(listener)
    });
}
