//! The years-ahead panel, computed after the paint so a slider move shows at once.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::lang::{tr, use_lang};

use super::charts::BarChart;
use super::panel::Panel;
use super::projection_panel::ProjectionPanel;
use crate::ui::after_paint::after_paint;
use sitebudget_core::chart::ValueFormat;
use sitebudget_core::engine::{self, EngineError, Scenario, YearResult};
use sitebudget_core::model::Document;
use sitebudget_core::util::by_ptr::ByPtr;
use sitebudget_core::view::chart_data::{
    projection_balances, projection_class_sizes, projection_positions,
};

/// Props of [`ProjectionSection`].
#[derive(Properties, PartialEq)]
pub struct ProjectionSectionProps {
    /// The budget.
    pub doc: Rc<Document>,
    /// The scenario to compound.
    pub scenario: Rc<Scenario>,
    /// How many years to project.
    pub years: u32,
    /// Called with a new number of years.
    pub on_count: Callback<u32>,
    /// Called with the scenario after a year's own change is edited.
    #[prop_or_default]
    pub on_scenario: Callback<Scenario>,
}

/// What a projection reads: the document and scenario (by identity) and the years.
type Inputs = (ByPtr<Document>, ByPtr<Scenario>, u32);

/// The projection, recomputed one frame after its inputs change (it is three or more
/// full evaluations); until then the previous years stay on screen.
#[component]
pub fn ProjectionSection(props: &ProjectionSectionProps) -> Html {
    use_lang();
    let result = use_state(|| None::<Rc<Result<Vec<YearResult>, EngineError>>>);
    // The newest request; an older one that fires late is skipped.
    let wanted = use_mut_ref(|| None::<Inputs>);
    {
        let (result, wanted) = (result.clone(), wanted.clone());
        let inputs: Inputs = (
            ByPtr::of(&props.doc),
            ByPtr::of(&props.scenario),
            props.years,
        );
        use_effect_with(inputs, move |inputs| {
            let inputs = inputs.clone();
            *wanted.borrow_mut() = Some(inputs.clone());
            after_paint(move || {
                if wanted.borrow().as_ref() == Some(&inputs) {
                    let (doc, scenario, years) = inputs;
                    result.set(Some(Rc::new(engine::project(&doc.0, &scenario.0, years))));
                }
            });
        });
    }
    let Some(projected) = &*result else {
        return html! {
            <Panel id="projection" title={tr("Years ahead")}>
                <p class="small muted" aria-busy="true">{ tr("Computing…") }</p>
            </Panel>
        };
    };
    match &**projected {
        Ok(years) => {
            let chart = html! {
                <div class="two-col">
                    <BarChart data={Rc::new(projection_balances(years))}
                        title={tr("Balance before cuts, by year")} testid="chart-projection-balance" />
                    <BarChart data={Rc::new(projection_positions(years))} format={ValueFormat::Number}
                        title={tr("Positions lost (FTE), by year")} testid="chart-projection-positions" />
                </div>
            };
            let class_chart = html! {
                <BarChart data={Rc::new(projection_class_sizes(&props.doc, years))} format={ValueFormat::Number}
                    title={tr("Average class size (pupils per position), by year")} testid="chart-projection-classsize" />
            };
            html! {
                <ProjectionPanel years={Rc::new(years.clone())} count={props.years}
                    on_count={props.on_count.clone()} {chart} {class_chart}
                    doc={props.doc.clone()} scenario={props.scenario.clone()}
                    on_scenario={props.on_scenario.clone()} />
            }
        }
        Err(err) => html! {
            <section class="panel" role="alert"><h2>{ tr("Years ahead") }</h2><p class="negative">{ err.to_string() }</p></section>
        },
    }
}
