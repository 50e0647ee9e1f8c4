// A plain static file server for the built bundle, behaving like a static host such as
// GitHub Pages: files are served under a sub-path (e.g. /egov/), `/x` from `x.html` when
// there is one, and any unknown path gets 404.html with status 404. It has no knowledge of
// the app's routes.
// Options for measuring like a production host (scripts/lighthouse.mjs): `compress` sends
// gzip to clients that accept it, as GitHub Pages and CDNs do; `rewrite` answers unknown
// paths with index.html and status 200, as a host configured to rewrite them does.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { promisify } from "node:util";
import { gzip } from "node:zlib";

const gzipAsync = promisify(gzip);

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
};

const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".wasm", ".css", ".json", ".md", ".txt", ".svg", ".webmanifest"]);

/** Serves `root` under `base` (which starts and ends with "/") on a free loopback port. */
export async function serveStatic(root, base = "/", { compress = false, rewrite = false } = {}) {
  // `let`: a test can deploy another build in place with `setRoot`.
  let rootDir = resolve(root);
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, "http://localhost");
    let path = decodeURIComponent(url.pathname);
    if (!path.startsWith(base)) {
      return send404(request, response, { outside: true });
    }
    path = path.slice(base.length);
    if (path === "" || path.endsWith("/")) path += "index.html";
    let file = normalize(join(rootDir, path));
    if (!file.startsWith(rootDir)) return send404(request, response);
    try {
      let info = await stat(file).catch(() => null);
      // `/about` from `about.html`, as GitHub Pages and most static hosts do.
      if (!info?.isFile() && extname(path) === "") {
        file += ".html";
        info = await stat(file).catch(() => null);
      }
      if (!info?.isFile()) return send404(request, response);
      const body = await readFile(file);
      await send(request, response, 200, extname(file), body, { "cache-control": "no-cache" }, `${file}:${info.mtimeMs}`);
    } catch {
      send404(request, response);
    }
  });

  // Compressed once per file version, off the event loop, as a host's cache would serve it.
  const gzipped = new Map();

  async function send(request, response, status, ext, body, headers = {}, cacheKey = null) {
    headers["content-type"] = TYPES[ext] ?? "application/octet-stream";
    if (compress && COMPRESSIBLE.has(ext) && /\bgzip\b/.test(request.headers["accept-encoding"] ?? "")) {
      let packed = cacheKey && gzipped.get(cacheKey);
      if (!packed) {
        packed = gzipAsync(body);
        if (cacheKey) gzipped.set(cacheKey, packed);
      }
      body = await packed;
      headers["content-encoding"] = "gzip";
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
    /** Serves another directory from now on, as a new deployment would. */
    setRoot: (dir) => {
      rootDir = resolve(dir);
    },
    close: () => new Promise((done) => server.close(done)),
  };
}

// Run directly: node tests/browser/server.mjs dist /egov/
if (import.meta.url === `file://${process.argv[1]}`) {
  const [root = "dist", base = "/"] = process.argv.slice(2);
  const served = await serveStatic(root, base);
  console.log(`Serving ${root} at ${served.url}`);
}
