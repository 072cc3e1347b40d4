//! The network page: the network-wide enrollment change (slider and percent box), the
//! table of schools with each school's own change, and the three charts. Read-only (an
//! embed) when no action callback is given.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use rust_decimal::Decimal;
use yew::prelude::*;

use sitebudget_core::app::inputs::{parse_percent, percent_text};
use sitebudget_core::app::networks::{
    change_in_bounds, school_names, Network, NetworkAction, NetworkSchool,
};
use sitebudget_core::chart::bars::BarDatum;
use sitebudget_core::chart::ValueFormat;
use sitebudget_core::engine::{network_total, NetworkTotal, SchoolRow};
use sitebudget_core::format;
use sitebudget_core::util::i18n::{tr, trf};
use sitebudget_core::util::sort;
use sitebudget_core::view::network_table::{
    flexibility_alt, flexibility_bars, flexibility_table, fte_alt, fte_bars, fte_table,
    per_pupil_alt, per_pupil_points, per_pupil_table,
};

use super::compute::{use_network_rows, RowResult};
use super::exports::NetworkExports;
use super::table::NetworkTable;
use crate::ui::after_paint::after_paint;
use crate::ui::components::charts::{NumbersBarChart, ScatterChart};
use crate::ui::event_value;
use sitebudget_core::util::by_ptr::ByPtr;

/// At most this many schools are drawn in each chart (the table has them all).
pub const CHART_SCHOOLS: usize = 50;
/// How long the change must rest before a large network's charts are redrawn (ms).
const CHART_REST_MS: u32 = 1000;

/// A part of the network page an embed can choose (`panels=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NetPanel {
    /// The table of schools.
    Table,
    /// Allocation per pupil against unduplicated share.
    PerPupil,
    /// Flexibility index by school.
    Flexibility,
    /// FTE at risk by school.
    Fte,
}

impl NetPanel {
    /// Every panel, in page order.
    pub const ALL: [NetPanel; 4] = [
        NetPanel::Table,
        NetPanel::PerPupil,
        NetPanel::Flexibility,
        NetPanel::Fte,
    ];

    /// The name `panels=` uses.
    pub fn name(self) -> &'static str {
        match self {
            NetPanel::Table => "table",
            NetPanel::PerPupil => "per-pupil",
            NetPanel::Flexibility => "flexibility",
            NetPanel::Fte => "fte",
        }
    }
}

/// A network compared by identity (its schools and scenario by pointer, and its name):
/// a derived comparison would compare every school's budget on every render.
#[derive(Clone, Debug)]
pub struct NetView(pub Network);

impl PartialEq for NetView {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0.schools, &other.0.schools)
            && Rc::ptr_eq(&self.0.scenario, &other.0.scenario)
            && self.0.name == other.0.name
    }
}

/// Props of [`NetworkPage`].
#[derive(Properties, PartialEq)]
pub struct NetworkPageProps {
    /// The network and its scenario.
    pub network: NetView,
    /// Every change the user makes; absent in a read-only embed.
    #[prop_or_default]
    pub on_action: Option<Callback<NetworkAction>>,
    /// Opens school `i` in the workspace; absent where schools cannot be opened.
    #[prop_or_default]
    pub on_open: Option<Callback<usize>>,
    /// The panels shown, in page order.
    #[prop_or(Rc::new(NetPanel::ALL.to_vec()))]
    pub panels: Rc<Vec<NetPanel>>,
    /// Whether the export buttons show.
    #[prop_or_default]
    pub exports: bool,
    /// Buttons shown beside the network's name (save, undo, back).
    #[prop_or_default]
    pub children: Html,
}

/// The rows that computed, by reference, file order (`None` for the others).
fn computed(rows: &[Option<RowResult>]) -> Vec<Option<&SchoolRow>> {
    rows.iter()
        .map(|r| r.as_deref().and_then(|r| r.as_ref().ok()))
        .collect()
}

