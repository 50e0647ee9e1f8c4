// The static pages of the release build (scripts/prerender.mjs): a deep link to a list, an
// item or About is answered with that page in plain HTML, drawn by the app at build time,
// which shows before the WebAssembly has loaded, works with plain links, and is taken over
// by the app with every block where it was; a URL with a query shows the loading line.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSuite, openPage, waitForApp, holdWasm, WASM_FILES, PHONE, DESKTOP } from "./harness.mjs";

let suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

/** Text and box of every heading, paragraph, list item and link under `scope`. */
function blocks(scope) {
  const root = scope ? document.querySelector(scope) : document.body;
  const round = (v) => Math.round(v * 10) / 10;
  return [...root.querySelectorAll("h1, h2, h3, p, dt, dd, li, a, button")]
    .filter((el) => el.getClientRects().length > 0 && !el.closest("[role=status], .top-links"))
    .map((el) => {
      const r = el.getBoundingClientRect();
      const text = el.textContent.trim().replace(/\s+/g, " ").slice(0, 40);
      return `${el.tagName} "${text}" [${[r.x + scrollX, r.y + scrollY, r.width, r.height].map(round)}]`;
    });
}

const frames = (page) =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

test("an item's deep link is its page in plain HTML before the WebAssembly runs", async () => {
  const { page, url, context } = await openPage(suite, PHONE);
  const release = await holdWasm(page);
  const response = await page.goto(url("/case-studies/government24"), { waitUntil: "domcontentloaded" });
  assert.equal(response.status(), 200);
  const boot = page.locator("#boot");
  await boot.getByRole("heading", { level: 1, name: /^Government24/ }).waitFor();
  assert.match(await page.title(), /^Government24/);
  assert.match(await boot.locator("p.summary").innerText(), /single online portal/);
  // Links are plain links; controls need the app, so they are shown but not usable.
  const link = boot.getByRole("link", { name: /^e-People/ }).first();
  assert.equal(await link.evaluate((a) => new URL(a.href).pathname), "/egov/case-studies/e-people");
  const buttons = boot.getByRole("button");
  assert.ok((await buttons.count()) > 0, "the page has its controls");
  for (const button of await buttons.all()) assert.equal(await button.isDisabled(), true);
  assert.equal(await page.locator("#boot-status").isVisible(), false);
  // Following a link before the app runs opens that page, also from plain HTML.
  await link.click();
  await page.locator("#boot").getByRole("heading", { level: 1, name: /^e-People/ }).waitFor();
  release();
  await context.close();
});

test("a list URL with a query shows the loading line until the app draws it", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  const release = await holdWasm(page);
  await page.goto(url("/case-studies?sort=title"), { waitUntil: "domcontentloaded" });
  await page.locator("#boot-status").waitFor();
  assert.equal(await page.getByRole("status").innerText(), "Loading the app…");
  assert.equal(await page.locator("#boot .boot-page h1").isVisible(), false, "the page drawn without the query is hidden");
  release();
  await waitForApp(page);
  await page.getByRole("heading", { level: 1, name: "Case studies" }).waitFor();
  assertClean();
  await context.close();
});

test("an item's link with tracking parameters is its page in plain HTML, and the app keeps its map", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  const fetched = [];
  page.on("request", (request) => /\/split_pictures_markup_/.test(request.url()) && fetched.push(request.url()));
  const release = await holdWasm(page);
  await page.goto(url("/editions/edition-2018-greece-romania?fbclid=abc123"), { waitUntil: "domcontentloaded" });
  // An item's page reads nothing from the query: its saved page stays.
  const heading = page.locator("#boot .boot-page h1");
  await heading.waitFor();
  assert.match(await heading.innerText(), /Greece and Romania/);
  assert.equal(await page.locator("#boot-status").isVisible(), false, "no loading line");
  release();
  await waitForApp(page);
  await page.getByRole("heading", { level: 1, name: /Greece and Romania/ }).waitFor();
  assert.equal(await page.locator("main .bsec-map .tile.is-selected").count(), 2);
  assert.deepEqual(fetched, [], "the saved page's map is kept");
  assertClean();
  await context.close();
});

for (const [label, viewport] of [
  ["phone", PHONE],
  ["desktop", DESKTOP],
]) {
  test(`the app takes a static page over with every block where it was (${label})`, async () => {
    const { page, url, context, assertClean } = await openPage(suite, viewport);
    const moved = {};
    for (const [route, heading] of [
      ["/case-studies/government24", /^Government24/],
      ["/countries", "Countries"],
      ["/about", "About this app"],
    ]) {
      const release = await holdWasm(page);
      await page.goto(url(route), { waitUntil: "domcontentloaded" });
      await page.locator("#boot .boot-page h1").waitFor();
      await frames(page);
      const before = await page.evaluate(blocks, "#boot");
      release();
      await waitForApp(page);
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
      await frames(page);
      const afterwards = await page.evaluate(blocks, null);
      const changed = before.filter((block, i) => block !== afterwards[i]);
      if (changed.length || before.length !== afterwards.length) {
        moved[route] = { static: changed.slice(0, 5), app: afterwards.filter((b) => !before.includes(b)).slice(0, 5) };
      }
      await page.unroute(WASM_FILES);
    }
    assert.deepEqual(moved, {});
    assertClean();
    await context.close();
  });
}

// A shared list's link answered with 404 looks broken to link previews and to some mail and
// chat filters, although it opens.
test("pages depending on the device or the query have no static page, but their links are answered as found", async () => {
  const { page, url, context } = await openPage(suite, PHONE);
  for (const path of ["/search?q=hometax", "/saved", "/report", "/shared?v=2026-12-05&i=abcdef"]) {
    const response = await page.request.get(url(path));
    // The app with its loading line, not a page of that route.
    assert.equal(response.status(), 200, path);
    assert.match(await response.text(), /Loading the app…/, path);
  }
  assert.equal((await page.request.get(url("/no-such-page/at-all"))).status(), 404);
  await context.close();
});
