// End-to-end: XLSX import (good and bad), export then import for JSON, CSV and XLSX, and
// the share link opened in a fresh page. Fixtures in tests/fixtures/ are workbooks the app's
// own writer made from the sample: lines-good.xlsx has "Substitute teachers" at $29,000.50
// instead of $28,000; lines-bad.xlsx has sheet row 19 funded by a source `nowhere`.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, serve, value, importFile as pickFile, openApp as open } from "./harness.mjs";
import { useServedApp } from "./setup.mjs";

let server, browser;
useServedApp((s, b) => {
  server = s;
  browser = b;
});

const openApp = (viewport) => open(browser, server.url, viewport);
const fixture = (name) => readFileSync(join(ROOT, "tests/fixtures", name));
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Picks a file; a good one is previewed, then replaces the open budget. */
const importFile = (page, name, buffer, mimeType) => pickFile(page, name, mimeType, buffer);

async function waitValue(page, testid, expected) {
  await page.waitForFunction(
    ([id, v]) => document.querySelector(`[data-testid="${id}"]`)?.dataset.value === v,
    [testid, expected],
  );
}

/** Clicks an export button and returns the downloaded file's name and bytes. */
async function exportFile(page, testid) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(`[data-testid="${testid}"]`)]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

test("a good XLSX workbook replaces the lines and the figures follow", async () => {
  const { page, errors } = await openApp();
  const cost = Number(await value(page, "total-cost"));
  await importFile(page, "lines-good.xlsx", fixture("lines-good.xlsx"), XLSX);
  // Substitutes went from 28,000 to 29,000.50.
  await waitValue(page, "total-cost", String(cost + 1000.5));
  assert.match(await page.textContent(".import-status"), /Imported lines-good\.xlsx/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a bad XLSX workbook shows its bad row with row and column, and the budget stays", async () => {
  // SPEC "Lines as CSV" (an XLSX sheet is read like the CSV): lines-bad.xlsx's 32 good rows
  // are previewed beside its bad row 19, which is reported with its column and reason;
  // nothing is imported unless the user asks for the good rows by name, so cancelling
  // leaves the budget as it was. (A file of only bad rows is still refused whole: see
  // csv.test.mjs.)
  const { page } = await openApp();
  const cost = await value(page, "total-cost");
  await page.setInputFiles('[data-testid="import-file"]', { name: "lines-bad.xlsx", mimeType: XLSX, buffer: fixture("lines-bad.xlsx") });
  const row = await page.waitForSelector('[data-testid="bad-row-19"]');
  assert.match(await row.textContent(), /Row 19.*column `funding`: .*nowhere/);
  assert.match(await page.textContent('[data-testid="import-preview"]'), /lines-bad\.xlsx: 32 good rows can be imported; 1 row cannot/);
  assert.equal(await page.$('[data-testid="import-replace"]'), null);
  await page.click('[data-testid="import-cancel"]');
  await page.waitForSelector('[data-testid="import-preview"]', { state: "detached" });
  assert.equal(await value(page, "total-cost"), cost);
  await page.close();
});

test("export then import gives the same document, for JSON, CSV and XLSX", async () => {
  const { page, errors } = await openApp();
  const original = await exportFile(page, "export-json");
  assert.equal(original.name, "jacaranda-avenue-elementary.json");
  const json = original.bytes.toString("utf8");
  assert.equal(JSON.parse(json).format, "sitebudget/1");
  const csv = await exportFile(page, "export-csv");
  assert.equal(csv.name, "jacaranda-avenue-elementary-lines.csv");
  const xlsx = await exportFile(page, "export-xlsx");
  assert.equal(xlsx.name, "jacaranda-avenue-elementary.xlsx");
  assert.equal(xlsx.bytes.subarray(0, 4).toString("latin1"), "PK\x03\x04");

  const cost = await value(page, "total-cost");
  for (const [file, mime] of [[original, "application/json"], [csv, "text/csv"], [xlsx, XLSX]]) {
    // Move the budget away first, so each import has something to restore.
    await importFile(page, "lines-good.xlsx", fixture("lines-good.xlsx"), XLSX);
    await page.waitForFunction((c) => document.querySelector('[data-testid="total-cost"]').dataset.value !== c, cost);
    await importFile(page, file.name, file.bytes, mime);
    await waitValue(page, "total-cost", cost);
    const again = await exportFile(page, "export-json");
    assert.equal(again.bytes.toString("utf8"), json, `${file.name} gives the same document`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test("a share link opens in a fresh page as the same budget and scenario", async () => {
  const { page } = await openApp();
  await page.fill('[data-testid="enrollment-change"]', "-10");
  await waitValue(page, "balance-total", "-46550");
  await page.click('[data-testid="share-button"]');
  const field = await page.waitForSelector('[data-testid="share-url"]');
  const link = await field.inputValue();
  assert.ok(link.startsWith(server.url + "#share=1."), link.slice(0, 60));
  assert.ok(link.length < 4000, `link is ${link.length} characters`);
  assert.match(await page.textContent('[data-testid="share-result"]'), new RegExp(`\\(${link.length} characters\\)`));
  const figures = {};
  for (const id of ["total-allocation", "total-cost", "balance-total", "balance-need", "flexibility-index"]) {
    figures[id] = await value(page, id);
  }

  const fresh = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await fresh.goto(link);
  const banner = await fresh.waitForSelector('[data-testid="share-open"]');
  const words = await fresh.textContent('[data-testid="share-banner"]');
  assert.match(words, /This link carries a budget: Jacaranda Avenue Elementary, scenario “Scenario 1”\./);
  // Nothing was replaced yet: the page still shows today's budget.
  assert.notEqual(await value(fresh, "balance-total"), figures["balance-total"]);
  await banner.click();
  // The sample is already in this browser: the copy asks, and opens beside it.
  assert.match(await fresh.textContent('[data-testid="shared-offer"]'), /“Jacaranda Avenue Elementary” is already in this browser/);
  await fresh.click('[data-testid="shared-keep-both"]');
  await waitValue(fresh, "balance-total", figures["balance-total"]);
  for (const [id, v] of Object.entries(figures)) assert.equal(await value(fresh, id), v, id);
  assert.equal(await fresh.inputValue('[data-testid="enrollment-change"]'), "-10");
  assert.equal(await fresh.evaluate(() => location.hash), "", "the fragment is removed");
  assert.equal(await fresh.$('[data-testid="share-banner"]'), null);
  await fresh.close();
  await page.close();
});

test("a damaged share link says so in plain words and changes nothing", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.url + "#share=1.AAAAbroken");
  await page.waitForSelector('[data-testid="total-allocation"]');
  const error = await page.waitForSelector('[data-testid="share-error"]');
  assert.match(await error.textContent(), /damaged or was cut short.*Nothing was changed\./);
  const before = await value(page, "total-allocation");
  await page.click('[data-testid="share-dismiss"]');
  assert.equal(await page.$('[data-testid="share-banner"]'), null);
  assert.equal(await value(page, "total-allocation"), before);
  assert.equal(await page.evaluate(() => location.hash), "");
  await page.close();
});

test("the worker runs under a strict content security policy (no eval, only wasm-unsafe-eval)", async () => {
  const { createHash } = await import("node:crypto");
  const html = readFileSync(join(ROOT, "dist/index.html"), "utf8");
  // Trunk's one inline module script (the loader) is allowed by its hash, nothing else inline.
  const inline = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash("sha256").update(m[1]).digest("base64")}'`,
  );
  const csp = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${inline.join(" ")}; worker-src 'self'; style-src 'self'`;
  const strict = await serve(join(ROOT, "dist"), { "content-security-policy": csp });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const violations = [];
    page.on("console", (m) => /Content Security Policy|Refused to/.test(m.text()) && violations.push(m.text()));
    await page.goto(strict.url);
    await page.waitForSelector('[data-testid="total-allocation"]');
    const xlsx = await exportFile(page, "export-xlsx");
    assert.equal(xlsx.bytes.subarray(0, 2).toString("latin1"), "PK");
    assert.deepEqual(violations, []);
    await page.close();
  } finally {
    await strict.close();
  }
});
