// Takes a screenshot of the built dist/ in headless Chromium: node scripts/shot.mjs out.png [width] [height] [percent]
import { serve, launch } from "../tests/e2e/harness.mjs";

const [out = "screenshots/shot.png", width = "1280", height = "900", percent] = process.argv.slice(2);
const server = await serve();
const browser = await launch();
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
page.on("pageerror", (e) => console.error("page error:", e.message));
page.on("console", (m) => m.type() === "error" && console.error("console:", m.text()));
await page.goto(server.url);
await page.waitForSelector('[data-testid="total-allocation"]', { timeout: 15000 });
if (percent !== undefined) await page.fill('[data-testid="enrollment-change"]', percent);
await page.waitForTimeout(200);
await page.screenshot({ path: out, fullPage: process.env.FULL === "1" });
await browser.close();
await server.close();
console.log("wrote", out);
