#!/usr/bin/env bash
# One command: install what is missing, build the release, serve it with the
# bundled sample surveys on http://127.0.0.1:8080 (PORT=… to change).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-tools.sh
scripts/build.sh
exec node tests/e2e/server.mjs dist
