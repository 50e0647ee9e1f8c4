// Failure drills: storage that is disabled, a service worker that cannot install, two tabs
// writing at the same moment. In each: a clear message, the app keeps working, and no
// bookmark or note is lost.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSuite, openPage, waitForApp, DIST, PHONE } from "./harness.mjs";

const KEY = "egov-companion/library/v1";
let suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

test("two tabs saving at the same moment keep both bookmarks", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  const other = await context.newPage();
  // Tab B never hears tab A's change (as when both write before the event arrives).
  await other.addInitScript(() => {
    window.addEventListener("storage", (event) => event.stopImmediatePropagation(), true);
  });
  await page.goto(url("/countries/armenia"));
  await other.goto(url("/countries/moldova"));
  await waitForApp(page);
  await waitForApp(other);
  await page.getByRole("button", { name: "Save Armenia" }).click();
  await other.getByRole("button", { name: "Save Moldova" }).click();
  const stored = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY));
  assert.deepEqual(stored.bookmarks.map((b) => b.id).sort(), ["armenia", "moldova"]);
  assertClean();
  await context.close();
});

test("with storage disabled the app works and says nothing can be kept", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
  await page.goto(url("/case-studies/saeol"));
  await waitForApp(page);
  const save = page.getByRole("button", { name: /^Save Saeol/ });
  await save.click();
  assert.equal(await save.getAttribute("aria-pressed"), "true");
  await page
    .getByRole("region", { name: "Your last change is not saved on this device" })
    .filter({ hasText: "does not allow saving on this device" })
    .waitFor();
  await page.getByRole("link", { name: "Search" }).first().click();
  await page.getByRole("heading", { level: 1, name: "Search" }).waitFor();
  assertClean();
  await context.close();
});

test("when the service worker cannot install, the app works online and says so", async () => {
  const broken = mkdtempSync(join(tmpdir(), "egov-no-sw-"));
  cpSync(DIST, broken, { recursive: true });
  rmSync(join(broken, "sw.js"));
  suite.server.setRoot(broken);
  const { page, url, context } = await openPage(suite, PHONE, {
    serviceWorkers: "allow",
    expectFailures: ["/egov/sw.js"],
  });
  try {
    await page.goto(url("/"));
    await waitForApp(page);
    await page.getByRole("status").filter({ hasText: "cannot keep the app for offline use" }).waitFor();
    await page.getByRole("link", { name: "Case studies" }).click();
    await page.getByRole("heading", { level: 1, name: "Case studies" }).waitFor();
  } finally {
    suite.server.setRoot(DIST);
    rmSync(broken, { recursive: true, force: true });
  }
  await context.close();
});
