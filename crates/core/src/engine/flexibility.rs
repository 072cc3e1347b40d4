//! Flexibility: unallocated and flexible money, the index, swaps, one-time risks, compliance.

use rust_decimal::Decimal;

use super::budget::Budget;
use super::error::EngineError;
use super::rounding::{add, cents, div, mul, sub};
use crate::model::{Allocation, Priority};
use crate::util::i18n::{tr, tr1, trf};

/// One source's flexibility.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFlexibility {
    /// The source id.
    pub source: String,
    /// Whether the source is restricted.
    pub restricted: bool,
    /// The allocation.
    pub allocation: Decimal,
    /// `max(balance, 0)`.
    pub unallocated: Decimal,
    /// Unallocated + charges of flexible lines and vacant non-protected positions.
    pub flexible: Decimal,
}

/// Moving a line's cost from unrestricted money to a restricted source that allows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Swap {
    /// The line id.
    pub line: String,
    /// The unrestricted source the line charges now.
    pub from_source: String,
    /// The restricted source whose unallocated money could pay instead.
    pub to_source: String,
    /// The amount that can move.
    pub amount: Decimal,
    /// Unrestricted dollars freed by the move (equal to `amount`).
    pub frees: Decimal,
}

/// A position paid with one-time money: an ongoing cost without ongoing funding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OneTimeRisk {
    /// The position's line id.
    pub line: String,
    /// The one-time source.
    pub source: String,
    /// What the position charges it.
    pub charge: Decimal,
}

/// A set-aside check: lines with `tag` must charge at least `min_share × allocation`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAsideCheck {
    /// The source id.
    pub source: String,
    /// The tag that counts.
    pub tag: String,
    /// `min_share × allocation`, half up to the cent.
    pub required: Decimal,
    /// Charges to the source of lines with the tag.
    pub actual: Decimal,
    /// `max(required − actual, 0)`; zero when the set-aside is met.
    pub shortfall: Decimal,
}

/// A line charging a restricted source for a use it does not allow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DisallowedUse {
    /// The line id.
    pub line: String,
    /// The restricted source id.
    pub source: String,
}

/// Rules of restricted money, checked.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Compliance {
    /// Every set-aside, met or not.
    pub set_asides: Vec<SetAsideCheck>,
    /// Lines charging restricted sources for uses outside their `allowed` list.
    pub disallowed: Vec<DisallowedUse>,
}

/// Where the budget has room to move.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Flexibility {
    /// Per source, in document order.
    pub sources: Vec<SourceFlexibility>,
    /// Sum of allocations.
    pub total_allocation: Decimal,
    /// Sum of unallocated money.
    pub unallocated: Decimal,
    /// Sum of flexible money.
    pub flexible: Decimal,
    /// Total flexible ÷ total allocation, an exact fraction (0 with no allocation).
    pub index: Decimal,
    /// Possible swaps from unrestricted to restricted money.
    pub swaps: Vec<Swap>,
    /// Positions charged to one-time sources.
    pub one_time_risks: Vec<OneTimeRisk>,
    /// Set-asides and disallowed uses.
    pub compliance: Compliance,
}

/// Whether a line's tags meet an allowed list.
fn meets(tags: &[String], allowed: &[String]) -> bool {
    tags.iter().any(|t| allowed.contains(t))
}

/// The flexibility report of a budget (the cut plan's result under a scenario).
pub(crate) fn report(b: &Budget<'_>) -> Result<Flexibility, EngineError> {
    let (unallocated, flexible) = per_source(b)?;
    let mut out = Flexibility::default();
    for (s, src) in b.sources.iter().enumerate() {
        let allocation = b.alloc.get(s).copied().unwrap_or_default();
        let u = unallocated.get(s).copied().unwrap_or_default();
        let f = flexible.get(s).copied().unwrap_or_default();
        out.total_allocation = add(out.total_allocation, allocation, &|| {
            tr("the total allocation")
        })?;
        out.unallocated = add(out.unallocated, u, &|| tr("unallocated money"))?;
        out.flexible = add(out.flexible, f, &|| tr("flexible money"))?;
        out.sources.push(SourceFlexibility {
            source: src.id.clone(),
            restricted: src.restricted,
            allocation,
            unallocated: u,
            flexible: f,
        });
    }
    out.index = if out.total_allocation.is_zero() {
        Decimal::ZERO
    } else {
        div(out.flexible, out.total_allocation, &|| {
            tr("the flexibility index")
        })?
    };
    out.swaps = swaps(b, &unallocated)?;
    out.one_time_risks = one_time_risks(b);
    out.compliance = compliance(b)?;
    Ok(out)
}

/// Per source, in document order: unallocated money and flexible money.
fn per_source(b: &Budget<'_>) -> Result<(Vec<Decimal>, Vec<Decimal>), EngineError> {
    let n = b.sources.len();
    let mut flexible = Vec::with_capacity(n);
    let mut unallocated = Vec::with_capacity(n);
    for s in 0..n {
        let u = b.balance(s)?.max(Decimal::ZERO);
        unallocated.push(u);
        flexible.push(u);
    }
    // Flexible lines and vacant non-protected positions, each line counted once.
    for (l, line) in b.meta.iter().enumerate() {
        let vacant_cuttable = line.is_vacant() && line.priority != Priority::Protected;
        if line.priority != Priority::Flexible && !vacant_cuttable {
            continue;
        }
        for f in b.funds_of(l) {
            if let Some(x) = flexible.get_mut(f.source) {
                *x = add(*x, f.charge, &|| tr("flexible money"))?;
            }
        }
    }
    Ok((unallocated, flexible))
}

