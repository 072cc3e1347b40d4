// End-to-end: the Levers and Norm Day panels and the class sizes of Years ahead, against
// figures computed by hand for a small imported budget.
import { test } from "node:test";
import assert from "node:assert/strict";
import { importFile, openApp as open } from "./harness.mjs";
import { useServedApp } from "./setup.mjs";

let server, browser;
useServedApp((s, b) => {
  server = s;
  browser = b;
});

// 240 kindergarteners, half unduplicated (U = 120). Teachers at 24 a position, $118,000
// each. The general fund ($100,000) pays a flexible $70,800 of supplies and a $29,200
// nurse, so it is balanced. Title I steps from $300 (40% need) to $350 (55%) per pupil;
// a restricted need rate pays $1,100 per unduplicated pupil.
const budget = {
  format: "sitebudget/1",
  school: { name: "Lever Test School", fiscal_year: "2026-27", enrollment: { K: 240 }, unduplicated_pct: "0.5", attendance_rate: "0.95" },
  sources: [
    { id: "gf", name: "General fund", restricted: false, allocation: { type: "fixed", amount: "100000" } },
    { id: "need", name: "Need", restricted: true, allowed: ["intervention"], allocation: { type: "per_pupil", rate: "1100", basis: "unduplicated" } },
    {
      id: "title1", name: "Title I", restricted: true, allowed: ["intervention"],
      allocation: { type: "tiered", basis: "enrollment", tiers: [{ at_least: "0.40", rate: "300" }, { at_least: "0.55", rate: "350" }] },
    },
    { id: "norm", name: "Norms", restricted: true, allocation: { type: "norm" } },
  ],
  norms: [{ id: "tk3", title: "Classroom teacher K", grades: ["K"], students_per_position: "24", unit_cost: "118000" }],
  lines: [
    { id: "teach", kind: "position", title: "Teachers", norm: "tk3", funding: [{ source: "norm", share: "1" }], priority: "protected" },
    { id: "supplies", kind: "item", title: "Supplies", amount: "70800", funding: [{ source: "gf", share: "1" }], priority: "flexible" },
    { id: "nurse", kind: "position", title: "Nurse", fte: "1", unit_cost: "29200", funding: [{ source: "gf", share: "1" }] },
  ],
};

const sel = (id) => `[data-testid="${id}"]`;
const attr = (page, id, name) => page.getAttribute(sel(id), `data-${name}`);

async function openBudget() {
  const { page, errors } = await open(browser, server.url);
  await importFile(page, "levers.json", "application/json", Buffer.from(JSON.stringify(budget)));
  await page.waitForFunction(() => document.querySelector('[data-testid="breakpoint-tk3"]')?.dataset.students === "240");
  return { page, errors };
}

async function commit(page, id, text) {
  await page.fill(sel(id), text);
  await page.press(sel(id), "Enter");
}

