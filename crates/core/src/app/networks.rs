//! A network of schools kept in the browser: its schools and network scenario, what
//! the user can do to it (with undo and redo), and its record text.
//!
//! Pure state, like [`crate::app::budgets`]: no clock (the time comes in), no storage.
//! A network's record is its `sitebudget-network/1` file with the budgets inline and
//! the optional `"scenario"` field; it is stored under [`network_key`].

use std::rc::Rc;

use rust_decimal::Decimal;

use crate::engine::{NetworkRows, NetworkScenario};
use crate::format;
use crate::history::History;
use crate::io::network::{network_text, read_network_record, NetworkRow, SchoolOut};
use crate::model::{BadBudget, Document, NetworkFile, SchoolEntry};
use crate::util::i18n::{tr, tr1, trf, trn};

/// The storage key of a network's record.
pub fn network_key(id: u32) -> String {
    format!("network:{id}")
}

/// The network id a storage key names, if it is a network's key.
pub fn network_of_key(key: &str) -> Option<u32> {
    key.strip_prefix("network:")?.parse().ok()
}

/// One school of a network.
#[derive(Clone, Debug, PartialEq)]
pub enum NetworkSchool {
    /// A budget, read and valid.
    Budget(Rc<Document>),
    /// A budget file to load from this path (resolved against the network file), with
    /// why it could not be loaded when a load failed.
    Src {
        /// The path as the network file gives it.
        src: String,
        /// Why loading failed, in plain words; none while not (yet) tried.
        problem: Option<String>,
    },
    /// An entry that did not read, kept as its own JSON text so nothing is lost.
    Bad(BadBudget),
    /// A budget file on its way (the page is fetching this path): no figures yet, left out
    /// of the totals, and kept as its `src` in a record or export.
    Loading {
        /// The path as the network file gives it.
        src: String,
    },
}

/// A school's budget file as it arrived: its position when it was asked for, its path,
/// and its budget or why it has none (in plain words).
#[derive(Clone, Debug, PartialEq)]
pub struct Arrival {
    /// The school's position in the file when loading began.
    pub index: usize,
    /// The path as the network file gives it.
    pub src: String,
    /// The budget read, or why not.
    pub result: Result<Rc<Document>, String>,
}

impl Arrival {
    /// The school this arrival makes.
    fn school(&self) -> NetworkSchool {
        match &self.result {
            Ok(doc) => NetworkSchool::Budget(doc.clone()),
            Err(problem) => NetworkSchool::Src {
                src: self.src.clone(),
                problem: Some(problem.clone()),
            },
        }
    }
}

/// A network's schools, shared between its states.
type Schools = Rc<Vec<NetworkSchool>>;

/// Puts each arrival in its school's place: the position it was asked for when that school
/// is still coming from the same path, else the first school still coming from it (a
/// school removed meanwhile moved the others up); an arrival with no place is dropped.
/// Returns whether anything changed (the list is copied only then).
fn place(schools: &mut Schools, arrivals: &[Arrival]) -> bool {
    let coming =
        |s: &NetworkSchool, from: &str| matches!(s, NetworkSchool::Loading { src } if src == from);
    let mut changed = false;
    for a in arrivals {
        let at = match schools.get(a.index) {
            Some(s) if coming(s, &a.src) => Some(a.index),
            _ => schools.iter().position(|s| coming(s, &a.src)),
        };
        if let Some(slot) = at.and_then(|at| Rc::make_mut(schools).get_mut(at)) {
            *slot = a.school();
            changed = true;
        }
    }
    changed
}

impl NetworkSchool {
    /// The budget, when this school has one.
    pub fn doc(&self) -> Option<&Rc<Document>> {
        match self {
            NetworkSchool::Budget(d) => Some(d),
            _ => None,
        }
    }

    /// Why this school has no figures, in plain words (none for a budget).
    pub fn problem(&self) -> Option<String> {
        match self {
            NetworkSchool::Budget(_) => None,
            NetworkSchool::Loading { .. } => {
                Some(tr("This school's budget file is still loading."))
            }
            NetworkSchool::Src { src, problem } => Some(problem.clone().unwrap_or_else(|| {
                tr1("The budget file {src} has not been loaded yet.", "src", src)
            })),
            NetworkSchool::Bad(b) => Some(b.problems.join(" ")),
        }
    }

