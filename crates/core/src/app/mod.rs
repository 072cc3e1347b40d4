//! The application: the state the page shows, what the user can do to it, the list of
//! budgets and what of it is saved, and the XLSX workbook's composition. Plain Rust,
//! tested natively; the browser shell wraps it.

pub mod budgets;
pub mod inputs;
pub mod networks;
pub mod saved;
pub mod state;
pub mod workbook;

pub use budgets::{Budget, BudgetEntry};
pub use saved::{
    merge, migration, restore, Conflict, Damaged, Plan, Records, SavedKey, Saver, Write, Written,
};
pub use state::{edited_line_ids, with_line_edits};
pub use state::{
    Action, AppState, FieldError, ImportStatus, ImportTarget, LineSteer, NamedScenario,
    SharedChoice, SharedOffer, StorageStatus, TableView, Undoable,
};
pub use workbook::{budget_workbook, compared_workbook, lines_workbook, network_workbook};
