import { NodeHeap } from "./heap.js";
import { IntList } from "./search.js";
import type { CostVector, NetGraph, RiskMask } from "./types.js";

/**
 * Cheapest replacements, on a contracted graph: each clean component (strongly connected when
 * links are one-way) becomes one super node, and every risky node and risky link becomes a
 * super node of its own with its replacement cost. Crossing a clean component is free, so a
 * search never has to wade through millions of clean nodes at distance zero.
 *
 * Searches always run backwards from the pair's target: a pair's answer is the parent chain of
 * the same deterministic search whether it ran for one source or for many, so the result does
 * not depend on which other pairs were asked.
 */
export class Remediation {
  /** Node → super node: its clean component, or its own super node when risky. */
  private readonly superOf: Int32Array;
  /** Super nodes from `first` on are risky items: their item and cost. */
  private readonly first: number;
  private readonly item: Int32Array;
  private readonly cost: Float64Array;
  private readonly inStart: Int32Array;
  private readonly inFrom: Int32Array;
  private readonly unit: boolean;
  private readonly dist: Float64Array;
  private readonly parent: Int32Array;
  private readonly st: Int32Array;
  private readonly want: Int32Array;
  private heap: NodeHeap | null = null;
  private readonly cur = new IntList();
  private readonly nxt = new IntList();
  private gen = 0;
  private root = -1;

  /**
   * `comps` labels clean nodes with their component (0..count-1) and risky nodes with -1; the
   * risky entries are filled in with their own super nodes (the clean ones are left as they are).
   */
  constructor(g: NetGraph, risky: RiskMask, costs: CostVector | undefined, comps: { label: Int32Array; count: number }) {
    const { n, m, linkA, linkB, linkOneWay } = g;
    const superOf = comps.label;
    const first = comps.count;
    let next = first;
    for (let v = 0; v < n; v++) if (risky[v] === 1) superOf[v] = next++;
    const linkBase = next;
    for (let l = 0; l < m; l++) if (risky[n + l] === 1) next++;
    const total = next;
    const item = new Int32Array(total - first);
    const cost = new Float64Array(total - first);
    let k = 0;
    for (let v = 0; v < n; v++) if (risky[v] === 1) item[k++] = v;
    for (let l = 0; l < m; l++) if (risky[n + l] === 1) item[k++] = n + l;
    for (let i = 0; i < item.length; i++) cost[i] = costs ? costs[item[i]!]! : 1;
    // Reverse adjacency only: searches run from targets, answers follow parents forwards.
    // Two passes over the links (count, then fill) keep everything in typed arrays.
    const inStart = new Int32Array(total + 2);
    let inFrom = new Int32Array(0);
    let counting = true;
    const arc = (x: number, y: number): void => {
      if (x === y) return;
      if (counting) inStart[y + 2]!++;
      else inFrom[inStart[y + 1]!++] = x;
    };
    for (let pass = 0; pass < 2; pass++) {
      let ls = linkBase; // risky links are numbered in link order
      for (let l = 0; l < m; l++) {
        const a = superOf[linkA[l]!]!;
        const b = superOf[linkB[l]!]!;
        const both = linkOneWay[l] === 0;
        if (risky[n + l] === 0) {
          arc(a, b);
          if (both) arc(b, a);
        } else {
          arc(a, ls);
          arc(ls, b);
          if (both) {
            arc(b, ls);
            arc(ls, a);
          }
          ls++;
        }
      }
      if (pass === 0) {
        for (let x = 0; x < total; x++) inStart[x + 2]! += inStart[x + 1]!;
        inFrom = new Int32Array(inStart[total + 1]!);
        counting = false;
      }
    }
    this.superOf = superOf;
    this.first = first;
    this.item = item;
    this.cost = cost;
    this.inStart = inStart;
    this.inFrom = inFrom;
    this.unit = costs === undefined;
    this.dist = new Float64Array(total);
    this.parent = new Int32Array(total);
    this.st = new Int32Array(total);
    this.want = new Int32Array(total);
  }

