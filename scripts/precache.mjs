// Writes dist/sw.js from public/sw.js with the list of built files to precache and a
// version that changes whenever any of them changes. Run after every build by
// scripts/post-build.mjs, or by hand: node scripts/precache.mjs <dist-dir>.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const source = join(dirname(fileURLToPath(import.meta.url)), "..");
// Not precached: the worker itself, the host fallback copy of index.html and the prerendered
// pages (the app draws every route itself once loaded), the editors' material (schema and
// source documents), which the app never loads, the items' own files (`content/items/`,
// read only on a first visit, before the worker runs: each item is in its kind's files
// too), the hosts' `_headers` file, the packed modules and first-load file and their
// decoder (read only on a first visit, before the worker runs; the worker keeps the plain
// files), and `index.json` and the kind files' heads, which the app reads from
// `content/first-load.json` (it fetches them one by one only where that file is missing or
// damaged, which a copy in the worker's cache, checked against its hash, never is).
const SKIP = [
  /^content\/(?!first-load\.json$)[a-z-]+\.json$/,
  /\.xz$/,
  /^xz-decompress-[0-9a-f]+\.(js|wasm)$/,
  /^content\/items\//,
  /^sw\.js$/,
  /^(?!index\.html$).*\.html$/,
  /^content\/schema\.json$/,
  /^content\/sources\//,
  /^\./,
  /^_headers$/,
];

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

// Routes the app draws that are not a kind of content (see src/ui/mod.rs, App's routes).
const APP_PAGES = ["search", "saved", "shared", "report", "about"];

/**
 * The first path segments of the app's routes: its own pages and the kinds' lists, whose
 * URL slugs are the names of the kind files in content/index.json (`case-studies.json`).
 */
function appSections(dist) {
  const index = JSON.parse(readFileSync(join(dist, "content", "index.json"), "utf8"));
  return [...APP_PAGES, ...index.files.map((file) => file.replace(/\.json$/, ""))];
}

/** The subresource-integrity value of a file's bytes. */
function integrity(bytes) {
  return "sha256-" + createHash("sha256").update(bytes).digest("base64");
}

/** Writes `dist/sw.js` from the template, listing the built files of `dist`. */
export function writeServiceWorker(dist) {
  const files = walk(dist)
    .map((path) => relative(dist, path).split("\\").join("/"))
    .filter((file) => !SKIP.some((pattern) => pattern.test(file)))
    .sort();
  const hash = createHash("sha256");
  const entries = [["./", ""]];
  for (const file of files) {
    const bytes = readFileSync(join(dist, file));
    hash.update(file);
    hash.update(bytes);
    // HTML is not checked: hosts may rewrite it (analytics, e-mail obfuscation).
    entries.push([file, file.endsWith(".html") ? "" : integrity(bytes)]);
  }
  const version = hash.digest("hex").slice(0, 16);
  const template = readFileSync(join(source, "public", "sw.js"), "utf8");
  // Function replacements: `$&`-like patterns in the JSON must stay as they are.
  const worker = template
    .replace('"__VERSION__"', () => JSON.stringify(version))
    .replace("__PRECACHE__", () => JSON.stringify(entries, null, 2))
    .replace("__SECTIONS__", () => JSON.stringify(appSections(dist)));
  writeFileSync(join(dist, "sw.js"), worker);
  console.log(`sw.js: version ${version}, ${files.length} files precached`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeServiceWorker(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? join(source, "dist"));
}
