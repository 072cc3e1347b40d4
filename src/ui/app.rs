//! The root component: holds the state, derives the figures, lays out the panels.

use std::collections::BTreeMap;
use std::rc::Rc;

use yew::prelude::*;

use crate::ui::after_paint::after_paint;
use crate::ui::autosave::use_autosave;
use crate::ui::components::budget_bar::{BudgetBar, BudgetCommand};
use crate::ui::components::budget_table::BudgetTable;
use crate::ui::components::charts::{StackedBarChart, WaterfallChart};
use crate::ui::components::compare_scenarios::{compare_scenarios, CompareScenariosProps};
use crate::ui::components::comparison::{comparison_panel, ComparisonPanelProps};
use crate::ui::components::cut_plan::{CutPlanPanel, DeficitRow, CUT_DETAILS_AT_FIRST};
use crate::ui::components::drop_zone::DropZone;
use crate::ui::components::editor::EditorPanel;
use crate::ui::components::export_menu::ExportMenu;
use crate::ui::components::figure::money_figure;
use crate::ui::components::flexibility_panel::FlexibilityPanel;
use crate::ui::components::import_control::{ImportControl, ImportFeedback};
use crate::ui::components::levers_panel::LeversPanel;
use crate::ui::components::norm_day_panel::NormDayPanel;
use crate::ui::components::print::{print_button, print_decisions, print_head};
use crate::ui::components::projection_section::ProjectionSection;
use crate::ui::components::scenario_bar::{ScenarioBar, ScenarioCommand};
use crate::ui::components::scenario_inputs::ScenarioInputs;
use crate::ui::components::school_header::SchoolHeader;
use crate::ui::components::share_banner::ShareBanner;
use crate::ui::components::share_link::ShareLink;
use crate::ui::components::shared_offer::{shared_offer_panel, SharedOfferProps};
use crate::ui::components::sources_panel::{sources_panel, SourcesPanelProps};
use crate::ui::components::store_notices::StoreNotices;
use crate::ui::embed::use_embed;
use crate::ui::import::read_and_import;
use crate::ui::keys::use_undo_keys;
use crate::ui::lang::{lang_switch, tr, use_lang_context};
use crate::ui::network::hub::{BudgetChoice, NetworksView};
use crate::ui::persist::{self, Backend};
use crate::ui::state::Store;
use crate::ui::steer::SteerCache;
use sitebudget_core::app::inputs::scenario_grades;
use sitebudget_core::app::{
    edited_line_ids, with_line_edits, Action, AppState, LineSteer, SharedChoice, StorageStatus,
};
use sitebudget_core::engine::{self, Evaluation};
use sitebudget_core::model::{Document, Grade};
use sitebudget_core::util::by_ptr::ByPtr;
use sitebudget_core::view::budget_rows::{group_rows, RowCache};
use sitebudget_core::view::chart_data::{balance_waterfall, flexibility_stacks};
use sitebudget_core::view::embed_options::EmbedPanel;
use sitebudget_core::view::line_edits::line_edit_words;
use sitebudget_core::view::plan_text::{after_plan_note, deficit_words, plan_words, steer_toward};
use sitebudget_core::view::source_rows::source_rows;
use sitebudget_core::view::summary::{summarize, ScenarioSummary};

/// Props of [`App`].
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The state to start from (an embed's budget, or what the store holds); the sample
    /// school when `None`.
    #[prop_or_default]
    pub start: Option<Rc<AppState>>,
    /// Where changes are saved; `None` keeps them in memory (an embed, a browser test).
    #[prop_or_default]
    pub backend: Option<ByPtr<Backend>>,
    /// A network to open at the start (`?network=<path>`): the app starts in Networks.
    #[prop_or_default]
    pub network_src: Option<AttrValue>,
    /// Told the open budget's document whenever it changes (a school opened from a
    /// network carries its edits back this way).
    #[prop_or_default]
    pub on_doc: Option<Callback<Rc<Document>>>,
}

