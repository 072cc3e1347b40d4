// Lighthouse (npm lighthouse@12.2.3) on the built dist/, served with gzip by a small server
// started here, in the mobile preset (simulated slow 4G, 4x slower CPU) and the desktop
// preset, for the app and the embed. Prints each run's performance score, FCP, LCP, TBT,
// max potential FID, CLS (with each metric's own score) and any console errors. Uses Debian's Chromium; never downloads one.
// Usage: node scripts/lighthouse.mjs [dist] [--runs=N] (N runs per page and preset; the
// median score's run is printed; --only=app:mobile runs one page and preset). Exits non-zero under 95 on mobile or 100 on desktop
// when --check is given.
import { resolve } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { serve } from "./serve-gzip.mjs";

const args = process.argv.slice(2);
const dist = resolve(args.find((a) => !a.startsWith("--")) ?? "dist");
const runs = Number(args.find((a) => a.startsWith("--runs="))?.slice(7) ?? 1);
const check = args.includes("--check");
// --only=app:mobile (page:preset) runs one combination: for looking into one score.
const only = args.find((a) => a.startsWith("--only="))?.slice(7);

const PAGES = [
  ["app", ""],
  ["embed", "?embed&src=sample-school.json"],
];
const PRESETS = [
  ["mobile", undefined],
  ["desktop", desktopConfig],
];

const server = await serve(dist);
/** Runs one audit in a Chromium of its own: one browser for all would remember a missing
 * favicon from the first run and not ask again, hiding its 404 from the later ones. */
async function audit(url, config) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    chromeFlags: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    const flags = { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "best-practices"] };
    return (await lighthouse(url, flags, config)).lhr;
  } finally {
    await chrome.kill();
  }
}
const ms = (audit) => `${Math.round(audit.numericValue)} ms`;
let failed = false;
try {
  for (const [name, query] of PAGES) {
    for (const [preset, config] of PRESETS) {
      if (only && only !== `${name}:${preset}`) continue;
      const results = [];
      for (let i = 0; i < runs; i++) {
        results.push(await audit(server.url + query, config));
      }
      results.sort((a, b) => a.categories.performance.score - b.categories.performance.score);
      const lhr = results[Math.floor(results.length / 2)];
      const a = lhr.audits;
      const score = Math.round(lhr.categories.performance.score * 100);
      const all = results.map((r) => Math.round(r.categories.performance.score * 100)).join(", ");
      console.log(
        `${name.padEnd(6)} ${preset.padEnd(8)} performance ${score}${runs > 1 ? ` (runs: ${all})` : ""}` +
          ` | FCP ${ms(a["first-contentful-paint"])} | LCP ${ms(a["largest-contentful-paint"])}` +
          ` | SI ${ms(a["speed-index"])} | TBT ${ms(a["total-blocking-time"])} | max potential FID ${ms(a["max-potential-fid"])}` +
          ` | CLS ${a["cumulative-layout-shift"].numericValue.toFixed(3)}` +
          // Each metric's own score (0-100), to see which one holds the total back.
          ` | scores ${["first-contentful-paint", "largest-contentful-paint", "speed-index", "total-blocking-time", "cumulative-layout-shift"].map((k) => Math.round((a[k].score ?? 0) * 100)).join("/")}`,
      );
      for (const item of a["errors-in-console"]?.details?.items ?? []) {
        console.log(`       console error: ${item.description ?? ""} ${item.sourceLocation?.url ?? item.url ?? ""}`);
      }
      const blocking = a["render-blocking-resources"]?.details?.items ?? [];
      if (blocking.length) console.log(`       render-blocking: ${blocking.map((b) => b.url.replace(server.url, "")).join(", ")}`);
      if (score < (preset === "mobile" ? 95 : 100)) failed = true;
    }
  }
} finally {
  server.close();
}
if (check && failed) {
  console.error("lighthouse: under 95 on mobile or 100 on desktop");
  process.exit(1);
}
