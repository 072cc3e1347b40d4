//! The "Edit budget" panel: school, sources, norms and lines, each field editable in place.
//!
//! Every input sends one [`Edit`] through a single shared callback; the reducer applies it
//! or keeps the budget and shows the reason at the field.

mod field;
mod line_row;
mod lines;
mod norms;
mod school;
mod sources;

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::lang::{tr, use_lang};
use sitebudget_core::util::i18n::key;

use super::panel::Panel;
use sitebudget_core::edit::{Edit, EditError, Target};
use sitebudget_core::model::Document;

pub use field::{field_testid, EditField};

/// Props of [`EditorPanel`].
#[derive(Properties, PartialEq)]
pub struct EditorPanelProps {
    /// The budget being edited.
    pub doc: Rc<Document>,
    /// The last refused edit.
    pub error: Option<EditError>,
    /// One callback for every edit.
    pub on_edit: Callback<Edit>,
}

/// The editor's sections.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    School,
    Sources,
    Norms,
    Lines,
}

const TABS: [(Tab, &str, &str); 4] = [
    (Tab::Lines, key("Lines"), "lines"),
    (Tab::Sources, key("Sources"), "sources"),
    (Tab::Norms, key("Norms"), "norms"),
    (Tab::School, key("School"), "school"),
];

/// The refused edit, if it belongs to `target`.
pub(crate) fn error_of(error: &Option<Rc<EditError>>, target: &Target) -> Option<Rc<EditError>> {
    error.clone().filter(|e| &e.target == target)
}

/// A list of cards and, under it, a button that sends `add`.
pub(super) fn card_list(
    cards: Html,
    add: Edit,
    label: AttrValue,
    testid: &'static str,
    on_edit: &Callback<Edit>,
) -> Html {
    let onclick = {
        let on_edit = on_edit.clone();
        Callback::from(move |_: MouseEvent| on_edit.emit(add.clone()))
    };
    html! {
        <>
            <ul class="edit-list">{ cards }</ul>
            <button type="button" {onclick} data-testid={testid}>{ label }</button>
        </>
    }
}

/// A refused edit that is not about one field (delete, add), shown on its card.
pub(crate) fn card_error(error: &Option<Rc<EditError>>) -> Html {
    match error.as_ref().filter(|e| e.field.is_none()) {
        Some(e) => {
            html! { <p class="field-error" role="alert" data-testid="edit-error">{ &e.message }</p> }
        }
        None => html! {},
    }
}

/// The budget editor, closed until the user opens it (it renders nothing heavy until then).
#[component]
pub fn EditorPanel(props: &EditorPanelProps) -> Html {
    use_lang();
    let open = use_state(|| false);
    let tab = use_state(|| Tab::Lines);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let error = props.error.clone().map(Rc::new);
    let actions = html! {
        <button type="button" aria-expanded={(*open).to_string()} onclick={toggle}
            data-testid="editor-toggle">
            { if *open { tr("Close editor") } else { tr("Open editor") } }
        </button>
    };
    let body = if *open {
        let section = match *tab {
            Tab::School => school::school_editor(
                &props.doc.school,
                &error_of(&error, &Target::School),
                &props.on_edit,
            ),
            Tab::Sources => sources::sources_editor(&props.doc, &error, &props.on_edit),
            Tab::Norms => norms::norms_editor(&props.doc, &error, &props.on_edit),
            Tab::Lines => html! {
                <lines::LinesEditor doc={props.doc.clone()} error={error.clone()} on_edit={props.on_edit.clone()} />
            },
        };
        html! {
            <>
                <div class="edit-tabs" role="tablist" aria-label={tr("Parts of the budget")}>
                    for (t, label, key) in TABS {
                        <button type="button" role="tab" key={key} aria-selected={(t == *tab).to_string()}
                            class={classes!((t == *tab).then_some("primary"))}
                            data-testid={format!("editor-tab-{key}")}
                            onclick={let tab = tab.clone(); move |_: MouseEvent| tab.set(t)}>{ tr(label) }</button>
                    }
                </div>
                <div role="tabpanel">{ section }</div>
            </>
        }
    } else {
        html! {
            <p class="muted small">{ tr("Change any line, source, staffing norm or school figure. Each change is checked before it reaches the budget.") }</p>
        }
    };
    html! {
        <Panel id="editor" title={tr("Edit budget")} class={classes!("editor", "no-print")} testid="editor" {actions}>
            { body }
        </Panel>
    }
}
