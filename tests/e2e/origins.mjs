// A second kind of test server for the embed tests: one origin per server (127.0.0.1 or
// localhost, each on its own port), files mounted under a sub-path, fixed routes, and
// headers (such as a Content-Security-Policy) on every response.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".png": "image/png",
};

/**
 * Serves `dir` under `mount` (a path ending in `/`) and `routes` (absolute path →
 * `{ body, type, hold }` or `{ status, location }`; `hold`, a function returning a
 * promise, holds the answer back until it settles) at `http://<host>:<port>`. Returns the
 * origin, the mounted URL and `close`.
 */
export async function serveOrigin({ host = "127.0.0.1", mount = "/", dir = null, headers = {}, routes = {} }) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const route = routes[path];
    if (route?.location) {
      res.writeHead(route.status ?? 302, { location: route.location, ...headers });
      return res.end();
    }
    if (route) {
      if (route.hold) await route.hold();
      res.writeHead(200, { "content-type": route.type ?? TYPES[extname(path)] ?? "text/plain", ...headers });
      return res.end(route.body);
    }
    if (dir && path.startsWith(mount)) {
      const rest = path.slice(mount.length) || "index.html";
      const rel = normalize(rest).replace(/^([/\\])+/, "");
      if (!rel.startsWith("..")) {
        try {
          const body = await readFile(join(dir, rel));
          res.writeHead(200, { "content-type": TYPES[extname(rel)] ?? "application/octet-stream", ...headers });
          return res.end(body);
        } catch {
          // Falls through to 404.
        }
      }
    }
    res.writeHead(404, { "content-type": "text/plain", ...headers });
    res.end("not found");
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const origin = `http://${host}:${server.address().port}`;
  return { origin, url: origin + mount, close: () => new Promise((ok) => server.close(ok)) };
}
