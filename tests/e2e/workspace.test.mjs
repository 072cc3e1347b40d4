// End-to-end: the scenario workspace on the sample school, against figures worked out by
// hand in tests/scenario_sample.rs (−10%: 403 pupils, 347 unduplicated, two fewer TK-3
// teachers, the vacant K-1 TA and half the intervention TA cut).
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { ROOT, value, importFile, openApp as open } from "./harness.mjs";
import { useServedApp } from "./setup.mjs";
import { generateBudget } from "./generate.mjs";

let server, browser;
useServedApp((s, b) => {
  server = s;
  browser = b;
});

const openApp = (viewport) => open(browser, server.url, viewport);

async function setEnrollmentChange(page, percent) {
  await page.fill('[data-testid="enrollment-change"]', String(percent));
  await page.waitForFunction((p) => {
    const el = document.querySelector('[data-testid="enrollment-readout"]');
    return el && el.textContent.includes(`${Math.abs(p)}%`);
  }, percent);
}

test("−10% enrollment: balances, cut list and flexibility match the hand computation", async () => {
  const { page, errors } = await openApp();
  await setEnrollmentChange(page, -10);
  assert.match(await page.textContent('[data-testid="enrollment-readout"]'), /10% · 403 students/);
  assert.equal(Number(await value(page, "total-allocation")), 3104250);
  assert.equal(Number(await value(page, "total-cost")), 3150800);
  assert.equal(Number(await value(page, "balance-total")), -46550);
  assert.equal(Number(await value(page, "balance-need")), -38200);
  assert.equal(Number(await value(page, "balance-title1")), -16050);
  assert.equal(Number(await value(page, "balance-gf")), 3800);

  const cuts = await page.$$eval('[data-testid^="cut-"]:not([data-testid^="cut-plan"]):not([data-testid^="cut-rank"])', (els) =>
    els.map((e) => [e.dataset.testid, e.dataset.from, e.dataset.to]));
  assert.deepEqual(cuts, [
    ["cut-teach-tk3", "14", "12"],
    ["cut-ta-k1", "1", "0"],
    ["cut-ta-intervention", "1", "0.5"],
  ]);
  const words = await page.textContent('[data-testid="cut-teach-tk3"]');
  assert.match(words, /14 → 12, TK-3 enrollment fell to 286/);
  assert.match(await page.textContent('[data-testid="cut-ta-k1"]'), /frees \$42,000/);
  assert.equal(await page.$('[data-testid^="deficit-"]'), null, "no deficit remains");
  // 208,750 flexible ÷ 3,104,250 allocated.
  assert.ok(Math.abs(Number(await value(page, "flexibility-index")) - 208750 / 3104250) < 1e-12);
  assert.deepEqual(errors, []);
  await page.screenshot({ path: join(ROOT, "screenshots/workspace-desktop.png"), fullPage: true });
  await page.close();
});

