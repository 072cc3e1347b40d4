//! The norms editor: one card per staffing norm.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::lang::{tr, tr1};

use super::field::Card;
use super::{card_error, card_list, error_of};
use sitebudget_core::edit::shown::{norm_value, NORM_FIELDS};
use sitebudget_core::edit::{Edit, EditError, Target};
use sitebudget_core::model::{Document, Norm};

/// Every norm as a card, and a button to add one.
pub(super) fn norms_editor(
    doc: &Document,
    error: &Option<Rc<EditError>>,
    on_edit: &Callback<Edit>,
) -> Html {
    let cards = doc
        .norms
        .iter()
        .map(|n| norm_card(n, &error_of(error, &Target::Norm(n.id.clone())), on_edit))
        .collect::<Html>();
    card_list(
        cards,
        Edit::AddNorm,
        tr("Add norm"),
        "edit-add-norm",
        on_edit,
    )
}

/// One editable norm.
fn norm_card(n: &Norm, error: &Option<Rc<EditError>>, on_edit: &Callback<Edit>) -> Html {
    let card = Card {
        target: Target::Norm(n.id.clone()),
        error,
        on_edit,
    };
    let on_delete = {
        let (on_edit, id) = (on_edit.clone(), n.id.clone());
        Callback::from(move |_: MouseEvent| on_edit.emit(Edit::DeleteNorm(id.clone())))
    };
    html! {
        <li class="edit-card" key={n.id.clone()} data-testid={format!("edit-norm-{}", n.id)}>
            <div class="edit-card-head">
                <h3>{ &n.title }</h3>
                <div class="row-actions">
                    <button type="button" class="danger" onclick={on_delete} aria-label={tr1("Delete norm {norm}", "norm", &n.title)}
                        data-testid={format!("edit-delete-norm-{}", n.id)}>{ tr("Delete") }</button>
                </div>
            </div>
            { card_error(error) }
            <div class="edit-grid">
                for field in NORM_FIELDS {
                    { card.auto(field, norm_value(n, field)) }
                }
            </div>
        </li>
    }
}
