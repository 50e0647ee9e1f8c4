// The in-page half of the benchmark: window.bench, called step by step by run.mjs through
// Playwright, so that memory can be measured from outside between steps. It prefetches an
// engine's files (code into the HTTP cache or as bytes, content as text, binary index files
// as bytes), then times only
// what happens after the bytes arrived: compiling, parsing, building; then per-keystroke
// latency over every prefix of the given queries, and the rank of each quality query's
// target. Measures, never judges: thresholds live in run.mjs.

let engine = null;

/** The query answered as part of "searchable"; not among the measured keystrokes' prefixes. */
const FIRST_QUERY = "zz";

window.bench = {
  /**
   * Prefetches `code` and `data` URLs, then builds the engine and answers a first query;
   * returns timings in ms.
   */
  async load({ adapter, setting, code, data, context }) {
    const fetchStart = performance.now();
    const bytes = {};
    await Promise.all(
      code.map(async (url) => {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        bytes[url] = await response.arrayBuffer();
      }),
    );
    let files = await Promise.all(
      data.map(async (url) => {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        const name = url.slice(url.lastIndexOf("/") + 1);
        // Binary index files (ours: search-index.bin) as bytes, everything else as text.
        if (url.endsWith(".bin")) return { name, bytes: new Uint8Array(await response.arrayBuffer()) };
        return { name, text: await response.text() };
      }),
    );
    const fetched = performance.now();
    const module = await import(adapter);
    engine = await module.create(setting, { ...context, files, bytes });
    // Searchable means answering: some engines (Pagefind) load lazily on the first query.
    const first = engine.search(FIRST_QUERY);
    if (first && typeof first.then === "function") await first;
    const searchable = performance.now() - fetched;
    files = null;
    for (const url of Object.keys(bytes)) delete bytes[url];
    return {
      fetchMs: fetched - fetchStart,
      searchableMs: searchable,
      phases: engine.phases?.() ?? null,
      settings: module.SETTINGS,
    };
  },

  /** Every prefix (by code point) of every query, one search each, timed. */
  async latency(queries) {
    const times = [];
    const slowest = [];
    for (const query of queries) {
      const chars = [...query];
      for (let n = 1; n <= chars.length; n++) {
        const prefix = chars.slice(0, n).join("");
        const start = performance.now();
        let hits = engine.search(prefix);
        if (hits && typeof hits.then === "function") hits = await hits;
        const ms = performance.now() - start;
        if (!Array.isArray(hits)) throw new Error(`search returned ${typeof hits}`);
        times.push(ms);
        slowest.push([ms, prefix]);
        if (slowest.length > 40) {
          slowest.sort((a, b) => b[0] - a[0]);
          slowest.length = 10;
        }
      }
    }
    slowest.sort((a, b) => b[0] - a[0]);
    return { times, slowest: slowest.slice(0, 10) };
  },

  /**
   * The 1-based rank of each query's target in the top 10 (0 when absent), and the top id.
   * With `resultIds` (engine result id → item id) and an engine that offers `searchIds`,
   * ranks come from ids alone, without building titles and snippets.
   */
  async quality(queries, resultIds) {
    const out = [];
    for (const { text, target } of queries) {
      let ids;
      if (resultIds && engine.searchIds) {
        ids = (await engine.searchIds(text)).map((id) => resultIds[id] ?? id);
      } else {
        let hits = engine.search(text);
        if (hits && typeof hits.then === "function") hits = await hits;
        ids = hits.map((h) => h.id);
      }
      out.push({ rank: ids.indexOf(target) + 1, top: ids[0] ?? null });
    }
    return out;
  },

  /** One query's hits, for debugging an adapter. */
  async search(text) {
    return await engine.search(text);
  },

  /** Memory as the page sees it: the UA-specific measure when isolated, wasm memory if any. */
  async memory() {
    const out = { isolated: self.crossOriginIsolated, ua: null, wasm: engine?.wasmMemory?.() ?? null };
    if (self.crossOriginIsolated && performance.measureUserAgentSpecificMemory) {
      const m = await performance.measureUserAgentSpecificMemory();
      out.ua = m.bytes;
      out.breakdown = m.breakdown
        .filter((b) => b.bytes > 0)
        .map((b) => ({ bytes: b.bytes, types: b.types, scope: b.attribution.map((a) => a.scope).join(",") }));
    }
    return out;
  },
};
document.getElementById("status").textContent = "loaded";
