//! One line in the editor: every field in place, and buttons to move, copy or delete it.

use std::rc::Rc;

use yew::prelude::*;

use super::card_error;
use super::field::{choices, Card, Choices, Input};
use crate::edit::text;
use crate::edit::{Edit, EditError, Field, Move, Target};
use crate::model::{Line, LineKind};

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
    let kind_fields = match &line.kind {
        LineKind::Position(p) => html! {
            <>
                { card.text(Field::Fte, "FTE", text::plain(p.fte)) }
                { card.text(Field::UnitCost, "Unit cost ($ per FTE)", p.unit_cost.map(text::plain).unwrap_or_default()) }
                { card.text(Field::FteStep, "FTE step", text::plain(p.fte_step)) }
                { card.field(Field::NormLink, "Follows norm".into(), p.norm.clone().unwrap_or_default().into(),
                    Input::Choice(props.norms.clone())) }
                { card.field(Field::Vacant, "Vacant".into(), p.vacant.to_string().into(), Input::Check) }
            </>
        },
        LineKind::Item { amount } => card.text(Field::Amount, "Amount ($)", text::plain(*amount)),
    };
    let kind = if line.position().is_some() {
        "position"
    } else {
        "item"
    };
    html! {
        <li class="edit-card" data-testid={format!("edit-row-{}", line.id)}>
            <div class="edit-card-head">
                <h3>{ &line.title }</h3>
                <div class="row-actions">
                    <button type="button" disabled={props.first} onclick={act(Edit::MoveLine(line.id.clone(), Move::Up))}
                        aria-label={format!("Move {} up", line.title)} data-testid={format!("edit-up-{}", line.id)}>{ "↑" }</button>
                    <button type="button" disabled={props.last} onclick={act(Edit::MoveLine(line.id.clone(), Move::Down))}
                        aria-label={format!("Move {} down", line.title)} data-testid={format!("edit-down-{}", line.id)}>{ "↓" }</button>
                    <button type="button" onclick={act(Edit::DuplicateLine(line.id.clone()))}
                        aria-label={format!("Duplicate {}", line.title)} data-testid={format!("edit-duplicate-{}", line.id)}>{ "Duplicate" }</button>
                    <button type="button" class="danger" onclick={act(Edit::DeleteLine(line.id.clone()))}
                        aria-label={format!("Delete {}", line.title)} data-testid={format!("edit-delete-{}", line.id)}>{ "Delete" }</button>
                </div>
            </div>
            { card_error(&props.error) }
            <div class="edit-grid">
                { card.field(Field::Title, "Title".into(), line.title.clone().into(), Input::Wide) }
                { card.text(Field::Id, "Id", line.id.clone()) }
                { card.field(Field::Kind, "Kind".into(), kind.into(), Input::Choice(choices(&[("position", "position"), ("item", "item")]))) }
                { kind_fields }
                { card.field(Field::Funding, "Funding (such as gf 60%, need 40%)".into(),
                    text::funding(&line.funding).into(), Input::Wide) }
                { card.field(Field::Priority, "Priority".into(), line.priority.as_str().into(), Input::Choice(choices(&[
                    ("flexible", "flexible"), ("essential", "essential"), ("protected", "protected")]))) }
                { card.text(Field::CutRank, "Cut rank", line.cut_rank.map(|r| r.to_string()).unwrap_or_default()) }
                { card.text(Field::Tags, "Tags", text::words(&line.tags)) }
                { card.field(Field::Notes, "Notes".into(), line.notes.clone().unwrap_or_default().into(), Input::Wide) }
            </div>
        </li>
    }
}
