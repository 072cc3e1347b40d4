// Accessibility, WCAG 2.2 AA, of the views a11y.test.mjs does not open: the meeting view
// (alone and bilingual), the network page and the network embed, each in English and in
// Spanish, at a projector's or desktop width and a phone's.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { ROOT, launch } from "./harness.mjs";
import { serveOrigin } from "./origins.mjs";

const AXE = createRequire(import.meta.url).resolve("axe-core");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const FIX = join(ROOT, "tests/e2e/fixtures/network");
const file = (rel) => readFileSync(join(FIX, rel), "utf8");
const NET = "nets/network.json";

let app, browser;
before(async () => {
  app = await serveOrigin({
    dir: join(ROOT, "dist"),
    routes: {
      "/nets/network.json": { body: file("network.json") },
      "/nets/schools/alder.json": { body: file("schools/alder.json") },
      "/nets/schools/birch.json": { body: file("schools/birch.json") },
      "/nets/schools/broken.json": { body: file("schools/broken.json") },
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await app?.close();
});

/** Runs axe on the page and returns its violations, each with the elements it names. */
async function violations(page) {
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }).then((r) => r.violations),
    TAGS,
  );
  return found.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`);
}

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
