import type { NetGraph } from "./types.js";

/**
 * The directed acyclic graph of every minimum-metric s→t path, in local indices: node 0 is s,
 * the last node is t, nodes are in increasing distance from s, and each node's arcs are sorted
 * by (global head node, link).
 */
export interface Dag {
  readonly s: number;
  readonly t: number;
  readonly metric: number;
  /** Local → global node. */
  readonly nodes: Int32Array;
  /** Distance from s, per local node. */
  readonly pot: Float64Array;
  readonly start: Int32Array;
  /** Local head of each arc. */
  readonly to: Int32Array;
  /** Link (0..m-1) of each arc. */
  readonly link: Int32Array;
}

/** Which arcs a search may use: clean mode forbids risky items other than s and t; bans remove up to two items. */
export interface ArcFilter {
  readonly clean: boolean;
  readonly risky: Uint8Array;
  readonly s: number;
  readonly t: number;
  readonly ban1: number;
  readonly ban2: number;
}

/** True when the search may go from a node to `w` over `link`. */
export function allowed(g: NetGraph, f: ArcFilter, link: number, w: number): boolean {
  const li = g.n + link;
  if (li === f.ban1 || li === f.ban2 || w === f.ban1 || w === f.ban2) return false;
  if (!f.clean) return true;
  return f.risky[li] === 0 && (f.risky[w] === 0 || w === f.s || w === f.t);
}

/**
 * Builds the DAG over the marked nodes `list[0..count)` with their potentials (distance from s,
 * `pot[i]` for `list[i]`), using the arcs the filter allows that are tight for those
 * potentials. `local` is scratch (length n) whose entries for listed nodes are overwritten.
 */
export function buildDag(
  g: NetGraph,
  f: ArcFilter,
  metric: number,
  list: Int32Array,
  count: number,
  pot: readonly number[],
  local: Int32Array,
): Dag {
  const idx = Array.from({ length: count }, (_, i) => i);
  idx.sort((a, b) => pot[a]! - pot[b]! || list[a]! - list[b]!);
  const nodes = new Int32Array(count);
  const lpot = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    nodes[i] = list[idx[i]!]!;
    lpot[i] = pot[idx[i]!]!;
    local[nodes[i]!] = i;
  }
  const { outStart, outTo, outLink, inStart, inFrom, inLink, linkMetric } = g;
  // A node's arcs can be found from either end: from its own out-arcs, or among the in-arcs of
  // the nodes after it. Whichever is shorter is scanned, so a hub at the end of a short DAG
  // (a core router above 10^5 access nodes, one pair per access node) costs the DAG, not its degree.
  const inAfter = new Float64Array(count + 1);
  for (let i = count - 1; i >= 0; i--) inAfter[i] = inAfter[i + 1]! + inStart[nodes[i]! + 1]! - inStart[nodes[i]!]!;
  const start = new Int32Array(count + 1);
  const heads: number[] = [];
  const links: number[] = [];
  const seg: number[] = [];
  for (let i = 0; i < count; i++) {
    const u = nodes[i]!;
    const pu = lpot[i]!;
    seg.length = 0;
    if (outStart[u + 1]! - outStart[u]! <= inAfter[i + 1]!) {
      for (let k = outStart[u]!; k < outStart[u + 1]!; k++) {
        const w = outTo[k]!;
        const l = outLink[k]!;
        const j = local[w]!;
        // `local` is stale for unmarked nodes: confirm membership through the node table.
        if (j < 0 || j >= count || nodes[j] !== w) continue;
        if (pu + linkMetric[l]! !== lpot[j]!) continue;
        if (!allowed(g, f, l, w)) continue;
        seg.push(w, l);
      }
    } else {
      for (let j = i + 1; j < count; j++) {
        const w = nodes[j]!;
        for (let k = inStart[w]!; k < inStart[w + 1]!; k++) {
          if (inFrom[k] !== u) continue;
          const l = inLink[k]!;
          if (pu + linkMetric[l]! !== lpot[j]!) continue;
          if (!allowed(g, f, l, w)) continue;
          seg.push(w, l);
        }
      }
    }
    sortPairs(seg);
    for (let p = 0; p < seg.length; p += 2) {
      heads.push(local[seg[p]!]!);
      links.push(seg[p + 1]!);
    }
    start[i + 1] = heads.length;
  }
  return {
    s: nodes[0]!,
    t: nodes[count - 1]!,
    metric,
    nodes,
    pot: lpot,
    start,
    to: Int32Array.from(heads),
    link: Int32Array.from(links),
  };
}

