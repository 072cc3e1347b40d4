//! The network page as data: its columns, the sort, cell texts and `data-*` values, and
//! the three charts' data with their text alternatives and numbers tables.
//!
//! Rows are addressed by file order everywhere (`network-school-<i>`); sorting only
//! gives the order they are shown in.

use rust_decimal::Decimal;

use crate::chart::bars::BarDatum;
use crate::chart::scatter::ScatterDatum;
use crate::engine::{NetworkTotal, SchoolRow};
use crate::format;
use crate::util::i18n::{key, tr, tr1, trf, trn};
use crate::util::sort;

/// A column of the network table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum NetworkColumn {
    /// The school's name.
    #[default]
    School,
    /// Pupils under the change.
    Pupils,
    /// The unduplicated share.
    Unduplicated,
    /// Allocation before cuts.
    Allocation,
    /// Allocation per pupil.
    PerPupil,
    /// Restricted share of the allocation.
    Restricted,
    /// Balance before cuts.
    Balance,
    /// FTE cut by the plan.
    CutFte,
    /// Deficit left after the plan.
    Deficit,
    /// Flexibility index after the plan.
    FlexIndex,
    /// The tightest breakpoint (fewest pupils fewer that lose a position).
    Lose,
}

impl NetworkColumn {
    /// Every column, in table order.
    pub fn all() -> [NetworkColumn; 11] {
        use NetworkColumn::*;
        [
            School,
            Pupils,
            Unduplicated,
            Allocation,
            PerPupil,
            Restricted,
            Balance,
            CutFte,
            Deficit,
            FlexIndex,
            Lose,
        ]
    }

    /// The column's heading (a catalog key: show it through `tr`).
    pub fn label(self) -> &'static str {
        match self {
            NetworkColumn::School => key("School"),
            NetworkColumn::Pupils => key("Pupils"),
            NetworkColumn::Unduplicated => key("Unduplicated share"),
            NetworkColumn::Allocation => key("Allocation"),
            NetworkColumn::PerPupil => key("Allocation per pupil"),
            NetworkColumn::Restricted => key("Restricted share"),
            NetworkColumn::Balance => key("Balance before cuts"),
            NetworkColumn::CutFte => key("FTE cut"),
            NetworkColumn::Deficit => key("Deficit after the plan"),
            NetworkColumn::FlexIndex => key("Flexibility index"),
            NetworkColumn::Lose => key("Tightest breakpoint (pupils)"),
        }
    }

    /// A short stable key (for test ids, URLs and stored sort choices).
    pub fn key(self) -> &'static str {
        match self {
            NetworkColumn::School => "school",
            NetworkColumn::Pupils => "pupils",
            NetworkColumn::Unduplicated => "unduplicated",
            NetworkColumn::Allocation => "allocation",
            NetworkColumn::PerPupil => "per-pupil",
            NetworkColumn::Restricted => "restricted",
            NetworkColumn::Balance => "balance",
            NetworkColumn::CutFte => "cut-fte",
            NetworkColumn::Deficit => "deficit",
            NetworkColumn::FlexIndex => "flex-index",
            NetworkColumn::Lose => "lose",
        }
    }

    /// The column with this key.
    pub fn from_key(key: &str) -> Option<NetworkColumn> {
        NetworkColumn::all().into_iter().find(|c| c.key() == key)
    }

    /// Whether the column holds figures (right-aligned, first sort descending).
    pub fn numeric(self) -> bool {
        self != NetworkColumn::School
    }

    /// The figure this column shows for a row, if it has one (none for the name).
    pub fn value(self, r: &SchoolRow) -> Option<Decimal> {
        match self {
            NetworkColumn::School => None,
            NetworkColumn::Pupils => Some(Decimal::from(r.pupils)),
            NetworkColumn::Unduplicated => Some(r.unduplicated_share),
            NetworkColumn::Allocation => Some(r.allocation),
            NetworkColumn::PerPupil => r.per_pupil,
            NetworkColumn::Restricted => r.restricted_share,
            NetworkColumn::Balance => Some(r.balance),
            NetworkColumn::CutFte => Some(r.cut_fte),
            NetworkColumn::Deficit => Some(r.deficit),
            NetworkColumn::FlexIndex => Some(r.flex_index),
            NetworkColumn::Lose => r.lose.map(Decimal::from),
        }
    }

    /// The figure this column shows for the total row, if it has one.
    pub fn total_value(self, t: &NetworkTotal) -> Option<Decimal> {
        match self {
            NetworkColumn::School => None,
            NetworkColumn::Pupils => Some(Decimal::from(t.pupils)),
            NetworkColumn::Unduplicated => t.unduplicated_share,
            NetworkColumn::Allocation => Some(t.allocation),
            NetworkColumn::PerPupil => t.per_pupil,
            NetworkColumn::Restricted => t.restricted_share,
            NetworkColumn::Balance => Some(t.balance),
            NetworkColumn::CutFte => Some(t.cut_fte),
            NetworkColumn::Deficit => Some(t.deficit),
            NetworkColumn::FlexIndex => Some(t.flex_index),
            NetworkColumn::Lose => t.lose.map(Decimal::from),
        }
    }

    /// A figure of this column as the table shows it.
    pub fn text(self, value: Option<Decimal>) -> String {
        if self == NetworkColumn::School {
            return String::new();
        }
        let Some(v) = value else {
            return tr("none");
        };
        match self {
            NetworkColumn::School => String::new(),
            NetworkColumn::Pupils => format::number(v),
            NetworkColumn::Unduplicated | NetworkColumn::Restricted | NetworkColumn::FlexIndex => {
                format::percent(v)
            }
            NetworkColumn::Allocation | NetworkColumn::Balance | NetworkColumn::Deficit => {
                format::money_whole(v)
            }
            NetworkColumn::PerPupil => format::money(v),
            NetworkColumn::CutFte => format::fte(v),
            NetworkColumn::Lose if v == Decimal::ONE => tr("1 pupil"),
            NetworkColumn::Lose => tr1("{n} pupils", "n", &format::number(v)),
        }
    }
}

