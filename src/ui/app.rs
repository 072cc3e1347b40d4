//! The root component: holds the state, derives the figures, lays out the panels.

use std::collections::BTreeMap;
use std::rc::Rc;

use yew::prelude::*;

use crate::ui::after_paint::after_paint;
use crate::ui::autosave::use_autosave;
use crate::ui::components::budget_bar::{BudgetBar, BudgetCommand};
use crate::ui::components::budget_table::BudgetTable;
use crate::ui::components::charts::{StackedBarChart, WaterfallChart};
use crate::ui::components::compare_scenarios::CompareScenarios;
use crate::ui::components::comparison::ComparisonPanel;
use crate::ui::components::cut_plan::{CutPlanPanel, DeficitRow};
use crate::ui::components::drop_zone::DropZone;
use crate::ui::components::editor::EditorPanel;
use crate::ui::components::export_menu::ExportMenu;
use crate::ui::components::figure::MoneyFigure;
use crate::ui::components::flexibility_panel::FlexibilityPanel;
use crate::ui::components::import_control::{ImportControl, ImportFeedback};
use crate::ui::components::levers_panel::LeversPanel;
use crate::ui::components::norm_day_panel::NormDayPanel;
use crate::ui::components::projection_section::ProjectionSection;
use crate::ui::components::scenario_bar::{ScenarioBar, ScenarioCommand};
use crate::ui::components::scenario_inputs::ScenarioInputs;
use crate::ui::components::school_header::SchoolHeader;
use crate::ui::components::share_banner::ShareBanner;
use crate::ui::components::share_link::ShareLink;
use crate::ui::components::sources_panel::SourcesPanel;
use crate::ui::embed::use_embed;
use crate::ui::import::read_and_import;
use crate::ui::keys::use_undo_keys;
use crate::ui::persist;
use crate::ui::state::{Action, AppState, ImportTarget, LineSteer};
use crate::ui::steer::SteerCache;
use sitebudget_core::engine::{self, Evaluation};
use sitebudget_core::model::Grade;
use sitebudget_core::view::budget_rows::{group_rows, RowCache};
use sitebudget_core::view::chart_data::{balance_waterfall, flexibility_stacks};
use sitebudget_core::view::embed_options::EmbedPanel;
use sitebudget_core::view::plan_text::{cut_words, deficit_words};
use sitebudget_core::view::source_rows::source_rows;
use sitebudget_core::view::summary::summarize;

/// Props of [`App`].
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The state to start from (an embed's budget); the sample school when `None`.
    #[prop_or_default]
    pub start: Option<Rc<AppState>>,
}

