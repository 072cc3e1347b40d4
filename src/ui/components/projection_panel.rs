//! Multi-year projection: balance before cuts and positions lost, year by year.

use std::rc::Rc;

use yew::prelude::*;

use super::head_row;
use sitebudget_core::util::i18n::key;

use sitebudget_core::util::i18n;

use crate::ui::lang::{tr, tr1, use_lang};

use super::panel::Panel;

use super::figure::money_cell;
use crate::ui::event_value;
use rust_decimal::Decimal;
use sitebudget_core::engine::{Scenario, YearResult};
use sitebudget_core::format;
use sitebudget_core::model::Document;
use sitebudget_core::util::decimal::parse_decimal;

/// Props of [`ProjectionPanel`].
#[derive(Properties, PartialEq)]
pub struct ProjectionPanelProps {
    /// One result per year.
    pub years: Rc<Vec<YearResult>>,
    /// How many years are projected.
    pub count: u32,
    /// Called with a new number of years.
    pub on_count: Callback<u32>,
    /// The chart, drawn by the caller.
    #[prop_or_default]
    pub chart: Html,
    /// The budget (norm titles).
    pub doc: Rc<Document>,
    /// The scenario projected (its per-year changes are edited here).
    pub scenario: Rc<Scenario>,
    /// Called with the scenario after a year's change is edited.
    #[prop_or_default]
    pub on_scenario: Callback<Scenario>,
    /// The class-size chart, drawn by the caller.
    #[prop_or_default]
    pub class_chart: Html,
}

/// Which change of a year an input edits.
#[derive(Clone, Copy, PartialEq)]
enum Which {
    Enrollment,
    Cost,
    Rate,
}

/// A percent as an input shows it: `-0.03` → `-3`.
fn pct(f: Decimal) -> String {
    format::plain(f * Decimal::ONE_HUNDRED)
}

