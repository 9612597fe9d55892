import { type ArcFilter, type Dag, dagBottlenecks, dagItems, dagWithout } from "./dag.js";
import { type SearchScratch, bidirectionalDag } from "./search.js";
import type { FailoverEntry, FailoverFacts, NetGraph, RiskMask } from "./types.js";

/**
 * Re-routes after each single failure of an item on the routed paths (and, with two
 * failures, after each second failure on the paths that stayed connected and clean).
 * A failure that leaves some routed path standing needs no search: the survivors are the new
 * routed paths. A known separator (cut vertex or bridge, when the caller has them) simply
 * disconnects. Only the other items on every routed path trigger a new search.
 */
export function failover(
  g: NetGraph,
  sc: SearchScratch,
  risky: RiskMask,
  routed: Dag,
  failures: number,
  separators: ReadonlySet<number> | null,
): FailoverFacts {
  const { n } = g;
  const { s, t } = routed;
  // `base` already avoids `banned`; drop one more item from it.
  const reroute = (base: Dag, onAll: ReadonlySet<number>, drop: number, banned: number): Dag | null => {
    if (separators !== null && separators.has(drop)) return null;
    if (!onAll.has(drop)) return dagWithout(base, n, drop, -1);
    const f: ArcFilter = { clean: false, risky, s, t, ban1: drop, ban2: banned };
    return bidirectionalDag(g, sc, f);
  };
  const routedOnAll = dagBottlenecks(routed, n);
  const riskyOf = (dag: Dag): number[] => dagItems(dag, n).filter((i) => risky[i] === 1);
  const dirtyAfter: FailoverEntry[] = [];
  const disconnectedBy: number[][] = [];
  const pairsDirty: FailoverEntry[] = [];
  const pairsCut: number[][] = [];
  const tried = new Set<number>();
  const total = n + g.m;
  for (const f1 of dagItems(routed, n)) {
    const r1 = reroute(routed, routedOnAll, f1, -1);
    if (r1 === null) {
      disconnectedBy.push([f1]);
      continue;
    }
    const bad = riskyOf(r1);
    if (bad.length > 0) {
      dirtyAfter.push({ failed: [f1], riskyItems: bad });
      continue;
    }
    if (failures < 2) continue;
    const r1OnAll = dagBottlenecks(r1, n);
    for (const f2 of dagItems(r1, n)) {
      const lo = Math.min(f1, f2);
      const hi = Math.max(f1, f2);
      const key = lo * total + hi;
      if (tried.has(key)) continue;
      tried.add(key);
      const r2 = reroute(r1, r1OnAll, f2, f1);
      if (r2 === null) pairsCut.push([lo, hi]);
      else {
        const bad2 = riskyOf(r2);
        if (bad2.length > 0) pairsDirty.push({ failed: [lo, hi], riskyItems: bad2 });
      }
    }
  }
  const byPair = (a: number[], b: number[]): number => a[0]! - b[0]! || a[1]! - b[1]!;
  pairsDirty.sort((a, b) => byPair(a.failed, b.failed));
  pairsCut.sort(byPair);
  return {
    failures,
    dirtyAfter: dirtyAfter.concat(pairsDirty),
    disconnectedBy: disconnectedBy.concat(pairsCut),
  };
}
