// Accessibility, WCAG 2.2 AA: axe-core (npm) finds no violation on the app and the embed,
// at desktop and phone widths and under a scenario; and the main flow works by keyboard
// alone, with a visible focus on every control it reaches.
import { test } from "node:test";
import assert from "node:assert/strict";
import { violations } from "./axe.mjs";
import { useServedApp } from "./setup.mjs";

let server, browser;
useServedApp((s, b) => {
  server = s;
  browser = b;
});

const PAGES = [
  ["the app", ""],
  ["the embed", "?embed&src=sample-school.json"],
  ["the embed under a scenario, read-only", "?embed&src=sample-school.json&change=-10&readonly"],
];

for (const [name, query] of PAGES) {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    test(`axe finds no WCAG 2.2 AA violation on ${name} at ${viewport.width} px`, async () => {
      const page = await browser.newPage({ viewport });
      await page.goto(server.url + query);
      await page.waitForSelector('[data-testid="total-allocation"]');
      const found = await violations(page);
      assert.deepEqual(found, [], `axe on ${name}:\n  ${found.join("\n  ")}`);
      await page.close();
    });
  }
}

test("axe finds no violation on the app under a scenario with its cut plan", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
  await page.waitForSelector('[data-testid="total-allocation"]');
  await page.fill('[data-testid="enrollment-change"]', "-10");
  await page.waitForFunction(() => document.querySelector('[data-testid="enrollment-readout"]')?.textContent.includes("10%"));
  const found = await violations(page);
  assert.deepEqual(found, [], `axe under −10%:\n  ${found.join("\n  ")}`);
  await page.close();
});

test("axe finds no violation with two scenarios compared, the editor open and every chart's numbers shown", async () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    const page = await browser.newPage({ viewport });
    await page.goto(server.url);
    await page.waitForSelector('[data-testid="total-allocation"]');
    await page.click('[data-testid="scenario-duplicate"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^="scenario-tab-"]').length === 2);
    await page.fill('[data-testid="enrollment-change"]', "-10");
    await page.waitForFunction(() => document.querySelector('[data-testid="enrollment-readout"]')?.textContent.includes("10%"));
    const other = await page.$eval('[data-testid="scenario-compare"] option:last-child', (o) => o.value);
    await page.selectOption('[data-testid="scenario-compare"]', other);
    await page.waitForSelector('[data-testid="compare-scenarios"]');
    await page.click('[data-testid="editor-toggle"]');
    await page.waitForSelector('[data-testid^="editor-tab-"]');
    await page.$$eval("details", (all) => all.forEach((d) => (d.open = true)));
    const found = await violations(page);
    assert.deepEqual(found, [], `axe at ${viewport.width} px:\n  ${found.join("\n  ")}`);
    await page.close();
  }
});

/** Presses `key` (Tab or Shift+Tab) until the focused element matches `selector` (at most
 * `limit` presses);
 * checks that every element focused on the way shows a visible focus indicator. */
async function tabTo(page, selector, key = "Tab", limit = 150) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const focus = await page.evaluate((sel) => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const visible = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
      return { match: el.matches(sel), visible, what: `${el.tagName.toLowerCase()} ${el.getAttribute("data-testid") ?? el.className ?? ""} "${(el.textContent ?? "").trim().slice(0, 30)}"` };
    }, selector);
    if (!focus) continue;
    assert.ok(focus.visible, `visible focus on ${focus.what}`);
    if (focus.match) return;
  }
  assert.fail(`${selector} not reached by Tab in ${limit} presses`);
}

test("the main flow by keyboard alone: enrollment, the cut plan, a scenario, the export menu", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await page.goto(server.url);
  await page.waitForSelector('[data-testid="total-allocation"]');

  // The enrollment slider, from the top of the page: each arrow key steps it by one point.
  await tabTo(page, '[data-testid="enrollment-slider"]');
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowLeft");
  await page.waitForFunction(() => document.querySelector('[data-testid="enrollment-change"]')?.value === "-3");
  assert.match(await page.textContent('[data-testid="enrollment-readout"]'), /^−3% · \d{3} students$/);
  // On to −10%: the cut plan follows (workspace.test.mjs checks its figures).
  const plan = () => page.textContent('[data-testid="cut-plan"]');
  const planAt3 = await plan();
  for (let i = 0; i < 7; i++) await page.keyboard.press("ArrowLeft");
  await page.waitForFunction(() => document.querySelector('[data-testid="enrollment-change"]')?.value === "-10");
  await page.waitForSelector('li[data-testid^="cut-"]');
  assert.notEqual(await plan(), planAt3, "the cut plan changed with the enrollment");

  // Back up to the scenario bar (it sits above the inputs): Duplicate with Space copies the
  // −10% scenario into a second tab, which opens; New with Enter adds a third.
  const tabs = () => page.$$eval('[data-testid^="scenario-tab-"]', (t) => t.length);
  assert.equal(await tabs(), 1);
  await tabTo(page, '[data-testid="scenario-duplicate"]', "Shift+Tab");
  await page.keyboard.press(" ");
  await page.waitForFunction(() => document.querySelectorAll('[data-testid^="scenario-tab-"]').length === 2);
  assert.equal(await page.inputValue('[data-testid="enrollment-change"]'), "-10", "the copy keeps −10%");
  await tabTo(page, '[data-testid="scenario-new"]', "Shift+Tab");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelectorAll('[data-testid^="scenario-tab-"]').length === 3);

  // On up to the export menu in the top bar: Enter on JSON downloads the budget.
  await tabTo(page, '[data-testid="export-json"]', "Shift+Tab");
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  assert.match(download.suggestedFilename(), /\.json$/);
  await page.close();
});
