// Generates a valid budget document of any size, for benchmarks and load tests.

/** A budget with `lines` lines over four sources and two norms, deterministic for a given size. */
export function generateBudget(lines) {
  const sources = [
    { id: "gf", name: "General fund", restricted: false, one_time: false, allocation: { type: "fixed", amount: String(lines * 30000) } },
    { id: "need", name: "Need-weighted", restricted: false, allocation: { type: "per_pupil", rate: "550", basis: "unduplicated" } },
    { id: "title1", name: "Title I", restricted: true, allocation: { type: "per_pupil", rate: "700", basis: "unduplicated" },
      allowed: ["intervention", "supplies", "family-engagement"], set_asides: [{ tag: "family-engagement", min_share: "0.01" }] },
    { id: "norm", name: "Norm staffing", restricted: true, allocation: { type: "norm" } },
  ];
  const norms = [
    { id: "tk3", title: "Teacher TK-3", grades: ["TK", "K", "1", "2", "3"], students_per_position: "24", unit_cost: "118000" },
    { id: "g45", title: "Teacher 4-5", grades: ["4", "5"], students_per_position: "36", unit_cost: "118000" },
  ];
  const priorities = ["flexible", "essential", "essential", "protected"];
  const out = [
    { id: "teach-tk3", kind: "position", title: "Teacher TK-3", norm: "tk3", funding: [{ source: "norm", share: "1" }], priority: "protected" },
    { id: "teach-45", kind: "position", title: "Teacher 4-5", norm: "g45", funding: [{ source: "norm", share: "1" }], priority: "protected" },
  ];
  for (let i = out.length; i < lines; i++) {
    const priority = priorities[i % priorities.length];
    const funding = i % 3 === 0
      ? [{ source: "need", share: "0.6" }, { source: "gf", share: "0.4" }]
      : [{ source: i % 3 === 1 ? "gf" : "title1", share: "1" }];
    const tags = funding.some((f) => f.source === "title1") ? ["intervention"] : ["supplies"];
    if (i % 2 === 0) {
      out.push({ id: `pos-${i}`, kind: "position", title: `Position ${i}`, fte: String(((i % 5) + 1) / 5),
        unit_cost: String(40000 + (i % 50) * 1000), funding, priority, vacant: i % 17 === 0, tags, cut_rank: i % 7 });
    } else {
      out.push({ id: `item-${i}`, kind: "item", title: `Item ${i}`, amount: String(1000 + (i % 40) * 250) + ".50",
        funding, priority, tags });
    }
  }
  const pupils = Math.max(100, Math.round(lines * 0.9));
  const per = Math.round(pupils / 7);
  return {
    format: "sitebudget/1",
    school: { name: `Generated School (${lines} lines)`, fiscal_year: "2026-27",
      enrollment: { TK: per, K: per, 1: per, 2: per, 3: per, 4: per, 5: per }, unduplicated_pct: "0.86", attendance_rate: "0.95" },
    sources, norms, lines: out,
  };
}
