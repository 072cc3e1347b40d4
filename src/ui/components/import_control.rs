//! The file picker that imports a JSON budget, or lines from a CSV file or an XLSX workbook.

use yew::prelude::*;

use crate::ui::state::ImportStatus;

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
}

/// The reasons a file was refused, in plain words, under the import control.
#[component]
pub fn ImportFeedback(props: &ImportFeedbackProps) -> Html {
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
