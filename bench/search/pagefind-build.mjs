// Builds the Pagefind bundle for one corpus and setting, at bench time, with Pagefind's Node
// API (createIndex, addCustomRecord or addHTMLFile, writeFiles), into a directory under
// target/. Each item becomes one record with the URL "/<id>/", the same seven fields the
// other engines index (flatten.mjs). Node only; searching happens in engines/pagefind.mjs.
import * as pagefind from "pagefind";
import { rm } from "node:fs/promises";
import { FIELDS, WEIGHTS, flatten } from "./engines/flatten.mjs";

const escape = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Writes the bundle for `kindFiles` ([{kind, items}]) to `outputPath`. */
export async function buildPagefind(kindFiles, setting, outputPath) {
  await rm(outputPath, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({});
  if (errors.length) throw new Error(`pagefind: ${errors.join("; ")}`);
  for (const doc of flatten(kindFiles)) {
    const url = `/${doc.id}/`;
    const response =
      setting === "tuned"
        ? await index.addHTMLFile({ url, content: html(doc) })
        : await index.addCustomRecord({
            url,
            content: FIELDS.map((f) => doc[f]).filter(Boolean).join("\n"),
            language: "en",
            meta: { title: doc.title },
          });
    if (response.errors.length) throw new Error(`pagefind ${url}: ${response.errors.join("; ")}`);
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join("; ")}`);
  await index.deleteIndex();
}

/** The document as a page whose elements carry our engine's field weights. */
function html(doc) {
  const parts = FIELDS.filter((f) => f !== "title" && doc[f]).map(
    (f) => `<p data-pagefind-weight="${WEIGHTS[f]}">${escape(doc[f])}</p>`,
  );
  return `<!doctype html><html lang="en"><head><title>${escape(doc.title)}</title></head><body><main>` +
    `<h1 data-pagefind-weight="${WEIGHTS.title}">${escape(doc.title)}</h1>${parts.join("")}</main></body></html>`;
}

/** Stops Pagefind's indexing service (a child process). */
export const closePagefind = () => pagefind.close();
