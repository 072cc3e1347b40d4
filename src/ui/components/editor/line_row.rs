//! One line in the editor: every field in place, and buttons to move, copy or delete it.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::lang::{tr, tr1, use_lang};

use super::card_error;
use super::field::{Card, Choices, Input};
use sitebudget_core::edit::shown::{line_fields, line_value};
use sitebudget_core::edit::{Edit, EditError, Field, Move, Target};
use sitebudget_core::model::Line;

/// Props of [`LineRow`].
#[derive(Properties, PartialEq)]
pub struct LineRowProps {
    /// The line.
    pub line: Rc<Line>,
    /// Whether it is the first line of the budget (cannot move up).
    pub first: bool,
    /// Whether it is the last line (cannot move down).
    pub last: bool,
    /// Norms a position may follow, `none` first.
    pub norms: Choices,
    /// A refused edit of this line.
    pub error: Option<Rc<EditError>>,
    /// The shared edit callback.
    pub on_edit: Callback<Edit>,
}

/// One editable line.
#[component]
pub fn LineRow(props: &LineRowProps) -> Html {
    use_lang();
    let line = &props.line;
    let act = |edit: Edit| {
        let on_edit = props.on_edit.clone();
        Callback::from(move |_: MouseEvent| on_edit.emit(edit.clone()))
    };
    let card = Card {
        target: Target::Line(line.id.clone()),
        error: &props.error,
        on_edit: &props.on_edit,
    };
    html! {
        <li class="edit-card" data-testid={format!("edit-row-{}", line.id)}>
            <div class="edit-card-head">
                <h3>{ &line.title }</h3>
                <div class="row-actions">
                    <button type="button" disabled={props.first} onclick={act(Edit::MoveLine(line.id.clone(), Move::Up))}
                        aria-label={tr1("Move {line} up", "line", &line.title)} data-testid={format!("edit-up-{}", line.id)}>{ "↑" }</button>
                    <button type="button" disabled={props.last} onclick={act(Edit::MoveLine(line.id.clone(), Move::Down))}
                        aria-label={tr1("Move {line} down", "line", &line.title)} data-testid={format!("edit-down-{}", line.id)}>{ "↓" }</button>
                    <button type="button" onclick={act(Edit::DuplicateLine(line.id.clone()))}
                        aria-label={tr1("Duplicate {line}", "line", &line.title)} data-testid={format!("edit-duplicate-{}", line.id)}>{ tr("Duplicate") }</button>
                    <button type="button" class="danger" onclick={act(Edit::DeleteLine(line.id.clone()))}
                        aria-label={tr1("Delete {line}", "line", &line.title)} data-testid={format!("edit-delete-{}", line.id)}>{ tr("Delete") }</button>
                </div>
            </div>
            { card_error(&props.error) }
            <div class="edit-grid">
                for field in line_fields(line).iter().copied() {
                    if field == Field::NormLink {
                        { card.field(field, tr("Follows norm").into(), line_value(line, field).into(), Input::Choice(props.norms.clone())) }
                    } else {
                        { card.auto(field, line_value(line, field)) }
                    }
                }
            </div>
        </li>
    }
}
