#!/usr/bin/env bash
# Release build of the app into dist/ with the pinned tools (offline mode so
# a missing or mismatched tool fails at once with a clear message).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cargo fetch --quiet
TRUNK_OFFLINE=true trunk build --release "$@"
# The service worker's precache list: every file under dist/ at the end of
# the build (keep this the last step, after any other build into dist/).
node scripts/precache.mjs dist
