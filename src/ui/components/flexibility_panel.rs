//! Where flexibility exists: the index, flexible dollars per source, swaps, one-time risks
//! and compliance flags, for the budget as it stands after the cut plan.

use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use super::head_row;
use sitebudget_core::util::i18n::key;

use crate::ui::lang::{tr, trf, use_lang};

use super::panel::Panel;

use super::figure::{money, money_cell};
use sitebudget_core::engine::Flexibility;
use sitebudget_core::format;
use sitebudget_core::model::Document;
use sitebudget_core::util::dec;

/// Props of [`FlexibilityPanel`].
#[derive(Properties, PartialEq)]
pub struct FlexibilityPanelProps {
    /// The budget document (for names).
    pub doc: Rc<Document>,
    /// The engine's flexibility report.
    pub flex: Rc<Flexibility>,
    /// The chart, drawn by the caller.
    #[prop_or_default]
    pub chart: Html,
}

/// The flexibility report.
#[component]
pub fn FlexibilityPanel(props: &FlexibilityPanelProps) -> Html {
    use_lang();
    let (doc, flex) = (&*props.doc, &*props.flex);
    let split = |restricted: bool| -> Decimal {
        dec::sum(
            flex.sources
                .iter()
                .filter(|s| s.restricted == restricted)
                .map(|s| s.flexible),
        )
    };
    let compliance = &flex.compliance;
    let flags = compliance
        .set_asides
        .iter()
        .filter(|c| !c.shortfall.is_zero())
        .count()
        + compliance.disallowed.len();
    html! {
        <Panel id="flex" title={tr("Flexibility")} note={tr("After the cut plan: unallocated money, flexible lines and vacancies")} testid="flexibility-panel">
            <div class="flex-summary">
                <div>
                    <span class="figure-label">{ tr("Flexibility index") }</span>
                    <div class="flex-index" data-testid="flexibility-index" data-value={format::plain(flex.index)}>
                        { format::percent(flex.index) }
                    </div>
                    <p class="small muted">
                        { trf("{flexible} of {total} could be redirected.", &[("flexible", &format::money_whole(flex.flexible)), ("total", &format::money_whole(flex.total_allocation))]) }
                    </p>
                    <p class="small">
                        { tr("Unrestricted:") }{ " " }<strong>{ money(split(false), Some(AttrValue::from("flexible-unrestricted")), false) }</strong>
                        { " · " }{ tr("Restricted:") }{ " " }<strong>{ money(split(true), Some(AttrValue::from("flexible-restricted")), false) }</strong>
                    </p>
                </div>
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="flex-title">
                    <table class="data" data-testid="flex-table">
                        <caption class="small muted">{ tr("Total flexible = unallocated money + flexible spending (flexible lines and vacant positions).") }</caption>
                        <thead>
                            { head_row(&[(key("Source"), false), (key("Unallocated"), true), (key("Flexible spending"), true), (key("Total flexible"), true)]) }
                        </thead>
                        <tbody>
                            for s in flex.sources.iter() {
                                <tr key={s.source.clone()}>
                                    <th scope="row">
                                        { doc.source_name(&s.source) }
                                        if s.restricted { { " " }<span class="badge badge-restricted">{ tr("Restricted") }</span> }
                                    </th>
                                    { money_cell(s.unallocated, false) }
                                    { money_cell(dec::sub(s.flexible, s.unallocated), false) }
                                    <td class="num">{ money(s.flexible, Some(AttrValue::from(format!("flexible-{}", s.source))), false) }</td>
                                </tr>
                            }
                        </tbody>
                        <tfoot>
                            <tr>
                                <th scope="row">{ tr("Total") }</th>
                                { money_cell(flex.unallocated, false) }
                                { money_cell(dec::sub(flex.flexible, flex.unallocated), false) }
                                { money_cell(flex.flexible, false) }
                            </tr>
                        </tfoot>
                    </table>
                </div>
            </div>
            { props.chart.clone() }
            <h3>{ tr("Swaps that free unrestricted money") }</h3>
            if flex.swaps.is_empty() {
                <p class="small muted">{ tr("No swap: no restricted source with money left allows a use now paid from unrestricted money.") }</p>
            } else {
                <ul data-testid="swaps">
                    for swap in flex.swaps.iter() {
                        <li key={format!("{}-{}-{}", swap.line, swap.from_source, swap.to_source)}>
                            { trf("Move up to {amount} of {line} from {from} to {to}: frees {frees} of unrestricted money.", &[
                                ("amount", &format::money_whole(swap.amount)), ("line", &doc.line_title(&swap.line)),
                                ("from", &doc.source_name(&swap.from_source)), ("to", &doc.source_name(&swap.to_source)),
                                ("frees", &format::money_whole(swap.frees))]) }
                        </li>
                    }
                </ul>
            }
            <h3>{ tr("One-time money paying ongoing costs") }</h3>
            if flex.one_time_risks.is_empty() {
                <p class="small muted">{ tr("No position is paid from one-time money.") }</p>
            } else {
                <ul data-testid="one-time-risks">
                    for risk in flex.one_time_risks.iter() {
                        <li key={format!("{}-{}", risk.line, risk.source)}>
                            { trf("{line}: {amount} a year from {source}, which will not come again next year.", &[
                                ("line", &doc.line_title(&risk.line)), ("amount", &format::money_whole(risk.charge)),
                                ("source", &doc.source_name(&risk.source))]) }
                        </li>
                    }
                </ul>
            }
            <h3>{ tr("Compliance") }</h3>
            <ul data-testid="compliance" data-value={flags.to_string()}>
                for check in compliance.set_asides.iter() {
                    <li key={format!("{}-{}", check.source, check.tag)}
                        class={classes!((!check.shortfall.is_zero()).then_some("negative"))}>
                        if check.shortfall.is_zero() {
                            { trf("✓ {source} set-aside for {tag}: {required} required, {spent} spent.", &[
                                ("source", &doc.source_name(&check.source)), ("tag", &check.tag),
                                ("required", &format::money(check.required)), ("spent", &format::money(check.actual))]) }
                        } else {
                            { trf("⚠ {source} set-aside for {tag}: {required} required, {spent} spent, short by {short}.", &[
                                ("source", &doc.source_name(&check.source)), ("tag", &check.tag),
                                ("required", &format::money(check.required)), ("spent", &format::money(check.actual)),
                                ("short", &format::money(check.shortfall))]) }
                        }
                    </li>
                }
                for bad in compliance.disallowed.iter() {
                    <li key={format!("{}-{}", bad.line, bad.source)} class="negative">
                        { trf("⚠ {line} is charged to {source}, but none of its tags is an allowed use of that money.", &[
                            ("line", &doc.line_title(&bad.line)), ("source", &doc.source_name(&bad.source))]) }
                    </li>
                }
                if compliance.set_asides.is_empty() && compliance.disallowed.is_empty() {
                    <li class="muted">{ tr("No restricted source sets rules this budget could break.") }</li>
                }
            </ul>
        </Panel>
    }
}
