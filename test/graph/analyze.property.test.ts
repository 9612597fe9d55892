import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzePairs, analyzePairsWith, analyzeVerdicts, type SharingStrategy } from "../../src/graph/analyze.js";
import { buildGraph } from "../../src/graph/build.js";
import type { NetGraph, PairFacts, PairQuery } from "../../src/graph/types.js";
import { verdictOf } from "../../src/graph/verdict.js";
import type { Verdict } from "../../src/result.js";
import { type RefFacts, type RefGraph, allPaths, costsOf, maskOf, oracle, oracleVerdict, queriesFor, reachExposure, refGraph } from "./oracle.js";
import { type TinyNet, topologyOf } from "./tiny.js";
import type { State } from "../../src/topology/types.js";

const runs = Number(process.env["CLEANPATH_PROPERTY_RUNS"] ?? 400);

const stateArb = fc.integer({ min: 0, max: 11 }).map((x) => (x === 0 ? "planned" : x === 1 ? "out-of-service" : "in-service") as State);
const chance = (oneIn: number): fc.Arbitrary<boolean> => fc.integer({ min: 1, max: oneIn }).map((x) => x === 1);

/**
 * Tiny networks: dense enough for equal-cost paths and several disjoint routes, with parallel
 * links, one-way links when allowed, risky and unknown items, and items out of service.
 */
function netArb(oneWay: boolean): fc.Arbitrary<TinyNet> {
  const size = fc.oneof(
    fc.integer({ min: 2, max: 9 }).map((n) => ({ n, min: n - 1, max: Math.min(16, 3 * n) })),
    fc.integer({ min: 4, max: 7 }).map((n) => ({ n, min: 2 * n, max: 16 })),
  );
  // Now and then metrics near 2^31, so that path lengths overflow 32 bits, or in the hundreds
  // (the trees' bucket queue with many buckets; from 257 on, the heap).
  const scale = fc.constantFrom(1, 1, 1, 100, 1_000_000_000);
  return fc.tuple(size, scale).chain(([{ n, min, max }, k]) => {
    const ids = Array.from({ length: n }, (_, i) => `e${i}`);
    const element = fc.record({ state: stateArb, risky: chance(5), unknown: chance(7), cost: fc.integer({ min: 0, max: 4 }) });
    const link = fc.record({
      ends: fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 1, max: n - 1 })),
      metric: fc.integer({ min: 1, max: 2 }),
      oneWay: oneWay ? chance(4) : fc.constant(false),
      state: stateArb,
      risky: chance(6),
      unknown: chance(8),
      cost: fc.integer({ min: 0, max: 4 }),
    });
    return fc
      .tuple(fc.array(element, { minLength: n, maxLength: n }), fc.array(link, { minLength: min, maxLength: max }))
      .map(([els, lks]) => ({
        elements: els.map((e, i) => ({ id: ids[i]!, ...e })),
        links: lks.map((l) => {
          const a = l.ends[0];
          const b = (a + l.ends[1]) % n; // never a self-loop
          return { a: ids[a]!, b: ids[b]!, metric: l.metric * k, oneWay: l.oneWay, state: l.state, risky: l.risky, unknown: l.unknown, cost: l.cost };
        }),
      }));
  });
}

const caseArb = (oneWay: boolean) =>
  fc.record({
    net: netArb(oneWay),
    pairs: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 2 })), { minLength: 1, maxLength: 6 }),
    level: fc.constantFrom(1 as const, 2 as const),
    withCosts: fc.boolean(),
    maxPaths: fc.constantFrom(1, 2, 8),
    maxExposure: fc.constantFrom(1, 3, 1000),
  });


/** Is `nodes` a simple path of the graph, and can links be chosen along it summing to `metric`? */
function checkRealPath(g: NetGraph, nodes: number[], metric: number, links?: number[]): void {
  expect(new Set(nodes).size).toBe(nodes.length);
  let total = 0;
  for (let i = 0; i + 1 < nodes.length; i++) {
    const u = nodes[i]!;
    const w = nodes[i + 1]!;
    const joins = (l: number): boolean =>
      (g.linkA[l] === u && g.linkB[l] === w) || (g.linkOneWay[l] === 0 && g.linkA[l] === w && g.linkB[l] === u);
    if (links) {
      expect(joins(links[i]!)).toBe(true);
      total += g.linkMetric[links[i]!]!;
    } else {
      let best = Infinity;
      for (let l = 0; l < g.m; l++) if (joins(l)) best = Math.min(best, g.linkMetric[l]!);
      expect(best).toBeLessThan(Infinity);
      total += best;
    }
  }
  expect(total).toBe(metric);
}

