/**
 * Brute force over ALL simple paths, for tiny graphs only: the reference every fact of the
 * path engine is compared with. Written independently of the CSR code on purpose.
 */
import type { FailoverEntry, FailoverFacts, PairQuery } from "../../src/graph/types.js";
import type { Verdict } from "../../src/result.js";
import { type TinyNet, topologyOf } from "./tiny.js";

export interface RefGraph {
  n: number;
  m: number;
  nodeIds: string[];
  linkIds: string[];
  a: number[];
  b: number[];
  metric: number[];
  oneWay: boolean[];
  hasOneWay: boolean;
}

export function refGraph(net: TinyNet): RefGraph {
  const topo = topologyOf(net);
  const nodeIds = net.elements.filter((e) => (e.state ?? "in-service") === "in-service").map((e) => e.id);
  const idx = new Map(nodeIds.map((id, i) => [id, i]));
  const r: RefGraph = { n: nodeIds.length, m: 0, nodeIds, linkIds: [], a: [], b: [], metric: [], oneWay: [], hasOneWay: false };
  net.links.forEach((l, i) => {
    if ((l.state ?? "in-service") !== "in-service" || !idx.has(l.a) || !idx.has(l.b)) return;
    r.linkIds.push(topo.links[i]!.id);
    r.a.push(idx.get(l.a)!);
    r.b.push(idx.get(l.b)!);
    r.metric.push(l.metric ?? 1);
    r.oneWay.push(l.oneWay === true);
    if (l.oneWay) r.hasOneWay = true;
  });
  r.m = r.linkIds.length;
  return r;
}

/** Per-item flags in graph index space; level 2 adds unknown items to designated ones. */
export function maskOf(net: TinyNet, r: RefGraph, level: 1 | 2): Uint8Array {
  const mask = new Uint8Array(r.n + r.m);
  const flag = (x: { risky?: boolean; unknown?: boolean }): boolean => x.risky === true || (level === 2 && x.unknown === true);
  const byId = new Map(net.elements.map((e) => [e.id, e]));
  r.nodeIds.forEach((id, v) => (mask[v] = flag(byId.get(id)!) ? 1 : 0));
  const topo = topologyOf(net);
  const linkById = new Map(topo.links.map((l, i) => [l.id, net.links[i]!]));
  r.linkIds.forEach((id, l) => (mask[r.n + l] = flag(linkById.get(id)!) ? 1 : 0));
  return mask;
}

export function costsOf(net: TinyNet, r: RefGraph): Float64Array {
  const costs = new Float64Array(r.n + r.m);
  const byId = new Map(net.elements.map((e) => [e.id, e]));
  r.nodeIds.forEach((id, v) => (costs[v] = byId.get(id)!.cost ?? 1));
  const topo = topologyOf(net);
  const linkById = new Map(topo.links.map((l, i) => [l.id, net.links[i]!]));
  r.linkIds.forEach((id, l) => (costs[r.n + l] = linkById.get(id)!.cost ?? 1));
  return costs;
}

export interface RefPath {
  nodes: number[];
  links: number[];
  metric: number;
}

/** Every simple directed s→t path (parallel links give separate paths), avoiding `banned` items. */
export function allPaths(r: RefGraph, s: number, t: number, banned: ReadonlySet<number> = new Set()): RefPath[] {
  const out: RefPath[] = [];
  const nodes = [s];
  const links: number[] = [];
  const on = new Set([s]);
  const walk = (u: number, metric: number): void => {
    if (u === t) {
      out.push({ nodes: [...nodes], links: [...links], metric });
      return;
    }
    for (let l = 0; l < r.m; l++) {
      if (banned.has(r.n + l)) continue;
      let w = -1;
      if (r.a[l] === u) w = r.b[l]!;
      else if (r.b[l] === u && !r.oneWay[l]) w = r.a[l]!;
      if (w < 0 || on.has(w) || banned.has(w)) continue;
      on.add(w);
      nodes.push(w);
      links.push(l);
      walk(w, metric + r.metric[l]!);
      on.delete(w);
      nodes.pop();
      links.pop();
    }
  };
  walk(s, 0);
  return out;
}

/**
 * Closures in graph item space (SPEC §4.1): `closure[i]` lists every item item i rests on,
 * transitively. Undefined (or an empty list) means none.
 */
export type RefClosure = readonly (readonly number[])[] | undefined;

const closureOf = (closure: RefClosure, i: number): readonly number[] => closure?.[i] ?? [];

