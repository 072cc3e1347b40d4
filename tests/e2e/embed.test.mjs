// End-to-end: SiteBudget embedded on another origin. The example host page is served on
// http://127.0.0.1:<port>/ and the built dist/ on http://localhost:<port>/some/sub/path/ with a
// strict Content-Security-Policy on every app response; a third origin plays a stranger.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import { join } from "node:path";
import { ROOT, launch, settled, storedRecords } from "./harness.mjs";
import { serveOrigin } from "./origins.mjs";

/** The policy README.md recommends, sent with every response of the app's origin. */
const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; worker-src 'self'; frame-ancestors *";
const SUB = "/some/sub/path/";
const INITIAL = 480; // the iframe height example.css sets before the app reports its own

// 40 pupils at $1,000 each = $40,000; costs $30,000 + $8,000 = $38,000. With 10% fewer
// pupils (18 + 18): $36,000, a $2,000 deficit, closed by cutting the flexible aide one
// 0.2 FTE step (1 → 0.8 FTE, $6,000).
const tiny = {
  format: "sitebudget/1",
  school: { name: "Maple Street Test School", fiscal_year: "2026-27", enrollment: { K: 20, 1: 20 },
    unduplicated_pct: "0.5", attendance_rate: "0.95" },
  sources: [{ id: "pp", name: "Per-pupil funding", restricted: false,
    allocation: { type: "per_pupil", rate: "1000", basis: "enrollment" } }],
  norms: [],
  lines: [
    { id: "aide", kind: "position", title: "Classroom aide", fte: "1", unit_cost: "30000",
      funding: [{ source: "pp", share: "1" }], priority: "flexible" },
    { id: "books", kind: "item", title: "Library books", amount: "8000",
      funding: [{ source: "pp", share: "1" }], priority: "essential" },
  ],
};
const broken = structuredClone(tiny);
broken.lines[1].funding = [{ source: "nowhere", share: "1" }];

const STRANGER = `<!DOCTYPE html><title>stranger</title><p>Not SiteBudget.</p>
<script>setInterval(() => parent.postMessage({ type: "sitebudget:height", height: 4321 }, "*"), 50);</script>`;

let app, host, stranger, browser;
const hostRoutes = {};

before(async () => {
  stranger = await serveOrigin({
    routes: { "/stranger.html": { body: STRANGER }, "/budget.json": { body: JSON.stringify(tiny) } },
  });
  app = await serveOrigin({
    host: "localhost",
    mount: SUB,
    dir: join(ROOT, "dist"),
    headers: { "content-security-policy": CSP },
    routes: {
      [`${SUB}budgets/tiny.json`]: { body: JSON.stringify(tiny) },
      [`${SUB}budgets/broken.json`]: { body: JSON.stringify(broken) },
      [`${SUB}away`]: { location: `${stranger.origin}/stranger.html` },
    },
  });
  const file = (name) => readFileSync(join(ROOT, "embed", name), "utf8");
  // The example page as shipped, pointed at this run's app instead of ./scripts/serve.sh.
  hostRoutes["/example.html"] = { body: file("example.html").replaceAll("http://127.0.0.1:8080/", app.url) };
  hostRoutes["/sitebudget-embed.js"] = { body: file("sitebudget-embed.js") };
  hostRoutes["/example.css"] = { body: file("example.css") };
  host = await serveOrigin({ routes: hostRoutes });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await Promise.all([app?.close(), host?.close(), stranger?.close()]);
});

/** A host page at `path` with one `iframe[data-sitebudget]` per `{ id, src }`. */
function hostPage(path, frames) {
  const iframes = frames
    .map((f) => `<iframe data-sitebudget id="${f.id}" title="${f.id}" src="${f.src.replaceAll("&", "&amp;")}"></iframe>`)
    .join("\n");
  hostRoutes[path] = {
    body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>test host</title>
<link rel="stylesheet" href="example.css"><script src="sitebudget-embed.js"></script></head>
<body><article>${iframes}</article></body></html>`,
  };
  return path;
}

/** Opens a host page; records every request, CSP violation (any frame) and page error. */
async function openHost(path, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  // Runs in every frame before its own scripts, so no violation goes unheard.
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI}`));
  });
  const requests = [];
  context.on("request", (r) => requests.push(r.url()));
  const page = await context.newPage();
  const cspConsole = [];
  page.on("console", (m) => {
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) cspConsole.push(m.text());
  });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(host.origin + path);
  /** Checks what every embed must keep to (no request leaves this machine, no CSP
   * violation in any frame, no script error), then closes the page. */
  const finish = async () => {
    assert.deepEqual(outside(requests), [], "no request leaves this machine");
    assert.deepEqual(await violations(page), [], "no CSP violation in any frame");
    assert.deepEqual(cspConsole, [], "no CSP message in the console");
    assert.deepEqual(errors, [], "no script error");
    await context.close();
  };
  return { page, context, requests, finish };
}

