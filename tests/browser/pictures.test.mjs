// Pictures drawn from the content: the UN E-Government Survey rank chart and the map of BSEC
// member states, each with a text alternative holding the same facts, and map tiles that
// are links a person can follow.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSuite, openPage, waitForApp, PHONE } from "./harness.mjs";

let suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

test("the survey case study charts Korea's ranks, with the same numbers in a table", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.goto(url("/case-studies/korea-in-un-e-government-survey"));
  await waitForApp(page);
  const chart = page.getByRole("img", { name: /Rank in the UN E-Government Survey/ });
  await chart.waitFor();
  // One point per Korean rank in the content (F-124 to F-135), on Korea's line.
  assert.equal(await page.locator(".rank-chart .korea circle").count(), 12);
  const table = page.getByRole("table", { name: "The ranks in the chart" });
  const korea = table.getByRole("row", { name: /^Korea/ });
  const text = await korea.innerText();
  assert.match(text, /2010: 1st/);
  assert.match(text, /2016: 3rd/);
  assert.match(text, /2024: 4th/);
  assert.match(await table.getByRole("row", { name: /^Greece/ }).innerText(), /2016: 43rd, 2018: 35th/);
  // Korea's 1st place is drawn above its 4th.
  const ys = await page.locator(".rank-chart .korea circle").evaluateAll((dots) =>
    dots.map((d) => Number(d.getAttribute("cy"))),
  );
  assert.ok(ys[4] < ys[11], `2010 (1st) above 2024 (4th): ${ys}`);
  assertClean();
  await context.close();
});

test("an edition's map highlights its countries, and a country on the map opens its page", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.goto(url("/editions/edition-2018-greece-romania"));
  await waitForApp(page);
  const map = page.locator("figure", { has: page.locator(".bsec-map") });
  await map.waitFor();
  const highlighted = await map.locator(".tile.is-selected").evaluateAll((tiles) =>
    tiles.map((t) => t.textContent.trim()).sort(),
  );
  assert.deepEqual(highlighted, ["Greece", "Romania"]);
  // The text alternative names the same countries.
  assert.match(await map.innerText(), /Highlighted \(took part in this edition\): Greece, Romania/);
  // All thirteen member states are on the map, each a link.
  assert.equal(await map.locator(".bsec-map a").count(), 13);
  // The app opens it, as it opens any of its links: the page is not loaded again.
  await page.evaluate(() => (window.stillThisPage = true));
  await map.locator(".bsec-map").getByRole("link", { name: "Georgia" }).click();
  await page.getByRole("heading", { level: 1, name: "Georgia" }).waitFor();
  assert.match(page.url(), /\/egov\/countries\/georgia$/);
  assert.equal(await page.evaluate(() => window.stillThisPage), true, "opened by the app");
  assertClean();
  await context.close();
});

test("the map's links are reachable with the keyboard", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.goto(url("/countries"));
  await waitForApp(page);
  const first = page.locator(".bsec-map a").first();
  await first.focus();
  const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
  assert.equal(focused, "Serbia");
  await page.evaluate(() => (window.stillThisPage = true));
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 1, name: "Serbia" }).waitFor();
  assert.equal(await page.evaluate(() => window.stillThisPage), true, "opened by the app");
  assertClean();
  await context.close();
});
