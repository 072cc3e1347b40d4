// Accessibility, WCAG 2.2 AA, of the views a11y.test.mjs does not open: the meeting view
// (alone and bilingual), the network page and the network embed, each in English and in
// Spanish, at a projector's or desktop width and a phone's.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { violations } from "./axe.mjs";
import { ROOT, launch } from "./harness.mjs";
import { NET, networkRoutes } from "./network-fixture.mjs";
import { serveOrigin } from "./origins.mjs";

let app, browser;
before(async () => {
  app = await serveOrigin({
    dir: join(ROOT, "dist"),
    routes: networkRoutes(),
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await app?.close();
});

// [name, query, what shows the view is drawn]
const VIEWS = [
  ["the meeting view", "?meeting", '[data-testid="meeting-school"]'],
  ["the bilingual meeting view", "?meeting&bilingual", '[data-testid="meeting-school"]'],
  ["the network page", `?network=${NET}`, '[data-testid="network-total"][data-pupils="280"]'],
  ["the network embed", `?embed&network=${NET}&change=-10`, '[data-testid="network-total"]'],
];

for (const lang of ["en", "es"]) {
  for (const [name, query, drawn] of VIEWS) {
    test(`axe finds no WCAG 2.2 AA violation on ${name} (lang=${lang})`, async () => {
      for (const viewport of [{ width: 1280, height: 720 }, { width: 390, height: 844 }]) {
        const page = await browser.newPage({ viewport });
        await page.goto(`${app.url}${query}&lang=${lang}`);
        await page.waitForSelector(drawn);
        await page.waitForFunction((l) => document.documentElement.lang === l, lang);
        if (query.includes("bilingual")) {
          await page.waitForSelector('[lang="es"]');
        }
        const found = await violations(page);
        assert.deepEqual(found, [], `axe on ${name}, lang=${lang}, ${viewport.width} px:\n  ${found.join("\n  ")}`);
        await page.close();
      }
    });
  }
}
