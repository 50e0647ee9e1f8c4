// Search typing benchmark: what a person feels when typing into search on a phone. Serves a
// release build the way GitHub Pages does (gzip), opens /search at 390×844 in headless
// Chromium with the CPU slowed 1×, 4× and 6× (DevTools' throttling), types queries key by key
// with 120 ms between keys, and measures each key press with the browser's Event Timing API
// (what Core Web Vitals' INP measures): from the key event to the next paint after its
// handlers ran. Prints, per CPU rate, how many key presses took over 16 ms, p50, p98 and max,
// and writes target/bench/typing.json. Timings vary with the machine's load: this prints
// numbers, it asserts nothing.
//
// Usage: node scripts/bench-typing.mjs [dist-dir] [--runs=N]   (default target/test-dist, 3)
import { chromium } from "playwright-core";
import { mkdirSync, writeFileSync } from "node:fs";
import { serveStatic } from "./static-server.mjs";
import { chromiumPath, CHROMIUM_ARGS, PHONE } from "./chromium.mjs";

const args = process.argv.slice(2);
const dist = args.find((a) => !a.startsWith("--")) ?? "target/test-dist";
const runs = Number(args.find((a) => a.startsWith("--runs="))?.split("=")[1] ?? 3);
const BASE = "/egov/";
const QUERIES = ["g", "government", "ㅅㅇ", "seoul data centre", "hometx koneps", "e", "azerbaycan"];
const KEY_GAP_MS = 120;
const RATES = [1, 4, 6];

/** Types every query key by key and returns each key press's longest event duration. */
async function typingSession(browser, url, rate) {
  const context = await browser.newContext({ viewport: PHONE, serviceWorkers: "block" });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.addInitScript(() => {
    window.egovEvents = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.egovEvents.push({ name: e.name, start: e.startTime, duration: e.duration });
    }).observe({ type: "event", durationThreshold: 16, buffered: true });
  });
  await page.goto(url);
  await page.locator("#boot").waitFor({ state: "detached" });
  const box = page.getByRole("searchbox", { name: "Search the knowledge base" });
  await box.focus();
  // The index is ready by the first key press (loaded when the page opens or the box is
  // focused): wait for it as a person reading the page would.
  await page.waitForTimeout(1500);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  const presses = [];
  for (const query of QUERIES) {
    await box.fill("");
    await page.waitForTimeout(300);
    for (const key of [...query]) {
      const from = await page.evaluate(() => performance.now());
      await page.keyboard.type(key);
      await page.waitForTimeout(KEY_GAP_MS);
      const to = await page.evaluate(() => performance.now());
      const longest = await page.evaluate(
        ([from, to]) =>
          window.egovEvents.filter((e) => e.start >= from && e.start < to).reduce((m, e) => Math.max(m, e.duration), 0),
        [from, to],
      );
      presses.push({ query, key, ms: longest });
    }
  }
  // Late entries (a long task ending after the window) are caught by a final sweep.
  await page.waitForTimeout(500);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  await context.close();
  return presses;
}

function percentile(sorted, p) {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const server = await serveStatic(dist, BASE, { host: "github" });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const results = [];
try {
  for (const rate of RATES) {
    const all = [];
    for (let run = 0; run < runs; run++) all.push(...(await typingSession(browser, `${server.url}search`, rate)));
    const durations = all.map((p) => p.ms).sort((a, b) => a - b);
    const row = {
      rate,
      presses: durations.length,
      over16: durations.filter((d) => d > 16).length,
      p50: percentile(durations, 50),
      p98: percentile(durations, 98),
      max: durations.at(-1) ?? 0,
      slowest: all.sort((a, b) => b.ms - a.ms).slice(0, 3).map((p) => `${p.key} in "${p.query}" ${p.ms} ms`),
    };
    results.push(row);
    console.log(
      `CPU ${rate}×: ${row.over16} of ${row.presses} key presses over 16 ms; p50 ${row.p50} ms, p98 ${row.p98} ms, max ${row.max} ms (slowest: ${row.slowest.join("; ")})`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}
mkdirSync("target/bench", { recursive: true });
writeFileSync(
  "target/bench/typing.json",
  JSON.stringify({ date: new Date().toISOString(), dist, runs, keyGapMs: KEY_GAP_MS, queries: QUERIES, results }, null, 2),
);
console.log("Key press = Event Timing duration (key event to next paint; under 16 ms counts as its value 0), 390×844, gzip host.");
