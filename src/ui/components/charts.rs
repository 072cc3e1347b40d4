//! Accessible SVG charts (bars, stacked bars, waterfall) drawn from `sitebudget_core::chart` geometry.
//!
//! Each chart is a `<figure>`: an `<svg role="img">` named by its `<title>` and `<desc>`, a caption,
//! and a `<details>` table with every value. Negative bars are hatched and outlined and carry the
//! minus sign; stacked series differ by hatch pattern as well as colour, so no colour is needed.

use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::ui::lang::{tr, use_lang};

use sitebudget_core::chart::bars::{describe_bars, layout_bars, BarDatum, BarKind};
use sitebudget_core::chart::scale::{full, Axis};
use sitebudget_core::chart::scatter::{layout_scatter, ScatterDatum, POINT_RADIUS};
use sitebudget_core::chart::stacked::{describe_stacked, layout_stacked, row_total, StackDatum};
use sitebudget_core::chart::waterfall::{
    describe_waterfall, layout_waterfall, StepKind, WaterfallStep,
};
use sitebudget_core::chart::{Layout, LegendItem, Rect, Text, ValueFormat, DEFAULT_WIDTH};
use sitebudget_core::format;
use sitebudget_core::util::dec;
use sitebudget_core::view::network_table::NumbersTable;

/// Number of distinct series styles before colours and patterns repeat.
const SERIES_STYLES: usize = 6;

/// A viewBox coordinate with one decimal, enough at any screen size and short in the DOM.
fn n(v: f64) -> String {
    sitebudget_core::chart::svg_number(v)
}

/// An id prefix from the test id, keeping only characters safe in ids and `url(#…)`.
fn id_prefix(testid: &str) -> String {
    let safe: String = testid
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    // "chart-" keeps ids clear of other panels' ids, without doubling it.
    if safe.starts_with("chart-") {
        safe
    } else {
        format!("chart-{safe}")
    }
}

/// The layout for a requested height.
fn layout_for(height: Option<u32>) -> Layout {
    Layout {
        width: DEFAULT_WIDTH,
        height: height.map(f64::from),
    }
}

/// The hatch patterns of one chart; ids are prefixed so several charts can share a page.
fn defs(prefix: &str) -> Html {
    // (id suffix, path drawn in each 6×6 tile): diagonal, dots, cross, horizontal, vertical.
    let tiles: [(&str, &str); 6] = [
        ("hatch", "M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2"),
        ("s1", "M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2"),
        ("s2", "M2,2 h1.5 v1.5 h-1.5 z"),
        ("s3", "M0,0 l6,6 M6,0 l-6,6"),
        ("s4", "M0,3 h6"),
        ("s5", "M3,0 v6"),
    ];
    html! {
        <defs>
            for (suffix, d) in tiles {
                <pattern key={suffix} id={format!("{prefix}-{suffix}")} width="6" height="6"
                    patternUnits="userSpaceOnUse">
                    <path class={if suffix == "s2" { "chart-dot" } else { "chart-hatch-line" }} d={d} />
                </pattern>
            }
        </defs>
    }
}

/// A text element from geometry.
fn text(t: &Text, class: &'static str) -> Html {
    html! {
        <text class={class} x={n(t.x)} y={n(t.y)} text-anchor={t.anchor.svg()}>{ &t.text }</text>
    }
}

/// A filled rectangle with an optional pattern overlay and tooltip.
fn shape(r: &Rect, class: Classes, pattern: Option<String>, title: Option<String>) -> Html {
    html! {
        <g>
            if let Some(title) = title { <title>{ title }</title> }
            <rect class={class} x={n(r.x)} y={n(r.y)} width={n(r.width)} height={n(r.height)} />
            if let Some(id) = pattern {
                <rect class="chart-pattern" fill={format!("url(#{id})")} x={n(r.x)} y={n(r.y)}
                    width={n(r.width)} height={n(r.height)} />
            }
        </g>
    }
}

