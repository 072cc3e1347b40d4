//! What the store could not read and what another tab changed, said plainly, with the
//! way out of each: download a damaged record's text or remove it (after a confirmation),
//! take the other tab's version of a budget or keep this one. Also the room used and left.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::lang::{tr, tr1, trf, use_lang};

use crate::ui::export::download;
use sitebudget_core::app::{Action, Conflict, Damaged};

/// Props of [`StoreNotices`].
#[derive(Properties, PartialEq)]
pub struct StoreNoticesProps {
    /// Records that could not be read.
    pub damaged: Rc<Vec<Damaged>>,
    /// Budgets changed here and in another tab.
    pub conflicts: Rc<Vec<Conflict>>,
    /// Bytes used and available to this site, when the browser says.
    pub room: Option<(f64, f64)>,
    /// Where the user's choices go.
    pub on_action: Callback<Action>,
}

/// Megabytes, to one decimal place, in whole-number arithmetic: float formatting would
/// bring its own code into the bundle (README, Size).
fn mb(bytes: f64) -> String {
    // `as` saturates: a negative or absurd estimate shows 0 or a large figure, never panics.
    let tenths = (bytes / 100_000.0).round() as u64;
    if tenths >= 10_000 {
        // A browser's quota runs to gigabytes: "10.7 GB", not "10737.4 MB".
        let gb_tenths = (bytes / 100_000_000.0).round() as u64;
        return format!("{}.{} GB", gb_tenths / 10, gb_tenths % 10);
    }
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

/// The banners above the budget, and a line saying how much room is used.
#[component]
pub fn StoreNotices(props: &StoreNoticesProps) -> Html {
    use_lang();
    let damaged = props.damaged.iter().map(|d| {
        let (key, label, raw) = (d.key.clone(), d.label.clone(), d.raw.clone());
        let on_download = raw.map(|raw| {
            let file = format!("{}.txt", key);
            Callback::from(move |_: MouseEvent| {
                let _ = download(raw.as_bytes(), &file, "text/plain");
            })
        });
        // A note with nothing stored behind it (a missing list) is dismissed without asking.
        let notice_only = d.id == 0 && d.raw.is_none();
        let on_remove = {
            let (cb, key) = (props.on_action.clone(), key.clone());
            let question = tr1("Remove “{name}” from this browser? Its saved text cannot be brought back.", "name", &label);
            Callback::from(move |_: MouseEvent| {
                if notice_only || gloo::dialogs::confirm(&question) {
                    cb.emit(Action::RemoveDamaged(key.clone()));
                }
            })
        };

        html! {
            <div class="share-banner share-banner-error" role="alert" key={d.key.clone()}
                data-testid="damaged-banner" data-key={d.key.clone()}>
                <p>{ if d.raw.is_some() {
                    trf("“{name}” could not be read: {why}. It is kept as it was saved.", &[("name", &d.label), ("why", &d.why)])
                } else {
                    trf("“{name}” could not be read: {why}.", &[("name", &d.label), ("why", &d.why)])
                } }</p>
                if let Some(on_download) = on_download {
                    <button type="button" onclick={on_download} data-testid="damaged-download">{ tr("Download the saved text") }</button>
                }
                <button type="button" onclick={on_remove} data-testid="damaged-remove">
                    { if notice_only { tr("Dismiss") } else { tr("Remove…") } }</button>
            </div>
        }
    });
    let conflicts = props.conflicts.iter().map(|c| {
        let emit = |a: Action| {
            let cb = props.on_action.clone();
            Callback::from(move |_: MouseEvent| cb.emit(a.clone()))
        };
        html! {
            <div class="share-banner" role="alert" key={c.id} data-testid="conflict-banner">
                <p>{ tr1("This budget changed in another tab: “{name}”. Your changes here are not saved until you choose.", "name", &c.label) }</p>
                <button type="button" onclick={emit(Action::UseTheirs(c.id))} data-testid="conflict-theirs">{ tr("Use the newer version") }</button>
                <button type="button" onclick={emit(Action::KeepMine(c.id))} data-testid="conflict-mine">{ tr("Keep mine") }</button>
            </div>
        }
    });
    html! {
        <>
            { for damaged }
            { for conflicts }
            // The line holds its place (empty) until the browser says how much room there
            // is, so the budget below does not jump down when it arrives.
            <p class="small store-room" data-testid={props.room.map(|_| "store-room")}>
                if let Some((used, quota)) = props.room {
                    { trf("Saved data: {used} used, {left} left", &[("used", &mb(used)), ("left", &mb((quota - used).max(0.0)))]) }
                }
            </p>
        </>
    }
}
