// The knowledge base in the built app: every kind has a list and item pages with facts,
// sources and related items, and related links work in both directions.
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

const KINDS = [
  "Programme editions",
  "Sessions",
  "Presentations",
  "Site visits",
  "Case studies",
  "Organisations",
  "Countries",
  "People",
  "Glossary",
];

const heading = (page) => page.getByRole("heading", { level: 1 });

test("every kind has a list, and its first item opens with its sources", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.goto(url("/"));
  await waitForApp(page);
  // Every link is taken over by the app: no page is loaded again from the host.
  await page.evaluate(() => { window.stillTheSamePage = true; });
  for (const kind of KINDS) {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }).click();
    await page.getByRole("heading", { name: "Browse the knowledge base" }).waitFor();
    await page.getByRole("link", { name: kind, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: kind, exact: true }).waitFor();
    const first = page.locator("main ul.cards > li").first().getByRole("link");
    const title = await first.innerText();
    await first.click();
    await page.getByRole("heading", { level: 1, name: title, exact: true }).waitFor();
    assert.equal(await heading(page).count(), 1, `${kind}: one h1`);
    await page.getByRole("heading", { level: 2, name: "Sources", exact: true }).waitFor();
    assert.ok((await page.locator(".sources li").count()) >= 1, `${kind}: at least one source`);
  }
  assert.equal(await page.evaluate(() => window.stillTheSamePage), true, "no page load");
  assertClean();
  await context.close();
});

test("a case study links to its site visit, and the visit links back", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.goto(url("/case-studies/nirs-data-centre"));
  await waitForApp(page);
  await heading(page).waitFor();
  const caseTitle = await heading(page).innerText();
  const facts = await page.locator("dl.facts").innerText();
  assert.match(facts, /Launched/);
  assert.match(facts, /2005/);

  // The related items and sources are written as markup (egov_core::item_text): their links
  // are the app's own all the same, opened without loading a page from the host.
  await page.evaluate(() => { window.stillTheSamePage = true; });
  const source = page.getByRole("region", { name: "Sources" }).getByRole("link").first();
  assert.equal(await source.getAttribute("target"), "_blank");
  assert.equal(await source.getAttribute("rel"), "noopener noreferrer");
  assert.match(await source.getAttribute("href"), /^https:\/\//);
  const related = page.getByRole("region", { name: "Related" });
  await related.getByRole("link", { name: "National Computing and Information Service (now NIRS)" }).click();
  await page.getByRole("heading", { level: 1, name: "National Computing and Information Service (now NIRS)" }).waitFor();
  await page.getByRole("heading", { name: "What to look for" }).waitFor();
  const back = page.getByRole("region", { name: "Related" }).getByRole("link", { name: caseTitle });
  assert.equal(await back.count(), 1, "the site visit links back to the case study");
  await back.click();
  await page.getByRole("heading", { level: 1, name: caseTitle }).waitFor();
  assert.equal(await page.evaluate(() => window.stillTheSamePage), true, "no page load");
  assertClean();
  await context.close();
});

test("a presentation shows its session, and the session lists its presentations", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.goto(url("/presentations/ict-makes-our-e-government-convenient"));
  await waitForApp(page);
  await page.getByRole("heading", { level: 1, name: "ICT makes our E-Government convenient" }).waitFor();
  await page.locator("dl.facts").getByRole("link", { name: "Workshop at KLID headquarters" }).click();
  await page.getByRole("heading", { level: 1, name: "Workshop at KLID headquarters" }).waitFor();
  const related = page.getByRole("region", { name: "Related" });
  await related.getByRole("heading", { name: "Presentations" }).waitFor();
  await related.getByRole("link", { name: "ICT makes our E-Government convenient" }).waitFor();
  assertClean();
  await context.close();
});

test("a country is found by its page and shows its native name", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.goto(url("/countries/georgia"));
  await waitForApp(page);
  await page.getByRole("heading", { level: 1, name: "Georgia" }).waitFor();
  assert.match(await page.locator(".aliases").innerText(), /საქართველო/);
  assertClean();
  await context.close();
});

test("the programme lists every edition, newest first", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.goto(url("/editions"));
  await waitForApp(page);
  await page.getByRole("heading", { level: 1, name: "Programme editions" }).waitFor();
  const titles = await page.locator("main ul.cards > li a").allInnerTexts();
  assert.ok(titles.length >= 7, `editions: ${titles.join(", ")}`);
  const years = titles.map((t) => Number(t.match(/\d{4}/)?.[0]));
  assert.deepEqual([...years].sort((a, b) => b - a), years, "newest first");
  assertClean();
  await context.close();
});

