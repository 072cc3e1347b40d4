//! The cut plan in plain words, remaining deficits, and the controls that steer the plan.

use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use super::head_row;
use sitebudget_core::util::i18n::key;

use crate::ui::lang::{priority_name, tr, tr1, use_lang};

use super::cut_card::{cut_card, cut_legend};
use super::panel::Panel;

use crate::ui::embed::use_can_steer;
use crate::ui::event_value;
use sitebudget_core::app::{FieldError, LineSteer};
use sitebudget_core::format;
use sitebudget_core::model::Priority;
use sitebudget_core::view::plan_text::CutWords;

/// A remaining deficit as shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeficitRow {
    /// Source id.
    pub source: String,
    /// The source's balance after the plan (negative).
    pub balance: Decimal,
    /// The sentence explaining it.
    pub text: String,
}

/// A line the user may steer: the fields that decide the cut order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SteerRow {
    /// Line id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Priority.
    pub priority: Priority,
    /// Vacancy, for positions.
    pub vacant: Option<bool>,
    /// Cut rank.
    pub cut_rank: Option<i64>,
    /// FTE step, for positions.
    pub fte_step: Option<Decimal>,
    /// Whether the plan cuts it.
    pub cut: bool,
    /// Whether the active scenario changes it (steering writes scenario line edits).
    pub in_scenario: bool,
}

/// How many steerable lines are listed before "Show all".
const STEER_ROWS_AT_FIRST: usize = 25;

/// Props of [`CutPlanPanel`].
#[derive(Properties, PartialEq)]
pub struct CutPlanPanelProps {
    /// The cuts, in plan order.
    pub cuts: Rc<Vec<CutWords>>,
    /// Deficits left after the plan.
    pub deficits: Rc<Vec<DeficitRow>>,
    /// Lines the user may steer (those charging a source in deficit).
    pub steer_rows: Rc<Vec<Rc<SteerRow>>>,
    /// A refused steer, shown at its field.
    pub field_error: Option<FieldError>,
    /// Whether the scenario changes anything.
    pub is_baseline: bool,
    /// One callback for every steer.
    pub on_steer: Callback<(String, LineSteer)>,
    /// Steer toward another line in this scenario: (alternative, chosen) line ids.
    #[prop_or_default]
    pub on_steer_toward: Callback<(String, String)>,
    /// Whether every cut is drawn with its reasons, not only the first ones.
    #[prop_or_default]
    pub details_all: bool,
    /// Asks for every cut's reasons.
    #[prop_or_default]
    pub on_details_all: Callback<()>,
}

/// What the scenario would cost the school, and what is left unsolved.
/// Cuts drawn (and worded) with their reasons and alternatives before the reader asks for all.
pub const CUT_DETAILS_AT_FIRST: usize = 12;

