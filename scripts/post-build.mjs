// Trunk's post-build step (Trunk.toml), on the staging directory, in this order:
// 0. the WebAssembly split by route (scripts/split-wasm.mjs): lazy routes load their code
//    when the person goes there;
// 1. the app is loaded only after index.html's first screen has painted
//    (`startAfterFirstPaint`), and the theme script and the stylesheet are part of the page
//    (`inlineThemeScript`, `inlineStylesheet`); in release builds the page's shell is
//    minified (`minifyPageShell`) and a first visit downloads the main module and the lazy
//    pieces xz-compressed (`packModules`);
// 2. (release builds) a strict Content Security Policy in index.html, allowing the inline
//    scripts (Trunk's loader, the theme script, the drawn pages' query and route checks) and
//    the inline stylesheet by their hashes (computed here, so no 'unsafe-inline');
// 3. 404.html, a copy of index.html, for static hosts that answer unknown paths with it, and
//    the same as the files of the pages that depend on the device or the query
//    (`shared.html`: `writeShells`), so that a shared list's link is answered with 200;
// 4. search-index.bin, the search index built natively from the bundled content
//    (tools/search-index), which the app loads ready to use;
// 5. (release builds) the first screen of index.html and 404.html, the home page, and a
//    static page for each list, item and About, all drawn by the app itself
//    (scripts/prerender.mjs), for hosts that serve `/x` from `x.html`; a debug build keeps
//    index.html's plain loading screen;
// 6. sw.js, the service worker with the precache list of everything built.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { minify_sync } from "terser";
import { writeServiceWorker } from "./precache.mjs";
import { HOME_SCRIPT, PAGE_SCRIPT, prerender, writeShells } from "./prerender.mjs";
import { splitWasm } from "./split-wasm.mjs";

const dist = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dist) throw new Error("usage: node scripts/post-build.mjs <dist-dir>");

/**
 * The policy, given the hashes of the inline scripts and styles it must allow. `header`: the
 * policy a host sends as a header, which may also forbid framing (a `<meta>` policy cannot).
 */
