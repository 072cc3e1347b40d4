//! Scenario inputs: enrollment change (slider and number), per-grade counts, unduplicated
//! share, attendance, cost and rate changes. Every change recomputes at once.

use std::collections::BTreeMap;
use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use super::panel::Panel;

use crate::ui::event_value;
use sitebudget_core::engine::{EnrollmentInput, Scenario};
use sitebudget_core::format;
use sitebudget_core::model::Grade;
use sitebudget_core::util::dec;

/// Props of [`ScenarioInputs`].
#[derive(Properties, PartialEq)]
pub struct ScenarioInputsProps {
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
}

/// Parses a percent typed by the user (`-8`, `−8.5`, `12%`) into a fraction.
pub fn parse_percent(text: &str) -> Option<Decimal> {
    let cleaned: String = text
        .trim()
        .trim_end_matches('%')
        .replace(format::MINUS, "-")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let pct: Decimal = cleaned.parse().ok()?;
    dec::checked_div(pct, Decimal::ONE_HUNDRED)
}

/// A fraction as the plain percent number an input shows: `-0.08` → `-8`.
fn percent_value(fraction: Decimal) -> String {
    format::plain(dec::mul(fraction, Decimal::ONE_HUNDRED))
}

/// The overall enrollment change a scenario implies, as a fraction of baseline pupils.
fn implied_change(baseline: u64, scenario: u64) -> Decimal {
    if baseline == 0 {
        return Decimal::ZERO;
    }
    let b = Decimal::from(baseline);
    dec::div(dec::sub(Decimal::from(scenario), b), b).round_dp(3)
}

/// Shown by the enrollment slider when the budget has no pupils: a change of pupils in
/// percent then has nothing to scale.
const ZERO_ENROLLMENT_NOTE: &str =
    "This school has no pupils enrolled, so an enrollment change has \
    nothing to scale; set pupils per grade below or in Edit budget.";

