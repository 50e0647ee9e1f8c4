// Static pages for the app's routes, made by the app itself: after a release build, the app
// is opened in headless Chromium on the home page, and every page it links to is opened in
// turn (lists, items, About: whatever the app draws links to, so nothing here knows the
// content's kinds or order). What the app draws is saved as `<route>.html`
// (`case-studies/government24.html`), a copy of index.html whose first screen is that page;
// the home page becomes index.html's own first screen (also 404.html's, and the worker's
// shell). A static host that serves `/x` from `x.html` (GitHub Pages, Netlify, Cloudflare
// Pages) then answers a deep link with the page itself, painted before the WebAssembly has
// loaded; the app takes it over without moving anything (it is the app's own markup).
// Search, Saved and the other pages that depend on the query or on what is stored on the
// device are not drawn: their files are the app with its loading line.
//
// The saved markup is inert until the app starts: links work as plain links, and every
// button and field is disabled. A URL with a query (`/case-studies?sort=title`) shows
// the loading line instead of the page, because the page was made without it; so does
// index.html on any route but home (hosts and the worker answer every route with it).
//
// Run by scripts/post-build.mjs for release builds; by hand:
//   node scripts/prerender.mjs <dist-dir>
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath, PHONE } from "./chromium.mjs";
import { serveStatic } from "./static-server.mjs";

/**
 * The inline script at the top of a saved page: with a query in the URL, the page stands
 * back for the loading line (`#boot.elsewhere` in public/styles.css). It runs before any of
 * the page is parsed, so nothing of it is painted and then moved. Allowed by the Content
 * Security Policy by its hash.
 */
export const PAGE_SCRIPT = 'if(location.search)document.currentScript.parentElement.classList.add("elsewhere")';

/**
 * An item's page (`case-studies/hometax`: a kind and an id) reads nothing from the query, so
 * its saved page stays whatever the query is (the tracking parameters a shared link picks
 * up, `?fbclid=…`): it has no such script.
 */
const ITEM_ROUTE = /^[a-z0-9-]+\/[a-z0-9-]+$/;

/**
 * The same for index.html's first screen, the home page: also on any path but home's, since
 * hosts that rewrite paths, 404.html and the service worker answer every route with it.
 */
export const HOME_SCRIPT =
  'if(location.search||location.pathname.replace(/\\/?$/,"/")!==new URL(document.baseURI).pathname)' +
  'document.currentScript.parentElement.classList.add("elsewhere")';

/** How many pages are drawn at once. */
const PARALLEL = 3;

/**
 * Pages that depend on the query or on the device: never drawn here, never followed (see
 * egov_core::paths::Page). Each is still a file, the app with its loading line (see
 * `writeShells`).
 */
const DEVICE_PAGES = new Set(["search", "saved", "shared", "report"]);

/**
 * Writes `html` (the app, whose first screen stands back for the loading line on any path
 * but home's) as `404.html`, the host's answer to a path it has no file for, and as each
 * device page's file (`shared.html`): a shared list's or a search's link is then answered
 * with status 200, as link previews and some mail and chat filters expect of a link that
 * works, instead of 404.
 */
export function writeShells(dist, html) {
  for (const name of ["404", ...DEVICE_PAGES]) writeFileSync(join(dist, `${name}.html`), html);
}

/** Only slug paths name files: one or two segments of `a-z`, `0-9` and inner hyphens. */
const ROUTE = /^[a-z0-9]+(-[a-z0-9]+)*(\/[a-z0-9]+(-[a-z0-9]+)*)?$/;

/**
 * The routes a drawn page links to (paths under `base`, without it): same origin, no query
 * or fragment, a slug path, not a device page.
 */
export function linkedRoutes(hrefs, origin, base) {
  const routes = new Set();
  for (const href of hrefs) {
    const url = new URL(href);
    if (url.origin !== origin || url.search || url.hash || !url.pathname.startsWith(base)) continue;
    const route = url.pathname.slice(base.length).replace(/\/$/, "");
    if (ROUTE.test(route) && !DEVICE_PAGES.has(route.split("/")[0])) routes.add(route);
  }
  return routes;
}

