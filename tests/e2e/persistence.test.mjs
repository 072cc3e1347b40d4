// End-to-end: nothing is lost. Autosave and reload, several budgets, undo and redo with
// the keyboard, import preview by picker and by drag and drop, and storage that is full,
// blocked, or holds data from a newer version.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { value, importFile, openApp as open, openInOwnContext, settled, storedRecords } from "./harness.mjs";
import { useServedApp } from "./setup.mjs";

let server, browser;
useServedApp((s, b) => {
  server = s;
  browser = b;
});

/** A page in its own browser context (its own storage), with `init` run before any script. */
const openFresh = (init) =>
  openInOwnContext(browser, server.url, async (context) => {
    if (init) await context.addInitScript(init);
  });

async function setChange(page, percent) {
  await page.fill('[data-testid="enrollment-change"]', String(percent));
  await page.waitForFunction((p) =>
    document.querySelector('[data-testid="enrollment-readout"]')?.textContent.includes(`${Math.abs(p)}%`), percent);
}

/** Waits until autosave has written everything (the status says so only then). */
const saved = settled;

const tiny = {
  format: "sitebudget/1",
  school: { name: "Tiny Test School", fiscal_year: "2026-27", enrollment: { K: 10 }, unduplicated_pct: "0.5", attendance_rate: "0.95" },
  sources: [{ id: "gf", name: "General fund", restricted: false, allocation: { type: "fixed", amount: "1000.50" } }],
  norms: [],
  lines: [{ id: "paper", kind: "item", title: "Paper", amount: "250.25", funding: [{ source: "gf", share: "1" }] }],
};
const tinyFile = () => Buffer.from(JSON.stringify(tiny));

test("a scenario, a steered line and a second named scenario survive a reload", async () => {
  const { context, page, errors } = await openFresh();
  await setChange(page, -10);
  // −10%: allocation 3,104,250 (hand computation in tests/scenario_sample.rs).
  assert.equal(Number(await value(page, "total-allocation")), 3104250);
  await page.selectOption('[data-testid="priority-ta-k1"]', "protected");
  await page.click('[data-testid="scenario-new"]');
  await setChange(page, 5);
  await page.click('[data-testid="scenario-rename"]');
  await page.fill('[data-testid="scenario-name"]', "Growth");
  await page.click('[data-testid="scenario-rename-save"]');
  await saved(page);

  await page.reload();
  await page.waitForSelector('[data-testid="total-allocation"]');
  assert.equal(await page.textContent('[data-testid="scenario-tab-2"]'), "Growth");
  assert.equal(await page.getAttribute('[data-testid="scenario-tab-2"]', "aria-pressed"), "true");
  assert.equal(await page.inputValue('[data-testid="enrollment-change"]'), "5");
  await page.click('[data-testid="scenario-tab-1"]');
  assert.equal(await page.inputValue('[data-testid="enrollment-change"]'), "-10");
  assert.equal(await page.inputValue('[data-testid="priority-ta-k1"]'), "protected");
  // Protecting the vacant K-1 TA leaves the plan to cut elsewhere; the allocation is unchanged.
  assert.equal(Number(await value(page, "total-allocation")), 3104250);
  assert.deepEqual(errors, []);
  await context.close();
});

test("undo and redo by keyboard and buttons, and an import can be undone", async () => {
  const { context, page } = await openFresh();
  const base = Number(await value(page, "total-allocation"));
  await setChange(page, -10);
  await page.click("body");
  await page.keyboard.press("Control+z");
  await page.waitForFunction((b) =>
    Number(document.querySelector('[data-testid="total-allocation"]').dataset.value) === b, base);
  await page.keyboard.press("Control+Shift+z");
  await page.waitForFunction(() =>
    Number(document.querySelector('[data-testid="total-allocation"]').dataset.value) === 3104250);

  await importFile(page, "tiny.json", "application/json", tinyFile());
  assert.equal(await page.textContent('[data-testid="school-name"]'), "Tiny Test School");
  await page.click('[data-testid="undo"]');
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="school-name"]').textContent === "Jacaranda Avenue Elementary");
  // The scenario in force before the import is back too.
  assert.equal(Number(await value(page, "total-allocation")), 3104250);
  await context.close();
});

test("a good file is previewed and cancelling it changes nothing; a dropped file previews too", async () => {
  const { context, page } = await openFresh();
  await page.setInputFiles('[data-testid="import-file"]', { name: "tiny.json", mimeType: "application/json", buffer: tinyFile() });
  await page.waitForSelector('[data-testid="import-preview"]');
  assert.equal(await page.textContent('[data-testid="preview-lines"]'), "1");
  assert.match(await page.textContent('[data-testid="import-preview"]'), /Tiny Test School/);
  assert.match(await page.textContent('[data-testid="preview-balance"]'), /\$750\.25/);
  await page.click('[data-testid="import-cancel"]');
  assert.equal(await page.textContent('[data-testid="school-name"]'), "Jacaranda Avenue Elementary");

  // Drop the same file on the page, as a user dragging it from their desktop would.
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "dropped.json", { type: "application/json" }));
    const zone = document.querySelector('[data-testid="drop-zone"]');
    zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, JSON.stringify(tiny));
  await page.waitForSelector('[data-testid="import-preview"]');
  assert.match(await page.textContent('[data-testid="import-preview"]'), /dropped\.json/);
  await page.click('[data-testid="import-replace"]');
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="school-name"]').textContent === "Tiny Test School");
  await context.close();
});

