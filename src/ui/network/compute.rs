//! Each school's row under the network scenario, computed off the input's critical path
//! by the core's [`NetworkRows`] (each school prepared once per budget, recomputed only when
//! its change moved, its last few changes remembered): a few schools at once in the render,
//! a district in time-sliced chunks (each under ~8 ms, yielding through a `MessageChannel`
//! so the page never freezes).

use std::cell::Cell;
use std::rc::Rc;

use rust_decimal::Decimal;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use sitebudget_core::engine::{school_row, NetworkRows, NetworkScenario, SchoolRow};
use sitebudget_core::model::Document;
use sitebudget_core::util::by_ptr::ByPtr;

use sitebudget_core::app::networks::NetworkSchool;

/// A school's outcome: its figures, or why it has none (in plain words).
pub type RowResult = Rc<Result<SchoolRow, String>>;

/// Up to this many schools to compute, the work is done in the render (a small network
/// takes well under a frame); beyond it, in chunks after the input returns.
pub const SYNC_SCHOOLS: usize = 40;
/// The time one chunk may take before it yields to the page, in milliseconds.
const SLICE_MS: f64 = 8.0;

/// The figures the page shows: one outcome per school in file order.
#[derive(Clone, Debug, PartialEq)]
pub struct Rows {
    /// Per school (file order): its row, `None` until first computed.
    pub rows: Rc<Vec<Option<RowResult>>>,
    /// Whether a newer scenario is still being computed (the rows are the last complete set).
    pub busy: bool,
}

/// One school's outcome under `change` (for a school the page has not computed).
pub fn compute_one(school: &NetworkSchool, change: Decimal) -> RowResult {
    Rc::new(match school.doc() {
        Some(doc) => school_row(doc, change).map_err(|e| e.to_string()),
        None => Err(school.problem().unwrap_or_default()),
    })
}

/// What the page shows from the core's rows under `scenario`: each school's figures, or
/// why it has none (`None`: still coming, or not computed under this scenario yet).
fn snapshot(
    rows: &NetworkRows,
    schools: &[NetworkSchool],
    scenario: &NetworkScenario,
) -> Rc<Vec<Option<RowResult>>> {
    let shown = schools.iter().enumerate().map(|(i, school)| {
        if school.is_loading() {
            return None; // Still coming: no figures and no reason yet.
        }
        if school.doc().is_none() {
            return Some(Rc::new(Err(school.problem().unwrap_or_default())));
        }
        rows.get_under(i, scenario.change_for(i))
            .map(|r| Rc::new(r.clone().map_err(|e| e.to_string())))
    });
    Rc::new(shown.collect())
}

/// Milliseconds on the page's clock.
fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// Lets the page handle input and paint before the next chunk: a message to ourselves,
/// which (unlike a nested zero timeout) is not clamped to 4 ms.
pub async fn yield_to_page() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Ok(channel) = web_sys::MessageChannel::new() else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            return;
        };
        let port = channel.port1();
        let on_message = Closure::once_into_js(move || {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        });
        port.set_onmessage(Some(on_message.unchecked_ref()));
        let _ = channel.port2().post_message(&wasm_bindgen::JsValue::NULL);
    });
    let _ = JsFuture::from(promise).await;
}

type Key = (ByPtr<Vec<NetworkSchool>>, ByPtr<NetworkScenario>);

/// What the hook keeps between renders.
#[derive(Default)]
struct Shown {
    /// The last complete set and what it was computed for.
    done: Option<(Key, Rc<Vec<Option<RowResult>>>)>,
    /// The set being computed in chunks, if any.
    pending: Option<Key>,
    /// While schools arrive (the scenario unchanged), what is computed so far.
    partial: Option<Rc<Vec<Option<RowResult>>>>,
}

/// The rows of `schools` under `scenario`: at once for a few schools, else the last
/// complete set while the new one is computed in chunks (`busy`), then the new set.
#[hook]
pub fn use_network_rows(schools: Rc<Vec<NetworkSchool>>, scenario: Rc<NetworkScenario>) -> Rows {
    let cache = use_mut_ref(NetworkRows::default);
    let shown = use_mut_ref(Shown::default);
    let job = use_mut_ref(|| Rc::new(Cell::new(0_u64)));
    // Bumped when a chunked computation finishes, to show it.
    let finished = use_state(|| 0_u32);
    let key: Key = (ByPtr::of(&schools), ByPtr::of(&scenario));
    let (done, arriving) = {
        let shown = shown.borrow();
        if let Some((k, rows)) = &shown.done {
            if *k == key {
                return Rows {
                    rows: rows.clone(),
                    busy: false,
                };
            }
        }
        if shown.pending.as_ref() == Some(&key) {
            return Rows {
                rows: shown.partial.clone().unwrap_or_else(|| {
                    shown
                        .done
                        .as_ref()
                        .map_or_else(|| Rc::new(vec![None; schools.len()]), |(_, r)| r.clone())
                }),
                busy: true,
            };
        }
        // Schools arriving under the same scenario: the rows done so far show at once (a
        // district's batches come faster than a chunked run ends); a new scenario keeps
        // the last complete set on screen until its run is done.
        let arriving = shown.done.as_ref().is_none_or(|(k, _)| k.1 == key.1);
        (shown.done.as_ref().map(|(_, r)| r.clone()), arriving)
    };
    let docs: Vec<Option<Rc<Document>>> = schools.iter().map(|s| s.doc().cloned()).collect();
    if cache.borrow().stale(&docs, &scenario) <= SYNC_SCHOOLS {
        cache.borrow_mut().update(&docs, &scenario);
        let rows = snapshot(&cache.borrow(), &schools, &scenario);
        let mut shown = shown.borrow_mut();
        shown.done = Some((key, rows.clone()));
        shown.pending = None;
        shown.partial = None;
        job.borrow().set(job.borrow().get().wrapping_add(1)); // stops a chunked run
        return Rows { rows, busy: false };
    }
    // A district: the work runs in chunks; a newer scenario stops this one.
    let token = job.borrow().clone();
    let this_job = token.get().wrapping_add(1);
    token.set(this_job);
    let previous = if arriving {
        Some(snapshot(&cache.borrow(), &schools, &scenario))
    } else {
        done
    };
    {
        let mut s = shown.borrow_mut();
        s.pending = Some(key.clone());
        s.partial = previous.clone().filter(|_| arriving);
    }
    {
        let (cache, shown, finished) = (cache.clone(), shown.clone(), finished.clone());
        let (schools, scenario) = (schools.clone(), scenario.clone());
        wasm_bindgen_futures::spawn_local(async move {
            loop {
                yield_to_page().await;
                if token.get() != this_job {
                    return; // A newer scenario took over; what was computed stays kept.
                }
                let start = now();
                let (_, done) = cache
                    .borrow_mut()
                    .update_until(&docs, &scenario, &mut || now() - start >= SLICE_MS);
                if done {
                    break;
                }
            }
            if token.get() == this_job {
                let rows = snapshot(&cache.borrow(), &schools, &scenario);
                let mut s = shown.borrow_mut();
                s.done = Some((key, rows));
                s.pending = None;
                s.partial = None;
                drop(s);
                finished.set(finished.wrapping_add(1));
            }
        });
    }
    Rows {
        rows: previous.unwrap_or_else(|| Rc::new(vec![None; schools.len()])),
        busy: true,
    }
}
