// Offline (web/sw.js): after one visit the app opens and computes with no network, its file
// worker too; a deploy takes effect whole on the next visit; embeds on the same site keep
// working and never install the worker. dist/ is served under a sub-path with the
// Content-Security-Policy the README recommends on every response, as a school network would.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { MIME, ROOT, launch } from "./harness.mjs";

const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; worker-src 'self'; frame-ancestors *";
const APP = "/school/budget/";
// A page of the school's site beside the app, with an embed in it.
const HOST = `<!DOCTYPE html><title>Our budget</title>
<iframe title="SiteBudget" width="800" height="600" src="budget/?embed&amp;src=sample-school.json"></iframe>`;

let site; // { url, dir, close }: `dir` is what the app's path serves, switchable (a deploy)
let browser;
let deployB; // a copy of dist/ with a changed stylesheet under a new hashed name

/** Serves `site.dir` under APP and the host page at /school/host.html, with the policy. */
async function serveSite(dir) {
  const state = { dir };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (path === "/school/host.html") {
      res.writeHead(200, { "content-type": MIME[".html"] });
      return res.end(HOST);
    }
    if (!path.startsWith(APP)) {
      res.writeHead(404);
      return res.end();
    }
    const rel = normalize(path.endsWith("/") ? `${path}index.html` : path).slice(APP.length);
    try {
      const body = await readFile(join(state.dir, rel));
      res.writeHead(200, { "content-type": MIME[extname(rel)] ?? "application/octet-stream", "content-security-policy": CSP });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  state.url = `http://127.0.0.1:${server.address().port}`;
  state.close = () => new Promise((ok) => server.close(ok));
  return state;
}

/** A second build: dist/ with one rule added to its stylesheet, renamed and re-hashed as
 * the build does, so only the page's stylesheet link (and its integrity) differs. */
function makeDeployB() {
  const dir = mkdtempSync(join(tmpdir(), "sitebudget-deploy-b-"));
  cpSync(join(ROOT, "dist"), dir, { recursive: true });
  const old = readdirSync(dir).find((n) => /^app-[0-9a-f]+\.css$/.test(n));
  const css = readFileSync(join(dir, old), "utf8") + ":root { --deploy: b; }\n";
  const name = `app-${createHash("sha256").update(css).digest("hex").slice(0, 16)}.css`;
  writeFileSync(join(dir, old), css);
  renameSync(join(dir, old), join(dir, name));
  const integrity = `sha384-${createHash("sha384").update(css).digest("base64")}`;
  const index = readFileSync(join(dir, "index.html"), "utf8").replace(
    /<link rel="stylesheet" href="\.\/app-[0-9a-f]+\.css" integrity="[^"]+"/,
    `<link rel="stylesheet" href="./${name}" integrity="${integrity}"`,
  );
  writeFileSync(join(dir, "index.html"), index);
  return { dir, css: name };
}

before(async () => {
  deployB = makeDeployB();
  site = await serveSite(join(ROOT, "dist"));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
  rmSync(deployB.dir, { recursive: true, force: true });
});

/** A fresh browser profile's page that records policy violations and failed requests. */
async function visit(context, path) {
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP: ${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  await page.goto(site.url + path);
  await page.waitForSelector('[data-testid="total-allocation"]');
  return { page, problems };
}

/** Waits until the service worker controls the page and has kept a whole version. */
async function keptOffline(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(async () => {
    if (!navigator.serviceWorker.controller) return false;
    const record = await (await caches.open("sitebudget-meta")).match(new URL("sw-current", document.baseURI).href);
    return record ? record.text() : false;
  });
  return page.evaluate(async () => (await caches.open("sitebudget-meta")).match(new URL("sw-current", document.baseURI).href).then((r) => r.text()));
}

/** Moves the enrollment slider to `percent` and waits for the readout to follow. */
async function slide(page, percent) {
  await page.$eval('[data-testid="enrollment-slider"]', (el, p) => {
    el.value = String(p);
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }, percent);
  await page.waitForFunction((p) => document.querySelector('[data-testid="enrollment-readout"]')?.textContent.includes(`${Math.abs(p)}%`), percent);
}

test("after one visit the app opens and computes with no network, its file worker too", async () => {
  site.dir = join(ROOT, "dist");
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const { page, problems } = await visit(context, APP);
  const version = await keptOffline(page);
  assert.match(version, /^sitebudget-files-[0-9a-f]{16}$/);
  // The worker's scope is the app's directory, not the site.
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller && navigator.serviceWorker.ready.then((r) => r.scope)), `${site.url}${APP}`);

  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('[data-testid="total-allocation"]');
  // The sample at −10%: 448 pupils → 403 (workspace.test.mjs has the hand computation).
  await slide(page, -10);
  assert.match(await page.textContent('[data-testid="enrollment-readout"]'), /10% · 403 students/);
  assert.equal(await page.getAttribute('[data-testid="total-allocation"]', "data-value"), "3104250");
  // XLSX runs in the lazily loaded file worker, whose versioned files were kept too.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="export-xlsx"]')]);
  assert.match(download.suggestedFilename(), /\.xlsx$/);
  assert.equal(readFileSync(await download.path()).subarray(0, 2).toString(), "PK", "a zip (xlsx) file");
  // Spanish offline too: the catalog's versioned file was kept with the others, though
  // this visit never asked for it.
  await page.goto(`${site.url}${APP}?lang=es`);
  await page.waitForFunction(() => document.documentElement.lang === "es");
  await page.waitForSelector('[data-testid="total-allocation"]');
  assert.match(await page.textContent('[data-testid="cut-plan"]'), /Plan de recortes/);
  assert.deepEqual(problems, [], "no policy violation, page error or console error");
  await context.close();
});

