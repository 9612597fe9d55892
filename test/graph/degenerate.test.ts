import { describe, expect, it } from "vitest";
import { analyzePairsWith, type SharingStrategy } from "../../src/graph/analyze.js";
import { buildGraph } from "../../src/graph/build.js";
import type { PairQuery } from "../../src/graph/types.js";
import { maskOf, oracle, refGraph } from "./oracle.js";
import { type TinyLink, type TinyNet, topologyOf } from "./tiny.js";

/*
 * Degenerate shapes, small enough for brute force: hubs far wider than the caches' thresholds,
 * many parallel links, long chains and rings. The large versions of these are where the engine
 * once went quadratic (or worse); these check that the faster routes give the same answers.
 */

const strategies: [string, SharingStrategy][] = [
  ["per pair", { trees: "never", cleanBlocks: "never", failoverBlocks: "never" }],
  ["shared", { trees: "always", cleanBlocks: "always", failoverBlocks: "always" }],
];

/** Every fact of every pair equals brute force, under both sharing strategies. */
function agreesWithOracle(net: TinyNet, pairs: [string, string][], failures: number, level: 1 | 2 = 1): void {
  const g = buildGraph(topologyOf(net));
  const r = refGraph(net);
  const risky = maskOf(net, r, level);
  const queries: PairQuery[] = pairs.map(([a, b]) => ({ s: g.nodeIndex.get(a)!, t: g.nodeIndex.get(b)!, failures }));
  for (const [name, sharing] of strategies) {
    const facts = analyzePairsWith(g, risky, queries, { maxExposureItems: 1_000_000 }, sharing);
    queries.forEach((q, i) => {
      const f = facts[i]!;
      const o = oracle(r, risky, q.s, q.t, failures, 8, undefined);
      const where = `${name}: ${pairs[i]!.join("→")}`;
      expect(f.routed, where).toEqual(o.routed);
      expect(f.cleanAlternative, where).toEqual(o.cleanAlternative);
      expect(f.exposure, where).toEqual({ items: o.exposureExact, count: o.exposureExact.length, approximate: false });
      expect(f.failover, where).toEqual(failures >= 1 ? (o.failover ?? { failures, dirtyAfter: [], disconnectedBy: [] }) : null);
      if (o.remediation === null) expect(f.remediation, where).toBeNull();
      else expect(o.remediation.sets.has(f.remediation!.items.join(",")), where).toBe(true);
      expect(f.diversity, where).toBe(o.diversity);
    });
  }
}

const L = (a: string, b: string, metric = 1, more: Partial<TinyLink> = {}): TinyLink => ({ a, b, metric, ...more });

/** A hub with `k` leaves; every 7th leaf is risky, every 11th leaf link is risky. */
function star(k: number): TinyNet {
  const leaves = Array.from({ length: k }, (_, i) => ({ id: `l${i}`, risky: i % 7 === 3 }));
  return {
    elements: [{ id: "hub" }, ...leaves],
    links: leaves.map((l, i) => L("hub", l.id, 1, { risky: i % 11 === 5 })),
  };
}

describe("degenerate shapes against brute force", () => {
  it("a star of 300 leaves: the hub to every leaf, and one leaf to every other (the hub in the middle)", () => {
    const net = star(300);
    const leaves = net.elements.slice(1).map((e) => e.id);
    agreesWithOracle(net, leaves.map((l) => ["hub", l]), 1);
    agreesWithOracle(net, leaves.map((l) => [l, "hub"]), 1);
    agreesWithOracle(net, leaves.slice(1).map((l) => ["l0", l]), 2);
    agreesWithOracle(net, leaves.slice(6, 200).map((l) => [l, "l5"]), 1);
  });

  it("a star of 70 leaves whose hub is risky, with a clean ring around the leaves (the hub is only exposure)", () => {
    const net = star(70);
    net.elements[0] = { id: "hub", risky: true };
    for (let i = 0; i < 70; i++) net.links.push(L(`l${i}`, `l${(i + 1) % 70}`, 3));
    agreesWithOracle(net, [["l0", "l1"], ["l0", "l35"], ["l7", "l50"]], 0);
  });

  it("60 parallel links, alternately risky: equal metrics (routed-dirty) and a risky backup (exposed), one and two failures", () => {
    for (const backup of [1, 2]) {
      const links = Array.from({ length: 60 }, (_, i) => L("a", "b", i % 2 === 1 ? backup : 1, { risky: i % 2 === 1 }));
      const net: TinyNet = { elements: [{ id: "a" }, { id: "b" }], links };
      agreesWithOracle(net, [["a", "b"], ["b", "a"]], 1);
      agreesWithOracle(net, [["a", "b"]], 2);
    }
  });

  it("a wide fan written in reverse order: 40 equal routes through 40 middle nodes, some risky", () => {
    const mids = Array.from({ length: 40 }, (_, i) => ({ id: `m${i}`, risky: i % 9 === 4 }));
    const links: TinyLink[] = [];
    for (let i = 39; i >= 0; i--) links.push(L("s", `m${i}`), L(`m${i}`, "t", 1, { risky: i === 17 }));
    for (let i = 0; i < 40; i += 3) links.push(L("s", `m${i}`)); // parallels to some middles
    const net: TinyNet = { elements: [{ id: "s" }, ...mids, { id: "t" }], links };
    agreesWithOracle(net, [["s", "t"], ["t", "s"], ["m0", "m39"]], 1);
    agreesWithOracle(net, [["s", "t"]], 2, 2);
  });

});

