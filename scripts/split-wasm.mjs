// Splits the app's WebAssembly by route, after Trunk has built it (run by post-build.mjs).
//
// Lazily loaded code (`#[lazy]` functions: the lazy pages in src/ui/mod.rs, named
// `__<route>_route_view`, and parts of pages) is compiled into the app with split points
// that only a splitter can resolve: without this step the app cannot run.
// Trunk cannot split (its wasm-bindgen call comes first), so this step starts again from
// cargo's raw output (built with `-Clink-args=--emit-relocs`, .cargo/config.toml) and:
// 1. runs `wasm-split-cli` (wasm_split_cli_support, installed by scripts/setup.sh): a main
//    module, one module per lazy piece (`split_*.wasm`: a `#[lazy]` function),
//    modules for code that several pieces share (`chunk_*.wasm`) and a loader;
// 2. runs wasm-bindgen on the main module, replacing Trunk's JavaScript and WebAssembly,
//    without the stream classes Leptos links but the app never uses (`UNUSED_EXPORT`);
// 3. merges each lazy piece with the chunks it needs into one module (`wasm-merge`): a page
//    opened on Saved fetches one file instead of 17, 15 % smaller; the app's own loader
//    (`appLoader`) replaces the splitter's;
// 4. runs wasm-opt on every module, and gives every file it writes a content hash in its
//    name (hosts may let browsers keep files): the main module, its glue and the loader one
//    hash of the three (`appCodeVersion`), index.html rewritten to match;
// 5. in a release build, gives the main module's imports from its glue short names
//    (`withShortImports`) and minifies wasm-bindgen's JavaScript glue (with terser): 1.9 KB
//    brotli less before a page responds. The loader stays as written: `lazyPieceFiles`
//    reads it.
// The service worker's precache (precache.mjs) lists every file, so after the first visit
// every route opens offline. Trunk's own wasm-opt is off (index.html `data-wasm-opt="0"`).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

// wasm-opt's passes for release builds. Measured on the main module against plain `-Oz`
// (brotli): `-Os` −0.7 KB, `--flatten --rereloop -Oz` −2.2 KB, this −2.5 KB (landing code
// 248.8 → 246.5 KB); `--converge`, `--gufa`, `--closed-world`, `--dae-optimizing`: ±0.3 KB.
const RELEASE_OPTIMISATION = ["--flatten", "--rereloop", "-Os"];

/**
 * The lazily loaded pieces the splitter's own loader (`__wasm_split.js`, its text) lists: each
 * `#[lazy]` function by the `load` function main's glue imports, its `name`, and
 * its `files`: its own module first, then the shared chunks it needs.
 */
function splitterPieces(loader) {
  const chunkFiles = new Map(
    [...loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)].map((m) => [m[1], m[2]]),
  );
  const pieces = [
    ...loader.matchAll(
      /export const (__wasm_split_load_(\w+?)_\d+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"[\s\S]*?\n, \[([^\]]*)\]/g,
    ),
  ].map(([, load, name, file, deps]) => {
    const chunks = deps.split(",").map((d) => d.trim()).filter(Boolean);
    const files = [file, ...chunks.map((d) => chunkFiles.get(d))];
    if (files.some((f) => !f)) throw new Error(`split-wasm: a shared chunk of ${name} is not in the splitter's loader`);
    return { load, name, files };
  });
  const exported = [...loader.matchAll(/^export /gm)].length;
  if (exported !== pieces.length) throw new Error("split-wasm: the splitter's loader has changed; update splitterPieces");
  return pieces;
}

/**
 * The lazily loaded pieces the app's loader (`__wasm_split-*.js`, its text, written by
 * `splitWasm`) lists: each `#[lazy]` function by `name`, its `route` when it is a lazy page
 * (`search` for `__search_route_view`) and its `files` (one module).
 */
export function lazyPieceFiles(loader) {
  return [...loader.matchAll(/export const __wasm_split_load_(\w+?)_\d+ = lazyModule\("\.\/([^"]+)"/g)].map(([, name, file]) => ({
    name,
    route: /^__(\w+?)_route_view$/.exec(name)?.[1],
    files: [file],
  }));
}