#[component]
pub fn CutPlanPanel(props: &CutPlanPanelProps) -> Html {
    use_lang();
    // Large budgets list hundreds of candidates; the first rows (the cut lines) come at once.
    let show_all = use_state(|| false);
    let on_details_all = {
        let cb = props.on_details_all.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let details_all = props.details_all;
    // An embed shows the plan but not its steering controls, unless asked with mode=edit.
    let can_steer = use_can_steer();
    let shown = if *show_all {
        props.steer_rows.len()
    } else {
        props.steer_rows.len().min(STEER_ROWS_AT_FIRST)
    };
    let on_show_all = {
        let show_all = show_all.clone();
        Callback::from(move |_: MouseEvent| show_all.set(true))
    };
    let freed_note = if props.cuts.is_empty() && props.deficits.is_empty() {
        Some(if props.is_baseline {
            tr("The budget is balanced in every source: no cuts are needed.")
        } else {
            tr("Every source stays at zero or above: this scenario needs no cuts.")
        })
    } else {
        None
    };
    html! {
        <Panel id="plan" title={tr("Cut plan")} note={tr("Flexible before essential, vacant before filled, then cut rank")} testid="cut-plan">
            if let Some(note) = freed_note {
                <p class="ok-note" data-testid="no-cuts">{ note }</p>
            }
            if !props.cuts.is_empty() { { cut_legend() } }
            <ol class="cut-list">
                for (i, cut) in props.cuts.iter().enumerate() {
                    { cut_card(cut, &props.on_steer_toward, can_steer, details_all || i < CUT_DETAILS_AT_FIRST) }
                }
            </ol>
            if !details_all && props.cuts.len() > CUT_DETAILS_AT_FIRST {
                <button type="button" class="no-print" onclick={on_details_all} data-testid="plan-details-all">
                    { tr1("Show why, and the alternatives, for all {n} cuts", "n", &props.cuts.len()) }
                </button>
            }
            for deficit in props.deficits.iter() {
                <div class="deficit" key={deficit.source.clone()} role="alert">
                    <span class="negative-flag">{ tr("Deficit") }</span>
                    { " " }
                    <span class="num negative" data-testid={format!("deficit-{}", deficit.source)}
                        data-value={format::plain(deficit.balance)}>{ format::money(deficit.balance) }</span>
                    <p>{ &deficit.text }</p>
                </div>
            }
            if !props.steer_rows.is_empty() && can_steer {
                <details class="no-print" open=true>
                    <summary id="steer-title">{ tr("Steer the plan in this scenario: lines that pay from a source in deficit") }</summary>
                    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="steer-title">
                        <table class="data steer-table">
                            <thead>
                                { head_row(&[(key("Line"), false), (key("Priority"), false), (key("Vacant"), false), (key("Cut rank"), false), (key("FTE step"), false)]) }
                            </thead>
                            <tbody>
                                for row in props.steer_rows.iter().take(shown) {
                                    <SteerLine key={row.id.clone()} row={row.clone()}
                                        error={props.field_error.clone().filter(|e| e.line == row.id)}
                                        on_steer={props.on_steer.clone()} />
                                }
                            </tbody>
                        </table>
                    </div>
                    if shown < props.steer_rows.len() {
                        <button type="button" onclick={on_show_all} data-testid="steer-show-all">
                            { tr1("Show all {n} lines", "n", &props.steer_rows.len()) }
                        </button>
                    }
                </details>
            }
        </Panel>
    }
}

/// Props of [`SteerLine`].
#[derive(Properties, PartialEq)]
pub struct SteerLineProps {
    /// The line.
    pub row: Rc<SteerRow>,
    /// A refused edit of this line.
    pub error: Option<FieldError>,
    /// Shared callback taking the line id.
    pub on_steer: Callback<(String, LineSteer)>,
}

/// One steerable line.
#[component]
pub fn SteerLine(props: &SteerLineProps) -> Html {
    use_lang();
    let row = &props.row;
    let emit = |make: fn(String) -> Option<LineSteer>| {
        let (cb, id) = (props.on_steer.clone(), row.id.clone());
        Callback::from(move |e: Event| {
            if let Some(steer) = event_value(&e).and_then(make) {
                cb.emit((id.clone(), steer));
            }
        })
    };
    let on_priority = emit(|v| Priority::parse(&v).map(LineSteer::Priority));
    let on_vacant = emit(|v| Some(LineSteer::Vacant(v == "yes")));
    let on_rank = emit(|v| {
        let v = v.trim();
        if v.is_empty() {
            Some(LineSteer::CutRank(None))
        } else {
            v.parse().ok().map(|r| LineSteer::CutRank(Some(r)))
        }
    });
    // An unreadable step is passed on as 0 so the validator explains it at the field.
    let on_step = emit(|v| {
        Some(LineSteer::FteStep(
            v.trim().parse().unwrap_or(Decimal::ZERO),
        ))
    });
    // A select the user changed no longer follows its options' `selected` attributes, and
    // the row's element is reused across scenarios: set the shown values after each render.
    let (priority_ref, vacant_ref) = (use_node_ref(), use_node_ref());
    {
        let (priority_ref, vacant_ref) = (priority_ref.clone(), vacant_ref.clone());
        use_effect_with((row.priority, row.vacant), move |(priority, vacant)| {
            if let Some(select) = priority_ref.cast::<web_sys::HtmlSelectElement>() {
                select.set_value(priority.as_str());
            }
            if let (Some(select), Some(vacant)) =
                (vacant_ref.cast::<web_sys::HtmlSelectElement>(), vacant)
            {
                select.set_value(if *vacant { "yes" } else { "no" });
            }
        });
    }
    let error_for = |field: &str| {
        props
            .error
            .as_ref()
            .filter(|e| e.field == field)
            .map(|e| html! { <div class="field-error" role="alert" data-testid={format!("field-error-{}", row.id)}>{ &e.message }</div> })
    };
    html! {
        <tr>
            <th scope="row">
                { &row.title }
                if row.cut { { " " }<span class="badge badge-vacant">{ tr("cut") }</span> }
                if row.in_scenario {
                    { " " }<span class="badge badge-scenario" data-testid={format!("in-scenario-{}", row.id)}>{ tr("in this scenario") }</span>
                }
            </th>
            <td>
                <select ref={priority_ref} aria-label={tr1("Priority of {line}", "line", &row.title)} onchange={on_priority}
                    data-testid={format!("priority-{}", row.id)}>
                    for p in [Priority::Flexible, Priority::Essential, Priority::Protected] {
                        <option value={p.as_str()} selected={p == row.priority}>{ priority_name(p) }</option>
                    }
                </select>
                { error_for("priority").unwrap_or_default() }
            </td>
            <td>
                if let Some(vacant) = row.vacant {
                    <select ref={vacant_ref} aria-label={tr1("Is {line} vacant", "line", &row.title)} onchange={on_vacant}
                        data-testid={format!("vacant-{}", row.id)}>
                        <option value="no" selected={!vacant}>{ tr("filled") }</option>
                        <option value="yes" selected={vacant}>{ tr("vacant") }</option>
                    </select>
                }
            </td>
            <td>
                <input type="number" step="1" aria-label={tr1("Cut rank of {line}", "line", &row.title)}
                    value={row.cut_rank.map(|r| r.to_string()).unwrap_or_default()}
                    onchange={on_rank} data-testid={format!("cut-rank-{}", row.id)} />
            </td>
            <td>
                if let Some(step) = row.fte_step {
                    <input type="number" step="0.1" min="0.1" aria-label={tr1("FTE step of {line}", "line", &row.title)}
                        value={format::plain(step)} onchange={on_step}
                        data-testid={format!("fte-step-{}", row.id)} />
                    { error_for("fte_step").unwrap_or_default() }
                }
            </td>
        </tr>
    }
}
