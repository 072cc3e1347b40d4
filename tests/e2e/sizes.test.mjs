// The size guard: scripts/sizes.mjs fails when the first load (wasm + JS + CSS, the lazy
// file worker apart) passes the ceiling in scripts/size-ceiling.json. Run on fake bundles
// of random bytes, which gzip cannot shrink, so their gzip size is known within a few bytes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./harness.mjs";

const SCRIPT = join(ROOT, "scripts", "sizes.mjs");
const CEILING_KB = JSON.parse(readFileSync(join(ROOT, "scripts", "size-ceiling.json"), "utf8"))
  .first_load_gzip_kb;

/** Writes `files` ({ name: size in KB of random bytes }) to a fresh folder, runs the
 * guard on it with its real ceiling, and returns its exit code and output. */
function guard(files) {
  const dist = mkdtempSync(join(tmpdir(), "sitebudget-sizes-"));
  try {
    for (const [name, kb] of Object.entries(files)) {
      writeFileSync(join(dist, name), randomBytes(Math.round(kb * 1024)));
    }
    const run = spawnSync(process.execPath, [SCRIPT, dist], { encoding: "utf8" });
    return { code: run.status, out: run.stdout, err: run.stderr };
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
}

test("the ceiling is a positive number of KB", () => {
  assert.equal(typeof CEILING_KB, "number");
  assert.ok(CEILING_KB > 0);
});

test("a first load under the ceiling passes and shows its headroom", () => {
  // 40 KB under the ceiling in all: the app's wasm, JS and CSS.
  const r = guard({ "app_bg.wasm": CEILING_KB - 60, "app.js": 15, "style.css": 5 });
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /first load .* gzip +\d+\.\d KB/);
  assert.match(r.out, new RegExp(`ceiling .* gzip +${CEILING_KB}\\.0 KB`));
  // Random bytes gzip to their size plus a few header bytes: about 40 KB of headroom.
  const headroom = Number(r.out.match(/headroom +gzip +(\d+\.\d) KB/)[1]);
  assert.ok(headroom > 39 && headroom <= 40, `headroom ${headroom}`);
});

test("a first load over the ceiling fails with a plain message", () => {
  // 10 KB over the ceiling in all.
  const r = guard({ "app_bg.wasm": CEILING_KB - 10, "app.js": 15, "style.css": 5 });
  assert.equal(r.code, 1);
  assert.match(r.err, new RegExp(`over its ${CEILING_KB} KB ceiling`));
  assert.match(r.err, /size-ceiling\.json/);
});

test("the lazily loaded file worker does not count toward the ceiling", () => {
  const r = guard({
    "app_bg.wasm": 100,
    "app.js": 10,
    "xlsx_worker_bg.wasm": CEILING_KB + 100,
    "xlsx_worker.js": 10,
  });
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /lazy worker, loaded on first use +gzip +\d+\.\d KB/);
});
