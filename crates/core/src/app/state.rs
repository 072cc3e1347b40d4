//! The app state and its reducer: the view dispatches typed actions and never mutates
//! state. Plain Rust: the time of each change is passed in, never read here.

use std::rc::Rc;

use rust_decimal::Decimal;

use super::budgets::Budget;
use crate::edit::{apply_edit, Edit, EditError};
use crate::engine::Scenario;
use crate::history::History;
use crate::io::line_rows::BadRow;
use crate::io::sample::sample_document;
use crate::model::validate;
use crate::model::{Document, LineKind, Priority};
use crate::view::import_preview::ImportPreview;

/// How the budget table is shown.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct TableView {
    /// Show only lines charging this source id.
    pub source_filter: Option<String>,
    /// Group lines under a heading per source they charge.
    pub group_by_source: bool,
}

/// The outcome of the last import, shown next to the import control.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportStatus {
    /// Nothing imported yet.
    Idle,
    /// A file was imported and replaced the budget.
    Loaded {
        /// The file's name.
        file: String,
    },
    /// A good file waits for the user to choose what it replaces.
    Preview(Rc<ImportPreview>),
    /// A file was refused; the budget is unchanged.
    Refused {
        /// The file's name.
        file: String,
        /// Each problem, in plain words.
        problems: Vec<String>,
    },
}

/// A scenario the user named and kept.
#[derive(Clone, Debug, PartialEq)]
pub struct NamedScenario {
    /// Stable id, for keys and actions.
    pub id: u32,
    /// The user's name for it.
    pub name: String,
    /// Its inputs.
    pub scenario: Rc<Scenario>,
}

/// A change to one line that steers the cut plan, made right next to the plan.
#[derive(Clone, Debug, PartialEq)]
pub enum LineSteer {
    /// New priority.
    Priority(Priority),
    /// Vacant or filled (positions only).
    Vacant(bool),
    /// New cut rank, or none.
    CutRank(Option<i64>),
    /// New smallest cut in FTE (positions only).
    FteStep(Decimal),
}

/// A refused edit, shown next to the field that caused it.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    /// The line id.
    pub line: String,
    /// The field name.
    pub field: &'static str,
    /// What was wrong, in plain words.
    pub message: String,
}

/// Everything the app shows, in one value.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// The open budget: its document, scenarios and settings.
    pub open: Budget,
    /// The other budgets kept in this browser, closed.
    pub others: Rc<Vec<Budget>>,
    /// Budget table options.
    pub table: TableView,
    /// The last import's outcome.
    pub import: ImportStatus,
    /// The last refused line edit.
    pub field_error: Option<FieldError>,
    /// Undo and redo steps of the open budget.
    pub history: Rc<History<Rc<Undoable>>>,
    /// Whether changes reach browser storage.
    pub storage: StorageStatus,
    /// Budget ids up to this are taken in storage, even by budgets that could not be read.
    pub reserved_ids: u32,
    /// The last refused edit from the budget editor, shown at its field.
    pub edit_error: Option<EditError>,
}

/// What undo and redo restore: the budget and its scenarios.
#[derive(Clone, Debug, PartialEq)]
pub struct Undoable {
    /// The document.
    pub doc: Rc<Document>,
    /// The named scenarios.
    pub scenarios: Rc<Vec<NamedScenario>>,
    /// The scenario in force.
    pub active: u32,
}

/// Whether autosave works, shown as a warning when it does not.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum StorageStatus {
    /// Every change is saved in this browser.
    #[default]
    Saved,
    /// Saving failed (storage full, blocked or private browsing): work stays in memory only.
    Failing(String),
    /// Saving is held back so that data this build cannot read is not overwritten.
    Held(String),
}

/// Where an import preview goes when the user accepts it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportTarget {
    /// Replace the open budget (undo brings it back).
    Replace,
    /// Keep the open budget and open the file as another one.
    NewBudget,
}

impl AppState {
    /// The state of a first visit: the built-in sample school, one unchanged scenario.
    pub fn with_sample() -> Self {
        Self::with_document(sample_document())
    }

    /// A fresh state showing `doc` with one unchanged scenario.
    pub fn with_document(doc: Document) -> Self {
        Self {
            open: Budget::new(1, doc),
            others: Rc::new(Vec::new()),
            table: TableView::default(),
            import: ImportStatus::Idle,
            field_error: None,
            history: Rc::new(History::default()),
            storage: StorageStatus::Saved,
            reserved_ids: 0,
            edit_error: None,
        }
    }

