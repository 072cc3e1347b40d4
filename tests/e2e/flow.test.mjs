// End-to-end, issue #13 items 1–3: a refused What-if value never locks the scenario, a
// pupils box in step with the percent and the slider, and steering as scenario edits.
// Figures on the sample school (448 pupils; −10%: 403 pupils, allocation 3,104,250, see
// tests/scenario_sample.rs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import { value, openApp as open } from "./harness.mjs";
import { unzip } from "./spreadsheet.mjs";
import { useServedApp } from "./setup.mjs";

let server, browser;
useServedApp((s, b) => {
  server = s;
  browser = b;
});

const openApp = (viewport) => open(browser, server.url, viewport);
const MINUS = "\u2212";

/** Waits for the readout to say this many students. */
const students = (page, n) =>
  page.waitForFunction((n) => document.querySelector('[data-testid="enrollment-readout"]').textContent.includes(`${n} students`), n);

test("an out-of-bounds value is refused at its box, in percent, and the scenario keeps its last good value", async () => {
  const { page, errors } = await openApp();
  await page.fill('[data-testid="enrollment-change"]', "-10");
  await students(page, 403);
  await page.fill('[data-testid="enrollment-change"]', "-150");
  const error = await page.waitForSelector('[data-testid="enrollment-change-error"]');
  assert.equal(await error.textContent(), `Enrollment change must be between ${MINUS}100% and +100%`);
  // The box still shows what was typed; the inputs and figures stay, at −10%.
  assert.equal(await page.inputValue('[data-testid="enrollment-change"]'), "-150");
  assert.equal(await page.$('[data-testid="engine-error"]'), null);
  assert.equal(Number(await value(page, "total-allocation")), 3104250);
  // Unduplicated: −1 on the way to −10 and 150 are refused, 80 is taken.
  for (const typed of ["-1", "-10", "150"]) {
    await page.fill('[data-testid="unduplicated-pct"]', typed);
    assert.equal(await page.textContent('[data-testid="unduplicated-pct-error"]'),
      "Unduplicated pupils must be between 0% and 100%");
    assert.equal(await page.inputValue('[data-testid="unduplicated-pct"]'), typed);
  }
  await page.fill('[data-testid="cost-change"]', "-200");
  assert.match(await page.textContent('[data-testid="cost-change-error"]'), /Cost change must be −100% or more/);
  assert.equal(Number(await value(page, "total-allocation")), 3104250);
  // Pupils per grade: each bad text is refused with a plain message and left in the box.
  for (const typed of ["-5", "1e9", "99999999999", ""]) {
    await page.fill('[data-testid="enrollment-1"]', typed);
    assert.equal(await page.textContent('[data-testid="enrollment-1-error"]'),
      "Pupils in grade 1 must be a whole number from 0 to 100,000", typed);
    assert.equal(await page.inputValue('[data-testid="enrollment-1"]'), typed);
  }
  assert.equal(Number(await value(page, "total-allocation")), 3104250);
  // A good value clears the message.
  await page.fill('[data-testid="enrollment-change"]', "-5");
  await page.waitForSelector('[data-testid="enrollment-change-error"]', { state: "detached" });
  // Nothing invalid was saved: after a reload the scenario is at −5% and computes.
  await page.waitForSelector("text=Saved in this browser");
  await page.reload();
  await page.waitForSelector('[data-testid="total-allocation"]');
  assert.equal(await page.inputValue('[data-testid="enrollment-change"]'), "-5");
  assert.equal(await page.inputValue('[data-testid="unduplicated-pct"]'), "86");
  assert.equal(await page.$('[data-testid="engine-error"]'), null);
  assert.deepEqual(errors, []);
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test("40 fewer pupils: the pupils box sets the percent to −40/448 and the slider follows", async () => {
  const { page, errors } = await openApp();
  await page.fill('[data-testid="enrollment-pupils"]', "-40");
  // 448 − 40 = 408 pupils; −40/448 = −8.9286% to 4 decimals; the handle at −9.
  await students(page, 408);
  assert.equal(await page.inputValue('[data-testid="enrollment-change"]'), "-8.9286");
  assert.equal(await page.inputValue('[data-testid="enrollment-slider"]'), "-9");
  // A typed percent moves the handle and the pupils: −20% of 448 = −89.6 → −90.
  await page.fill('[data-testid="enrollment-change"]', "-20");
  await page.waitForFunction(() => document.querySelector('[data-testid="enrollment-slider"]').value === "-20");
  assert.equal(await page.inputValue('[data-testid="enrollment-pupils"]'), "-90");
  // An arrow key steps from the typed −20, not from 0.
  await page.focus('[data-testid="enrollment-slider"]');
  await page.keyboard.press("ArrowLeft");
  await page.waitForFunction(() => document.querySelector('[data-testid="enrollment-change"]').value === "-21");
  assert.equal(await page.inputValue('[data-testid="enrollment-slider"]'), "-21");
  // −449 is more pupils than the school has.
  await page.fill('[data-testid="enrollment-pupils"]', "-449");
  assert.match(await page.textContent('[data-testid="enrollment-pupils-error"]'), /between −448 and \+448/);
  assert.equal(await page.inputValue('[data-testid="enrollment-change"]'), "-21");
  assert.deepEqual(errors, []);
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test("steering is a line change of the active scenario: shown, compared, reset and applied on purpose", async () => {
  const { page, errors } = await openApp();
  await page.fill('[data-testid="enrollment-change"]', "-10");
  await students(page, 403);
  await page.click('[data-testid="scenario-duplicate"]');
  await page.waitForSelector('[data-testid="scenario-tab-2"][aria-pressed="true"]');
  assert.ok(await page.$('[data-testid="cut-ta-k1"]'));
  await page.selectOption('[data-testid="priority-ta-k1"]', "protected");
  await page.waitForSelector('[data-testid="in-scenario-ta-k1"]');
  await page.waitForFunction(() => !document.querySelector('[data-testid="cut-ta-k1"]'));
  assert.match(await page.textContent('[data-testid="scenario-line-edits"]'),
    /Teacher assistant, K-1: protected \(budget: flexible\)/);
  // Scenario 1 and the budget are as they were.
  await page.click('[data-testid="scenario-tab-1"]');
  await page.waitForSelector('[data-testid="cut-ta-k1"]');
  assert.equal(await page.inputValue('[data-testid="priority-ta-k1"]'), "flexible");
  assert.equal(await page.$('[data-testid="in-scenario-ta-k1"]'), null);
  // The side-by-side comparison lists the line changes of each.
  await page.selectOption('[data-testid="scenario-compare"]', "2");
  const compare = await page.waitForSelector('[data-testid="compare-scenarios"]');
  assert.match(await compare.textContent(), /Teacher assistant, K-1: protected/);
  // Applying scenario 2's changes to the budget is explicit, and undone by Undo.
  await page.click('[data-testid="scenario-tab-2"]');
  await page.click('[data-testid="apply-line-edits"]');
  await page.waitForSelector('[data-testid="scenario-line-edits"]', { state: "detached" });
  await page.click('[data-testid="scenario-tab-1"]');
  await page.waitForFunction(() => !document.querySelector('[data-testid="cut-ta-k1"]'));
  assert.equal(await page.inputValue('[data-testid="priority-ta-k1"]'), "protected");
  // Undo brings back the budget and scenario 2 with its change, where it was made.
  await page.click('[data-testid="undo"]');
  await page.waitForSelector('[data-testid="scenario-tab-2"][aria-pressed="true"]');
  await page.waitForSelector('[data-testid="in-scenario-ta-k1"]');
  await page.click('[data-testid="scenario-tab-1"]');
  await page.waitForSelector('[data-testid="cut-ta-k1"]');
  assert.equal(await page.inputValue('[data-testid="priority-ta-k1"]'), "flexible");
  // Reset to the budget clears a scenario's line changes.
  await page.click('[data-testid="scenario-tab-2"]');
  await page.waitForSelector('[data-testid="in-scenario-ta-k1"]');
  await page.click('[data-testid="scenario-reset"]');
  await page.waitForSelector('[data-testid="scenario-line-edits"]', { state: "detached" });
  assert.deepEqual(errors, []);
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

/** Scenario 1 at −10% (403 pupils), then a new scenario 2 at −5% (427), which is open. */
async function minusTenThenMinusFive(page) {
  await page.fill('[data-testid="enrollment-change"]', "-10");
  await students(page, 403);
  await page.click('[data-testid="scenario-new"]');
  await page.waitForSelector('[data-testid="scenario-tab-2"][aria-pressed="true"]');
  await page.fill('[data-testid="enrollment-change"]', "-5");
  await students(page, 427);
}

test("the XLSX export carries the two compared scenarios side by side", async () => {
  const { page, errors } = await openApp();
  await minusTenThenMinusFive(page);
  await page.selectOption('[data-testid="scenario-compare"]', "1");
  await page.waitForSelector('[data-testid="compare-scenarios"]');
  const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="export-xlsx"]')]);
  const files = unzip(readFileSync(await download.path()));
  const book = files["xl/workbook.xml"].toString("utf8");
  assert.match(book, /name="Two scenarios"/);
  // The sheet's strings name both scenarios: the active "Scenario 2" (−5%) and "Scenario 1".
  const strings = files["xl/sharedStrings.xml"].toString("utf8");
  assert.match(strings, /scenario “Scenario 2” and scenario “Scenario 1”/);
  assert.deepEqual(errors, []);
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test("a stored scenario that cannot be computed opens with the offending inputs shown and editable", async () => {
  // A share link (io/share.rs format) whose scenario was saved before the bounds existed:
  // unduplicated −10% and a cost change of −200%.
  const doc = JSON.parse(readFileSync(new URL("../../samples/sample-school.json", import.meta.url)));
  const payload = JSON.stringify({ doc, scenario: { unduplicated_pct: "-0.1", cost_change: "-2" }, name: "Broken" });
  const fragment = `share=1.${deflateRawSync(Buffer.from(payload)).toString("base64url")}`;
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${server.url}#${fragment}`);
  await page.click('[data-testid="share-open"]');
  await page.click('[data-testid="shared-replace"]');
  await page.waitForSelector('[data-testid="engine-error"]');
  // The What-if inputs stay, each bad value in its box with its bound in percent.
  assert.equal(await page.inputValue('[data-testid="unduplicated-pct"]'), "-10");
  assert.equal(await page.textContent('[data-testid="unduplicated-pct-error"]'),
    "Unduplicated pupils must be between 0% and 100%");
  assert.equal(await page.inputValue('[data-testid="cost-change"]'), "-200");
  assert.match(await page.textContent('[data-testid="cost-change-error"]'), /Cost change must be −100% or more/);
  await page.screenshot({ path: "screenshots/after-stored-bad-desktop.png" });
  // Correcting both makes it computable: 86% and 0% are the sample's own figures.
  await page.fill('[data-testid="unduplicated-pct"]', "86");
  await page.fill('[data-testid="cost-change"]', "0");
  await page.waitForSelector('[data-testid="total-allocation"]');
  assert.equal(Number(await value(page, "total-allocation")), 3406750);
  assert.equal(await page.$('[data-testid="engine-error"]'), null);
  assert.deepEqual(errors, []);
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test("a share link carries every scenario, and a copy of a budget already here asks to keep both or replace", async () => {
  const { page, errors } = await openApp();
  await minusTenThenMinusFive(page);
  await page.check('[data-testid="share-all"]');
  await page.click('[data-testid="share-button"]');
  const link = await (await page.waitForSelector('[data-testid="share-url"]')).inputValue();
  await page.evaluate(() => localStorage.clear());
  await page.close();

  // A fresh page of this browser holds the sample: the shared copy is the same school.
  const fresh = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  fresh.on("pageerror", (e) => errors.push(e.message));
  await fresh.goto(link);
  await fresh.click('[data-testid="share-open"]');
  const offer = await fresh.waitForSelector('[data-testid="shared-offer"]');
  assert.match(await offer.textContent(), /“Jacaranda Avenue Elementary” is already in this browser\. The shared copy has 2 scenarios\./);
  await fresh.click('[data-testid="shared-replace"]');
  await fresh.waitForSelector('[data-testid="shared-offer"]', { state: "detached" });
  // Both scenarios came: "Scenario 2" (−5%, active) first, then "Scenario 1" (−10%).
  assert.equal(await fresh.textContent('[data-testid="scenario-tab-1"]'), "Scenario 2");
  assert.equal(await fresh.inputValue('[data-testid="enrollment-change"]'), "-5");
  await fresh.click('[data-testid="scenario-tab-2"]');
  await students(fresh, 403);
  // Replaced, not added: one budget in the list, and Undo brings the sample's scenario back.
  assert.equal(await fresh.locator('[data-testid="budget-select"] option').count(), 1);
  await fresh.click('[data-testid="undo"]');
  await fresh.waitForFunction(() => document.querySelectorAll('[data-testid^="scenario-tab-"]').length === 1);
  assert.equal(await fresh.inputValue('[data-testid="enrollment-change"]'), "0");
  assert.deepEqual(errors, []);
  await fresh.evaluate(() => localStorage.clear());
  await fresh.close();
});
