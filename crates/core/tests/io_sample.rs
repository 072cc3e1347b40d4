//! The built-in sample school parses and has the promised shape.

use rust_decimal::Decimal;
use sitebudget_core::io::sample::{sample_document, SAMPLE_JSON};
use sitebudget_core::io::{parse_document, to_json};
use sitebudget_core::model::{Allocation, Basis, Grade, LineKind, Priority};

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn sample_parses() {
    let doc = parse_document(SAMPLE_JSON).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(doc, sample_document());
    assert_eq!(doc.school.name, "Jacaranda Avenue Elementary");
    assert_eq!(doc.school.fiscal_year, "2026-27");
}

#[test]
fn sample_has_the_promised_size() {
    let doc = sample_document();
    assert!(
        (25..=40).contains(&doc.lines.len()),
        "{} lines",
        doc.lines.len()
    );
    assert!(
        (5..=7).contains(&doc.sources.len()),
        "{} sources",
        doc.sources.len()
    );
    let vacant = doc.lines.iter().filter(|l| l.is_vacant()).count();
    assert_eq!(vacant, 1);
}

#[test]
fn sample_is_a_tk_5_school_of_about_450() {
    let doc = sample_document();
    let grades: Vec<Grade> = doc.school.enrollment.keys().copied().collect();
    let tk5: Vec<Grade> = Grade::ALL.into_iter().take(7).collect();
    assert_eq!(grades, tk5);
    let total: u32 = doc.school.enrollment.values().sum();
    assert!((430..=470).contains(&total), "{total}");
    let u = doc.school.unduplicated_pct;
    assert!(u >= dec("0.84") && u <= dec("0.88"), "{u}");
}

#[test]
fn sample_has_the_promised_variety() {
    let doc = sample_document();
    let norm_sources = doc
        .sources
        .iter()
        .filter(|s| s.allocation == Allocation::Norm)
        .count();
    assert_eq!(norm_sources, 1);
    assert!(doc.sources.iter().any(|s| s.one_time && !s.restricted));
    let title1 = doc.sources.iter().find(|s| s.id == "title1").unwrap();
    assert!(title1.restricted && title1.allowed.is_some() && !title1.set_asides.is_empty());
    // Title I steps with need, so a first visit shows forms to its next tier.
    assert!(matches!(
        &title1.allocation,
        Allocation::Tiered {
            basis: Basis::Unduplicated,
            tiers,
        } if tiers.len() >= 2
    ));
    // An assistant principal by bands, so a first visit shows a band breakpoint.
    assert!(doc.norms.iter().any(|n| !n.bands.is_empty()));
    assert!(doc.lines.iter().filter(|l| l.norm().is_some()).count() >= 2);
    assert!(doc.lines.iter().any(|l| l.funding.len() > 1));
    for p in [Priority::Protected, Priority::Essential, Priority::Flexible] {
        assert!(doc.lines.iter().any(|l| l.priority == p), "{p:?}");
    }
    assert!(doc.lines.iter().filter(|l| l.cut_rank.is_some()).count() >= 2);
    // A swap opportunity: supplies on the general fund, which Title I could pay for.
    let supplies = doc.lines.iter().find(|l| l.id == "supplies").unwrap();
    assert_eq!(supplies.funding[0].source, "gf");
    assert!(title1
        .allowed
        .as_ref()
        .unwrap()
        .iter()
        .any(|t| supplies.has_tag(t)));
    let nurse = doc.lines.iter().find(|l| l.id == "nurse").unwrap();
    match &nurse.kind {
        LineKind::Position(p) => assert!(p.fte < Decimal::ONE && p.fte_step == dec("0.2")),
        LineKind::Item { .. } => panic!("nurse is a position"),
    }
}

#[test]
fn sample_round_trips_through_to_json() {
    let doc = sample_document();
    let text = to_json(&doc);
    assert_eq!(parse_document(&text), Ok(doc));
}
