#!/usr/bin/env bash
# Fuzzes the parsers and the search query path with libFuzzer, on stable Rust.
#
#   ./scripts/fuzz.sh [seconds-per-target] [target ...]
#
# Targets (fuzz/fuzz_targets/): content, backup_import, share_code, search_query,
# search_files (the deploy-time index and stored-texts files). Each runs
# for the given time (default 600 s) seeded with tests/nasty/ and real content, and the
# script prints executions, coverage and any crash per target. The targets are in
# cargo-fuzz layout, so `cargo +nightly fuzz run content` works too where nightly exists;
# here they are built with the same libFuzzer coverage flags that stable rustc accepts.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root/fuzz"
seconds="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(content backup_import share_code search_query search_files)

export RUSTFLAGS="--cfg fuzzing -Cpasses=sancov-module \
  -Cllvm-args=-sanitizer-coverage-level=4 \
  -Cllvm-args=-sanitizer-coverage-inline-8bit-counters \
  -Cllvm-args=-sanitizer-coverage-pc-table \
  -Cllvm-args=-sanitizer-coverage-trace-compares \
  -Cdebug-assertions -Coverflow-checks"
# An explicit target keeps the coverage flags off build scripts and proc macros.
triple="$(rustc -vV | awk '/^host:/ {print $2}')"
cargo build --release --bins --target "$triple"

report="$root/target/fuzz-report.md"
mkdir -p "$root/target"
printf '| target | seconds | executions | exec/s | coverage | features | crashes |\n|---|---:|---:|---:|---:|---:|---:|\n' >"$report"
failed=0
for target in "${targets[@]}"; do
  corpus="$root/target/fuzz-corpus/$target"
  artifacts="$root/target/fuzz-artifacts/$target/"
  mkdir -p "$corpus" "$artifacts"
  # Seeds: the nasty-input corpus, plus the real content files for the content target and
  # the real index and stored-texts files for search_files.
  cp -n "$root"/tests/nasty/* "$corpus"/ 2>/dev/null || true
  if [ "$target" = content ]; then
    for file in "$root"/content/*.json; do
      [ "$(basename "$file")" = schema.json ] || printf '\000%s' "$(cat "$file")" >"$corpus/seed-$(basename "$file")"
    done
  fi
  if [ "$target" = search_files ]; then
    (cd "$root" && env -u RUSTFLAGS cargo run --quiet --locked -p egov-search-index -- content \
      "$corpus/seed-search-index.bin" "$corpus/seed-search-texts.bin" >/dev/null)
  fi
  log="$root/target/fuzz-$target.log"
  echo "== $target: $seconds s"
  status=0
  "$root/fuzz/target/$triple/release/$target" "$corpus" -max_total_time="$seconds" -max_len=65536 \
    -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$artifacts" >"$log" 2>&1 || status=$?
  runs="$(awk '/stat::number_of_executed_units/ {print $2}' "$log" | tail -1)"
  rate="$(awk '/stat::average_exec_per_sec/ {print $2}' "$log" | tail -1)"
  cov="$(grep -o 'cov: [0-9]*' "$log" | tail -1 | awk '{print $2}')"
  ft="$(grep -o 'ft: [0-9]*' "$log" | tail -1 | awk '{print $2}')"
  crashes="$(find "$artifacts" -type f | wc -l)"
  echo "   executions ${runs:-?}, ${rate:-?}/s, coverage ${cov:-?}, features ${ft:-?}, crashes $crashes (log: $log)"
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$target" "$seconds" "${runs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "$crashes" >>"$report"
  if [ "$status" != 0 ] || [ "$crashes" != 0 ]; then
    failed=1
    echo "   FAILED: see $log and $artifacts"
    grep -m5 -A5 'panicked\|ERROR' "$log" || true
  fi
done
echo
cat "$report"
exit "$failed"
