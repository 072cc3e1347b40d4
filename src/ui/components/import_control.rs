//! The file picker that imports a JSON budget, or lines from a CSV file or an XLSX workbook.

use yew::prelude::*;

use crate::ui::lang::{tr, tr1, trf, trn, use_lang};

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
    use_lang();
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
            <label for="import-file" class="small">{ tr("Import a budget (JSON) or lines (CSV, XLSX)") }</label>
            <input id="import-file" type="file" data-testid="import-file"
                accept=".json,.csv,.xlsx,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" {onchange}
                aria-describedby="import-feedback" />
            if let ImportStatus::Loaded { file } = &props.status {
                <span class="import-status ok" role="status">{ tr1("Imported {file}", "file", file) }</span>
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
    use_lang();
    if let ImportStatus::Preview(p) = &props.status {
        let choose = |a: Action| {
            let cb = props.on_choice.clone();
            Callback::from(move |_: MouseEvent| cb.emit(a.clone()))
        };
        let totals = match &p.totals {
            Ok((allocation, cost, balance)) => html! {
                <>
                    <li>{ tr("Allocation") }{ " " }<b>{ format::money(*allocation) }</b></li>
                    <li>{ tr("Cost") }{ " " }<b>{ format::money(*cost) }</b></li>
                    <li>{ tr("Balance") }{ " " }<b data-testid="preview-balance">{ format::money(*balance) }</b></li>
                </>
            },
            Err(why) => {
                html! { <li class="negative">{ tr1("Its totals cannot be computed: {why}", "why", why) }</li> }
            }
        };
        let figures = html! {
            <ul class="preview-figures">
                <li><b data-testid="preview-lines">{ p.lines }</b>{ " " }{ tr("lines") }</li>
                <li><b>{ p.sources }</b>{ " " }{ tr("sources") }</li>
                <li><b>{ format::count(p.pupils) }</b>{ " " }{ tr("students") }</li>
                { totals }
            </ul>
        };
        if p.bad.is_empty() {
            return html! {
                <div id="import-feedback" class="import-preview panel" role="region"
                    aria-label={tr("Import preview")} data-testid="import-preview">
                    <strong>{ trf("{file} is ready to import: {school}, fiscal year {year}", &[
                        ("file", &p.file), ("school", &p.doc.school.name), ("year", &p.doc.school.fiscal_year)]) }</strong>
                    { figures }
                    <div class="preview-actions">
                        <button type="button" class="primary" onclick={choose(Action::ConfirmImport(ImportTarget::Replace))}
                            data-testid="import-replace">{ tr("Replace the open budget") }</button>
                        <button type="button" onclick={choose(Action::ConfirmImport(ImportTarget::NewBudget))}
                            data-testid="import-new">{ tr("Open as a new budget") }</button>
                        <button type="button" onclick={choose(Action::CancelImport)} data-testid="import-cancel">{ tr("Cancel") }</button>
                    </div>
                    <p class="small muted">{ tr("Nothing changes until you choose. Replacing can be undone.") }</p>
                </div>
            };
        }
        // Some rows are bad: they are listed with their reasons beside the good rows'
        // figures, and the only ways in say "good rows" in so many words.
        let good = p.good_rows_label();
        return html! {
            <div id="import-feedback" class="import-preview panel" role="region"
                aria-label={tr("Import preview")} data-testid="import-preview">
                <strong>
                    { trn("{file}: 1 good row can be imported;", "{file}: {n} good rows can be imported;",
                        p.lines as u64, &[("file", &p.file)]) }
                    { " " }
                    { trn("1 row cannot and would be left out.", "{n} rows cannot and would be left out.",
                        p.bad.len() as u64, &[]) }
                </strong>
                <div class="preview-columns">
                    <div class="preview-good" data-testid="preview-good">
                        <span class="small">{ tr1("With the good rows only: {school}", "school", &p.doc.school.name) }</span>
                        { figures }
                    </div>
                    <div class="preview-bad error-list" data-testid="preview-bad">
                        <span class="small">{ tr("Rows left out") }</span>
                        <ul>
                            for b in p.bad.iter() {
                                <li key={b.row} data-testid={format!("bad-row-{}", b.row)}>
                                    <b>{ tr1("Row {n}", "n", &b.row) }</b>
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
                        data-testid="import-good-rows-new">{ tr1("{label} as a new budget", "label", &good) }</button>
                    <button type="button" onclick={choose(Action::CancelImport)} data-testid="import-cancel">{ tr("Cancel") }</button>
                </div>
                <p class="small muted">{ tr("Nothing changes until you choose. To bring the bad rows in too, fix them in the file and import it again.") }</p>
            </div>
        };
    }
    let ImportStatus::Refused { file, problems } = &props.status else {
        return html! { <div id="import-feedback"></div> };
    };
    html! {
        <div id="import-feedback" class="import-feedback" role="alert" data-testid="import-error">
            <div class="error-list">
                <strong>{ tr1("{file} was not imported; your budget is unchanged.", "file", file) }</strong>
                <ul>
                    for (i, problem) in problems.iter().enumerate() {
                        <li key={i}>{ problem }</li>
                    }
                </ul>
            </div>
        </div>
    }
}
