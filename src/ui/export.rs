//! Downloads made in the browser: a Blob, an object URL, a click on a hidden link.

use sitebudget_core::util::i18n::tr1;
use wasm_bindgen::JsCast;

/// Offers `bytes` as a download named `file_name`; the object URL is revoked right after.
pub fn download(bytes: &[u8], file_name: &str, mime: &str) -> Result<(), String> {
    let fail = |_| tr1("The browser refused to save {file}.", "file", &file_name);
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = gloo::utils::document();
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| tr1("The browser refused to save {file}.", "file", &file_name))?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    let body = gloo::utils::body();
    let _ = body.append_child(&anchor);
    anchor.click();
    anchor.remove();
    // The click has started the download, which keeps its own reference to the blob.
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}
