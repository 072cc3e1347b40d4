//! Reading and writing budgets: the JSON document, CSV of lines, scenarios as JSON, share
//! links, and the messages to the file worker that reads and writes XLSX.

pub mod csv_lines;
mod fields;
pub mod import;
pub mod json;
pub mod line_rows;
pub mod network;
mod pretty;
pub mod read;
pub mod same_origin;
pub mod sample;
pub mod scenario_json;
pub mod share;
pub mod store;
pub mod worker_protocol;
pub mod xlsx_read;

pub use crate::model::{ImportError, Place, Problem};
pub use csv_lines::{import_lines_csv, lines_to_csv, read_lines_csv};
pub use json::{document_value, file_scenarios, parse_document, to_json, to_json_with_scenarios};
pub use scenario_json::{read_scenario, scenario_value};
pub use share::{read_share, share_fragment, ShareError, Shared};
pub use xlsx_read::{import_lines_xlsx, xlsx_rows};
