#!/usr/bin/env bash
# How much the search engine adds to the app's WebAssembly, in bytes gzip -9: builds
# bench/search-size for wasm32 with the app's release profile, with and without its
# `search` feature, runs wasm-bindgen and wasm-opt as Trunk does, and prints both sizes and
# the difference, and fails above the budget of 40 KB. Expects the tools on PATH
# (`. scripts/setup.sh`). The search page's Leptos views are not counted here; see the
# README's Size section for the app as a whole.
set -euo pipefail
# The release profile keeps symbols (the app's route splitter needs them); wasm-opt strips
# names and producers, as the app's build does. RUSTFLAGS is emptied so that the app's
# splitter flags (.cargo/config.toml: relocations kept) stay out of this module.
# A failed build inside `$(size …)` must stop the script, not go on with an older file.
shopt -s inherit_errexit
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
lock() { if command -v flock >/dev/null; then flock /tmp/egov-cargo.lock "$@"; else "$@"; fi; }
out="$root/target/search-size"
mkdir -p "$out"
size() {
  local name="$1"
  shift
  rm -f target/wasm32-unknown-unknown/release/egov_search_size.wasm
  lock env RUSTFLAGS= cargo build --quiet --release --locked --target wasm32-unknown-unknown -p egov-search-size "$@"
  wasm-bindgen --target web --no-typescript --out-dir "$out/$name" \
    target/wasm32-unknown-unknown/release/egov_search_size.wasm
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue --strip-debug --strip-producers \
    "$out/$name/egov_search_size_bg.wasm" -o "$out/$name/optimised.wasm"
  gzip -9c "$out/$name/optimised.wasm" | wc -c
}
without=$(size without)
with=$(size with --features search)
target=40000
printf 'content only: %s B gzip\nwith search:  %s B gzip\nsearch engine: %s B gzip (target %s)\n' \
  "$without" "$with" "$((with - without))" "$target"
if [ "$((with - without))" -gt "$target" ]; then
  echo "search engine code is over its budget of $target B gzip" >&2
  exit 1
fi
