#!/usr/bin/env bash
# Installs what building and testing e-Gov Companion needs, skipping whatever is already
# there: the wasm32 target, Trunk, wasm-bindgen-cli (the Cargo.lock version), wasm-split-cli
# (the route splitter), the npm tools (wasm-opt from binaryen, the browser-test driver) and
# Debian's Chromium and python3-docx.
# Also the pinned nightly Rust that compiles the release build's WebAssembly
# (scripts/build-release.sh), with the standard library's sources.
# Source it (`. scripts/setup.sh`) to get the tools on PATH, or run it on its own. Sourced,
# it changes nothing in the calling shell but PATH and `EGOV_RELEASE_TOOLCHAIN`: the work
# runs in a subshell with its own `set -euo pipefail`, so a typo later in an interactive
# shell does not close it.

egov_setup_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$egov_setup_root/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# Pinned: a nightly's flags and standard library change from day to day. This one is rustc
# 1.97.0-nightly (e50aa6fba 2026-05-19).
export EGOV_RELEASE_TOOLCHAIN="nightly-2026-05-20"

egov_setup() (
set -euo pipefail
root="$egov_setup_root"

TRUNK_VERSION="0.21.14"
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$root/Cargo.lock")"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    say "need root for: $*"; return 1
  fi
}

# `grep` without -q reads all its input: with pipefail, an early exit would fail the pipe.
if ! rustup target list --installed | grep -x wasm32-unknown-unknown >/dev/null; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep "^$component" >/dev/null; then
    say "adding rustup component $component"
    rustup component add "$component"
  fi
done

# The release build's compiler (scripts/build-release.sh): a minimal nightly with the
# standard library's sources and the wasm32 target, then the crates that library depends
# on, fetched now because Trunk builds offline.
release_sysroot="$(rustup run "$EGOV_RELEASE_TOOLCHAIN" rustc --print sysroot 2>/dev/null || true)"
if [ -z "$release_sysroot" ] || [ ! -d "$release_sysroot/lib/rustlib/src/rust/library" ] ||
  [ ! -d "$release_sysroot/lib/rustlib/wasm32-unknown-unknown" ]; then
  say "installing Rust $EGOV_RELEASE_TOOLCHAIN (the release build's compiler) with rust-src and wasm32"
  rustup toolchain install "$EGOV_RELEASE_TOOLCHAIN" --profile minimal --component rust-src \
    --target wasm32-unknown-unknown --no-self-update
fi
# For the host (build scripts and macros) and for wasm32: dependencies differ by target (the
# standard library's allocator, dlmalloc, is wasm32's alone; cpufeatures the host's), and a
# fetch for either alone leaves the other's out.
(cd "$root" && RUSTUP_TOOLCHAIN="$EGOV_RELEASE_TOOLCHAIN" CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
  cargo fetch --locked --quiet --target "$(rustc -vV | awk '/^host:/ { print $2 }')" \
  --target wasm32-unknown-unknown)

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (several minutes on 2 cores)"
  # A lighter release profile for the tool itself halves the build time; same tool.
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    CARGO_PROFILE_RELEASE_OPT_LEVEL=1 \
    cargo install trunk --version "$TRUNK_VERSION" --locked
fi

WASM_SPLIT_VERSION="0.2.4"
# The tool prints no version; cargo's list of installed crates has it.
if ! cargo install --list | grep -x "wasm_split_cli_support v$WASM_SPLIT_VERSION:" >/dev/null; then
  say "installing wasm-split-cli (wasm_split_cli_support $WASM_SPLIT_VERSION), which splits the app by route"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_OPT_LEVEL=1 \
    cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (must match Cargo.lock)"
  # Not --locked: its lock file pins a dependency version that no longer resolves.
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ ! -x "$root/node_modules/.bin/wasm-opt" ] || [ ! -d "$root/node_modules/playwright-core" ] ||
  [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
  say "installing npm tools (binaryen, terser, playwright-core, axe-core, lighthouse, the benchmark's search engines) from package-lock.json"
  # No package needs an install script; none may run one.
  (cd "$root" && npm ci --ignore-scripts --no-audit --no-fund)
fi

if ! command -v chromium >/dev/null && [ ! -x /usr/bin/chromium ]; then
  say "installing Debian's chromium for the browser tests"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
fi

# The release build packs the main module for first visits with xz (scripts/post-build.mjs).
if ! command -v xz >/dev/null; then
  say "installing Debian's xz-utils (the release build packs the main module with xz)"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q xz-utils
fi

# The Word report's independent reader in the browser tests: Debian's python-docx, for
# Debian's own Python (/usr/bin/python3).
if ! /usr/bin/python3 -c "import docx" >/dev/null 2>&1; then
  say "installing Debian's python3-docx (reads the Word trip report in the browser tests)"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-docx
fi

say "tools ready: $(trunk --version), wasm-bindgen $WASM_BINDGEN_VERSION, $(wasm-opt --version | cut -d' ' -f1-3)"
)

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  egov_setup
else
  egov_setup || return 1
fi
