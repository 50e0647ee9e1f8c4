// Offline first, in the built app under /egov/: after one visit online everything works with
// no network; a new deployment waits until the person clicks Reload; the app installs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { chromium } from "playwright-core";
import { startSuite, openPage, waitForApp, chromiumPath, CHROMIUM_ARGS, DIST, PHONE } from "./harness.mjs";

let suite;
let buildB;
before(async () => {
  suite = await startSuite();
  // Build B: the same app with changed content, re-stamped as a build would be.
  buildB = mkdtempSync(join(tmpdir(), "egov-build-b-"));
  cpSync(DIST, buildB, { recursive: true });
  const indexPath = join(buildB, "content", "index.json");
  const index = JSON.parse(readFileSync(indexPath, "utf8"));
  index.version = "2099-01-01";
  writeFileSync(indexPath, JSON.stringify(index));
  const countriesPath = join(buildB, "content", "countries.json");
  const countries = JSON.parse(readFileSync(countriesPath, "utf8"));
  countries.items.find((c) => c.id === "romania").title = "Romania (build B)";
  writeFileSync(countriesPath, JSON.stringify(countries));
  execFileSync("node", ["scripts/precache.mjs", buildB]);
});
after(async () => {
  await suite?.close();
  if (buildB) rmSync(buildB, { recursive: true, force: true });
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
  if (await page.getByRole("button", { name: "Make available offline now" }).count()) {
    await page.getByRole("button", { name: "Make available offline now" }).click();
  }
  const ready = page.getByRole("status").filter({ hasText: "Available offline" });
  await ready.waitFor();
  assert.match(
    await ready.innerText(),
    /^✓ Available offline · \d+ items · \d+\.\d MB · content of \d{1,2} [A-Z][a-z]+ \d{4}$/,
  );

  await context.setOffline(true);
  await page.goto(url("/case-studies/hometax"));
  await waitForApp(page);
  await page.getByRole("heading", { level: 1, name: "Hometax (online tax services)" }).waitFor();
  await page.getByRole("status").filter({ hasText: "You are offline" }).waitFor();

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

test("a new deployment waits for the person's Reload, then shows new content from one cache", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE, { serviceWorkers: "allow" });
  try {
    await page.goto(url("/countries/romania"));
    await waitForApp(page);
    await page.getByRole("heading", { level: 1, name: "Romania" }).waitFor();
    await waitUntilOfflineReady(page);

    suite.server.setRoot(buildB);
    await page.reload();
    await waitForApp(page);
    const banner = page.getByRole("status").filter({ hasText: "A newer version is available" });
    await banner.waitFor();
    // Nothing changes until the person chooses.
    await page.getByRole("heading", { level: 1, name: "Romania", exact: true }).waitFor();

    await Promise.all([page.waitForEvent("load"), banner.getByRole("button", { name: "Reload" }).click()]);
    await waitForApp(page);
    await page.getByRole("heading", { level: 1, name: "Romania (build B)" }).waitFor();
    await page.goto(url("/about"));
    await waitForApp(page);
    await page.getByText("Content version: 1 January 2099").waitFor();
    const caches = await page.evaluate(() => caches.keys());
    assert.equal(caches.filter((k) => k.startsWith("egov-companion-")).length, 1, `caches: ${caches}`);
  } finally {
    suite.server.setRoot(DIST);
  }
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
