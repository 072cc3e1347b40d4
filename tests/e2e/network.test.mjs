// End-to-end: the network view (issue #15) on the three-school fixture
// (tests/e2e/fixtures/network: Alder and Birch by src, Cedar inline, broken.json a bad
// school), served beside the app. Every figure is hand-computed in
// crates/core/tests/network_engine.rs; the arithmetic is repeated here where it is checked.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { ROOT, launch, storedRecords } from "./harness.mjs";
import { NET, fixtureFile as file, networkRoutes } from "./network-fixture.mjs";
import { serveOrigin } from "./origins.mjs";
// The held network: Alder and Birch by src, Cedar inline (network.json without the broken
// school), Birch's file answered only when a test releases it.
const HELD = "nets/held/network.json";
const heldNetwork = () => {
  const n = JSON.parse(file("network.json"));
  n.schools = n.schools.filter((s) => s.src !== "schools/broken.json");
  return JSON.stringify(n);
};
// A larger network: 120 schools by src, Alder and Birch by turns, more than the page reads
// while it is still starting fetches (the rest wait until every fetch has started).
const BIG = 120;
const bigRoutes = Object.fromEntries([
  ["/nets/big/network.json", { body: JSON.stringify({ format: "sitebudget-network/1", name: "Big", schools: Array.from({ length: BIG }, (_, i) => ({ src: `schools/s${i}.json` })) }) }],
  ...Array.from({ length: BIG }, (_, i) => [`/nets/big/schools/s${i}.json`, { body: file(i % 2 ? "schools/birch.json" : "schools/alder.json") }]),
]);
let releaseBirch = () => {};
let birchHeld = Promise.resolve();

