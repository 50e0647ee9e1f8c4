// The code of lazy pages and `#[lazy]` functions (scripts/split-wasm.mjs): each one module,
// holding the code it shares with other pieces. Two pages that share code each bring their
// own copy, so the second one instantiated writes that code's statics again; the loader
// keeps what the app had changed in them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { startSuite, openPage, waitForApp, DIST, PHONE } from "./harness.mjs";
import { appCodeVersion } from "../../scripts/split-wasm.mjs";

let suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

/** The built loader's lazy pieces (route, module, shared chunks) and the chunks' statics. */
function builtLoader() {
  const file = readdirSync(DIST).find((f) => /^__wasm_split-[0-9a-f]+\.js$/.test(f));
  assert.ok(file, `no split loader in ${DIST}`);
  const loader = readFileSync(join(DIST, file), "utf8");
  const statics = JSON.parse(/const STATICS = (\{.*\});/.exec(loader)?.[1] ?? "null");
  assert.ok(statics, "the loader lists no statics");
  const pieces = [...loader.matchAll(/export const __wasm_split_load_(\w+?)_\d+ = lazyModule\("\.\/([^"]+)", (\[[^\]]*\])\)/g)].map(
    ([, name, file, chunks]) => ({ route: /^__(\w+?)_route_view$/.exec(name)?.[1], file, chunks: JSON.parse(chunks) }),
  );
  return { statics, pieces };
}

test("the app's main code is named by what it is, so a host's kept copy of another build is never taken for it", () => {
  // The main module, its glue and the split loader name each other; the version in their
  // names is a hash of the three as deployed. Before, the module and glue kept Trunk's name
  // (a hash of cargo's output) when only the build step changed them.
  const files = readdirSync(DIST);
  const glue = files.find((f) => /^egov-companion-[0-9a-f]{16}\.js$/.test(f));
  const loader = files.find((f) => /^__wasm_split-[0-9a-f]{16}\.js$/.test(f));
  assert.ok(glue && loader, `no glue or loader in ${DIST}`);
  const stem = glue.slice(0, -".js".length);
  assert.ok(files.includes(`${stem}_bg.wasm`), "the main module is not named as its glue");
  const read = (file) => readFileSync(join(DIST, file), "utf8");
  const code = { wasm: readFileSync(join(DIST, `${stem}_bg.wasm`)), glue: read(glue), loader: read(loader) };
  const version = appCodeVersion(code, { stem, loader });
  assert.equal(stem, `egov-companion-${version}`);
  assert.equal(loader, `__wasm_split-${version}.js`);
  assert.ok(code.glue.includes(`./${loader}`) && code.loader.includes(`./${glue}`), "the glue and the loader do not import each other by these names");
  // Every page loads the app by these names.
  for (const page of ["index.html", "404.html", "case-studies.html"]) assert.ok(read(page).includes(`${glue}`), `${page} does not load ${glue}`);
});

test("a page opened on a lazy route fetches its code as one file, and no shared pieces", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.goto(url("/saved"));
  await waitForApp(page);
  await page.getByRole("heading", { level: 1, name: "Saved" }).waitFor();
  const lazy = await page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((r) => new URL(r.name).pathname)
      .filter((path) => /\/(split|chunk)_[^/]*\.wasm(\.xz)?$/.test(path)),
  );
  // Packed on this first visit (scripts/post-build.mjs, packModules).
  assert.equal(lazy.filter((path) => /\/split___saved_route_view[^/]*\.wasm(\.xz)?$/.test(path)).length, 1, JSON.stringify(lazy));
  assert.deepEqual(lazy.filter((path) => /\/chunk_/.test(path)), []);
  assert.equal(new Set(lazy).size, lazy.length, `a module fetched twice: ${JSON.stringify(lazy)}`);
  assertClean();
  await context.close();
});

