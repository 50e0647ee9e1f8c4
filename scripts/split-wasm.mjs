// Splits the app's WebAssembly by route, after Trunk has built it (run by post-build.mjs).
//
// Pages declared as lazy routes in src/ui/mod.rs (`#[lazy_route]`) are compiled into the app
// with split points that only a splitter can resolve: without this step the app cannot run.
// Trunk cannot split (its wasm-bindgen call comes first), so this step starts again from
// cargo's raw output (built with `-Clink-args=--emit-relocs`, .cargo/config.toml) and:
// 1. runs `wasm-split-cli` (wasm_split_cli_support, installed by scripts/setup.sh): a main
//    module, one module per lazy route (`split_*.wasm`), modules for code that several of
//    them share (`chunk_*.wasm`) and `__wasm_split.js`, which loads them on demand;
// 2. runs wasm-bindgen on the main module under Trunk's hashed name, replacing Trunk's
//    JavaScript and WebAssembly, and wasm-opt on every module;
// 3. gives every new file a content hash in its name (hosts may cache files for ever) and
//    rewrites the references to them;
// 4. in a release build, minifies wasm-bindgen's JavaScript glue (with terser): 1.9 KB
//    brotli less before a page responds. The loader stays as written: `lazyPieceFiles`
//    reads it, and minified it would save 0.4 KB.
// The service worker's precache (precache.mjs) lists every file, so after the first visit
// every route opens offline. Trunk's own wasm-opt is off (index.html `data-wasm-opt="0"`).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { minify_sync } from "terser";

const CRATE = "egov-companion";
// The WebAssembly features the app targets (the same as index.html asked Trunk for).
const WASM_OPT_FEATURES = [
  "--enable-bulk-memory",
  "--enable-nontrapping-float-to-int",
  "--enable-sign-ext",
  "--enable-mutable-globals",
  "--enable-reference-types",
  "--enable-multivalue",
];

/**
 * The lazily loaded pieces the splitter's loader (`__wasm_split-*.js`, its text) lists:
 * each `#[lazy]` function or lazy route by `name`, its `route` (`search` for
 * `__search_route_view`; none for a `#[lazy]` function) and its `files`, its own module
 * first, then every shared piece it loads.
 */
export function lazyPieceFiles(loader) {
  const chunkFiles = new Map(
    [...loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)].map((m) => [m[1], m[2]]),
  );
  return [
    ...loader.matchAll(
      /export const __wasm_split_load_(\w+?)_\d+ = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"[\s\S]*?\n, \[([^\]]*)\]/g,
    ),
  ].map(([, name, file, deps]) => {
    const chunks = deps.split(",").map((d) => d.trim()).filter(Boolean);
    const files = [file, ...chunks.map((d) => chunkFiles.get(d))];
    if (files.some((f) => !f)) throw new Error(`split-wasm: a shared piece of ${name} is not in the loader`);
    return { name, route: /^__(\w+?)_route_view$/.exec(name)?.[1], files };
  });
}

/** `code` minified when `release` (an ES module: its imports and exports keep their names). */
function minified(code, release) {
  return release ? minify_sync(code, { module: true, compress: true, mangle: true }).code : code;
}

const hash8 = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);

/**
 * Splits the app in `staging` (Trunk's staging directory) from cargo's output in
 * `targetDir`. Returns the loader's file name, how many pieces there are, and each lazy
 * route's files (`routes.search`: its module and shared pieces).
 */
export function splitWasm(staging, { targetDir, release }) {
  const glue = readdirSync(staging).find((f) => new RegExp(`^${CRATE}-[0-9a-f]+\\.js$`).test(f));
  if (!glue) throw new Error(`split-wasm: no ${CRATE}-<hash>.js in ${staging}`);
  const stem = glue.slice(0, -".js".length);
  const raw = join(targetDir, "wasm32-unknown-unknown", release ? "release" : "debug", `${CRATE}.wasm`);
  const work = mkdtempSync(join(tmpdir(), "egov-split-"));
  try {
    execFileSync("wasm-split-cli", [raw, work, "--out-name", stem], { stdio: ["ignore", "ignore", "inherit"] });
    execFileSync(
      "wasm-bindgen",
      ["--target", "web", "--keep-lld-exports", "--no-demangle", "--no-typescript", "--out-dir", staging, "--out-name", stem, join(work, `${stem}.wasm`)],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    const pieces = readdirSync(work).filter((f) => /^(split_|chunk_).*\.wasm$/.test(f));
    const optimise = (file) =>
      execFileSync("wasm-opt", [release ? "-Oz" : "-O0", ...WASM_OPT_FEATURES, "--strip-debug", "--strip-producers", file, "-o", file]);
    optimise(join(staging, `${stem}_bg.wasm`));
    let loader = readFileSync(join(work, "__wasm_split.js"), "utf8");
    for (const piece of pieces) {
      optimise(join(work, piece));
      const bytes = readFileSync(join(work, piece));
      const named = piece.replace(/\.wasm$/, `-${hash8(bytes)}.wasm`);
      writeFileSync(join(staging, named), bytes);
      loader = loader.replaceAll(`"./${piece}"`, () => `"./${named}"`);
    }
    const loaderName = `__wasm_split-${hash8(loader)}.js`;
    writeFileSync(join(staging, loaderName), loader);
    const gluePath = join(staging, glue);
    const glueCode = readFileSync(gluePath, "utf8").replaceAll('from "./__wasm_split.js"', () => `from "./${loaderName}"`);
    writeFileSync(gluePath, minified(glueCode, release));
    console.log(`split-wasm: ${stem} and ${pieces.length} pieces loaded on demand (${loaderName})`);
    const routes = Object.fromEntries(
      lazyPieceFiles(loader)
        .filter((piece) => piece.route)
        .map((piece) => [piece.route, piece.files]),
    );
    return { loader: loaderName, pieces: pieces.length, routes };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