let app, host, browser;
before(async () => {
  app = await serveOrigin({
    dir: join(ROOT, "dist"),
    routes: {
      ...networkRoutes(),
      "/nets/held/network.json": { body: heldNetwork() },
      "/nets/held/schools/alder.json": { body: file("schools/alder.json") },
      "/nets/held/schools/birch.json": { body: file("schools/birch.json"), hold: () => birchHeld },
      ...bigRoutes,
    },
  });
  host = await serveOrigin({
    host: "localhost",
    routes: {
      "/host.html": {
        body: `<!DOCTYPE html><title>host</title><script>
          window.heights = [];
          addEventListener("message", (e) => { if (e.data && e.data.type === "sitebudget:height") window.heights.push(e.data); });
        </script><iframe id="net" style="width:900px;height:400px" src="${app.url}?embed&network=${NET}&panels=fte,table&change=-10&id=east"></iframe>`,
      },
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await Promise.all([app?.close(), host?.close()]);
});

/** A row's data-* figures. */
async function figures(page, testid) {
  return page.$eval(`[data-testid="${testid}"]`, (el) => ({ ...el.dataset }));
}

/** Waits until the total row has this many pupils. */
async function totalPupils(page, n) {
  await page.waitForSelector(`[data-testid="network-total"][data-pupils="${n}"]`);
}

async function openNetwork(context) {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${app.url}?network=${NET}`);
  await totalPupils(page, "280");
  return { page, errors };
}

test("?network= shows each school and the total as computed by hand, the bad school as a row that says why", async () => {
  const context = await browser.newContext();
  const { page, errors } = await openNetwork(context);
  // Alder: E 100, allocation 100,000 + 500 × 80 + 200 × 80 + 4 × 100,000 = 556,000;
  // per pupil 5,560; restricted 416,000 ÷ 556,000 → 0.7482; balance 21,000; no cut;
  // flexible 106,000 → index 106,000 ÷ 556,000; lose 100 − floor(25 × 3) = 25.
  const alder = await figures(page, "network-school-0");
  assert.deepEqual(
    [alder.pupils, alder.allocation, alder.perPupil, alder.restrictedShare, alder.balance, alder.cutFte, alder.deficit, alder.lose],
    ["100", "556000", "5560", "0.7482", "21000", "0", "0", "25"],
  );
  assert.ok(Math.abs(Number(alder.flexIndex) - 106000 / 556000) < 1e-12);
  // Birch: 180 pupils, 730,000; per pupil 4,055.56; restricted 0.863; −45,000 before
  // cuts; the aide cut 0.4 FTE; 35,000 left (the norm line); lose 180 − 162 = 18.
  const birch = await figures(page, "network-school-1");
  assert.deepEqual(
    [birch.pupils, birch.allocation, birch.perPupil, birch.restrictedShare, birch.balance, birch.cutFte, birch.deficit, birch.lose],
    ["180", "730000", "4055.56", "0.863", "-45000", "0.4", "35000", "18"],
  );
  // Cedar: no pupils, so no per-pupil figure and no breakpoint; index 20,000 ÷ 20,000 = 1.
  const cedar = await figures(page, "network-school-2");
  assert.deepEqual(
    [cedar.pupils, cedar.allocation, cedar.perPupil, cedar.restrictedShare, cedar.balance, cedar.flexIndex, cedar.lose],
    ["0", "20000", "", "0", "15000", "1", ""],
  );
  // broken.json: a row with the reason in words, no figures; the others still add up.
  const broken = await figures(page, "network-school-3");
  assert.equal(broken.problem, "true");
  assert.equal(broken.allocation, "");
  const why = await page.textContent('[data-testid="network-problem-3"]');
  assert.match(why, /broken\.json/);
  // Total: pupils 100 + 180 + 0 = 280; allocation 556,000 + 730,000 + 20,000 =
  // 1,306,000; per pupil from the sums 1,306,000 ÷ 280 = 4,664.285… → 4,664.29;
  // balance 21,000 − 45,000 + 15,000 = −9,000; FTE cut 0.4; deficit 35,000;
  // flexible 106,000 + 6,000 + 20,000 = 132,000; lose min(25, 18) = 18.
  const total = await figures(page, "network-total");
  assert.deepEqual(
    [total.pupils, total.allocation, total.perPupil, total.balance, total.cutFte, total.deficit, total.lose, total.schools],
    ["280", "1306000", "4664.29", "-9000", "0.4", "35000", "18", "3"],
  );
  assert.ok(Math.abs(Number(total.flexIndex) - 132000 / 1306000) < 1e-12);
  assert.match(await page.textContent('[data-testid="network-left-out"]'), /1 school/);
  // Three charts, each with a text alternative and a numbers table.
  for (const id of ["chart-network-per-pupil", "chart-network-flexibility", "chart-network-fte"]) {
    const desc = await page.textContent(`[data-testid="${id}"] desc`);
    assert.ok(desc.length > 20, `${id} has a text alternative`);
    assert.ok(await page.$(`[data-testid="${id}"] table.data`), `${id} has a numbers table`);
  }
  // Cedar has no pupils, so the scatter has Alder and Birch only.
  assert.equal(await page.$$eval('[data-testid="chart-network-per-pupil"] circle', (c) => c.length), 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a network-wide change and one school's own change recompute the rows and the total", async () => {
  const context = await browser.newContext();
  const { page } = await openNetwork(context);
  await page.fill('[data-testid="network-change"]', "-10");
  // −10% everywhere: pupils 90 + 162 + 0 = 252; allocation 550,400 + 640,000 + 20,000 =
  // 1,210,400; per pupil 1,210,400 ÷ 252 = 4,803.17; restricted 954,400 ÷ 1,210,400 →
  // 0.7885; balance 15,400 − 40,000 + 15,000 = −9,600; FTE cut 0 + (1 norm + 0.4) = 1.4;
  // deficit 30,000; lose min(15, 27) = 15.
  await totalPupils(page, "252");
  let total = await figures(page, "network-total");
  assert.deepEqual(
    [total.allocation, total.perPupil, total.restrictedShare, total.balance, total.cutFte, total.deficit, total.lose],
    ["1210400", "4803.17", "0.7885", "-9600", "1.4", "30000", "15"],
  );
  const birch = await figures(page, "network-school-1");
  assert.deepEqual([birch.pupils, birch.cutFte, birch.flexIndex], ["162", "1.4", "0.009375"]);
  // Alder recruits well: its own +5% (53 per grade, 106 pupils, 659,500).
  await page.fill('[data-testid="network-school-change-0"]', "5");
  await totalPupils(page, "268");
  const alder = await figures(page, "network-school-0");
  assert.deepEqual([alder.pupils, alder.allocation, alder.perPupil, alder.lose], ["106", "659500", "6221.7", "6"]);
  // Total: 106 + 162 = 268 pupils; 659,500 + 640,000 + 20,000 = 1,319,500; per pupil
  // 4,923.51; restricted 1,057,000 ÷ 1,319,500 → 0.8011; balance −500; lose 6.
  total = await figures(page, "network-total");
  assert.deepEqual(
    [total.allocation, total.perPupil, total.restrictedShare, total.balance, total.lose],
    ["1319500", "4923.51", "0.8011", "-500", "6"],
  );
  // Undo takes Alder's own change back, then the network's.
  await page.click('[data-testid="network-undo"]');
  await totalPupils(page, "252");
  await page.click('[data-testid="network-undo"]');
  await totalPupils(page, "280");
  await page.click('[data-testid="network-redo"]');
  await totalPupils(page, "252");
  // The keys do the same, once the focus has left the boxes.
  await page.click('[data-testid="network-name"]');
  await page.keyboard.press("Control+z");
  await totalPupils(page, "280");
  await page.keyboard.press("Control+Shift+z");
  await totalPupils(page, "252");
  await context.close();
});

test("sorting by a column orders the rows, keeps their file-order hooks, and says so in aria-sort", async () => {
  const context = await browser.newContext();
  const { page } = await openNetwork(context);
  const order = () => page.$$eval('[data-testid="network-table"] tbody tr', (rows) => rows.map((r) => r.dataset.testid));
  assert.deepEqual(await order(), ["network-school-0", "network-school-1", "network-school-2", "network-school-3"]);
  await page.click('[data-testid="network-sort-pupils"]');
  // Largest first: Birch 180, Alder 100, Cedar 0; the school without figures last.
  assert.deepEqual(await order(), ["network-school-1", "network-school-0", "network-school-2", "network-school-3"]);
  assert.equal(await page.getAttribute('th:has([data-testid="network-sort-pupils"])', "aria-sort"), "descending");
  await page.click('[data-testid="network-sort-pupils"]');
  assert.deepEqual(await order(), ["network-school-2", "network-school-0", "network-school-1", "network-school-3"]);
  assert.equal(await page.getAttribute('th:has([data-testid="network-sort-pupils"])', "aria-sort"), "ascending");
  // Per pupil, largest first: Alder 5,560, Birch 4,055.56; Cedar has none, so after them.
  await page.click('[data-testid="network-sort-per-pupil"]');
  assert.deepEqual(await order(), ["network-school-0", "network-school-1", "network-school-2", "network-school-3"]);
  await context.close();
});

test("a school opens in the workspace under its change, and the way back finds the network as it was", async () => {
  const context = await browser.newContext();
  const { page } = await openNetwork(context);
  await page.fill('[data-testid="network-change"]', "-10");
  await totalPupils(page, "252");
  await page.click('[data-testid="network-open-1"]');
  await page.waitForSelector('[data-testid="network-school-view"]');
  // Birch at −10%: allocation 640,000 before cuts, 1 teacher and 0.4 of the aide cut.
  await page.waitForSelector('[data-testid="total-allocation"][data-value="640000"]');
  assert.equal(await page.inputValue('[data-testid="enrollment-change"]'), "-10");
  await page.click('[data-testid="network-back"]');
  await totalPupils(page, "252");
  assert.equal(await page.inputValue('[data-testid="network-change"]'), "-10");
  await context.close();
});

test("the embed shows the chosen panels read-only, at the host's change, and tells the host its height", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${host.origin}/host.html`);
  const frame = await (await page.waitForSelector("iframe#net")).contentFrame();
  await frame.waitForSelector('[data-testid="network-total"][data-pupils="252"]');
  assert.equal(await frame.$('[data-testid="embed-problems"]'), null, "the network's panel names are understood");
  assert.equal(await frame.$('[data-testid="network-change"]'), null, "no slider: read-only");
  assert.equal(await frame.$('[data-testid="network-school-change-0"]'), null, "no per-school box");
  assert.ok(await frame.$('[data-testid="chart-network-fte"]'), "the FTE chart");
  assert.equal(await frame.$('[data-testid="chart-network-per-pupil"]'), null, "not the per-pupil chart");
  assert.equal(await frame.$('[data-testid="chart-network-flexibility"]'), null, "not the flexibility chart");
  assert.equal(await frame.$('[data-testid="network-export-json"]'), null, "no export in an embed");
  assert.equal(await frame.$('[data-testid="network-remove-0"]'), null, "no remove button in an embed");
  await page.waitForFunction(() => window.heights.some((h) => h.id === "east" && h.height > 200));
  assert.deepEqual(errors, []);
  await context.close();
});

test("a network saved in the browser comes back after a reload with its change", async () => {
  const context = await browser.newContext();
  const { page } = await openNetwork(context);
  await page.fill('[data-testid="network-change"]', "-10");
  await totalPupils(page, "252");
  await page.click('[data-testid="network-save"]');
  await page.waitForSelector('[data-testid="network-save-status"][data-state="saved"]');
  const records = await storedRecords(page);
  const record = JSON.parse(records["network:1"]);
  assert.equal(record.format, "sitebudget-network/1");
  assert.equal(Number(record.scenario.change), -0.1);
  // The plain app, then Networks: the saved network opens with its −10%.
  await page.goto(app.url);
  await page.click('[data-testid="networks-open"]');
  await page.click('[data-testid="network-open-saved-1"]');
  await totalPupils(page, "252");
  assert.equal(await page.inputValue('[data-testid="network-change"]'), "-10");
  await context.close();
});

test("a network made from budgets saved in the browser, then a saved budget added to it", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(app.url);
  await page.waitForSelector('[data-testid="total-allocation"]');
  const allocation = await page.getAttribute('[data-testid="total-allocation"]', "data-value");
  await page.click('[data-testid="networks-open"]');
  await page.click('[data-testid="network-new"] summary');
  const box = await page.waitForSelector('[data-testid^="network-new-budget-"]');
  await box.check();
  await page.click('[data-testid="network-create"]');
  // One school, the sample, as budgeted: the network's total is that school's figures.
  await page.waitForSelector('[data-testid="network-total"][data-schools="1"]');
  assert.equal(await page.getAttribute('[data-testid="network-total"]', "data-allocation"), allocation);
  // Add to network: the same budget again, so every total doubles.
  const id = (await box.getAttribute("data-testid")).replace("network-new-budget-", "");
  await page.selectOption('[data-testid="network-add-school"]', id);
  await page.waitForSelector('[data-testid="network-total"][data-schools="2"]');
  assert.equal(Number(await page.getAttribute('[data-testid="network-total"]', "data-allocation")), 2 * Number(allocation));
  // Saved a moment later with both schools.
  await page.waitForFunction(() => new Promise((ok) => {
    const open = indexedDB.open("sitebudget");
    open.onsuccess = () => {
      const get = open.result.transaction("records").objectStore("records").get("network:1");
      get.onsuccess = () => { open.result.close(); ok(!!get.result && JSON.parse(get.result).schools.length === 2); };
      get.onerror = () => ok(false);
    };
    open.onerror = () => ok(false);
  }));
  // Back to the budgets: the workspace is as it was.
  await page.click('[data-testid="networks-close"]');
  await page.waitForSelector(`[data-testid="total-allocation"][data-value="${allocation}"]`);
  await context.close();
});

