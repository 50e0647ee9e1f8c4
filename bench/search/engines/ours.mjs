// Our engine (src/search, compiled to WebAssembly by bench/engine with wasm-bindgen) as a
// benchmark engine, in the browser: compiles the prefetched module, loads the index and
// stored-texts files built at deploy time (tools/search-index; the app loads the same index
// file and takes its texts from the content it already has), and returns the top 10 with
// titles and snippets as our engine marks them. Only one setting: the engine exposes no knobs to
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
  const file = (name) => files.find((f) => f.name === name).bytes;
  const engine = new glue.Engine(version, file("search-index.bin"), file("search-texts.bin"));
  const phases = { compileMs: compiled - start, buildMs: performance.now() - compiled };
  return {
    /** Where "searchable" went: compiling and instantiating, then loading the two files. */
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
