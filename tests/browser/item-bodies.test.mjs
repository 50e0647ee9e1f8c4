// The items' bodies deployed apart (egov_core::content::bodies, split by the build): a first
// page waits only for what it draws (the heads, and an item's page the item's own file on a
// first visit, its kind's bodies once the service worker serves the app), the
// rest follows once it responds, a page that needs a body not yet there waits for it
// without losing the static page, and a bodies file that fails is named with a Retry, which
// fetches anew even where the host lets the browser keep files for minutes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  startSuite,
  openPage,
  waitForApp,
  slowNetwork,
  makeBuildB,
  waitUntilOfflineReady,
  holdRequests,
  MAIN_MODULE,
  PHONE,
  DIST,
} from "./harness.mjs";

let suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

/** Every file the page has downloaded: path, start and end (ms from navigation). */
const downloads = (page) =>
  page.evaluate(() =>
    performance.getEntriesByType("resource").map((r) => ({ path: new URL(r.name).pathname, start: r.startTime, end: r.responseEnd })),
  );

const isBodies = (file) => /\/content\/[a-z-]+\.bodies\.json$/.test(file.path);
const isHeads = (file) => /\/content\/[a-z-]+\.json(\.xz)?$/.test(file.path);
const isItemFile = (file) => /\/content\/items\//.test(file.path);
const isMainWasm = (file) => MAIN_MODULE.test(file.path);

/** Waits until all nine bodies files have downloaded, and returns every download. */
async function afterAllBodies(page) {
  await page.waitForFunction(
    () => performance.getEntriesByType("resource").filter((r) => /\.bodies\.json$/.test(r.name) && r.responseEnd > 0).length >= 9,
  );
  return downloads(page);
}

test("the home page waits only for the items' heads; their bodies follow once it has been drawn", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await slowNetwork(context, page);
  await page.goto(url("/"));
  await waitForApp(page);
  // The app responds before any body has arrived.
  const atFirstDraw = await downloads(page);
  assert.equal(atFirstDraw.filter((f) => isBodies(f) && f.end > 0).length < 9, true, "not every body was waited for");
  const files = await afterAllBodies(page);
  const main = files.find(isMainWasm);
  const heads = files.filter(isHeads);
  assert.deepEqual(
    heads.map((f) => f.path),
    ["/egov/content/first-load.json.xz"],
    "index.json and the nine kind files' heads, in one file (packed, on a first visit)",
  );
  const lastHead = Math.max(...heads.map((f) => f.end));
  for (const file of files.filter(isBodies)) {
    assert.ok(file.start >= main.end && file.start >= lastHead, `${file.path} asked for at ${file.start} ms, before the app had drawn its first page`);
    assert.equal(files.filter((f) => f.path === file.path).length, 1, `${file.path} downloaded once`);
  }
  assertClean();
  await context.close();
});

test("a first visit to an item's page asks for that item's own file with the app's own files, and every body after", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await slowNetwork(context, page);
  // No kind's bodies arrive until the page shows the item whole: it needs only its own file.
  const release = await holdRequests(page, "**/content/*.bodies.json");
  await page.goto(url("/case-studies/hometax"));
  await waitForApp(page);
  await page.getByRole("heading", { level: 2, name: "Sources", exact: true }).waitFor();
  release();
  const files = await afterAllBodies(page);
  const main = files.find(isMainWasm);
  const own = files.filter(isItemFile);
  assert.deepEqual(
    own.map((f) => f.path),
    ["/egov/content/items/case-studies/hometax.json"],
    "the item's own file, once: the early request is the one the app uses",
  );
  assert.ok(own[0].start < main.end, `asked for at ${own[0].start} ms, after the WebAssembly arrived at ${main.end} ms`);
  for (const file of files.filter(isBodies)) {
    assert.ok(file.start >= main.end, `${file.path} asked for at ${file.start} ms, with the first page's files`);
  }
  // The page shows the whole item, the same as from its kind's bodies.
  assert.ok((await page.getByRole("main").innerText()).includes("Sources"));
  assertClean();
  await context.close();
});

