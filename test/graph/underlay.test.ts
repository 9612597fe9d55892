import { describe, expect, it } from "vitest";
import { analyzePairs, analyzePairsWith, analyzeVerdicts, type SharingStrategy } from "../../src/graph/analyze.js";
import { buildGraph } from "../../src/graph/build.js";
import type { NetGraph, PairFacts } from "../../src/graph/types.js";
import { verdictOf } from "../../src/graph/verdict.js";
import { maskOf, oracle, refGraph } from "./oracle.js";
import { type TinyLink, type TinyNet, closureFrom, topologyOf, withClosure } from "./tiny.js";

/*
 * SPEC §4.1 by name: what a path rides on counts for its risk, and fails with it. Item ids in
 * `underlay` below are graph ids (elements, and links as `a--b`, `a--b#2`).
 */

const L = (a: string, b: string, metric = 1, more: Partial<TinyLink> = {}): TinyLink => ({ a, b, metric, ...more });

const strategies: [string, SharingStrategy][] = [
  ["per pair", { trees: "never", cleanBlocks: "never", failoverBlocks: "never" }],
  ["shared", { trees: "always", cleanBlocks: "always", failoverBlocks: "always" }],
];

/** The graph of a tiny network with underlay lists by id, and id helpers. */
function underlaid(net: TinyNet, underlay: Record<string, string[]>) {
  const g0 = buildGraph(topologyOf(net));
  const index = (x: string): number => {
    const v = g0.nodeIndex.get(x);
    if (v !== undefined) return v;
    const l = g0.linkIds.indexOf(x);
    if (l < 0) throw new Error(`no item ${x}`);
    return g0.n + l;
  };
  const direct: number[][] = Array.from({ length: g0.n + g0.m }, () => []);
  for (const [item, under] of Object.entries(underlay)) direct[index(item)] = under.map(index);
  const closure = closureFrom(g0.n + g0.m, direct);
  const g = withClosure(g0, closure) as NetGraph;
  const id = (i: number): string => (i < g.n ? g.nodeIds[i]! : g.linkIds[i - g.n]!);
  const ids = (xs: readonly number[]): string[] => xs.map(id);
  const viaIds = (f: PairFacts): Record<string, string[]> => Object.fromEntries([...f.via].map(([k, v]) => [id(k), ids(v)]));
  const risky = maskOf(net, refGraph(net), 1);
  const facts = (from: string, to: string, failures: number, costs?: Float64Array): PairFacts => {
    const q = { s: index(from), t: index(to), failures };
    const [a, b] = strategies.map(([, sharing]) => analyzePairsWith(g, risky, [q], { costs }, sharing)[0]!);
    expect(b).toEqual(a);
    expect(analyzeVerdicts(g, risky, [q])).toEqual([verdictOf(a!, failures)]);
    return a!;
  };
  return { g, index, id, ids, viaIds, facts, risky, closure };
}

/** The SPEC §4.1 example: an IP link over a Huawei DWDM channel, and a "diverse" route in the same duct. */
const specExample: TinyNet = {
  elements: [
    { id: "core-gdl" },
    { id: "core-mty" },
    { id: "upf-mty" },
    { id: "srv-mty-7", risky: true },
    { id: "oadm-gdl", risky: true },
    { id: "oadm-mty", risky: true },
    { id: "duct-57" },
  ],
  links: [L("oadm-gdl", "oadm-mty", 1, { risky: true }), L("core-gdl", "core-mty", 10), L("core-gdl", "core-mty", 12), L("core-mty", "upf-mty", 1)],
};
const specUnderlay = {
  "upf-mty": ["srv-mty-7"],
  "oadm-gdl--oadm-mty": ["duct-57"],
  "core-gdl--core-mty": ["oadm-gdl", "oadm-gdl--oadm-mty", "oadm-mty"],
  "core-gdl--core-mty#2": ["duct-57"],
};

