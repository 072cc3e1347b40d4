#!/usr/bin/env bash
# The quick gate before the full test command: formatting, clippy on both targets with
# warnings as errors, and the native tests of the core. Warm, it takes about a minute.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }

rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

step "rustfmt"
cargo fmt --all -- --check

step "clippy, native (core and shell)"
cargo clippy --workspace --all-targets --quiet -- -D warnings

step "clippy, wasm32 (the browser shell and the file worker)"
cargo clippy --target wasm32-unknown-unknown -p sitebudget --all-targets --quiet -- -D warnings

step "native tests (core: engine, edits, files, views, app state, layers)"
cargo test --workspace --all-targets --quiet