test("an item's page responds before it asks for the bodies and the photo tools", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await slowNetwork(context, page);
  // The moment the app has taken the page over and a control in it works, recorded by the
  // page itself: a mutation observer runs at the end of the task that drew the page.
  await page.addInitScript(() => {
    const responds = () =>
      !document.getElementById("boot") && document.querySelector("main button:not([disabled]), main textarea:not([disabled])");
    new MutationObserver(() => {
      if (window.respondedAt === undefined && responds()) window.respondedAt = performance.now();
    }).observe(document, { childList: true, subtree: true, attributes: true });
  });
  await page.goto(url("/case-studies/hometax"));
  await waitForApp(page);
  await page.getByRole("button", { name: "Add photos from the gallery" }).and(page.locator(":enabled")).waitFor();
  const files = await afterAllBodies(page);
  const respondedAt = await page.evaluate(() => window.respondedAt);
  const later = [...files.filter(isBodies), ...files.filter((f) => /\/split_photo_editor_[^/]*\.wasm(\.xz)?$/.test(f.path))];
  assert.equal(later.length, 10, "nine bodies files and the photo editor's code");
  // Asked for in a task after the one that drew the page: asking for them in it kept the
  // page from responding 10–30 ms longer on a slow phone.
  for (const file of later) {
    assert.ok(file.start > respondedAt, `${file.path} asked for at ${file.start} ms, before the page responded at ${respondedAt} ms`);
  }
  assertClean();
  await context.close();
});

test("on every kind of static host, a first visit to an item's page and to an unknown one works from the items' own files", async () => {
  for (const host of ["github", "cloudflare", "nginx"]) {
    const hosted = await startSuite({ host });
    try {
      const { page, url, context, assertClean } = await openPage(hosted, PHONE, {
        // nginx answers unknown paths with the app itself (200); the others with 404.
        expectFailures: ["/case-studies/no-such-item"],
      });
      const release = await holdRequests(page, "**/content/*.bodies.json");
      await page.goto(url("/case-studies/e-people"));
      await waitForApp(page);
      await page.getByRole("heading", { level: 2, name: "Sources", exact: true }).waitFor();
      await page.goto(url("/case-studies/no-such-item"));
      await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
      release();
      assertClean();
      await context.close();
    } finally {
      await hosted.close();
    }
  }
});

test("a visit the service worker serves takes an item's body from its kind's bodies, kept offline, not from the item's own file", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE, { serviceWorkers: "allow" });
  await page.goto(url("/"));
  await waitForApp(page);
  await waitUntilOfflineReady(page);
  await page.goto(url("/case-studies/hometax"));
  await waitForApp(page);
  await page.getByRole("heading", { level: 2, name: "Sources", exact: true }).waitFor();
  const files = await downloads(page);
  assert.deepEqual(files.filter(isItemFile), [], "no item's own file: the worker does not keep them");
  assert.ok(files.some((f) => f.path.endsWith("/content/case-studies.bodies.json")), "its kind's bodies");
  // And offline, the same page opens whole.
  await context.setOffline(true);
  await page.goto(url("/case-studies/e-people"));
  await waitForApp(page);
  await page.getByRole("heading", { level: 2, name: "Sources", exact: true }).waitFor();
  assertClean();
  await context.close();
});

test("a first visit to an unknown item's page says it is not found without waiting for every body", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE, {
    expectFailures: ["/content/items/case-studies/no-such-item.json", "/case-studies/no-such-item"],
  });
  const release = await holdRequests(page, "**/content/*.bodies.json");
  await page.goto(url("/case-studies/no-such-item"));
  await page.getByRole("heading", { level: 1, name: /not found/i }).waitFor();
  release();
  assertClean();
  await context.close();
});

