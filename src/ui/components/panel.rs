//! The frame every panel shares: a titled section with an optional note or controls.

use yew::prelude::*;

/// Props of [`Panel`].
#[derive(Properties, PartialEq)]
pub struct PanelProps {
    /// Prefix of the heading's id (`{id}-title`), which names the section for screen readers.
    pub id: AttrValue,
    /// The heading.
    pub title: AttrValue,
    /// A short line beside the heading.
    #[prop_or_default]
    pub note: Option<AttrValue>,
    /// Controls beside the heading.
    #[prop_or_default]
    pub actions: Html,
    /// The section's `data-testid`.
    #[prop_or_default]
    pub testid: Option<AttrValue>,
    /// Extra classes on the section.
    #[prop_or_default]
    pub class: Classes,
    /// The panel's content.
    #[prop_or_default]
    pub children: Html,
}

/// A titled panel.
#[component]
pub fn Panel(props: &PanelProps) -> Html {
    let heading = format!("{}-title", props.id);
    html! {
        <section class={classes!("panel", props.class.clone())} aria-labelledby={heading.clone()}
            data-testid={props.testid.clone()}>
            <div class="panel-head">
                <h2 id={heading}>{ &props.title }</h2>
                if let Some(note) = &props.note {
                    <span class="small muted">{ note }</span>
                }
                { props.actions.clone() }
            </div>
            { props.children.clone() }
        </section>
    }
}
