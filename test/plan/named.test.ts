import { describe, expect, it } from "vitest";
import { audit } from "../../src/audit/index.js";
import { InputError } from "../../src/diagnostics.js";
import { validate as validatePlan } from "../../src/generated/plan-all.js";
import { type Case, inputOf, planCase, solver } from "./helpers.js";

const el = (id: string, vendor: string, extra: object = {}) => ({ id, role: "transport", vendor, ...extra });

/** Three access sites behind one Huawei aggregation router; each also has its own cheaper-per-site detour. */
const aggregation: Case = {
  doc: {
    cleanpath: 1,
    elements: [
      el("a", "Nokia"), el("b", "Nokia"), el("c", "Nokia"), el("hq", "Nokia"),
      el("agg", "Huawei", { replacementCost: 10 }),
      el("ra", "Huawei", { replacementCost: 4 }), el("rb", "Huawei", { replacementCost: 4 }), el("rc", "Huawei", { replacementCost: 4 }),
    ],
    links: [["a", "agg"], ["b", "agg"], ["c", "agg"], ["agg", "hq"], ["a", "ra"], ["ra", "hq"], ["b", "rb"], ["rb", "hq"], ["c", "rc"], ["rc", "hq"]],
    flows: ["a", "b", "c"].map((s) => ({ id: `f-${s}`, from: s, to: "hq", failOn: "dirty" })),
  },
};

