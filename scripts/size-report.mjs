// Prints the size of every file in dist/ (raw, gzip, brotli) and what a first visit
// downloads (HTML + JavaScript + WebAssembly + CSS), against the product's budget.
// Usage: node scripts/size-report.mjs [dist]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const BUDGET_BROTLI_BYTES = 120 * 1000; // first visit, brotli, per the product brief
const dist = process.argv[2] ?? "dist";

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const sizes = walk(dist)
  .filter((path) => !relative(dist, path).startsWith("."))
  .map((path) => {
    const data = readFileSync(path);
    return {
      file: relative(dist, path),
      raw: data.length,
      gzip: gzipSync(data, { level: 9 }).length,
      brotli: brotliCompressSync(data, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
      }).length,
    };
  })
  .sort((a, b) => b.brotli - a.brotli);

const kb = (n) => (n / 1000).toFixed(1).padStart(8) + " KB";
const width = Math.max(...sizes.map((s) => s.file.length), 10);
console.log(`${"file".padEnd(width)} ${"raw".padStart(11)} ${"gzip".padStart(11)} ${"brotli".padStart(11)}`);
for (const s of sizes) console.log(`${s.file.padEnd(width)} ${kb(s.raw)} ${kb(s.gzip)} ${kb(s.brotli)}`);

// One page (index.html; a prerendered page of a deep link is the same size) and the code.
const firstVisit = sizes.filter((s) => /^[^/]+\.(js|wasm|css)$/.test(s.file) || s.file === "index.html");
const total = (key) => firstVisit.reduce((sum, s) => sum + s[key], 0);
console.log(`\nFirst visit (${firstVisit.map((s) => s.file).join(", ")}):`);
console.log(`  raw ${kb(total("raw"))}, gzip ${kb(total("gzip"))}, brotli ${kb(total("brotli"))}`);
const diff = BUDGET_BROTLI_BYTES - total("brotli");
console.log(
  diff >= 0
    ? `  ${kb(diff).trim()} under the ${BUDGET_BROTLI_BYTES / 1000} KB brotli budget`
    : `  ${kb(-diff).trim()} OVER the ${BUDGET_BROTLI_BYTES / 1000} KB brotli budget`,
);
