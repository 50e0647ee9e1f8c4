// Where a first visit's start-up time goes, after the WebAssembly has arrived: serves a
// release build the way GitHub Pages does (gzip), opens one route in a fresh profile at
// 390×844 with the CPU slowed 4× and Lighthouse's slow 4G network (as
// scripts/bench-first-visit.mjs does), records a browser trace, and prints the moments
// (first paint, the WebAssembly asked for and arrived, interactive) and the main thread's
// busy time between the WebAssembly's arrival and interactive, by kind of work: script (the
// app's tasks: parsing and checking the content, drawing), and within it V8 compiling
// WebAssembly functions on their first call; style and layout; paint. One run: it prints numbers, it asserts
// nothing, and they move with the machine's load.
//
// Usage: node scripts/trace-start.mjs [dist-dir] [route]   (default target/test-dist, "/")
import { chromium } from "playwright-core";
import { serveStatic } from "./static-server.mjs";
import { chromiumPath, CHROMIUM_ARGS } from "./chromium.mjs";
import { NETWORKS, firstVisitPage, waitForInteractive } from "./first-visit-page.mjs";

const [dist = "target/test-dist", route = "/"] = process.argv.slice(2);
const BASE = "/egov/";
/** Trace events counted as each kind of main-thread work (complete events, `ph: "X"`). */
const WORK = {
  "script (the app's tasks, all included)": ["TimerFire", "FunctionCall", "EventDispatch", "RunMicrotasks", "FireAnimationFrame"],
  "  of which V8 compiling WebAssembly": ["wasm.CompileLazy"],
  "style and layout": ["UpdateLayoutTree", "Layout"],
  "paint": ["Paint", "PrePaint", "Commit", "Layerize"],
};

const server = await serveStatic(dist, BASE, { host: "github" });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  const { context, page, cdp } = await firstVisitPage(browser, NETWORKS["slow 4G"]);
  const events = [];
  cdp.on("Tracing.dataCollected", ({ value }) => events.push(...value));
  const complete = new Promise((done) => cdp.once("Tracing.tracingComplete", done));
  await cdp.send("Tracing.start", {
    categories: "devtools.timeline,disabled-by-default-devtools.timeline,v8.wasm,blink.user_timing",
    transferMode: "ReportEvents",
  });
  await page.goto(server.url + route.replace(/^\//, ""), { waitUntil: "commit" });
  await waitForInteractive(cdp);
  const moments = await page.evaluate(() => {
    const wasm = performance.getEntriesByType("resource").find((e) => /_bg\.wasm(\.xz)?$/.test(e.name)); // the main module, plain or packed
    return {
      paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
      wasmStart: wasm?.startTime ?? NaN,
      wasmEnd: wasm?.responseEnd ?? NaN,
      interactive: window.egovInteractive,
    };
  });
  await cdp.send("Tracing.end");
  await complete;

  // Trace times are microseconds on the trace clock; navigationStart is time 0 of the page.
  const navigation = events.find((e) => e.name === "navigationStart");
  const mainThread = navigation?.tid;
  if (!navigation) throw new Error("no navigationStart in the trace");
  const from = navigation.ts + moments.wasmEnd * 1000;
  const to = navigation.ts + moments.interactive * 1000;
  const busy = (names) => {
    // Only the outermost matching events, so nested ones are not counted twice.
    const spans = events
      .filter((e) => e.ph === "X" && e.tid === mainThread && names.includes(e.name) && e.ts < to && e.ts + e.dur > from)
      .map((e) => [Math.max(e.ts, from), Math.min(e.ts + e.dur, to)])
      .sort((a, b) => a[0] - b[0]);
    let total = 0;
    let end = -Infinity;
    for (const [start, stop] of spans) {
      if (stop <= end) continue;
      total += stop - Math.max(start, end);
      end = stop;
    }
    return total / 1000;
  };
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`${route} on slow 4G, CPU 4× slower, gzip host, empty cache (one run):`);
  console.log(`  first paint ${s(moments.paint)}; WebAssembly asked for at ${s(moments.wasmStart)}, arrived ${s(moments.wasmEnd)}; interactive ${s(moments.interactive)}`);
  console.log(`  main thread between the WebAssembly's arrival and interactive (${Math.round(moments.interactive - moments.wasmEnd)} ms):`);
  for (const [work, names] of Object.entries(WORK)) console.log(`    ${work.padEnd(40)} ${Math.round(busy(names)).toString().padStart(5)} ms`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
