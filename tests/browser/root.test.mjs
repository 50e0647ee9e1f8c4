// The same bundle built for the root of a host (`trunk build --release`, no sub-path):
// links, deep links and the 404.html fallback work there too.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSuite, openPage, waitForApp, PHONE } from "./harness.mjs";

const ROOT_DIST = process.env.ROOT_DIST_DIR ?? "dist";
let suite;
before(async () => {
  suite = await startSuite({ dist: ROOT_DIST, base: "/" });
});
after(async () => {
  await suite?.close();
});

test("at the root of a host, links and reloaded deep links work", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.goto(url("/"));
  await waitForApp(page);
  await page.getByRole("heading", { level: 1, name: "e-Gov Companion" }).waitFor();
  await page.getByRole("link", { name: "Case studies" }).click();
  await page.getByRole("heading", { level: 1, name: "Case studies" }).waitFor();
  assert.equal(new URL(page.url()).pathname, "/case-studies");
  await page.reload();
  await waitForApp(page);
  await page.getByRole("heading", { level: 1, name: "Case studies" }).waitFor();
  await page.goto(url("/no-such-page/at-all"));
  await waitForApp(page);
  await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
  assertClean();
  await context.close();
});

test("at the root of a shared origin, the worker answers only the app's own pages", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE, { serviceWorkers: "allow" });
  await page.goto(url("/"));
  await waitForApp(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => document.documentElement.dataset.offline === "ready");
  const app = await page.goto(url("/case-studies/hometax"));
  assert.ok(app.fromServiceWorker(), "an app route is answered from the offline copy");
  // Another project on the same origin (user.github.io/other-project/) is the host's.
  const other = await page.goto(url("/other-project/"));
  assert.equal(other.fromServiceWorker(), false);
  assert.equal(other.status(), 404);
  assertClean();
  await context.close();
});