/** Sorts a flat [a0, b0, a1, b1, …] list by (a, b): insertion for one node's few arcs, else a full sort. */
function sortPairs(seg: number[]): void {
  if (seg.length > 64) {
    // Thousands of parallel links or a wide fan-out: insertion would be quadratic.
    const order = Array.from({ length: seg.length / 2 }, (_, p) => p);
    order.sort((x, y) => seg[2 * x]! - seg[2 * y]! || seg[2 * x + 1]! - seg[2 * y + 1]!);
    const copy = seg.slice();
    order.forEach((p, q) => {
      seg[2 * q] = copy[2 * p]!;
      seg[2 * q + 1] = copy[2 * p + 1]!;
    });
    return;
  }
  for (let i = 2; i < seg.length; i += 2) {
    const a = seg[i]!;
    const b = seg[i + 1]!;
    let j = i - 2;
    while (j >= 0 && (seg[j]! > a || (seg[j] === a && seg[j + 1]! > b))) {
      seg[j + 2] = seg[j]!;
      seg[j + 3] = seg[j + 1]!;
      j -= 2;
    }
    seg[j + 2] = a;
    seg[j + 3] = b;
  }
}

/** Items (inner nodes, then links offset by n) on at least one path of the DAG, ascending. */
export function dagItems(dag: Dag, n: number): number[] {
  const inner = Array.from(dag.nodes.subarray(1, dag.nodes.length - 1)).sort((a, b) => a - b);
  const links = Array.from(dag.link, (l) => n + l).sort((a, b) => a - b);
  return inner.concat(links);
}

/** Number of distinct node sequences from s to t, saturating at Number.MAX_SAFE_INTEGER. */
export function dagPathCount(dag: Dag): number {
  const k = dag.nodes.length;
  const cnt = new Float64Array(k);
  cnt[k - 1] = 1;
  for (let i = k - 2; i >= 0; i--) {
    let c = 0;
    let prev = -1;
    for (let a = dag.start[i]!; a < dag.start[i + 1]!; a++) {
      const j = dag.to[a]!;
      if (j === prev) continue; // parallel links give the same node sequence
      prev = j;
      c = Math.min(Number.MAX_SAFE_INTEGER, c + cnt[j]!);
    }
    cnt[i] = c;
  }
  return cnt[0]!;
}

/** Up to `max` distinct node sequences, in lexicographic order of node indices. */
export function dagPaths(dag: Dag, max: number): number[][] {
  const out: number[][] = [];
  if (max <= 0) return out;
  const last = dag.nodes.length - 1;
  // Every DAG node reaches t, so a depth-first walk in arc order never dead-ends.
  const stack: number[] = [0];
  const cursor: number[] = [dag.start[0]!];
  while (stack.length > 0) {
    const depth = stack.length - 1;
    const i = stack[depth]!;
    if (i === last) {
      out.push(stack.map((j) => dag.nodes[j]!));
      if (out.length >= max) break;
      stack.pop();
      cursor.pop();
      continue;
    }
    let a = cursor[depth]!;
    const end = dag.start[i + 1]!;
    const prevHead = a > dag.start[i]! ? dag.to[a - 1]! : -1;
    while (a < end && dag.to[a] === prevHead) a++;
    if (a >= end) {
      stack.pop();
      cursor.pop();
      continue;
    }
    cursor[depth] = a + 1;
    const j = dag.to[a]!;
    stack.push(j);
    cursor.push(dag.start[j]!);
  }
  return out;
}

/**
 * The canonical path of the DAG: fewest hops, then lexicographically smallest node sequence,
 * then the smallest link on each hop.
 */
export function dagPick(dag: Dag): { path: number[]; links: number[] } {
  const k = dag.nodes.length;
  const hops = new Int32Array(k).fill(0x3fffffff);
  hops[k - 1] = 0;
  for (let i = k - 2; i >= 0; i--) {
    let h = 0x3fffffff;
    for (let a = dag.start[i]!; a < dag.start[i + 1]!; a++) h = Math.min(h, hops[dag.to[a]!]! + 1);
    hops[i] = h;
  }
  const path = [dag.nodes[0]!];
  const links: number[] = [];
  let i = 0;
  while (i !== k - 1) {
    // Arcs are sorted by (head node, link): the first arc keeping the hop count is the one.
    let a = dag.start[i]!;
    while (hops[dag.to[a]!]! + 1 !== hops[i]) a++;
    i = dag.to[a]!;
    path.push(dag.nodes[i]!);
    links.push(dag.link[a]!);
  }
  return { path, links };
}

