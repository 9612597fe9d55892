/**
 * The compact graph every path algorithm works on.
 *
 * Items are numbered in one space: nodes (in-service elements) are 0..n-1 and links
 * (in-service links whose two ends are in service) are n..n+m-1, so one typed array can
 * flag risk for both kinds.
 */
export interface NetGraph {
  /** Number of nodes. */
  readonly n: number;
  /** Number of links. */
  readonly m: number;
  /** node → element id. */
  readonly nodeIds: readonly string[];
  /** node → index in `Topology.elements`. */
  readonly nodeElement: Int32Array;
  readonly nodeIndex: ReadonlyMap<string, number>;
  /** link (0..m-1, not offset by n) → link id. */
  readonly linkIds: readonly string[];
  /** link → index in `Topology.links`. */
  readonly linkTopo: Int32Array;
  readonly linkA: Int32Array;
  readonly linkB: Int32Array;
  /** Positive integer metrics. */
  readonly linkMetric: Int32Array;
  /** 1 when the link only carries traffic a → b. */
  readonly linkOneWay: Uint8Array;
  /** True when any link is one-way (exposure then becomes approximate). */
  readonly hasOneWay: boolean;
  /** Out-arcs of node u: indices outStart[u] .. outStart[u+1]-1 into outTo / outLink. */
  readonly outStart: Int32Array;
  readonly outTo: Int32Array;
  readonly outLink: Int32Array;
  /**
   * The metric of each out-arc's link, beside the arc: searches read it with `outTo[k]` instead
   * of jumping to `linkMetric[outLink[k]]` (a cache miss per arc on a large graph).
   */
  readonly outMetric: Int32Array;
  /** In-arcs of node v, for searches that run backwards from a target. */
  readonly inStart: Int32Array;
  readonly inFrom: Int32Array;
  readonly inLink: Int32Array;
  readonly inMetric: Int32Array;
  /**
   * Closures of graph items (SPEC §4.1), in the graph's item space (nodes, then links): the
   * closure of item i is `closure.items[closure.start[i] .. closure.start[i+1]-1]`. Absent when no
   * item has an underlay. Every closure item of a graph item is itself a graph item (an item
   * resting on something out of service is out of the graph).
   */
  readonly closure?: GraphClosure;
}

export interface GraphClosure {
  /** Length n + m + 1. */
  readonly start: Int32Array;
  readonly items: Int32Array;
}

/** Item index of a link: links follow the nodes. */
export function linkItem(g: Pick<NetGraph, "n">, link: number): number {
  return g.n + link;
}

/**
 * Per-item flags (length n + m): 1 = counts as risky for this analysis.
 * Endpoints of a pair never count, whatever their flag.
 */
export type RiskMask = Uint8Array;

/** Per-item replacement cost (length n + m) for remediation; clean items are ignored. */
export type CostVector = Float64Array;

export interface AnalysisOptions {
  /** Most distinct routed paths to list per pair (default 8). */
  maxPaths?: number;
  /** Most exposure items to list per pair (default 1000); the count stays exact. */
  maxExposureItems?: number;
  /** Replacement costs for remediation; unit costs (fewest replacements) when absent. */
  costs?: CostVector;
}

export interface PairQuery {
  s: number;
  t: number;
  /** 0, 1 or 2. */
  failures: number;
}

export interface PathFacts {
  metric: number;
  /** Node sequences from s to t, distinct, at most `maxPaths` of them. */
  paths: number[][];
  /** Number of distinct node sequences (saturates at Number.MAX_SAFE_INTEGER). */
  pathCount: number;
  /** Every item (nodes other than s and t, and links) on at least one of the paths. */
  items: number[];
  /** The risky ones among `items` (what makes a pair routed-dirty). */
  riskyItems: number[];
}

export interface FailoverEntry {
  /** One or two failed items. */
  failed: number[];
  /** Risky items on the re-routed (ECMP) paths. */
  riskyItems: number[];
}

export interface FailoverFacts {
  failures: number;
  dirtyAfter: FailoverEntry[];
  /** Failure sets that disconnect the pair. */
  disconnectedBy: number[][];
}

/** Everything SPEC §3 asks for one pair, in item indices. */
export interface PairFacts {
  s: number;
  t: number;
  reachable: boolean;
  /** ECMP set of minimum-metric paths; null when unreachable. */
  routed: PathFacts | null;
  /** Minimum-metric path avoiding every risky item; null when none exists. */
  cleanAlternative: { metric: number; path: number[]; links: number[] } | null;
  /**
   * Risky items on at least one simple s–t path: `count` is exact, `items` lists at most
   * `maxExposureItems` of them (lowest item index first).
   */
  exposure: { items: number[]; count: number; approximate: boolean };
  /** Null when failures = 0. */
  failover: FailoverFacts | null;
  /**
   * Fewest (or cheapest) risky items to replace so a clean path exists; null unless the pair is
   * dirty. `approximate` when minimality could not be proven (shared closure items); the set works.
   */
  remediation: { items: number[]; cost: number; approximate?: boolean } | null;
  /**
   * Internally element-disjoint clean paths, capped at 4 (a direct s–t link counts once); with
   * closures, paths that also share no closure item.
   */
  diversity: number;
  /** True when `diversity` is a proven lower bound, not the exact count (shared closure items). */
  diversityApproximate?: boolean;
  /**
   * Each listed risky item that some path item of the pair rides on (it is in that item's
   * closure) → those path items, ascending: routed-path items for a routed risky item, re-routed
   * path items for a failover-only one, items of the possible paths for an exposure-only one.
   * Empty without closures.
   */
  via: Map<number, number[]>;
}
