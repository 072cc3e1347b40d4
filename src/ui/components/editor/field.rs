//! One generic labelled input for any editable field: text, a choice list or a checkbox.
//!
//! It commits on change (Enter or leaving the field), never on each keystroke, and shows a
//! refused edit right under itself, keeping the user's text until the budget changes.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::event_value;
use crate::ui::lang::tr;
use sitebudget_core::edit::{Edit, EditError, Field, Target};
use sitebudget_core::model::Span;
use sitebudget_core::util::i18n::key;

/// Choices of a select: (value, label).
pub type Choices = Rc<Vec<(AttrValue, AttrValue)>>;

/// How a field is drawn.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Input {
    /// A text input.
    #[default]
    Text,
    /// A text input two columns wide.
    Wide,
    /// A select with these choices.
    Choice(Choices),
    /// A checkbox (value `true` or `false`).
    Check,
}

/// Props of [`EditField`].
#[derive(Properties, PartialEq)]
pub struct EditFieldProps {
    /// What the field belongs to.
    pub target: Target,
    /// Which field.
    pub field: Field,
    /// The visible label.
    pub label: AttrValue,
    /// The current value as text (`true`/`false` for a checkbox).
    pub value: AttrValue,
    /// How it is drawn.
    pub input: Input,
    /// The refused edit of this target, if any (shown only when it is this field's).
    pub error: Option<Rc<EditError>>,
    /// The shared edit callback.
    pub on_edit: Callback<Edit>,
}

/// What every field of one card shares: its target, its error and the edit callback.
pub struct Card<'a> {
    /// The line, source, norm or school.
    pub target: Target,
    /// A refused edit of the target.
    pub error: &'a Option<Rc<EditError>>,
    /// The shared edit callback.
    pub on_edit: &'a Callback<Edit>,
}

/// A field's label and input: one table for every target, so cards are loops over fields.
fn look(target: &Target, field: Field) -> (&'static str, Input) {
    let text = |label| (label, Input::Text);
    let pick = |label, list: &[(&'static str, &'static str)]| (label, Input::Choice(choices(list)));
    match field {
        Field::Title => match target {
            Target::Source(_) => (key("Name"), Input::Wide),
            Target::School => (key("School name"), Input::Wide),
            _ => (key("Title"), Input::Wide),
        },
        Field::Id => text(key("Id")),
        Field::Kind => pick(
            key("Kind"),
            &[("position", key("position")), ("item", key("item"))],
        ),
        Field::Fte => text(key("FTE")),
        Field::UnitCost => match target {
            Target::Line(_) => text(key("Unit cost ($ per FTE)")),
            _ => text(key("Unit cost ($)")),
        },
        Field::FteStep => text(key("FTE step")),
        Field::Vacant => (key("Vacant"), Input::Check),
        Field::Amount | Field::AllocationAmount => text(key("Amount ($)")),
        Field::Funding => (key("Funding (such as gf 60%, need 40%)"), Input::Wide),
        Field::Priority => pick(
            key("Priority"),
            &[
                ("flexible", key("flexible")),
                ("essential", key("essential")),
                ("protected", key("protected")),
            ],
        ),
        Field::CutRank => text(key("Cut rank")),
        Field::Tags => text(key("Tags")),
        Field::Notes => (key("Notes"), Input::Wide),
        Field::Restricted => (key("Restricted"), Input::Check),
        Field::OneTime => (key("One-time"), Input::Check),
        Field::AllocationType => pick(
            key("Allocation"),
            &[
                ("fixed", key("fixed amount")),
                ("per_pupil", key("per pupil")),
                ("tiered", key("per pupil, tiered by need")),
                ("lcff", key("LCFF")),
                ("norm", key("staffing norms")),
            ],
        ),
        Field::Rate => text(key("Rate ($ per pupil)")),
        Field::Basis => pick(
            key("Counted on"),
            &[
                ("enrollment", key("enrollment")),
                ("unduplicated", key("unduplicated pupils")),
                ("ada", key("attendance (ADA)")),
                ("grades", key("pupils in grades")),
            ],
        ),
        Field::BasisGrades => text(key("Grades counted")),
        Field::LcffBase(Span::Tk3) => text(key("Base TK-3 ($ per ADA)")),
        Field::LcffBase(Span::G4to6) => text(key("Base 4-6 ($ per ADA)")),
        Field::LcffBase(Span::G7to8) => text(key("Base 7-8 ($ per ADA)")),
        Field::LcffBase(Span::G9to12) => text(key("Base 9-12 ($ per ADA)")),
        Field::Supplemental => text(key("Supplemental (%)")),
        Field::Concentration => text(key("Concentration (%)")),
        Field::Threshold => text(key("Concentration threshold (%)")),
        Field::Allowed => (key("Allowed uses (tags; blank: any use)"), Input::Wide),
        Field::Grades => text(key("Grades")),
        Field::StudentsPerPosition => text(key("Pupils per position")),
        Field::Rounding => pick(
            key("Rounding"),
            &[
                ("ceil", key("round up")),
                ("floor", key("round down")),
                ("round", key("round half up")),
            ],
        ),
        Field::MinFte => text(key("Minimum FTE")),
        Field::Tiers => (key("Tiers (need from %: $ per pupil; …)"), Input::Wide),
        Field::Bands => (
            key("Bands (from pupils: FTE; … blank: use pupils per position)"),
            Input::Wide,
        ),
        Field::FiscalYear => text(key("Fiscal year")),
        Field::UnduplicatedPct => text(key("Unduplicated pupils (%)")),
        Field::AttendanceRate => text(key("Attendance rate (%)")),
        // Labelled where they are drawn (they need the grade, the norm list or an index).
        Field::NormLink => text(key("Follows norm")),
        Field::Enrollment(_)
        | Field::Share(_)
        | Field::SetAsideTag(_)
        | Field::SetAsideShare(_) => text(""),
    }
}

