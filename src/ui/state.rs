//! Yew's reducer over the core app state (`sitebudget_core::app`): the only browser part
//! is the clock each action is stamped with, and the saver another tab's records merge with.

use std::ops::Deref;
use std::rc::Rc;

use sitebudget_core::app::{merge, Action, AppState};
use yew::Reducible;

/// The app state as `use_reducer` holds it.
#[derive(Clone, Debug)]
pub struct Store(pub Rc<AppState>);

impl Deref for Store {
    type Target = AppState;

    fn deref(&self) -> &AppState {
        &self.0
    }
}

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // Another tab's records merge with what this tab's saver knows, in one step.
        if let Action::FromStore(records) = &action {
            let merged =
                crate::ui::persist::SAVER.with(|s| merge(&self.0, &mut s.borrow_mut(), &**records));
            return Rc::new(Store(Rc::new(merged)));
        }
        let next = self.0.clone().apply(action, js_sys::Date::now());
        // An action that changed nothing keeps the same state, so nothing re-renders.
        if Rc::ptr_eq(&next, &self.0) {
            self
        } else {
            Rc::new(Store(next))
        }
    }
}
