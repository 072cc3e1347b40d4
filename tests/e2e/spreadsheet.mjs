// Helpers for checking exports in a real spreadsheet program: LibreOffice Calc run
// headless (Debian's libreoffice-calc-nogui, which scripts/setup.sh installs), exact
// cents for comparing figures, a small CSV reader, and a ZIP rewriter for XLSX parts.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";

/** The soffice on PATH, or an error saying how to get it (the tests never skip). */
export function soffice() {
  try {
    return execFileSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error(
      "LibreOffice's `soffice` is not on PATH: the spreadsheet checks need it. " +
        "./scripts/test.sh installs it (Debian package libreoffice-calc-nogui) through scripts/setup.sh.",
    );
  }
}

// A private profile that recalculates every formula on load (0 = always) instead of
// trusting the cached results, so what the tests read is what Calc computed.
const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** CSV filter options: comma, double quote, UTF-8, from line 1, standard cell formats,
 * English (United States) numbers; then, in order, quoted fields as text (no), detect
 * special numbers such as dates (no: ids stay as written), save cells as shown (no: full
 * values), export formulas (no), trim spaces (no), every sheet to its own file (-1 when
 * writing), evaluate formulas (when reading). */
const csvOptions = ({ evaluate = false } = {}) =>
  `44,34,76,1,,1033,false,false,false,false,false,-1,${evaluate}`;
const CSV_FILTER = "Text - txt - csv (StarCalc)";

/** A headless LibreOffice with its own profile (no lock shared with anyone else) and a
 * tally of the time spent in it. */
export function calc() {
  const bin = soffice();
  const home = mkdtempSync(join(tmpdir(), "lo-profile-"));
  mkdirSync(join(home, "user"), { recursive: true });
  writeFileSync(join(home, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  const work = mkdtempSync(join(tmpdir(), "lo-files-"));
  let ms = 0;
  let runs = 0;

  /** Runs one conversion of `file` into a fresh directory; returns that directory. */
  function convert(file, target, infilter) {
    const out = mkdtempSync(join(work, "out-"));
    const args = [`-env:UserInstallation=file://${home}`, "--headless", "--norestore"];
    if (infilter) args.push(`--infilter=${infilter}`);
    args.push("--convert-to", target, "--outdir", out, file);
    const start = performance.now();
    execFileSync(bin, args, { stdio: "pipe", timeout: 120_000 });
    ms += performance.now() - start;
    runs += 1;
    return out;
  }

  return {
    /** Writes `bytes` as `name` in the work directory; returns its path. */
    file(name, bytes) {
      const path = join(mkdtempSync(join(work, "in-")), name);
      writeFileSync(path, bytes);
      return path;
    },
    /** Every sheet of a workbook, recalculated, as rows of cell text: {sheet name: rows}. */
    sheets(path) {
      const out = convert(path, `csv:${CSV_FILTER}:${csvOptions()}`);
      const base = basename(path, extname(path));
      const sheets = {};
      for (const f of readdirSync(out)) {
        const sheet = f.slice(base.length + 1, -".csv".length);
        sheets[sheet] = parseCsv(readFileSync(join(out, f), "utf8"));
      }
      return sheets;
    },
    /** A CSV file opened in Calc (its `=` cells evaluated when `evaluate`), as rows. */
    csvRows(path, { evaluate = false } = {}) {
      const out = convert(path, `csv:${CSV_FILTER}:${csvOptions()}`, `${CSV_FILTER}:${csvOptions({ evaluate })}`);
      const [only] = readdirSync(out);
      return parseCsv(readFileSync(join(out, only), "utf8"));
    },
    /** The file opened in Calc and saved as XLSX; returns the new file's bytes. */
    toXlsx(path) {
      const infilter = extname(path) === ".csv" ? `${CSV_FILTER}:${csvOptions()}` : undefined;
      const out = convert(path, "xlsx:Calc MS Excel 2007 XML", infilter);
      return readFileSync(join(out, `${basename(path, extname(path))}.xlsx`));
    },
    /** Time spent in LibreOffice so far, and how many conversions. */
    spent: () => ({ ms, runs }),
    close() {
      rmSync(home, { recursive: true, force: true });
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** Parses CSV text (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length) rows.push([...row, cell]);
  return rows;
}

/** A plain decimal's value in whole cents, rounded half away from zero at the third
 * decimal (exact: BigInt, no floating point). Throws on anything that is not a number. */
export function cents(text) {
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(String(text).trim());
  if (!m) throw new Error(`not a plain decimal: ${JSON.stringify(text)}`);
  const frac = (m[3] ?? "").padEnd(3, "0");
  let c = BigInt(m[2]) * 100n + BigInt(frac.slice(0, 2));
  if (Number(frac[2]) >= 5) c += 1n;
  return m[1] === "-" ? -c : c;
}

/** The entries of a ZIP archive (an XLSX) as {name: bytes}. */
export function unzip(buf) {
  // The end-of-central-directory record: the last 22+ bytes, signature 0x06054b50.
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("not a ZIP archive");
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const files = {};
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLen).toString("utf8");
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    files[name] = method === 8 ? inflateRawSync(data) : Buffer.from(data);
    at += 46 + nameLen + extra + comment;
  }
  return files;
}

/** A ZIP archive (deflated entries) of {name: bytes}. */
export function zip(files) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [name, data] of Object.entries(files)) {
    const n = Buffer.from(name, "utf8");
    const packed = deflateRawSync(data);
    const crc = crc32(data);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(n.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(n.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(head, n, packed);
    central.push(dir, n);
    offset += head.length + n.length + packed.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

/** The workbook with every formula's cached result replaced by 0, so that any right
 * figure read back from it was computed by the spreadsheet; also how many formulas. */
export function withoutCachedResults(xlsx) {
  const files = unzip(xlsx);
  let formulas = 0;
  for (const name of Object.keys(files)) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    const xml = files[name].toString("utf8").replace(/(<f>[^<]*<\/f><v>)[^<]*(<\/v>)/g, (_, a, b) => {
      formulas += 1;
      return `${a}0${b}`;
    });
    files[name] = Buffer.from(xml, "utf8");
  }
  return { bytes: zip(files), formulas };
}
