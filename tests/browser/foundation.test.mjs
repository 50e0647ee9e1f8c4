// The app's foundation, driven as a person would in headless Chromium: the release bundle,
// served under a sub-path, at phone and desktop sizes, through roles and labels.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  startSuite,
  openPage,
  waitForApp,
  holdWasm,
  changeContentFile,
  WASM_FILES,
  FIRST_LOAD,
  DIST,
  PHONE,
  DESKTOP,
} from "./harness.mjs";

let suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

const h1 = (page, name) => page.getByRole("heading", { level: 1, name, exact: true });

/** The page has exactly one h1, and it has `name`. */
async function expectHeading(page, name) {
  await h1(page, name).waitFor();
  assert.equal(await page.getByRole("heading", { level: 1 }).count(), 1, "exactly one h1");
}

async function focusedHeadingText(page) {
  return page.evaluate(() =>
    document.activeElement?.tagName === "H1" ? document.activeElement.textContent : null,
  );
}

for (const [label, viewport] of [
  ["phone", PHONE],
  ["desktop", DESKTOP],
]) {
  test(`a person browses from home to an item and back (${label})`, async () => {
    const { page, url, context, assertClean } = await openPage(suite, viewport);
    await page.goto(url("/"));
    await waitForApp(page);
    await expectHeading(page, "e-Gov Companion");
    assert.equal(await page.title(), "e-Gov Companion");

    await page.getByRole("link", { name: "2017 programme in Seoul (7th edition)" }).click();
    await expectHeading(page, "2017 programme in Seoul (7th edition)");
    assert.match(page.url(), /\/egov\/editions\/edition-2017-seoul$/);
    assert.equal(await page.title(), "2017 programme in Seoul (7th edition) – e-Gov Companion");
    assert.equal(await focusedHeadingText(page), "2017 programme in Seoul (7th edition)");
    await page.getByRole("heading", { name: "Programme, day by day" }).waitFor();
    await page.getByRole("heading", { name: "Friday 3 November 2017" }).waitFor();

    await page.getByRole("link", { name: "Wrap-up meeting at KLID headquarters" }).click();
    await expectHeading(page, "Wrap-up meeting at KLID headquarters");
    const facts = page.locator("dl");
    assert.match(await facts.innerText(), /Friday 3 November 2017/);
    assert.match(await facts.innerText(), /Sang-Baek Chris Kang/);

    await page.goBack();
    await expectHeading(page, "2017 programme in Seoul (7th edition)");

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }).click();
    await expectHeading(page, "e-Gov Companion");
    await page.getByRole("link", { name: "Site visits" }).click();
    await expectHeading(page, "Site visits");
    assert.equal(await page.title(), "Site visits – e-Gov Companion");
    await page.getByRole("link", { name: "Information Network Village (Invil)" }).click();
    await expectHeading(page, "Information Network Village (Invil)");
    await page.getByRole("heading", { name: "Sources" }).waitFor();
    await page.getByRole("heading", { name: "Related" }).waitFor();
    const korean = page.locator('[lang="ko"]', { hasText: "정보화마을" });
    assert.equal(await korean.count(), 1, "the Hangul alias is marked lang=ko");
    assertClean();
    await context.close();
  });
}

test("a reloaded deep link under the sub-path opens the same page", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE, {
    expectFailures: ["/egov/organisations/klid"],
  });
  await page.goto(url("/organisations/klid"));
  await waitForApp(page);
  await expectHeading(page, "Korea Local Information Research and Development Institute");
  await page.reload();
  await waitForApp(page);
  await expectHeading(page, "Korea Local Information Research and Development Institute");
  // A related item, followed from the deep link, stays under the sub-path.
  await page.getByRole("link", { name: "Workshop at KLID headquarters" }).first().click();
  await expectHeading(page, "Workshop at KLID headquarters");
  assert.match(page.url(), /\/egov\/sessions\/2017-workshop-klid$/);
  assertClean();
  await context.close();
});

