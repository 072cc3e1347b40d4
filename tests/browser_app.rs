//! The app mounted in headless Chromium: the sample's table and totals in the DOM,
//! filtering and grouping, and imports that succeed or are refused.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use rust_decimal::Decimal;
use sitebudget_core::engine::{evaluate, Scenario};
use sitebudget_core::io::sample::sample_document;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element in the page, with the app mounted in it and rendered from an empty
/// browser storage (a first visit).
async fn mount_app() -> Element {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    sitebudget::ui::mount(root.clone());
    settle().await;
    root
}

/// Lets Yew render and pending file reads finish.
async fn settle() {
    yew::scheduler::flush().await;
    gloo_timers::future::sleep(Duration::from_millis(30)).await;
    yew::scheduler::flush().await;
}

/// Waits (up to 3 s) for an element that appears after a file read, which a busy machine
/// can take longer than [`settle`]'s pause to finish.
async fn wait_for(root: &Element, id: &str) -> Option<Element> {
    for _ in 0..300 {
        if let Some(el) = by_testid(root, id) {
            return Some(el);
        }
        gloo_timers::future::sleep(Duration::from_millis(10)).await;
    }
    None
}

fn by_testid(root: &Element, id: &str) -> Option<Element> {
    root.query_selector(&format!("[data-testid=\"{id}\"]"))
        .unwrap()
}

fn data_value(root: &Element, id: &str) -> Decimal {
    let el = by_testid(root, id).unwrap_or_else(|| panic!("no element {id}"));
    el.get_attribute("data-value").unwrap().parse().unwrap()
}

fn text(root: &Element, id: &str) -> String {
    by_testid(root, id)
        .unwrap_or_else(|| panic!("no element {id}"))
        .text_content()
        .unwrap_or_default()
}

fn click(root: &Element, id: &str) {
    let el: web_sys::HtmlElement = by_testid(root, id)
        .unwrap_or_else(|| panic!("no element {id}"))
        .dyn_into()
        .unwrap();
    el.click();
}

fn line_rows(root: &Element) -> u32 {
    root.query_selector_all("[data-testid^=\"line-\"]")
        .unwrap()
        .length()
}

