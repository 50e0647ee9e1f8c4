import { chromium } from "playwright-core";
import { serveStatic } from "./static-server.mjs";
import { chromiumPath, CHROMIUM_ARGS } from "./chromium.mjs";
import { NETWORKS, firstVisitPage, waitForInteractive } from "./first-visit-page.mjs";
const [dist = "target/test-dist", route = "/", net = "3G"] = process.argv.slice(2);
const server = await serveStatic(dist, "/egov/", { host: "github" });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const { context, page } = await firstVisitPage(browser, NETWORKS[net]);
await page.goto(server.url + route.slice(1), { waitUntil: "commit" });
await waitForInteractive(page);
const r = await page.evaluate(() => ({ i: window.egovInteractive, fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
  e: [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")].map((e) => [e.name.replace(/.*\/egov\//, ""), Math.round(e.startTime), Math.round(e.responseStart), Math.round(e.responseEnd), e.transferSize]),
  m: performance.getEntriesByType("mark").map((m) => [m.name, Math.round(m.startTime)]) }));
console.log("fcp", Math.round(r.fcp), "interactive", Math.round(r.i));
for (const e of r.e) console.log(e.join("\t"));
for (const m of r.m) console.log("mark", m.join("\t"));
await context.close(); await browser.close(); server.close?.();
process.exit(0);
