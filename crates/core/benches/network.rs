//! Benchmark: one school's network row (`school_row`: its scenario, cut plan without
//! alternatives, flexible total and tightest breakpoint) for a 60-line school, and a
//! district of 1,000 such schools in a row under a network-wide 8% decline, as the
//! network page recomputes them on a slider move. Budget: 1,000 schools well inside
//! 100 ms in the browser, so natively a few tens of microseconds a school.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rust_decimal::Decimal;
use std::rc::Rc;

use sitebudget_core::engine::{network_total, school_row, PreparedSchool, SchoolRow};
use sitebudget_core::model::Document;

// The shared generator also has the engine bench's scenario, unused here.
#[allow(dead_code)]
#[path = "support/budget.rs"]
mod support;
use support::budget;

/// 1,000 schools of 60 lines, each with its own enrollment (70%–129% of the generated
/// one) and unduplicated share, so their plans differ.
fn district(n: usize) -> Vec<Document> {
    let base = budget(60);
    (0..n)
        .map(|i| {
            let mut doc = base.clone();
            let scale = Decimal::new(70 + (i % 60) as i64, 2);
            for count in doc.school.enrollment.values_mut() {
                *count = (Decimal::from(*count) * scale)
                    .round()
                    .try_into()
                    .unwrap_or(*count);
            }
            doc.school.unduplicated_pct = Decimal::new(40 + (i % 59) as i64, 2);
            doc.school.name = format!("School {i}");
            doc
        })
        .collect()
}

fn bench_network(c: &mut Criterion) {
    let change = Decimal::new(-8, 2);
    let one = budget(60);
    let row = school_row(&one, change).expect("the bench school computes");
    assert!(row.cut_fte > Decimal::ZERO, "the bench change should cut");
    let mut group = c.benchmark_group("school_row");
    group.bench_function("60 lines", |b| {
        b.iter(|| school_row(black_box(&one), black_box(change)))
    });
    group.bench_function("60 lines, no change", |b| {
        b.iter(|| school_row(black_box(&one), black_box(Decimal::ZERO)))
    });
    let prepared = PreparedSchool::new(Rc::new(one.clone()));
    assert_eq!(prepared.row(change), Ok(row));
    group.bench_function("60 lines, prepared", |b| {
        b.iter(|| prepared.row(black_box(change)))
    });
    group.finish();

    let schools = district(1_000);
    let prepared: Vec<PreparedSchool> = schools
        .iter()
        .map(|d| PreparedSchool::new(Rc::new(d.clone())))
        .collect();
    let mut group = c.benchmark_group("network");
    group.throughput(Throughput::Elements(schools.len() as u64));
    group.sample_size(20);
    group.bench_function("1000 schools x 60 lines", |b| {
        b.iter(|| {
            let rows: Vec<SchoolRow> = schools
                .iter()
                .filter_map(|d| school_row(black_box(d), black_box(change)).ok())
                .collect();
            let refs: Vec<&SchoolRow> = rows.iter().collect();
            network_total(&refs)
        })
    });
    group.bench_function("1000 schools x 60 lines, prepared", |b| {
        b.iter(|| {
            let rows: Vec<SchoolRow> = prepared
                .iter()
                .filter_map(|p| p.row(black_box(change)).ok())
                .collect();
            let refs: Vec<&SchoolRow> = rows.iter().collect();
            network_total(&refs)
        })
    });
    group.finish();
}

criterion_group!(benches, bench_network);
criterion_main!(benches);
