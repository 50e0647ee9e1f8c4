// Pagefind (npm `pagefind`, pinned in package.json) as a benchmark engine, in the browser:
// loads the bundle that pagefind-build.mjs wrote at bench time with Pagefind's Node API, and
// searches it with Pagefind's own pagefind.js, which fetches index chunks and fragments as
// it needs them. Every search awaits `result.data()` for the top 10, so titles and excerpts
// (Pagefind's <mark>-ed excerpt) are part of the measured latency. By default Pagefind runs
// its search in a SharedWorker; the tuned setting keeps it on the page (`noWorker`).

/** Ranking options for the tuned setting (https://pagefind.app/docs/ranking/). */
export const TUNED_RANKING = { termSimilarity: 2.0, pageLength: 0.1, termSaturation: 1.2 };

export const SETTINGS = {
  defaults:
    "addCustomRecord per item (all seven fields as the content, title as meta), documented default ranking, search in its SharedWorker (default)",
  tuned:
    `addHTMLFile per item with data-pagefind-weight per field (10/9/4/3/2/2/1, as ours; the title as <h1>) and ranking ${JSON.stringify(TUNED_RANKING)} (the defaults are 1.0/0.75/1.4; Pagefind has no typo tolerance to turn on), and noWorker: search on the page, not in a SharedWorker (halved p50 and cut the max 3–5× at 1,000 items)`,
};

/** `base` is the URL of the Pagefind bundle directory (ending in "/"). */
export async function create(setting, { base }) {
  const pagefind = await import(`${base}pagefind.js`);
  const options = { basePath: base };
  if (setting === "tuned") Object.assign(options, { ranking: TUNED_RANKING, noWorker: true });
  await pagefind.options(options);
  await pagefind.init();
  return {
    async search(text) {
      const found = await pagefind.search(text);
      const top = await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
      return top.map((data) => ({
        // Pagefind puts the bundle's parent directory before the record's URL ("/<id>/").
        id: data.url.split("/").filter(Boolean).pop(),
        title: data.meta.title,
        snippet: data.excerpt,
      }));
    },
    /** The top 10 result ids (Pagefind's fragment hashes) without loading their data. */
    async searchIds(text) {
      const found = await pagefind.search(text);
      return found.results.slice(0, 10).map((r) => r.id);
    },
  };
}
