/**
 * The searches of the cut loop: whether a pair has a clean path once some items are replaced,
 * and, when it has none, sets of items at least one of which any clean path must replace.
 * Linear in the part of the graph reached (plus the closures it touches) per call.
 *
 * Cuts come in layers. S₁ is what `s` reaches over usable items; B₁ the replaceable blockers of
 * the arcs leaving S₁ towards nodes that can still reach `t` at all. Opening B₁ (as if replaced)
 * gives S₂ ⊇ S₁ and its boundary B₂, and so on until `t` is reached. Every clean s–t path leaves
 * each S_k by an arc whose blockers are in B_k and not yet replaced, so each Σ_{B_k} x ≥ 1 is valid.
 * Layers may stop at the first wide one: wide frontiers deep in a mesh are weak cuts, and the
 * search from the other end covers its own side.
 */
import type { NetGraph } from "../graph/types.js";
import type { ItemSpace } from "./needs.js";

/** A graph item's standing: usable whatever is replaced, never usable, or usable once its blockers are replaced. */
const FREE = 0;
const NEVER = 1;
const MAYBE = 2;

/** Memory the cached goal sides may take (one byte per node each). */
const sideBudgetBytes = 256 * 1024 * 1024;

export class PathSpace {
  readonly toItem: Int32Array;
  /** FREE, NEVER or MAYBE per graph item (nodes, then links). */
  private readonly standing: Uint8Array;
  private readonly mark: Int32Array;
  private readonly parentArc: Int32Array;
  private readonly opened: Int32Array;
  private stamp = 0;
  private readonly queue: Int32Array;
  private lastBackward = false;

  constructor(
    readonly g: NetGraph,
    readonly space: ItemSpace,
  ) {
    const { n, m } = g;
    this.toItem = new Int32Array(n + m);
    for (let u = 0; u < n; u++) this.toItem[u] = g.nodeElement[u]!;
    for (let l = 0; l < m; l++) this.toItem[n + l] = space.E + g.linkTopo[l]!;
    this.standing = new Uint8Array(n + m);
    const c = g.closure;
    for (let i = 0; i < n + m; i++) {
      let s = FREE;
      const see = (x: number) => {
        if (space.risky[x] !== 1) return;
        if (space.candidate[x] !== 1) s = NEVER;
        else if (s === FREE) s = MAYBE;
      };
      see(this.toItem[i]!);
      if (c) for (let k = c.start[i]!; k < c.start[i + 1]!; k++) see(this.toItem[c.items[k]!]!);
      this.standing[i] = s;
    }
    this.mark = new Int32Array(n);
    this.parentArc = new Int32Array(n);
    this.opened = new Int32Array(space.size);
    this.queue = new Int32Array(Math.max(1, n));
  }

  /** Node of an element id, or undefined when it is not in service. */
  node(id: string): number | undefined {
    return this.g.nodeIndex.get(id);
  }

  /** Whether graph item `i` is usable with `replaced` (and, with `open`, the items opened in this search). */
  private usable(i: number, replaced: Uint8Array, open: number): boolean {
    const s = this.standing[i]!;
    if (s !== MAYBE) return s === FREE;
    const { risky } = this.space;
    const ok = (x: number) => risky[x] !== 1 || replaced[x] === 1 || this.opened[x] === open;
    if (!ok(this.toItem[i]!)) return false;
    const c = this.g.closure;
    if (c) for (let k = c.start[i]!; k < c.start[i + 1]!; k++) if (!ok(this.toItem[c.items[k]!]!)) return false;
    return true;
  }

  /** Unreplaced, unopened risky items under graph item `i` (all replaceable: `i` is not NEVER). */
  private blockersInto(i: number, replaced: Uint8Array, open: number, out: Set<number>): void {
    const { risky } = this.space;
    const add = (x: number) => {
      if (risky[x] === 1 && replaced[x] !== 1 && this.opened[x] !== open) out.add(x);
    };
    add(this.toItem[i]!);
    const c = this.g.closure;
    if (c) for (let k = c.start[i]!; k < c.start[i + 1]!; k++) add(this.toItem[c.items[k]!]!);
  }

  /**
   * The nodes that can reach `goal` (forward search) or be reached from it (backward) over
   * items that are not NEVER: the only nodes a clean path can use. Cached per goal and
   * direction (pairs share targets, and every round of cuts asks again), within a byte budget.
   */
  private goalSideOf(goal: number, backward: boolean): Uint8Array {
    const key = backward ? -1 - goal : goal;
    const hit = this.sides.get(key);
    if (hit) return hit;
    const g = this.g;
    // Reaching `goal` forward means searching from it over in-arcs.
    const start = backward ? g.outStart : g.inStart;
    const to = backward ? g.outTo : g.inFrom;
    const via = backward ? g.outLink : g.inLink;
    const side = new Uint8Array(g.n);
    let head = 0;
    let tail = 0;
    this.queue[tail++] = goal;
    side[goal] = 1;
    while (head < tail) {
      const u = this.queue[head++]!;
      for (let k = start[u]!; k < start[u + 1]!; k++) {
        const v = to[k]!;
        if (side[v] === 1 || this.standing[g.n + via[k]!] === NEVER || this.standing[v] === NEVER) continue;
        side[v] = 1;
        this.queue[tail++] = v;
      }
    }
    if ((this.sides.size + 1) * g.n <= sideBudgetBytes) this.sides.set(key, side);
    return side;
  }

