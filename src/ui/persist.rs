//! Autosave's browser side: the records kept in IndexedDB (web-sys, a promise per request), or
//! in local storage where IndexedDB is missing, read whole at the start and written one
//! [`Plan`] per transaction. What is read and written, in which order, and how another
//! tab's records merge is decided in `sitebudget_core::app::saved`; storage that is
//! full or blocked never stops the app.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

use sitebudget_core::app::saved::{is_journal_key, journal_replay, journal_text, read_journal};
use sitebudget_core::app::{
    migration, restore, AppState, Plan, Saver, StorageStatus, Write, Written,
};
use sitebudget_core::io::store::fingerprint;
use sitebudget_core::util::i18n::{key, tr};

const UNAVAILABLE: &str = key(
    "This browser does not let SiteBudget save (private browsing or blocked storage). \
Your work stays while this page is open: export it to keep it.",
);

const DB: &str = "sitebudget";
const STORE: &str = "records";

thread_local! {
    /// What this tab knows the store holds: one app per page, so one saver.
    pub static SAVER: RefCell<Saver> = RefCell::new(Saver::default());
}

/// Where the records live.
pub enum Backend {
    /// IndexedDB, one transaction per save.
    Idb(IdbDatabase),
    /// Local storage, where IndexedDB cannot be opened.
    Local(web_sys::Storage),
    /// Nothing can be saved.
    Off,
}

/// Records read into memory.
pub type Snapshot = BTreeMap<String, String>;

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// Local storage's SiteBudget records.
fn local_records(storage: &web_sys::Storage) -> Snapshot {
    let mut map = Snapshot::new();
    let n = storage.length().unwrap_or(0);
    for i in 0..n {
        if let Some(key) = storage.key(i).ok().flatten() {
            if let Some(value) = storage.get_item(&key).ok().flatten() {
                map.insert(key, value);
            }
        }
    }
    map
}

/// A request's outcome as a future: its result, or its error.
async fn done(request: &IdbRequest) -> Result<JsValue, JsValue> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    JsFuture::from(promise).await?;
    request.result()
}

/// Whether a transaction committed (`false`: aborted, by us or by the browser).
async fn finished(tx: &IdbTransaction) -> bool {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onabort(Some(&reject));
    });
    JsFuture::from(promise).await.is_ok()
}

async fn open_idb() -> Result<IdbDatabase, JsValue> {
    let factory = web_sys::window()
        .ok_or(JsValue::NULL)?
        .indexed_db()?
        .ok_or(JsValue::NULL)?;
    let request = factory.open_with_u32(DB, 1)?;
    let upgrade = {
        let request = request.clone();
        Closure::once_into_js(move || {
            if let Some(db) = request
                .result()
                .ok()
                .and_then(|r| r.dyn_into::<IdbDatabase>().ok())
            {
                if !db.object_store_names().contains(STORE) {
                    let _ = db.create_object_store(STORE);
                }
            }
        })
    };
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    done(&request).await?.dyn_into()
}

fn store_of(
    db: &IdbDatabase,
    mode: IdbTransactionMode,
) -> Result<(IdbTransaction, IdbObjectStore), JsValue> {
    let tx = db.transaction_with_str_and_mode(STORE, mode)?;
    let store = tx.object_store(STORE)?;
    Ok((tx, store))
}

/// A stored value as text: JSON text as written, or an object (a tool may store a
/// document as one) as its JSON.
fn as_text(value: &JsValue) -> String {
    value.as_string().unwrap_or_else(|| {
        js_sys::JSON::stringify(value)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    })
}

async fn read_all(store: &IdbObjectStore) -> Result<Snapshot, JsValue> {
    let keys = store.get_all_keys()?;
    let values = store.get_all()?;
    let (keys, values) = (done(&keys).await?, done(&values).await?);
    let (keys, values) = (js_sys::Array::from(&keys), js_sys::Array::from(&values));
    // Inserted one by one: `collect` into a BTreeMap sorts first, pasting std's sort.
    let mut records = Snapshot::new();
    for (k, v) in keys.iter().zip(values.iter()) {
        if let Some(k) = k.as_string() {
            records.insert(k, as_text(&v));
        }
    }
    Ok(records)
}

/// Every record, as the store holds them now.
pub async fn snapshot(backend: &Backend) -> Snapshot {
    match backend {
        Backend::Idb(db) => {
            let read = async {
                let (_tx, store) = store_of(db, IdbTransactionMode::Readonly)?;
                read_all(&store).await
            };
            read.await.unwrap_or_default()
        }
        Backend::Local(storage) => local_records(storage),
        Backend::Off => Snapshot::new(),
    }
}

/// Applies `writes` in one transaction after checking `expect`; `Stale` when another tab
/// changed an expected key (nothing is written then).
async fn transact(
    db: &IdbDatabase,
    writes: &[Write],
    expect: &[(String, Option<u64>)],
) -> Result<Written, JsValue> {
    let (tx, store) = store_of(db, IdbTransactionMode::Readwrite)?;
    let mut now = BTreeMap::new();
    for (key, _) in expect {
        let value = done(&store.get(&JsValue::from_str(key))?).await?;
        let value = (!value.is_undefined()).then(|| fingerprint(&as_text(&value)));
        now.insert(key.clone(), value);
    }
    let stale: Vec<String> = expect
        .iter()
        .filter(|(k, want)| now.get(k).copied().flatten() != *want)
        .map(|(k, _)| k.clone())
        .collect();
    if !stale.is_empty() {
        let _ = tx.abort();
        return Ok(Written::Stale(stale));
    }
    for w in writes {
        let key = JsValue::from_str(&w.key);
        let queued = match &w.value {
            Some(text) => store.put_with_key(&JsValue::from_str(text), &key).map(drop),
            None => store.delete(&key).map(drop),
        };
        if queued.is_err() {
            // Nothing of this save is kept: the previous set stays whole.
            let _ = tx.abort();
            return Ok(Written::Refused);
        }
    }
    Ok(if finished(&tx).await {
        Written::Saved
    } else {
        Written::Refused
    })
}

