// End-to-end: the page in Spanish. `?lang=es` renders it in Spanish from its first paint
// (never the app in English first), <html lang> follows, the top bar's switch goes back to
// English without losing what was typed, the choice survives a reload, and an English
// visit never asks for the Spanish catalog. An embed follows its own lang=.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useServedApp } from "./setup.mjs";

let server, browser;
useServedApp((s, b) => {
  server = s;
  browser = b;
});

// The catalog, with or without its version query.
const CATALOG = /\/i18n\/es\.json(\?v=[0-9a-f]+)?$/;
const sel = (id) => `[data-testid="${id}"]`;

/** A page in a context of its own (its own storage), recording the catalog requests and
 * whether the cut plan's heading was ever drawn in English. */
async function openPage(query) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    window.__englishSeen = false;
    new MutationObserver(() => {
      if (document.getElementById("plan-title")?.textContent === "Cut plan") window.__englishSeen = true;
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  const page = await context.newPage();
  const catalogRequests = [];
  page.on("request", (r) => {
    if (CATALOG.test(new URL(r.url()).pathname)) catalogRequests.push(r.url());
  });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(server.url + query);
  return { context, page, catalogRequests, errors };
}

const htmlLang = (page) => page.evaluate(() => document.documentElement.lang);
const planTitle = (page) => page.textContent("#plan-title");

test("an English visit never asks for the Spanish catalog", async () => {
  const { context, page, catalogRequests, errors } = await openPage("");
  await page.waitForSelector(sel("total-allocation"));
  assert.equal(await planTitle(page), "Cut plan");
  assert.equal(await htmlLang(page), "en");
  assert.deepEqual(catalogRequests, [], "no request for i18n/es.json");
  assert.deepEqual(errors, []);
  await context.close();
});

test("?lang=es shows the app in Spanish from its first paint, money still in dollars", async () => {
  const { context, page, catalogRequests, errors } = await openPage("?lang=es");
  await page.waitForSelector(sel("total-allocation"));
  assert.equal(await htmlLang(page), "es");
  assert.equal(await planTitle(page), "Plan de recortes");
  assert.equal(await page.textContent("#lines-title"), "Líneas del presupuesto");
  assert.match(await page.textContent(".figures"), /Asignación total/);
  // The sample's allocation, formatted as in English: a dollar sign, commas, no cents shown
  // in words of another currency.
  const money = await page.textContent(sel("total-allocation"));
  assert.match(money, /^\$\d{1,3}(,\d{3})+(\.\d{2})?$/, money);
  assert.equal(await page.getAttribute(sel("lang-switch"), "data-testid"), "lang-switch");
  assert.equal(await page.$eval(sel("lang-switch"), (s) => s.value), "es");
  assert.equal(await page.evaluate(() => window.__englishSeen), false, "never drawn in English first");
  assert.equal(catalogRequests.length, 1, "the catalog is fetched once");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the plan in Spanish: a cut under a 10% decline, worded with its Spanish labels", async () => {
  const { context, page } = await openPage("?lang=es");
  await page.waitForSelector(sel("enrollment-change"));
  await page.fill(sel("enrollment-change"), "-10");
  await page.waitForSelector(`${sel("cut-plan")} .cut-list li`);
  // The figure's label changes with the scenario: "Balance before cuts" in Spanish.
  assert.match(await page.textContent(".figures"), /Saldo antes de los recortes/);
  // The sample at −10% loses TK-3 teachers by the district norm (the card's badge) and
  // offers other lines to cut instead (the card's buttons), both worded on the page.
  const plan = await page.textContent(sel("cut-plan"));
  assert.match(plan, /Norma del distrito/);
  assert.match(plan, /recortar esta en su lugar/);
  assert.doesNotMatch(plan, /cut this instead|District norm\b(?!:)/);
  assert.match(await page.textContent(sel("enrollment-readout")), /alumnos/);
  await context.close();
});

test("the switch goes back to English keeping what was typed, and a reload keeps the choice", async () => {
  const { context, page, catalogRequests } = await openPage("?lang=es");
  await page.waitForSelector(sel("enrollment-change"));
  // Work in progress: a scenario change and the budget editor left open.
  await page.fill(sel("enrollment-change"), "-5");
  await page.waitForSelector(`${sel("balance-total")}`);
  await page.click(sel("editor-toggle"));
  await page.waitForSelector(sel("editor-tab-lines"));
  const balance = await page.getAttribute(sel("balance-after-plan"), "data-value");

  await page.selectOption(sel("lang-switch"), "en");
  await page.waitForFunction(() => document.getElementById("plan-title")?.textContent === "Cut plan");
  assert.equal(await htmlLang(page), "en");
  assert.equal(await page.inputValue(sel("enrollment-change")), "-5", "the typed change stays");
  assert.equal(await page.getAttribute(sel("balance-after-plan"), "data-value"), balance);
  assert.equal(await page.textContent(sel("editor-toggle")), "Close editor", "the editor stays open");
  assert.equal(await page.evaluate(() => localStorage.getItem("sitebudget-lang")), "en");
  // The address said lang=es: it now says lang=en, so a reload stays in English.
  assert.match(page.url(), /[?&]lang=en\b/);
  await page.reload();
  await page.waitForSelector(sel("total-allocation"));
  assert.equal(await planTitle(page), "Cut plan");
  assert.equal(await page.inputValue(sel("enrollment-change")), "-5", "the scenario was saved");

  // Spanish again, from the switch: the catalog is fetched for this page, then remembered
  // for a visit without lang= in the address.
  await page.selectOption(sel("lang-switch"), "es");
  await page.waitForFunction(() => document.getElementById("plan-title")?.textContent === "Plan de recortes");
  assert.equal(await htmlLang(page), "es");
  await page.goto(server.url);
  await page.waitForSelector(sel("total-allocation"));
  assert.equal(await planTitle(page), "Plan de recortes");
  assert.equal(await htmlLang(page), "es");
  assert.ok(catalogRequests.length >= 2);
  await context.close();
});

test("a catalog that cannot load says so in both languages and the page stays in English", async () => {
  const context = await browser.newContext();
  await context.route(CATALOG, (route) => route.abort("internetdisconnected"));
  const page = await context.newPage();
  await page.goto(server.url + "?lang=es");
  await page.waitForSelector(sel("total-allocation"));
  const notice = await page.textContent(sel("lang-failed"));
  assert.match(notice, /Spanish texts could not be loaded/);
  assert.match(notice, /No se pudieron cargar los textos en español/);
  assert.equal(await planTitle(page), "Cut plan");
  assert.equal(await htmlLang(page), "en");
  await context.close();
});

test("an embed follows its own lang=, and its Open link carries it", async () => {
  const { context, page, errors } = await openPage("?embed&lang=es");
  await page.waitForSelector(`${sel("embed")} ${sel("total-allocation")}`);
  assert.equal(await htmlLang(page), "es");
  assert.equal(await page.textContent(sel("embed-open")), "Abrir en SiteBudget");
  assert.match(await page.getAttribute(sel("embed-open"), "href"), /[?&]lang=es\b/);
  assert.equal(await planTitle(page), "Plan de recortes");
  assert.equal(await page.$(sel("lang-switch")), null, "an embed has no switch");
  assert.deepEqual(errors, []);
  // The app's remembered choice does not reach an embed: its host decides.
  await page.evaluate(() => localStorage.setItem("sitebudget-lang", "es"));
  await page.goto(server.url + "?embed");
  await page.waitForSelector(`${sel("embed")} ${sel("total-allocation")}`);
  assert.equal(await planTitle(page), "Cut plan");
  assert.equal(await htmlLang(page), "en");
  await context.close();
});

test("the file helper is told the page's language and still reads a CSV in Spanish", async () => {
  const { context, page, errors } = await openPage("?lang=es");
  await page.waitForSelector(sel("total-allocation"));
  // One good row and one whose funding source does not exist (the worker reads CSV).
  const csv = [
    "Position,Salary,FTE,Funding source",
    'Classroom teacher,"$118,000",3,General fund (school allocation)',
    'Librarian,"$70,000",1,Library fund',
    "",
  ].join("\n");
  await page.setInputFiles(sel("import-file"), { name: "lineas.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  const preview = await page.waitForSelector(sel("import-preview"));
  assert.equal(await preview.getAttribute("aria-label"), "Vista previa de la importación");
  // "lineas.csv: 1 good row can be imported; 1 row cannot…", worded in Spanish on the page.
  assert.match(await preview.textContent(), /lineas\.csv: 1 fila correcta se puede importar; 1 fila no se puede importar/);
  assert.match(await page.textContent(sel("import-good-rows")), /./);
  await page.click(sel("import-cancel"));
  await page.waitForSelector(sel("import-preview"), { state: "detached" });
  assert.deepEqual(errors, []);
  await context.close();
});

test("the loading note speaks Spanish from its first paint, and so does its explanation if the app cannot start", async () => {
  // The app's files never arrive: what the reader sees is the note index.html carries.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.route(/sitebudget-[0-9a-f]+_bg\.wasm$/, (route) => route.abort());
  await page.goto(server.url + "?lang=es");
  const note = await page.waitForSelector('[data-testid="boot-failed"]');
  assert.equal(await htmlLang(page), "es");
  const text = await note.textContent();
  assert.match(text, /La calculadora no pudo iniciarse: sus archivos no se cargaron/);
  assert.match(text, /Vuelva a cargar la página/);
  await context.close();

  // Held before the app starts: the lead and the loading line are the catalog's Spanish.
  const held = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const slow = await held.newPage();
  await slow.route(/sitebudget-[0-9a-f]+_bg\.wasm$/, () => {}); // never answered
  await slow.goto(server.url + "?embed&src=sample-school.json&lang=es");
  await slow.waitForSelector("#boot .boot-lead");
  const catalog = JSON.parse(await (await fetch(server.url + "i18n/es.json")).text());
  assert.equal(
    (await slow.textContent("#boot .boot-lead")).trim(),
    catalog["A school's budget line by line: what a change in enrollment does to it, the cuts it calls for, and where the money can move."],
  );
  assert.equal((await slow.textContent("#boot .boot-text")).trim(), catalog["Loading the budget calculator…"]);
  await held.close();
});

test("on a phone the cue over a wide table is in the page's language", async () => {
  const cue = async (query) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(server.url + query);
    await page.waitForSelector('[data-testid="total-allocation"]');
    const text = await page.$eval(".table-wrap:has(th:nth-child(4))", (el) => getComputedStyle(el, "::before").content);
    await context.close();
    return text;
  };
  const catalog = JSON.parse(await (await fetch(server.url + "i18n/es.json")).text());
  assert.equal(await cue("?lang=es"), JSON.stringify(catalog["Swipe sideways for more columns →"]));
  assert.equal(await cue(""), JSON.stringify("Swipe sideways for more columns →"));
});
