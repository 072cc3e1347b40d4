//! Named scenarios: switch, create, duplicate, rename, delete, and pick one to compare.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::lang::{tr, tr1, use_lang};

use crate::ui::event_value;
use sitebudget_core::app::NamedScenario;

/// What the user did in the scenario bar.
#[derive(Clone, Debug, PartialEq)]
pub enum ScenarioCommand {
    /// Make this scenario active.
    Switch(u32),
    /// Add an unchanged scenario.
    New,
    /// Copy the active scenario.
    Duplicate,
    /// Rename the active scenario.
    Rename(String),
    /// Delete the active scenario.
    Delete,
    /// Compare the active scenario with another (or stop).
    Compare(Option<u32>),
}

/// Props of [`ScenarioBar`].
#[derive(Properties, PartialEq)]
pub struct ScenarioBarProps {
    /// All named scenarios.
    pub scenarios: Rc<Vec<NamedScenario>>,
    /// The active scenario's id.
    pub active: u32,
    /// The scenario compared with the active one.
    pub compare_with: Option<u32>,
    /// One callback for every command.
    pub on_command: Callback<ScenarioCommand>,
}

/// The row of scenario tabs and their actions.
#[component]
pub fn ScenarioBar(props: &ScenarioBarProps) -> Html {
    use_lang();
    let renaming = use_state(|| None::<String>);
    let active_name = props
        .scenarios
        .iter()
        .find(|n| n.id == props.active)
        .map(|n| n.name.clone())
        .unwrap_or_default();
    let cmd = |c: ScenarioCommand| {
        let cb = props.on_command.clone();
        Callback::from(move |_: MouseEvent| cb.emit(c.clone()))
    };
    let on_switch = {
        let cb = props.on_command.clone();
        Callback::from(move |id: u32| cb.emit(ScenarioCommand::Switch(id)))
    };
    let start_rename = {
        let (renaming, name) = (renaming.clone(), active_name.clone());
        Callback::from(move |_: MouseEvent| renaming.set(Some(name.clone())))
    };
    let on_rename_input = {
        let renaming = renaming.clone();
        Callback::from(move |e: InputEvent| renaming.set(event_value(&e)))
    };
    let finish_rename = {
        let (renaming, cb) = (renaming.clone(), props.on_command.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(name) = (*renaming).clone() {
                cb.emit(ScenarioCommand::Rename(name));
            }
            renaming.set(None);
        })
    };
    let on_delete = {
        let (cb, name) = (props.on_command.clone(), active_name.clone());
        Callback::from(move |_: MouseEvent| {
            let sure = gloo::dialogs::confirm(&tr1("Delete the scenario “{name}”?", "name", &name));
            if sure {
                cb.emit(ScenarioCommand::Delete);
            }
        })
    };
    let on_compare = {
        let cb = props.on_command.clone();
        Callback::from(move |e: Event| {
            let id = event_value(&e).and_then(|v| v.parse::<u32>().ok());
            cb.emit(ScenarioCommand::Compare(id));
        })
    };
    html! {
        <nav class="panel scenario-bar no-print" aria-label={tr("Scenarios")} data-testid="scenario-bar">
            <ul class="scenario-tabs">
                for named in props.scenarios.iter() {
                    { scenario_tab(named.id, &named.name, named.id == props.active, &on_switch) }
                }
            </ul>
            <div class="scenario-actions">
                if let Some(name) = &*renaming {
                    <form onsubmit={finish_rename}>
                        <input type="text" value={name.clone()} aria-label={tr("Scenario name")}
                            data-testid="scenario-name" oninput={on_rename_input} />
                        <button type="submit" data-testid="scenario-rename-save">{ tr("Save name") }</button>
                    </form>
                } else {
                    <button type="button" onclick={start_rename} data-testid="scenario-rename">{ tr("Rename") }</button>
                }
                <button type="button" onclick={cmd(ScenarioCommand::New)} data-testid="scenario-new">{ tr("New") }</button>
                <button type="button" onclick={cmd(ScenarioCommand::Duplicate)} data-testid="scenario-duplicate">{ tr("Duplicate") }</button>
                <button type="button" onclick={on_delete} disabled={props.scenarios.len() < 2}
                    data-testid="scenario-delete">{ tr("Delete") }</button>
                <label class="small">
                    { tr("Compare with") }{ " " }
                    <select onchange={on_compare} data-testid="scenario-compare">
                        <option value="" selected={props.compare_with.is_none()}>{ "—" }</option>
                        for named in props.scenarios.iter().filter(|n| n.id != props.active) {
                            <option key={named.id} value={named.id.to_string()}
                                selected={props.compare_with == Some(named.id)}>{ &named.name }</option>
                        }
                    </select>
                </label>
            </div>
        </nav>
    }
}

/// One scenario's tab (a plain function: a handful of tabs, one component type less).
fn scenario_tab(id: u32, name: &str, active: bool, on_switch: &Callback<u32>) -> Html {
    let onclick = on_switch.reform(move |_: MouseEvent| id);
    html! {
        <li key={id}>
            <button type="button" aria-pressed={active.to_string()} {onclick}
                data-testid={format!("scenario-tab-{id}")}>{ name }</button>
        </li>
    }
}
