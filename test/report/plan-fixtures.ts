import type { PlanItem, PlanPairChange, PlanResult } from "../../src/result.js";

/*
 * Hand-built plans (PlanResult), one per situation a plan report must show: every check fixed in
 * dated phases, a budget that leaves checks failing, a pair no plan can fix, nothing to replace,
 * and ids written to break each format.
 */

const loc = (line: number) => ({ file: "examples/uk-mobile.yaml", line, column: 5 });

function base(): Omit<PlanResult, "items" | "phases" | "before" | "after" | "pairs" | "unfixable" | "leftFailing" | "passed" | "model"> {
  return {
    cleanpath: 1,
    kind: "plan",
    tool: { name: "cleanpath", version: "0.1.0" },
    generatedAt: "2026-01-01T00:00:00Z",
    inputs: [{ file: "examples/uk-mobile.yaml", sha256: "3f1c0a9b8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a" }],
    asOf: "2026-01-01",
    designation: {
      origin: "uk-dvd-2022",
      description: "High-risk as the policies say (uk-dvd-2022): vendors huawei.",
      vendors: ["huawei"],
      lists: [],
      operators: [],
      jurisdictions: [],
      tags: [],
      components: true,
      unknownVendor: "risky",
      includePassive: false,
    },
    objective: "cost",
    optimal: true,
    totalCost: 0,
    lowerBound: 0,
    gap: 0,
    budget: null,
    replaceWith: "replacement",
  };
}

function item(id: string, over: Partial<PlanItem>): PlanItem {
  return { id, type: "element", cost: 1, phase: "flows", fixes: { pairs: [], flows: [], rules: [] }, ...over };
}

function change(flow: string | null, from: string, to: string, before: PlanPairChange["before"], after: PlanPairChange["after"], passedAfter = true, weight = 1): PlanPairChange {
  return { flow, from, to, failOn: "routed-dirty", weight, before, after, passedAfter };
}

/** The citation of the dated phases. */
const direction = { title: "Designated vendor direction to a public communications provider (Huawei)", date: "2022-10-13" };

const model = { candidates: 9, forced: 3, variables: 14, constraints: 21, reducedFrom: { items: 64, links: 41 }, reducedTo: { nodes: 12, arcs: 19 }, solver: "highs" as const, iterations: 37 };

/** Every check fixed, in three phases: the core by the direction's first date, 5G by the second, then the flows. */
export function completePlan(): PlanResult {
  const items = [
    item("core-lon-2", { vendor: "Huawei", role: "core", site: "lon-dc", operator: "albion", cost: 1_200_000, phase: "uk-core", fixes: { pairs: [["gnb-lon-1", "ims-lon"], ["whitehall-gw", "ims-lon"]], flows: ["core-to-ims", "gov-to-ims"], rules: ["uk-core"] }, location: loc(28) }),
    item("core-man-2", { vendor: "Huawei", role: "core", site: "man-dc", operator: "albion", cost: 1_150_000, phase: "uk-core", fixes: { pairs: [["gnb-gla-1", "ims-lon"]], flows: ["core-to-ims"], rules: ["uk-core"] }, location: loc(29) }),
    item("gnb-gla-2", { vendor: "Huawei", role: "ran", site: "gla-pop", operator: "albion", cost: 85_000.5, phase: "uk-5g", fixes: { pairs: [], flows: [], rules: ["uk-5g", "uk-ran-cap"] }, location: loc(42) }),
    item("lnk-bir-man", { type: "link", vendor: "ZTE", site: "bir-pop", operator: ["albion", "fibrelink"], cost: 40_000, phase: "flows", fixes: { pairs: [["gnb-bir-1", "ims-lon"], ["olt-bir-1", "ims-lon"], ["sc-base-n", "ims-lon"], ["agg-bir", "core-man-1"], ["agg-cdf", "core-man-1"]], flows: ["ran-backhaul"], rules: [] }, location: loc(77) }),
  ];
  return {
    ...base(),
    totalCost: 2_475_000.5,
    lowerBound: 2_475_000.5,
    items,
    phases: [
      { name: "uk-core", by: "2023-12-31", source: direction, items: ["core-lon-2", "core-man-2"], cost: 2_350_000, cumulativeCost: 2_350_000 },
      { name: "uk-5g", by: "2027-12-31", source: direction, items: ["gnb-gla-2"], cost: 85_000.5, cumulativeCost: 2_435_000.5 },
      { name: "flows", by: null, items: ["lnk-bir-man"], cost: 40_000, cumulativeCost: 2_475_000.5 },
    ],
    before: { failedPairs: 5, failedWeight: 7, failedRules: 3, byVerdict: { dirty: 1, "routed-dirty": 3, fragile: 1, clean: 2 } },
    after: { failedPairs: 0, failedWeight: 0, failedRules: 0, byVerdict: { exposed: 1, clean: 6 } },
    pairs: [
      change("core-to-ims", "gnb-gla-1", "ims-lon", "dirty", "clean"),
      change("core-to-ims", "gnb-lon-1", "ims-lon", "routed-dirty", "clean", true, 3),
      change("gov-to-ims", "whitehall-gw", "ims-lon", "routed-dirty", "exposed"),
      change("ran-backhaul", "gnb-bir-1", "ims-lon", "routed-dirty", "clean"),
      change("ran-backhaul", "sc-base-n", "ims-lon", "fragile", "clean"),
    ],
    unfixable: [],
    leftFailing: [],
    passed: true,
    model,
  };
}

