// Search quality of our engine compiled to WebAssembly, in headless Chromium, on the
// benchmark's generated corpus of 1,000 items (bench/search, quality-only mode): success@10
// of at least 0.99 for clean queries, 0.98 with one typo, 0.85 with two, and every
// multilingual probe in the top 10. Quality is deterministic, so it is asserted; timings are
// printed, never asserted (this machine may be busy). Needs target/bench-engine/, which
// scripts/build-search-engine.sh builds. The full comparison with other engines is not run here.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const wasm = fileURLToPath(new URL("../../target/bench-engine/egov_search_bench_bg.wasm", import.meta.url));

test("our engine meets the issue's quality thresholds on 1,000 generated items", async (t) => {
  assert.ok(
    existsSync(wasm),
    "target/bench-engine/ is missing our engine compiled to WebAssembly: run " +
      "scripts/build-search-engine.sh (scripts/test.sh and scripts/bench-search.sh do)",
  );
  const { main } = await import("../../bench/search/run.mjs");
  const { report, failures } = await main(["--quality-only"]);
  const ours = report.results.find((r) => r.engine === "ours" && r.items === 1000);
  assert.ok(ours?.quality, "no quality result for our engine");
  const m = ours.median;
  t.diagnostic(
    `timings, not asserted: searchable ${m.searchableMs.toFixed(0)} ms; keystroke p50 ` +
      `${m.p50.toFixed(2)} ms, p95 ${m.p95.toFixed(2)} ms, max ${m.max.toFixed(1)} ms ` +
      `over ${ours.keystrokes} keystrokes`,
  );
  for (const [name, c] of Object.entries(ours.quality.classes)) {
    t.diagnostic(`success@10 ${name}: ${c.share?.toFixed(3)} (${c.found} of ${c.tried})`);
  }
  t.diagnostic(`probes: ${ours.quality.probes.passed} of ${ours.quality.probes.total}`);
  assert.deepEqual(failures, []);
});
