// FlexSearch (npm `flexsearch`, pinned in package.json) as a benchmark engine, in the
// browser: a Document index over the same seven fields, built from the same content files
// our engine gets, storing title, summary and body for display; results of all fields are
// merged (`merge: true`) and the top 10 get titles and snippets marked by highlight.mjs
// (FlexSearch's own highlighter marks one field only). "tuned" is one reasonable setting
// from FlexSearch's documentation, not a recommendation for the app.
import { Charset, Document } from "flexsearch";
import { FIELDS, flatten } from "./flatten.mjs";
import { display, foldMarks, matcher } from "./highlight.mjs";

export const SETTINGS = {
  defaults:
    "documented defaults (tokenize strict, encoder Default); only the document fields and store set; search with limit 10, merge and enrich",
  tuned:
    "encoder LatinBalance on every field, tokenize forward (prefixes) on the short fields (title, aliases, topics, organisations, countries; forward on summary and body too cost build time for no gain), search with suggest (partial matches); FlexSearch has no per-field boosts, fields are listed by weight",
};

/** Builds the index from `files` ([{name, text}] kind files). */
export async function create(setting, { files }) {
  const docs = flatten(files.map((f) => JSON.parse(f.text)));
  const tuned = setting === "tuned";
  const index = new Document({
    document: {
      id: "id",
      index: tuned
        ? FIELDS.map((field) => ({
            field,
            tokenize: field === "summary" || field === "body" ? "strict" : "forward",
            encoder: Charset.LatinBalance,
          }))
        : FIELDS,
      store: ["title", "summary", "body"],
    },
  });
  for (const doc of docs) index.add(doc);
  const matches = matcher(foldMarks);
  const options = { limit: 10, merge: true, enrich: true, suggest: tuned };
  return {
    search(text) {
      const words = text.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
      const terms = new Set(words.map(foldMarks));
      // The last word may be a prefix (tuned: forward tokenizer), the others are whole words.
      const prefixes = tuned && words.length ? [foldMarks(words[words.length - 1])] : [];
      const isMatch = matches(terms, prefixes);
      return index
        .search(text, options)
        .slice(0, 10)
        .map((hit) => ({ id: hit.id, ...display(hit.doc, isMatch) }));
    },
  };
}
