// End-to-end: the meeting view (issue 16). `?meeting` shows the school, the enrollment
// control, the three totals, the plan and levers on one 1280×720 screen; the arrow keys
// step the enrollment by one point and the totals are the app's for the same change;
// a decision with a note is saved, survives a reload, and travels in the JSON and XLSX
// exports and the printed handout; `?meeting&bilingual` shows English and Spanish side
// by side.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./harness.mjs";
import { useServedApp } from "./setup.mjs";
import { unzip } from "./spreadsheet.mjs";

let server, browser;
useServedApp((s, b) => {
  server = s;
  browser = b;
});

const TOTALS = ["total-allocation", "total-cost", "balance"];

/** A page of its own (its own storage) at `query`, once the meeting view has rendered. */
async function openMeeting(query = "?meeting", viewport = { width: 1280, height: 720 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(server.url + query);
  await page.waitForSelector('[data-testid="meeting-total-allocation"]');
  return { context, page, errors };
}

const data = (page, testid) => page.getAttribute(`[data-testid="${testid}"]`, "data-value");

async function waitValue(page, testid, expected) {
  await page.waitForFunction(
    ([id, v]) => document.querySelector(`[data-testid="${id}"]`)?.dataset.value === v,
    [testid, expected],
  );
}

async function meetingTotals(page) {
  const out = {};
  for (const id of TOTALS) out[id] = await data(page, `meeting-${id}`);
  return out;
}

async function download(page, testid) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(`[data-testid="${testid}"]`)]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

