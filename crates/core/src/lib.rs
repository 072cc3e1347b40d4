//! SiteBudget's core: everything that is not the browser, compiled and tested natively.
//!
//! Layers point downward: `format` and `util` (plain helpers) → `model` (document types)
//! → `engine` (pure budget math) → `edit` and `io` (edits, JSON, CSV, XLSX, storage
//! records, share links) → `view` and `chart` (what the page shows, as data) → `app`
//! (the state and its actions, the list of budgets, what is saved).
//! docs/ARCHITECTURE.md names what each may depend on.

pub mod app;
pub mod chart;
pub mod edit;
pub mod engine;
pub mod format;
pub mod history;
pub mod io;
pub mod model;
pub mod util;
pub mod view;