/// Puts `contents` in the import input as a file named `name` and fires `change`.
fn pick_file(root: &Element, name: &str, contents: &str) {
    let parts = js_sys::Array::of1(&contents.into());
    let file = web_sys::File::new_with_str_sequence(&parts, name).unwrap();
    let transfer = web_sys::DataTransfer::new().unwrap();
    transfer.items().add_with_file(&file).unwrap();
    let input: HtmlInputElement = by_testid(root, "import-file").unwrap().dyn_into().unwrap();
    input.set_files(transfer.files().as_ref());
    input
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn sample_table_and_totals_are_in_the_dom() {
    let root = mount_app().await;
    let doc = sample_document();
    assert_eq!(
        by_testid(&root, "school-name")
            .unwrap()
            .text_content()
            .unwrap(),
        doc.school.name
    );
    assert_eq!(line_rows(&root) as usize, doc.lines.len());

    // The DOM shows the engine's figures for the sample (the engine's own figures are
    // checked against hand-computed values in tests/engine_sample.rs).
    let eval = evaluate(&doc, &Scenario::default()).unwrap();
    let snap = &eval.scenario;
    assert_eq!(data_value(&root, "total-allocation"), snap.total_allocation);
    assert_eq!(data_value(&root, "total-cost"), snap.total_cost);
    assert_eq!(data_value(&root, "balance-total"), snap.balance);
    for source in &doc.sources {
        let shown = data_value(&root, &format!("balance-{}", source.id));
        assert_eq!(
            shown,
            snap.source(&source.id).unwrap().balance,
            "{}",
            source.id
        );
    }
    assert_eq!(data_value(&root, "lines-total"), snap.total_cost);
    let text = by_testid(&root, "total-cost")
        .unwrap()
        .text_content()
        .unwrap();
    assert!(text.starts_with('$') && text.contains(','), "{text}");
}

#[wasm_bindgen_test]
async fn filter_and_grouping_by_source() {
    let root = mount_app().await;
    let doc = sample_document();
    let source = &doc.sources[0];
    let select: HtmlSelectElement = by_testid(&root, "filter-source")
        .unwrap()
        .dyn_into()
        .unwrap();
    select.set_value(&source.id);
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
    let expected = doc
        .lines
        .iter()
        .filter(|l| l.funding.iter().any(|f| f.source == source.id))
        .count();
    assert_eq!(line_rows(&root) as usize, expected);
    // Filtered, the footer sums only the charges to that source.
    let eval = evaluate(&doc, &Scenario::default()).unwrap();
    assert_eq!(
        data_value(&root, "lines-total"),
        eval.scenario.source(&source.id).unwrap().charges
    );

    select.set_value("");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    let group: HtmlInputElement = by_testid(&root, "group-by-source")
        .unwrap()
        .dyn_into()
        .unwrap();
    group.set_checked(true);
    group
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
    let heads = root.query_selector_all("tr.group-head").unwrap().length();
    assert_eq!(heads as usize, doc.sources.len());
    // Grouped subtotals count each source's charges once, so they add up to the total cost.
    assert_eq!(data_value(&root, "lines-total"), eval.scenario.total_cost);
}

#[wasm_bindgen_test]
async fn bad_import_is_refused_and_the_budget_is_kept() {
    let root = mount_app().await;
    let before = data_value(&root, "total-allocation");
    pick_file(
        &root,
        "broken.json",
        "{\"format\": \"sitebudget/1\", \"school\": ",
    );
    settle().await;
    let error = wait_for(&root, "import-error").await.expect("error shown");
    let text = error.text_content().unwrap();
    assert!(text.contains("broken.json"), "{text}");
    assert!(text.contains("unchanged"), "{text}");
    assert_eq!(data_value(&root, "total-allocation"), before);
}

#[wasm_bindgen_test]
async fn good_import_replaces_the_budget() {
    let root = mount_app().await;
    let json = r#"{"format": "sitebudget/1",
        "school": {"name": "Tiny", "fiscal_year": "2026-27", "enrollment": {"K": 20},
                   "unduplicated_pct": "0.5", "attendance_rate": "0.95"},
        "sources": [{"id": "pp", "name": "Per pupil", "restricted": false,
                     "allocation": {"type": "per_pupil", "rate": "100.10", "basis": "enrollment"}}],
        "norms": [],
        "lines": [{"id": "aide", "kind": "position", "title": "Aide", "fte": "0.4",
                   "unit_cost": "50000", "funding": [{"source": "pp", "share": "1"}]}]}"#;
    pick_file(&root, "tiny.json", json);
    settle().await;
    // A good file is previewed first; nothing changes until the user chooses.
    let preview = wait_for(&root, "import-preview")
        .await
        .expect("preview shown");
    assert!(preview.text_content().unwrap().contains("Tiny"));
    assert_eq!(text(&root, "preview-lines"), "1");
    assert_ne!(text(&root, "school-name"), "Tiny");
    click(&root, "import-replace");
    settle().await;
    assert_eq!(
        by_testid(&root, "school-name")
            .unwrap()
            .text_content()
            .unwrap(),
        "Tiny"
    );
    // 20 pupils × $100.10 = $2,002.00; 0.4 FTE × $50,000 = $20,000.00; 2,002 − 20,000 = −17,998.
    assert_eq!(
        data_value(&root, "total-allocation"),
        Decimal::new(200200, 2)
    );
    assert_eq!(data_value(&root, "total-cost"), Decimal::new(2000000, 2));
    assert_eq!(data_value(&root, "balance-pp"), Decimal::new(-1799800, 2));
    assert!(root
        .query_selector(".figure.is-negative .negative-flag")
        .unwrap()
        .is_some());

    // Undo brings the sample back, redo the imported budget again.
    let sample = sample_document();
    click(&root, "undo");
    settle().await;
    assert_eq!(text(&root, "school-name"), sample.school.name);
    click(&root, "redo");
    settle().await;
    assert_eq!(text(&root, "school-name"), "Tiny");
}

#[wasm_bindgen_test]
async fn undo_and_redo_walk_back_through_more_than_a_hundred_steps() {
    let root = mount_app().await;
    let base = data_value(&root, "total-allocation");
    let change: HtmlInputElement = by_testid(&root, "enrollment-change")
        .unwrap()
        .dyn_into()
        .unwrap();
    change.set_value("-10");
    change
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    settle().await;
    let scenario_allocation = data_value(&root, "total-allocation");
    assert_ne!(scenario_allocation, base);

    // 105 budget edits (a line's cut rank), each its own undo step.
    let rank: HtmlInputElement = root
        .query_selector("[data-testid^=\"cut-rank-\"]")
        .unwrap()
        .expect("a steerable line under the −10% scenario")
        .dyn_into()
        .unwrap();
    let original = rank.value();
    for i in 1..=105 {
        rank.set_value(&i.to_string());
        rank.dispatch_event(&web_sys::Event::new("change").unwrap())
            .unwrap();
        yew::scheduler::flush().await;
    }
    settle().await;
    assert_eq!(text(&root, "undo"), "↶ Undo (106)");
    for _ in 0..105 {
        click(&root, "undo");
    }
    settle().await;
    assert_eq!(rank.value(), original);
    assert_eq!(data_value(&root, "total-allocation"), scenario_allocation);
    click(&root, "undo");
    settle().await;
    assert_eq!(data_value(&root, "total-allocation"), base);
    assert!(by_testid(&root, "undo").unwrap().has_attribute("disabled"));

    // Redo replays every step, the last edit included.
    for _ in 0..106 {
        click(&root, "redo");
    }
    settle().await;
    // The baseline shows no steering list, so the input was rebuilt: look it up again.
    let id = rank.get_attribute("data-testid").unwrap();
    let rank: HtmlInputElement = by_testid(&root, &id).unwrap().dyn_into().unwrap();
    assert_eq!(rank.value(), "105");
    assert_eq!(data_value(&root, "total-allocation"), scenario_allocation);
    assert_eq!(text(&root, "redo"), "↷ Redo (0)");
}
