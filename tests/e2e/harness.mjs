// Shared end-to-end helpers: a static server for dist/ on 127.0.0.1 and Debian's Chromium.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { chromium } from "playwright-core";

/** The content type of each file kind the app serves. */
export const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** Repository root, from this file's location. */
export const ROOT = resolve(new URL("../..", import.meta.url).pathname);

/** Serves `dir` on an ephemeral loopback port; `headers` are added to every response. */
export async function serve(dir = join(ROOT, "dist"), headers = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const rel = normalize(path === "/" ? "/index.html" : path).replace(/^([/\\])+/, "");
    try {
      const body = await readFile(join(dir, rel));
      res.writeHead(200, { "content-type": MIME[extname(rel)] ?? "application/octet-stream", ...headers });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Launches Debian's Chromium headless with the flags this machine needs as root. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** The `data-value` of a test id, as a string. */
export async function value(page, testid) {
  return page.getAttribute(`[data-testid="${testid}"]`, "data-value");
}

/** Opens the app served at `url` and waits for the first rendered budget; collects page
 * errors and any request that leaves `url`. */
export async function openApp(browser, url, viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport });
  const outside = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(url) && !r.url().startsWith("data:")) outside.push(r.url());
  });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForSelector('[data-testid="total-allocation"]');
  return { page, outside, errors };
}

/** Opens the app at `url` in a browser context of its own (its own storage), with each of
 * `setup(context)` run first (init scripts, say); waits for the first rendered budget. */
export async function openInOwnContext(browser, url, setup = async () => {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await setup(context);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForSelector('[data-testid="total-allocation"]');
  return { context, page, errors };
}

/** Picks a file in the import control. A good file's preview is accepted with `choice`:
 * "replace" (the open budget) or "new" (open as another budget); a refused file leaves
 * its message in place. */
export async function importFile(page, name, mimeType, buffer, choice = "replace") {
  await page.setInputFiles('[data-testid="import-file"]', { name, mimeType, buffer });
  const shown = await page.waitForSelector('[data-testid="import-preview"], [data-testid="import-error"]');
  if ((await shown.getAttribute("data-testid")) === "import-preview") {
    await page.click(`[data-testid="import-${choice}"]`);
    await page.waitForSelector('[data-testid="import-preview"]', { state: "detached" });
  }
}

/** Every record the app keeps in IndexedDB, as { key: text }. */
export async function storedRecords(page) {
  return page.evaluate(() => new Promise((ok, fail) => {
    const open = indexedDB.open("sitebudget");
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains("records")) { db.close(); return ok({}); }
      const tx = db.transaction("records");
      const store = tx.objectStore("records");
      const keys = store.getAllKeys();
      const values = store.getAll();
      tx.oncomplete = () => {
        const out = {};
        keys.result.forEach((k, i) => { out[k] = values.result[i]; });
        db.close();
        ok(out);
      };
    };
  }));
}

/** Waits until autosave has nothing left to write (the save status says "saved"). */
export async function settled(page) {
  await page.waitForSelector('[data-testid="save-status"][data-state="saved"]');
}

/** A clock of the page's main-thread CPU time in ms (Chromium's ThreadTime): on a busy
 * machine the wall clock also counts waiting for a core, this does not. */
export async function threadClock(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
  return async () => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "ThreadTime").value * 1000;
}
