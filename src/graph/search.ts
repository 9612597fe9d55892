import { type ArcFilter, type Dag, buildDag } from "./dag.js";
import { region } from "../arena.js";
import { BucketQueue, NodeHeap } from "./heap.js";
import type { NetGraph } from "./types.js";

/** A growable list of ints in a typed array (settled lists, stacks). */
export class IntList {
  data = new Int32Array(1024);
  length = 0;

  push(v: number): void {
    if (this.length === this.data.length) {
      const d = new Int32Array(2 * this.length);
      d.set(this.data);
      this.data = d;
    }
    this.data[this.length++] = v;
  }
}

/** Distances: 32-bit when no path can overflow them (half the memory), doubles otherwise. */
export type Distances = Int32Array | Float64Array;

/**
 * Arrays the searches need, allocated once per graph and reused. Stamps say which entries
 * belong to the current search (2·gen = labelled, 2·gen+1 = settled), so nothing O(n) is
 * cleared per query. After a search, the heap positions double as the DAG extraction's marks
 * (values n + gen, never a position) and local indices. Other passes (blocks, components) may
 * borrow every per-node array; the stamps are then wiped once before the next search.
 *
 * Kept small on purpose: on a 10^6-node network each megabyte of typed arrays brings the next
 * full garbage collection of the whole process (topology objects included) closer.
 */
export class SearchScratch {
  private gen = 0;
  private stale = false;
  /** Arcs scanned by the last bidirectional search (to decide when a tree pays off). */
  work = 0;
  readonly stF: Int32Array;
  readonly stB: Int32Array;
  readonly posF: Int32Array;
  readonly posB: Int32Array;
  readonly distF: Distances;
  readonly distB: Distances;
  readonly heapF: NodeHeap;
  readonly heapB: NodeHeap;
  readonly listF = new IntList();
  readonly listB = new IntList();
  /** Marked nodes while a DAG is being extracted. */
  readonly marked = new IntList();

  /** Three regions of 8n bytes (a buffer and an offset): the per-node arrays in pairs, lent whole to max-flow. */
  private readonly regions: { buffer: ArrayBuffer; offset: number }[];

  constructor(
    readonly n: number,
    private readonly maxMetric: number,
  ) {
    const bytes = 8 * n;
    const r1 = region(bytes);
    const r2 = region(bytes);
    this.stF = new Int32Array(r1.buffer, r1.offset, n);
    this.stB = new Int32Array(r1.buffer, r1.offset + 4 * n, n);
    this.posF = new Int32Array(r2.buffer, r2.offset, n);
    this.posB = new Int32Array(r2.buffer, r2.offset + 4 * n, n);
    if (maxMetric * Math.max(1, n) < 0x7fffffff) {
      const r3 = region(bytes);
      this.distF = new Int32Array(r3.buffer, r3.offset, n);
      this.distB = new Int32Array(r3.buffer, r3.offset + 4 * n, n);
      this.regions = [r1, r2, r3];
    } else {
      const r3 = region(2 * bytes);
      this.distF = new Float64Array(r3.buffer, r3.offset, n);
      this.distB = new Float64Array(r3.buffer, r3.offset + bytes, n);
      this.regions = [r1, r2, r3];
    }
    this.heapF = new NodeHeap(this.posF);
    this.heapB = new NodeHeap(this.posB);
  }

  #buckets: BucketQueue | null | undefined;