function check(
  net: TinyNet,
  pairs: [number, number, number][],
  level: 1 | 2,
  withCosts: boolean,
  maxPaths: number,
  maxExposure: number,
  sharing: SharingStrategy,
): void {
  const g = buildGraph(topologyOf(net));
  const r = refGraph(net);
  // buildGraph's filtering and numbering against the independent reference.
  expect(g.nodeIds).toEqual(r.nodeIds);
  expect(g.linkIds).toEqual(r.linkIds);
  expect(Array.from(g.linkA)).toEqual(r.a);
  expect(Array.from(g.linkB)).toEqual(r.b);
  expect(g.hasOneWay).toBe(r.hasOneWay);
  const risky = maskOf(net, r, level);
  const costs = withCosts ? costsOf(net, r) : undefined;
  const queries = queriesFor(r, pairs);
  const facts = analyzePairsWith(g, risky, queries, { maxPaths, maxExposureItems: maxExposure, costs }, sharing);
  expect(facts).toHaveLength(queries.length);
  queries.forEach((q, i) => {
    const f = facts[i]!;
    const o = oracle(r, risky, q.s, q.t, q.failures, maxPaths, costs);
    const where = `pair ${q.s}→${q.t} (failures ${q.failures})`;
    expect([f.s, f.t], where).toEqual([q.s, q.t]);
    expect(f.reachable, where).toBe(o.reachable);
    expect(f.routed, where).toEqual(o.routed);
    expect(f.cleanAlternative, where).toEqual(o.cleanAlternative);
    if (r.hasOneWay) {
      const reach = reachExposure(r, risky, q.s, q.t);
      const all = f.exposure.count <= maxExposure ? f.exposure.items : reach;
      expect(f.exposure.approximate || !o.reachable, where).toBe(true);
      expect(f.exposure.count, where).toBe(o.reachable ? reach.length : 0);
      expect(f.exposure.items, where).toEqual(o.reachable ? reach.slice(0, maxExposure) : []);
      for (const x of o.exposureExact) expect(all, where).toContain(x);
    } else {
      expect(f.exposure, where).toEqual({ items: o.exposureExact.slice(0, maxExposure), count: o.exposureExact.length, approximate: false });
    }
    expect(f.failover, where).toEqual(q.failures >= 1 ? (o.failover ?? { failures: q.failures, dirtyAfter: [], disconnectedBy: [] }) : null);
    if (o.remediation === null) expect(f.remediation, where).toBeNull();
    else {
      expect(f.remediation, where).not.toBeNull();
      expect(f.remediation!.cost, where).toBe(o.remediation.cost);
      expect(o.remediation.sets.has(f.remediation!.items.join(",")), where).toBe(true);
    }
    expect(f.diversity, where).toBe(o.diversity);
    const exposureCount = r.hasOneWay && o.reachable ? reachExposure(r, risky, q.s, q.t).length : o.exposureExact.length;
    expect(verdictOf(f, q.failures), where).toBe(oracleVerdict(o, q.failures, exposureCount));
    checkPaths(g, risky, q, f);
    checkListsAgree(risky, maskOf(net, r, 1), maskOf(net, r, 2), level, q, f, maxExposure, where);
  });
}

/**
 * SPEC §3: the verdict and the lists that explain it agree, and each list holds what the mask
 * counts: an item of unknown vendor only (flagged at level 2, not at level 1) is in them exactly
 * when unknown counts as risky.
 */
function checkListsAgree(
  risky: Uint8Array,
  designated: Uint8Array,
  withUnknown: Uint8Array,
  level: 1 | 2,
  q: PairQuery,
  f: PairFacts,
  maxExposure: number,
  where: string,
): void {
  const ends = new Set([q.s, q.t]);
  const isRisky = (i: number): boolean => risky[i] === 1 && !ends.has(i);
  const verdict = verdictOf(f, q.failures);
  const exposureWhole = f.exposure.count <= maxExposure;
  const exposure = new Set(f.exposure.items);
  for (const i of f.exposure.items) expect(isRisky(i), `${where}: exposure ${i}`).toBe(true);
  if (f.routed) {
    expect(f.routed.riskyItems, where).toEqual(f.routed.items.filter(isRisky));
    for (const i of f.routed.items) {
      if (withUnknown[i] === 1 && designated[i] === 0) expect(f.routed.riskyItems.includes(i), `${where}: unknown ${i} on the route`).toBe(level === 2);
    }
    if (exposureWhole) for (const i of f.routed.riskyItems) expect(exposure.has(i), `${where}: routed ${i} not in exposure`).toBe(true);
  }
  for (const d of f.failover?.dirtyAfter ?? []) {
    expect(d.riskyItems.length, `${where}: after ${d.failed}`).toBeGreaterThan(0);
    for (const i of d.riskyItems) {
      expect(isRisky(i), `${where}: after ${d.failed}, ${i}`).toBe(true);
      if (exposureWhole) expect(exposure.has(i), `${where}: after ${d.failed}, ${i} not in exposure`).toBe(true);
    }
  }
  for (const i of f.remediation?.items ?? []) expect(isRisky(i), `${where}: remediation ${i}`).toBe(true);
  expect(f.remediation !== null, where).toBe(verdict === "dirty");
  const routedRisky = f.routed?.riskyItems.length ?? 0;
  const dirtyAfter = f.failover?.dirtyAfter.length ?? 0;
  if (verdict === "dirty" || verdict === "routed-dirty") expect(routedRisky, where).toBeGreaterThan(0);
  if (verdict === "fragile") expect(routedRisky === 0 && dirtyAfter > 0, where).toBe(true);
  if (verdict === "exposed") expect(routedRisky === 0 && dirtyAfter === 0 && f.exposure.count > 0, where).toBe(true);
  if (verdict === "clean") expect(routedRisky + dirtyAfter + f.exposure.count, where).toBe(0);
}

