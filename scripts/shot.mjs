// Takes a screenshot of the built dist/ in headless Chromium: node scripts/shot.mjs out.png [width] [height] [percent]
import { serve, launch, openApp } from "../tests/e2e/harness.mjs";

const [out = "screenshots/shot.png", width = "1280", height = "900", percent] = process.argv.slice(2);
const server = await serve();
const browser = await launch();
const { page, errors } = await openApp(browser, server.url, { width: Number(width), height: Number(height) });
if (percent !== undefined) {
  await page.fill('[data-testid="enrollment-change"]', percent);
  await page.waitForFunction((p) => document.querySelector('[data-testid="enrollment-readout"]')?.textContent.includes(`${Math.abs(Number(p))}%`), percent);
}
// Two animation frames: the page has laid out and painted.
await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
await page.screenshot({ path: out, fullPage: process.env.FULL === "1" });
for (const e of errors) console.error("page error:", e);
await browser.close();
await server.close();
console.log("wrote", out);