  /** The queue of the shortest-path trees: Dial's buckets when every metric is a small integer, else the heap. */
  get treeQueue(): BucketQueue | NodeHeap {
    if (this.#buckets === undefined) this.#buckets = this.maxMetric <= maxBucketMetric ? new BucketQueue(this.n, this.maxMetric) : null;
    return this.#buckets ?? this.heapF;
  }

  /** Marks for DAG extraction (after a search): `mark[v] === markOf(gen)`. */
  get mark(): Int32Array {
    return this.posF;
  }

  /** Local indices for DAG extraction (after a search). */
  get local(): Int32Array {
    return this.posB;
  }

  /** The mark value of a generation: above every heap position. */
  markOf(gen: number): number {
    return this.n + gen;
  }

  /** Starts a new generation; returns it (stamps are 2·gen and 2·gen + 1). */
  next(): number {
    if (this.stale || this.gen >= 0x3ffffff0 - this.n) {
      this.stF.fill(0);
      this.stB.fill(0);
      this.posF.fill(0);
      this.gen = 0;
      this.stale = false;
    }
    return ++this.gen;
  }

  /** Lends six per-node Int32 arrays; searches resume with wiped stamps. */
  borrow(): Int32Array[] {
    this.stale = true;
    const n = this.n;
    return this.regions.flatMap((r) => [new Int32Array(r.buffer, r.offset, n), new Int32Array(r.buffer, r.offset + 4 * n, n)]);
  }

  /** Lends three arrays of 2n Int32 entries (the same memory as `borrow`). */
  borrowDouble(): Int32Array[] {
    this.stale = true;
    return this.regions.map((r) => new Int32Array(r.buffer, r.offset, 2 * this.n));
  }
}

/**
 * Every minimum-metric s→t path under the filter, by bidirectional Dijkstra (binary heaps,
 * the smaller frontier first). Null when t cannot be reached.
 */
export function bidirectionalDag(g: NetGraph, sc: SearchScratch, f: ArcFilter): Dag | null {
  const { n, outStart, outTo, outLink, outMetric, inStart, inFrom, inLink, inMetric } = g;
  const { distF, distB, stF, stB, heapF, heapB, listF } = sc;
  const { s, t, clean, risky, ban1, ban2 } = f;
  const gen = sc.next();
  const lab = 2 * gen;
  const set = lab + 1;
  let work = 0;
  heapF.clear();
  heapB.clear();
  listF.length = 0;
  distF[s] = 0;
  heapF.push(s, 0);
  distB[t] = 0;
  heapB.push(t, 0);
  // The roots count as settled from the start, so that t is always in the backward set and s
  // in the forward one even when the other side finishes the search alone.
  stF[s] = set;
  stB[t] = set;
  listF.push(s);
  let mu = Infinity;
  // Continue while the frontiers could still close a path of length ≤ mu, so that every node
  // on a shortest path ends up settled by one side or the other (ties included).
  while (heapF.size > 0 && heapB.size > 0 && heapF.topKey() + heapB.topKey() <= mu) {
    if (heapF.size <= heapB.size) {
      const u = heapF.pop();
      if (stF[u] !== set) {
        stF[u] = set;
        listF.push(u);
      }
      const du = distF[u]!;
      const end = outStart[u + 1]!;
      work += end - outStart[u]! + 1;
      for (let k = outStart[u]!; k < end; k++) {
        const w = outTo[k]!;
        const l = outLink[k]!;
        const li = n + l;
        if (li === ban1 || li === ban2 || w === ban1 || w === ban2) continue;
        if (clean && (risky[li] === 1 || (risky[w] === 1 && w !== s && w !== t))) continue;
        const nd = du + outMetric[k]!;
        if (stB[w]! >= lab && nd + distB[w]! < mu) mu = nd + distB[w]!;
        const st = stF[w]!;
        if (st === set) continue;
        if (st !== lab) {
          stF[w] = lab;
          distF[w] = nd;
          heapF.push(w, nd);
        } else if (nd < distF[w]!) {
          distF[w] = nd;
          heapF.decrease(w, nd);
        }
      }
    } else {
      const u = heapB.pop();
      stB[u] = set;
      const du = distB[u]!;
      const end = inStart[u + 1]!;
      work += end - inStart[u]! + 1;
      for (let k = inStart[u]!; k < end; k++) {
        const w = inFrom[k]!;
        const l = inLink[k]!;
        const li = n + l;
        if (li === ban1 || li === ban2 || w === ban1 || w === ban2) continue;
        if (clean && (risky[li] === 1 || (risky[w] === 1 && w !== s && w !== t))) continue;
        const nd = du + inMetric[k]!;
        if (stF[w]! >= lab && nd + distF[w]! < mu) mu = nd + distF[w]!;
        const st = stB[w]!;
        if (st === set) continue;
        if (st !== lab) {
          stB[w] = lab;
          distB[w] = nd;
          heapB.push(w, nd);
        } else if (nd < distB[w]!) {
          distB[w] = nd;
          heapB.decrease(w, nd);
        }
      }
    }
  }
  sc.work = work;
  if (mu === Infinity) return null;
  return markBidirectional(g, sc, f, gen, mu);
}

/**
 * Marks the nodes on shortest paths after a bidirectional search: seeds are the arcs from
 * forward-settled to backward-settled nodes (and nodes settled by both) that add up to the
 * distance; from them, tight arcs lead back to s and on to t.
 */
function markBidirectional(g: NetGraph, sc: SearchScratch, f: ArcFilter, gen: number, D: number): Dag {
  const { n, outStart, outTo, outLink, inStart, inFrom, inLink, linkMetric } = g;
  const { distF, distB, stF, stB, listF, mark, marked } = sc;
  const { s, t, clean, risky, ban1, ban2 } = f;
  const set = 2 * gen + 1;
  const seen = sc.markOf(gen);
  const stackF = new IntList();
  const stackB = sc.listB;
  stackB.length = 0;
  marked.length = 0;
  const potList: number[] = [];
  const take = (v: number): boolean => {
    if (mark[v] === seen) return false;
    mark[v] = seen;
    marked.push(v);
    potList.push(stF[v] === set ? distF[v]! : D - distB[v]!);
    return true;
  };
  const ok = (l: number, w: number): boolean => {
    const li = n + l;
    if (li === ban1 || li === ban2 || w === ban1 || w === ban2) return false;
    return !clean || (risky[li] === 0 && (risky[w] === 0 || w === s || w === t));
  };
  for (let i = 0; i < listF.length; i++) {
    const u = listF.data[i]!;
    const du = distF[u]!;
    const both = stB[u] === set && du + distB[u]! === D;
    let onPath = both;
    for (let k = outStart[u]!, end = outStart[u + 1]!; k < end; k++) {
      const w = outTo[k]!;
      // Arcs into forward-settled nodes are found by the walk from the nodes settled by both.
      if (stB[w] !== set || stF[w] === set) continue;
      const l = outLink[k]!;
      if (du + linkMetric[l]! + distB[w]! !== D || !ok(l, w)) continue;
      onPath = true;
      if (take(w)) stackB.push(w);
    }
    if (!onPath) continue;
    if (take(u)) stackF.push(u);
    if (both) stackB.push(u);
  }
  while (stackF.length > 0) {
    const u = stackF.data[--stackF.length]!;
    const du = distF[u]!;
    for (let k = inStart[u]!, end = inStart[u + 1]!; k < end; k++) {
      const x = inFrom[k]!;
      if (stF[x] !== set || mark[x] === seen) continue;
      const l = inLink[k]!;
      if (distF[x]! + linkMetric[l]! !== du || !ok(l, u)) continue;
      take(x);
      stackF.push(x);
    }
  }
  while (stackB.length > 0) {
    const u = stackB.data[--stackB.length]!;
    const du = distB[u]!;
    for (let k = outStart[u]!, end = outStart[u + 1]!; k < end; k++) {
      const x = outTo[k]!;
      if (stB[x] !== set || mark[x] === seen) continue;
      const l = outLink[k]!;
      if (du !== linkMetric[l]! + distB[x]! || !ok(l, x)) continue;
      take(x);
      stackB.push(x);
    }
  }
  return buildDag(g, f, D, marked.data, marked.length, potList, sc.local);
}

/**
 * One shortest-path tree shared by every pair with the same root: forward from a source, or
 * backwards (over in-arcs) from a target. In clean mode risky nodes other than the root are
 * given a distance but never expanded, so they can only be the far end of a pair. The tree
 * lives in the scratch's forward arrays until the next search.
 */
export class PathTree {
  private readonly gen: number;
  /**
   * Tight arcs of each wide node towards the root, found once per tree: a hub on the paths of
   * many pairs (a core router above 10^5 access nodes) would otherwise be rescanned per pair.
   */
  private readonly tightInto = new Map<number, Int32Array>();

