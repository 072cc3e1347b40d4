//! The network view (issue #15): many schools in one table under one enrollment change,
//! opened by address (`?network=<path>`), from a file, or from budgets saved in this
//! browser; and its read-only embed (`?embed&network=…`).

pub mod compute;
pub mod embed;
pub mod exports;
pub mod hub;
pub mod load;
pub mod page;
pub mod school;
pub mod table;

use sitebudget_core::util::url::query_pairs;

/// The `network=` path of a query string, if it names one (blank is none).
pub fn network_param(query: &str) -> Option<String> {
    query_pairs(query)
        .find(|(k, _)| k == "network")
        .map(|(_, v)| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}