    /// Whether this school's budget file is still on its way.
    pub fn is_loading(&self) -> bool {
        matches!(self, NetworkSchool::Loading { .. })
    }

    /// The name a row shows: the school's, or for one without a budget its `src` or
    /// "School <n>" (`n` from 1).
    pub fn name(&self, i: usize) -> String {
        match self {
            NetworkSchool::Budget(d) => d.school.name.clone(),
            NetworkSchool::Src { src, .. } | NetworkSchool::Loading { src } => src.clone(),
            NetworkSchool::Bad(_) => tr1("School {n}", "n", &i.saturating_add(1)),
        }
    }
}

/// Each school's row name, in file order ([`NetworkSchool::name`]).
pub fn school_names(schools: &[NetworkSchool]) -> Vec<String> {
    schools.iter().enumerate().map(|(i, s)| s.name(i)).collect()
}

/// A network: its name, schools in file order, and its scenario.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Network {
    /// The user's name for it.
    pub name: String,
    /// The schools, in file order (the rows' `network-school-<i>` order).
    pub schools: Rc<Vec<NetworkSchool>>,
    /// The network-wide change and the per-school overrides.
    pub scenario: Rc<NetworkScenario>,
}

impl Network {
    /// A network as a file gives it (with no change yet).
    pub fn from_file(file: NetworkFile) -> Network {
        let schools = file
            .schools
            .into_iter()
            .map(|e| match e {
                SchoolEntry::Src(src) => NetworkSchool::Src { src, problem: None },
                SchoolEntry::Inline(Ok(doc)) => NetworkSchool::Budget(Rc::new(doc)),
                SchoolEntry::Inline(Err(bad)) => NetworkSchool::Bad(bad),
            })
            .collect();
        Network {
            name: file.name,
            schools: Rc::new(schools),
            scenario: Rc::default(),
        }
    }

    /// A network of saved budgets.
    pub fn of_budgets(name: &str, docs: &[Rc<Document>]) -> Network {
        Network {
            name: name.to_owned(),
            schools: Rc::new(docs.iter().cloned().map(NetworkSchool::Budget).collect()),
            scenario: Rc::default(),
        }
    }

    /// The record for the browser store: the network file with budgets inline, `src`
    /// paths and unread entries kept, and the scenario.
    pub fn record(&self) -> String {
        let out: Vec<SchoolOut<'_>> = self.schools.iter().map(school_out).collect();
        network_text(&self.name, &out, Some(&self.scenario))
    }

    /// The network file to export: as the record, without the scenario.
    pub fn export(&self) -> String {
        let out: Vec<SchoolOut<'_>> = self.schools.iter().map(school_out).collect();
        network_text(&self.name, &out, None)
    }

    /// A network read back from its record, with any problem of its scenario in plain
    /// words; the whole record is refused only when it is not a network file.
    pub fn from_record(text: &str) -> Result<(Network, Vec<String>), Vec<String>> {
        let (file, scenario, problems) = read_network_record(text)?;
        let mut network = Network::from_file(file);
        network.scenario = Rc::new(scenario);
        Ok((network, problems))
    }
}

impl Network {
    /// Marks every `src` school not yet tried as coming and returns them (position, path)
    /// for the page to fetch.
    pub fn start_loading(&mut self) -> Vec<(usize, String)> {
        let todo: Vec<(usize, String)> = self
            .schools
            .iter()
            .enumerate()
            .filter_map(|(i, s)| match s {
                NetworkSchool::Src { src, problem: None } => Some((i, src.clone())),
                _ => None,
            })
            .collect();
        if !todo.is_empty() {
            let schools = Rc::make_mut(&mut self.schools);
            for (i, src) in &todo {
                if let Some(slot) = schools.get_mut(*i) {
                    *slot = NetworkSchool::Loading { src: src.clone() };
                }
            }
        }
        todo
    }

    /// How many schools are still coming.
    pub fn waiting(&self) -> usize {
        self.schools.iter().filter(|s| s.is_loading()).count()
    }

    /// Each school's budget in file order, `None` for one without (for [`NetworkRows::update`]).
    pub fn docs(&self) -> Vec<Option<Rc<Document>>> {
        self.schools.iter().map(|s| s.doc().cloned()).collect()
    }

