//! The meeting's decisions: a list of what was decided, each editable and removable,
//! and a form to add one. A refused text is explained next to its box.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::event_value;
use sitebudget_core::app::Action;
use sitebudget_core::engine::{Decision, DecisionField};
use sitebudget_core::util::i18n::tr;

/// Props of [`DecisionsPanel`].
#[derive(Properties, PartialEq)]
pub struct DecisionsPanelProps {
    /// The active scenario's decisions.
    pub decisions: Rc<Vec<Decision>>,
    /// The heading, in one or two languages.
    pub headings: Vec<AttrValue>,
    /// Dispatches the change.
    pub on_action: Callback<Action>,
}

/// Today as `YYYY-MM-DD` (the browser's clock, in UTC).
fn today() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.chars().take(10).collect()
}

/// The decisions and their form.
#[component]
pub fn DecisionsPanel(props: &DecisionsPanelProps) -> Html {
    let text = use_state(String::new);
    let note = use_state(String::new);
    // The decision being edited, if one is.
    let editing = use_state(|| None::<usize>);
    let error = use_state(|| None::<(DecisionField, String)>);
    let typed = |h: &UseStateHandle<String>| {
        let h = h.clone();
        Callback::from(move |e: InputEvent| h.set(event_value(&e).unwrap_or_default()))
    };
    let clear = {
        let (text, note, editing, error) =
            (text.clone(), note.clone(), editing.clone(), error.clone());
        move || {
            text.set(String::new());
            note.set(String::new());
            editing.set(None);
            error.set(None);
        }
    };
    let onsubmit = {
        let (text, note, editing, error, list) = (
            text.clone(),
            note.clone(),
            editing.clone(),
            error.clone(),
            props.decisions.clone(),
        );
        let (cb, clear) = (props.on_action.clone(), clear.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            // An edit keeps the day the decision was first recorded.
            let at = editing
                .and_then(|i| list.get(i))
                .map_or_else(today, |d| d.at.clone());
            let decision = Decision {
                decided: (*text).clone(),
                note: (*note).clone(),
                at,
            };
            match decision.checked() {
                Ok(decision) => {
                    cb.emit(Action::SetDecision {
                        index: *editing,
                        decision,
                    });
                    clear();
                }
                Err(why) => error.set(Some(why)),
            }
        })
    };
    let on_cancel = {
        let clear = clear.clone();
        Callback::from(move |_: MouseEvent| clear())
    };
    let message = |field: DecisionField| match &*error {
        Some((f, m)) if *f == field => html! {
            <p class="field-error" role="alert" data-testid="decision-error">{ m }</p>
        },
        _ => Html::default(),
    };
    let invalid = |field: DecisionField| matches!(&*error, Some((f, _)) if *f == field).to_string();
    let heading = props
        .headings
        .iter()
        .map(|h| h.to_string())
        .collect::<Vec<_>>()
        .join(" / ");
    html! {
        <section class="meeting-decisions" aria-labelledby="meeting-decisions-title" data-testid="meeting-decisions">
            <h2 id="meeting-decisions-title">{ heading }</h2>
            if props.decisions.is_empty() {
                <p class="meeting-muted">{ tr("No decisions recorded yet.") }</p>
            }
            <ol class="meeting-decision-list">
                for (i, d) in props.decisions.iter().enumerate() {
                    <li key={i} data-testid={format!("decision-{i}")}>
                        <span class="meeting-decided">{ &d.decided }</span>
                        if !d.note.is_empty() { <span class="meeting-decision-note">{ &d.note }</span> }
                        if !d.at.is_empty() { <span class="meeting-decision-at">{ &d.at }</span> }
                        <span class="meeting-decision-actions no-print">
                            <button type="button" data-testid={format!("decision-edit-{i}")}
                                aria-label={format!("{} {}", tr("Edit"), d.decided)}
                                onclick={{
                                    let (text, note, editing, error, d) = (text.clone(), note.clone(), editing.clone(), error.clone(), d.clone());
                                    Callback::from(move |_: MouseEvent| {
                                        text.set(d.decided.clone());
                                        note.set(d.note.clone());
                                        editing.set(Some(i));
                                        error.set(None);
                                    })
                                }}>{ tr("Edit") }</button>
                            <button type="button" data-testid={format!("decision-remove-{i}")}
                                aria-label={format!("{} {}", tr("Remove"), d.decided)}
                                onclick={{
                                    let (cb, clear) = (props.on_action.clone(), clear.clone());
                                    Callback::from(move |_: MouseEvent| {
                                        clear();
                                        cb.emit(Action::RemoveDecision(i));
                                    })
                                }}>{ tr("Remove") }</button>
                        </span>
                    </li>
                }
            </ol>
            <form class="meeting-decision-form no-print" {onsubmit}>
                <label for="decision-text">{ tr("Decision") }</label>
                <input id="decision-text" type="text" data-testid="decision-text" value={(*text).clone()}
                    aria-invalid={invalid(DecisionField::Decided)} oninput={typed(&text)} />
                { message(DecisionField::Decided) }
                <label for="decision-note">{ tr("Note (optional)") }</label>
                <input id="decision-note" type="text" data-testid="decision-note" value={(*note).clone()}
                    aria-invalid={invalid(DecisionField::Note)} oninput={typed(&note)} />
                { message(DecisionField::Note) }
                { message(DecisionField::At) }
                <div class="meeting-form-buttons">
                    <button type="submit" class="primary" data-testid="decision-add">
                        { if editing.is_some() { tr("Save decision") } else { tr("Add decision") } }
                    </button>
                    if editing.is_some() {
                        <button type="button" data-testid="decision-cancel" onclick={on_cancel}>{ tr("Cancel") }</button>
                    }
                </div>
            </form>
        </section>
    }
}
