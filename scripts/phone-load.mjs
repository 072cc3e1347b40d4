// The first visit on a phone, measured rather than simulated: dist/ served with gzip, loaded
// in Chromium under DevTools throttling at Lighthouse's slow-4G figures as DevTools applies
// them (562.5 ms round trip, 1.47 Mbps down, 675 Kbps up) and a 4x slower CPU, with the cache
// off. Prints the first paint (the loading note), when the app's budget is on screen (the
// note gone), and when each file was asked for and arrived. Lighthouse's simulation
// (scripts/lighthouse.mjs) scores the page; this says what a reader waits for.
// Usage: node scripts/phone-load.mjs [dist] [--runs=N] [--query=?embed&src=sample-school.json]
import { resolve } from "node:path";
import { chromium } from "playwright-core";
import { serve } from "./serve-gzip.mjs";

const args = process.argv.slice(2);
const dist = resolve(args.find((a) => !a.startsWith("--")) ?? "dist");
const runs = Number(args.find((a) => a.startsWith("--runs="))?.slice(7) ?? 3);
const query = args.find((a) => a.startsWith("--query="))?.slice(8) ?? "";

const server = await serve(dist);
const url = server.url + query;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu"] });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seen = [];
try {
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const files = new Map();
    let t0;
    cdp.on("Network.requestWillBeSent", (e) => {
      t0 ??= e.timestamp;
      files.set(e.requestId, { name: e.request.url.split("/").pop().split("?")[0] || "index.html", start: (e.timestamp - t0) * 1000 });
    });
    cdp.on("Network.loadingFinished", (e) => {
      const f = files.get(e.requestId);
      if (f) f.end = (e.timestamp - t0) * 1000;
    });
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction(() => !document.getElementById("boot"), null, { timeout: 120000, polling: 50 });
    const { paint, app } = await page.evaluate(() => ({ paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime, app: performance.now() }));
    seen.push({ paint, app });
    if (run === 0) {
      const ms = (x) => (x === undefined ? "…" : Math.round(x));
      console.log(`files (first run): ${[...files.values()].map((f) => `${f.name} ${ms(f.start)}–${ms(f.end)} ms`).join(" | ")}`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(
  `/${query} on a throttled phone, ${runs} runs: first paint median ${Math.round(median(seen.map((s) => s.paint)))} ms, ` +
    `budget on screen median ${Math.round(median(seen.map((s) => s.app)))} ms (runs: ${seen.map((s) => Math.round(s.app)).join(", ")} ms)`,
);
