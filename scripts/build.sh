#!/usr/bin/env bash
# Release build of the app into dist/ with the pinned tools (offline mode so
# a missing or mismatched tool fails at once with a clear message).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cargo fetch --quiet
TRUNK_OFFLINE=true trunk build --release "$@"