/** The frame inside `iframe#id`, once its embed has rendered a budget or an error. */
async function embedFrame(page, id) {
  const handle = await page.waitForSelector(`iframe#${id}`);
  await handle.scrollIntoViewIfNeeded();
  const frame = await handle.contentFrame();
  await frame.waitForSelector('[data-testid="embed"] main, [data-testid="embed-error"]');
  return frame;
}

/** The tiny budget's embed opened directly (host's change −10%) in a fresh browser context,
 * then moved to −20% by the visitor: 32 pupils, $32,000 allocated. */
async function tinyEmbedMovedTo20() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${app.url}?embed&src=budgets/tiny.json&change=-10`);
  await page.waitForSelector('[data-testid="total-allocation"]');
  await page.fill('[data-testid="enrollment-change"]', "-20");
  await page.waitForFunction(() => document.querySelector('[data-testid="total-allocation"]')?.dataset.value === "32000");
  return { context, page };
}

/** Waits until the host has sized the iframe to its content (within 2 px) and the content
 * stopped growing, then returns both heights. */
async function settledHeights(page, id) {
  const frame = await (await page.$(`iframe#${id}`)).contentFrame();
  const inner = () =>
    frame.evaluate(() => ({
      viewport: window.innerHeight,
      scroll: document.documentElement.scrollHeight,
      content: Math.ceil(document.querySelector('[data-testid="embed"]').getBoundingClientRect().bottom),
    }));
  let now = await inner();
  for (;;) {
    await page.waitForFunction(
      ([id, h]) => Math.abs(document.getElementById(id).clientHeight - h) <= 2,
      [id, now.content],
    );
    const again = await inner();
    if (again.content === now.content) break;
    now = again;
  }
  const last = await page.$eval(`iframe#${id}`, (f) => f.clientHeight);
  return { frame: last, ...(await inner()) };
}

const value = async (frame, testid) => Number(await frame.getAttribute(`[data-testid="${testid}"]`, "data-value"));

/** Requests to anywhere but this machine's loopback names. */
const outside = (requests) =>
  requests.filter((u) => !/^(data:|blob:)/.test(u) && !["127.0.0.1", "localhost"].includes(new URL(u).hostname));

/** A screenshot of the whole host page: the viewport is stretched to the page, because a
 * full-page capture leaves cross-origin frames unpainted below the first screen. */
async function shoot(page, name) {
  const { width } = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width, height });
  // Two animation frames: the resized page has laid out and painted.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  mkdirSync(join(ROOT, "screenshots"), { recursive: true });
  await page.screenshot({ path: join(ROOT, "screenshots", name) });
}

/** CSP violations recorded in the page and every frame. */
async function violations(page) {
  const all = [];
  for (const frame of page.frames()) all.push(...(await frame.evaluate(() => window.__csp ?? []).catch(() => [])));
  return all;
}

