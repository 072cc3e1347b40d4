//! The handout: a Print button for the top bar, and the line only paper shows (school,
//! scenario and date). Plain functions: two component types less in the bundle.

use yew::prelude::*;

use crate::ui::lang::{tr, trf};
use sitebudget_core::util::i18n::lang;

/// Opens the browser's print dialog; the print stylesheet turns the page into a handout.
pub fn print_button() -> Html {
    let onclick = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    html! {
        <button type="button" class="print-button" data-testid="print" {onclick}
            title={tr("Print a handout: totals, the plan with its reasons, flexibility and the comparison")}>{ tr("Print") }</button>
    }
}

/// The handout's heading line: `Scenario “−5%” · 1 December 2025`, the date written the
/// way the spoken language writes it (US English or US Spanish).
pub fn print_head(school: &str, scenario: &str) -> Html {
    let date = js_sys::Date::new_0()
        .to_locale_date_string(
            &format!("{}-US", lang().tag()),
            &wasm_bindgen::JsValue::UNDEFINED,
        )
        .as_string()
        .unwrap_or_default();
    html! {
        <p class="print-only print-head" data-testid="print-head">
            <strong>{ school }</strong>{ " · " }
            { trf("Scenario “{scenario}” · printed {date}", &[("scenario", &scenario), ("date", &date)]) }
        </p>
    }
}
