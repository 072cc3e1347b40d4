//! The school editor: name, year, the two rates and pupils per grade.

use std::rc::Rc;

use yew::prelude::*;

use super::card_error;
use super::field::EditField;
use crate::edit::{text, Edit, EditError, Field, Target};
use crate::model::{Grade, School};
use crate::ui::event_value;

/// Props of [`SchoolEditor`].
#[derive(Properties, PartialEq)]
pub struct SchoolEditorProps {
    /// The school.
    pub school: Rc<School>,
    /// A refused edit of the school.
    pub error: Option<Rc<EditError>>,
    /// The shared edit callback.
    pub on_edit: Callback<Edit>,
}

/// The school's own figures.
#[component]
pub fn SchoolEditor(props: &SchoolEditorProps) -> Html {
    let s = &props.school;
    let field = |field: Field, label: String, value: String| {
        html! {
            <EditField target={Target::School} {field} label={label} value={value}
                error={props.error.clone()} on_edit={props.on_edit.clone()} />
        }
    };
    let remove = |g: Grade| {
        let on_edit = props.on_edit.clone();
        Callback::from(move |_: MouseEvent| on_edit.emit(Edit::RemoveGrade(g)))
    };
    let on_add = {
        let on_edit = props.on_edit.clone();
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
            { card_error(&props.error) }
            <div class="edit-grid">
                <EditField target={Target::School} field={Field::Title} label="School name" value={s.name.clone()}
                    class="wide" error={props.error.clone()} on_edit={props.on_edit.clone()} />
                { field(Field::FiscalYear, "Fiscal year".into(), s.fiscal_year.clone()) }
                { field(Field::UnduplicatedPct, "Unduplicated pupils (%)".into(), text::percent(s.unduplicated_pct)) }
                { field(Field::AttendanceRate, "Attendance rate (%)".into(), text::percent(s.attendance_rate)) }
            </div>
            <h4>{ "Pupils per grade" }</h4>
            <div class="edit-grid grades">
                for (g, n) in s.enrollment.iter() {
                    <div class="grade-edit" key={g.to_string()}>
                        { field(Field::Enrollment(*g), format!("Grade {g}"), n.to_string()) }
                        <button type="button" class="danger" onclick={remove(*g)}
                            aria-label={format!("Remove grade {g}")} data-testid={format!("edit-remove-grade-{g}")}>{ "×" }</button>
                    </div>
                }
            </div>
            if !missing.is_empty() {
                <label class="edit-field">
                    <span class="edit-label">{ "Add a grade" }</span>
                    <select onchange={on_add} data-testid="edit-add-grade">
                        <option value="" selected=true>{ "choose…" }</option>
                        for g in missing {
                            <option key={g.to_string()} value={g.to_string()}>{ g.to_string() }</option>
                        }
                    </select>
                </label>
            }
        </div>
    }
}