impl Card<'_> {
    /// One field of the card (the only place an [`EditField`] is built, to keep the bundle small).
    pub fn field(&self, field: Field, label: AttrValue, value: AttrValue, input: Input) -> Html {
        html! {
            <EditField target={self.target.clone()} {field} {label} {value} {input}
                error={self.error.clone()} on_edit={self.on_edit.clone()} />
        }
    }

    /// A field labelled and drawn as the table says.
    pub fn auto(&self, field: Field, value: String) -> Html {
        let (label, input) = look(&self.target, field);
        self.field(field, tr(label), value.into(), input)
    }
}

/// The `data-testid` of a field: `edit-line-nurse-fte`, `edit-school-enrollment-K`.
pub fn field_testid(target: &Target, field: Field) -> String {
    let who = match target {
        Target::School => "school".to_owned(),
        Target::Source(id) => format!("source-{id}"),
        Target::Norm(id) => format!("norm-{id}"),
        Target::Line(id) => format!("line-{id}"),
    };
    let what = match field {
        Field::Share(i) => format!("share-{i}"),
        Field::SetAsideTag(i) => format!("set-aside-tag-{i}"),
        Field::SetAsideShare(i) => format!("set-aside-share-{i}"),
        other => other.name().replace(['.', '_'], "-"),
    };
    format!("edit-{who}-{what}")
}

/// A labelled input that sends an [`Edit::Set`] when committed.
#[component]
pub fn EditField(props: &EditFieldProps) -> Html {
    let draft = use_state(|| None::<String>);
    let message = props
        .error
        .as_ref()
        .filter(|e| e.is_at(&props.target, props.field))
        .map(|e| e.message.clone());
    let onchange = {
        let (target, field, on_edit, draft, check) = (
            props.target.clone(),
            props.field,
            props.on_edit.clone(),
            draft.clone(),
            props.input == Input::Check,
        );
        Callback::from(move |e: Event| {
            let value = if check {
                let on = e
                    .target_dyn_into::<web_sys::HtmlInputElement>()
                    .is_some_and(|i| i.checked());
                on.to_string()
            } else {
                event_value(&e).unwrap_or_default()
            };
            draft.set(Some(value.clone()));
            on_edit.emit(Edit::Set {
                target: target.clone(),
                field,
                value,
            });
        })
    };
    let testid = field_testid(&props.target, props.field);
    let error_id = format!("{testid}-error");
    // While this field's edit is refused, it keeps what the user typed.
    let shown: AttrValue = match (&message, &*draft) {
        (Some(_), Some(text)) => text.clone().into(),
        _ => props.value.clone(),
    };
    let invalid = message.as_ref().map(|_| "true");
    let described = message.as_ref().map(|_| error_id.clone());
    let (wide, check) = (props.input == Input::Wide, props.input == Input::Check);
    let input = match &props.input {
        Input::Check => html! {
            <input type="checkbox" checked={props.value == "true"} {onchange}
                data-testid={testid.clone()} aria-invalid={invalid} aria-describedby={described} />
        },
        Input::Choice(list) => html! {
            <select {onchange} data-testid={testid.clone()} aria-invalid={invalid} aria-describedby={described}>
                for (value, label) in list.iter() {
                    <option value={value.clone()} selected={*value == props.value}>{ label }</option>
                }
            </select>
        },
        Input::Text | Input::Wide => html! {
            <input type="text" value={shown} {onchange} data-committed={props.value.clone()}
                data-testid={testid.clone()} aria-invalid={invalid} aria-describedby={described} />
        },
    };
    html! {
        <label class={classes!("edit-field", check.then_some("edit-check"), wide.then_some("wide"))}>
            <span class="edit-label">{ &props.label }</span>
            { input }
            if let Some(m) = message {
                <span class="field-error" role="alert" id={error_id}>{ m }</span>
            }
        </label>
    }
}

/// Builds a choice list from static (value, label key) pairs, the labels translated.
pub fn choices(pairs: &[(&'static str, &'static str)]) -> Choices {
    Rc::new(
        pairs
            .iter()
            .map(|(v, l)| (AttrValue::Static(v), AttrValue::from(tr(l))))
            .collect(),
    )
}
