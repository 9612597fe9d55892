import type { Verdict } from "../result.js";
import { type BlockRisk, type BlockTree, blockRisk, blockTree, exposureByBlocks, pathBlocks, separators, shareBigBlock } from "./blocks.js";
import { cleanComponents, cleanStrongComponents } from "./components.js";
import { type ArcFilter, type Dag, dagItems, dagPathCount, dagPaths, dagPick } from "./dag.js";
import { exposureByReach } from "./exposure.js";
import { failover, failoverUnderlay } from "./failover.js";
import { DisjointPaths } from "./flow.js";
import { Remediation } from "./remediation.js";
import { PathTree, SearchScratch, bidirectionalDag } from "./search.js";
import type { AnalysisOptions, NetGraph, PairFacts, PairQuery, RiskMask } from "./types.js";
import { BlockExposure, type Carriers, Underlay, ViaBuilder, carriersOf } from "./underlay.js";

/**
 * How work is shared across pairs. Trees: `auto` starts a group of pairs with a common
 * endpoint with bidirectional searches and switches it to one shortest-path tree once the
 * searches so far predict that the rest would cost more than the tree. Clean blocks: `auto`
 * runs one pass over the blocks of the clean subgraph once enough pairs need a disjoint-path
 * count, instead of a small max-flow each. Failover blocks: `auto` finds the second failures
 * that disconnect from the blocks of the graph without the first once the searches for them
 * have cost a pass over the graph. Answers never depend on it (tests force each way).
 */
export interface SharingStrategy {
  trees: "auto" | "always" | "never";
  cleanBlocks: "auto" | "always" | "never";
  failoverBlocks?: "auto" | "always" | "never";
}

export const defaultSharing: SharingStrategy = { trees: "auto", cleanBlocks: "auto" };

const maxDiversity = 4;
/** Pairs from which one pass over the clean blocks beats one small max-flow per pair. */
const cleanBlocksFrom = 32;

/** Per-graph structures and scratch space, kept across calls (designated, then unknown, …). */
interface Workspace {
  blocks: BlockTree | null;
  scratch: SearchScratch | null;
  /**
   * Routed DAGs by pair (s · n + t). Routing ignores risk, so a second analysis of the same
   * pairs under another risk mask (`analyzeVerdicts`) reuses them instead of searching again.
   */
  routed: Map<number, Dag | null>;
  /** Reverse closures, when the graph has closures. */
  carriers: Carriers | null;
}

/** Most routed DAGs kept per graph for reuse. */
const routedCacheSize = 20_000;

const workspaces = new WeakMap<NetGraph, Workspace>();

function workspace(g: NetGraph): Workspace {
  let ws = workspaces.get(g);
  if (ws === undefined) {
    ws = { blocks: null, scratch: null, routed: new Map(), carriers: null };
    workspaces.set(g, ws);
  }
  return ws;
}

function scratch(g: NetGraph): SearchScratch {
  const ws = workspace(g);
  if (ws.scratch === null) {
    let maxMetric = 1;
    for (let l = 0; l < g.m; l++) if (g.linkMetric[l]! > maxMetric) maxMetric = g.linkMetric[l]!;
    ws.scratch = new SearchScratch(g.n, maxMetric);
  }
  return ws.scratch;
}

function graphCarriers(g: NetGraph): Carriers {
  const ws = workspace(g);
  if (ws.carriers === null) ws.carriers = carriersOf(g);
  return ws.carriers;
}

function graphBlocks(g: NetGraph): BlockTree {
  const ws = workspace(g);
  if (ws.blocks === null) ws.blocks = blockTree(g, null, scratch(g).borrow());
  return ws.blocks;
}

/** Everything SPEC §3 asks, for every pair, sharing traversals across pairs. */
export function analyzePairs(
  g: NetGraph,
  risky: RiskMask,
  queries: readonly PairQuery[],
  options: AnalysisOptions = {},
): PairFacts[] {
  return analyzePairsWith(g, risky, queries, options, defaultSharing);
}

