//! The meeting view (`?meeting`): one projected screen of the school, the enrollment
//! control, the three totals, the cut plan and levers in words, and the decisions the
//! meeting takes; `?meeting&bilingual` words it in English and Spanish side by side.
//! It shows the app's own state: every change is saved and undone like any other.

mod decisions;

use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::ui::components::figure::money_figure;
use crate::ui::event_value;
use decisions::{decisions_panel, DecisionForm};
use sitebudget_core::app::inputs::{enrollment_change, percent_text, type_into, ScenarioField};
use sitebudget_core::app::Action;
use sitebudget_core::engine::{DecisionField, EngineError, Evaluation, Scenario};
use sitebudget_core::format;
use sitebudget_core::model::Document;
use sitebudget_core::util::by_ptr::ByPtr;
use sitebudget_core::util::dec;
use sitebudget_core::util::i18n::{tr, tr1, with_catalog, Catalog};
use sitebudget_core::view::meeting::{meeting_texts, MeetingTexts};

/// Whether the page's query string has `name` as one of its `&`-separated keys.
pub fn query_has(name: &str) -> bool {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    search
        .trim_start_matches('?')
        .split('&')
        .any(|part| part.split('=').next() == Some(name))
}

/// Writes the view into the address (`?meeting`, `?meeting&bilingual` or none), keeping
/// the fragment, so a reload opens the same view.
pub fn set_query(meeting: bool, bilingual: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let query = match (meeting, bilingual) {
        (false, _) => "",
        (true, false) => "?meeting",
        (true, true) => "?meeting&bilingual",
    };
    if let Ok(history) = window.history() {
        let url = format!("{path}{query}{hash}");
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Props of [`MeetingView`].
#[derive(Properties, PartialEq)]
pub struct MeetingViewProps {
    /// The budget.
    pub doc: Rc<Document>,
    /// The active scenario.
    pub scenario: Rc<Scenario>,
    /// Its name.
    pub name: AttrValue,
    /// The scenario's evaluation, compared by identity (the app memoizes it).
    pub evaluation: ByPtr<Result<Evaluation, EngineError>>,
    /// Called with the changed scenario (the enrollment control).
    pub on_scenario: Callback<Scenario>,
    /// Dispatches an action (the decisions).
    pub on_action: Callback<Action>,
    /// Back to the app.
    pub on_leave: Callback<()>,
    /// Whether English and Spanish are side by side.
    pub bilingual: bool,
    /// Turns the bilingual layout on or off.
    pub on_bilingual: Callback<bool>,
}

/// The Spanish catalog's state in the bilingual layout.
#[derive(Clone, PartialEq)]
enum Spanish {
    /// Not asked for yet.
    Idle,
    /// Being fetched.
    Loading,
    /// Ready.
    Ready(Rc<Catalog>),
    /// Could not be had, and why.
    Failed(String),
}

/// What the screen marks beside its boxes: a refused enrollment, the decision being
/// edited, a refused decision. One state, so the bundle carries one state type.
#[derive(Clone, PartialEq, Default)]
pub struct Marks {
    /// Why the typed enrollment change is refused.
    refused: Option<String>,
    /// The decision being edited, if one is.
    editing: Option<usize>,
    /// The refused part of a decision and why.
    error: Option<(DecisionField, String)>,
}

/// The projected meeting screen.
#[component]
pub fn MeetingView(props: &MeetingViewProps) -> Html {
    let spanish = use_state(|| Spanish::Idle);
    let marks = use_state(Marks::default);
    let form = DecisionForm {
        text: use_node_ref(),
        note: use_node_ref(),
    };
    {
        let spanish = spanish.clone();
        use_effect_with(props.bilingual, move |on| {
            if *on && matches!(*spanish, Spanish::Idle) {
                spanish.set(Spanish::Loading);
                wasm_bindgen_futures::spawn_local(async move {
                    spanish.set(match crate::ui::lang::spanish_catalog().await {
                        Ok(c) => Spanish::Ready(std::rc::Rc::new(c)),
                        Err(why) => Spanish::Failed(tr1(
                            "The Spanish texts could not be loaded: {why}",
                            "why",
                            &why,
                        )),
                    });
                });
            }
        });
    }
    let on_leave = {
        let cb = props.on_leave.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let on_bilingual = {
        let cb = props.on_bilingual.clone();
        Callback::from(move |e: Event| {
            let on = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .is_some_and(|i| i.checked());
            cb.emit(on)
        })
    };
    let es = match (&*spanish, props.bilingual) {
        (Spanish::Ready(c), true) => Some(c.clone()),
        _ => None,
    };
    let head = html! {
        <header class="meeting-head">
            <div>
                <h1 data-testid="meeting-school">{ &props.doc.school.name }</h1>
                <p class="meeting-sub">{ format!("{} · {}", props.doc.school.fiscal_year, props.name) }</p>
            </div>
            <div class="meeting-actions">
                <label class="meeting-toggle">
                    <input type="checkbox" data-testid="meeting-bilingual" checked={props.bilingual}
                        onchange={on_bilingual} />
                    { " English | Español" }
                </label>
                <button type="button" class="no-print" data-testid="meeting-leave" onclick={on_leave}>
                    { tr("Back to the app") }
                </button>
            </div>
        </header>
    };
    let status = match (&*spanish, props.bilingual) {
        (Spanish::Loading, true) => html! {
            <p class="meeting-note" role="status">{ tr("Loading the Spanish texts…") }</p>
        },
        (Spanish::Failed(why), true) => html! {
            <p class="meeting-note negative" role="alert" data-testid="meeting-spanish-error">{ why }</p>
        },
        _ => Html::default(),
    };
    let eval = match &*props.evaluation.0 {
        Ok(eval) => eval,
        Err(err) => {
            return html! {
                <div class="meeting" data-testid="meeting">
                    { head }
                    { enrollment_control(&props.doc, &props.scenario, &tr("Enrollment change"), &marks, &props.on_scenario) }
                    <p class="negative" role="alert">{ err.to_string() }</p>
                </div>
            };
        }
    };
    let (doc, scenario) = (&props.doc, &props.scenario);
    // English for the first column when side by side; else the language spoken now.
    let first = if es.is_some() {
        with_catalog(None, || meeting_texts(doc, scenario, eval))
    } else {
        meeting_texts(doc, scenario, eval)
    };
    let second = es
        .clone()
        .map(|c| with_catalog(Some(c), || meeting_texts(doc, scenario, eval)));
    // A label in one language, or both joined: `Decisions / Decisiones`.
    let both = |f: fn(&MeetingTexts) -> &String| -> String {
        match &second {
            Some(s) => format!("{} / {}", f(&first), f(s)),
            None => f(&first).clone(),
        }
    };
    let snapshot = &eval.scenario;
    let label = |i: usize| -> AttrValue {
        let of = |t: &MeetingTexts| t.totals.get(i).cloned().unwrap_or_default();
        AttrValue::from(match &second {
            Some(s) => format!("{} / {}", of(&first), of(s)),
            None => of(&first),
        })
    };
    let totals = html! {
        <div class="meeting-totals">
            { money_figure("meeting-total-allocation", label(0), snapshot.total_allocation, None) }
            { money_figure("meeting-total-cost", label(1), snapshot.total_cost, None) }
            { money_figure("meeting-balance", label(2), snapshot.balance, None) }
            <p class="meeting-after" data-testid="meeting-after-plan" data-value={format::plain(eval.after.balance)}>
                { &first.after_plan }
                if let Some(s) = &second { <span lang="es" class="meeting-es">{ &s.after_plan }</span> }
            </p>
        </div>
    };
    let plan = |t: &MeetingTexts, testid: bool| {
        html! {
            <section class="meeting-plan" data-testid={testid.then_some("meeting-plan")}>
                <h2>{ &t.plan_heading }</h2>
                if t.plan.is_empty() {
                    <p>{ &t.no_cuts }</p>
                } else {
                    <ul>
                        for line in t.plan.iter() { <li>{ line }</li> }
                    </ul>
                }
            </section>
        }
    };
    let levers = |t: &MeetingTexts, testid: bool| {
        html! {
            <section class="meeting-levers" data-testid={testid.then_some("meeting-levers")}>
                <h2>{ &t.levers_heading }</h2>
                <ul>
                    for line in t.levers.iter() { <li>{ line }</li> }
                </ul>
            </section>
        }
    };
    let decisions = decisions_panel(
        &scenario.decisions,
        &both(|t| &t.decisions_heading),
        &form,
        &marks,
        &props.on_action,
    );
    let controls = html! {
        <div class="meeting-controls">
            { enrollment_control(doc, scenario, &both(|t| &t.enrollment), &marks, &props.on_scenario) }
            { totals }
        </div>
    };
    match &second {
        Some(s) => html! {
            <div class="meeting meeting-bilingual" data-testid="meeting">
                { head }
                <main class="meeting-grid">
                    <div class="meeting-col">{ controls }{ decisions }</div>
                    <div class="meeting-col meeting-lang" data-testid="meeting-en" lang="en">
                        <p class="meeting-lang-name">{ "English" }</p>
                        { plan(&first, true) }{ levers(&first, true) }
                    </div>
                    <div class="meeting-col meeting-lang" data-testid="meeting-es" lang="es">
                        <p class="meeting-lang-name">{ "Español" }</p>
                        { plan(s, false) }{ levers(s, false) }
                    </div>
                </main>
            </div>
        },
        None => html! {
            <div class="meeting" data-testid="meeting">
                { head }
                { status }
                <main class="meeting-grid">
                    <div class="meeting-col">{ controls }</div>
                    <div class="meeting-col">{ plan(&first, true) }{ decisions }</div>
                    <div class="meeting-col">{ levers(&first, true) }</div>
                </main>
            </div>
        },
    }
}

/// The enrollment change as a slider and a percent box; the arrow keys step it by one
/// percentage point from its exact value.
fn enrollment_control(
    doc: &Rc<Document>,
    scenario: &Rc<Scenario>,
    label: &str,
    marks: &UseStateHandle<Marks>,
    on_scenario: &Callback<Scenario>,
) -> Html {
    let change = enrollment_change(doc, scenario);
    let put = {
        let (doc, scenario, cb, marks) = (
            doc.clone(),
            scenario.clone(),
            on_scenario.clone(),
            marks.clone(),
        );
        Callback::from(move |text: String| {
            let refused = match type_into(&doc, &scenario, ScenarioField::EnrollmentChange, &text) {
                Ok(next) => {
                    if next != *scenario {
                        cb.emit(next);
                    }
                    None
                }
                Err(r) => Some(r.message),
            };
            if marks.refused != refused {
                marks.set(Marks {
                    refused,
                    ..(*marks).clone()
                });
            }
        })
    };
    let oninput = {
        let put = put.clone();
        Callback::from(move |e: InputEvent| put.emit(event_value(&e).unwrap_or_default()))
    };
    // Up and Right add a point, Down and Left take one; the box keeps Left and Right
    // for its caret.
    let step = |sideways: bool| {
        let put = put.clone();
        Callback::from(move |e: KeyboardEvent| {
            let by = match e.key().as_str() {
                "ArrowUp" => Decimal::new(1, 2),
                "ArrowRight" if sideways => Decimal::new(1, 2),
                "ArrowDown" => Decimal::new(-1, 2),
                "ArrowLeft" if sideways => Decimal::new(-1, 2),
                _ => return,
            };
            e.prevent_default();
            let next = dec::add(change, by).clamp(-Decimal::ONE, Decimal::ONE);
            put.emit(percent_text(next));
        })
    };
    let pct = dec::mul(change, Decimal::ONE_HUNDRED);
    let slider = pct.round_dp(0).clamp(Decimal::from(-30), Decimal::from(30));
    let readout = format::percent(change);
    html! {
        <div class="meeting-enrollment">
            <label for="meeting-enrollment" class="meeting-label">{ label }</label>
            <div class="meeting-slider-row">
                <input id="meeting-enrollment" type="range" min="-30" max="30" step="1"
                    value={slider.to_string()} aria-valuetext={readout}
                    data-testid="meeting-enrollment" oninput={oninput.clone()} onkeydown={step(true)} />
                <span class="input-with-unit">
                    <input type="number" step="1" min="-100" max="100" aria-label={label.to_owned()}
                        value={percent_text(change)} data-testid="meeting-enrollment-change"
                        aria-invalid={marks.refused.is_some().to_string()}
                        {oninput} onkeydown={step(false)} />
                    <span aria-hidden="true">{ "%" }</span>
                </span>
            </div>
            if let Some(m) = &marks.refused {
                <p class="field-error" role="alert" data-testid="meeting-enrollment-error">{ m }</p>
            }
        </div>
    }
}
