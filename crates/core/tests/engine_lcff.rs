//! LCFF checked by hand from California's published 2024–25 base grant rates.

mod engine_fixture;

use std::collections::BTreeMap;

use engine_fixture::*;
use sitebudget_core::engine::{evaluate, EngineError, Scenario};
use sitebudget_core::model::{Allocation, Grade, Lcff, School, Span};

/// 2024–25 LCFF base grants per ADA (California Department of Education, "Funding Rates
/// and Information, Fiscal Year 2024–25", cde.ca.gov/fg/aa/pa/pa2425rates.asp):
/// K–3 $10,025, 4–6 $10,177, 7–8 $10,478, 9–12 $12,144 (before grade-span adjustments).
fn lcff_2024_25() -> Lcff {
    let mut base = BTreeMap::new();
    base.insert(Span::Tk3, d("10025"));
    base.insert(Span::G4to6, d("10177"));
    base.insert(Span::G7to8, d("10478"));
    base.insert(Span::G9to12, d("12144"));
    Lcff {
        base,
        supplemental: d("0.20"),
        concentration: d("0.65"),
        threshold: d("0.55"),
    }
}

/// A K–8 charter: K–3 60 each (240), 4 55, 5 55, 6 50 (160), 7 45, 8 45 (90); E = 490.
fn charter(undup: &str) -> School {
    school(
        &[
            (Grade::K, 60),
            (Grade::G(1), 60),
            (Grade::G(2), 60),
            (Grade::G(3), 60),
            (Grade::G(4), 55),
            (Grade::G(5), 55),
            (Grade::G(6), 50),
            (Grade::G(7), 45),
            (Grade::G(8), 45),
        ],
        undup,
        "0.95",
    )
}

fn allocation(undup: &str) -> rust_decimal::Decimal {
    let document = doc(
        charter(undup),
        vec![source("lcff", Allocation::Lcff(lcff_2024_25()))],
        vec![],
        vec![item("x", "1", &[("lcff", "1")])],
    );
    let ev = evaluate(&document, &Scenario::default()).unwrap();
    ev.baseline.source("lcff").unwrap().allocation
}

#[test]
fn lcff_above_the_concentration_threshold() {
    // ADA: TK-3 240 × 0.95 = 228.00; 4-6 160 × 0.95 = 152.00; 7-8 90 × 0.95 = 85.50.
    // B = 228 × 10025 + 152 × 10177 + 85.5 × 10478
    //   = 2285700 + 1546904 + 895869 = 4728473.
    // U = round(0.70 × 490 = 343) = 343; p = 343 / 490 = 0.70.
    // Supplemental B × 0.20 × 0.70 = 661986.22.
    // Concentration B × 0.65 × (0.70 − 0.55) = B × 0.0975 = 461026.1175.
    // Total 4728473 + 661986.22 + 461026.1175 = 5851485.3375 → 5851485.34.
    assert_eq!(allocation("0.70"), d("5851485.34"));
}

#[test]
fn lcff_below_the_threshold_has_no_concentration_grant() {
    // U = round(0.40 × 490 = 196) = 196; p = 0.40 ≤ 0.55: B × (1 + 0.20 × 0.40) = B × 1.08
    // = 4728473 × 1.08 = 5106750.84.
    assert_eq!(allocation("0.40"), d("5106750.84"));
}

#[test]
fn lcff_with_no_pupils_is_a_clear_error() {
    let document = doc(
        school(&[(Grade::K, 0)], "0.5", "0.95"),
        vec![source("lcff", Allocation::Lcff(lcff_2024_25()))],
        vec![],
        vec![item("x", "1", &[("lcff", "1")])],
    );
    let e = evaluate(&document, &Scenario::default()).unwrap_err();
    assert_eq!(
        e,
        EngineError::ZeroEnrollment {
            source: "lcff".into()
        }
    );
    assert!(e.to_string().contains("no pupils"));
}
