import { type ArcFilter, type Dag, buildDag } from "./dag.js";
import { NodeHeap } from "./heap.js";
import type { NetGraph } from "./types.js";

/**
 * Arrays a point-to-point search needs, allocated once per analysis and reused: generation
 * stamps say which entries belong to the current search, so nothing O(n) is cleared per query.
 */
export class SearchScratch {
  gen = 0;
  readonly distF: Float64Array;
  readonly distB: Float64Array;
  readonly labF: Int32Array;
  readonly labB: Int32Array;
  readonly setF: Int32Array;
  readonly setB: Int32Array;
  readonly heapF: NodeHeap;
  readonly heapB: NodeHeap;
  readonly listF: Int32Array;
  readonly listB: Int32Array;
  readonly mark: Int32Array;
  readonly pot: Float64Array;
  readonly marked: Int32Array;
  readonly queue: Int32Array;
  readonly local: Int32Array;

  constructor(n: number) {
    this.distF = new Float64Array(n);
    this.distB = new Float64Array(n);
    this.labF = new Int32Array(n);
    this.labB = new Int32Array(n);
    this.setF = new Int32Array(n);
    this.setB = new Int32Array(n);
    this.heapF = new NodeHeap(n, this.distF);
    this.heapB = new NodeHeap(n, this.distB);
    this.listF = new Int32Array(n);
    this.listB = new Int32Array(n);
    this.mark = new Int32Array(n);
    this.pot = new Float64Array(n);
    this.marked = new Int32Array(n);
    this.queue = new Int32Array(n);
    this.local = new Int32Array(n);
  }

  /** Starts a new generation; on the (theoretical) wrap-around every stamp is reset. */
  next(): number {
    if (this.gen >= 0x7ffffff0) {
      for (const a of [this.labF, this.labB, this.setF, this.setB, this.mark]) a.fill(0);
      this.gen = 0;
    }
    return ++this.gen;
  }
}

/**
 * Every minimum-metric s→t path under the filter, by bidirectional Dijkstra (binary heaps,
 * the smaller frontier first). Null when t cannot be reached.
 */
export function bidirectionalDag(g: NetGraph, sc: SearchScratch, f: ArcFilter): Dag | null {
  const { n, outStart, outTo, outLink, inStart, inFrom, inLink, linkMetric } = g;
  const { distF, distB, labF, labB, setF, setB, heapF, heapB, listF } = sc;
  const { s, t, clean, risky, ban1, ban2 } = f;
  const gen = sc.next();
  heapF.clear();
  heapB.clear();
  distF[s] = 0;
  labF[s] = gen;
  heapF.push(s);
  distB[t] = 0;
  labB[t] = gen;
  heapB.push(t);
  // The roots count as settled from the start, so that t is always in the backward set and s
  // in the forward one even when the other side finishes the search alone.
  setF[s] = gen;
  setB[t] = gen;
  let nF = 0;
  listF[nF++] = s;
  let mu = Infinity;
  // Continue while the frontiers could still close a path of length ≤ mu, so that every node
  // on a shortest path ends up settled by one side or the other (ties included).
  while (heapF.size > 0 && heapB.size > 0 && heapF.topKey() + heapB.topKey() <= mu) {
    if (heapF.size <= heapB.size) {
      const u = heapF.pop();
      if (setF[u] !== gen) {
        setF[u] = gen;
        listF[nF++] = u;
      }
      const du = distF[u]!;
      for (let k = outStart[u]!, end = outStart[u + 1]!; k < end; k++) {
        const w = outTo[k]!;
        const l = outLink[k]!;
        const li = n + l;
        if (li === ban1 || li === ban2 || w === ban1 || w === ban2) continue;
        if (clean && (risky[li] === 1 || (risky[w] === 1 && w !== s && w !== t))) continue;
        const nd = du + linkMetric[l]!;
        if (labB[w] === gen && nd + distB[w]! < mu) mu = nd + distB[w]!;
        if (setF[w] === gen) continue;
        if (labF[w] !== gen) {
          labF[w] = gen;
          distF[w] = nd;
          heapF.push(w);
        } else if (nd < distF[w]!) {
          distF[w] = nd;
          heapF.decreased(w);
        }
      }
    } else {
      const u = heapB.pop();
      setB[u] = gen;
      const du = distB[u]!;
      for (let k = inStart[u]!, end = inStart[u + 1]!; k < end; k++) {
        const w = inFrom[k]!;
        const l = inLink[k]!;
        const li = n + l;
        if (li === ban1 || li === ban2 || w === ban1 || w === ban2) continue;
        if (clean && (risky[li] === 1 || (risky[w] === 1 && w !== s && w !== t))) continue;
        const nd = du + linkMetric[l]!;
        if (labF[w] === gen && nd + distF[w]! < mu) mu = nd + distF[w]!;
        if (setB[w] === gen) continue;
        if (labB[w] !== gen) {
          labB[w] = gen;
          distB[w] = nd;
          heapB.push(w);
        } else if (nd < distB[w]!) {
          distB[w] = nd;
          heapB.decreased(w);
        }
      }
    }
  }
  if (mu === Infinity) return null;
  return markBidirectional(g, sc, f, gen, mu, nF);
}

