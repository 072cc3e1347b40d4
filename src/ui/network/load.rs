//! Loading a network by address (`?network=<path>`): the network file under the same-origin
//! rule of an embed's `src=`, then every school it names by `src` (relative to the
//! network file), fetched at once. The page shows the network as soon as its file is
//! read and its first schools are asked for, each school still coming as a row that says
//! so. Budget files are read as they arrive (those that come while later fetches are still
//! being started wait until they have started) and handed to the page in batches (one copy
//! of the list a batch, not one a school). A school that cannot be had becomes a row that says why; only a network file
//! that cannot be read at all fails the whole page.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::Callback;

use sitebudget_core::app::networks::{Arrival, Network};
use sitebudget_core::io::network::{read_network, resolve_src};
use sitebudget_core::model::NetworkFile;
use sitebudget_core::util::i18n::{tr, trf};

use super::compute::yield_to_page;
use crate::ui::embed::{fetch_src, fetch_text, read_src, FetchError, LoadError};

/// Why a network could not be shown: a headline and each problem.
pub type NetLoadError = LoadError;

/// At most one batch of arrivals reaches the page in this many milliseconds.
const BATCH_MS: u32 = 50;
/// How many fetches start in one task (each takes the page about half a millisecond; more
/// to a task made long tasks on a busy machine, fewer left the last fetches waiting).
const SLICE: usize = 20;

/// The network file at `path`, read (its schools not yet loaded).
pub async fn fetch_network(path: &str) -> Result<NetworkFile, NetLoadError> {
    let text = fetch_text(path).await.map_err(|e| {
        LoadError::new(match e {
            FetchError::Refused(problem) => problem,
            FetchError::NotAnAddress => trf(
                "network={path} is not a web address, so nothing was loaded.",
                &[("path", &path)],
            ),
            FetchError::NoPage(_) | FetchError::Unreachable => trf(
                "The network at {path} could not be reached. Check the address and that the file is on this site.",
                &[("path", &path)],
            ),
            FetchError::Status(status) => trf(
                "The network at {path} could not be loaded: the site answered {status}.",
                &[("path", &path), ("status", &status)],
            ),
        })
    })?;
    read_network(&text).map_err(|problems| LoadError {
        headline: trf(
            "The file at {path} is not a network SiteBudget can read:",
            &[("path", &path)],
        ),
        problems,
    })
}

/// The network a file gives, to show at once: its `src` schools marked as coming, with
/// the files to fetch (position, path).
pub fn begin(file: NetworkFile) -> (Network, Vec<(usize, String)>) {
    let mut network = Network::from_file(file);
    if network.name.trim().is_empty() {
        network.name = tr("Network");
    }
    let todo = network.start_loading();
    (network, todo)
}

/// The arrivals not yet handed over, how many files are still coming, and the network's
/// showing while it waits for the first fetches to start.
struct Batch {
    arrivals: Vec<Arrival>,
    left: usize,
    scheduled: bool,
    /// Whether every fetch has been started.
    started: bool,
    /// Files in before every fetch was started, kept to read after: reading a budget takes
    /// longer than starting a fetch, and read at once they held the last fetches back by
    /// seconds. The first [`READ_AT_ONCE`] are read at once, for the first table.
    unread: Vec<(usize, String, String, Result<String, LoadError>)>,
    /// How many files have been read.
    read: usize,
    show: Option<Box<dyn FnOnce()>>,
    deliver: Callback<Vec<Arrival>>,
}

/// Files read as they arrive while the fetches are still being started: the first table.
const READ_AT_ONCE: usize = 40;
/// How long one task may read kept files before it yields to the page, in milliseconds.
const READ_SLICE_MS: f64 = 8.0;

