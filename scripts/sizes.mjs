// Prints the gzip size of each wasm, JS and CSS file of a built bundle, their sum, and
// whether the sum is within the 250 KB budget (informational: it never fails the run).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, extname } from "node:path";
import { gzipSync } from "node:zlib";

const dir = process.argv[2] ?? "dist";
const rows = [];
for (const name of readdirSync(dir)) {
  const ext = extname(name);
  if (![".wasm", ".js", ".css"].includes(ext)) continue;
  const bytes = readFileSync(join(dir, name));
  rows.push({ name, ext, raw: statSync(join(dir, name)).size, gzip: gzipSync(bytes, { level: 9 }).length });
}
rows.sort((a, b) => b.gzip - a.gzip);
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KB";
// The XLSX worker loads only on first XLSX or share-link use, so it is counted apart.
const lazy = (r) => r.name.startsWith("xlsx_worker");
let total = 0;
let worker = 0;
for (const r of rows) {
  if (lazy(r)) worker += r.gzip;
  else total += r.gzip;
  console.log(`${r.name.padEnd(40)} raw ${kb(r.raw)}  gzip ${kb(r.gzip)}`);
}
console.log(`${"total (gzip, wasm + js + css)".padEnd(40)}              gzip ${kb(total)}`);
const LIMIT_KB = 250;
console.log(`limit ${LIMIT_KB} KB: ${total <= LIMIT_KB * 1024 ? "ok" : "over"}`);
if (worker) console.log(`${"lazy worker, loaded on first use".padEnd(40)}              gzip ${kb(worker)}`);
