// Serves a built dist/ on a loopback port, gzipped when the browser accepts it, as a host
// would: for the Lighthouse audit (scripts/lighthouse.mjs) and the throttled phone load
// (scripts/phone-load.mjs).
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";
import { MIME } from "../tests/e2e/harness.mjs";

/** Serves `dir` on a loopback port, gzipped when the browser accepts it, as a host would. */
export async function serve(dir) {
  const cache = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const rel = normalize(path.endsWith("/") ? `${path}index.html` : path).replace(/^([/\\])+/, "");
    let body;
    try {
      body = await readFile(join(dir, rel));
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      return res.end("not found");
    }
    const headers = { "content-type": MIME[extname(rel)] ?? "application/octet-stream" };
    if (/\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
      if (!cache.has(rel)) cache.set(rel, gzipSync(body, { level: 9 }));
      body = cache.get(rel);
      headers["content-encoding"] = "gzip";
    }
    res.writeHead(200, headers);
    res.end(body);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}
