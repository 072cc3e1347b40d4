//! "Networks" in the app: the networks saved in this browser (each under `network:<id>`,
//! the core's record text), a network opened by address (`?network=`), from a file
//! (picked or dropped) or made from saved budgets; the open network's page with undo and
//! redo of its edits; and a school opened in the workspace with the way back.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use sitebudget_core::app::networks::{
    network_key, network_of_key, Arrival, Network, NetworkAction, NetworkState,
};
use sitebudget_core::app::saved::journal_key_of;
use sitebudget_core::app::Plan;
use sitebudget_core::io::network::read_network;
use sitebudget_core::io::store::fingerprint;
use sitebudget_core::model::Document;
use sitebudget_core::util::by_ptr::ByPtr;
use sitebudget_core::util::i18n::{tr, trf};

use super::load::{begin, fetch_network, fetch_schools};
use super::page::{NetView, NetworkPage};
use super::school::SchoolView;
use crate::ui::embed::LoadError;
use crate::ui::persist::{self, Backend};

/// Quiet time before an open saved network is written, so a slider drag writes once.
const SAVE_DELAY_MS: u32 = 400;

/// A budget saved in this browser, offered for a network.
#[derive(Clone, Debug, PartialEq)]
pub struct BudgetChoice {
    /// Its id in the budget list.
    pub id: u32,
    /// Its name.
    pub label: String,
    /// Its document.
    pub doc: Rc<Document>,
}

/// A network saved in this browser, as listed.
#[derive(Clone, Debug, PartialEq)]
struct SavedNet {
    id: u32,
    name: String,
    /// The network, or why its record cannot be read (then it is kept untouched).
    network: Result<Network, String>,
}

/// The open network: its saved id (none until saved) and its state with history.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct OpenNet {
    /// Where it is saved, if it is.
    pub id: Option<u32>,
    /// The network and its undo history.
    pub state: Option<Rc<NetworkState>>,
    /// The load that fills its schools still coming (0: none): arrivals of another
    /// network's load are dropped.
    pub load: u32,
}

/// What changes the open network.
pub enum OpenAction {
    /// Show `network` (saved under `id`, if it is), with a fresh history, its schools still
    /// coming filled by load number `load` (0: none).
    Show(Option<u32>, Network, u32),
    /// Budget files of load number `load` arrived.
    Arrived(u32, Vec<Arrival>),
    /// One edit, at this time.
    Act(NetworkAction, f64),
    /// It is now saved under this id.
    SavedAs(u32),
    /// Nothing open.
    Close,
}

impl Reducible for OpenNet {
    type Action = OpenAction;

    fn reduce(self: Rc<Self>, action: OpenAction) -> Rc<Self> {
        match action {
            OpenAction::Show(id, network, load) => Rc::new(OpenNet {
                id,
                state: Some(Rc::new(NetworkState::new(network))),
                load,
            }),
            OpenAction::Arrived(load, arrivals) if load == self.load => {
                self.reduce(OpenAction::Act(NetworkAction::Arrived(arrivals), 0.0))
            }
            OpenAction::Arrived(..) => self,
            OpenAction::Act(action, now) => {
                let Some(state) = self.state.clone() else {
                    return self;
                };
                let next = state.clone().apply(action, now);
                if Rc::ptr_eq(&next, &state) {
                    return self;
                }
                Rc::new(OpenNet {
                    id: self.id,
                    state: Some(next),
                    load: self.load,
                })
            }
            OpenAction::SavedAs(id) => Rc::new(OpenNet {
                id: Some(id),
                state: self.state.clone(),
                load: self.load,
            }),
            OpenAction::Close => Rc::new(OpenNet::default()),
        }
    }
}

/// Props of [`NetworksView`].
#[derive(Properties, PartialEq)]
pub struct NetworksViewProps {
    /// The budgets saved in this browser, for "Add to network".
    pub budgets: Rc<Vec<BudgetChoice>>,
    /// Where networks are saved; in memory only when `None`.
    #[prop_or_default]
    pub backend: Option<ByPtr<Backend>>,
    /// A network to open by address (`?network=`).
    #[prop_or_default]
    pub src: Option<AttrValue>,
    /// A network file picked or dropped elsewhere in the app: its name and text.
    #[prop_or_default]
    pub incoming: Option<Rc<(String, String)>>,
}

