// Our engine (src/search, compiled to WebAssembly by bench/engine with wasm-bindgen) as a
// benchmark engine, in the browser: compiles the prefetched module, parses and validates
// the content files as the app does, loads the search index file built at deploy time
// (tools/search-index, as the app's build does), and returns the top 10 with titles and
// snippets as our engine marks them. Only one setting: the engine exposes no knobs to
// JavaScript, so its defaults (what the app ships) are also its tuned setting.

export const SETTINGS = {
  defaults:
    "what the app ships (RankingWeights::default); there is no separate tuned setting: bench/engine exposes no knobs",
};

/** `bytes` maps URLs to prefetched ArrayBuffers; `glue` and `wasm` are the two URLs. */
export async function create(setting, { files, bytes, glue: glueUrl, wasm: wasmUrl, version }) {
  const start = performance.now();
  const glue = await import(glueUrl);
  const exports = await glue.default({ module_or_path: bytes[wasmUrl] });
  const compiled = performance.now();
  const index = files.find((f) => f.bytes);
  const content = files.filter((f) => !f.bytes);
  const engine = new glue.Engine(content.flatMap((f) => [f.name, f.text]), version, index?.bytes ?? new Uint8Array());
  const phases = { compileMs: compiled - start, buildMs: performance.now() - compiled };
  return {
    /** Where "searchable" went: compiling and instantiating, then parsing and loading the index. */
    phases: () => phases,
    search(text) {
      const flat = engine.search(text, 10);
      const hits = [];
      for (let i = 0; i < flat.length; i += 3) hits.push({ id: flat[i], title: flat[i + 1], snippet: flat[i + 2] });
      return hits;
    },
    /** Bytes of WebAssembly linear memory (not all counted by the JS heap measures). */
    wasmMemory: () => exports.memory.buffer.byteLength,
  };
}