/**
 * Marks the nodes on shortest paths after a bidirectional search: seeds are the arcs from
 * forward-settled to backward-settled nodes (and nodes settled by both) that add up to the
 * distance; from them, tight arcs lead back to s and on to t.
 */
function markBidirectional(g: NetGraph, sc: SearchScratch, f: ArcFilter, gen: number, D: number, nF: number): Dag {
  const { n, outStart, outTo, outLink, inStart, inFrom, inLink, linkMetric } = g;
  const { distF, distB, setF, setB, listF, mark, pot, marked } = sc;
  const { s, t, clean, risky, ban1, ban2 } = f;
  // The backward settled list is no longer needed: it becomes the backward walk's stack.
  const stackF = sc.queue;
  const stackB = sc.listB;
  let topF = 0;
  let topB = 0;
  let count = 0;
  const take = (v: number): boolean => {
    if (mark[v] === gen) return false;
    mark[v] = gen;
    pot[v] = setF[v] === gen ? distF[v]! : D - distB[v]!;
    marked[count++] = v;
    return true;
  };
  const ok = (l: number, w: number): boolean => {
    const li = n + l;
    if (li === ban1 || li === ban2 || w === ban1 || w === ban2) return false;
    return !clean || (risky[li] === 0 && (risky[w] === 0 || w === s || w === t));
  };
  for (let i = 0; i < nF; i++) {
    const u = listF[i]!;
    const du = distF[u]!;
    const both = setB[u] === gen && du + distB[u]! === D;
    let onPath = both;
    for (let k = outStart[u]!, end = outStart[u + 1]!; k < end; k++) {
      const w = outTo[k]!;
      // Arcs into forward-settled nodes are found by the walk from the nodes settled by both.
      if (setB[w] !== gen || setF[w] === gen) continue;
      const l = outLink[k]!;
      if (du + linkMetric[l]! + distB[w]! !== D || !ok(l, w)) continue;
      onPath = true;
      if (take(w)) stackB[topB++] = w;
    }
    if (!onPath) continue;
    if (take(u)) stackF[topF++] = u;
    if (both) stackB[topB++] = u;
  }
  while (topF > 0) {
    const u = stackF[--topF]!;
    const du = distF[u]!;
    for (let k = inStart[u]!, end = inStart[u + 1]!; k < end; k++) {
      const x = inFrom[k]!;
      if (setF[x] !== gen || mark[x] === gen) continue;
      const l = inLink[k]!;
      if (distF[x]! + linkMetric[l]! !== du || !ok(l, u)) continue;
      take(x);
      stackF[topF++] = x;
    }
  }
  while (topB > 0) {
    const u = stackB[--topB]!;
    const du = distB[u]!;
    for (let k = outStart[u]!, end = outStart[u + 1]!; k < end; k++) {
      const x = outTo[k]!;
      if (setB[x] !== gen || mark[x] === gen) continue;
      const l = outLink[k]!;
      if (du !== linkMetric[l]! + distB[x]! || !ok(l, x)) continue;
      take(x);
      stackB[topB++] = x;
    }
  }
  return buildDag(g, f, D, marked, count, pot, sc.local);
}