/// Grid lines, the emphasised zero line and tick labels.
fn axis_view(axis: &Axis, top: f64, bottom: f64) -> Html {
    html! {
        <g class="chart-axis">
            for (i, label) in axis.labels.iter().enumerate() {
                <g key={i}>
                    <line class="chart-grid" x1={n(axis.scale.px(axis.ticks.values.get(i).copied().unwrap_or_default()))}
                        x2={n(axis.scale.px(axis.ticks.values.get(i).copied().unwrap_or_default()))}
                        y1={n(top)} y2={n(bottom)} />
                    { text(label, "chart-tick") }
                </g>
            }
            <line class="chart-baseline" x1={n(axis.scale.range_start)} x2={n(axis.scale.range_end)}
                y1={n(bottom)} y2={n(bottom)} />
            <line class="chart-zero" x1={n(axis.zero_x)} x2={n(axis.zero_x)} y1={n(top)} y2={n(bottom)} />
        </g>
    }
}

/// Legend swatches with their words.
fn legend_view(items: &[LegendItem], style: impl Fn(usize) -> (Classes, Option<String>)) -> Html {
    html! {
        <g class="chart-legend">
            for item in items.iter() {
                <g key={item.index}>
                    { { let (class, pattern) = style(item.index); shape(&item.swatch, class, pattern, None) } }
                    { text(&item.label, "chart-label") }
                </g>
            }
        </g>
    }
}

/// The `<svg>` shell: viewBox, accessible name and description, patterns.
fn svg_shell(
    prefix: &str,
    title: &AttrValue,
    desc: String,
    width: f64,
    height: f64,
    body: Html,
) -> Html {
    let title_id = format!("{prefix}-title");
    let desc_id = format!("{prefix}-desc");
    html! {
        <svg class="chart-svg" viewBox={format!("0 0 {} {}", n(width), n(height))}
            preserveAspectRatio="xMinYMin meet" role="img"
            aria-labelledby={format!("{title_id} {desc_id}")}>
            <title id={title_id}>{ title }</title>
            <desc id={desc_id}>{ desc }</desc>
            { defs(prefix) }
            { body }
        </svg>
    }
}

/// The frame every chart shares: caption, the drawing (or a note when there is nothing to
/// draw), and a "Show the numbers" table with `head` and `rows`.
fn chart_figure(
    testid: &AttrValue,
    title: &AttrValue,
    svg: Option<Html>,
    head: Html,
    rows: Html,
) -> Html {
    html! {
        <figure class="chart" data-testid={testid.clone()}>
            <figcaption class="chart-title">{ title }</figcaption>
            if let Some(svg) = svg {
                { svg }
                <details class="chart-data">
                    <summary>{ tr("Show the numbers") }</summary>
                    <div class="table-wrap" tabindex="0" role="region" aria-labelledby={format!("{testid}-numbers")}>
                        <table class="data">
                            <caption class="visually-hidden" id={format!("{testid}-numbers")}>{ title }</caption>
                            <thead>{ head }</thead>
                            <tbody>{ rows }</tbody>
                        </table>
                    </div>
                </details>
            } else {
                <p class="chart-empty muted small">{ tr("Nothing to chart yet.") }</p>
            }
        </figure>
    }
}

/// The `data-value` text of a number: the plain decimal, as elsewhere on the page.
fn plain(v: Decimal) -> String {
    format::plain(v)
}

/// Props of [`BarChart`].
#[derive(Properties, PartialEq)]
pub struct BarChartProps {
    /// One bar per datum, top to bottom.
    pub data: Rc<Vec<BarDatum>>,
    /// The chart's name: caption, SVG title and data-table caption.
    pub title: AttrValue,
    /// `data-testid` of the `<figure>`; also prefixes the chart's element ids.
    pub testid: AttrValue,
    /// A requested viewBox height; bars thicken to fill it.
    #[prop_or_default]
    pub height: Option<u32>,
    /// Dollars (default) or plain numbers such as FTE.
    #[prop_or_default]
    pub format: ValueFormat,
}

