//! Loading a network by address (`?network=<path>`): the network file under the same-origin
//! rule of an embed's `src=`, then every school it names by `src` (relative to the
//! network file), fetched at once. A school that cannot be had becomes a row that says
//! why; only a network file that cannot be read at all fails the whole page.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use sitebudget_core::app::networks::{Network, NetworkSchool};
use sitebudget_core::io::network::{read_network, resolve_src};
use sitebudget_core::model::NetworkFile;
use sitebudget_core::util::i18n::{tr, trf};

use crate::ui::embed::{fetch_text, load_src, FetchError, LoadError};

/// Why a network could not be shown: a headline and each problem.
pub type NetLoadError = LoadError;

/// Runs every future at once and returns their outputs in order.
pub async fn join_all<T: 'static>(futures: Vec<Pin<Box<dyn Future<Output = T>>>>) -> Vec<T> {
    let n = futures.len();
    if n == 0 {
        return Vec::new();
    }
    let results: Rc<RefCell<Vec<Option<T>>>> =
        Rc::new(RefCell::new((0..n).map(|_| None).collect()));
    let left = Rc::new(std::cell::Cell::new(n));
    let mut futures = Some(futures);
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        for (i, fut) in futures.take().unwrap_or_default().into_iter().enumerate() {
            let (results, left, resolve) = (results.clone(), left.clone(), resolve.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let out = fut.await;
                if let Some(slot) = results.borrow_mut().get_mut(i) {
                    *slot = Some(out);
                }
                left.set(left.get().saturating_sub(1));
                if left.get() == 0 {
                    let _ = resolve.call0(&JsValue::NULL);
                }
            });
        }
    });
    let _ = JsFuture::from(promise).await;
    let taken = std::mem::take(&mut *results.borrow_mut());
    taken.into_iter().flatten().collect()
}

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

/// The network `file` read from `path`, with the schools it names by `src` fetched
/// relative to `path`, all at once; each failure is kept as that school's problem.
pub async fn load_schools(path: &str, file: NetworkFile) -> Network {
    let mut network = Network::from_file(file);
    let mut futures: Vec<Pin<Box<dyn Future<Output = NetworkSchool>>>> = Vec::new();
    for school in network.schools.iter().cloned() {
        match school {
            NetworkSchool::Src { src, .. } => {
                let resolved = resolve_src(path, &src);
                futures.push(Box::pin(async move {
                    match load_src(&resolved).await {
                        Ok(doc) => NetworkSchool::Budget(Rc::new(doc)),
                        Err(err) => NetworkSchool::Src {
                            src,
                            problem: Some(reason(&err)),
                        },
                    }
                }));
            }
            other => futures.push(Box::pin(async move { other })),
        }
    }
    // One new list (not a load action per school: a thousand copies of the list).
    network.schools = Rc::new(join_all(futures).await);
    if network.name.trim().is_empty() {
        network.name = tr("Network");
    }
    network
}

/// A load error as one plain sentence for a row.
pub fn reason(err: &LoadError) -> String {
    if err.problems.is_empty() {
        err.headline.clone()
    } else {
        format!("{} {}", err.headline, err.problems.join(" "))
    }
}
