// The three-school network fixture (tests/e2e/fixtures/network, see its EXPECTED.md) as
// routes for origins.mjs: the network file and its src schools under /nets/.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./harness.mjs";

const FIX = join(ROOT, "tests/e2e/fixtures/network");
/** A fixture file's text, by its path under the fixture folder. */
export const fixtureFile = (rel) => readFileSync(join(FIX, rel), "utf8");
/** The network's address on the test server. */
export const NET = "nets/network.json";
/** The network file and each school it names by src, served under /nets/. */
export const networkRoutes = () => ({
  "/nets/network.json": { body: fixtureFile("network.json") },
  "/nets/schools/alder.json": { body: fixtureFile("schools/alder.json") },
  "/nets/schools/birch.json": { body: fixtureFile("schools/birch.json") },
  "/nets/schools/broken.json": { body: fixtureFile("schools/broken.json") },
});