/// Reads a fetched school and puts it with the arrivals, handing them over when due: at
/// most one batch every [`BATCH_MS`], the last as soon as the last file is in.
fn arrive(
    batch: &Rc<RefCell<Batch>>,
    index: usize,
    src: String,
    resolved: &str,
    fetched: Result<String, LoadError>,
) {
    let result = fetched
        .and_then(|text| read_src(resolved, &text))
        .map(Rc::new)
        .map_err(|e| reason(&e));
    let now = {
        let mut b = batch.borrow_mut();
        b.read += 1;
        b.arrivals.push(Arrival { index, src, result });
        b.left = b.left.saturating_sub(1);
        let first = !b.scheduled;
        b.scheduled = true;
        if b.left > 0 && first {
            let later = batch.clone();
            Timeout::new(BATCH_MS, move || hand_over(&later)).forget();
        }
        b.left == 0
    };
    if now {
        hand_over(batch);
    }
}

/// Milliseconds on the page's clock.
fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// Hands over what has arrived (outside the borrow: the page may render at once); nothing
/// before the network is shown.
fn hand_over(batch: &Rc<RefCell<Batch>>) {
    let (arrivals, deliver) = {
        let mut b = batch.borrow_mut();
        b.scheduled = false;
        if b.show.is_some() {
            return;
        }
        (std::mem::take(&mut b.arrivals), b.deliver.clone())
    };
    if !arrivals.is_empty() {
        deliver.emit(arrivals);
    }
}

/// Shows the network (once), then hands over whatever arrived meanwhile.
fn reveal(batch: &Rc<RefCell<Batch>>) {
    let show = batch.borrow_mut().show.take();
    if let Some(show) = show {
        show();
        hand_over(batch);
    }
}

/// Fetches each school of `todo` relative to `path`: every fetch is started at once, in
/// slices of [`SLICE`] a task (a thousand started in one task froze the page for half a
/// second), and `show` shows the network once the first slice is on its way (its first
/// render no longer holds the fetches back). The first [`READ_AT_ONCE`] files are read as
/// they arrive (the first table); later ones are kept until every fetch has started, then
/// read a slice a task (no one task reads a district), and after that each as it arrives.
/// The arrivals go to `deliver` in batches: at most one every [`BATCH_MS`], the last as
/// soon as the last file is in. Keeping them brought the last fetch's start from about 4 s
/// to 2.2–3.4 s for 1,000 files on the bench (README).
pub fn fetch_schools(
    path: &str,
    todo: Vec<(usize, String)>,
    show: Box<dyn FnOnce()>,
    deliver: Callback<Vec<Arrival>>,
) {
    let batch = Rc::new(RefCell::new(Batch {
        arrivals: Vec::new(),
        left: todo.len(),
        scheduled: false,
        started: false,
        unread: Vec::new(),
        read: 0,
        show: Some(show),
        deliver,
    }));
    let path = path.to_owned();
    wasm_bindgen_futures::spawn_local(async move {
        for (k, (index, src)) in todo.into_iter().enumerate() {
            if k > 0 && k % SLICE == 0 {
                // The fetches spawned so far start here, while this task waits.
                yield_to_page().await;
                reveal(&batch);
            }
            let (batch, resolved) = (batch.clone(), resolve_src(&path, &src));
            wasm_bindgen_futures::spawn_local(async move {
                let fetched = fetch_src(&resolved).await;
                {
                    let mut b = batch.borrow_mut();
                    if !b.started && b.read + b.unread.len() >= READ_AT_ONCE {
                        b.unread.push((index, src, resolved, fetched));
                        return;
                    }
                }
                arrive(&batch, index, src, &resolved, fetched);
            });
        }
        yield_to_page().await;
        reveal(&batch);
        // Every fetch is on its way: the files kept meanwhile are read, a slice a task.
        let mut unread = {
            let mut b = batch.borrow_mut();
            b.started = true;
            std::mem::take(&mut b.unread)
        }
        .into_iter();
        loop {
            let start = now_ms();
            let mut more = false;
            for (index, src, resolved, fetched) in unread.by_ref() {
                arrive(&batch, index, src, &resolved, fetched);
                if now_ms() - start > READ_SLICE_MS {
                    more = true;
                    break;
                }
            }
            if !more {
                break;
            }
            yield_to_page().await;
        }
    });
}

/// A load error as one plain sentence for a row.
pub fn reason(err: &LoadError) -> String {
    if err.problems.is_empty() {
        err.headline.clone()
    } else {
        format!("{} {}", err.headline, err.problems.join(" "))
    }
}
