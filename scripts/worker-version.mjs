// Trunk post_build hook (Trunk.toml): versions the file worker and the Spanish catalog so that a new deploy never
// runs an old worker from a browser or CDN cache. Hashes the worker's built files and writes
// `data-worker="<public url>xlsx_worker_loader.js?v=<hash>"` on the staged index.html's
// <meta name="sitebudget-app">; src/ui/worker.rs starts the worker from that URL and
// web/xlsx_worker_loader.js passes the same `v` on to the worker's script and wasm.
// Usage: TRUNK_STAGING_DIR=<dir> node scripts/worker-version.mjs (Trunk sets the variable).
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// Every file of the worker, the loader too: a change to any of them changes the version.
const FILES = ["xlsx_worker_loader.js", "xlsx_worker.js", "xlsx_worker_bg.wasm"];
const META = /<meta\s+name="sitebudget-app"[^>]*>/;

function fail(message) {
  console.error(`worker-version: ${message}`);
  process.exit(1);
}

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) fail("TRUNK_STAGING_DIR is not set; Trunk sets it when it runs this hook");

// The first 16 hex digits of the SHA-256 of the files, one after another.
const hash = createHash("sha256");
for (const name of FILES) {
  try {
    hash.update(readFileSync(join(dir, name)));
  } catch (e) {
    fail(`the worker file ${name} is missing from ${dir} (${e.code ?? e.message})`);
  }
}
const version = hash.digest("hex").slice(0, 16);
const url = `${process.env.TRUNK_PUBLIC_URL || "./"}xlsx_worker_loader.js?v=${version}`;

const index = join(dir, "index.html");
const html = readFileSync(index, "utf8");
const tag = html.match(META)?.[0];
if (!tag) fail(`${index} has no <meta name="sitebudget-app"> (Trunk.toml's pattern_script writes it)`);
// Replaces any earlier data-worker, so running twice on one file gives the same page.
const versioned = tag
  .replace(/\s+data-worker="[^"]*"/, "")
  .replace('name="sitebudget-app"', `name="sitebudget-app" data-worker="${url}"`);
// The Spanish catalog gets its own version the same way: the page fetches it from
// `data-catalog-es`, and the service worker keeps it with the files of this version.
let catalog;
try {
  catalog = createHash("sha256").update(readFileSync(join(dir, "i18n", "es.json"))).digest("hex").slice(0, 16);
} catch (e) {
  fail(`the Spanish catalog i18n/es.json is missing from ${dir} (${e.code ?? e.message})`);
}
const catalogUrl = `${process.env.TRUNK_PUBLIC_URL || "./"}i18n/es.json?v=${catalog}`;
const withCatalog = versioned
  .replace(/\s+data-catalog-es="[^"]*"/, "")
  .replace('name="sitebudget-app"', `name="sitebudget-app" data-catalog-es="${catalogUrl}"`);
writeFileSync(index, html.replace(META, () => withCatalog));
console.log(`worker-version: the file worker is version ${version}, the Spanish catalog ${catalog}`);