/// The scenario's input panel.
#[component]
pub fn ScenarioInputs(props: &ScenarioInputsProps) -> Html {
    let baseline_total: u64 = props.baseline_grades.values().map(|&n| u64::from(n)).sum();
    let scenario_total: u64 = props.scenario_grades.values().map(|&n| u64::from(n)).sum();
    let change = match &props.scenario.enrollment {
        EnrollmentInput::Change(c) => *c,
        EnrollmentInput::Unchanged => Decimal::ZERO,
        EnrollmentInput::Counts(_) => implied_change(baseline_total, scenario_total),
    };

    // One callback per input (a fixed handful), each building the next scenario.
    let with = |f: fn(&mut Scenario, Decimal)| {
        let scenario = props.scenario.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            let Some(value) = event_value(&e).as_deref().and_then(parse_percent) else {
                return;
            };
            let mut next = (*scenario).clone();
            f(&mut next, value);
            if next != *scenario {
                on_change.emit(next);
            }
        })
    };
    let on_enrollment = with(|s, v| {
        s.enrollment = if v.is_zero() {
            EnrollmentInput::Unchanged
        } else {
            EnrollmentInput::Change(v)
        }
    });
    let on_unduplicated = with(|s, v| s.unduplicated_pct = Some(v));
    let on_attendance = with(|s, v| s.attendance_rate = Some(v));
    let on_cost = with(|s, v| s.cost_change = v);
    let on_rate = with(|s, v| s.rate_change = v);
    let on_grade = {
        let scenario = props.scenario.clone();
        let grades = props.scenario_grades.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |(grade, e): (Grade, InputEvent)| {
            let Some(count) = event_value(&e).and_then(|v| v.trim().parse::<u32>().ok()) else {
                return;
            };
            let mut counts = (*grades).clone();
            counts.insert(grade, count);
            let mut next = (*scenario).clone();
            next.enrollment = EnrollmentInput::Counts(counts);
            on_change.emit(next);
        })
    };
    let on_reset = {
        let on_change = props.on_change.clone();
        Callback::from(move |_: MouseEvent| on_change.emit(Scenario::default()))
    };

    let (base_undup, base_attend) = props.baseline_rates;
    let undup = props.scenario.unduplicated_pct.unwrap_or(base_undup);
    let attend = props.scenario.attendance_rate.unwrap_or(base_attend);
    let readout = format!(
        "{} · {} students",
        format::percent(change),
        format::count(scenario_total)
    );
    let signed_readout = if change > Decimal::ZERO {
        format!("+{readout}")
    } else {
        readout
    };

    html! {
        <Panel id="scenario-inputs" title="What if…" class="scenario-inputs" actions={html! {
                <button type="button" class="no-print" onclick={on_reset} data-testid="scenario-reset">
                    { "Reset to the budget" }
                </button>
        }}>
            <div class="enrollment-control">
                <label for="enrollment-slider" class="control-label">{ "Enrollment change" }</label>
                <div class="slider-row">
                    <input id="enrollment-slider" type="range" min="-30" max="30" step="1"
                        value={percent_value(change.round_dp(0))}
                        aria-valuetext={signed_readout.clone()}
                        data-testid="enrollment-slider" oninput={on_enrollment.clone()} />
                    <span class="input-with-unit">
                        <input id="enrollment-change" type="number" step="0.5" min="-100" max="100"
                            aria-label="Enrollment change in percent"
                            value={percent_value(change)} data-testid="enrollment-change"
                            oninput={on_enrollment} />
                        <span aria-hidden="true">{ "%" }</span>
                    </span>
                </div>
                <output for="enrollment-slider enrollment-change" class="readout" data-testid="enrollment-readout"
                    aria-live="polite">{ signed_readout }</output>
                if baseline_total == 0 {
                    <p class="small enrollment-note" role="note" data-testid="enrollment-zero-note">
                        { ZERO_ENROLLMENT_NOTE }
                    </p>
                }
            </div>
            <fieldset class="grade-inputs">
                <legend>{ "Students by grade" }</legend>
                for (grade, count) in props.scenario_grades.iter() {
                    <GradeInput key={grade.to_string()} grade={*grade} count={*count}
                        baseline={props.baseline_grades.get(grade).copied().unwrap_or(0)}
                        on_input={on_grade.clone()} />
                }
            </fieldset>
            <div class="rate-inputs">
                <PercentInput id="unduplicated-pct" label="Unduplicated pupils" value={undup}
                    on_input={on_unduplicated} />
                <PercentInput id="attendance-rate" label="Attendance rate" value={attend}
                    on_input={on_attendance} />
                <PercentInput id="cost-change" label="Cost change" value={props.scenario.cost_change}
                    on_input={on_cost} />
                <PercentInput id="rate-change" label="Per-pupil rate change" value={props.scenario.rate_change}
                    on_input={on_rate} />
            </div>
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
    /// Shared callback taking the grade, so rows stay memoized.
    pub on_input: Callback<(Grade, InputEvent)>,
}

/// One grade's pupil count.
#[component]
pub fn GradeInput(props: &GradeInputProps) -> Html {
    let id = format!("enrollment-{}", props.grade);
    let oninput = {
        let (cb, grade) = (props.on_input.clone(), props.grade);
        Callback::from(move |e: InputEvent| cb.emit((grade, e)))
    };
    let label = match props.grade {
        Grade::TK | Grade::K => props.grade.to_string(),
        Grade::G(n) => format!("Grade {n}"),
    };
    let diff = i64::from(props.count) - i64::from(props.baseline);
    html! {
        <label class="grade-input" for={id.clone()}>
            <span>{ label }</span>
            <input id={id.clone()} type="number" min="0" step="1" inputmode="numeric"
                value={props.count.to_string()} data-testid={id} {oninput} />
            if diff != 0 {
                <span class="small muted">{ if diff > 0 { format!("+{diff}") } else { format!("{}{}", format::MINUS, -diff) } }</span>
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
    /// The fraction shown as a percent.
    pub value: Decimal,
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
                <input id={props.id.clone()} type="number" step="0.1" value={percent_value(props.value)}
                    data-testid={props.id.clone()} oninput={props.on_input.clone()} />
                <span aria-hidden="true">{ "%" }</span>
            </span>
        </label>
    }
}
