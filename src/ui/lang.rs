//! The language the page speaks: `?lang=es|en`, else the switch's remembered choice
//! (`sitebudget-lang` in local storage; the full app only, an embed follows its host's
//! `lang=`), else English. The Spanish catalog (`i18n/es.json`, copied to dist by Trunk)
//! is fetched only when Spanish is chosen, and set before anything renders in Spanish.
//!
//! A switch re-renders every component that words text without remounting any: each
//! listens to [`LangContext`] through [`use_lang`], so no state and no unsaved work is lost.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::ui::embed::Root;
use sitebudget_core::util::i18n::{self, set_catalog, Catalog, Lang};
use sitebudget_core::util::url::{encode_component, query_pairs};

/// `key` in the language spoken now, as the page shows it: in English the key itself,
/// with no copy. One shared function, so each of the page's few hundred texts costs a
/// call, not a conversion pasted at each place (README, Size). Keys are literals or
/// marked with `key(…)`, as for `sitebudget_core::util::i18n::tr`.
#[inline(never)]
pub fn tr(key: &'static str) -> AttrValue {
    match i18n::lang() {
        Lang::En => AttrValue::Static(key),
        Lang::Es => AttrValue::from(i18n::tr(key)),
    }
}

/// `key` translated with its `{places}` filled (`sitebudget_core::util::i18n::trf`), as
/// the page shows text.
#[inline(never)]
pub fn trf(key: &'static str, args: &[(&str, &dyn std::fmt::Display)]) -> AttrValue {
    AttrValue::from(i18n::trf(key, args))
}

/// `key` translated with its one `{name}` filled (`sitebudget_core::util::i18n::tr1`: no
/// slice of places to build at each call).
#[inline(never)]
pub fn tr1(key: &'static str, name: &str, value: &dyn std::fmt::Display) -> AttrValue {
    AttrValue::from(i18n::tr1(key, name, value))
}

/// `one` or `other` by `n`, translated and filled (`sitebudget_core::util::i18n::trn`).
#[inline(never)]
pub fn trn(
    one: &'static str,
    other: &'static str,
    n: u64,
    args: &[(&str, &dyn std::fmt::Display)],
) -> AttrValue {
    AttrValue::from(i18n::trn(one, other, n, args))
}

/// The local-storage key the switch's choice is remembered under.
pub const STORAGE_KEY: &str = "sitebudget-lang";

/// Where the Spanish catalog is, relative to the page, when the page names no versioned
/// URL (the browser tests run without Trunk).
const SPANISH_URL: &str = "i18n/es.json";

/// The catalog's URL with its version, from `data-catalog-es` on
/// `<meta name="sitebudget-app">` (scripts/worker-version.mjs writes it at build time), so
/// a cache never pairs this page with an older catalog and the service worker keeps it
/// with the version it belongs to.
fn spanish_url() -> String {
    crate::ui::worker::versioned_url("data-catalog-es", SPANISH_URL)
}

thread_local! {
    /// The Spanish catalog once fetched, so switching back and forth fetches it once.
    static SPANISH: RefCell<Option<Catalog>> = const { RefCell::new(None) };
}

/// The language in force and how to change it, for every component that words text.
#[derive(Clone, PartialEq)]
pub struct LangContext {
    /// The language spoken now (its catalog is already set).
    pub lang: Lang,
    /// Asks for another language: fetched if needed, remembered, then spoken.
    pub choose: Callback<Lang>,
    /// Whether a catalog is being fetched for a switch.
    pub busy: bool,
}

/// The language spoken now; the calling component re-renders when it changes, so its
/// `tr` calls word it anew (English outside a [`LangRoot`], as in browser tests).
#[hook]
pub fn use_lang() -> Lang {
    use_context::<LangContext>().map_or(Lang::En, |c| c.lang)
}

/// The language `lang=` asks for in `query`, if one we speak.
pub fn query_lang(query: &str) -> Option<Lang> {
    query_pairs(query)
        .find(|(k, _)| k == "lang")
        .and_then(|(_, v)| Lang::parse(v.trim()))
}

/// Whether `query` asks for an embed (`embed`, `embed=1`, …; not `embed=0`).
fn is_embed(query: &str) -> bool {
    query_pairs(query).any(|(k, v)| k == "embed" && !matches!(v.trim(), "0" | "false" | "no"))
}

/// The page's local storage, when the browser lets us use it.
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The language the switch last chose in this browser.
fn remembered() -> Option<Lang> {
    Lang::parse(&storage()?.get_item(STORAGE_KEY).ok()??)
}