    /// The part of the state undo and redo restore.
    pub fn undoable(&self) -> Rc<Undoable> {
        Rc::new(Undoable {
            doc: self.open.doc.clone(),
            scenarios: self.open.scenarios.clone(),
            active: self.open.active,
        })
    }

    fn restore_undoable(&mut self, u: &Undoable) {
        let open = &mut self.open;
        open.doc = u.doc.clone();
        open.scenarios = u.scenarios.clone();
        open.active = if open.named(u.active).is_some() {
            u.active
        } else {
            open.scenarios.first().map_or(1, |n| n.id)
        };
        if open
            .compare_with
            .is_some_and(|id| id == open.active || open.named(id).is_none())
        {
            open.compare_with = None;
        }
        self.field_error = None;
        self.edit_error = None;
    }

    /// The open budget's scenario in force.
    pub fn scenario(&self) -> Rc<Scenario> {
        self.open.scenario()
    }

    /// The open budget's scenario in force, to change it in place.
    pub fn active_mut(&mut self) -> Option<&mut NamedScenario> {
        self.open.active_mut()
    }

    /// The open budget's named scenario with this id.
    pub fn named(&self, id: u32) -> Option<&NamedScenario> {
        self.open.named(id)
    }
}

/// Everything the user can do to the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A file was read and is good, or has good rows: show its preview before it
    /// replaces anything.
    ImportReady {
        /// The file it came from.
        file: String,
        /// The validated document (with only the good rows when some are bad).
        doc: Box<Document>,
        /// Rows of a CSV or sheet left out, with their reasons.
        bad: Vec<BadRow>,
    },
    /// Accept the previewed import: the one way an imported file replaces or adds a budget.
    /// Refused (nothing changes) when the preview has bad rows: see
    /// [`Action::ImportGoodRows`].
    ConfirmImport(ImportTarget),
    /// Accept the previewed import's good rows only, leaving its bad rows out: the user's
    /// explicit choice, never made for them.
    ImportGoodRows(ImportTarget),
    /// Drop the previewed import.
    CancelImport,
    /// An import was refused; only the message changes.
    ImportRefused {
        /// The file it came from.
        file: String,
        /// Each problem, in plain words.
        problems: Vec<String>,
    },
    /// Set or clear the budget table's source filter.
    FilterBySource(Option<String>),
    /// Turn grouping by source on or off.
    GroupBySource(bool),
    /// Replace the active scenario's inputs.
    SetScenario(Box<Scenario>),
    /// Add an unchanged scenario and switch to it.
    NewScenario,
    /// Copy a scenario and switch to the copy.
    DuplicateScenario(u32),
    /// Rename a scenario (blank names and its own name are ignored).
    RenameScenario(u32, String),
    /// Delete a scenario (the last one is kept).
    DeleteScenario(u32),
    /// Make a scenario the active one.
    SwitchScenario(u32),
    /// Compare the active scenario with another, or stop comparing.
    CompareWith(Option<u32>),
    /// Change a line's priority, vacancy, cut rank or FTE step in the budget.
    SteerLine {
        /// The line id.
        line: String,
        /// The change.
        steer: LineSteer,
    },
    /// Years in the projection (1 to 10).
    SetYears(u32),
    /// Step back one change to the budget or its scenarios.
    Undo,
    /// Step forward again.
    Redo,
    /// Open another budget kept in this browser.
    OpenBudget(u32),
    /// Add a budget copied from the sample school and open it.
    NewBudget,
    /// Rename the open budget (blank names are ignored).
    RenameBudget(String),
    /// Delete a budget; deleting the last one leaves the sample.
    DeleteBudget(u32),
    /// Replace the open budget with the sample school (undo brings it back).
    ResetToSample,
    /// Autosave reports whether it reached storage.
    Storage(StorageStatus),
    /// Change the budget from the editor; a refused edit leaves it untouched.
    Edit(Edit),
    /// Open a share link's budget as an import, then make its scenario the active one.
    OpenShared {
        /// The shared, validated document.
        doc: Box<Document>,
        /// The shared scenario.
        scenario: Box<Scenario>,
        /// Its name (blank keeps the default name).
        name: String,
        /// Where it came from, as the import status names it: "shared link" or a file.
        from: String,
    },
}

