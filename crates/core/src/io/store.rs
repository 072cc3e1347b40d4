//! What the app keeps in browser storage, as versioned JSON records, and their migration.
//!
//! Layout: one index record naming the budgets, then per budget its document (plain
//! `sitebudget/1` JSON) and a work record (scenarios and view choices). Every record but
//! the document carries `version`; older records are upgraded step by step on reading,
//! newer ones are refused so that an older build never overwrites them.

use serde_json::{json, Map, Value};

use super::scenario_json::{read_scenario, scenario_value};
use crate::engine::Scenario;
use crate::util::i18n::{tr, tr1, trf};

/// The version this build writes.
pub const STORE_VERSION: u64 = 1;

/// Storage key of the index record.
pub const INDEX_KEY: &str = "sitebudget.index";

/// Storage key of a budget's document.
pub fn doc_key(id: u32) -> String {
    format!("sitebudget.budget.{id}.doc")
}

/// Storage key of a budget's work record.
pub fn work_key(id: u32) -> String {
    format!("sitebudget.budget.{id}.work")
}

/// Where the raw text of an unreadable index is kept, so a new index never destroys it.
pub const DAMAGED_INDEX_KEY: &str = "sitebudget.index.damaged";

/// Set in the new store once local storage's records have moved there, so they move once.
pub const MOVED_KEY: &str = "sitebudget.moved";

/// Whether `key` is one of SiteBudget's records (the ones a migration moves).
pub fn is_store_key(key: &str) -> bool {
    key.starts_with("sitebudget.")
}

/// The budget id a document or work key belongs to.
pub fn budget_of_key(key: &str) -> Option<u32> {
    let rest = key.strip_prefix("sitebudget.budget.")?;
    let (id, kind) = rest.split_once('.')?;
    matches!(kind, "doc" | "work")
        .then(|| id.parse().ok())
        .flatten()
}

/// A cheap fingerprint of a record's text: two tabs compare what they last saw stored
/// with what is stored now, without keeping every record's text twice.
pub fn fingerprint(text: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(text.as_bytes());
    h.write_usize(text.len());
    h.finish()
}

/// Why a stored record could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// Written by a newer SiteBudget than this one.
    Newer(u64),
    /// Not the shape this build expects.
    Damaged(String),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            StoreError::Newer(v) => trf(
                "it was saved by a newer SiteBudget (storage format {v}, this one reads up to {version}); it is kept as it is",
                &[("v", v), ("version", &STORE_VERSION)],
            ),
            StoreError::Damaged(why) => {
                tr1("the saved data is damaged: {why}", "why", why)
            }
        };
        f.write_str(&text)
    }
}

/// One budget in the index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexEntry {
    /// Stable id, part of the storage keys.
    pub id: u32,
    /// The user's name for the budget.
    pub label: String,
}

/// The list of budgets and which one is open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredIndex {
    /// The open budget's id.
    pub open: u32,
    /// Every budget, in the order shown.
    pub budgets: Vec<IndexEntry>,
    /// The next unused budget id: ids are never reused, so a budget this build could
    /// not read keeps its records.
    pub next_id: u32,
}

/// A named scenario as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredScenario {
    /// Its id within the budget.
    pub id: u32,
    /// The user's name for it.
    pub name: String,
    /// Its inputs.
    pub scenario: Scenario,
}

/// A budget's scenarios and view choices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredWork {
    /// Named scenarios, in creation order.
    pub scenarios: Vec<StoredScenario>,
    /// The scenario in force.
    pub active: u32,
    /// The scenario compared with it, if any.
    pub compare_with: Option<u32>,
    /// Years in the projection.
    pub years: u32,
}

/// Writes the index record.
pub fn index_json(index: &StoredIndex) -> String {
    let budgets: Vec<Value> = index
        .budgets
        .iter()
        .map(|b| json!({ "id": b.id, "label": b.label }))
        .collect();
    json!({
        "version": STORE_VERSION,
        "open": index.open,
        "next_id": index.next_id,
        "budgets": budgets,
    })
    .to_string()
}

