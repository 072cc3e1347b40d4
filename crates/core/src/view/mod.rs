//! What the page shows, computed from the document and the engine's results: plain Rust,
//! so the words and figures users read are tested natively.

pub mod budget_rows;
pub mod chart_data;
pub mod embed_options;
pub mod file_name;
pub mod import_preview;
pub mod levers_text;
pub mod line_edits;
pub mod links;
pub mod meeting;
pub mod names;
pub mod network_table;
pub mod plan_text;
pub mod source_rows;
pub mod src_offer;
pub mod summary;
