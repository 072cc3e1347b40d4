// SiteBudget's service worker: the app opens and works with no network once it has been
// visited. Registered by web/boot.js (never from an embed), with the app's directory as its
// scope, so it works under any sub-path.
//
// One version of the app = the exact set of files its index.html names (every file name
// carries a hash of its content; the file worker's carry `?v=<hash>`). Each version is kept
// whole in its own cache, filled completely before a small record switches "current" to
// it, so an offline visit gets one version's index.html and that same version's files,
// never a mix. The page itself is asked of the network first, so a deploy takes effect on
// the next visit that has a network; the cache answers only when the network cannot.
const PREFIX = "sitebudget-files-";
const META = "sitebudget-meta";
const CURRENT = new URL("./sw-current", self.registration.scope).href;
const INDEX = new URL("./", self.registration.scope).href;

/** The URLs (absolute) of every file `html` names: its links, scripts, the app's script and
 * wasm, and the file worker's loader with the worker's script and wasm under its version. */
function filesNamed(html) {
  const urls = new Set();
  for (const [, value] of html.matchAll(/\s(?:href|src|data-js|data-wasm|data-worker|data-catalog-es)="([^"]+)"/g)) {
    const url = new URL(value.replaceAll("&amp;", "&"), INDEX);
    if (url.origin === self.location.origin) urls.add(url.href);
  }
  // web/xlsx_worker_loader.js starts the worker from these two, with the loader's `?v=`.
  for (const href of [...urls]) {
    const url = new URL(href);
    if (url.pathname.endsWith("/xlsx_worker_loader.js")) {
      for (const name of ["xlsx_worker.js", "xlsx_worker_bg.wasm"]) {
        urls.add(new URL(name + url.search, url).href);
      }
    }
  }
  return [...urls].sort();
}

/** A version's cache name: a hash of the file list (the names already hash the contents). */
async function versionOf(files) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(files.join("\n")));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return PREFIX + hex.slice(0, 16);
}

/** The current version's cache name, if one has been kept whole. */
async function current() {
  const record = await (await caches.open(META)).match(CURRENT);
  return record ? record.text() : null;
}

/** Keeps the version named by `page` (index.html's response): every file it names, then the
 * page itself, then the switch of "current"; a failure leaves the previous version current.
 * The version before stays too (a page still open on it may yet start its file worker);
 * older ones are deleted. */
async function keep(page) {
  const html = await page.clone().text();
  const files = filesNamed(html);
  const name = await versionOf(files);
  const was = await current();
  if (was === name) return;
  const cache = await caches.open(name);
  // Asked of the network, not of the browser's HTTP cache, which may hold another version.
  await cache.addAll(files.map((url) => new Request(url, { cache: "reload" })));
  await cache.put(INDEX, page);
  await (await caches.open(META)).put(CURRENT, new Response(name));
  for (const old of await caches.keys()) {
    if (old.startsWith(PREFIX) && old !== name && old !== was) await caches.delete(old);
  }
}

/** The app's page from the network, as a fresh copy. */
function fetchIndex() {
  return fetch(INDEX, { cache: "no-cache" });
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    fetchIndex()
      .then((page) => (page.ok ? keep(page) : undefined))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim());
});

/** Whether `url` is the app's page: the scope's directory or its index.html, any query. */
function isIndex(url) {
  return url.pathname === new URL(INDEX).pathname || url.pathname === new URL("index.html", INDEX).pathname;
}

/** The page: the network's copy (kept as the new version, after it is shown), else the
 * current version's copy. */
async function page(event) {
  try {
    const fresh = await fetch(event.request);
    if (fresh.ok) event.waitUntil(keep(fresh.clone()).catch(() => {}));
    return fresh;
  } catch (offline) {
    const name = await current();
    const kept = name && (await (await caches.open(name)).match(INDEX));
    if (kept) return kept;
    throw offline;
  }
}

/** A file: from a kept version when one holds it (its name fixes its content), else the
 * network. */
async function file(request) {
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX)) continue;
    const hit = await (await caches.open(name)).match(request);
    if (hit) return hit;
  }
  return fetch(request);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    if (isIndex(url)) event.respondWith(page(event));
    return;
  }
  // Only the files of a kept version are answered here; anything else (an embed's budget,
  // a share link's file) goes to the network untouched.
  event.respondWith(file(request));
});
