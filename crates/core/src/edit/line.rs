//! Line edits: fields, kind switch, funding, and adding, copying, removing and moving lines.

use rust_decimal::Decimal;

use super::text::{self, boolean, decimal, money, optional};
use super::{fresh_id, no_field, Field, Move, NewKind, Step};
use crate::engine::cents;
use crate::model::validate::norm_source;
use crate::model::{Document, Funding, Line, LineKind, Position, Priority};
use crate::util::dec;
use crate::util::i18n::{key, tr, tr1};

fn find<'d>(doc: &'d mut Document, id: &str) -> Result<&'d mut Line, String> {
    doc.lines
        .iter_mut()
        .find(|l| l.id == id)
        .ok_or_else(|| tr1("there is no line `{id}`", "id", &id))
}

fn index(doc: &Document, id: &str) -> Result<usize, String> {
    doc.lines
        .iter()
        .position(|l| l.id == id)
        .ok_or_else(|| tr1("there is no line `{id}`", "id", &id))
}

/// Each norm's id and unit cost.
type NormCosts = Vec<(String, Decimal)>;

fn norm_costs(doc: &Document) -> NormCosts {
    doc.norms
        .iter()
        .map(|n| (n.id.clone(), n.unit_cost))
        .collect()
}

/// A norm's unit cost.
fn cost_of(costs: &NormCosts, norm: &str) -> Option<Decimal> {
    costs.iter().find(|(n, _)| n == norm).map(|x| x.1)
}

/// A position's cost, to the cent, with its own or its norm's unit cost.
fn position_cost(costs: &NormCosts, p: &Position) -> Decimal {
    let unit = p
        .unit_cost
        .or_else(|| p.norm.as_deref().and_then(|n| cost_of(costs, n)));
    unit.and_then(|u| dec::checked_mul(u, p.fte))
        .map_or(Decimal::ZERO, cents)
}

/// A position with the spec's defaults.
fn new_position(unit_cost: Decimal) -> Position {
    Position {
        fte: Decimal::ONE,
        unit_cost: Some(unit_cost),
        fte_step: Decimal::new(2, 1),
        vacant: false,
        norm: None,
    }
}

/// Sets one field of a line from text.
pub(super) fn set(doc: &mut Document, id: &str, field: Field, value: &str) -> Step {
    let norm_src = norm_source(doc).map(str::to_owned);
    let costs = norm_costs(doc);
    let line = find(doc, id)?;
    let trimmed = value.trim();
    match field {
        Field::Id => line.id = trimmed.to_owned(),
        Field::Title => {
            if trimmed.is_empty() {
                return Err(tr("must not be empty"));
            }
            line.title = trimmed.to_owned();
        }
        Field::Kind => match (trimmed, &line.kind) {
            ("item", LineKind::Position(p)) => {
                let amount = position_cost(&costs, p);
                line.kind = LineKind::Item { amount };
            }
            ("position", LineKind::Item { amount }) => {
                line.kind = LineKind::Position(new_position(*amount));
            }
            ("item" | "position", _) => {}
            _ => {
                return Err(tr1(
                    "must be position or item, got `{trimmed}`",
                    "trimmed",
                    &trimmed,
                ))
            }
        },
        Field::Priority => {
            line.priority = Priority::parse(trimmed).ok_or_else(|| {
                tr1(
                    "must be flexible, essential or protected, got `{trimmed}`",
                    "trimmed",
                    &trimmed,
                )
            })?;
        }
        Field::Tags => line.tags = text::list(value),
        Field::CutRank => line.cut_rank = optional(value, text::integer)?,
        Field::Notes => line.notes = (!trimmed.is_empty()).then(|| trimmed.to_owned()),
        Field::Funding => line.funding = text::funding_list(value)?,
        Field::Share(at) => set_share(&mut line.funding, at, value)?,
        Field::Amount => match &mut line.kind {
            LineKind::Item { amount } => *amount = money(value)?,
            LineKind::Position(_) => return Err(tr("only items have an amount")),
        },
        _ => {
            let LineKind::Position(p) = &mut line.kind else {
                return Err(no_field(key("an item"), field));
            };
            match field {
                Field::Fte => p.fte = decimal(value)?,
                Field::UnitCost => p.unit_cost = optional(value, money)?,
                Field::FteStep => p.fte_step = decimal(value)?,
                Field::Vacant => p.vacant = boolean(value)?,
                Field::NormLink => {
                    let link = (!trimmed.is_empty()).then(|| trimmed.to_owned());
                    if let (None, Some(old)) = (&link, &p.norm) {
                        // Leaving a norm: keep the norm's cost so the position stays costed.
                        if p.unit_cost.is_none() {
                            p.unit_cost = cost_of(&costs, old);
                        }
                    }
                    if let (Some(_), Some(ns)) = (&link, &norm_src) {
                        line.funding = vec![Funding {
                            source: ns.clone(),
                            share: Decimal::ONE,
                        }];
                    }
                    p.norm = link;
                }
                _ => return Err(no_field(key("a line"), field)),
            }
        }
    }
    Ok(())
}

