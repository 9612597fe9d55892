import { cleanComponents, cleanStrongComponents } from "./components.js";
import { NodeHeap } from "./heap.js";
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
  private readonly superOf: Int32Array;
  /** Super node → item (risky node or link), -1 for clean components. */
  private readonly item: Int32Array;
  private readonly cost: Float64Array;
  private readonly inStart: Int32Array;
  private readonly inFrom: Int32Array;
  private readonly unit: boolean;
  private readonly dist: Float64Array;
  private readonly parent: Int32Array;
  private readonly lab: Int32Array;
  private readonly done: Int32Array;
  private readonly want: Int32Array;
  private readonly heap: NodeHeap;
  private readonly deque: Int32Array;
  private gen = 0;
  private root = -1;

  constructor(g: NetGraph, risky: RiskMask, costs: CostVector | undefined) {
    const { n, m, linkA, linkB, linkOneWay } = g;
    const comps = g.hasOneWay ? cleanStrongComponents(g, risky) : cleanComponents(g, risky);
    const superOf = new Int32Array(n);
    const items: number[] = [];
    let next = comps.count;
    for (let v = 0; v < n; v++) {
      if (comps.label[v]! >= 0) superOf[v] = comps.label[v]!;
      else {
        superOf[v] = next++;
        items.push(v);
      }
    }
    const linkSuper = new Int32Array(m).fill(-1);
    for (let l = 0; l < m; l++) {
      if (risky[n + l] === 1) {
        linkSuper[l] = next++;
        items.push(n + l);
      }
    }
    const total = next;
    this.superOf = superOf;
    this.item = new Int32Array(total).fill(-1);
    this.cost = new Float64Array(total);
    for (let i = 0; i < items.length; i++) {
      const x = comps.count + i;
      this.item[x] = items[i]!;
      this.cost[x] = costs ? costs[items[i]!]! : 1;
    }
    this.unit = costs === undefined;
    // Reverse adjacency only: searches run from targets, answers follow parents forwards.
    const tails: number[] = [];
    const headsList: number[] = [];
    const arc = (x: number, y: number): void => {
      if (x === y) return;
      tails.push(x);
      headsList.push(y);
    };
    for (let l = 0; l < m; l++) {
      const a = superOf[linkA[l]!]!;
      const b = superOf[linkB[l]!]!;
      const ls = linkSuper[l]!;
      const both = linkOneWay[l] === 0;
      if (ls < 0) {
        arc(a, b);
        if (both) arc(b, a);
      } else {
        arc(a, ls);
        arc(ls, b);
        if (both) {
          arc(b, ls);
          arc(ls, a);
        }
      }
    }
    const inStart = new Int32Array(total + 1);
    for (const y of headsList) inStart[y + 1]!++;
    for (let x = 0; x < total; x++) inStart[x + 1]! += inStart[x]!;
    const fill = inStart.slice(0, total);
    const inFrom = new Int32Array(tails.length);
    for (let i = 0; i < tails.length; i++) inFrom[fill[headsList[i]!]!++] = tails[i]!;
    this.inStart = inStart;
    this.inFrom = inFrom;
    this.dist = new Float64Array(total);
    this.parent = new Int32Array(total);
    this.lab = new Int32Array(total);
    this.done = new Int32Array(total);
    this.want = new Int32Array(total);
    this.heap = new NodeHeap(total, this.dist);
    this.deque = new Int32Array(inFrom.length + total + 2);
  }

  /** Searches back from target t until every source in `sources` is settled. */
  run(t: number, sources: readonly number[]): void {
    if (this.gen >= 0x7ffffff0) {
      this.lab.fill(0);
      this.done.fill(0);
      this.want.fill(0);
      this.gen = 0;
    }
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
    if (this.unit) this.zeroOne(root, gen, missing);
    else this.dijkstra(root, gen, missing);
  }

  /** Entering cost of a super node, except the target's own, which is never replaced. */
  private step(z: number): number {
    return z === this.root ? 0 : this.cost[z]!;
  }

  private zeroOne(root: number, gen: number, missing: number): void {
    const { dist, parent, lab, done, want, deque, inStart, inFrom, cost } = this;
    const size = deque.length;
    let head = size >> 1;
    let tail = head;
    dist[root] = 0;
    parent[root] = -1;
    lab[root] = gen;
    deque[tail++] = root;
    while (head !== tail && missing > 0) {
      const z = deque[head]!;
      head = head + 1 === size ? 0 : head + 1;
      if (done[z] === gen) continue;
      done[z] = gen;
      if (want[z] === gen) missing--;
      const c = z === root ? 0 : cost[z]!;
      const nd = dist[z]! + c;
      for (let k = inStart[z]!, end = inStart[z + 1]!; k < end; k++) {
        const y = inFrom[k]!;
        if (done[y] === gen || (lab[y] === gen && dist[y]! <= nd)) continue;
        lab[y] = gen;
        dist[y] = nd;
        parent[y] = z;
        if (c === 0) {
          head = head === 0 ? size - 1 : head - 1;
          deque[head] = y;
        } else {
          deque[tail] = y;
          tail = tail + 1 === size ? 0 : tail + 1;
        }
      }
    }
  }

  private dijkstra(root: number, gen: number, missing: number): void {
    const { dist, parent, lab, done, want, heap, inStart, inFrom } = this;
    heap.clear();
    dist[root] = 0;
    parent[root] = -1;
    lab[root] = gen;
    heap.push(root);
    while (heap.size > 0 && missing > 0) {
      const z = heap.pop();
      done[z] = gen;
      if (want[z] === gen) missing--;
      const nd = dist[z]! + this.step(z);
      for (let k = inStart[z]!, end = inStart[z + 1]!; k < end; k++) {
        const y = inFrom[k]!;
        if (done[y] === gen) continue;
        if (lab[y] !== gen) {
          lab[y] = gen;
          dist[y] = nd;
          parent[y] = z;
          heap.push(y);
        } else if (nd < dist[y]!) {
          dist[y] = nd;
          parent[y] = z;
          heap.decreased(y);
        }
      }
    }
  }

  /** After `run(t, …)`: the risky items to replace on the chosen s–t path, and their cost. */
  result(s: number): { items: number[]; cost: number } | null {
    const x = this.superOf[s]!;
    if (this.done[x] !== this.gen) return null;
    const items: number[] = [];
    for (let z = this.parent[x]!; z >= 0 && z !== this.root; z = this.parent[z]!) {
      if (this.item[z]! >= 0) items.push(this.item[z]!);
    }
    items.sort((a, b) => a - b);
    return { items, cost: this.dist[x]! };
  }
}
