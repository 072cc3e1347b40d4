//! The budget editor mounted in headless Chromium: an edit reaches the totals, a refused one
//! is explained at its field and leaves them alone.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use rust_decimal::Decimal;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

async fn settle() {
    yew::scheduler::flush().await;
    gloo_timers::future::sleep(Duration::from_millis(30)).await;
    yew::scheduler::flush().await;
}

fn by_testid(root: &Element, id: &str) -> Element {
    root.query_selector(&format!("[data-testid=\"{id}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element {id}"))
}

fn data_value(root: &Element, id: &str) -> Decimal {
    by_testid(root, id)
        .get_attribute("data-value")
        .unwrap()
        .parse()
        .unwrap()
}

/// Types `text` into an editor input and commits it as the browser does on Enter.
async fn commit(root: &Element, id: &str, text: &str) -> HtmlInputElement {
    let input: HtmlInputElement = by_testid(root, id).dyn_into().unwrap();
    input.set_value(text);
    input
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
    input
}

#[wasm_bindgen_test]
async fn an_edit_reaches_the_totals_and_a_refusal_stays_at_its_field() {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    sitebudget::ui::mount(root.clone());
    settle().await;
    let toggle: HtmlElement = by_testid(&root, "editor-toggle").dyn_into().unwrap();
    toggle.click();
    settle().await;

    let cost = data_value(&root, "total-cost");
    commit(&root, "edit-line-nurse-fte", "0.8").await;
    // 0.2 FTE more × $145,000.
    assert_eq!(
        data_value(&root, "total-cost") - cost,
        Decimal::from(29_000)
    );

    let input = commit(&root, "edit-line-nurse-fte", "-1").await;
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(input.value(), "-1", "the field keeps the user's text");
    let message = root
        .query_selector(".editor .field-error")
        .unwrap()
        .expect("a message at the field");
    assert_eq!(message.text_content().unwrap(), "must be 0 or more, got -1");
    assert_eq!(
        data_value(&root, "total-cost") - cost,
        Decimal::from(29_000)
    );
}