/** `analyzePairs` with an explicit sharing strategy (the answers never depend on it). */
export function analyzePairsWith(
  g: NetGraph,
  risky: RiskMask,
  queries: readonly PairQuery[],
  options: AnalysisOptions,
  sharing: SharingStrategy,
): PairFacts[] {
  checkInput(g, risky, queries, options);
  return new Analysis(g, risky, options, sharing).run(queries);
}

/**
 * Only the verdict of each pair (SPEC §3), with the least work: no paths listed, no remediation
 * or diversity, clean-path existence from the clean components where links go both ways, and
 * routed DAGs reused from an earlier `analyzePairs` of the same pairs on the same graph. Used for
 * `verdictIfUnknownClean`; always equal to `verdictOf` of the full facts (property-tested).
 */
export function analyzeVerdicts(g: NetGraph, risky: RiskMask, queries: readonly PairQuery[]): Verdict[] {
  checkInput(g, risky, queries, {});
  return new Analysis(g, risky, { maxPaths: 1, maxExposureItems: 0 }, defaultSharing).verdicts(queries);
}

function checkInput(g: NetGraph, risky: RiskMask, queries: readonly PairQuery[], options: AnalysisOptions): void {
  const items = g.n + g.m;
  if (risky.length < items) throw new RangeError(`risk mask has ${risky.length} entries, graph has ${items} items`);
  if (options.costs !== undefined && options.costs.length < items) {
    throw new RangeError(`cost vector has ${options.costs.length} entries, graph has ${items} items`);
  }
  for (const q of queries) {
    const okNode = (v: number): boolean => Number.isInteger(v) && v >= 0 && v < g.n;
    if (!okNode(q.s) || !okNode(q.t) || q.s === q.t) throw new RangeError(`bad pair ${q.s} → ${q.t}`);
    if (q.failures !== 0 && q.failures !== 1 && q.failures !== 2) throw new RangeError(`failures must be 0, 1 or 2`);
  }
}

class Analysis {
  private readonly n: number;
  private readonly maxPaths: number;
  private readonly maxExposure: number;
  private readonly sc: SearchScratch;
  private compStore: { label: Int32Array; count: number } | null = null;
  private blockRiskStore: BlockRisk | null = null;
  /**
   * The mask every search and structure works with: the given one, or with closures the
   * effective one (an item is risky when anything in its closure is).
   */
  private readonly risky: RiskMask;
  /** Closures under this mask; null when the graph has none (the original code paths). */
  private readonly u: Underlay | null;

  constructor(
    private readonly g: NetGraph,
    mask: RiskMask,
    private readonly options: AnalysisOptions,
    private readonly sharing: SharingStrategy,
  ) {
    this.u = g.closure === undefined ? null : new Underlay(g, mask, graphCarriers(g));
    this.risky = this.u === null ? mask : this.u.eff;
    this.n = g.n;
    this.maxPaths = options.maxPaths ?? 8;
    this.maxExposure = options.maxExposureItems ?? 1000;
    this.sc = scratch(g);
  }

  run(queries: readonly PairQuery[]): PairFacts[] {
    const all = queries.map((_, i) => i);
    const connected = this.g.hasOneWay ? all : all.filter((i) => this.sameComponent(queries[i]!.s, queries[i]!.t));
    const routed = this.shortestDags(queries, connected, false);
    const facts: PairFacts[] = queries.map((q, i) => {
      const dag = routed[i] ?? null;
      return dag === null ? unreachable(q) : this.routedFacts(q, dag);
    });

    // Clean alternatives: routed paths that are clean already are their own alternative.
    const needClean: number[] = [];
    for (const i of connected) {
      const f = facts[i]!;
      if (f.routed === null) continue;
      if (f.routed.riskyItems.length === 0) f.cleanAlternative = this.pick(routed[i]!);
      else if (this.mayBeClean(f.s, f.t)) needClean.push(i);
    }
    const clean = this.shortestDags(queries, needClean, true);
    for (const i of needClean) {
      const dag = clean[i] ?? null;
      if (dag !== null) facts[i]!.cleanAlternative = this.pick(dag);
    }

    if (this.u === null) this.remediate(facts);
    else this.remediateUnder(facts, this.u);
    // Per-pair facts in phases: max-flow borrows the search arrays, so it runs last.
    const reached = all.filter((i) => facts[i]!.reachable);
    if (this.u !== null) return this.runUnder(this.u, queries, facts, routed, reached);
    for (const i of reached) facts[i]!.exposure = this.exposure(queries[i]!.s, queries[i]!.t);
    for (const i of reached) {
      const q = queries[i]!;
      if (q.failures < 1) continue;
      const cuts = this.g.hasOneWay ? null : separators(this.g, graphBlocks(this.g), q.s, q.t);
      facts[i]!.failover = failover(this.g, this.sc, this.risky, routed[i]!, q.failures, cuts, this.sharing.failoverBlocks);
    }
    const withClean = reached.filter((i) => facts[i]!.cleanAlternative !== null);
    this.flowDiversity(queries, facts, withClean);
    return facts;
  }

