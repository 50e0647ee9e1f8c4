// Which of the app's functions a first visit's start-up spends its time in, after the
// WebAssembly has arrived: the same visit as scripts/trace-start.mjs (release build served
// the way GitHub Pages does, a fresh profile at 390×844, CPU slowed 4×, slow 4G), recorded
// with V8's sampling profiler, and the functions with the most time printed (on their own,
// and with what they call), averaged over the runs. The window runs from the WebAssembly's
// arrival until the profile stops, just after the page is interactive.
//
// The shipped build has no function names; build one that keeps them (a diagnostic build,
// never deployed):
//   EGOV_KEEP_NAMES=1 scripts/build-release.sh --public-url /egov/ --dist target/profile-dist
//   node scripts/profile-start.mjs target/profile-dist /case-studies/hometax 3
// It prints numbers and asserts nothing; they move with the machine's load.
import { chromium } from "playwright-core";
import { serveStatic } from "./static-server.mjs";
import { chromiumPath, CHROMIUM_ARGS } from "./chromium.mjs";
import { NETWORKS, firstVisitPage, waitForInteractive } from "./first-visit-page.mjs";

const [dist = "target/profile-dist", route = "/", runsArg = "3"] = process.argv.slice(2);
const runs = Number(runsArg);
const BASE = "/egov/";
const SHOWN = 30;

/** A function's name as the profile gives it, shorter: Rust's hash suffix dropped. */
const label = (frame) => (frame.functionName || `(anonymous, ${frame.url.split("/").pop() || "?"})`).replace(/17h[0-9a-f]{16}E$/, "");

const server = await serveStatic(dist, BASE, { host: "github" });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const own = new Map();
const total = new Map();
const add = (map, name, ms) => map.set(name, (map.get(name) ?? 0) + ms);
try {
  for (let run = 0; run < runs; run++) {
    const { context, page, cdp } = await firstVisitPage(browser, NETWORKS["slow 4G"]);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
    await cdp.send("Profiler.start");
    await page.goto(server.url + route.replace(/^\//, ""), { waitUntil: "commit" });
    await waitForInteractive(cdp);
    const { profile } = await cdp.send("Profiler.stop");
    const moments = await page.evaluate(() => ({
      now: performance.now(),
      interactive: window.egovInteractive,
      wasm: performance.getEntriesByType("resource").find((e) => /_bg\.wasm(\.xz)?$/.test(e.name))?.responseEnd ?? NaN,
    }));
    // The profile's clock is not the page's: count back from its end, which is about now.
    const from = profile.endTime - (moments.now - moments.wasm) * 1000;
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const parents = new Map();
    for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
    let time = profile.startTime;
    profile.samples.forEach((id, i) => {
      const gap = profile.timeDeltas[i];
      time += gap;
      if (time < from) return;
      const ms = (profile.timeDeltas[i + 1] ?? gap) / 1000 / runs;
      add(own, label(nodes.get(id).callFrame), ms);
      const seen = new Set();
      for (let at = id; at !== undefined; at = parents.get(at)) {
        const name = label(nodes.get(at).callFrame);
        if (!seen.has(name)) add(total, name, ms);
        seen.add(name);
      }
    });
    console.log(`run ${run + 1}: WebAssembly arrived ${(moments.wasm / 1000).toFixed(2)} s, interactive ${(moments.interactive / 1000).toFixed(2)} s`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
const top = (map, title) => {
  console.log(`\n${title} (ms, mean of ${runs} runs):`);
  for (const [name, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, SHOWN)) console.log(`${ms.toFixed(1).padStart(8)}  ${name.slice(0, 140)}`);
};
console.log(`${route} on slow 4G, CPU 4× slower, gzip host, empty cache; from the WebAssembly's arrival until the profile stops:`);
top(own, "On their own");
top(total, "With what they call");