test("code shared by two pages, loaded again with the second, keeps what the app changed in its statics", async () => {
  const { statics, pieces } = builtLoader();
  // Two pages that share a chunk whose statics the app writes to (today Report and Saved).
  const pair = pieces
    .filter((a) => a.route)
    .flatMap((a) => pieces.filter((b) => b.route && b !== a).map((b) => [a, b]))
    .map(([a, b]) => ({ a, b, chunk: a.chunks.find((c) => b.chunks.includes(c) && statics[c]) }))
    .find(({ chunk }) => chunk !== undefined);
  assert.ok(pair, "no two pages share a chunk with statics: choose another pair for this test");
  const ranges = statics[pair.chunk];

  const { page, url, context, assertClean } = await openPage(suite, PHONE, { expectFailures: [".wasm.xz"] });
  // The plain pieces, whose responses name their files (a first visit would take them
  // packed, decoded into responses with no address: packed-module.test.mjs).
  await page.route(/\/split_[^/]*\.wasm\.xz$/, (route) => route.fulfill({ status: 404, body: "Not found" }));
  // Around each instantiation of a lazy module: the statics just before, just after (as the
  // module wrote them) and once the loader's own code has run (before any of the app's).
  await page.addInitScript((ranges) => {
    window.__instantiations = [];
    const compileStreaming = WebAssembly.compileStreaming;
    WebAssembly.compileStreaming = async (source) => {
      const response = await source;
      const module = await compileStreaming(response);
      module.file = new URL(response.url).pathname.split("/").pop();
      return module;
    };
    const Instance = WebAssembly.Instance;
    WebAssembly.Instance = new Proxy(Instance, {
      construct(target, args) {
        const memory = args[1]?.__wasm_split_merged?.memory;
        const read = () => ranges.map(([at, length]) => [...new Uint8Array(memory.buffer, at, length)]);
        const record = { file: args[0].file, before: read() };
        const instance = Reflect.construct(target, args);
        record.written = read();
        queueMicrotask(() => (record.after = read()));
        window.__instantiations.push(record);
        return instance;
      },
    });
  }, ranges);
  await page.goto(url(`/${pair.a.route}`));
  await waitForApp(page);
  await page.locator("main h1").waitFor();
  await page.evaluate((route) => {
    history.pushState(null, "", new URL(route, document.baseURI));
    dispatchEvent(new PopStateEvent("popstate"));
  }, pair.b.route);
  await page.waitForFunction((file) => window.__instantiations.find((i) => i.file === file)?.after, pair.b.file);
  const second = await page.evaluate((file) => window.__instantiations.find((i) => i.file === file), pair.b.file);
  assert.notDeepEqual(second.written, second.before, "the second copy wrote the statics again (else this test shows nothing)");
  assert.deepEqual(second.after, second.before);
  await page.locator("main h1").filter({ hasText: /\S/ }).waitFor();
  assertClean();
  await context.close();
});

test("a host that sends a page's code as another type than application/wasm still opens the page", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE, { expectFailures: [".wasm.xz"] });
  // The plain piece (a packed one is decoded into a response of the right type).
  await page.route(/\/split___about_route_view[^/]*\.wasm\.xz$/, (route) => route.fulfill({ status: 404, body: "Not found" }));
  await page.route(/\/split___about_route_view[^/]*\.wasm$/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), "content-type": "application/octet-stream" } });
  });
  await page.goto(url("/about"));
  await waitForApp(page);
  await page.getByRole("heading", { level: 1, name: /About/ }).waitFor();
  assertClean();
  await context.close();
});

/** Opens home, lets everything but the lazy pieces arrive (the items' bodies load after
 * the app starts), and cuts the network. */
async function startThenGoOffline(page, url, context) {
  await page.goto(url("/"));
  await waitForApp(page);
  await page.waitForLoadState("networkidle");
  await context.setOffline(true);
}

/** Home, then offline, then Saved, whose code has not been downloaded: the notice saying so. */
async function openSavedOffline(page, url, context) {
  await startThenGoOffline(page, url, context);
  await page.getByRole("link", { name: "Saved", exact: true }).click();
  const waiting = page.getByRole("status").filter({ hasText: "Part of the app has not been downloaded yet, and there is no connection" });
  await waiting.waitFor();
  return waiting;
}

test("a page whose code has not been downloaded, opened offline, says so, and opens by itself once back online", async () => {
  // The address is the page's at once, and the browser asks for the site's icon again for
  // it: offline, with no worker yet, that fails too.
  const { page, url, context, assertClean } = await openPage(suite, PHONE, { expectFailures: ["split___saved_route_view", "/icon-"] });
  const waiting = await openSavedOffline(page, url, context);
  await page.getByRole("status").filter({ hasText: "the app is not yet kept for offline use" }).waitFor();
  assert.equal(await page.locator("#crash-notice").count(), 0, "the app stopped");
  // The app still answers meanwhile: the theme toggle (drawn by the app) still works.
  const theme = page.getByRole("button", { name: "Dark theme" });
  const pressed = await theme.getAttribute("aria-pressed");
  await theme.click();
  await page.waitForFunction(
    (was) => document.querySelector(".theme-toggle")?.getAttribute("aria-pressed") !== was,
    pressed,
  );
  await context.setOffline(false);
  await page.getByRole("heading", { level: 1, name: "Saved" }).waitFor();
  await waiting.waitFor({ state: "detached" });
  assert.match(page.url(), /\/egov\/saved$/);
  assert.equal(await page.locator("#crash-notice").count(), 0, "the app stopped");
  assertClean();
  await context.close();
});