/// A row's cell text in a column (empty for the name column: the page shows the name).
pub fn cell_text(row: &SchoolRow, col: NetworkColumn) -> String {
    col.text(col.value(row))
}

/// The total row's cell text in a column.
pub fn total_cell_text(t: &NetworkTotal, col: NetworkColumn) -> String {
    col.text(col.total_value(t))
}

/// The page's hook attributes and their plain values, in SPEC's order (empty = none).
pub const DATA_ATTRS: [&str; 9] = [
    "data-pupils",
    "data-allocation",
    "data-per-pupil",
    "data-restricted-share",
    "data-balance",
    "data-cut-fte",
    "data-deficit",
    "data-flex-index",
    "data-lose",
];

fn plain(d: Option<Decimal>) -> String {
    d.map_or(String::new(), format::plain)
}

/// A school row's `data-*` values, in [`DATA_ATTRS`] order.
pub fn data_values(r: &SchoolRow) -> [String; 9] {
    [
        r.pupils.to_string(),
        plain(Some(r.allocation)),
        plain(r.per_pupil),
        plain(r.restricted_share),
        plain(Some(r.balance)),
        plain(Some(r.cut_fte)),
        plain(Some(r.deficit)),
        plain(Some(r.flex_index)),
        r.lose.map_or(String::new(), |l| l.to_string()),
    ]
}

/// The total row's `data-*` values, in [`DATA_ATTRS`] order.
pub fn total_data_values(t: &NetworkTotal) -> [String; 9] {
    [
        t.pupils.to_string(),
        plain(Some(t.allocation)),
        plain(t.per_pupil),
        plain(t.restricted_share),
        plain(Some(t.balance)),
        plain(Some(t.cut_fte)),
        plain(Some(t.deficit)),
        plain(Some(t.flex_index)),
        t.lose.map_or(String::new(), |l| l.to_string()),
    ]
}

/// The order to show schools in (positions in file order): by `by`, ascending or
/// descending; ties keep file order either way; schools that did not compute come
/// last, and so do rows without the figure (no pupils, no breakpoint), whatever the
/// direction.
pub fn sort_order(
    names: &[&str],
    rows: &[Option<&SchoolRow>],
    by: NetworkColumn,
    descending: bool,
) -> Vec<usize> {
    let n = names.len().max(rows.len());
    // Keys computed once: names lowercased, figures read out.
    let lower: Vec<String> = if by == NetworkColumn::School {
        (0..n)
            .map(|i| names.get(i).map_or(String::new(), |s| s.to_lowercase()))
            .collect()
    } else {
        Vec::new()
    };
    // 0 = has the figure, 1 = no figure, 2 = did not compute.
    let key = |i: usize| -> (u8, Option<Decimal>) {
        match rows.get(i).copied().flatten() {
            None => (2, None),
            Some(_) if by == NetworkColumn::School => (0, None),
            Some(r) => match by.value(r) {
                Some(v) => (0, Some(v)),
                None => (1, None),
            },
        }
    };
    let keys: Vec<(u8, Option<Decimal>)> = (0..n).map(key).collect();
    let mut order: Vec<usize> = (0..n).collect();
    sort::sort_by(&mut order, &|&a, &b| {
        let (ka, kb) = (keys.get(a), keys.get(b));
        let (ga, gb) = (ka.map_or(2, |k| k.0), kb.map_or(2, |k| k.0));
        if ga != gb {
            return ga.cmp(&gb);
        }
        let within = if by == NetworkColumn::School {
            let (na, nb) = (lower.get(a), lower.get(b));
            na.cmp(&nb)
        } else {
            let (va, vb) = (ka.and_then(|k| k.1), kb.and_then(|k| k.1));
            va.cmp(&vb)
        };
        if descending {
            within.reverse()
        } else {
            within
        }
    });
    order
}

/// A chart's numbers table: column headings and one row of cell texts per school.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct NumbersTable {
    /// Column headings.
    pub headers: Vec<String>,
    /// One row per school shown, cells as text.
    pub rows: Vec<Vec<String>>,
}