/** The LEB128 number in `bytes` at `at`, unsigned or signed, and where the next begins. */
function leb128(bytes, at, signed = false) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [signed && byte & 0x40 ? value - 2 ** shift : value, at];
}

/**
 * What this step needs to know of a module the splitter wrote: the sizes of the memory and
 * table it imports, its data segments (address, length and name: `.rodata…`, `.data…` or
 * `.bss…`), and whether it holds state of its own (globals, a start function).
 */
function readModule(bytes, file) {
  let at = 8;
  const leb = (signed = false) => {
    const [value, next] = leb128(bytes, at, signed);
    at = next;
    return value;
  };
  const u32 = () => leb();
  const text = () => {
    const length = u32();
    at += length;
    return Buffer.from(bytes.subarray(at - length, at)).toString("utf8");
  };
  const minimum = () => {
    const flags = bytes[at++];
    const min = u32();
    if (flags & 1) u32();
    return min;
  };
  const module = { memoryPages: 0, tableSize: 0, segments: [], ownState: false };
  const segmentNames = new Map();
  while (at < bytes.length) {
    const id = bytes[at++];
    const end = u32() + at;
    if (id === 2) {
      for (let n = u32(); n > 0; n--) {
        text();
        text();
        const kind = bytes[at++];
        if (kind === 0) u32();
        else if (kind === 1) at++, (module.tableSize = minimum());
        else if (kind === 2) module.memoryPages = minimum();
        else at += 2;
      }
    } else if (id === 6 || id === 8) {
      module.ownState = true;
    } else if (id === 11) {
      for (let n = u32(), index = 0; index < n; index++) {
        if (u32() !== 0 || bytes[at++] !== 0x41) throw new Error(`split-wasm: ${file}: data segment ${index} is not at a constant address`);
        const address = leb(true);
        at++; // end
        const length = u32();
        at += length;
        module.segments.push({ address, length });
      }
    } else if (id === 0 && text() === "name") {
      while (at < end) {
        const subsection = bytes[at++];
        const subsectionEnd = u32() + at;
        if (subsection === 9) for (let n = u32(); n > 0; n--) segmentNames.set(u32(), text());
        at = subsectionEnd;
      }
    }
    at = end;
  }
  module.segments.forEach((segment, index) => (segment.name = segmentNames.get(index)));
  if (module.segments.some((segment) => segment.name === undefined)) throw new Error(`split-wasm: ${file}: its data segments have no names`);
  return module;
}

/**
 * One module per lazy piece: its own module and the shared chunks it needs, merged with
 * `wasm-merge`. They all import the app's memory, table and stack pointer from
 * `__wasm_split`; a small module of that name re-exports them, so the merged module imports
 * each once (from `__wasm_split_merged`).
 */