/** Facts of one pair under both sharing strategies (which must agree), with ids for items. */
function factsOf(net: TinyNet, from: string, to: string, failures: number) {
  const g = buildGraph(topologyOf(net));
  const r = refGraph(net);
  const risky = maskOf(net, r, 1);
  const q: PairQuery = { s: g.nodeIndex.get(from)!, t: g.nodeIndex.get(to)!, failures };
  const [a, b] = strategies.map(([, sharing]) => analyzePairsWith(g, risky, [q], {}, sharing)[0]!);
  expect(b).toEqual(a);
  const id = (i: number): string => (i < g.n ? g.nodeIds[i]! : g.linkIds[i - g.n]!);
  const index = (x: string): number => g.nodeIndex.get(x) ?? g.n + g.linkIds.indexOf(x);
  return { f: a!, id, index, ids: (xs: readonly number[]) => xs.map(id) };
}

const byIndex = (a: number, b: number): number => a - b;

describe("long chains and rings, where brute force is too slow", () => {
  it("a chain of 20,000 hops, risky in the middle, one failure: dirty, and every item disconnects", () => {
    const n = 20_001;
    const elements = Array.from({ length: n }, (_, i) => ({ id: `c${i}`, risky: i === 10_000 }));
    const links = Array.from({ length: n - 1 }, (_, i) => L(`c${i}`, `c${i + 1}`));
    const { f, ids, index } = factsOf({ elements, links }, "c0", `c${n - 1}`, 1);
    const inner = [...elements.slice(1, -1).map((e) => e.id), ...links.map((l) => `${l.a}--${l.b}`)].map(index).sort(byIndex);
    expect(f.routed!.items).toEqual(inner);
    expect(ids(f.routed!.riskyItems)).toEqual(["c10000"]);
    expect(f.cleanAlternative).toBeNull();
    expect(ids(f.exposure.items)).toEqual(["c10000"]);
    expect(f.failover).toEqual({ failures: 1, dirtyAfter: [], disconnectedBy: inner.map((i) => [i]) });
    expect(ids(f.remediation!.items)).toEqual(["c10000"]);
    expect(f.diversity).toBe(0);
  });

  const ring = (k: number, risky: number): TinyNet => ({
    elements: Array.from({ length: k }, (_, i) => ({ id: `r${i}`, risky: i === risky })),
    links: Array.from({ length: k }, (_, i) => L(`r${i}`, `r${(i + 1) % k}`)),
  });
  /** Inner items of the arc r_from → r_to going up (indices mod k), in item order. */
  const arc = (k: number, from: number, to: number, index: (x: string) => number): number[] => {
    const out: number[] = [];
    for (let i = from; i !== to; i = (i + 1) % k) {
      const j = (i + 1) % k;
      if (j !== to) out.push(index(`r${j}`));
      out.push(index(j === 0 ? `r${k - 1}--r0` : `r${i}--r${j}`));
    }
    return out.sort(byIndex);
  };

  it("a clean ring of 3,000, adjacent ends, two failures: the direct link and any item of the long way disconnect", () => {
    const k = 3000;
    const { f, index } = factsOf(ring(k, -1), "r0", "r1", 2);
    const direct = index("r0--r1");
    const longWay = arc(k, 1, 0, index).reverse();
    expect(f.routed!.items).toEqual([direct]);
    expect(f.failover!.dirtyAfter).toEqual([]);
    const pairs = longWay.map((x) => [Math.min(direct, x), Math.max(direct, x)]).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
    expect(f.failover!.disconnectedBy).toEqual(pairs);
  });

  it("a clean ring of 600, opposite ends, two failures: one failure on each half disconnects", () => {
    const k = 600;
    const { f, index } = factsOf(ring(k, -1), "r0", "r300", 2);
    const up = arc(k, 0, 300, index);
    const down = arc(k, 300, 0, index);
    expect(f.routed!.pathCount).toBe(2);
    expect(f.failover!.dirtyAfter).toEqual([]);
    const pairs = up.flatMap((a) => down.map((b) => [Math.min(a, b), Math.max(a, b)])).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
    expect(f.failover!.disconnectedBy).toEqual(pairs);
  });

  it("a ring of 1,200 with a risky node on the far side, one failure: each item of the route moves traffic onto it", () => {
    const k = 1200;
    const near = factsOf(ring(k, 900), "r0", "r400", 1);
    expect(near.f.routed!.riskyItems).toEqual([]);
    expect(near.f.failover!.dirtyAfter).toEqual(arc(k, 0, 400, near.index).map((x) => ({ failed: [x], riskyItems: [near.index("r900")] })));
    expect(near.f.failover!.disconnectedBy).toEqual([]);
    // Opposite ends: both halves are routed, the risky one only survives failures on the other.
    const half = factsOf(ring(k, 900), "r0", "r600", 1);
    expect(half.ids(half.f.routed!.riskyItems)).toEqual(["r900"]);
    expect(half.f.failover!.dirtyAfter).toEqual(arc(k, 0, 600, half.index).map((x) => ({ failed: [x], riskyItems: [half.index("r900")] })));
  });
});
