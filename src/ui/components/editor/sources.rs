//! The sources editor: one card per source with its allocation rule, uses and set-asides.

use std::rc::Rc;

use yew::prelude::*;

use super::field::{choices, Card, Input};
use super::{card_error, error_of};
use crate::edit::{allocation_type, basis_word, text, Edit, EditError, Field, Target};
use crate::model::{Allocation, Basis, Document, Source, Span};

/// Every source as a card, and a button to add one.
pub(super) fn sources_editor(
    doc: &Document,
    error: &Option<Rc<EditError>>,
    on_edit: &Callback<Edit>,
) -> Html {
    let on_add = {
        let on_edit = on_edit.clone();
        Callback::from(move |_: MouseEvent| on_edit.emit(Edit::AddSource))
    };
    html! {
        <>
            <ul class="edit-list">
                for s in doc.sources.iter() {
                    { source_card(s, &error_of(error, &Target::Source(s.id.clone())), on_edit) }
                }
            </ul>
            <button type="button" onclick={on_add} data-testid="edit-add-source">{ "Add source" }</button>
        </>
    }
}

/// One editable source: fields, allocation rule, allowed uses and set-asides.
fn source_card(s: &Source, error: &Option<Rc<EditError>>, on_edit: &Callback<Edit>) -> Html {
    let card = Card {
        target: Target::Source(s.id.clone()),
        error,
        on_edit,
    };
    let field = |field: Field, label: String, value: String| {
        card.field(field, label.into(), value.into(), Input::Text)
    };
    let pick = |field: Field, label: &'static str, value: &'static str, list| {
        card.field(field, label.into(), value.into(), Input::Choice(list))
    };
    let check = |field: Field, label: &'static str, on: bool| {
        card.field(field, label.into(), on.to_string().into(), Input::Check)
    };
    let act = |edit: Edit| {
        let on_edit = on_edit.clone();
        Callback::from(move |_: MouseEvent| on_edit.emit(edit.clone()))
    };
    let types = choices(&[
        ("fixed", "fixed amount"),
        ("per_pupil", "per pupil"),
        ("lcff", "LCFF"),
        ("norm", "staffing norms"),
    ]);
    let rule = match &s.allocation {
        Allocation::Fixed { amount } => field(
            Field::AllocationAmount,
            "Amount ($)".into(),
            text::plain(*amount),
        ),
        Allocation::PerPupil { rate, basis } => {
            let bases = choices(&[
                ("enrollment", "enrollment"),
                ("unduplicated", "unduplicated pupils"),
                ("ada", "attendance (ADA)"),
                ("grades", "pupils in grades"),
            ]);
            html! {
                <>
                    { field(Field::Rate, "Rate ($ per pupil)".into(), text::plain(*rate)) }
                    { pick(Field::Basis, "Counted on", basis_word(basis), bases) }
                    if let Basis::Grades(g) = basis {
                        { field(Field::BasisGrades, "Grades counted".into(), text::words(g)) }
                    }
                </>
            }
        }
        Allocation::Lcff(l) => html! {
            <>
                for span in Span::ALL {
                    { field(Field::LcffBase(span), format!("Base {} ($ per ADA)", span.key()),
                        l.base.get(&span).map(|r| text::plain(*r)).unwrap_or_default()) }
                }
                { field(Field::Supplemental, "Supplemental (%)".into(), text::percent(l.supplemental)) }
                { field(Field::Concentration, "Concentration (%)".into(), text::percent(l.concentration)) }
                { field(Field::Threshold, "Concentration threshold (%)".into(), text::percent(l.threshold)) }
            </>
        },
        Allocation::Norm => {
            html! { <p class="small muted">{ "Pays each norm's positions at its unit cost." }</p> }
        }
    };
    html! {
        <li class="edit-card" key={s.id.clone()} data-testid={format!("edit-source-{}", s.id)}>
            <div class="edit-card-head">
                <h3>{ &s.name }</h3>
                <div class="row-actions">
                    <button type="button" class="danger" onclick={act(Edit::DeleteSource(s.id.clone()))}
                        aria-label={format!("Delete source {}", s.name)} data-testid={format!("edit-delete-source-{}", s.id)}>{ "Delete" }</button>
                </div>
            </div>
            { card_error(error) }
            <div class="edit-grid">
                { card.field(Field::Title, "Name".into(), s.name.clone().into(), Input::Wide) }
                { field(Field::Id, "Id".into(), s.id.clone()) }
                { check(Field::Restricted, "Restricted", s.restricted) }
                { check(Field::OneTime, "One-time", s.one_time) }
                { pick(Field::AllocationType, "Allocation", allocation_type(&s.allocation), types) }
                { rule }
                { card.field(Field::Allowed, "Allowed uses (tags; blank: any use)".into(),
                    s.allowed.as_deref().map(text::words).unwrap_or_default().into(), Input::Wide) }
            </div>
            <div class="set-asides">
                <h4>{ "Set-asides" }</h4>
                for (i, a) in s.set_asides.iter().enumerate() {
                    <div class="edit-grid" key={i}>
                        { field(Field::SetAsideTag(i), format!("Set-aside {} tag", i + 1), a.tag.clone()) }
                        { field(Field::SetAsideShare(i), format!("Set-aside {} minimum (%)", i + 1), text::percent(a.min_share)) }
                        <button type="button" class="danger" onclick={act(Edit::RemoveSetAside(s.id.clone(), i))}
                            aria-label={format!("Remove set-aside {}", a.tag)}>{ "Remove" }</button>
                    </div>
                }
                <button type="button" onclick={act(Edit::AddSetAside(s.id.clone()))}
                    data-testid={format!("edit-add-set-aside-{}", s.id)}>{ "Add set-aside" }</button>
            </div>
        </li>
    }
}