  /** Grows the tree from `root` until every node of `needed` is settled (or nothing is left). */
  constructor(
    private readonly g: NetGraph,
    private readonly sc: SearchScratch,
    private readonly risky: Uint8Array,
    readonly root: number,
    readonly forward: boolean,
    readonly clean: boolean,
    needed: readonly number[],
  ) {
    const { n } = g;
    const start = forward ? g.outStart : g.inStart;
    const other = forward ? g.outTo : g.inFrom;
    const via = forward ? g.outLink : g.inLink;
    const arcMetric = forward ? g.outMetric : g.inMetric;
    const { distF: dist, stF: st, stB: want } = sc;
    const heap = sc.treeQueue;
    const gen = sc.next();
    this.gen = gen;
    const lab = 2 * gen;
    const set = lab + 1;
    let missing = 0;
    for (const v of needed) {
      if (want[v] !== lab) {
        want[v] = lab;
        missing++;
      }
    }
    heap.clear();
    dist[root] = 0;
    st[root] = lab;
    heap.push(root, 0);
    while (heap.size > 0 && missing > 0) {
      const u = heap.pop();
      st[u] = set;
      if (want[u] === lab) missing--;
      if (clean && risky[u] === 1 && u !== root) continue;
      const du = dist[u]!;
      for (let k = start[u]!, end = start[u + 1]!; k < end; k++) {
        const w = other[k]!;
        const sw = st[w]!;
        if (sw === set) continue;
        if (clean && risky[n + via[k]!] === 1) continue;
        const nd = du + arcMetric[k]!;
        if (sw !== lab) {
          st[w] = lab;
          dist[w] = nd;
          heap.push(w, nd);
        } else if (nd < dist[w]!) {
          dist[w] = nd;
          heap.decrease(w, nd);
        }
      }
    }
  }