function contentSecurityPolicy(scriptHashes, styleHashes, { header = false } = {}) {
  const quoted = (hashes) => hashes.map((h) => ` '${h}'`).join("");
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${quoted(scriptHashes)}`,
    `style-src 'self'${quoted(styleHashes)}`,
    // Photos on notes are shown from the device's storage through object URLs.
    "img-src 'self' blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    ...(header ? ["frame-ancestors 'none'"] : []),
  ].join("; ");
}

/**
 * `_headers` for hosts that read one (Netlify, Cloudflare Pages): the same policy as a
 * header, with `frame-ancestors`, for every path under the app.
 */
function headersFile(publicUrl, policy) {
  return [
    `${publicUrl}*`,
    `  Content-Security-Policy: ${policy}`,
    "  X-Content-Type-Options: nosniff",
    "  Referrer-Policy: no-referrer",
    "",
  ].join("\n");
}

/**
 * Trunk's loader, rewritten to start the app only after the first screen has painted: no
 * preload of the WebAssembly and its JavaScript in <head>, and the loader waits for the
 * first contentful paint (at most a second: a tab opened in the background paints nothing;
 * a browser without paint timing starts at once) before asking for them. Not one more frame
 * after it, as before the thirteenth session: that frame and a task after it held the
 * requests back 70–120 ms on slow 4G with the CPU slowed 4× (17–50 ms without), and
 * Lighthouse's LCP and TBT were the same either way. The first screen's paint then does
 * not share the connection with 400 KB of WebAssembly. At that moment everything starts at
 * once: the app's JavaScript and the route splitter's loader (`splitLoader`) first (small;
 * on a host that speaks HTTP/1.1 the browser opens six connections, and behind the content
 * files they arrived a second later), then the WebAssembly, the combined first-load file
 * (`firstLoad`, a path under the base) and, on a lazy route or an item's page, that
 * route's files (`routeFiles`, by route: `search` lists its module, the engine's, the
 * items' bodies and the search index; `case-studies/` the case studies' bodies, or on a
 * first visit the item's own file), instead of each waiting for the file that asks for it.
 *
 * A first visit (a page the service worker does not serve) on a host that does not
 * compress with brotli or zstd downloads the main module xz-compressed instead (`packed`:
 * the `.wasm.xz` file and the decoder's script, see `packModules`), decoded as it arrives
 * and compiled as it is decoded, and a lazy route's piece and the first-load file the same
 * way; if the decoder or a packed file fails, the plain file is fetched. A visit the worker
 * serves takes the plain files from the worker's cache (the browser keeps the module
 * compiled between visits).
 *
 * Why not preload them in <head>? Measured on slow 4G with the CPU slowed 4× (`/`, before
 * the stylesheet was part of the page): interactive 2.76 s instead of about 3.0 s, but the
 * first paint about 0.1 s later, and Lighthouse's simulated throttling then counts all
 * 400 KB as holding up the first screen: its LCP went from 0.9 s to 3.3 s and its
 * Performance score from 100 to 80–92. Again in the thirteenth session, with the stylesheet
 * in the page and the module packed (asked for by a script at the top of <head>): `/`
 * interactive 1.83 s instead of 2.10 s on slow 4G and 3.60 s instead of 3.74 s on 3G, the
 * first paint no later, but Lighthouse's LCP 2.4 s instead of 0.9 s and Performance 96
 * instead of 99: a choice for the product owner, not made here.
 */
function startAfterFirstPaint(page, splitLoader, firstLoad, routeFiles, packed) {
  const trunkPreloads = /\s*<link rel="(?:modulepreload|preload)" href="[^"]+\.(?:js|wasm)"[^>]*>/g;
  const loader =
    /<script type="module">\s*import init, \* as bindings from '([^']+\.js)';\s*const wasm = await init\(\{ module_or_path: '([^']+\.wasm)' \}\);/;
  const match = loader.exec(page);
  if (!match) throw new Error("index.html: Trunk's loader has changed; update startAfterFirstPaint");
  const [, glue, wasm] = match;
  const deferred = [
    '<script type="module">',
    "await new Promise((start) => {",
    "  setTimeout(start, 1000);",
    "  try {",
    "    new PerformanceObserver((list, observer) => {",
    '      if (!list.getEntries().some((e) => e.name === "first-contentful-paint")) return;',
    "      observer.disconnect();",
    "      start();",
    '    }).observe({ type: "paint", buffered: true });',
    "  } catch {",
    "    start();",
    "  }",
    "});",
    // The packed main module: on a first visit, unless the host compresses with brotli or
    // zstd (which does as well as xz; the page's own response says which it used).
    `const pack = ${JSON.stringify(packed ? { xz: `${wasm}.xz`, ...packed } : null)};`,
    "const packed = pack && !navigator.serviceWorker?.controller &&",
    '  !["br", "zstd"].includes(performance.getEntriesByType?.("navigation")[0]?.contentEncoding) ? pack : null;',
    "const decoder = packed && new Promise((loaded, failed) => {",
    '  const script = document.createElement("script");',
    "  script.src = packed.decoder;",
    // An inserted script is asked for at low priority; the decoder is on the packed
    // module's critical path, and an HTTP/2 host that serves by priority would send it
    // after the module itself, so nothing could be decoded until all of it had arrived.
    '  script.fetchPriority = "high";',
    "  script.onload = loaded;",
    "  script.onerror = failed;",
    "  document.head.append(script);",
    "});",
    "decoder?.catch(() => {});",
    `for (const href of ${JSON.stringify(splitLoader ? [glue, splitLoader] : [glue])}) {`,
    '  const link = document.createElement("link");',
    '  link.rel = "modulepreload";',
    "  link.href = href;",
    "  document.head.append(link);",
    "}",
    // A page opened on a lazy route (a shared search link) needs that route's code too, and
    // Search its index: asked for now, beside the rest, instead of after the app has run.
    // An item's page (`case-studies/hometax`) is keyed `case-studies/`: on a first visit
    // it needs the item's own file; served by the worker (which holds every file), its
    // kind's bodies (as `web::loader::load_content` decides).
    // A page's file name (`case-studies/hometax.html`, `index.html`) stands for its app path,
    // as in `egov_core::paths::app_path_of_file`, which the app puts in the address.
    "const [route, item, ...rest] = location.pathname",
    "  .slice(new URL(document.baseURI).pathname.length)",
    '  .replace(/(^|\\/)index\\.html$/, "")',
    '  .replace(/\\.html$/, "")',
    '  .split("/");',
    `const files = ${JSON.stringify(routeFiles)};`,
    "const itemPage = item && !rest.length && files[route + \"/\"];",
    "const routeFiles = (itemPage && !navigator.serviceWorker?.controller",
    "  ? [`content/items/${route}/${item}.json`]",
    "  : (itemPage || files[route]) ?? []).map((file) => (packed && file.endsWith(\".wasm\") ? `${file}.xz` : file));",
    // The glue fetches the WebAssembly as `fetch(url)`, a same-origin CORS request, which
    // `as=fetch` with `crossorigin` matches; the app fetches the content, and the split
    // loader the pieces, the same way.
    `const firstLoad = ${JSON.stringify(firstLoad)};`,
    // Packed: the decoder's WebAssembly too, which its script fetches, before the larger files.
    "const packedFiles = packed ? [packed.xz, packed.decoderModule, `${firstLoad}.xz`] : null;",
    `for (const href of [...(packedFiles ?? [${JSON.stringify(wasm)}, firstLoad]), ...routeFiles]) {`,
    '  const link = document.createElement("link");',
    '  link.rel = "preload";',
    '  link.as = "fetch";',
    '  link.crossOrigin = "anonymous";',
    "  link.href = href;",
    "  document.head.append(link);",
    "}",
    // A packed file as a response of `type`, decoded as its bytes arrive.
    "const unpacked = async (url, type) => {",
    "  await decoder;",
    "  const response = await fetch(url);",
    "  if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`);",
    '  const stream = new window["xz-decompress"].XzReadableStream(response.body);',
    '  return new Response(stream, { headers: { "content-type": type } });',
    "};",
    // The combined first-load file, packed on the same visits as the module: unpacked here
    // once it and the decoder have arrived, and handed to the app as text (`web::loader`
    // takes `egovFirstLoad`); if this fails, the app fetches the plain file.
    "if (packed) {",
    '  window.egovFirstLoad = unpacked(`${firstLoad}.xz`, "application/json").then((response) => response.text());',
    "  window.egovFirstLoad.catch(() => {});",
    "}",
    `const bindings = await import('${glue}');`,
    "const wasm = packed",
    '  ? await bindings.default({ module_or_path: unpacked(packed.xz, "application/wasm") }).catch((error) => {',
    '      console.warn("The packed app did not load; loading it unpacked:", error);',
    `      return bindings.default({ module_or_path: '${wasm}' });`,
    "    })",
    `  : await bindings.default({ module_or_path: '${wasm}' });`,
  ].join("\n");
  return page.replace(loader, deferred).replace(trunkPreloads, "");
}

