// Screenshots for the closing note: `node scripts/screenshots.mjs <dist> <prefix>` writes
// <prefix>-desktop.png (1280), <prefix>-phone.png (390), <prefix>-embed.png and
// <prefix>-print.pdf (the sample at −5%, print media) under screenshots/.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { launch, serve, ROOT } from "../tests/e2e/harness.mjs";

const [dist = join(ROOT, "dist"), prefix = "after"] = process.argv.slice(2);
const out = (name) => join(ROOT, "screenshots", `${prefix}-${name}`);
const server = await serve(dist);
const browser = await launch();
try {
  for (const [name, width] of [["desktop", 1280], ["phone", 390]]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(server.url);
    await page.waitForSelector('[data-testid="total-allocation"]');
    await page.fill('[data-testid="enrollment-change"]', "-5");
    await page.press('[data-testid="enrollment-change"]', "Enter");
    await page.waitForSelector('[data-testid="cut-ta-intervention"]', { state: "attached" });
    await page.screenshot({ path: out(`${name}.png`), fullPage: true });
    if (name === "desktop") {
      await page.emulateMedia({ media: "print" });
      await page.screenshot({ path: out("print.png"), fullPage: true });
      await writeFile(out("print.pdf"), await page.pdf({ format: "Letter", printBackground: false }));
    }
    await page.close();
  }
  const page = await browser.newPage({ viewport: { width: 700, height: 900 } });
  await page.goto(`${server.url}?embed&change=-5`);
  await page.waitForSelector('[data-testid="total-allocation"]');
  await page.screenshot({ path: out("embed.png"), fullPage: true });
} finally {
  await browser.close();
  await server.close();
}
