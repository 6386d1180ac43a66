#!/usr/bin/env bash
# One command: install what is missing, then run every test layer —
#   1. native: core and cli (`cargo test`), including proptest properties,
#      and the app's pure modules (`cargo test -p canvass --lib`)
#   2. browser: wasm-bindgen-test in headless Chromium (real localStorage)
#   3. end to end: the release build served from dist/ driven by Chromium
# Exits non-zero when any layer fails.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never

scripts/install-tools.sh --test || { echo "setup failed"; exit 1; }

passed=0; failed=0; failed_layers=()
layer() {
  local name=$1; shift
  echo; echo "=== layer: $name ==="
  local t0=$SECONDS
  if "$@"; then passed=$((passed + 1)); echo "=== $name: ok ($((SECONDS - t0)) s) ==="
  else failed=$((failed + 1)); failed_layers+=("$name"); echo "=== $name: FAILED ($((SECONDS - t0)) s) ==="; fi
}

layer native cargo test -p canvass-core -p canvass-cli
layer app-native cargo test -p canvass --lib
layer browser cargo test --target wasm32-unknown-unknown -p canvass
layer build scripts/build.sh
layer e2e node --test --test-concurrency=1 tests/e2e/

echo
[ ${#failed_layers[@]} -gt 0 ] && echo "failed layers: ${failed_layers[*]}"
echo "layers: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