/// Where loading a network by address or file stands (the embed's too).
#[derive(Clone, Debug, PartialEq)]
pub enum Loading {
    /// Nothing is being read.
    Idle,
    /// Being read: what the page says meanwhile.
    Busy(String),
    /// It cannot be shown: why.
    Failed(LoadError),
}

/// Reads a network file's text (from a picked or dropped file): the network to show and
/// its `src` schools to fetch relative to this site.
fn open_text(name: &str, text: &str) -> Result<(Network, Vec<(usize, String)>), LoadError> {
    let file = read_network(text).map_err(|problems| LoadError {
        headline: trf(
            "{file} is not a network SiteBudget can read:",
            &[("file", &name)],
        ),
        problems,
    })?;
    Ok(begin(file))
}

/// Shows a network read from its file as soon as its first schools are on their way, and
/// fetches its schools still coming (relative to `path`) under a new load number, their
/// arrivals in batches.
pub fn show_loading(
    open: &UseReducerDispatcher<OpenNet>,
    loads: &Rc<std::cell::RefCell<u32>>,
    note: Option<UseStateHandle<Loading>>,
    path: &str,
    (network, todo): (Network, Vec<(usize, String)>),
) {
    let load = loads.borrow().wrapping_add(1).max(1);
    *loads.borrow_mut() = load;
    let show = {
        let open = open.clone();
        Box::new(move || {
            open.dispatch(OpenAction::Show(None, network, load));
            // The loading note stays until the page takes its place.
            if let Some(note) = note {
                note.set(Loading::Idle);
            }
        })
    };
    let open = open.clone();
    fetch_schools(
        path,
        todo,
        show,
        Callback::from(move |batch| open.dispatch(OpenAction::Arrived(load, batch))),
    );
}

/// The open saved network's writes: the one waiting for its quiet time, and what each
/// record held as this tab last read or wrote it (for the journal page-hide leaves).
#[derive(Default)]
struct NetWrites {
    /// The newest change not yet known written: the network and its id.
    latest: Option<(u32, Network)>,
    /// Each record's fingerprint as last read or written here, by network id.
    seen: Vec<(u32, u64)>,
}

impl NetWrites {
    fn seen(&self, id: u32) -> Option<u64> {
        self.seen.iter().find(|(i, _)| *i == id).map(|(_, f)| *f)
    }

    fn set_seen(&mut self, id: u32, text: &str) {
        let f = fingerprint(text);
        match self.seen.iter_mut().find(|(i, _)| *i == id) {
            Some(slot) => slot.1 = f,
            None => self.seen.push((id, f)),
        }
    }
}

/// Writes `network`'s record under `id` now; once written, the record is known as
/// written, its journal dropped, and the waiting change cleared if it is this one.
/// Calls `done` with whether it was written (one copy of the write for every caller).
fn write_network(
    writes: &Rc<std::cell::RefCell<NetWrites>>,
    backend: ByPtr<Backend>,
    (id, network): (u32, Network),
    record: String,
    done: Box<dyn FnOnce(bool, Network)>,
) {
    let writes = writes.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let key = network_key(id);
        let ok = persist::put(&backend.0, &key, Some(record.clone())).await;
        if ok {
            let mut w = writes.borrow_mut();
            w.set_seen(id, &record);
            let same = w
                .latest
                .as_ref()
                .is_some_and(|(i, n)| *i == id && NetView(n.clone()) == NetView(network.clone()));
            if same {
                w.latest = None;
                persist::clear_journal(&journal_key_of(&key));
            }
        }
        done(ok, network);
    });
}

