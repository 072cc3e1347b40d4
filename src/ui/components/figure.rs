//! Money figures: a headline card and an inline table cell, both carrying `data-value`.

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::format;

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
    let negative = is_negative(props.value);
    html! {
        <div class={classes!("figure", negative.then_some("is-negative"))}>
            <span class="figure-label">{ &props.label }</span>
            <span class="figure-value" data-testid={props.testid.clone()}
                data-value={format::plain(props.value)}>
                { format::money(props.value) }
            </span>
            if negative {
                <span class="negative-flag" role="note">{ "Deficit" }</span>
            }
            if let Some(note) = &props.note {
                <span class="small muted">{ note }</span>
            }
        </div>
    }
}

/// Props of [`Money`].
#[derive(Properties, PartialEq)]
pub struct MoneyProps {
    /// The amount.
    pub value: Decimal,
    /// An optional `data-testid`.
    #[prop_or_default]
    pub testid: Option<AttrValue>,
    /// Flag a negative amount with the word "deficit".
    #[prop_or_default]
    pub flag_negative: bool,
}

/// An inline amount for table cells.
#[component]
pub fn Money(props: &MoneyProps) -> Html {
    let negative = is_negative(props.value);
    html! {
        <>
            <span class={classes!("num", negative.then_some("negative"))}
                data-testid={props.testid.clone()} data-value={format::plain(props.value)}>
                { format::money(props.value) }
            </span>
            if negative && props.flag_negative {
                <span class="negative-flag">{ "Deficit" }</span>
            }
        </>
    }
}