/**
 * The theme script, written into the page instead of loaded from its own file: it must run
 * before the first paint, so as a file it held up everything after it in `<head>` for one
 * round trip (about 0.2 s on a slow phone network). Its file is removed from the bundle.
 */
function inlineThemeScript(page, dist) {
  const tag = /<script src="[^"]*?\/?(theme-[0-9a-f]+\.js)"[^>]*><\/script>/;
  const match = tag.exec(page);
  if (!match) throw new Error("index.html: no theme script to inline");
  const file = join(dist, match[1]);
  const code = readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => !line.trim().startsWith("//"))
    .join("\n")
    .trim();
  rmSync(file);
  return page.replace(tag, () => `<script>${code}</script>`);
}

/**
 * The stylesheet, written into the page instead of loaded from its own file (about 4 KB
 * gzip): the first paint waited one round trip for it. Measured with the CPU slowed 4×:
 * the first paint on 3G at 0.60–0.63 s instead of 0.87–0.94 s, interactive about 0.2 s
 * sooner. Every page carries its own copy; the static pages are not precached (the worker
 * answers navigations with index.html's), so the offline download does not grow. Its file
 * is removed from the bundle. In release builds without its comments and spacing
 * (`compactCss`): 3.1 KB gzip instead of 4.1 KB, on every page and before its first paint.
 */
