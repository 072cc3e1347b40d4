//! Several budgets side by side: one is open, the others wait closed in the state.

use std::rc::Rc;

use super::state::{AppState, NamedScenario};
use crate::engine::Scenario;
use crate::history::History;
use crate::io::sample::sample_document;
use crate::model::Document;
use crate::util::i18n::tr;
use crate::view::names::unused_name;

/// A budget kept in this browser with its scenarios: the open one or a closed one.
#[derive(Clone, Debug, PartialEq)]
pub struct Budget {
    /// Stable id, part of its storage keys.
    pub id: u32,
    /// The user's name for it.
    pub label: String,
    /// Its document.
    pub doc: Rc<Document>,
    /// Its named scenarios, in creation order (never empty).
    pub scenarios: Rc<Vec<NamedScenario>>,
    /// The scenario in force.
    pub active: u32,
    /// The scenario compared with the active one.
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

impl Budget {
    /// A budget showing `doc` with one unchanged scenario, named after its school.
    pub fn new(id: u32, doc: Document) -> Self {
        Self {
            id,
            label: doc.school.name.clone(),
            doc: Rc::new(doc),
            scenarios: Rc::new(vec![NamedScenario {
                id: 1,
                name: tr("Scenario 1"),
                scenario: Rc::new(Scenario::default()),
            }]),
            active: 1,
            compare_with: None,
            years: 3,
        }
    }

    /// The named scenario with this id.
    pub fn named(&self, id: u32) -> Option<&NamedScenario> {
        self.scenarios.iter().find(|n| n.id == id)
    }

    /// The scenario in force (the first one if `active` is stale).
    pub fn scenario(&self) -> Rc<Scenario> {
        self.named(self.active)
            .or_else(|| self.scenarios.first())
            .map(|n| n.scenario.clone())
            .unwrap_or_default()
    }

    /// The scenario in force, to change it in place (its list is copied if shared).
    pub fn active_mut(&mut self) -> Option<&mut NamedScenario> {
        let active = self.active;
        Rc::make_mut(&mut self.scenarios)
            .iter_mut()
            .find(|n| n.id == active)
    }

    /// An id no scenario of this budget has.
    pub(crate) fn next_scenario_id(&self) -> u32 {
        self.scenarios.iter().map(|n| n.id).max().unwrap_or(0) + 1
    }

    /// `base`, or `base (2)`… if a scenario already has that name.
    pub(crate) fn unused_scenario_name(&self, base: &str) -> String {
        unused_name(base, |name| self.scenarios.iter().any(|n| n.name == name))
    }
}

impl AppState {
    /// Every budget, open or not, in id order.
    pub fn budget_list(&self) -> Vec<BudgetEntry> {
        let mut list: Vec<BudgetEntry> = self
            .others
            .iter()
            .chain(std::iter::once(&self.open))
            .map(|b| BudgetEntry {
                id: b.id,
                label: b.label.clone(),
            })
            .collect();
        crate::util::sort::sort_by_key(&mut list, |b| b.id);
        list
    }

    /// Every budget, the closed ones first, then the open one.
    pub fn all_budgets(&self) -> impl Iterator<Item = &Budget> {
        self.others.iter().chain(std::iter::once(&self.open))
    }

    /// Shows `budget` as the open one; its history starts afresh.
    pub(crate) fn show_budget(&mut self, budget: Budget) {
        self.open = budget;
        self.field_error = None;
        self.edit_error = None;
        self.table = Default::default();
        self.history = Rc::new(History::default());
    }

    /// Opens the budget with this id, keeping the open one among the others.
    pub(crate) fn open_budget(&mut self, id: u32) -> bool {
        if id == self.open.id {
            return false;
        }
        let Some(pos) = self.others.iter().position(|b| b.id == id) else {
            return false;
        };
        let current = self.open.clone();
        let others = Rc::make_mut(&mut self.others);
        let Some(slot) = others.get_mut(pos) else {
            return false;
        };
        let chosen = std::mem::replace(slot, current);
        self.show_budget(chosen);
        true
    }

    /// Keeps the open budget and opens `doc` as a new one.
    pub(crate) fn open_new_budget(&mut self, doc: Document) {
        let mut budget = Budget::new(self.next_budget_id(), doc);
        budget.label = self.unused_label(&budget.label);
        let current = self.open.clone();
        Rc::make_mut(&mut self.others).push(current);
        self.show_budget(budget);
    }

    /// Deletes a budget; the open one gives way to the lowest other, or to the sample.
    pub(crate) fn delete_budget(&mut self, id: u32) -> bool {
        if id != self.open.id {
            if self.others.iter().all(|b| b.id != id) {
                return false;
            }
            Rc::make_mut(&mut self.others).retain(|b| b.id != id);
            return true;
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
                let sample = Budget::new(self.next_budget_id(), sample_document());
                self.show_budget(sample);
            }
        }
        true
    }

    /// An id no budget has, nor any record in storage.
    pub(crate) fn next_budget_id(&self) -> u32 {
        self.all_budgets()
            .map(|b| b.id)
            .chain([self.reserved_ids])
            .max()
            .unwrap_or(0)
            + 1
    }

    fn unused_label(&self, base: &str) -> String {
        let list = self.budget_list();
        unused_name(base, |name| list.iter().any(|b| b.label == name))
    }
}