  /** Disjoint clean paths by max-flow (on the effective mask with closures), for the listed pairs. */
  private flowDiversity(queries: readonly PairQuery[], facts: PairFacts[], withClean: readonly number[]): void {
    const policy = this.sharing.cleanBlocks;
    const useBlocks = !this.g.hasOneWay && (policy === "always" || (policy === "auto" && withClean.length >= cleanBlocksFrom));
    const blocks = useBlocks ? blockTree(this.g, this.risky, this.sc.borrow()) : null;
    let flow: DisjointPaths | null = null;
    for (const i of withClean) {
      const { s, t } = queries[i]!;
      flow ??= new DisjointPaths(this.g, this.risky, this.sc.borrowDouble());
      facts[i]!.diversity = diversity(flow, this.risky, blocks, s, t);
    }
  }

  verdicts(queries: readonly PairQuery[]): Verdict[] {
    const all = queries.map((_, i) => i);
    const connected = this.g.hasOneWay ? all : all.filter((i) => this.sameComponent(queries[i]!.s, queries[i]!.t));
    const routed = this.shortestDags(queries, connected, false);
    const out: Verdict[] = queries.map(() => "unreachable");
    const risky = this.risky;
    const dirtyRoute = (dag: Dag): boolean => dagItems(dag, this.n).some((i) => risky[i] === 1);
    const needSearch: number[] = [];
    const hasClean = new Uint8Array(queries.length);
    const routeDirty = new Uint8Array(queries.length);
    for (const i of connected) {
      const dag = routed[i];
      if (dag === null || dag === undefined) continue;
      routeDirty[i] = dirtyRoute(dag) ? 1 : 0;
      if (routeDirty[i] === 0) hasClean[i] = 1;
      else if (this.mayBeClean(queries[i]!.s, queries[i]!.t)) {
        // Without one-way links the clean components answer exactly; with them, search.
        if (this.g.hasOneWay) needSearch.push(i);
        else hasClean[i] = 1;
      }
    }
    const clean = this.shortestDags(queries, needSearch, true);
    for (const i of needSearch) if (clean[i] !== null && clean[i] !== undefined) hasClean[i] = 1;
    for (const i of connected) {
      const dag = routed[i];
      if (dag === null || dag === undefined) continue;
      const q = queries[i]!;
      if (hasClean[i] === 0) out[i] = "dirty";
      else if (routeDirty[i] === 1) out[i] = "routed-dirty";
      else if (this.u !== null) {
        const u = this.u;
        const cuts = this.g.hasOneWay || q.failures < 1 ? null : separators(this.g, graphBlocks(this.g), q.s, q.t);
        if (q.failures >= 1 && failoverUnderlay(this.g, this.sc, u, dag, q.failures, cuts).facts.dirtyAfter.length > 0) out[i] = "fragile";
        else out[i] = this.exposureUnder(u, q.s, q.t).exposure.count > 0 ? "exposed" : "clean";
      } else {
        if (q.failures >= 1) {
          const cuts = this.g.hasOneWay ? null : separators(this.g, graphBlocks(this.g), q.s, q.t);
          if (failover(this.g, this.sc, risky, dag, q.failures, cuts, this.sharing.failoverBlocks).dirtyAfter.length > 0) {
            out[i] = "fragile";
            continue;
          }
        }
        out[i] = this.exposure(q.s, q.t).count > 0 ? "exposed" : "clean";
      }
    }
    return out;
  }