test("the example host page: both embeds grow to fit, show the budget from src=, and break no CSP rule", async () => {
  const { page, requests, finish } = await openHost("/example.html");
  const glance = await embedFrame(page, "glance");
  const calc = await embedFrame(page, "calculator");
  const sample = JSON.parse(readFileSync(join(ROOT, "samples/sample-school.json"), "utf8"));
  for (const [frame, id] of [[glance, "glance"], [calc, "calculator"]]) {
    assert.equal(await frame.textContent('[data-testid="school-name"]'), sample.school.name);
    const h = await settledHeights(page, id);
    assert.ok(h.frame > INITIAL, `${id}: the iframe grew from ${INITIAL}px (now ${h.frame}px)`);
    assert.ok(Math.abs(h.frame - h.content) <= 2, `${id}: iframe ${h.frame}px fits its content ${h.content}px`);
    assert.ok(h.scroll <= h.viewport + 1, `${id}: nothing scrolls inside (${h.scroll} > ${h.viewport})`);
  }
  // The glance embed starts 10% down and is read-only: no control edits the budget.
  assert.equal(await glance.locator("select, input, textarea").count(), 0);
  assert.ok((await glance.locator('li[data-testid^="cut-"]').count()) > 0, "the plan lists cuts");
  // The calculator embed has the scenario inputs and no app chrome.
  assert.equal(await calc.locator('[data-testid="enrollment-change"]').count(), 1);
  assert.equal(await calc.locator('[data-testid="import-file"], .topbar, .scenario-bar').count(), 0);
  // Moving its slider re-sizes the frame as the comparison panel appears.
  const before = await settledHeights(page, "calculator");
  await calc.fill('[data-testid="enrollment-change"]', "-12");
  await calc.waitForSelector('[data-testid="chart-waterfall"]');
  const after = await settledHeights(page, "calculator");
  assert.ok(after.frame > before.frame, `taller with the comparison (${before.frame} → ${after.frame})`);
  assert.ok(Math.abs(after.frame - after.content) <= 2);

  assert.ok(requests.some((u) => u.startsWith(`${app.url}sitebudget-`)), "the app came from its sub-path");
  await shoot(page, "embed-desktop.png");
  await finish();
});

test("the policy is in force: an injected inline script is refused and reported", async () => {
  const path = hostPage("/csp.html", [{ id: "e", src: `${app.url}?embed&panels=summary` }]);
  const { page, context } = await openHost(path);
  const frame = await embedFrame(page, "e");
  const ran = await frame.evaluate(() => {
    const s = document.createElement("script");
    s.textContent = "window.__inlineRan = true";
    document.head.append(s);
    return window.__inlineRan === true;
  });
  assert.equal(ran, false, "inline script blocked");
  await frame.waitForFunction(() => window.__csp.length > 0);
  assert.match((await frame.evaluate(() => window.__csp)).join(), /script-src/);
  await context.close();
});

test("the full app, opened directly at the sub-path, runs under the same policy", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.violatedDirective));
  });
  const page = await context.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(app.url);
  await page.waitForSelector('[data-testid="total-allocation"]');
  assert.equal(await page.locator('.topbar [data-testid="import-file"]').count(), 1, "the app's own chrome is there");
  assert.equal(await page.locator('[data-testid="embed"]').count(), 0);
  assert.ok(requests.every((u) => u.startsWith(app.url)), `every asset under the sub-path: ${requests}`);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  await context.close();
});

test("the example page on a 390-pixel phone: no sideways scrolling, frames fit", async () => {
  const { page, finish } = await openHost("/example.html", { width: 390, height: 844 });
  for (const id of ["glance", "calculator"]) {
    const frame = await embedFrame(page, id);
    const h = await settledHeights(page, id);
    assert.ok(h.frame > INITIAL && Math.abs(h.frame - h.content) <= 2, `${id}: ${JSON.stringify(h)}`);
    const wide = await frame.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(wide <= 0, `${id} is ${wide}px wider than its frame`);
  }
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(wide <= 0, `host page is ${wide}px wider than the phone`);
  await shoot(page, "embed-phone.png");
  await finish();
});

test("src=, readonly, panels= and change= together: the chosen panels of that budget, 10% down, no editing", async () => {
  const q = "?embed&src=budgets/tiny.json&panels=school,summary,plan&change=-10";
  const path = hostPage("/options.html", [
    { id: "ro", src: `${app.url}${q}&readonly` },
    // Steering the plan in an embed needs mode=edit (issue 13: families see no knobs).
    { id: "rw", src: `${app.url}${q}&mode=edit` },
  ]);
  const { page, finish } = await openHost(path);
  for (const id of ["ro", "rw"]) {
    const frame = await embedFrame(page, id);
    assert.equal(await frame.textContent('[data-testid="school-name"]'), "Maple Street Test School");
    assert.equal(await value(frame, "total-allocation"), 36000);
    assert.equal(await value(frame, "total-cost"), 38000);
    assert.equal(await value(frame, "balance-total"), -2000);
    const cut = frame.locator('[data-testid="cut-aide"]');
    assert.equal(await cut.getAttribute("data-from"), "1");
    assert.equal(await cut.getAttribute("data-to"), "0.8");
    // Only the chosen panels: no inputs, sources, flexibility, years or lines.
    for (const gone of ["enrollment-change", "balance-pp", "flexibility-index", "chart-projection-balance", "line-aide", "import-file"]) {
      assert.equal(await frame.locator(`[data-testid="${gone}"]`).count(), 0, `${id}: ${gone} hidden`);
    }
  }
  const ro = await embedFrame(page, "ro");
  const rw = await embedFrame(page, "rw");
  assert.equal(await ro.locator("select, input, textarea, button").count(), 0, "read-only: no controls");
  assert.equal(await rw.locator('[data-testid="priority-aide"]').count(), 1, "editable: the plan can be steered");
  assert.equal(await ro.getAttribute('[data-testid="embed-open"]', "href"),
    "./?src=budgets/tiny.json&change=-10");
  await finish();
});

