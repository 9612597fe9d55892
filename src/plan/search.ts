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
 *
 * The searches run on a contracted graph: each clean region (nodes usable whatever the plan,
 * joined by links usable whatever the plan in both directions) is one node, since a path that
 * enters it can leave it anywhere; every other node and every arc between regions stays as it is.
 * Reachability, the reached sets S_k (unions of regions) and their boundaries are those of the
 * whole graph, so the cuts are the same; only the work shrinks to candidates plus their borders.
 */
import { NodeHeap } from "../graph/heap.js";
import type { NetGraph } from "../graph/types.js";
import type { ItemSpace } from "./needs.js";

/** A graph item's standing: usable whatever is replaced, never usable, or usable once its blockers are replaced. */
const FREE = 0;
const NEVER = 1;
const MAYBE = 2;

/** Memory the cached goal sides may take (one byte per node each). */
const sideBudgetBytes = 256 * 1024 * 1024;

/** The contracted graph: CSR out- and in-arcs over contracted nodes; `*Link` is the original link, `*Tail` the arc's own node. */
interface Contracted {
  n: number;
  outStart: Int32Array;
  outTo: Int32Array;
  outLink: Int32Array;
  outTail: Int32Array;
  inStart: Int32Array;
  inFrom: Int32Array;
  inLink: Int32Array;
  inTail: Int32Array;
}

/** The arcs of one direction, as the search reads them. */
interface Arcs {
  start: Int32Array;
  to: Int32Array;
  via: Int32Array;
  tail: Int32Array;
}

/**
 * Clean regions: union of FREE nodes over FREE links that carry traffic both ways (so a region
 * is strongly connected), then every arc not inside a region, between the regions' nodes.
 */
