// Search in the built app, typed as a person would: results as you type, the URL round
// trip, the keyboard, facet filters and the empty state.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSuite, openPage, waitForApp, PHONE, DESKTOP } from "./harness.mjs";

let suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

const box = (page) => page.getByRole("searchbox", { name: "Search the knowledge base" });
const results = (page) => page.getByRole("list").filter({ has: page.locator("mark") });
const resultLinks = (page) => page.locator("#search-results a");

test("typing a misspelt name finds it, highlighted, with the count announced", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.goto(url("/"));
  await waitForApp(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Search" }).click();
  await box(page).pressSequentially("hometxa", { delay: 20 });
  await page.getByRole("status").filter({ hasText: /\d+ results?/ }).waitFor();
  const first = resultLinks(page).first();
  assert.equal(await first.innerText(), "Hometax (online tax services)");
  assert.equal(await first.locator("mark").first().innerText(), "Hometax");
  // The URL follows once the results have painted.
  await page.waitForURL(/\/egov\/search\?q=hometxa$/);
  assertClean();
  await context.close();
});

test("a search URL can be shared, reloaded and left with Back", async () => {
  const { page, url, context, assertClean } = await openPage(suite, DESKTOP);
  await page.goto(url("/about"));
  await waitForApp(page);
  await page.goto(url("/search?q=%ED%96%89%EC%A0%95%EC%95%88%EC%A0%84%EB%B6%80")); // 행정안전부
  await waitForApp(page);
  assert.equal(await box(page).inputValue(), "행정안전부");
  await resultLinks(page).filter({ hasText: "Ministry of the Interior and Safety" }).first().waitFor();
  await page.reload();
  await waitForApp(page);
  assert.equal(await box(page).inputValue(), "행정안전부");
  await resultLinks(page).first().click();
  await page.getByRole("heading", { level: 1 }).waitFor();
  await page.goBack();
  await box(page).waitFor();
  assert.equal(await box(page).inputValue(), "행정안전부");
  assertClean();
  await context.close();
});

test("slash focuses search from any page; arrows move through results; Enter opens; Esc clears", async () => {
  const { page, url, context, assertClean } = await openPage(suite, DESKTOP);
  await page.goto(url("/countries/romania"));
  await waitForApp(page);
  await page.getByRole("heading", { level: 1, name: "Romania" }).waitFor();
  await page.keyboard.press("/");
  await page.waitForFunction(() => document.activeElement?.id === "search-box");
  await page.keyboard.type("romania");
  await resultLinks(page).first().waitFor();
  await page.keyboard.press("ArrowDown");
  const firstTitle = await resultLinks(page).nth(0).textContent();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), firstTitle);
  await page.keyboard.press("ArrowDown");
  const secondTitle = await resultLinks(page).nth(1).textContent();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), secondTitle);
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "search-box");
  await page.keyboard.press("Escape");
  assert.equal(await box(page).inputValue(), "");
  assert.equal(await resultLinks(page).count(), 0);
  await page.keyboard.type("Azərbaycan");
  await resultLinks(page).first().waitFor();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 1, name: "Azerbaijan" }).waitFor();
  assertClean();
  await context.close();
});

test("facet filters narrow the results, show counts and live in the URL", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.goto(url("/search?q=seoul"));
  await waitForApp(page);
  // The search's own status line (the app has others, for offline and updates).
  const status = page.getByRole("status").filter({ hasText: /result/ });
  await status.waitFor();
  const before = Number((await status.innerText()).match(/\d+/)[0]);
  await page.getByText("Filter results").click();
  const kind = page.getByRole("region", { name: "Kind" });
  const sessions = kind.getByRole("link", { name: /^Sessions$/ });
  const count = Number((await sessions.locator("xpath=..").innerText()).match(/\((\d+)\)/)[1]);
  await sessions.click();
  await status.filter({ hasText: new RegExp(`^${count} results?$`) }).waitFor();
  assert.ok(count < before, `${count} < ${before}`);
  assert.match(page.url(), /kind=sessions/);
  // Text content, not innerText: results off the screen are not laid out (content-visibility).
  for (const text of await page.locator("#search-results .card-kind").allTextContents()) {
    assert.equal(text, "Session");
  }
  await page.getByRole("link", { name: "Clear filters" }).click();
  await status.filter({ hasText: new RegExp(`^${before} results$`) }).waitFor();

  // A filter that leaves nothing stays listed, with 0, beside the kinds that have results,
  // and the status line says the filters are why.
  await page.goto(url("/search?q=hometax&kind=people"));
  await waitForApp(page);
  await page.getByRole("status").filter({ hasText: "No results for “hometax” with these filters." }).waitFor();
  const people = page.getByRole("region", { name: "Kind" }).getByRole("link", { name: "✓ People" });
  assert.equal(await people.getAttribute("aria-current"), "true");
  assert.match(await people.locator("xpath=..").innerText(), /\(0\)/);
  await page.getByRole("region", { name: "Kind" }).getByRole("link", { name: /^Case studies$/ }).waitFor();
  assertClean();
  await context.close();
});

