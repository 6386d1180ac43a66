#!/usr/bin/env bash
# Release build into dist/ with the pinned tools (offline mode so a missing
# or mismatched tool fails at once with a clear message): the app, the
# staff bundle into dist/staff/, the office bundle into dist/office/, then
# the service worker's precache list.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# Size (docs/SIZE.md): when the standard library's sources are installed
# (rustup's rust-src, added by scripts/install-tools.sh), std is rebuilt for
# this build with panic=immediate-abort: a panic becomes a bare trap, and the
# panic message and formatting machinery leave the bundle (about −31 KB gzip).
# Stable rustc accepts these unstable flags under RUSTC_BOOTSTRAP=1, set here
# for this command only: native and browser tests never see them. Without
# rust-src, or CANVASS_PLAIN_STD=1, or if that build fails, the standard
# library is used as shipped.
release_build() {
  if [ "${CANVASS_PLAIN_STD:-}" != 1 ] && [ -f "$(rustc --print sysroot)/lib/rustlib/src/rust/library/std/Cargo.toml" ]; then
    echo "[build] path: std rebuilt with panic=immediate-abort (build-std): trunk build $*"
    if (
      export RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort
      # Merged with the rustflags of .cargo/config.toml, not replacing them.
      export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
      cargo fetch --quiet --target wasm32-unknown-unknown
      TRUNK_OFFLINE=true trunk build "$@" --release
    ); then return 0; fi
    echo "[build] the build-std build failed; building again with the shipped standard library" >&2
  fi
  echo "[build] path: standard library as shipped: trunk build $*"
  cargo fetch --quiet
  TRUNK_OFFLINE=true trunk build "$@" --release
}

release_build "$@"

# --- staff bundle (docs/SIZE.md) --------------------------------------------
# The staff pages (staff menu, visits, visit form, response list,
# follow-ups) are their own entry crate (staff/) over the app crate, built
# into dist/staff/ and served at /staff/, so the respondent's first load
# carries none of them. Precached with the app (scripts/precache.mjs).
release_build staff/index.html --dist dist/staff --public-url /staff/
# --- end staff bundle -------------------------------------------------------

# --- office bundle (issue 6) -------------------------------------------------
# The office (merge, dashboard, CSV/XLSX, print) is its own crate and wasm
# bundle, built into dist/office/ and served at /office/, so none of its code
# reaches the respondent app's first load. Runs after the app build because
# trunk empties its --dist directory.
release_build office/index.html --dist dist/office --public-url /office/
# --- end office bundle -------------------------------------------------------

# The JS glue of the app and staff bundles minified with terser (trunk's
# minifier leaves much of it), their integrity hashes rewritten; before the
# precache list, which hashes the final files.
node scripts/minify-glue.mjs dist dist/staff

# The service worker's precache list: every file under dist/ at the end of
# the build (keep this the last step, after any other build into dist/).
node scripts/precache.mjs dist