/// The whole app.
#[component]
pub fn App(props: &AppProps) -> Html {
    // An embed starts from the host's budget and keeps it in memory only; the full app
    // starts from the budgets read from the store and saves every change there.
    let state = {
        let start = props.start.clone();
        use_reducer(move || Store(start.unwrap_or_else(|| Rc::new(AppState::with_sample()))))
    };
    use_autosave(&state, props.backend.as_ref().map(|b| b.0.clone()));
    let room = use_state(|| None);
    {
        let (room, saves) = (room.clone(), props.backend.is_some());
        use_effect_with(state.storage == StorageStatus::Saved, move |saved| {
            if *saved && saves {
                wasm_bindgen_futures::spawn_local(async move { room.set(persist::room().await) });
            }
        });
    }
    // Every text below is worded in the language spoken; a switch re-renders, and the
    // memos that word text key on it.
    let lang_context = use_lang_context();
    let lang = lang_context
        .as_ref()
        .map_or_else(Default::default, |c| c.lang);
    // Networks (issue #15) replace the workspace while open; the budgets stay as they are.
    let networks_mode = use_state(|| props.network_src.is_some());
    let incoming_network = use_state(|| None::<Rc<(String, String)>>);
    use_undo_keys(state.dispatcher(), !*networks_mode);
    // Embed mode drops the chrome and shows only the panels the host chose.
    let embed = use_embed();
    let show = |panel: EmbedPanel| embed.shows(panel);
    let scenario = state.scenario();
    // Keyed by the document and the scenario it reads, by identity: a rename re-runs nothing.
    let evaluation: Rc<Result<Evaluation, engine::EngineError>> = use_memo(
        (ByPtr::of(&state.open.doc), ByPtr::of(&scenario)),
        |(doc, scenario)| engine::evaluate(&doc.0, &scenario.0),
    );
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
    // The cached rows hold worded text (days a week, FTE): another language words them anew.
    let cached_lang = use_mut_ref(|| lang);
    if *cached_lang.borrow() != lang {
        *cached_lang.borrow_mut() = lang;
        *row_cache.borrow_mut() = RowCache::default();
        *steer_cache.borrow_mut() = SteerCache::default();
    }
    // The compared pair's evaluations read the document and the two scenarios; their
    // names are read only by the summaries, so renaming one evaluates nothing again.
    let compared: Rc<Option<(Evaluation, Evaluation)>> = {
        let open = &state.open;
        let pair = open.compare_with.and_then(|other| {
            let (a, b) = (open.named(open.active)?, open.named(other)?);
            Some((ByPtr::of(&a.scenario), ByPtr::of(&b.scenario)))
        });
        use_memo((ByPtr::of(&open.doc), pair), |(doc, pair)| {
            let (a, b) = pair.as_ref()?;
            let a = engine::evaluate(&doc.0, &a.0).ok()?;
            let b = engine::evaluate(&doc.0, &b.0).ok()?;
            Some((a, b))
        })
    };
    let comparison: Rc<Option<(ScenarioSummary, ScenarioSummary)>> = {
        let open = &state.open;
        let names = open.compare_with.and_then(|other| {
            Some((
                open.named(open.active)?.name.clone(),
                open.named(other)?.name.clone(),
            ))
        });
        use_memo((ByPtr::of(&compared), names), |(compared, names)| {
            let ((a, b), (a_name, b_name)) = (compared.0.as_ref().as_ref()?, names.as_ref()?);
            Some((summarize(a_name, a), summarize(b_name, b)))
        })
    };

    // The compared scenarios' line changes in words, read from the document and the two.
    let compared_changes: Rc<(Vec<String>, Vec<String>)> = {
        let open = &state.open;
        let pair = open.compare_with.and_then(|other| {
            let (a, b) = (open.named(open.active)?, open.named(other)?);
            Some((ByPtr::of(&a.scenario), ByPtr::of(&b.scenario)))
        });
        use_memo(
            (ByPtr::of(&open.doc), pair, lang),
            |(doc, pair, _)| match pair {
                Some((a, b)) => (
                    line_edit_words(&doc.0, &a.0.line_edits),
                    line_edit_words(&doc.0, &b.0.line_edits),
                ),
                None => Default::default(),
            },
        )
    };

    use_effect_with(ByPtr::of(&state.open.doc), |doc| {
        crate::ui::rescue::keep(doc.0.clone())
    });
    {
        let on_doc = props.on_doc.clone();
        use_effect_with(ByPtr::of(&state.open.doc), move |doc| {
            if let Some(cb) = on_doc {
                cb.emit(doc.0.clone());
            }
        });
    }

    let dispatch = state.dispatcher();
    let on_store_action = {
        let dispatch = dispatch.clone();
        use_callback((), move |a: Action, _| dispatch.dispatch(a))
    };
    let on_network_file = {
        let (mode, incoming) = (networks_mode.clone(), incoming_network.clone());
        use_callback((), move |file: (String, String), _| {
            incoming.set(Some(Rc::new(file)));
            mode.set(true);
        })
    };
    let on_file = {
        let dispatch = dispatch.clone();
        use_callback(
            (state.open.doc.clone(), on_network_file),
            move |file: web_sys::File, (doc, on_network)| {
                read_and_import(file, doc.clone(), dispatch.clone(), on_network.clone())
            },
        )
    };
    let on_import_choice = {
        let dispatch = dispatch.clone();
        use_callback((), move |choice: Action, _| dispatch.dispatch(choice))
    };
    let on_budget = {
        let dispatch = dispatch.clone();
        use_callback(state.open.id, move |cmd: BudgetCommand, open| {
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
            (
                state.open.id,
                state.open.label.clone(),
                ByPtr::of(&state.others),
            ),
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
    // "Cut this instead": the alternative goes before the chosen line, in this scenario only.
    let on_steer_toward = {
        let dispatch = dispatch.clone();
        use_callback(
            (state.open.doc.clone(), scenario.clone()),
            move |(alt, chosen): (String, String), (doc, scenario)| {
                if let Some(s) = steer_toward(doc, scenario, &alt, &chosen) {
                    dispatch.dispatch(Action::SetScenario(Box::new(s)));
                }
            },
        )
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
        use_callback(state.open.active, move |cmd: ScenarioCommand, active| {
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
                    others: shared.others.clone(),
                })
            },
        )
    };
    let on_shared_choice = {
        let dispatch = dispatch.clone();
        use_callback((), move |choice: SharedChoice, _| {
            dispatch.dispatch(Action::ResolveShared(choice))
        })
    };
    // The budget's other scenarios, which a share link may carry too.
    let other_scenarios: Rc<Vec<(engine::Scenario, String)>> = use_memo(
        (ByPtr::of(&state.open.scenarios), state.open.active),
        |(list, active)| {
            list.0
                .iter()
                .filter(|n| n.id != *active)
                .map(|n| ((*n.scenario).clone(), n.name.clone()))
                .collect()
        },
    );
    let active_name: AttrValue = state
        .named(state.open.active)
        .map_or_else(AttrValue::default, |n| AttrValue::from(n.name.clone()));

    let source_names: Rc<Vec<(String, String)>> = use_memo(ByPtr::of(&state.open.doc), |doc| {
        doc.0
            .sources
            .iter()
            .map(|s| (s.id.clone(), s.name.clone()))
            .collect()
    });
    let baseline_grades: Rc<BTreeMap<Grade, u32>> = use_memo(ByPtr::of(&state.open.doc), |doc| {
        doc.0.school.enrollment.clone()
    });

    let scenario_grades: Rc<BTreeMap<Grade, u32>> = use_memo(
        (ByPtr::of(&state.open.doc), ByPtr::of(&scenario)),
        |(doc, scenario)| scenario_grades(&doc.0, &scenario.0),
    );
    // The lines as the active scenario has them, for steering; the budget's when it edits none.
    let steer_doc: Rc<Rc<Document>> = use_memo(
        (ByPtr::of(&state.open.doc), scenario.line_edits.clone()),
        |(doc, edits)| match edits.is_empty() {
            true => doc.0.clone(),
            false => Rc::new(with_line_edits(&doc.0, edits)),
        },
    );
    // Every cut worded with its reasons, once the reader asks (the first ones always are).
    let plan_details_all = use_state(|| false);
    let on_plan_details_all = {
        let all = plan_details_all.clone();
        use_callback((), move |(), _| all.set(true))
    };
    let on_apply_edits = {
        let dispatch = dispatch.clone();
        use_callback((), move |(), _| dispatch.dispatch(Action::ApplyLineEdits))
    };
    // The meeting view (`?meeting`) shows the same state on one projected screen.
    let meeting = use_state(|| !embed.embed && crate::ui::meeting::query_has("meeting"));
    let bilingual = use_state(|| crate::ui::meeting::query_has("bilingual"));
    let on_meeting = {
        let (meeting, bilingual) = (meeting.clone(), bilingual.clone());
        use_callback((), move |(on, both): (bool, bool), _| {
            crate::ui::meeting::set_query(on, both);
            meeting.set(on);
            bilingual.set(both);
        })
    };
    if *meeting {
        let on_leave = {
            let cb = on_meeting.clone();
            Callback::from(move |()| cb.emit((false, false)))
        };
        let on_bilingual = {
            let cb = on_meeting.clone();
            Callback::from(move |both: bool| cb.emit((true, both)))
        };
        return html! {
            <crate::ui::meeting::MeetingView doc={state.open.doc.clone()} scenario={scenario.clone()}
                name={active_name.clone()} evaluation={ByPtr::of(&evaluation)} on_scenario={on_scenario.clone()}
                on_action={on_store_action.clone()} {on_leave} bilingual={*bilingual} {on_bilingual} />
        };
    }
    let on_open_meeting = {
        let cb = on_meeting.clone();
        Callback::from(move |_: MouseEvent| cb.emit((true, false)))
    };
    // The inputs stay on screen even when the scenario cannot be computed, so a stored
    // bad value can be corrected where it is shown.
    let inputs = html! {
        <ScenarioInputs doc={state.open.doc.clone()} scenario_id={state.open.active}
            scenario={scenario.clone()} baseline_grades={baseline_grades.clone()}
            scenario_grades={scenario_grades.clone()}
            baseline_rates={(state.open.doc.school.unduplicated_pct, state.open.doc.school.attendance_rate)}
            on_change={on_scenario.clone()} on_apply_edits={on_apply_edits} />
    };
    let body = match &*evaluation {
        Err(err) => html! {
            <div class="workspace">
                if show(EmbedPanel::Inputs) {
                    <div class="workspace-inputs">{ inputs }</div>
                }
                <div class="workspace-results">
                    <section class="panel" role="alert" data-testid="engine-error">
                        <h2>{ tr("This scenario cannot be computed") }</h2>
                        <p class="negative">{ err.to_string() }</p>
                        <p>{ tr("Nothing was changed. Correct the input marked in What if…, reset the scenario to the budget, or import a corrected file.") }</p>
                    </section>
                </div>
            </div>
        },
        Ok(eval) => {
            let snapshot = &eval.scenario;
            let rows = row_cache.borrow_mut().rows(&state.open.doc, snapshot);
            let groups = Rc::new(group_rows(
                &state.open.doc,
                snapshot,
                &rows,
                state.table.source_filter.as_deref(),
                state.table.group_by_source,
            ));
            let sources = Rc::new(source_rows(&state.open.doc, snapshot));
            let detailed = if *plan_details_all {
                usize::MAX
            } else {
                CUT_DETAILS_AT_FIRST
            };
            let cuts = Rc::new(plan_words(
                &state.open.doc,
                &scenario,
                &eval.plan.cuts,
                detailed,
            ));
            let deficits = Rc::new(
                eval.plan
                    .deficits
                    .iter()
                    .map(|d| DeficitRow {
                        source: d.source.clone(),
                        balance: -d.amount,
                        text: deficit_words(&state.open.doc, d),
                    })
                    .collect::<Vec<_>>(),
            );
            html! {
                <div class={classes!("workspace", (!show(EmbedPanel::Inputs)).then_some("workspace-no-inputs"))}>
                    if show(EmbedPanel::Inputs) {
                        <div class="workspace-inputs">{ inputs }</div>
                    }
                    <div class="workspace-results">
                        if show(EmbedPanel::Summary) {
                            <div class="figures">
                                { money_figure("total-allocation", tr("Total allocation"), snapshot.total_allocation, None) }
                                { money_figure("total-cost", tr("Total cost"), snapshot.total_cost, None) }
                                { money_figure("balance-total",
                                    if scenario.is_baseline() { tr("Balance") } else { tr("Balance before cuts") },
                                    snapshot.balance, None) }
                                { money_figure("balance-after-plan", tr("After the plan"), eval.after.balance,
                                    Some(AttrValue::from(after_plan_note(eval.after.balance)))) }
                            </div>
                        }
                        if show(EmbedPanel::Plan) {
                            <CutPlanPanel cuts={cuts} deficits={deficits} steer_rows={Rc::new(steer_cache.borrow_mut().rows(&steer_doc, eval, &edited_line_ids(&scenario)))}
                                field_error={state.field_error.clone()} is_baseline={scenario.is_baseline()}
                                on_steer={on_steer.clone()} on_steer_toward={on_steer_toward.clone()}
                                details_all={*plan_details_all} on_details_all={on_plan_details_all.clone()} />
                            <LeversPanel doc={state.open.doc.clone()} scenario={scenario.clone()}
                                levers={Rc::new(eval.levers.clone())} on_scenario={on_scenario.clone()} />
                            <NormDayPanel doc={state.open.doc.clone()} scenario={scenario.clone()}
                                grades={Rc::new(snapshot.counts.grades.clone())}
                                result={eval.norm_day.clone().map(Rc::new)} on_scenario={on_scenario.clone()} />
                        }
                        if let Some(pair) = (*comparison).clone() {
                            { compare_scenarios(&CompareScenariosProps { pair: Rc::new(pair), line_changes: compared_changes.clone() }) }
                        }
                        if show(EmbedPanel::Flexibility) {
                            <FlexibilityPanel doc={state.open.doc.clone()} flex={Rc::new(eval.flexibility.clone())}
                                chart={html! {
                                    <StackedBarChart data={Rc::new(flexibility_stacks(&state.open.doc, &eval.flexibility))}
                                        title={tr("Each source: committed, flexible and unallocated")} testid="chart-flexibility" />
                                }} />
                        }
                        if show(EmbedPanel::Sources) {
                            { sources_panel(&SourcesPanelProps { rows: sources }) }
                        }
                        if show(EmbedPanel::Comparison) && !scenario.is_baseline() {
                            { comparison_panel(&ComparisonPanelProps {
                                doc: state.open.doc.clone(),
                                sources: Rc::new(eval.source_diffs.clone()),
                                lines: Rc::new(eval.changed_lines().cloned().collect::<Vec<_>>()),
                                chart: html! {
                                    <WaterfallChart steps={Rc::new(balance_waterfall(&state.open.doc, eval))}
                                        start={eval.baseline.balance} start_label={tr("Balance now")}
                                        end_label={tr("Scenario balance before cuts")}
                                        title={tr("From today's balance to the scenario's")} testid="chart-waterfall" />
                                },
                            }) }
                        }
                        if show(EmbedPanel::Projection) {
                            <ProjectionSection doc={state.open.doc.clone()} scenario={scenario.clone()}
                                years={state.open.years} on_count={on_years.clone()}
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

    let network_budgets: Rc<Vec<BudgetChoice>> = {
        let state = state.clone();
        use_memo(
            (
                state.open.id,
                ByPtr::of(&state.open.doc),
                state.open.label.clone(),
                ByPtr::of(&state.others),
            ),
            move |_| {
                state
                    .all_budgets()
                    .map(|b| BudgetChoice {
                        id: b.id,
                        label: b.label.clone(),
                        doc: b.doc.clone(),
                    })
                    .collect()
            },
        )
    };
    let toggle_networks = {
        let mode = networks_mode.clone();
        Callback::from(move |_: MouseEvent| mode.set(!*mode))
    };
    if *networks_mode && !embed.embed {
        return html! {
            <DropZone on_file={on_file.clone()} enabled=true>
                <header class="topbar">
                    <div class="brand">{ "SiteBudget" }<small>{ tr("school networks") }</small></div>
                    <div class="topbar-actions">
                        <button type="button" onclick={toggle_networks} data-testid="networks-close">
                            { tr("← Budgets") }</button>
                    </div>
                </header>
                <main>
                    <NetworksView budgets={network_budgets} backend={props.backend.clone()}
                        src={props.network_src.clone()} incoming={(*incoming_network).clone()} />
                </main>
            </DropZone>
        };
    }

    html! {
        <DropZone on_file={on_file.clone()} enabled={!embed.embed}>
            if !embed.embed {
                <header class="topbar">
                    <div class="brand">{ "SiteBudget" }<small>{ tr("school budget calculator") }</small></div>
                    <div class="topbar-actions">
                        { lang_switch(lang_context.as_ref()) }
                        <button type="button" onclick={toggle_networks} data-testid="networks-open"
                            title={tr("Many schools in one table under one enrollment change")}>{ tr("Networks") }</button>
                        <ImportControl status={state.import.clone()} on_file={on_file} />
                        <ExportMenu doc={state.open.doc.clone()} scenario={scenario.clone()} name={active_name.clone()}
                            compare={state.open.compare_with.and_then(|id| state.named(id))
                                .map(|n| (n.scenario.clone(), AttrValue::from(n.name.clone())))}
                            others={other_scenarios.clone()} />
                        <ShareLink doc={state.open.doc.clone()} scenario={scenario.clone()} name={active_name.clone()}
                            others={other_scenarios} />
                        { print_button() }
                        <button type="button" class="no-print" data-testid="meeting-open" onclick={on_open_meeting}
                            title={tr("One projected screen for a budget meeting, with its decisions")}>
                            { tr("Meeting view") }</button>
                    </div>
                </header>
                <ShareBanner on_open={on_open_shared} />
                if let Some(offer) = state.shared_offer.clone() {
                    { shared_offer_panel(&SharedOfferProps { offer, on_choice: on_shared_choice.clone() }) }
                }
                <ImportFeedback status={state.import.clone()} on_choice={on_import_choice} />
            }
            <main>
                if !embed.embed {
                    <BudgetBar budgets={budgets} open={state.open.id}
                        undo_steps={state.history.undo_steps()} redo_steps={state.history.redo_steps()}
                        storage={state.storage.clone()} damaged={state.damaged.clone()} on_command={on_budget} />
                    <StoreNotices damaged={state.damaged.clone()} conflicts={state.conflicts.clone()}
                        room={*room} on_action={on_store_action} />
                }
                if !embed.embed { { print_head(&state.open.doc.school.name, &active_name) } }
                if !embed.embed { { print_decisions(&scenario.decisions) } }
                if show(EmbedPanel::School) {
                    <SchoolHeader doc={state.open.doc.clone()} />
                }
                // Right under the school, where a principal looks for it; closed, it is one line.
                if show(EmbedPanel::Editor) && !embed.is_read_only() {
                    <EditorPanel doc={state.open.doc.clone()} error={state.edit_error.clone()} {on_edit} />
                }
                if !embed.embed {
                    <ScenarioBar scenarios={state.open.scenarios.clone()} active={state.open.active}
                        compare_with={state.open.compare_with} on_command={on_command} />
                }
                { body }
            </main>
        </DropZone>
    }
}
