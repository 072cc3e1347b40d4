//! Drag and drop of a budget file anywhere on the page.

use yew::prelude::*;

use crate::ui::lang::{tr, use_lang};

/// Props of [`DropZone`].
#[derive(Properties, PartialEq)]
pub struct DropZoneProps {
    /// Called with the dropped file.
    pub on_file: Callback<web_sys::File>,
    /// Whether drops are taken (an embed shows no import, so it takes none).
    pub enabled: bool,
    /// The page inside the zone.
    pub children: Html,
}

/// Wraps the page; a dropped file is imported like a picked one, and a hint shows while
/// a file is dragged over.
#[component]
pub fn DropZone(props: &DropZoneProps) -> Html {
    use_lang();
    let over = use_state_eq(|| false);
    if !props.enabled {
        return props.children.clone();
    }
    let ondragover = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            // Without this the browser would open the file instead of dropping it here.
            e.prevent_default();
            over.set(true);
        })
    };
    let ondragleave = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            // Leaving for a child element is not leaving the zone.
            if e.related_target().is_none() {
                over.set(false);
            }
        })
    };
    let ondrop = {
        let (over, on_file) = (over.clone(), props.on_file.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(false);
            let file = e
                .data_transfer()
                .and_then(|dt| dt.files())
                .and_then(|files| files.get(0));
            if let Some(file) = file {
                on_file.emit(file);
            }
        })
    };
    html! {
        <div class={classes!("drop-zone", (*over).then_some("dragging"))}
            {ondragover} {ondragleave} {ondrop} data-testid="drop-zone">
            if *over {
                <div class="drop-hint" aria-hidden="true">{ tr("Drop a budget (JSON), lines (CSV) or a workbook (XLSX) to preview it") }</div>
            }
            { props.children.clone() }
        </div>
    }
}