/// Horizontal bars from zero, one per datum, each value written above its bar.
#[component]
pub fn BarChart(props: &BarChartProps) -> Html {
    // The layout words its legend and value labels: another language lays it out anew.
    let lang = use_lang();
    let geom = use_memo(
        (props.data.clone(), props.format, props.height, lang),
        |(data, fmt, height, _)| layout_bars(data, *fmt, layout_for(*height)),
    );
    let prefix = id_prefix(&props.testid);
    let fmt = props.format;
    let hatch = format!("{prefix}-hatch");
    let body = html! {
        <>
            { legend_view(&geom.legend, |_| (classes!("chart-bar", "chart-bar--negative"), Some(hatch.clone()))) }
            { axis_view(&geom.axis, geom.plot_top, geom.plot_bottom) }
            for (i, (bar, datum)) in geom.bars.iter().zip(props.data.iter()).enumerate() {
                <g key={i} class="chart-row" data-value={plain(datum.value)}>
                    { text(&bar.label, "chart-label") }
                    { text(&bar.value_label, "chart-value") }
                    if bar.kind != BarKind::Zero {
                        { shape(&bar.rect,
                            classes!("chart-bar", if bar.kind == BarKind::Negative { "chart-bar--negative" } else { "chart-bar--positive" }),
                            (bar.kind == BarKind::Negative).then(|| hatch.clone()),
                            Some(format!("{}: {}", bar.full_label, bar.full_value))) }
                    }
                </g>
            }
        </>
    };
    let svg = (!props.data.is_empty()).then(|| {
        svg_shell(
            &prefix,
            &props.title,
            describe_bars(&props.data, fmt),
            geom.width,
            geom.height,
            body,
        )
    });
    let head = html! { <tr><th scope="col">{ tr("Item") }</th><th scope="col" class="num">{ tr("Value") }</th></tr> };
    let rows = html! {
        for (i, d) in props.data.iter().enumerate() {
            <tr key={i}>
                <th scope="row">{ &d.label }</th>
                <td class="num" data-value={plain(d.value)}>{ full(d.value, fmt) }</td>
            </tr>
        }
    };
    chart_figure(&props.testid, &props.title, svg, head, rows)
}

/// Props of [`StackedBarChart`].
#[derive(Properties, PartialEq)]
pub struct StackedBarChartProps {
    /// One stacked bar per datum; series are matched across bars by name.
    pub data: Rc<Vec<StackDatum>>,
    /// The chart's name: caption, SVG title and data-table caption.
    pub title: AttrValue,
    /// `data-testid` of the `<figure>`; also prefixes the chart's element ids.
    pub testid: AttrValue,
    /// A requested viewBox height; bars thicken to fill it.
    #[prop_or_default]
    pub height: Option<u32>,
    /// Dollars (default) or plain numbers.
    #[prop_or_default]
    pub format: ValueFormat,
}

/// Colour class and pattern of a series: the first is solid, the others hatched differently.
fn series_style(prefix: &str, index: usize) -> (Classes, Option<String>) {
    let style = index % SERIES_STYLES;
    let pattern = (style != 0).then(|| format!("{prefix}-s{style}"));
    (classes!("chart-seg", format!("chart-s{style}")), pattern)
}

/// The sum of one series' values within a row.
fn series_value(datum: &StackDatum, series: &str) -> Decimal {
    datum
        .segments
        .iter()
        .filter(|(name, _)| name == series)
        .fold(Decimal::ZERO, |acc, (_, v)| dec::saturating_add(acc, *v))
}

