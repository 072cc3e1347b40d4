// End-to-end, in a real spreadsheet program: the XLSX and CSV exports of a budget with
// cents in its amounts, opened headless in LibreOffice Calc. Calc recalculates every
// formula on load (a private profile says so), and the workbook is also handed over with
// its cached results zeroed, so every total read back was computed by Calc from the cells.
// The files Calc saves import back as the same budget. No check here is ever skipped: a
// machine without `soffice` fails them, saying how to install it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { value, importFile, openApp } from "./harness.mjs";
import { useServedApp } from "./setup.mjs";
import { calc, cents, unzip, withoutCachedResults, zip } from "./spreadsheet.mjs";

let server, browser;
useServedApp((s, b) => {
  server = s;
  browser = b;
});

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// The budget: five items, one with cents and split between two sources
// (21,750.40 × 0.6 = 13,050.24 and × 0.4 = 8,700.16, both whole cents).
// 9,500 + 21,750.40 + 6,800 + 7,340 + 12,000 = 57,390.40.
const LINES = `id,kind,title,amount,funding
books,item,Library books,9500,gf
tutoring,item,"After-school tutoring, grades 3-5",21750.40,need:0.6|gf:0.4
supplies,item,Classroom supplies,6800,gf
trips,item,Field trips,7340,title1
software,item,Reading software,12000.00,title1
`;
const TOTAL_COST = 5739040n;
const ONE_LINE = "id,kind,title,amount,funding\nplaceholder,item,Placeholder,1,gf\n";

let lo;
let app;
let startedAt;
before(() => {
  startedAt = performance.now();
  lo = calc();
});
after(() => {
  if (lo) {
    const { ms, runs } = lo.spent();
    const total = performance.now() - startedAt;
    console.log(
      `# LibreOffice: ${runs} conversions took ${(ms / 1000).toFixed(1)} s; this file ${(total / 1000).toFixed(1)} s in all`,
    );
    lo.close();
  }
});

async function waitValue(page, testid, expected) {
  await page.waitForFunction(
    ([id, v]) => document.querySelector(`[data-testid="${id}"]`)?.dataset.value === v,
    [testid, expected],
  );
}

async function exportFile(page, testid) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(`[data-testid="${testid}"]`)]);
  const { readFileSync } = await import("node:fs");
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

/** The app's figures: totals and each source's balance, in cents. */
async function figures(page, sources) {
  const out = {};
  for (const id of ["total-allocation", "total-cost", "balance-total"]) out[id] = cents(await value(page, id));
  for (const s of sources) out[`balance-${s.id}`] = cents(await value(page, `balance-${s.id}`));
  return out;
}

/** Numbers in a line's JSON written one way (21750.40 and 21750.4 are one value). */
function sameValues(lines) {
  const plain = /^-?\d+(\.\d+)?$/;
  return JSON.parse(JSON.stringify(lines), (_, v) =>
    typeof v === "string" && plain.test(v) && v.includes(".") ? v.replace(/\.?0+$/, "") : v,
  );
}

/** Opens the app on the budget, reads its figures today and at −10% enrollment,
 * and exports XLSX, CSV and JSON there (once, for every test in this file). */
function prepared() {
  app ??= prepare();
  return app;
}

async function prepare() {
  const { page, errors } = await openApp(browser, server.url);
  await importFile(page, "lines.csv", "text/csv", Buffer.from(LINES));
  await waitValue(page, "total-cost", "57390.4");
  const doc = JSON.parse((await exportFile(page, "export-json")).bytes.toString("utf8"));
  const today = await figures(page, doc.sources);
  const allocation = await value(page, "total-allocation");
  await page.fill('[data-testid="enrollment-change"]', "-10");
  await page.waitForFunction(
    (a) => document.querySelector('[data-testid="total-allocation"]').dataset.value !== a,
    allocation,
  );
  const scenario = await figures(page, doc.sources);
  const xlsx = await exportFile(page, "export-xlsx");
  const csv = await exportFile(page, "export-csv");
  return { page, errors, doc, today, scenario, xlsx, csv };
}

/** The exported workbook as Calc computes it from its cells (no cached result to lean
 * on), every sheet as rows of text; converted once for the tests that read it. */
let computed;
async function recalculated() {
  const { xlsx } = await prepared();
  computed ??= lo.sheets(lo.file("stale.xlsx", withoutCachedResults(xlsx.bytes).bytes));
  return computed;
}

/** The row whose first cell is `label`. */
function row(rows, label) {
  const r = rows.find((r) => r[0] === label);
  assert.ok(r, `a row ${label}`);
  return r;
}