  private routedFacts(q: PairQuery, dag: Dag): PairFacts {
    const items = dagItems(dag, this.n);
    return {
      s: q.s,
      t: q.t,
      reachable: true,
      routed: {
        metric: dag.metric,
        paths: dagPaths(dag, this.maxPaths),
        pathCount: dagPathCount(dag),
        items,
        riskyItems: this.u === null ? items.filter((i) => this.risky[i] === 1) : this.u.riskyOf(items),
      },
      cleanAlternative: null,
      exposure: { items: [], count: 0, approximate: false },
      failover: q.failures >= 1 ? { failures: q.failures, dirtyAfter: [], disconnectedBy: [] } : null,
      remediation: null,
      diversity: 0,
      via: new Map(),
    };
  }

  private pick(dag: Dag): { metric: number; path: number[]; links: number[] } {
    const { path, links } = dagPick(dag);
    return { metric: dag.metric, path, links };
  }

  /**
   * Minimum-metric DAGs for the listed queries: one tree per shared endpoint when enough
   * pairs share it (on the side with fewer distinct endpoints), bidirectional search otherwise.
   */
  private shortestDags(queries: readonly PairQuery[], which: readonly number[], clean: boolean): (Dag | null)[] {
    if (clean) return this.searchDags(queries, which, true);
    // Routing ignores risk: reuse what an earlier analysis of these pairs found.
    const cache = workspace(this.g).routed;
    const key = (i: number): number => queries[i]!.s * this.n + queries[i]!.t;
    const missing: number[] = [];
    const cached: number[] = [];
    for (const i of which) (cache.has(key(i)) ? cached : missing).push(i);
    const found = this.searchDags(queries, missing, false);
    for (const i of missing) if (cache.size < routedCacheSize) cache.set(key(i), found[i]!);
    for (const i of cached) found[i] = cache.get(key(i))!;
    return found;
  }

  private searchDags(queries: readonly PairQuery[], which: readonly number[], clean: boolean): (Dag | null)[] {
    const out: (Dag | null)[] = new Array<Dag | null>(queries.length).fill(null);
    const sources = new Set(which.map((i) => queries[i]!.s));
    const targets = new Set(which.map((i) => queries[i]!.t));
    const byTarget = targets.size <= sources.size;
    const groups = new Map<number, number[]>();
    for (const i of which) {
      const root = byTarget ? queries[i]!.t : queries[i]!.s;
      const list = groups.get(root);
      if (list === undefined) groups.set(root, [i]);
      else list.push(i);
    }
    const treeCost = this.g.n + this.g.outTo.length;
    const mode = this.sharing.trees;
    for (const [root, list] of groups) {
      let j = 0;
      let work = 0;
      for (; j < list.length && mode !== "always"; j++) {
        const left = list.length - j;
        if (mode === "auto" && j >= 2 && left >= 2 && (work / j) * left > treeCost) break;
        const q = queries[list[j]!]!;
        const f: ArcFilter = { clean, risky: this.risky, s: q.s, t: q.t, ban1: -1, ban2: -1 };
        out[list[j]!] = bidirectionalDag(this.g, this.sc, f);
        work += this.sc.work;
      }
      if (j === list.length) continue;
      const rest = list.slice(j);
      const others = rest.map((i) => (byTarget ? queries[i]!.s : queries[i]!.t));
      const tree = new PathTree(this.g, this.sc, this.risky, root, !byTarget, clean, others);
      for (let k = 0; k < rest.length; k++) out[rest[k]!] = tree.dag(others[k]!);
    }
    return out;
  }

  private sameComponent(s: number, t: number): boolean {
    const bt = graphBlocks(this.g);
    return bt.root[s] === bt.root[t];
  }

