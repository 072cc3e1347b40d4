// End-to-end fault injection on saved data: each fault a real machine produces, and for
// each, that nothing is lost and the page says plainly what happened. Records are seeded
// in local storage as an earlier SiteBudget left them (so the move to IndexedDB runs too)
// or written into IndexedDB directly.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { ROOT, openInOwnContext, settled, storedRecords } from "./harness.mjs";
import { useServedApp } from "./setup.mjs";

let server, browser;
useServedApp((s, b) => {
  server = s;
  browser = b;
});

const tiny = (name) => JSON.stringify({
  format: "sitebudget/1",
  school: { name, fiscal_year: "2026-27", enrollment: { K: 10 }, unduplicated_pct: "0.5", attendance_rate: "0.95" },
  sources: [{ id: "gf", name: "General fund", restricted: false, allocation: { type: "fixed", amount: "1000.50" } }],
  norms: [],
  lines: [{ id: "paper", kind: "item", title: "Paper", amount: "250.25", funding: [{ source: "gf", share: "1" }] }],
});
const index = (budgets, open = budgets[0]?.id ?? 1) =>
  JSON.stringify({ version: 1, open, next_id: 10, budgets });
const twoBudgets = () => ({
  "sitebudget.index": index([{ id: 1, label: "Tiny one" }, { id: 2, label: "My school 2027" }]),
  "sitebudget.budget.1.doc": tiny("Tiny One School"),
  "sitebudget.budget.2.doc": tiny("My School"),
});

/** A fresh context whose local storage holds `records` (once) before the app starts. */
const openSeeded = (records, init) =>
  openInOwnContext(browser, server.url, async (context) => {
    await context.addInitScript((records) => {
      if (sessionStorage.getItem("seeded")) return;
      sessionStorage.setItem("seeded", "1");
      for (const [k, v] of Object.entries(records)) localStorage.setItem(k, v);
    }, records);
    if (init) await context.addInitScript(init);
  });

const options = (page) =>
  page.$$eval('[data-testid="budget-select"] option', (os) => os.map((o) => o.textContent));
const banners = (page) =>
  page.$$eval('[data-testid="damaged-banner"]', (bs) => bs.map((b) => b.querySelector("p").textContent));
const shot = (page, name) => page.screenshot({ path: join(ROOT, "screenshots", `${name}.png`) });

test("local records move to IndexedDB once and are removed from local storage only after", async () => {
  const { context, page, errors } = await openSeeded(twoBudgets());
  assert.deepEqual(await options(page), ["Tiny one", "My school 2027"]);
  const stored = await storedRecords(page);
  assert.equal(stored["sitebudget.budget.2.doc"], tiny("My School"));
  assert.equal(stored["sitebudget.moved"], "local storage");
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
  await page.reload();
  await page.waitForSelector('[data-testid="total-allocation"]');
  assert.deepEqual(await options(page), ["Tiny one", "My school 2027"]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a truncated document stays listed, named in a banner, downloadable, removed only after confirming", async () => {
  const records = twoBudgets();
  const cut = records["sitebudget.budget.2.doc"].slice(0, 60);
  records["sitebudget.budget.2.doc"] = cut;
  const { context, page, errors } = await openSeeded(records);
  assert.deepEqual(await options(page), ["Tiny one", "My school 2027 (cannot be read)"]);
  const [text] = await banners(page);
  assert.match(text, /“My school 2027” could not be read: its document cannot be read/);
  await shot(page, "fault-truncated-document");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="damaged-download"]')]);
  const chunks = [];
  for await (const c of await download.createReadStream()) chunks.push(c);
  assert.equal(Buffer.concat(chunks).toString(), cut);
  // Work goes on and is saved; the damaged record stays as it was.
  await page.fill('[data-testid="enrollment-change"]', "-10");
  await settled(page);
  assert.equal((await storedRecords(page))["sitebudget.budget.2.doc"], cut);
  page.once("dialog", (d) => d.dismiss());
  await page.click('[data-testid="damaged-remove"]');
  assert.equal((await banners(page)).length, 1);
  page.once("dialog", (d) => d.accept());
  await page.click('[data-testid="damaged-remove"]');
  await page.waitForSelector('[data-testid="damaged-banner"]', { state: "detached" });
  await page.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.dataset.state === "saved");
  const after = await storedRecords(page);
  assert.equal(after["sitebudget.budget.2.doc"], undefined);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [kind, key, text, why] of [
  ["a scenarios record that is not JSON", "sitebudget.budget.2.work", "not json at all", /its scenarios cannot be read: the saved data is damaged: not JSON/],
  ["a document that is not JSON", "sitebudget.budget.2.doc", "<html>", /its document cannot be read/],
  ["a scenarios record from a newer version", "sitebudget.budget.2.work", JSON.stringify({ version: 9, scenarios: [] }), /newer SiteBudget/],
]) {
  test(`${kind} marks its budget and is kept untouched`, async () => {
    const records = { ...twoBudgets(), [key]: text };
    const { context, page } = await openSeeded(records);
    const [banner] = await banners(page);
    assert.match(banner, /“My school 2027” could not be read/);
    assert.match(banner, why);
    await page.fill('[data-testid="enrollment-change"]', "-5");
    await settled(page);
    assert.equal((await storedRecords(page))[key], text);
    await context.close();
  });
}