test("an unknown address shows the not-found page with a way home", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE, {
    // An unknown item has no file of its own either (asked for on a first visit).
    expectFailures: [
      "/egov/no/such/page",
      "/egov/case-studies/no-such-item",
      "/egov/content/items/case-studies/no-such-item.json",
      "/egov/gadgets",
    ],
  });
  for (const path of ["/no/such/page", "/case-studies/no-such-item", "/gadgets"]) {
    await page.goto(url(path));
    await waitForApp(page);
    await expectHeading(page, "Page not found");
    assert.equal(await page.title(), "Page not found – e-Gov Companion");
  }
  await page.getByRole("link", { name: "Go to the home page" }).click();
  await expectHeading(page, "e-Gov Companion");
  assertClean();
  await context.close();
});

test("every route has a unique title and one h1", async () => {
  const { page, url, context, assertClean } = await openPage(suite, DESKTOP);
  const routes = {
    "/": "e-Gov Companion",
    "/about": "About this app",
    "/search": "Search",
    "/saved": "Saved",
    "/editions": "Programme editions",
    "/countries/romania": "Romania",
  };
  await page.goto(url("/"));
  await waitForApp(page);
  const titles = new Set();
  for (const [path, heading] of Object.entries(routes)) {
    // Navigate inside the app, as links do, through the router's history.
    await page.evaluate((to) => {
      history.pushState(null, "", to);
      dispatchEvent(new PopStateEvent("popstate"));
    }, url(path));
    await expectHeading(page, heading);
    titles.add(await page.title());
  }
  assert.equal(titles.size, Object.keys(routes).length, "titles are unique");
  assertClean();
  await context.close();
});

test("a broken content file is named, the rest works, and Retry recovers", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  const undo = await changeContentFile(page, "sessions.json", () => '{"kind": "session", "items": [');
  await page.goto(url("/"));
  await waitForApp(page);
  const notice = page.getByRole("region", { name: "Some content could not be loaded" });
  await notice.waitFor();
  assert.match(await notice.innerText(), /sessions\.json/);
  assert.match(await notice.innerText(), /ends too early/);

  // Everything else still works.
  await page.getByRole("link", { name: "Organisations" }).click();
  await expectHeading(page, "Organisations");
  await page.getByRole("link", { name: "Ministry of the Interior and Safety" }).click();
  await expectHeading(page, "Ministry of the Interior and Safety");

  await undo();
  await notice.getByRole("button", { name: "Retry" }).click();
  await notice.waitFor({ state: "detached" });
  await page.goto(url("/sessions"));
  await waitForApp(page);
  await page.getByRole("link", { name: "Wrap-up meeting at KLID headquarters" }).waitFor();
  assertClean();
  await context.close();
});

/** The checks' code (`checked_assembly()`), fetched only for content the build did not stamp. */
const CHECKS = /\/split_checked_assembly_[^/]*\.wasm(\.xz)?$/;

test("content as the build checked and stamped it opens every page without fetching the checks' code", async () => {
  assert.ok(readdirSync(DIST).some((file) => CHECKS.test(`/${file}`)), "the build has the checks' code as a piece");
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  const checks = [];
  page.on("request", (request) => CHECKS.test(new URL(request.url()).pathname) && checks.push(request.url()));
  for (const [path, heading] of [
    ["/", "e-Gov Companion"],
    ["/people/sang-baek-chris-kang", "Sang-Baek Chris Kang"],
  ]) {
    await page.goto(url(path));
    await waitForApp(page);
    await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  }
  await page.getByRole("heading", { level: 2, name: "Sources", exact: true }).waitFor();
  assert.equal(await page.getByRole("region", { name: "Some content could not be loaded" }).count(), 0);
  assert.deepEqual(checks, []);
  assertClean();
  await context.close();
});

test("an invalid item is left out with a notice naming file, item and field", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  // Changed on the host after the build: its stamp no longer matches, so it is checked.
  const checks = [];
  page.on("request", (request) => CHECKS.test(new URL(request.url()).pathname) && checks.push(request.url()));
  await changeContentFile(page, "people.json", (text) => {
    const file = JSON.parse(text);
    file.items[0].summary = "";
    return JSON.stringify(file);
  });
  await page.goto(url("/people"));
  await waitForApp(page);
  const notice = page.getByRole("region", { name: "Some content could not be loaded" });
  await notice.waitFor();
  assert.match(
    await notice.innerText(),
    /people\.json, item "sang-baek-chris-kang", field "summary": is empty/,
  );
  assert.equal(await page.getByRole("link", { name: "Sang-Baek Chris Kang" }).count(), 0);
  assert.equal(checks.length, 1, "the checks' code fetched once");
  assertClean();
  await context.close();
});