test("an item opened before its body has arrived waits for it, then shows it in full", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  const release = await holdRequests(page, "**/content/organisations.bodies.json");
  await page.goto(url("/"));
  await waitForApp(page);
  await page.getByRole("link", { name: "Organisations" }).first().click();
  await page.getByRole("heading", { level: 1, name: "Organisations" }).waitFor();
  await page.getByRole("link", { name: "Ministry of the Interior and Safety" }).click();
  // Not a page without its sources, not "not found": the loading line.
  await page.getByRole("status").filter({ hasText: "Loading the knowledge base" }).waitFor();
  assert.equal(await page.getByRole("heading", { level: 1, name: "Ministry of the Interior and Safety" }).count(), 0);
  release();
  await page.getByRole("heading", { level: 1, name: "Ministry of the Interior and Safety" }).waitFor();
  await page.getByRole("heading", { level: 2, name: "Sources", exact: true }).waitFor();
  assertClean();
  await context.close();
});

test("a bodies file that fails is named, the other kinds' pages work, and Retry recovers", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE, {
    expectFailures: ["/content/people.bodies.json"],
  });
  await page.route("**/content/people.bodies.json", (route) =>
    route.fulfill({ status: 404, contentType: "text/html", body: "<h1>Not found</h1>" }),
  );
  await page.goto(url("/"));
  await waitForApp(page);
  const notice = page.getByRole("region", { name: "Some content could not be loaded" });
  await notice.waitFor();
  assert.match(await notice.innerText(), /people\.bodies\.json: could not be downloaded: the server answered 404/);
  // Another kind's item opens in full.
  await page.goto(url("/case-studies/hometax"));
  await waitForApp(page);
  await page.getByRole("heading", { level: 2, name: "Sources", exact: true }).waitFor();
  await notice.waitFor();
  await page.unroute("**/content/people.bodies.json");
  await notice.getByRole("button", { name: "Retry" }).click();
  await notice.waitFor({ state: "detached" });
  await page.goto(url("/people"));
  await waitForApp(page);
  await page.getByRole("link", { name: "Sang-Baek Chris Kang" }).click();
  await page.getByRole("heading", { level: 1, name: "Sang-Baek Chris Kang" }).waitFor();
  await page.getByRole("heading", { level: 2, name: "Sources", exact: true }).waitFor();
  assertClean();
  await context.close();
});

test("a person back between two deployments is told, and Retry loads the new one whole, though the host lets browsers keep files", async () => {
  // GitHub Pages lets browsers keep every file for ten minutes. The person's first visit
  // (build A) got the index and the heads, and left before any body had come (here: the
  // bodies are not on the host yet). Build B is then deployed; the bodies now come from B,
  // the index and heads from the browser's cache: A's.
  const github = await startSuite({ host: "github" });
  const beforeBodies = mkdtempSync(join(tmpdir(), "egov-no-bodies-"));
  cpSync(DIST, beforeBodies, { recursive: true });
  for (const file of readdirSync(join(beforeBodies, "content")).filter((name) => name.endsWith(".bodies.json"))) {
    rmSync(join(beforeBodies, "content", file));
  }
  const buildB = makeBuildB();
  try {
    github.server.setRoot(beforeBodies);
    const { page, url, context, assertClean } = await openPage(github, PHONE, { expectFailures: [".bodies.json"] });
    await page.goto(url("/"));
    await waitForApp(page);
    const notice = page.getByRole("region", { name: "Some content could not be loaded" });
    await notice.waitFor();
    github.server.setRoot(buildB.dir);
    await page.goto(url("/countries/romania"));
    await waitForApp(page);
    await notice.waitFor();
    assert.match(await notice.innerText(), /countries\.bodies\.json: is from content version 2099-01-01, not [0-9-]+: parts of two deployments met/);
    // Retry asks the host again for every file, not the browser's copies of A's.
    await notice.getByRole("button", { name: "Retry" }).click();
    await notice.waitFor({ state: "detached" });
    await page.goto(url("/countries"));
    await waitForApp(page);
    await page.getByRole("link", { name: "Romania (build B)" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Romania (build B)" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Sources", exact: true }).waitFor();
    assertClean();
    await context.close();
  } finally {
    buildB.remove();
    rmSync(beforeBodies, { recursive: true, force: true });
    await github.close();
  }
});
