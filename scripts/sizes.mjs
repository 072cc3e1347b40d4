// Prints the gzip size of each wasm, JS and CSS file of a built bundle and the first-load
// total (the lazily loaded file worker apart), then the ceiling kept in
// scripts/size-ceiling.json and the headroom. Exits non-zero when the total passes it.
// Usage: node scripts/sizes.mjs [dist]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, extname, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const dir = process.argv[2] ?? "dist";
const ceilingFile = join(dirname(fileURLToPath(import.meta.url)), "size-ceiling.json");
const ceilingKb = Number(JSON.parse(readFileSync(ceilingFile, "utf8")).first_load_gzip_kb);
if (!Number.isFinite(ceilingKb) || ceilingKb <= 0) {
  console.error(`${ceilingFile}: first_load_gzip_kb must be a positive number of KB`);
  process.exit(2);
}

const rows = [];
for (const name of readdirSync(dir)) {
  const ext = extname(name);
  if (![".wasm", ".js", ".css"].includes(ext)) continue;
  const bytes = readFileSync(join(dir, name));
  rows.push({ name, raw: statSync(join(dir, name)).size, gzip: gzipSync(bytes, { level: 9 }).length });
}
if (rows.length === 0) {
  console.error(`${dir}: no wasm, JS or CSS file; build the bundle first`);
  process.exit(2);
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
if (worker) console.log(`${"lazy worker, loaded on first use".padEnd(40)}              gzip ${kb(worker)}`);
console.log(`${"first load (gzip, wasm + js + css)".padEnd(40)}              gzip ${kb(total)}`);
const ceiling = ceilingKb * 1024;
console.log(`${"ceiling (scripts/size-ceiling.json)".padEnd(40)}              gzip ${kb(ceiling)}`);
const headroom = ceiling - total;
if (headroom >= 0) {
  console.log(`${"headroom".padEnd(40)}              gzip ${kb(headroom)}`);
} else {
  console.error(
    `The first load is ${(total / 1024).toFixed(1)} KB gzip, ${(-headroom / 1024).toFixed(1)} KB over ` +
      `its ${ceilingKb} KB ceiling. Make it smaller, or raise first_load_gzip_kb in ` +
      `scripts/size-ceiling.json in a commit of its own that says what the growth buys.`,
  );
  process.exit(1);
}
