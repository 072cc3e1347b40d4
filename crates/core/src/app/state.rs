//! The app state and its reducer: the view dispatches typed actions and never mutates
//! state. Plain Rust: the time of each change is passed in, never read here.

use std::rc::Rc;

use rust_decimal::Decimal;

use super::budgets::Budget;
use super::inputs::scenario_problems;
use super::saved::{Conflict, Damaged};
use crate::edit::{apply_edit, Edit, EditError};
use crate::engine::{apply_scenario, Decision, LineEdit, Scenario, DECISIONS_MAX};
use crate::history::History;
use crate::io::line_rows::BadRow;
use crate::io::sample::sample_document;
use crate::model::validate;
use crate::model::{Document, LineKind, Priority};
use crate::util::i18n::{tr, tr1, trf};
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
    /// Stored records that could not be read: listed and kept untouched until removed.
    pub damaged: Rc<Vec<Damaged>>,
    /// Budgets changed both here and in another tab, waiting for the user's choice.
    pub conflicts: Rc<Vec<Conflict>>,
    /// A shared budget that is already in this browser, waiting for the user to keep
    /// both or replace theirs.
    pub shared_offer: Option<Rc<SharedOffer>>,
}

/// A shared budget that matches one already kept here (same school and fiscal year).
#[derive(Clone, Debug, PartialEq)]
pub struct SharedOffer {
    /// The shared, validated document.
    pub doc: Document,
    /// The scenario to open, its name, then the link's other scenarios.
    pub scenarios: Vec<(Scenario, String)>,
    /// Where it came from, as the import status names it.
    pub from: String,
    /// The id of the budget already here.
    pub existing: u32,
    /// That budget's label, as the list shows it.
    pub existing_label: String,
}

/// What to do with a shared budget that is already here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SharedChoice {
    /// Open the shared copy beside the one here (named "… (2)").
    KeepBoth,
    /// Put the shared copy in place of the one here (undo brings it back).
    Replace,
    /// Open nothing.
    Cancel,
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
    /// A change waits to be written.
    Pending,
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
            damaged: Rc::default(),
            conflicts: Rc::default(),
            shared_offer: None,
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
    /// Record a meeting's decision in the active scenario (`index`: `None` adds it at the
    /// end, `Some(i)` replaces decision `i`); a decision [`Decision::checked`] refuses
    /// changes nothing.
    SetDecision {
        /// Which decision to replace, or `None` to add one.
        index: Option<usize>,
        /// The decision.
        decision: Decision,
    },
    /// Remove the active scenario's decision at this index.
    RemoveDecision(usize),
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
    /// Change a line's priority, vacancy, cut rank or FTE step in the active scenario
    /// (a line edit of the scenario; the budget itself stays as it is).
    SteerLine {
        /// The line id.
        line: String,
        /// The change.
        steer: LineSteer,
    },
    /// Apply the active scenario's line edits to the budget and clear them from it.
    ApplyLineEdits,
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
    /// Remove a damaged record (already confirmed) by its key: its records are deleted.
    RemoveDamaged(String),
    /// Take the version another tab saved of this budget, dropping this tab's changes.
    UseTheirs(u32),
    /// Keep this tab's version of this budget: the next save replaces the other tab's.
    KeepMine(u32),
    /// The records as another tab left them. The shell merges them with its saver
    /// ([`super::saved::merge`]); `apply` alone, having no saver, leaves the state as it is.
    FromStore(Rc<std::collections::BTreeMap<String, String>>),
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
        /// The link's other scenarios and their names (links of every scenario).
        others: Vec<(Scenario, String)>,
    },
    /// Answer the question a shared copy of a budget already here asks.
    ResolveShared(SharedChoice),
}

/// The undo kind of an action: changes of the same nonzero kind made close together are
/// one undo step (a slider drag); zero never merges.
fn undo_kind(action: &Action, active: u32) -> u64 {
    match action {
        Action::SetScenario(_) => 1_000 + u64::from(active),
        _ => 0,
    }
}

