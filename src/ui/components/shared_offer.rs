//! The question a shared copy of a budget already kept here asks: keep both or replace.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::lang::{tr, trn};

use sitebudget_core::app::{SharedChoice, SharedOffer};

/// What [`shared_offer_panel`] shows.
#[derive(PartialEq)]
pub struct SharedOfferProps {
    /// The waiting shared budget.
    pub offer: Rc<SharedOffer>,
    /// Called with the user's answer.
    pub on_choice: Callback<SharedChoice>,
}

/// Says the budget is already here and offers to keep both or replace it.
pub fn shared_offer_panel(props: &SharedOfferProps) -> Html {
    let choose = |choice: SharedChoice| {
        let cb = props.on_choice.clone();
        Callback::from(move |_: MouseEvent| cb.emit(choice))
    };
    let offer = &props.offer;
    let count = offer.scenarios.len();
    html! {
        <div class="share-banner" role="region" aria-label={tr("Shared budget already here")} data-testid="shared-offer">
            <p>
                { trn("“{name}” is already in this browser. The shared copy has 1 scenario.",
                    "“{name}” is already in this browser. The shared copy has {n} scenarios.",
                    count as u64, &[("name", &offer.existing_label)]) }
                { " " }
                { tr("Keep both (the copy opens as another budget), or replace yours with the copy (Undo brings yours back)?") }
            </p>
            <div class="share-row">
                <button type="button" class="primary" data-testid="shared-keep-both" onclick={choose(SharedChoice::KeepBoth)}>
                    { tr("Keep both") }
                </button>
                <button type="button" data-testid="shared-replace" onclick={choose(SharedChoice::Replace)}>
                    { tr("Replace mine") }
                </button>
                <button type="button" data-testid="shared-cancel" onclick={choose(SharedChoice::Cancel)}>
                    { tr("Cancel") }
                </button>
            </div>
        </div>
    }
}