/**
 * One shortest-path tree shared by every pair with the same root: forward from a source, or
 * backwards (over in-arcs) from a target. In clean mode risky nodes other than the root are
 * given a distance but never expanded, so they can only be the far end of a pair.
 */
export class PathTree {
  gen = 0;
  root = -1;
  forward = true;
  clean = false;
  readonly dist: Float64Array;
  readonly lab: Int32Array;
  readonly set: Int32Array;
  readonly heap: NodeHeap;
  private readonly want: Int32Array;

  constructor(n: number) {
    this.dist = new Float64Array(n);
    this.lab = new Int32Array(n);
    this.set = new Int32Array(n);
    this.heap = new NodeHeap(n, this.dist);
    this.want = new Int32Array(n);
  }

  /** Grows the tree from `root` until every node of `needed` is settled (or nothing is left). */
  grow(g: NetGraph, root: number, forward: boolean, clean: boolean, risky: Uint8Array, needed: readonly number[]): void {
    if (this.gen >= 0x7ffffff0) {
      this.lab.fill(0);
      this.set.fill(0);
      this.want.fill(0);
      this.gen = 0;
    }
    const gen = ++this.gen;
    this.root = root;
    this.forward = forward;
    this.clean = clean;
    const { n, linkMetric } = g;
    const start = forward ? g.outStart : g.inStart;
    const other = forward ? g.outTo : g.inFrom;
    const via = forward ? g.outLink : g.inLink;
    const { dist, lab, set, heap, want } = this;
    let missing = 0;
    for (const v of needed) {
      if (want[v] !== gen) {
        want[v] = gen;
        missing++;
      }
    }
    heap.clear();
    dist[root] = 0;
    lab[root] = gen;
    heap.push(root);
    while (heap.size > 0 && missing > 0) {
      const u = heap.pop();
      set[u] = gen;
      if (want[u] === gen) missing--;
      if (clean && risky[u] === 1 && u !== root) continue;
      const du = dist[u]!;
      for (let k = start[u]!, end = start[u + 1]!; k < end; k++) {
        const w = other[k]!;
        if (set[w] === gen) continue;
        const l = via[k]!;
        if (clean && risky[n + l] === 1) continue;
        const nd = du + linkMetric[l]!;
        if (lab[w] !== gen) {
          lab[w] = gen;
          dist[w] = nd;
          heap.push(w);
        } else if (nd < dist[w]!) {
          dist[w] = nd;
          heap.decreased(w);
        }
      }
    }
  }

  /** The shortest-path DAG between the root and `other` (the pair's far end), or null. */
  dag(g: NetGraph, sc: SearchScratch, risky: Uint8Array, other: number): Dag | null {
    const gen = this.gen;
    if (this.set[other] !== gen) return null;
    const s = this.forward ? this.root : other;
    const t = this.forward ? other : this.root;
    const f: ArcFilter = { clean: this.clean, risky, s, t, ban1: -1, ban2: -1 };
    const { n, linkMetric } = g;
    const { dist, set } = this;
    const D = dist[other]!;
    // Walk from the far end towards the root over tight arcs; the root side fixes potentials.
    const start = this.forward ? g.inStart : g.outStart;
    const next = this.forward ? g.inFrom : g.outTo;
    const via = this.forward ? g.inLink : g.outLink;
    const mg = sc.next();
    const { mark, pot, marked, queue } = sc;
    let count = 0;
    let top = 0;
    mark[other] = mg;
    pot[other] = this.forward ? D : 0;
    marked[count++] = other;
    queue[top++] = other;
    while (top > 0) {
      const u = queue[--top]!;
      const du = dist[u]!;
      for (let k = start[u]!, end = start[u + 1]!; k < end; k++) {
        const x = next[k]!;
        if (set[x] !== gen || mark[x] === mg) continue;
        const l = via[k]!;
        if (dist[x]! + linkMetric[l]! !== du) continue;
        if (this.clean && (risky[n + l] === 1 || (risky[x] === 1 && x !== this.root))) continue;
        mark[x] = mg;
        pot[x] = this.forward ? dist[x]! : D - dist[x]!;
        marked[count++] = x;
        queue[top++] = x;
      }
    }
    return buildDag(g, f, D, marked, count, pot, sc.local);
  }
}