    /// The table's rows for the CSV and XLSX exports, in file order: each school's name,
    /// change and figures, or why it has none, in plain words.
    pub fn table_rows(&self, rows: &NetworkRows) -> Vec<NetworkRow> {
        self.schools
            .iter()
            .enumerate()
            .map(|(i, s)| NetworkRow {
                school: s.name(i),
                change: self.scenario.change_for(i),
                row: match (s.problem(), rows.get(i)) {
                    (Some(problem), _) => Err(problem),
                    (None, Some(Ok(row))) => Ok(row.clone()),
                    (None, Some(Err(e))) => {
                        Err(tr1("This school cannot be computed: {e}.", "e", e))
                    }
                    (None, None) => Err(tr("This school has not been computed yet.")),
                },
            })
            .collect()
    }

    /// The exports' title: the network's name and its change, in words.
    pub fn table_title(&self) -> String {
        let own = self.scenario.overridden().count();
        let change = format::percent(self.scenario.change);
        let name = if self.name.is_empty() {
            tr("Network")
        } else {
            self.name.clone()
        };
        let args: [(&str, &dyn std::fmt::Display); 2] = [("name", &name), ("change", &change)];
        if own == 0 {
            return trf("{name}: enrollment change {change} for every school", &args);
        }
        trn(
            "{name}: enrollment change {change}, 1 school with its own change",
            "{name}: enrollment change {change}, {n} schools with their own change",
            own as u64,
            &args,
        )
    }
}

fn school_out(s: &NetworkSchool) -> SchoolOut<'_> {
    match s {
        NetworkSchool::Budget(d) => SchoolOut::Budget(d),
        NetworkSchool::Src { src, .. } | NetworkSchool::Loading { src } => SchoolOut::Src(src),
        NetworkSchool::Bad(b) => SchoolOut::Kept(&b.json),
    }
}

/// What the user (or the page, for loads) can do to an open network.
#[derive(Clone, Debug, PartialEq)]
pub enum NetworkAction {
    /// Renames the network (a blank name is refused).
    Rename(String),
    /// Adds saved budgets as schools, at the end.
    AddSchools(Vec<Rc<Document>>),
    /// Removes the school at this position (its own change goes with it).
    RemoveSchool(usize),
    /// Puts an edited budget in place of school `i` (edits made in the workspace,
    /// carried back to the network); a school without a budget takes it too.
    ReplaceSchool(usize, Rc<Document>),
    /// Sets the network-wide enrollment change (a fraction in −1…1).
    SetChange(Decimal),
    /// Sets or clears one school's own change (a fraction in −1…1).
    SetOverride(usize, Option<Decimal>),
    /// The page loaded (or failed to load) a `src` school: not an undo step.
    Loaded(usize, Result<Rc<Document>, String>),
    /// Budget files that arrived, in one batch (one copy of the list, not one a school):
    /// not an undo step, and the undo steps take them too, so undoing while a district
    /// loads never brings back a school as still coming.
    Arrived(Vec<Arrival>),
    /// Steps back.
    Undo,
    /// Steps forward again.
    Redo,
}

/// An open network with its undo history.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct NetworkState {
    /// The network as it is now.
    pub network: Network,
    /// Earlier and later states.
    pub history: Rc<History<Network>>,
}

/// Undo kinds: changes of the same kind close together are one step.
const KIND_CHANGE: u64 = 1;
const KIND_RENAME: u64 = 2;
/// Overrides: one kind per school, from here up.
const KIND_OVERRIDE: u64 = 1000;
/// A school's edits carried back: one kind per school, from here up (a burst is one step).
const KIND_REPLACE: u64 = 1 << 32;

/// Whether a change lies within SPEC's bounds for an enrollment change (−100%…+100%).
pub fn change_in_bounds(change: Decimal) -> bool {
    change >= Decimal::NEGATIVE_ONE && change <= Decimal::ONE
}

impl NetworkState {
    /// A network opened afresh (no history).
    pub fn new(network: Network) -> NetworkState {
        NetworkState {
            network,
            history: Rc::default(),
        }
    }

