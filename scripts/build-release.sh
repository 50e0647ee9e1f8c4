#!/usr/bin/env bash
# The release build that is deployed and tested: `trunk build --release --offline` with the
# app's WebAssembly compiled by a pinned nightly Rust (`EGOV_RELEASE_TOOLCHAIN`, installed by
# scripts/setup.sh) that builds the standard library for the app (`-Zbuild-std`) with panics
# that abort at once (`-Cpanic=immediate-abort`): no panic messages, locations or their
# formatting in the app, about 17 KB brotli less code before a page responds (README, Size).
# A panic then traps exactly as `panic = "abort"` does today (the page's shell shows its
# notice); the app sets no panic hook, so no message is lost. Everything else (native tests,
# lints, the build's own native tools, the debug build) uses the default stable toolchain.
# Arguments go to Trunk: `--public-url /egov/`, `--dist DIR`. Plain `trunk build --release`
# still makes a working bundle with the stable toolchain, only larger.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. scripts/setup.sh
# The target-specific flags are added to .cargo/config.toml's (relocations, erased views).
exec env RUSTUP_TOOLCHAIN="$EGOV_RELEASE_TOOLCHAIN" \
  CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" \
  trunk build --release --offline "$@"