/// The school's flexible money alone (the report's `flexible`), without swaps or checks.
pub(crate) fn flexible_total(b: &Budget<'_>) -> Result<Decimal, EngineError> {
    let (_, flexible) = per_source(b)?;
    flexible.into_iter().try_fold(Decimal::ZERO, |acc, f| {
        add(acc, f, &|| tr("flexible money"))
    })
}

/// Swaps, lines in document order: each unrestricted charge of a line whose tags meet a
/// restricted source's `allowed` list can move onto that source's unallocated money.
///
/// Only restricted sources with an explicit `allowed` list qualify (a norm source pays
/// for norm positions only), and each restricted dollar is offered once.
fn swaps(b: &Budget<'_>, unallocated: &[Decimal]) -> Result<Vec<Swap>, EngineError> {
    let mut room: Vec<Decimal> = unallocated.to_vec();
    let targets: Vec<(usize, &[String])> = b
        .sources
        .iter()
        .enumerate()
        .filter(|(_, s)| s.restricted && s.allocation != Allocation::Norm)
        .filter_map(|(i, s)| s.allowed.as_deref().map(|a| (i, a)))
        .collect();
    let mut out = Vec::new();
    if targets.is_empty() {
        return Ok(out);
    }
    for (l, line) in b.meta.iter().enumerate() {
        for f in b.funds_of(l) {
            let unrestricted = b.sources.get(f.source).is_some_and(|s| !s.restricted);
            if !unrestricted || f.charge <= Decimal::ZERO {
                continue;
            }
            let mut left = f.charge;
            for &(t, allowed) in &targets {
                let Some(r) = room.get_mut(t) else { continue };
                if left.is_zero() || *r <= Decimal::ZERO || !meets(&line.tags, allowed) {
                    continue;
                }
                let amount = left.min(*r);
                *r = sub(*r, amount, &|| tr("swap room"))?;
                left = sub(left, amount, &|| tr("swap room"))?;
                out.push(Swap {
                    line: line.id.clone(),
                    from_source: b.source_id(f.source).to_string(),
                    to_source: b.source_id(t).to_string(),
                    amount,
                    frees: amount,
                });
            }
        }
    }
    Ok(out)
}

/// Positions with a non-zero charge to a one-time source.
fn one_time_risks(b: &Budget<'_>) -> Vec<OneTimeRisk> {
    let mut out = Vec::new();
    for (l, line) in b.meta.iter().enumerate() {
        if line.position().is_none() {
            continue;
        }
        for f in b.funds_of(l) {
            if !f.charge.is_zero() && b.sources.get(f.source).is_some_and(|s| s.one_time) {
                out.push(OneTimeRisk {
                    line: line.id.clone(),
                    source: b.source_id(f.source).to_string(),
                    charge: f.charge,
                });
            }
        }
    }
    out
}

/// Set-asides of every source that lists them, and restricted charges outside `allowed`.
///
/// A line cut to zero no longer charges anything, so it is not a disallowed use.
fn compliance(b: &Budget<'_>) -> Result<Compliance, EngineError> {
    let mut out = Compliance::default();
    // Tagged charges per (source, set-aside), in one pass over the lines.
    let mut actual: Vec<Vec<Decimal>> = b
        .sources
        .iter()
        .map(|s| vec![Decimal::ZERO; s.set_asides.len()])
        .collect();
    for (l, line) in b.meta.iter().enumerate() {
        for f in b.funds_of(l) {
            let (Some(src), Some(sums)) = (b.sources.get(f.source), actual.get_mut(f.source))
            else {
                continue;
            };
            for (sa, sum) in src.set_asides.iter().zip(sums.iter_mut()) {
                if line.has_tag(&sa.tag) {
                    *sum = add(*sum, f.charge, &|| {
                        tr1("the set-asides of \"{id}\"", "id", &src.id)
                    })?;
                }
            }
        }
    }
    for ((s, src), sums) in b.sources.iter().enumerate().zip(&actual) {
        let allocation = b.alloc.get(s).copied().unwrap_or_default();
        for (sa, &actual) in src.set_asides.iter().zip(sums) {
            let what = &|| {
                trf(
                    "the \"{tag}\" set-aside of source \"{id}\"",
                    &[("tag", &sa.tag), ("id", &src.id)],
                )
            };
            let required = cents(mul(sa.min_share, allocation, what)?);
            out.set_asides.push(SetAsideCheck {
                source: src.id.clone(),
                tag: sa.tag.clone(),
                required,
                actual,
                shortfall: sub(required, actual, what)?.max(Decimal::ZERO),
            });
        }
    }
    for (l, line) in b.meta.iter().enumerate() {
        let mut seen: Vec<usize> = Vec::new();
        for f in b.funds_of(l) {
            let Some(src) = b.sources.get(f.source) else {
                continue;
            };
            let Some(allowed) = src.allowed.as_deref() else {
                continue;
            };
            if src.restricted
                && !f.charge.is_zero()
                && !meets(&line.tags, allowed)
                && !seen.contains(&f.source)
            {
                seen.push(f.source);
                out.disallowed.push(DisallowedUse {
                    line: line.id.clone(),
                    source: src.id.clone(),
                });
            }
        }
    }
    Ok(out)
}
