//! Norm Day: the pupils counted per grade, the no-shows and the year left; what the
//! district's count does to each norm's positions, with the breakpoint and a buy-back.

use std::collections::BTreeMap;
use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use super::head_row;
use sitebudget_core::util::i18n::key;

use sitebudget_core::util::i18n;

use crate::ui::lang::{tr, tr1, use_lang};

use super::levers_panel::{breakpoint_picture, BuyBackRow};
use super::panel::Panel;
use crate::ui::embed::use_read_only;
use crate::ui::event_value;
use sitebudget_core::engine::{NormDayResult, Scenario};
use sitebudget_core::format;
use sitebudget_core::model::{Document, Grade};
use sitebudget_core::util::decimal::parse_decimal;
use sitebudget_core::view::levers_text::{buy_back_words, kept_words, norm_day_words};

/// Props of [`NormDayPanel`].
#[derive(Properties, PartialEq)]
pub struct NormDayPanelProps {
    /// The budget.
    pub doc: Rc<Document>,
    /// The active scenario, which carries the Norm Day inputs.
    pub scenario: Rc<Scenario>,
    /// Pupils per grade the scenario budgets on.
    pub grades: Rc<BTreeMap<Grade, u32>>,
    /// The Norm Day result, when the scenario has Norm Day inputs.
    pub result: Option<Rc<NormDayResult>>,
    /// Called with the scenario after an input changes.
    pub on_scenario: Callback<Scenario>,
}

/// Which Norm Day input changed.
#[derive(Clone, Copy, PartialEq)]
enum Input {
    Enrolled(Grade),
    Excluded(Grade),
    Remaining,
}

