import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzePairsWith, analyzeVerdicts, analyzePairs, type SharingStrategy } from "../../src/graph/analyze.js";
import { buildGraph } from "../../src/graph/build.js";
import type { NetGraph, PairFacts, PairQuery } from "../../src/graph/types.js";
import { verdictOf } from "../../src/graph/verdict.js";
import type { Verdict } from "../../src/result.js";
import type { State } from "../../src/topology/types.js";
import { type RefClosure, type RefFacts, type RefGraph, allPaths, costsOf, maskOf, oracle, oracleVerdict, pathRisky, queriesFor, reachExposure, reachItems, refGraph, refVia } from "./oracle.js";
import { type TinyNet, closureFrom, topologyOf, withClosure } from "./tiny.js";

/*
 * SPEC §4.1 against brute force: random small networks whose items rest on other items
 * (random underlay DAGs over graph items, shared closure items, underlay-only elements that are
 * risky or passive), both masks, one-way links, failures 0, 1 and 2. Every fact is compared.
 */

const runs = Math.max(20, Math.ceil(Number(process.env["CLEANPATH_PROPERTY_RUNS"] ?? 400) / 2));

const stateArb = fc.integer({ min: 0, max: 15 }).map((x) => (x === 0 ? "out-of-service" : "in-service") as State);
const chance = (oneIn: number): fc.Arbitrary<boolean> => fc.integer({ min: 1, max: oneIn }).map((x) => x === 1);

interface Case {
  net: TinyNet;
  /** Per graph item (by index modulo the item count): a priority and picks for its underlay. */
  prio: number[];
  picks: number[][];
  pairs: [number, number, number][];
  level: 1 | 2;
  withCosts: boolean;
  maxExposure: number;
}

function netArb(oneWay: boolean): fc.Arbitrary<TinyNet> {
  return fc.tuple(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 0, max: 3 })).chain(([n, extra]) => {
    const ids = Array.from({ length: n }, (_, i) => `e${i}`);
    const element = fc.record({ state: stateArb, risky: chance(6), unknown: chance(7), cost: fc.integer({ min: 0, max: 3 }) });
    // Underlay-only elements: an optical node (often risky) or a duct (passive, never risky).
    const under = fc.record({ risky: chance(2), unknown: chance(5), cost: fc.integer({ min: 1, max: 3 }) });
    const link = fc.record({
      ends: fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 1, max: n - 1 })),
      metric: fc.integer({ min: 1, max: 2 }),
      oneWay: oneWay ? chance(4) : fc.constant(false),
      state: stateArb,
      risky: chance(7),
      unknown: chance(8),
      cost: fc.integer({ min: 0, max: 3 }),
    });
    return fc
      .tuple(
        fc.array(element, { minLength: n, maxLength: n }),
        fc.array(under, { minLength: extra, maxLength: extra }),
        fc.array(link, { minLength: n - 1, maxLength: Math.min(11, 2 * n + 1) }),
      )
      .map(([els, unders, lks]) => ({
        elements: [...els.map((e, i) => ({ id: ids[i]!, ...e })), ...unders.map((u, i) => ({ id: `u${i}`, ...u }))],
        links: lks.map((l) => {
          const a = l.ends[0];
          const b = (a + l.ends[1]) % n;
          return { a: ids[a]!, b: ids[b]!, metric: l.metric, oneWay: l.oneWay, state: l.state, risky: l.risky, unknown: l.unknown, cost: l.cost };
        }),
      }));
  });
}

const caseArb = (oneWay: boolean): fc.Arbitrary<Case> =>
  fc.record({
    net: netArb(oneWay),
    prio: fc.array(fc.nat({ max: 1000 }), { minLength: 40, maxLength: 40 }),
    picks: fc.array(
      fc.oneof(fc.constant([] as number[]), fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 3 })),
      { minLength: 40, maxLength: 40 },
    ),
    pairs: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 2 })), { minLength: 1, maxLength: 4 }),
    level: fc.constantFrom(1 as const, 2 as const),
    withCosts: fc.boolean(),
    maxExposure: fc.constantFrom(1, 1000),
  });

/**
 * Random underlay lists over the graph's items, acyclic by construction: an item only lists
 * items of higher priority. A link never lists its own ends. Many items pick the same few
 * underlay-only elements, so closure items are shared.
 */
function graphOf(c: Case): { g: NetGraph; r: RefGraph; closure: RefClosure } {
  const g0 = buildGraph(topologyOf(c.net));
  const r = refGraph(c.net);
  const total = g0.n + g0.m;
  const key = (i: number): number => c.prio[i % 40]! * 64 + i;
  const direct: number[][] = [];
  for (let i = 0; i < total; i++) {
    const above = Array.from({ length: total }, (_, j) => j).filter(
      (j) => j !== i && key(j) > key(i) && !(i >= g0.n && (g0.linkA[i - g0.n] === j || g0.linkB[i - g0.n] === j)),
    );
    const picks = above.length === 0 ? [] : c.picks[i % 40]!.map((p) => above[p % above.length]!);
    direct.push([...new Set(picks)]);
  }
  const closure = closureFrom(total, direct);
  const g = withClosure(g0, closure) as NetGraph;
  return { g, r, closure: g.closure === undefined ? undefined : closure };
}