/// Horizontal stacked bars, one per category, with a legend and per-segment values.
#[component]
pub fn StackedBarChart(props: &StackedBarChartProps) -> Html {
    let lang = use_lang();
    let geom = use_memo(
        (props.data.clone(), props.format, props.height, lang),
        |(data, fmt, height, _)| layout_stacked(data, *fmt, layout_for(*height)),
    );
    let prefix = id_prefix(&props.testid);
    let fmt = props.format;
    let body = html! {
        <>
            { legend_view(&geom.legend, |i| series_style(&prefix, i)) }
            { axis_view(&geom.axis, geom.plot_top, geom.plot_bottom) }
            for (i, (row, datum)) in geom.rows.iter().zip(props.data.iter()).enumerate() {
                <g key={i} class="chart-row" data-value={plain(row_total(datum))}>
                    { text(&row.label, "chart-label") }
                    { text(&row.total_label, "chart-value") }
                    for (j, seg) in row.segments.iter().enumerate() {
                        <g key={j}>
                            { {
                                let (mut class, pattern) = series_style(&prefix, seg.series);
                                if seg.negative { class.push("chart-seg--negative"); }
                                shape(&seg.rect, class, pattern, Some(seg.title.clone()))
                            } }
                            if let Some(t) = &seg.inside { { text(t, "chart-inside") } }
                        </g>
                    }
                    for (j, note) in row.notes.iter().enumerate() {
                        <g key={format!("note-{j}")}>{ text(note, "chart-note") }</g>
                    }
                </g>
            }
        </>
    };
    let svg = (!props.data.is_empty()).then(|| {
        svg_shell(
            &prefix,
            &props.title,
            describe_stacked(&props.data, fmt),
            geom.width,
            geom.height,
            body,
        )
    });
    let head = html! {
        <tr>
            <th scope="col">{ tr("Item") }</th>
            for name in geom.series.iter() {
                <th key={name.clone()} scope="col" class="num">{ name }</th>
            }
            <th scope="col" class="num">{ tr("Total") }</th>
        </tr>
    };
    let rows = html! {
        for (i, d) in props.data.iter().enumerate() {
            <tr key={i}>
                <th scope="row">{ &d.label }</th>
                for name in geom.series.iter() {
                    <td key={name.clone()} class="num" data-value={plain(series_value(d, name))}>
                        { full(series_value(d, name), fmt) }
                    </td>
                }
                <td class="num" data-value={plain(row_total(d))}>{ full(row_total(d), fmt) }</td>
            </tr>
        }
    };
    chart_figure(&props.testid, &props.title, svg, head, rows)
}

/// Props of [`WaterfallChart`].
#[derive(Properties, PartialEq)]
pub struct WaterfallChartProps {
    /// The changes from the start to the end, in order.
    pub steps: Rc<Vec<WaterfallStep>>,
    /// The starting balance (for example the baseline balance).
    pub start: Decimal,
    /// Name of the starting balance, such as "Baseline balance".
    pub start_label: AttrValue,
    /// Name of the ending balance (start plus every step), such as "Scenario balance".
    pub end_label: AttrValue,
    /// The chart's name: caption, SVG title and data-table caption.
    pub title: AttrValue,
    /// `data-testid` of the `<figure>`; also prefixes the chart's element ids.
    pub testid: AttrValue,
    /// A requested viewBox height; bars thicken to fill it.
    #[prop_or_default]
    pub height: Option<u32>,
    /// Dollars (default) or plain numbers.
    #[prop_or_default]
    pub format: ValueFormat,
}

/// Class and pattern of a waterfall row kind (legend index as `StepKind::index`).
fn step_style(prefix: &str, index: usize) -> (Classes, Option<String>) {
    match index {
        0 => (classes!("chart-step", "chart-step--total"), None),
        1 => (classes!("chart-step", "chart-step--up"), None),
        _ => (
            classes!("chart-step", "chart-step--down"),
            Some(format!("{prefix}-hatch")),
        ),
    }
}

