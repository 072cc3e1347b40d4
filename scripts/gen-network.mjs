#!/usr/bin/env node
// Writes a deterministic network of N schools of 60 lines each, for the network page's
// benchmark and load tests:
//
//   node scripts/gen-network.mjs 1000 out/            → out/network.json + out/schools/s0001.json …
//   node scripts/gen-network.mjs 1000 out/ --inline   → out/network.json with every budget inline
//
// Each school is a valid `sitebudget/1` budget shaped like samples/sample-school.json:
// TK-5 enrollment that varies by school, an unduplicated share from 30% to 98%, a general
// fund, a need-weighted per-pupil source, a tiered Title I (restricted, with allowed uses
// and a set-aside), district staffing norms (two ratios and an assistant principal by
// bands) and one-time carryover. Sources are sized a little above or below what the lines
// charge, so some schools start in deficit and a decline opens deficits in others.
// The same N always writes the same files.

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const LINES = 60;

/** A 64-bit LCG as the Rust bench uses, so runs and machines agree. */
function rng(seed) {
  let s = BigInt(seed) * 0x9e3779b97f4a7c15n + 0x2545f4914f6cdd1dn;
  return (n) => {
    s = (s * 6364136223846793005n + 1442695040888963407n) & 0xffffffffffffffffn;
    return Number((s >> 33n) % BigInt(n));
  };
}

const TREES = ["Alder", "Birch", "Cedar", "Dogwood", "Elm", "Fir", "Ginkgo", "Hawthorn", "Ironwood", "Juniper",
  "Laurel", "Magnolia", "Oak", "Palm", "Redwood", "Sycamore", "Tamarind", "Walnut", "Willow", "Yew"];
const STREETS = ["Avenue", "Street", "Park", "Hills", "Valley", "Heights", "Grove", "Canyon", "Boulevard", "Gardens"];
const KINDS = ["Elementary", "Primary Center", "Community School", "Academy", "Magnet Elementary"];
const GRADES = ["TK", "K", "1", "2", "3", "4", "5"];
const ROLES = [
  ["Teacher assistant", 42000, ["intervention"]], ["Counselor", 98000, ["health"]], ["School nurse", 145000, ["health"]],
  ["Intervention teacher", 112000, ["intervention"]], ["Office clerk", 61000, ["office"]], ["Psychologist", 132000, ["health"]],
  ["Librarian", 88000, ["library"]], ["Custodian", 58000, ["plant"]], ["Instructional coach", 121000, ["professional-development"]],
  ["Arts teacher", 104000, ["arts"]], ["Parent center aide", 39000, ["family-engagement"]], ["Campus aide", 36000, ["safety"]],
];
const ITEMS = [
  ["Instructional supplies", ["supplies"]], ["Reading software licenses", ["software", "intervention"]],
  ["Family nights", ["family-engagement"]], ["Teacher training days", ["professional-development"]],
  ["Field trips", ["enrichment"]], ["Library books", ["library"]], ["Classroom technology", ["software"]],
  ["After-school tutoring", ["intervention"]], ["Office supplies", ["office"]], ["Student incentives", ["enrichment"]],
];
const TITLE1_TIERS = [["0.40", "450"], ["0.50", "500"], ["0.60", "550"], ["0.70", "600"], ["0.80", "625"],
  ["0.85", "650"], ["0.90", "675"], ["0.95", "700"]];
const TITLE1_ALLOWED = ["intervention", "family-engagement", "supplies", "professional-development", "software"];

/** Dollars (a number with at most 2 decimals) as the spec's decimal text. */
const money = (cents) => (cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2));
/** Half up to the cent, for non-negative amounts. */
const cents = (dollars) => Math.round(dollars * 100);