function mergePiece(work, piece, modules) {
  const memoryPages = Math.max(...piece.files.map((f) => modules.get(f).memoryPages));
  const tableSize = Math.max(...piece.files.map((f) => modules.get(f).tableSize));
  const provider = join(work, `provider-${piece.name}.wat`);
  writeFileSync(
    provider,
    `(module
  (import "__wasm_split_merged" "memory" (memory ${memoryPages}))
  (import "__wasm_split_merged" "__indirect_function_table" (table ${tableSize} funcref))
  (import "__wasm_split_merged" "__wasm_split_shared0" (global (mut i32)))
  (export "memory" (memory 0))
  (export "__indirect_function_table" (table 0))
  (export "__wasm_split_shared0" (global 0)))`,
  );
  execFileSync("wasm-as", [...WASM_OPT_FEATURES, provider, "-o", `${provider}.wasm`]);
  const merged = join(work, `merged-${piece.name}.wasm`);
  const inputs = piece.files.flatMap((file, index) => [join(work, file), `piece${index}`]);
  execFileSync("wasm-merge", [...WASM_OPT_FEATURES, `${provider}.wasm`, "__wasm_split", ...inputs, "-o", merged], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  return merged;
}

/**
 * The app's loader of its lazy pieces, instead of the splitter's: the splitter gives each
 * piece its own module and one module per set of pieces that share code (a page opened on
 * Saved fetched 17 files and instantiated 17 modules, each with its import list: 71.6 KB
 * brotli). Here each piece is one module with the shared chunks it needs (61.7 KB).
 *
 * Two pieces may then hold the same chunk (Search and Saved share code), and open both: the
 * chunk is instantiated twice. That is safe because a chunk holds no state of its own (no
 * globals or start function: `splitWasm` checks), its functions go to the same table slots (same code), and its
 * read-only data is written again with the same bytes. Its statics (`.data`, `.bss`), which
 * the app may have changed since, are kept: read before the second instantiation and written
 * back after it, with nothing in between (a synchronous `WebAssembly.Instance`).
 */
function appLoader(glue, pieces, statics, release) {
  const runtime = `// The app's lazily loaded pieces, one module each (written by scripts/split-wasm.mjs).
import { initSync } from "./${glue}";

let shared;
function sharedImports() {
  if (shared === undefined) {
    const { __indirect_function_table, __wasm_split_shared0, memory } = initSync(undefined, undefined);
    shared = { __wasm_split_merged: { __indirect_function_table, __wasm_split_shared0, memory } };
  }
  return shared;
}
const loadedChunks = new Set();
function instantiate(module, chunks) {
  const imports = sharedImports();
  const memory = imports.__wasm_split_merged.memory;
  const kept = chunks
    .filter((chunk) => loadedChunks.has(chunk))
    .flatMap((chunk) => STATICS[chunk] ?? [])
    .map(([at, length]) => [at, new Uint8Array(memory.buffer, at, length).slice()]);
  new WebAssembly.Instance(module, imports);
  for (const [at, bytes] of kept) new Uint8Array(memory.buffer).set(bytes, at);
  for (const chunk of chunks) loadedChunks.add(chunk);
}
// On a first visit the page may have loaded the main module packed with xz (see
// post-build.mjs): then its decoder is loaded, and each piece comes packed too
// (\`<piece>.wasm.xz\`), unless the service worker, which keeps the plain pieces, now serves
// the page. A packed piece that fails is fetched plain.
async function compilePacked(url) {
  const xz = !navigator.serviceWorker?.controller && globalThis["xz-decompress"];
  if (!xz) return null;
  try {
    const response = await fetch(new URL(url + ".xz", import.meta.url));
    if (!response.ok || !response.body) return null;
    const stream = new xz.XzReadableStream(response.body);
    return await WebAssembly.compileStreaming(new Response(stream, { headers: { "Content-Type": "application/wasm" } }));
  } catch {
    return null;
  }
}
async function compile(url) {
  const packed = await compilePacked(url);
  if (packed) return packed;
  let response;
  try {
    response = await fetch(new URL(url, import.meta.url));
  } catch (error) {
    throw Object.assign(new Error(\`\${url}: \${error.message}\`), { offline: true });
  }
  if (!response.ok) throw new Error(\`\${url}: HTTP \${response.status}\`);
  // A host that does not send .wasm files as application/wasm: compiled from the bytes.
  return response.headers.get("Content-Type")?.startsWith("application/wasm")
    ? WebAssembly.compileStreaming(response)
    : WebAssembly.compile(await response.arrayBuffer());
}
// A piece that cannot be downloaded is never reported to the app as failed: Leptos would
// stop the app (a failed lazy function panics). It waits instead, and <html
// data-code-waiting="offline|failed"> and "egov:code-status" tell the app why, so that it can
// say so. It is tried again when the browser is back online, when the app asks
// ("egov:code-retry"), and every 15 s while there is no network.
const waiting = new Map();
function showWaiting() {
  const reasons = [...waiting.values()];
  const now = reasons.length === 0 ? null : reasons.includes("failed") ? "failed" : "offline";
  const html = document.documentElement;
  if (html.getAttribute("data-code-waiting") === now) return;
  if (now === null) html.removeAttribute("data-code-waiting");
  else html.setAttribute("data-code-waiting", now);
  dispatchEvent(new Event("egov:code-status"));
}
function nextAttempt(offline) {
  return new Promise((resolve) => {
    const again = () => {
      removeEventListener("online", again);
      removeEventListener("egov:code-retry", again);
      clearTimeout(timer);
      resolve();
    };
    addEventListener("online", again);
    addEventListener("egov:code-retry", again);
    const timer = offline ? setTimeout(again, 15000) : undefined;
  });
}
// Loads a piece once, however many times it is asked for, trying until it has arrived.
function lazyModule(url, chunks) {
  let loading;
  const load = async () => {
    for (;;) {
      try {
        instantiate(await compile(url), chunks);
        if (waiting.delete(url)) showWaiting();
        return;
      } catch (error) {
        // A download cut off mid-way fails in the compiler, not in fetch.
        const offline = error.offline === true || !navigator.onLine;
        console.warn(error.message);
        waiting.set(url, offline ? "offline" : "failed");
        showWaiting();
        await nextAttempt(offline);
      }
    }
  };
  return async (callbackIndex, callbackData) => {
    loading ??= load();
    await loading;
    sharedImports().__wasm_split_merged.__indirect_function_table.get(callbackIndex)(callbackData, true);
  };
}
`;
  // The data, after the runtime and unminified, one line each: this step, the size report
  // and the tests read the pieces and statics from them (`lazyPieceFiles`). The runtime
  // is minified in release builds (it is on every page's start: 0.9 KB gzip less), keeping
  // the names the data lines use.
  const data = [
    // The statics of shared chunks, [address, length], which the app may change after loading.
    `const STATICS = ${JSON.stringify(Object.fromEntries(statics))};`,
    ...pieces.map((p) => `export const ${p.load} = lazyModule("./${p.file}", ${JSON.stringify(p.chunks)});`),
  ];
  const kept = { compress: { unused: false }, mangle: { reserved: ["lazyModule", "STATICS"] } };
  const code = release ? minify_sync(runtime, { module: true, ...kept }).code : runtime;
  if (!/\bfunction lazyModule\(/.test(code) || !code.includes("STATICS[")) {
    throw new Error("split-wasm: the loader's runtime lost lazyModule or STATICS; update appLoader");
  }
  return `${code}\n${data.join("\n")}\n`;
}

// Leptos always links server functions' browser client (server_fn's "browser" feature),
// whose streams (wasm-streams) wasm-bindgen exports as three JavaScript classes. The app has
// no server functions and never uses them, but exports keep their code in the main module.
// Their bodies are emptied before the splitter reads cargo's output
// (`withUnusedExportsStubbed`: 2.9 KB brotli less landing code, the functions their futures
// put in the function table and their data), and the exports and their glue dropped after
// wasm-bindgen (`withoutExports`, `withoutUnusedClasses`: 1.0 KB brotli).
const UNUSED_EXPORT = /^(__wbg_)?intounderlying(bytesource|sink|source)_/;
const UNUSED_GLUE = [
  /export class IntoUnderlying\w+ \{\n[\s\S]*?\n\}\n/g,
  /if \(Symbol\.dispose\) IntoUnderlying\w+\.prototype\[Symbol\.dispose\] = IntoUnderlying\w+\.prototype\.free;\n/g,
  /const IntoUnderlying\w+Finalization = \(typeof FinalizationRegistry === 'undefined'\)\n.*\n.*\n/g,
];

/** `n` as an unsigned LEB128 number. */
function encoded(n) {
  const out = [];
  do {
    out.push((n & 0x7f) | (n >= 0x80 ? 0x80 : 0));
    n = Math.floor(n / 0x80);
  } while (n > 0);
  return Buffer.from(out);
}

/** `text` as a WebAssembly name: its UTF-8 length, then its bytes. */
function encodedName(text) {
  const bytes = Buffer.from(text, "utf8");
  return Buffer.concat([encoded(bytes.length), bytes]);
}

/** The name the main module's imports from its glue go under (`withShortImports`). */
const SHORT_GLUE_MODULE = "w";

/**
 * The module `bytes` with the body of its section `id` rewritten: `rewrite` reads the section's
 * entries with the reader it is given (`leb`, `name`, `at`, `skipTo`, …) and returns the new
 * entries; the section's count and length are written for them.
 */
function withSection(bytes, id, rewrite) {
  let at = 8;
  const reader = {
    leb() {
      const [value, next] = leb128(bytes, at);
      at = next;
      return value;
    },
    name() {
      const length = reader.leb();
      at += length;
      return bytes.toString("utf8", at - length, at);
    },
    byte: () => bytes[at++],
    at: () => at,
    since: (from) => bytes.subarray(from, at),
  };
  const parts = [bytes.subarray(0, 8)];
  while (at < bytes.length) {
    const start = at;
    const sectionId = bytes[at++];
    const end = reader.leb() + at;
    if (sectionId === id) {
      const entries = [];
      for (let count = reader.leb(); count > 0; count--) entries.push(rewrite(reader));
      if (at !== end) throw new Error(`split-wasm: section ${id} did not read as expected`);
      const kept = entries.filter(Boolean);
      const body = Buffer.concat([encoded(kept.length), ...kept]);
      parts.push(Buffer.from([id]), encoded(body.length), body);
    } else {
      parts.push(bytes.subarray(start, end));
    }
    at = end;
  }
  return Buffer.concat(parts);
}

// Relocation types with an addend (tool-conventions, Linking.md).
const RELOCATIONS_WITH_ADDEND = new Set([3, 4, 5, 8, 9, 11, 14, 15, 16, 17, 21, 22, 23, 25]);

/**
 * Cargo's output (`bytes`, linked with its relocations) with the bodies of the functions
 * exported under names matching `unused` replaced by `unreachable`, and their relocations
 * dropped. The splitter then sees nothing they call or point to; dropping only the exports
 * after it (`withoutExports`) left in the main module what it had placed there for them: the
 * functions their futures put in the function table, and their data.
 */
function withUnusedExportsStubbed(bytes, unused) {
  const leb = (position, signed = false) => leb128(bytes, position, signed);
  const sections = [];
  for (let at = 8; at < bytes.length; ) {
    const id = bytes[at];
    const [size, payload] = leb(at + 1);
    const [nameLength, nameStart] = id === 0 ? leb(payload) : [0, payload];
    const name = id === 0 ? bytes.toString("utf8", nameStart, nameStart + nameLength) : null;
    sections.push({ id, name, start: at, payload, contents: nameStart + nameLength, end: payload + size });
    at = payload + size;
  }
  const section = (id, name = null) => {
    const found = sections.find((s) => s.id === id && s.name === name);
    if (!found) throw new Error(`split-wasm: cargo's output has no section ${name ?? id}`);
    return found;
  };
  const skipLimits = (p) => {
    const flags = bytes[p];
    let [, next] = leb(p + 1);
    if (flags & 1) [, next] = leb(next);
    return next;
  };
  // Function indices count imported functions first.
  let importedFunctions = 0;
  let [importCount, p] = leb(section(2).payload);
  for (; importCount > 0; importCount--) {
    for (let part = 0; part < 2; part++) {
      const [length, next] = leb(p);
      p = next + length;
    }
    const kind = bytes[p++];
    if (kind === 0) (importedFunctions++, ([, p] = leb(p)));
    else if (kind === 1) p = skipLimits(p + 1);
    else if (kind === 2) p = skipLimits(p);
    else if (kind === 3) p += 2;
    else throw new Error(`split-wasm: an import of kind ${kind}; update withUnusedExportsStubbed`);
  }
  const stubbed = new Set();
  let [exportCount, q] = leb(section(7).payload);
  for (; exportCount > 0; exportCount--) {
    const [length, nameStart] = leb(q);
    const name = bytes.toString("utf8", nameStart, nameStart + length);
    const kind = bytes[nameStart + length];
    const [index, next] = leb(nameStart + length + 1);
    if (kind === 0 && unused.test(name)) stubbed.add(index);
    q = next;
  }
  if (stubbed.size === 0) throw new Error("split-wasm: no export matches UNUSED_EXPORT; update it");
  const out = Buffer.from(bytes);
  // The stubbed bodies, as offsets in the code section's payload (as relocations count).
  const code = section(10);
  const ranges = [];
  let [bodyCount, b] = leb(code.payload);
  for (let index = importedFunctions; bodyCount > 0; bodyCount--, index++) {
    const [size, body] = leb(b);
    if (stubbed.has(index)) {
      if (size < 3) throw new Error("split-wasm: an unused export's body is too short to stub");
      // No locals, `unreachable`, `nop`s to keep every later offset, `end`.
      out.fill(0x01, body, body + size);
      out[body] = 0x00;
      out[body + 1] = 0x00;
      out[body + size - 1] = 0x0b;
      ranges.push([body - code.payload, body + size - code.payload]);
    }
    b = body + size;
  }
  if (ranges.length !== stubbed.size) throw new Error("split-wasm: an unused export is not a function of this module");
  const relocations = section(0, "reloc.CODE");
  const [sectionIndex, afterIndex] = leb(relocations.contents);
  let [entries, e] = leb(afterIndex);
  const kept = [];
  for (; entries > 0; entries--) {
    const entry = e;
    const type = bytes[e++];
    const [offset, afterOffset] = leb(e);
    [, e] = leb(afterOffset);
    if (RELOCATIONS_WITH_ADDEND.has(type)) [, e] = leb(e, true);
    if (!ranges.some(([from, to]) => offset >= from && offset < to)) kept.push(bytes.subarray(entry, e));
  }
  if (e !== relocations.end) throw new Error("split-wasm: reloc.CODE did not read as expected");
  const payload = Buffer.concat([bytes.subarray(relocations.payload, relocations.contents), encoded(sectionIndex), encoded(kept.length), ...kept]);
  return Buffer.concat([out.subarray(0, relocations.start), Buffer.from([0]), encoded(payload.length), payload, out.subarray(relocations.end)]);
}

/** The module `bytes` without the exports whose names match `unused`. */
function withoutExports(bytes, unused) {
  return withSection(bytes, 7, (read) => {
    const entry = read.at();
    const name = read.name();
    read.byte();
    read.leb();
    return unused.test(name) ? null : read.since(entry);
  });
}

/**
 * The module `bytes` with its imports from the glue (module `glueModule`) renamed to short
 * names (`a`, `b`, … `aa`, …) and that module to `SHORT_GLUE_MODULE`, and the renames. The
 * glue's names (`__wbg_setAttribute_f75317b2b5cabfb4`: 268 of them, with their hashes, once
 * in the module and once in the glue) cost 7 KB brotli before a page responds; the glue is
 * given the same names (`withShortNames`).
 */
function withShortImports(bytes, glueModule) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const shortName = (n) => (n < letters.length ? "" : shortName(Math.floor(n / letters.length) - 1)) + letters[n % letters.length];
  const renames = new Map();
  const rewritten = withSection(bytes, 2, (read) => {
    const limits = () => {
      const flags = read.byte();
      read.leb();
      if (flags & 1) read.leb();
    };
    const module = read.name();
    const field = read.name();
    const description = read.at();
    const kind = read.byte();
    if (kind === 0) read.leb();
    else if (kind === 1) (read.byte(), limits());
    else if (kind === 2) limits();
    else if (kind === 3) (read.byte(), read.byte());
    else throw new Error(`split-wasm: an import of kind ${kind}; update withShortImports`);
    if (module !== glueModule) return Buffer.concat([encodedName(module), encodedName(field), read.since(description)]);
    const short = shortName(renames.size);
    renames.set(field, short);
    return Buffer.concat([encodedName(SHORT_GLUE_MODULE), encodedName(short), read.since(description)]);
  });
  return { bytes: rewritten, renames };
}

/**
 * wasm-bindgen's glue with the names `withShortImports` gave the module: each import's key
 * (it must appear exactly once, as a key) and the module's key.
 */
function withShortNames(glue, glueModule, renames) {
  const moduleKey = `"${glueModule}": `;
  if (glue.split(moduleKey).length !== 2) throw new Error("split-wasm: the glue's imports object has changed; update withShortNames");
  let renamed = glue.replace(moduleKey, `"${SHORT_GLUE_MODULE}": `);
  for (const [long, short] of renames) {
    const key = new RegExp(`(?<![\\w$])${long.replaceAll("$", "\\$")}(?![\\w$])`, "g");
    const found = renamed.match(key)?.length ?? 0;
    if (found !== 1 || !renamed.includes(`${long}: function`)) {
      throw new Error(`split-wasm: the glue names ${long} ${found} times, not once as a key; update withShortNames`);
    }
    renamed = renamed.replace(key, short);
  }
  return renamed;
}

/** wasm-bindgen's glue without the classes of [`UNUSED_EXPORT`]. */
function withoutUnusedClasses(glue) {
  const kept = UNUSED_GLUE.reduce((code, pattern) => code.replace(pattern, ""), glue);
  if (kept.includes("IntoUnderlying")) throw new Error("split-wasm: wasm-bindgen's glue for wasm-streams has changed; update UNUSED_GLUE");
  return kept;
}

/** `code` minified when `release` (an ES module: its imports and exports keep their names). */
function minified(code, release) {
  return release ? minify_sync(code, { module: true, compress: true, mangle: true }).code : code;
}

const hash8 = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);

