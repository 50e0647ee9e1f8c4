// The app's code packed for first visits (scripts/post-build.mjs): a visit the service
// worker does not serve downloads the app's WebAssembly (the main module, and each lazy
// page's piece when it is needed) and the content's first file (the index and the kind
// files' heads) xz-compressed with a small decoder (about a quarter fewer bytes than the
// gzip most static hosts send), unless the host compresses with brotli, which does as well;
// if a packed file or the decoder fails, the app loads the plain file; a visit the worker
// serves takes the plain files from it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startSuite, openPage, waitForApp, waitUntilOfflineReady, PHONE, DIST } from "./harness.mjs";

let suite;
before(async () => {
  suite = await startSuite({ host: "github" });
});
after(async () => {
  await suite?.close();
});

const PACKED = /egov-companion-[0-9a-f]+_bg\.wasm\.xz$/;
const PLAIN = /egov-companion-[0-9a-f]+_bg\.wasm$/;
const DECODER = /xz-decompress-[0-9a-f]+\.js$/;
const DECODER_MODULE = /xz-decompress-[0-9a-f]+\.wasm$/;
const PACKED_FIRST_LOAD = /\/content\/first-load\.json\.xz$/;
const PLAIN_FIRST_LOAD = /\/content\/first-load\.json$/;

/** The paths of every file the page has asked for, from the browser's resource timing. */
const requested = (page) => page.evaluate(() => performance.getEntriesByType("resource").map((r) => new URL(r.name).pathname));

/** The app responds: a list opened from the home page, and an item from the list. */
async function browse(page) {
  await page.getByRole("main").getByRole("link", { name: "Case studies" }).first().click();
  await page.getByRole("heading", { level: 1, name: "Case studies" }).waitFor();
  await page.getByRole("main").getByRole("link", { name: /Hometax/ }).first().click();
  await page.getByRole("heading", { level: 1, name: /Hometax/ }).waitFor();
  await page.getByRole("button", { name: /^Save/ }).first().waitFor();
}

/** The page asked for the plain module once, and for no packed file (module, piece or content) nor the decoder. */
async function assertPlainModuleOnly(page) {
  const files = await requested(page);
  assert.equal(files.filter((f) => PLAIN.test(f)).length, 1, JSON.stringify(files));
  assert.deepEqual(files.filter((f) => f.endsWith(".xz") || DECODER.test(f) || DECODER_MODULE.test(f)), []);
}

/** How many times the page asked for a file whose path matches `pattern`. */
const askedFor = async (page, pattern) => (await requested(page)).filter((f) => pattern.test(f)).length;

test("a first visit downloads the app's WebAssembly and the content's first file packed, with their decoder, and never the plain ones", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.goto(url("/"));
  await waitForApp(page);
  await browse(page);
  const files = await requested(page);
  assert.equal(files.filter((f) => PACKED.test(f)).length, 1, JSON.stringify(files));
  assert.equal(files.filter((f) => PACKED_FIRST_LOAD.test(f)).length, 1, JSON.stringify(files));
  assert.equal(files.filter((f) => DECODER.test(f)).length, 1, JSON.stringify(files));
  assert.equal(files.filter((f) => DECODER_MODULE.test(f)).length, 1, JSON.stringify(files));
  assert.deepEqual(files.filter((f) => PLAIN.test(f) || PLAIN_FIRST_LOAD.test(f)), []);
  // Nothing the combined file holds was fetched on its own.
  assert.deepEqual(files.filter((f) => /\/content\/(index|[a-z-]+(?<!\.bodies))\.json$/.test(f)), []);
  assertClean();
  await context.close();
});

test("the decoder is asked for at the same priority as the module it decodes", async () => {
  // An inserted script is asked for at low priority; an HTTP/2 host that serves by
  // priority would then send the decoder after the whole module, and decoding (and
  // compiling) could not start until all of it had arrived.
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const priorities = new Map();
  cdp.on("Network.requestWillBeSent", ({ request }) => priorities.set(new URL(request.url).pathname, request.initialPriority));
  await page.goto(url("/"));
  await waitForApp(page);
  const of = (pattern) => [...priorities].filter(([path]) => pattern.test(path)).map(([, priority]) => priority);
  assert.deepEqual(of(PACKED), ["High"], JSON.stringify([...priorities]));
  assert.deepEqual(of(DECODER), ["High"], JSON.stringify([...priorities]));
  assert.deepEqual(of(DECODER_MODULE), ["High"], JSON.stringify([...priorities]));
  assertClean();
  await context.close();
});