/// Remembers the switch's choice (a blocked storage just forgets it).
fn remember(lang: Lang) {
    if let Some(s) = storage() {
        let _ = s.set_item(STORAGE_KEY, lang.tag());
    }
}

/// The language a page with `query` starts in: `lang=` first, then (outside an embed)
/// the remembered choice, then English.
pub fn starting_lang(query: &str) -> Lang {
    query_lang(query)
        .or_else(|| (!is_embed(query)).then(remembered).flatten())
        .unwrap_or_default()
}

/// `query` with its `lang=` set to `lang` when it names one (so a reload keeps the
/// switch's choice); without one it is returned as it is.
pub fn query_with_lang(query: &str, lang: Lang) -> String {
    let query = query.trim_start_matches('?');
    if !query_pairs(query).any(|(k, _)| k == "lang") {
        return query.to_owned();
    }
    query
        .split('&')
        .map(|pair| {
            let name = pair.split('=').next().unwrap_or("");
            if name.eq_ignore_ascii_case("lang") {
                format!("lang={}", encode_component(lang.tag()))
            } else {
                pair.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// Points the page's address at `lang` when it names a language (no new history entry).
fn follow_in_address(lang: Lang) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(search), Ok(hash), Ok(path)) =
        (location.search(), location.hash(), location.pathname())
    else {
        return;
    };
    let query = query_with_lang(&search, lang);
    if query == search.trim_start_matches('?') {
        return;
    }
    let url = format!("{path}?{query}{hash}");
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Sets `<html lang>` to the language spoken, and the words a phone shows over a wide
/// table (a CSS `content`, `--swipe-cue` in styles/tables.css), from the catalog.
fn set_html_lang(lang: Lang) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(root) = root {
        let _ = root.set_attribute("lang", lang.tag());
        if let Some(root) = root.dyn_ref::<web_sys::HtmlElement>() {
            // A CSS string as it is: the text holds no `"` or `\` (crates/core/tests/i18n.rs).
            let cue = ["\"", &i18n::tr("Swipe sideways for more columns →"), "\""].concat();
            let _ = root.style().set_property("--swipe-cue", &cue);
        }
    }
}

/// Fetches and reads the Spanish catalog.
async fn fetch_spanish() -> Result<Catalog, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&spanish_url()))
        .await
        .ok()
        .and_then(|r| r.dyn_into().ok())
        .ok_or("the network is unreachable")?;
    if !response.ok() {
        return Err(format!("the site answered {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| "unreadable answer")?)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or("unreadable answer")?;
    Catalog::from_json(Lang::Es, &text)
}

/// Makes `lang` the spoken language: its catalog fetched when not yet here, then set,
/// and `<html lang>` following. On failure nothing changes.
pub async fn speak(lang: Lang) -> Result<(), String> {
    let catalog = match lang {
        Lang::En => None,
        Lang::Es => match SPANISH.with(|s| s.borrow().clone()) {
            Some(cached) => Some(cached),
            None => {
                let fetched = fetch_spanish().await?;
                SPANISH.with(|s| *s.borrow_mut() = Some(fetched.clone()));
                Some(fetched)
            }
        },
    };
    set_catalog(catalog);
    set_html_lang(lang);
    Ok(())
}

/// The Spanish catalog, fetched once (for a part shown in both languages).
pub async fn spanish_catalog() -> Result<Catalog, String> {
    if let Some(cached) = SPANISH.with(|s| s.borrow().clone()) {
        return Ok(cached);
    }
    let fetched = fetch_spanish().await?;
    SPANISH.with(|s| *s.borrow_mut() = Some(fetched.clone()));
    Ok(fetched)
}

/// Where the language stands.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Speaking {
    /// Spoken now (its catalog set); `None` until the first language is ready.
    now: Option<Lang>,
    /// Being fetched.
    pending: Option<Lang>,
    /// The last fetch failed (the page stays in English and says so).
    failed: bool,
}

/// Props of [`LangRoot`], passed on to the embed root.
#[derive(Properties, PartialEq, Default)]
pub struct LangRootProps {
    /// The query string to read; the page's own when `None` (browser tests pass theirs).
    #[prop_or_default]
    pub query: Option<AttrValue>,
    /// The fragment (without `#`); the page's own when `None`.
    #[prop_or_default]
    pub fragment: Option<AttrValue>,
}

/// The page's root: chooses the language, fetches its catalog before the first render
/// in it, and re-words everything when the switch asks.
#[component]
pub fn LangRoot(props: &LangRootProps) -> Html {
    let query = {
        let query = props.query.clone();
        use_memo((), move |_| {
            query.map_or_else(page_query, |q| q.to_string())
        })
    };
    let embedded = is_embed(&query);
    let speaking = use_state(|| match starting_lang(&query) {
        Lang::En => Speaking {
            now: Some(Lang::En),
            pending: None,
            failed: false,
        },
        other => Speaking {
            now: None,
            pending: Some(other),
            failed: false,
        },
    });
    let choose = {
        let speaking = speaking.clone();
        use_callback(*speaking, move |lang: Lang, now| {
            if now.now == Some(lang) || now.pending.is_some() {
                return;
            }
            if !embedded {
                remember(lang);
                follow_in_address(lang);
            }
            speaking.set(Speaking {
                pending: Some(lang),
                failed: false,
                ..*now
            });
        })
    };
    {
        let speaking = speaking.clone();
        use_effect_with(speaking.pending, move |pending| {
            if let Some(lang) = *pending {
                wasm_bindgen_futures::spawn_local(async move {
                    speaking.set(match speak(lang).await {
                        Ok(()) => Speaking {
                            now: Some(lang),
                            pending: None,
                            failed: false,
                        },
                        Err(reason) => {
                            web_sys::console::warn_1(&reason.into());
                            // English is always here: the keys are the English text.
                            set_catalog(None);
                            set_html_lang(Lang::En);
                            Speaking {
                                now: Some(Lang::En),
                                pending: None,
                                failed: true,
                            }
                        }
                    });
                });
            }
        });
    }
    let Some(lang) = speaking.now else {
        // Until the chosen language's texts are here, a note in that language (it cannot
        // come from the catalog being fetched), never the app in English first. Marked as a
        // loading note of the app's own, so the page's note stays and takes on its words
        // (web/boot.js) until the budget is drawn.
        return html! {
            <div class="boot" role="status" data-testid="store-loading" lang="es">
                <p class="boot-brand">{ "SiteBudget" }</p>
                <p class="boot-text">{ "Cargando la calculadora de presupuestos…" }</p>
            </div>
        };
    };
    let context = LangContext {
        lang,
        choose,
        busy: speaking.pending.is_some(),
    };
    html! {
        <ContextProvider<LangContext> {context}>
            if speaking.failed {
                // Both languages, written here: the Spanish texts are what could not load.
                <div class="panel lang-failed" role="alert" data-testid="lang-failed">
                    <p lang="en">{ "The Spanish texts could not be loaded (the network may be down), so SiteBudget stays in English. Choose Español again once you are online." }</p>
                    <p lang="es">{ "No se pudieron cargar los textos en español (puede que no haya conexión), así que SiteBudget sigue en inglés. Vuelva a elegir Español cuando tenga conexión." }</p>
                </div>
            }
            <Root query={props.query.clone()} fragment={props.fragment.clone()} />
        </ContextProvider<LangContext>>
    }
}

/// The page's own query string.
fn page_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The language in force with its switch (`None` outside a [`LangRoot`]); the calling
/// component re-renders when it changes.
#[hook]
pub fn use_lang_context() -> Option<LangContext> {
    use_context::<LangContext>()
}

/// The language switch for the top bar, each language named in itself (nothing outside a
/// [`LangRoot`]). A plain function: one component type less in the bundle.
pub fn lang_switch(context: Option<&LangContext>) -> Html {
    let Some(context) = context else {
        return Html::default();
    };
    let onchange = {
        let choose = context.choose.clone();
        Callback::from(move |e: Event| {
            if let Some(lang) = crate::ui::event_value(&e).as_deref().and_then(Lang::parse) {
                choose.emit(lang);
            }
        })
    };
    html! {
        <label class="lang-switch">
            <span class="visually-hidden">{ tr("Language") }</span>
            <select data-testid="lang-switch" {onchange} disabled={context.busy}
                aria-busy={context.busy.then_some("true")}>
                for lang in [Lang::En, Lang::Es] {
                    <option key={lang.tag()} value={lang.tag()} lang={lang.tag()}
                        selected={lang == context.lang}>{ lang.own_name() }</option>
                }
            </select>
        </label>
    }
}

/// A line's priority as people read it (the document keeps the English word).
pub fn priority_name(priority: sitebudget_core::model::Priority) -> AttrValue {
    use sitebudget_core::model::Priority;
    match priority {
        Priority::Flexible => tr("flexible"),
        Priority::Essential => tr("essential"),
        Priority::Protected => tr("protected"),
    }
}
