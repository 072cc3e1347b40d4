#!/usr/bin/env bash
# Serves SiteBudget at http://127.0.0.1:8080 with the sample school loaded.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
echo "SiteBudget: open http://127.0.0.1:8080 (Ctrl+C to stop)"
exec trunk serve --release "$@"
