//! Saves the state a moment after each change, and at once when the page is hidden.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::ui::persist;
use crate::ui::state::Store;
use sitebudget_core::app::{Action, AppState, Saver};

/// Quiet time before a save, so a slider drag writes once rather than at every step.
const DELAY_MS: u32 = 250;

/// What is waiting to be written.
#[derive(Default)]
struct Pending {
    state: Option<Rc<AppState>>,
    timer: Option<Timeout>,
}

/// Writes `pending` now, if anything waits, and reports the outcome.
fn flush(
    pending: &RefCell<Pending>,
    saver: &RefCell<Saver>,
    dispatch: &UseReducerDispatcher<Store>,
) {
    let state = {
        let mut p = pending.borrow_mut();
        p.timer = None;
        p.state.take()
    };
    if let Some(state) = state {
        let status = persist::save(&mut saver.borrow_mut(), &state);
        dispatch.dispatch(Action::Storage(status));
    }
}

/// Keeps browser storage in step with the state, when `enabled` (an embed keeps its
/// host's budget in memory only).
#[hook]
pub fn use_autosave(state: &UseReducerHandle<Store>, saver: Rc<RefCell<Saver>>, enabled: bool) {
    let pending = use_mut_ref(Pending::default);
    {
        let (pending, saver, dispatch) = (pending.clone(), saver.clone(), state.dispatcher());
        use_effect_with((), move |_| {
            let listener = web_sys::window().filter(|_| enabled).map(|window| {
                EventListener::new(&window, "pagehide", move |_| {
                    flush(&pending, &saver, &dispatch)
                })
            });
            move || drop(listener)
        });
    }
    // Runs when what is saved changed, and only then.
    let (state, pending) = (state.clone(), pending.clone());
    use_effect_with(state.saved(), move |_| {
        if !enabled {
            return;
        }
        let dispatch = state.dispatcher();
        let timer = {
            let (pending, saver) = (pending.clone(), saver.clone());
            Timeout::new(DELAY_MS, move || flush(&pending, &saver, &dispatch))
        };
        let mut p = pending.borrow_mut();
        p.state = Some(state.0.clone());
        // Replacing the timer cancels the one before it.
        p.timer = Some(timer);
    });
}
