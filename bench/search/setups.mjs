// What each engine needs in a run, Node side: the adapter to load, the files to prefetch
// (code, and content or index data), what to build beforehand (Pagefind's bundle), and how
// to tell code bytes from index bytes among the files the page fetched. The adapters in
// engines/ run in the page; nothing here runs there.
import { execFileSync } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { SETTINGS as OURS } from "./engines/ours.mjs";
import { SETTINGS as MINISEARCH } from "./engines/minisearch.mjs";
import { SETTINGS as FLEXSEARCH } from "./engines/flexsearch.mjs";
import { SETTINGS as PAGEFIND } from "./engines/pagefind.mjs";
import { buildPagefind } from "./pagefind-build.mjs";
import { CONTENT_VERSION } from "./corpus.mjs";

/** Engines and their settings, in report order. */
export const ENGINES = [
  { engine: "ours", settings: OURS },
  { engine: "minisearch", settings: MINISEARCH },
  { engine: "flexsearch", settings: FLEXSEARCH },
  { engine: "pagefind", settings: PAGEFIND },
];

/** The deploy-time index step, built by scripts/build-search-engine.sh. */
const INDEX_TOOL = new URL("../../target/debug/egov-search-index", import.meta.url).pathname;

const SHARED = ["/engines/flatten.mjs", "/engines/highlight.mjs"];

/**
 * The page's `load` arguments for `engine`/`setting` over the corpus of `items`, whose
 * content files are `contentNames` under /data/<items>/content/. For Pagefind this builds
 * the bundle first (into `dataDir`/pagefind-<setting>/).
 */
export async function setup(engine, setting, { items, contentNames, kindFiles, dataDir }) {
  const content = contentNames.map((name) => `/data/${items}/content/${name}`);
  const adapter = `/engines/${engine}.mjs`;
  switch (engine) {
    case "ours": {
      const glue = "/lib/ours/egov_search_bench.js";
      const wasm = "/lib/ours/egov_search_bench_bg.wasm";
      // The index and stored-texts files, as the deploy-time step writes them
      // (tools/search-index, native): no content JSON to parse in the page.
      const files = ["search-index.bin", "search-texts.bin"];
      execFileSync(INDEX_TOOL, [join(dataDir, "content"), ...files.map((f) => join(dataDir, f))], { stdio: "ignore" });
      return {
        adapter, setting, code: [adapter, glue, wasm],
        data: files.map((f) => `/data/${items}/${f}`),
        context: { glue, wasm, version: CONTENT_VERSION },
      };
    }
    case "minisearch":
      return { adapter, setting, code: [adapter, ...SHARED, "/lib/minisearch/index.js"], data: content, context: {} };
    case "flexsearch":
      return {
        adapter, setting,
        code: [adapter, ...SHARED, "/lib/flexsearch/flexsearch.bundle.module.min.mjs"],
        data: content, context: {},
      };
    case "pagefind": {
      const dir = join(dataDir, `pagefind-${setting}`);
      await buildPagefind(kindFiles, setting, dir);
      const base = `/data/${items}/pagefind-${setting}/`;
      const entry = JSON.parse(await readFile(join(dir, "pagefind-entry.json"), "utf8"));
      const languages = Object.values(entry.languages);
      const metas = (await readdir(dir)).filter((f) => f.endsWith(".pf_meta"));
      const wasm = languages.map((l) => `${base}wasm.${l.wasm ?? "unknown"}.pagefind`);
      return {
        adapter, setting,
        code: [adapter, `${base}pagefind.js`, `${base}pagefind-worker.js`, ...wasm],
        data: [`${base}pagefind-entry.json`, ...metas.map((m) => base + m)],
        context: { base },
        bundleDir: dir,
        bundleFiles: await bundleFiles(dir, languages.map((l) => l.wasm ?? "unknown")),
        resultIds: await fragmentIds(dir),
      };
    }
    default:
      throw new Error(`unknown engine ${engine}`);
  }
}

/** Is a served path code (library, adapter, WebAssembly) rather than content or index? */
export function isCode(path) {
  if (path.startsWith("/lib/") || path.startsWith("/engines/")) return true;
  return /\/pagefind(-worker)?\.js$|\.pagefind$/.test(path);
}

/** Every file of a Pagefind bundle that search can use: no UI, only the used wasm. */
async function bundleFiles(dir, wasmLanguages) {
  const out = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const name = entry.name;
    if (/ui\.(js|css)$|pagefind-highlight\.js$/.test(name)) continue;
    const wasm = name.match(/^wasm\.(.+)\.pagefind$/);
    if (wasm && !wasmLanguages.includes(wasm[1])) continue;
    out.push(join(entry.parentPath ?? entry.path, name));
  }
  return out;
}

/**
 * Pagefind result id (fragment file name) → item id, read from the bundle's fragments, so
 * quality queries need not fetch fragments. Benchmark bookkeeping: never sent as bytes.
 */
async function fragmentIds(dir) {
  const ids = {};
  for (const name of await readdir(join(dir, "fragment"))) {
    const text = gunzipSync(await readFile(join(dir, "fragment", name))).toString("utf8");
    const { url } = JSON.parse(text.slice(text.indexOf("{")));
    ids[name.replace(/\.pf_fragment$/, "")] = url.split("/").filter(Boolean).pop();
  }
  return ids;
}