test("a missing index: the budgets are found and a new list saved", async () => {
  const records = twoBudgets();
  delete records["sitebudget.index"];
  const { context, page } = await openSeeded(records);
  assert.deepEqual(await options(page), ["Tiny One School", "My School"]);
  assert.match((await banners(page))[0], /“The list of budgets” could not be read: it was missing/);
  await shot(page, "fault-index-missing");
  await settled(page);
  assert.match((await storedRecords(page))["sitebudget.index"], /My School/);
  await context.close();
});

test("a damaged index is copied aside, and the budgets are found without it", async () => {
  const records = { ...twoBudgets(), "sitebudget.index": '{"version":1,"open":' };
  const { context, page } = await openSeeded(records);
  assert.deepEqual(await options(page), ["Tiny One School", "My School"]);
  assert.match((await banners(page))[0], /could not be read: the saved data is damaged: not JSON/);
  await settled(page);
  assert.equal((await storedRecords(page))["sitebudget.index.damaged"], '{"version":1,"open":');
  await context.close();
});

test("an index naming a missing budget keeps it listed and says so", async () => {
  const records = twoBudgets();
  delete records["sitebudget.budget.2.doc"];
  const { context, page } = await openSeeded(records);
  assert.deepEqual(await options(page), ["Tiny one", "My school 2027 (cannot be read)"]);
  assert.match((await banners(page))[0], /“My school 2027” could not be read: its document is missing/);
  await context.close();
});

test("storage full in the middle of a save leaves the previous set and says so", async () => {
  const { context, page } = await openSeeded(twoBudgets());
  const before = await storedRecords(page);
  // The second write of the next save is refused, as a disk filling up would.
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    let n = 0;
    IDBObjectStore.prototype.put = function (...a) {
      if (++n === 2) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return put.apply(this, a);
    };
  });
  await page.click('[data-testid="budget-new"]');
  await page.waitForSelector('[data-testid="save-warning"][data-state="failing"]');
  assert.match(await page.textContent('[data-testid="save-warning"]'), /storage is full/);
  await shot(page, "fault-storage-full");
  // Nothing of the refused save was kept: the stored set is the previous one.
  assert.deepEqual(await storedRecords(page), before);
  await context.close();
});

test("two tabs: a rename in one and a budget added in the other are both kept", async () => {
  const { context, page: one } = await openSeeded(twoBudgets());
  const two = await context.newPage();
  await two.goto(server.url);
  await two.waitForSelector('[data-testid="total-allocation"]');
  await one.fill('[data-testid="budget-name"]', "Renamed in tab 1");
  await one.press('[data-testid="budget-name"]', "Enter");
  await settled(one);
  await two.click('[data-testid="budget-new"]');
  await two.fill('[data-testid="budget-name"]', "Made in tab 2");
  await two.press('[data-testid="budget-name"]', "Enter");
  await two.waitForFunction(() => [...document.querySelectorAll('[data-testid="budget-select"] option')]
    .some((o) => o.textContent === "Renamed in tab 1"));
  await settled(two);
  const three = await context.newPage();
  await three.goto(server.url);
  await three.waitForSelector('[data-testid="total-allocation"]');
  const list = await options(three);
  assert.ok(list.includes("Renamed in tab 1") && list.includes("Made in tab 2"), list.join(" | "));
  // Tab 1 hears of tab 2's budget too.
  await one.waitForFunction(() => [...document.querySelectorAll('[data-testid="budget-select"] option')]
    .some((o) => o.textContent === "Made in tab 2"));
  await context.close();
});

test("two tabs editing one budget: the later one is told and offered the newer version", async () => {
  const { context, page: one } = await openSeeded(twoBudgets());
  const two = await context.newPage();
  // Tab 1 announces nothing, as if the message were lost: tab 2 finds out when it saves.
  await one.evaluate(() => { BroadcastChannel.prototype.postMessage = () => {}; });
  await two.goto(server.url);
  await two.waitForSelector('[data-testid="total-allocation"]');
  await one.fill('[data-testid="enrollment-change"]', "-10");
  await settled(one);
  await two.fill('[data-testid="enrollment-change"]', "5");
  await two.waitForSelector('[data-testid="conflict-banner"]');
  assert.match(await two.textContent('[data-testid="conflict-banner"]'), /This budget changed in another tab/);
  // The status never says "Saved" while this tab's change waits.
  await two.waitForSelector('[data-testid="save-warning"][data-state="failing"]');
  assert.match(await two.textContent('[data-testid="save-warning"]'), /not saved until you choose/);
  await shot(two, "fault-two-tabs-conflict");
  await two.click('[data-testid="conflict-theirs"]');
  await two.waitForFunction(() => document.querySelector('[data-testid="enrollment-change"]').value === "-10");
  await settled(two);
  await context.close();
});

test("storage blocked: a warning, and the app works in memory", async () => {
  const { context, page } = await openSeeded({}, () => {
    for (const name of ["localStorage", "indexedDB"]) {
      Object.defineProperty(window, name, {
        get() { throw new DOMException("Access is denied for this document.", "SecurityError"); },
      });
    }
  }).catch(async (e) => { throw e; });
  await page.waitForSelector('[data-testid="save-warning"][data-state="failing"]');
  assert.match(await page.textContent('[data-testid="save-warning"]'), /does not let SiteBudget save/);
  await shot(page, "fault-storage-blocked");
  await context.close();
});