test("change= alone starts the slider there and every panel follows", async () => {
  const path = hostPage("/change.html", [{ id: "c", src: `${app.url}?embed&src=budgets/tiny.json&change=-10` }]);
  const { page, finish } = await openHost(path);
  const frame = await embedFrame(page, "c");
  assert.equal(await frame.inputValue('[data-testid="enrollment-change"]'), "-10");
  assert.equal(await value(frame, "enrollment-total"), 40);
  assert.equal(await value(frame, "balance-pp"), -2000);
  assert.equal(await frame.locator('[data-testid^="line-"]').count(), 2);
  // Back to no change: the budget as it is.
  await frame.fill('[data-testid="enrollment-change"]', "0");
  await frame.waitForFunction(() => document.querySelector('[data-testid="total-allocation"]')?.dataset.value === "40000");
  assert.equal(await value(frame, "balance-total"), 2000);
  await finish();
});

test("an embed keeps nothing in the visitor's browser, where the full app saves its work", async () => {
  // Opened directly, because browsers deny storage to cross-site frames anyway.
  const { context, page } = await tinyEmbedMovedTo20();
  // An embed has no save machinery at all (it says so on its root), so there is nothing to wait for.
  await page.waitForSelector('[data-testid="embed"][data-saving="off"]');
  assert.equal(await page.evaluate(() => localStorage.length), 0, "the embed saved nothing");
  assert.deepEqual(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name)), [],
    "the embed opened no database");
  await page.goto(app.url);
  await page.waitForSelector('[data-testid="total-allocation"]');
  await page.fill('[data-testid="enrollment-change"]', "-20");
  await settled(page);
  assert.ok(Object.keys(await storedRecords(page)).length > 0);
  await context.close();
});

test("undo in an embed goes back to the host's starting change, never past it", async () => {
  const { context, page } = await tinyEmbedMovedTo20();
  await page.evaluate(() => document.activeElement?.blur());
  for (let i = 0; i < 2; i++) await page.keyboard.press("Control+z");
  await page.waitForFunction(() => document.querySelector('[data-testid="enrollment-change"]').value === "-10");
  assert.equal(await page.getAttribute('[data-testid="total-allocation"]', "data-value"), "36000");
  await context.close();
});

test("a bad src= shows what went wrong in plain words and loads nothing from elsewhere", async () => {
  const path = hostPage("/bad.html", [
    { id: "missing", src: `${app.url}?embed&src=budgets/missing.json` },
    { id: "elsewhere", src: `${app.url}?embed&src=${encodeURIComponent(`${stranger.origin}/budget.json`)}` },
    { id: "broken", src: `${app.url}?embed&src=budgets/broken.json` },
    { id: "options", src: `${app.url}?embed&src=budgets/tiny.json&panels=summary,charts&change=lots` },
  ]);
  const { page, requests, finish } = await openHost(path);
  const text = async (id, testid) => (await (await embedFrame(page, id)).textContent(`[data-testid="${testid}"]`));
  assert.match(await text("missing", "embed-error"), /budgets\/missing\.json could not be loaded: the site answered 404/);
  assert.match(await text("elsewhere", "embed-error"), /is not on this site \(http:\/\/localhost:\d+\)/);
  const brokenText = await text("broken", "embed-error");
  assert.match(brokenText, /budgets\/broken\.json is not a budget SiteBudget can read/);
  assert.match(brokenText, /books/);
  assert.match(brokenText, /nowhere/);
  // Options it cannot read are named; the rest still apply.
  const problems = await text("options", "embed-problems");
  assert.match(problems, /`charts` is not a panel/);
  assert.match(problems, /change=lots is not a percent/);
  const options = await embedFrame(page, "options");
  assert.equal(await value(options, "total-allocation"), 40000);
  // Even an error panel sizes its frame (here smaller than the starting height).
  const h = await settledHeights(page, "missing");
  assert.ok(h.frame < INITIAL && Math.abs(h.frame - h.content) <= 2, JSON.stringify(h));
  assert.deepEqual(requests.filter((u) => u.startsWith(stranger.origin)), [], "nothing fetched from the stranger");
  await finish();
});

