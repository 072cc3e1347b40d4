#!/usr/bin/env bash
# Builds the release bundle into dist/ for static hosting and prints its gzip sizes.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
trunk build --release "$@"
node scripts/sizes.mjs dist