/// The projection table with its chart.
#[component]
pub fn ProjectionPanel(props: &ProjectionPanelProps) -> Html {
    use_lang();
    let on_count = {
        let cb = props.on_count.clone();
        Callback::from(move |e: Event| {
            if let Some(n) = event_value(&e).and_then(|v| v.parse::<u32>().ok()) {
                cb.emit(n);
            }
        })
    };
    let per_year = !props.scenario.years.is_empty();
    let read_only = crate::ui::embed::use_read_only();
    let problem = use_state(|| None::<String>);
    let on_per_year = {
        let (scenario, on, count) = (
            props.scenario.clone(),
            props.on_scenario.clone(),
            props.count,
        );
        Callback::from(move |e: Event| {
            let on_now = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .is_some_and(|i| i.checked());
            let mut s = (*scenario).clone();
            if on_now {
                // Every year starts as the scenario's own change, then each is edited alone.
                let own = s.change_for_year(1);
                s.years = vec![own; count.max(1) as usize];
            } else {
                s.years.clear();
            }
            on.emit(s);
        })
    };
    let edit = {
        let (scenario, on, problem) = (
            props.scenario.clone(),
            props.on_scenario.clone(),
            problem.clone(),
        );
        Rc::new(move |year: u32, which: Which, text: String| {
            let t = text.trim().trim_end_matches('%').trim();
            let Ok(p) = parse_decimal(if t.is_empty() { "0" } else { t }) else {
                problem.set(Some(i18n::tr1(
                    "Year {year}: type a percent, such as -3.",
                    "year",
                    &year,
                )));
                return;
            };
            let f = p / Decimal::ONE_HUNDRED;
            let bad = f < Decimal::NEGATIVE_ONE || (which == Which::Enrollment && f > Decimal::ONE);
            if bad {
                let year: &dyn std::fmt::Display = &year;
                problem.set(Some(match which {
                    Which::Enrollment => i18n::tr1(
                        "Year {year}: the enrollment change must be from −100% to +100%.",
                        "year",
                        year,
                    ),
                    Which::Cost => i18n::tr1(
                        "Year {year}: the cost change must be −100% or more.",
                        "year",
                        year,
                    ),
                    Which::Rate => i18n::tr1(
                        "Year {year}: the rate change must be −100% or more.",
                        "year",
                        year,
                    ),
                }));
                return;
            }
            problem.set(None);
            let mut s = (*scenario).clone();
            let mut change = s.change_for_year(year);
            match which {
                Which::Enrollment => change.enrollment_change = f,
                Which::Cost => change.cost_change = f,
                Which::Rate => change.rate_change = f,
            }
            s.set_year(year.saturating_sub(1) as usize, change);
            on.emit(s);
        })
    };
    let input = |year: u32, which: Which, value: Decimal| {
        let edit = edit.clone();
        let onchange = Callback::from(move |e: Event| {
            if let Some(v) = event_value(&e) {
                edit(year, which, v);
            }
        });
        let (name, label) = match which {
            Which::Enrollment => (
                "enrollment",
                tr1("Year {year} enrollment change (%)", "year", &year),
            ),
            Which::Cost => ("cost", tr1("Year {year} cost change (%)", "year", &year)),
            Which::Rate => ("rate", tr1("Year {year} rate change (%)", "year", &year)),
        };
        if read_only {
            return html! { { pct(value) } };
        }
        html! {
            <input type="text" inputmode="decimal" size="5" value={pct(value)} {onchange} disabled={!per_year}
                aria-label={label}
                data-testid={format!("projection-change-{year}-{name}")} />
        }
    };
    let norms: Vec<(String, String)> = props
        .doc
        .norms
        .iter()
        .map(|n| (n.id.clone(), n.title.clone()))
        .collect();
    html! {
        <Panel id="projection" title={tr("Years ahead")} testid="projection-panel" actions={html! {
                <label class="small no-print">
                    { tr("Years") }{ " " }
                    <select onchange={on_count} data-testid="projection-years">
                        for n in 1..=5u32 {
                            <option key={n} value={n.to_string()} selected={n == props.count}>{ n }</option>
                        }
                    </select>
                </label>
        }}>
            <p class="small muted">{ if per_year {
                tr("Each year applies its own changes to the year before it. Year 1 is the scenario itself.")
            } else {
                tr("Each year applies the scenario's enrollment, cost and rate changes again, compounding, to the budget as it is now.")
            } }</p>
            if !read_only {
            <label class="small no-print">
                <input type="checkbox" checked={per_year} onchange={on_per_year} data-testid="projection-per-year" />
                { " " }{ tr("Give each year its own changes") }
            </label>
            }
            { props.chart.clone() }
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="projection-title">
                <table class="data">
                    <thead>
                        { head_row(&[(key("Year"), false), (key("Allocation"), true), (key("Cost"), true), (key("Balance before cuts"), true), (key("Positions lost (FTE)"), true), (key("Cuts"), true), (key("Enrollment change (%)"), true), (key("Cost change (%)"), true), (key("Rate change (%)"), true)]) }
                    </thead>
                    <tbody>
                        for y in props.years.iter() {
                            <tr key={y.year} data-testid={format!("year-{}", y.year)}>
                                <th scope="row">{ tr1("Year {year}", "year", &y.year) }</th>
                                { money_cell(y.total_allocation, false) }
                                { money_cell(y.total_cost, false) }
                                { money_cell(y.balance_before_cuts, true) }
                                <td class="num" data-value={format::plain(y.positions_lost)}>{ format::fte(y.positions_lost) }</td>
                                <td class="num">{ y.plan.cuts.len() }</td>
                                {{ let c = props.scenario.change_for_year(y.year); html! { <>
                                    <td class="num">{ input(y.year, Which::Enrollment, c.enrollment_change) }</td>
                                    <td class="num">{ input(y.year, Which::Cost, c.cost_change) }</td>
                                    <td class="num">{ input(y.year, Which::Rate, c.rate_change) }</td>
                                </> } }}
                            </tr>
                        }
                    </tbody>
                </table>
            </div>
            if let Some(p) = &*problem {
                <p class="negative small" role="alert">{ p }</p>
            }
            if !norms.is_empty() {
                <h3 id="projection-classsize-title">{ tr("Class size by year") }</h3>
                { props.class_chart.clone() }
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="projection-classsize-title">
                    <table class="data" data-testid="projection-classsize">
                        <caption class="visually-hidden">{ tr("Average class size per norm and year: pupils per position") }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ tr("Norm") }</th>
                                for y in props.years.iter() {
                                    <th scope="col" class="num" key={y.year}>{ tr1("Year {year}", "year", &y.year) }</th>
                                }
                            </tr>
                        </thead>
                        <tbody>
                            for (id, title) in norms {
                                <tr key={id.clone()}>
                                    <th scope="row">{ title }</th>
                                    for y in props.years.iter() {
                                        {{ let c = y.class_sizes.iter().find(|c| c.norm == id);
                                           let value = c.and_then(|c| c.size).map(format::plain).unwrap_or_default();
                                           let text = match c {
                                               Some(c) => match c.size {
                                                   Some(sz) => format!("{} ({} ÷ {})", format::plain(sz), c.students, format::fte(c.positions)),
                                                   None => tr("no positions").to_string(),
                                               },
                                               None => String::new(),
                                           };
                                           html! {
                                            <td class="num" key={y.year} data-testid={format!("projection-classsize-{}-{}", y.year, id)}
                                                data-value={value}>{ text }</td>
                                        } }}
                                    }
                                </tr>
                            }
                        </tbody>
                    </table>
                </div>
            }
        </Panel>
    }
}