test("the host snippet ignores height messages from any other origin or window", async () => {
  const path = hostPage("/strangers.html", [
    // Starts at the app's address but is redirected to the stranger's origin.
    { id: "redirected", src: `${app.url}away` },
    // Control: the stranger's page as its own iframe src, whose messages do count.
    { id: "direct", src: `${stranger.origin}/stranger.html` },
  ]);
  const { page, finish } = await openHost(path);
  await page.waitForFunction(() => document.getElementById("direct").clientHeight === 4321);
  // A message from the host page itself is not from any iframe.
  // Messages are dispatched in order: once a marker posted right after it reaches the
  // page, the host's own message has been handled by the snippet (and ignored).
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        window.addEventListener("message", (e) => e.data === "after-own-message" && resolve());
        window.postMessage({ type: "sitebudget:height", height: 999 }, "*");
        window.postMessage("after-own-message", "*");
      }),
  );
  assert.equal(await page.$eval("#direct", (f) => f.clientHeight), 4321, "the host's own message is ignored");
  const redirected = await page.$eval("#redirected", (f) => f.clientHeight);
  assert.equal(redirected, INITIAL, "the redirected frame keeps its height");
  await finish();
});

test("a budget in a share link's fragment is shown by the embed, decoded in the file worker under the policy", async () => {
  // The share format (io/share.rs): `share=1.` + base64url(raw deflate(JSON { doc, scenario, name })).
  const payload = JSON.stringify({ doc: tiny, scenario: { enrollment_change: "-0.10" }, name: "Ten percent fewer" });
  const fragment = `share=1.${deflateRawSync(Buffer.from(payload)).toString("base64url")}`;
  const path = hostPage("/shared.html", [{ id: "shared", src: `${app.url}?embed#${fragment}` }]);
  const { page, finish } = await openHost(path);
  const frame = await embedFrame(page, "shared");
  assert.equal(await frame.textContent('[data-testid="school-name"]'), "Maple Street Test School");
  // The shared scenario is in force: 36 pupils × $1,000 = $36,000 (hand computation above).
  assert.equal(await value(frame, "total-allocation"), 36000);
  assert.equal(await frame.inputValue('[data-testid="enrollment-change"]'), "-10");
  await finish();
});

test("a damaged share fragment is explained in place of the calculator", async () => {
  const path = hostPage("/damaged.html", [{ id: "bad", src: `${app.url}?embed#share=1.not-really-a-budget` }]);
  const { page, finish } = await openHost(path);
  const frame = await embedFrame(page, "bad");
  assert.match(await frame.textContent('[data-testid="embed-error"]'), /link could not be read.*damaged/s);
  await finish();
});

/** The labels of the full app's budget list. */
const budgetLabels = (page) =>
  page.$$eval('[data-testid="budget-select"] option', (os) => os.map((o) => o.textContent));

