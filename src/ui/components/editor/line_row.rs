//! One line in the editor: every field in place, and buttons to move, copy or delete it.

use std::rc::Rc;

use yew::prelude::*;

use super::card_error;
use super::field::{choices, Choices, EditField};
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
    let target = Target::Line(line.id.clone());
    let act = |edit: Edit| {
        let on_edit = props.on_edit.clone();
        Callback::from(move |_: MouseEvent| on_edit.emit(edit.clone()))
    };
    let field = |field: Field, label: &'static str, value: String| {
        html! {
            <EditField target={target.clone()} {field} label={label} value={value}
                error={props.error.clone()} on_edit={props.on_edit.clone()} />
        }
    };
    let kinds = choices(&[("position", "position"), ("item", "item")]);
    let priorities = choices(&[
        ("flexible", "flexible"),
        ("essential", "essential"),
        ("protected", "protected"),
    ]);
    let kind_fields = match &line.kind {
        LineKind::Position(p) => html! {
            <>
                { field(Field::Fte, "FTE", text::plain(p.fte)) }
                { field(Field::UnitCost, "Unit cost ($ per FTE)", p.unit_cost.map(text::plain).unwrap_or_default()) }
                { field(Field::FteStep, "FTE step", text::plain(p.fte_step)) }
                <EditField target={target.clone()} field={Field::NormLink} label="Follows norm"
                    value={p.norm.clone().unwrap_or_default()} choices={props.norms.clone()}
                    error={props.error.clone()} on_edit={props.on_edit.clone()} />
                <EditField target={target.clone()} field={Field::Vacant} label="Vacant" check=true
                    value={p.vacant.to_string()} error={props.error.clone()} on_edit={props.on_edit.clone()} />
            </>
        },
        LineKind::Item { amount } => field(Field::Amount, "Amount ($)", text::plain(*amount)),
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
                <EditField target={target.clone()} field={Field::Title} label="Title" value={line.title.clone()}
                    class="wide" error={props.error.clone()} on_edit={props.on_edit.clone()} />
                { field(Field::Id, "Id", line.id.clone()) }
                <EditField target={target.clone()} field={Field::Kind} label="Kind" value={kind}
                    choices={kinds} error={props.error.clone()} on_edit={props.on_edit.clone()} />
                { kind_fields }
                <EditField target={target.clone()} field={Field::Funding} label="Funding (% per source)"
                    value={text::funding(&line.funding)} hint="gf 60%, title1 40%" class="wide"
                    error={props.error.clone()} on_edit={props.on_edit.clone()} />
                <EditField target={target.clone()} field={Field::Priority} label="Priority"
                    value={line.priority.as_str()} choices={priorities}
                    error={props.error.clone()} on_edit={props.on_edit.clone()} />
                { field(Field::CutRank, "Cut rank", line.cut_rank.map(|r| r.to_string()).unwrap_or_default()) }
                { field(Field::Tags, "Tags", text::words(&line.tags)) }
                <EditField target={target.clone()} field={Field::Notes} label="Notes"
                    value={line.notes.clone().unwrap_or_default()} class="wide"
                    error={props.error.clone()} on_edit={props.on_edit.clone()} />
            </div>
        </li>
    }
}
