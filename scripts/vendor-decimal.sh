#!/usr/bin/env bash
# Recreates vendor/rust_decimal: the crates.io release that Cargo.lock pins, with one
# change. Its operator impls (`+`, `-`, `*`, `/`, `%`, checked_*) are `#[inline(always)]`,
# which pasted a copy of 96-bit decimal arithmetic at every call site: about 40 KB of
# the gzipped wasm. Here they are plain `#[inline]`, so the size-optimized build keeps
# one copy of each. Behaviour is unchanged (the same code, called instead of pasted).
# Run after `cargo update -p rust_decimal` (with the [patch] in Cargo.toml commented out).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
version=$(awk '/^name = "rust_decimal"$/ { getline; gsub(/[^0-9.]/, ""); print }' Cargo.lock)
src=$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/rust_decimal-"$version" | head -n 1)
if [ ! -d "$src" ]; then
  cargo fetch --quiet
  src=$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/rust_decimal-"$version" | head -n 1)
fi
out=vendor/rust_decimal
rm -rf "$out"
mkdir -p "$out"
cp -r "$src/src" "$src/build.rs" "$src/README.md" "$src/LICENSE" "$out/"
# The release's manifest, without the examples, tests and benches not copied here.
awk '/^\[\[(example|test|bench)\]\]$/ { skip = 1; next } /^\[/ { skip = 0 } !skip' \
  "$src/Cargo.toml" >"$out/Cargo.toml"
sed -i 's/#\[inline(always)\]/#[inline]/' "$out/src/arithmetic_impls.rs"
grep -c '#\[inline\]' "$out/src/arithmetic_impls.rs" >/dev/null
echo "vendored rust_decimal $version into $out"
