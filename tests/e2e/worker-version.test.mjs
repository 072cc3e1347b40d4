// End-to-end: the file worker's URLs carry a version, the hash of its built files
// (scripts/worker-version.mjs, Trunk's post_build hook), so a new deploy never pairs the
// page with an old worker from a cache. Checked at the root and under a sub-path with the
// README's Content-Security-Policy, and against a changed copy of dist/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, openApp, serve } from "./harness.mjs";
import { serveOrigin } from "./origins.mjs";
import { useServedApp } from "./setup.mjs";

let server, browser;
useServedApp((s, b) => {
  server = s;
  browser = b;
});

const DIST = join(ROOT, "dist");
const FILES = ["xlsx_worker_loader.js", "xlsx_worker.js", "xlsx_worker_bg.wasm"];
/** The policy README.md recommends. */
const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; worker-src 'self'; frame-ancestors *";

/** The SHA-256 of the worker's files in `dir`, one after another, first 16 hex digits. */
function expectedVersion(dir) {
  const hash = createHash("sha256");
  for (const name of FILES) hash.update(readFileSync(join(dir, name)));
  return hash.digest("hex").slice(0, 16);
}

/** Every `data-worker` on the app meta of `dir`'s index.html. */
function workerUrls(dir) {
  const html = readFileSync(join(dir, "index.html"), "utf8");
  return [...html.matchAll(/<meta name="sitebudget-app"[^>]*?data-worker="([^"]*)"/g)].map((m) => m[1]);
}

/** Opens the app at `url`, records requests for the worker's files, exports an XLSX
 * workbook, and returns those requests (path and query, relative to `url`). */
async function exportAndRecord(url) {
  const { page, errors } = await openApp(browser, url);
  const requests = [];
  page.on("request", (r) => {
    if (r.url().includes("xlsx_worker")) requests.push(r.url().slice(url.length));
  });
  const violations = [];
  page.on("console", (m) => /Content Security Policy|Refused to/.test(m.text()) && violations.push(m.text()));
  const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="export-xlsx"]')]);
  const bytes = readFileSync(await download.path());
  assert.equal(bytes.subarray(0, 2).toString("latin1"), "PK", "the export is a zip (xlsx) file");
  assert.deepEqual(errors, []);
  assert.deepEqual(violations, []);
  await page.close();
  return requests.sort();
}

test("the built page names the worker by the hash of its files", () => {
  assert.deepEqual(workerUrls(DIST), [`./xlsx_worker_loader.js?v=${expectedVersion(DIST)}`]);
});

test("the worker's loader, script and wasm are all requested with that version, and XLSX export works", async () => {
  const v = expectedVersion(DIST);
  const requests = await exportAndRecord(server.url);
  assert.deepEqual(requests, [`xlsx_worker.js?v=${v}`, `xlsx_worker_bg.wasm?v=${v}`, `xlsx_worker_loader.js?v=${v}`]);
});

test("under a sub-path with the README's policy the versioned worker loads from that path", async () => {
  const sub = await serveOrigin({ mount: "/schools/north/budget/", dir: DIST, headers: { "content-security-policy": CSP } });
  try {
    const v = expectedVersion(DIST);
    const requests = await exportAndRecord(sub.url);
    assert.deepEqual(requests, [`xlsx_worker.js?v=${v}`, `xlsx_worker_bg.wasm?v=${v}`, `xlsx_worker_loader.js?v=${v}`]);
  } finally {
    await sub.close();
  }
});

test("a change to any of the worker's files changes the version, and a rerun replaces it", () => {
  const dir = mkdtempSync(join(tmpdir(), "sitebudget-worker-"));
  const hook = () =>
    execFileSync("node", [join(ROOT, "scripts/worker-version.mjs")], {
      env: { ...process.env, TRUNK_STAGING_DIR: dir, TRUNK_PUBLIC_URL: "./" },
      stdio: "pipe",
    });
  try {
    cpSync(DIST, dir, { recursive: true });
    const built = workerUrls(DIST)[0];
    hook();
    assert.deepEqual(workerUrls(dir), [built], "the same files give the same version");
    const seen = new Set([built]);
    for (const name of FILES) {
      appendFileSync(join(dir, name), name.endsWith(".wasm") ? Buffer.from([0]) : "\n");
      hook();
      const urls = workerUrls(dir);
      assert.equal(urls.length, 1, "one data-worker, not one per run");
      assert.equal(urls[0], `./xlsx_worker_loader.js?v=${expectedVersion(dir)}`);
      assert.ok(!seen.has(urls[0]), `changing ${name} gives a new version`);
      seen.add(urls[0]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the hook fails the build, in plain words, when a worker file is missing", () => {
  const dir = mkdtempSync(join(tmpdir(), "sitebudget-worker-"));
  try {
    cpSync(DIST, dir, { recursive: true });
    rmSync(join(dir, "xlsx_worker_bg.wasm"));
    assert.throws(
      () =>
        execFileSync("node", [join(ROOT, "scripts/worker-version.mjs")], {
          env: { ...process.env, TRUNK_STAGING_DIR: dir },
          stdio: "pipe",
        }),
      (e) => e.status === 1 && /worker file xlsx_worker_bg\.wasm is missing/.test(e.stderr.toString()),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a worker whose wasm cannot be fetched is reported in plain words, not left waiting", async () => {
  const dir = mkdtempSync(join(tmpdir(), "sitebudget-worker-"));
  cpSync(DIST, dir, { recursive: true });
  rmSync(join(dir, "xlsx_worker_bg.wasm"));
  const broken = await serve(dir);
  try {
    const { page } = await openApp(browser, broken.url);
    await page.click('[data-testid="export-xlsx"]');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="export-status"]')?.textContent.includes("could not be loaded"),
    );
    assert.match(await page.textContent('[data-testid="export-status"]'), /reload the page and try again/);
    await page.close();
  } finally {
    await broken.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
