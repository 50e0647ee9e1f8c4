// Content kind files → flat documents with the fields our engine indexes (title, aliases,
// summary, topics, organisation names, country names, body), so every engine indexes the
// same text in the same fields. Linked organisations and countries contribute their titles
// and aliases, as in src/search/index.rs. Runs in the browser (MiniSearch, FlexSearch build
// from the same content files our engine gets) and in Node (the Pagefind build). Does not
// validate: the content is generated and validated by our engine in the same run.

/** The searchable fields, in the order of our engine's weights (10, 9, 4, 3, 2, 2, 1). */
export const FIELDS = ["title", "aliases", "summary", "topics", "organisations", "countries", "body"];

/** Our engine's field weights, for the tuned settings that take per-field boosts. */
export const WEIGHTS = { title: 10, aliases: 9, summary: 4, topics: 3, organisations: 2, countries: 2, body: 1 };

/** Flat documents from parsed kind files (`[{kind, items}]`). */
export function flatten(kindFiles) {
  const byId = new Map();
  for (const file of kindFiles) for (const item of file.items) byId.set(item.id, item);
  const names = (ids) =>
    (ids ?? [])
      .map((id) => byId.get(id))
      .filter(Boolean)
      .flatMap((linked) => [linked.title, ...(linked.aliases ?? [])])
      .join(" · ");
  const docs = [];
  for (const file of kindFiles) {
    for (const item of file.items) {
      const body = [
        ...(item.sections ?? []).flatMap((s) => [s.heading, ...s.paragraphs]),
        ...["expansion", "role", "place", "status", "format"].map((k) => item[k]).filter(Boolean),
        ...(item.look_for ?? []),
        ...(item.questions ?? []),
      ];
      docs.push({
        id: item.id,
        title: item.title,
        aliases: (item.aliases ?? []).join(" · "),
        summary: item.summary,
        topics: (item.topics ?? []).join(" · "),
        organisations: names(item.organisations),
        countries: names(item.countries),
        body: body.join("\n"),
      });
    }
  }
  return docs;
}
