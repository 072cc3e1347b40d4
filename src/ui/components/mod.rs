//! One small component per file, each with `PartialEq` props so unchanged parts skip re-rendering.

pub mod budget_bar;
pub mod budget_table;
pub mod charts;
pub mod compare_scenarios;
pub mod comparison;
pub mod cut_card;
pub mod cut_plan;
pub mod drop_zone;
pub mod editor;
pub mod export_menu;
pub mod figure;
pub mod flexibility_panel;
pub mod import_control;
pub mod levers_panel;
pub mod norm_day_panel;
pub mod panel;
pub mod print;
pub mod projection_panel;
pub mod projection_section;
pub mod scenario_bar;
pub mod scenario_inputs;
pub mod school_header;
pub mod share_banner;
pub mod share_link;
pub mod shared_offer;
pub mod sources_panel;
pub mod store_notices;

/// A table's header row: each column's key translated, numeric columns right-aligned.
/// One function for every table, so a header costs a list, not a row of pasted cells.
pub fn head_row(columns: &[(&'static str, bool)]) -> yew::Html {
    use yew::prelude::*;
    html! {
        <tr>
            for (key, numeric) in columns.iter().copied() {
                <th scope="col" class={numeric.then_some("num")}>{ crate::ui::lang::tr(key) }</th>
            }
        </tr>
    }
}