/** `--budget 1,300,000`: the core swap that fixes most within it; a pair and a rule stay failing. */
export function budgetPlan(): PlanResult {
  const full = completePlan();
  return {
    ...full,
    optimal: false,
    budget: 1_300_000,
    totalCost: 1_240_000,
    lowerBound: 1_228_000,
    gap: 0.00968,
    items: [full.items[0]!, full.items[3]!],
    phases: [
      { name: "uk-core", by: "2023-12-31", items: ["core-lon-2"], cost: 1_200_000, cumulativeCost: 1_200_000 },
      { name: "flows", by: null, items: ["lnk-bir-man"], cost: 40_000, cumulativeCost: 1_240_000 },
    ],
    after: { failedPairs: 1, failedWeight: 1, failedRules: 2, byVerdict: { dirty: 1, exposed: 1, clean: 5 } },
    pairs: full.pairs.map((p) => (p.from === "gnb-gla-1" ? { ...p, after: "dirty", passedAfter: false } : p)),
    leftFailing: [
      { kind: "pair", from: "gnb-gla-1", to: "ims-lon", flow: "core-to-ims", verdict: "dirty" },
      { kind: "rule", id: "uk-5g" },
      { kind: "rule", id: "uk-ran-cap" },
    ],
    passed: false,
    model: { ...model, iterations: undefined },
  };
}

/** An unreachable pair and a rule on an endpoint: nothing can fix them; the rest is fixed. */
export function unfixablePlan(): PlanResult {
  const full = completePlan();
  return {
    ...full,
    objective: "count",
    totalCost: 2,
    lowerBound: 2,
    items: [
      { ...full.items[0]!, cost: 1 },
      { ...full.items[3]!, cost: 1 },
    ],
    phases: [
      { name: "uk-core", by: "2023-12-31", items: ["core-lon-2"], cost: 1, cumulativeCost: 1 },
      { name: "flows", by: null, items: ["lnk-bir-man"], cost: 1, cumulativeCost: 2 },
    ],
    before: { failedPairs: 3, failedWeight: 3, failedRules: 1, byVerdict: { unreachable: 1, "routed-dirty": 2 } },
    after: { failedPairs: 1, failedWeight: 1, failedRules: 1, byVerdict: { unreachable: 1, clean: 2 } },
    pairs: [
      change("core-to-ims", "gnb-lon-1", "ims-lon", "routed-dirty", "clean"),
      change("islands", "kirkwall-gw", "ims-lon", "unreachable", "unreachable", false),
      change("ran-backhaul", "gnb-bir-1", "ims-lon", "routed-dirty", "clean"),
    ],
    unfixable: [
      { kind: "pair", from: "kirkwall-gw", to: "ims-lon", flow: "islands", why: "unreachable: no path connects them in service, whatever is replaced" },
      { kind: "rule", id: "no-huawei-endpoints", why: "flags planned items, which a plan never replaces" },
    ],
    passed: false,
    model: { ...model, solver: "highs" },
  };
}

