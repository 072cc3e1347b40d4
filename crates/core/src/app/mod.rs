//! The application: the state the page shows, what the user can do to it, the list of
//! budgets and what of it is saved, and the XLSX workbook's composition. Plain Rust,
//! tested natively; the browser shell wraps it.

pub mod budgets;
pub mod saved;
pub mod state;
pub mod workbook;

pub use budgets::{Budget, BudgetEntry};
pub use saved::{restore, Records, SavedKey, Saver};
pub use state::{
    Action, AppState, FieldError, ImportStatus, ImportTarget, LineSteer, NamedScenario,
    StorageStatus, TableView, Undoable,
};
pub use workbook::{budget_workbook, lines_workbook};
