//! The banner offered when the page opens with a share link: open it or dismiss it.

use std::rc::Rc;

use yew::prelude::*;

use crate::io::share::{is_share_fragment, Shared};
use crate::ui::share_client::open_fragment;

/// Props of [`ShareBanner`].
#[derive(Properties, PartialEq)]
pub struct ShareBannerProps {
    /// Called when the user chooses to open the shared budget.
    pub on_open: Callback<Rc<Shared>>,
}

/// What the page's fragment holds.
#[derive(Clone, PartialEq)]
enum Found {
    /// No share link.
    Nothing,
    /// A share link being decoded.
    Reading,
    /// The shared budget, or why it cannot be opened.
    Read(Result<Rc<Shared>, String>),
}

/// The location's fragment when it is a share link (read from this browser's address bar only).
fn share_hash() -> Option<String> {
    let hash = gloo::utils::window().location().hash().ok()?;
    is_share_fragment(&hash).then_some(hash)
}

/// Decodes the location's share link, if any, into `found`.
fn read_location(found: UseStateHandle<Found>) {
    let Some(hash) = share_hash() else { return };
    found.set(Found::Reading);
    wasm_bindgen_futures::spawn_local(async move {
        found.set(Found::Read(open_fragment(&hash).await.map(Rc::new)));
    });
}

/// Removes the fragment from the address bar without reloading or adding history.
fn clear_fragment() {
    let window = gloo::utils::window();
    let location = window.location();
    let path = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
}

/// "This link carries a budget…" with Open and Dismiss; never replaces anything by itself.
#[component]
pub fn ShareBanner(props: &ShareBannerProps) -> Html {
    let found = use_state(|| Found::Nothing);
    {
        // On start, and when a share link is pasted into the address bar of an open page.
        let found = found.clone();
        use_effect_with((), move |_| {
            read_location(found.clone());
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    read_location(found.clone())
                });
            move || drop(listener)
        });
    }
    let on_dismiss = {
        let found = found.clone();
        Callback::from(move |_: MouseEvent| {
            clear_fragment();
            found.set(Found::Nothing);
        })
    };
    let on_open = {
        let (found, on_open) = (found.clone(), props.on_open.clone());
        Callback::from(move |_: MouseEvent| {
            if let Found::Read(Ok(shared)) = &*found {
                on_open.emit(shared.clone());
            }
            clear_fragment();
            found.set(Found::Nothing);
        })
    };
    match &*found {
        Found::Nothing => html! {},
        Found::Reading => html! {
            <div class="share-banner" role="status" data-testid="share-banner">
                <p>{ "Reading the budget this link carries…" }</p>
            </div>
        },
        Found::Read(Ok(shared)) => {
            let scenario = if shared.name.is_empty() {
                "unnamed"
            } else {
                shared.name.as_str()
            };
            html! {
                <div class="share-banner" role="region" aria-label="Shared budget" data-testid="share-banner">
                    <p>{ format!("This link carries a budget: {}, scenario “{scenario}”.", shared.doc.school.name) }
                        <span class="small">{ " Opening it replaces the budget on screen; dismissing keeps it." }</span></p>
                    <div class="share-row">
                        <button type="button" class="primary" data-testid="share-open" onclick={on_open}>{ "Open it" }</button>
                        <button type="button" data-testid="share-dismiss" onclick={on_dismiss}>{ "Dismiss" }</button>
                    </div>
                </div>
            }
        }
        Found::Read(Err(message)) => html! {
            <div class="share-banner share-banner-error" role="alert" data-testid="share-banner">
                <p data-testid="share-error">{ format!("{message} Nothing was changed.") }</p>
                <div class="share-row">
                    <button type="button" data-testid="share-dismiss" onclick={on_dismiss}>{ "Dismiss" }</button>
                </div>
            </div>
        },
    }
}