/** What the app drew on `route`: its title and markup, every control disabled. */
async function draw(page, url) {
  await page.goto(url);
  await page.waitForFunction(
    // A page's pictures are put in place once their code has written them (`ui::pictures`):
    // the app keeps a static copy's pictures, so they must be in it.
    () =>
      !document.getElementById("boot") &&
      document.querySelector("main h1") &&
      document.title &&
      !document.querySelector("[data-pictures-pending]"),
  );
  // Two frames: effects that follow the first draw (title, focus) have run.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return page.evaluate(() => {
    const app = [...document.body.children].filter((e) => !["SCRIPT", "NOSCRIPT"].includes(e.tagName));
    for (const element of app) {
      for (const control of element.querySelectorAll("button, input, select, textarea")) {
        control.setAttribute("disabled", "");
      }
    }
    // Status lines say how things stand on the device that drew the page (offline support,
    // storage): public/styles.css keeps their room but does not show them (`.boot-page`).
    // The page goes into a wrapper in <main>, hidden when the URL is not the one it was drawn
    // for (`PAGE_SCRIPT`, `HOME_SCRIPT`); the header and tabs stay, and the loading line,
    // with the app's name as the heading, shows in its place.
    const main = document.querySelector("main");
    const wrapper = document.createElement("div");
    wrapper.className = "boot-page";
    wrapper.append(...main.childNodes);
    const loading = document.createElement("div");
    loading.id = "boot-status";
    loading.innerHTML =
      '<h1 class="visually-hidden">e-Gov Companion</h1><p class="loading" role="status">Loading the app…</p>';
    main.append(loading, wrapper);
    // `getAttribute`: an SVG link's `href` is not a string.
    const links = app.flatMap((e) =>
      [...e.querySelectorAll("a[href]")].map((a) => new URL(a.getAttribute("href"), document.baseURI).href),
    );
    return { title: document.title, markup: app.map((e) => e.outerHTML).join("\n"), links };
  });
}

/**
 * `index` (the built index.html) with its first screen replaced by a drawn page, whose
 * inline script (`PAGE_SCRIPT` or `HOME_SCRIPT`) decides when it stands back for the loading
 * line; with no script (`null`, an item's page), it never does.
 */
export function pageHtml(index, { title, markup }, script = PAGE_SCRIPT) {
  const placeholder = /<!-- first-screen -->[\s\S]*?<!-- \/first-screen -->/;
  if (!placeholder.test(index)) throw new Error("index.html: no <!-- first-screen --> placeholder");
  const escaped = title.replaceAll("&", "&amp;").replaceAll("<", "&lt;");
  if (markup.split('<div class="boot-page">').length !== 2) throw new Error("prerender: no single page wrapper");
  const standBack = script ? `<script>${script}</script>` : "";
  const screen = `<!-- first-screen -->\n    <div id="boot">${standBack}\n${markup}\n</div>\n    <!-- /first-screen -->`;
  return index
    .replace(placeholder, () => screen)
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escaped}</title>`);
}

/**
 * Saves a page for every route of the bundle in `dist` (served under its `<base href>`) that
 * the app links to from home, and home itself as index.html's and 404.html's first screen.
 */
export async function prerender(dist) {
  const index = readFileSync(join(dist, "index.html"), "utf8");
  const base = /<base href="([^"]*)"/.exec(index)?.[1] ?? "/";
  const server = await serveStatic(dist, base, { rewrite: true });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const started = performance.now();
  try {
    const context = await browser.newContext({ viewport: PHONE, colorScheme: "light", serviceWorkers: "block" });
    const origin = new URL(server.url).origin;
    // Home first ("" is its route), then what it links to, and so on: each route once.
    const seen = new Set([""]);
    const queue = [""];
    let drawing = 0;
    let home;
    const problems = [];
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        const page = await context.newPage();
        page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message}`));
        for (;;) {
          const route = queue.shift();
          if (route === undefined) {
            if (drawing === 0) break;
            await new Promise((wait) => setTimeout(wait, 20));
            continue;
          }
          drawing += 1;
          const drawn = await draw(page, server.url + route).catch((error) => {
            throw new Error(`prerender: /${route} was not drawn: ${error.message.split("\n")[0]}`);
          });
          for (const next of linkedRoutes(drawn.links, origin, base)) {
            if (seen.has(next)) continue;
            seen.add(next);
            queue.push(next);
          }
          if (/^Page not found/.test(drawn.title)) problems.push(`/${route}: the app links to a page it does not have`);
          if (route === "") {
            home = drawn;
          } else {
            const file = join(dist, `${route}.html`);
            mkdirSync(dirname(file), { recursive: true });
            writeFileSync(file, pageHtml(index, drawn, ITEM_ROUTE.test(route) ? null : PAGE_SCRIPT));
          }
          drawing -= 1;
        }
        await page.close();
      }),
    );
    if (problems.length) throw new Error(`prerender: errors in the app:\n${problems.join("\n")}`);
    const html = pageHtml(index, home, HOME_SCRIPT);
    writeFileSync(join(dist, "index.html"), html);
    writeShells(dist, html);
    console.log(`prerender: home and ${seen.size - 1} pages in ${Math.round(performance.now() - started)} ms`);
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await prerender(process.argv[2] ?? "dist");
}
