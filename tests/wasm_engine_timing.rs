//! The engine benchmark's work timed inside Chromium, as the page runs it (wasm).
//!
//! Not part of `scripts/test.sh` (timings are not assertions). Run with the shipped
//! profile (opt-level "z", LTO) and read the printed table:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --profile release --target wasm32-unknown-unknown --test wasm_engine_timing -- --nocapture`
#![cfg(target_arch = "wasm32")]

use sitebudget_core::engine::{evaluate, project};
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
