// The benchmark's static file server: several directories mounted under URL prefixes, sent
// with the headers that make the page cross-origin isolated (COOP/COEP, so that
// performance.measureUserAgentSpecificMemory() works and timers have 5 µs resolution) and
// cacheable (so files prefetched before timing are read from the HTTP cache, not the
// network, while the clock runs). It logs every path it serves, so the runner knows which
// files each engine fetched. scripts/static-server.mjs cannot send extra headers or mount
// several roots, hence this one; it is not a model of any real host.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
};

/** Serves `mounts` ({"/prefix/": "/dir"}) on a free loopback port. */
export async function serveMounts(mounts) {
  const roots = Object.entries(mounts).map(([prefix, dir]) => [prefix, resolve(dir)]);
  const log = [];
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://localhost").pathname);
    const mount = roots.find(([prefix]) => path.startsWith(prefix));
    const file = mount && normalize(join(mount[1], path.slice(mount[0].length)));
    if (!file || !file.startsWith(mount[1])) return notFound(response);
    try {
      const body = await readFile(file);
      log.push({ path, file, bytes: body.length });
      response.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": "max-age=3600",
        "cross-origin-opener-policy": "same-origin",
        "cross-origin-embedder-policy": "require-corp",
        "cross-origin-resource-policy": "same-origin",
      });
      response.end(body);
    } catch {
      notFound(response);
    }
  });
  function notFound(response) {
    response.writeHead(404, { "content-type": "text/plain" });
    response.end("Not found");
  }
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    /** Everything served since the last call, and a fresh log from now on. */
    takeLog: () => log.splice(0, log.length),
    close: () => new Promise((done) => server.close(done)),
  };
}
