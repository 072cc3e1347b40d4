//! The handout: a Print button for the top bar, and the line only paper shows (school,
//! scenario and date). Plain functions: two component types less in the bundle.

use yew::prelude::*;

use crate::ui::lang::{tr, trf};
use sitebudget_core::util::i18n::{lang, Lang};

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

/// The handout's heading line: `Scenario “−5%” · printed 12/1/2025` (day first in Spanish:
/// `1/12/2025`).
pub fn print_head(school: &str, scenario: &str) -> Html {
    // The date from its parts: the browser's date formatter costs tens of milliseconds on
    // its first call (loading locale data), on every first load.
    let now = js_sys::Date::new_0();
    let (day, month, year) = (now.get_date(), now.get_month() + 1, now.get_full_year());
    let date = match lang() {
        Lang::Es => format!("{day}/{month}/{year}"),
        Lang::En => format!("{month}/{day}/{year}"),
    };
    html! {
        <p class="print-only print-head" data-testid="print-head">
            <strong>{ school }</strong>{ " · " }
            { trf("Scenario “{scenario}” · printed {date}", &[("scenario", &scenario), ("date", &date)]) }
        </p>
    }
}

/// The scenario's decisions, on paper only (the meeting view shows them on screen).
pub fn print_decisions(decisions: &[sitebudget_core::engine::Decision]) -> Html {
    if decisions.is_empty() {
        return Html::default();
    }
    html! {
        <section class="print-only print-decisions" data-testid="print-decisions">
            <h2>{ sitebudget_core::util::i18n::tr("Decisions") }</h2>
            <ol>
                for d in decisions.iter() {
                    <li>
                        <strong>{ &d.decided }</strong>
                        if !d.note.is_empty() { { " — " }{ &d.note } }
                        if !d.at.is_empty() { { format!(" ({})", d.at) } }
                    </li>
                }
            </ol>
        </section>
    }
}
