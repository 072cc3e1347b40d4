//! The "Share link" button: the budget and active scenario as a link to copy.

use std::rc::Rc;

use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::ui::lang::{tr, tr1, trf, use_lang};
use sitebudget_core::util::i18n::key;

use crate::ui::share_client::make_fragment;
use sitebudget_core::engine::Scenario;
use sitebudget_core::model::Document;
use sitebudget_core::view::links::share_href;

/// Props of [`ShareLink`].
#[derive(Properties, PartialEq)]
pub struct ShareLinkProps {
    /// The budget to share.
    pub doc: Rc<Document>,
    /// The active scenario.
    pub scenario: Rc<Scenario>,
    /// The active scenario's name.
    pub name: AttrValue,
    /// The budget's other scenarios and their names, which the link may also carry.
    #[prop_or_default]
    pub others: Rc<Vec<(Scenario, String)>>,
}

/// The page's address, fragment included (`share_href` replaces it).
fn page_href() -> String {
    gloo::utils::window().location().href().unwrap_or_default()
}

/// Whether the browser offers `navigator.clipboard` (only on secure pages).
fn has_clipboard() -> bool {
    let navigator = gloo::utils::window().navigator();
    js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .is_ok_and(|c| !c.is_undefined() && !c.is_null())
}

/// A button that builds the link; then a read-only field with the link, its length and Copy.
#[component]
pub fn ShareLink(props: &ShareLinkProps) -> Html {
    use_lang();
    // The link, or why it could not be made.
    let link = use_state(|| None::<Result<String, String>>);
    let copied = use_state(|| None::<&'static str>);
    // Whether the link carries every scenario of the budget, not only the active one.
    let all = use_state(|| false);
    {
        // A link describes the budget as it was: drop it when the budget or scenario moves on.
        let (link, copied) = (link.clone(), copied.clone());
        use_effect_with(
            (
                props.doc.clone(),
                props.scenario.clone(),
                props.name.clone(),
                props.others.clone(),
                *all,
            ),
            move |_| {
                link.set(None);
                copied.set(None);
            },
        );
    }
    let on_share = {
        let (link, copied) = (link.clone(), copied.clone());
        let (doc, scenario, name) = (
            props.doc.clone(),
            props.scenario.clone(),
            props.name.clone(),
        );
        let others = if *all {
            (*props.others).clone()
        } else {
            Vec::new()
        };
        Callback::from(move |_: MouseEvent| {
            let (link, doc, scenario, name, others) = (
                link.clone(),
                doc.clone(),
                scenario.clone(),
                name.clone(),
                others.clone(),
            );
            copied.set(None);
            wasm_bindgen_futures::spawn_local(async move {
                let made = make_fragment(&doc, &scenario, &name, others).await;
                link.set(Some(made.map(|f| share_href(&page_href(), &f))));
            });
        })
    };
    let on_copy = {
        let (link, copied) = (link.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(Ok(text)) = (*link).clone() else {
                return;
            };
            let copied = copied.clone();
            if !has_clipboard() {
                copied.set(Some(key(
                    "Copying is not available here: select the link and copy it.",
                )));
                return;
            }
            let promise = gloo::utils::window()
                .navigator()
                .clipboard()
                .write_text(&text);
            wasm_bindgen_futures::spawn_local(async move {
                let done = wasm_bindgen_futures::JsFuture::from(promise).await;
                copied.set(Some(match done {
                    Ok(_) => key("Copied."),
                    Err(_) => key("The browser refused to copy: select the link and copy it."),
                }));
            });
        })
    };
    let on_close = {
        let link = link.clone();
        Callback::from(move |_: MouseEvent| link.set(None))
    };
    let on_all = {
        let all = all.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                all.set(input.checked());
            }
        })
    };
    let on_focus = Callback::from(|e: FocusEvent| {
        if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
            input.select();
        }
    });
    html! {
        <>
            <button type="button" data-testid="share-button" onclick={on_share}>{ tr("Share link") }</button>
            if !props.others.is_empty() {
                <label class="small share-all">
                    <input type="checkbox" data-testid="share-all" checked={*all} onchange={on_all} />
                    { " " }{ tr1("every scenario ({n})", "n", &(props.others.len() + 1)) }
                </label>
            }
            if let Some(Err(message)) = &*link {
                <div class="share-result" role="alert" data-testid="share-result">
                    <span>{ tr1("No link was made: {why}", "why", message) }</span>
                </div>
            }
            if let Some(Ok(url)) = &*link {
                <div class="share-result" data-testid="share-result">
                    <label for="share-link" class="small">
                        { trf("Link to this budget and scenario “{name}” ({n} characters). It holds the whole budget; the part after # never reaches a server.", &[("name", &props.name), ("n", &url.chars().count())]) }
                    </label>
                    <div class="share-row">
                        <input id="share-link" type="text" readonly=true value={url.clone()}
                            data-testid="share-url" onfocus={on_focus} />
                        <button type="button" data-testid="share-copy" onclick={on_copy}>{ tr("Copy") }</button>
                        <button type="button" onclick={on_close} aria-label={tr("Close the share link")}>{ tr("Close") }</button>
                    </div>
                    if let Some(note) = *copied {
                        <span class="small" role="status">{ tr(note) }</span>
                    }
                </div>
            }
        </>
    }
}
