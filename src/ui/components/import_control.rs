//! The file picker that imports a JSON budget, or lines from a CSV file or an XLSX workbook.

use yew::prelude::*;

use sitebudget_core::app::{Action, ImportStatus, ImportTarget};
use sitebudget_core::format;
use sitebudget_core::view::import_preview::bad_row_reasons;

/// Props of [`ImportControl`].
#[derive(Properties, PartialEq)]
pub struct ImportControlProps {
    /// The last import's outcome.
    pub status: ImportStatus,
    /// Called with the picked file.
    pub on_file: Callback<web_sys::File>,
}

/// A labelled file input; the outcome is shown by [`ImportFeedback`].
#[component]
pub fn ImportControl(props: &ImportControlProps) -> Html {
    let onchange = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                on_file.emit(file);
            }
            // Clearing lets the same file be picked again after fixing it.
            input.set_value("");
        })
    };
    html! {
        <div class="import-control">
            <label for="import-file" class="small">{ "Import a budget (JSON) or lines (CSV, XLSX)" }</label>
            <input id="import-file" type="file" data-testid="import-file"
                accept=".json,.csv,.xlsx,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" {onchange}
                aria-describedby="import-feedback" />
            if let ImportStatus::Loaded { file } = &props.status {
                <span class="import-status ok" role="status">{ format!("Imported {file}") }</span>
            }
        </div>
    }
}

/// Props of [`ImportFeedback`].
#[derive(Properties, PartialEq)]
pub struct ImportFeedbackProps {
    /// The last import's outcome.
    pub status: ImportStatus,
    /// The user's choice for a previewed file: `ConfirmImport`, `ImportGoodRows` or
    /// `CancelImport`.
    pub on_choice: Callback<Action>,
}

/// A good file's preview with its choices, or the reasons a file was refused, in plain
/// words, under the import control.
#[component]
pub fn ImportFeedback(props: &ImportFeedbackProps) -> Html {
    if let ImportStatus::Preview(p) = &props.status {
        let choose = |a: Action| {
            let cb = props.on_choice.clone();
            Callback::from(move |_: MouseEvent| cb.emit(a.clone()))
        };
        let totals = match &p.totals {
            Ok((allocation, cost, balance)) => html! {
                <>
                    <li>{ "Allocation " }<b>{ format::money(*allocation) }</b></li>
                    <li>{ "Cost " }<b>{ format::money(*cost) }</b></li>
                    <li>{ "Balance " }<b data-testid="preview-balance">{ format::money(*balance) }</b></li>
                </>
            },
            Err(why) => {
                html! { <li class="negative">{ format!("Its totals cannot be computed: {why}") }</li> }
            }
        };
        let figures = html! {
            <ul class="preview-figures">
                <li><b data-testid="preview-lines">{ p.lines }</b>{ " lines" }</li>
                <li><b>{ p.sources }</b>{ " sources" }</li>
                <li><b>{ format::count(p.pupils) }</b>{ " students" }</li>
                { totals }
            </ul>
        };
        if p.bad.is_empty() {
            return html! {
                <div id="import-feedback" class="import-preview panel" role="region"
                    aria-label="Import preview" data-testid="import-preview">
                    <strong>{ format!("{} is ready to import: {}, fiscal year {}", p.file, p.doc.school.name, p.doc.school.fiscal_year) }</strong>
                    { figures }
                    <div class="preview-actions">
                        <button type="button" class="primary" onclick={choose(Action::ConfirmImport(ImportTarget::Replace))}
                            data-testid="import-replace">{ "Replace the open budget" }</button>
                        <button type="button" onclick={choose(Action::ConfirmImport(ImportTarget::NewBudget))}
                            data-testid="import-new">{ "Open as a new budget" }</button>
                        <button type="button" onclick={choose(Action::CancelImport)} data-testid="import-cancel">{ "Cancel" }</button>
                    </div>
                    <p class="small muted">{ "Nothing changes until you choose. Replacing can be undone." }</p>
                </div>
            };
        }
        // Some rows are bad: they are listed with their reasons beside the good rows'
        // figures, and the only ways in say "good rows" in so many words.
        let rows_word = |n: usize| if n == 1 { "row" } else { "rows" };
        let good = p.good_rows_label();
        return html! {
            <div id="import-feedback" class="import-preview panel" role="region"
                aria-label="Import preview" data-testid="import-preview">
                <strong>{ format!(
                    "{}: {} good {} can be imported; {} {} cannot and would be left out.",
                    p.file, p.lines, rows_word(p.lines), p.bad.len(), rows_word(p.bad.len())
                ) }</strong>
                <div class="preview-columns">
                    <div class="preview-good" data-testid="preview-good">
                        <span class="small">{ format!("With the good rows only: {}", p.doc.school.name) }</span>
                        { figures }
                    </div>
                    <div class="preview-bad error-list" data-testid="preview-bad">
                        <span class="small">{ "Rows left out" }</span>
                        <ul>
                            for b in p.bad.iter() {
                                <li key={b.row} data-testid={format!("bad-row-{}", b.row)}>
                                    <b>{ format!("Row {}", b.row) }</b>
                                    if !b.title.is_empty() { { format!(" ({})", b.title) } }
                                    <ul>
                                        for (i, reason) in bad_row_reasons(b).into_iter().enumerate() {
                                            <li key={i}>{ reason }</li>
                                        }
                                    </ul>
                                </li>
                            }
                        </ul>
                    </div>
                </div>
                <div class="preview-actions">
                    <button type="button" class="primary" onclick={choose(Action::ImportGoodRows(ImportTarget::Replace))}
                        data-testid="import-good-rows">{ good.clone() }</button>
                    <button type="button" onclick={choose(Action::ImportGoodRows(ImportTarget::NewBudget))}
                        data-testid="import-good-rows-new">{ format!("{good} as a new budget") }</button>
                    <button type="button" onclick={choose(Action::CancelImport)} data-testid="import-cancel">{ "Cancel" }</button>
                </div>
                <p class="small muted">{ "Nothing changes until you choose. To bring the bad rows in too, fix them in the file and import it again." }</p>
            </div>
        };
    }
    let ImportStatus::Refused { file, problems } = &props.status else {
        return html! { <div id="import-feedback"></div> };
    };
    html! {
        <div id="import-feedback" class="import-feedback" role="alert" data-testid="import-error">
            <div class="error-list">
                <strong>{ format!("{file} was not imported; your budget is unchanged.") }</strong>
                <ul>
                    for (i, problem) in problems.iter().enumerate() {
                        <li key={i}>{ problem }</li>
                    }
                </ul>
            </div>
        </div>
    }
}
