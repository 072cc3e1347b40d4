// Starts SiteBudget from a file instead of Trunk's inline <script type="module">, so the
// page runs under a Content-Security-Policy with script-src 'self' (no 'unsafe-inline').
// Trunk.toml's pattern_script writes the hashed file names into <meta name="sitebudget-app">.
// While the app loads, index.html shows #boot over the page; if it cannot start, #boot says
// why in plain words.
const boot = document.getElementById("boot");
const note = boot?.querySelector(".boot");

/** The note's words in Spanish: the catalog's own texts (crates/core/tests/i18n.rs checks
 * each against i18n/es.json), here because the note shows before the catalog could load. */
const ES = {
  "A school's budget line by line: what a change in enrollment does to it, the cuts it calls for, and where the money can move.":
    "El presupuesto de una escuela línea por línea: lo que le hace un cambio en la inscripción, los recortes que exige y dónde se puede mover el dinero.",
  "Loading the budget calculator…": "Cargando la calculadora de presupuestos…",
  "The calculator could not start: {reason}.": "La calculadora no pudo iniciarse: {reason}.",
  "this browser cannot run WebAssembly": "este navegador no puede ejecutar WebAssembly",
  "its files did not load (the network may be down)": "sus archivos no se cargaron (puede que no haya conexión)",
  "this browser refused to run it": "este navegador se negó a ejecutarla",
  "Budgets saved in this browser are kept. Reload the page; if this keeps happening, try an up-to-date Chrome, Edge, Firefox or Safari, or ask whoever manages this computer whether WebAssembly is blocked.":
    "Los presupuestos guardados en este navegador se conservan. Vuelva a cargar la página; si sigue ocurriendo, pruebe con Chrome, Edge, Firefox o Safari actualizados, o pregunte a quien administra esta computadora si WebAssembly está bloqueado.",
};

/** Whether the page will speak Spanish, chosen as src/ui/lang.rs chooses: `lang=` first,
 * then (outside an embed) the switch's choice remembered in this browser. */
function speaksSpanish() {
  const params = new URLSearchParams(location.search);
  const asked = params.get("lang")?.trim().toLowerCase();
  if (asked === "es" || asked === "en") return asked === "es";
  const embed = params.has("embed") && !["0", "false", "no"].includes(params.get("embed")?.trim());
  try {
    return !embed && localStorage.getItem("sitebudget-lang") === "es";
  } catch {
    return false; // storage blocked: nothing remembered
  }
}
const spanish = speaksSpanish();
/** `text` in the page's language. */
const t = (text) => (spanish && ES[text]) || text;

// The note in the reader's language from its first paint.
if (spanish && note) {
  document.documentElement.lang = "es";
  for (const p of note.querySelectorAll(".boot-lead, .boot-text")) p.textContent = t(p.textContent.trim());
}

/** Replaces the loading note with why the app could not start and what to try. */
function explain(reason) {
  if (!note || document.querySelector('[data-testid="rescue-panel"]')) return boot?.remove();
  note.className = "boot boot-failed";
  note.setAttribute("role", "alert");
  note.setAttribute("data-testid", "boot-failed");
  note.querySelector(".boot-lead")?.remove();
  const text = note.querySelector(".boot-text");
  text.textContent = t("The calculator could not start: {reason}.").replace("{reason}", t(reason));
  const hint = document.createElement("p");
  hint.textContent = t(
    "Budgets saved in this browser are kept. Reload the page; if this keeps happening, try an up-to-date Chrome, Edge, Firefox or Safari, or ask whoever manages this computer whether WebAssembly is blocked.",
  );
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

/** The budget or network the address names (`src=`, `network=`, on this site only), asked
 * for at once instead of after the app has started: on a phone that is a round trip less
 * before an embed shows its budget. The app takes each response once, after checking the
 * address under its own rules (src/ui/embed/load.rs, `early_fetch`); one it refuses is
 * simply never read. */
function fetchEarly() {
  const early = new Map();
  const params = new URLSearchParams(location.search);
  for (const name of ["src", "network"]) {
    const value = params.get(name);
    if (!value) continue;
    try {
      const url = new URL(value, document.baseURI);
      if (url.origin !== location.origin) continue;
      const response = fetch(url.href, { mode: "same-origin" });
      response.catch(() => {}); // the app reports a failure when it reads this
      early.set(url.href, response);
    } catch {
      // Not an address: the app says so in its own words.
    }
  }
  window.__sitebudgetEarly = early;
}

try {
  fetchEarly();
  if (typeof WebAssembly !== "object") throw new Error("this browser cannot run WebAssembly");
  const app = document.querySelector('meta[name="sitebudget-app"]');
  const js = new URL(app.dataset.js, document.baseURI).href;
  const wasm = new URL(app.dataset.wasm, document.baseURI).href;
  // The note is painted before anything of the app is fetched (a frame, then a task). On a
  // phone the 550 KB of WebAssembly would otherwise share the first round trips with the
  // stylesheet, and on a fast connection the app could be drawn before the note was ever
  // shown. No preload either (Trunk.toml's empty pattern_preload): a preloaded wasm that
  // arrives before the first paint is counted by Lighthouse as holding that paint back.
  // The browser's own report of the first contentful paint says the note is on screen
  // (where it cannot report one, a frame and a task). A hidden page or a frame out of view
  // paints nothing: there, 100 ms at most; a visible page that is slow to paint, 1 s.
  await new Promise((painted) => {
    if (document.visibilityState === "hidden") return painted();
    if (PerformanceObserver.supportedEntryTypes?.includes("paint")) {
      new PerformanceObserver((list, observer) => {
        if (!list.getEntriesByName("first-contentful-paint").length) return;
        observer.disconnect();
        painted();
      }).observe({ type: "paint", buffered: true });
    } else {
      requestAnimationFrame(() => setTimeout(painted));
    }
    setTimeout(painted, window.top === window.self ? 1000 : 100);
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
