// End-to-end: editing the sample budget in place, with effects worked out by hand.
// Sample: 448 pupils, 86% unduplicated → 385 unduplicated; TK-3 has 318 pupils.
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

const sel = (id) => `[data-testid="${id}"]`;

/** Opens the app and its editor on the given tab. The editor sits below panels that lay
 * out lazily (content-visibility), so scrolling to it can move it under the pointer: the
 * clicks are dispatched to the buttons themselves. */
async function openEditor(viewport, tab = "lines") {
  const opened = await open(browser, server.url, viewport);
  await opened.page.dispatchEvent(sel("editor-toggle"), "click");
  await opened.page.dispatchEvent(sel(`editor-tab-${tab}`), "click");
  await opened.page.waitForSelector(`${sel(`editor-tab-${tab}`)}[aria-selected="true"]`);
  return opened;
}

/** Types into an editor field and commits it with Enter. */
async function commit(page, testid, text) {
  await page.fill(sel(testid), text);
  await page.press(sel(testid), "Enter");
}

/** Waits until a figure's data-value differs from `before`, and returns it as a number. */
async function changed(page, testid, before) {
  await page.waitForFunction(([t, b]) => document.querySelector(`[data-testid="${t}"]`)?.dataset.value !== b, [testid, before]);
  return Number(await value(page, testid));
}

const rowIds = (page) => page.$$eval('[data-testid^="edit-row-"]', (els) => els.map((e) => e.dataset.testid.slice(9)));

test("a line's FTE changes the total cost by FTE × unit cost", async () => {
  const { page, errors } = await openEditor();
  const cost = await value(page, "total-cost");
  const alloc = await value(page, "total-allocation");
  await commit(page, "edit-line-nurse-fte", "0.8");
  // 0.2 FTE more × $145,000 = $29,000.
  assert.equal(await changed(page, "total-cost", cost), Number(cost) + 29000);
  assert.equal(await value(page, "total-allocation"), alloc);
  assert.deepEqual(errors, []);
  await page.close();
});

test("an invalid value is explained at the field and the budget stays as it was", async () => {
  const { page } = await openEditor();
  const cost = await value(page, "total-cost");
  await commit(page, "edit-line-nurse-fte", "-1");
  const message = await page.waitForSelector(sel("edit-line-nurse-fte") + " ~ .field-error");
  assert.equal(await message.textContent(), "must be 0 or more, got -1");
  assert.equal(await page.getAttribute(sel("edit-line-nurse-fte"), "aria-invalid"), "true");
  assert.equal(await page.inputValue(sel("edit-line-nurse-fte")), "-1", "the field keeps the user's text");
  assert.equal(await value(page, "total-cost"), cost);
  // Funding that does not add up is explained in percent.
  await commit(page, "edit-line-subs-funding", "gf 60%, need 30%");
  const funding = await page.waitForSelector(sel("edit-line-subs-funding") + " ~ .field-error");
  assert.equal(await funding.textContent(), "shares must add up to exactly 100%, got 90%");
  assert.equal(await value(page, "total-cost"), cost);
  // A good value clears the message.
  await commit(page, "edit-line-subs-funding", "gf 25%, need 75%");
  await page.waitForSelector(".editor .field-error", { state: "detached" });
  await page.close();
});

test("lines are added, duplicated, deleted and reordered", async () => {
  const { page } = await openEditor();
  const ids = await rowIds(page);
  const cost = await value(page, "total-cost");
  await page.click(sel("edit-add-position"));
  await page.waitForSelector(sel("edit-row-position-1"));
  assert.deepEqual(await rowIds(page), [...ids, "position-1"]);
  assert.equal(await value(page, "total-cost"), cost, "a new position costs nothing until costed");
  await commit(page, "edit-line-position-1-unit-cost", "50000");
  // 1 FTE × $50,000.
  const withNew = await changed(page, "total-cost", cost);
  assert.equal(withNew, Number(cost) + 50000);

  await page.click(sel("edit-duplicate-nurse"));
  await page.waitForSelector(sel("edit-row-nurse-copy-1"));
  const order = await rowIds(page);
  assert.equal(order[order.indexOf("nurse") + 1], "nurse-copy-1");
  // The copy costs 0.6 × $145,000 = $87,000 more.
  assert.equal(await changed(page, "total-cost", String(withNew)), withNew + 87000);

  await page.click(sel("edit-delete-nurse-copy-1"));
  await page.waitForSelector(sel("edit-row-nurse-copy-1"), { state: "detached" });
  await page.click(sel("edit-delete-position-1"));
  await page.waitForSelector(sel("edit-row-position-1"), { state: "detached" });
  assert.equal(await value(page, "total-cost"), cost);
  assert.deepEqual(await rowIds(page), ids);

  await page.click(sel("edit-up-ap"));
  await page.waitForFunction(() => document.querySelectorAll('[data-testid^="edit-row-"]')[1]?.dataset.testid === "edit-row-ap");
  assert.deepEqual((await rowIds(page)).slice(0, 3), ["teach-tk3", "ap", "teach-45"]);
  // The budget table follows the new order.
  const table = await page.$$eval('[data-testid^="line-"]', (els) => els.slice(0, 3).map((e) => e.dataset.testid));
  assert.deepEqual(table, ["line-teach-tk3", "line-ap", "line-teach-45"]);
  await page.click(sel("edit-down-ap"));
  await page.waitForFunction(() => document.querySelectorAll('[data-testid^="edit-row-"]')[1]?.dataset.testid === "edit-row-teach-45");
  assert.equal(await page.isDisabled(sel("edit-up-teach-tk3")), true, "the first line cannot move up");
  await page.close();
});

