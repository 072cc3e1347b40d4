//! The lines editor: a filter box, pages of 50 rows, and buttons to add lines.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::lang::{tr, trf, use_lang};

use super::field::Choices;
use super::line_row::LineRow;
use super::{card_error, error_of};
use crate::ui::event_value;
use sitebudget_core::edit::{Edit, EditError, NewKind, Target};
use sitebudget_core::model::Document;

/// Rows on one page: enough to scan, few enough to stay fast at 10,000 lines.
const PAGE: usize = 50;

/// Props of [`LinesEditor`].
#[derive(Properties, PartialEq)]
pub struct LinesEditorProps {
    /// The budget.
    pub doc: Rc<Document>,
    /// The last refused edit.
    pub error: Option<Rc<EditError>>,
    /// The shared edit callback.
    pub on_edit: Callback<Edit>,
}

/// Whether a line matches the filter text (id, title or a tag, ignoring case).
fn matches(line: &sitebudget_core::model::Line, needle: &str) -> bool {
    let has = |text: &str| text.to_ascii_lowercase().contains(needle);
    needle.is_empty() || has(&line.id) || has(&line.title) || line.tags.iter().any(|t| has(t))
}

/// Every line, filtered and paged.
#[component]
pub fn LinesEditor(props: &LinesEditorProps) -> Html {
    let lang = use_lang();
    let filter = use_state(String::new);
    let page = use_state(|| 0usize);
    let norm_choices: Choices = {
        let doc = props.doc.clone();
        let norms: Vec<(String, String)> = doc
            .norms
            .iter()
            .map(|n| (n.id.clone(), n.title.clone()))
            .collect();
        use_memo((norms, lang), |(norms, _)| {
            let mut out = vec![(AttrValue::Static(""), AttrValue::from(tr("none")))];
            out.extend(
                norms
                    .iter()
                    .map(|(id, t)| (AttrValue::from(id.clone()), AttrValue::from(t.clone()))),
            );
            Rc::new(out)
        })
        .as_ref()
        .clone()
    };
    let needle = filter.to_ascii_lowercase();
    let shown: Vec<usize> = props
        .doc
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| matches(l, &needle))
        .map(|(i, _)| i)
        .collect();
    let pages = shown.len().div_ceil(PAGE).max(1);
    let current = (*page).min(pages - 1);
    let on_filter = {
        let (filter, page) = (filter.clone(), page.clone());
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                filter.set(input.value());
                page.set(0);
            }
        })
    };
    let go = |to: usize| {
        let page = page.clone();
        Callback::from(move |_: MouseEvent| page.set(to))
    };
    let add = |kind: NewKind| {
        let (on_edit, page, filter) = (props.on_edit.clone(), page.clone(), filter.clone());
        Callback::from(move |_: MouseEvent| {
            // The new line is last: show the last page, unfiltered.
            filter.set(String::new());
            page.set(usize::MAX);
            on_edit.emit(Edit::AddLine(kind));
        })
    };
    let on_page_pick = {
        let page = page.clone();
        Callback::from(move |e: Event| {
            if let Some(n) = event_value(&e).and_then(|v| v.parse::<usize>().ok()) {
                page.set(n);
            }
        })
    };
    let last_index = props.doc.lines.len().saturating_sub(1);
    let from = current * PAGE;
    let rows = shown.iter().skip(from).take(PAGE);
    let pager = html! {
        <div class="pager">
            <button type="button" disabled={current == 0} onclick={go(current.saturating_sub(1))}
                data-testid="edit-page-prev">{ tr("Previous") }</button>
            <label>
                <span class="visually-hidden">{ tr("Page") }</span>
                <select onchange={on_page_pick.clone()} data-testid="edit-page">
                    for n in 0..pages {
                        <option key={n} value={n.to_string()} selected={n == current}>{ trf("Page {n} of {pages}", &[("n", &(n + 1)), ("pages", &pages)]) }</option>
                    }
                </select>
            </label>
            <button type="button" disabled={current + 1 >= pages} onclick={go(current + 1)}
                data-testid="edit-page-next">{ tr("Next") }</button>
        </div>
    };
    html! {
        <div class="lines-editor">
            <div class="toolbar">
                <label>
                    { tr("Find lines") }
                    <input type="search" value={(*filter).clone()} oninput={on_filter}
                        placeholder={tr("id, title or tag")} data-testid="edit-filter" />
                </label>
                <span class="small muted" data-testid="edit-count">
                    { trf("{shown} of {all} lines", &[("shown", &shown.len()), ("all", &props.doc.lines.len())]) }
                </span>
                <button type="button" onclick={add(NewKind::Position)} data-testid="edit-add-position">{ tr("Add position") }</button>
                <button type="button" onclick={add(NewKind::Item)} data-testid="edit-add-item">{ tr("Add item") }</button>
            </div>
            { card_error(&error_of(&props.error, &Target::Line(String::new()))) }
            if pages > 1 { { pager.clone() } }
            <ol class="edit-list" start={(from + 1).to_string()}>
                for &i in rows {
                    if let Some(line) = props.doc.lines.get(i) {
                        <LineRow key={line.id.clone()} line={Rc::new(line.clone())}
                            first={i == 0} last={i == last_index}
                            norms={norm_choices.clone()}
                            error={error_of(&props.error, &Target::Line(line.id.clone()))}
                            on_edit={props.on_edit.clone()} />
                    }
                }
            </ol>
            if pages > 1 { { pager } }
        </div>
    }
}