test("the first ten results come at once; Show more brings the rest, focus on the first new one", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.goto(url("/search"));
  await waitForApp(page);
  await box(page).pressSequentially("e", { delay: 20 });
  const status = page.getByRole("status").filter({ hasText: /\d+ results?/ });
  await status.waitFor();
  const total = Number((await status.innerText()).match(/\d+/)[0]);
  assert.ok(total > 30, `${total} results for "e"`);
  await resultLinks(page).nth(9).waitFor();
  assert.equal(await resultLinks(page).count(), 10);
  const more = page.getByRole("button", { name: "Show more results" });
  // Text content, not innerText: results off the screen are not laid out (content-visibility).
  const firstTen = await resultLinks(page).allTextContents();
  await more.click();
  await resultLinks(page).nth(29).waitFor();
  assert.equal(await resultLinks(page).count(), 30);
  assert.deepEqual((await resultLinks(page).allTextContents()).slice(0, 10), firstTen, "the first ten stay first");
  await page.waitForFunction(() => document.activeElement?.closest("#search-results li:nth-child(11)"));
  // The arrows carry on through the new rows.
  await page.keyboard.press("ArrowDown");
  assert.equal(
    await page.evaluate(() => document.activeElement?.textContent),
    await resultLinks(page).nth(11).textContent(),
  );
  // Every result is reachable: press until the button goes, then all are listed, once each.
  while (await more.count()) await more.click();
  assert.equal(await resultLinks(page).count(), total);
  assert.equal(new Set(await resultLinks(page).evaluateAll((links) => links.map((a) => a.href))).size, total);
  // A new query starts again from the first ten.
  await box(page).press("End");
  await box(page).pressSequentially("-gov", { delay: 20 });
  await page.waitForFunction(() => document.querySelectorAll("#search-results a").length <= 10);
  await page.waitForURL(/\?q=e-gov$/);
  assertClean();
  await context.close();
});

test("facet counts and their links follow the typed query once its results are drawn", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.goto(url("/search"));
  await waitForApp(page);
  // With no filter set, every result has one kind: the kind counts add up to the total.
  const kindCountsMatchTotal = (text) =>
    page.waitForFunction((text) => {
      const total = Number(document.querySelector("[role=status].count")?.textContent.match(/^(\d+) results?$/)?.[1]);
      const region = [...document.querySelectorAll("section.facet")].find((s) => s.getAttribute("aria-label") === "Kind");
      if (!total || !region) return false;
      const counts = [...region.querySelectorAll("li")].map((li) => Number(li.textContent.match(/\((\d+)\)/)[1]));
      const links = [...region.querySelectorAll("a")].map((a) => new URL(a.href).searchParams.get("q"));
      return counts.reduce((a, b) => a + b, 0) === total && links.every((q) => q === text);
    }, text);
  await box(page).pressSequentially("seoul", { delay: 30 });
  await kindCountsMatchTotal("seoul");
  const before = await page.getByRole("status").filter({ hasText: /result/ }).innerText();
  await box(page).pressSequentially(" data", { delay: 30 });
  await kindCountsMatchTotal("seoul data");
  const after = await page.getByRole("status").filter({ hasText: /result/ }).innerText();
  assert.notEqual(after, before, "the query narrowed");
  assertClean();
  await context.close();
});

test("a search with no results suggests a correction", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.goto(url("/search"));
  await waitForApp(page);
  await box(page).fill("hmtax ");
  await page.getByRole("status").filter({ hasText: "No results" }).waitFor();
  const suggestion = page.getByRole("link", { name: "hometax" });
  await suggestion.click();
  assert.equal(await box(page).inputValue(), "hometax");
  await resultLinks(page).first().waitFor();
  assertClean();
  await context.close();
});

test("a kind's list leads to its items filtered by facets", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.goto(url("/case-studies"));
  await waitForApp(page);
  await page.getByRole("link", { name: "Filter these by country, organisation, edition or topic" }).click();
  const status = page.getByRole("status").filter({ hasText: /result/ });
  await status.waitFor();
  const all = Number((await status.innerText()).match(/\d+/)[0]);
  assert.ok(all >= 10, `${all} case studies`);
  const topics = page.getByRole("region", { name: "Topic" });
  const first = topics.getByRole("link").first();
  const count = Number((await first.locator("xpath=..").innerText()).match(/\((\d+)\)/)[1]);
  await first.click();
  await status.filter({ hasText: new RegExp(`^${count} results?$`) }).waitFor();
  assert.match(page.url(), /kind=case-studies&topic=/);
  // An organisation narrows the list too, and the filter is in the URL.
  const organisations = page.getByRole("region", { name: "Organisation" });
  const firstOrganisation = organisations.getByRole("link").first();
  const organisationCount = Number(
    (await firstOrganisation.locator("xpath=..").innerText()).match(/\((\d+)\)/)[1],
  );
  await firstOrganisation.click();
  await status.filter({ hasText: new RegExp(`^${organisationCount} results?$`) }).waitFor();
  assert.match(page.url(), /&organisation=/);
  assertClean();
  await context.close();
});

