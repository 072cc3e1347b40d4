#!/usr/bin/env bash
# Builds the release bundle into dist/ for static hosting and prints its gzip sizes
# (exiting non-zero if the first load passes the ceiling in scripts/size-ceiling.json).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
trunk build --release "$@"
node scripts/sizes.mjs dist
