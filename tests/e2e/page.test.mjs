// End-to-end: the built dist/ served on localhost shows the sample school and imports files.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, value, importFile, openApp as open } from "./harness.mjs";
import { useServedApp } from "./setup.mjs";

const sample = JSON.parse(readFileSync(join(ROOT, "samples/sample-school.json"), "utf8"));
let server, browser;
useServedApp((s, b) => {
  server = s;
  browser = b;
});

const openApp = (viewport) => open(browser, server.url, viewport);

test("first visit shows the sample school with its budget lines and totals", async () => {
  const { page, outside, errors } = await openApp();
  assert.equal(await page.textContent('[data-testid="school-name"]'), sample.school.name);
  const rows = await page.$$('[data-testid^="line-"]');
  assert.equal(rows.length, sample.lines.length);
  for (const source of sample.sources) {
    assert.ok(await page.$(`[data-testid="balance-${source.id}"]`), `balance-${source.id} shown`);
  }
  const alloc = Number(await value(page, "total-allocation"));
  const cost = Number(await value(page, "total-cost"));
  const balance = Number(await value(page, "balance-total"));
  assert.ok(alloc > 0 && cost > 0);
  assert.equal(Math.round((alloc - cost) * 100), Math.round(balance * 100));
  // The displayed text is dollars with thousands separators.
  assert.match(await page.textContent('[data-testid="total-allocation"]'), /^\$\d{1,3}(,\d{3})+\.\d{2}$/);
  assert.deepEqual(outside, [], "no request leaves localhost");
  assert.deepEqual(errors, []);
  mkdirSync(join(ROOT, "screenshots"), { recursive: true });
  await page.screenshot({ path: join(ROOT, "screenshots/desktop.png"), fullPage: true });
  await page.close();
});

test("filtering by a source shows only the lines it pays for", async () => {
  const { page } = await openApp();
  const title1 = sample.sources.find((s) => s.restricted && s.allowed)?.id;
  assert.ok(title1, "the sample has a restricted source with allowed uses");
  await page.selectOption('[data-testid="filter-source"]', title1);
  const expected = sample.lines.filter((l) => (l.funding ?? []).some((f) => f.source === title1)).length;
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid^="line-"]').length === n, expected);
  await page.check('[data-testid="group-by-source"]');
  assert.equal(await page.locator("tr.group-head").count(), 1);
  await page.close();
});

test("a bad file is refused with its reason and the budget stays as it was", async () => {
  const { page } = await openApp();
  const before = await value(page, "total-allocation");
  const bad = structuredClone(sample);
  bad.lines[1].funding = [{ source: "nowhere", share: "1" }];
  await page.setInputFiles('[data-testid="import-file"]', {
    name: "broken.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  const error = await page.waitForSelector('[data-testid="import-error"]');
  const text = await error.textContent();
  assert.match(text, /broken\.json/);
  assert.match(text, new RegExp(bad.lines[1].id));
  assert.match(text, /nowhere/);
  assert.equal(await value(page, "total-allocation"), before);
  await page.close();
});

test("a good file replaces the budget", async () => {
  const { page } = await openApp();
  const small = {
    format: "sitebudget/1",
    school: { name: "Tiny Test School", fiscal_year: "2026-27", enrollment: { K: 20 }, unduplicated_pct: "0.5", attendance_rate: "0.95" },
    sources: [{ id: "gf", name: "General fund", restricted: false, allocation: { type: "fixed", amount: "1000.50" } }],
    norms: [],
    lines: [{ id: "paper", kind: "item", title: "Paper", amount: "250.25", funding: [{ source: "gf", share: "1" }] }],
  };
  await importFile(page, "tiny.json", "application/json", Buffer.from(JSON.stringify(small)));
  await page.waitForFunction(() => document.querySelector('[data-testid="school-name"]')?.textContent === "Tiny Test School");
  // 1000.50 allocated − 250.25 spent = 750.25 left.
  assert.equal(Number(await value(page, "total-allocation")), 1000.5);
  assert.equal(Number(await value(page, "total-cost")), 250.25);
  assert.equal(Number(await value(page, "balance-gf")), 750.25);
  await page.close();
});

test("the page fits a 390-pixel phone without sideways scrolling of the page", async () => {
  const { page } = await openApp({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
  await page.screenshot({ path: join(ROOT, "screenshots/phone.png"), fullPage: false });
  await page.close();
});