  /**
   * False only when no clean path can exist. Undirected graphs answer from the components of
   * the clean subgraph (a risky endpoint joins the components of its clean neighbours);
   * directed graphs need the search itself.
   */
  private mayBeClean(s: number, t: number): boolean {
    if (this.g.hasOneWay) return true;
    const comp = this.components().label;
    const { g, risky, n } = this;
    const reach = (v: number, other: number): Set<number> | true => {
      const set = new Set<number>();
      if (risky[v] === 0) set.add(comp[v]!);
      else {
        for (let k = g.outStart[v]!; k < g.outStart[v + 1]!; k++) {
          const w = g.outTo[k]!;
          if (risky[n + g.outLink[k]!] === 1) continue;
          if (w === other) return true;
          if (risky[w] === 0) set.add(comp[w]!);
        }
      }
      return set;
    };
    const a = reach(s, t);
    const b = reach(t, s);
    if (a === true || b === true) return true;
    for (const c of a) if (b.has(c)) return true;
    // A clean link straight between the two ends joins them whatever their own flags.
    return this.directCleanLink(s, t);
  }

  /** Components of the clean subgraph (strong ones with one-way links), once per analysis. */
  private components(): { label: Int32Array; count: number } {
    if (this.compStore === null) {
      const temps = this.sc.borrow();
      this.compStore = this.g.hasOneWay
        ? cleanStrongComponents(this.g, this.risky, temps)
        : cleanComponents(this.g, this.risky, temps[0]!);
    }
    return this.compStore;
  }

  private directCleanLink(s: number, t: number): boolean {
    const { g, risky, n } = this;
    for (let k = g.outStart[s]!; k < g.outStart[s + 1]!; k++) {
      if (g.outTo[k] === t && risky[n + g.outLink[k]!] === 0) return true;
    }
    return false;
  }

  private remediate(facts: PairFacts[]): void {
    const dirty = facts.filter((f) => f.reachable && f.cleanAlternative === null);
    if (dirty.length === 0) return;
    const rem = new Remediation(this.g, this.risky, this.options.costs, this.components());
    // Targets in one clean component share the whole search: it only depends on the component.
    const groups = new Map<number, PairFacts[]>();
    for (const f of dirty) {
      const root = rem.rootOf(f.t);
      const list = groups.get(root);
      if (list === undefined) groups.set(root, [f]);
      else list.push(f);
    }
    for (const list of groups.values()) {
      rem.run(
        list[0]!.t,
        list.map((f) => f.s),
      );
      for (const f of list) f.remediation = rem.result(f.s);
    }
  }

  private exposure(s: number, t: number): PairFacts["exposure"] {
    if (this.g.hasOneWay) {
      return { ...exposureByReach(this.g, this.sc, this.risky, s, t, this.maxExposure), approximate: true };
    }
    const bt = graphBlocks(this.g);
    if (this.blockRiskStore === null) this.blockRiskStore = blockRisk(this.g, bt, this.risky);
    return { ...exposureByBlocks(bt, this.blockRiskStore, this.risky, s, t, this.maxExposure), approximate: false };
  }

  private blockExposure: BlockExposure | null = null;

  /**
   * Exposure with closures: the risky items that the items of the possible paths use. Without
   * one-way links, per-block lists (`BlockExposure`); with them, the reach sets, expanded.
   * Also, per listed item, the items of the possible paths that carry it (for `via`).
   */
  private exposureUnder(u: Underlay, s: number, t: number): { exposure: PairFacts["exposure"]; carried: Map<number, number[]> } {
    const cap = this.maxExposure;
    if (!this.g.hasOneWay) {
      const bt = graphBlocks(this.g);
      if (this.blockExposure === null) {
        if (this.blockRiskStore === null) this.blockRiskStore = blockRisk(this.g, bt, this.risky);
        this.blockExposure = new BlockExposure(u, bt, this.blockRiskStore);
      }
      const e = this.blockExposure.pair(pathBlocks(bt, s, t), s, t, cap);
      return { exposure: { items: e.items, count: e.count, approximate: false }, carried: e.carried };
    }
    const pathItems = exposureByReach(this.g, this.sc, this.risky, s, t, Infinity).items;
    const all = u.riskyOf(pathItems);
    const items = all.length <= cap ? all : all.slice(0, cap);
    return { exposure: { items, count: all.length, approximate: true }, carried: u.carriedBy(items, pathItems) };
  }

