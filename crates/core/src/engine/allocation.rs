//! Source allocations: fixed, per pupil, LCFF and staffing norms, each to the cent.

use rust_decimal::Decimal;

use super::counts::Counts;
use super::error::EngineError;
use super::rounding::{add, cents, div, money, mul, sub};
use crate::model::{Allocation, Basis, Lcff, Source, Span, Tier};
use crate::util::i18n::{tr, tr1};

/// A source's allocation, rounded half up to the cent; `norm_total` is what norms fund.
pub fn allocation(
    source: &Source,
    counts: &Counts,
    norm_total: Decimal,
) -> Result<Decimal, EngineError> {
    let what = &|| tr1("the allocation of source \"{id}\"", "id", &source.id);
    let exact = match &source.allocation {
        Allocation::Fixed { amount } => *amount,
        Allocation::PerPupil { rate, basis } => mul(*rate, basis_count(basis, counts), what)?,
        Allocation::Tiered { basis, tiers } => {
            let rate = tier_in_force(tiers, counts)?.map_or(Decimal::ZERO, |t| t.rate);
            mul(rate, basis_count(basis, counts), what)?
        }
        Allocation::Lcff(lcff) => lcff_allocation(&source.id, lcff, counts)?,
        Allocation::Norm => norm_total,
    };
    money(exact, what)
}

/// The pupils a basis counts.
pub fn basis_count(basis: &Basis, counts: &Counts) -> Decimal {
    match basis {
        Basis::Enrollment => Decimal::from(counts.enrollment),
        Basis::Unduplicated => Decimal::from(counts.unduplicated),
        Basis::Ada => counts.ada,
        Basis::Grades(grades) => Decimal::from(counts.in_grades(grades)),
    }
}

/// Whether `U ≥ at_least × E`, compared exactly (no division).
pub fn tier_reached(tier: &Tier, unduplicated: u64, enrollment: u64) -> Result<bool, EngineError> {
    let need = mul(tier.at_least, Decimal::from(enrollment), &|| {
        tr("a tier's threshold")
    })?;
    Ok(Decimal::from(unduplicated) >= need)
}

/// The index of the tier in force: the largest `at_least` with `U ≥ at_least × E`.
///
/// Tiers are strictly increasing once validated, but the search does not rely on it.
pub fn tier_index(tiers: &[Tier], counts: &Counts) -> Result<Option<usize>, EngineError> {
    tier_index_at(tiers, counts.unduplicated, counts.enrollment)
}

/// [`tier_index`] for explicit `U` and `E`.
pub fn tier_index_at(
    tiers: &[Tier],
    unduplicated: u64,
    enrollment: u64,
) -> Result<Option<usize>, EngineError> {
    let mut best: Option<usize> = None;
    for (i, t) in tiers.iter().enumerate() {
        let better = best
            .and_then(|b| tiers.get(b))
            .is_none_or(|b| t.at_least > b.at_least);
        if better && tier_reached(t, unduplicated, enrollment)? {
            best = Some(i);
        }
    }
    Ok(best)
}

/// The tier in force, if any.
fn tier_in_force<'t>(tiers: &'t [Tier], counts: &Counts) -> Result<Option<&'t Tier>, EngineError> {
    Ok(tier_index(tiers, counts)?.and_then(|i| tiers.get(i)))
}

/// ADA of one LCFF span: span enrollment × attendance rate, half up to 2 decimals.
pub fn span_ada(counts: &Counts, span: Span) -> Result<Decimal, EngineError> {
    let pupils = counts
        .grades
        .iter()
        .filter(|(g, _)| Span::of(**g) == span)
        .fold(0u64, |acc, (_, &n)| acc.saturating_add(u64::from(n)));
    Ok(cents(mul(
        Decimal::from(pupils),
        counts.attendance_rate,
        &|| tr1("the ADA of grades {span}", "span", &span.key()),
    )?))
}

/// LCFF before rounding: `B + B × supplemental × p + B × concentration × max(0, p − threshold)`.
///
/// `p = U / E` is kept as a ratio (multiplied before dividing) so no digits are lost.
/// A span with pupils but no base rate in the document earns nothing.
pub fn lcff_allocation(
    source_id: &str,
    lcff: &Lcff,
    counts: &Counts,
) -> Result<Decimal, EngineError> {
    let what = &|| {
        tr1(
            "the LCFF allocation of source \"{source_id}\"",
            "source_id",
            &source_id,
        )
    };
    let mut base = Decimal::ZERO;
    for (span, rate) in &lcff.base {
        let part = mul(*rate, span_ada(counts, *span)?, what)?;
        base = add(base, part, what)?;
    }
    if counts.enrollment == 0 {
        return Err(EngineError::ZeroEnrollment {
            source: source_id.to_string(),
        });
    }
    let e = Decimal::from(counts.enrollment);
    let u = Decimal::from(counts.unduplicated);
    // B × supplemental × U / E
    let supplemental = div(mul(mul(base, lcff.supplemental, what)?, u, what)?, e, what)?;
    // B × concentration × (U − threshold × E) / E, when p > threshold
    let above = sub(u, mul(lcff.threshold, e, what)?, what)?;
    let concentration = if above > Decimal::ZERO {
        div(
            mul(mul(base, lcff.concentration, what)?, above, what)?,
            e,
            what,
        )?
    } else {
        Decimal::ZERO
    };
    add(add(base, supplemental, what)?, concentration, what)
}