/** Nothing fails: nothing to replace. */
export function emptyPlan(): PlanResult {
  return {
    ...base(),
    items: [],
    phases: [],
    before: { failedPairs: 0, failedWeight: 0, failedRules: 0, byVerdict: { clean: 4 } },
    after: { failedPairs: 0, failedWeight: 0, failedRules: 0, byVerdict: { clean: 4 } },
    pairs: [],
    unfixable: [],
    leftFailing: [],
    passed: true,
    model: { candidates: 0, forced: 0, variables: 0, constraints: 0, reducedFrom: { items: 12, links: 11 }, reducedTo: { nodes: 0, arcs: 0 }, solver: "none" },
  };
}

/** The strings that break formats: markup, a terminal escape, a line break, a spreadsheet formula, pipes. */
export const hostile = {
  script: "<script>window.__pwned=1</script>",
  esc: "rtr\u001b[31mred\u001b[0m",
  newline: "ln\r\nforged: line",
  formula: "=HYPERLINK(\"http://x\",\"y\")",
  pipes: "a|b*c_[d](e)`f`",
  at: "@everyone",
  plus: "+cmd",
};

export function hostilePlan(): PlanResult {
  const h = hostile;
  const items = [
    item(h.script, { vendor: h.formula, role: h.pipes, site: h.newline, operator: [h.at, h.esc], cost: 10, phase: h.script, fixes: { pairs: [[h.esc, h.script]], flows: [h.pipes], rules: [h.pipes] } }),
    item(h.formula, { type: "link", vendor: h.plus, cost: 5, phase: "flows", fixes: { pairs: [[h.newline, h.formula]], flows: [], rules: [] } }),
  ];
  return {
    ...base(),
    inputs: [{ file: `topo-${h.script}.yaml`, sha256: "00" }],
    designation: { ...base().designation, origin: h.newline, vendors: [h.script, h.esc], tags: [h.pipes] },
    replaceWith: h.script,
    totalCost: 15,
    lowerBound: 15,
    items,
    phases: [
      { name: h.script, by: "2027-12-31", source: { title: `${h.formula} ${h.esc}`, date: h.newline }, items: [h.script], cost: 10, cumulativeCost: 10 },
      { name: "flows", by: null, items: [h.formula], cost: 5, cumulativeCost: 15 },
    ],
    before: { failedPairs: 2, failedWeight: 2, failedRules: 1, byVerdict: { dirty: 2 } },
    after: { failedPairs: 1, failedWeight: 1, failedRules: 0, byVerdict: { dirty: 1, clean: 1 } },
    pairs: [change(h.pipes, h.esc, h.script, "dirty", "clean"), change(null, h.newline, h.formula, "dirty", "dirty", false)],
    unfixable: [{ kind: "pair", from: h.newline, to: h.formula, flow: null, why: `${h.script} is an endpoint` }],
    leftFailing: [],
    passed: false,
    model,
  };
}

/** Every fixture, by the name of its golden files. */
export function planCases(): { name: string; result: PlanResult }[] {
  return [
    { name: "01-complete", result: completePlan() },
    { name: "02-budget", result: budgetPlan() },
    { name: "03-unfixable", result: unfixablePlan() },
    { name: "04-empty", result: emptyPlan() },
    { name: "05-hostile", result: hostilePlan() },
  ];
}
