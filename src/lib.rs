//! SiteBudget's browser shell: Yew components over `sitebudget_core`.
//!
//! Everything that is not the browser (the model, the engine, edits, files, views and
//! the app state) lives in the `sitebudget-core` crate, which cannot depend on this one.

#[cfg(target_arch = "wasm32")]
pub mod ui;
