// MiniSearch (npm `minisearch`, pinned in package.json) as a benchmark engine, in the
// browser: builds its index from the same content files our engine gets (flattened to the
// same seven fields), stores title, summary and body for display, and returns the top 10
// with titles and snippets marked by highlight.mjs. Not a recommendation of settings for
// the app; "tuned" is one reasonable setting from MiniSearch's documentation.
import MiniSearch from "minisearch";
import { FIELDS, WEIGHTS, flatten } from "./flatten.mjs";
import { display, foldMarks, matcher } from "./highlight.mjs";

export const SETTINGS = {
  defaults:
    "documented defaults; only `fields` and `storeFields` set (search: terms OR-ed, no prefix, no fuzzy, no boosts, lower-casing only)",
  tuned:
    "processTerm folds case and combining marks (NFD); search: prefix on the last word, fuzzy 0.2 (edits = 20 % of the word's length), field boosts 10/9/4/3/2/2/1 (as ours), terms OR-ed (the default; AND lost 4–37 points on typo queries)",
};

/** Builds the index from `files` ([{name, text}] kind files). */
export async function create(setting, { files }) {
  const docs = flatten(files.map((f) => JSON.parse(f.text)));
  const tuned = setting === "tuned";
  const normalise = tuned ? foldMarks : (term) => term.toLowerCase();
  const options = { fields: FIELDS, storeFields: ["title", "summary", "body"] };
  if (tuned) {
    options.processTerm = foldMarks;
    options.searchOptions = {
      prefix: (term, i, terms) => i === terms.length - 1,
      fuzzy: 0.2,
      boost: WEIGHTS,
    };
  }
  const index = new MiniSearch(options);
  index.addAll(docs);
  const matches = matcher(normalise);
  return {
    search(text) {
      return index
        .search(text)
        .slice(0, 10)
        .map((hit) => ({ id: hit.id, ...display(hit, matches(new Set(hit.terms))) }));
    },
  };
}