  /** The rest of `run` with closures: exposure, failover, diversity and `via`. */
  private runUnder(u: Underlay, queries: readonly PairQuery[], facts: PairFacts[], routed: (Dag | null)[], reached: number[]): PairFacts[] {
    const exposureVia = new Map<number, Map<number, number[]>>();
    const dirtyDags = new Map<number, Dag[]>();
    for (const i of reached) {
      const q = queries[i]!;
      const e = this.exposureUnder(u, q.s, q.t);
      facts[i]!.exposure = e.exposure;
      exposureVia.set(i, e.carried);
      if (q.failures < 1) continue;
      const cuts = this.g.hasOneWay ? null : separators(this.g, graphBlocks(this.g), q.s, q.t);
      const fo = failoverUnderlay(this.g, this.sc, u, routed[i]!, q.failures, cuts);
      facts[i]!.failover = fo.facts;
      dirtyDags.set(i, fo.dirtyDags);
    }
    for (const i of reached) {
      const f = facts[i]!;
      const vb = new ViaBuilder(u, this.maxExposure);
      vb.offer(f.routed!.riskyItems, [f.routed!.items]);
      const dags = dirtyDags.get(i) ?? [];
      if (dags.length > 0) {
        vb.offer(
          f.failover!.dirtyAfter.flatMap((d) => d.riskyItems),
          dags.map((d) => dagItems(d, this.n)),
        );
      }
      vb.offerCarried(exposureVia.get(i)!);
      f.via = vb.result();
    }
    // Diversity: max-flow on the effective clean subgraph bounds it from above; where closure
    // items may be shared between paths, a greedy family of footprint-disjoint paths bounds it
    // from below (the flow borrows the search arrays, so the greedy searches run after it).
    const withClean = reached.filter((i) => facts[i]!.cleanAlternative !== null);
    this.flowDiversity(queries, facts, withClean);
    const shared = this.sharedFootprints();
    for (const i of withClean) {
      const f = facts[i]!;
      if (f.diversity <= 1) continue;
      const { s, t } = queries[i]!;
      const relevant = shared.count - (shared.mask[s] === 1 ? 1 : 0) - (shared.mask[t] === 1 ? 1 : 0);
      if (relevant === 0) continue;
      // Paths with disjoint footprints need first (and last) hops with disjoint footprints.
      const upper = Math.min(f.diversity, this.hopPacking(u, s, t, true), this.hopPacking(u, s, t, false));
      const found = upper <= 1 ? 1 : this.greedyDisjoint(u, s, t, upper);
      f.diversity = Math.max(1, Math.min(found, upper));
      if (found < upper) f.diversityApproximate = true;
    }
    return facts;
  }

  private sharedStore: { mask: Uint8Array; count: number } | null = null;

  /**
   * Items two clean paths could both hold in their footprints without sharing a path item: a
   * clean item that is in the closure of another (clean) item. Without any, the max-flow count
   * is exact.
   */
  private sharedFootprints(): { mask: Uint8Array; count: number } {
    if (this.sharedStore === null) {
      const { carriers } = this.u!;
      const total = this.n + this.g.m;
      const mask = new Uint8Array(total);
      let count = 0;
      for (let r = 0; r < total; r++) {
        if (this.risky[r] === 0 && carriers.start[r + 1]! > carriers.start[r]!) {
          mask[r] = 1;
          count++;
        }
      }
      this.sharedStore = { mask, count };
    }
    return this.sharedStore;
  }

