// End-to-end: extreme and degenerate budgets never blank the page, and a crash shows a
// rescue panel that still offers the budget as a file.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, value, importFile, openApp as open } from "./harness.mjs";
import { useServedApp } from "./setup.mjs";
import { generateBudget } from "./generate.mjs";

const sample = JSON.parse(readFileSync(join(ROOT, "samples/sample-school.json"), "utf8"));
let server, browser;
useServedApp((s, b) => {
  server = s;
  browser = b;
});

const openApp = (path = "") => open(browser, server.url + path);

/** Imports `doc` (an object, written as JSON) under `name`: a good file is previewed
 * and then replaces the open budget; a refused one leaves its message. */
async function importJson(page, doc, name = "budget.json") {
  await importFile(page, name, "application/json", Buffer.from(JSON.stringify(doc)));
}

/** A one-source school: `amount` allocated, `lines` as given. */
function school(name, { amount = "1000", enrollment = { K: 20 }, lines = [] } = {}) {
  return {
    format: "sitebudget/1",
    school: { name, fiscal_year: "2026-27", enrollment, unduplicated_pct: "0.5", attendance_rate: "0.95" },
    sources: [
      { id: "gf", name: "General fund", restricted: false, allocation: { type: "fixed", amount } },
      { id: "pp", name: "Per pupil", restricted: false, allocation: { type: "per_pupil", rate: "100", basis: "enrollment" } },
    ],
    norms: [],
    lines,
  };
}

const item = (id, amount, source = "gf") => ({ id, kind: "item", title: id, amount, funding: [{ source, share: "1" }] });

/** No figure on the page reads NaN, Infinity or undefined, and the page is not blank. */
async function assertSane(page) {
  const text = await page.textContent("body");
  assert.ok(text.length > 200, "the page is not blank");
  assert.doesNotMatch(text, /NaN|Infinity|undefined/);
  const values = await page.$$eval("[data-value]", (els) => els.map((e) => e.dataset.value));
  for (const v of values) assert.ok(v === "" || Number.isFinite(Number(v)), `data-value ${v} is a number`);
}

/** The page still answers input: typing an enrollment change updates its readout in time. */
async function assertResponsive(page) {
  const started = Date.now();
  await page.fill('[data-testid="enrollment-change"]', "-10");
  await page.waitForFunction(() => /10/.test(document.querySelector('[data-testid="enrollment-readout"]')?.textContent));
  assert.ok(Date.now() - started < 5000, "the page answered within 5 s");
}

test("amounts of 1e20 dollars are refused with the field and the reason, budget untouched", async () => {
  const { page, errors } = await openApp();
  const before = await value(page, "total-allocation");
  await importJson(page, school("Huge School", { amount: "1e20", lines: [item("big", "100000000000000000000")] }), "huge.json");
  const error = await page.waitForSelector('[data-testid="import-error"]');
  const text = await error.textContent();
  assert.match(text, /huge\.json/);
  assert.match(text, /allocation\.amount/);
  assert.match(text, /must be at most \$1,000,000,000,000, got \$100,000,000,000,000,000,000/);
  assert.equal(await value(page, "total-allocation"), before, "the sample is still shown");
  await assertSane(page);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a budget at the largest accepted amounts computes exactly and stays responsive", async () => {
  const { page, errors } = await openApp();
  // Amounts are accepted up to 10^12 dollars each (far beyond any school), exact to the cent.
  const max = "999999999999.99";
  const big = school("Rich School", { amount: "1000000000000", lines: [item("a", max), item("b", max), item("c", max)] });
  await importJson(page, big, "rich.json");
  await page.waitForFunction(() => document.querySelector('[data-testid="school-name"]')?.textContent === "Rich School");
  // 10^12 + 100 × 20 pupils − 3 × 999,999,999,999.99 = −1,999,999,997,999.97.
  assert.equal(await value(page, "balance-total"), "-1999999997999.97");
  await assertSane(page);
  await assertResponsive(page);
  assert.deepEqual(errors, []);
  await page.close();
});

test("negative amounts are refused, naming the line and the field", async () => {
  const { page, errors } = await openApp();
  await importJson(page, school("Negative School", { lines: [item("refund", "-500")] }), "negative.json");
  const text = await (await page.waitForSelector('[data-testid="import-error"]')).textContent();
  assert.match(text, /refund/);
  assert.match(text, /amount/);
  await assertSane(page);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a deficit is shown as a negative balance with its sign, not hidden", async () => {
  const { page, errors } = await openApp();
  await importJson(page, school("Deficit School", { amount: "100", enrollment: { K: 1 }, lines: [item("bus", "5000")] }), "deficit.json");
  await page.waitForFunction(() => document.querySelector('[data-testid="school-name"]')?.textContent === "Deficit School");
  // 100 fixed + 100 × 1 pupil − 5,000 = −4,800.
  assert.equal(Number(await value(page, "balance-total")), -4800);
  assert.match(await page.textContent('[data-testid="balance-total"]'), /[−-]\$4,800\.00/);
  await assertSane(page);
  await assertResponsive(page);
  assert.deepEqual(errors, []);
  await page.close();
});

