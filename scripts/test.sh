#!/usr/bin/env bash
# Runs every SiteBudget test: native engine and import tests, browser component tests in
# headless Chromium, the release build with its gzip sizes (failing over the first-load
# ceiling in scripts/size-ceiling.json), and end-to-end page tests.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

step() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }

step "native tests (engine, import and export, formats)"
cargo test --workspace --all-targets --quiet

step "browser tests (wasm-bindgen-test in headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --target wasm32-unknown-unknown -p sitebudget --test 'browser_*'

step "release build and bundle size (fails over scripts/size-ceiling.json)"
trunk build --release --quiet
node scripts/sizes.mjs dist

step "end-to-end tests (built dist/ served on localhost, driven in Chromium)"
node --test --test-concurrency=1 tests/e2e/
