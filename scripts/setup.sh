#!/usr/bin/env bash
# Installs what building and testing SiteBudget needs, skipping whatever is already there,
# so a second run takes seconds. Sourced by serve.sh and test.sh.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
TRUNK_VERSION=0.21.14
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
# LibreOffice Calc, headless: the end-to-end tests check the exports in a real spreadsheet.
command -v soffice >/dev/null 2>&1 || need_apt+=(libreoffice-calc-nogui)
if [ ${#need_apt[@]} -gt 0 ]; then
  say "installing ${need_apt[*]} (Debian packages)"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "building Trunk $TRUNK_VERSION from source (about 9 minutes, once)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# wasm-bindgen-cli must match the wasm-bindgen that Cargo.lock pins, exactly.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WBG_VERSION" ]; then
  say "building wasm-bindgen-cli $WBG_VERSION (about 4 minutes, once)"
  # --locked first; its lock file can name a crate release the registry no longer serves.
  cargo install --locked wasm-bindgen-cli --version "$WBG_VERSION" \
    || cargo install --force wasm-bindgen-cli --version "$WBG_VERSION"
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
  || [ ! -d node_modules/axe-core ] || [ ! -d node_modules/lighthouse ]; then
  say "installing node tools (binaryen's wasm-opt, playwright-core, axe-core, lighthouse)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# Trunk uses the wasm-bindgen and wasm-opt on PATH instead of downloading its own.
export TRUNK_OFFLINE=true