test("the box takes typing before the engine's code has arrived, and the results follow once it has", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/\/split_search_engine[^/]*\.wasm(\.xz)?$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(url("/search"));
  await waitForApp(page);
  await box(page).pressSequentially("hometax", { delay: 20 });
  assert.equal(await box(page).inputValue(), "hometax");
  await page.getByRole("status").filter({ hasText: "Preparing search…" }).waitFor();
  await page.waitForURL(/\/egov\/search\?q=hometax$/);
  assert.equal(await resultLinks(page).count(), 0);
  release();
  await resultLinks(page).filter({ hasText: "Hometax (online tax services)" }).first().waitFor();
  await page.getByRole("status").filter({ hasText: /\d+ results?/ }).waitFor();
  assertClean();
  await context.close();
});

test("search loads the index built with the app, and still works when that file is missing or damaged", async () => {
  const query = "/search?q=UNI-PASS";
  const expected = "UNI-PASS (electronic customs clearance)";
  // The file built at deploy time is fetched once search is used, and answers.
  {
    const { page, url, context, assertClean } = await openPage(suite, PHONE);
    const fetched = [];
    page.on("response", (r) => r.url().endsWith("/search-index.bin") && fetched.push(r.status()));
    const builder = [];
    page.on("request", (r) => /\/split_built_search_index_/.test(r.url()) && builder.push(r.url()));
    await page.goto(url("/"));
    await waitForApp(page);
    assert.deepEqual(fetched, [], "the home page does not download the search index");
    await page.goto(url(query));
    await waitForApp(page);
    await resultLinks(page).filter({ hasText: expected }).first().waitFor();
    assert.deepEqual(fetched, [200]);
    assert.deepEqual(builder, [], "the code that builds an index here is not downloaded");
    assertClean();
    await context.close();
  }
  // Missing (404) or not an index (a host's HTML page): search builds its own, same results,
  // with code it downloads only then.
  for (const [name, reply] of [
    ["missing", { status: 404, contentType: "text/html", body: "<h1>Not found</h1>" }],
    ["damaged", { status: 200, contentType: "application/octet-stream", body: Buffer.from("EGSI\u0001garbage") }],
  ]) {
    const { page, url, context, assertClean } = await openPage(suite, PHONE, {
      expectFailures: ["/search-index.bin"],
    });
    await page.route("**/search-index.bin", (route) => route.fulfill(reply));
    const builder = [];
    page.on("request", (r) => /\/split_built_search_index_/.test(r.url()) && builder.push(r.url()));
    await page.goto(url(query));
    await waitForApp(page);
    await resultLinks(page).filter({ hasText: expected }).first().waitFor({ timeout: 10_000 });
    assert.equal(builder.length, 1, `${name}: the code that builds an index here, once`);
    assert.match(await page.getByRole("status").filter({ hasText: /result/ }).innerText(), /\d+ results?/, name);
    assertClean();
    await context.close();
  }
});

test("Back from a result far down returns to it, with as many results shown as before", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.goto(url("/search?q=e-government"));
  await waitForApp(page);
  await resultLinks(page).nth(9).waitFor();
  const more = page.getByRole("button", { name: "Show more results" });
  await more.click();
  await resultLinks(page).nth(29).waitFor();
  await more.click();
  await resultLinks(page).nth(49).waitFor();
  const result = resultLinks(page).nth(45);
  const name = await result.textContent();
  await result.scrollIntoViewIfNeeded();
  assert.ok((await page.evaluate(() => scrollY)) > 2000, "far down the results");
  const top = (await result.boundingBox()).y;
  await result.click();
  await page.getByRole("heading", { level: 1, name }).waitFor();
  await page.goBack();
  await box(page).waitFor();
  await resultLinks(page).nth(49).waitFor();
  assert.equal(await resultLinks(page).count(), 50, "the results shown before are shown again");
  // Rows far down are laid out only when seen, so the page's scroll position differs: what
  // counts is that the result opened is where it was on the screen.
  await page.waitForFunction(
    (top) => Math.abs(document.querySelectorAll("#search-results a")[45].getBoundingClientRect().top - top) < 2,
    top,
    { timeout: 3000 },
  );
  assertClean();
  await context.close();
});
