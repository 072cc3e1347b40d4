// Starts SiteBudget from a file instead of Trunk's inline <script type="module">, so the
// page runs under a Content-Security-Policy with script-src 'self' (no 'unsafe-inline').
// Trunk.toml's pattern_script writes the hashed file names into <meta name="sitebudget-app">.
// While the app loads, index.html shows #boot over the page; if it cannot start, #boot says
// why in plain words.
const boot = document.getElementById("boot");
const note = boot?.querySelector(".boot");

/** Replaces the loading note with why the app could not start and what to try. */
function explain(reason) {
  if (!note || document.querySelector('[data-testid="rescue-panel"]')) return boot?.remove();
  note.className = "boot boot-failed";
  note.setAttribute("role", "alert");
  note.setAttribute("data-testid", "boot-failed");
  note.querySelector(".boot-lead")?.remove();
  const text = note.querySelector(".boot-text");
  text.textContent = `The calculator could not start: ${reason}.`;
  const hint = document.createElement("p");
  hint.textContent =
    "Budgets saved in this browser are kept. Reload the page; if this keeps happening, " +
    "try an up-to-date Chrome, Edge, Firefox or Safari, or ask whoever manages this computer " +
    "whether WebAssembly is blocked.";
  note.append(hint);
}

// The app's own notes while it still reads saved budgets or fetches an embed's budget.
const LOADING = '[data-testid="store-loading"], [data-testid="embed-loading"]';

/** Takes the note away once the app shows more than a loading note of its own (whose words
 * the note takes on meanwhile), so the page goes from the note straight to the budget in
 * one frame: one paint of content, nothing shifting under the reader. */
function removeWhenRendered() {
  // The app renders into #app beside the note (src/ui/mod.rs), once `init` has run.
  const app = document.getElementById("app");
  const check = () => {
    // A crash shows the rescue panel (on the body): the note gives way to it at once.
    const rescue = document.querySelector('[data-testid="rescue-panel"]');
    if (!rescue && app && app.childElementCount === 0) return;
    const loading = !rescue && document.querySelector(LOADING);
    if (!loading) {
      watcher.disconnect();
      boot?.remove();
      if (!rescue) keepOffline();
      return;
    }
    const words = loading.querySelector(".boot-text")?.textContent ?? loading.textContent;
    const text = note?.querySelector(".boot-text");
    if (text && words && text.textContent !== words) text.textContent = words;
  };
  const watcher = new MutationObserver(check);
  watcher.observe(document.body, { childList: true, subtree: true });
  check();
}

/** Registers web/sw.js (the app's files kept for use with no network), scoped to the app's
 * directory, once the app is on screen. Not from an embed or any page in a frame: a family
 * reading a school's site should not have the app stored in their browser for it. */
function keepOffline() {
  const embedded = document.querySelector('[data-testid="embed"]') || window.top !== window.self;
  if (embedded || !("serviceWorker" in navigator)) return;
  navigator.serviceWorker
    .register(new URL("sw.js", document.baseURI), { scope: "./", updateViaCache: "none" })
    .catch((err) => console.warn("SiteBudget will not open offline:", err));
}

try {
  if (typeof WebAssembly !== "object") throw new Error("this browser cannot run WebAssembly");
  const app = document.querySelector('meta[name="sitebudget-app"]');
  const js = new URL(app.dataset.js, document.baseURI).href;
  const wasm = new URL(app.dataset.wasm, document.baseURI).href;
  // The note is painted before anything of the app is fetched (a frame, then a task). On a
  // phone the 550 KB of WebAssembly would otherwise share the first round trips with the
  // stylesheet, and on a fast connection the app could be drawn before the note was ever
  // shown. No preload either (Trunk.toml's empty pattern_preload): a preloaded wasm that
  // arrives before the first paint is counted by Lighthouse as holding that paint back.
  // A hidden page or a frame out of view gets no frames: there, 100 ms at most.
  await new Promise((painted) => {
    if (document.visibilityState === "hidden") return painted();
    requestAnimationFrame(() => setTimeout(painted));
    setTimeout(painted, 100);
  });
  // The glue and the wasm come at once; `init` compiles the wasm as it streams in.
  const wasmResponse = fetch(wasm);
  wasmResponse.catch(() => {}); // a failure is reported by `init` below, not twice
  let init;
  try {
    ({ default: init } = await import(js));
  } catch {
    throw new Error("its files did not load (the network may be down)");
  }
  try {
    await init({ module_or_path: wasmResponse });
  } catch (err) {
    // A crash while starting already shows the rescue panel; anything else is a load failure.
    throw new Error(/fetch|network|load/i.test(String(err)) ? "its files did not load (the network may be down)" : "this browser refused to run it");
  }
  removeWhenRendered();
} catch (err) {
  explain(err.message);
  console.error(err);
}
