//! The network embed (`?embed&network=…`): the read-only table and charts a network puts
//! on its website, `panels=` choosing among `table`, `per-pupil`, `flexibility` and `fte`,
//! `change=` the enrollment change, with the height messages and the policy of the
//! single-school embed.

use std::rc::Rc;

use yew::prelude::*;

use sitebudget_core::util::i18n::{tr, trf};
use sitebudget_core::util::url::query_pairs;
use sitebudget_core::view::embed_options::{parse_embed_options, EmbedOptions};

use super::hub::{show_loading, Loading, OpenNet};
use super::load::{begin, fetch_network};
use super::page::{NetPanel, NetView, NetworkPage};
use crate::ui::embed::height::use_post_height;

/// The network embed's options: the single-school embed's (id, change) with its own panels.
pub fn network_embed_options(query: &str) -> (EmbedOptions, Vec<NetPanel>) {
    let mut options = parse_embed_options(query);
    // The single-school panel names do not apply here: the network's are read below.
    options.problems.retain(|p| !p.starts_with("panels"));
    options.panels = None;
    let mut panels = Vec::new();
    for (key, value) in query_pairs(query) {
        if key != "panels" {
            continue;
        }
        for name in value.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match NetPanel::ALL
                .into_iter()
                .find(|p| p.name().eq_ignore_ascii_case(name))
            {
                Some(p) if !panels.contains(&p) => panels.push(p),
                Some(_) => {}
                None => options.problems.push(trf(
                    "panels: `{name}` is not a network panel; the panels are table, per-pupil, flexibility, fte.",
                    &[("name", &name)],
                )),
            }
        }
    }
    // Page order, whatever order they were named in.
    let mut ordered: Vec<NetPanel> = NetPanel::ALL
        .into_iter()
        .filter(|p| panels.contains(p))
        .collect();
    if ordered.is_empty() {
        ordered = NetPanel::ALL.to_vec();
    }
    (options, ordered)
}

/// Props of [`NetworkEmbed`].
#[derive(Properties, PartialEq)]
pub struct NetworkEmbedProps {
    /// The network file's path.
    pub path: AttrValue,
    /// The query string.
    pub query: AttrValue,
}

/// The read-only network table and charts in an iframe.
#[component]
pub fn NetworkEmbed(props: &NetworkEmbedProps) -> Html {
    let root = use_node_ref();
    let parsed = use_memo(props.query.clone(), |q| network_embed_options(q));
    let (options, panels) = (&parsed.0, Rc::new(parsed.1.clone()));
    use_post_height(root.clone(), options.id.clone());
    // The hub's own state: the network shown at once, its schools filling in as they arrive.
    let open = use_reducer(OpenNet::default);
    let failed = use_state(|| Loading::Idle);
    {
        let (open, failed) = (open.dispatcher(), failed.clone());
        let (path, change) = (props.path.clone(), options.change);
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                match fetch_network(&path).await {
                    Ok(file) => {
                        let (mut network, todo) = begin(file);
                        if let Some(change) = change {
                            Rc::make_mut(&mut network.scenario).change = change;
                        }
                        let loads = Rc::new(std::cell::RefCell::new(0));
                        show_loading(&open, &loads, None, &path, (network, todo));
                    }
                    Err(e) => failed.set(Loading::Failed(e)),
                }
            });
        });
    }
    let body = match (&*failed, &open.state) {
        (Loading::Failed(err), _) => {
            crate::ui::embed::shell::load_error(&tr("This network cannot be shown"), err)
        }
        (_, Some(state)) => {
            html! { <NetworkPage network={NetView(state.network.clone())} panels={panels} /> }
        }
        _ => html! {
            <p class="panel embed-loading" aria-busy="true" data-testid="embed-loading">{ tr("Loading the network…") }</p>
        },
    };
    html! {
        <div class="embed network-embed" ref={root} data-testid="embed" data-saving="off">
            if !options.problems.is_empty() {
                <section class="panel embed-problems" role="alert" data-testid="embed-problems">
                    <h2>{ tr("Some embed options were not understood") }</h2>
                    <ul>
                        for (i, problem) in options.problems.iter().enumerate() {
                            <li key={i}>{ problem }</li>
                        }
                    </ul>
                </section>
            }
            <p class="embed-intro" data-testid="embed-intro">{ tr("How enrollment changes would move each school's money and staff across this network.") }</p>
            { body }
        </div>
    }
}