test("several budgets: open as new, switch, rename, delete with confirmation, all kept over a reload", async () => {
  const { context, page } = await openFresh();
  await importFile(page, "tiny.json", "application/json", tinyFile(), "new");
  const options = () => page.$$eval('[data-testid="budget-select"] option', (os) => os.map((o) => o.textContent));
  assert.deepEqual(await options(), ["Jacaranda Avenue Elementary", "Tiny Test School"]);
  assert.equal(Number(await value(page, "total-allocation")), 1000.5);

  await page.fill('[data-testid="budget-name"]', "Tiny, draft 2");
  await page.press('[data-testid="budget-name"]', "Enter");
  await page.selectOption('[data-testid="budget-select"]', { label: "Jacaranda Avenue Elementary" });
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="school-name"]').textContent === "Jacaranda Avenue Elementary");
  await saved(page);

  await page.reload();
  await page.waitForSelector('[data-testid="total-allocation"]');
  assert.deepEqual(await options(), ["Jacaranda Avenue Elementary", "Tiny, draft 2"]);
  assert.equal(await page.textContent('[data-testid="school-name"]'), "Jacaranda Avenue Elementary");

  await page.selectOption('[data-testid="budget-select"]', { label: "Tiny, draft 2" });
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="school-name"]').textContent === "Tiny Test School");
  // Declining the confirmation keeps the budget; accepting deletes it.
  page.once("dialog", (d) => d.dismiss());
  await page.click('[data-testid="budget-delete"]');
  assert.equal((await options()).length, 2);
  page.once("dialog", (d) => d.accept());
  await page.click('[data-testid="budget-delete"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="budget-select"] option').length === 1);
  assert.equal(await page.textContent('[data-testid="school-name"]'), "Jacaranda Avenue Elementary");
  await saved(page);
  await page.reload();
  await page.waitForSelector('[data-testid="total-allocation"]');
  assert.deepEqual(await options(), ["Jacaranda Avenue Elementary"]);
  const keys = Object.keys(await storedRecords(page)).sort();
  assert.equal(keys.filter((k) => k.endsWith(".doc")).length, 1, keys.join(", "));
  await context.close();
});

test("reset to the sample asks first and can be undone", async () => {
  const { context, page } = await openFresh();
  await importFile(page, "tiny.json", "application/json", tinyFile());
  page.once("dialog", (d) => d.accept());
  await page.click('[data-testid="budget-reset"]');
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="school-name"]').textContent === "Jacaranda Avenue Elementary");
  await page.click('[data-testid="undo"]');
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="school-name"]').textContent === "Tiny Test School");
  await context.close();
});

test("full storage warns in plain words and the app keeps working in memory", async () => {
  const { context, page, errors } = await openFresh(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await page.waitForSelector('[data-testid="save-warning"]');
  assert.match(await page.textContent('[data-testid="save-warning"]'), /storage is full.*Export/);
  await setChange(page, -10);
  assert.equal(Number(await value(page, "total-allocation")), 3104250);
  assert.deepEqual(errors, []);
  await context.close();
});

test("blocked storage (private browsing) warns and the app keeps working", async () => {
  const { context, page, errors } = await openFresh(() => {
    for (const name of ["localStorage", "indexedDB"]) {
      Object.defineProperty(window, name, {
        get() { throw new DOMException("Access is denied for this document.", "SecurityError"); },
      });
    }
  });
  await page.waitForSelector('[data-testid="save-warning"]');
  assert.match(await page.textContent('[data-testid="save-warning"]'), /does not let SiteBudget save/);
  await setChange(page, -10);
  assert.equal(Number(await value(page, "total-allocation")), 3104250);
  assert.deepEqual(errors, []);
  await context.close();
});

test("budgets saved by a newer version are left untouched", async () => {
  const newer = JSON.stringify({ version: 99, open: 1, next_id: 2, budgets: [{ id: 1, label: "Future" }] });
  const { context, page } = await openFresh(`localStorage.setItem("sitebudget.index", ${JSON.stringify(newer)})`);
  await page.waitForSelector('[data-testid="save-warning"]');
  assert.match(await page.textContent('[data-testid="save-warning"]'), /newer SiteBudget.*left untouched/);
  await setChange(page, -10);
  // Held: the status stays on its warning and the record, moved from local storage, is untouched.
  await page.waitForSelector('[data-testid="save-warning"][data-state="held"]');
  assert.equal((await storedRecords(page))["sitebudget.index"], newer);
  await context.close();
});

test("a change made just before a reload is kept: page-hide journals the unwritten save", async () => {
  const { context, page } = await openFresh();
  await setChange(page, -10);
  // Reload while the change is still pending (the quiet time before a save has not run).
  assert.equal(await page.getAttribute('[data-testid="save-status"]', "data-state"), "pending");
  await page.reload();
  await page.waitForSelector('[data-testid="total-allocation"]');
  assert.equal(await page.inputValue('[data-testid="enrollment-change"]'), "-10");
  // Replayed into IndexedDB, the journal is gone.
  await settled(page);
  assert.equal(await page.evaluate(() => localStorage.getItem("sitebudget-journal")), null);
  await context.close();
});

test("the app shows how much room the saved data uses and how much is left", async () => {
  const { context, page } = await openFresh();
  await page.waitForSelector('[data-testid="store-room"]');
  assert.match(
    await page.textContent('[data-testid="store-room"]'),
    /^Saved data: \d+\.\d (MB|GB) used, \d+\.\d (MB|GB) left$/,
  );
  await context.close();
});
