//! Embed mode: the context components consult (embedded? read-only? which panels?) and
//! the root that shows either the normal app or the compact embed.

pub mod height;
mod load;
pub mod shell;

use std::rc::Rc;

use yew::prelude::*;

use sitebudget_core::view::embed_options::EmbedOptions;

pub use load::{
    fetch_src, fetch_text, fragment_budget, load_src, read_src, src_budget, start_state,
    FetchError, LoadError,
};
pub use shell::{Root, RootProps};

/// The embed options in force, shared with every component below the embed root.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct EmbedContext(pub Rc<EmbedOptions>);

/// The embed options in force; outside an embed (no context) the normal app's defaults.
#[hook]
pub fn use_embed() -> Rc<EmbedOptions> {
    use_context::<EmbedContext>()
        .map(|c| c.0)
        .unwrap_or_default()
}

/// Whether controls that edit the budget must be hidden: editors ask this before rendering.
#[hook]
pub fn use_read_only() -> bool {
    use_embed().is_read_only()
}

/// Whether the cut plan's steering controls show (an embed needs `mode=edit`).
#[hook]
pub fn use_can_steer() -> bool {
    use_embed().can_steer()
}