/** Every returned path is a real simple path with the claimed metric; clean ones are clean. */
function checkPaths(g: NetGraph, risky: Uint8Array, q: PairQuery, f: PairFacts): void {
  if (f.routed) {
    for (const p of f.routed.paths) {
      expect(p[0]).toBe(q.s);
      expect(p[p.length - 1]).toBe(q.t);
      checkRealPath(g, p, f.routed.metric);
    }
  }
  const c = f.cleanAlternative;
  if (c) {
    expect(c.path[0]).toBe(q.s);
    expect(c.path[c.path.length - 1]).toBe(q.t);
    expect(c.links).toHaveLength(c.path.length - 1);
    checkRealPath(g, c.path, c.metric, c.links);
    for (const v of c.path.slice(1, -1)) expect(risky[v]).toBe(0);
    for (const l of c.links) expect(risky[g.n + l]).toBe(0);
    // The ladder: a clean routing is its own clean alternative.
    if (f.routed!.riskyItems.length === 0) expect(c.metric).toBe(f.routed!.metric);
    else expect(c.metric).toBeGreaterThanOrEqual(f.routed!.metric);
  }
}

const strategies: [string, SharingStrategy][] = [
  ["per pair", { trees: "never", cleanBlocks: "never", failoverBlocks: "never" }],
  ["shared", { trees: "always", cleanBlocks: "always", failoverBlocks: "always" }],
];

describe("analyzePairs against brute force over all simple paths", () => {
  for (const oneWay of [false, true]) {
    for (const [name, sharing] of strategies) {
      it(`${oneWay ? "with one-way links" : "undirected"}, ${name}`, () => {
        fc.assert(
          fc.property(caseArb(oneWay), (c) => {
            check(c.net, c.pairs as [number, number, number][], c.level, c.withCosts, c.maxPaths, c.maxExposure, sharing);
          }),
          { numRuns: runs },
        );
      });
    }
  }

  it("gives the same answer twice, whatever the sharing and whatever else is asked", () => {
    fc.assert(
      fc.property(caseArb(true), (c) => {
        const g = buildGraph(topologyOf(c.net));
        const r = refGraph(c.net);
        const risky = maskOf(c.net, r, c.level);
        const queries = queriesFor(r, c.pairs as [number, number, number][]);
        const opts = c.withCosts ? { costs: costsOf(c.net, r) } : {};
        const a = analyzePairsWith(g, risky, queries, opts, { trees: "always", cleanBlocks: "always", failoverBlocks: "always" });
        const b = analyzePairsWith(g, risky, queries, opts, { trees: "never", cleanBlocks: "never", failoverBlocks: "never" });
        const c2 = analyzePairs(g, risky, queries, opts);
        const again = analyzePairsWith(g, risky, queries, opts, { trees: "always", cleanBlocks: "always" });
        expect(b).toEqual(a);
        expect(c2).toEqual(a);
        expect(again).toEqual(a);
        // A pair's answer does not depend on the other pairs asked with it.
        queries.forEach((q, i) => expect(analyzePairs(g, risky, [q], opts)[0]).toEqual(a[i]));
      }),
      { numRuns: Math.ceil(runs / 2) },
    );
  });

  it("analyzeVerdicts gives the verdicts of the full analysis, before it, after it, or under another mask", () => {
    for (const oneWay of [false, true]) {
      fc.assert(
        fc.property(caseArb(oneWay), fc.boolean(), (c, fullFirst) => {
          const net = () => topologyOf(c.net);
          const r = refGraph(c.net);
          const risky = maskOf(c.net, r, c.level);
          const queries = queriesFor(r, c.pairs as [number, number, number][]);
          const expected = (g: ReturnType<typeof buildGraph>, mask: Uint8Array): Verdict[] =>
            analyzePairs(g, mask, queries).map((f, i) => verdictOf(f, queries[i]!.failures));
          // On a fresh graph (nothing cached), and after a full analysis under the opposite mask
          // (routed DAGs reused from it).
          const g1 = buildGraph(net());
          if (fullFirst) expect(analyzeVerdicts(g1, risky, queries)).toEqual(expected(buildGraph(net()), risky));
          const other = risky.map((x) => 1 - x);
          const g2 = buildGraph(net());
          const full = expected(g2, other);
          expect(analyzeVerdicts(g2, other, queries)).toEqual(full);
          expect(analyzeVerdicts(g2, risky, queries)).toEqual(expected(buildGraph(net()), risky));
        }),
        { numRuns: Math.ceil(runs / 2) },
      );
    }
  });

  it("the oracle itself sees parallel links as separate paths", () => {
    const net: TinyNet = { elements: [{ id: "a" }, { id: "b" }], links: [{ a: "a", b: "b" }, { a: "a", b: "b", metric: 2 }] };
    expect(allPaths(refGraph(net), 0, 1)).toHaveLength(2);
  });
});