  /** The shortest-path DAG between the root and `other` (the pair's far end), or null. */
  dag(other: number): Dag | null {
    const { g, sc, risky, root, forward, clean } = this;
    const { distF: dist, stF: st } = sc;
    const set = 2 * this.gen + 1;
    if (st[other] !== set) return null;
    const s = forward ? root : other;
    const t = forward ? other : root;
    const f: ArcFilter = { clean, risky, s, t, ban1: -1, ban2: -1 };
    const D = dist[other]!;
    // Walk from the far end towards the root over tight arcs; the root side fixes potentials.
    const start = forward ? g.inStart : g.outStart;
    const next = forward ? g.inFrom : g.outTo;
    const via = forward ? g.inLink : g.outLink;
    // A fresh generation for `mark` only: the tree's own stamps stay valid (older, but compared
    // against the tree's generation).
    const mg = sc.markOf(sc.next());
    const { mark, marked } = sc;
    const stack = sc.listB;
    marked.length = 0;
    stack.length = 0;
    const potList: number[] = [];
    mark[other] = mg;
    marked.push(other);
    potList.push(forward ? D : 0);
    stack.push(other);
    while (stack.length > 0) {
      const u = stack.data[--stack.length]!;
      // Nothing comes before the root (distance 0, positive metrics): never scan its arcs.
      if (u === root) continue;
      const arcs = this.arcsInto(u, start, next, via);
      const from = arcs === null ? start[u]! : 0;
      const end = arcs === null ? start[u + 1]! : arcs.length;
      const du = dist[u]!;
      for (let a = from; a < end; a++) {
        const k = arcs === null ? a : arcs[a]!;
        const x = next[k]!;
        if (mark[x] === mg) continue;
        if (arcs === null && !this.isTight(k, du, next, via)) continue;
        mark[x] = mg;
        marked.push(x);
        potList.push(forward ? dist[x]! : D - dist[x]!);
        stack.push(x);
      }
    }
    return buildDag(g, f, D, marked.data, marked.length, potList, sc.local);
  }

  /** Whether arc k (into a node at distance `du`) is a tree arc a DAG may use. */
  private isTight(k: number, du: number, next: Int32Array, via: Int32Array): boolean {
    const { g, sc, risky, root, clean } = this;
    const x = next[k]!;
    if (sc.stF[x] !== 2 * this.gen + 1) return false;
    const l = via[k]!;
    if (sc.distF[x]! + g.linkMetric[l]! !== du) return false;
    return !(clean && (risky[g.n + l] === 1 || (risky[x] === 1 && x !== root)));
  }

  /** The tight arcs from a wide node towards the root (cached), or null to scan a narrow node's arcs directly. */
  private arcsInto(u: number, start: Int32Array, next: Int32Array, via: Int32Array): Int32Array | null {
    if (start[u + 1]! - start[u]! <= wideDegree) return null;
    let arcs = this.tightInto.get(u);
    if (arcs === undefined) {
      const du = this.sc.distF[u]!;
      const found: number[] = [];
      for (let k = start[u]!; k < start[u + 1]!; k++) if (this.isTight(k, du, next, via)) found.push(k);
      arcs = Int32Array.from(found);
      this.tightInto.set(u, arcs);
    }
    return arcs;
  }
}

/**
 * Metrics up to this use the bucket queue: a pop walks past empty buckets, at most the largest
 * distance reached in all, which stays small next to the nodes only for small metrics.
 */
const maxBucketMetric = 256;

/** Nodes with more arcs than this get their tight arcs cached by a shared tree. */
const wideDegree = 64;
