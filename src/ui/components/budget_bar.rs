//! The budgets kept in this browser (open, new, rename, delete, reset), undo and redo,
//! and whether changes are being saved.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::lang::{tr, tr1, use_lang};

use crate::ui::event_value;
use sitebudget_core::app::BudgetEntry;
use sitebudget_core::app::{Damaged, StorageStatus};

/// What the user did in the budget bar.
#[derive(Clone, Debug, PartialEq)]
pub enum BudgetCommand {
    /// Open another budget.
    Open(u32),
    /// Add a budget copied from the sample school.
    New,
    /// Rename the open budget.
    Rename(String),
    /// Delete the open budget (already confirmed).
    Delete,
    /// Replace the open budget with the sample (already confirmed).
    Reset,
    /// Step back.
    Undo,
    /// Step forward.
    Redo,
}

/// Props of [`BudgetBar`].
#[derive(Properties, PartialEq)]
pub struct BudgetBarProps {
    /// Every budget, in id order.
    pub budgets: Rc<Vec<BudgetEntry>>,
    /// The open budget's id.
    pub open: u32,
    /// Undo steps available.
    pub undo_steps: usize,
    /// Redo steps available.
    pub redo_steps: usize,
    /// How autosave is doing.
    pub storage: StorageStatus,
    /// Budgets that could not be read: listed, marked, not openable.
    #[prop_or_default]
    pub damaged: Rc<Vec<Damaged>>,
    /// One callback for every command.
    pub on_command: Callback<BudgetCommand>,
}

/// A toolbar above the school: budget picker and its actions, undo and redo, save status.
#[component]
pub fn BudgetBar(props: &BudgetBarProps) -> Html {
    use_lang();
    let label = props
        .budgets
        .iter()
        .find(|b| b.id == props.open)
        .map(|b| b.label.clone())
        .unwrap_or_default();
    let emit = |c: BudgetCommand| {
        let cb = props.on_command.clone();
        Callback::from(move |_: MouseEvent| cb.emit(c.clone()))
    };
    let on_open = {
        let cb = props.on_command.clone();
        Callback::from(move |e: Event| {
            if let Some(id) = event_value(&e).and_then(|v| v.parse().ok()) {
                cb.emit(BudgetCommand::Open(id));
            }
        })
    };
    let on_rename = {
        let cb = props.on_command.clone();
        Callback::from(move |e: Event| {
            if let Some(name) = event_value(&e) {
                cb.emit(BudgetCommand::Rename(name));
            }
        })
    };
    let confirmed = |question: AttrValue, c: BudgetCommand| {
        let cb = props.on_command.clone();
        Callback::from(move |_: MouseEvent| {
            if gloo::dialogs::confirm(&question) {
                cb.emit(c.clone());
            }
        })
    };
    let on_delete = confirmed(
        tr1(
            "Delete the budget “{name}” and its scenarios from this browser?",
            "name",
            &label,
        ),
        BudgetCommand::Delete,
    );
    let on_reset = confirmed(
        tr1(
            "Replace “{name}” with the sample school? Undo brings it back.",
            "name",
            &label,
        ),
        BudgetCommand::Reset,
    );
    let status = match &props.storage {
        StorageStatus::Saved => html! {
            <span class="save-status ok" data-testid="save-status" data-state="saved">{ tr("Saved in this browser") }</span>
        },
        StorageStatus::Pending => html! {
            <span class="save-status" data-testid="save-status" data-state="pending">{ tr("Saving…") }</span>
        },
        StorageStatus::Failing(why) => html! {
            <span class="save-status warn" role="alert" data-testid="save-warning" data-state="failing">{ why.clone() }</span>
        },
        StorageStatus::Held(why) => html! {
            <span class="save-status warn" role="alert" data-testid="save-warning" data-state="held">{ why.clone() }</span>
        },
    };
    html! {
        <nav class="panel budget-bar no-print" aria-label={tr("Budgets")} data-testid="budget-bar">
            <label class="budget-pick">
                <span class="small">{ tr("Budget") }</span>
                <select onchange={on_open} data-testid="budget-select" aria-label={tr("Open budget")}>
                    for b in props.budgets.iter() {
                        <option key={b.id} value={b.id.to_string()} selected={b.id == props.open}>{ &b.label }</option>
                    }
                    for d in props.damaged.iter().filter(|d| d.id != 0) {
                        <option key={format!("damaged-{}", d.id)} disabled=true data-damaged="true">
                            { tr1("{name} (cannot be read)", "name", &d.label) }</option>
                    }
                </select>
            </label>
            <label class="budget-name">
                <span class="small">{ tr("Name") }</span>
                <input type="text" value={label.clone()} onchange={on_rename}
                    aria-label={tr("Budget name")} data-testid="budget-name" />
            </label>
            <div class="budget-actions">
                <button type="button" onclick={emit(BudgetCommand::New)} data-testid="budget-new"
                    title={tr("Add a budget copied from the sample school")}>{ tr("New budget") }</button>
                <button type="button" onclick={on_reset} data-testid="budget-reset">{ tr("Reset to sample") }</button>
                <button type="button" onclick={on_delete} data-testid="budget-delete">{ tr("Delete budget") }</button>
            </div>
            <div class="undo-actions">
                <button type="button" onclick={emit(BudgetCommand::Undo)} disabled={props.undo_steps == 0}
                    data-testid="undo" title={tr("Undo (Ctrl+Z)")} aria-keyshortcuts="Control+Z Meta+Z">
                    { tr1("↶ Undo ({n})", "n", &props.undo_steps) }
                </button>
                <button type="button" onclick={emit(BudgetCommand::Redo)} disabled={props.redo_steps == 0}
                    data-testid="redo" title={tr("Redo (Ctrl+Shift+Z)")} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z">
                    { tr1("↷ Redo ({n})", "n", &props.redo_steps) }
                </button>
            </div>
            { status }
        </nav>
    }
}