test("a failed content index shows the failure and Retry loads the app", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE, {
    expectFailures: ["/content/index.json", "/content/first-load.json"],
  });
  // The combined file first (the app then fetches the files one by one), then the index.
  const notFound = (route) => route.fulfill({ status: 404, contentType: "text/html", body: "<h1>Not found</h1>" });
  await page.route(FIRST_LOAD, notFound);
  await page.route("**/content/index.json", notFound);
  await page.goto(url("/"));
  await waitForApp(page);
  await h1(page, "The knowledge base could not be loaded").waitFor();
  assert.match(await page.locator("main").innerText(), /index\.json: could not be downloaded: the server answered 404/);
  await page.unroute("**/content/index.json");
  await page.unroute(FIRST_LOAD);
  await page.getByRole("button", { name: "Retry" }).click();
  await page.getByRole("link", { name: "2017 programme in Seoul (7th edition)" }).waitFor();
  assertClean();
  await context.close();
});

test("a host that answers JSON requests with its HTML page is explained", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  // The combined file is missing too (the app then fetches the files one by one).
  const htmlPage = (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<!DOCTYPE html><title>Home</title>" });
  await page.route(FIRST_LOAD, htmlPage);
  await page.route("**/content/countries.json", htmlPage);
  await page.goto(url("/"));
  await waitForApp(page);
  const notice = page.getByRole("region", { name: "Some content could not be loaded" });
  await notice.waitFor();
  assert.match(await notice.innerText(), /countries\.json: the server sent a web page instead of JSON/);
  assertClean();
  await context.close();
});

test("a damaged first-load file is set aside: the files one by one, nothing missing", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.route(FIRST_LOAD, async (route) => {
    const response = await route.fetch();
    const text = await response.text();
    await route.fulfill({ response, body: text.slice(0, text.length / 2) });
  });
  const asked = [];
  page.on("request", (request) => asked.push(new URL(request.url()).pathname));
  await page.goto(url("/sessions"));
  await waitForApp(page);
  await page.getByRole("link", { name: "Wrap-up meeting at KLID headquarters" }).waitFor();
  assert.equal(await page.getByRole("region", { name: "Some content could not be loaded" }).count(), 0);
  for (const file of ["index.json", "sessions.json", "glossary.json"]) {
    assert.ok(asked.includes(`/egov/content/${file}`), `${file} fetched on its own: ${asked.join(", ")}`);
  }
  await page.evaluate((to) => {
    history.pushState(null, "", to);
    dispatchEvent(new PopStateEvent("popstate"));
  }, url("/glossary"));
  await expectHeading(page, "Glossary");
  assertClean();
  await context.close();
});

test("the first screen is real HTML before the WebAssembly runs", async () => {
  const { page, url, context } = await openPage(suite, PHONE);
  await page.route(WASM_FILES, () => {}); // never answer: the app cannot start
  await page.goto(url("/"), { waitUntil: "domcontentloaded" });
  assert.match(await page.locator("#boot").innerText(), /e-Gov Companion/);
  // The home page itself, drawn by the app at build time: its blocks, and links that work.
  await page.locator("#boot").getByRole("heading", { level: 2, name: "Featured case studies" }).waitFor();
  assert.ok(await page.locator("#boot").getByRole("link", { name: "Case studies" }).first().isVisible());
  await context.close();
});

test("the skip link moves focus to the main content", async () => {
  const { page, url, context, assertClean } = await openPage(suite, DESKTOP);
  await page.goto(url("/about"));
  await waitForApp(page);
  await expectHeading(page, "About this app");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  assert.equal(await skip.evaluate((el) => el === document.activeElement), true);
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "main");
  assert.match(page.url(), /\/egov\/about$/);
  assertClean();
  await context.close();
});

test("without service workers the app says it cannot work offline, and still works", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, "serviceWorker", { get: () => undefined });
    delete Navigator.prototype.serviceWorker;
  });
  await page.goto(url("/"));
  await waitForApp(page);
  await page.getByRole("status").filter({ hasText: "cannot keep the app for offline use" }).waitFor();
  await page.getByRole("link", { name: "Case studies" }).click();
  await expectHeading(page, "Case studies");
  assertClean();
  await context.close();
});

