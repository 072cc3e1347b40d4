// Browser benchmark of the network page: generates a network of N schools × 60 lines
// (scripts/gen-network.mjs, each school its own src file), opens it in the built app with
// ?network=, and reports: navigation to the page (the network file read), to the first
// table (the first school's row with its figures, seen by a MutationObserver) and to every
// school loaded and computed (the total over all of them, nothing busy); slider moves timed from
// the input event to the updated, laid-out total row (after 3 warm-up moves; successive
// moves jump 7 points across −30%…+30%, values never repeat so no row is reused from the
// page's cache); a sort over every school; and the long tasks (over 50 ms) seen while
// loading and while moving (the page must never freeze).
// Usage: node scripts/bench-network.mjs [schools=1000] [moves=30] [--inline]   (build dist/ first)
import { createServer } from "node:http";
import { readFile, mkdtemp, rm } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { ROOT, launch, threadClock } from "../tests/e2e/harness.mjs";

const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const inline = process.argv.includes("--inline");
const schools = Number(args[0] ?? 1000);
const moves = Number(args[1] ?? 30);

const dir = await mkdtemp(join(tmpdir(), "sitebudget-network-"));
execFileSync("node", [join(ROOT, "scripts/gen-network.mjs"), String(schools), dir, ...(inline ? ["--inline"] : [])]);

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".json": "application/json" };
const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  const [base, rel] = path.startsWith("/bench/") ? [dir, path.slice(7)] : [join(ROOT, "dist"), path === "/" ? "index.html" : path];
  try {
    const body = await readFile(join(base, normalize(rel).replace(/^([/\\])+/, "")));
    res.writeHead(200, { "content-type": TYPES[extname(rel)] ?? "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
await context.addInitScript(() => {
  window.__long = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__long.push([e.startTime, e.duration]);
  }).observe({ type: "longtask", buffered: true });
  // The first school's row with its figures: when the first table is there to read.
  const watch = new MutationObserver(() => {
    if (!window.__page && document.querySelector('[data-testid="network-page"]')) window.__page = performance.now();
    if (document.querySelector('tr[data-testid^="network-school-"][data-allocation]:not([data-allocation=""])')) {
      window.__firstRow = performance.now();
      watch.disconnect();
    }
  });
  watch.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-allocation"] });
});
const page = await context.newPage();
const t0 = Date.now();
await page.goto(`${url}?network=bench/network.json`);
await page.waitForFunction(() => window.__firstRow, null, { timeout: 120000 });
const [shown, firstRow] = await page.evaluate(() => [window.__page, window.__firstRow]);
await page.waitForSelector(`[data-testid="network-total"][data-schools="${schools}"]`, { timeout: 120000 });
await page.waitForSelector('.net-table[aria-busy="false"]');
const complete = await page.evaluate(() => performance.now());
const loadLong = await page.evaluate(() => window.__long.splice(0));
console.log(`${schools} schools${inline ? " (inline)" : " (src files)"}: the page ${shown.toFixed(0)} ms after navigation, the first table (a row with its figures) at ${firstRow.toFixed(0)} ms, every school loaded and computed at ${complete.toFixed(0)} ms (wall ${Date.now() - t0} ms); long tasks while loading: ${loadLong.length}${loadLong.length ? ` (${loadLong.map(([at, ms]) => `${ms.toFixed(0)} ms at ${at.toFixed(0)}`).join(", ")})` : ""}, longest ${Math.max(0, ...loadLong.map((l) => l[1])).toFixed(0)} ms`);

const warmup = 3;
const samples = await page.evaluate(async ([moves, warmup]) => {
  const slider = document.querySelector('[data-testid="network-slider"]');
  const total = () => document.querySelector('[data-testid="network-total"]');
  const done = (before) => {
    const t = total();
    return t && t.dataset.allocation !== before && document.querySelector(".net-table")?.getAttribute("aria-busy") === "false";
  };
  const out = [];
  for (let i = -warmup; i < moves; i++) {
    // 61 values, 7 apart: no value repeats within 61 moves.
    const value = String((((i + warmup + 1) * 7) % 61) - 30);
    const before = total().dataset.allocation;
    const start = performance.now();
    slider.value = value;
    slider.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((resolve, reject) => {
      if (done(before)) return resolve();
      const stop = setTimeout(() => reject(new Error(`no update for ${value}`)), 30000);
      const watch = new MutationObserver(() => {
        if (done(before)) { clearTimeout(stop); watch.disconnect(); resolve(); }
      });
      watch.observe(document.body, { attributes: true, subtree: true, childList: true });
    });
    void document.body.offsetHeight;
    if (i >= 0) out.push(performance.now() - start);
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  }
  return out;
}, [moves, warmup]);
const moveLong = await page.evaluate(() => window.__long.splice(0));
samples.sort((a, b) => a - b);
const pick = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
console.log(`${moves} network slider moves: median ${pick(0.5).toFixed(1)} ms, p95 ${pick(0.95).toFixed(1)} ms, max ${samples.at(-1).toFixed(1)} ms; long tasks while moving: ${moveLong.length}, longest ${Math.max(0, ...moveLong.map((l) => l[1])).toFixed(0)} ms`);

// The same kind of moves timed by the page's main-thread CPU time (Chromium's ThreadTime),
// which a busy machine disturbs much less than the clock (as in scripts/bench-ui.mjs).
const threadTime = await threadClock(page);
const cpu = [];
for (let i = 0; i < moves; i++) {
  const value = String((((i + 40) * 7) % 61) - 30);
  const before = await threadTime();
  await page.evaluate(async (value) => {
    const slider = document.querySelector('[data-testid="network-slider"]');
    const total = () => document.querySelector('[data-testid="network-total"]');
    const was = total().dataset.allocation;
    slider.value = value;
    slider.dispatchEvent(new Event("input", { bubbles: true }));
    for (let spins = 0; spins < 100000; spins++) {
      if (total().dataset.allocation !== was && document.querySelector(".net-table")?.getAttribute("aria-busy") === "false") break;
      await new Promise((r) => setTimeout(r, 0));
    }
    void document.body.offsetHeight;
  }, value);
  cpu.push((await threadTime()) - before);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
}
cpu.sort((a, b) => a - b);
const cpuPick = (q) => cpu[Math.min(cpu.length - 1, Math.floor(q * cpu.length))];
console.log(`main-thread CPU per move: median ${cpuPick(0.5).toFixed(1)} ms, p95 ${cpuPick(0.95).toFixed(1)} ms`);

// A sort over every school: click to the first row of the new order, laid out.
const sortMs = await page.evaluate(async () => {
  const first = () => document.querySelector('[data-testid="network-table"] tbody tr')?.dataset.testid;
  const before = first();
  const start = performance.now();
  document.querySelector('[data-testid="network-sort-allocation"]').click();
  for (let spins = 0; first() === before && spins < 100000; spins++) await new Promise((r) => setTimeout(r, 0));
  void document.body.offsetHeight;
  return performance.now() - start;
});
console.log(`sort ${schools} schools by allocation: ${sortMs.toFixed(1)} ms`);
await browser.close();
server.close();
await rm(dir, { recursive: true, force: true });
