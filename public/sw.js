// e-Gov Companion service worker. This file is a template: after every build,
// scripts/precache.mjs writes it into dist/ with VERSION and PRECACHE filled in from the
// built files, so the list is never written by hand and file hashing stays on.
//
// Everything the app needs (HTML, JavaScript, WebAssembly, styles, icons, every content
// file) is cached together under one versioned cache. Code and content therefore always
// come from the same build: never new code with old content, or the reverse. A new version
// installs in the background and waits until the person chooses to reload.
//
// What real hosts do, and how this worker copes:
// - Hosts cache files in the browser (GitHub Pages: `max-age=600`), so every file is
//   fetched past the browser's HTTP cache (`cache: "reload"`) and, apart from the HTML,
//   checked against the hash the build recorded: a new version never caches the previous
//   version's files, and a half-uploaded deployment fails the install (retried later)
//   instead of caching a mix.
// - Hosts redirect `/index.html` to `/` and `/x.html` to `/x` (Cloudflare Pages, Netlify,
//   Firebase `cleanUrls`). A redirected response must never answer a navigation (browsers
//   refuse it), so the app shell is stored as a plain copy of the final response.
// - Only the app's own routes are answered with the app: any file under the app
//   (`content/schema.json`, `search-index.bin`) and anything outside its scope is fetched
//   as it is.
// - Two deployments on one origin (`/egov/`, `/egov-staging/`) keep their own caches: the
//   cache name carries the scope.
//
// PRECACHE lists [path, integrity] pairs; integrity is "" for HTML, which hosts may rewrite.
// SECTIONS are the first path segments of the app's routes ("search", "case-studies", …).
const VERSION = "__VERSION__";
const PRECACHE = __PRECACHE__;
const SECTIONS = new Set(__SECTIONS__);
const SCOPE = new URL(self.registration.scope);
const PREFIX = "egov-companion-" + SCOPE.pathname + "-";
const CACHE = PREFIX + VERSION;
// The app shell: what every in-app route is answered with, stored under this key.
const SHELL = "./";

const scoped = (path) => new URL(path, SCOPE).href;

/** A copy of `response` that is not marked as redirected, so a navigation may use it. */
async function plain(response) {
  if (!response.redirected) return response;
  return new Response(await response.blob(), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

async function precache(cache, path, integrity) {
  const request = new Request(scoped(path), integrity ? { cache: "reload", integrity } : { cache: "reload" });
  const response = await fetch(request);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  await cache.put(scoped(path), await plain(response));
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => Promise.all(PRECACHE.map(([path, integrity]) => precache(cache, path, integrity)))),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
  if (event.data === "status" && event.ports[0]) {
    // What is kept for offline use: how many files, how many bytes.
    const port = event.ports[0];
    caches
      .open(CACHE)
      .then((cache) => cache.keys().then((keys) => Promise.all(keys.map((k) => cache.match(k)))))
      .then((responses) => Promise.all(responses.map((r) => (r ? r.blob() : null))))
      .then((blobs) => {
        const kept = blobs.filter(Boolean);
        const bytes = kept.reduce((sum, blob) => sum + blob.size, 0);
        port.postMessage({ version: VERSION, files: kept.length, complete: kept.length >= PRECACHE.length, bytes });
      })
      .catch(() => port.postMessage({ version: VERSION, files: 0, complete: false, bytes: 0 }));
  }
});

/**
 * True for a path the app draws itself: the scope, `index.html`, and paths of at most two
 * segments that start with one of the app's sections and have no dot (ids never have one).
 * Anything else under the scope, such as another site at the root of a shared origin
 * (`user.github.io/other-project/`), goes to the network as if there were no worker.
 */
function isAppRoute(url) {
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return false;
  const rest = url.pathname.slice(SCOPE.pathname.length);
  if (rest === "" || rest === "index.html") return true;
  const segments = rest.replace(/\/$/, "").split("/");
  return segments.length <= 2 && SECTIONS.has(segments[0]) && !rest.includes(".");
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE.href)) return;
  if (request.mode === "navigate") {
    if (!isAppRoute(new URL(request.url))) return;
    // Any in-app route: the cached app, which routes on the client.
    event.respondWith(
      caches
        .open(CACHE)
        .then((cache) => cache.match(scoped(SHELL)))
        .then((cached) => cached ?? fetch(request)),
    );
    return;
  }
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(request, { ignoreSearch: true }))
      .then((cached) => cached ?? fetch(request)),
  );
});