describe("SPEC §4.1 underlay", () => {
  it("an IP link carried on a Huawei channel makes the route routed-dirty; the other route is the clean alternative", () => {
    const u = underlaid(specExample, specUnderlay);
    const f = u.facts("core-gdl", "core-mty", 0);
    expect(verdictOf(f, 0)).toBe("routed-dirty");
    expect(u.ids(f.routed!.items)).toEqual(["core-gdl--core-mty"]);
    // The link itself is not high-risk: what it rides on is, and that is what is listed.
    expect(u.ids(f.routed!.riskyItems)).toEqual(["oadm-gdl", "oadm-mty", "oadm-gdl--oadm-mty"]);
    expect(u.viaIds(f)).toEqual({
      "oadm-gdl": ["core-gdl--core-mty"],
      "oadm-mty": ["core-gdl--core-mty"],
      "oadm-gdl--oadm-mty": ["core-gdl--core-mty"],
    });
    expect(f.cleanAlternative!.metric).toBe(12);
    expect(u.ids(f.cleanAlternative!.links.map((l) => u.g.n + l))).toEqual(["core-gdl--core-mty#2"]);
    expect(u.ids(f.exposure.items)).toEqual(["oadm-gdl", "oadm-mty", "oadm-gdl--oadm-mty"]);
    expect(f.diversity).toBe(1);
    expect(f.diversityApproximate).toBeUndefined();
  });

  it("the duct under both routes: its failure disconnects the pair (a shared-risk group without a separate concept)", () => {
    const u = underlaid(specExample, specUnderlay);
    const f = u.facts("core-gdl", "core-mty", 1);
    expect(f.failover!.disconnectedBy.map(u.ids)).toEqual([["duct-57"]]);
    // Losing the risky route (or anything it rides on) moves traffic to the clean one.
    expect(f.failover!.dirtyAfter).toEqual([]);
  });

  it("two links in one duct with a third, risky way round: the duct's failure re-routes onto it (fragile)", () => {
    const net: TinyNet = {
      elements: [{ id: "s" }, { id: "a" }, { id: "b" }, { id: "x", risky: true }, { id: "t" }, { id: "duct" }],
      links: [L("s", "a"), L("a", "t"), L("s", "b"), L("b", "t"), L("s", "x", 5), L("x", "t", 5)],
    };
    const u = underlaid(net, { "s--a": ["duct"], "s--b": ["duct"] });
    const f = u.facts("s", "t", 1);
    expect(verdictOf(f, 1)).toBe("fragile");
    expect(f.failover!.dirtyAfter.map((e) => [u.ids(e.failed), u.ids(e.riskyItems)])).toEqual([[["duct"], ["x"]]]);
    expect(f.failover!.disconnectedBy).toEqual([]);
    // Two routes, one duct: one footprint-disjoint clean path, proven by the first hops.
    expect(f.diversity).toBe(1);
    expect(f.diversityApproximate).toBeUndefined();
    // Two failures: the duct alone, then every pair that leaves only the risky way.
    const two = u.facts("s", "t", 2);
    const after = two.failover!.dirtyAfter.map((e) => u.ids(e.failed));
    expect(after[0]).toEqual(["duct"]);
    expect(after).toContainEqual(["s--a", "s--b"]);
    expect(after).toContainEqual(["duct", "s--a"]);
  });

  it("a core function hosted on Huawei servers: risky as a transit, not as an endpoint", () => {
    const net: TinyNet = {
      elements: [{ id: "a" }, { id: "upf" }, { id: "b" }, { id: "srv", risky: true }],
      links: [L("a", "upf"), L("upf", "b")],
    };
    const u = underlaid(net, { upf: ["srv"] });
    const through = u.facts("a", "b", 1);
    expect(verdictOf(through, 1)).toBe("dirty");
    expect(u.ids(through.routed!.riskyItems)).toEqual(["srv"]);
    expect(u.viaIds(through)).toEqual({ srv: ["upf"] });
    expect(u.ids(through.remediation!.items)).toEqual(["srv"]);
    // A failure of the servers takes the function down with them.
    expect(through.failover!.disconnectedBy.map(u.ids)).toEqual([["upf"], ["srv"], ["a--upf"], ["upf--b"]]);
    const to = u.facts("a", "upf", 0);
    expect(verdictOf(to, 0)).toBe("clean");
  });

  it("remediation counts a shared channel once, however many links of the path ride on it", () => {
    const net: TinyNet = {
      elements: [{ id: "s" }, { id: "m" }, { id: "t" }, { id: "och", risky: true }, { id: "r", risky: true }, { id: "q", risky: true }],
      // Two hops over one risky channel, or a route through two risky routers.
      links: [L("s", "m"), L("m", "t"), L("s", "r"), L("r", "q"), L("q", "t")],
    };
    const u = underlaid(net, { "s--m": ["och"], "m--t": ["och"] });
    const f = u.facts("s", "t", 0);
    expect(verdictOf(f, 0)).toBe("dirty");
    expect(u.ids(f.remediation!.items)).toEqual(["och"]);
    expect(f.remediation!.cost).toBe(1);
  });
});