/** What a path uses: its inner items and everything they rest on (the ends' closures stay out). */
export function usedItems(r: RefGraph, p: RefPath, closure: RefClosure): number[] {
  return sortedUnique(innerItems(r, p).flatMap((i) => [i, ...closureOf(closure, i)]));
}

/** The risky items a path uses. */
export function pathRisky(r: RefGraph, p: RefPath, risky: Uint8Array, closure: RefClosure): number[] {
  return usedItems(r, p, closure).filter((i) => risky[i] === 1);
}

/** Items of a path other than its two ends: inner nodes, then links offset by n. */
export function innerItems(r: RefGraph, p: RefPath): number[] {
  return [...p.nodes.slice(1, -1), ...p.links.map((l) => r.n + l)];
}

const lex = (x: readonly number[], y: readonly number[]): number => {
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
};

const sortedUnique = (xs: Iterable<number>): number[] => [...new Set(xs)].sort((a, b) => a - b);

export interface RefRouted {
  metric: number;
  paths: number[][];
  pathCount: number;
  items: number[];
  riskyItems: number[];
}

export function routedOf(r: RefGraph, paths: RefPath[], risky: Uint8Array, maxPaths: number, closure?: RefClosure): RefRouted | null {
  if (paths.length === 0) return null;
  const metric = Math.min(...paths.map((p) => p.metric));
  const best = paths.filter((p) => p.metric === metric);
  const seqs = new Map<string, number[]>();
  for (const p of best) seqs.set(p.nodes.join(","), p.nodes);
  const sorted = [...seqs.values()].sort(lex);
  const items = sortedUnique(best.flatMap((p) => innerItems(r, p)));
  return {
    metric,
    paths: sorted.slice(0, maxPaths),
    pathCount: sorted.length,
    items,
    riskyItems: sortedUnique(best.flatMap((p) => pathRisky(r, p, risky, closure))),
  };
}

export interface RefFacts {
  reachable: boolean;
  routed: RefRouted | null;
  cleanAlternative: { metric: number; path: number[]; links: number[] } | null;
  exposureExact: number[];
  failover: FailoverFacts | null;
  /** Minimum replacement cost, and every risky-item set achieving it. */
  remediation: { cost: number; sets: Set<string> } | null;
  diversity: number;
  /** Items on at least one simple s–t path (for `via` of exposure-only items). */
  possibleItems: number[];
  /** Per failover `dirtyAfter` entry, the items of its re-routed paths. */
  dirtyRerouted: number[][];
}

export function isClean(r: RefGraph, p: RefPath, risky: Uint8Array, closure?: RefClosure): boolean {
  return pathRisky(r, p, risky, closure).length === 0;
}

export function oracle(
  r: RefGraph,
  risky: Uint8Array,
  s: number,
  t: number,
  failures: number,
  maxPaths: number,
  costs: Float64Array | undefined,
  closure?: RefClosure,
): RefFacts {
  const paths = allPaths(r, s, t);
  const routed = routedOf(r, paths, risky, maxPaths, closure);
  const cleanPaths = paths.filter((p) => isClean(r, p, risky, closure));
  let cleanAlternative: RefFacts["cleanAlternative"] = null;
  if (cleanPaths.length > 0) {
    const metric = Math.min(...cleanPaths.map((p) => p.metric));
    const best = cleanPaths
      .filter((p) => p.metric === metric)
      .sort((x, y) => x.nodes.length - y.nodes.length || lex(x.nodes, y.nodes) || lex(x.links, y.links))[0]!;
    cleanAlternative = { metric, path: best.nodes, links: best.links };
  }
  const exposureExact = sortedUnique(paths.flatMap((p) => pathRisky(r, p, risky, closure)));
  let remediation: RefFacts["remediation"] = null;
  if (paths.length > 0 && cleanPaths.length === 0) {
    const costOf = (p: RefPath): number => pathRisky(r, p, risky, closure).reduce((sum, i) => sum + (costs ? costs[i]! : 1), 0);
    const cost = Math.min(...paths.map(costOf));
    const sets = new Set(
      paths.filter((p) => costOf(p) === cost).map((p) => pathRisky(r, p, risky, closure).join(",")),
    );
    remediation = { cost, sets };
  }
  const fo = failures >= 1 && routed !== null ? failoverOf(r, risky, s, t, failures, routed, closure) : null;
  return {
    reachable: paths.length > 0,
    routed,
    cleanAlternative,
    exposureExact,
    failover: fo?.facts ?? null,
    remediation,
    diversity: cleanPaths.length === 0 ? 0 : closure === undefined ? diversityOf(cleanPaths) : footprintDiversity(r, cleanPaths, s, t, closure),
    possibleItems: sortedUnique(paths.flatMap((p) => innerItems(r, p))),
    dirtyRerouted: fo?.rerouted ?? [],
  };
}