function inlineStylesheet(page, dist, release) {
  const tag = /<link rel="stylesheet" href="[^"]*?\/?(styles-[0-9a-f]+\.css)"[^>]*>/;
  const match = tag.exec(page);
  if (!match) throw new Error("index.html: no stylesheet to inline");
  const file = join(dist, match[1]);
  const source = readFileSync(file, "utf8").trim();
  const css = release ? compactCss(source, match[1]) : source;
  if (css.includes("</")) throw new Error(`${match[1]}: "</" would end the inline <style>`);
  rmSync(file);
  return page.replace(tag, () => `<style>${css}</style>`);
}

/**
 * `css` without its comments, and every run of spacing one space: nothing a browser reads
 * changes, as long as no quoted string holds a run of spacing or a line break (checked:
 * the build stops, naming `file`, where one does).
 */
function compactCss(css, file) {
  // Read left to right, so a quote inside a comment, or a comment's opening inside a
  // string, is taken for what it is.
  const strings = /"[^"]*"|'[^']*'/g;
  const uncommented = css.replace(new RegExp(`(${strings.source})|/\\*[\\s\\S]*?\\*/`, "g"), (_, string) => string ?? "");
  for (const [string] of uncommented.matchAll(strings)) {
    if (/\s\s|[^\S ]/.test(string)) throw new Error(`${file}: the string ${string} would change; update compactCss`);
  }
  return uncommented.replace(/\s+/g, " ").trim();
}

/**
 * (Release builds.) The page's shell (`public/page-shell.js`, which Trunk copies as it is)
 * minified, and its `integrity` in the page made to match: it is asked for before the first
 * paint on every first visit, and its comments were half of its bytes (2.1 KB gzip, 1.1 KB
 * minified). Its name keeps Trunk's hash of the source, which changes when the source does.
 */
function minifyPageShell(page, dist) {
  const tag = /(<script src="[^"]*?\/?(page-shell-[0-9a-f]+\.js)"[^>]*integrity=")([^"]+)(")/;
  const match = tag.exec(page);
  if (!match) throw new Error("index.html: no page shell script with its integrity; update minifyPageShell");
  const file = join(dist, match[2]);
  const code = minify_sync(readFileSync(file, "utf8"), { compress: true, mangle: true }).code;
  writeFileSync(file, code);
  const integrity = "sha384-" + createHash("sha384").update(code, "utf8").digest("base64");
  return page.replace(tag, (_, before, _file, _old, after) => `${before}${integrity}${after}`);
}

/**
 * (Release builds.) The page's loader (`startAfterFirstPaint`, ending with Trunk's own
 * lines) minified: it is in every page, before the app's code (5.6 → 4.7 KB; 0.2 KB less
 * brotli). Its policy hash is taken afterwards, from the page as written.
 */
function minifyLoader(page) {
  const script = /(<script type="module">)([\s\S]*?)(<\/script>)/;
  const match = script.exec(page);
  if (!match) throw new Error("index.html: no loader script; update minifyLoader");
  const code = minify_sync(match[2], { module: true, compress: true, mangle: true }).code;
  return page.replace(script, (_, open, _code, close) => `${open}${code}${close}`);
}

