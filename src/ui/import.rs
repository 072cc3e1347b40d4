//! Reads a picked file in the browser and turns it into an import action.

use yew::UseReducerDispatcher;

use crate::io::import::import_file;
use crate::ui::state::{Action, AppState};

/// Reads `file` as text and dispatches the document to preview or the reasons it was refused.
pub fn read_and_import(
    file: web_sys::File,
    current: std::rc::Rc<crate::model::Document>,
    dispatch: UseReducerDispatcher<AppState>,
) {
    let name = file.name();
    wasm_bindgen_futures::spawn_local(async move {
        let blob = gloo_file::Blob::from(file);
        let action = match gloo_file::futures::read_as_text(&blob).await {
            Ok(text) => match import_file(&current, &name, &text) {
                Ok(doc) => Action::ImportReady {
                    file: name,
                    doc: Box::new(doc),
                },
                Err(problems) => Action::ImportRefused {
                    file: name,
                    problems,
                },
            },
            Err(err) => Action::ImportRefused {
                file: name,
                problems: vec![format!("The file could not be read as text: {err}")],
            },
        };
        dispatch.dispatch(action);
    });
}
