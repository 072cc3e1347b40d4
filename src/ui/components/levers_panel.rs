//! The levers beside the cut plan: how far each norm is from a breakpoint, what an
//! income form is worth, and buying back a lost norm position with the school's money.

use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use sitebudget_core::util::i18n;

use crate::ui::lang::{tr, tr1, trf, use_lang};

use super::panel::Panel;
use crate::ui::embed::use_read_only;
use crate::ui::event_value;
use sitebudget_core::engine::{with_buy_back, Breakpoint, BuyBack, Levers, Scenario};
use sitebudget_core::format;
use sitebudget_core::model::Document;
use sitebudget_core::util::decimal::parse_decimal;
use sitebudget_core::view::levers_text::{
    breakpoint_words, buy_back_words, form_words, recruit_words, tier_words,
};

/// Props of [`LeversPanel`].
#[derive(Properties, PartialEq)]
pub struct LeversPanelProps {
    /// The budget.
    pub doc: Rc<Document>,
    /// The active scenario (a buy-back is added to it).
    pub scenario: Rc<Scenario>,
    /// The levers for the scenario's counts.
    pub levers: Rc<Levers>,
    /// Called with the scenario after a buy-back.
    pub on_scenario: Callback<Scenario>,
}

/// An empty `data-*` value means none.
fn opt(v: Option<u64>) -> String {
    v.map(|k| k.to_string()).unwrap_or_default()
}

/// What the principal can do about the cuts.
#[component]
pub fn LeversPanel(props: &LeversPanelProps) -> Html {
    use_lang();
    let read_only = use_read_only();
    let doc = &props.doc;
    let l = &props.levers;
    html! {
        <Panel id="levers" title={tr("Levers")} testid="levers-panel"
            note={tr("What you can do about it")}>
            <ul class="levers">
                for b in l.breakpoints.iter() {
                    if let Some(norm) = doc.norms.iter().find(|n| n.id == b.norm) {
                        <li key={b.norm.clone()} data-testid={format!("breakpoint-{}", b.norm)}
                            data-students={b.students.to_string()} data-fte={format::plain(b.fte)}
                            data-lose={opt(b.lose)} data-gain={opt(b.gain)}>
                            <strong>{ &norm.title }</strong>{ ": " }{ breakpoint_words(norm, b) }
                            { breakpoint_picture(b) }
                        </li>
                    }
                }
            </ul>
            <p data-testid="value-per-form" data-value={l.form_worth.map(format::plain).unwrap_or_default()}>
                { form_words(l.form_worth) }
            </p>
            for f in l.forms_to_tier.iter() {
                <p key={f.source.clone()} data-testid={format!("forms-to-tier-{}", f.source)}
                    data-value={opt(f.forms)} data-gain={f.gain.map(format::plain).unwrap_or_default()}>
                    { tier_words(doc, f) }
                </p>
            }
            for bb in l.buy_backs.iter() {
                if let (Some(norm), Some(b)) = (doc.norms.iter().find(|n| n.id == bb.norm), l.breakpoint(&bb.norm)) {
                    if let Some(words) = recruit_words(norm, b) {
                        <p key={format!("recruit-{}", bb.norm)} data-testid={format!("recruit-{}", bb.norm)}>{ words }</p>
                    }
                }
                <BuyBackRow key={bb.norm.clone()} testid={format!("buyback-{}", bb.norm)}
                    doc={props.doc.clone()} scenario={props.scenario.clone()} buy_back={Rc::new(bb.clone())}
                    {read_only} on_scenario={props.on_scenario.clone()} />
            }
        </Panel>
    }
}

/// Where the count sits between the two breakpoints, as a small line with a dot.
pub fn breakpoint_picture(b: &Breakpoint) -> Html {
    let lo = b.students.saturating_sub(b.lose.unwrap_or(0));
    let hi = b.students.saturating_add(b.gain.unwrap_or(0));
    let span = hi.saturating_sub(lo).max(1);
    // 20..220 across a 240-wide box; the count's place in proportion.
    let x = |n: u64| 20 + (n.saturating_sub(lo).min(span) * 200 / span);
    let at = x(b.students);
    let now: &dyn std::fmt::Display = &b.students;
    let label = match (b.lose, b.gain) {
        (Some(_), Some(_)) => trf(
            "{now} pupils now; you lose a position at {lose}, you gain one at {gain}",
            &[("now", now), ("lose", &lo), ("gain", &hi)],
        ),
        (Some(_), None) => trf(
            "{now} pupils now; you lose a position at {lose}, and gain none above",
            &[("now", now), ("lose", &lo)],
        ),
        (None, Some(_)) => trf(
            "{now} pupils now; you lose none below, you gain one at {gain}",
            &[("now", now), ("gain", &hi)],
        ),
        (None, None) => tr1("{now} pupils now", "now", now),
    };
    html! {
        <svg class="breakpoint-picture" viewBox="0 0 240 34" width="240" height="34" role="img" aria-label={label}>
            <line x1="20" y1="14" x2="220" y2="14" class="bp-track" />
            if b.lose.is_some() {
                <line x1="20" y1="8" x2="20" y2="20" class="bp-lose" />
                <text x="20" y="31" text-anchor="start" class="bp-label">{ lo.to_string() }</text>
            }
            if b.gain.is_some() {
                <line x1="220" y1="8" x2="220" y2="20" class="bp-gain" />
                <text x="220" y="31" text-anchor="end" class="bp-label">{ hi.to_string() }</text>
            }
            <circle cx={at.to_string()} cy="14" r="5" class="bp-now" />
        </svg>
    }
}

