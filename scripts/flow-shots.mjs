// Before/after screenshots for issue #13 items 1–3: the What-if panel with a refused
// value and steering "in this scenario", at desktop (1280) and phone (390) widths.
// Usage: node scripts/flow-shots.mjs <dist dir> <label> (PNGs go to screenshots/)
import { resolve } from "node:path";
import { serve, launch } from "../tests/e2e/harness.mjs";

const [dist, label] = process.argv.slice(2);
const server = await serve(resolve(dist));
const browser = await launch();
for (const [width, name] of [[1280, "desktop"], [390, "phone"]]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(server.url);
  await page.waitForSelector('[data-testid="total-allocation"]');
  await page.fill('[data-testid="enrollment-change"]', "-150");
  const shown = await page.waitForSelector('[data-testid="engine-error"], [data-testid="enrollment-change-error"]');
  await shown.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -80));
  await page.screenshot({ path: `screenshots/${label}-refused-${name}.png` });
  await page.close();

  const steer = await browser.newPage({ viewport: { width, height: 900 } });
  await steer.goto(server.url);
  await steer.waitForSelector('[data-testid="total-allocation"]');
  await steer.fill('[data-testid="enrollment-change"]', "-10");
  await steer.waitForSelector('[data-testid="priority-ta-k1"]');
  await steer.selectOption('[data-testid="priority-ta-k1"]', "protected");
  await steer.waitForFunction(() => !document.querySelector('[data-testid="cut-ta-k1"]'));
  const row = await steer.waitForSelector('[data-testid="priority-ta-k1"]');
  await row.scrollIntoViewIfNeeded();
  await steer.evaluate(() => window.scrollBy(0, 250));
  await steer.screenshot({ path: `screenshots/${label}-steer-${name}.png` });
  await steer.close();
}
await browser.close();
await server.close();