test("the slider and the number input move together and read out the change", async () => {
  const { page } = await openApp();
  await page.$eval('[data-testid="enrollment-slider"]', (el) => {
    el.value = "-8";
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await page.waitForFunction(() => document.querySelector('[data-testid="enrollment-change"]').value === "-8");
  const readout = await page.textContent('[data-testid="enrollment-readout"]');
  assert.match(readout, /^−8% · \d{3} students$/);
  await page.close();
});

test("a per-grade count changes the scenario at once", async () => {
  const { page } = await openApp();
  const before = Number(await value(page, "total-allocation"));
  // 24 fewer TK pupils: 318 → 294 TK-3 pupils, ceil(294 / 24) = 13 teachers (one fewer).
  await page.fill('[data-testid="enrollment-TK"]', "16");
  await page.waitForSelector('[data-testid="cut-teach-tk3"]');
  assert.equal(await page.getAttribute('[data-testid="cut-teach-tk3"]', "data-to"), "13");
  assert.ok(Number(await value(page, "total-allocation")) < before);
  await page.close();
});

test("steering: protecting the vacant TA moves the cut to the next line", async () => {
  const { page } = await openApp();
  await setEnrollmentChange(page, -10);
  await page.selectOption('[data-testid="priority-ta-k1"]', "protected");
  await page.waitForFunction(() => !document.querySelector('[data-testid="cut-ta-k1"]'));
  // need is still −38,200: next come flexible lines by cut rank: field trips (rank 1) is cut
  // by all of its 14,000, then the reading TA (rank 2): 10,500 of need per 0.5 step.
  assert.ok(await page.$('[data-testid="cut-field-trips"]'));
  await page.close();
});

test("a large budget lists the cut lines first and the rest on request", async () => {
  const { page } = await openApp();
  await importFile(page, "big.json", "application/json", Buffer.from(JSON.stringify(generateBudget(300))));
  await page.waitForFunction(() => document.querySelectorAll('[data-testid^="line-"]').length === 300);
  await setEnrollmentChange(page, -20);
  const steer = () => page.$$eval('[data-testid^="priority-"]', (els) => els.map((e) => e.dataset.testid.slice(9)));
  const cut = await page.$$eval('[data-testid^="cut-"]:not([data-testid^="cut-plan"]):not([data-testid^="cut-rank"])',
    (els) => els.map((e) => e.dataset.testid.slice(4)));
  const first = await steer();
  assert.equal(first.length, 25);
  // Cut lines (norm-linked ones excepted: they are not steerable) lead the list.
  const steerableCuts = cut.filter((id) => !id.startsWith("teach-"));
  const leading = first.slice(0, Math.min(25, steerableCuts.length));
  assert.ok(steerableCuts.length > 0);
  assert.ok(leading.every((id) => steerableCuts.includes(id)), `${leading} are all cut lines`);
  await page.click('[data-testid="steer-show-all"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid^="priority-"]').length > 25);
  await page.close();
});

test("named scenarios: create, rename, duplicate, switch and delete", async () => {
  const { page } = await openApp();
  await setEnrollmentChange(page, -10);
  await page.click('[data-testid="scenario-duplicate"]');
  await page.waitForSelector('[data-testid="scenario-tab-2"]');
  assert.equal(await page.getAttribute('[data-testid="scenario-tab-2"]', "aria-pressed"), "true");
  assert.equal(await page.inputValue('[data-testid="enrollment-change"]'), "-10");
  await page.click('[data-testid="scenario-rename"]');
  await page.fill('[data-testid="scenario-name"]', "Worst case");
  await page.click('[data-testid="scenario-rename-save"]');
  assert.equal(await page.textContent('[data-testid="scenario-tab-2"]'), "Worst case");
  await page.click('[data-testid="scenario-new"]');
  await page.waitForSelector('[data-testid="scenario-tab-3"]');
  assert.equal(await page.inputValue('[data-testid="enrollment-change"]'), "0");
  assert.equal(Number(await value(page, "total-allocation")), 3406750);
  await page.click('[data-testid="scenario-tab-2"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="enrollment-change"]').value === "-10");
  assert.equal(Number(await value(page, "total-allocation")), 3104250);
  // Compare "Worst case" (−10%) with the unchanged scenario 3: 46,550 short vs 19,950 left.
  await page.selectOption('[data-testid="scenario-compare"]', "3");
  const compare = await page.waitForSelector('[data-testid="compare-scenarios"]');
  const text = await compare.textContent();
  assert.match(text, /Worst case compared with Scenario 3/);
  assert.match(text, /−\$46,550\.00/);
  assert.match(text, /\$19,950\.00/);
  assert.match(text, /\+\$66,500\.00/);
  page.once("dialog", (d) => d.accept());
  await page.click('[data-testid="scenario-delete"]');
  await page.waitForFunction(() => !document.querySelector('[data-testid="scenario-tab-2"]'));
  await page.close();
});

test("projection and flexibility panels show their figures", async () => {
  const { page } = await openApp();
  await setEnrollmentChange(page, -10);
  const years = await page.$$('[data-testid^="year-"]');
  assert.equal(years.length, 3);
  await page.selectOption('[data-testid="projection-years"]', "5");
  await page.waitForFunction(() => document.querySelectorAll('[data-testid^="year-"]').length === 5);
  assert.match(await page.textContent('[data-testid="compliance"]'), /family-engagement/);
  // Side by side: the school's balance goes from 19,950 to −46,550 before cuts, and the
  // waterfall's steps (need −41,800, Title I −24,700, norms −236,000, costs +236,000) add up.
  const side = await page.textContent('[data-testid="comparison-panel"] tfoot');
  assert.match(side, /\$19,950\.00/);
  assert.match(side, /−\$46,550\.00/);
  const steps = await page.$$eval('[data-testid="chart-waterfall"] td[data-value]', (els) => els.map((e) => e.dataset.value));
  assert.deepEqual(steps.map(Number), [19950, -21850, -46550, -282550, -46550, -46550]);
  await page.close();
});

test("phone and print layouts", async () => {
  const { page } = await openApp({ width: 390, height: 844 });
  await setEnrollmentChange(page, -10);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
  await page.screenshot({ path: join(ROOT, "screenshots/workspace-phone.png"), fullPage: true });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: join(ROOT, "screenshots/projector-1024.png") });
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.isVisible('[data-testid="import-file"]'), false);
  await page.screenshot({ path: join(ROOT, "screenshots/print.png"), fullPage: true });
  await page.close();
});
