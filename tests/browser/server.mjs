// A plain static file server for the built bundle, behaving like a static host such as
// GitHub Pages: files are served under a sub-path (e.g. /egov/), and any unknown path gets
// 404.html with status 404. It has no knowledge of the app's routes.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

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

/** Serves `root` under `base` (which starts and ends with "/") on a free loopback port. */
export async function serveStatic(root, base = "/") {
  // `let`: a test can deploy another build in place with `setRoot`.
  let rootDir = resolve(root);
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, "http://localhost");
    let path = decodeURIComponent(url.pathname);
    if (!path.startsWith(base)) {
      return send404(response);
    }
    path = path.slice(base.length);
    if (path === "" || path.endsWith("/")) path += "index.html";
    const file = normalize(join(rootDir, path));
    if (!file.startsWith(rootDir)) return send404(response);
    try {
      const info = await stat(file);
      if (!info.isFile()) return send404(response);
      const body = await readFile(file);
      response.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-cache",
      });
      response.end(body);
    } catch {
      send404(response);
    }
  });

  async function send404(response) {
    try {
      const body = await readFile(join(rootDir, "404.html"));
      response.writeHead(404, { "content-type": TYPES[".html"] });
      response.end(body);
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
