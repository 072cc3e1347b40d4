//! Saves the state a moment after each change, and at once when the page is hidden; one
//! write at a time. Another tab's saves arrive on a `BroadcastChannel` (and a save that
//! finds its records changed reads them too): the records are read again and merged.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use sitebudget_core::util::i18n::tr1;

use crate::ui::persist::{self, Backend, SAVER};
use crate::ui::state::Store;
use sitebudget_core::app::saved::JOURNAL_KEY;
use sitebudget_core::app::{Action, AppState, StorageStatus, Written};

/// Quiet time before a save, so a slider drag writes once rather than at every step.
const DELAY_MS: u32 = 250;
/// The channel tabs announce their saves on.
const CHANNEL: &str = "sitebudget";

/// What is waiting to be written.
#[derive(Default)]
struct Pending {
    state: Option<Rc<AppState>>,
    /// The newest state seen, written or not: what page-hide journals.
    latest: Option<Rc<AppState>>,
    timer: Option<Timeout>,
    busy: bool,
}

/// Everything a save needs, shared by the timer, page-hide and the channel.
#[derive(Clone)]
struct Saving {
    pending: Rc<RefCell<Pending>>,
    backend: Rc<Backend>,
    dispatch: UseReducerDispatcher<Store>,
    channel: Option<web_sys::BroadcastChannel>,
}

impl Saving {
    /// Writes what waits, unless a write is under way (it writes again when done).
    fn flush(&self) {
        let state = {
            let mut p = self.pending.borrow_mut();
            p.timer = None;
            if p.busy {
                return;
            }
            let Some(state) = p.state.take() else { return };
            p.busy = true;
            state
        };
        let plan = SAVER.with(|s| s.borrow().plan(&state));
        if matches!(state.storage, StorageStatus::Held(_)) {
            self.pending.borrow_mut().busy = false;
            return;
        }
        let this = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let written = if plan.is_empty() {
                Written::Saved
            } else {
                persist::write(&this.backend, &plan).await
            };
            match &written {
                Written::Saved if !plan.is_empty() => {
                    SAVER.with(|s| s.borrow_mut().committed(&plan));
                    persist::clear_journal(JOURNAL_KEY);
                    if let Some(c) = &this.channel {
                        let _ = c.post_message(&"saved".into());
                    }
                }
                Written::Stale(_) => this.read_in().await,
                _ => {}
            }
            // A budget waiting for the user's choice is not saved: the status says so.
            let status = match (state.conflicts.first(), &written) {
                (Some(c), Written::Saved) => StorageStatus::Failing(tr1(
                    "Changes to “{name}” are not saved until you choose a version above.",
                    "name",
                    &c.label,
                )),
                _ => persist::status_of(&written, &this.backend),
            };
            // A change made while this one was written is not saved yet.
            let status = if status == StorageStatus::Saved && this.pending.borrow().state.is_some()
            {
                StorageStatus::Pending
            } else {
                status
            };
            this.dispatch.dispatch(Action::Storage(status));
            this.pending.borrow_mut().busy = false;
            if this.pending.borrow().state.is_some() {
                this.flush();
            }
        });
    }

    /// Page-hide: the plan of what is not yet written goes to the journal at once (local
    /// storage is synchronous; the IndexedDB write below may not finish before the page
    /// goes), then the write starts as usual.
    fn hide(&self) {
        let latest = self.pending.borrow().latest.clone();
        if let (Some(state), Backend::Idb(_)) = (latest, &*self.backend) {
            let plan = SAVER.with(|s| s.borrow().plan(&state));
            if !plan.is_empty() && !matches!(state.storage, StorageStatus::Held(_)) {
                persist::write_journal(JOURNAL_KEY, &plan);
            }
        }
        self.flush();
    }

    /// Reads the records again and merges them into the state.
    async fn read_in(&self) {
        let records = persist::snapshot(&self.backend).await;
        self.dispatch.dispatch(Action::FromStore(Rc::new(records)));
    }
}

/// Keeps the store in step with the state; `None` (an embed, which keeps its host's
/// budget in memory only) saves nothing.
#[hook]
pub fn use_autosave(state: &UseReducerHandle<Store>, backend: Option<Rc<Backend>>) {
    let pending = use_mut_ref(Pending::default);
    let saving = {
        let dispatch = state.dispatcher();
        use_memo((), move |_| {
            backend.map(|backend| Saving {
                pending,
                backend,
                dispatch,
                channel: web_sys::BroadcastChannel::new(CHANNEL).ok(),
            })
        })
    };
    {
        let saving = saving.clone();
        use_effect_with((), move |_| {
            let listeners = (*saving).clone().and_then(|saving| {
                let window = web_sys::window()?;
                let hide = {
                    let saving = saving.clone();
                    EventListener::new(&window, "pagehide", move |_| saving.hide())
                };
                let heard = saving.channel.clone().map(|c| {
                    let saving = saving.clone();
                    EventListener::new(c.unchecked_ref(), "message", move |_| {
                        let saving = saving.clone();
                        wasm_bindgen_futures::spawn_local(async move { saving.read_in().await });
                    })
                });
                Some((hide, heard))
            });
            move || drop(listeners)
        });
    }
    // Runs when what is saved changed, and only then.
    let state = state.clone();
    use_effect_with(state.saved(), move |_| {
        let Some(saving) = (*saving).clone() else {
            return;
        };
        if !matches!(
            state.storage,
            StorageStatus::Held(_) | StorageStatus::Failing(_)
        ) {
            saving
                .dispatch
                .dispatch(Action::Storage(StorageStatus::Pending));
        }
        let timer = {
            let saving = saving.clone();
            Timeout::new(DELAY_MS, move || saving.flush())
        };
        let mut p = saving.pending.borrow_mut();
        p.state = Some(state.0.clone());
        p.latest = Some(state.0.clone());
        // Replacing the timer cancels the one before it.
        p.timer = Some(timer);
    });
}