test("a list can be sorted, and the order is kept in the URL", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.goto(url("/editions"));
  await waitForApp(page);
  const firstCard = () => page.locator("main ul.cards > li").first().getByRole("link").first();
  assert.match(await firstCard().innerText(), /2025/, "usual order: newest edition first");
  await page.getByLabel("Sort").selectOption({ label: "Oldest first" });
  await page.waitForURL(/\/editions\?sort=oldest$/);
  assert.match(await firstCard().innerText(), /2011/);
  await page.reload();
  await waitForApp(page);
  assert.match(await firstCard().innerText(), /2011/, "the order survives a reload");
  assert.equal(await page.getByLabel("Sort").inputValue(), "oldest");
  // A kind without dates offers only the orders that make sense.
  await page.goto(url("/glossary"));
  await waitForApp(page);
  await page.getByRole("heading", { level: 1, name: "Glossary" }).waitFor();
  const labels = await page.getByLabel("Sort").locator("option").allTextContents();
  assert.deepEqual(labels, ["Usual order", "Title, A to Z"]);
  // One list's order does not follow the person to another list, and comes back with its
  // address (Back and Forward between two lists keep the same menu on the page).
  await page.getByLabel("Sort").selectOption({ label: "Title, A to Z" });
  await page.waitForURL(/\/glossary\?sort=title$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Programme" }).click();
  await page.getByRole("heading", { level: 1, name: "Programme editions" }).waitFor();
  assert.equal(await page.getByLabel("Sort").inputValue(), "", "the usual order again");
  assert.match(await firstCard().innerText(), /2025/);
  await page.getByLabel("Sort").selectOption({ label: "Oldest first" });
  await page.waitForURL(/\/editions\?sort=oldest$/);
  await page.goBack();
  await page.getByRole("heading", { level: 1, name: "Glossary" }).waitFor();
  await page.waitForURL(/\/glossary\?sort=title$/);
  assert.equal(await page.getByLabel("Sort").inputValue(), "title", "the menu shows the order");
  await page.goForward();
  await page.getByRole("heading", { level: 1, name: "Programme editions" }).waitFor();
  assert.match(await firstCard().innerText(), /2011/, "oldest first again");
  assert.equal(await page.getByLabel("Sort").inputValue(), "oldest");
  assertClean();
  await context.close();
});

test("the OECD index case study tables Korea's results, one row per index and year", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.goto(url("/case-studies/oecd-digital-government-index"));
  await waitForApp(page);
  const table = page.getByRole("table", { name: "Korea in the OECD's digital government indices" });
  await table.waitFor();
  const headings = await table.getByRole("columnheader").allInnerTexts();
  assert.deepEqual(headings, ["Index", "Year", "Korea's rank", "Score (out of 1)", "OECD average"]);
  // F-201: 1st in DGI 2023 with 0.935, OECD average 0.605; F-199: 1st of 33 in DGI 2019.
  const dgi2023 = await table.getByRole("row", { name: /^DGI 2023\b/ }).innerText();
  assert.match(dgi2023, /1st\s+0\.935\s+0\.605/);
  assert.match(await table.getByRole("row", { name: /^DGI 2019\b/ }).innerText(), /1st of 33/);
  assert.equal(await table.getByRole("row").count(), 7, "a heading row and six results");
  assertClean();
  await context.close();
});

test("an address naming a page's file, as hosts answer, opens that page under the app's own address", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  const cases = [
    ["/index.html", "/", "e-Gov Companion"],
    ["/about.html", "/about", "About this app"],
    ["/case-studies/hometax.html?from=mail#sources-title", "/case-studies/hometax?from=mail#sources-title", "Hometax (online tax services)"],
  ];
  for (const [file, appPath, title] of cases) {
    await page.goto(url(file));
    await waitForApp(page);
    await heading(page).filter({ hasText: title }).waitFor();
    assert.equal(await page.evaluate(() => location.pathname + location.search + location.hash), `/egov${appPath}`);
    assert.notEqual(await page.title(), "Page not found – e-Gov Companion", file);
  }
  assertClean();
  await context.close();
});

test("Back from an item returns to the same place in a long list, its heading focused", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.goto(url("/glossary?sort=title"));
  await waitForApp(page);
  const card = page.locator("main ul.cards > li a").nth(40);
  const name = await card.innerText();
  await card.scrollIntoViewIfNeeded();
  const place = await page.evaluate(() => scrollY);
  assert.ok(place > 2000, `far down the list (${place})`);
  await card.click();
  await heading(page).filter({ hasText: name }).waitFor();
  assert.equal(await page.evaluate(() => scrollY), 0, "an item's page starts at its top");
  // Back at once, as a person who opened the wrong term would.
  await page.goBack();
  await heading(page).filter({ hasText: "Glossary" }).waitFor();
  await page.waitForFunction((place) => Math.abs(scrollY - place) < 2, place, { timeout: 3000 });
  const box = await page.getByRole("link", { name, exact: true }).boundingBox();
  assert.ok(box && box.y >= 0 && box.y + box.height <= PHONE.height, "the card opened is on screen again");
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), "H1", "the heading has focus");
  // Forward goes to the item's top, and a link from there starts at the top too.
  await page.goForward();
  await heading(page).filter({ hasText: name }).waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => scrollY), 0);
  assertClean();
  await context.close();
});
