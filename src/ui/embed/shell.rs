//! The root component: the normal app, or (with `?embed`) the compact embed with its
//! budget loading, option problems, and the "Open in SiteBudget" link.

use std::rc::Rc;

use yew::prelude::*;

use super::height::use_post_height;
use super::load::{fragment_budget, load_src, start_state, LoadError};
use super::EmbedContext;
use crate::ui::app::App;
use crate::ui::lang::{tr, use_lang};
use crate::ui::network::embed::NetworkEmbed;
use crate::ui::network::network_param;
use crate::ui::persist::{self, Backend};
use sitebudget_core::app::AppState;
use sitebudget_core::io::sample::sample_document;
use sitebudget_core::io::share::is_share_fragment;
use sitebudget_core::util::by_ptr::ByPtr;
use sitebudget_core::util::i18n::{self, lang, Lang};
use sitebudget_core::view::embed_options::{
    embed_intro, glossary, parse_embed_options, EmbedOptions,
};
use sitebudget_core::view::links::open_href;

/// Props of [`Root`].
#[derive(Properties, PartialEq, Default)]
pub struct RootProps {
    /// The query string to read; the page's own when `None` (browser tests pass theirs).
    #[prop_or_default]
    pub query: Option<AttrValue>,
    /// The fragment (without `#`); the page's own when `None`.
    #[prop_or_default]
    pub fragment: Option<AttrValue>,
}

/// The page's query string or fragment, read once.
fn page_part(part: fn(&web_sys::Location) -> Result<String, wasm_bindgen::JsValue>) -> String {
    web_sys::window()
        .and_then(|w| part(&w.location()).ok())
        .unwrap_or_default()
}

/// The normal app, or the embed when the query string asks for it.
#[component]
pub fn Root(props: &RootProps) -> Html {
    let query = {
        let query = props.query.clone();
        use_memo((), move |_| {
            query.map_or_else(|| page_part(web_sys::Location::search), |q| q.to_string())
        })
    };
    let options = use_memo((), {
        let query = query.clone();
        move |_| parse_embed_options(&query)
    });
    // A network by address (issue #15): the embed shows it read-only, the app in Networks.
    let network = network_param(&query).map(AttrValue::from);
    if !options.embed {
        return html! { <Saved {network} /> };
    }
    if let Some(path) = network {
        return html! { <NetworkEmbed {path} query={AttrValue::from((*query).clone())} /> };
    }
    let fragment = props.fragment.clone().unwrap_or_else(|| {
        AttrValue::from(
            page_part(web_sys::Location::hash)
                .trim_start_matches('#')
                .to_owned(),
        )
    });
    html! {
        <ContextProvider<EmbedContext> context={EmbedContext(options.clone())}>
            <Embedded {options} {fragment} />
        </ContextProvider<EmbedContext>>
    }
}

/// Where the embed's budget stands.
#[derive(Clone, Debug, PartialEq)]
enum Load {
    /// Fetching `src`.
    Loading,
    /// Ready to show.
    Ready(Rc<AppState>),
    /// Nothing to show, and why.
    Failed(LoadError),
}

/// The budget an embed starts with, when it needs neither a fetch nor the worker.
fn first_load(options: &EmbedOptions, fragment: &str) -> Load {
    if options.src.is_some() || is_share_fragment(fragment) {
        return Load::Loading;
    }
    Load::Ready(start_state(sample_document(), None, options.change))
}

/// Props of [`Embedded`].
#[derive(Properties, PartialEq)]
struct EmbeddedProps {
    options: Rc<EmbedOptions>,
    fragment: AttrValue,
}