/// Every network saved in `backend`, by id; `writes` learns what each record holds.
async fn read_saved(backend: &Backend, writes: &std::cell::RefCell<NetWrites>) -> Vec<SavedNet> {
    let records = persist::snapshot(backend).await;
    let mut out = Vec::new();
    for (key, text) in records.iter() {
        let Some(id) = network_of_key(key) else {
            continue;
        };
        writes.borrow_mut().set_seen(id, text);
        let network = Network::from_record(text)
            .map(|(n, _)| n)
            .map_err(|p| p.join(" "));
        let name = match &network {
            Ok(n) => n.name.clone(),
            Err(_) => trf("Network {id} (cannot be read)", &[("id", &id)]),
        };
        out.push(SavedNet { id, name, network });
    }
    out
}

/// The networks view.
#[component]
pub fn NetworksView(props: &NetworksViewProps) -> Html {
    let saved = use_state(Vec::<SavedNet>::new);
    let open = use_reducer(OpenNet::default);
    let loading = use_state(|| Loading::Idle);
    let school = use_state(|| None::<usize>);
    let save_state = use_state(|| None::<bool>);
    let timer = use_mut_ref(|| None::<Timeout>);
    // The network last written (or read) under its id, by identity: what needs no write.
    let written = use_mut_ref(|| None::<(u32, Network)>);
    let writes = use_mut_ref(NetWrites::default);
    // Numbers each load, so a network opened meanwhile takes no other network's schools.
    let loads = use_mut_ref(|| 0_u32);

    // The saved networks, read once.
    {
        let (saved, backend, writes) = (saved.clone(), props.backend.clone(), writes.clone());
        use_effect_with((), move |_| {
            if let Some(backend) = backend {
                wasm_bindgen_futures::spawn_local(async move {
                    saved.set(read_saved(&backend.0, &writes).await);
                });
            }
        });
    }
    // A network by address, once: shown as soon as its file is read, its schools as they come.
    {
        let (open, loading, src) = (open.dispatcher(), loading.clone(), props.src.clone());
        let loads = loads.clone();
        use_effect_with(src, move |src| {
            if let Some(path) = src.clone() {
                loading.set(Loading::Busy(trf(
                    "Loading the network at {path}…",
                    &[("path", &path)],
                )));
                wasm_bindgen_futures::spawn_local(async move {
                    match fetch_network(&path).await {
                        Ok(file) => show_loading(&open, &loads, Some(loading), &path, begin(file)),
                        Err(e) => loading.set(Loading::Failed(e)),
                    }
                });
            }
        });
    }
    // A file handed over by the app (dropped on the page).
    {
        let (open, loading) = (open.dispatcher(), loading.clone());
        let loads = loads.clone();
        use_effect_with(
            props.incoming.clone().map(|i| ByPtr::of(&i)),
            move |incoming| {
                if let Some(file) = incoming.clone() {
                    match open_text(&file.0 .0, &file.0 .1) {
                        Ok(opened) => {
                            show_loading(&open, &loads, Some(loading.clone()), "", opened)
                        }
                        Err(e) => loading.set(Loading::Failed(e)),
                    }
                }
            },
        );
    }
    // The open network is saved a moment after each change, when it is saved at all (and
    // not while schools are still coming: a saved network holds every budget inline).
    {
        let network = open.state.as_ref().map(|s| NetView(s.network.clone()));
        let (backend, timer, save_state, saved, written, writes) = (
            props.backend.clone(),
            timer.clone(),
            save_state.clone(),
            saved.clone(),
            written.clone(),
            writes.clone(),
        );
        use_effect_with((open.id, network), move |(id, network)| {
            if let (Some(id), Some(NetView(network)), Some(backend)) =
                (*id, network.clone(), backend)
            {
                // Just opened from the list, or written already: nothing to write.
                let unchanged = written.borrow().as_ref().is_some_and(|(wid, n)| {
                    *wid == id && NetView(n.clone()) == NetView(network.clone())
                });
                if unchanged || network.waiting() > 0 {
                    return;
                }
                *written.borrow_mut() = Some((id, network.clone()));
                writes.borrow_mut().latest = Some((id, network.clone()));
                save_state.set(Some(false));
                let task = Timeout::new(SAVE_DELAY_MS, move || {
                    let record = network.record();
                    let done = Box::new(move |ok, network: Network| {
                        save_state.set(Some(ok));
                        let mut list = (*saved).clone();
                        let entry = SavedNet {
                            id,
                            name: network.name.clone(),
                            network: Ok(network),
                        };
                        match list.iter_mut().find(|s| s.id == id) {
                            Some(slot) => *slot = entry,
                            None => list.push(entry),
                        }
                        saved.set(list);
                    });
                    write_network(&writes, backend, (id, network), record, done);
                });
                *timer.borrow_mut() = Some(task);
            }
        });
    }
    // Page-hide (a tab closed or reloaded within the quiet time): the waiting write goes to
    // its journal at once (local storage is synchronous), replayed at the next start as the
    // budgets' is, then the write starts.
    {
        let (backend, timer, writes, save_state) = (
            props.backend.clone(),
            timer.clone(),
            writes.clone(),
            save_state.clone(),
        );
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                gloo::events::EventListener::new(&window, "pagehide", move |_| {
                    let Some(backend) = backend.clone() else {
                        return;
                    };
                    let Some((id, network)) = writes.borrow().latest.clone() else {
                        return;
                    };
                    timer.borrow_mut().take();
                    let record = network.record();
                    if let Backend::Idb(_) = &*backend.0 {
                        let key = network_key(id);
                        let seen = writes.borrow().seen(id);
                        let plan = Plan::one(&key, Some(record.clone()), seen);
                        persist::write_journal(&journal_key_of(&key), &plan);
                    }
                    let save_state = save_state.clone();
                    let done = Box::new(move |ok, _| save_state.set(Some(ok)));
                    write_network(&writes, backend, (id, network), record, done);
                })
            });
            move || drop(listener)
        });
    }

    let on_action = {
        let open = open.dispatcher();
        use_callback((), move |a: NetworkAction, _| {
            open.dispatch(OpenAction::Act(a, js_sys::Date::now()))
        })
    };
    // Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z (or Ctrl+Y) step through the network's edits, as
    // in the budgets; not while a school is open (its workspace has its own).
    {
        let (open, active) = (open.dispatcher(), school.is_none());
        use_effect_with(active, move |active| {
            let listener = active.then(gloo::utils::document).map(|document| {
                gloo::events::EventListener::new_with_options(
                    &document,
                    "keydown",
                    gloo::events::EventListenerOptions::enable_prevent_default(),
                    move |event| {
                        let Some(event) =
                            wasm_bindgen::JsCast::dyn_ref::<web_sys::KeyboardEvent>(event)
                        else {
                            return;
                        };
                        if crate::ui::keys::typing_in_text(event) {
                            return;
                        }
                        let action = match crate::ui::keys::shortcut(event) {
                            Some(sitebudget_core::app::Action::Undo) => NetworkAction::Undo,
                            Some(sitebudget_core::app::Action::Redo) => NetworkAction::Redo,
                            _ => return,
                        };
                        event.prevent_default();
                        open.dispatch(OpenAction::Act(action, js_sys::Date::now()));
                    },
                )
            });
            move || drop(listener)
        });
    }
    let on_open_school = {
        let school = school.clone();
        use_callback((), move |i: usize, _| school.set(Some(i)))
    };
    let next_id = saved
        .iter()
        .map(|s| s.id)
        .max()
        .map_or(1, |m| m.saturating_add(1));

    // A school opened from the network.
    if let (Some(i), Some(state)) = (*school, open.state.as_ref()) {
        if let Some(doc) = state.network.schools.get(i).and_then(|s| s.doc()) {
            // Each edit goes into the network as it is made (a saved network writes it
            // soon after), so leaving without going back loses nothing either.
            let on_doc = {
                let open = open.dispatcher();
                Callback::from(move |doc: Rc<Document>| {
                    open.dispatch(OpenAction::Act(
                        NetworkAction::ReplaceSchool(i, doc),
                        js_sys::Date::now(),
                    ))
                })
            };
            let on_back = {
                let school = school.clone();
                Callback::from(move |()| school.set(None))
            };
            return html! {
                <SchoolView doc={doc.clone()} change={state.network.scenario.change_for(i)}
                    network={AttrValue::from(state.network.name.clone())} {on_back} {on_doc} />
            };
        }
    }

    let status = match &*loading {
        Loading::Idle => Html::default(),
        Loading::Busy(words) => html! {
            <p class="panel" role="status" aria-busy="true" data-testid="network-loading">{ words }</p>
        },
        Loading::Failed(err) => html! {
            <section class="panel embed-error" role="alert" data-testid="network-error">
                <h2>{ tr("This network cannot be shown") }</h2>
                <p class="negative">{ &err.headline }</p>
                if !err.problems.is_empty() {
                    <ul>
                        for (i, p) in err.problems.iter().enumerate() { <li key={i}>{ p }</li> }
                    </ul>
                }
            </section>
        },
    };
    let page = open.state.as_ref().map(|state| {
        let undo = state.history.undo_steps();
        let redo = state.history.redo_steps();
        let act = |a: NetworkAction| {
            let cb = on_action.clone();
            Callback::from(move |_: MouseEvent| cb.emit(a.clone()))
        };
        let on_save = {
            let (open, saved_list, network) = (open.dispatcher(), saved.clone(), state.network.clone());
            let save_state = save_state.clone();
            Callback::from(move |_: MouseEvent| {
                let mut list = (*saved_list).clone();
                list.push(SavedNet {
                    id: next_id,
                    name: network.name.clone(),
                    network: Ok(network.clone()),
                });
                saved_list.set(list);
                save_state.set(Some(false));
                open.dispatch(OpenAction::SavedAs(next_id));
            })
        };
        let on_rename = {
            let cb = on_action.clone();
            Callback::from(move |e: Event| {
                if let Some(name) = crate::ui::event_value(&e) {
                    cb.emit(NetworkAction::Rename(name));
                }
            })
        };
        let add = AddSchool {
            budgets: props.budgets.clone(),
            on_add: on_action.clone(),
        };
        html! {
            <NetworkPage network={NetView(state.network.clone())} on_action={on_action.clone()}
                on_open={on_open_school.clone()} exports=true>
                <button type="button" onclick={act(NetworkAction::Undo)} disabled={undo == 0}
                    data-testid="network-undo" title={tr("Undo (Ctrl+Z)")} aria-keyshortcuts="Control+Z Meta+Z">{ trf("↶ Undo ({n})", &[("n", &undo)]) }</button>
                <button type="button" onclick={act(NetworkAction::Redo)} disabled={redo == 0}
                    data-testid="network-redo" title={tr("Redo (Ctrl+Shift+Z)")} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z">{ trf("↷ Redo ({n})", &[("n", &redo)]) }</button>
                <label class="budget-name">
                    <span class="small">{ tr("Name") }</span>
                    <input type="text" value={state.network.name.clone()} onchange={on_rename}
                        aria-label={tr("Network name")} data-testid="network-rename" />
                </label>
                { add.view() }
                if open.id.is_none() {
                    if props.backend.is_some() {
                        // Saved with every budget inline, so once every school is in.
                        <button type="button" class="primary" onclick={on_save} data-testid="network-save"
                            disabled={state.network.waiting() > 0}>
                            { tr("Save in this browser") }</button>
                    }
                } else {
                    <span class="save-status ok small" data-testid="network-save-status"
                        data-state={match *save_state { Some(true) => "saved", Some(false) => "pending", None => "saved" }}>
                        { match *save_state { Some(false) => tr("Saving…"), _ => tr("Saved in this browser") } }
                    </span>
                }
            </NetworkPage>
        }
    });
    html! {
        <div class="networks" data-testid="networks">
            <NetworkList saved={ByPtr(Rc::new((*saved).clone()))} open_id={open.id} budgets={props.budgets.clone()}
                on_open={{
                    let (open, school, written) = (open.dispatcher(), school.clone(), written.clone());
                    Callback::from(move |(id, network): (u32, Network)| {
                        school.set(None);
                        *written.borrow_mut() = Some((id, network.clone()));
                        open.dispatch(OpenAction::Show(Some(id), network, 0));
                    })
                }}
                on_new={{
                    let (open, saved, save_state) = (open.dispatcher(), saved.clone(), save_state.clone());
                    Callback::from(move |network: Network| {
                        save_state.set(Some(false));
                        let mut list = (*saved).clone();
                        list.push(SavedNet { id: next_id, name: network.name.clone(), network: Ok(network.clone()) });
                        saved.set(list);
                        open.dispatch(OpenAction::Show(Some(next_id), network, 0));
                    })
                }}
                on_delete={{
                    let (open, saved, backend, open_id) = (open.dispatcher(), saved.clone(), props.backend.clone(), open.id);
                    let (writes, timer) = (writes.clone(), timer.clone());
                    Callback::from(move |id: u32| {
                        let list: Vec<SavedNet> = saved.iter().filter(|s| s.id != id).cloned().collect();
                        saved.set(list);
                        if open_id == Some(id) {
                            open.dispatch(OpenAction::Close);
                        }
                        // A write still waiting would bring it back (and so would its journal).
                        let mut w = writes.borrow_mut();
                        if w.latest.as_ref().is_some_and(|(i, _)| *i == id) {
                            w.latest = None;
                            timer.borrow_mut().take();
                        }
                        if let Some(backend) = backend.clone() {
                            wasm_bindgen_futures::spawn_local(async move {
                                persist::put(&backend.0, &network_key(id), None).await;
                            });
                        }
                    })
                }}
                on_file={{
                    let (open, loading, loads) = (open.dispatcher(), loading.clone(), loads.clone());
                    Callback::from(move |file: web_sys::File| {
                        let (open, loading, loads) = (open.clone(), loading.clone(), loads.clone());
                        let name = file.name();
                        loading.set(Loading::Busy(trf("Reading {file}…", &[("file", &name)])));
                        wasm_bindgen_futures::spawn_local(async move {
                            let blob = gloo::file::Blob::from(file);
                            let text = gloo::file::futures::read_as_text(&blob).await;
                            let result = match text {
                                Ok(text) => open_text(&name, &text),
                                Err(e) => Err(LoadError::new(trf("The file could not be read: {error}", &[("error", &e)]))),
                            };
                            match result {
                                Ok(opened) => show_loading(&open, &loads, Some(loading), "", opened),
                                Err(e) => loading.set(Loading::Failed(e)),
                            }
                        });
                    })
                }} />
            { status }
            { page.unwrap_or_default() }
        </div>
    }
}

