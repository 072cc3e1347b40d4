//! The network table mounted in headless Chromium against hand computation: the fixture
//! network (Alder, Birch, Cedar and a bad school) at −10% with Alder's own +5%, each row's
//! hooks in file order, the total from the sums, the bad school's reason, and sorting.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use rust_decimal::Decimal;
use sitebudget::ui::network::page::{NetworkPage, NetworkPageProps};
use sitebudget_core::app::networks::{Network, NetworkSchool};
use sitebudget_core::engine::NetworkScenario;
use sitebudget_core::io::parse_document;
use sitebudget_core::model::BadBudget;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

fn school(json: &str) -> NetworkSchool {
    NetworkSchool::Budget(Rc::new(parse_document(json).expect("a fixture budget")))
}

/// The fixture network at −10%, Alder at its own +5%.
fn network() -> Network {
    let network = include_str!("e2e/fixtures/network/network.json");
    let cedar = serde_json::from_str::<serde_json::Value>(network).unwrap()["schools"][2]["budget"]
        .to_string();
    Network {
        name: "Eastside test network".into(),
        schools: Rc::new(vec![
            school(include_str!("e2e/fixtures/network/schools/alder.json")),
            school(include_str!("e2e/fixtures/network/schools/birch.json")),
            school(&cedar),
            NetworkSchool::Bad(BadBudget {
                problems: vec!["School 4 has no budget.".into()],
                json: "{}".into(),
            }),
        ]),
        scenario: Rc::new(NetworkScenario {
            change: Decimal::new(-10, 2),
            overrides: vec![Some(Decimal::new(5, 2))],
        }),
    }
}

async fn mount(network: Network) -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = NetworkPageProps {
        network: sitebudget::ui::network::page::NetView(network),
        on_action: None,
        on_open: None,
        panels: Rc::new(sitebudget::ui::network::page::NetPanel::ALL.to_vec()),
        exports: false,
        children: Default::default(),
    };
    yew::Renderer::<NetworkPage>::with_root_and_props(root.clone(), props).render();
    for _ in 0..100 {
        yew::scheduler::flush().await;
        if root
            .query_selector("[data-testid=\"network-total\"]")
            .unwrap()
            .is_some()
        {
            break;
        }
        gloo_timers::future::sleep(Duration::from_millis(20)).await;
    }
    root
}

fn data(root: &Element, testid: &str, name: &str) -> String {
    root.query_selector(&format!("[data-testid=\"{testid}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no {testid}"))
        .get_attribute(&format!("data-{name}"))
        .unwrap_or_default()
}

fn order(root: &Element) -> Vec<String> {
    let rows = root
        .query_selector_all("[data-testid=\"network-table\"] tbody tr")
        .unwrap();
    (0..rows.length())
        .filter_map(|i| rows.get(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .map(|e| e.get_attribute("data-testid").unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn rows_and_total_match_hand_computation() {
    let root = mount(network()).await;
    // Alder at +5%: 53 per grade, 106 pupils; 100,000 + 500 × 85 + 200 × 85 + 5 × 100,000
    // = 659,500; per pupil 659,500 ÷ 106 = 6,221.698… → 6,221.70; lose 106 − 100 = 6.
    assert_eq!(data(&root, "network-school-0", "pupils"), "106");
    assert_eq!(data(&root, "network-school-0", "allocation"), "659500");
    assert_eq!(data(&root, "network-school-0", "per-pupil"), "6221.7");
    assert_eq!(data(&root, "network-school-0", "lose"), "6");
    // Birch at −10%: 162 pupils, one teacher fewer (a norm reduction) and 0.4 of the aide:
    // 1.4 FTE; index 6,000 ÷ 640,000 = 0.009375.
    assert_eq!(data(&root, "network-school-1", "cut-fte"), "1.4");
    assert_eq!(data(&root, "network-school-1", "flex-index"), "0.009375");
    assert_eq!(
        data(&root, "network-school-1", "restricted-share"),
        "0.8438"
    );
    // Cedar: no pupils, so neither a per-pupil figure nor a breakpoint.
    assert_eq!(data(&root, "network-school-2", "per-pupil"), "");
    assert_eq!(data(&root, "network-school-2", "lose"), "");
    // The bad school: a row with its reason, no figures.
    assert_eq!(data(&root, "network-school-3", "problem"), "true");
    let why = root
        .query_selector("[data-testid=\"network-problem-3\"]")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap_or_default();
    assert!(why.contains("School 4 has no budget."), "{why}");
    // Total: 106 + 162 + 0 = 268 pupils; 659,500 + 640,000 + 20,000 = 1,319,500; per pupil
    // from the sums 1,319,500 ÷ 268 = 4,923.507… → 4,923.51; balance 24,500 − 40,000 +
    // 15,000 = −500; FTE 0 + 1.4 + 0; deficit 30,000; lose min(6, 27) = 6; 3 schools.
    assert_eq!(data(&root, "network-total", "pupils"), "268");
    assert_eq!(data(&root, "network-total", "allocation"), "1319500");
    assert_eq!(data(&root, "network-total", "per-pupil"), "4923.51");
    assert_eq!(data(&root, "network-total", "balance"), "-500");
    assert_eq!(data(&root, "network-total", "cut-fte"), "1.4");
    assert_eq!(data(&root, "network-total", "deficit"), "30000");
    assert_eq!(data(&root, "network-total", "lose"), "6");
    assert_eq!(data(&root, "network-total", "schools"), "3");
    // Read-only: no boxes to type in.
    assert!(root
        .query_selector("[data-testid=\"network-change\"]")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn sorting_keeps_the_file_order_hooks() {
    let root = mount(network()).await;
    assert_eq!(
        order(&root),
        [
            "network-school-0",
            "network-school-1",
            "network-school-2",
            "network-school-3"
        ]
    );
    let click = |id: &str| {
        root.query_selector(&format!("[data-testid=\"{id}\"]"))
            .unwrap()
            .unwrap()
            .dyn_into::<web_sys::HtmlElement>()
            .unwrap()
            .click()
    };
    // Deficit after the plan, largest first: Birch 30,000, then Alder and Cedar at 0 in
    // file order; the bad school last.
    click("network-sort-deficit");
    yew::scheduler::flush().await;
    assert_eq!(
        order(&root),
        [
            "network-school-1",
            "network-school-0",
            "network-school-2",
            "network-school-3"
        ]
    );
    // School names, A to Z after the first click.
    click("network-sort-school");
    yew::scheduler::flush().await;
    assert_eq!(order(&root)[0], "network-school-0");
}