/// Writes `plan` to the store; the saver learns of it when it is saved.
pub async fn write(backend: &Backend, plan: &Plan) -> Written {
    match backend {
        Backend::Idb(db) => transact(db, &plan.writes, &plan.expect)
            .await
            .unwrap_or(Written::Refused),
        Backend::Local(storage) => {
            let stale = plan.stale(|k| storage.get_item(k).ok().flatten().map(|t| fingerprint(&t)));
            if !stale.is_empty() {
                return Written::Stale(stale);
            }
            for w in &plan.writes {
                let done = match &w.value {
                    Some(text) => storage.set_item(&w.key, text),
                    None => storage.remove_item(&w.key),
                };
                if done.is_err() {
                    return Written::Refused;
                }
            }
            Written::Saved
        }
        Backend::Off => Written::Refused,
    }
}

/// What a written plan means for the status shown.
pub fn status_of(written: &Written, backend: &Backend) -> StorageStatus {
    match (written, backend) {
        (_, Backend::Off) => StorageStatus::Failing(tr(UNAVAILABLE)),
        (Written::Saved, _) => StorageStatus::Saved,
        (Written::Refused, _) => StorageStatus::Failing(sitebudget_core::app::saved::FULL.into()),
        (Written::Stale(_), _) => StorageStatus::Pending,
        (Written::Held, _) => StorageStatus::Pending,
    }
}

/// Opens the store, moves local storage's records into it once (keeping them until the
/// move has committed), and restores the state it holds. The saver is set as a side effect.
pub async fn open() -> (AppState, Rc<Backend>) {
    let local = local_storage();
    let db = match open_idb().await {
        Ok(db) => Some(db),
        Err(e) => {
            web_sys::console::warn_2(&"IndexedDB cannot be opened:".into(), &e);
            None
        }
    };
    let (records, backend) = match (db, local) {
        (Some(db), local) => {
            let backend = Backend::Idb(db);
            let mut records = snapshot(&backend).await;
            if let (Some(storage), Backend::Idb(db)) = (&local, &backend) {
                let moves = migration(&local_records(storage), &records);
                if !moves.is_empty()
                    && matches!(transact(db, &moves, &[]).await, Ok(Written::Saved))
                {
                    for w in &moves {
                        let _ = storage.remove_item(&w.key);
                    }
                    records = snapshot(&backend).await;
                }
                if replay_journal(db, storage, &records).await {
                    records = snapshot(&backend).await;
                }
            }
            (records, backend)
        }
        (None, Some(storage)) => (local_records(&storage), Backend::Local(storage)),
        (None, None) => {
            let mut state = AppState::with_sample();
            state.storage = StorageStatus::Failing(tr(UNAVAILABLE));
            return (state, Rc::new(Backend::Off));
        }
    };
    let (state, saver) = restore(&records);
    SAVER.with(|s| *s.borrow_mut() = saver);
    (state, Rc::new(backend))
}

/// Writes the journal (under `key`: the budgets' `JOURNAL_KEY`, or a record's
/// `journal_key_of`) of a save page-hide could not wait for; a failure is left to the
/// IndexedDB write that follows.
pub fn write_journal(key: &str, plan: &Plan) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(key, &journal_text(plan));
    }
}

/// Drops the journal under `key` once its save is written.
pub fn clear_journal(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}

/// Replays each journal a closed page left (the budgets' and each network's), when the
/// records still hold what it expected, and drops it unless writing it failed (then the
/// next start tries again). Whether any was written.
async fn replay_journal(db: &IdbDatabase, storage: &web_sys::Storage, records: &Snapshot) -> bool {
    let keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| is_journal_key(k))
        .collect();
    let mut any = false;
    for key in keys {
        let Some(text) = storage.get_item(&key).ok().flatten() else {
            continue;
        };
        let writes = read_journal(&text)
            .map(|plan| journal_replay(&plan, records))
            .unwrap_or_default();
        let done =
            writes.is_empty() || matches!(transact(db, &writes, &[]).await, Ok(Written::Saved));
        if done {
            let _ = storage.remove_item(&key);
        }
        any |= done && !writes.is_empty();
    }
    any
}

/// Asks the browser to keep the data, and how much room is used and left (bytes).
pub async fn room() -> Option<(f64, f64)> {
    let storage = web_sys::window()?.navigator().storage();
    if let Ok(p) = storage.persist() {
        let _ = wasm_bindgen_futures::JsFuture::from(p).await;
    }
    let estimate = wasm_bindgen_futures::JsFuture::from(storage.estimate().ok()?)
        .await
        .ok()?;
    let estimate: web_sys::StorageEstimate = estimate.unchecked_into();
    Some((estimate.get_usage()?, estimate.get_quota()?))
}

/// Writes one record (`None` removes it) in a transaction of its own, outside the
/// budgets' saver: the network view keeps each network under `network:<id>`.
pub async fn put(backend: &Backend, key: &str, value: Option<String>) -> bool {
    let write = Write {
        key: key.to_owned(),
        value,
    };
    match backend {
        Backend::Idb(db) => matches!(
            transact(db, std::slice::from_ref(&write), &[]).await,
            Ok(Written::Saved)
        ),
        Backend::Local(storage) => match &write.value {
            Some(text) => storage.set_item(&write.key, text).is_ok(),
            None => storage.remove_item(&write.key).is_ok(),
        },
        Backend::Off => false,
    }
}