/**
 * (Release builds.) The main module and every lazy piece xz-compressed beside them
 * (`<name>.wasm.xz`; a page that loaded the main module packed fetches the pieces packed
 * too: `compilePacked` in split-wasm.mjs's loader), and the decoder (`xz-decompress`,
 * xz-embedded built to WebAssembly; MIT and public domain, its notice kept at the top of
 * the script) under names with their content hash: its script, and its WebAssembly as a
 * file of its own, which the script carries as base64 (`decoderWithItsModuleApart`). Measured
 * on the main module: gzip 288 KB (what GitHub Pages sends), xz 221 KB, brotli 230 KB; the
 * decoder is 7.1 KB gzip in two files (9.4 KB as one). Returns the decoder's two names.
 */
function packModules(dist) {
  const mains = readdirSync(dist).filter((file) => /^egov-companion-[0-9a-f]+_bg\.wasm$/.test(file));
  if (mains.length !== 1) throw new Error(`post-build: expected one main module, found ${mains.length}`);
  const pieces = readdirSync(dist).filter((file) => /^split_\w+-[0-9a-f]+\.wasm$/.test(file));
  // `-9e` with pb=0 and lc=4 (WebAssembly's code is not aligned to 2- or 4-byte units):
  // 0.6 KB smaller than `-9e` alone; lc + lp ≤ 4, as LZMA2 and its decoder require.
  for (const module of [...mains, ...pieces]) packFile(join(dist, module), "--lzma2=preset=9e,pb=0,lp=0,lc=4");
  const source = readFileSync(join(root, "node_modules", "xz-decompress", "dist", "package", "xz-decompress.min.js"), "utf8");
  const named = (bytes, extension) => `xz-decompress-${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}.${extension}`;
  const { script, module } = decoderWithItsModuleApart(source, (bytes) => named(bytes, "wasm"));
  const decoderModule = named(module, "wasm");
  writeFileSync(join(dist, decoderModule), module);
  const decoder = named(script, "js");
  writeFileSync(join(dist, decoder), script);
  return { decoder, decoderModule };
}

/**
 * xz-decompress 0.2.3's script (`source`) with its WebAssembly taken out (`module`): the
 * script carries it as base64, which gzip leaves a third larger than the bytes (9.4 KB
 * gzip in one file, 7.1 KB in two). The script then fetches it by its name, `nameOf(bytes)`,
 * relative to the page's base (the decoder runs only in the app's pages). The two edits
 * are checked: the build stops if the package's script has changed.
 */
function decoderWithItsModuleApart(source, nameOf) {
  const embedded = /"data:application\/wasm;base64,([A-Za-z0-9+/]+={0,2})"/;
  const fromBase64 =
    'const I=A.replace("data:application/wasm;base64,",""),g=Uint8Array.from(atob(I),(A=>A.charCodeAt(0))).buffer,';
  const match = embedded.exec(source);
  if (!match || source.split(fromBase64).length !== 2) {
    throw new Error("post-build: xz-decompress's script has changed; update decoderWithItsModuleApart");
  }
  const module = Buffer.from(match[1], "base64");
  const fetched = `const g=await(await fetch(${JSON.stringify(nameOf(module))})).arrayBuffer(),`;
  return { script: source.replace(embedded, '""').replace(fromBase64, () => fetched), module };
}

/** `path` xz-compressed with the given preset, beside it as `<path>.xz`. */
function packFile(path, preset) {
  writeFileSync(`${path}.xz`, execFileSync("xz", [preset, "--threads=1", "--stdout", path], { maxBuffer: 1 << 30 }));
}

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
/** The combined first-load file, in the content folder (`egov_core::content::first_load`). */
const FIRST_LOAD = "first-load.json";
const release = (process.env.TRUNK_PROFILE ?? "release") === "release";
const { loader: splitLoader, routes, pieceFiles } = splitWasm(dist, {
  targetDir: process.env.CARGO_TARGET_DIR ?? join(root, "target"),
  release,
});

