//! Scenario inputs: enrollment change (slider and number), per-grade counts, unduplicated
//! share, attendance, cost and rate changes. Every change recomputes at once.

use std::collections::BTreeMap;
use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use sitebudget_core::util::i18n;

use crate::ui::lang::{tr, tr1, use_lang};
use sitebudget_core::util::i18n::key;

use super::panel::Panel;

use crate::ui::event_value;
use rust_decimal::prelude::ToPrimitive;
use sitebudget_core::app::inputs::{
    enrollment_change, enrollment_pupils, percent_text, scenario_problems, type_into, ScenarioField,
};
use sitebudget_core::engine::Scenario;
use sitebudget_core::format;
use sitebudget_core::model::{Document, Grade};
use sitebudget_core::util::dec;
use sitebudget_core::view::line_edits::line_edit_words;

/// Props of [`ScenarioInputs`].
#[derive(Properties, PartialEq)]
pub struct ScenarioInputsProps {
    /// The budget, against which typed values are read (pupils, bounds).
    pub doc: Rc<Document>,
    /// The active scenario's id: a refused value's message belongs to one scenario.
    pub scenario_id: u32,
    /// The scenario's inputs.
    pub scenario: Rc<Scenario>,
    /// Pupils per grade in the budget as it is.
    pub baseline_grades: Rc<BTreeMap<Grade, u32>>,
    /// Pupils per grade under the scenario.
    pub scenario_grades: Rc<BTreeMap<Grade, u32>>,
    /// The budget's unduplicated share and attendance rate.
    pub baseline_rates: (Decimal, Decimal),
    /// Called with the changed scenario.
    pub on_change: Callback<Scenario>,
    /// Applies the scenario's line changes to the budget.
    #[prop_or_default]
    pub on_apply_edits: Callback<()>,
}

pub use sitebudget_core::app::inputs::parse_percent;

/// Shown by the enrollment slider when the budget has no pupils: a change of pupils in
/// percent then has nothing to scale.
const ZERO_ENROLLMENT_NOTE: &str = key(
    "This school has no pupils enrolled, so an enrollment change has \
    nothing to scale; set pupils per grade below or in Edit budget.",
);

/// The slider's reach in percent; typed values beyond it put the handle at its end.
const SLIDER_REACH: i64 = 30;

/// The slider's position for a change: whole percent, within its reach.
fn slider_value(change: Decimal) -> String {
    let pct = dec::mul(change, Decimal::ONE_HUNDRED)
        .round_dp(0)
        .to_i64()
        .unwrap_or(0)
        .clamp(-SLIDER_REACH, SLIDER_REACH);
    pct.to_string()
}

/// The message under a box, when its value is refused.
fn field_message(field: ScenarioField, message: Option<&String>) -> Html {
    match message {
        Some(m) => html! {
            <p class="field-error" role="alert" data-testid={format!("{}-error", field.testid())}>{ m }</p>
        },
        None => Html::default(),
    }
}

