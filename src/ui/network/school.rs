//! One school of a network opened in the single-school workspace, under the change the
//! network gives it, with a clear way back to the network. The workspace is the app's own,
//! kept in memory; each edit goes back into the network as it is made.

use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use sitebudget_core::format;
use sitebudget_core::model::Document;
use sitebudget_core::util::i18n::{tr, trf};
use sitebudget_core::view::embed_options::EmbedOptions;

use crate::ui::app::App;
use crate::ui::embed::{start_state, EmbedContext};

/// Props of [`SchoolView`].
#[derive(Properties, PartialEq)]
pub struct SchoolViewProps {
    /// The school's budget.
    pub doc: Rc<Document>,
    /// The enrollment change the network gives it.
    pub change: Decimal,
    /// The network's name, for the way back.
    pub network: AttrValue,
    /// Back to the network.
    pub on_back: Callback<()>,
    /// Told the school's budget as the user edits it (kept in the network).
    pub on_doc: Callback<Rc<Document>>,
}

/// The workspace of one school, with "Back to the network" above it.
#[component]
pub fn SchoolView(props: &SchoolViewProps) -> Html {
    // The workspace without the budget list and storage chrome: every panel, steering on.
    let context = use_memo((), |_| {
        EmbedContext(Rc::new(EmbedOptions {
            embed: true,
            edit: true,
            ..EmbedOptions::default()
        }))
    });
    // The workspace starts once from the school as opened; its edits come back as `doc`.
    let start = use_memo((), |_| {
        start_state((*props.doc).clone(), None, Some(props.change))
    });
    let on_back = {
        let cb = props.on_back.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    html! {
        <div class="network-school" data-testid="network-school-view">
            <nav class="panel back-bar no-print" aria-label={tr("Network")}>
                <button type="button" class="primary" onclick={on_back} data-testid="network-back">
                    { trf("← Back to {network}", &[("network", &props.network)]) }
                </button>
                <span class="small">{ trf("{school} under the network's change of {change}. Changes made here are kept in the network.",
                    &[("school", &props.doc.school.name), ("change", &format::percent(props.change))]) }</span>
            </nav>
            <ContextProvider<EmbedContext> context={(*context).clone()}>
                <App start={(*start).clone()} on_doc={props.on_doc.clone()} />
            </ContextProvider<EmbedContext>>
        </div>
    }
}
