import { blockTree, separators as cutItems } from "./blocks.js";
import { type ArcFilter, type Dag, dagAvoiding, dagBottlenecks, dagItems, dagWithout } from "./dag.js";
import { type SearchScratch, bidirectionalDag } from "./search.js";
import type { FailoverEntry, FailoverFacts, NetGraph, RiskMask } from "./types.js";
import type { Underlay } from "./underlay.js";

/**
 * Re-routes after each single failure of an item on the routed paths (and, with two
 * failures, after each second failure on the paths that stayed connected and clean).
 * A failure that leaves some routed path standing needs no search: the survivors are the new
 * routed paths. A known separator (cut vertex or bridge, when the caller has them) simply
 * disconnects. Only the other items on every routed path trigger a new search. `blocks` says
 * when the separators of the graph without a first failure replace searches for the second.
 */
export function failover(
  g: NetGraph,
  sc: SearchScratch,
  risky: RiskMask,
  routed: Dag,
  failures: number,
  separators: ReadonlySet<number> | null,
  blocks: "auto" | "always" | "never" = "auto",
): FailoverFacts {
  const { n } = g;
  const { s, t } = routed;
  // `base` already avoids `banned`; drop one more item from it. `cuts` are known separators.
  let work = 0;
  const reroute = (base: Dag, onAll: ReadonlySet<number>, drop: number, banned: number, cuts: ReadonlySet<number> | null): Dag | null => {
    if (cuts !== null && cuts.has(drop)) return null;
    if (!onAll.has(drop)) return dagWithout(base, n, drop, -1);
    const f: ArcFilter = { clean: false, risky, s, t, ban1: drop, ban2: banned };
    const dag = bidirectionalDag(g, sc, f);
    work += sc.work;
    return dag;
  };
  /** Separators of s and t once `failed` is gone (undirected graphs): one pass over the graph. */
  const cutsWithout = (failed: number): Set<number> => cutItems(g, blockTree(g, null, sc.borrow(), failed), s, t);
  const passCost = blocks === "always" ? -1 : blocks === "never" ? Infinity : n + g.outTo.length;
  const routedOnAll = dagBottlenecks(routed, n);
  const riskyOf = (dag: Dag): number[] => dagItems(dag, n).filter((i) => risky[i] === 1);
  // A failure off some path of a clean DAG leaves those paths standing: its survivors are
  // clean and connected, so there is nothing to record and no DAG to build. Skipping them
  // keeps many parallel routes linear (one failure) and quadratic rather than cubic (two).
  const routedClean = riskyOf(routed).length === 0;
  const dirtyAfter: FailoverEntry[] = [];
  const disconnectedBy: number[][] = [];
  const pairsDirty: FailoverEntry[] = [];
  const pairsCut: number[][] = [];
  // A pair of failures can be reached from both of its items. First failures run in item
  // order; when the lower one already reached the second round, it either tried the pair (the
  // higher one was on all of its paths) or left it nothing to report (some of its clean paths
  // avoid the higher one, and they are what remains after both fail). A set of pair keys
  // would hit V8's 2^24-entry limit on a ring of a few thousand nodes.
  const secondRound = new Set<number>();
  for (const f1 of dagItems(routed, n)) {
    if (routedClean && failures < 2 && !routedOnAll.has(f1)) continue;
    const r1 = reroute(routed, routedOnAll, f1, -1, separators);
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
    // r1 is clean here: only a second failure on all of its paths can change anything.
    const r1OnAll = dagBottlenecks(r1, n);
    secondRound.add(f1);
    let cuts = separators;
    work = 0;
    for (const f2 of r1OnAll) {
      if (f2 < f1 && secondRound.has(f2)) continue;
      const lo = Math.min(f1, f2);
      const hi = Math.max(f1, f2);
      // Once the searches after this first failure have cost a pass over the graph, the
      // blocks of the graph without it settle every remaining disconnection at once (on a
      // ring, every second failure): linear per first failure instead of quadratic.
      if (cuts === separators && separators !== null && work > passCost) cuts = cutsWithout(f1);
      const r2 = reroute(r1, r1OnAll, f2, f1, cuts);
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

/** Failover facts with closures, and the re-routed DAGs of the dirty entries (for `via`). */
export interface UnderlayFailover {
  facts: FailoverFacts;
  dirtyDags: Dag[];
}

/**
 * Failover when items have closures (SPEC §4.1, "failures go up"). Candidate failures are the
 * routed items and their closures, endpoints excluded; a failure takes down everything above
 * it (`Underlay.takeDown`), and the pair re-routes around all of it. A failure that takes an
 * endpoint down disconnects. Survivors of the routed DAG answer without a search whenever some
 * routed path avoids everything down; otherwise one search with the down items banned.
 * Entries follow the same order as without closures (singles ascending, then pairs).
 */
export function failoverUnderlay(
  g: NetGraph,
  sc: SearchScratch,
  u: Underlay,
  routed: Dag,
  failures: number,
  separators: ReadonlySet<number> | null,
): UnderlayFailover {
  const { n } = g;
  const { s, t } = routed;
  const eff = u.eff;
  const effClean = (dag: Dag): boolean => dagItems(dag, n).every((i) => eff[i] === 0);
  const onDag = u.marks;
  /** Re-routes around what is down (after `takeDown`), or null when the pair is cut. */
  const reroute = (base: Dag, down: Uint8Array): Dag | null => {
    if (down[s] === 1 || down[t] === 1) return null;
    // A known separator (cut vertex or bridge of the whole graph) among the down items cuts.
    if (separators !== null && separators.size > 0) for (const x of u.downItems) if (separators.has(x)) return null;
    const kept = dagAvoiding(base, n, down);
    if (kept !== null) return kept;
    const f: ArcFilter = { clean: true, risky: down, s, t, ban1: -1, ban2: -1 };
    return bidirectionalDag(g, sc, f);
  };
  const stamp = (dag: Dag): Set<number> => {
    onDag.clear();
    for (const x of dagItems(dag, n)) onDag.add(x);
    return dagBottlenecks(dag, n);
  };
  const routedClean = effClean(routed);
  const routedOnAll = routedClean && failures < 2 ? stamp(routed) : null;
  const dirtyAfter: FailoverEntry[] = [];
  const dirtyDags: Dag[] = [];
  const disconnectedBy: number[][] = [];
  const pairsDirty: { entry: FailoverEntry; dag: Dag }[] = [];
  const pairsCut: number[][] = [];
  for (const f1 of u.withClosures(dagItems(routed, n), s, t)) {
    const down1 = u.takeDown([f1]);
    // A clean routing that keeps a path standing stays clean: nothing to record (one failure).
    if (routedOnAll !== null && u.sparesDag(routed, onDag, routedOnAll)) {
      u.release();
      continue;
    }
    const r1 = reroute(routed, down1);
    u.release();
    if (r1 === null) {
      disconnectedBy.push([f1]);
      continue;
    }
    if (!effClean(r1)) {
      dirtyAfter.push({ failed: [f1], riskyItems: u.riskyOf(dagItems(r1, n)) });
      dirtyDags.push(r1);
      continue;
    }
    if (failures < 2) continue;
    const second = u.withClosures(dagItems(r1, n), s, t);
    const r1OnAll = stamp(r1);
    for (const f2 of second) {
      // r1 avoids everything f1 takes down: when f2 spares one of its (clean) paths, the
      // survivors are the routes after both failures, and clean.
      u.takeDown([f2]);
      const spared = u.sparesDag(r1, onDag, r1OnAll);
      u.release();
      if (spared) continue;
      const lo = Math.min(f1, f2);
      const hi = Math.max(f1, f2);
      const r2 = reroute(r1, u.takeDown([f1, f2]));
      u.release();
      if (r2 === null) pairsCut.push([lo, hi]);
      else if (!effClean(r2)) pairsDirty.push({ entry: { failed: [lo, hi], riskyItems: u.riskyOf(dagItems(r2, n)) }, dag: r2 });
    }
  }
  // A pair can be reached from both of its items: keep one of each.
  const byPair = (a: number[], b: number[]): number => a[0]! - b[0]! || a[1]! - b[1]!;
  pairsDirty.sort((a, b) => byPair(a.entry.failed, b.entry.failed));
  pairsCut.sort(byPair);
  const fresh = <T>(list: T[], key: (x: T) => number[]): T[] => list.filter((x, i) => i === 0 || byPair(key(list[i - 1]!), key(x)) !== 0);
  const dirtyPairs = fresh(pairsDirty, (p) => p.entry.failed);
  return {
    facts: {
      failures,
      dirtyAfter: dirtyAfter.concat(dirtyPairs.map((p) => p.entry)),
      disconnectedBy: disconnectedBy.concat(fresh(pairsCut, (p) => p)),
    },
    dirtyDags: dirtyDags.concat(dirtyPairs.map((p) => p.dag)),
  };
}
