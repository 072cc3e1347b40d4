//! Each school's row under the network scenario, computed off the input's critical path:
//! a few schools at once in the render, a district in time-sliced chunks (each under
//! ~8 ms, yielding through a `MessageChannel` so the page never freezes), keeping every
//! school's last row keyed by the change it was computed under, so a per-school change
//! recomputes one school and a slider that comes back to a value recomputes nothing.

use std::cell::Cell;
use std::rc::Rc;

use rust_decimal::Decimal;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use sitebudget_core::engine::{school_row, NetworkScenario, PreparedSchool, SchoolRow};
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
/// How many earlier changes each school remembers its row for.
const REMEMBERED: usize = 4;

/// The figures the page shows: one outcome per school in file order.
#[derive(Clone, Debug, PartialEq)]
pub struct Rows {
    /// Per school (file order): its row, `None` until first computed.
    pub rows: Rc<Vec<Option<RowResult>>>,
    /// Whether a newer scenario is still being computed (the rows are the last complete set).
    pub busy: bool,
}

/// Each school's remembered rows, newest first, keyed by the change computed under.
#[derive(Default)]
struct Cache {
    /// The schools the entries belong to (by identity): new schools start afresh.
    schools: Option<ByPtr<Vec<NetworkSchool>>>,
    entries: Vec<Vec<(Decimal, RowResult)>>,
    /// Each school made ready for any change (the budget as it is, computed once).
    prepared: Vec<Option<PreparedSchool>>,
}

impl Cache {
    fn reset_for(&mut self, schools: &Rc<Vec<NetworkSchool>>) {
        if self
            .schools
            .as_ref()
            .is_none_or(|s| !Rc::ptr_eq(&s.0, schools))
        {
            // Entries of schools whose document is the same `Rc` are kept.
            let old = self.schools.take();
            let mut entries = vec![Vec::new(); schools.len()];
            if let Some(old) = old {
                for (i, school) in schools.iter().enumerate() {
                    let same = old.0.get(i).is_some_and(|o| same_school(o, school));
                    if same {
                        if let (Some(slot), Some(kept)) =
                            (entries.get_mut(i), self.entries.get_mut(i))
                        {
                            *slot = std::mem::take(kept);
                        }
                    }
                }
            }
            self.entries = entries;
            self.schools = Some(ByPtr::of(schools));
        }
    }

    fn get(&self, i: usize, change: Decimal) -> Option<RowResult> {
        self.entries
            .get(i)?
            .iter()
            .find(|(c, _)| *c == change)
            .map(|(_, r)| r.clone())
    }

    /// School `i`'s row under `change`, computed from its prepared form (made on first use).
    fn compute(&mut self, i: usize, school: &NetworkSchool, change: Decimal) -> RowResult {
        let Some(doc) = school.doc() else {
            return Rc::new(Err(school.problem().unwrap_or_default()));
        };
        let Some(slot) = self.prepared.get_mut(i) else {
            return compute_one(school, change);
        };
        let prepared = slot.get_or_insert_with(|| PreparedSchool::new(doc.clone()));
        let row = Rc::new(prepared.row(change).map_err(|e| e.to_string()));
        self.put(i, change, row.clone());
        row
    }

    fn put(&mut self, i: usize, change: Decimal, row: RowResult) {
        if let Some(list) = self.entries.get_mut(i) {
            list.retain(|(c, _)| *c != change);
            list.insert(0, (change, row));
            list.truncate(REMEMBERED);
        }
    }
}

/// Whether two schools hold the very same budget (by identity) or the same failure.
fn same_school(a: &NetworkSchool, b: &NetworkSchool) -> bool {
    match (a.doc(), b.doc()) {
        (Some(x), Some(y)) => Rc::ptr_eq(x, y),
        (None, None) => a == b,
        _ => false,
    }
}

/// One school's outcome under `change`.
pub fn compute_one(school: &NetworkSchool, change: Decimal) -> RowResult {
    Rc::new(match school.doc() {
        Some(doc) => compute_doc(doc, change),
        None => Err(school.problem().unwrap_or_default()),
    })
}

fn compute_doc(doc: &Document, change: Decimal) -> Result<SchoolRow, String> {
    school_row(doc, change).map_err(|e| e.to_string())
}

/// Milliseconds on the page's clock.
fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// Lets the page handle input and paint before the next chunk: a message to ourselves,
/// which (unlike a nested zero timeout) is not clamped to 4 ms.
async fn yield_to_page() {
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
}

/// The rows of `schools` under `scenario`: at once for a few schools, else the last
/// complete set while the new one is computed in chunks (`busy`), then the new set.
#[hook]
pub fn use_network_rows(schools: Rc<Vec<NetworkSchool>>, scenario: Rc<NetworkScenario>) -> Rows {
    let cache = use_mut_ref(Cache::default);
    let shown = use_mut_ref(Shown::default);
    let job = use_mut_ref(|| Rc::new(Cell::new(0_u64)));
    // Bumped when a chunked computation finishes, to show it.
    let finished = use_state(|| 0_u32);
    let key: Key = (ByPtr::of(&schools), ByPtr::of(&scenario));
    let previous = {
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
                rows: shown
                    .done
                    .as_ref()
                    .map_or_else(|| Rc::new(vec![None; schools.len()]), |(_, r)| r.clone()),
                busy: true,
            };
        }
        shown.done.as_ref().map(|(_, r)| r.clone())
    };
    // What is missing for this scenario.
    let mut missing = Vec::new();
    let mut ready: Vec<Option<RowResult>> = Vec::with_capacity(schools.len());
    {
        let mut cache = cache.borrow_mut();
        cache.reset_for(&schools);
        for i in 0..schools.len() {
            let row = cache.get(i, scenario.change_for(i));
            if row.is_none() {
                missing.push(i);
            }
            ready.push(row);
        }
        if missing.len() <= SYNC_SCHOOLS {
            for &i in &missing {
                let change = scenario.change_for(i);
                if let Some(school) = schools.get(i) {
                    let row = cache.compute(i, school, change);
                    if let Some(slot) = ready.get_mut(i) {
                        *slot = Some(row);
                    }
                }
            }
            let rows = Rc::new(ready);
            let mut shown = shown.borrow_mut();
            shown.done = Some((key, rows.clone()));
            shown.pending = None;
            job.borrow().set(job.borrow().get().wrapping_add(1)); // stops a chunked run
            return Rows { rows, busy: false };
        }
    }
    // A district: the work runs in chunks; a newer scenario stops this one.
    let token = job.borrow().clone();
    let this_job = token.get().wrapping_add(1);
    token.set(this_job);
    shown.borrow_mut().pending = Some(key.clone());
    {
        let (cache, shown, finished) = (cache.clone(), shown.clone(), finished.clone());
        let (schools, scenario) = (schools.clone(), scenario.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let mut next = 0;
            while next < missing.len() {
                yield_to_page().await;
                if token.get() != this_job {
                    return; // A newer scenario took over; what was computed stays cached.
                }
                let start = now();
                let mut cache = cache.borrow_mut();
                while let Some(&i) = missing.get(next) {
                    let change = scenario.change_for(i);
                    if let Some(school) = schools.get(i) {
                        let row = cache.compute(i, school, change);
                        if let Some(slot) = ready.get_mut(i) {
                            *slot = Some(row);
                        }
                    }
                    next += 1;
                    if now() - start >= SLICE_MS {
                        break;
                    }
                }
            }
            if token.get() == this_job {
                let mut s = shown.borrow_mut();
                s.done = Some((key, Rc::new(ready)));
                s.pending = None;
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
