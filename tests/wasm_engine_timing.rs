//! The engine benchmark's work timed inside Chromium, as the page runs it (wasm).
//!
//! Not part of `scripts/test.sh` (timings are not assertions). Run with the shipped
//! profile (opt-level "z", LTO) and read the printed table:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --profile release --target wasm32-unknown-unknown --test wasm_engine_timing -- --nocapture`
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use rust_decimal::Decimal;
use sitebudget_core::engine::{evaluate, network_total, project, PreparedSchool, SchoolRow};
use wasm_bindgen_test::*;

#[path = "../crates/core/benches/support/budget.rs"]
mod support;
use support::{budget, scenario};

wasm_bindgen_test_configure!(run_in_browser);

/// `performance.now()` in milliseconds.
fn now_ms() -> f64 {
    let global = js_sys::global();
    let perf = js_sys::Reflect::get(&global, &"performance".into()).expect("performance");
    let now: js_sys::Function = js_sys::Reflect::get(&perf, &"now".into())
        .expect("performance.now")
        .into();
    now.call0(&perf).expect("now()").as_f64().expect("a number")
}

/// Median and fastest of `runs` timings of `work`, in milliseconds, after one warm-up.
fn time(runs: usize, mut work: impl FnMut()) -> (f64, f64) {
    work();
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = now_ms();
            work();
            now_ms() - start
        })
        .collect();
    times.sort_by(f64::total_cmp);
    (times[runs / 2], times[0])
}

#[wasm_bindgen_test]
fn engine_timings_in_the_browser() {
    let sc = scenario();
    console_log!("engine in Chromium (wasm): median / fastest of the runs, ms");
    for (lines, runs) in [(100usize, 50), (1_000, 30), (10_000, 9)] {
        let doc = budget(lines);
        let ev = evaluate(&doc, &sc).expect("the generated budget evaluates");
        assert!(!ev.plan.cuts.is_empty(), "the scenario needs cuts");
        let (median, fastest) = time(runs, || {
            std::hint::black_box(evaluate(&doc, &sc).is_ok());
        });
        console_log!("evaluate, {lines} lines: {median:.2} / {fastest:.2}");
    }
    let doc = budget(1_000);
    let (median, fastest) = time(15, || {
        std::hint::black_box(project(&doc, &sc, 3).is_ok());
    });
    console_log!("project 3 years, 1000 lines: {median:.2} / {fastest:.2}");
}

/// The network page's work per slider move: 1,000 prepared schools of 60 lines (the
/// engine bench's school with enrollment from 70% to 129% and varied need) recomputed
/// under a moving network change, then totalled.
#[wasm_bindgen_test]
fn network_timings_in_the_browser() {
    let base = budget(60);
    let prepared: Vec<PreparedSchool> = (0..1_000usize)
        .map(|i| {
            let mut doc = base.clone();
            let scale = Decimal::new(70 + (i % 60) as i64, 2);
            for count in doc.school.enrollment.values_mut() {
                *count = u32::try_from((Decimal::from(*count) * scale).round()).unwrap_or(*count);
            }
            doc.school.unduplicated_pct = Decimal::new(40 + (i % 59) as i64, 2);
            PreparedSchool::new(Rc::new(doc))
        })
        .collect();
    console_log!("network rows in Chromium (wasm): median / fastest of the runs, ms");
    let one = &prepared[0];
    let (median, fastest) = time(200, || {
        std::hint::black_box(one.row(Decimal::new(-8, 2)).is_ok());
    });
    console_log!("one 60-line school: {median:.3} / {fastest:.3}");
    let mut step = 0i64;
    let (median, fastest) = time(30, || {
        step += 1;
        let change = Decimal::new(-1 - (step % 20), 2);
        let rows: Vec<SchoolRow> = prepared.iter().filter_map(|p| p.row(change).ok()).collect();
        let refs: Vec<&SchoolRow> = rows.iter().collect();
        std::hint::black_box(network_total(&refs));
    });
    console_log!("1000 schools x 60 lines, one slider move: {median:.2} / {fastest:.2}");
}
