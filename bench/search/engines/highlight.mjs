// Titles and snippets for engines that return ids and stored fields only (MiniSearch,
// FlexSearch), so they do the same display work per keystroke as our engine, which returns
// a marked title and snippet: matched words wrapped in « », and a window of about 180
// characters of the summary or body paragraph with the most matched words. A benchmark
// helper, not a general highlighter: it knows only the flat documents of flatten.mjs.

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const SNIPPET_CHARS = 180;
const LEAD_CHARS = 50;

/**
 * `{title, snippet}` for `doc` ({title, summary, body}). `isMatch(word)` says whether a word
 * as written is one the query matched (each engine normalises words its own way).
 */
export function display(doc, isMatch) {
  const title = mark(doc.title, isMatch);
  let best = null;
  for (const passage of [doc.summary ?? "", ...(doc.body ?? "").split("\n")]) {
    const found = new Set();
    for (const [word] of passage.matchAll(WORD)) if (isMatch(word)) found.add(word);
    if (!best || found.size > best.count) best = { count: found.size, passage };
  }
  if (!best) return { title, snippet: "" };
  const passage = best.passage;
  let first = 0;
  for (const m of passage.matchAll(WORD)) {
    if (isMatch(m[0])) {
      first = m.index;
      break;
    }
  }
  const start = Math.max(0, passage.lastIndexOf(" ", Math.max(0, first - LEAD_CHARS)) + 1);
  let end = Math.min(passage.length, start + SNIPPET_CHARS);
  if (end < passage.length) end = Math.max(first + 1, passage.lastIndexOf(" ", end));
  const window = passage.slice(start, end);
  return {
    title,
    snippet: (start > 0 ? "…" : "") + mark(window, isMatch) + (end < passage.length ? "…" : ""),
  };
}

function mark(text, isMatch) {
  return text.replace(WORD, (word) => (isMatch(word) ? `«${word}»` : word));
}

/**
 * A memoising word matcher: `normalise(word)` must equal one of `terms`, or start with one
 * of `prefixes`. The cache lives as long as the engine, as an app's would.
 */
export function matcher(normalise) {
  const cache = new Map();
  const norm = (word) => {
    let n = cache.get(word);
    if (n === undefined) {
      n = normalise(word);
      if (cache.size < 200_000) cache.set(word, n);
    }
    return n;
  };
  return (terms, prefixes = []) => (word) => {
    const n = norm(word);
    if (terms.has(n)) return true;
    for (const p of prefixes) if (n.startsWith(p)) return true;
    return false;
  };
}

/** Lower case without combining marks (NFD): the usual JavaScript accent folding recipe. */
export function foldMarks(text) {
  return text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
}
