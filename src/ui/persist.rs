//! Autosave's browser side: budgets and scenarios kept in the browser's local storage
//! (gloo-storage). What is read and written is decided in `sitebudget_core::app::saved`;
//! storage that is full or blocked never stops the app.

use gloo::storage::{LocalStorage, Storage};

use sitebudget_core::app::saved::Refused;
use sitebudget_core::app::{AppState, Records, Saver, StorageStatus};

const UNAVAILABLE: &str =
    "This browser does not let SiteBudget save (private browsing or blocked storage). \
Your work stays while this page is open: export it to keep it.";

/// Whether local storage can be used; probing it this way never throws.
fn available() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some()
}

/// The browser's local storage as text records.
struct Local(web_sys::Storage);

impl Records for Local {
    fn get(&self, key: &str) -> Option<String> {
        self.0.get_item(key).ok().flatten()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), Refused> {
        self.0.set_item(key, value).map_err(|_| Refused)
    }

    fn remove(&mut self, key: &str) {
        let _ = self.0.remove_item(key);
    }
}

/// The state of a new page: the budgets saved in this browser, or the sample school on a
/// first visit, and a saver that knows what storage holds.
pub fn restore() -> (AppState, Saver) {
    if !available() {
        let mut state = AppState::with_sample();
        state.storage = StorageStatus::Failing(UNAVAILABLE.to_owned());
        return (state, Saver::default());
    }
    sitebudget_core::app::restore(&Local(LocalStorage::raw()))
}

/// Writes every change since the last save; returns how storage is doing.
pub fn save(saver: &mut Saver, state: &AppState) -> StorageStatus {
    if !matches!(state.storage, StorageStatus::Held(_)) && !available() {
        return StorageStatus::Failing(UNAVAILABLE.to_owned());
    }
    saver.save(state, &mut Local(LocalStorage::raw()))
}