test("a page whose code the host fails to send says so, and Try again opens it", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE, { expectFailures: ["split___about_route_view"] });
  // Refused, packed (on this first visit) and plain, until Try again.
  let refusing = true;
  let asked = 0;
  await page.route(/\/split___about_route_view[^/]*\.wasm(\.xz)?$/, async (route) => {
    asked++;
    if (refusing) await route.fulfill({ status: 503, body: "busy" });
    else await route.continue();
  });
  await page.goto(url("/"));
  await waitForApp(page);
  await page.getByRole("link", { name: "About", exact: true }).first().click();
  const failed = page.getByRole("status").filter({ hasText: "Part of the app could not be downloaded from the site" });
  await failed.waitFor();
  assert.equal(await page.locator("#crash-notice").count(), 0, "the app stopped");
  const refused = asked;
  refusing = false;
  await failed.getByRole("button", { name: "Try again" }).click();
  await page.getByRole("heading", { level: 1, name: /About/ }).waitFor();
  await failed.waitFor({ state: "detached" });
  assert.ok(refused >= 1 && asked > refused, `asked ${asked} times, refused ${refused}`);
  assertClean();
  await context.close();
});

test("a person who leaves for another page while a page's code waits stays there when the network returns", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE, { expectFailures: ["split___saved_route_view", "/icon-"] });
  const waiting = await openSavedOffline(page, url, context);
  await page.getByRole("link", { name: "Programme", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Programme editions" }).waitFor();
  await context.setOffline(false);
  await waiting.waitFor({ state: "detached" });
  await page.getByRole("heading", { level: 1, name: "Programme editions" }).waitFor();
  assert.match(new URL(page.url()).pathname, /\/editions$/);
  // Its code has arrived meanwhile: Saved now opens at once.
  await page.getByRole("link", { name: "Saved", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Saved" }).waitFor();
  assert.equal(await page.locator("#crash-notice").count(), 0, "the app stopped");
  assertClean();
  await context.close();
});

test("an item opened offline before the photo tools and its map have arrived works, says so, and gets them back online", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE, { expectFailures: ["split_photo_editor", "split_pictures_markup", "/icon-"] });
  await startThenGoOffline(page, url, context);
  // Home's first card is an edition, whose page shows a map: its code has not arrived either.
  await page.locator("main a.card-title").first().click();
  await page.getByRole("heading", { level: 2, name: "Photos" }).waitFor();
  assert.equal(await page.locator("main .bsec-map").count(), 0);
  const waiting = page.getByRole("status").filter({ hasText: "Part of the app has not been downloaded yet, and there is no connection" });
  await waiting.waitFor();
  assert.equal(await page.locator("#crash-notice").count(), 0, "the app stopped");
  assert.equal(await page.getByLabel("Add photos from the gallery").isDisabled(), true);
  // The page itself works: the note box takes a note.
  await page.getByRole("textbox").last().fill("Asked about the data centre's backup site.");
  await context.setOffline(false);
  await waiting.waitFor({ state: "detached" });
  await page.waitForFunction(() => [...document.querySelectorAll(".photo-tools input")].every((input) => !input.disabled));
  await page.locator("main .bsec-map .tile.is-selected").first().waitFor();
  assertClean();
  await context.close();
});

test("on Saved offline before its downloads' code has arrived, a backup downloads at once, and a calendar asked for arrives once back online", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE, { expectFailures: ["split_make_download", "/icon-"] });
  await page.goto(url("/saved"));
  await waitForApp(page);
  await page.getByRole("heading", { level: 1, name: "Saved" }).waitFor();
  await page.waitForLoadState("networkidle");
  await context.setOffline(true);
  const [backup] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download a backup", exact: true }).click(),
  ]);
  assert.match(backup.suggestedFilename(), /^egov-companion-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const calendar = page.waitForEvent("download", { timeout: 60_000 });
  await page.getByRole("button", { name: "Download calendar (.ics)" }).click();
  const waiting = page.getByRole("status").filter({ hasText: "Part of the app has not been downloaded yet, and there is no connection" });
  await waiting.waitFor();
  assert.equal(await page.locator("#crash-notice").count(), 0, "the app stopped");
  await context.setOffline(false);
  assert.equal((await calendar).suggestedFilename(), "egov-companion-programme.ics");
  await waiting.waitFor({ state: "detached" });
  assertClean();
  await context.close();
});