  private readonly sides = new Map<number, Uint8Array>();

  /**
   * Searches from `s` (forward) or from `t` (backward, over in-arcs) through usable items.
   * Returns true when the other end is reached. Otherwise, when `cuts` is given, it receives
   * the layered cuts of the module comment (none when the other end cannot be reached at all).
   */
  search(s: number, t: number, replaced: Uint8Array, backward: boolean, cuts: number[][] | null, wide = Infinity): boolean {
    const g = this.g;
    const start = backward ? g.inStart : g.outStart;
    const to = backward ? g.inFrom : g.outTo;
    const via = backward ? g.inLink : g.outLink;
    ++this.stamp;
    const goal = backward ? s : t;
    const from = backward ? t : s;
    this.lastBackward = backward;
    const found = this.grow(from, goal, replaced, backward);
    if (found || cuts === null) return found;
    const stamp = ++this.stamp;
    // Layers: prune to the nodes that can still reach the goal, open each boundary, go on.
    const side = this.goalSideOf(goal, backward);
    if (side[from] !== 1) return false;
    let tail = this.regrow(from, goal, replaced, backward, stamp, side, -1);
    for (let guard = 0; guard < g.n + 1; guard++) {
      const cut = new Set<number>();
      const heads: number[] = [];
      for (let q = 0; q < tail; q++) {
        const u = this.queue[q]!;
        for (let k = start[u]!; k < start[u + 1]!; k++) {
          const v = to[k]!;
          if (this.mark[v] === stamp || side[v] !== 1) continue;
          const li = g.n + via[k]!;
          if (this.standing[li] === NEVER) continue;
          this.blockersInto(li, replaced, stamp, cut);
          if (v !== goal) this.blockersInto(v, replaced, stamp, cut);
          heads.push(k);
        }
      }
      if (cut.size === 0) return false;
      // Past the first layer, a wide one ends the layers (the caller keeps only narrow cuts).
      if (cuts.length > 0 && cut.size > wide) return false;
      cuts.push([...cut].sort((a, b) => a - b));
      for (const x of cut) this.opened[x] = stamp;
      tail = this.regrow(from, goal, replaced, backward, stamp, side, tail, heads);
      if (tail < 0) return false;
    }
    return false;
  }

  /** Plain search from `from` (the first, cut-free pass): true when `goal` is reached. */
  private grow(from: number, goal: number, replaced: Uint8Array, backward: boolean): boolean {
    const g = this.g;
    const start = backward ? g.inStart : g.outStart;
    const to = backward ? g.inFrom : g.outTo;
    const via = backward ? g.inLink : g.outLink;
    const stamp = this.stamp;
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
        if (!this.usable(g.n + via[k]!, replaced, -1)) continue;
        if (v === goal) {
          this.parentArc[v] = k;
          this.mark[v] = stamp;
          return true;
        }
        if (!this.usable(v, replaced, -1)) continue;
        this.mark[v] = stamp;
        this.parentArc[v] = k;
        this.queue[tail++] = v;
      }
    }
    return false;
  }

  /**
   * The layered search's growth, restricted to the goal side: from scratch (`tail` -1), or from
   * the reached set `queue[0..tail)` plus the opened boundary arcs `heads`. Returns the new size
   * of the reached set, or -1 when the goal is reached (the caller has its cuts then).
   */
  private regrow(from: number, goal: number, replaced: Uint8Array, backward: boolean, stamp: number, side: Uint8Array, tail: number, heads: number[] = []): number {
    const g = this.g;
    const start = backward ? g.inStart : g.outStart;
    const to = backward ? g.inFrom : g.outTo;
    const via = backward ? g.inLink : g.outLink;
    let head: number;
    if (tail < 0) {
      head = 0;
      tail = 0;
      this.queue[tail++] = from;
      this.mark[from] = stamp;
    } else {
      head = tail;
      for (const k of heads) {
        const v = to[k]!;
        if (this.mark[v] === stamp) continue;
        if (v === goal) return -1;
        this.mark[v] = stamp;
        this.queue[tail++] = v;
      }
    }
    while (head < tail) {
      const u = this.queue[head++]!;
      for (let k = start[u]!; k < start[u + 1]!; k++) {
        const v = to[k]!;
        if (this.mark[v] === stamp || side[v] !== 1) continue;
        if (!this.usable(g.n + via[k]!, replaced, stamp)) continue;
        if (v === goal) return -1;
        if (!this.usable(v, replaced, stamp)) continue;
        this.mark[v] = stamp;
        this.queue[tail++] = v;
      }
    }
    return tail;
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
      const l = g.outLink[k]!;
      add(g.n + l);
      const u = g.linkA[l] === v ? g.linkB[l]! : g.linkA[l]!;
      if (u !== s) add(u);
      v = u;
    }
    return out;
  }
}