  /**
   * Most first hops out of s (or last hops into t) with pairwise disjoint footprints: a hop is
   * a clean link and its far node, with their closures, the ends aside; direct links all count
   * as one. An upper bound on footprint-disjoint paths; exact search over at most 16 hops,
   * otherwise no bound (`maxDiversity`).
   */
  private hopPacking(u: Underlay, s: number, t: number, out: boolean): number {
    const { g, n, risky } = this;
    const v = out ? s : t;
    const other = out ? t : s;
    const start = out ? g.outStart : g.inStart;
    const to = out ? g.outTo : g.inFrom;
    const link = out ? g.outLink : g.inLink;
    if (start[v + 1]! - start[v]! > 16) return maxDiversity;
    const { closure: c } = u;
    const feet: Set<number>[] = [];
    const direct: boolean[] = [];
    for (let k = start[v]!; k < start[v + 1]!; k++) {
      const w = to[k]!;
      const li = n + link[k]!;
      if (risky[li] === 1 || (risky[w] === 1 && w !== other)) continue;
      const foot = new Set<number>();
      const put = (x: number): void => {
        if (x === s || x === t) return;
        foot.add(x);
        for (let j = c.start[x]!; j < c.start[x + 1]!; j++) if (c.items[j] !== s && c.items[j] !== t) foot.add(c.items[j]!);
      };
      put(li);
      if (w !== other) put(w);
      feet.push(foot);
      direct.push(w === other);
    }
    const meets = (a: Set<number>, b: Set<number>): boolean => {
      for (const x of a) if (b.has(x)) return true;
      return false;
    };
    const clash = feet.map((a, i) => feet.map((b, j) => i !== j && ((direct[i]! && direct[j]!) || meets(a, b))));
    let best = 0;
    const chosen: number[] = [];
    const search = (from: number): void => {
      if (chosen.length > best) best = chosen.length;
      if (best >= maxDiversity) return;
      for (let i = from; i < feet.length; i++) {
        if (chosen.some((j) => clash[i]![j])) continue;
        chosen.push(i);
        search(i + 1);
        chosen.pop();
      }
    };
    search(0);
    return best;
  }

  private banStore: Uint8Array | null = null;

  /**
   * A family of clean s–t paths with pairwise disjoint footprints (interior items and their
   * closures, endpoints aside), found greedily: the cheapest clean path, then every item whose
   * footprint meets its footprint is banned, and again, up to `cap` paths. A lower bound.
   */
  private greedyDisjoint(u: Underlay, s: number, t: number, cap: number): number {
    const { g, n } = this;
    this.banStore ??= Uint8Array.from(this.risky);
    const mask = this.banStore;
    const { closure: c, carriers } = u;
    const touched: number[] = [];
    const ban = (x: number): void => {
      if (mask[x] === 1) return;
      mask[x] = 1;
      touched.push(x);
    };
    const banFootprint = (x: number): void => {
      if (x === s || x === t) return;
      ban(x);
      for (let k = carriers.start[x]!; k < carriers.start[x + 1]!; k++) ban(carriers.items[k]!);
    };
    let found = 0;
    while (found < cap) {
      const f: ArcFilter = { clean: true, risky: mask, s, t, ban1: -1, ban2: -1 };
      const dag = bidirectionalDag(g, this.sc, f);
      if (dag === null) break;
      const { path, links } = dagPick(dag);
      found++;
      const own = path.slice(1, -1).concat(links.map((l) => n + l));
      for (const x of own) {
        banFootprint(x);
        for (let k = c.start[x]!; k < c.start[x + 1]!; k++) banFootprint(c.items[k]!);
      }
      if (path.length === 2) {
        // A direct link counts once, whichever of the parallel links it is.
        for (let k = g.outStart[s]!; k < g.outStart[s + 1]!; k++) if (g.outTo[k] === t) ban(n + g.outLink[k]!);
      }
    }
    for (const x of touched) mask[x] = 0;
    return found;
  }

