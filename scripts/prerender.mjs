// Static pages for the app's routes, made by the app itself: after a release build, each
// kind's list, each item and the About page are opened in headless Chromium, and what the
// app draws is saved as `<route>.html` (`case-studies/government24.html`), a copy of
// index.html whose first screen is that page. A static host that serves `/x` from `x.html`
// (GitHub Pages, Netlify, Cloudflare Pages) then answers a deep link with the page itself,
// painted before the WebAssembly has loaded; the app takes it over without moving anything
// (it is the app's own markup). Search, Saved and the other pages that depend on the query
// or on what is stored on the device are not made: they keep the loading line.
//
// The saved markup is inert until the app starts: links work as plain links, and every
// button and field is disabled. A URL with a query (`/case-studies?sort=title`) shows
// the loading line instead of the page, because the page was made without it.
//
// Run by scripts/post-build.mjs for release builds; by hand:
//   node scripts/prerender.mjs <dist-dir>
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { chromium } from "playwright-core";
import { readContent } from "./first-screen.mjs";
import { CHROMIUM_ARGS, chromiumPath } from "../tests/browser/harness.mjs";
import { serveStatic } from "../tests/browser/server.mjs";

/**
 * The inline script at the top of a saved page: with a query in the URL, hide the page and
 * show the loading line (allowed by the Content Security Policy by its hash).
 */
export const PAGE_SCRIPT =
  'if(location.search){document.currentScript.parentElement.hidden=true;' +
  'document.getElementById("boot-status").hidden=false}';

/** How many pages are drawn at once. */
const PARALLEL = 3;

/** The routes to save: each kind's list, each item, About (paths without the base). */
export function routesOf(contentDir) {
  const { items } = readContent(contentDir);
  const kinds = [...new Set(items.map((item) => item.kind.slug))];
  // Only slugs name files: an id the app would refuse never becomes a path.
  const slug = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  return [
    "about",
    ...kinds,
    ...items.filter((item) => slug.test(item.id)).map((item) => `${item.kind.slug}/${item.id}`),
  ];
}

/** What the app drew on `route`: its title and markup, every control disabled. */
async function draw(page, url) {
  await page.goto(url);
  await page.waitForFunction(
    () => !document.getElementById("boot") && document.querySelector("main h1") && document.title,
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
    return { title: document.title, markup: app.map((e) => e.outerHTML).join("\n") };
  });
}

/** `index` (the built index.html) with its first screen replaced by a drawn page. */
export function pageHtml(index, { title, markup }) {
  const placeholder = /<!-- first-screen -->[\s\S]*?<!-- \/first-screen -->/;
  if (!placeholder.test(index)) throw new Error("index.html: no <!-- first-screen --> placeholder");
  const escaped = title.replaceAll("&", "&amp;").replaceAll("<", "&lt;");
  const screen =
    `<!-- first-screen -->\n    <div id="boot">` +
    `<p class="loading" role="status" id="boot-status" hidden>Loading the app…</p>` +
    `<div><script>${PAGE_SCRIPT}</script>\n${markup}\n</div></div>\n    <!-- /first-screen -->`;
  return index
    .replace(placeholder, () => screen)
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escaped}</title>`);
}

/** Saves a page for every route of the bundle in `dist` (served under its `<base href>`). */
export async function prerender(dist) {
  const index = readFileSync(join(dist, "index.html"), "utf8");
  const base = /<base href="([^"]*)"/.exec(index)?.[1] ?? "/";
  const server = await serveStatic(dist, base, { rewrite: true });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const started = performance.now();
  try {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      colorScheme: "light",
      serviceWorkers: "block",
    });
    const routes = routesOf(join(dist, "content"));
    const queue = [...routes];
    const problems = [];
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        const page = await context.newPage();
        page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message}`));
        for (let route = queue.shift(); route !== undefined; route = queue.shift()) {
          const drawn = await draw(page, server.url + route).catch((error) => {
            throw new Error(`prerender: /${route} was not drawn: ${error.message.split("\n")[0]}`);
          });
          const file = join(dist, `${route}.html`);
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, pageHtml(index, drawn));
        }
        await page.close();
      }),
    );
    if (problems.length) throw new Error(`prerender: errors in the app:\n${problems.join("\n")}`);
    console.log(`prerender: ${routes.length} pages in ${Math.round(performance.now() - started)} ms`);
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await prerender(process.argv[2] ?? "dist");
}
