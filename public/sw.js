// e-Gov Companion service worker. This file is a template: after every build,
// scripts/precache.mjs writes it into dist/ with VERSION and PRECACHE filled in from the
// built files, so the list is never written by hand and file hashing stays on.
//
// Everything the app needs (HTML, JavaScript, WebAssembly, styles, icons, every content
// file) is cached together under one versioned cache. Code and content therefore always
// come from the same build: never new code with old content, or the reverse. A new version
// installs in the background and waits until the person chooses to reload.
const VERSION = "__VERSION__";
const PRECACHE = __PRECACHE__;
const PREFIX = "egov-companion-";
const CACHE = PREFIX + VERSION;

const scoped = (path) => new URL(path, self.registration.scope).href;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map(scoped))));
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

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(self.registration.scope)) return;
  if (request.mode === "navigate") {
    // Any in-app route: the cached app, which routes on the client.
    event.respondWith(
      caches
        .open(CACHE)
        .then((cache) => cache.match(scoped("index.html")))
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