/** Waits until the saved network:1 record has `schools` schools, and (if given) school 0's
 * library books at `books`: the page writes its record 0.4 s after a change, so the store
 * is read again until it does (a waitForFunction predicate returning a promise passed
 * here before the write: seen with the record still unchanged). */
async function savedRecord(page, { schools, books }) {
  const holds = (text) => {
    if (!text) return false;
    const r = JSON.parse(text);
    const line = r.schools[0]?.budget?.lines?.find((l) => l.id === "books");
    return r.schools.length === schools && (books === undefined || line?.amount === books);
  };
  for (let tries = 0; tries < 300; tries++) {
    if (holds((await storedRecords(page))["network:1"])) return;
    await page.waitForTimeout(50);
  }
  assert.fail(`the saved network never had ${schools} schools${books ? ` and books at ${books}` : ""}`);
}

test("a school removed from a saved network leaves the total, and undo brings it back", async () => {
  const context = await browser.newContext();
  const { page, errors } = await openNetwork(context);
  await page.click('[data-testid="network-save"]');
  await page.waitForSelector('[data-testid="network-save-status"][data-state="saved"]');
  await page.click('[data-testid="network-remove-1"]');
  // Birch gone, at 0%: Alder and Cedar (the bad school still left out).
  // Pupils 100 + 0 = 100; allocation 556,000 + 20,000 = 576,000; per pupil 576,000 ÷ 100 =
  // 5,760; restricted 416,000 ÷ 576,000 = 0.72222 → 0.7222; balance 21,000 + 15,000 =
  // 36,000; no cut, no deficit; index (106,000 + 20,000) ÷ 576,000 = 0.21875; lose min(25, none) = 25.
  await totalPupils(page, "100");
  const t = await figures(page, "network-total");
  assert.deepEqual(
    [t.schools, t.allocation, t.perPupil, t.restrictedShare, t.balance, t.cutFte, t.deficit, t.flexIndex, t.lose],
    ["2", "576000", "5760", "0.7222", "36000", "0", "0", "0.21875", "25"],
  );
  // The schools after it move up: Cedar is now 1, the bad file 2.
  assert.equal((await figures(page, "network-school-1")).allocation, "20000");
  assert.equal((await figures(page, "network-school-2")).problem, "true");
  assert.equal(await page.$('[data-testid="network-school-3"]'), null);
  await savedRecord(page, { schools: 3 });
  // Undo: Birch back in its place and the total as at first (280 pupils, 1,306,000).
  await page.click('[data-testid="network-undo"]');
  await totalPupils(page, "280");
  assert.equal(await page.getAttribute('[data-testid="network-total"]', "data-allocation"), "1306000");
  assert.equal((await figures(page, "network-school-1")).allocation, "730000");
  await savedRecord(page, { schools: 4 });
  assert.deepEqual(errors, []);
  await context.close();
});