/// The scenario's input panel.
#[component]
pub fn ScenarioInputs(props: &ScenarioInputsProps) -> Html {
    use_lang();
    let baseline_total: u64 = props.baseline_grades.values().map(|&n| u64::from(n)).sum();
    let scenario_total: u64 = props.scenario_grades.values().map(|&n| u64::from(n)).sum();
    let change = enrollment_change(&props.doc, &props.scenario);
    let pupils = enrollment_pupils(&props.doc, &props.scenario);

    // Values refused at their box, by box: the box keeps the typed text, the scenario
    // its last good value. They belong to one scenario and are dropped on switching.
    // Rendering the typed text keeps the box as typed: Yew writes a value that differs
    // from the box's, so the last good value would otherwise replace it.
    let refused = use_state(BTreeMap::<ScenarioField, (String, String)>::new);
    {
        let refused = refused.clone();
        use_effect_with(props.scenario_id, move |_| refused.set(BTreeMap::new()));
    }
    // A stored scenario's inputs out of bounds, shown at their boxes until corrected.
    let mut stored = BTreeMap::new();
    for p in scenario_problems(&props.scenario) {
        stored.insert(p.field, p.message);
    }
    let message = |field: ScenarioField| {
        refused
            .get(&field)
            .map(|(_, m)| m)
            .or_else(|| stored.get(&field))
            .cloned()
    };
    // The text a box shows: what was typed when it is refused, else the scenario's value.
    let shown_text = |field: ScenarioField, good: String| {
        refused.get(&field).map_or(good, |(text, _)| text.clone())
    };

    // One callback for every box, taking the box and its text.
    let on_typed = {
        let (doc, scenario) = (props.doc.clone(), props.scenario.clone());
        let (on_change, refused) = (props.on_change.clone(), refused.clone());
        Callback::from(move |(field, text): (ScenarioField, String)| {
            let mut shown = (*refused).clone();
            match type_into(&doc, &scenario, field, &text) {
                Ok(next) => {
                    if shown.remove(&field).is_some() {
                        refused.set(shown);
                    }
                    if next != *scenario {
                        on_change.emit(next);
                    }
                }
                Err(refusal) => {
                    shown.insert(field, (text, refusal.message));
                    refused.set(shown);
                }
            }
        })
    };
    let typed = |field: ScenarioField| {
        let on_typed = on_typed.clone();
        Callback::from(move |e: InputEvent| {
            on_typed.emit((field, event_value(&e).unwrap_or_default()));
        })
    };
    let on_grade = {
        let on_typed = on_typed.clone();
        Callback::from(move |(grade, e): (Grade, InputEvent)| {
            on_typed.emit((
                ScenarioField::Grade(grade),
                event_value(&e).unwrap_or_default(),
            ));
        })
    };
    let on_reset = {
        let (on_change, refused) = (props.on_change.clone(), refused.clone());
        Callback::from(move |_: MouseEvent| {
            refused.set(BTreeMap::new());
            on_change.emit(Scenario::default())
        })
    };
    let on_apply = {
        let cb = props.on_apply_edits.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let edit_words = line_edit_words(&props.doc, &props.scenario.line_edits);

    let (base_undup, base_attend) = props.baseline_rates;
    let undup = props.scenario.unduplicated_pct.unwrap_or(base_undup);
    let attend = props.scenario.attendance_rate.unwrap_or(base_attend);
    let readout = i18n::trf(
        "{change} · {pupils} students",
        &[
            ("change", &format::percent(change)),
            ("pupils", &format::count(scenario_total)),
        ],
    );
    let signed_readout = if change > Decimal::ZERO {
        format!("+{readout}")
    } else {
        readout
    };
    let percent_box = |field: ScenarioField, value: Decimal| {
        html! {
            <PercentInput id={field.testid()} label={field.label()} text={shown_text(field, percent_text(value))}
                message={message(field)} on_input={typed(field)} />
        }
    };
    let change_message = message(ScenarioField::EnrollmentChange);
    let pupils_message = message(ScenarioField::EnrollmentPupils);

    html! {
        <Panel id="scenario-inputs" title={tr("What if…")} class="scenario-inputs" actions={html! {
                <button type="button" class="no-print" onclick={on_reset} data-testid="scenario-reset">
                    { tr("Reset to the budget") }
                </button>
        }}>
            <div class="enrollment-control">
                <label for="enrollment-slider" class="control-label">{ tr("Enrollment change") }</label>
                <div class="slider-row">
                    <input id="enrollment-slider" type="range" min="-30" max="30" step="1"
                        value={slider_value(change)}
                        aria-valuetext={signed_readout.clone()}
                        data-testid="enrollment-slider" oninput={typed(ScenarioField::EnrollmentChange)} />
                    <span class="input-with-unit">
                        <input id="enrollment-change" type="number" step="0.5" min="-100" max="100"
                            aria-label={tr("Enrollment change in percent")}
                            aria-invalid={change_message.is_some().to_string()}
                            value={shown_text(ScenarioField::EnrollmentChange, percent_text(change))} data-testid="enrollment-change"
                            oninput={typed(ScenarioField::EnrollmentChange)} />
                        <span aria-hidden="true">{ "%" }</span>
                    </span>
                    <span class="input-with-unit">
                        <input id="enrollment-pupils" type="number" step="1" inputmode="numeric"
                            aria-label={tr("Enrollment change in pupils")}
                            aria-invalid={pupils_message.is_some().to_string()}
                            value={shown_text(ScenarioField::EnrollmentPupils, pupils.to_string())} data-testid="enrollment-pupils"
                            oninput={typed(ScenarioField::EnrollmentPupils)} />
                        <span aria-hidden="true">{ tr("pupils") }</span>
                    </span>
                </div>
                { field_message(ScenarioField::EnrollmentChange, change_message.as_ref()) }
                { field_message(ScenarioField::EnrollmentPupils, pupils_message.as_ref()) }
                <output for="enrollment-slider enrollment-change enrollment-pupils" class="readout" data-testid="enrollment-readout"
                    aria-live="polite">{ signed_readout }</output>
                if baseline_total == 0 {
                    <p class="small enrollment-note" role="note" data-testid="enrollment-zero-note">
                        { tr(ZERO_ENROLLMENT_NOTE) }
                    </p>
                }
            </div>
            <fieldset class="grade-inputs">
                <legend>{ tr("Students by grade") }</legend>
                for (grade, count) in props.scenario_grades.iter() {
                    <GradeInput key={grade.to_string()} grade={*grade} count={*count}
                        text={shown_text(ScenarioField::Grade(*grade), count.to_string())}
                        baseline={props.baseline_grades.get(grade).copied().unwrap_or(0)}
                        message={message(ScenarioField::Grade(*grade))}
                        on_input={on_grade.clone()} />
                }
            </fieldset>
            <div class="rate-inputs">
                { percent_box(ScenarioField::Unduplicated, undup) }
                { percent_box(ScenarioField::Attendance, attend) }
                { percent_box(ScenarioField::CostChange, props.scenario.cost_change) }
                { percent_box(ScenarioField::RateChange, props.scenario.rate_change) }
            </div>
            if !edit_words.is_empty() {
                <div class="scenario-line-edits" data-testid="scenario-line-edits">
                    <p class="control-label">{ tr1("Line changes in this scenario ({n})", "n", &edit_words.len()) }</p>
                    <ul class="small">
                        for words in edit_words.iter() { <li>{ words }</li> }
                    </ul>
                    <button type="button" class="no-print" onclick={on_apply} data-testid="apply-line-edits">
                        { tr("Apply this scenario's line changes to the budget") }
                    </button>
                </div>
            }
        </Panel>
    }
}

/// Props of [`GradeInput`].
#[derive(Properties, PartialEq)]
pub struct GradeInputProps {
    /// The grade.
    pub grade: Grade,
    /// Pupils under the scenario.
    pub count: u32,
    /// Pupils in the budget as it is.
    pub baseline: u32,
    /// The box's text: the count, or a refused text as typed.
    pub text: AttrValue,
    /// Why the typed count is refused, if it is.
    #[prop_or_default]
    pub message: Option<String>,
    /// Shared callback taking the grade, so rows stay memoized.
    pub on_input: Callback<(Grade, InputEvent)>,
}

/// One grade's pupil count.
#[component]
pub fn GradeInput(props: &GradeInputProps) -> Html {
    use_lang();
    let id = format!("enrollment-{}", props.grade);
    let oninput = {
        let (cb, grade) = (props.on_input.clone(), props.grade);
        Callback::from(move |e: InputEvent| cb.emit((grade, e)))
    };
    let label = match props.grade {
        Grade::TK | Grade::K => props.grade.to_string(),
        Grade::G(n) => i18n::tr1("Grade {grade}", "grade", &n),
    };
    let diff = i64::from(props.count) - i64::from(props.baseline);
    html! {
        <label class="grade-input" for={id.clone()}>
            <span>{ label }</span>
            <input id={id.clone()} type="number" min="0" max="100000" step="1" inputmode="numeric"
                aria-invalid={props.message.is_some().to_string()}
                value={props.text.clone()} data-testid={id.clone()} {oninput} />
            if diff != 0 {
                <span class="small muted">{ if diff > 0 { format!("+{diff}") } else { format!("{}{}", format::MINUS, -diff) } }</span>
            }
            if let Some(m) = &props.message {
                <span class="field-error" role="alert" data-testid={format!("{id}-error")}>{ m }</span>
            }
        </label>
    }
}

/// Props of [`PercentInput`].
#[derive(Properties, PartialEq)]
pub struct PercentInputProps {
    /// Element id and test id.
    pub id: AttrValue,
    /// Visible label.
    pub label: AttrValue,
    /// The box's text: the value in percent, or a refused text as typed.
    pub text: AttrValue,
    /// Why the typed value is refused, if it is.
    #[prop_or_default]
    pub message: Option<String>,
    /// Called on every input.
    pub on_input: Callback<InputEvent>,
}

/// A labelled percent input.
#[component]
pub fn PercentInput(props: &PercentInputProps) -> Html {
    html! {
        <label class="percent-input" for={props.id.clone()}>
            <span>{ &props.label }</span>
            <span class="input-with-unit">
                <input id={props.id.clone()} type="number" step="0.1" value={props.text.clone()}
                    aria-invalid={props.message.is_some().to_string()}
                    data-testid={props.id.clone()} oninput={props.on_input.clone()} />
                <span aria-hidden="true">{ "%" }</span>
            </span>
            if let Some(m) = &props.message {
                <span class="field-error" role="alert" data-testid={format!("{}-error", props.id)}>{ m }</span>
            }
        </label>
    }
}