const indexPath = join(dist, "index.html");
let html = readFileSync(indexPath, "utf8");
const contentIndex = JSON.parse(readFileSync(join(dist, "content", "index.json"), "utf8"));
// The items' bodies are deployed apart (the split below): a lazy route's page waits for all
// of them, an item's page (`case-studies/`, with an id after it) for its kind's.
const bodiesOf = (file) => `content/${file.replace(/\.json$/, ".bodies.json")}`;
const allBodies = contentIndex.files.map(bodiesOf);
const routeFiles = Object.fromEntries([
  ...Object.entries(routes).map(([route, files]) => [route, [...files, ...allBodies]]),
  ...contentIndex.files.map((file) => [file.replace(/\.json$/, "/"), [bodiesOf(file)]]),
]);
// Search's page asks for the engine's code and the index as it opens.
routeFiles.search = [...(routeFiles.search ?? allBodies), ...(pieceFiles.search_engine ?? []), "search-index.bin"];
if (release) html = minifyPageShell(html, dist);
html = startAfterFirstPaint(
  inlineStylesheet(inlineThemeScript(html, dist), dist, release),
  splitLoader,
  // The index and the kind files' heads, in one file (`egov_core::content::first_load`,
  // written by split-bodies below).
  `content/${FIRST_LOAD}`,
  routeFiles,
  release ? packModules(dist) : null,
);
if (release) html = minifyLoader(html);
writeFileSync(indexPath, html);
// `trunk serve` (a debug build) adds its live-reload script when serving, after this step,
// so the policy would block it: the policy belongs to release builds, which are deployed.
// The inline scripts of index.html, and the ones at the top of the prerendered pages.
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
inline.push(PAGE_SCRIPT, HOME_SCRIPT);
const sha256 = (code) => "sha256-" + createHash("sha256").update(code, "utf8").digest("base64");
const hashes = inline.map(sha256);
const styleHashes = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1]));
if (release) {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(hashes, styleHashes)}" />`;
  html = html.replace(/<meta charset="utf-8" \/>/, (charset) => `${charset}\n    ${meta}`);
  if (!html.includes("Content-Security-Policy")) throw new Error("index.html: no place for the CSP");
  writeFileSync(indexPath, html);
  const headerPolicy = contentSecurityPolicy(hashes, styleHashes, { header: true });
  writeFileSync(join(dist, "_headers"), headersFile(process.env.TRUNK_PUBLIC_URL || "/", headerPolicy));
  console.log(
    `CSP: ${hashes.length} inline script(s) and ${styleHashes.length} inline style(s) allowed by hash. As a header (also in dist/_headers):`,
  );
  console.log(`Content-Security-Policy: ${headerPolicy}`);
} else {
  console.log("CSP: left out of this debug build (trunk serve injects a live-reload script)");
}
writeShells(dist, html);
// The build's own native tools run with the default toolchain, not the release build's
// (scripts/build-release.sh sets these for the app's WebAssembly only): otherwise they would
// be rebuilt, and the native tests' build with them, each time one or the other runs.
const nativeEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([name]) => !["RUSTUP_TOOLCHAIN", "CARGO_UNSTABLE_BUILD_STD", "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS"].includes(name),
  ),
);
// A native build of the index step (debug profile: it shares the native tests' build).
execFileSync(
  "cargo",
  ["run", "--quiet", "--locked", "-p", "egov-search-index", "--", join(dist, "content"), join(dist, "search-index.bin")],
  { cwd: root, stdio: "inherit", env: nativeEnv },
);
// Then, from the whole files the index was made from: each kind file deployed as its heads
// and its bodies (`egov_core::content::bodies`), so a first page waits only for the heads,
// which with the index are also written in one file, `content/first-load.json`.
execFileSync(
  "cargo",
  ["run", "--quiet", "--locked", "-p", "egov-search-index", "--bin", "split-bodies", "--", join(dist, "content")],
  { cwd: root, stdio: "inherit", env: nativeEnv },
);
// (Release builds.) The combined file packed too, for the same first visits as the module
// (`startAfterFirstPaint`): 18.5 KB instead of 21.8 KB gzip. Text is byte-aligned: `pb=0`.
if (release) packFile(join(dist, "content", FIRST_LOAD), "--lzma2=preset=9e,pb=0");
if (release) await prerender(dist);
writeServiceWorker(dist);
