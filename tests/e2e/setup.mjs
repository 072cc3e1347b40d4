// Per-file setup for the end-to-end tests: dist/ served on loopback and one Chromium.
import { before, after } from "node:test";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT, serve, launch } from "./harness.mjs";

/** Serves dist/ and launches Chromium before the file's tests (handing both to `ready`),
 * and closes them after; screenshots/ exists for tests that write there. */
export function useServedApp(ready) {
  let server, browser;
  before(async () => {
    server = await serve();
    browser = await launch();
    mkdirSync(join(ROOT, "screenshots"), { recursive: true });
    ready(server, browser);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
}
