//! The meeting's decisions: a list of what was decided, each editable and removable,
//! and a form to add one. A refused text is explained next to its box. Plain functions
//! over the meeting view's state: no component types of their own in the bundle.

use yew::prelude::*;

use super::Marks;
use sitebudget_core::app::Action;
use sitebudget_core::engine::{Decision, DecisionField};
use sitebudget_core::util::i18n::tr;

/// The form's two boxes, read when it is sent (the page holds what is typed).
#[derive(Clone, PartialEq, Default)]
pub struct DecisionForm {
    /// The decision's box.
    pub text: NodeRef,
    /// The note's box.
    pub note: NodeRef,
}

/// The text of a box, or empty.
fn read(node: &NodeRef) -> String {
    node.cast::<web_sys::HtmlInputElement>()
        .map(|i| i.value())
        .unwrap_or_default()
}

/// Puts `text` in a box.
fn write(node: &NodeRef, text: &str) {
    if let Some(i) = node.cast::<web_sys::HtmlInputElement>() {
        i.set_value(text);
    }
}

/// Today as `YYYY-MM-DD` (the browser's clock, in UTC).
fn today() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.chars().take(10).collect()
}

/// The decisions, their form and its refusal.
pub fn decisions_panel(
    list: &[Decision],
    heading: &str,
    form: &DecisionForm,
    marks: &UseStateHandle<Marks>,
    on_action: &Callback<Action>,
) -> Html {
    let editing = marks.editing;
    // Empties the boxes and forgets the edit and any refusal.
    let clear = {
        let (form, marks) = (form.clone(), marks.clone());
        move || {
            write(&form.text, "");
            write(&form.note, "");
            marks.set(Marks {
                editing: None,
                error: None,
                ..(*marks).clone()
            });
        }
    };
    let onsubmit = {
        let (form, marks, cb, clear) = (
            form.clone(),
            marks.clone(),
            on_action.clone(),
            clear.clone(),
        );
        // An edit keeps the day the decision was first recorded.
        let kept_day = editing.and_then(|i| list.get(i)).map(|d| d.at.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let decision = Decision {
                decided: read(&form.text),
                note: read(&form.note),
                at: kept_day.clone().unwrap_or_else(today),
            };
            match decision.checked() {
                Ok(decision) => {
                    cb.emit(Action::SetDecision {
                        index: marks.editing,
                        decision,
                    });
                    clear();
                }
                Err(why) => marks.set(Marks {
                    error: Some(why),
                    ..(*marks).clone()
                }),
            }
        })
    };
    let on_cancel = {
        let clear = clear.clone();
        Callback::from(move |_: MouseEvent| clear())
    };
    let message = |field: DecisionField| match &marks.error {
        Some((f, m)) if *f == field => html! {
            <p class="field-error" role="alert" data-testid="decision-error">{ m }</p>
        },
        _ => Html::default(),
    };
    let invalid =
        |field: DecisionField| matches!(&marks.error, Some((f, _)) if *f == field).to_string();
    let (edit, remove) = (tr("Edit"), tr("Remove"));
    html! {
        <section class="meeting-decisions" aria-labelledby="meeting-decisions-title" data-testid="meeting-decisions">
            <h2 id="meeting-decisions-title">{ heading }</h2>
            if list.is_empty() {
                <p class="meeting-muted">{ tr("No decisions recorded yet.") }</p>
            }
            <ol class="meeting-decision-list">
                for (i, d) in list.iter().enumerate() {
                    <li key={i} data-testid={format!("decision-{i}")}>
                        <span class="meeting-decided">{ &d.decided }</span>
                        if !d.note.is_empty() { <span class="meeting-decision-note">{ &d.note }</span> }
                        if !d.at.is_empty() { <span class="meeting-decision-at">{ &d.at }</span> }
                        <span class="meeting-decision-actions no-print">
                            <button type="button" data-testid={format!("decision-edit-{i}")}
                                aria-label={format!("{edit}: {}", d.decided)}
                                onclick={{
                                    let (form, marks, d) = (form.clone(), marks.clone(), d.clone());
                                    Callback::from(move |_: MouseEvent| {
                                        write(&form.text, &d.decided);
                                        write(&form.note, &d.note);
                                        marks.set(Marks { editing: Some(i), error: None, ..(*marks).clone() });
                                    })
                                }}>{ &edit }</button>
                            <button type="button" data-testid={format!("decision-remove-{i}")}
                                aria-label={format!("{remove}: {}", d.decided)}
                                onclick={{
                                    let (cb, clear) = (on_action.clone(), clear.clone());
                                    Callback::from(move |_: MouseEvent| {
                                        clear();
                                        cb.emit(Action::RemoveDecision(i));
                                    })
                                }}>{ &remove }</button>
                        </span>
                    </li>
                }
            </ol>
            <form class="meeting-decision-form no-print" {onsubmit}>
                <label for="decision-text">{ tr("Decision") }</label>
                <input id="decision-text" type="text" data-testid="decision-text" ref={form.text.clone()}
                    aria-invalid={invalid(DecisionField::Decided)} />
                { message(DecisionField::Decided) }
                <label for="decision-note">{ tr("Note (optional)") }</label>
                <input id="decision-note" type="text" data-testid="decision-note" ref={form.note.clone()}
                    aria-invalid={invalid(DecisionField::Note)} />
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
