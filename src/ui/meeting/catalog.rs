//! The Spanish catalog for the bilingual layout, fetched from `i18n/es.json` when the
//! layout is first shown (the English first load does not carry it).

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use sitebudget_core::util::i18n::{tr1, Catalog, Lang};

/// Where the catalog lies, relative to the page (so sub-path hosting works).
const ES_URL: &str = "i18n/es.json";

/// The Spanish catalog, or why it could not be had, in plain words.
pub async fn fetch_spanish() -> Result<Rc<Catalog>, String> {
    let fail = |why: &str| tr1("The Spanish texts could not be loaded: {why}", "why", &why);
    let window = web_sys::window().ok_or_else(|| fail("no window"))?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(ES_URL))
        .await
        .ok()
        .and_then(|r| r.dyn_into().ok())
        .ok_or_else(|| fail("the network did not answer"))?;
    if !response.ok() {
        return Err(fail(&response.status().to_string()));
    }
    let text = match response.text() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .ok()
            .and_then(|t| t.as_string()),
        Err(_) => None,
    }
    .ok_or_else(|| fail("the answer was not text"))?;
    Catalog::from_json(Lang::Es, &text)
        .map(Rc::new)
        .map_err(|e| fail(&e))
}