/// "Add to network": a saved budget picked and added as a school.
struct AddSchool {
    budgets: Rc<Vec<BudgetChoice>>,
    on_add: Callback<NetworkAction>,
}

impl AddSchool {
    fn view(&self) -> Html {
        if self.budgets.is_empty() {
            return Html::default();
        }
        let (budgets, cb) = (self.budgets.clone(), self.on_add.clone());
        let onchange = Callback::from(move |e: Event| {
            let Some(id) = crate::ui::event_value(&e).and_then(|v| v.parse::<u32>().ok()) else {
                return;
            };
            if let Some(b) = budgets.iter().find(|b| b.id == id) {
                cb.emit(NetworkAction::AddSchools(vec![b.doc.clone()]));
            }
            if let Some(select) = e
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlSelectElement>(t).ok())
            {
                select.set_value("");
            }
        });
        html! {
            <label class="budget-pick">
                <span class="small">{ tr("Add to network") }</span>
                <select {onchange} data-testid="network-add-school" aria-label={tr("Add a saved budget to this network")}>
                    <option value="" selected=true>{ tr("A saved budget…") }</option>
                    for b in self.budgets.iter() {
                        <option key={b.id} value={b.id.to_string()}>{ &b.label }</option>
                    }
                </select>
            </label>
        }
    }
}

