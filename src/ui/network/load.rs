//! Loading a network by address (`?network=<path>`): the network file under the same-origin
//! rule of an embed's `src=`, then every school it names by `src` (relative to the
//! network file), fetched at once. The page shows the network as soon as its file is
//! read and its first schools are asked for, each school still coming as a row that says so; each budget file is read as it
//! arrives and handed to the page in batches (one copy of the list a batch, not one a
//! school). A school that cannot be had becomes a row that says why; only a network file
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
use crate::ui::embed::{fetch_text, load_src, FetchError, LoadError};

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
    show: Option<Box<dyn FnOnce()>>,
    deliver: Callback<Vec<Arrival>>,
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
/// render no longer holds the fetches back). Each file is read as it arrives (so no one
/// task reads a district), and the arrivals go to `deliver` in batches: at most one every
/// [`BATCH_MS`], the last as soon as the last file is in.
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
                let result = load_src(&resolved)
                    .await
                    .map(Rc::new)
                    .map_err(|e| reason(&e));
                let now = {
                    let mut b = batch.borrow_mut();
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
                    hand_over(&batch);
                }
            });
        }
        yield_to_page().await;
        reveal(&batch);
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