/// Reads the index record, upgrading older versions.
pub fn read_index(text: &str) -> Result<StoredIndex, StoreError> {
    let v = upgrade(parse(text)?)?;
    let budgets = list(&v, "budgets")?
        .iter()
        .map(|b| {
            Ok(IndexEntry {
                id: id(b, "id")?,
                label: text_field(b, "label")?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    let highest = budgets.iter().map(|b| b.id).max().unwrap_or(0);
    Ok(StoredIndex {
        open: id(&v, "open")?,
        next_id: id(&v, "next_id")?.max(highest.saturating_add(1)),
        budgets,
    })
}

/// Writes a work record.
pub fn work_json(work: &StoredWork) -> String {
    let scenarios: Vec<Value> = work
        .scenarios
        .iter()
        .map(|s| json!({ "id": s.id, "name": s.name, "scenario": scenario_value(&s.scenario) }))
        .collect();
    json!({
        "version": STORE_VERSION,
        "scenarios": scenarios,
        "active": work.active,
        "compare_with": work.compare_with,
        "years": work.years,
    })
    .to_string()
}

/// Reads a work record, upgrading older versions.
pub fn read_work(text: &str) -> Result<StoredWork, StoreError> {
    let v = upgrade(parse(text)?)?;
    let scenarios = list(&v, "scenarios")?
        .iter()
        .map(|s| {
            let inputs = s
                .get("scenario")
                .ok_or_else(|| StoreError::Damaged(tr("a scenario has no inputs")))?;
            Ok(StoredScenario {
                id: id(s, "id")?,
                name: text_field(s, "name")?,
                scenario: read_scenario(inputs)
                    .map_err(|e| StoreError::Damaged(tr1("a scenario: {e}", "e", &e)))?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    if scenarios.is_empty() {
        return Err(StoreError::Damaged(tr("no scenarios")));
    }
    let compare_with = match v.get("compare_with") {
        None | Some(Value::Null) => None,
        Some(_) => Some(id(&v, "compare_with")?),
    };
    Ok(StoredWork {
        scenarios,
        active: id(&v, "active")?,
        compare_with,
        years: id(&v, "years")?.clamp(1, 10),
    })
}

/// Brings a record to [`STORE_VERSION`], one step at a time.
///
/// Version 0 is a record without a `version` field, as a hand-made or pre-release record
/// would be: it gains the fields later versions require, with their defaults. Each
/// future format change adds one step here, tested in `tests/io_store.rs`.
pub fn upgrade(mut v: Value) -> Result<Value, StoreError> {
    let Some(obj) = v.as_object_mut() else {
        return Err(StoreError::Damaged(tr("not a JSON object")));
    };
    let mut version = match obj.get("version") {
        None => 0,
        Some(n) => n
            .as_u64()
            .ok_or_else(|| StoreError::Damaged(tr("its version is not a whole number")))?,
    };
    if version > STORE_VERSION {
        return Err(StoreError::Newer(version));
    }
    while version < STORE_VERSION {
        if version == 0 {
            v0_to_v1(obj);
        }
        version += 1;
    }
    obj.insert("version".into(), Value::from(STORE_VERSION));
    Ok(v)
}

/// 0 → 1: defaults for the view choices, and a first scenario for an index-less work record.
fn v0_to_v1(obj: &mut Map<String, Value>) {
    if obj.contains_key("scenarios") {
        let first = obj_first_id(obj.get("scenarios"));
        obj.entry("active").or_insert_with(|| Value::from(first));
        obj.entry("years").or_insert_with(|| Value::from(3));
        obj.entry("compare_with").or_insert(Value::Null);
    }
    if obj.contains_key("budgets") {
        let first = obj_first_id(obj.get("budgets"));
        obj.entry("open").or_insert_with(|| Value::from(first));
        // `read_index` raises it above every listed id.
        obj.entry("next_id").or_insert_with(|| Value::from(1));
    }
}

fn obj_first_id(list: Option<&Value>) -> u64 {
    list.and_then(Value::as_array)
        .and_then(|l| l.first())
        .and_then(|f| f.get("id"))
        .and_then(Value::as_u64)
        .unwrap_or(1)
}

fn parse(text: &str) -> Result<Value, StoreError> {
    serde_json::from_str(text).map_err(|e| StoreError::Damaged(tr1("not JSON ({e})", "e", &e)))
}

fn list<'v>(v: &'v Value, key: &str) -> Result<&'v Vec<Value>, StoreError> {
    v.get(key)
        .and_then(Value::as_array)
        .ok_or_else(|| StoreError::Damaged(tr1("`{key}` is not a list", "key", &key)))
}

fn id(v: &Value, key: &str) -> Result<u32, StoreError> {
    v.get(key)
        .and_then(Value::as_u64)
        .and_then(|n| u32::try_from(n).ok())
        .ok_or_else(|| StoreError::Damaged(tr1("`{key}` is not a whole number", "key", &key)))
}

fn text_field(v: &Value, key: &str) -> Result<String, StoreError> {
    v.get(key)
        .and_then(Value::as_str)
        .map(str::to_owned)
        .ok_or_else(|| StoreError::Damaged(tr1("`{key}` is not text", "key", &key)))
}
