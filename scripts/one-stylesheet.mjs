// Trunk post_build hook (Trunk.toml): joins the stylesheets Trunk built from index.html's
// `<link data-trunk rel="css">` tags into one file, in page order, so a phone makes one
// render-blocking request instead of ten (each on a slow network costs a round trip before
// the first paint). The styles stay in their own files under styles/; the joined file is
// named by a hash of its content and carries its own integrity hash, as Trunk's did.
// Run by scripts/post-build.mjs; alone: TRUNK_STAGING_DIR=<dir> node scripts/one-stylesheet.mjs.
import { createHash } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const LINK = /<link rel="stylesheet" href="([^"]+)"[^>]*>\s*/g;

function fail(message) {
  console.error(`one-stylesheet: ${message}`);
  process.exit(1);
}

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) fail("TRUNK_STAGING_DIR is not set; Trunk sets it when it runs this hook");
const base = process.env.TRUNK_PUBLIC_URL || "./";

const index = join(dir, "index.html");
const html = readFileSync(index, "utf8");
const links = [...html.matchAll(LINK)];
if (links.length === 0) fail(`${index} links no stylesheet`);
// Already one (a second run on the same page): nothing to do.
if (links.length > 1) {
  const names = links.map(([, href]) => (href.startsWith(base) ? href.slice(base.length) : href));
  // Each file ends on a new line, so a comment or rule left open in one cannot swallow the next.
  const css = names.map((name) => readFileSync(join(dir, name), "utf8").trimEnd() + "\n").join("");
  const name = `app-${createHash("sha256").update(css).digest("hex").slice(0, 16)}.css`;
  const integrity = `sha384-${createHash("sha384").update(css).digest("base64")}`;
  writeFileSync(join(dir, name), css);
  for (const old of names) rmSync(join(dir, old));

  // The joined link takes the first one's place; the others go.
  let first = true;
  const joined = html.replace(LINK, () => {
    if (!first) return "";
    first = false;
    return `<link rel="stylesheet" href="${base}${name}" integrity="${integrity}"/>\n    `;
  });
  writeFileSync(index, joined);
  console.log(`one-stylesheet: ${names.length} stylesheets joined into ${name} (${css.length} bytes)`);
}