test("Open in SiteBudget leads to the full app, which offers the embed's budget and opens it beside the visitor's own", async () => {
  const path = hostPage("/open.html", [
    { id: "open", src: `${app.url}?embed&src=budgets/tiny.json&readonly&panels=summary&change=-10` },
  ]);
  const { page, context, finish } = await openHost(path);
  // The visitor already keeps a budget of their own in the app (same browser).
  const own = await context.newPage();
  await own.goto(app.url);
  await own.waitForSelector('[data-testid="total-allocation"]');
  await own.fill('[data-testid="budget-name"]', "Our own plan");
  await own.press('[data-testid="budget-name"]', "Enter");
  await settled(own);
  assert.match((await storedRecords(own))["sitebudget.index"], /Our own plan/);
  await own.close();

  const frame = await embedFrame(page, "open");
  const [full] = await Promise.all([context.waitForEvent("page"), frame.click('[data-testid="embed-open"]')]);
  await full.waitForSelector('[data-testid="share-open"]');
  assert.equal(full.url(), `${app.url}?src=budgets/tiny.json&change=-10`, "the full app, not an embed");
  assert.equal(await full.locator('[data-testid="embed"]').count(), 0);
  assert.match(await full.textContent('[data-testid="share-banner"]'),
    /This link offers the budget at budgets\/tiny\.json: Maple Street Test School 2026-27, with enrollment 10% lower\./);
  // Nothing is replaced before the visitor chooses: their own budget is still on screen.
  assert.equal(await full.textContent('[data-testid="school-name"]'), "Jacaranda Avenue Elementary");
  assert.deepEqual(await budgetLabels(full), ["Our own plan"]);
  mkdirSync(join(ROOT, "screenshots"), { recursive: true });
  await full.screenshot({ path: join(ROOT, "screenshots", "src-offer.png") });

  await full.click('[data-testid="share-open"]');
  await full.waitForFunction(() =>
    document.querySelector('[data-testid="school-name"]')?.textContent === "Maple Street Test School");
  // Under the embed's change: 36 pupils × $1,000 = $36,000 against $38,000 of costs.
  assert.equal(await value(full, "total-allocation"), 36000);
  assert.equal(await value(full, "balance-total"), -2000);
  assert.equal(await full.inputValue('[data-testid="enrollment-change"]'), "-10");
  assert.deepEqual(await budgetLabels(full), ["Our own plan", "Maple Street Test School"]);
  assert.equal(await full.$('[data-testid="share-banner"]'), null);
  assert.equal(await full.evaluate(() => location.search), "", "src= and change= left the address bar");
  assert.equal(await full.textContent(".import-status"), "Imported budgets/tiny.json", "the top bar names the file");

  // Kept: after a reload both budgets are there and nothing is offered again.
  await settled(full);
  await full.reload();
  await full.waitForSelector('[data-testid="total-allocation"]');
  assert.deepEqual(await budgetLabels(full), ["Our own plan", "Maple Street Test School"]);
  assert.equal(await full.textContent('[data-testid="school-name"]'), "Maple Street Test School");
  // Started and settled, with no offer on screen.
  await settled(full);
  assert.equal(await full.$('[data-testid="share-banner"]'), null);
  await full.close();
  await finish();
});

test("the full app explains a src= it cannot open, and Dismiss leaves everything as it was", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const cases = [
    ["budgets/broken.json", /budgets\/broken\.json is not a budget SiteBudget can read:.*books.*nowhere.*Nothing was changed\./],
    ["budgets/missing.json", /budgets\/missing\.json could not be loaded: the site answered 404.*Nothing was changed\./],
    [`${stranger.origin}/budget.json`, /is not on this site \(http:\/\/localhost:\d+\)\. SiteBudget loads only budgets from its own site, so nothing was loaded\. Nothing was changed\./],
  ];
  for (const [src, words] of cases) {
    await page.goto(`${app.url}?src=${encodeURIComponent(src)}&change=lots&keep=1#top`);
    await page.waitForSelector('[data-testid="total-allocation"]');
    const error = await page.waitForSelector('[data-testid="share-error"]');
    assert.match(await error.textContent(), words, src);
    assert.match(await page.textContent('[data-testid="share-notes"]'), /change=lots is not a percent/);
    assert.equal(await page.locator('[data-testid="share-open"]').count(), 0, "nothing to open");
    assert.equal(await page.textContent('[data-testid="school-name"]'), "Jacaranda Avenue Elementary");
    await page.click('[data-testid="share-dismiss"]');
    assert.equal(await page.$('[data-testid="share-banner"]'), null);
    // Only the offer leaves the address; the rest of it stays.
    assert.equal(await page.evaluate(() => location.search + location.hash), "?keep=1#top");
    assert.deepEqual(await budgetLabels(page), ["Jacaranda Avenue Elementary"]);
  }
  await page.goto(`${app.url}?src=budgets/broken.json`);
  await page.waitForSelector('[data-testid="share-error"]');
  mkdirSync(join(ROOT, "screenshots"), { recursive: true });
  await page.screenshot({ path: join(ROOT, "screenshots", "src-offer-error.png") });
  assert.deepEqual(outside(requests), [], "no request leaves this machine");
  assert.deepEqual(requests.filter((u) => u.startsWith(stranger.origin)), [], "nothing fetched from the stranger");
  assert.deepEqual(errors, []);
  await context.close();
});