/** School `i` (from 0): its budget document. */
export function school(i) {
  const r = rng(i + 1);
  const size = 25 + r(80); // pupils per grade around this
  const enrollment = Object.fromEntries(GRADES.map((g) => [g, Math.max(0, size + r(21) - 10)]));
  const e = Object.values(enrollment).reduce((a, b) => a + b, 0);
  const pctHundredths = 30 + r(69);
  const u = Math.floor((pctHundredths * e) / 100 + 0.5);
  const extra = i >= TREES.length * STREETS.length * KINDS.length ? ` ${Math.floor(i / 1000) + 1}` : "";
  const name = `${TREES[i % 20]} ${STREETS[Math.floor(i / 20) % 10]} ${KINDS[Math.floor(i / 200) % 5]}${extra}`;
  const norms = [
    { id: "tk3", title: "Classroom teacher TK-3", grades: ["TK", "K", "1", "2", "3"], students_per_position: "24",
      unit_cost: "118000", rounding: "ceil" },
    { id: "g45", title: "Classroom teacher 4-5", grades: ["4", "5"], students_per_position: String(30 + r(7)),
      unit_cost: "120000", rounding: "ceil" },
    { id: "ap", title: "Assistant principal", grades: GRADES, bands: [{ from: 1, fte: "0.5" }, { from: 400, fte: "1" }],
      unit_cost: "150000", rounding: "ceil" },
  ];
  const lines = norms.map((n) => ({ id: `norm-${n.id}`, kind: "position", title: n.title, norm: n.id,
    funding: [{ source: "norm", share: "1" }], priority: "protected", tags: [] }));
  // What each source is charged, in cents, as the engine splits a line (last entry takes the rest).
  const charged = { gf: 0, need: 0, title1: 0, carry: 0 };
  const charge = (costCents, funding) => {
    let left = costCents;
    funding.forEach((f, k) => {
      const c = k === funding.length - 1 ? left : Math.round(costCents * Number(f.share));
      charged[f.source] += c;
      left -= c;
    });
  };
  const fundings = [
    [{ source: "gf", share: "1" }], [{ source: "need", share: "1" }], [{ source: "need", share: "0.6" }, { source: "gf", share: "0.4" }],
    [{ source: "title1", share: "1" }], [{ source: "gf", share: "0.5" }, { source: "need", share: "0.5" }], [{ source: "carry", share: "1" }],
  ];
  const priorities = ["flexible", "essential", "essential", "protected", "essential", "flexible"];
  while (lines.length < LINES - 1) {
    const k = lines.length;
    let funding = fundings[r(fundings.length)];
    const priority = priorities[r(priorities.length)];
    const line = { id: `line-${k}`, kind: "item", title: "", funding, priority, tags: [] };
    if (r(2) === 0) {
      const [title, cost, tags] = ROLES[r(ROLES.length)];
      // Title I pays only for allowed uses.
      if (funding[0].source === "title1" && !tags.some((t) => TITLE1_ALLOWED.includes(t))) funding = fundings[0];
      const fte = (1 + r(10)) / 5; // 0.2 … 2.0
      const unit = cost + r(21) * 500 - 5000;
      Object.assign(line, { kind: "position", title, fte: String(fte), unit_cost: String(unit), fte_step: "0.2",
        vacant: r(9) === 0, tags, funding });
      charge(Math.round(fte * unit * 100), funding);
    } else {
      const [title, tags] = ITEMS[r(ITEMS.length)];
      if (funding[0].source === "title1" && !tags.some((t) => TITLE1_ALLOWED.includes(t))) funding = fundings[0];
      const amount = 500 + r(80) * 250 + (r(4) === 0 ? 0.5 : 0);
      Object.assign(line, { title, amount: money(cents(amount)), tags, funding });
      charge(cents(amount), funding);
    }
    if (r(3) === 0) line.cut_rank = r(10);
    line.title = `${line.title} ${k}`;
    lines.push(line);
  }
  // Title I's allocation from its tier in force (U ≥ at_least × E, compared exactly in hundredths).
  const tier = TITLE1_TIERS.filter(([at]) => u * 100 >= Math.round(Number(at) * 100) * e).pop();
  const title1Alloc = tier ? Number(tier[1]) * u * 100 : 0;
  // One flexible item spends most of what Title I has left (its set-aside tag included).
  const rest = Math.max(50000, Math.round((title1Alloc - charged.title1) * (0.9 + r(15) / 100)));
  lines.push({ id: `line-${LINES - 1}`, kind: "item", title: "Family engagement and supplies",
    amount: money(rest), funding: [{ source: "title1", share: "1" }], priority: "flexible",
    tags: ["family-engagement", "supplies"] });
  charged.title1 += rest;
  // The other sources: a little above or below their charges (−3% … +6%).
  const margin = (c) => Math.round(c * (0.97 + r(10) / 100));
  const needRate = u > 0 ? Math.ceil(margin(charged.need) / u) : 0; // cents a pupil
  const sources = [
    { id: "gf", name: "General fund (school allocation)", restricted: false, one_time: false,
      allocation: { type: "fixed", amount: money(margin(charged.gf)) } },
    { id: "need", name: "Student equity need allocation", restricted: false, one_time: false,
      allocation: { type: "per_pupil", rate: money(needRate), basis: "unduplicated" } },
    { id: "title1", name: "Title I", restricted: true, one_time: false,
      allocation: { type: "tiered", basis: "unduplicated", tiers: TITLE1_TIERS.map(([at_least, rate]) => ({ at_least, rate })) },
      allowed: TITLE1_ALLOWED, set_asides: [{ tag: "family-engagement", min_share: "0.01" }] },
    { id: "norm", name: "District staffing norms", restricted: true, one_time: false, allocation: { type: "norm" } },
    { id: "carry", name: "Carryover", restricted: false, one_time: true,
      allocation: { type: "fixed", amount: money(Math.round(charged.carry * 1.01)) } },
  ];
  return {
    format: "sitebudget/1",
    school: { name, fiscal_year: "2026-27", enrollment, unduplicated_pct: (pctHundredths / 100).toFixed(2),
      attendance_rate: (0.9 + r(9) / 100).toFixed(2) },
    sources, norms, lines,
  };
}

/** The file name of school `i` (from 0): s0001.json … */
export const schoolFile = (i) => `s${String(i + 1).padStart(4, "0")}.json`;

function main() {
  const args = process.argv.slice(2);
  const inline = args.includes("--inline");
  const [countText, outDir] = args.filter((a) => a !== "--inline");
  const count = Number(countText);
  if (!Number.isInteger(count) || count < 0 || !outDir) {
    console.error("usage: node scripts/gen-network.mjs N outdir [--inline]");
    process.exit(2);
  }
  mkdirSync(outDir, { recursive: true });
  const schools = [];
  if (!inline) mkdirSync(join(outDir, "schools"), { recursive: true });
  for (let i = 0; i < count; i++) {
    const doc = school(i);
    if (inline) {
      schools.push({ budget: doc });
    } else {
      writeFileSync(join(outDir, "schools", schoolFile(i)), JSON.stringify(doc) + "\n");
      schools.push({ src: `schools/${schoolFile(i)}` });
    }
  }
  const network = { format: "sitebudget-network/1", name: `Generated network (${count} schools)`, schools };
  writeFileSync(join(outDir, "network.json"), JSON.stringify(network, null, inline ? 0 : 1) + "\n");
  console.log(`wrote ${count} schools of ${LINES} lines to ${outDir}${inline ? " (inline)" : ""}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