/// Props of [`NetworkList`].
#[derive(Properties, PartialEq)]
struct NetworkListProps {
    /// A fresh list each render (compared by identity, never budget by budget).
    saved: ByPtr<Vec<SavedNet>>,
    open_id: Option<u32>,
    budgets: Rc<Vec<BudgetChoice>>,
    on_open: Callback<(u32, Network)>,
    on_new: Callback<Network>,
    on_delete: Callback<u32>,
    on_file: Callback<web_sys::File>,
}

/// The saved networks, a new network from saved budgets, and opening a network file.
#[component]
fn NetworkList(props: &NetworkListProps) -> Html {
    let chosen = use_state(Vec::<u32>::new);
    let name = use_state(|| tr("My network"));
    let on_pick = {
        let cb = props.on_file.clone();
        Callback::from(move |e: Event| {
            let input: Option<web_sys::HtmlInputElement> = e
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into(t).ok());
            if let Some(input) = input {
                if let Some(file) = input.files().and_then(|f| f.get(0)) {
                    cb.emit(file);
                }
                input.set_value("");
            }
        })
    };
    let on_create = {
        let (chosen, name, budgets, cb) = (
            chosen.clone(),
            name.clone(),
            props.budgets.clone(),
            props.on_new.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let docs: Vec<Rc<Document>> = budgets
                .iter()
                .filter(|b| chosen.contains(&b.id))
                .map(|b| b.doc.clone())
                .collect();
            if !docs.is_empty() {
                cb.emit(Network::of_budgets(&name, &docs));
                chosen.set(Vec::new());
            }
        })
    };
    html! {
        <nav class="panel network-list no-print" aria-label={tr("Networks")} data-testid="network-list">
            <h2>{ tr("Networks") }</h2>
            if props.saved.0.is_empty() {
                <p class="small muted">{ tr("No network is saved in this browser yet.") }</p>
            } else {
                <ul class="network-saved">
                    for s in props.saved.0.iter() {
                        <li key={s.id} data-testid={format!("network-saved-{}", s.id)}>
                            { match &s.network {
                                Ok(network) => {
                                    let (cb, id, network) = (props.on_open.clone(), s.id, network.clone());
                                    html! {
                                        <button type="button" class="link-button" aria-current={(props.open_id == Some(s.id)).then_some("true")}
                                            onclick={move |_| cb.emit((id, network.clone()))}
                                            data-testid={format!("network-open-saved-{}", s.id)}>{ &s.name }</button>
                                    }
                                }
                                Err(why) => html! { <span class="negative" title={why.clone()}>{ &s.name }</span> },
                            } }
                            { {
                                let (cb, id) = (props.on_delete.clone(), s.id);
                                let question = trf("Delete the network “{name}” from this browser? Its budgets stay where they are.", &[("name", &s.name)]);
                                html! {
                                    <button type="button" class="small" data-testid={format!("network-delete-{}", s.id)}
                                        onclick={move |_| if gloo::dialogs::confirm(&question) { cb.emit(id) }}>{ tr("Delete") }</button>
                                }
                            } }
                        </li>
                    }
                </ul>
            }
            <label class="import-control">
                <span>{ tr("Open a network file") }</span>
                <input type="file" accept=".json,application/json" onchange={on_pick} data-testid="network-file" />
            </label>
            if !props.budgets.is_empty() {
                <details class="network-new" data-testid="network-new">
                    <summary>{ tr("New network from saved budgets") }</summary>
                    <label>
                        <span class="small">{ tr("Name") }</span>
                        <input type="text" value={(*name).clone()} data-testid="network-new-name"
                            onchange={{ let name = name.clone(); Callback::from(move |e: Event| {
                                if let Some(v) = crate::ui::event_value(&e) { name.set(v) } }) }} />
                    </label>
                    <ul class="network-budgets">
                        for b in props.budgets.iter() {
                            <li key={b.id}>
                                <label>
                                    <input type="checkbox" checked={chosen.contains(&b.id)}
                                        data-testid={format!("network-new-budget-{}", b.id)}
                                        onchange={{ let (chosen, id) = (chosen.clone(), b.id); Callback::from(move |_: Event| {
                                            let mut next = (*chosen).clone();
                                            if let Some(at) = next.iter().position(|x| *x == id) { next.remove(at); } else { next.push(id); }
                                            chosen.set(next);
                                        }) }} />
                                    { " " }{ &b.label }
                                </label>
                            </li>
                        }
                    </ul>
                    <button type="button" class="primary" onclick={on_create} disabled={chosen.is_empty()}
                        data-testid="network-create">{ tr("Make the network") }</button>
                </details>
            }
        </nav>
    }
}