  /**
   * Remediation with closures: the contracted-graph search with additive costs (an item costs
   * its own replacement when risky plus that of every risky item of its closure) finds a path;
   * its answer is the union of the risky items that path uses, at their true cost. The same
   * search with each risky item's cost split among everything that carries it (itself and its
   * carriers) bounds every path's union cost from below: when it reaches the found cost the
   * answer is minimal, otherwise it is marked approximate.
   */
  private remediateUnder(facts: PairFacts[], u: Underlay): void {
    const dirty = facts.filter((f) => f.reachable && f.cleanAlternative === null);
    if (dirty.length === 0) return;
    const { g, n } = this;
    const total = n + g.m;
    const base = u.risky;
    const eff = this.risky;
    const own = this.options.costs;
    const costOf = (x: number): number => (own === undefined ? 1 : own[x]!);
    const { closure: c, carriers } = u;
    // A node with fewer than two arcs is never inside a path: only its carriers can bring it in.
    const inner = (r: number): number => (r >= n || g.outStart[r + 1]! - g.outStart[r]! + (g.hasOneWay ? g.inStart[r + 1]! - g.inStart[r]! : 0) >= 2 ? 1 : 0);
    const share = (r: number): number => {
      const users = inner(r) + carriers.start[r + 1]! - carriers.start[r]!;
      return users === 0 ? costOf(r) : costOf(r) / users;
    };
    const add = new Float64Array(total);
    const split = new Float64Array(total);
    let sharedRisk = false;
    for (let x = 0; x < total; x++) {
      if (eff[x] === 0) continue;
      let a = base[x] === 1 ? costOf(x) : 0;
      let b = base[x] === 1 ? share(x) : 0;
      if (base[x] === 1 && carriers.start[x + 1]! > carriers.start[x]!) sharedRisk = true;
      for (let k = c.start[x]!; k < c.start[x + 1]!; k++) {
        const r = c.items[k]!;
        if (base[r] === 0) continue;
        a += costOf(r);
        b += share(r);
      }
      add[x] = a;
      split[x] = b;
    }
    const comps = this.components();
    const rem = new Remediation(g, eff, add, comps);
    const low = sharedRisk ? new Remediation(g, eff, split, comps) : null;
    const groups = new Map<number, PairFacts[]>();
    for (const f of dirty) {
      const root = rem.rootOf(f.t);
      const list = groups.get(root);
      if (list === undefined) groups.set(root, [f]);
      else list.push(f);
    }
    for (const list of groups.values()) {
      const sources = list.map((f) => f.s);
      rem.run(list[0]!.t, sources);
      const union = (r: { items: number[] } | null): { items: number[]; cost: number } | null => {
        if (r === null) return null;
        const items = u.riskyOf(r.items);
        let cost = 0;
        for (const x of items) cost += costOf(x);
        return { items, cost };
      };
      const found = list.map((f) => union(rem.result(f.s)));
      if (low !== null) low.run(list[0]!.t, sources);
      list.forEach((f, j) => {
        let best = found[j];
        if (best === null || best === undefined) return;
        let bound = best.cost;
        if (low !== null) {
          // The bound's own path is a candidate too: its union may be cheaper.
          const r = low.result(f.s);
          bound = r?.cost ?? bound;
          const other = union(r);
          if (other !== null && other.cost < best.cost) best = other;
        }
        const exact = bound >= best.cost - 1e-9 * Math.max(1, best.cost);
        f.remediation = exact ? best : { ...best, approximate: true };
      });
    }
  }

}

/**
 * Internally disjoint clean paths, capped: degree bounds and, for clean ends, the blocks of
 * the clean subgraph settle most pairs; max-flow runs only when more may exist.
 */
function diversity(flow: DisjointPaths, risky: RiskMask, blocks: BlockTree | null, s: number, t: number): number {
  const b = flow.bounds(s, t);
  const cap = Math.min(b.out, b.in, maxDiversity);
  if (cap <= 1) return 1;
  if (blocks !== null && risky[s] === 0 && risky[t] === 0) {
    if (!shareBigBlock(blocks, s, t)) return 1;
    if (cap === 2) return 2;
  }
  return flow.count(s, t, cap, b.direct);
}

function unreachable(q: PairQuery): PairFacts {
  return {
    s: q.s,
    t: q.t,
    reachable: false,
    routed: null,
    cleanAlternative: null,
    exposure: { items: [], count: 0, approximate: false },
    failover: q.failures >= 1 ? { failures: q.failures, dirtyAfter: [], disconnectedBy: [] } : null,
    remediation: null,
    diversity: 0,
    via: new Map(),
  };
}