test("a source's per-pupil rate and a norm's ratio change the totals as computed by hand", async () => {
  const { page } = await openEditor(undefined, "sources");
  const alloc = await value(page, "total-allocation");
  await commit(page, "edit-source-need-allocation-rate", "$1,200");
  // $100 more × 385 unduplicated pupils = $38,500.
  const afterRate = await changed(page, "total-allocation", alloc);
  assert.equal(afterRate, Number(alloc) + 38500);

  await page.click(sel("editor-tab-norms"));
  const cost = await value(page, "total-cost");
  await commit(page, "edit-norm-tk3-students-per-position", "20");
  // 318 pupils: ceil(318 / 24) = 14 teachers, ceil(318 / 20) = 16: two more at $118,000.
  assert.equal(await changed(page, "total-allocation", String(afterRate)), afterRate + 236000);
  assert.equal(Number(await value(page, "total-cost")), Number(cost) + 236000);
  await page.close();
});

test("deleting a source that pays for lines is refused, naming the lines", async () => {
  const { page } = await openEditor(undefined, "sources");
  const alloc = await value(page, "total-allocation");
  await page.click(sel("edit-delete-source-carry"));
  const error = await page.waitForSelector(sel("edit-source-carry") + " " + sel("edit-error"));
  assert.equal(await error.textContent(),
    "cannot be deleted while lines are funded by it: `chromebooks`, `ta-reading`; change their funding first");
  assert.ok(await page.$(sel("balance-carry")), "the source is still there");
  assert.equal(await value(page, "total-allocation"), alloc);
  await page.close();
});

test("the school's pupils per grade can be edited", async () => {
  const { page } = await openEditor(undefined, "school");
  const alloc = await value(page, "total-allocation");
  await commit(page, "edit-school-enrollment-K", "78");
  // 458 pupils: round(0.86 × 458 = 393.88) = 394 unduplicated, 9 more × ($1,100 + $650).
  assert.equal(await changed(page, "total-allocation", alloc), Number(alloc) + 15750);
  await page.close();
});

test("a 1,000-line budget is filtered and paged 50 rows at a time", async () => {
  const { page } = await openEditor();
  await importFile(page, "big.json", "application/json", Buffer.from(JSON.stringify(generateBudget(1000))));
  await page.waitForFunction(() => document.querySelector('[data-testid="edit-count"]')?.textContent === "1000 of 1000 lines");
  assert.equal((await rowIds(page)).length, 50);
  await page.click(sel("edit-page-next") + " >> nth=0");
  await page.waitForSelector(sel("edit-row-pos-50"));
  assert.equal((await rowIds(page))[0], "pos-50");
  await page.fill(sel("edit-filter"), "item-99");
  await page.waitForFunction(() => document.querySelector('[data-testid="edit-count"]')?.textContent === "6 of 1000 lines");
  const cost = await value(page, "total-cost");
  const t0 = Date.now();
  await commit(page, "edit-line-item-99-amount", "2000.50");
  // item-99: 1000 + (99 % 40) × 250 + 0.50 = $5,750.50 → $2,000.50.
  assert.equal(await changed(page, "total-cost", cost), Number(cost) - 3750);
  console.log(`edit to updated totals at 1,000 lines: ${Date.now() - t0} ms`);
  await page.close();
});

test("screenshots of the editor at 1280 and 390 pixels; the phone page does not scroll sideways", async () => {
  for (const [name, viewport] of [["editor-desktop", { width: 1280, height: 900 }], ["editor-phone", { width: 390, height: 844 }]]) {
    const { page, errors } = await openEditor(viewport);
    await commit(page, "edit-line-nurse-fte", "-1");
    await page.waitForSelector(".editor .field-error");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name}: page is ${overflow}px wider than the viewport`);
    await page.locator(sel("edit-row-nurse")).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ROOT, `screenshots/${name}.png`) });
    await page.click(sel("editor-tab-sources"));
    await page.screenshot({ path: join(ROOT, `screenshots/${name}-sources.png`) });
    assert.deepEqual(errors, []);
    await page.close();
  }
});
