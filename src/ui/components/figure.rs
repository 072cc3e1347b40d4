//! Money figures: a headline card and an inline table cell, both carrying `data-value`.

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::ui::lang::tr;

use sitebudget_core::format;

/// Whether a figure is below zero (a deficit).
fn is_negative(value: Decimal) -> bool {
    value.is_sign_negative() && !value.is_zero()
}

/// A headline amount; a negative one is flagged in words as well as colour. A plain
/// function: the four headline figures re-render with the page anyway, and a component
/// type costs bundle size.
pub fn money_figure(
    testid: &'static str,
    label: AttrValue,
    value: Decimal,
    note: Option<AttrValue>,
) -> Html {
    let negative = is_negative(value);
    html! {
        <div class={classes!("figure", negative.then_some("is-negative"))}>
            <span class="figure-label">{ label }</span>
            <span class="figure-value" data-testid={testid}
                data-value={format::plain(value)}>
                { format::money(value) }
            </span>
            if negative {
                <span class="negative-flag" role="note">{ tr("Deficit") }</span>
            }
            if let Some(note) = note {
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