/// Sets the share of entry `at` (percent); the last entry takes the rest.
fn set_share(funding: &mut [Funding], at: usize, value: &str) -> Step {
    let share = text::fraction(value)?;
    let last = funding.len().saturating_sub(1);
    if at >= last {
        return Err(tr(
            "the last source takes whatever the others leave; change another share",
        ));
    }
    let others = dec::sum(
        funding
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != at && *i != last)
            .map(|(_, f)| f.share),
    );
    let rest = dec::sub(dec::sub(Decimal::ONE, others), share);
    if share <= Decimal::ZERO || rest <= Decimal::ZERO {
        return Err(tr1(
            "must be more than 0% and leave some share for the last source, got {share}%",
            "share",
            &text::percent(share),
        ));
    }
    if let Some(f) = funding.get_mut(at) {
        f.share = share;
    }
    if let Some(f) = funding.last_mut() {
        f.share = rest;
    }
    Ok(())
}

/// Adds a line at the end, funded by the first source that is not the norm source.
pub(super) fn add(doc: &mut Document, kind: NewKind) {
    let (base, kind, title) = match kind {
        NewKind::Position => (
            "position",
            LineKind::Position(new_position(Decimal::ZERO)),
            tr("New position"),
        ),
        NewKind::Item => (
            "item",
            LineKind::Item {
                amount: Decimal::ZERO,
            },
            tr("New item"),
        ),
    };
    let norm_src = norm_source(doc);
    let source = doc
        .sources
        .iter()
        .find(|s| Some(s.id.as_str()) != norm_src)
        .or_else(|| doc.sources.first())
        .map(|s| s.id.clone())
        .unwrap_or_default();
    let id = fresh_id(base, doc.lines.iter().map(|l| l.id.as_str()));
    doc.lines.push(Line {
        id,
        title,
        kind,
        funding: vec![Funding {
            source,
            share: Decimal::ONE,
        }],
        priority: Priority::default(),
        tags: Vec::new(),
        cut_rank: None,
        notes: None,
    });
}

/// Copies a line right after itself; a copy of a norm-linked position leaves the norm.
pub(super) fn duplicate(doc: &mut Document, id: &str) -> Step {
    let at = index(doc, id)?;
    let mut copy = doc
        .lines
        .get(at)
        .cloned()
        .ok_or_else(|| tr("no such line"))?;
    copy.id = fresh_id(
        &format!("{id}-copy"),
        doc.lines.iter().map(|l| l.id.as_str()),
    );
    copy.title = tr1("{title} (copy)", "title", &copy.title);
    let costs = norm_costs(doc);
    if let LineKind::Position(p) = &mut copy.kind {
        // A norm funds one line, so the copy is a plain position at the norm's cost.
        if let Some(n) = p.norm.take() {
            if p.unit_cost.is_none() {
                p.unit_cost = cost_of(&costs, &n);
            }
        }
    }
    doc.lines.insert(at + 1, copy);
    Ok(())
}

/// Removes a line.
pub(super) fn delete(doc: &mut Document, id: &str) -> Step {
    let at = index(doc, id)?;
    doc.lines.remove(at);
    Ok(())
}

/// Moves a line up, down or to an index.
pub(super) fn move_to(doc: &mut Document, id: &str, to: Move) -> Step {
    let at = index(doc, id)?;
    let last = doc.lines.len().saturating_sub(1);
    let dest = match to {
        Move::Up => at.saturating_sub(1),
        Move::Down => (at + 1).min(last),
        Move::To(i) => i.min(last),
    };
    let line = doc.lines.remove(at);
    doc.lines.insert(dest, line);
    Ok(())
}

/// Adds a funding entry taking half of the last entry's share.
pub(super) fn add_funding(doc: &mut Document, id: &str, source: &str) -> Step {
    let line = find(doc, id)?;
    if line.funding.iter().any(|f| f.source == source) {
        return Err(tr1(
            "source `{source}` already pays for this line",
            "source",
            &source,
        ));
    }
    let Some(last) = line.funding.last_mut() else {
        line.funding.push(Funding {
            source: source.to_owned(),
            share: Decimal::ONE,
        });
        return Ok(());
    };
    let half = dec::div(last.share, Decimal::TWO);
    last.share = dec::sub(last.share, half);
    line.funding.push(Funding {
        source: source.to_owned(),
        share: half,
    });
    Ok(())
}

/// Removes a funding entry; the last remaining entry takes its share.
pub(super) fn remove_funding(doc: &mut Document, id: &str, at: usize) -> Step {
    let line = find(doc, id)?;
    if line.funding.len() < 2 {
        return Err(tr("a line needs at least one source"));
    }
    if at >= line.funding.len() {
        return Err(tr1("there is no funding entry #{at}", "at", &(at + 1)));
    }
    let gone = line.funding.remove(at);
    if let Some(last) = line.funding.last_mut() {
        last.share = dec::add(last.share, gone.share);
    }
    Ok(())
}
