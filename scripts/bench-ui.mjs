// Browser benchmark: loads a generated budget into the built app in headless Chromium,
// moves the enrollment slider 50 times, and reports input-to-updated-DOM times
// (after a forced layout) and the time from navigation to the first rendered budget.
// Five warm-up moves run first and are not counted.
// Usage: node scripts/bench-ui.mjs [lines=500] [moves=50]   (build dist/ first)
import { serve, launch, importFile, threadClock } from "../tests/e2e/harness.mjs";
import { generateBudget } from "../tests/e2e/generate.mjs";

const lines = Number(process.argv[2] ?? 500);
const moves = Number(process.argv[3] ?? 50);
const server = await serve();
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });

const t0 = Date.now();
await page.goto(server.url);
await page.waitForSelector('[data-testid="total-allocation"]');
const firstRender = await page.evaluate(() => performance.now());
console.log(`navigation to first rendered budget: ${firstRender.toFixed(1)} ms (wall ${Date.now() - t0} ms)`);

await importFile(page, "generated.json", "application/json", Buffer.from(JSON.stringify(generateBudget(lines))));
await page.waitForFunction((n) => document.querySelectorAll('[data-testid^="line-"]').length === n, lines);

if (process.env.YEARS) {
  await page.selectOption('[data-testid="projection-years"]', process.env.YEARS);
  await page.waitForTimeout(100);
}
const warmup = 5; // first moves run while the wasm tiers up; they are not counted
const samples = await page.evaluate(async ([moves, warmup]) => {
  const slider = document.querySelector('[data-testid="enrollment-slider"]');
  const readout = document.querySelector('[data-testid="enrollment-readout"]');
  const out = [];
  for (let i = -warmup; i < moves; i++) {
    const value = String((((i + 61) * 7) % 61) - 30); // consecutive values always differ
    const before = readout.textContent;
    const start = performance.now();
    slider.value = value;
    slider.dispatchEvent(new Event("input", { bubbles: true }));
    // Wait for Yew to patch the DOM (it may defer to a microtask), then force layout.
    for (let spins = 0; readout.textContent === before; spins++) {
      await (spins < 1000 ? Promise.resolve() : new Promise((r) => setTimeout(r, 0)));
      if (spins > 5000) throw new Error("the page did not update");
    }
    void document.body.offsetHeight;
    if (i >= 0) out.push([performance.now() - start, value]);
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  }
  return out;
}, [moves, warmup]);
if (process.env.DIST) console.log(samples.map(([t, v]) => `${v}:${t.toFixed(1)}`).join(" "));
const times = samples.map(([t]) => t);

times.sort((a, b) => a - b);
const pick = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
console.log(`${lines} lines, ${moves} slider moves: median ${pick(0.5).toFixed(2)} ms, p95 ${pick(0.95).toFixed(2)} ms, max ${times.at(-1).toFixed(2)} ms`);

// The same moves again, timed by the page's main-thread CPU time (Chromium's ThreadTime)
// rather than the clock: on a busy machine the clock also counts time spent waiting for a
// core, the CPU time does not.
const threadTime = await threadClock(page);
const cpu = [];
for (let i = 0; i < moves; i++) {
  const value = String((((i + 61) * 7) % 61) - 30);
  const before = await threadTime();
  await page.evaluate(async (value) => {
    const slider = document.querySelector('[data-testid="enrollment-slider"]');
    const readout = document.querySelector('[data-testid="enrollment-readout"]');
    const was = readout.textContent;
    slider.value = value;
    slider.dispatchEvent(new Event("input", { bubbles: true }));
    for (let spins = 0; readout.textContent === was && spins < 5000; spins++) await Promise.resolve();
    void document.body.offsetHeight;
  }, value);
  cpu.push((await threadTime()) - before);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
}
cpu.sort((a, b) => a - b);
const cpuPick = (q) => cpu[Math.min(cpu.length - 1, Math.floor(q * cpu.length))];
console.log(`main-thread CPU per move: median ${cpuPick(0.5).toFixed(2)} ms, p95 ${cpuPick(0.95).toFixed(2)} ms`);
await browser.close();
await server.close();
