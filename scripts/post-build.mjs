// Trunk's post-build step (Trunk.toml), on the staging directory, in this order:
// 0. the WebAssembly split by route (scripts/split-wasm.mjs): lazy routes load their code
//    when the person goes there;
// 1. the app is loaded only after index.html's first screen has painted
//    (`startAfterFirstPaint`);
// 2. (release builds) a strict Content Security Policy in index.html, allowing the inline scripts
//    (Trunk's loader, the drawn pages' query and route checks) by their hashes (computed here, so no
//    'unsafe-inline');
// 3. 404.html, a copy of index.html, for static hosts that answer unknown paths with it;
// 4. search-index.bin, the search index built natively from the bundled content
//    (tools/search-index), which the app loads ready to use;
// 5. (release builds) the first screen of index.html and 404.html, the home page, and a
//    static page for each list, item and About, all drawn by the app itself
//    (scripts/prerender.mjs), for hosts that serve `/x` from `x.html`; a debug build keeps
//    index.html's plain loading screen;
// 6. sw.js, the service worker with the precache list of everything built.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeServiceWorker } from "./precache.mjs";
import { HOME_SCRIPT, PAGE_SCRIPT, prerender } from "./prerender.mjs";
import { splitWasm } from "./split-wasm.mjs";

const dist = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dist) throw new Error("usage: node scripts/post-build.mjs <dist-dir>");

/**
 * The policy, given the hashes of the inline scripts it must allow. `header`: the policy a
 * host sends as a header, which may also forbid framing (a `<meta>` policy cannot).
 */
function contentSecurityPolicy(scriptHashes, { header = false } = {}) {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${scriptHashes.map((h) => `'${h}'`).join(" ")}`.trim(),
    "style-src 'self'",
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
 * first contentful paint and one more frame (at most a second: a tab opened in the
 * background paints nothing; a browser without paint timing starts at once) before
 * importing them. On a slow network the first screen then does not share the connection
 * with 400 KB of WebAssembly, and its paint does not wait for them. The content files
 * (`contentFiles`, paths under the base) start downloading at the same moment, alongside
 * the WebAssembly, instead of after it has started and asked for them. The WebAssembly and
 * the route splitter's loader (`splitLoader`) are asked for at that moment too, first:
 * otherwise each waits for the JavaScript that imports it, two round trips in a row before
 * the largest file starts.
 */
function startAfterFirstPaint(page, splitLoader, contentFiles) {
  const preloads = /\s*<link rel="(?:modulepreload|preload)" href="[^"]+\.(?:js|wasm)"[^>]*>/g;
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
    "      requestAnimationFrame(() => setTimeout(start, 0));",
    '    }).observe({ type: "paint", buffered: true });',
    "  } catch {",
    "    start();",
    "  }",
    "});",
    // The WebAssembly (fetched by the glue as `fetch(url)`: a same-origin CORS request,
    // which `as=fetch` with `crossorigin` matches), then the content; the two modules.
    `for (const href of ${JSON.stringify([wasm, ...contentFiles])}) {`,
    '  const link = document.createElement("link");',
    '  link.rel = "preload";',
    '  link.as = "fetch";',
    '  link.crossOrigin = "anonymous";',
    "  link.href = href;",
    "  document.head.append(link);",
    "}",
    `for (const href of ${JSON.stringify(splitLoader ? [glue, splitLoader] : [glue])}) {`,
    '  const link = document.createElement("link");',
    '  link.rel = "modulepreload";',
    "  link.href = href;",
    "  document.head.append(link);",
    "}",
    `const bindings = await import('${glue}');`,
    `const wasm = await bindings.default({ module_or_path: '${wasm}' });`,
  ].join("\n");
  return page.replace(loader, deferred).replace(preloads, "");
}

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { loader: splitLoader } = splitWasm(dist, {
  targetDir: process.env.CARGO_TARGET_DIR ?? join(root, "target"),
  release: (process.env.TRUNK_PROFILE ?? "release") === "release",
});

const indexPath = join(dist, "index.html");
let html = readFileSync(indexPath, "utf8");
const contentIndex = JSON.parse(readFileSync(join(dist, "content", "index.json"), "utf8"));
html = startAfterFirstPaint(
  html,
  splitLoader,
  ["index.json", ...contentIndex.files].map((file) => `content/${file}`),
);
writeFileSync(indexPath, html);
// `trunk serve` (a debug build) adds its live-reload script when serving, after this step,
// so the policy would block it: the policy belongs to release builds, which are deployed.
const release = (process.env.TRUNK_PROFILE ?? "release") === "release";
// The inline scripts of index.html, and the ones at the top of the prerendered pages.
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
inline.push(PAGE_SCRIPT, HOME_SCRIPT);
const hashes = inline.map((code) => "sha256-" + createHash("sha256").update(code, "utf8").digest("base64"));
if (release) {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(hashes)}" />`;
  html = html.replace(/<meta charset="utf-8" \/>/, (charset) => `${charset}\n    ${meta}`);
  if (!html.includes("Content-Security-Policy")) throw new Error("index.html: no place for the CSP");
  writeFileSync(indexPath, html);
  const headerPolicy = contentSecurityPolicy(hashes, { header: true });
  writeFileSync(join(dist, "_headers"), headersFile(process.env.TRUNK_PUBLIC_URL || "/", headerPolicy));
  console.log(`CSP: ${hashes.length} inline script(s) allowed by hash. As a header (also in dist/_headers):`);
  console.log(`Content-Security-Policy: ${headerPolicy}`);
} else {
  console.log("CSP: left out of this debug build (trunk serve injects a live-reload script)");
}
writeFileSync(join(dist, "404.html"), html);
// A native build of the index step (debug profile: it shares the native tests' build).
execFileSync(
  "cargo",
  ["run", "--quiet", "--locked", "-p", "egov-search-index", "--", join(dist, "content"), join(dist, "search-index.bin")],
  { cwd: root, stdio: "inherit" },
);
if (release) await prerender(dist);
writeServiceWorker(dist);