const SEARCH_PIECE = /split___search_route_view_\w+-[0-9a-f]+\.wasm/;

test("a first visit to a search link takes the search page's code packed too, and search works", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.goto(url("/search?q=hometax"));
  await waitForApp(page);
  await page.getByRole("main").getByRole("link", { name: /Hometax/ }).first().waitFor();
  const files = await requested(page);
  const pieces = files.filter((f) => SEARCH_PIECE.test(f));
  assert.equal(pieces.length, 1, JSON.stringify(files));
  assert.ok(pieces[0].endsWith(".wasm.xz"), pieces[0]);
  // Another page's code, asked for later, comes packed as well.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Saved" }).click();
  await page.getByRole("heading", { level: 1, name: "Saved" }).waitFor();
  const saved = (await requested(page)).filter((f) => /split___saved_route_view/.test(f));
  assert.equal(saved.length, 1, JSON.stringify(saved));
  assert.ok(saved[0].endsWith(".wasm.xz"), saved[0]);
  assertClean();
  await context.close();
});

test("when a page's packed code is missing, its plain code is fetched and the page works", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE, { expectFailures: ["xz"] });
  await page.route(/split___search_route_view[^/]*\.wasm\.xz$/, (route) => route.fulfill({ status: 404, body: "Not found" }));
  await page.goto(url("/search?q=hometax"));
  await waitForApp(page);
  await page.getByRole("main").getByRole("link", { name: /Hometax/ }).first().waitFor();
  const pieces = (await requested(page)).filter((f) => SEARCH_PIECE.test(f));
  assert.ok(pieces.some((f) => f.endsWith(".wasm")), JSON.stringify(pieces));
  assertClean();
  await context.close();
});

test("a host that compresses with brotli sends the plain module, and no decoder is fetched", async () => {
  const brotli = await startSuite({ host: "cloudflare", compress: "br" });
  try {
    const { page, url, context, assertClean } = await openPage(brotli, PHONE);
    await page.goto(url("/"));
    await waitForApp(page);
    assert.equal(await page.evaluate(() => performance.getEntriesByType("navigation")[0].contentEncoding), "br");
    await browse(page);
    await assertPlainModuleOnly(page);
    assertClean();
    await context.close();
  } finally {
    await brotli.close();
  }
});

const MISSING = { status: 404, body: "Not found" };
const NOT_XZ = { status: 200, contentType: "application/x-xz", body: "not xz at all" };
for (const [failure, pattern, answer, plain] of [
  ["the packed module is missing", PACKED, MISSING, [PLAIN]],
  ["the packed module is not xz", PACKED, NOT_XZ, [PLAIN]],
  ["the packed first-load file is missing", PACKED_FIRST_LOAD, MISSING, [PLAIN_FIRST_LOAD]],
  ["the packed first-load file is not xz", PACKED_FIRST_LOAD, NOT_XZ, [PLAIN_FIRST_LOAD]],
  ["the decoder is missing", DECODER, MISSING, [PLAIN, PLAIN_FIRST_LOAD]],
  ["the decoder's WebAssembly is missing", DECODER_MODULE, MISSING, [PLAIN, PLAIN_FIRST_LOAD]],
]) {
  test(`when ${failure}, the app loads the plain file and works`, async () => {
    const { page, url, context, assertClean } = await openPage(suite, PHONE, { expectFailures: ["xz"] });
    await page.route(pattern, (route) => route.fulfill(answer));
    await page.goto(url("/"));
    await waitForApp(page);
    await browse(page);
    for (const file of plain) assert.equal(await askedFor(page, file), 1, `${file}: ${JSON.stringify(await requested(page))}`);
    assert.equal(await page.getByRole("region", { name: "Some content could not be loaded" }).count(), 0);
    assertClean();
    await context.close();
  });
}

test("a visit the service worker serves takes the plain module from it, which the worker keeps; the packed one is not kept", async () => {
  const worker = readFileSync(join(DIST, "sw.js"), "utf8");
  assert.doesNotMatch(worker, /\.xz"|xz-decompress/, "the worker's precache lists no packed file and not the decoder");
  assert.match(worker, /egov-companion-[0-9a-f]+_bg\.wasm"/, "the worker keeps the plain module");
  const { page, url, context, assertClean } = await openPage(suite, PHONE, { serviceWorkers: "allow" });
  await page.goto(url("/"));
  await waitForApp(page);
  await waitUntilOfflineReady(page);
  await context.setOffline(true);
  await page.reload();
  await waitForApp(page);
  await browse(page);
  await assertPlainModuleOnly(page);
  assertClean();
  await context.close();
});