function check(c: Case, sharing: SharingStrategy): void {
  const { g, r, closure } = graphOf(c);
  const risky = maskOf(c.net, r, c.level);
  const costs = c.withCosts ? costsOf(c.net, r) : undefined;
  const queries = queriesFor(r, c.pairs);
  const facts = analyzePairsWith(g, risky, queries, { maxExposureItems: c.maxExposure, costs }, sharing);
  queries.forEach((q, i) => {
    const f = facts[i]!;
    const o = oracle(r, risky, q.s, q.t, q.failures, 8, costs, closure);
    const where = `pair ${q.s}→${q.t} (failures ${q.failures})`;
    expect(f.reachable, where).toBe(o.reachable);
    expect(f.routed, where).toEqual(o.routed);
    expect(f.cleanAlternative, where).toEqual(o.cleanAlternative);
    let exposureAll = o.exposureExact;
    let possible = o.possibleItems;
    if (r.hasOneWay && o.reachable) {
      exposureAll = reachExposure(r, risky, q.s, q.t, closure);
      possible = reachItems(r, q.s, q.t);
      for (const x of o.exposureExact) expect(exposureAll, where).toContain(x);
    }
    expect(f.exposure, where).toEqual({
      items: exposureAll.slice(0, c.maxExposure),
      count: exposureAll.length,
      approximate: r.hasOneWay && o.reachable,
    });
    expect(f.failover, where).toEqual(q.failures >= 1 ? (o.failover ?? { failures: q.failures, dirtyAfter: [], disconnectedBy: [] }) : null);
    checkRemediation(r, risky, costs, closure, q, f, o, where);
    if (f.diversityApproximate === true) {
      expect(f.diversity, where).toBeGreaterThanOrEqual(1);
      expect(f.diversity, where).toBeLessThanOrEqual(o.diversity);
    } else expect(f.diversity, where).toBe(o.diversity);
    const via = refVia(
      risky,
      closure,
      [
        { listed: o.routed?.riskyItems ?? [], items: o.routed?.items ?? [] },
        { listed: (o.failover?.dirtyAfter ?? []).flatMap((d) => d.riskyItems), items: o.dirtyRerouted.flat() },
        { listed: exposureAll.slice(0, c.maxExposure), items: possible },
      ],
      c.maxExposure,
    );
    expect(f.via, where).toEqual(via);
    expect(verdictOf(f, q.failures), where).toBe(oracleVerdict(o, q.failures, exposureAll.length));
  });
}

function checkRemediation(
  r: RefGraph,
  risky: Uint8Array,
  costs: Float64Array | undefined,
  closure: RefClosure,
  q: PairQuery,
  f: PairFacts,
  o: RefFacts,
  where: string,
): void {
  if (o.remediation === null) {
    expect(f.remediation, where).toBeNull();
    return;
  }
  const rem = f.remediation!;
  expect(rem, where).not.toBeNull();
  const cost = rem.items.reduce((sum, x) => sum + (costs ? costs[x]! : 1), 0);
  expect(rem.cost, where).toBe(cost);
  if (rem.approximate !== true) {
    expect(rem.cost, where).toBe(o.remediation.cost);
    expect(o.remediation.sets.has(rem.items.join(",")), where).toBe(true);
  } else {
    expect(rem.cost, where).toBeGreaterThanOrEqual(o.remediation.cost);
  }
  // The set always works: some path uses no risky item outside it.
  const set = new Set(rem.items);
  const works = allPaths(r, q.s, q.t).some((p) => pathRisky(r, p, risky, closure).every((x) => set.has(x)));
  expect(works, where).toBe(true);
}

const strategies: [string, SharingStrategy][] = [
  ["per pair", { trees: "never", cleanBlocks: "never", failoverBlocks: "never" }],
  ["shared", { trees: "always", cleanBlocks: "always", failoverBlocks: "always" }],
];

describe("analyzePairs with closures against brute force", () => {
  for (const oneWay of [false, true]) {
    for (const [name, sharing] of strategies) {
      it(`${oneWay ? "with one-way links" : "undirected"}, ${name}`, () => {
        fc.assert(
          fc.property(caseArb(oneWay), (c) => check(c, sharing)),
          { numRuns: runs },
        );
      });
    }
  }

  it("analyzeVerdicts gives the verdicts of the full analysis under either mask", () => {
    for (const oneWay of [false, true]) {
      fc.assert(
        fc.property(caseArb(oneWay), (c) => {
          const { g: g1, r } = graphOf(c);
          const risky = maskOf(c.net, r, c.level);
          const queries = queriesFor(r, c.pairs);
          const other = maskOf(c.net, r, c.level === 1 ? 2 : 1);
          const full = (mask: Uint8Array): Verdict[] =>
            analyzePairs(graphOf(c).g, mask, queries).map((f, i) => verdictOf(f, queries[i]!.failures));
          expect(analyzeVerdicts(g1, risky, queries)).toEqual(full(risky));
          analyzePairs(g1, risky, queries);
          expect(analyzeVerdicts(g1, other, queries)).toEqual(full(other));
        }),
        { numRuns: runs },
      );
    }
  });
});
