//! Where an embed's budget comes from: a same-origin JSON file (`src=`), a share link's
//! fragment, or the built-in sample; and the starting state built from it. The full app
//! loads a `?src=` budget it offers through the same code.

use crate::ui::share_client::open_fragment;
use sitebudget_core::io::share::{is_share_fragment, Shared};
use std::rc::Rc;

use rust_decimal::Decimal;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use sitebudget_core::app::AppState;
use sitebudget_core::engine::{EnrollmentInput, Scenario};
use sitebudget_core::io::parse_document;
use sitebudget_core::io::same_origin::{not_on_this_site, src_problem};
use sitebudget_core::model::Document;
use sitebudget_core::util::i18n::{tr, tr1, trf};

/// Why a budget could not be shown: a headline and, for a refused file, each problem.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadError {
    /// One sentence saying what failed.
    pub headline: String,
    /// The file's problems, in plain words (may be empty).
    pub problems: Vec<String>,
}

impl LoadError {
    /// A failure told in one sentence.
    pub fn new(headline: String) -> Self {
        Self {
            headline,
            problems: Vec::new(),
        }
    }
}

/// The budget a share link carries in `fragment` (without its `#`), if it carries one:
/// decoded by the file worker, which holds the decompression code.
pub async fn fragment_budget(fragment: &str) -> Option<Result<Shared, String>> {
    if !is_share_fragment(fragment) {
        return None;
    }
    Some(open_fragment(fragment).await)
}

/// The app's first state: `doc` under `scenario`, with `change` (a fraction) as the
/// enrollment change when the host asked for one.
pub fn start_state(
    doc: Document,
    scenario: Option<Scenario>,
    change: Option<Decimal>,
) -> Rc<AppState> {
    let mut state = AppState::with_document(doc);
    let scenario = with_change(scenario.unwrap_or_default(), change);
    // Set directly rather than through the reducer, so undo does not step back past it.
    if let Some(named) = state.active_mut() {
        named.scenario = Rc::new(scenario);
    }
    Rc::new(state)
}

/// `scenario` with `change` (a fraction) as its enrollment change, when one is given.
fn with_change(mut scenario: Scenario, change: Option<Decimal>) -> Scenario {
    if let Some(change) = change {
        scenario.enrollment = if change.is_zero() {
            EnrollmentInput::Unchanged
        } else {
            EnrollmentInput::Change(change)
        };
    }
    scenario
}

/// The budget at `src` under `change`, as a share link would carry it (the scenario
/// unnamed), for the full app to offer.
pub async fn src_budget(src: &str, change: Option<Decimal>) -> Result<Shared, LoadError> {
    let doc = load_src(src).await?;
    Ok(Shared {
        doc,
        scenario: with_change(Scenario::default(), change),
        name: String::new(),
        others: Vec::new(),
    })
}

/// Why a same-origin fetch gave no text.
#[derive(Clone, Debug, PartialEq)]
pub enum FetchError {
    /// Refused before any request, with the refusal in plain words (another site, empty).
    Refused(String),
    /// Not a web address.
    NotAnAddress,
    /// The page has no window, or its own address cannot be read.
    NoPage(bool),
    /// No answer (network down, blocked).
    Unreachable,
    /// The site answered with this status (`404 Not Found`).
    Status(String),
}

/// The fetch of `href` web/boot.js started while the app loaded (the address's `src=` or
/// `network=`), taken at most once: a second load of the same address asks again.
fn early_fetch(window: &web_sys::Window, href: &str) -> Option<js_sys::Promise> {
    let early: js_sys::Map = js_sys::Reflect::get(window, &"__sitebudgetEarly".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let key = wasm_bindgen::JsValue::from_str(href);
    let promise = early.get(&key).dyn_into::<js_sys::Promise>().ok()?;
    early.delete(&key);
    Some(promise)
}

/// Fetches `src` (same origin only) as text.
pub async fn fetch_text(src: &str) -> Result<String, FetchError> {
    let window = web_sys::window().ok_or(FetchError::NoPage(false))?;
    let location = window.location();
    let (origin, here) = location
        .origin()
        .and_then(|o| location.href().map(|h| (o, h)))
        .map_err(|_| FetchError::NoPage(true))?;
    if let Some(problem) = src_problem(src, &origin) {
        return Err(FetchError::Refused(problem));
    }
    // The browser's own URL parser has the last word on where `src` points.
    let url = web_sys::Url::new_with_base(src, &here).map_err(|_| FetchError::NotAnAddress)?;
    if url.origin() != origin {
        return Err(FetchError::Refused(not_on_this_site(src, &origin)));
    }
    let init = web_sys::RequestInit::new();
    init.set_mode(web_sys::RequestMode::SameOrigin);
    let href = url.href();
    let request =
        early_fetch(&window, &href).unwrap_or_else(|| window.fetch_with_str_and_init(&href, &init));
    let response: web_sys::Response = JsFuture::from(request)
        .await
        .ok()
        .and_then(|r| r.dyn_into().ok())
        .ok_or(FetchError::Unreachable)?;
    if !response.ok() {
        let status = format!("{} {}", response.status(), response.status_text());
        return Err(FetchError::Status(status.trim().to_owned()));
    }
    match response.text() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .ok()
            .and_then(|t| t.as_string()),
        Err(_) => None,
    }
    .ok_or(FetchError::Unreachable)
}

/// Fetches `src` (same origin only) and reads it as a budget.
pub async fn load_src(src: &str) -> Result<Document, LoadError> {
    read_src(src, &fetch_src(src).await?)
}

/// Fetches `src` (same origin only) as text, each failure said in plain words.
pub async fn fetch_src(src: &str) -> Result<String, LoadError> {
    fetch_text(src).await.map_err(|e| match e {
        FetchError::Refused(problem) => LoadError::new(problem),
        FetchError::NoPage(false) => {
            LoadError::new(tr("This page has no window to load a budget in."))
        }
        FetchError::NoPage(true) => LoadError::new(tr(
            "This page's address could not be read, so src= was not loaded.",
        )),
        FetchError::NotAnAddress => LoadError::new(tr1(
            "src={src} is not a web address, so nothing was loaded.",
            "src",
            &src,
        )),
        FetchError::Unreachable => LoadError::new(tr1(
            "The budget at {src} could not be reached. Check the address and that the file is on this site.",
            "src",
            &src,
        )),
        FetchError::Status(status) => LoadError::new(trf(
            "The budget at {src} could not be loaded: the site answered {status}.",
            &[("src", &src), ("status", &status)],
        )),
    })
}

/// Reads `text`, fetched from `src`, as a budget.
pub fn read_src(src: &str, text: &str) -> Result<Document, LoadError> {
    parse_document(text).map_err(|err| LoadError {
        headline: tr1(
            "The file at {src} is not a budget SiteBudget can read:",
            "src",
            &src,
        ),
        problems: err.problems.iter().map(ToString::to_string).collect(),
    })
}