/// The field a steer changes, as a refusal names it.
fn steer_field(steer: &LineSteer) -> &'static str {
    match steer {
        LineSteer::Priority(_) => "priority",
        LineSteer::Vacant(_) => "vacant",
        LineSteer::CutRank(_) => "cut_rank",
        LineSteer::FteStep(_) => "fte_step",
    }
}

/// The scenario with a steer written as its line edit of `line_id`, or why it cannot be.
/// The line is taken as the scenario has it (its earlier edit, else the budget's); an
/// edit that brings the line back to the budget's is dropped.
fn steer_scenario(
    doc: &Document,
    scenario: &Scenario,
    line_id: &str,
    steer: &LineSteer,
) -> Result<Scenario, FieldError> {
    let field = steer_field(steer);
    let refuse = |message: String| FieldError {
        line: line_id.to_owned(),
        field,
        message,
    };
    let mut edited = with_line_edits(doc, &scenario.line_edits);
    let line = edited
        .lines
        .iter_mut()
        .find(|l| l.id == line_id)
        .ok_or_else(|| refuse(tr1("there is no line `{id}`", "id", &line_id)))?;
    match (steer, &mut line.kind) {
        (LineSteer::Priority(p), _) => line.priority = *p,
        (LineSteer::CutRank(rank), _) => line.cut_rank = *rank,
        (LineSteer::Vacant(v), LineKind::Position(pos)) => pos.vacant = *v,
        (LineSteer::FteStep(step), LineKind::Position(pos)) => pos.fte_step = *step,
        (_, LineKind::Item { .. }) => return Err(refuse(tr("only positions have this field"))),
    }
    let new_line = line.clone();
    validate(&edited).map_err(|err| refuse(err.to_string()))?;
    let mut next = scenario.clone();
    let edits = &mut next.line_edits;
    // A line the scenario adds keeps being added, with the new fields.
    if let Some(LineEdit::Add(added)) = edits
        .iter_mut()
        .find(|e| matches!(e, LineEdit::Add(l) if l.id == line_id))
    {
        *added = new_line;
        return Ok(next);
    }
    let same_as_budget = doc.lines.contains(&new_line);
    let at = edits
        .iter()
        .position(|e| matches!(e, LineEdit::Replace(l) if l.id == line_id));
    match (at, same_as_budget) {
        (Some(i), true) => {
            edits.remove(i);
        }
        (Some(i), false) => {
            if let Some(slot) = edits.get_mut(i) {
                *slot = LineEdit::Replace(new_line);
            }
        }
        (None, true) => {}
        (None, false) => edits.push(LineEdit::Replace(new_line)),
    }
    Ok(next)
}

/// The document with a scenario's line edits applied, leniently: an edit of a line that
/// is no longer there is passed over (the engine reports it when the scenario is computed).
pub fn with_line_edits(doc: &Document, edits: &[LineEdit]) -> Document {
    let mut out = doc.clone();
    for edit in edits {
        match edit {
            LineEdit::Replace(line) => {
                if let Some(slot) = out.lines.iter_mut().find(|l| l.id == line.id) {
                    *slot = line.clone();
                }
            }
            LineEdit::Add(line) => {
                if !out.lines.iter().any(|l| l.id == line.id) {
                    out.lines.push(line.clone());
                }
            }
            LineEdit::Remove(id) => out.lines.retain(|l| &l.id != id),
        }
    }
    out
}