// What the main module's glue and the loader call each other (and the glue its module)
// until the three are named by `appCodeVersion`.
const MAIN = "__APP_MAIN__";
const LOADER = "__APP_LOADER__";

/**
 * The version in the names of the main module, its glue and the split loader: a hash of the
 * three as deployed, with the names they call each other by (`names.stem`: the main
 * module's and the glue's name without extension; `names.loader`: the loader's file) left
 * out, since each names another. Trunk's own name is a hash of cargo's output alone, so a
 * change to this step (a smaller glue, a new loader) kept the name with new content: a host
 * that lets browsers keep files (GitHub Pages: ten minutes) could then give a returning
 * visitor the old glue, importing a loader no longer on the host, and the app would not
 * start. The browser tests recompute it from dist/.
 */
export function appCodeVersion({ wasm, glue, loader }, names) {
  const unnamed = (text) => text.replaceAll(names.loader, LOADER).replaceAll(names.stem, MAIN);
  return createHash("sha256").update(wasm).update(unnamed(glue)).update("\0").update(unnamed(loader)).digest("hex").slice(0, 16);
}

/**
 * Splits the app in `staging` (Trunk's staging directory) from cargo's output in
 * `targetDir`. Returns the loader's file name, how many lazy pieces there are, each lazy
 * route's files (`routes.search`: its module) and each piece's by its function's name
 * (`pieceFiles.search_engine`).
 */
