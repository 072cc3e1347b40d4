// Starts SiteBudget from a file instead of Trunk's inline <script type="module">, so the
// page runs under a Content-Security-Policy with script-src 'self' (no 'unsafe-inline').
// Trunk.toml's pattern_script writes the hashed file names into <meta name="sitebudget-app">.
// While the app loads, index.html shows #boot; if it cannot start, #boot says why in plain words.
const boot = document.getElementById("boot");

/** Replaces the loading note with why the app could not start and what to try. */
function explain(reason) {
  if (!boot || document.querySelector('[data-testid="rescue-panel"]')) return boot?.remove();
  boot.className = "boot boot-failed";
  boot.setAttribute("role", "alert");
  boot.setAttribute("data-testid", "boot-failed");
  const text = boot.querySelector(".boot-text");
  text.textContent = `The calculator could not start: ${reason}.`;
  const hint = document.createElement("p");
  hint.textContent =
    "Budgets saved in this browser are kept. Reload the page; if this keeps happening, " +
    "try an up-to-date Chrome, Edge, Firefox or Safari, or ask whoever manages this computer " +
    "whether WebAssembly is blocked.";
  boot.append(hint);
}

try {
  if (typeof WebAssembly !== "object") throw new Error("this browser cannot run WebAssembly");
  const app = document.querySelector('meta[name="sitebudget-app"]');
  const js = new URL(app.dataset.js, document.baseURI).href;
  const wasm = new URL(app.dataset.wasm, document.baseURI).href;
  let init;
  try {
    ({ default: init } = await import(js));
  } catch {
    throw new Error("its files did not load (the network may be down)");
  }
  try {
    await init({ module_or_path: wasm });
  } catch (err) {
    // A crash while starting already shows the rescue panel; anything else is a load failure.
    throw new Error(/fetch|network|load/i.test(String(err)) ? "its files did not load (the network may be down)" : "this browser refused to run it");
  }
  boot?.remove();
} catch (err) {
  explain(err.message);
  console.error(err);
}
