// First-visit benchmark: how long a new visitor on a phone waits. Serves a release build the
// way GitHub Pages does (gzip, max-age=600), opens each route in a fresh browser profile (empty
// cache) at 390×844 with the CPU slowed 4× and the network shaped like Lighthouse's slow 4G
// (150 ms, 1.6 Mbit/s down) and DevTools' 3G (300 ms, 750 kbit/s), and reports per route and
// network: first contentful paint, "interactive" (the first enabled control in <main>: the app
// has taken the page over, so Save, the note box and search respond) and the bytes transferred
// until then. The service worker is blocked (see first-visit-page.mjs). Timings vary with the machine's
// load: this prints numbers, it asserts nothing.
//
// Usage: node scripts/bench-first-visit.mjs [dist-dir] [--runs=N] [--routes=/a,/b]
//   (defaults: target/test-dist, 3 runs, the landing routes: home, an item, a list)
import { chromium } from "playwright-core";
import { mkdirSync, writeFileSync } from "node:fs";
import { serveStatic } from "./static-server.mjs";
import { chromiumPath, CHROMIUM_ARGS } from "./chromium.mjs";
import { CPU_SLOWDOWN, NETWORKS, firstVisitPage, waitForInteractive } from "./first-visit-page.mjs";

const args = process.argv.slice(2);
const dist = args.find((a) => !a.startsWith("--")) ?? "target/test-dist";
const runs = Number(args.find((a) => a.startsWith("--runs="))?.split("=")[1] ?? 3);
const BASE = "/egov/";
const ROUTES = args.find((a) => a.startsWith("--routes="))?.slice("--routes=".length).split(",") ?? [
  "/",
  "/case-studies/hometax",
  "/case-studies",
];

/** One first visit: ms to first paint and to interactive, and bytes until interactive. */
async function firstVisit(browser, url, network) {
  const { context, page, cdp } = await firstVisitPage(browser, network);
  await page.goto(url, { waitUntil: "commit" });
  await waitForInteractive(cdp);
  const result = await page.evaluate(() => {
    const paint = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN;
    const interactive = window.egovInteractive;
    const entries = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")];
    const bytes = entries.filter((e) => e.startTime <= interactive).reduce((sum, e) => sum + (e.transferSize || 0), 0);
    return { paint, interactive, bytes };
  });
  await context.close();
  return result;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const server = await serveStatic(dist, BASE, { host: "github" });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const rows = [];
try {
  for (const route of ROUTES) {
    for (const [name, network] of Object.entries(NETWORKS)) {
      const samples = [];
      for (let run = 0; run < runs; run++) samples.push(await firstVisit(browser, server.url + route.slice(1), network));
      const row = {
        route,
        network: name,
        paint: median(samples.map((s) => s.paint)),
        interactive: median(samples.map((s) => s.interactive)),
        bytes: median(samples.map((s) => s.bytes)),
      };
      rows.push(row);
      console.log(
        `${route.padEnd(24)} ${name.padEnd(8)} first paint ${(row.paint / 1000).toFixed(2)} s, interactive ${(row.interactive / 1000).toFixed(2)} s, ${(row.bytes / 1000).toFixed(0)} KB transferred`,
      );
    }
  }
} finally {
  await browser.close();
  await server.close();
}
mkdirSync("target/bench", { recursive: true });
writeFileSync(
  "target/bench/first-visit.json",
  JSON.stringify({ date: new Date().toISOString(), dist, runs, cpuSlowdown: CPU_SLOWDOWN, networks: NETWORKS, rows }, null, 2),
);
console.log(`Medians of ${runs} runs; 390×844, CPU ${CPU_SLOWDOWN}× slower, gzip host, empty cache.`);
