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
  // Every line's name ends inside the chart, a long one squeezed into the room left
  // ("North Macedonia"), not cut off at its edge.
  const labels = await page.locator(".rank-chart .series-label").evaluateAll((texts) =>
    texts.map((t) => ({ name: t.textContent, end: t.getBBox().x + t.getBBox().width, width: t.ownerSVGElement.viewBox.baseVal.width })),
  );
  assert.ok(labels.some((l) => l.name === "North Macedonia"), JSON.stringify(labels));
  for (const label of labels) assert.ok(label.end <= label.width, `${label.name} ends at ${label.end}, past ${label.width}`);
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

/** The pictures' own code (`ui::pictures::pictures_markup`), fetched only when a page needs it. */
const PICTURES_CODE = /\/split_pictures_markup_[^/]*\.wasm(\.xz)?$/;

test("a static page's map stays when the app takes it over, and a page opened from it gets its map from the pictures' code, fetched once", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  const fetched = [];
  page.on("request", (request) => PICTURES_CODE.test(request.url()) && fetched.push(request.url()));
  await page.goto(url("/editions/edition-2018-greece-romania"));
  await waitForApp(page);
  const highlighted = () =>
    page.locator("main .bsec-map .tile.is-selected").evaluateAll((tiles) => tiles.map((t) => t.textContent.trim()).sort());
  // The app's page, with the map its static copy drew, and no code fetched to draw it.
  assert.deepEqual(await highlighted(), ["Greece", "Romania"]);
  assert.equal(await page.locator("main .bsec-map a").count(), 13);
  assert.deepEqual(fetched, [], "the static page's map is kept");
  // A page the app opens itself has no static copy: its map comes with the pictures' code.
  await page.locator(".bsec-map").getByRole("link", { name: "Georgia" }).click();
  await page.getByRole("heading", { level: 1, name: "Georgia" }).waitFor();
  await page.locator("main .bsec-map .tile.is-selected").waitFor();
  assert.deepEqual(await highlighted(), ["Georgia"]);
  assert.equal(fetched.length, 1, fetched.join("\n"));
  await page.goBack();
  await page.getByRole("heading", { level: 1, name: /Greece and Romania/ }).waitFor();
  await page.locator("main .bsec-map .tile.is-selected").first().waitFor();
  assert.deepEqual(await highlighted(), ["Greece", "Romania"]);
  assert.equal(fetched.length, 1, "fetched once");
  // A list with a query in its address has no static copy either.
  await page.goto(url("/countries?sort=title"));
  await waitForApp(page);
  await page.locator("main .bsec-map").waitFor();
  assert.equal(await page.locator("main .bsec-map a").count(), 13);
  assertClean();
  await context.close();
});

/** The contrast ratio of two `rgb(…)` colours (WCAG 2). */
function contrast(a, b) {
  const luminance = (rgb) => {
    const [r, g, b] = rgb.match(/\d+/g).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

test("the highlighted countries stand out from the others on the map, in light and dark themes", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const { page, url, context, assertClean } = await openPage(suite, PHONE);
    await page.emulateMedia({ colorScheme });
    await page.goto(url("/editions/edition-2018-greece-romania"));
    await waitForApp(page);
    const fill = (selector) => page.locator(selector).first().evaluate((rect) => getComputedStyle(rect).fill);
    const [picked, other] = [await fill(".bsec-map .tile.is-selected rect"), await fill(".bsec-map .tile:not(.is-selected) rect")];
    // WCAG 1.4.11: a picture's meaningful parts at 3:1 at least.
    assert.ok(contrast(picked, other) >= 3, `${colorScheme}: ${picked} against ${other} is ${contrast(picked, other).toFixed(2)}:1`);
    const name = await page.locator(".bsec-map .tile.is-selected text").first().evaluate((text) => getComputedStyle(text).fill);
    assert.ok(contrast(name, picked) >= 4.5, `${colorScheme}: a highlighted country's name, ${name} on ${picked}`);
    assertClean();
    await context.close();
  }
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
