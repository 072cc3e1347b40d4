//! One cut as a card: what changes, why this line, what it means for a person, what it
//! leaves unspent and the other lines that could close the same gap; and the colour legend.

use yew::prelude::*;

use crate::ui::lang::tr;

use sitebudget_core::format;
use sitebudget_core::view::plan_text::{CutTone, CutWords};

/// A cut card. `on_toward` takes (alternative, chosen) line ids; the buttons show only
/// where the plan may be steered. A plain function: one component type less in the bundle.
///
/// With `detail` false only the cut itself is drawn: a plan of a hundred cuts shows why and
/// the alternatives for its first ones until the reader asks for all.
pub fn cut_card(
    cut: &CutWords,
    on_toward: &Callback<(String, String)>,
    can_steer: bool,
    detail: bool,
) -> Html {
    html! {
        <li key={cut.line.clone()} class={cut.tone.class()}
            data-testid={format!("cut-{}", cut.line)}
            data-from={format::plain(cut.from)} data-to={format::plain(cut.to)}>
            <span class="cut-words">{ &cut.text }</span>
            if cut.norm { <span class="badge">{ tr("District norm") }</span> }
            if detail && !cut.why.is_empty() {
                <p class="cut-why" data-testid={format!("plan-why-{}", cut.line)}>{ &cut.why }</p>
            }
            if let (true, Some(job)) = (detail, &cut.job) {
                <p class="cut-job-note" data-testid={format!("plan-job-{}", cut.line)}>{ job }</p>
            }
            if let (true, Some(over)) = (detail, &cut.overshoot) {
                <p class="cut-overshoot" role="note" data-testid={format!("plan-overshoot-{}", cut.line)}>{ over }</p>
            }
            if detail && !cut.alternatives.is_empty() {
                <p class="cut-alts" data-testid={format!("plan-alts-{}", cut.line)}>
                    { tr("or:") }{ " " }
                    for (i, alt) in cut.alternatives.iter().enumerate() {
                        if i > 0 { { " · " } }
                        <span class="cut-alt" key={alt.line.clone()}>{ &alt.text }</span>
                        if can_steer {
                            { " " }
                            <button type="button" class="link-button no-print"
                                data-testid={format!("steer-toward-{}", alt.line)}
                                title={tr("Cut this line instead, in this scenario only")}
                                onclick={
                                    let (cb, pair) = (on_toward.clone(), (alt.line.clone(), cut.line.clone()));
                                    Callback::from(move |_: MouseEvent| cb.emit(pair.clone()))
                                }>{ tr("cut this instead") }</button>
                        }
                    }
                </p>
            }
        </li>
    }
}

/// The legend for the cards' colours.
pub fn cut_legend() -> Html {
    html! {
        <ul class="cut-legend" data-testid="plan-legend" aria-label={tr("What the colours of the cuts mean")}>
            for tone in CutTone::ALL {
                <li key={tone.class()}><span class={classes!("swatch", tone.class())} aria-hidden="true"></span>{ tone.legend() }</li>
            }
        </ul>
    }
}
