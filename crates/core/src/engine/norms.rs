//! Staffing-norm entitlements: pupils ÷ students per position, rounded, with a floor.

use rust_decimal::Decimal;

use super::counts::Counts;
use super::error::EngineError;
use super::rounding::{add, div, mul, whole};
use crate::model::{Norm, Rounding};
use crate::util::i18n::{tr, tr1};

/// The positions a norm gives the school.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entitlement {
    /// The norm id.
    pub norm: String,
    /// Pupils in the norm's grades.
    pub pupils: u64,
    /// Entitled FTE after rounding and `min_fte`.
    pub fte: Decimal,
}

/// Entitled FTE for `pupils` under a norm: `rounding(pupils / students_per_position)`, at least `min_fte`.
///
/// A banded norm gives the `fte` of the band with the largest `from` ≤ pupils, else 0.
pub fn entitlement_fte(norm: &Norm, pupils: u64) -> Result<Decimal, EngineError> {
    let fte = if norm.bands.is_empty() {
        ratio_fte(norm, pupils)?
    } else {
        band_fte(norm, pupils)
    };
    Ok(match norm.min_fte {
        Some(min) if min > fte => min,
        _ => fte,
    })
}

/// The band in force: the largest `from` ≤ pupils (bands need not be sorted here).
fn band_fte(norm: &Norm, pupils: u64) -> Decimal {
    norm.bands
        .iter()
        .filter(|b| u64::from(b.from) <= pupils)
        .max_by_key(|b| b.from)
        .map_or(Decimal::ZERO, |b| b.fte)
}

/// `rounding(pupils / students_per_position)`.
fn ratio_fte(norm: &Norm, pupils: u64) -> Result<Decimal, EngineError> {
    let spp = norm.students_per_position;
    if spp.is_zero() {
        return Err(EngineError::ZeroStudentsPerPosition {
            norm: norm.id.clone(),
        });
    }
    if spp.is_sign_negative() {
        return Err(EngineError::Negative {
            what: tr1("the students per position of norm \"{id}\"", "id", &norm.id),
            value: spp,
        });
    }
    let ratio = div(Decimal::from(pupils), spp, &|| {
        tr1("the positions of norm \"{id}\"", "id", &norm.id)
    })?;
    Ok(match norm.rounding {
        Rounding::Ceil => ratio.ceil(),
        Rounding::Floor => ratio.floor(),
        Rounding::Round => whole(ratio),
    })
}

/// Every norm's entitlement, in document order.
pub fn entitlements(norms: &[Norm], counts: &Counts) -> Result<Vec<Entitlement>, EngineError> {
    norms
        .iter()
        .map(|n| {
            let pupils = counts.in_grades(&n.grades);
            Ok(Entitlement {
                norm: n.id.clone(),
                pupils,
                fte: entitlement_fte(n, pupils)?,
            })
        })
        .collect()
}

/// What a `norm` source receives: the sum of entitlement × the norm's unit cost (not yet rounded).
pub fn norm_funding(norms: &[Norm], ents: &[Entitlement]) -> Result<Decimal, EngineError> {
    let mut total = Decimal::ZERO;
    for (n, e) in norms.iter().zip(ents) {
        if n.unit_cost.is_sign_negative() {
            return Err(EngineError::Negative {
                what: tr1("the unit cost of norm \"{id}\"", "id", &n.id),
                value: n.unit_cost,
            });
        }
        let part = mul(e.fte, n.unit_cost, &|| {
            tr1("the funding of norm \"{id}\"", "id", &n.id)
        })?;
        total = add(total, part, &|| tr("the staffing-norm allocation"))?;
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Grade;

    fn norm(spp: &str, rounding: Rounding, min: Option<&str>) -> Norm {
        Norm {
            id: "tk3".into(),
            title: "Teacher".into(),
            grades: vec![Grade::TK, Grade::K],
            students_per_position: spp.parse().unwrap(),
            unit_cost: "118000".parse().unwrap(),
            rounding,
            min_fte: min.map(|m| m.parse().unwrap()),
            bands: Vec::new(),
        }
    }

    #[test]
    fn rounds_each_way() {
        // 110 / 24 = 4.583…: ceil 5, floor 4, round 5.
        assert_eq!(
            entitlement_fte(&norm("24", Rounding::Ceil, None), 110).unwrap(),
            5.into()
        );
        assert_eq!(
            entitlement_fte(&norm("24", Rounding::Floor, None), 110).unwrap(),
            4.into()
        );
        assert_eq!(
            entitlement_fte(&norm("24", Rounding::Round, None), 110).unwrap(),
            5.into()
        );
        // 108 / 24 = 4.5 exactly: round half up gives 5; 107 / 24 = 4.458… gives 4.
        assert_eq!(
            entitlement_fte(&norm("24", Rounding::Round, None), 108).unwrap(),
            5.into()
        );
        assert_eq!(
            entitlement_fte(&norm("24", Rounding::Round, None), 107).unwrap(),
            4.into()
        );
        // 96 / 24 = 4 exactly: ceil stays 4.
        assert_eq!(
            entitlement_fte(&norm("24", Rounding::Ceil, None), 96).unwrap(),
            4.into()
        );
    }

    #[test]
    fn min_fte_is_a_floor() {
        // 10 / 24 = 0.42 → floor 0, raised to min_fte 1; ceil gives 1 anyway.
        let n = norm("24", Rounding::Floor, Some("1"));
        assert_eq!(entitlement_fte(&n, 10).unwrap(), 1.into());
        // 200 / 24 = 8.33 → floor 8, above the minimum.
        assert_eq!(entitlement_fte(&n, 200).unwrap(), 8.into());
    }

    #[test]
    fn bands_take_the_largest_from_at_or_below() {
        // An assistant principal: 0.5 FTE from 1 pupil, 1 FTE from 500.
        let mut n = norm("1", Rounding::Ceil, None);
        n.bands = vec![
            crate::model::Band {
                from: 1,
                fte: "0.5".parse().unwrap(),
            },
            crate::model::Band {
                from: 500,
                fte: 1.into(),
            },
        ];
        // 0 pupils: no band starts at or below 0 → 0 FTE.
        assert_eq!(entitlement_fte(&n, 0).unwrap(), Decimal::ZERO);
        // 1 and 499 pupils: the band from 1 → 0.5.
        assert_eq!(entitlement_fte(&n, 1).unwrap(), "0.5".parse().unwrap());
        assert_eq!(entitlement_fte(&n, 499).unwrap(), "0.5".parse().unwrap());
        // 500 and 900: the band from 500 → 1.
        assert_eq!(entitlement_fte(&n, 500).unwrap(), 1.into());
        assert_eq!(entitlement_fte(&n, 900).unwrap(), 1.into());
        // A min_fte of 0.2 lifts the empty band's 0 to 0.2.
        n.min_fte = Some("0.2".parse().unwrap());
        assert_eq!(entitlement_fte(&n, 0).unwrap(), "0.2".parse().unwrap());
    }

    #[test]
    fn zero_students_per_position_is_an_error() {
        let e = entitlement_fte(&norm("0", Rounding::Ceil, None), 100).unwrap_err();
        assert_eq!(
            e,
            EngineError::ZeroStudentsPerPosition { norm: "tk3".into() }
        );
        assert!(e.to_string().contains("tk3"));
    }
}