describe("cleanpath plan: named cases", () => {
  it("replaces one aggregation router for three flows: cheaper than the per-pair remediations added up", async () => {
    const { result } = await planCase(aggregation);
    const input = inputOf(aggregation, await solver());
    const perPair = audit(input).pairs.reduce((s, p) => s + (p.remediation?.cost ?? 0), 0);
    expect(perPair).toBe(12);
    expect(result.items.map((i) => i.id)).toEqual(["agg"]);
    expect(result.totalCost).toBe(10);
    expect(result).toMatchObject({ optimal: true, lowerBound: 10, gap: 0, passed: true, unfixable: [], leftFailing: [] });
    expect(result.items[0]!.fixes.pairs).toEqual([["a", "hq"], ["b", "hq"], ["c", "hq"]]);
    expect(result.phases).toEqual([{ name: "flows", by: null, items: ["agg"], cost: 10, cumulativeCost: 10 }]);
    expect(result.pairs.map((p) => [p.before, p.passedAfter])).toEqual([["dirty", true], ["dirty", true], ["dirty", true]]);
    expect(validatePlan(result), JSON.stringify(validatePlan.errors?.slice(0, 3))).toBe(true);
  });

  /** Four RAN sites, two Huawei (50% > 35%); a flow through ran1 (or a detour x). */
  const capAndFlow: Case = {
    doc: {
      cleanpath: 1,
      elements: [
        el("s", "Nokia"), el("t", "Nokia"),
        { id: "ran1", role: "ran", vendor: "Huawei", replacementCost: 5 },
        { id: "ran2", role: "ran", vendor: "Huawei", replacementCost: 3 },
        { id: "ran3", role: "ran", vendor: "Nokia" },
        { id: "ran4", role: "ran", vendor: "Nokia" },
        el("x", "Huawei", { replacementCost: 4 }),
      ],
      links: [["s", "ran1"], ["ran1", "t"], ["s", "x"], ["x", "t"]],
      flows: [{ id: "f", from: "s", to: "t", failOn: "dirty", weight: 3 }],
    },
    rules: [{ id: "ran-cap", cap: { scope: { role: "ran" }, max: "35%" } }],
  };

  it("fixes a share cap and a flow with one replacement when that is cheapest", async () => {
    const { result, afterAudit } = await planCase(capAndFlow);
    expect(result.items.map((i) => [i.id, i.fixes])).toEqual([["ran1", { pairs: [["s", "t"]], flows: ["f"], rules: ["ran-cap"] }]]);
    expect(result.totalCost).toBe(5);
    expect(result.before).toMatchObject({ failedPairs: 1, failedWeight: 3, failedRules: 1 });
    expect(result.after).toMatchObject({ failedPairs: 0, failedWeight: 0, failedRules: 0 });
    expect(afterAudit.summary.passed).toBe(true);
  });

  it("within a budget: a plan costing exactly the budget fits", async () => {
    const { result } = await planCase({ ...capAndFlow, budget: 5 });
    expect(result).toMatchObject({ budget: 5, totalCost: 5, passed: true, leftFailing: [] });
  });

  it("within a budget: the flow's weight comes before the rule, and what is left failing is listed", async () => {
    // 4 buys the detour x (the flow, weight 3) or ran2 (the cap), not both and not ran1.
    const { result } = await planCase({ ...capAndFlow, budget: 4 });
    expect(result.items.map((i) => i.id)).toEqual(["x"]);
    expect(result).toMatchObject({ totalCost: 4, passed: false, optimal: true, unfixable: [] });
    expect(result.leftFailing).toEqual([{ kind: "rule", id: "ran-cap" }]);
    // A budget of 3 cannot open a path (x costs 4, ran1 5): it buys ran2, which fixes the cap.
    const three = await planCase({ ...capAndFlow, budget: 3 });
    expect(three.result.items.map((i) => i.id)).toEqual(["ran2"]);
    expect(three.result.leftFailing).toEqual([{ kind: "pair", flow: "f", from: "s", to: "t", verdict: "dirty" }]);
  });

  it("reports an unreachable pair as unfixable and never solves for it", async () => {
    const { result } = await planCase({
      doc: { cleanpath: 1, elements: [el("a", "Nokia"), el("b", "Nokia"), el("x", "Huawei", { replacementCost: 1 })], links: [["a", "x"]], flows: [{ id: "f", from: "a", to: "b" }] },
    });
    expect(result.items).toEqual([]);
    expect(result.unfixable).toEqual([{ kind: "pair", flow: "f", from: "a", to: "b", why: expect.stringContaining("no path") }]);
    expect(result).toMatchObject({ passed: false, leftFailing: [], model: { solver: "none" } });
  });

  it("needs nothing for a risky endpoint: endpoints are not path risk", async () => {
    const { result, afterAudit } = await planCase({
      doc: { cleanpath: 1, elements: [el("cpe", "Huawei", { replacementCost: 1 }), el("m", "Nokia"), el("hq", "Nokia")], links: [["cpe", "m"], ["m", "hq"]], flows: [{ id: "f", from: "cpe", to: "hq", failOn: "exposed" }] },
    });
    expect(result).toMatchObject({ items: [], totalCost: 0, passed: true, unfixable: [] });
    expect(afterAudit.findings.map((f) => f.rule)).toEqual(["risky-endpoint"]);
  });

  it("replaces the DWDM channel under two IP links once, not the links", async () => {
    const { result } = await planCase({
      doc: {
        cleanpath: 1,
        elements: [el("a", "Nokia"), el("m", "Nokia"), el("b", "Nokia"), el("o1", "Nokia"), el("o2", "Nokia")],
        links: [
          { id: "och", a: "o1", b: "o2", medium: "optical", vendor: "Huawei", replacementCost: 7 },
          { id: "ip1", a: "a", b: "m", underlay: ["och"] },
          { id: "ip2", a: "m", b: "b", underlay: ["och"] },
        ],
        flows: [{ id: "f", from: "a", to: "b" }, { id: "g", from: "a", to: "m" }],
      },
    });
    expect(result.items.map((i) => [i.id, i.type, i.fixes.pairs])).toEqual([["och", "link", [["a", "b"], ["a", "m"]]]]);
    expect(result.totalCost).toBe(7);
  });

  /** Five Huawei RAN units (100%) under a 60% vendor-share limit: at least two must go, at most three may become the replacement vendor. */
  const ran = (k: number, cost: number) => ({ id: `ran${k}`, role: "ran", vendor: "Huawei", replacementCost: cost });
  const diversityCase = (forbidAll: boolean): Case => ({
    doc: { cleanpath: 1, elements: [ran(1, 5), ran(2, 1), ran(3, 4), ran(4, 2), ran(5, 3)], links: [] },
    rules: [
      { id: "ran-diversity", diversity: { scope: { role: "ran" }, maxVendorShare: "60%" } },
      ...(forbidAll ? [{ id: "no-hrv-ran", forbid: { role: "ran" } }] : []),
    ],
  });

  it("meets a diversity share with the cheapest swaps", async () => {
    const { result } = await planCase(diversityCase(false));
    expect(result.items.map((i) => i.id)).toEqual(["ran2", "ran4"]);
    expect(result).toMatchObject({ totalCost: 3, passed: true, optimal: true });
  });

  it("keeps the replacement vendor itself within a diversity share, fixing what can be fixed together", async () => {
    // Replacing all five (forbid) would make `replacement` 100% of the RAN: the forbid rule stays failing.
    const { result, afterAudit } = await planCase(diversityCase(true));
    expect(result.items.map((i) => i.id)).toEqual(["ran2", "ran4"]);
    expect(result.leftFailing).toEqual([{ kind: "rule", id: "no-hrv-ran" }]);
    expect(afterAudit.rules.map((r) => [r.id, r.passed])).toEqual([["ran-diversity", true], ["no-hrv-ran", false]]);
    expect(result.passed).toBe(false);
  });

  it("refuses to plan with items of unknown cost, naming them at their lines", async () => {
    const c: Case = { doc: { cleanpath: 1, elements: [el("a", "Nokia"), el("x", "Huawei"), el("b", "Nokia")], links: [["a", "x"], ["x", "b"]], flows: [{ id: "f", from: "a", to: "b" }] } };
    await expect(planCase(c)).rejects.toThrow(InputError);
    await expect(planCase(c)).rejects.toThrow(/t\.json:1:\d+ {2}E_PLAN_COST {2}`x` may need replacing/);
    const { result } = await planCase({ ...c, by: "count" });
    expect(result).toMatchObject({ objective: "count", totalCost: 1, items: [{ id: "x", cost: 1 }] });
  });
  it("searches a contracted graph: clean regions are single nodes, one-way links are not crossed backwards", async () => {
    // s, c1, c2, c3 are clean and joined by clean two-way links: one region. r is a candidate;
    // t is clean but only reached through r. d hangs off c3 by a one-way link: its own node.
    const chain: Case = {
      doc: {
        cleanpath: 1,
        elements: [el("s", "Nokia"), el("c1", "Nokia"), el("c2", "Nokia"), el("c3", "Nokia"), el("d", "Nokia"), el("t", "Nokia"), el("r", "Huawei", { replacementCost: 3 })],
        links: [["s", "c1"], ["c1", "c2"], ["c2", "c3"], ["c3", "r"], ["r", "t"], { a: "c3", b: "d", direction: "forward" }],
        flows: [{ id: "f", from: "s", to: "t", failOn: "dirty" }],
      },
    };
    const { result } = await planCase(chain);
    expect(result.items.map((i) => [i.id, i.fixes.pairs])).toEqual([["r", [["s", "t"]]]]);
    expect(result.optimal).toBe(true);
    // Nodes: the region {s, c1, c2, c3}, d, t, r. Arcs: region⇄r, r⇄t, region→d.
    expect(result.model.reducedTo).toEqual({ nodes: 4, arcs: 5 });
    expect(result.model.reducedFrom).toEqual({ items: 13, links: 6 });
  });
});