/// The whole network page.
#[component]
pub fn NetworkPage(props: &NetworkPageProps) -> Html {
    let network = &props.network.0;
    let rows = use_network_rows(network.schools.clone(), network.scenario.clone());
    let total: Rc<NetworkTotal> = use_memo(rows.rows.clone(), |rows| {
        let ok: Vec<&SchoolRow> = computed(rows).into_iter().flatten().collect();
        network_total(&ok)
    });
    let failed = rows
        .rows
        .iter()
        .filter(|r| matches!(r.as_deref(), Some(Err(_))))
        .count();
    let waiting = network.waiting();
    let change = network.scenario.change;
    let change_text = AttrValue::from(percent_text(change));
    let own_changes: Rc<Vec<Option<AttrValue>>> = use_memo(network.scenario.clone(), |s| {
        s.overrides
            .iter()
            .map(|o| o.map(|c| AttrValue::from(percent_text(c))))
            .collect()
    });
    let on_school_change = props.on_action.as_ref().map(|cb| {
        let cb = cb.clone();
        Callback::from(move |(i, text): (usize, String)| {
            if text.trim().is_empty() {
                cb.emit(NetworkAction::SetOverride(i, None));
            } else if let Some(c) = parse_percent(&text).filter(|c| change_in_bounds(*c)) {
                cb.emit(NetworkAction::SetOverride(i, Some(c)));
            }
        })
    });
    let on_remove = props
        .on_action
        .as_ref()
        .map(|cb| cb.reform(NetworkAction::RemoveSchool));
    let show = |p: NetPanel| props.panels.contains(&p);
    // The charts follow just after the paint, so a slider move waits only for the table;
    // past a page of schools, once the change has rested (their 50 schools each change
    // with every move, and redrawing them is not worth a frame while the slider moves).
    let charted = use_state(|| (network.schools.clone(), rows.rows.clone()));
    let chart_timer = use_mut_ref(|| None::<Timeout>);
    let chart_next = use_mut_ref(|| None::<(Rc<Vec<NetworkSchool>>, Rc<Vec<Option<RowResult>>>)>);
    {
        let charted = charted.clone();
        let schools = network.schools.clone();
        let large = network.schools.len() > CHART_SCHOOLS;
        let loading = waiting > 0;
        use_effect_with(ByPtr::of(&rows.rows), move |rows| {
            let rows = rows.0.clone();
            if !Rc::ptr_eq(&rows, &charted.1) {
                if large {
                    let pending = chart_next.borrow().is_some();
                    *chart_next.borrow_mut() = Some((schools, rows));
                    // While schools are coming, the charts follow once a rest time (a
                    // rest would wait for the whole district).
                    if !(pending && loading) {
                        let next = chart_next.clone();
                        let show = move || {
                            if let Some(shown) = next.borrow_mut().take() {
                                charted.set(shown);
                            }
                        };
                        *chart_timer.borrow_mut() = Some(Timeout::new(CHART_REST_MS, show));
                    }
                } else {
                    after_paint(move || charted.set((schools, rows)));
                }
            }
        });
    }
    html! {
        <section class="panel network-page" data-testid="network-page" aria-labelledby="network-name">
            <div class="panel-head network-head">
                <h2 id="network-name" data-testid="network-name">{ &network.name }</h2>
                <div class="network-actions no-print">
                    { props.children.clone() }
                    if props.exports {
                        <NetworkExports network={props.network.clone()} rows={rows.rows.clone()} />
                    }
                </div>
            </div>
            <ChangeControl change={change} on_action={props.on_action.clone()}
                schools={network.schools.len()} busy={rows.busy} />
            if show(NetPanel::Table) {
                <NetworkTable schools={ByPtr::of(&network.schools)} rows={rows.rows.clone()} total={total.clone()}
                    failed={failed} own_changes={own_changes} network_change={change_text}
                    on_change={on_school_change} on_open={props.on_open.clone()} {on_remove} busy={rows.busy} {waiting} />
            }
            <NetworkCharts schools={ByPtr::of(&charted.0)} rows={charted.1.clone()} panels={props.panels.clone()} />
        </section>
    }
}

/// Props of [`ChangeControl`].
#[derive(Properties, PartialEq)]
struct ChangeControlProps {
    change: Decimal,
    on_action: Option<Callback<NetworkAction>>,
    schools: usize,
    busy: bool,
}