test("LibreOffice sums every money column of the XLSX and CSV exports to the app's totals, to the cent", async () => {
  const { today, scenario, xlsx, csv, doc } = await prepared();
  assert.equal(today["total-cost"], TOTAL_COST);

  // The workbook with no cached results: Calc's own SUMs over the number cells. Lines:
  // FTE and amount totals; Comparison: two change columns a source and the whole
  // school's six sums.
  const { formulas } = withoutCachedResults(xlsx.bytes);
  assert.equal(formulas, 2 + 2 * doc.sources.length + 8);
  const sheets = await recalculated();
  const lines = sheets["Lines"];
  const amount = lines[0].indexOf("amount");
  const total = row(lines, "Total");
  // The issue saw 35,640 here: 21,750.40 was a text cell and SUM left it out.
  assert.equal(cents(total[amount]), TOTAL_COST, `Lines: =SUM over amount gave ${total[amount]}`);

  const whole = row(sheets["Comparison"], "Whole school");
  const columns = {
    "Allocation today": today["total-allocation"],
    "Allocation in scenario": scenario["total-allocation"],
    "Charges today": today["total-cost"],
    "Charges in scenario": scenario["total-cost"],
    "Balance today": today["balance-total"],
    "Balance in scenario": scenario["balance-total"],
  };
  const header = row(sheets["Comparison"], "Source");
  for (const [name, expected] of Object.entries(columns)) {
    const got = whole[header.indexOf(name)];
    assert.equal(cents(got), expected, `Comparison, ${name}: =SUM gave ${got}`);
  }

  // The control: the same workbook with 21,750.40 as a text cell, as the issue found it,
  // sums to the issue's $35,640 in Calc: the check above would have caught it.
  const files = unzip(xlsx.bytes);
  const sheet = files["xl/worksheets/sheet1.xml"].toString("utf8");
  const asText = sheet.replace(/<c r="F3"[^>]*><v>21750\.4<\/v><\/c>/, '<c r="F3" t="inlineStr"><is><t>21750.40</t></is></c>');
  assert.notEqual(asText, sheet, "the 21,750.40 cell is a number cell at F3");
  files["xl/worksheets/sheet1.xml"] = Buffer.from(asText, "utf8");
  const broken = lo.sheets(lo.file("text-cell.xlsx", withoutCachedResults(zip(files)).bytes));
  assert.equal(cents(row(broken["Lines"], "Total")[amount]), 3564000n);

  // The CSV opened in Calc with a SUM row of our own under the amount column.
  const n = LINES.trim().split("\n").length - 1;
  const csvHeader = csv.bytes.toString("utf8").split("\n")[0].split(",");
  const letter = (i) => String.fromCharCode(65 + i);
  const sums = csvHeader.map((c, i) => (["amount", "unit_cost"].includes(c) ? `=SUM(${letter(i)}2:${letter(i)}${n + 1})` : ""));
  const probe = lo.file("probe.csv", Buffer.concat([csv.bytes, Buffer.from(sums.join(",") + "\n")]));
  const rows = lo.csvRows(probe, { evaluate: true });
  const sumRow = rows[n + 1];
  assert.equal(cents(sumRow[csvHeader.indexOf("amount")]), TOTAL_COST, `CSV: =SUM over amount gave ${sumRow}`);
  // Items only: no unit costs, and Calc's SUM over the empty column is 0.
  assert.equal(cents(sumRow[csvHeader.indexOf("unit_cost")]), 0n);
});

test("the workbook's own formulas, recalculated by LibreOffice, equal the app's figures", async () => {
  const { today, scenario, doc } = await prepared();
  const comparison = (await recalculated())["Comparison"];
  const header = row(comparison, "Source");
  const col = (name) => header.indexOf(name);
  for (const s of doc.sources) {
    const r = row(comparison, s.name);
    // Balance change = balance in scenario − balance today, as the app shows them.
    const change = scenario[`balance-${s.id}`] - today[`balance-${s.id}`];
    assert.equal(cents(r[col("Balance change")]), change, `${s.name}: balance change ${r[col("Balance change")]}`);
    assert.equal(cents(r[col("Balance in scenario")]), scenario[`balance-${s.id}`], s.name);
    const alloc = cents(r[col("Allocation in scenario")]) - cents(r[col("Allocation today")]);
    assert.equal(cents(r[col("Change")]), alloc, `${s.name}: allocation change`);
  }
  const whole = row(comparison, "Whole school");
  assert.equal(cents(whole[col("Change")]), scenario["total-allocation"] - today["total-allocation"]);
  assert.equal(cents(whole[col("Balance change")]), scenario["balance-total"] - today["balance-total"]);
  // −10% moves allocations, so the change columns are not all zero.
  assert.notEqual(scenario["total-allocation"], today["total-allocation"]);
});

test("files LibreOffice saved (the XLSX re-saved, the CSV as XLSX) import as the same budget", async () => {
  const { page, errors, doc, xlsx, csv } = await prepared();
  const files = {
    "resaved.xlsx": lo.toXlsx(lo.file(xlsx.name, xlsx.bytes)),
    "from-csv.xlsx": lo.toXlsx(lo.file(csv.name, csv.bytes)),
  };
  for (const [name, bytes] of Object.entries(files)) {
    // Move the budget away first, so each import has something to restore.
    await importFile(page, "one.csv", "text/csv", Buffer.from(ONE_LINE));
    await waitValue(page, "total-cost", "1");
    await importFile(page, name, XLSX, bytes);
    const error = await page.$('[data-testid="import-error"]');
    assert.equal(error && (await error.textContent()), null, `${name} imports`);
    await waitValue(page, "total-cost", "57390.4");
    const back = JSON.parse((await exportFile(page, "export-json")).bytes.toString("utf8"));
    assert.deepEqual(sameValues(back.lines), sameValues(doc.lines), `${name} gives the same lines`);
    assert.deepEqual(back.sources, doc.sources);
  }
  assert.deepEqual(errors, []);
});
