// Offline first, in the built app under /egov/: after one visit online everything works with
// no network; the app installs. New deployments on real hosts: nothing-lost.test.mjs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { startSuite, openPage, waitForApp, chromiumPath, CHROMIUM_ARGS, PHONE } from "./harness.mjs";

let suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

/** Waits until the service worker controls the page and has cached the app. */
async function waitUntilOfflineReady(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test("after one visit online, deep links, browsing, search and bookmarks work offline", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE, { serviceWorkers: "allow" });
  await page.goto(url("/"));
  await waitForApp(page);
  await waitUntilOfflineReady(page);
  await page.getByRole("button", { name: "Make available offline now" }).or(page.getByText("Available offline ·")).first().waitFor();
  // The button may go away on its own at any moment (the download finishes): then there is
  // nothing to click, and the status below says whether the app is ready.
  if (await page.getByRole("button", { name: "Make available offline now" }).count()) {
    await page.getByRole("button", { name: "Make available offline now" }).click({ timeout: 3000 }).catch(() => {});
  }
  const ready = page.getByRole("status").filter({ hasText: "Available offline" });
  await ready.waitFor();
  assert.match(
    await ready.innerText(),
    /^✓ Available offline · \d+ items · \d+\.\d MB · content of \d{1,2} [A-Z][a-z]+ \d{4}$/,
  );

  // The worker keeps the index and the kind files' heads only as the combined first-load
  // file (which is all the app reads), and every kind's bodies.
  const cached = await page.evaluate(async () => {
    const paths = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
    }
    return paths;
  });
  assert.ok(cached.includes("/egov/content/first-load.json"), "the combined first-load file is kept");
  assert.ok(cached.includes("/egov/content/case-studies.bodies.json"), "the bodies are kept");
  assert.deepEqual(
    cached.filter((path) => /^\/egov\/content\/[a-z-]+\.json$/.test(path) && !path.endsWith("/first-load.json")),
    [],
    "no index or heads file kept apart from the combined one",
  );

  await context.setOffline(true);
  await page.goto(url("/case-studies/hometax"));
  await waitForApp(page);
  await page.getByRole("heading", { level: 1, name: "Hometax (online tax services)" }).waitFor();
  // A page opened with no network learns that the app is kept offline a moment after it
  // starts (the worker answers then): the notice says what still works, not that a page
  // might wait for a connection.
  await page
    .getByRole("status")
    .filter({ hasText: "You are offline. Everything in the app, and everything you saved, still works." })
    .waitFor();
  await assert.rejects(
    page.getByText("the app is not yet kept for offline use").waitFor({ timeout: 1000 }),
    "no notice says the app is not kept offline",
  );

  await page.getByRole("button", { name: "Save Hometax (online tax services)" }).click();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Programme" }).click();
  await page.getByRole("heading", { level: 1, name: "Programme editions" }).waitFor();
  await page.getByRole("link", { name: "2017 programme in Seoul (7th edition)" }).click();
  await page.getByRole("heading", { name: "Programme, day by day" }).waitFor();
  await page.goto(url("/countries/georgia"));
  await waitForApp(page);
  await page.getByRole("heading", { level: 1, name: "Georgia" }).waitFor();
  await page.goto(url("/search?q=koneps"));
  await waitForApp(page);
  await page.locator("#search-results a").first().waitFor();
  await page.goto(url("/saved"));
  await waitForApp(page);
  await page.getByRole("heading", { level: 2, name: "Case studies (1)" }).waitFor();
  await context.setOffline(false);
  assertClean();
  await context.close();
});

test("the manifest is complete and Chromium finds the app installable", async () => {
  // Installability needs a real (non-incognito) profile: a persistent context.
  const profile = mkdtempSync(join(tmpdir(), "egov-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    viewport: PHONE,
  });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(suite.server.url);
    await waitForApp(page);
    await waitUntilOfflineReady(page);
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector('link[rel="manifest"]');
      return (await fetch(link.href)).json();
    });
    for (const field of ["name", "short_name", "description", "start_url", "scope", "theme_color", "background_color", "lang"]) {
      assert.ok(manifest[field], `manifest has ${field}`);
    }
    assert.equal(manifest.display, "standalone");
    const sizes = await page.evaluate(async (icons) => {
      const out = [];
      for (const icon of icons) {
        const image = new Image();
        image.src = new URL(icon.src, new URL("manifest.webmanifest", document.baseURI)).href;
        await image.decode();
        out.push(`${image.naturalWidth}x${image.naturalHeight} ${icon.purpose}`);
      }
      return out;
    }, manifest.icons);
    assert.deepEqual(sizes, ["192x192 any", "512x512 any", "512x512 maskable"]);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    assert.deepEqual(installabilityErrors, []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
