// End-to-end: a spreadsheet user's CSV (SPEC "Lines as CSV"), read by the file worker.
// A file with one bad row is previewed with that row and its reason beside the good rows'
// figures, and only "Import the N good rows" brings the rest in; the hand-made file of
// issue #13 imports first time; the templates (CSV and XLSX) read back to the sample.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, value, importFile, openApp as open } from "./harness.mjs";
import { useServedApp } from "./setup.mjs";

let server, browser;
useServedApp((s, b) => {
  server = s;
  browser = b;
});

const openApp = (viewport) => open(browser, server.url, viewport);
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function waitCost(page, expected) {
  await page.waitForFunction(
    (v) => Number(document.querySelector('[data-testid="total-cost"]')?.dataset.value) === v,
    expected,
  );
}

async function download(page, testid) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(`[data-testid="${testid}"]`)]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

const WITH_ONE_BAD_ROW = [
  "Position,Salary,FTE,Funding source",
  'Classroom teacher,"$118,000",3,General fund (school allocation)',
  'Librarian,"$70,000",1,Library fund',
  'Counselor,"$104,000",0.5,need',
  "",
].join("\n");

test("a CSV with one bad row is previewed with its reason, and only its good rows are imported when asked", async () => {
  const { page, errors } = await openApp();
  const cost = await value(page, "total-cost");
  await page.setInputFiles('[data-testid="import-file"]', {
    name: "staff.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(WITH_ONE_BAD_ROW),
  });
  await page.waitForSelector('[data-testid="preview-bad"]');
  const bad = await page.textContent('[data-testid="bad-row-3"]');
  assert.match(bad, /Row 3 \(Librarian\)/);
  assert.match(bad, /column `funding`: source `Library fund` does not exist; the sources are: `gf` General fund \(school allocation\);.*`title1` Title I/);
  assert.equal(await page.textContent('[data-testid="preview-lines"]'), "2");
  // No plain replace: the only ways in name the good rows.
  assert.equal(await page.$('[data-testid="import-replace"]'), null);
  assert.equal((await page.textContent('[data-testid="import-good-rows"]')).trim(), "Import the 2 good rows");
  // Nothing changed yet.
  assert.equal(await value(page, "total-cost"), cost);
  await page.click('[data-testid="import-good-rows"]');
  await page.waitForSelector('[data-testid="import-preview"]', { state: "detached" });
  // 3 × 118,000 + 0.5 × 104,000 = 354,000 + 52,000 = 406,000
  await waitCost(page, 406000);
  assert.match(await page.textContent(".import-status"), /Imported staff\.csv \(good rows only; 1 row left out\)/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a file of only bad rows is refused as before, every row's reason listed", async () => {
  const { page } = await openApp();
  const cost = await value(page, "total-cost");
  await importFile(page, "bad.csv", "text/csv", Buffer.from("Position,Salary,Funding source\nA,lots,gf\nB,5,nowhere\n"));
  const text = await page.textContent('[data-testid="import-error"]');
  assert.match(text, /bad\.csv was not imported; your budget is unchanged/);
  assert.match(text, /row 2, column `unit_cost`: must be a number, got `lots`/);
  assert.match(text, /row 3, column `funding`: source `nowhere` does not exist/);
  assert.equal(await value(page, "total-cost"), cost);
  await page.close();
});

test("the spreadsheet user's hand-made file imports first time", async () => {
  const { page, errors } = await openApp();
  const buffer = readFileSync(join(ROOT, "tests/fixtures/spreadsheet-staff.csv"));
  await page.setInputFiles('[data-testid="import-file"]', { name: "staff.csv", mimeType: "text/csv", buffer });
  await page.waitForSelector('[data-testid="import-replace"]');
  assert.equal(await page.$('[data-testid="preview-bad"]'), null);
  await page.click('[data-testid="import-replace"]');
  // 3 × 118,000 + 96,500 + 0.5 × 104,000 + 0.4 × 38,250.50 + 118,000 = 635,800.20
  await waitCost(page, 635800.2);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the CSV and XLSX templates read back to the sample's lines", async () => {
  const { page, errors } = await openApp();
  const sample = (await download(page, "export-json")).bytes.toString("utf8");
  const cost = Number(await value(page, "total-cost"));
  const csv = await download(page, "template-csv");
  assert.equal(csv.name, "sitebudget-lines-template.csv");
  assert.match(csv.bytes.toString("utf8"), /^id,kind,title,fte,unit_cost,amount,funding,/);
  const xlsx = await download(page, "template-xlsx");
  assert.equal(xlsx.name, "sitebudget-lines-template.xlsx");
  assert.equal(xlsx.bytes.subarray(0, 4).toString("latin1"), "PK\x03\x04");
  for (const [file, mime] of [[csv, "text/csv"], [xlsx, XLSX]]) {
    // Move the budget away first (one fewer line), so each template has something to restore.
    await importFile(page, "fewer.csv", "text/csv", Buffer.from("title,amount,funding\nPaper,5,gf\n"));
    await waitCost(page, 5);
    await importFile(page, file.name, mime, file.bytes);
    await waitCost(page, cost);
    const again = (await download(page, "export-json")).bytes.toString("utf8");
    assert.equal(again, sample, `${file.name} gives the sample's lines back`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});
