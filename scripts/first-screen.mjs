// The static first screen: the home page as plain HTML, generated at build time from the
// bundled content (dist/content/), so that a person sees the real home page, and Lighthouse
// its largest paint, before the WebAssembly has downloaded. The app takes it over without
// moving anything: it is the markup the app renders (src/ui/mod.rs, src/ui/pages/home.rs,
// `ItemCard` in src/ui/components.rs), same elements and classes in the same order, and
// tests/browser/first-screen.test.mjs checks that every block stays where it was.
//
// It is text only: every string from the content is escaped, and links are plain links
// (relative to <base href>) that work before the app runs. Buttons that need the app (☆ Save)
// are shown disabled, and no tab is marked current. On any other route the home blocks below
// the lead are hidden by a one-line inline script (allowed by hash, like Trunk's loader) and
// a loading line shows instead, because the service worker and hosts that rewrite paths
// answer every route with this same page.
//
// Run by scripts/post-build.mjs; by hand: node scripts/first-screen.mjs <dist-dir> prints it.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const APP_NAME = "e-Gov Companion";
export const LEAD =
  "What Korea built for e-government, and what the Korea–BSEC ICT Cooperation Program " +
  "showed civil servants of the Black Sea Economic Cooperation countries.";

/** Content kinds as crates/egov-core/src/content/mod.rs names them, in `Kind::ALL` order. */
const KINDS = [
  { file: "edition", slug: "editions", plural: "Programme editions" },
  { file: "session", slug: "sessions", plural: "Sessions" },
  { file: "presentation", slug: "presentations", plural: "Presentations" },
  { file: "site-visit", slug: "site-visits", plural: "Site visits" },
  { file: "case-study", slug: "case-studies", plural: "Case studies" },
  { file: "organisation", slug: "organisations", plural: "Organisations" },
  { file: "country", slug: "countries", plural: "Countries" },
  { file: "person", slug: "people", plural: "People" },
  { file: "term", slug: "glossary", plural: "Glossary" },
];

/** Text as HTML text or attribute value. */
export function escapeHtml(text) {
  return String(text)
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** A content id as a path segment: ids are slugs, but nothing unchecked goes into an href. */
function segment(id) {
  return encodeURIComponent(id);
}

/** `PartialDate`'s order (crates/egov-core/src/content/date.rs): earliest possible day, then latest. */
function dateKey(value) {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value ?? "");
  if (!match) return null;
  const [year, month, day] = match.slice(1).map((part) => (part ? Number(part) : undefined));
  const lastMonth = month ?? 12;
  const daysIn = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return [year, month ?? 1, day ?? 1, year, lastMonth, day ?? daysIn];
}