/// The network-wide change: a slider and a percent box (`network-change`), or its words
/// when read-only.
#[component]
fn ChangeControl(props: &ChangeControlProps) -> Html {
    // What the box holds while typed: the text and whether it was refused.
    let typed = use_state(|| None::<(String, Decimal, bool)>);
    let readout = {
        let pct = format::percent(props.change);
        let signed = if props.change > Decimal::ZERO {
            format!("+{pct}")
        } else {
            pct
        };
        trf(
            "{change} enrollment at every school without its own change",
            &[("change", &signed)],
        )
    };
    let Some(on_action) = props.on_action.clone() else {
        return html! {
            <p class="network-readout" data-testid="network-readout" data-value={format::plain(props.change)}>{ readout }</p>
        };
    };
    let on_slider = {
        let (cb, typed) = (on_action.clone(), typed.clone());
        Callback::from(move |e: InputEvent| {
            if let Some(c) = event_value(&e.into()).as_deref().and_then(parse_percent) {
                typed.set(None);
                cb.emit(NetworkAction::SetChange(c));
            }
        })
    };
    let on_box = {
        let (cb, typed, now) = (on_action, typed.clone(), props.change);
        Callback::from(move |e: InputEvent| {
            let Some(text) = event_value(&e.into()) else {
                return;
            };
            match parse_percent(&text).filter(|c| change_in_bounds(*c)) {
                Some(c) => {
                    typed.set(Some((text, c, false)));
                    cb.emit(NetworkAction::SetChange(c));
                }
                None => typed.set(Some((text, now, true))),
            }
        })
    };
    // The typed text stays while it still says the change in force.
    let (shown, refused) = match &*typed {
        Some((text, c, bad)) if *c == props.change => (text.clone(), *bad),
        _ => (percent_text(props.change), false),
    };
    let slider = percent_text(
        props
            .change
            .clamp(Decimal::new(-30, 2), Decimal::new(30, 2)),
    );
    html! {
        <div class="network-control no-print">
            <label for="network-slider" class="control-label">{ tr("Enrollment change across the network") }</label>
            <div class="slider-row">
                <input id="network-slider" type="range" min="-30" max="30" step="1" value={slider}
                    aria-valuetext={readout.clone()} data-testid="network-slider" oninput={on_slider} />
                <span class="input-with-unit">
                    <input id="network-change" type="number" step="0.5" min="-100" max="100"
                        aria-label={tr("Enrollment change across the network, percent")}
                        aria-invalid={refused.to_string()} aria-describedby="network-change-note"
                        value={shown} data-testid="network-change" oninput={on_box} />
                    <span aria-hidden="true">{ "%" }</span>
                </span>
            </div>
            if refused {
                <p class="field-error" role="alert" data-testid="network-change-error">
                    { tr("Type a change from −100% to +100%; the network keeps its last good value.") }
                </p>
            }
            <output for="network-slider network-change" class="readout" data-testid="network-readout"
                data-value={format::plain(props.change)} aria-live="polite">{ readout }</output>
            <p id="network-change-note" class="small muted">
                { trf("Give a school its own change in its row (a school recruiting well is not declining). {n} schools.",
                    &[("n", &format::count(props.schools as u64))]) }
                if props.busy {
                    <span class="network-busy" role="status" data-testid="network-busy">{ " " }{ tr("Computing…") }</span>
                }
            </p>
        </div>
    }
}

/// Props of [`NetworkCharts`].
#[derive(Properties, PartialEq)]
struct NetworkChartsProps {
    schools: ByPtr<Vec<NetworkSchool>>,
    rows: Rc<Vec<Option<RowResult>>>,
    panels: Rc<Vec<NetPanel>>,
}

/// The three charts' data, each with its text alternative and numbers table.
#[derive(PartialEq)]
struct ChartsData {
    points: Rc<Vec<sitebudget_core::chart::scatter::ScatterDatum>>,
    points_alt: AttrValue,
    points_table: Rc<sitebudget_core::view::network_table::NumbersTable>,
    flex: Rc<Vec<BarDatum>>,
    flex_alt: AttrValue,
    flex_table: Rc<sitebudget_core::view::network_table::NumbersTable>,
    fte: Rc<Vec<BarDatum>>,
    fte_alt: AttrValue,
    fte_table: Rc<sitebudget_core::view::network_table::NumbersTable>,
    /// Whether only some schools are drawn.
    partial: bool,
}