/// From a starting balance through each change to the ending balance.
#[component]
pub fn WaterfallChart(props: &WaterfallChartProps) -> Html {
    let lang = use_lang();
    let geom = use_memo(
        (
            lang,
            props.steps.clone(),
            props.start,
            props.start_label.clone(),
            props.end_label.clone(),
            props.format,
            props.height,
        ),
        |(_, steps, start, start_label, end_label, fmt, height)| {
            layout_waterfall(
                start_label,
                *start,
                steps,
                end_label,
                *fmt,
                layout_for(*height),
            )
        },
    );
    let prefix = id_prefix(&props.testid);
    let fmt = props.format;
    let desc = describe_waterfall(
        &props.start_label,
        props.start,
        &props.steps,
        &props.end_label,
        fmt,
    );
    let body = html! {
        <>
            { legend_view(&geom.legend, |i| step_style(&prefix, i)) }
            { axis_view(&geom.axis, geom.plot_top, geom.plot_bottom) }
            for (i, line) in geom.connectors.iter().enumerate() {
                <line key={format!("c{i}")} class="chart-connector" x1={n(line.x1)} y1={n(line.y1)}
                    x2={n(line.x2)} y2={n(line.y2)} />
            }
            for (i, bar) in geom.bars.iter().enumerate() {
                <g key={i} class="chart-row" data-value={plain(
                    if bar.kind == StepKind::Total { bar.running.to } else { dec::saturating_sub(bar.running.to, bar.running.from) }
                )}>
                    { text(&bar.label, "chart-label") }
                    { text(&bar.value_label, "chart-value") }
                    { {
                        let (class, pattern) = step_style(&prefix, bar.kind.index());
                        shape(&bar.rect, class, pattern, Some(format!("{}: {}", bar.full_label, bar.full_value)))
                    } }
                </g>
            }
        </>
    };
    let svg = svg_shell(&prefix, &props.title, desc, geom.width, geom.height, body);
    let head = html! {
        <tr>
            <th scope="col">{ tr("Step") }</th>
            <th scope="col" class="num">{ tr("Change") }</th>
            <th scope="col" class="num">{ tr("Running total") }</th>
        </tr>
    };
    let rows = html! {
        for (i, bar) in geom.bars.iter().enumerate() {
            <tr key={i}>
                <th scope="row">{ &bar.full_label }</th>
                <td class="num">
                    if bar.kind != StepKind::Total { { &bar.full_value } }
                </td>
                <td class="num" data-value={plain(bar.running.to)}>{ full(bar.running.to, fmt) }</td>
            </tr>
        }
    };
    chart_figure(&props.testid, &props.title, Some(svg), head, rows)
}

/// Props of [`ScatterChart`].
#[derive(Properties, PartialEq)]
pub struct ScatterChartProps {
    /// One labelled point per datum.
    pub data: Rc<Vec<ScatterDatum>>,
    /// The formats of the horizontal and vertical values.
    pub formats: (ValueFormat, ValueFormat),
    /// The names of the horizontal and vertical axes (already in the page's language).
    pub axes: (AttrValue, AttrValue),
    /// The text alternative.
    pub desc: AttrValue,
    /// The numbers table (headings, then rows of cells).
    pub table: Rc<NumbersTable>,
    /// The chart's name: caption, SVG title and data-table caption.
    pub title: AttrValue,
    /// `data-testid` of the `<figure>`; also prefixes the chart's element ids.
    pub testid: AttrValue,
}

/// Points on two value axes (both from zero), each named where its name fits.
#[component]
pub fn ScatterChart(props: &ScatterChartProps) -> Html {
    let geom = use_memo(
        (props.data.clone(), props.formats, props.axes.clone()),
        |(data, formats, (x_name, y_name))| {
            layout_scatter(data, *formats, (x_name, y_name), layout_for(None))
        },
    );
    let prefix = id_prefix(&props.testid);
    let plot = &geom.plot;
    let bottom = plot.y + plot.height;
    let body = html! {
        <>
            <g class="chart-axis">
                for (i, tick) in geom.y_ticks.iter().enumerate() {
                    <g key={format!("y{i}")}>
                        <line class="chart-grid" x1={n(plot.x)} x2={n(plot.x + plot.width)} y1={n(tick.y)} y2={n(tick.y)} />
                        { text(&tick.label, "chart-tick") }
                    </g>
                }
                for (i, label) in geom.x_axis.labels.iter().enumerate() {
                    <g key={format!("x{i}")}>
                        <line class="chart-grid"
                            x1={n(geom.x_axis.scale.px(geom.x_axis.ticks.values.get(i).copied().unwrap_or_default()))}
                            x2={n(geom.x_axis.scale.px(geom.x_axis.ticks.values.get(i).copied().unwrap_or_default()))}
                            y1={n(plot.y)} y2={n(bottom)} />
                        { text(label, "chart-tick") }
                    </g>
                }
                <line class="chart-baseline" x1={n(plot.x)} x2={n(plot.x + plot.width)} y1={n(bottom)} y2={n(bottom)} />
                <line class="chart-baseline" x1={n(plot.x)} x2={n(plot.x)} y1={n(plot.y)} y2={n(bottom)} />
                { text(&geom.x_title, "chart-label") }
                { text(&geom.y_title, "chart-label") }
            </g>
            for (i, p) in geom.points.iter().enumerate() {
                <g key={i} class="chart-point">
                    <title>{ format!("{}: {}, {}", p.full_label, p.x_text, p.y_text) }</title>
                    <circle class="chart-dot-point" cx={n(p.cx)} cy={n(p.cy)} r={n(POINT_RADIUS)} />
                    if let Some(label) = &p.label { { text(label, "chart-label") } }
                </g>
            }
        </>
    };
    let svg = (!props.data.is_empty()).then(|| {
        svg_shell(
            &prefix,
            &props.title,
            props.desc.to_string(),
            geom.width,
            geom.height,
            body,
        )
    });
    numbers_figure(&props.testid, &props.title, svg, &props.table)
}