/** `Option<PartialDate>` order: no date before any date. */
function compareKeys(a, b) {
  if (a === null || b === null) return (b === null) - (a === null);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** Rust's `String` order: by UTF-8 bytes. */
function compareText(a, b) {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

/** Editions newest first, then by title (`list_order` in crates/egov-core/src/content/mod.rs). */
function editionOrder(a, b) {
  return compareKeys(dateKey(b.start), dateKey(a.start)) || compareText(a.title, b.title);
}

/** The items of the bundled content that the home page needs, read from `contentDir`. */
export function readContent(contentDir) {
  const index = JSON.parse(readFileSync(join(contentDir, "index.json"), "utf8"));
  const items = [];
  for (const name of index.files ?? []) {
    // Like the app, a file that cannot be read is left out (the app names it in a notice).
    let file;
    try {
      file = JSON.parse(readFileSync(join(contentDir, name), "utf8"));
    } catch (error) {
      console.warn(`first screen: ${name} left out: ${error.message}`);
      continue;
    }
    const kind = KINDS.find((k) => k.file === file?.kind);
    if (!kind || !Array.isArray(file.items)) {
      console.warn(`first screen: ${name} left out: not a content file`);
      continue;
    }
    for (const item of file.items) {
      const usable = ["id", "title", "summary"].every((f) => typeof item?.[f] === "string" && item[f] !== "");
      if (usable) items.push({ ...item, kind });
    }
  }
  const byId = new Map(items.map((item) => [item.id, item]));
  const featured = [...new Set(index.featured ?? [])].map((id) => byId.get(id)).filter(Boolean);
  return { items, featured };
}

/** One `ItemCard`: title link, summary, and the (not yet working) Save button. */
function card(item) {
  const title = escapeHtml(item.title);
  return (
    `<li class="card"><a href="${item.kind.slug}/${segment(item.id)}" class="card-title">${title}</a>` +
    `<p class="card-summary">${escapeHtml(item.summary)}</p>` +
    `<button class="bookmark" type="button" aria-pressed="false" aria-label="Save ${title}" disabled>` +
    `<span aria-hidden="true">☆ Save</span></button></li>`
  );
}

/** The `<div id="boot">` for `content` (see `readContent`). */
export function firstScreen({ items, featured }) {
  const editions = items.filter((item) => item.kind.file === "edition").sort(editionOrder);
  const counts = KINDS.map((kind) => [kind, items.filter((item) => item.kind === kind).length]).filter(
    ([, count]) => count > 0,
  );
  const section = (id, heading, body) =>
    `<section aria-labelledby="${id}"><h2 id="${id}">${heading}</h2>${body}</section>`;
  const home = [
    section("boot-programme", "Programme editions", `<ul class="cards">${editions.map(card).join("")}</ul>`),
    featured.length
      ? section("boot-featured", "Featured case studies", `<ul class="cards">${featured.map(card).join("")}</ul>`)
      : "",
    section(
      "boot-browse",
      "Browse the knowledge base",
      `<ul class="link-list">${counts
        .map(([kind, count]) => `<li><a href="${kind.slug}">${kind.plural}</a> <span class="count">(${count})</span></li>`)
        .join("")}</ul>`,
    ),
  ].join("\n        ");
  return `<div id="boot">
      <header class="top-bar">
        <a href="./" class="brand">${APP_NAME}</a>
        <div class="top-links"><a href="about" class="top-link">About</a></div>
      </header>
      <main>
        <h1>${APP_NAME}</h1>
        <p class="lead">${escapeHtml(LEAD)}</p>
        <p class="visually-hidden" role="status" id="boot-status">Loading the app…</p>
        <div>
        <script>${ROUTE_SCRIPT}</script>
        ${home}
        </div>
      </main>
      <nav class="tab-bar" aria-label="Main">
        <a href="./">Home</a><a href="editions">Programme</a><a href="search">Search</a><a href="saved">Saved</a>
      </nav>
    </div>`;
}

/**
 * On any route but home: hide the home blocks and show the loading line instead. It is the
 * first child of the blocks' container, so it runs while the parser has just opened that
 * container and before any block in it exists: they are never painted on other routes.
 */
export const ROUTE_SCRIPT =
  'if(location.pathname.replace(/\\/?$/,"/")!==new URL(document.baseURI).pathname){' +
  'document.currentScript.parentElement.hidden=true;' +
  'document.getElementById("boot-status").className="loading"}';

/** index.html with its `<!-- first-screen -->` placeholder replaced by the first screen. */
export function withFirstScreen(html, contentDir) {
  const placeholder = /<!-- first-screen -->[\s\S]*?<!-- \/first-screen -->/;
  if (!placeholder.test(html)) throw new Error("index.html: no <!-- first-screen --> placeholder");
  // The markers stay, so running this again replaces the screen again.
  const screen = `<!-- first-screen -->\n    ${firstScreen(readContent(contentDir))}\n    <!-- /first-screen -->`;
  return html.replace(placeholder, () => screen);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(firstScreen(readContent(join(process.argv[2] ?? "dist", "content"))));
}
