//! The application: what the app does with the layers below, with no browser in it.

pub mod workbook;

pub use workbook::budget_workbook;
