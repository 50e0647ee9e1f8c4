// A static file server for the built bundle that behaves like the static hosts the README
// names, so that tests meet what people meet. It has no knowledge of the app's routes.
// Every profile serves the bundle under a sub-path (e.g. /egov/) and `/x` from `x.html` when
// there is one. The profiles (`HOSTS`) differ where real hosts do:
// - "plain": no compression, `no-cache`, unknown paths get 404.html with status 404;
// - "github" (GitHub Pages): gzip, `Cache-Control: max-age=600` on every file, ETag and
//   Last-Modified, unknown paths from 404.html with status 404;
// - "cloudflare" (Cloudflare Pages, Netlify pretty URLs, Firebase cleanUrls): gzip,
//   revalidate every time, a 308 from `/index.html` to `/` and from `/x.html` to `/x`;
// - "nginx" (`try_files $uri $uri.html /index.html`): gzip, no Cache-Control (so browsers
//   cache by Last-Modified heuristics), unknown paths answered with index.html, status 200.
// `compress` and `rewrite` (answer unknown paths with index.html, status 200) override a
// profile: scripts/lighthouse.mjs measures a rewriting, compressing host; `compress: "br"`
// answers with brotli where the browser accepts it, as Cloudflare and Netlify do.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, gzip } from "node:zlib";

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
  ".xz": "application/x-xz",
};

const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".wasm", ".css", ".json", ".md", ".txt", ".svg", ".webmanifest"]);

/** How each kind of host answers; see the file's header. */
export const HOSTS = {
  plain: { compress: false, cacheControl: "no-cache", validators: false, prettyRedirects: false, rewrite: false },
  github: { compress: true, cacheControl: "max-age=600", validators: true, prettyRedirects: false, rewrite: false },
  cloudflare: {
    compress: true,
    cacheControl: "public, max-age=0, must-revalidate",
    validators: true,
    prettyRedirects: true,
    rewrite: false,
  },
  nginx: { compress: true, cacheControl: null, validators: true, prettyRedirects: false, rewrite: true },
};

/**
 * Serves `root` under `base` (which starts and ends with "/") on a free loopback port, as
 * the host profile `host` (a key of `HOSTS`) would.
 */
export async function serveStatic(root, base = "/", { host = "plain", ...overrides } = {}) {
  if (!HOSTS[host]) throw new Error(`unknown host profile ${host}`);
  const { compress, cacheControl, validators, prettyRedirects, rewrite } = { ...HOSTS[host], ...overrides };
  // `let`: a test can deploy another build in place with `setRoot`.
  let rootDir = resolve(root);
  const server = createServer(async (request, response) => {
    try {
      await answer(request, response);
    } catch {
      if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain" });
      response.end("Server error");
    }
  });

  async function answer(request, response) {
    const url = new URL(request.url, "http://localhost");
    let path;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400, { "content-type": "text/plain" });
      return response.end("Bad request");
    }
    if (!path.startsWith(base)) {
      return send404(request, response, { outside: true });
    }
    path = path.slice(base.length);
    if (prettyRedirects && /(^|\/)index\.html$/.test(path)) {
      return redirect(response, base + path.replace(/index\.html$/, "") + url.search);
    }
    if (prettyRedirects && path.endsWith(".html") && path !== "404.html") {
      return redirect(response, base + path.replace(/\.html$/, "") + url.search);
    }
    if (path === "" || path.endsWith("/")) path += "index.html";
    let file = normalize(join(rootDir, path));
    if (file !== rootDir && !file.startsWith(rootDir + sep)) return send404(request, response);
    let info = await stat(file).catch(() => null);
    // `/about` from `about.html`, as GitHub Pages and most static hosts do.
    if (!info?.isFile() && extname(path) === "") {
      file += ".html";
      info = await stat(file).catch(() => null);
    }
    if (!info?.isFile()) return send404(request, response);
    const headers = {};
    if (cacheControl) headers["cache-control"] = cacheControl;
    if (validators) {
      const etag = `"${Math.round(info.mtimeMs).toString(16)}-${info.size.toString(16)}"`;
      headers["etag"] = etag;
      headers["last-modified"] = new Date(info.mtimeMs).toUTCString();
      if (request.headers["if-none-match"] === etag) {
        response.writeHead(304, headers);
        return response.end();
      }
    }
    const body = await readFile(file);
    await send(request, response, 200, extname(file), body, headers, `${file}:${info.mtimeMs}`);
  }

  function redirect(response, location) {
    response.writeHead(308, { location, "cache-control": "no-cache" });
    response.end();
  }

  // Compressed once per file version and encoding, off the event loop, as a host's cache
  // would serve it.
  const compressed = new Map();

  async function send(request, response, status, ext, body, headers = {}, cacheKey = null) {
    headers["content-type"] = TYPES[ext] ?? "application/octet-stream";
    const accepted = request.headers["accept-encoding"] ?? "";
    const encoding = compress === "br" && /\bbr\b/.test(accepted) ? "br" : compress && /\bgzip\b/.test(accepted) ? "gzip" : null;
    if (encoding && COMPRESSIBLE.has(ext)) {
      const key = cacheKey && `${encoding}:${cacheKey}`;
      let packed = key && compressed.get(key);
      if (!packed) {
        packed = encoding === "br" ? brotliAsync(body) : gzipAsync(body);
        if (key) compressed.set(key, packed);
      }
      body = await packed;
      headers["content-encoding"] = encoding;
      headers["vary"] = "Accept-Encoding";
    }
    response.writeHead(status, headers);
    response.end(body);
  }

  // Paths outside `base` (such as /robots.txt of a sub-path deployment) belong to the rest
  // of the host: never rewritten.
  async function send404(request, response, { outside = false } = {}) {
    const rewritten = rewrite && !outside;
    try {
      const body = await readFile(join(rootDir, rewritten ? "index.html" : "404.html"));
      await send(request, response, rewritten ? 200 : 404, ".html", body);
    } catch {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("Not found");
    }
  }

  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}${base}`,
    host,
    /** Serves another directory from now on, as a new deployment would. */
    setRoot: (dir) => {
      rootDir = resolve(dir);
    },
    close: () => new Promise((done) => server.close(done)),
  };
}

// Run directly: node scripts/static-server.mjs dist /egov/ [plain|github|cloudflare|nginx]
if (import.meta.url === `file://${process.argv[1]}`) {
  const [root = "dist", base = "/", host = "plain"] = process.argv.slice(2);
  const served = await serveStatic(root, base, { host });
  console.log(`Serving ${root} at ${served.url} as a ${host} host`);
}