/// A chart's frame with its numbers table given as text cells (first cell the row's name).
pub fn numbers_figure(
    testid: &AttrValue,
    title: &AttrValue,
    svg: Option<Html>,
    table: &NumbersTable,
) -> Html {
    let head = html! {
        <tr>
            for (i, h) in table.headers.iter().enumerate() {
                <th key={i} scope="col" class={(i > 0).then_some("num")}>{ h }</th>
            }
        </tr>
    };
    let rows = html! {
        for (r, cells) in table.rows.iter().enumerate() {
            <tr key={r}>
                for (i, c) in cells.iter().enumerate() {
                    if i == 0 {
                        <th key={i} scope="row">{ c }</th>
                    } else {
                        <td key={i} class="num">{ c }</td>
                    }
                }
            </tr>
        }
    };
    chart_figure(testid, title, svg, head, rows)
}

/// Props of [`NumbersBarChart`].
#[derive(Properties, PartialEq)]
pub struct NumbersBarChartProps {
    /// One bar per datum, top to bottom.
    pub data: Rc<Vec<BarDatum>>,
    /// How values are written.
    pub format: ValueFormat,
    /// The text alternative.
    pub desc: AttrValue,
    /// The numbers table.
    pub table: Rc<NumbersTable>,
    /// The chart's name.
    pub title: AttrValue,
    /// `data-testid` of the `<figure>`.
    pub testid: AttrValue,
}

/// Horizontal bars like [`BarChart`], with a text alternative and numbers table given.
#[component]
pub fn NumbersBarChart(props: &NumbersBarChartProps) -> Html {
    let geom = use_memo((props.data.clone(), props.format), |(data, fmt)| {
        layout_bars(data, *fmt, layout_for(None))
    });
    let prefix = id_prefix(&props.testid);
    let hatch = format!("{prefix}-hatch");
    let body = html! {
        <>
            { axis_view(&geom.axis, geom.plot_top, geom.plot_bottom) }
            for (i, (bar, datum)) in geom.bars.iter().zip(props.data.iter()).enumerate() {
                <g key={i} class="chart-row" data-value={plain(datum.value)}>
                    { text(&bar.label, "chart-label") }
                    { text(&bar.value_label, "chart-value") }
                    if bar.kind != BarKind::Zero {
                        { shape(&bar.rect,
                            classes!("chart-bar", if bar.kind == BarKind::Negative { "chart-bar--negative" } else { "chart-bar--positive" }),
                            (bar.kind == BarKind::Negative).then(|| hatch.clone()),
                            Some(format!("{}: {}", bar.full_label, bar.full_value))) }
                    }
                </g>
            }
        </>
    };
    let svg = (!props.data.is_empty()).then(|| {
        svg_shell(
            &prefix,
            &props.title,
            props.desc.to_string(),
            geom.width,
            geom.height,
            body,
        )
    });
    numbers_figure(&props.testid, &props.title, svg, &props.table)
}
