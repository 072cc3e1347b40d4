//! SiteBudget: a strategic budgeting calculator for one school site.
//!
//! Layers point downward: `model` (document types) → `engine` (pure budget math)
//! → `io` (JSON and CSV) → `ui` (Yew components, compiled only for the browser).

pub mod chart;
pub mod edit;
pub mod engine;
pub mod format;
pub mod history;
pub mod io;
pub mod model;
pub mod sort;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod ui;
