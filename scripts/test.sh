#!/usr/bin/env bash
# Runs every test of e-Gov Companion, installing what is missing first (scripts/setup.sh):
# formatting, lints on host and wasm32, docs and native tests of the whole workspace (the
# pure core, crates/egov-core, above all), that the fuzz targets compile, release builds
# under a sub-path and at the root, the debug build serve.sh makes, browser tests of those
# builds in headless Chromium, and the size report.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. scripts/setup.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format"
cargo fmt --all -- --check

step "lints (host)"
cargo clippy --workspace --all-targets --locked -- -D warnings
step "lints (wasm32)"
cargo clippy --workspace --all-targets --locked --target wasm32-unknown-unknown -- -D warnings

step "docs"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --document-private-items --locked --quiet

step "native tests"
cargo test --workspace --locked

step "fuzz targets compile (fuzz/ is its own workspace; scripts/fuzz.sh runs them)"
# Shares the workspace's target directory, so the core's dependencies are built once.
cargo check --quiet --manifest-path fuzz/Cargo.toml --bins --target-dir target

step "release builds (scripts/build-release.sh): under the sub-path /egov/, and at the root of a host"
dist="$root/target/test-dist"
root_dist="$root/target/test-dist-root"
scripts/build-release.sh --public-url /egov/ --dist "$dist"
scripts/build-release.sh --dist "$root_dist"
step "debug build, as ./scripts/serve.sh (trunk serve) makes it"
debug_dist="$root/target/test-dist-debug"
trunk build --offline --dist "$debug_dist"

step "the search engine alone, for the benchmark's quality check (bench/engine)"
scripts/build-search-engine.sh

step "search engine code size (bench/search-size, printed)"
scripts/search-code-size.sh

step "browser tests (headless Chromium, the built bundles on a static file server)"
DIST_DIR="$dist" ROOT_DIST_DIR="$root_dist" DEBUG_DIST_DIR="$debug_dist" node --test --test-concurrency=1 tests/browser/

step "size report"
node scripts/size-report.mjs "$dist"