/// Schools that computed, as (file position, name, row), in file order.
fn computed<'a>(
    names: &'a [&'a str],
    rows: &'a [Option<&'a SchoolRow>],
) -> impl Iterator<Item = (usize, &'a str, &'a SchoolRow)> + 'a {
    rows.iter()
        .enumerate()
        .filter_map(move |(i, r)| r.map(|r| (i, names.get(i).copied().unwrap_or(""), r)))
}

/// Allocation per pupil (y) against unduplicated share (x), one labelled point per school
/// with pupils; schools without pupils have no per-pupil figure and are left out.
pub fn per_pupil_points(names: &[&str], rows: &[Option<&SchoolRow>]) -> Vec<ScatterDatum> {
    computed(names, rows)
        .filter_map(|(_, name, r)| {
            r.per_pupil.map(|y| ScatterDatum {
                label: name.to_owned(),
                x: r.unduplicated_share,
                y,
            })
        })
        .collect()
}

/// The per-pupil chart's text alternative: what it shows and every school's two figures.
pub fn per_pupil_alt(points: &[ScatterDatum]) -> String {
    if points.is_empty() {
        return tr(
            "Allocation per pupil against unduplicated share: no school with pupils to show.",
        );
    }
    let items: Vec<String> = points
        .iter()
        .map(|p| {
            trf(
                "{school}: {money} a pupil at {share} unduplicated",
                &[
                    ("school", &p.label),
                    ("money", &format::money(p.y)),
                    ("share", &format::percent(p.x)),
                ],
            )
        })
        .collect();
    trf(
        "Allocation per pupil against unduplicated share, {schools}. {items}.",
        &[
            ("schools", &schools_phrase(points.len())),
            ("items", &items.join("; ")),
        ],
    )
}

/// The per-pupil chart's numbers table.
pub fn per_pupil_table(points: &[ScatterDatum]) -> NumbersTable {
    NumbersTable {
        headers: vec![
            tr("School"),
            tr("Unduplicated share"),
            tr("Allocation per pupil"),
        ],
        rows: points
            .iter()
            .map(|p| vec![p.label.clone(), format::percent(p.x), format::money(p.y)])
            .collect(),
    }
}

/// Flexibility index by school (fractions; the chart shows them as percents).
pub fn flexibility_bars(names: &[&str], rows: &[Option<&SchoolRow>]) -> Vec<BarDatum> {
    computed(names, rows)
        .map(|(_, name, r)| BarDatum {
            label: name.to_owned(),
            value: r.flex_index,
        })
        .collect()
}

/// FTE at risk by school: the FTE the plan cuts under the change.
pub fn fte_bars(names: &[&str], rows: &[Option<&SchoolRow>]) -> Vec<BarDatum> {
    computed(names, rows)
        .map(|(_, name, r)| BarDatum {
            label: name.to_owned(),
            value: r.cut_fte,
        })
        .collect()
}

/// The flexibility chart's text alternative.
pub fn flexibility_alt(bars: &[BarDatum]) -> String {
    bars_alt(&tr("Flexibility index by school"), bars, &|v| {
        format::percent(v)
    })
}

/// The FTE-at-risk chart's text alternative.
pub fn fte_alt(bars: &[BarDatum]) -> String {
    bars_alt(&tr("FTE at risk by school"), bars, &|v| {
        tr1("{fte} FTE", "fte", &format::fte(v))
    })
}

fn bars_alt(title: &str, bars: &[BarDatum], text: &dyn Fn(Decimal) -> String) -> String {
    if bars.is_empty() {
        return tr1("{title}: no school to show.", "title", &title);
    }
    let items: Vec<String> = bars
        .iter()
        .map(|b| {
            trf(
                "{school}: {value}",
                &[("school", &b.label), ("value", &text(b.value))],
            )
        })
        .collect();
    trf(
        "{title}, {schools}. {items}.",
        &[
            ("title", &title),
            ("schools", &schools_phrase(bars.len())),
            ("items", &items.join("; ")),
        ],
    )
}

/// The flexibility chart's numbers table.
pub fn flexibility_table(bars: &[BarDatum]) -> NumbersTable {
    NumbersTable {
        headers: vec![tr("School"), tr("Flexibility index")],
        rows: bars
            .iter()
            .map(|b| vec![b.label.clone(), format::percent(b.value)])
            .collect(),
    }
}

/// The FTE-at-risk chart's numbers table.
pub fn fte_table(bars: &[BarDatum]) -> NumbersTable {
    NumbersTable {
        headers: vec![tr("School"), tr("FTE at risk")],
        rows: bars
            .iter()
            .map(|b| vec![b.label.clone(), format::fte(b.value)])
            .collect(),
    }
}

/// "1 school", "12 schools".
fn schools_phrase(n: usize) -> String {
    trn(
        "1 school",
        "{count} schools",
        n as u64,
        &[("count", &format::count(n as u64))],
    )
}
