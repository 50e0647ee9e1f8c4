#!/usr/bin/env bash
# The search benchmark of issue #4, in one command: builds our search engine for WebAssembly
# (bench/engine, with wasm-bindgen and wasm-opt as for the app), then runs
# bench/search/run.mjs, which compares it with MiniSearch, FlexSearch and Pagefind in
# headless Chromium and writes target/bench/search-results.{json,md}. Arguments go to
# run.mjs: --items 1000,10000 (default both), --runs N (default 3), --latency-queries N[,N],
# --engines ours,minisearch,flexsearch,pagefind, --quality-only (our engine, 1,000 items,
# fails below the issue's quality thresholds; writes target/bench/search-quality.*).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. scripts/setup.sh >/dev/null

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "our engine for WebAssembly (target/bench-engine/)"
scripts/build-search-engine.sh

step "benchmark (headless Chromium)"
node bench/search/run.mjs "$@"
