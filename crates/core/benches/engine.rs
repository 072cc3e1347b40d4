//! Benchmark: `evaluate` (baseline, scenario, cut plan, flexibility, comparison) on
//! generated budgets of 100, 1,000 and 10,000 lines under a 10%-fewer-pupils scenario
//! that forces cuts in several sources. Target: 1,000 lines in at most 1 ms natively.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use sitebudget_core::engine::{evaluate, project};

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
    let mut group = c.benchmark_group("project-3-years");
    let doc = budget(1_000);
    let sc = scenario();
    group.bench_function("1000", |b| {
        b.iter(|| project(black_box(&doc), black_box(&sc), 3))
    });
    group.finish();
}

criterion_group!(benches, bench_evaluate);
criterion_main!(benches);
