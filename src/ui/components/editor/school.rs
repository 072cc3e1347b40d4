//! The school editor: name, year, the two rates and pupils per grade.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::lang::{tr, tr1};

use super::card_error;
use super::field::{Card, Input};
use crate::ui::event_value;
use sitebudget_core::edit::shown::{school_value, SCHOOL_FIELDS};
use sitebudget_core::edit::{Edit, EditError, Field, Target};
use sitebudget_core::model::{Grade, School};

/// The school's own figures and pupils per grade.
pub(super) fn school_editor(
    s: &School,
    error: &Option<Rc<EditError>>,
    on_edit: &Callback<Edit>,
) -> Html {
    let card = Card {
        target: Target::School,
        error,
        on_edit,
    };
    let remove = |g: Grade| {
        let on_edit = on_edit.clone();
        Callback::from(move |_: MouseEvent| on_edit.emit(Edit::RemoveGrade(g)))
    };
    let on_add = {
        let on_edit = on_edit.clone();
        Callback::from(move |e: Event| {
            if let Some(g) = event_value(&e).as_deref().and_then(Grade::parse) {
                on_edit.emit(Edit::AddGrade(g));
            }
        })
    };
    let missing: Vec<Grade> = Grade::ALL
        .into_iter()
        .filter(|g| !s.enrollment.contains_key(g))
        .collect();
    html! {
        <div class="edit-card">
            { card_error(error) }
            <div class="edit-grid">
                for field in SCHOOL_FIELDS {
                    { card.auto(field, school_value(s, field)) }
                }
            </div>
            <h4>{ tr("Pupils per grade") }</h4>
            <div class="edit-grid grades">
                for (g, n) in s.enrollment.iter() {
                    <div class="grade-edit" key={g.to_string()}>
                        { card.field(Field::Enrollment(*g), tr1("Grade {grade}", "grade", g).into(), n.to_string().into(), Input::Text) }
                        <button type="button" class="danger" onclick={remove(*g)}
                            aria-label={tr1("Remove grade {grade}", "grade", g)} data-testid={format!("edit-remove-grade-{g}")}>{ "×" }</button>
                    </div>
                }
            </div>
            if !missing.is_empty() {
                <label class="edit-field">
                    <span class="edit-label">{ tr("Add a grade") }</span>
                    <select onchange={on_add} data-testid="edit-add-grade">
                        <option value="" selected=true>{ tr("choose…") }</option>
                        for g in missing {
                            <option key={g.to_string()} value={g.to_string()}>{ g.to_string() }</option>
                        }
                    </select>
                </label>
            }
        </div>
    }
}