describe("degenerate underlay shapes", () => {
  it("10,000 parallel links over one shared duct: every fact answers, and the duct moves them all to the way round", () => {
    const k = 10_000;
    // Metrics 1, 2, 3 in turn; every other link of metric 3 is risky (exposure only).
    const links = Array.from({ length: k }, (_, i) => L("a", "b", 1 + (i % 3), { risky: i % 6 === 5 }));
    const net: TinyNet = { elements: [{ id: "a" }, { id: "b" }, { id: "duct" }, { id: "c" }], links: [...links, L("a", "c", 5), L("c", "b", 5)] };
    const ids = Object.fromEntries(links.map((_, i) => [i === 0 ? "a--b" : `a--b#${i + 1}`, ["duct"]]));
    const u = underlaid(net, ids);
    const f = u.facts("a", "b", 1);
    expect(verdictOf(f, 1)).toBe("exposed");
    expect(f.routed!.items).toHaveLength(3334);
    expect(f.exposure.count).toBe(1666);
    expect(f.failover!.disconnectedBy).toEqual([]);
    // Failing the duct re-routes over c (clean), so nothing is recorded for it.
    expect(f.diversity).toBe(2);
  });

  it("2,000 parallel links over one duct, two failures: the duct with anything of the way round disconnects", () => {
    const k = 2_000;
    const links = Array.from({ length: k }, (_, i) => L("a", "b", 1 + (i % 3), { risky: i % 6 === 5 }));
    const net: TinyNet = { elements: [{ id: "a" }, { id: "b" }, { id: "duct" }, { id: "c" }], links: [...links, L("a", "c", 5), L("c", "b", 5)] };
    const u = underlaid(net, Object.fromEntries(links.map((_, i) => [i === 0 ? "a--b" : `a--b#${i + 1}`, ["duct"]])));
    const two = u.facts("a", "b", 2);
    expect(two.failover!.dirtyAfter).toEqual([]);
    expect(two.failover!.disconnectedBy.map(u.ids)).toEqual([
      ["duct", "c"],
      ["duct", "a--c"],
      ["duct", "c--b"],
    ]);
  });

  it("a 3,000-long underlay chain: risk at the bottom reaches the top, and so does a failure", () => {
    // Closures of a chain are quadratic in its length (4.5 million entries here): the input is big, not the work.
    const k = 3_000;
    const chain = Array.from({ length: k }, (_, i) => ({ id: `u${i}`, risky: i === k - 1 }));
    const net: TinyNet = { elements: [{ id: "s" }, { id: "t" }, { id: "m" }, ...chain], links: [L("s", "t"), L("s", "m", 2), L("m", "t", 2)] };
    const under: Record<string, string[]> = { "s--t": ["u0"] };
    for (let i = 0; i + 1 < k; i++) under[`u${i}`] = [`u${i + 1}`];
    const u = underlaid(net, under);
    const f = u.facts("s", "t", 1);
    expect(verdictOf(f, 1)).toBe("routed-dirty");
    expect(u.ids(f.routed!.riskyItems)).toEqual([`u${k - 1}`]);
    expect(u.viaIds(f)).toEqual({ [`u${k - 1}`]: ["s--t"] });
    expect(f.cleanAlternative!.metric).toBe(4);
    // Every item of the chain is a candidate failure; each one takes the direct link down.
    expect(f.failover!.dirtyAfter).toEqual([]);
    expect(f.failover!.disconnectedBy).toEqual([]);
  });

  it("a small shared-duct mesh agrees with brute force, every pair, two failures", () => {
    const net: TinyNet = {
      elements: [{ id: "a" }, { id: "b" }, { id: "c" }, { id: "d", risky: true }, { id: "e" }, { id: "duct" }, { id: "och", risky: true }],
      links: [L("a", "b"), L("b", "c"), L("c", "d"), L("d", "e"), L("e", "a"), L("a", "c", 2), L("b", "e", 2), L("och", "duct")],
    };
    const u = underlaid(net, { "a--b": ["duct"], "c--d": ["duct"], "b--e": ["och--duct"], "a--c": ["och"], e: ["duct"] });
    const r = refGraph(net);
    const names = ["a", "b", "c", "d", "e"];
    for (const x of names) {
      for (const y of names) {
        if (x === y) continue;
        const q = { s: u.index(x), t: u.index(y), failures: 2 };
        const f = analyzePairs(u.g, u.risky, [q])[0]!;
        const o = oracle(r, u.risky, q.s, q.t, 2, 8, undefined, u.closure);
        expect(f.routed, `${x}→${y}`).toEqual(o.routed);
        expect(f.cleanAlternative, `${x}→${y}`).toEqual(o.cleanAlternative);
        expect(f.exposure.items, `${x}→${y}`).toEqual(o.exposureExact);
        expect(f.failover, `${x}→${y}`).toEqual(o.failover);
        if (f.diversityApproximate !== true) expect(f.diversity, `${x}→${y}`).toBe(o.diversity);
      }
    }
  });
});