test("a deploy takes effect whole on the next visit, then offline too", async () => {
  site.dir = join(ROOT, "dist");
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page } = await visit(context, APP);
  const versionA = await keptOffline(page);
  const deployVar = () => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--deploy").trim());
  assert.equal(await deployVar(), "");

  site.dir = deployB.dir; // the deploy
  await page.reload();
  await page.waitForSelector('[data-testid="total-allocation"]');
  const sheets = await page.evaluate(() => [...document.styleSheets].map((s) => s.href));
  assert.deepEqual(sheets, [`${site.url}${APP}${deployB.css}`], "build B's stylesheet, and only it");
  assert.equal(await deployVar(), "b");

  // B is kept whole in its own version, and then serves the next offline visit.
  await page.waitForFunction(async (a) => {
    const record = await (await caches.open("sitebudget-meta")).match(new URL("sw-current", document.baseURI).href);
    return record && (await record.text()) !== a;
  }, versionA);
  const kept = await page.evaluate(async () => {
    const name = await (await caches.open("sitebudget-meta")).match(new URL("sw-current", document.baseURI).href).then((r) => r.text());
    return (await (await caches.open(name)).keys()).map((r) => r.url.replace(/^.*\//, ""));
  });
  assert.ok(kept.includes(deployB.css), `B's stylesheet kept: ${kept.join(", ")}`);
  assert.ok(!kept.some((n) => /^app-[0-9a-f]+\.css$/.test(n) && n !== deployB.css), "A's stylesheet not in B's version");
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('[data-testid="total-allocation"]');
  assert.equal(await deployVar(), "b", "offline, the page is B's with B's stylesheet");
  await slide(page, -10);
  assert.equal(await page.getAttribute('[data-testid="total-allocation"]', "data-value"), "3104250");
  await context.close();
});

test("an embed on the same site works beside the worker and never installs it", async () => {
  site.dir = join(ROOT, "dist");
  // A family who only ever saw the embed: nothing is installed for it.
  const family = await browser.newContext();
  const host = await family.newPage();
  await host.goto(`${site.url}/school/host.html`);
  const frame = await (await host.waitForSelector("iframe")).contentFrame();
  await frame.waitForSelector('[data-testid="total-allocation"]');
  assert.equal(await frame.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length)), 0);
  await family.close();

  // A coach who uses the app: the worker controls the embed's frame too, and it still loads
  // its budget from src= (not one of the kept files: asked of the network).
  const coach = await browser.newContext();
  const { page } = await visit(coach, APP);
  await keptOffline(page);
  const page2 = await coach.newPage();
  await page2.goto(`${site.url}/school/host.html`);
  const frame2 = await (await page2.waitForSelector("iframe")).contentFrame();
  await frame2.waitForSelector('[data-testid="total-allocation"]');
  assert.ok(await frame2.evaluate(() => navigator.serviceWorker.controller !== null), "the embed's frame is in the worker's scope");
  assert.equal(await frame2.textContent('[data-testid="school-name"]'), "Jacaranda Avenue Elementary");
  await coach.close();
});
