//! The banner offered when the page opens with a budget in its address, a share link's
//! fragment or `?src=` (where an embed's "Open in SiteBudget" leads): open it or dismiss it.

use std::rc::Rc;

use yew::prelude::*;

use sitebudget_core::util::i18n;

use crate::ui::lang::{tr, tr1, use_lang};

use crate::ui::embed::{src_budget, LoadError};
use crate::ui::share_client::open_fragment;
use sitebudget_core::io::share::{is_share_fragment, Shared};
use sitebudget_core::view::src_offer::{offer_words, src_offer, without_offer, SrcOffer};

/// Props of [`ShareBanner`].
#[derive(Properties, PartialEq)]
pub struct ShareBannerProps {
    /// Called when the user chooses to open the offered budget, with where it came from
    /// ("shared link", or the file a `?src=` named).
    pub on_open: Callback<(Rc<Shared>, String)>,
}

/// Where the offered budget comes from.
#[derive(Clone, PartialEq)]
enum Origin {
    /// A share link's fragment.
    Link,
    /// A same-origin file named by `?src=`.
    Src(Rc<SrcOffer>),
}

/// What the page's address holds.
#[derive(Clone, PartialEq)]
enum Found {
    /// No budget offered.
    Nothing,
    /// A budget being decoded or fetched.
    Reading(Origin),
    /// The offered budget, or why it cannot be opened.
    Read(Origin, Result<Rc<Shared>, LoadError>),
}

/// Reads the budget the address offers, if any, into `found`: `?src=` first, then a share
/// link's fragment (read from this browser's address bar only).
fn read_location(found: UseStateHandle<Found>) {
    let location = gloo::utils::window().location();
    if let Some(offer) = location.search().ok().as_deref().and_then(src_offer) {
        let offer = Rc::new(offer);
        found.set(Found::Reading(Origin::Src(offer.clone())));
        wasm_bindgen_futures::spawn_local(async move {
            let read = src_budget(&offer.src, offer.change).await.map(Rc::new);
            found.set(Found::Read(Origin::Src(offer), read));
        });
        return;
    }
    let Some(hash) = location.hash().ok().filter(|h| is_share_fragment(h)) else {
        return;
    };
    found.set(Found::Reading(Origin::Link));
    wasm_bindgen_futures::spawn_local(async move {
        let read = open_fragment(&hash)
            .await
            .map(Rc::new)
            .map_err(LoadError::new);
        found.set(Found::Read(Origin::Link, read));
    });
}

/// Removes the answered offer from the address bar (the fragment, or `src=` and
/// `change=`) without reloading or adding history, so a reload does not offer it again.
fn clear_offer(origin: &Origin) {
    let window = gloo::utils::window();
    let location = window.location();
    let (search, hash) = (
        location.search().unwrap_or_default(),
        location.hash().unwrap_or_default(),
    );
    let rest = match origin {
        Origin::Link => search,
        Origin::Src(_) => format!("{}{hash}", without_offer(&search)),
    };
    let path = format!("{}{rest}", location.pathname().unwrap_or_default());
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
}

/// Notes on values the offer could not read (a bad `change=`).
fn notes(origin: &Origin) -> Html {
    match origin {
        Origin::Src(offer) if !offer.problems.is_empty() => html! {
            <ul class="small" data-testid="share-notes">
                for (i, problem) in offer.problems.iter().enumerate() {
                    <li key={i}>{ problem }</li>
                }
            </ul>
        },
        _ => html! {},
    }
}

/// "This link carries a budget…" with Open and Dismiss; never replaces anything by itself.
#[component]
pub fn ShareBanner(props: &ShareBannerProps) -> Html {
    use_lang();
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
    // Open (when there is something to open) or Dismiss: either way the offer leaves the
    // address, and a share link still in it after a `src=` offer is read next.
    let answer = {
        let (found, on_open) = (found.clone(), props.on_open.clone());
        Callback::from(move |open: bool| {
            let Found::Read(origin, read) = &*found else {
                return;
            };
            if let (true, Ok(shared)) = (open, read) {
                let from = match origin {
                    Origin::Link => i18n::tr("shared link"),
                    Origin::Src(offer) => offer.src.clone(),
                };
                on_open.emit((shared.clone(), from));
            }
            clear_offer(origin);
            found.set(Found::Nothing);
            read_location(found.clone());
        })
    };
    let on_open = answer.reform(|_: MouseEvent| true);
    let on_dismiss = answer.reform(|_: MouseEvent| false);
    match &*found {
        Found::Nothing => html! {},
        Found::Reading(origin) => html! {
            <div class="share-banner" role="status" data-testid="share-banner">
                <p>{ match origin {
                    Origin::Link => tr("Reading the budget this link carries…"),
                    Origin::Src(offer) => tr1("Loading the budget at {src}…", "src", &offer.src),
                } }</p>
            </div>
        },
        Found::Read(origin, Ok(shared)) => {
            let words = match origin {
                Origin::Link => {
                    if shared.name.is_empty() {
                        i18n::tr1(
                            "This link carries a budget: {school}, an unnamed scenario.",
                            "school",
                            &shared.doc.school.name,
                        )
                    } else {
                        i18n::trf(
                            "This link carries a budget: {school}, scenario “{scenario}”.",
                            &[
                                ("school", &shared.doc.school.name),
                                ("scenario", &shared.name),
                            ],
                        )
                    }
                }
                Origin::Src(offer) => offer_words(
                    &shared.doc.school.name,
                    &shared.doc.school.fiscal_year,
                    &offer.src,
                    offer.change,
                ),
            };
            html! {
                <div class="share-banner" role="region" aria-label={tr("Offered budget")} data-testid="share-banner">
                    <p>{ words }
                        { " " }<span class="small">{ tr("Opening it adds it beside your own budgets and replaces nothing; dismissing leaves everything as it is.") }</span></p>
                    { notes(origin) }
                    <div class="share-row">
                        <button type="button" class="primary" data-testid="share-open" onclick={on_open}>{ tr("Open it") }</button>
                        <button type="button" data-testid="share-dismiss" onclick={on_dismiss}>{ tr("Dismiss") }</button>
                    </div>
                </div>
            }
        }
        Found::Read(origin, Err(err)) => html! {
            <div class="share-banner share-banner-error" role="alert" data-testid="share-banner">
                <div data-testid="share-error">
                    if err.problems.is_empty() {
                        <p>{ &err.headline }{ " " }{ tr("Nothing was changed.") }</p>
                    } else {
                        <p>{ &err.headline }</p>
                        <ul>
                            for (i, problem) in err.problems.iter().enumerate() {
                                <li key={i}>{ problem }</li>
                            }
                        </ul>
                        <p>{ tr("Nothing was changed.") }</p>
                    }
                </div>
                { notes(origin) }
                <div class="share-row">
                    <button type="button" data-testid="share-dismiss" onclick={on_dismiss}>{ tr("Dismiss") }</button>
                </div>
            </div>
        },
    }
}