/// The whole app.
#[component]
pub fn App(props: &AppProps) -> Html {
    // An embed starts from the host's budget and keeps it in memory only; the full app
    // restores the budgets saved in this browser and saves every change.
    let persists = props.start.is_none();
    let saver = use_mut_ref(persist::Saver::default);
    let state = {
        let (saver, start) = (saver.clone(), props.start.clone());
        use_reducer(move || match start {
            Some(start) => (*start).clone(),
            None => {
                let (state, restored) = persist::restore();
                *saver.borrow_mut() = restored;
                state
            }
        })
    };
    use_autosave(&state, saver, persists);
    use_undo_keys(state.dispatcher());
    // Embed mode drops the chrome and shows only the panels the host chose.
    let embed = use_embed();
    let show = |panel: EmbedPanel| embed.shows(panel);
    let scenario = state.scenario();
    let evaluation: Rc<Result<Evaluation, engine::EngineError>> = {
        let (doc, scenario) = (state.doc.clone(), scenario.clone());
        use_memo(state.revision, move |_| engine::evaluate(&doc, &scenario))
    };
    // The last evaluation is dropped after the paint: freeing its per-line results takes
    // milliseconds at a thousand lines, which a slider move need not wait for.
    let shown_evaluation = use_mut_ref(|| None::<Rc<Result<Evaluation, engine::EngineError>>>);
    if let Some(old) = shown_evaluation.replace(Some(evaluation.clone())) {
        if !Rc::ptr_eq(&old, &evaluation) {
            after_paint(move || drop(old));
        }
    }
    let row_cache = use_mut_ref(RowCache::default);
    let steer_cache = use_mut_ref(SteerCache::default);
    let comparison: Rc<
        Option<(
            sitebudget_core::view::summary::ScenarioSummary,
            sitebudget_core::view::summary::ScenarioSummary,
        )>,
    > = {
        let state = state.clone();
        use_memo((state.revision, state.compare_with), move |_| {
            let other = state.named(state.compare_with?)?;
            let active = state.named(state.active)?;
            let a = engine::evaluate(&state.doc, &active.scenario).ok()?;
            let b = engine::evaluate(&state.doc, &other.scenario).ok()?;
            Some((summarize(&active.name, &a), summarize(&other.name, &b)))
        })
    };

    use_effect_with(state.doc.clone(), |doc| {
        crate::ui::rescue::keep(doc.clone())
    });

    let dispatch = state.dispatcher();
    let on_file = {
        let dispatch = dispatch.clone();
        use_callback(state.doc.clone(), move |file: web_sys::File, doc| {
            read_and_import(file, doc.clone(), dispatch.clone())
        })
    };
    let on_import_choice = {
        let dispatch = dispatch.clone();
        use_callback((), move |choice: Option<ImportTarget>, _| {
            dispatch.dispatch(match choice {
                Some(target) => Action::ConfirmImport(target),
                None => Action::CancelImport,
            })
        })
    };
    let on_budget = {
        let dispatch = dispatch.clone();
        use_callback(state.budget_id, move |cmd: BudgetCommand, open| {
            dispatch.dispatch(match cmd {
                BudgetCommand::Open(id) => Action::OpenBudget(id),
                BudgetCommand::New => Action::NewBudget,
                BudgetCommand::Rename(name) => Action::RenameBudget(name),
                BudgetCommand::Delete => Action::DeleteBudget(*open),
                BudgetCommand::Reset => Action::ResetToSample,
                BudgetCommand::Undo => Action::Undo,
                BudgetCommand::Redo => Action::Redo,
            })
        })
    };
    let budgets = {
        let state = state.clone();
        use_memo(
            (state.budget_id, state.label.clone(), state.others.clone()),
            move |_| state.budget_list(),
        )
    };
    let on_filter = {
        let dispatch = dispatch.clone();
        use_callback((), move |filter: Option<String>, _| {
            dispatch.dispatch(Action::FilterBySource(filter))
        })
    };
    let on_group = {
        let dispatch = dispatch.clone();
        use_callback((), move |on: bool, _| {
            dispatch.dispatch(Action::GroupBySource(on))
        })
    };
    let on_scenario = {
        let dispatch = dispatch.clone();
        use_callback((), move |s: engine::Scenario, _| {
            // Year 1 of a per-year projection follows the scenario's own inputs.
            dispatch.dispatch(Action::SetScenario(Box::new(s.synced())))
        })
    };
    let on_steer = {
        let dispatch = dispatch.clone();
        use_callback((), move |(line, steer): (String, LineSteer), _| {
            dispatch.dispatch(Action::SteerLine { line, steer })
        })
    };
    let on_edit = {
        let dispatch = dispatch.clone();
        use_callback((), move |edit: sitebudget_core::edit::Edit, _| {
            dispatch.dispatch(Action::Edit(edit))
        })
    };
    let on_years = {
        let dispatch = dispatch.clone();
        use_callback((), move |n: u32, _| dispatch.dispatch(Action::SetYears(n)))
    };
    let on_command = {
        let dispatch = dispatch.clone();
        use_callback(state.active, move |cmd: ScenarioCommand, active| {
            let active = *active;
            dispatch.dispatch(match cmd {
                ScenarioCommand::Switch(id) => Action::SwitchScenario(id),
                ScenarioCommand::New => Action::NewScenario,
                ScenarioCommand::Duplicate => Action::DuplicateScenario(active),
                ScenarioCommand::Rename(name) => Action::RenameScenario(active, name),
                ScenarioCommand::Delete => Action::DeleteScenario(active),
                ScenarioCommand::Compare(other) => Action::CompareWith(other),
            })
        })
    };

    let on_open_shared = {
        let dispatch = dispatch.clone();
        use_callback(
            (),
            move |(shared, from): (Rc<sitebudget_core::io::share::Shared>, String), _| {
                dispatch.dispatch(Action::OpenShared {
                    doc: Box::new(shared.doc.clone()),
                    scenario: Box::new(shared.scenario.clone()),
                    name: shared.name.clone(),
                    from,
                })
            },
        )
    };
    let active_name: AttrValue = state
        .named(state.active)
        .map_or_else(AttrValue::default, |n| AttrValue::from(n.name.clone()));

    let source_names: Rc<Vec<(String, String)>> = {
        let doc = state.doc.clone();
        use_memo(state.revision, move |_| {
            doc.sources
                .iter()
                .map(|s| (s.id.clone(), s.name.clone()))
                .collect()
        })
    };
    let baseline_grades: Rc<BTreeMap<Grade, u32>> = {
        let doc = state.doc.clone();
        use_memo(state.revision, move |_| doc.school.enrollment.clone())
    };

    let body = match &*evaluation {
        Err(err) => html! {
            <section class="panel" role="alert" data-testid="engine-error">
                <h2>{ "This budget cannot be computed" }</h2>
                <p class="negative">{ err.to_string() }</p>
                <p>{ "Nothing was changed. Move the inputs back, or import a corrected file." }</p>
            </section>
        },
        Ok(eval) => {
            let snapshot = &eval.scenario;
            let rows = row_cache.borrow_mut().rows(&state.doc, snapshot);
            let groups = Rc::new(group_rows(
                &state.doc,
                snapshot,
                &rows,
                state.table.source_filter.as_deref(),
                state.table.group_by_source,
            ));
            let sources = Rc::new(source_rows(&state.doc, snapshot));
            let cuts = Rc::new(
                eval.plan
                    .cuts
                    .iter()
                    .map(|c| cut_words(&state.doc, c))
                    .collect::<Vec<_>>(),
            );
            let deficits = Rc::new(
                eval.plan
                    .deficits
                    .iter()
                    .map(|d| DeficitRow {
                        source: d.source.clone(),
                        balance: -d.amount,
                        text: deficit_words(&state.doc, d),
                    })
                    .collect::<Vec<_>>(),
            );
            let scenario_grades = Rc::new(snapshot.counts.grades.clone());
            html! {
                <div class={classes!("workspace", (!show(EmbedPanel::Inputs)).then_some("workspace-no-inputs"))}>
                    if show(EmbedPanel::Inputs) {
                        <div class="workspace-inputs">
                            <ScenarioInputs scenario={scenario.clone()} baseline_grades={baseline_grades.clone()}
                                scenario_grades={scenario_grades}
                                baseline_rates={(state.doc.school.unduplicated_pct, state.doc.school.attendance_rate)}
                                on_change={on_scenario.clone()} />
                        </div>
                    }
                    <div class="workspace-results">
                        if show(EmbedPanel::Summary) {
                            <div class="figures">
                                <MoneyFigure testid="total-allocation" label="Total allocation" value={snapshot.total_allocation} />
                                <MoneyFigure testid="total-cost" label="Total cost" value={snapshot.total_cost} />
                                <MoneyFigure testid="balance-total" label={if scenario.is_baseline() { "Balance" } else { "Balance before cuts" }}
                                    value={snapshot.balance} />
                            </div>
                        }
                        if show(EmbedPanel::Plan) {
                            <CutPlanPanel cuts={cuts} deficits={deficits} steer_rows={Rc::new(steer_cache.borrow_mut().rows(&state.doc, eval))}
                                field_error={state.field_error.clone()} is_baseline={scenario.is_baseline()}
                                on_steer={on_steer.clone()} />
                            <LeversPanel doc={state.doc.clone()} scenario={scenario.clone()}
                                levers={Rc::new(eval.levers.clone())} on_scenario={on_scenario.clone()} />
                            <NormDayPanel doc={state.doc.clone()} scenario={scenario.clone()}
                                grades={Rc::new(snapshot.counts.grades.clone())}
                                result={eval.norm_day.clone().map(Rc::new)} on_scenario={on_scenario.clone()} />
                        }
                        if let Some(pair) = (*comparison).clone() {
                            <CompareScenarios pair={Rc::new(pair)} />
                        }
                        if show(EmbedPanel::Flexibility) {
                            <FlexibilityPanel doc={state.doc.clone()} flex={Rc::new(eval.flexibility.clone())}
                                chart={html! {
                                    <StackedBarChart data={Rc::new(flexibility_stacks(&state.doc, &eval.flexibility))}
                                        title="Each source: committed, flexible and unallocated" testid="chart-flexibility" />
                                }} />
                        }
                        if show(EmbedPanel::Sources) {
                            <SourcesPanel rows={sources} />
                        }
                        if show(EmbedPanel::Comparison) && !scenario.is_baseline() {
                            <ComparisonPanel doc={state.doc.clone()} sources={Rc::new(eval.source_diffs.clone())}
                                lines={Rc::new(eval.changed_lines().cloned().collect::<Vec<_>>())}
                                chart={html! {
                                    <WaterfallChart steps={Rc::new(balance_waterfall(&state.doc, eval))}
                                        start={eval.baseline.balance} start_label="Balance now"
                                        end_label="Scenario balance before cuts"
                                        title="From today's balance to the scenario's" testid="chart-waterfall" />
                                }} />
                        }
                        if show(EmbedPanel::Projection) {
                            <ProjectionSection doc={state.doc.clone()} scenario={scenario.clone()}
                                revision={state.revision} years={state.years} on_count={on_years.clone()}
                                on_scenario={on_scenario.clone()} />
                        }
                        if show(EmbedPanel::Lines) {
                            <BudgetTable groups={groups} sources={source_names.clone()}
                                filter={state.table.source_filter.clone()} grouped={state.table.group_by_source}
                                on_filter={on_filter.clone()} on_group={on_group.clone()} />
                        }
                    </div>
                </div>
            }
        }
    };

    html! {
        <DropZone on_file={on_file.clone()} enabled={!embed.embed}>
            if !embed.embed {
                <header class="topbar">
                    <div class="brand">{ "SiteBudget" }<small>{ "school budget calculator" }</small></div>
                    <div class="topbar-actions">
                        <ImportControl status={state.import.clone()} on_file={on_file} />
                        <ExportMenu doc={state.doc.clone()} scenario={scenario.clone()} name={active_name.clone()} />
                        <ShareLink doc={state.doc.clone()} scenario={scenario.clone()} name={active_name} />
                    </div>
                </header>
                <ShareBanner on_open={on_open_shared} />
                <ImportFeedback status={state.import.clone()} on_choice={on_import_choice} />
            }
            <main>
                if !embed.embed {
                    <BudgetBar budgets={budgets} open={state.budget_id}
                        undo_steps={state.history.undo_steps()} redo_steps={state.history.redo_steps()}
                        storage={state.storage.clone()} on_command={on_budget} />
                }
                if show(EmbedPanel::School) {
                    <SchoolHeader doc={state.doc.clone()} />
                }
                // Right under the school, where a principal looks for it; closed, it is one line.
                if show(EmbedPanel::Editor) && !embed.is_read_only() {
                    <EditorPanel doc={state.doc.clone()} error={state.edit_error.clone()} {on_edit} />
                }
                if !embed.embed {
                    <ScenarioBar scenarios={state.scenarios.clone()} active={state.active}
                        compare_with={state.compare_with} on_command={on_command} />
                }
                { body }
            </main>
        </DropZone>
    }
}