test("levers for the budget as it is: breakpoints, the worth of a form, forms to the next tier", async () => {
  const { page, errors } = await openBudget();
  // ceil(240 / 24) = 10 teachers; lose = 240 − floor(24 × 9) = 24; gain = 24 × 10 + 1 − 240 = 1.
  assert.equal(await attr(page, "breakpoint-tk3", "fte"), "10");
  assert.equal(await attr(page, "breakpoint-tk3", "lose"), "24");
  assert.equal(await attr(page, "breakpoint-tk3", "gain"), "1");
  assert.match(await page.textContent(sel("breakpoint-tk3")), /24 fewer pupils in K and you lose a teacher; 1 more and you gain one/);
  // One more form: 121 / 240 stays in the 40% tier, so only the need rate moves: $1,100.
  assert.equal(await attr(page, "value-per-form", "value"), "1100");
  assert.match(await page.textContent(sel("value-per-form")), /worth \$1,100\./);
  // 55% of 240 = 132 → 12 forms; (350 − 300) × 240 = $12,000.
  assert.equal(await attr(page, "forms-to-tier-title1", "value"), "12");
  assert.equal(await attr(page, "forms-to-tier-title1", "gain"), "12000");
  assert.match(await page.textContent(sel("forms-to-tier-title1")), /12 more forms reach Title I's next rate: \+\$12,000/);
  // Years ahead: 240 / 10 = 24 pupils per teacher in year 1.
  await page.waitForSelector(sel("projection-classsize-1-tk3"));
  assert.equal(await attr(page, "projection-classsize-1-tk3", "value"), "24");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a decline loses a teacher; buying part of it back is undoable", async () => {
  const { page, errors } = await openBudget();
  await commit(page, "enrollment-K", "216");
  // ceil(216 / 24) = 9: one teacher lost, $118,000 a year. The general fund's flexible
  // money is the $70,800 of supplies: 70,800 / 118,000 = 0.6 FTE.
  await page.waitForSelector(sel("buyback-tk3"));
  assert.equal(await attr(page, "buyback-tk3", "fte"), "1");
  assert.equal(await attr(page, "buyback-tk3", "cost"), "118000");
  assert.equal(await attr(page, "buyback-tk3", "can"), "0.6");
  assert.match(await page.textContent(sel("buyback-tk3")), /Buy it back: \$118,000\. Your unrestricted flexible money covers 0\.6 FTE\./);
  // 217 pupils would give ceil(9.04) = 10 again.
  assert.match(await page.textContent(sel("recruit-tk3")), /Recruit 1 pupil in grade K to keep the 10th teacher/);
  // Under the scenario: U = round(0.5 × 216) = 108; 55% of 216 = 118.8 → 119: 11 forms,
  // (350 − 300) × 216 = $10,800.
  assert.equal(await attr(page, "forms-to-tier-title1", "value"), "11");
  assert.equal(await attr(page, "forms-to-tier-title1", "gain"), "10800");

  await page.click(sel("buyback-tk3-buy"));
  // The protected 0.6 FTE line costs 70,800; the plan cuts the supplies to $0 and the
  // general fund closes at exactly 0.
  await page.waitForSelector(sel("cut-supplies"));
  assert.equal(await attr(page, "cut-supplies", "from"), "70800");
  assert.equal(await attr(page, "cut-supplies", "to"), "0");
  assert.equal(await page.$(sel("deficit-gf")), null);
  // Before the plan the general fund is short by the new line: 100,000 − 29,200 − 70,800
  // − 70,800 = −70,800.
  assert.equal(await attr(page, "balance-gf", "value"), "-70800");
  // Undo takes the buy-back away again.
  await page.click(sel("undo"));
  await page.waitForFunction(() => !document.querySelector('[data-testid="cut-supplies"]'));
  assert.deepEqual(errors, []);
  await page.close();
});

test("Norm Day re-norms the teachers for the rest of the year", async () => {
  const { page, errors } = await openBudget();
  // Closed until asked for.
  assert.equal(await page.$(sel("normday-enrollment-K")), null);
  await page.click(sel("normday-toggle"));
  // 230 enrolled, 14 never came: 216 counted → 9 teachers; (9 − 10) × 118,000 × 80% = −94,400.
  await commit(page, "normday-enrollment-K", "230");
  await commit(page, "normday-excluded-K", "14");
  await page.waitForFunction(() => document.querySelector('[data-testid="normday-tk3"]')?.dataset.students === "216");
  assert.equal(await attr(page, "normday-tk3", "from"), "10");
  assert.equal(await attr(page, "normday-tk3", "to"), "9");
  assert.equal(await attr(page, "normday-tk3", "dollars"), "-94400");
  assert.match(await page.textContent(sel("normday-tk3")), /1 more counted pupil would have kept it/);
  // Half the year left: −118,000 × 0.5 = −59,000.
  await commit(page, "normday-remaining", "50");
  await page.waitForFunction(() => document.querySelector('[data-testid="normday-tk3"]')?.dataset.dollars === "-59000");
  // More no-shows than pupils: the grade counts 0, with a note.
  await commit(page, "normday-excluded-K", "300");
  await page.waitForFunction(() => document.querySelector('[data-testid="normday-tk3"]')?.dataset.students === "0");
  assert.match(await page.textContent(sel("norm-day-panel")), /300 no-shows is more than the 230 enrolled/);
  assert.deepEqual(errors, []);
  await page.close();
});
