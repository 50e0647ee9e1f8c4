// Lighthouse (npm, pinned in package.json) on the built bundle, with its mobile profile
// (simulated slow 4G and a 4× slower CPU, a Moto G Power-sized screen) in Debian's Chromium.
// The bundle is served under /egov/ by the tests' static server, gzipped and with in-app
// paths rewritten to index.html (status 200), as a production host serves it.
//
//   node scripts/lighthouse.mjs [dist-dir] [--json=report-dir] [route …]
//
// prints, per route, the four category scores, LCP, CLS and TBT, the LCP element, and the
// titles of failing Accessibility, Best Practices and SEO audits. Used by
// tests/browser/lighthouse.test.mjs, which asserts Accessibility 100, Best Practices 100
// and SEO ≥ 90 on the same routes.
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { serveStatic } from "./static-server.mjs";

export const BASE = "/egov/";
export const ROUTES = [
  "/",
  "/case-studies",
  "/case-studies/government24",
  "/search?q=hometax",
  "/about",
];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu"];

/** The audits of `category` that failed (scored and below 1), as "id: title". */
function failing(lhr, category) {
  return lhr.categories[category].auditRefs
    .filter((ref) => {
      const audit = lhr.audits[ref.id];
      return audit.score !== null && audit.score < 1 && ["binary", "numeric"].includes(audit.scoreDisplayMode);
    })
    .map((ref) => `${ref.id}: ${lhr.audits[ref.id].title}${ref.weight ? "" : " (weight 0: not in the score)"}`);
}

/**
 * The LCP element as the trace names it ("P class='card-summary'"), and when it was painted
 * in the observed (unthrottled) load. Lighthouse 12.2's own diagnostic fails on the traces of
 * newer Chromium versions ("Cannot read properties of undefined (reading 'frame_sequence')").
 */
function lcpFromTrace(artifacts, lhr) {
  const origin = lhr.audits.metrics?.details?.items?.[0]?.observedTimeOriginTs;
  const candidates = (artifacts?.Trace?.traceEvents ?? []).filter(
    (e) => e.name === "largestContentfulPaint::Candidate" && e.args?.data?.isOutermostMainFrame,
  );
  const last = candidates.at(-1);
  if (!last || origin === undefined) return null;
  return `${last.args.data.nodeName} (${last.args.data.size} px², painted at ${Math.round((last.ts - origin) / 1000)} ms unthrottled; candidate ${candidates.length})`;
}

/** What one Lighthouse run found: scores 0–100, metrics in ms, failing audits. */
function summarise(route, lhr, artifacts) {
  const score = (id) => Math.round((lhr.categories[id].score ?? 0) * 100);
  const lcpAudit = lhr.audits["largest-contentful-paint-element"];
  const lcpElement = lcpAudit?.details?.items?.[0]?.items?.[0]?.node;
  const traced = lcpFromTrace(artifacts, lhr);
  return {
    route,
    finalUrl: lhr.finalDisplayedUrl,
    runtimeError: lhr.runtimeError?.message,
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    seo: score("seo"),
    fcp: lhr.audits["first-contentful-paint"].numericValue,
    lcp: lhr.audits["largest-contentful-paint"].numericValue,
    cls: lhr.audits["cumulative-layout-shift"].numericValue,
    tbt: lhr.audits["total-blocking-time"].numericValue,
    speedIndex: lhr.audits["speed-index"].numericValue,
    lcpElement: lcpElement
      ? `${lcpElement.selector} "${(lcpElement.nodeLabel ?? "").slice(0, 60)}"`
      : (traced ?? `unknown (${lcpAudit?.errorMessage ?? "no element"})`),
    failing: {
      accessibility: failing(lhr, "accessibility"),
      bestPractices: failing(lhr, "best-practices"),
      seo: failing(lhr, "seo"),
    },
    lhr,
  };
}

/**
 * Audits `routes` of the bundle in `dist`, one Lighthouse run each in one Chromium. With
 * `jsonDir`, writes each full report there as JSON (open it in the Lighthouse viewer).
 */
export async function auditRoutes({ dist = "dist", routes = ROUTES, jsonDir } = {}) {
  if (!existsSync(join(dist, "index.html"))) {
    throw new Error(`${dist}/index.html is missing: build with scripts/build-release.sh --public-url ${BASE}`);
  }
  const server = await serveStatic(dist, BASE, { compress: true, rewrite: true });
  // Compress every file once before measuring, as a host serves them from its cache.
  for (const file of readdirSync(dist, { recursive: true })) {
    if (statSync(join(dist, file)).isFile()) {
      await fetch(server.url + file.split(sep).join("/"), { headers: { "accept-encoding": "gzip" } }).then((r) => r.arrayBuffer());
    }
  }
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    chromeFlags: CHROME_FLAGS,
  });
  const results = [];
  try {
    for (const route of routes) {
      const url = server.url + route.replace(/^\//, "");
      const runner = await lighthouse(url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: CATEGORIES,
      });
      const summary = summarise(route, runner.lhr, runner.artifacts);
      results.push(summary);
      if (jsonDir) {
        mkdirSync(jsonDir, { recursive: true });
        const name = route.replace(/^\/$/, "home").replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "");
        writeFileSync(join(jsonDir, `${name}.json`), runner.report);
      }
    }
  } finally {
    await chrome.kill();
    await server.close();
  }
  return results;
}

/** One route's result as text lines. */
export function format(result) {
  const ms = (value) => `${Math.round(value)} ms`;
  const lines = [
    `${result.route}`,
    `  Performance ${result.performance} · Accessibility ${result.accessibility} · Best Practices ${result.bestPractices} · SEO ${result.seo}`,
    `  FCP ${ms(result.fcp)} · LCP ${ms(result.lcp)} · CLS ${result.cls.toFixed(3)} · TBT ${ms(result.tbt)} · Speed Index ${ms(result.speedIndex)}`,
    `  LCP element: ${result.lcpElement}`,
  ];
  if (result.runtimeError) lines.push(`  runtime error: ${result.runtimeError}`);
  for (const [category, audits] of Object.entries(result.failing)) {
    for (const audit of audits) lines.push(`  failing (${category}): ${audit}`);
  }
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const jsonArg = args.find((a) => a.startsWith("--json="));
  const positional = args.filter((a) => !a.startsWith("--"));
  const isDir = (path) => existsSync(path) && statSync(path).isDirectory();
  const dist = positional[0] && isDir(positional[0]) ? positional.shift() : "dist";
  const routes = positional.length ? positional : ROUTES;
  const results = await auditRoutes({
    dist,
    routes,
    jsonDir: jsonArg ? resolve(jsonArg.slice("--json=".length)) : undefined,
  });
  for (const result of results) console.log(format(result) + "\n");
}