/// Props of [`BuyBackRow`].
#[derive(Properties, PartialEq)]
pub struct BuyBackRowProps {
    /// The row's `data-testid`.
    pub testid: AttrValue,
    /// The budget.
    pub doc: Rc<Document>,
    /// The scenario the buy-back is added to.
    pub scenario: Rc<Scenario>,
    /// The buy-back.
    pub buy_back: Rc<BuyBack>,
    /// Whether the controls are hidden (read-only embed).
    #[prop_or_default]
    pub read_only: bool,
    /// Called with the scenario after a buy-back.
    pub on_scenario: Callback<Scenario>,
}

/// One lost position: its price, what the school can keep, and the Buy back action.
#[component]
pub fn BuyBackRow(props: &BuyBackRowProps) -> Html {
    use_lang();
    let bb = &props.buy_back;
    // The source that alone keeps the most (the first such in document order).
    let best = bb
        .can_from
        .iter()
        .rev()
        .max_by(|a, b| a.1.cmp(&b.1))
        .map(|(s, _)| s.clone())
        .unwrap_or_default();
    let source = use_state(|| best);
    let default_fte = if bb.can > Decimal::ZERO {
        bb.can
    } else {
        bb.lost
    };
    let fte = use_state(|| format::plain(default_fte));
    let problem = use_state(|| None::<String>);
    let on_source = {
        let source = source.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = event_value(&e) {
                source.set(v);
            }
        })
    };
    let on_fte = {
        let fte = fte.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = event_value(&e) {
                fte.set(v);
            }
        })
    };
    let on_buy = {
        let (doc, scenario, bb, on) = (
            props.doc.clone(),
            props.scenario.clone(),
            props.buy_back.clone(),
            props.on_scenario.clone(),
        );
        let (source, fte, problem) = (source.clone(), fte.clone(), problem.clone());
        Callback::from(move |_: MouseEvent| match parse_decimal(fte.trim()) {
            Ok(x) if x > Decimal::ZERO && x <= bb.lost && !source.is_empty() => {
                problem.set(None);
                on.emit(with_buy_back(&doc, &scenario, &bb, &source, x));
            }
            _ => problem.set(Some(i18n::tr1(
                "Type an FTE above 0 and at most {fte}.",
                "fte",
                &format::fte(bb.lost),
            ))),
        })
    };
    let names: Vec<(String, String, Decimal)> = bb
        .can_from
        .iter()
        .map(|(s, c)| (s.clone(), props.doc.source_name(s).to_owned(), *c))
        .collect();
    html! {
        <div class="buyback" data-testid={props.testid.clone()} data-fte={format::plain(bb.lost)}
            data-cost={format::plain(bb.cost)} data-can={format::plain(bb.can)}>
            <p><strong>{ &bb.title }</strong>{ " " }{ tr1("loses {fte} FTE.", "fte", &format::fte(bb.lost)) }{ " " }{ buy_back_words(bb) }</p>
            if !props.read_only && !names.is_empty() {
                <div class="buyback-form no-print">
                    <label>{ tr("Pay from") }{ " " }
                        <select onchange={on_source} data-testid={format!("{}-source", props.testid)}>
                            for (id, name, can) in names {
                                <option key={id.clone()} value={id.clone()} selected={*source == id}>
                                    { trf("{source} (covers {fte} FTE)", &[("source", &name), ("fte", &format::fte(can))]) }
                                </option>
                            }
                        </select>
                    </label>
                    <label>{ " " }{ tr("FTE") }{ " " }
                        <input type="text" inputmode="decimal" size="4" value={(*fte).clone()} onchange={on_fte}
                            data-testid={format!("{}-amount", props.testid)} />
                    </label>
                    <button type="button" onclick={on_buy} data-testid={format!("{}-buy", props.testid)}>{ tr("Buy back") }</button>
                    if let Some(p) = &*problem {
                        <p class="negative small" role="alert">{ p }</p>
                    }
                </div>
            }
        </div>
    }
}
