//! Times the network rows the way the page computes them, in CPU time (so a busy machine
//! still gives a fair figure): a 60-line school, and rounds of 1,000 such schools under
//! a network change that moves as a slider does. Run with
//! `cargo run --release -p sitebudget-core --example network_timing [dir]`, where `dir`
//! holds a network written by `node scripts/gen-network.mjs 1000 dir` (timed too).

use std::rc::Rc;
use std::time::Instant;

use rust_decimal::Decimal;
use sitebudget_core::engine::{network_total, school_row, PreparedSchool, SchoolRow};
use sitebudget_core::io::network::read_network;
use sitebudget_core::io::parse_document;
use sitebudget_core::model::{Document, SchoolEntry};

#[allow(dead_code)]
#[path = "../benches/support/budget.rs"]
mod support;

/// This thread's CPU time in nanoseconds (Linux), or wall time where it cannot be read.
fn cpu_ns(start: &Instant) -> u128 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or_else(|| start.elapsed().as_nanos())
}

/// The same district as benches/network.rs.
fn district(n: usize) -> Vec<Document> {
    let base = support::budget(60);
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
            doc
        })
        .collect()
}

fn percentile(sorted: &[u128], p: usize) -> u128 {
    sorted
        .get((sorted.len().saturating_sub(1)) * p / 100)
        .copied()
        .unwrap_or(0)
}

/// The budgets of a generated network in `dir` (see scripts/gen-network.mjs).
fn generated(dir: &str) -> Vec<Document> {
    let dir = std::path::Path::new(dir);
    let text = std::fs::read_to_string(dir.join("network.json")).unwrap_or_default();
    let Ok(file) = read_network(&text) else {
        return Vec::new();
    };
    file.schools
        .into_iter()
        .filter_map(|e| match e {
            SchoolEntry::Src(src) => std::fs::read_to_string(dir.join(src))
                .ok()
                .and_then(|t| parse_document(&t).ok()),
            SchoolEntry::Inline(doc) => doc.ok(),
        })
        .collect()
}

/// Median and p95 CPU time of 40 slider moves (−1% … −20%) over prepared schools.
fn moves(clock: &Instant, name: &str, prepared: &[PreparedSchool]) {
    let mut rounds = Vec::new();
    for m in 0..40i64 {
        let change = Decimal::new(-1 - (m % 20), 2);
        let t0 = cpu_ns(clock);
        let rows: Vec<SchoolRow> = prepared.iter().filter_map(|p| p.row(change).ok()).collect();
        let refs: Vec<&SchoolRow> = rows.iter().collect();
        std::hint::black_box(network_total(&refs));
        rounds.push(cpu_ns(clock) - t0);
    }
    rounds.sort_unstable();
    let n = prepared.len().max(1) as f64;
    println!(
        "{name}, {} schools, PreparedSchool::row: median {:.1} ms, p95 {:.1} ms ({:.1} µs a school)",
        prepared.len(),
        percentile(&rounds, 50) as f64 / 1e6,
        percentile(&rounds, 95) as f64 / 1e6,
        percentile(&rounds, 50) as f64 / 1e3 / n
    );
}

fn main() {
    let clock = Instant::now();
    if let Some(dir) = std::env::args().nth(1) {
        let t0 = cpu_ns(&clock);
        let docs = generated(&dir);
        println!(
            "reading the generated network ({} budgets, files read and validated): {:.1} ms",
            docs.len(),
            (cpu_ns(&clock) - t0) as f64 / 1e6
        );
        let t0 = cpu_ns(&clock);
        let prepared: Vec<PreparedSchool> = docs
            .into_iter()
            .map(|d| PreparedSchool::new(Rc::new(d)))
            .collect();
        println!(
            "preparing the generated network: {:.1} ms",
            (cpu_ns(&clock) - t0) as f64 / 1e6
        );
        moves(&clock, "generated network", &prepared);
        if std::env::args().nth(2).as_deref() == Some("only") {
            return;
        }
    }
    let schools = district(1_000);
    let docs: Vec<Rc<Document>> = schools.iter().cloned().map(Rc::new).collect();
    // One 60-line school, many times.
    let one = support::budget(60);
    let change = Decimal::new(-8, 2);
    let prepared_one = PreparedSchool::new(Rc::new(one.clone()));
    let time_one = |name: &str, f: &dyn Fn() -> bool| {
        let n = 20_000;
        let t0 = cpu_ns(&clock);
        let mut ok = 0;
        for _ in 0..n {
            ok += u32::from(f());
        }
        let per = (cpu_ns(&clock) - t0) as f64 / f64::from(n) / 1000.0;
        println!("one 60-line school, {name}: {per:.1} µs ({ok} rows)");
    };
    time_one("school_row", &|| school_row(&one, change).is_ok());
    time_one("PreparedSchool::row", &|| prepared_one.row(change).is_ok());
    // 1,000 schools per slider move: −1% … −20% and back, 40 moves.
    let t0 = cpu_ns(&clock);
    let prepared: Vec<PreparedSchool> = docs.iter().cloned().map(PreparedSchool::new).collect();
    println!(
        "preparing 1,000 schools: {:.1} ms",
        (cpu_ns(&clock) - t0) as f64 / 1e6
    );
    for (name, prepared_rows) in [("school_row", false), ("PreparedSchool::row", true)] {
        let mut rounds = Vec::new();
        for m in 0..40i64 {
            let change = Decimal::new(-1 - (m % 20), 2);
            let t0 = cpu_ns(&clock);
            let rows: Vec<SchoolRow> = if prepared_rows {
                prepared.iter().filter_map(|p| p.row(change).ok()).collect()
            } else {
                schools
                    .iter()
                    .filter_map(|d| school_row(d, change).ok())
                    .collect()
            };
            let refs: Vec<&SchoolRow> = rows.iter().collect();
            let total = network_total(&refs);
            rounds.push(cpu_ns(&clock) - t0);
            assert_eq!(total.schools, 1_000);
        }
        rounds.sort_unstable();
        println!(
            "1,000 schools, {name}: median {:.1} ms, p95 {:.1} ms ({:.1} µs a school)",
            percentile(&rounds, 50) as f64 / 1e6,
            percentile(&rounds, 95) as f64 / 1e6,
            percentile(&rounds, 50) as f64 / 1e6
        );
    }
}
