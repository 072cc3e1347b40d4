// Starts SiteBudget from a file instead of Trunk's inline <script type="module">, so the
// page runs under a Content-Security-Policy with script-src 'self' (no 'unsafe-inline').
// Trunk.toml's pattern_script writes the hashed file names into <meta name="sitebudget-app">.
const app = document.querySelector('meta[name="sitebudget-app"]');
const js = new URL(app.dataset.js, document.baseURI).href;
const wasm = new URL(app.dataset.wasm, document.baseURI).href;
const { default: init } = await import(js);
await init({ module_or_path: wasm });
