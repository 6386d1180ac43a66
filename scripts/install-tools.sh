#!/usr/bin/env bash
# Installs every tool Canvass needs, skipping what is already present at the
# right version. Idempotent and non-interactive; works as root on a machine
# that reaches only the package registries (crates.io, npm, Debian).
#   scripts/install-tools.sh          build tools (wasm target, trunk, wasm-bindgen-cli, wasm-opt)
#   scripts/install-tools.sh --test   the same plus Chromium, chromedriver, CJK fonts, playwright-core
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# The wasm-bindgen CLI must equal the wasm-bindgen crate in Cargo.lock.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock 2>/dev/null || true)
WBG_VERSION=${WBG_VERSION:-0.2.130}

export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The standard library's sources: scripts/build.sh rebuilds std for the
# release wasm with panic=immediate-abort (smaller bundle). Optional: without
# them the build uses the shipped std, so a failure here only warns.
if ! rustup component list --installed 2>/dev/null | grep -qx rust-src; then
  log "adding rust-src (smaller release wasm)"
  rustup component add rust-src || log "rust-src unavailable: release builds use the shipped standard library"
fi

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (takes ~9 min cold)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WBG_VERSION"; then
  log "installing wasm-bindgen-cli $WBG_VERSION (takes ~3 min cold)"
  # Not --locked: a locked dependency of the CLI is missing from the registry.
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --force
fi

if ! node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q version_132 || [ ! -d node_modules/playwright-core ] \
    || ! node_modules/.bin/terser --version 2>/dev/null | grep -q '5\.51\.2'; then
  log "installing npm packages (binaryen, playwright-core, terser)"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error; else npm install --no-audit --no-fund --loglevel=error; fi
fi

if [ "${1:-}" = "--test" ]; then
  need=()
  command -v chromium >/dev/null || need+=(chromium)
  command -v chromedriver >/dev/null || need+=(chromium-driver)
  fc-list 2>/dev/null | grep -qi "noto sans cjk" || need+=(fonts-noto-cjk)
  if [ ${#need[@]} -gt 0 ]; then
    log "installing ${need[*]} from Debian"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${need[@]}"
  fi
fi
# --- office e2e (issue 6): openpyxl reads the downloaded XLSX back ----------
if [ "${1:-}" = "--test" ] && ! python3 -c "import openpyxl" 2>/dev/null; then
  log "installing openpyxl from PyPI"
  command -v pip3 >/dev/null || { export DEBIAN_FRONTEND=noninteractive; apt-get update -qq; apt-get install -y -qq python3-pip; }
  python3 -m pip install --quiet --disable-pip-version-check openpyxl 2>/dev/null \
    || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages openpyxl
fi
# --- end office e2e ----------------------------------------------------------
log "tools ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | head -1)"