    /// Applies one action made at `now_ms`; an action that changes nothing returns
    /// `self`, the same `Rc`. Every change but a load is an undo step.
    pub fn apply(self: Rc<Self>, action: NetworkAction, now_ms: f64) -> Rc<Self> {
        let kind = match &action {
            NetworkAction::SetChange(_) => KIND_CHANGE,
            NetworkAction::Rename(_) => KIND_RENAME,
            NetworkAction::SetOverride(i, _) => KIND_OVERRIDE.saturating_add(*i as u64),
            NetworkAction::ReplaceSchool(i, _) => KIND_REPLACE.saturating_add(*i as u64),
            _ => 0,
        };
        let now = &self.network;
        let mut next = now.clone();
        match action {
            NetworkAction::Undo | NetworkAction::Redo => {
                let mut history = (*self.history).clone();
                let step = if action == NetworkAction::Undo {
                    history.undo(now.clone())
                } else {
                    history.redo(now.clone())
                };
                let Some(network) = step else {
                    return self;
                };
                return Rc::new(NetworkState {
                    network,
                    history: Rc::new(history),
                });
            }
            NetworkAction::Arrived(arrivals) => {
                if !place(&mut next.schools, &arrivals) {
                    return self;
                }
                let mut history = self.history.clone();
                if history.undo_steps() > 0 || history.redo_steps() > 0 {
                    // Steps share their lists: each distinct list is placed into once.
                    let mut placed: Vec<(Schools, Schools)> = Vec::new();
                    Rc::make_mut(&mut history).for_each_mut(|n| {
                        if let Some((_, new)) =
                            placed.iter().find(|(old, _)| Rc::ptr_eq(old, &n.schools))
                        {
                            n.schools = new.clone();
                            return;
                        }
                        let old = n.schools.clone();
                        place(&mut n.schools, &arrivals);
                        placed.push((old, n.schools.clone()));
                    });
                }
                return Rc::new(NetworkState {
                    network: next,
                    history,
                });
            }
            NetworkAction::Loaded(i, result) => {
                let (Some(NetworkSchool::Src { src, .. }) | Some(NetworkSchool::Loading { src })) =
                    now.schools.get(i)
                else {
                    return self;
                };
                let loaded = match result {
                    Ok(doc) => NetworkSchool::Budget(doc),
                    Err(problem) => NetworkSchool::Src {
                        src: src.clone(),
                        problem: Some(problem),
                    },
                };
                if let Some(slot) = Rc::make_mut(&mut next.schools).get_mut(i) {
                    *slot = loaded;
                }
                if next == *now {
                    return self;
                }
                // A load is not the user's doing: the history keeps its steps as they are.
                return Rc::new(NetworkState {
                    network: next,
                    history: self.history.clone(),
                });
            }
            NetworkAction::Rename(name) => {
                let name = name.trim();
                if name.is_empty() || name == now.name {
                    return self;
                }
                next.name = name.to_owned();
            }
            NetworkAction::AddSchools(docs) => {
                if docs.is_empty() {
                    return self;
                }
                Rc::make_mut(&mut next.schools).extend(docs.into_iter().map(NetworkSchool::Budget));
            }
            NetworkAction::RemoveSchool(i) => {
                if i >= now.schools.len() {
                    return self;
                }
                Rc::make_mut(&mut next.schools).remove(i);
                let scenario = Rc::make_mut(&mut next.scenario);
                if i < scenario.overrides.len() {
                    scenario.overrides.remove(i);
                }
                // Keep the overrides canonical (no trailing empties).
                let last = scenario.overrides.len();
                if last > 0 {
                    let keep = scenario.overrides.get(last - 1).copied().flatten();
                    scenario.set_override(last - 1, keep);
                }
            }
            NetworkAction::ReplaceSchool(i, doc) => {
                let Some(slot) = Rc::make_mut(&mut next.schools).get_mut(i) else {
                    return self;
                };
                if slot
                    .doc()
                    .is_some_and(|d| Rc::ptr_eq(d, &doc) || **d == *doc)
                {
                    return self;
                }
                *slot = NetworkSchool::Budget(doc);
            }
            NetworkAction::SetChange(change) => {
                if !change_in_bounds(change) || change == now.scenario.change {
                    return self;
                }
                Rc::make_mut(&mut next.scenario).change = change;
            }
            NetworkAction::SetOverride(i, change) => {
                if i >= now.schools.len() || change.is_some_and(|c| !change_in_bounds(c)) {
                    return self;
                }
                Rc::make_mut(&mut next.scenario).set_override(i, change);
                if next.scenario == now.scenario {
                    return self;
                }
            }
        }
        let mut history = (*self.history).clone();
        history.record(now.clone(), kind, now_ms);
        Rc::new(NetworkState {
            network: next,
            history: Rc::new(history),
        })
    }
}