/// The undo kind of an action: changes of the same nonzero kind made close together are
/// one undo step (a slider drag); zero never merges.
fn undo_kind(action: &Action, active: u32) -> u64 {
    match action {
        Action::SetScenario(_) => 1_000 + u64::from(active),
        _ => 0,
    }
}

/// Applies a steer to a copy of the document, or says why it cannot.
fn steer_line(doc: &Document, line_id: &str, steer: &LineSteer) -> Result<Document, FieldError> {
    let field = match steer {
        LineSteer::Priority(_) => "priority",
        LineSteer::Vacant(_) => "vacant",
        LineSteer::CutRank(_) => "cut_rank",
        LineSteer::FteStep(_) => "fte_step",
    };
    let refuse = |message: String| FieldError {
        line: line_id.to_owned(),
        field,
        message,
    };
    let mut next = doc.clone();
    let line = next
        .lines
        .iter_mut()
        .find(|l| l.id == line_id)
        .ok_or_else(|| refuse(format!("there is no line `{line_id}`")))?;
    match (steer, &mut line.kind) {
        (LineSteer::Priority(p), _) => line.priority = *p,
        (LineSteer::CutRank(rank), _) => line.cut_rank = *rank,
        (LineSteer::Vacant(v), LineKind::Position(pos)) => pos.vacant = *v,
        (LineSteer::FteStep(step), LineKind::Position(pos)) => pos.fte_step = *step,
        (_, LineKind::Item { .. }) => {
            return Err(refuse("only positions have this field".to_owned()))
        }
    }
    validate(&next).map_err(|err| refuse(err.to_string()))?;
    Ok(next)
}

impl AppState {
    /// Applies one action made at `now_ms` (milliseconds since the epoch), and records
    /// the undo step when it changed the open budget's document or scenarios. An action
    /// that changes nothing returns `self`, the same `Rc`.
    pub fn apply(self: Rc<Self>, action: Action, now_ms: f64) -> Rc<Self> {
        let kind = undo_kind(&action, self.open.active);
        let records = !matches!(
            action,
            Action::Undo
                | Action::Redo
                | Action::OpenBudget(_)
                | Action::NewBudget
                | Action::DeleteBudget(_)
                | Action::OpenShared { .. }
        );
        let next = self.clone().change(action);
        // A change that opened another budget starts that budget's history afresh.
        let same_budget = next.open.id == self.open.id;
        if records
            && same_budget
            && (!Rc::ptr_eq(&next.open.doc, &self.open.doc)
                || !Rc::ptr_eq(&next.open.scenarios, &self.open.scenarios))
        {
            let mut next = (*next).clone();
            Rc::make_mut(&mut next.history).record(self.undoable(), kind, now_ms);
            return Rc::new(next);
        }
        next
    }

