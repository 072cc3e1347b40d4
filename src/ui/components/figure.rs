//! Money figures: a headline card and an inline table cell, both carrying `data-value`.

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::ui::lang::{tr, use_lang};

use sitebudget_core::format;

/// Whether a figure is below zero (a deficit).
fn is_negative(value: Decimal) -> bool {
    value.is_sign_negative() && !value.is_zero()
}

/// Props of [`MoneyFigure`].
#[derive(Properties, PartialEq)]
pub struct MoneyFigureProps {
    /// The `data-testid` of the value element.
    pub testid: AttrValue,
    /// The caption above the value.
    pub label: AttrValue,
    /// The amount.
    pub value: Decimal,
    /// A short line under the value.
    #[prop_or_default]
    pub note: Option<AttrValue>,
}

/// A headline amount; a negative one is flagged in words as well as colour.
#[component]
pub fn MoneyFigure(props: &MoneyFigureProps) -> Html {
    use_lang();
    let negative = is_negative(props.value);
    html! {
        <div class={classes!("figure", negative.then_some("is-negative"))}>
            <span class="figure-label">{ &props.label }</span>
            <span class="figure-value" data-testid={props.testid.clone()}
                data-value={format::plain(props.value)}>
                { format::money(props.value) }
            </span>
            if negative {
                <span class="negative-flag" role="note">{ tr("Deficit") }</span>
            }
            if let Some(note) = &props.note {
                <span class="small muted">{ note }</span>
            }
        </div>
    }
}

/// An inline amount for table cells, with its exact value in `data-value`; `flag_negative`
/// adds the word "Deficit" after a negative amount. A plain function, not a component: it
/// renders as often as its row does, and each component type costs bundle size.
pub fn money(value: Decimal, testid: Option<AttrValue>, flag_negative: bool) -> Html {
    let negative = is_negative(value);
    html! {
        <>
            <span class={if negative { "num negative" } else { "num" }}
                data-testid={testid} data-value={format::plain(value)}>
                { format::money(value) }
            </span>
            if negative && flag_negative {
                <span class="negative-flag">{ tr("Deficit") }</span>
            }
        </>
    }
}

/// A numeric table cell holding [`money`].
pub fn money_cell(value: Decimal, flag_negative: bool) -> Html {
    html! { <td class="num">{ money(value, None, flag_negative) }</td> }
}
