//! The sources editor: one card per source with its allocation rule, uses and set-asides.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::lang::{tr, tr1};

use super::field::{Card, Input};
use super::{card_error, card_list, error_of};
use sitebudget_core::edit::shown::{source_fields, source_value};
use sitebudget_core::edit::{Edit, EditError, Field, Target};
use sitebudget_core::model::{Allocation, Document, Source};

/// Every source as a card, and a button to add one.
pub(super) fn sources_editor(
    doc: &Document,
    error: &Option<Rc<EditError>>,
    on_edit: &Callback<Edit>,
) -> Html {
    let cards = doc
        .sources
        .iter()
        .map(|s| source_card(s, &error_of(error, &Target::Source(s.id.clone())), on_edit))
        .collect::<Html>();
    card_list(
        cards,
        Edit::AddSource,
        tr("Add source"),
        "edit-add-source",
        on_edit,
    )
}

/// One editable source: fields, allocation rule, allowed uses and set-asides.
fn source_card(s: &Source, error: &Option<Rc<EditError>>, on_edit: &Callback<Edit>) -> Html {
    let card = Card {
        target: Target::Source(s.id.clone()),
        error,
        on_edit,
    };
    let act = |edit: Edit| {
        let on_edit = on_edit.clone();
        Callback::from(move |_: MouseEvent| on_edit.emit(edit.clone()))
    };
    html! {
        <li class="edit-card" key={s.id.clone()} data-testid={format!("edit-source-{}", s.id)}>
            <div class="edit-card-head">
                <h3>{ &s.name }</h3>
                <div class="row-actions">
                    <button type="button" class="danger" onclick={act(Edit::DeleteSource(s.id.clone()))}
                        aria-label={tr1("Delete source {source}", "source", &s.name)} data-testid={format!("edit-delete-source-{}", s.id)}>{ tr("Delete") }</button>
                </div>
            </div>
            { card_error(error) }
            <div class="edit-grid">
                for field in source_fields(s) {
                    { card.auto(field, source_value(s, field)) }
                }
                if s.allocation == Allocation::Norm {
                    <p class="small muted">{ tr("Pays each norm's positions at its unit cost.") }</p>
                }
            </div>
            <div class="set-asides">
                <h4>{ tr("Set-asides") }</h4>
                for (i, a) in s.set_asides.iter().enumerate() {
                    <div class="edit-grid" key={i}>
                        { card.field(Field::SetAsideTag(i), tr1("Set-aside {n} tag", "n", &(i + 1)).into(),
                            a.tag.clone().into(), Input::Text) }
                        { card.field(Field::SetAsideShare(i), tr1("Set-aside {n} minimum (%)", "n", &(i + 1)).into(),
                            source_value(s, Field::SetAsideShare(i)).into(), Input::Text) }
                        <button type="button" class="danger" onclick={act(Edit::RemoveSetAside(s.id.clone(), i))}
                            aria-label={tr1("Remove set-aside {tag}", "tag", &a.tag)}>{ tr("Remove") }</button>
                    </div>
                }
                <button type="button" onclick={act(Edit::AddSetAside(s.id.clone()))}
                    data-testid={format!("edit-add-set-aside-{}", s.id)}>{ tr("Add set-aside") }</button>
            </div>
        </li>
    }
}