/// The ids of the lines a scenario edits, adds or removes, as "in this scenario" marks them.
pub fn edited_line_ids(scenario: &Scenario) -> Vec<String> {
    scenario
        .line_edits
        .iter()
        .map(|e| match e {
            LineEdit::Replace(l) | LineEdit::Add(l) => l.id.clone(),
            LineEdit::Remove(id) => id.clone(),
        })
        .collect()
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
                | Action::ResolveShared(_)
        );
        let mut next = self.clone().change(action);
        // The status says *pending* in the same render as the change, never a stale
        // "Saved" beside work that is not written yet.
        if next.storage == StorageStatus::Saved && next.saved() != self.saved() {
            Rc::make_mut(&mut next).storage = StorageStatus::Pending;
        }
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
                    1 => tr1(
                        "{file} (good rows only; 1 row left out)",
                        "file",
                        &preview.file,
                    ),
                    n => trf(
                        "{file} (good rows only; {n} rows left out)",
                        &[("file", &preview.file), ("n", &n)],
                    ),
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
                // Nothing out of bounds is kept: a scenario may only carry the problems
                // it already had (a stored one), never a new one.
                let had = scenario_problems(&self.scenario());
                if scenario_problems(&scenario)
                    .iter()
                    .any(|p| !had.contains(p))
                {
                    return self;
                }
                // Decisions change only through their own actions: a reset to the budget
                // or a slider move keeps what the meeting decided.
                let mut scenario = *scenario;
                scenario.decisions = self.scenario().decisions.clone();
                if let Some(named) = next.active_mut() {
                    named.scenario = Rc::new(scenario);
                }
            }
            Action::SetDecision { index, decision } => {
                let Ok(decision) = decision.checked() else {
                    return self;
                };
                let Some(named) = next.active_mut() else {
                    return self;
                };
                let list = &mut Rc::make_mut(&mut named.scenario).decisions;
                match index {
                    None if list.len() < DECISIONS_MAX => list.push(decision),
                    Some(i) if list.get(i).is_some_and(|d| *d != decision) => {
                        if let Some(slot) = list.get_mut(i) {
                            *slot = decision;
                        }
                    }
                    _ => return self,
                }
            }
            Action::RemoveDecision(index) => {
                let Some(named) = next.active_mut() else {
                    return self;
                };
                if index >= named.scenario.decisions.len() {
                    return self;
                }
                Rc::make_mut(&mut named.scenario).decisions.remove(index);
            }
            Action::NewScenario => {
                let open = &mut next.open;
                let id = open.next_scenario_id();
                let name = open.unused_scenario_name(&tr1("Scenario {id}", "id", &id));
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
                let name = open.unused_scenario_name(&tr1("{name} copy", "name", &source.name));
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
            Action::SteerLine { line, steer } => {
                match steer_scenario(&self.open.doc, &self.scenario(), &line, &steer) {
                    Ok(scenario) => {
                        next.field_error = None;
                        if scenario != *self.scenario() {
                            if let Some(named) = next.active_mut() {
                                named.scenario = Rc::new(scenario);
                            }
                        }
                    }
                    Err(err) => next.field_error = Some(err),
                }
            }
            Action::ApplyLineEdits => {
                let scenario = self.scenario();
                if scenario.line_edits.is_empty() {
                    return self;
                }
                // Strictly: an edit of a line no longer in the budget is refused, not dropped.
                let mut doc = (*self.open.doc).clone();
                let applied = apply_scenario(
                    &doc,
                    &Scenario {
                        line_edits: scenario.line_edits.clone(),
                        ..Scenario::default()
                    },
                )
                .map_err(|e| e.to_string())
                .and_then(|d| validate(&d).map(|()| d).map_err(|e| e.to_string()));
                match applied {
                    Ok(d) => doc = d,
                    Err(message) => {
                        next.field_error = Some(FieldError {
                            line: String::new(),
                            field: "line_edits",
                            message,
                        });
                        return Rc::new(next);
                    }
                }
                next.open.doc = Rc::new(doc);
                next.field_error = None;
                if let Some(named) = next.active_mut() {
                    let mut s = (*named.scenario).clone();
                    s.line_edits.clear();
                    named.scenario = Rc::new(s);
                }
            }
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
            Action::RemoveDamaged(key) => {
                if self.damaged.iter().all(|d| d.key != key) {
                    return self;
                }
                Rc::make_mut(&mut next.damaged).retain(|d| d.key != key);
            }
            Action::UseTheirs(id) => {
                let Some(c) = self.conflicts.iter().find(|c| c.id == id) else {
                    return self;
                };
                let theirs = (*c.theirs).clone();
                Rc::make_mut(&mut next.conflicts).retain(|c| c.id != id);
                if next.open.id == id {
                    next.show_budget(theirs);
                } else if let Some(slot) = Rc::make_mut(&mut next.others)
                    .iter_mut()
                    .find(|b| b.id == id)
                {
                    *slot = theirs;
                }
            }
            Action::FromStore(_) => return self,
            Action::KeepMine(id) => {
                if self.conflicts.iter().all(|c| c.id != id) {
                    return self;
                }
                Rc::make_mut(&mut next.conflicts).retain(|c| c.id != id);
            }
            Action::OpenShared {
                doc,
                scenario,
                name,
                from,
                others,
            } => {
                let mut scenarios = vec![(*scenario, name)];
                scenarios.extend(others);
                // A copy of a budget already here asks before it opens: keep both or replace.
                let same = |b: &Budget| {
                    b.doc.school.name == doc.school.name
                        && b.doc.school.fiscal_year == doc.school.fiscal_year
                };
                if let Some(existing) = self.all_budgets().find(|b| same(b)) {
                    next.shared_offer = Some(Rc::new(SharedOffer {
                        doc: *doc,
                        scenarios,
                        from,
                        existing: existing.id,
                        existing_label: existing.label.clone(),
                    }));
                    return Rc::new(next);
                }
                // A shared budget opens beside the user's own, never over it.
                next.open_new_budget(*doc);
                next.set_shared_scenarios(scenarios);
                next.import = ImportStatus::Loaded { file: from };
            }
            Action::ResolveShared(choice) => {
                let Some(offer) = self.shared_offer.clone() else {
                    return self;
                };
                next.shared_offer = None;
                match choice {
                    SharedChoice::Cancel => {}
                    SharedChoice::KeepBoth => {
                        next.open_new_budget(offer.doc.clone());
                        next.set_shared_scenarios(offer.scenarios.clone());
                        next.import = ImportStatus::Loaded {
                            file: offer.from.clone(),
                        };
                    }
                    SharedChoice::Replace => {
                        next.open_budget(offer.existing);
                        if next.open.id != offer.existing {
                            return Rc::new(next);
                        }
                        // One undo step brings back the budget as it was here.
                        let before = next.undoable();
                        next.replace_document(offer.doc.clone());
                        next.set_shared_scenarios(offer.scenarios.clone());
                        Rc::make_mut(&mut next.history).record(before, 0, 0.0);
                        next.import = ImportStatus::Loaded {
                            file: offer.from.clone(),
                        };
                    }
                }
            }
        }
        Rc::new(next)
    }

    /// Gives the open budget these scenarios (the first active), each named as shared
    /// (a blank name keeps the default, a repeated one gets "(2)").
    fn set_shared_scenarios(&mut self, scenarios: Vec<(Scenario, String)>) {
        let mut list = scenarios.into_iter();
        if let Some((scenario, name)) = list.next() {
            if let Some(named) = self.active_mut() {
                named.scenario = Rc::new(scenario);
                if !name.trim().is_empty() {
                    named.name = name.trim().to_owned();
                }
            }
        }
        for (scenario, name) in list {
            let open = &mut self.open;
            let id = open.next_scenario_id();
            let base = match name.trim() {
                "" => tr1("Scenario {id}", "id", &id),
                n => n.to_owned(),
            };
            let name = open.unused_scenario_name(&base);
            Rc::make_mut(&mut open.scenarios).push(NamedScenario {
                id,
                name,
                scenario: Rc::new(scenario),
            });
        }
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