test("?meeting holds the school, the control, the totals, the plan and levers on one projector screen", async () => {
  const { context, page, errors } = await openMeeting();
  assert.equal(await page.textContent('[data-testid="meeting-school"]'), "Jacaranda Avenue Elementary");
  await page.fill('[data-testid="meeting-enrollment-change"]', "-10");
  // The sample at −10%: the app's balance before cuts is −$46,550 (tests/e2e/io.test.mjs).
  await waitValue(page, "meeting-balance", "-46550");
  const plan = await page.textContent('[data-testid="meeting-plan"]');
  assert.match(plan, /Cut plan/);
  assert.match(plan, /FTE/, "the plan words its cuts");
  assert.match(await page.textContent('[data-testid="meeting-levers"]'), /TK-3/);
  // Nothing needs scrolling at 1280×720, and the base type is at least 22px.
  const fit = await page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    width: document.documentElement.scrollWidth,
    font: parseFloat(getComputedStyle(document.querySelector('[data-testid="meeting"]')).fontSize),
    bottom: Math.max(...[...document.querySelectorAll('[data-testid="meeting"] *')].map((e) => e.getBoundingClientRect().bottom)),
  }));
  assert.ok(fit.height <= 720 && fit.bottom <= 720, `the meeting needs ${fit.height}px (content to ${fit.bottom}px)`);
  assert.ok(fit.width <= 1280, `the meeting is ${fit.width}px wide`);
  assert.ok(fit.font >= 22, `base type ${fit.font}px`);
  await page.screenshot({ path: join(ROOT, "screenshots/meeting-1280x720.png") });
  const phone = await context.newPage();
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto(server.url + "?meeting");
  await phone.waitForSelector('[data-testid="meeting-total-allocation"]');
  await waitValue(phone, "meeting-balance", "-46550");
  const wide = await phone.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 390, `the phone layout is ${wide}px wide`);
  await phone.screenshot({ path: join(ROOT, "screenshots/meeting-390.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test("the arrow keys step the enrollment by one point and the totals are the app's for that change", async () => {
  const { context, page, errors } = await openMeeting();
  await page.fill('[data-testid="meeting-enrollment-change"]', "-10");
  await waitValue(page, "meeting-balance", "-46550");
  const before = await meetingTotals(page);
  await page.focus('[data-testid="meeting-enrollment-change"]');
  await page.keyboard.press("ArrowUp");
  await page.waitForFunction(() => document.querySelector('[data-testid="meeting-enrollment-change"]').value === "-9");
  await page.waitForFunction((b) => document.querySelector('[data-testid="meeting-balance"]').dataset.value !== b, before.balance);
  // The slider takes all four arrows: Right adds a point, Down and Left take one each.
  await page.focus('[data-testid="meeting-enrollment"]');
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => document.querySelector('[data-testid="meeting-enrollment-change"]').value === "-8");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowLeft");
  await page.waitForFunction(() => document.querySelector('[data-testid="meeting-enrollment-change"]').value === "-10");
  await waitValue(page, "meeting-balance", before.balance);
  await page.keyboard.press("ArrowUp");
  await page.waitForFunction(() => document.querySelector('[data-testid="meeting-enrollment-change"]').value === "-9");
  const nine = await meetingTotals(page);
  assert.notDeepEqual(nine, before, "the totals moved with the point");
  // Back in the app, the same scenario at −9% shows the same figures.
  await page.click('[data-testid="meeting-leave"]');
  await page.waitForSelector('[data-testid="total-allocation"]');
  assert.equal(await page.inputValue('[data-testid="enrollment-change"]'), "-9");
  assert.equal(new URL(page.url()).search, "", "the address leaves ?meeting");
  assert.deepEqual(
    {
      "total-allocation": await data(page, "total-allocation"),
      "total-cost": await data(page, "total-cost"),
      balance: await data(page, "balance-total"),
    },
    nine,
  );
  // And the app's button comes back to the meeting with the same state.
  await page.click('[data-testid="meeting-open"]');
  await waitValue(page, "meeting-balance", nine.balance);
  assert.equal(new URL(page.url()).search, "?meeting");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a decision with a note is saved, survives a reload, and travels in the JSON, the XLSX and the handout", async () => {
  const { context, page, errors } = await openMeeting();
  await page.fill('[data-testid="meeting-enrollment-change"]', "-10");
  await waitValue(page, "meeting-balance", "-46550");
  // A decision without text is refused next to its box, in plain words.
  await page.click('[data-testid="decision-add"]');
  assert.equal(await page.textContent('[data-testid="decision-error"]'), "Write what was decided.");
  await page.fill('[data-testid="decision-text"]', "Keep the nurse at 3 days");
  await page.fill('[data-testid="decision-note"]', "Cut tutoring hours instead");
  await page.click('[data-testid="decision-add"]');
  const row = await page.waitForSelector('[data-testid="decision-0"]');
  assert.match(await row.textContent(), /Keep the nurse at 3 days.*Cut tutoring hours instead.*\d{4}-\d\d-\d\d/);
  assert.equal(await page.isVisible('[data-testid="decision-error"]'), false);
  // A second one, edited, then removed.
  await page.fill('[data-testid="decision-text"]', "Ask the district");
  await page.click('[data-testid="decision-add"]');
  await page.waitForSelector('[data-testid="decision-1"]');
  await page.click('[data-testid="decision-edit-1"]');
  assert.equal(await page.inputValue('[data-testid="decision-text"]'), "Ask the district");
  await page.fill('[data-testid="decision-text"]', "Ask the district again");
  await page.click('[data-testid="decision-add"]');
  await page.waitForFunction(() => /again/.test(document.querySelector('[data-testid="decision-1"]').textContent));
  await page.click('[data-testid="decision-remove-1"]');
  await page.waitForSelector('[data-testid="decision-1"]', { state: "detached" });
  // Saved: the stored work holds it, and a reload shows it.
  await page.waitForFunction(
    async () =>
      new Promise((ok) => {
        const open = indexedDB.open("sitebudget");
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("records")) return ok(false);
          const all = db.transaction("records").objectStore("records").getAll();
          all.onsuccess = () => ok(all.result.some((t) => {
            const text = typeof t === "string" ? t : JSON.stringify(t);
            return text.includes("Cut tutoring hours instead") && !text.includes("Ask the district");
          }));
        };
      }),
  );
  await page.reload();
  const again = await page.waitForSelector('[data-testid="decision-0"]');
  assert.match(await again.textContent(), /Keep the nurse at 3 days/);
  assert.equal(await page.$('[data-testid="decision-1"]'), null);

  await page.click('[data-testid="meeting-leave"]');
  await page.waitForSelector('[data-testid="total-allocation"]');
  const json = JSON.parse((await download(page, "export-json")).bytes.toString("utf8"));
  assert.equal(json.format, "sitebudget/1");
  assert.deepEqual(json.scenarios[0].scenario.decisions[0].decided, "Keep the nurse at 3 days");
  assert.deepEqual(json.scenarios[0].scenario.decisions[0].note, "Cut tutoring hours instead");
  assert.equal(json.scenarios[0].scenario.enrollment_change, "-0.10");
  // The file opens elsewhere with its scenario and decisions (the sample is already
  // there, so it asks, as a share link does).
  const other = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const fresh = await other.newPage();
  await fresh.goto(server.url + "?meeting");
  await fresh.waitForSelector('[data-testid="meeting-total-allocation"]');
  await fresh.click('[data-testid="meeting-leave"]');
  await fresh.setInputFiles('[data-testid="import-file"]', {
    name: "jacaranda.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(json)),
  });
  await fresh.click('[data-testid="shared-replace"]');
  await waitValue(fresh, "balance-total", "-46550");
  await fresh.click('[data-testid="meeting-open"]');
  assert.match(await (await fresh.waitForSelector('[data-testid="decision-0"]')).textContent(), /Keep the nurse at 3 days/);
  await other.close();
  const xlsx = unzip((await download(page, "export-xlsx")).bytes);
  assert.match(xlsx["xl/workbook.xml"].toString("utf8"), /name="Decisions"/);
  const strings = xlsx["xl/sharedStrings.xml"].toString("utf8");
  for (const text of ["Keep the nurse at 3 days", "Cut tutoring hours instead", "Decision", "Note"]) {
    assert.ok(strings.includes(text), `the workbook holds “${text}”`);
  }
  // The handout: the decisions print under the heading line.
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.isVisible('[data-testid="print-decisions"]'), true);
  assert.match(await page.textContent('[data-testid="print-decisions"]'), /Keep the nurse at 3 days — Cut tutoring hours instead/);
  assert.equal(await page.isVisible('[data-testid="meeting-open"]'), false);
  await page.emulateMedia({ media: "screen" });
  assert.equal(await page.isVisible('[data-testid="print-decisions"]'), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test("?meeting&bilingual shows English and Spanish side by side with the same figures", async () => {
  const { context, page, errors } = await openMeeting("?meeting&bilingual");
  const es = await page.waitForSelector('[data-testid="meeting-es"]');
  const en = await page.$('[data-testid="meeting-en"]');
  await page.fill('[data-testid="meeting-enrollment-change"]', "-10");
  await waitValue(page, "meeting-balance", "-46550");
  assert.match(await en.textContent(), /Cut plan/);
  assert.match(await es.textContent(), /Plan de recortes/);
  assert.equal(await es.getAttribute("lang"), "es");
  const [a, b] = [await en.boundingBox(), await es.boundingBox()];
  assert.ok(b.x >= a.x + a.width - 1 && Math.abs(a.y - b.y) < 2, "side by side");
  assert.match(await page.textContent('[data-testid="meeting-decisions"] h2'), /Decisions \/ Decisiones/);
  assert.match(await page.textContent(".meeting-totals"), /Total allocation \/ Asignación total/);
  await page.screenshot({ path: join(ROOT, "screenshots/meeting-bilingual-1280x720.png") });
  // The toggle turns it off, and the address follows.
  await page.click('[data-testid="meeting-bilingual"]');
  await page.waitForSelector('[data-testid="meeting-es"]', { state: "detached" });
  assert.equal(new URL(page.url()).search, "?meeting");
  assert.deepEqual(errors, []);
  await context.close();
});