export function splitWasm(staging, { targetDir, release }) {
  const glue = readdirSync(staging).find((f) => new RegExp(`^${CRATE}-[0-9a-f]+\\.js$`).test(f));
  if (!glue) throw new Error(`split-wasm: no ${CRATE}-<hash>.js in ${staging}`);
  const stem = glue.slice(0, -".js".length);
  const raw = join(targetDir, "wasm32-unknown-unknown", release ? "release" : "debug", `${CRATE}.wasm`);
  const work = mkdtempSync(join(tmpdir(), "egov-split-"));
  try {
    const rawStubbed = join(work, "raw-stubbed.wasm");
    writeFileSync(rawStubbed, withUnusedExportsStubbed(readFileSync(raw), UNUSED_EXPORT));
    execFileSync("wasm-split-cli", [rawStubbed, work, "--out-name", stem], { stdio: ["ignore", "ignore", "inherit"] });
    execFileSync(
      "wasm-bindgen",
      ["--target", "web", "--keep-lld-exports", "--no-demangle", "--no-typescript", "--out-dir", staging, "--out-name", stem, join(work, `${stem}.wasm`)],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    // `EGOV_KEEP_NAMES=1` keeps the functions' names, for scripts/profile-start.mjs: a
    // diagnostic build only (a third larger), never deployed.
    const nameSection = process.env.EGOV_KEEP_NAMES === "1" ? ["-g"] : ["--strip-debug"];
    const optimise = (file, output = file) =>
      execFileSync("wasm-opt", [...(release ? RELEASE_OPTIMISATION : ["-O0"]), ...WASM_OPT_FEATURES, ...nameSection, "--strip-producers", file, "-o", output]);
    const main = join(staging, `${stem}_bg.wasm`);
    writeFileSync(main, withoutExports(readFileSync(main), UNUSED_EXPORT));
    optimise(main);
    // In a release build, the glue's imports get short names (the debug build keeps them
    // readable).
    const glueModule = `./${stem}_bg.js`;
    const shortened = release ? withShortImports(readFileSync(main), glueModule) : null;
    if (shortened) writeFileSync(main, shortened.bytes);
    const splitterPieceList = splitterPieces(readFileSync(join(work, "__wasm_split.js"), "utf8"));
    const modules = new Map(
      readdirSync(work)
        .filter((f) => /^(split_|chunk_).*\.wasm$/.test(f))
        .map((file) => [file, readModule(readFileSync(join(work, file)), file)]),
    );
    for (const [file, module] of modules) {
      if (module.ownState) throw new Error(`split-wasm: ${file} has globals or a start function, which two of its copies would not share`);
    }
    // Each shared chunk's statics: the segments the app may write to after loading it.
    const chunkNumber = (file) => Number(/^chunk_(\d+)\.wasm$/.exec(file)?.[1]);
    const statics = [...modules]
      .filter(([file]) => file.startsWith("chunk_"))
      .map(([file, module]) => [
        chunkNumber(file),
        module.segments.filter((s) => s.length > 0 && /^\.(data|bss)\b/.test(s.name)).map((s) => [s.address, s.length]),
      ])
      .filter(([, ranges]) => ranges.length > 0);
    const pieces = splitterPieceList.map((piece) => {
      const merged = mergePiece(work, piece, modules);
      optimise(merged);
      const bytes = readFileSync(merged);
      const file = piece.files[0].replace(/\.wasm$/, `-${hash8(bytes)}.wasm`);
      writeFileSync(join(staging, file), bytes);
      return { load: piece.load, file, chunks: piece.files.slice(1).map(chunkNumber) };
    });
    // Written under their final names, from one hash of the three (`appCodeVersion`). The
    // module's imports are keyed `./__wasm_split.js` and `./<Trunk's name>_bg.js` in both the
    // module and the glue: keys, not files, so they stay.
    const unshortened = withoutUnusedClasses(readFileSync(join(staging, glue), "utf8"));
    const glueCode = shortened ? withShortNames(unshortened, glueModule, shortened.renames) : unshortened;
    const importsLoader = 'from "./__wasm_split.js"';
    if (!glueCode.includes(importsLoader) || !glueCode.includes(`${stem}_bg.wasm`)) {
      throw new Error("split-wasm: the glue no longer imports the loader or names its WebAssembly; update splitWasm");
    }
    const template = {
      wasm: readFileSync(main),
      glue: minified(glueCode.replaceAll(importsLoader, `from "./${LOADER}"`).replaceAll(`${stem}_bg.wasm`, `${MAIN}_bg.wasm`), release),
      loader: appLoader(`${MAIN}.js`, pieces, statics, release),
    };
    const version = appCodeVersion(template, { stem: MAIN, loader: LOADER });
    const names = { stem: `${CRATE}-${version}`, loader: `__wasm_split-${version}.js` };
    const named = (text) => text.replaceAll(LOADER, names.loader).replaceAll(MAIN, names.stem);
    rmSync(main);
    rmSync(join(staging, glue));
    writeFileSync(join(staging, `${names.stem}_bg.wasm`), template.wasm);
    writeFileSync(join(staging, `${names.stem}.js`), named(template.glue));
    writeFileSync(join(staging, names.loader), named(template.loader));
    // Trunk's index.html loads the main module and its glue by Trunk's name.
    const index = join(staging, "index.html");
    writeFileSync(index, readFileSync(index, "utf8").replaceAll(stem, names.stem));
    console.log(`split-wasm: ${names.stem} and ${pieces.length} pieces loaded on demand, one module each (${names.loader})`);
    const lazyPieces = lazyPieceFiles(named(template.loader));
    const routes = Object.fromEntries(lazyPieces.filter((piece) => piece.route).map((piece) => [piece.route, piece.files]));
    const pieceFiles = Object.fromEntries(lazyPieces.map((piece) => [piece.name, piece.files]));
    return { loader: names.loader, pieces: pieces.length, routes, pieceFiles };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
