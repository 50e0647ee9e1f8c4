// Writes dist/sw.js from public/sw.js with the list of built files to precache and a
// version that changes whenever any of them changes. Run after every build by
// scripts/post-build.mjs, or by hand: node scripts/precache.mjs <dist-dir>.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const source = join(dirname(fileURLToPath(import.meta.url)), "..");
// Not precached: the worker itself, the host fallback copy of index.html and the prerendered
// pages (the app draws every route itself once loaded), and the editors' material (schema
// and source documents), which the app never loads.
const SKIP = [/^sw\.js$/, /^(?!index\.html$).*\.html$/, /^content\/schema\.json$/, /^content\/sources\//, /^\./];

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Writes `dist/sw.js` from the template, listing the built files of `dist`. */
export function writeServiceWorker(dist) {
  const files = walk(dist)
    .map((path) => relative(dist, path).split("\\").join("/"))
    .filter((file) => !SKIP.some((pattern) => pattern.test(file)))
    .sort();
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(file);
    hash.update(readFileSync(join(dist, file)));
  }
  const version = hash.digest("hex").slice(0, 16);
  const template = readFileSync(join(source, "public", "sw.js"), "utf8");
  const worker = template
    .replace('"__VERSION__"', JSON.stringify(version))
    .replace("__PRECACHE__", JSON.stringify(["./", ...files], null, 2));
  writeFileSync(join(dist, "sw.js"), worker);
  console.log(`sw.js: version ${version}, ${files.length} files precached`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeServiceWorker(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? join(source, "dist"));
}