    /// Applies one action; [`AppState::apply`] adds the undo bookkeeping around it.
    fn change(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::ImportReady { file, doc, bad } => {
                next.import =
                    ImportStatus::Preview(Rc::new(ImportPreview::with_bad_rows(file, *doc, bad)));
            }
            Action::ConfirmImport(target) | Action::ImportGoodRows(target) => {
                let good_rows_only = matches!(action, Action::ImportGoodRows(_));
                let ImportStatus::Preview(preview) = &self.import else {
                    return self;
                };
                // A file with bad rows is imported only when the user asks for its good
                // rows by name; a plain confirm never drops rows silently.
                if !preview.bad.is_empty() && !good_rows_only {
                    return self;
                }
                let file = match preview.bad.len() {
                    0 => preview.file.clone(),
                    1 => format!("{} (good rows only; 1 row left out)", preview.file),
                    n => format!("{} (good rows only; {n} rows left out)", preview.file),
                };
                let doc = (*preview.doc).clone();
                match target {
                    ImportTarget::Replace => next.replace_document(doc),
                    ImportTarget::NewBudget => next.open_new_budget(doc),
                }
                next.import = ImportStatus::Loaded { file };
            }
            Action::CancelImport => next.import = ImportStatus::Idle,
            Action::ImportRefused { file, problems } => {
                next.import = ImportStatus::Refused { file, problems };
            }
            Action::FilterBySource(filter) => next.table.source_filter = filter,
            Action::GroupBySource(on) => next.table.group_by_source = on,
            Action::SetScenario(scenario) => {
                if let Some(named) = next.active_mut() {
                    named.scenario = Rc::new(*scenario);
                }
            }
            Action::NewScenario => {
                let open = &mut next.open;
                let id = open.next_scenario_id();
                let name = open.unused_scenario_name(&format!("Scenario {id}"));
                Rc::make_mut(&mut open.scenarios).push(NamedScenario {
                    id,
                    name,
                    scenario: Rc::new(Scenario::default()),
                });
                open.active = id;
            }
            Action::DuplicateScenario(from) => {
                let Some(source) = self.named(from) else {
                    return self;
                };
                let open = &mut next.open;
                let id = open.next_scenario_id();
                let name = open.unused_scenario_name(&format!("{} copy", source.name));
                let scenario = source.scenario.clone();
                Rc::make_mut(&mut open.scenarios).push(NamedScenario { id, name, scenario });
                open.active = id;
            }
            Action::RenameScenario(id, name) => {
                let name = name.trim();
                // Its own name (or no such scenario) changes nothing: no empty undo step.
                if name.is_empty() || self.named(id).is_none_or(|n| n.name == name) {
                    return self;
                }
                let list = Rc::make_mut(&mut next.open.scenarios);
                if let Some(named) = list.iter_mut().find(|n| n.id == id) {
                    named.name = name.to_owned();
                }
            }
            Action::DeleteScenario(id) => {
                if self.open.scenarios.len() <= 1 || self.named(id).is_none() {
                    return self;
                }
                let open = &mut next.open;
                Rc::make_mut(&mut open.scenarios).retain(|n| n.id != id);
                if open.active == id {
                    open.active = open.scenarios.first().map_or(1, |n| n.id);
                }
                if open.compare_with == Some(id) || open.compare_with == Some(open.active) {
                    open.compare_with = None;
                }
            }
            Action::SwitchScenario(id) => {
                if self.named(id).is_none() {
                    return self;
                }
                next.open.active = id;
                if next.open.compare_with == Some(id) {
                    next.open.compare_with = None;
                }
            }
            Action::CompareWith(other) => {
                next.open.compare_with =
                    other.filter(|&id| id != self.open.active && self.named(id).is_some());
            }
            Action::SteerLine { line, steer } => match steer_line(&self.open.doc, &line, &steer) {
                Ok(doc) => {
                    next.open.doc = Rc::new(doc);
                    next.field_error = None;
                }
                Err(err) => next.field_error = Some(err),
            },
            Action::Edit(edit) => match apply_edit(&self.open.doc, &edit) {
                Ok(doc) => {
                    next.open.doc = Rc::new(doc);
                    next.edit_error = None;
                }
                Err(err) => next.edit_error = Some(err),
            },
            Action::SetYears(years) => next.open.years = years.clamp(1, 10),
            Action::Undo => {
                let history = Rc::make_mut(&mut next.history);
                let Some(previous) = history.undo(self.undoable()) else {
                    return self;
                };
                next.restore_undoable(&previous);
            }
            Action::Redo => {
                let history = Rc::make_mut(&mut next.history);
                let Some(later) = history.redo(self.undoable()) else {
                    return self;
                };
                next.restore_undoable(&later);
            }
            Action::OpenBudget(id) => {
                if !next.open_budget(id) {
                    return self;
                }
            }
            Action::NewBudget => next.open_new_budget(sample_document()),
            Action::RenameBudget(label) => {
                let label = label.trim();
                if label.is_empty() {
                    return self;
                }
                next.open.label = label.to_owned();
            }
            Action::DeleteBudget(id) => {
                if !next.delete_budget(id) {
                    return self;
                }
            }
            Action::ResetToSample => next.replace_document(sample_document()),
            Action::Storage(status) => {
                if status == self.storage {
                    return self;
                }
                next.storage = status;
            }
            Action::OpenShared {
                doc,
                scenario,
                name,
                from,
            } => {
                // A shared budget opens beside the user's own, never over it.
                next.open_new_budget(*doc);
                if let Some(named) = next.active_mut() {
                    named.scenario = Rc::new(*scenario);
                    if !name.trim().is_empty() {
                        named.name = name.trim().to_owned();
                    }
                }
                next.import = ImportStatus::Loaded { file: from };
            }
        }
        Rc::new(next)
    }

    /// Puts `doc` in place of the open budget's document, with one unchanged scenario.
    fn replace_document(&mut self, doc: Document) {
        let fresh = Budget::new(self.open.id, doc);
        self.open.doc = fresh.doc;
        self.open.scenarios = fresh.scenarios;
        self.open.active = fresh.active;
        self.open.compare_with = None;
        self.field_error = None;
        self.edit_error = None;
    }
}
