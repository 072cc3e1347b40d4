//! Opening a share link in the reducer (an import of its budget, then its scenario and name),
//! the worker client's plain answer when the worker file is missing, and download names.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use sitebudget::ui::state::Store;
use sitebudget_core::app::{Action, AppState, ImportStatus, SharedChoice};
use sitebudget_core::engine::{EnrollmentInput, Scenario};
use sitebudget_core::io::sample::sample_document;
use wasm_bindgen_test::*;
use yew::Reducible;

wasm_bindgen_test_configure!(run_in_browser);

fn minus_ten() -> Scenario {
    Scenario {
        enrollment: EnrollmentInput::Change("-0.10".parse().unwrap()),
        ..Scenario::default()
    }
}

#[wasm_bindgen_test]
fn open_shared_imports_the_budget_then_applies_its_scenario() {
    let start = Rc::new(Store(Rc::new(AppState::with_sample())));
    let start = start.reduce(Action::NewScenario);
    assert_eq!(start.open.scenarios.len(), 2);
    let mut doc = sample_document();
    doc.school.name = "Shared School".into();
    let opened = start.clone().reduce(Action::OpenShared {
        doc: Box::new(doc.clone()),
        scenario: Box::new(minus_ten()),
        name: "  Ten percent fewer ".into(),
        from: "budgets/north.json".into(),
        others: vec![],
    });
    assert_eq!(*opened.open.doc, doc);
    // Like any import, the shared budget starts with one scenario: the shared one.
    assert_eq!(opened.open.scenarios.len(), 1);
    let active = opened
        .named(opened.open.active)
        .expect("an active scenario");
    assert_eq!(active.name, "Ten percent fewer");
    assert_eq!(*active.scenario, minus_ten());
    assert_eq!(
        opened.import,
        ImportStatus::Loaded {
            file: "budgets/north.json".into()
        }
    );
    // The shared budget opens beside the one that was open.
    assert_ne!(opened.open.id, start.open.id);
    assert_eq!(opened.others.len(), 1);
}

#[wasm_bindgen_test]
fn a_blank_shared_name_keeps_the_default_name() {
    let asked = Rc::new(Store(Rc::new(AppState::with_sample()))).reduce(Action::OpenShared {
        doc: Box::new(sample_document()),
        scenario: Box::new(Scenario::default()),
        name: " ".into(),
        from: "shared link".into(),
        others: vec![],
    });
    // The sample is already here: the copy asks before it opens.
    assert!(asked.shared_offer.is_some());
    let opened = asked.reduce(Action::ResolveShared(SharedChoice::KeepBoth));
    assert_eq!(
        opened.named(opened.open.active).map(|n| n.name.as_str()),
        Some("Scenario 1")
    );
}

#[wasm_bindgen_test]
async fn a_missing_worker_gives_a_plain_answer() {
    // The test runner serves no worker file, so loading it fails: the call must still end.
    let result = sitebudget::ui::share_client::open_fragment("share=1.AAAA").await;
    let message = result.expect_err("no worker here");
    assert!(message.contains("file helper"), "{message}");
}
