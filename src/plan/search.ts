/**
 * The searches of the cut loop: whether a pair has a clean path once some items are replaced,
 * and, when it has none, a set of items at least one of which any clean path must replace.
 * Linear in the part of the graph reached (plus the closures it touches) per call.
 */
import type { NetGraph } from "../graph/types.js";
import type { ItemSpace } from "./needs.js";

/** Graph items (nodes, then links) mapped to the topology's item space, with the graph's closures. */
export class PathSpace {
  readonly toItem: Int32Array;
  private readonly mark: Int32Array;
  private readonly parentArc: Int32Array;
  private stamp = 0;
  private readonly queue: Int32Array;

  constructor(
    readonly g: NetGraph,
    readonly space: ItemSpace,
  ) {
    const { n, m } = g;
    this.toItem = new Int32Array(n + m);
    for (let u = 0; u < n; u++) this.toItem[u] = g.nodeElement[u]!;
    for (let l = 0; l < m; l++) this.toItem[n + l] = space.E + g.linkTopo[l]!;
    this.mark = new Int32Array(n);
    this.parentArc = new Int32Array(n);
    this.queue = new Int32Array(Math.max(1, n));
  }

  /** Node of an element id, or undefined when it is not in service. */
  node(id: string): number | undefined {
    return this.g.nodeIndex.get(id);
  }

  /**
   * The risky items (topology space) that keep graph item `i` from being usable, when they are
   * not replaced; `stuck` is set when one of them can never be replaced.
   */
  blockers(i: number, replaced: Uint8Array, out: number[]): boolean {
    const { risky, candidate } = this.space;
    let stuck = false;
    const visit = (x: number): void => {
      if (risky[x] !== 1 || replaced[x] === 1) return;
      if (candidate[x] !== 1) stuck = true;
      else out.push(x);
    };
    visit(this.toItem[i]!);
    const c = this.g.closure;
    if (c) for (let k = c.start[i]!; k < c.start[i + 1]!; k++) visit(this.toItem[c.items[k]!]!);
    return !stuck;
  }

  private usable(i: number, replaced: Uint8Array, scratch: number[]): boolean {
    scratch.length = 0;
    return this.blockers(i, replaced, scratch) && scratch.length === 0;
  }

  /**
   * Searches from `s` (forward) or from `t` (backward, over in-arcs) through usable items.
   * Returns true when the other end is reached; otherwise `cut` receives the replaceable
   * blockers of every arc leaving the reached set (empty when nothing can ever open one).
   */
  search(s: number, t: number, replaced: Uint8Array, backward: boolean, cut: Set<number> | null): boolean {
    const g = this.g;
    const start = backward ? g.inStart : g.outStart;
    const to = backward ? g.inFrom : g.outTo;
    const via = backward ? g.inLink : g.outLink;
    const stamp = ++this.stamp;
    const goal = backward ? s : t;
    const from = backward ? t : s;
    const scratch: number[] = [];
    let head = 0;
    let tail = 0;
    this.queue[tail++] = from;
    this.mark[from] = stamp;
    this.parentArc[from] = -1;
    while (head < tail) {
      const u = this.queue[head++]!;
      for (let k = start[u]!; k < start[u + 1]!; k++) {
        const v = to[k]!;
        if (this.mark[v] === stamp) continue;
        if (!this.usable(g.n + via[k]!, replaced, scratch)) continue;
        if (v === goal) {
          this.parentArc[v] = k;
          this.mark[v] = stamp;
          this.lastBackward = backward;
          return true;
        }
        if (!this.usable(v, replaced, scratch)) continue;
        this.mark[v] = stamp;
        this.parentArc[v] = k;
        this.queue[tail++] = v;
      }
    }
    if (cut) this.boundary(tail, goal, replaced, backward, cut);
    return false;
  }

  private lastBackward = false;

  /** Replaceable blockers of the arcs leaving the reached set (arcs blocked for good are skipped). */
  private boundary(reached: number, goal: number, replaced: Uint8Array, backward: boolean, cut: Set<number>): void {
    const g = this.g;
    const start = backward ? g.inStart : g.outStart;
    const to = backward ? g.inFrom : g.outTo;
    const via = backward ? g.inLink : g.outLink;
    const stamp = this.stamp;
    const arc: number[] = [];
    for (let q = 0; q < reached; q++) {
      const u = this.queue[q]!;
      for (let k = start[u]!; k < start[u + 1]!; k++) {
        const v = to[k]!;
        if (this.mark[v] === stamp) continue;
        arc.length = 0;
        if (!this.blockers(g.n + via[k]!, replaced, arc)) continue;
        if (v !== goal && !this.blockers(v, replaced, arc)) continue;
        for (const x of arc) cut.add(x);
      }
    }
  }

  /** The items (topology space) of the clean path the last successful forward search found. */
  lastPath(s: number, t: number): number[] {
    if (this.lastBackward) throw new Error("lastPath after a backward search");
    const g = this.g;
    const out: number[] = [];
    const c = g.closure;
    const add = (i: number): void => {
      out.push(this.toItem[i]!);
      if (c) for (let k = c.start[i]!; k < c.start[i + 1]!; k++) out.push(this.toItem[c.items[k]!]!);
    };
    let v = t;
    while (v !== s) {
      const k = this.parentArc[v]!;
      add(g.n + g.outLink[k]!);
      // The arc k is an out-arc of its tail: find the tail by the link's ends.
      const l = g.outLink[k]!;
      const u = g.linkA[l] === v ? g.linkB[l]! : g.linkA[l]!;
      if (u !== s) add(u);
      v = u;
    }
    return out;
  }
}