/**
 * Everything that goes down when `failed` fail, by naive fixpoint: an item whose closure holds a
 * down item, and a link with a down end.
 */
export function downOf(r: RefGraph, closure: RefClosure, failed: readonly number[]): Set<number> {
  const down = new Set(failed);
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < r.n + r.m; i++) {
      if (down.has(i)) continue;
      const endDown = i >= r.n && (down.has(r.a[i - r.n]!) || down.has(r.b[i - r.n]!));
      if (endDown || closureOf(closure, i).some((x) => down.has(x))) {
        down.add(i);
        changed = true;
      }
    }
  }
  return down;
}

function failoverOf(
  r: RefGraph,
  risky: Uint8Array,
  s: number,
  t: number,
  failures: number,
  routed: RefRouted,
  closure: RefClosure,
): { facts: FailoverFacts; rerouted: number[][] } {
  const reroute = (failed: number[]): RefRouted | null => {
    const down = closure === undefined ? new Set(failed) : downOf(r, closure, failed);
    if (down.has(s) || down.has(t)) return null;
    return routedOf(r, allPaths(r, s, t, down), risky, 1, closure);
  };
  // Candidates: the routed items and their closures, endpoints excluded.
  const candidates = (items: number[]): number[] =>
    sortedUnique(items.flatMap((i) => [i, ...closureOf(closure, i)])).filter((i) => i !== s && i !== t);
  const dirtyAfter: FailoverEntry[] = [];
  const rerouted: number[][] = [];
  const disconnectedBy: number[][] = [];
  const pairDirty = new Map<string, [FailoverEntry, number[]]>();
  const pairCut = new Map<string, number[]>();
  for (const f1 of candidates(routed.items)) {
    const r1 = reroute([f1]);
    if (r1 === null) disconnectedBy.push([f1]);
    else if (r1.riskyItems.length > 0) {
      dirtyAfter.push({ failed: [f1], riskyItems: r1.riskyItems });
      rerouted.push(r1.items);
    } else if (failures >= 2) {
      for (const f2 of candidates(r1.items)) {
        const pair = [Math.min(f1, f2), Math.max(f1, f2)];
        const key = pair.join(",");
        const r2 = reroute(pair);
        if (r2 === null) pairCut.set(key, pair);
        else if (r2.riskyItems.length > 0) pairDirty.set(key, [{ failed: pair, riskyItems: r2.riskyItems }, r2.items]);
      }
    }
  }
  const pairs = [...pairDirty.values()].sort((x, y) => lex(x[0].failed, y[0].failed));
  return {
    facts: {
      failures,
      dirtyAfter: dirtyAfter.concat(pairs.map((p) => p[0])),
      disconnectedBy: disconnectedBy.concat([...pairCut.values()].sort(lex)),
    },
    rerouted: rerouted.concat(pairs.map((p) => p[1])),
  };
}

/**
 * Largest family of clean paths whose footprints (inner items and their closures, the ends
 * aside) are pairwise disjoint, at most one of them a direct link, capped at 4.
 */
function footprintDiversity(r: RefGraph, cleanPaths: RefPath[], s: number, t: number, closure: RefClosure): number {
  const cands = new Map<string, { foot: number[]; direct: boolean }>();
  for (const p of cleanPaths) {
    const foot = usedItems(r, p, closure).filter((i) => i !== s && i !== t);
    const direct = p.nodes.length === 2;
    cands.set(`${direct}:${foot.join(",")}`, { foot, direct });
  }
  const list = [...cands.values()];
  let best = 0;
  const used = new Set<number>();
  const search = (from: number, chosen: number, direct: boolean): void => {
    best = Math.max(best, chosen);
    if (best >= 4) return;
    for (let i = from; i < list.length; i++) {
      const c = list[i]!;
      if ((c.direct && direct) || c.foot.some((x) => used.has(x))) continue;
      c.foot.forEach((x) => used.add(x));
      search(i + 1, chosen + 1, direct || c.direct);
      c.foot.forEach((x) => used.delete(x));
    }
  };
  search(0, 0, false);
  return Math.min(4, best);
}