test("a school edited in the workspace carries its edit back to the network, and it is still there after a reload", async () => {
  const context = await browser.newContext();
  const { page, errors } = await openNetwork(context);
  await page.click('[data-testid="network-save"]');
  await page.waitForSelector('[data-testid="network-save-status"][data-state="saved"]');
  await page.click('[data-testid="network-open-0"]');
  await page.waitForSelector('[data-testid="network-school-view"]');
  await page.dispatchEvent('[data-testid="editor-toggle"]', "click");
  await page.fill('[data-testid="edit-line-books-amount"]', "5000");
  await page.press('[data-testid="edit-line-books-amount"]', "Enter");
  // Alder's library books 10,000 → 5,000: the general fund keeps 100,000 − 50,000 − 30,000 −
  // 5,000 = 15,000; balance 15,000 + 10,000 + 1,000 = 26,000 (the workspace shows it first).
  await page.waitForSelector('[data-testid="balance-total"][data-value="26000"]');
  await page.click('[data-testid="network-back"]');
  // The row: allocation unchanged (556,000), balance 26,000; flexible 26,000 + 60,000 +
  // 15,000 + 5,000 = 106,000 as before. Total balance 26,000 − 45,000 + 15,000 = −4,000.
  await page.waitForSelector('[data-testid="network-school-0"][data-balance="26000"]');
  assert.equal((await figures(page, "network-school-0")).allocation, "556000");
  assert.equal(await page.getAttribute('[data-testid="network-total"]', "data-balance"), "-4000");
  // Kept in the saved network, so a reload finds it.
  await savedRecord(page, { schools: 4, books: "5000" });
  await page.goto(app.url);
  await page.click('[data-testid="networks-open"]');
  await page.click('[data-testid="network-open-saved-1"]');
  await page.waitForSelector('[data-testid="network-school-0"][data-balance="26000"]');
  assert.equal(await page.getAttribute('[data-testid="network-total"]', "data-balance"), "-4000");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a district's table comes as its files arrive: a school still coming says so, is left out of the total, and fills in", async () => {
  birchHeld = new Promise((ok) => { releaseBirch = ok; });
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${app.url}?network=${HELD}`);
  // Alder and Cedar are in; Birch is held back by the server.
  await page.waitForSelector('[data-testid="network-school-1"][data-loading="true"]');
  await page.waitForSelector('[data-testid="network-total"][data-schools="2"]');
  assert.equal((await figures(page, "network-school-0")).allocation, "556000");
  assert.equal((await figures(page, "network-school-2")).allocation, "20000");
  const birch = await figures(page, "network-school-1");
  assert.equal(birch.allocation, undefined, "no figures while it is coming");
  assert.match(await page.textContent('[data-testid="network-school-1"]'), /schools\/birch\.json.*Loading…/s);
  assert.equal((await page.textContent('[data-testid="network-loaded"]')).trim(), "2 of 3 schools loaded");
  assert.equal(await page.getAttribute('[data-testid="network-loaded"]', "aria-live"), "polite");
  assert.equal(await page.getAttribute(".net-table", "aria-busy"), "true");
  assert.ok(await page.isDisabled('[data-testid="network-save"]'), "saved only once every school is in");
  assert.equal(await page.$('[data-testid="network-left-out"]'), null, "a school still coming is not a failed one");
  // The total over Alder and Cedar only: pupils 100 + 0 = 100; allocation 556,000 + 20,000 =
  // 576,000; per pupil 576,000 ÷ 100 = 5,760; balance 21,000 + 15,000 = 36,000; index
  // (106,000 + 20,000) ÷ 576,000 = 0.21875; lose min(25, none) = 25.
  let t = await figures(page, "network-total");
  assert.deepEqual(
    [t.pupils, t.allocation, t.perPupil, t.balance, t.cutFte, t.deficit, t.flexIndex, t.lose],
    ["100", "576000", "5760", "36000", "0", "0", "0.21875", "25"],
  );
  // Sorted while loading: the school still coming stays last (Alder 100, Cedar 0, Birch).
  const order = () => page.$$eval('[data-testid="network-table"] tbody tr', (rows) => rows.map((r) => r.dataset.testid));
  await page.click('[data-testid="network-sort-pupils"]');
  assert.deepEqual(await order(), ["network-school-0", "network-school-2", "network-school-1"]);
  await page.click('[data-testid="network-sort-school"]');
  assert.deepEqual(await order(), ["network-school-0", "network-school-2", "network-school-1"]);
  // Released: Birch's figures come and the total is the three schools' (EXPECTED.md): 280
  // pupils; 1,306,000; per pupil 1,306,000 ÷ 280 → 4,664.29; balance −9,000; cut 0.4;
  // deficit 35,000; index 132,000 ÷ 1,306,000; lose min(25, 18) = 18.
  releaseBirch();
  await totalPupils(page, "280");
  t = await figures(page, "network-total");
  assert.deepEqual(
    [t.allocation, t.perPupil, t.balance, t.cutFte, t.deficit, t.lose, t.schools],
    ["1306000", "4664.29", "-9000", "0.4", "35000", "18", "3"],
  );
  assert.ok(Math.abs(Number(t.flexIndex) - 132000 / 1306000) < 1e-12);
  assert.equal((await figures(page, "network-school-1")).allocation, "730000");
  assert.equal(await page.$("[data-loading]"), null);
  assert.equal(await page.$('[data-testid="network-loaded"]'), null);
  await page.waitForSelector('.net-table[aria-busy="false"]');
  assert.ok(!(await page.isDisabled('[data-testid="network-save"]')));
  assert.deepEqual(errors, []);
  await context.close();
});

test("a change to a saved network made just before the page goes is kept: page-hide journals the unwritten save", async () => {
  const context = await browser.newContext();
  const { page, errors } = await openNetwork(context);
  await page.click('[data-testid="network-save"]');
  await page.waitForSelector('[data-testid="network-save-status"][data-state="saved"]');
  await page.goto(app.url);
  await page.click('[data-testid="networks-open"]');
  await page.click('[data-testid="network-open-saved-1"]');
  await totalPupils(page, "280");
  await page.fill('[data-testid="network-change"]', "-10");
  await totalPupils(page, "252");
  // Reload while the write still waits for its quiet time (0.4 s after the change).
  assert.equal(await page.getAttribute('[data-testid="network-save-status"]', "data-state"), "pending");
  await page.reload();
  await page.click('[data-testid="networks-open"]');
  await page.click('[data-testid="network-open-saved-1"]');
  await totalPupils(page, "252");
  assert.equal(await page.inputValue('[data-testid="network-change"]'), "-10");
  assert.equal(Number(JSON.parse((await storedRecords(page))["network:1"]).scenario.change), -0.1);
  // Replayed into IndexedDB (or written before the page went), the journal is gone.
  assert.equal(await page.evaluate(() => localStorage.getItem("sitebudget-journal:network:1")), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a network of 120 schools by src: every school read once, the total the sum of 60 Alders and 60 Birches", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${app.url}?network=nets/big/network.json`);
  // Pupils 60 × 100 + 60 × 180 = 16,800 once every school is in.
  await totalPupils(page, 16800);
  await page.waitForSelector('.net-table[aria-busy="false"]');
  const total = await figures(page, "network-total");
  assert.equal(total.schools, String(BIG));
  // Allocation 60 × 556,000 + 60 × 730,000 = 33,360,000 + 43,800,000 = 77,160,000;
  // balance 60 × 21,000 + 60 × (−45,000) = 1,260,000 − 2,700,000 = −1,440,000.
  assert.equal(total.allocation, "77160000");
  assert.equal(total.balance, "-1440000");
  assert.equal(await page.$('[data-testid^="network-school-"][data-loading="true"]'), null, "no school is still loading");
  await context.close();
});

