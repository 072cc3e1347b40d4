// Starts the file worker (src/bin/xlsx_worker.rs) in place of Trunk's loader shim. The page
// loads this file as xlsx_worker_loader.js?v=<hash of the worker's files> (written at build
// time by scripts/worker-version.mjs) and the same version goes on the worker's script and
// wasm, so no browser or CDN cache can pair a new page with an old worker.
const version = new URLSearchParams(self.location.search).get("v");
const query = version ? `?v=${encodeURIComponent(version)}` : "";
importScripts(`./xlsx_worker.js${query}`);
wasm_bindgen({ module_or_path: `./xlsx_worker_bg.wasm${query}` }).catch((e) => {
  // Rethrown outside the promise, so the page's `error` handler hears of it and answers
  // waiting requests in plain words instead of leaving them unanswered.
  setTimeout(() => {
    throw e;
  });
});