  /** The super node a search for target t starts from (equal for targets in one clean component). */
  rootOf(t: number): number {
    return this.superOf[t]!;
  }

  /** Searches back from target t until every source in `sources` is settled. */
  run(t: number, sources: readonly number[]): void {
    const gen = ++this.gen;
    const root = this.superOf[t]!;
    this.root = root;
    let missing = 0;
    for (const s of sources) {
      const x = this.superOf[s]!;
      if (this.want[x] !== gen) {
        this.want[x] = gen;
        missing++;
      }
    }
    if (this.unit) this.zeroOne(root, 2 * gen, missing);
    else this.dijkstra(root, 2 * gen, missing);
  }

  /** Entering cost of a super node; the target's own is never counted. */
  private step(z: number): number {
    return z === this.root || z < this.first ? 0 : this.cost[z - this.first]!;
  }

  /** Unit costs: one queue per distance, entering costs are 0 or 1. */
  private zeroOne(root: number, lab: number, missing: number): void {
    const { dist, parent, st, want, inStart, inFrom } = this;
    const set = lab + 1;
    const wanted = lab >> 1;
    let cur = this.cur;
    let nxt = this.nxt;
    cur.length = 0;
    nxt.length = 0;
    dist[root] = 0;
    parent[root] = -1;
    st[root] = lab;
    cur.push(root);
    let d = 0;
    while (missing > 0) {
      if (cur.length === 0) {
        if (nxt.length === 0) break;
        [cur, nxt] = [nxt, cur];
        nxt.length = 0;
        d++;
      }
      // Within one distance the order is first in, first out: walk the queue by index.
      for (let h = 0; h < cur.length && missing > 0; h++) {
        const z = cur.data[h]!;
        if (st[z] === set || dist[z] !== d) continue;
        st[z] = set;
        if (want[z] === wanted) missing--;
        const c = this.step(z);
        const nd = d + c;
        for (let k = inStart[z]!, end = inStart[z + 1]!; k < end; k++) {
          const y = inFrom[k]!;
          if (st[y] === set || (st[y] === lab && dist[y]! <= nd)) continue;
          st[y] = lab;
          dist[y] = nd;
          parent[y] = z;
          if (c === 0) cur.push(y);
          else nxt.push(y);
        }
      }
      cur.length = 0;
    }
  }

  private dijkstra(root: number, lab: number, missing: number): void {
    const { dist, parent, st, want, inStart, inFrom } = this;
    if (this.heap === null) this.heap = new NodeHeap(new Int32Array(dist.length));
    const heap = this.heap;
    const set = lab + 1;
    const wanted = lab >> 1;
    heap.clear();
    dist[root] = 0;
    parent[root] = -1;
    st[root] = lab;
    heap.push(root, 0);
    while (heap.size > 0 && missing > 0) {
      const z = heap.pop();
      st[z] = set;
      if (want[z] === wanted) missing--;
      const nd = dist[z]! + this.step(z);
      for (let k = inStart[z]!, end = inStart[z + 1]!; k < end; k++) {
        const y = inFrom[k]!;
        if (st[y] === set) continue;
        if (st[y] !== lab) {
          st[y] = lab;
          dist[y] = nd;
          parent[y] = z;
          heap.push(y, nd);
        } else if (nd < dist[y]!) {
          dist[y] = nd;
          parent[y] = z;
          heap.decrease(y, nd);
        }
      }
    }
  }

  /** After `run(t, …)`: the risky items to replace on the chosen s–t path, and their cost. */
  result(s: number): { items: number[]; cost: number } | null {
    const x = this.superOf[s]!;
    if (this.st[x] !== 2 * this.gen + 1) return null;
    const items: number[] = [];
    for (let z = this.parent[x]!; z >= 0 && z !== this.root; z = this.parent[z]!) {
      if (z >= this.first) items.push(this.item[z - this.first]!);
    }
    items.sort((a, b) => a - b);
    return { items, cost: this.dist[x]! };
  }
}