test("a strict content security policy is enforced with no violations", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`),
    );
  });
  await page.goto(url("/"));
  await waitForApp(page);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  assert.match(policy, /default-src 'self'/);
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  assert.match(policy, /style-src 'self' 'sha256-[A-Za-z0-9+/=]+'/, "the page's own stylesheet, by its hash");
  assert.match(policy, /object-src 'none'/);
  assert.match(policy, /base-uri 'self'/);
  assert.doesNotMatch(policy, /unsafe-inline/);
  for (const path of ["/case-studies/hometax", "/search?q=seoul", "/saved", "/about"]) {
    await page.goto(url(path));
    await waitForApp(page);
    await page.getByRole("heading", { level: 1 }).waitFor();
  }
  // A script injected the way an attack would be is refused.
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.__injected = true";
    document.body.append(script);
  });
  assert.equal(await page.evaluate(() => window.__injected), undefined);
  // So is an injected stylesheet: only the page's own is allowed.
  const colour = await page.evaluate(() => {
    const style = document.createElement("style");
    style.textContent = "body { color: rgb(255, 0, 0) !important }";
    document.head.append(style);
    return getComputedStyle(document.body).color;
  });
  assert.notEqual(colour, "rgb(255, 0, 0)");
  const violations = await page.evaluate(() => window.__cspViolations);
  assert.deepEqual(violations, ["script-src-elem: inline", "style-src-elem: inline"]);
  // The header version for hosts that send one: the same policy, every hash, and framing
  // refused, for the paths under the app.
  const headers = readFileSync(join(DIST, "_headers"), "utf8");
  const [pattern, cspLine] = headers.split("\n");
  assert.equal(pattern, "/egov/*");
  assert.equal(cspLine.trim(), `Content-Security-Policy: ${policy}; frame-ancestors 'none'`);
  assert.match(headers, /Referrer-Policy: no-referrer/);
  // Not assertClean(): the refused script above is logged as an error, on purpose.
  await context.close();
});

test("the dark theme can be chosen, follows the system until then, and is remembered", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(url("/about"));
  await waitForApp(page);
  const toggle = page.getByRole("button", { name: "Dark theme" });
  assert.equal(await toggle.getAttribute("aria-pressed"), "false");
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(await background(), "rgb(255, 255, 255)");
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-pressed"), "true");
  assert.equal(await background(), "rgb(17, 20, 23)");
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.getByRole("button", { name: "Dark theme" }).getAttribute("aria-pressed"), "true");
  assert.equal(await background(), "rgb(17, 20, 23)");
  // The page's own script applies it before the app has loaded: no light flash.
  const release = await holdWasm(page);
  await page.goto(url("/case-studies"), { waitUntil: "domcontentloaded" });
  assert.ok(await page.locator("#boot").isVisible(), "the app has not started");
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
  assert.equal(await background(), "rgb(17, 20, 23)");
  release();
  await waitForApp(page);
  // Another open tab of the app follows a change at once, its button too.
  const other = await context.newPage();
  await other.emulateMedia({ colorScheme: "light" });
  await other.goto(url("/about"));
  await waitForApp(other);
  const otherToggle = other.getByRole("button", { name: "Dark theme" });
  assert.equal(await otherToggle.getAttribute("aria-pressed"), "true");
  await page.getByRole("button", { name: "Dark theme" }).click();
  await other.waitForFunction(() => document.documentElement.dataset.theme === "light");
  assert.equal(await otherToggle.getAttribute("aria-pressed"), "false");
  assert.equal(await other.evaluate(() => getComputedStyle(document.body).backgroundColor), "rgb(255, 255, 255)");
  assertClean();
  await context.close();
});

test("home features case studies and lists what was saved most recently", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.goto(url("/"));
  await waitForApp(page);
  const featured = page.getByRole("region", { name: "Featured case studies" });
  await featured.getByRole("link", { name: "Hometax (online tax services)" }).waitFor();
  assert.equal(await page.getByRole("region", { name: "Recently saved" }).count(), 0);
  await featured.getByRole("button", { name: "Save Hometax (online tax services)" }).click();
  const recent = page.getByRole("region", { name: "Recently saved" });
  await recent.getByRole("link", { name: "Hometax (online tax services)" }).waitFor();
  await recent.getByRole("link", { name: "Everything you saved" }).click();
  await expectHeading(page, "Saved");
  assertClean();
  await context.close();
});
