//! Benchmark: `evaluate` (baseline, scenario, cut plan, flexibility, comparison) on
//! generated budgets of 100, 1,000 and 10,000 lines under a 10%-fewer-pupils scenario
//! that forces cuts in several sources. Target: 1,000 lines in at most 1 ms natively.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use rust_decimal::Decimal;
use sitebudget_core::engine::{evaluate, project};
use sitebudget_core::model::{Allocation, Band, Basis, Document, Source, Tier};

#[path = "support/budget.rs"]
mod support;
use support::{budget, scenario};

fn bench_evaluate(c: &mut Criterion) {
    let mut group = c.benchmark_group("evaluate");
    for n in [100usize, 1_000, 10_000] {
        let doc = budget(n);
        let sc = scenario();
        let ev = evaluate(&doc, &sc).expect("bench budget evaluates");
        assert!(
            !ev.plan.cuts.is_empty(),
            "the bench scenario should need cuts"
        );
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &doc, |b, doc| {
            b.iter(|| evaluate(black_box(doc), black_box(&sc)))
        });
    }
    group.finish();
    // The levers with something to compute: a 60-tier Title I (tier search, forms to the
    // next tier) and a banded norm, on the 1,000-line budget.
    let mut group = c.benchmark_group("evaluate-levers");
    let doc = levers_budget(1_000);
    let sc = scenario();
    let ev = evaluate(&doc, &sc).expect("levers budget evaluates");
    assert_eq!(ev.levers.forms_to_tier.len(), 1);
    assert!(ev.levers.form_worth.is_some());
    group.bench_function("1000", |b| {
        b.iter(|| evaluate(black_box(&doc), black_box(&sc)))
    });
    group.finish();
    let mut group = c.benchmark_group("project-3-years");
    let doc = budget(1_000);
    let sc = scenario();
    group.bench_function("1000", |b| {
        b.iter(|| project(black_box(&doc), black_box(&sc), 3))
    });
    group.finish();
}

/// The bench budget with a tiered Title I ($558.75 at 99%, $5.50 less a point down to
/// 40%) and an assistant principal by bands (0.5 FTE from 1 pupil, 1 from 500).
fn levers_budget(n: usize) -> Document {
    let mut doc = budget(n);
    doc.sources.push(Source {
        id: "title1-tiered".into(),
        name: "Title I".into(),
        restricted: true,
        one_time: false,
        allocation: Allocation::Tiered {
            basis: Basis::Enrollment,
            tiers: (40..=99i64)
                .map(|p| Tier {
                    at_least: Decimal::new(p, 2),
                    rate: Decimal::new(55875, 2) - Decimal::new(550, 2) * Decimal::from(99 - p),
                })
                .collect(),
        },
        allowed: Some(vec!["intervention".into()]),
        set_asides: Vec::new(),
    });
    let mut ap = doc.norms[0].clone();
    ap.id = "ap".into();
    ap.bands = vec![
        Band {
            from: 1,
            fte: Decimal::new(5, 1),
        },
        Band {
            from: 500,
            fte: Decimal::ONE,
        },
    ];
    doc.norms.push(ap);
    doc
}

criterion_group!(benches, bench_evaluate);
criterion_main!(benches);