/// The compact embed: no header, import or scenario bar; only the chosen panels.
#[component]
fn Embedded(props: &EmbeddedProps) -> Html {
    use_lang();
    let root = use_node_ref();
    use_post_height(root.clone(), props.options.id.clone());
    let load = {
        let (options, fragment) = (props.options.clone(), props.fragment.clone());
        use_state(move || first_load(&options, &fragment))
    };
    {
        let (setter, options) = (load.setter(), props.options.clone());
        let fragment = props.fragment.clone();
        use_effect_with((), move |_| {
            let change = options.change;
            if let Some(src) = options.src.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    setter.set(match load_src(&src).await {
                        Ok(doc) => Load::Ready(start_state(doc, None, change)),
                        Err(err) => Load::Failed(err),
                    });
                });
            } else if is_share_fragment(&fragment) {
                wasm_bindgen_futures::spawn_local(async move {
                    setter.set(match fragment_budget(&fragment).await {
                        Some(Ok(shared)) => {
                            Load::Ready(start_state(shared.doc, Some(shared.scenario), change))
                        }
                        Some(Err(reason)) => Load::Failed(LoadError {
                            headline: i18n::tr("The budget in this link could not be read:"),
                            problems: vec![reason],
                        }),
                        None => Load::Ready(start_state(sample_document(), None, change)),
                    });
                });
            }
        });
    }
    let problems = &props.options.problems;
    let body = match &*load {
        Load::Loading => html! {
            <p class="panel embed-loading" aria-busy="true" data-testid="embed-loading">{ tr("Loading the budget…") }</p>
        },
        Load::Ready(state) => html! { <App start={state.clone()} /> },
        Load::Failed(err) => load_error(&tr("This budget cannot be shown"), err),
    };
    html! {
        <div class="embed" ref={root} data-testid="embed" data-saving="off">
            if !problems.is_empty() {
                <section class="panel embed-problems" role="alert" data-testid="embed-problems">
                    <h2>{ tr("Some embed options were not understood") }</h2>
                    <ul>
                        for (i, problem) in problems.iter().enumerate() {
                            <li key={i}>{ problem }</li>
                        }
                    </ul>
                </section>
            }
            <p class="embed-intro" data-testid="embed-intro">{ embed_intro() }</p>
            { body }
            <details class="embed-glossary" data-testid="embed-glossary">
                <summary>{ tr("What the words mean") }</summary>
                <dl>
                    for (term, meaning) in glossary() {
                        <dt key={term.clone()}>{ term }</dt>
                        <dd>{ meaning }</dd>
                    }
                </dl>
            </details>
            <footer class="embed-foot">
                <a href={open_in_language(open_href(&props.options, Some(&props.fragment)))} target="_blank" rel="noopener"
                    data-testid="embed-open">{ tr("Open in SiteBudget") }</a>
            </footer>
        </div>
    }
}

/// `href` (the full app, from an embed) in the language the embed speaks: `lang=es` added
/// before its fragment when Spanish, so the reader carries on in the same language.
fn open_in_language(href: String) -> String {
    if lang() == Lang::En {
        return href;
    }
    let (base, fragment) = href
        .split_once('#')
        .map_or((href.as_str(), None), |(b, f)| (b, Some(f)));
    let sep = if base.contains('?') { '&' } else { '?' };
    let tag = lang().tag();
    match fragment {
        Some(f) => format!("{base}{sep}lang={tag}#{f}"),
        None => format!("{base}{sep}lang={tag}"),
    }
}

/// Props of [`Saved`].
#[derive(Properties, PartialEq)]
struct SavedProps {
    /// A network to open (`?network=`).
    network: Option<AttrValue>,
}

/// The full app once the store has been read: until then a note says so, never the
/// sample in place of budgets not yet read.
#[component]
fn Saved(props: &SavedProps) -> Html {
    use_lang();
    let opened = use_state(|| None::<(Rc<AppState>, ByPtr<Backend>)>);
    {
        let opened = opened.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let (state, backend) = persist::open().await;
                opened.set(Some((Rc::new(state), ByPtr(backend))));
            });
        });
    }
    match &*opened {
        Some((state, backend)) => html! {
            <App start={state.clone()} backend={backend.clone()} network_src={props.network.clone()} />
        },
        None => html! {
            <div class="boot" role="status" data-testid="store-loading">
                <p class="boot-brand">{ "SiteBudget" }</p>
                <p class="boot-text">{ tr("Reading the budgets saved in this browser…") }</p>
            </div>
        },
    }
}

/// Why an embed shows nothing: a heading, the failure in one sentence and each problem
/// (the single-school and the network embed alike).
pub fn load_error(heading: &str, err: &LoadError) -> Html {
    html! {
        <section class="panel embed-error" role="alert" data-testid="embed-error">
            <h2>{ heading }</h2>
            <p class="negative">{ &err.headline }</p>
            if !err.problems.is_empty() {
                <ul>
                    for (i, problem) in err.problems.iter().enumerate() {
                        <li key={i}>{ problem }</li>
                    }
                </ul>
            }
        </section>
    }
}
