//! Embed mode mounted in headless Chromium: chrome hidden, panels chosen, read-only hides
//! the plan's steering controls, change= sets the start, bad options and sources explained.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use rust_decimal::Decimal;
use sitebudget_core::engine::{evaluate, EnrollmentInput, Scenario};
use sitebudget_core::io::sample::sample_document;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element with the root mounted as if the page had `query`, once `ready` shows
/// (or after three seconds, so a missing element fails the test's own assertion).
async fn mount(query: &str, ready: &str) -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    sitebudget::ui::mount_with_query(root.clone(), query, "");
    for _ in 0..100 {
        yew::scheduler::flush().await;
        if count(&root, ready) > 0 {
            break;
        }
        gloo_timers::future::sleep(Duration::from_millis(30)).await;
    }
    root
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

fn text(root: &Element, testid: &str) -> String {
    root.query_selector(&format!("[data-testid=\"{testid}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no {testid}"))
        .text_content()
        .unwrap_or_default()
}

fn data_value(root: &Element, testid: &str) -> Decimal {
    root.query_selector(&format!("[data-testid=\"{testid}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no {testid}"))
        .get_attribute("data-value")
        .unwrap()
        .parse()
        .unwrap()
}

const FIGURE: &str = "[data-testid=\"total-allocation\"]";

#[wasm_bindgen_test]
async fn read_only_embed_shows_chosen_panels_without_chrome_or_steering() {
    let root = mount("?embed&readonly&panels=summary,plan&change=-10", FIGURE).await;
    let expected = evaluate(
        &sample_document(),
        &Scenario {
            enrollment: EnrollmentInput::Change(Decimal::new(-10, 2)),
            ..Scenario::default()
        },
    )
    .unwrap();
    assert_eq!(
        data_value(&root, "total-allocation"),
        expected.scenario.total_allocation
    );
    assert!(
        !expected.plan.cuts.is_empty(),
        "10% fewer pupils means cuts"
    );
    assert_eq!(
        count(&root, "li[data-testid^=\"cut-\"]") as usize,
        expected.plan.cuts.len()
    );
    for gone in [
        ".topbar",
        "[data-testid=\"import-file\"]",
        ".scenario-bar",
        "[data-testid=\"school-name\"]",
        "[data-testid=\"enrollment-change\"]",
        "[data-testid^=\"line-\"]",
        "[data-testid=\"flexibility-index\"]",
    ] {
        assert_eq!(count(&root, gone), 0, "{gone} should be hidden");
    }
    assert_eq!(
        count(&root, "select, input, textarea"),
        0,
        "no control edits the budget"
    );
    assert_eq!(count(&root, "[data-testid=\"embed-open\"]"), 1);
}

#[wasm_bindgen_test]
async fn read_only_embed_with_every_panel_has_no_editor() {
    let root = mount("?embed&readonly", FIGURE).await;
    assert!(
        count(&root, "[data-testid^=\"line-\"]") > 0,
        "every panel shown"
    );
    assert_eq!(count(&root, "[data-testid=\"editor\"]"), 0);
    assert_eq!(
        count(
            &root,
            "[data-testid=\"budget-bar\"], [data-testid=\"drop-zone\"]"
        ),
        0
    );
    let editable = mount("?embed", FIGURE).await;
    assert_eq!(count(&editable, "[data-testid=\"editor\"]"), 1);
}

#[wasm_bindgen_test]
async fn editable_embed_keeps_the_plan_steering_controls() {
    // Steering is for whoever edits: only `mode=edit` shows it in an embed (families see
    // the plan without the controls).
    let root = mount(
        "?embed&mode=edit&panels=plan&change=-10",
        "li[data-testid^=\"cut-\"]",
    )
    .await;
    assert!(count(&root, "[data-testid^=\"priority-\"]") > 0);
    assert_eq!(count(&root, ".topbar"), 0);
    let plain = mount("?embed&panels=plan&change=-10", "li[data-testid^=\"cut-\"]").await;
    assert_eq!(count(&plain, "[data-testid^=\"priority-\"]"), 0);
}

#[wasm_bindgen_test]
async fn without_embed_the_options_are_ignored() {
    let root = mount("?readonly&panels=plan&change=-10", FIGURE).await;
    assert_eq!(count(&root, ".topbar"), 1);
    assert_eq!(count(&root, "[data-testid=\"embed\"]"), 0);
    assert!(count(&root, "[data-testid^=\"line-\"]") > 0);
    assert_eq!(
        text(&root, "enrollment-readout").split(' ').next(),
        Some("0%")
    );
}

#[wasm_bindgen_test]
async fn options_it_cannot_read_are_listed_and_the_rest_apply() {
    let root = mount("?embed&panels=summary,charts&change=lots", FIGURE).await;
    let problems = text(&root, "embed-problems");
    assert!(problems.contains("`charts` is not a panel"), "{problems}");
    assert!(
        problems.contains("change=lots is not a percent"),
        "{problems}"
    );
    assert_eq!(count(&root, "[data-testid=\"cut-plan\"]"), 0);
}

#[wasm_bindgen_test]
async fn a_missing_src_explains_the_answer_it_got() {
    let root = mount(
        "?embed&src=no-such-budget.json",
        "[data-testid=\"embed-error\"]",
    )
    .await;
    let error = text(&root, "embed-error");
    assert!(
        error.contains("no-such-budget.json could not be loaded: the site answered 404"),
        "{error}"
    );
    assert_eq!(count(&root, FIGURE), 0);
}

#[wasm_bindgen_test]
async fn a_src_elsewhere_is_refused_before_any_request() {
    let root = mount(
        "?embed&src=https%3A%2F%2Fexample.org%2Fb.json",
        "[data-testid=\"embed-error\"]",
    )
    .await;
    let error = text(&root, "embed-error");
    assert!(
        error.contains("https://example.org/b.json is not on this site"),
        "{error}"
    );
}
