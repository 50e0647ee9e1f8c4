// Shared set-up for browser tests: the built bundle served under a sub-path, headless
// Debian Chromium at phone and desktop sizes, and a record of every console error and
// uncaught exception so a test fails on them.
import { chromium } from "playwright-core";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { serveStatic } from "../../scripts/static-server.mjs";
import { CHROMIUM_ARGS, chromiumPath, PHONE } from "../../scripts/chromium.mjs";

export const BASE = "/egov/";
export const DIST = process.env.DIST_DIR ?? "dist";
export { PHONE, CHROMIUM_ARGS, chromiumPath };
export const DESKTOP = { width: 1280, height: 900 };

/**
 * Starts the server (the bundle in `dist`, served under `base` as the host profile `host`
 * of scripts/static-server.mjs would, with its `overrides` such as `compress: "br"`) and the
 * browser.
 */
export async function startSuite({ dist = DIST, base = BASE, host = "plain", ...overrides } = {}) {
  if (!existsSync(`${dist}/index.html`)) {
    throw new Error(`${dist}/index.html is missing: build with scripts/build-release.sh --public-url ${base}`);
  }
  const server = await serveStatic(dist, base, { host, ...overrides });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Opens a fresh page at `viewport`. `problems` collects console errors and page errors;
 * call `assertClean()` at the end of a test. Resource failures a test causes on purpose
 * are allowed by passing URL fragments in `expectFailures`.
 */
export async function openPage(
  suite,
  viewport = PHONE,
  { expectFailures = [], serviceWorkers = "block", timezoneId } = {},
) {
  // Service workers are blocked unless a test is about them, so tests stay independent.
  const context = await suite.browser.newContext({ viewport, serviceWorkers, timezoneId });
  const page = await context.newPage();
  const problems = [];
  // A static host answers a deep link with 404.html and status 404 (the SPA fallback), and
  // Chromium logs that as a console error: expected for page navigations, never for files.
  const fallbackPages = [];
  page.on("response", (response) => {
    if (response.status() >= 400 && response.request().isNavigationRequest()) fallbackPages.push(response.url());
  });
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    const source = message.location()?.url ?? "";
    // The browser's own requests (the favicon of a file opened as a page) have no response
    // event: a failure a test expects is recognised by its address alone.
    const expected =
      text.startsWith("Failed to load resource") &&
      (fallbackPages.includes(source) || expectFailures.some((f) => source.includes(f)));
    if (!expected) problems.push(`console error: ${text} (${message.location()?.url ?? ""})`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught exception: ${error.message}`));
  return {
    page,
    context,
    url: (path = "") => suite.server.url + path.replace(/^\//, ""),
    assertClean() {
      if (problems.length) throw new Error(problems.join("\n"));
    },
  };
}

/**
 * Emulates a phone network's round trip and bandwidth (Lighthouse's slow 4G) for `page`, so
 * that a test's "before" and "after" mean what they would on a phone: on the bare loopback
 * a small file can arrive before a request started at the same moment has even begun.
 */
export async function slowNetwork(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
}

/** Waits until the app has replaced the static loading screen. */
export async function waitForApp(page) {
  await page.locator("#boot").waitFor({ state: "detached" });
}

/**
 * Holds every WebAssembly request of `page` until `release()` is called: the page shows
 * its static first screen as long as a slow network would.
 */
export async function holdWasm(page) {
  return holdRequests(page, WASM_FILES);
}

/**
 * The app's WebAssembly files: every module, and the main module's packed form (`.wasm.xz`),
 * which a first visit downloads instead of the plain one (scripts/post-build.mjs).
 */
export const WASM_FILES = /\.wasm(\.xz)?$/;

/** The main module, plain or packed. */
export const MAIN_MODULE = /egov-companion-[0-9a-f]+_bg\.wasm(\.xz)?$/;

/** Holds every request of `page` for URLs matching `pattern` until `release()` is called. */
export async function holdRequests(page, pattern) {
  let release;
  const released = new Promise((done) => (release = done));
  await page.route(pattern, async (route) => {
    await released;
    await route.continue().catch(() => {});
  });
  return release;
}

/**
 * The file the build writes with the index and every kind file's heads in one, and its
 * packed copy (`first-load.json.xz`, which a first visit downloads unless the host
 * compresses with brotli): a test that breaks or changes one breaks or changes both.
 */
export const FIRST_LOAD = /\/content\/first-load\.json(\.xz)?$/;

/** `text` xz-compressed, as the build packs files. */
export const packedText = (text) => execFileSync("xz", ["--stdout", "--format=xz"], { input: text });
/** The text of the xz-compressed `bytes`. */
export const unpackedText = (bytes) => execFileSync("xz", ["--decompress", "--stdout"], { input: bytes }).toString("utf8");

/**
 * Serves the content file `name` (`sessions.json`, `index.json`) changed by `change(text)`,
 * wherever the app reads it: inside the first load's combined file (the index and the kind
 * files' heads, `egov_core::content::first_load`), plain or packed, and as the file itself.
 * Returns a function that stops it.
 */
export async function changeContentFile(page, name, change) {
  const single = `**/content/${name}`;
  const inCombined = async (route) => {
    const response = await route.fetch();
    if (!route.request().url().endsWith(".xz")) {
      await route.fulfill({ response, body: changePart(await response.text(), name, change) });
      return;
    }
    const changed = changePart(unpackedText(await response.body()), name, change);
    await route.fulfill({ response, body: packedText(changed) });
  };
  const alone = async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: change(await response.text()) });
  };
  await page.route(FIRST_LOAD, inCombined);
  await page.route(single, alone);
  return async () => {
    await page.unroute(FIRST_LOAD, inCombined);
    await page.unroute(single, alone);
  };
}

/**
 * The first load's combined file `text` with the part `name` changed by `change(text)`. Its
 * shape (egov_core::content::first_load): a JSON array, one line per element, each file's
 * name on a line and its JSON on the next (a line break inside it written as a space).
 */
export function changePart(text, name, change) {
  const lines = text.trimEnd().split("\n");
  const at = lines.indexOf(`"${name}",`);
  if (at < 0) throw new Error(`${name} is not in the first load's file`);
  const last = at + 1 === lines.length - 2;
  const part = last ? lines[at + 1] : lines[at + 1].slice(0, -1);
  lines[at + 1] = change(part).trim().replace(/[\r\n]/g, " ") + (last ? "" : ",");
  return lines.join("\n") + "\n";
}

/** The mark build B's `index.html` carries, so a test can tell which build's shell it has. */
export const BUILD_B_MARK = "<!-- build B -->";

/**
 * Build B: a copy of the built bundle with changed content (content version 2099-01-01,
 * Romania titled "Romania (build B)") and HTML, re-stamped by the precache step as a new
 * deployment would be. Returns its directory and a function that removes it.
 */
export function makeBuildB(dist = DIST) {
  const dir = mkdtempSync(join(tmpdir(), "egov-build-b-"));
  cpSync(dist, dir, { recursive: true });
  const edit = (file, change) => writeFileSync(join(dir, file), change(readFileSync(join(dir, file), "utf8")));
  edit("content/index.json", (text) => JSON.stringify({ ...JSON.parse(text), version: "2099-01-01" }));
  // The build writes the items' bodies, and each item's own file, for their content version.
  const items = readdirSync(join(dir, "content", "items")).flatMap((kind) =>
    readdirSync(join(dir, "content", "items", kind)).map((file) => `items/${kind}/${file}`),
  );
  for (const file of [...readdirSync(join(dir, "content")).filter((name) => name.endsWith(".bodies.json")), ...items]) {
    edit(`content/${file}`, (text) => JSON.stringify({ ...JSON.parse(text), version: "2099-01-01" }));
  }
  edit("content/countries.json", (text) => {
    const countries = JSON.parse(text);
    countries.items.find((c) => c.id === "romania").title = "Romania (build B)";
    return JSON.stringify(countries);
  });
  // The first load's combined file, written again from the changed files, and packed, as
  // the build does.
  edit("content/first-load.json", (text) =>
    [...text.matchAll(/^"([^"]+)",$/gm)].reduce(
      (combined, [, name]) => changePart(combined, name, () => readFileSync(join(dir, "content", name), "utf8")),
      text,
    ),
  );
  writeFileSync(join(dir, "content", "first-load.json.xz"), packedText(readFileSync(join(dir, "content", "first-load.json"))));
  edit("index.html", (text) => text.replace("</body>", `${BUILD_B_MARK}</body>`));
  execFileSync("node", ["scripts/precache.mjs", dir]);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Waits until the service worker controls the page and has cached the app. */
export async function waitUntilOfflineReady(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.waitForFunction(() => document.documentElement.dataset.offline === "ready");
}
