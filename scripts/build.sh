#!/usr/bin/env bash
# Release build of the app into dist/ with the pinned tools (offline mode so
# a missing or mismatched tool fails at once with a clear message).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cargo fetch --quiet
TRUNK_OFFLINE=true trunk build --release "$@"

# --- office bundle (issue 6) -------------------------------------------------
# The office (merge, dashboard, CSV/XLSX, print) is its own crate and wasm
# bundle, built into dist/office/ and served at /office/, so none of its code
# reaches the respondent app's first load. Runs after the app build because
# trunk empties its --dist directory.
TRUNK_OFFLINE=true trunk build office/index.html --release --dist dist/office --public-url /office/
# --- end office bundle -------------------------------------------------------

# The service worker's precache list: every file under dist/ at the end of
# the build (keep this the last step, after any other build into dist/).
node scripts/precache.mjs dist
