// Starts SiteBudget from a file, so the page runs under a CSP with script-src 'self'; the
// hashed file names are in <meta name="sitebudget-app"> (Trunk.toml). Shipped as written,
// so its comments stay short: docs/ARCHITECTURE.md and the README say the rest.
const boot = document.getElementById("boot");
const note = boot?.querySelector(".boot");

/** The note's Spanish, as in i18n/es.json (crates/core/tests/i18n.rs checks). */
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

/** Whether the page will speak Spanish, chosen as src/ui/lang.rs chooses. */
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
const t = (text) => (spanish && ES[text]) || text;

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

// The app's own loading notes.
const LOADING = '[data-testid="store-loading"], [data-testid="embed-loading"]';

/** Removes the note once the app shows more than a loading note of its own (whose words it
 * takes on meanwhile): from the note to the budget in one frame, nothing shifting. */
function removeWhenRendered() {
  const app = document.getElementById("app");
  const check = () => {
    // A crash's rescue panel replaces the note at once.
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

/** Registers web/sw.js (offline use) once the app is on screen; never from an embed or a
 * frame: a family reading a school's site should not have the app stored for it. */
function keepOffline() {
  const embedded = document.querySelector('[data-testid="embed"]') || window.top !== window.self;
  if (embedded || !("serviceWorker" in navigator)) return;
  navigator.serviceWorker
    .register(new URL("sw.js", document.baseURI), { scope: "./", updateViaCache: "none" })
    .catch((err) => console.warn("SiteBudget will not open offline:", err));
}

/** Asks at once for the file `src=` or `network=` names on this site, a round trip sooner
 * than the app could; the app takes it after its own checks (embed/load.rs `early_fetch`). */
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
      response.catch(() => {}); // reported by the app
      early.set(url.href, response);
    } catch {
      // not an address: the app says so
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
  // The app's files are fetched once the note's first paint is reported, so the wasm never
  // shares the first round trips with the stylesheet (README, Lighthouse). A hidden page or
  // a frame out of view paints nothing: 100 ms at most there; 1 s on a slow visible page.
  await new Promise((painted) => {
    if (document.visibilityState === "hidden") return painted();
    if (globalThis.PerformanceObserver?.supportedEntryTypes?.includes("paint")) {
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
  // Glue and wasm at once; `init` compiles the wasm as it streams in.
  const wasmResponse = fetch(wasm);
  wasmResponse.catch(() => {}); // reported by `init`
  let init;
  try {
    ({ default: init } = await import(js));
  } catch {
    throw new Error("its files did not load (the network may be down)");
  }
  try {
    await init({ module_or_path: wasmResponse });
  } catch (err) {
    // A crash already shows the rescue panel; anything else failed to load.
    throw new Error(/fetch|network|load/i.test(String(err)) ? "its files did not load (the network may be down)" : "this browser refused to run it");
  }
  removeWhenRendered();
} catch (err) {
  explain(err.message);
  console.error(err);
}