test("an empty budget (no lines) and zero enrollment show zeros, not a blank page", async () => {
  const { page, errors } = await openApp();
  await importJson(page, school("Empty School", { amount: "0", enrollment: {}, lines: [] }), "empty.json");
  await page.waitForFunction(() => document.querySelector('[data-testid="school-name"]')?.textContent === "Empty School");
  assert.equal(Number(await value(page, "total-allocation")), 0);
  assert.equal(Number(await value(page, "total-cost")), 0);
  assert.equal(Number(await value(page, "balance-total")), 0);
  assert.equal(Number(await value(page, "flexibility-index")), 0);
  assert.ok(await page.isVisible('[data-testid="enrollment-zero-note"]'));
  await assertSane(page);
  await assertResponsive(page);
  assert.deepEqual(errors, []);
  await page.close();
});

test("zero enrollment with per-pupil money and staffing norms computes to zero allocations", async () => {
  const { page, errors } = await openApp();
  const doc = structuredClone(sample);
  doc.school.name = "Closed School";
  doc.school.enrollment = Object.fromEntries(Object.keys(doc.school.enrollment).map((g) => [g, 0]));
  await importJson(page, doc, "closed.json");
  await page.waitForFunction(() => document.querySelector('[data-testid="school-name"]')?.textContent === "Closed School");
  // Only the fixed sources pay: 361,000 + 28,000 + 30,000 (no pupils: no assistant
  // principal band, Title I's rate × 0 pupils).
  assert.equal(await value(page, "total-allocation"), "419000");
  // The enrollment slider has nothing to scale, and says so.
  const note = await page.textContent('[data-testid="enrollment-zero-note"]');
  assert.match(note, /no pupils enrolled, so an enrollment change has nothing to scale/);
  await page.fill('[data-testid="enrollment-change"]', "-10");
  await page.waitForFunction(() => document.querySelector('[data-testid="enrollment-readout"]')?.textContent.startsWith("\u221210%"));
  assert.equal(await value(page, "total-allocation"), "419000");
  // Pupils set per grade still count: 24 in K gives U = round(0.86 × 24 = 20.64) = 21,
  // need 1,100 × 21 = 23,100, Title I (21 ≥ 0.85 × 24 = 20.4, < 0.90 × 24 = 21.6) 650 × 21
  // = 13,650, one TK-3 teacher 118,000 and half an assistant principal (band from 1 pupil)
  // 0.5 × 190,000 = 95,000: 419,000 + 23,100 + 13,650 + 118,000 + 95,000 = 668,750.
  await page.fill('[data-testid="enrollment-K"]', "24");
  await page.waitForFunction(() => document.querySelector('[data-testid="total-allocation"]')?.dataset.value === "668750");
  assert.ok(await page.isVisible('[data-testid="enrollment-zero-note"]'), "the baseline still has no pupils");
  await assertSane(page);
  await assertResponsive(page);
  assert.deepEqual(errors, []);
  await page.close();
});

test("10,000 lines import, compute and answer the slider", async () => {
  const { page, errors } = await openApp();
  await importJson(page, generateBudget(10000), "big.json");
  await page.waitForFunction(
    () => document.querySelector('[data-testid="school-name"]')?.textContent === "Generated School (10000 lines)",
    null,
    { timeout: 30000 },
  );
  assert.ok(Number(await value(page, "total-cost")) > 0);
  await assertSane(page);
  await assertResponsive(page);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a crash shows the rescue panel, which downloads the latest budget and offers a reload", async () => {
  const { page } = await openApp("?panic-test");
  // Change the budget first, so the panel must offer the latest document, not the sample.
  await importJson(page, school("Rescued School", { lines: [item("paper", "250.25")] }), "rescued.json");
  await page.waitForFunction(() => document.querySelector('[data-testid="school-name"]')?.textContent === "Rescued School");
  await page.$eval('[data-testid="panic-test"]', (b) => b.click()).catch(() => {});
  const panel = await page.waitForSelector('[data-testid="rescue-panel"]');
  const text = await panel.textContent();
  assert.match(text, /Something went wrong\./);
  assert.match(text, /Your work is saved in this browser/);
  assert.equal(await panel.getAttribute("role"), "alertdialog");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="rescue-download"]')]);
  assert.equal(download.suggestedFilename(), "budget.json");
  const saved = JSON.parse(readFileSync(await download.path(), "utf8"));
  assert.equal(saved.format, "sitebudget/1");
  assert.equal(saved.school.name, "Rescued School");
  assert.equal(saved.lines[0].amount, "250.25");
  const reload = await page.getAttribute('[data-testid="rescue-reload"]', "href");
  assert.ok(reload.startsWith(server.url) && !reload.includes("panic-test"), `reload goes to ${reload}`);
  await page.screenshot({ path: join(ROOT, "screenshots/rescue.png") });
  await page.close();
});

test("while the app loads the page says so, and if it cannot start it explains why", async () => {
  // Before any script runs, the page already carries a loading note: never a blank page.
  const html = await (await fetch(server.url)).text();
  assert.match(html, /id="boot"[\s\S]*Loading the budget calculator/);
  const { page } = await openApp();
  assert.equal(await page.$("#boot"), null, "the note is gone once the budget is shown");
  await page.close();

  // The app's WebAssembly file cannot be fetched (a dropped connection, a blocking proxy).
  const failed = await browser.newPage();
  await failed.route(/sitebudget-[0-9a-f]+_bg\.wasm$/, (route) => route.abort());
  await failed.goto(server.url);
  const note = await failed.waitForSelector('[data-testid="boot-failed"]');
  assert.equal(await note.getAttribute("role"), "alert");
  const text = await note.textContent();
  assert.match(text, /could not start: its files did not load/);
  assert.match(text, /Reload the page/);
  await failed.screenshot({ path: join(ROOT, "screenshots/boot-failed.png") });
  await failed.close();
});
