#!/usr/bin/env bash
# Builds our search engine alone for WebAssembly (bench/engine → target/bench-engine/), with
# wasm-bindgen and wasm-opt as Trunk builds the app, for the search benchmark and its quality
# check in the test command, and the deploy-time index step (tools/search-index, native, in
# target/debug/) that writes the benchmark corpus's index file. Expects the tools on PATH
# (`. scripts/setup.sh`).
set -euo pipefail
# The release profile keeps symbols (the app's route splitter needs them); wasm-opt strips
# names and producers, as the app's build does. RUSTFLAGS is emptied so that the app's
# splitter flags (.cargo/config.toml: relocations kept) stay out of this module.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# Another build may be running on a 2-core machine: wait for it rather than compete.
lock() { if command -v flock >/dev/null; then flock /tmp/egov-cargo.lock "$@"; else "$@"; fi; }
lock env RUSTFLAGS= cargo build --release --locked --target wasm32-unknown-unknown -p egov-search-bench
lock cargo build --locked -p egov-search-index
wasm-bindgen --target web --no-typescript --out-dir target/bench-engine \
  target/wasm32-unknown-unknown/release/egov_search_bench.wasm
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue --strip-debug --strip-producers \
  target/bench-engine/egov_search_bench_bg.wasm -o target/bench-engine/egov_search_bench_bg.wasm
