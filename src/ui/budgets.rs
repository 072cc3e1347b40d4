//! Several budgets side by side: the closed ones wait in the state, one is open.

use std::rc::Rc;

use crate::ui::state::{AppState, NamedScenario};
use sitebudget_core::history::History;
use sitebudget_core::model::Document;
use sitebudget_core::view::names::unused_name;

/// A budget kept in this browser with its scenarios, while another one is open.
#[derive(Clone, Debug, PartialEq)]
pub struct Budget {
    /// Stable id, part of its storage keys.
    pub id: u32,
    /// The user's name for it.
    pub label: String,
    /// Its document.
    pub doc: Rc<Document>,
    /// Its named scenarios.
    pub scenarios: Rc<Vec<NamedScenario>>,
    /// The scenario in force.
    pub active: u32,
    /// The scenario compared with it.
    pub compare_with: Option<u32>,
    /// Years in its projection.
    pub years: u32,
}

/// One entry of the budget list, for the picker.
#[derive(Clone, Debug, PartialEq)]
pub struct BudgetEntry {
    /// The budget's id.
    pub id: u32,
    /// Its name.
    pub label: String,
}

impl AppState {
    /// The open budget, as it would be kept when another is opened.
    pub fn open_as_budget(&self) -> Budget {
        Budget {
            id: self.budget_id,
            label: self.label.clone(),
            doc: self.doc.clone(),
            scenarios: self.scenarios.clone(),
            active: self.active,
            compare_with: self.compare_with,
            years: self.years,
        }
    }

    /// Every budget, open or not, in id order.
    pub fn budget_list(&self) -> Vec<BudgetEntry> {
        let mut list: Vec<BudgetEntry> = self
            .others
            .iter()
            .map(|b| BudgetEntry {
                id: b.id,
                label: b.label.clone(),
            })
            .chain(std::iter::once(BudgetEntry {
                id: self.budget_id,
                label: self.label.clone(),
            }))
            .collect();
        sitebudget_core::util::sort::sort_by_key(&mut list, |b| b.id);
        list
    }

    /// Shows `budget` as the open one; the history starts afresh.
    pub(crate) fn show_budget(&mut self, budget: Budget) {
        self.budget_id = budget.id;
        self.label = budget.label;
        self.doc = budget.doc;
        self.scenarios = budget.scenarios;
        self.active = budget.active;
        self.compare_with = budget.compare_with;
        self.years = budget.years;
        self.field_error = None;
        self.edit_error = None;
        self.table = Default::default();
        self.history = Rc::new(History::default());
        self.revision += 1;
    }

    /// Opens the budget with this id, keeping the open one among the others.
    pub(crate) fn open_budget(&mut self, id: u32) {
        if id == self.budget_id {
            return;
        }
        let Some(pos) = self.others.iter().position(|b| b.id == id) else {
            return;
        };
        let current = self.open_as_budget();
        let others = Rc::make_mut(&mut self.others);
        let chosen = std::mem::replace(&mut others[pos], current);
        self.show_budget(chosen);
    }

    /// Keeps the open budget and opens `doc` as a new one.
    pub(crate) fn open_new_budget(&mut self, doc: Document) {
        let id = self.next_budget_id();
        let fresh = AppState::with_document(doc);
        let label = self.unused_label(&fresh.label);
        let current = self.open_as_budget();
        Rc::make_mut(&mut self.others).push(current);
        self.show_budget(Budget {
            id,
            label,
            doc: fresh.doc,
            scenarios: fresh.scenarios,
            active: fresh.active,
            compare_with: None,
            years: fresh.years,
        });
    }

    /// Deletes a budget; the open one gives way to the lowest other, or to the sample.
    pub(crate) fn delete_budget(&mut self, id: u32) {
        if id != self.budget_id {
            Rc::make_mut(&mut self.others).retain(|b| b.id != id);
            return;
        }
        let others = Rc::make_mut(&mut self.others);
        let lowest = others
            .iter()
            .enumerate()
            .min_by_key(|(_, b)| b.id)
            .map(|(i, _)| i);
        match lowest {
            Some(i) => {
                let next = others.remove(i);
                self.show_budget(next);
            }
            None => {
                let id = self.next_budget_id();
                let fresh = AppState::with_sample();
                self.show_budget(Budget {
                    id,
                    label: fresh.label,
                    doc: fresh.doc,
                    scenarios: fresh.scenarios,
                    active: fresh.active,
                    compare_with: None,
                    years: fresh.years,
                });
            }
        }
    }

    fn next_budget_id(&self) -> u32 {
        self.others
            .iter()
            .map(|b| b.id)
            .chain([self.budget_id, self.reserved_ids])
            .max()
            .unwrap_or(0)
            + 1
    }

    fn unused_label(&self, base: &str) -> String {
        let list = self.budget_list();
        unused_name(base, |name| list.iter().any(|b| b.label == name))
    }
}
