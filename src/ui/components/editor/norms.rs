//! The norms editor: one card per staffing norm.

use std::rc::Rc;

use yew::prelude::*;

use super::field::{choices, EditField};
use super::{card_error, error_of};
use crate::edit::{rounding_word, text, Edit, EditError, Field, Target};
use crate::model::{Document, Norm};

/// Props of [`NormsEditor`].
#[derive(Properties, PartialEq)]
pub struct NormsEditorProps {
    /// The budget.
    pub doc: Rc<Document>,
    /// The last refused edit.
    pub error: Option<Rc<EditError>>,
    /// The shared edit callback.
    pub on_edit: Callback<Edit>,
}

/// Every norm, and a button to add one.
#[component]
pub fn NormsEditor(props: &NormsEditorProps) -> Html {
    let on_add = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |_: MouseEvent| on_edit.emit(Edit::AddNorm))
    };
    html! {
        <>
            <ul class="edit-list">
                for n in props.doc.norms.iter() {
                    <NormCard key={n.id.clone()} norm={Rc::new(n.clone())}
                        error={error_of(&props.error, &Target::Norm(n.id.clone()))}
                        on_edit={props.on_edit.clone()} />
                }
            </ul>
            <button type="button" onclick={on_add} data-testid="edit-add-norm">{ "Add norm" }</button>
        </>
    }
}

/// Props of [`NormCard`].
#[derive(Properties, PartialEq)]
pub struct NormCardProps {
    /// The norm.
    pub norm: Rc<Norm>,
    /// A refused edit of this norm.
    pub error: Option<Rc<EditError>>,
    /// The shared edit callback.
    pub on_edit: Callback<Edit>,
}

/// One editable norm.
#[component]
pub fn NormCard(props: &NormCardProps) -> Html {
    let n = &props.norm;
    let target = Target::Norm(n.id.clone());
    let field = |field: Field, label: &'static str, value: String| {
        html! {
            <EditField target={target.clone()} {field} label={label} value={value}
                error={props.error.clone()} on_edit={props.on_edit.clone()} />
        }
    };
    let on_delete = {
        let (on_edit, id) = (props.on_edit.clone(), n.id.clone());
        Callback::from(move |_: MouseEvent| on_edit.emit(Edit::DeleteNorm(id.clone())))
    };
    let roundings = choices(&[
        ("ceil", "round up"),
        ("floor", "round down"),
        ("round", "round half up"),
    ]);
    html! {
        <li class="edit-card" data-testid={format!("edit-norm-{}", n.id)}>
            <div class="edit-card-head">
                <h3>{ &n.title }</h3>
                <div class="row-actions">
                    <button type="button" class="danger" onclick={on_delete} aria-label={format!("Delete norm {}", n.title)}
                        data-testid={format!("edit-delete-norm-{}", n.id)}>{ "Delete" }</button>
                </div>
            </div>
            { card_error(&props.error) }
            <div class="edit-grid">
                <EditField target={target.clone()} field={Field::Title} label="Title" value={n.title.clone()}
                    class="wide" error={props.error.clone()} on_edit={props.on_edit.clone()} />
                { field(Field::Id, "Id", n.id.clone()) }
                { field(Field::Grades, "Grades", text::words(&n.grades)) }
                { field(Field::StudentsPerPosition, "Pupils per position", text::plain(n.students_per_position)) }
                { field(Field::UnitCost, "Unit cost ($)", text::plain(n.unit_cost)) }
                <EditField target={target.clone()} field={Field::Rounding} label="Rounding"
                    value={rounding_word(n.rounding)} choices={roundings}
                    error={props.error.clone()} on_edit={props.on_edit.clone()} />
                { field(Field::MinFte, "Minimum FTE", n.min_fte.map(text::plain).unwrap_or_default()) }
            </div>
        </li>
    }
}