/// The Norm Day panel.
#[component]
pub fn NormDayPanel(props: &NormDayPanelProps) -> Html {
    use_lang();
    let read_only = use_read_only();
    let problem = use_state(|| None::<String>);
    // Closed until used: its per-grade table would otherwise lay out on every slider move.
    let open = use_state(|| props.scenario.norm_day.is_some());
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let nd = props.scenario.norm_day.clone();
    let on_input = {
        let (scenario, on, problem) = (
            props.scenario.clone(),
            props.on_scenario.clone(),
            problem.clone(),
        );
        Rc::new(move |input: Input, text: String| {
            let mut s = (*scenario).clone();
            let mut day = s.norm_day.clone().unwrap_or_default();
            let t = text.trim().trim_end_matches('%').trim();
            let result: Result<(), String> = match input {
                Input::Enrolled(g) | Input::Excluded(g) => {
                    let map = if let Input::Enrolled(_) = input {
                        &mut day.enrollment
                    } else {
                        &mut day.excluded
                    };
                    if t.is_empty() {
                        map.remove(&g);
                        Ok(())
                    } else {
                        match t.parse::<u32>() {
                            Ok(n) if n <= 100_000 => {
                                map.insert(g, n);
                                Ok(())
                            }
                            _ => Err(i18n::tr1(
                                "Grade {grade}: type a whole number of pupils from 0 to 100,000.",
                                "grade",
                                &g,
                            )),
                        }
                    }
                }
                Input::Remaining => match parse_decimal(t) {
                    Ok(p) if p >= Decimal::ZERO && p <= Decimal::ONE_HUNDRED => {
                        day.remaining_share = p / Decimal::ONE_HUNDRED;
                        Ok(())
                    }
                    _ => Err(i18n::tr("The year left is a percent from 0 to 100.")),
                },
            };
            match result {
                Ok(()) => {
                    problem.set(None);
                    s.norm_day = Some(day);
                    on.emit(s);
                }
                Err(e) => problem.set(Some(e)),
            }
        })
    };
    let on_clear = {
        let (scenario, on) = (props.scenario.clone(), props.on_scenario.clone());
        Callback::from(move |_: MouseEvent| {
            let mut s = (*scenario).clone();
            s.norm_day = None;
            on.emit(s);
        })
    };
    let field = |input: Input, value: String, placeholder: String, testid: String| {
        let on_input = on_input.clone();
        let onchange = Callback::from(move |e: Event| {
            if let Some(v) = event_value(&e) {
                on_input(input, v);
            }
        });
        html! {
            <input type="text" inputmode="numeric" size="5" {value} {placeholder} {onchange}
                data-testid={testid} disabled={read_only} />
        }
    };
    let day = nd.clone().unwrap_or_default();
    // A read-only embed shows the host's Norm Day, if any, and no inputs.
    if read_only && props.result.is_none() {
        return Html::default();
    }
    let is_open = *open || nd.is_some();
    if !is_open {
        return html! {
            <Panel id="norm-day" title={tr("Norm Day")} testid="norm-day-panel"
                note={tr("When the district counts who actually came")}
                actions={html! {
                    <button type="button" class="no-print" onclick={toggle} aria-expanded="false"
                        data-testid="normday-toggle">{ tr("Plan for Norm Day") }</button>
                }}>
            </Panel>
        };
    }
    html! {
        <Panel id="norm-day" title={tr("Norm Day")} testid="norm-day-panel"
            note={tr("When the district counts who actually came")}>
            if !read_only {
            <p class="small muted">{ tr("Type the pupils counted in each grade and those who never came. A grade left blank keeps the pupils the scenario budgets on. Only norm positions move; per-pupil money stays as budgeted.") }</p>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="norm-day-title">
                <table class="data">
                    <thead>{ head_row(&[(key("Grade"), false), (key("Budgeted"), true), (key("Enrolled on Norm Day"), true), (key("No-shows"), true), (key("Counted"), true)]) }</thead>
                    <tbody>
                        for (g, n) in props.grades.iter() {
                            <tr key={g.to_string()}>
                                <th scope="row">{ g.to_string() }</th>
                                <td class="num">{ n }</td>
                                <td class="num">{ field(Input::Enrolled(*g),
                                    day.enrollment.get(g).map(|x| x.to_string()).unwrap_or_default(),
                                    n.to_string(), format!("normday-enrollment-{g}")) }</td>
                                <td class="num">{ field(Input::Excluded(*g),
                                    day.excluded.get(g).map(|x| x.to_string()).unwrap_or_default(),
                                    "0".into(), format!("normday-excluded-{g}")) }</td>
                                <td class="num">{ props.result.as_ref().and_then(|r| r.counted.get(g)).map(|c| c.to_string()).unwrap_or_default() }</td>
                            </tr>
                        }
                    </tbody>
                </table>
            </div>
            <label>{ tr("Share of the year left (%)") }{ " " }
                { field(Input::Remaining, nd.as_ref().map(|d| format::plain(d.remaining_share * Decimal::ONE_HUNDRED)).unwrap_or_default(),
                    "80".into(), "normday-remaining".into()) }
            </label>
            if nd.is_some() {
                <button type="button" class="link no-print" onclick={on_clear} data-testid="normday-clear">{ tr("Clear Norm Day") }</button>
            }
            }
            if let Some(p) = &*problem {
                <p class="negative small" role="alert">{ p }</p>
            }
            if let Some(r) = &props.result {
                for note in r.notes.iter() {
                    <p class="small" role="status">{ note }</p>
                }
                <ul class="levers">
                    for n in r.norms.iter() {
                        <li key={n.norm.clone()} data-testid={format!("normday-{}", n.norm)}
                            data-students={n.students.to_string()} data-from={format::plain(n.before)}
                            data-to={format::plain(n.after)} data-dollars={format::plain(n.dollars)}>
                            { norm_day_words(n) }
                            if n.after < n.before {
                                if let Some(words) = r.breakpoints.iter().find(|b| b.norm == n.norm).and_then(kept_words) {
                                    { format!(". {words}.") }
                                }
                            }
                            if let Some(b) = r.breakpoints.iter().find(|b| b.norm == n.norm) {
                                { breakpoint_picture(b) }
                            }
                        </li>
                    }
                </ul>
                <p data-testid="normday-total" data-value={format::plain(r.total_dollars)}>
                    { tr1("All norms: {amount} for the rest of the year.", "amount", &format::money_change(r.total_dollars)) }
                </p>
                for bb in r.buy_backs.iter() {
                    if read_only {
                        <p key={bb.norm.clone()}>{ buy_back_words(bb) }</p>
                    } else {
                        <BuyBackRow key={bb.norm.clone()} testid={format!("normday-buyback-{}", bb.norm)}
                            doc={props.doc.clone()} scenario={props.scenario.clone()} buy_back={Rc::new(bb.clone())}
                            on_scenario={props.on_scenario.clone()} />
                    }
                }
            }
        </Panel>
    }
}
