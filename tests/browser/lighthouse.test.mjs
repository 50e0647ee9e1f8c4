// Lighthouse's mobile audit (scripts/lighthouse.mjs) of the main kinds of route: asserts
// Accessibility 100, Best Practices 100 and SEO ≥ 90. Performance, LCP, CLS and TBT are
// printed, never asserted: Lighthouse simulates a slow phone from a trace of this machine,
// so they move with its load (targets: Performance ≥ 98, LCP ≤ 1.5 s, CLS 0).
import { test } from "node:test";
import assert from "node:assert/strict";
import { auditRoutes, format, ROUTES } from "../../scripts/lighthouse.mjs";
import { DIST, chromiumPath } from "./harness.mjs";

test("Lighthouse (mobile): Accessibility 100, Best Practices 100, SEO ≥ 90 on every kind of route", async () => {
  process.env.CHROME_PATH ??= chromiumPath();
  const results = await auditRoutes({ dist: DIST, routes: ROUTES });
  const problems = [];
  for (const result of results) {
    console.log(format(result));
    const targets = [
      result.performance < 98 && `Performance ${result.performance} < 98`,
      result.lcp > 1500 && `LCP ${Math.round(result.lcp)} ms > 1500 ms`,
      result.cls > 0 && `CLS ${result.cls.toFixed(3)} > 0`,
    ].filter(Boolean);
    if (targets.length) console.log(`  below target (not asserted): ${targets.join(", ")}`);
    if (result.runtimeError) problems.push(`${result.route}: ${result.runtimeError}`);
    if (result.accessibility !== 100) problems.push(`${result.route}: Accessibility ${result.accessibility}: ${result.failing.accessibility.join("; ")}`);
    if (result.bestPractices !== 100) problems.push(`${result.route}: Best Practices ${result.bestPractices}: ${result.failing.bestPractices.join("; ")}`);
    if (result.seo < 90) problems.push(`${result.route}: SEO ${result.seo}: ${result.failing.seo.join("; ")}`);
  }
  assert.deepEqual(problems, []);
});