/**
 * The DAG of the paths that avoid one or two items (nodes or links, item space), or null when
 * every path uses one of them. Equal to re-routing when some old path survives, because a
 * failure never shortens the remaining paths.
 */
export function dagWithout(dag: Dag, n: number, ban1: number, ban2: number): Dag | null {
  return dagKeeping(dag, n, (item) => item === ban1 || item === ban2);
}

/**
 * The DAG of the paths that avoid every item flagged in `down` (nodes or links, item space), or
 * null when none does. Like `dagWithout`, for a whole set of failed items.
 */
export function dagAvoiding(dag: Dag, n: number, down: Uint8Array): Dag | null {
  return dagKeeping(dag, n, (item) => down[item] === 1);
}

/** The sub-DAG of the paths whose inner nodes and links are all not `banned`; null when no path is left. */
function dagKeeping(dag: Dag, n: number, banned: (item: number) => boolean): Dag | null {
  const k = dag.nodes.length;
  const fwd = new Uint8Array(k);
  fwd[0] = 1;
  for (let i = 0; i < k; i++) {
    if (fwd[i] === 0) continue;
    for (let a = dag.start[i]!; a < dag.start[i + 1]!; a++) {
      const j = dag.to[a]!;
      if (banned(n + dag.link[a]!) || (j !== k - 1 && banned(dag.nodes[j]!))) continue;
      fwd[j] = 1;
    }
  }
  if (fwd[k - 1] === 0) return null;
  const bwd = new Uint8Array(k);
  bwd[k - 1] = 1;
  for (let i = k - 2; i >= 0; i--) {
    if (fwd[i] === 0) continue;
    for (let a = dag.start[i]!; a < dag.start[i + 1]!; a++) {
      if (banned(n + dag.link[a]!) || bwd[dag.to[a]!] === 0) continue;
      bwd[i] = 1;
      break;
    }
  }
  const remap = new Int32Array(k).fill(-1);
  const nodes: number[] = [];
  const pot: number[] = [];
  for (let i = 0; i < k; i++) {
    if (fwd[i] === 1 && bwd[i] === 1) {
      remap[i] = nodes.length;
      nodes.push(dag.nodes[i]!);
      pot.push(dag.pot[i]!);
    }
  }
  const start = new Int32Array(nodes.length + 1);
  const to: number[] = [];
  const link: number[] = [];
  let c = 0;
  for (let i = 0; i < k; i++) {
    if (remap[i]! < 0) continue;
    for (let a = dag.start[i]!; a < dag.start[i + 1]!; a++) {
      const j = remap[dag.to[a]!]!;
      if (banned(n + dag.link[a]!) || j < 0) continue;
      to.push(j);
      link.push(dag.link[a]!);
    }
    start[++c] = to.length;
  }
  return {
    s: dag.s,
    t: dag.t,
    metric: dag.metric,
    nodes: Int32Array.from(nodes),
    pot: Float64Array.from(pot),
    start,
    to: Int32Array.from(to),
    link: Int32Array.from(link),
  };
}

/**
 * Items (inner nodes, links offset by n) on every path of the DAG, in O(size). Nodes are in a
 * topological order, so every path crosses each gap between positions i and i+1 exactly once:
 * a node is on every path when no arc jumps over it, a link when some gap is crossed by it alone.
 */
export function dagBottlenecks(dag: Dag, n: number): Set<number> {
  const k = dag.nodes.length;
  const over = new Int32Array(k + 1);
  const cross = new Int32Array(k + 1);
  for (let i = 0; i < k; i++) {
    for (let a = dag.start[i]!; a < dag.start[i + 1]!; a++) {
      const j = dag.to[a]!;
      over[i + 1]!++;
      over[j]!--;
      cross[i]!++;
      cross[j]!--;
    }
  }
  const out = new Set<number>();
  // alone[j] = number of gaps before j crossed by a single arc.
  const alone = new Int32Array(k + 1);
  let o = 0;
  let c = 0;
  for (let i = 0; i < k; i++) {
    o += over[i]!;
    c += cross[i]!;
    if (i > 0 && i < k - 1 && o === 0) out.add(dag.nodes[i]!);
    alone[i + 1] = alone[i]! + (c === 1 ? 1 : 0);
  }
  for (let i = 0; i < k; i++) {
    for (let a = dag.start[i]!; a < dag.start[i + 1]!; a++) {
      const j = dag.to[a]!;
      if (alone[j]! - alone[i]! > 0) out.add(n + dag.link[a]!);
    }
  }
  return out;
}