/**
 * `via` as SPEC §4.1 defines it: each listed risky item carried by a path item → those path
 * items. Categories in order (routed, failover, exposure); an item takes the carriers of the
 * first category listing it; lists ascending, capped.
 */
export function refVia(
  risky: Uint8Array,
  closure: RefClosure,
  categories: { listed: number[]; items: number[] }[],
  cap: number,
): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const claimed = new Set<number>();
  for (const { listed, items } of categories) {
    for (const x of listed) {
      if (claimed.has(x)) continue;
      claimed.add(x);
      if (risky[x] !== 1) continue;
      const carriers = sortedUnique(items.filter((i) => closureOf(closure, i).includes(x)));
      if (carriers.length > 0 && cap > 0) out.set(x, carriers.slice(0, cap));
    }
  }
  return new Map([...out.entries()].sort((a, b) => a[0] - b[0]));
}

/** Largest family of pairwise internally disjoint clean paths (all direct paths count once), capped at 4. */
function diversityOf(cleanPaths: RefPath[]): number {
  const direct = cleanPaths.some((p) => p.nodes.length === 2);
  const inner = new Map<string, number[]>();
  for (const p of cleanPaths) if (p.nodes.length > 2) inner.set(p.nodes.join(","), p.nodes.slice(1, -1));
  const cands = [...inner.values()];
  let best = 0;
  const used = new Set<number>();
  const search = (from: number, chosen: number): void => {
    best = Math.max(best, chosen);
    if (best >= 4) return;
    for (let i = from; i < cands.length; i++) {
      const c = cands[i]!;
      if (c.some((v) => used.has(v))) continue;
      c.forEach((v) => used.add(v));
      search(i + 1, chosen + 1);
      c.forEach((v) => used.delete(v));
    }
  };
  search(0, 0);
  return Math.min(4, best + (direct ? 1 : 0));
}

/** The reach-based superset of exposure the engine uses with one-way links, computed naively. */
export function reachExposure(r: RefGraph, risky: Uint8Array, s: number, t: number, closure?: RefClosure): number[] {
  return reachItems(r, s, t)
    .flatMap((i) => [i, ...closureOf(closure, i)])
    .filter((i) => risky[i] === 1)
    .sort((a, b) => a - b)
    .filter((x, k, xs) => k === 0 || xs[k - 1] !== x);
}

/** Nodes and links the reach-based approximation counts as on some s–t path. */
export function reachItems(r: RefGraph, s: number, t: number): number[] {
  const arcs: [number, number, number][] = [];
  for (let l = 0; l < r.m; l++) {
    arcs.push([r.a[l]!, r.b[l]!, l]);
    if (!r.oneWay[l]) arcs.push([r.b[l]!, r.a[l]!, l]);
  }
  const closure = (start: number, stop: number, forward: boolean): Set<number> => {
    const seen = new Set([start]);
    const todo = [start];
    while (todo.length > 0) {
      const u = todo.pop()!;
      if (u === stop) continue;
      for (const [x, y] of arcs) {
        const [from, to] = forward ? [x, y] : [y, x];
        if (from === u && !seen.has(to)) {
          seen.add(to);
          todo.push(to);
        }
      }
    }
    return seen;
  };
  const F = closure(s, t, true);
  const B = closure(t, s, false);
  const out: number[] = [];
  for (let v = 0; v < r.n; v++) if (v !== s && v !== t && F.has(v) && B.has(v)) out.push(v);
  for (const [x, y, l] of arcs) if (x !== t && y !== s && F.has(x) && B.has(y)) out.push(r.n + l);
  return sortedUnique(out);
}

/** Pairs (s ≠ t) of the reference graph's nodes from arbitrary numbers, with their failure counts. */
export function queriesFor(r: RefGraph, pairs: [number, number, number][]): PairQuery[] {
  if (r.n < 2) return [];
  return pairs.map(([a, b, failures]) => {
    const s = a % r.n;
    const t = (s + 1 + (b % (r.n - 1))) % r.n;
    return { s, t, failures };
  });
}

/** The ladder on the oracle's facts; with one-way links exposure is the engine's documented superset. */
export function oracleVerdict(o: RefFacts, failures: number, exposureCount: number): Verdict {
  if (!o.reachable) return "unreachable";
  if (o.cleanAlternative === null) return "dirty";
  if (o.routed!.riskyItems.length > 0) return "routed-dirty";
  if (failures >= 1 && o.failover!.dirtyAfter.length > 0) return "fragile";
  if (exposureCount > 0) return "exposed";
  return "clean";
}