function contract(g: NetGraph, standing: Uint8Array): { superOf: Int32Array; rep: Int32Array; graph: Contracted } {
  const { n, m } = g;
  const parent = new Int32Array(n);
  for (let u = 0; u < n; u++) parent[u] = u;
  const find = (u: number): number => {
    while (parent[u] !== u) {
      parent[u] = parent[parent[u]!]!;
      u = parent[u]!;
    }
    return u;
  };
  for (let l = 0; l < m; l++) {
    if (standing[n + l] !== FREE || g.linkOneWay[l] === 1) continue;
    const a = g.linkA[l]!;
    const b = g.linkB[l]!;
    if (standing[a] !== FREE || standing[b] !== FREE) continue;
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  // Contracted nodes in order of their first original node.
  const superOf = new Int32Array(n);
  const repList: number[] = [];
  for (let u = 0; u < n; u++) {
    const r = find(u);
    if (r === u) {
      superOf[u] = repList.length;
      repList.push(u);
    } else superOf[u] = superOf[r]!;
  }
  const N = repList.length;
  const csr = (start: Int32Array, to: Int32Array, via: Int32Array): [Int32Array, Int32Array, Int32Array, Int32Array] => {
    const deg = new Int32Array(N + 1);
    for (let u = 0; u < n; u++) {
      const cu = superOf[u]!;
      for (let k = start[u]!; k < start[u + 1]!; k++) if (superOf[to[k]!] !== cu) deg[cu + 1]! += 1;
    }
    for (let c = 0; c < N; c++) deg[c + 1]! += deg[c]!;
    const fill = deg.slice(0, N);
    const total = deg[N]!;
    const cTo = new Int32Array(total);
    const cVia = new Int32Array(total);
    const cTail = new Int32Array(total);
    for (let u = 0; u < n; u++) {
      const cu = superOf[u]!;
      for (let k = start[u]!; k < start[u + 1]!; k++) {
        const cv = superOf[to[k]!]!;
        if (cv === cu) continue;
        const at = fill[cu]!++;
        cTo[at] = cv;
        cVia[at] = via[k]!;
        cTail[at] = cu;
      }
    }
    return [deg, cTo, cVia, cTail];
  };
  const [outStart, outTo, outLink, outTail] = csr(g.outStart, g.outTo, g.outLink);
  const [inStart, inFrom, inLink, inTail] = csr(g.inStart, g.inFrom, g.inLink);
  return { superOf, rep: Int32Array.from(repList), graph: { n: N, outStart, outTo, outLink, outTail, inStart, inFrom, inLink, inTail } };
}

export class PathSpace {
  readonly toItem: Int32Array;
  /** FREE, NEVER or MAYBE per graph item (nodes, then links), in the original graph's item space. */
  private readonly standing: Uint8Array;
  /** Original node → node of the contracted graph. */
  private readonly superOf: Int32Array;
  /** Contracted node → an original node of it (its only one unless it is a clean region). */
  private readonly rep: Int32Array;
  private readonly cg: Contracted;
  private readonly fwd: Arcs;
  private readonly bwd: Arcs;
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
    const k = contract(g, this.standing);
    this.superOf = k.superOf;
    this.rep = k.rep;
    this.cg = k.graph;
    this.fwd = { start: this.cg.outStart, to: this.cg.outTo, via: this.cg.outLink, tail: this.cg.outTail };
    this.bwd = { start: this.cg.inStart, to: this.cg.inFrom, via: this.cg.inLink, tail: this.cg.inTail };
    const N = this.cg.n;
    this.mark = new Int32Array(N);
    this.parentArc = new Int32Array(N);
    this.opened = new Int32Array(space.size);
    this.queue = new Int32Array(Math.max(1, N));
  }

  /** Size of the contracted graph the searches run on. */
  get reduced(): { nodes: number; arcs: number } {
    return { nodes: this.cg.n, arcs: this.cg.outTo.length };
  }

  /** Node (of the contracted graph) of an element id, or undefined when it is not in service. */
  node(id: string): number | undefined {
    const u = this.g.nodeIndex.get(id);
    return u === undefined ? undefined : this.superOf[u];
  }

  /** Whether original graph item `i` is usable with `replaced` (and, with `open`, the items opened in this search). */
  private usable(i: number, replaced: Uint8Array, open: number): boolean {
    const s = this.standing[i]!;
    if (s !== MAYBE) return s === FREE;
    // Plain loops, no closure per call: this runs for every candidate arc of every search.
    const { risky } = this.space;
    const opened = this.opened;
    let x = this.toItem[i]!;
    if (risky[x] === 1 && replaced[x] !== 1 && opened[x] !== open) return false;
    const c = this.g.closure;
    if (c) {
      for (let k = c.start[i]!; k < c.start[i + 1]!; k++) {
        x = this.toItem[c.items[k]!]!;
        if (risky[x] === 1 && replaced[x] !== 1 && opened[x] !== open) return false;
      }
    }
    return true;
  }

  /** Unreplaced, unopened risky items under original graph item `i` (all replaceable: `i` is not NEVER). */
  private blockersInto(i: number, replaced: Uint8Array, open: number, out: Set<number>): void {
    if (this.standing[i] === FREE) return;
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
    const n0 = this.g.n;
    // Reaching `goal` forward means searching from it over in-arcs.
    const { start, to, via } = backward ? this.fwd : this.bwd;
    const N = this.cg.n;
    const side = new Uint8Array(N);
    let head = 0;
    let tail = 0;
    this.queue[tail++] = goal;
    side[goal] = 1;
    while (head < tail) {
      const u = this.queue[head++]!;
      for (let k = start[u]!; k < start[u + 1]!; k++) {
        const v = to[k]!;
        if (side[v] === 1 || this.standing[n0 + via[k]!] === NEVER || this.standing[this.rep[v]!] === NEVER) continue;
        side[v] = 1;
        this.queue[tail++] = v;
      }
    }
    if ((this.sides.size + 1) * N <= sideBudgetBytes) this.sides.set(key, side);
    return side;
  }

  private readonly sides = new Map<number, Uint8Array>();

  /** Whether the last search's layers went all the way to the other end (none stopped them). */
  layersReached = false;

  /**
   * Searches from `s` (forward) or from `t` (backward, over in-arcs) through usable items.
   * Returns true when the other end is reached. Otherwise, when `cuts` is given, it receives
   * the layered cuts of the module comment (none when the other end cannot be reached at all).
   * `s` and `t` are nodes of `node()`.
   */
  search(s: number, t: number, replaced: Uint8Array, backward: boolean, cuts: number[][] | null, wide = Infinity): boolean {
    const n0 = this.g.n;
    const { start, to, via } = backward ? this.bwd : this.fwd;
    const goal = backward ? s : t;
    const from = backward ? t : s;
    this.lastBackward = backward;
    // Only nodes that can reach the goal at all matter: the growth and the layers stay among them
    // (a reached node that can reach the goal is reached over such nodes only).
    const side = this.goalSideOf(goal, backward);
    if (side[from] !== 1) return from === goal;
    this.layersReached = false;
    const stamp = ++this.stamp;
    let tail = this.regrow(from, goal, replaced, backward, stamp, side, -1);
    if (tail < 0) return true;
    if (cuts === null) return false;
    // Every boundary arc of a layer is opened (its blockers are the cut), so the next layer's
    // boundary leaves only the nodes reached since: each node's arcs are scanned once.
    let scanned = 0;
    for (let guard = 0; guard < this.cg.n + 1; guard++) {
      const cut = new Set<number>();
      const heads: number[] = [];
      for (let q = scanned; q < tail; q++) {
        const u = this.queue[q]!;
        for (let k = start[u]!; k < start[u + 1]!; k++) {
          const v = to[k]!;
          if (this.mark[v] === stamp || side[v] !== 1) continue;
          const li = n0 + via[k]!;
          if (this.standing[li] === NEVER) continue;
          this.blockersInto(li, replaced, stamp, cut);
          if (v !== goal) this.blockersInto(this.rep[v]!, replaced, stamp, cut);
          heads.push(k);
        }
      }
      if (cut.size === 0) return false;
      // Past the first layer, a wide one ends the layers (the caller keeps only narrow cuts).
      if (cuts.length > 0 && cut.size > wide) return false;
      cuts.push([...cut].sort((a, b) => a - b));
      for (const x of cut) this.opened[x] = stamp;
      scanned = tail;
      tail = this.regrow(from, goal, replaced, backward, stamp, side, tail, heads);
      if (tail < 0) {
        this.layersReached = true;
        return false;
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
    const n0 = this.g.n;
    const { start, to, via } = backward ? this.bwd : this.fwd;
    let head: number;
    if (tail < 0) {
      head = 0;
      tail = 0;
      this.queue[tail++] = from;
      this.mark[from] = stamp;
      this.parentArc[from] = -1;
      if (from === goal) return -1;
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
        if (!this.usable(n0 + via[k]!, replaced, stamp)) continue;
        if (v === goal) {
          this.parentArc[v] = k;
          return -1;
        }
        if (!this.usable(this.rep[v]!, replaced, stamp)) continue;
        this.mark[v] = stamp;
        this.parentArc[v] = k;
        this.queue[tail++] = v;
      }
    }
    return tail;
  }

  /**
   * The original graph items (nodes, then links) on the path the last successful search found
   * that are not usable whatever the plan: what must stay usable for that path to stay clean.
   * Clean regions are inside no such list (they are usable whatever the plan).
   */
  lastPathItems(s: number, t: number): number[] {
    const { via, tail } = this.lastBackward ? this.bwd : this.fwd;
    const [from, goal] = this.lastBackward ? [t, s] : [s, t];
    const n0 = this.g.n;
    const out: number[] = [];
    let v = goal;
    while (v !== from) {
      const k = this.parentArc[v]!;
      const li = n0 + via[k]!;
      if (this.standing[li] !== FREE) out.push(li);
      const u = tail[k]!;
      if (u !== from && this.standing[this.rep[u]!] !== FREE) out.push(this.rep[u]!);
      v = u;
    }
    return out;
  }

  /**
   * The cheapest set of further replacements (greedily: the path of least blocker cost, each
   * arc costing its unreplaced blockers) that gives `s`–`t` a clean path under `replaced`; null
   * when no plan can. An upper-bound heuristic for the cut loop's incumbents, not a proof.
   */
  cheapestOpening(s: number, t: number, replaced: Uint8Array, cost: (x: number) => number): number[] | null {
    const n0 = this.g.n;
    const { start, to, via } = this.fwd;
    const side = this.goalSideOf(t, false);
    if (side[s] !== 1) return null;
    const N = this.cg.n;
    this.dist ??= new Float64Array(N);
    this.heapPos ??= new Int32Array(N);
    this.heap ??= new NodeHeap(this.heapPos);
    const { dist, heap } = this;
    const stamp = ++this.stamp;
    // mark: stamp while in the heap (dist valid), -stamp once settled.
    heap.clear();
    this.mark[s] = stamp;
    dist[s] = 0;
    this.parentArc[s] = -1;
    heap.push(s, 0);
    const blockers = new Set<number>();
    const price = (i: number): number => {
      if (this.standing[i] === FREE) return 0;
      blockers.clear();
      this.blockersInto(i, replaced, -1, blockers);
      let c = 0;
      for (const x of blockers) c += cost(x);
      return c;
    };
    let reached = false;
    while (heap.size > 0) {
      const du = heap.topKey();
      const u = heap.pop();
      this.mark[u] = -stamp;
      if (u === t) {
        reached = true;
        break;
      }
      for (let k = start[u]!; k < start[u + 1]!; k++) {
        const v = to[k]!;
        if (this.mark[v] === -stamp || side[v] !== 1) continue;
        const li = n0 + via[k]!;
        if (this.standing[li] === NEVER) continue;
        if (v !== t && this.standing[this.rep[v]!] === NEVER) continue;
        const d = du + price(li) + (v === t ? 0 : price(this.rep[v]!));
        if (this.mark[v] === stamp) {
          if (d < dist[v]!) {
            dist[v] = d;
            this.parentArc[v] = k;
            heap.decrease(v, d);
          }
        } else {
          this.mark[v] = stamp;
          dist[v] = d;
          this.parentArc[v] = k;
          heap.push(v, d);
        }
      }
    }
    if (!reached) return null;
    const out = new Set<number>();
    const { tail } = this.fwd;
    for (let v = t; v !== s; ) {
      const k = this.parentArc[v]!;
      this.blockersInto(n0 + via[k]!, replaced, -1, out);
      if (v !== t) this.blockersInto(this.rep[v]!, replaced, -1, out);
      v = tail[k]!;
    }
    return [...out].sort((a, b) => a - b);
  }

  private dist: Float64Array | undefined;
  private heapPos: Int32Array | undefined;
  private heap: NodeHeap | undefined;

  /** Whether every item of `items` (from `lastPathItems`) is usable with `replaced`. */
  stillClean(items: readonly number[], replaced: Uint8Array): boolean {
    for (const i of items) if (!this.usable(i, replaced, -1)) return false;
    return true;
  }

  /** The replaceable items (topology space) on the clean path the last successful search found. */
  lastPath(s: number, t: number): number[] {
    return this.itemsUnder(this.lastPathItems(s, t));
  }

  /** Graph items (from `lastPathItems`) → the topology items they are and rest on. */
  itemsUnder(items: readonly number[]): number[] {
    const c = this.g.closure;
    const out: number[] = [];
    for (const i of items) {
      out.push(this.toItem[i]!);
      if (c) for (let k = c.start[i]!; k < c.start[i + 1]!; k++) out.push(this.toItem[c.items[k]!]!);
    }
    return out;
  }
}
