// axe-core (npm), injected into a page: the WCAG 2.2 AA rules the accessibility tests run.
import { createRequire } from "node:module";

const AXE = createRequire(import.meta.url).resolve("axe-core");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Runs axe on the page and returns its violations, each with the elements it names. */
export async function violations(page) {
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }).then((r) => r.violations),
    TAGS,
  );
  return found.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`);
}