/// Keeps the `CHART_SCHOOLS` schools that rank first by `rank` (stable), in that order.
fn first_by(bars: Vec<BarDatum>, descending: bool) -> Vec<BarDatum> {
    if bars.len() <= CHART_SCHOOLS {
        return bars;
    }
    let mut bars = bars;
    sort::sort_by(&mut bars, &|a: &BarDatum, b: &BarDatum| {
        if descending {
            b.value.cmp(&a.value)
        } else {
            a.value.cmp(&b.value)
        }
    });
    bars.truncate(CHART_SCHOOLS);
    bars
}

/// The three charts, for at most [`CHART_SCHOOLS`] schools each.
#[component]
fn NetworkCharts(props: &NetworkChartsProps) -> Html {
    let data = use_memo(
        (props.schools.clone(), props.rows.clone()),
        |(schools, rows)| {
            let names = school_names(&schools.0);
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            let ok = computed(rows);
            let partial = ok.iter().flatten().count() > CHART_SCHOOLS;
            // A district: the largest schools on the scatter, the tightest on the bars.
            let mut chosen = ok.clone();
            let with_pupils = ok
                .iter()
                .flatten()
                .filter(|r| r.per_pupil.is_some())
                .count();
            if with_pupils > CHART_SCHOOLS {
                let mut by_size: Vec<(u64, usize)> = ok
                    .iter()
                    .enumerate()
                    .filter_map(|(i, r)| r.filter(|r| r.per_pupil.is_some()).map(|r| (r.pupils, i)))
                    .collect();
                sort::sort_by(&mut by_size, &|a: &(u64, usize), b: &(u64, usize)| {
                    b.0.cmp(&a.0)
                });
                by_size.truncate(CHART_SCHOOLS);
                chosen = vec![None; ok.len()];
                for (_, i) in by_size {
                    if let Some(slot) = chosen.get_mut(i) {
                        *slot = ok.get(i).copied().flatten();
                    }
                }
            }
            let points = per_pupil_points(&names, &chosen);
            let flex = first_by(flexibility_bars(&names, &ok), false);
            let fte = first_by(fte_bars(&names, &ok), true);
            ChartsData {
                points_alt: AttrValue::from(per_pupil_alt(&points)),
                points_table: Rc::new(per_pupil_table(&points)),
                points: Rc::new(points),
                flex_alt: AttrValue::from(flexibility_alt(&flex)),
                flex_table: Rc::new(flexibility_table(&flex)),
                flex: Rc::new(flex),
                fte_alt: AttrValue::from(fte_alt(&fte)),
                fte_table: Rc::new(fte_table(&fte)),
                fte: Rc::new(fte),
                partial,
            }
        },
    );
    let show = |p: NetPanel| props.panels.contains(&p);
    if !(show(NetPanel::PerPupil) || show(NetPanel::Flexibility) || show(NetPanel::Fte)) {
        return Html::default();
    }
    html! {
        <>
        if data.partial {
            <p class="small muted network-charts-note" data-testid="network-charts-note">{ trf(
                "The charts show {n} schools each: the largest by pupils, the least flexible, and those losing the most FTE. The table has every school.",
                &[("n", &CHART_SCHOOLS)]) }</p>
        }
        <div class="network-charts">
            if show(NetPanel::PerPupil) {
                <ScatterChart data={data.points.clone()} formats={(ValueFormat::Percent, ValueFormat::Money)}
                    axes={(AttrValue::from(tr("Unduplicated share")), AttrValue::from(tr("Allocation per pupil")))}
                    desc={data.points_alt.clone()} table={data.points_table.clone()}
                    title={tr("Does the money follow need? Allocation per pupil against unduplicated share")}
                    testid="chart-network-per-pupil" />
            }
            if show(NetPanel::Flexibility) {
                <NumbersBarChart data={data.flex.clone()} format={ValueFormat::Percent}
                    desc={data.flex_alt.clone()} table={data.flex_table.clone()}
                    title={tr("Flexibility index by school")} testid="chart-network-flexibility" />
            }
            if show(NetPanel::Fte) {
                <NumbersBarChart data={data.fte.clone()} format={ValueFormat::Number}
                    desc={data.fte_alt.clone()} table={data.fte_table.clone()}
                    title={tr("FTE at risk by school (cut by each school's plan)")} testid="chart-network-fte" />
            }
        </div>
        </>
    }
}
