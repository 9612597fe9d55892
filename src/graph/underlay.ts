import type { Dag } from "./dag.js";
import { dagItems } from "./dag.js";
import type { BlockTree } from "./blocks.js";
import type { GraphClosure, NetGraph, RiskMask } from "./types.js";

/**
 * Closures (SPEC §4.1) on the engine's side: what a path uses beyond its own items, and what
 * goes down with a failed item. Everything here is linear in the closures it touches.
 */

/**
 * The effective mask: an item counts as risky when it is, or when any item of its closure is.
 * It does not depend on the pair (a closure item that is also an endpoint still counts: the
 * path rides on it), so one pass per analysis serves every pair.
 */
export function effectiveMask(g: NetGraph, risky: RiskMask): RiskMask {
  const c = g.closure!;
  const items = g.n + g.m;
  const eff = new Uint8Array(items);
  for (let i = 0; i < items; i++) {
    if (risky[i] === 1) {
      eff[i] = 1;
      continue;
    }
    for (let k = c.start[i]!; k < c.start[i + 1]!; k++) {
      if (risky[c.items[k]!] === 1) {
        eff[i] = 1;
        break;
      }
    }
  }
  return eff;
}

/** Reverse closures: for each item, the items whose closure contains it ("carriers"). */
export interface Carriers {
  readonly start: Int32Array;
  readonly items: Int32Array;
}

export function carriersOf(g: NetGraph): Carriers {
  const c = g.closure!;
  const total = g.n + g.m;
  const start = new Int32Array(total + 1);
  for (let k = 0; k < c.items.length; k++) start[c.items[k]! + 1]!++;
  for (let i = 0; i < total; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, total);
  const items = new Int32Array(c.items.length);
  // Carriers in ascending order: items are visited in order.
  for (let i = 0; i < total; i++) {
    for (let k = c.start[i]!; k < c.start[i + 1]!; k++) items[fill[c.items[k]!]!++] = i;
  }
  return { start, items };
}

/**
 * Stamp-based sets over items, reused across pairs (no per-pair allocation of graph size).
 */
export class ItemStamps {
  private readonly stamp: Int32Array;
  private gen = 0;

  constructor(size: number) {
    this.stamp = new Int32Array(size);
  }

  /** Starts an empty set. */
  clear(): void {
    if (++this.gen >= 0x7ffffff0) {
      this.stamp.fill(0);
      this.gen = 1;
    }
  }

  /** Adds i; true when it was not in the set yet. */
  add(i: number): boolean {
    if (this.stamp[i] === this.gen) return false;
    this.stamp[i] = this.gen;
    return true;
  }

  has(i: number): boolean {
    return this.stamp[i] === this.gen;
  }
}

/** Per-analysis view of the closures under one risk mask. */
export class Underlay {
  readonly closure: GraphClosure;
  readonly eff: RiskMask;
  private readonly stamps: ItemStamps;
  /** A second item set for callers (the items of a DAG during failover). */
  readonly marks: ItemStamps;
  private readonly down: Uint8Array;
  private readonly downList: number[] = [];
  private readonly expand: number[] = [];

  constructor(
    readonly g: NetGraph,
    readonly risky: RiskMask,
    readonly carriers: Carriers,
  ) {
    this.closure = g.closure!;
    this.eff = effectiveMask(g, risky);
    this.stamps = new ItemStamps(g.n + g.m);
    this.marks = new ItemStamps(g.n + g.m);
    this.down = new Uint8Array(g.n + g.m);
  }

  /**
   * Risky items among `items` and the closures of those items, ascending and without duplicates.
   * Only items with an effective flag are expanded: the others carry nothing risky.
   */
  riskyOf(items: Iterable<number>): number[] {
    const { risky, eff, closure: c, stamps } = this;
    stamps.clear();
    const out: number[] = [];
    for (const x of items) {
      if (eff[x] === 0) continue;
      if (risky[x] === 1 && stamps.add(x)) out.push(x);
      for (let k = c.start[x]!; k < c.start[x + 1]!; k++) {
        const r = c.items[k]!;
        if (risky[r] === 1 && stamps.add(r)) out.push(r);
      }
    }
    return out.sort((a, b) => a - b);
  }

  /** `items` with their closures, ascending, without duplicates and without s and t. */
  withClosures(items: Iterable<number>, s: number, t: number): number[] {
    const { closure: c, stamps } = this;
    stamps.clear();
    stamps.add(s);
    stamps.add(t);
    const out: number[] = [];
    for (const x of items) {
      if (stamps.add(x)) out.push(x);
      for (let k = c.start[x]!; k < c.start[x + 1]!; k++) if (stamps.add(c.items[k]!)) out.push(c.items[k]!);
    }
    return out.sort((a, b) => a - b);
  }

  /**
   * Takes down the failed items and everything above them ("failures go up"): every item whose
   * closure contains a down item, and for a down node its links, with whatever rides on those.
   * Returns the mask (1 = down); `release()` clears it.
   */
  takeDown(failed: readonly number[]): Uint8Array {
    const { down, downList, carriers, g } = this;
    const { n } = g;
    // Closures are transitive: the carriers of a carrier are carriers already, so only the
    // failed items and the links of down nodes need their carriers brought down.
    const expand = this.expand;
    expand.length = 0;
    const mark = (x: number, carried: boolean): void => {
      if (down[x] === 1) return;
      down[x] = 1;
      downList.push(x);
      if (!carried) expand.push(x);
      if (x < n) {
        for (let k = g.outStart[x]!; k < g.outStart[x + 1]!; k++) mark(n + g.outLink[k]!, false);
        if (g.hasOneWay) for (let k = g.inStart[x]!; k < g.inStart[x + 1]!; k++) mark(n + g.inLink[k]!, false);
      }
    };
    for (const f of failed) mark(f, false);
    for (let head = 0; head < expand.length; head++) {
      const x = expand[head]!;
      for (let k = carriers.start[x]!; k < carriers.start[x + 1]!; k++) mark(carriers.items[k]!, true);
    }
    return down;
  }

  /** The items the last `takeDown` put down (valid until `release`). */
  get downItems(): readonly number[] {
    return this.downList;
  }

  /**
   * After `takeDown`: true when the failure certainly leaves some path of `dag` standing — its
   * ends are up and at most one item of the DAG is down, counting a down node's links as the node, and it is not
   * on every path (`onAll`). `onDag` flags the DAG's items.
   */
  sparesDag(dag: Dag, onDag: ItemStamps, onAll: ReadonlySet<number>): boolean {
    const { down, downList, g } = this;
    if (down[dag.s] === 1 || down[dag.t] === 1) return false;
    let hit = -1;
    for (const x of downList) {
      if (!onDag.has(x)) continue;
      if (x >= g.n && (down[g.linkA[x - g.n]!] === 1 || down[g.linkB[x - g.n]!] === 1)) continue;
      if (hit >= 0 || onAll.has(x)) return false;
      hit = x;
    }
    return true;
  }

  release(): void {
    for (const x of this.downList) this.down[x] = 0;
    this.downList.length = 0;
  }

  /** For each of `listed`, the items of `pathItems` whose closure holds it (ascending); none → absent. */
  carriedBy(listed: readonly number[], pathItems: readonly number[]): Map<number, number[]> {
    const { marks, carriers } = this;
    marks.clear();
    for (const x of pathItems) marks.add(x);
    const out = new Map<number, number[]>();
    for (const r of listed) {
      const list: number[] = [];
      for (let k = carriers.start[r]!; k < carriers.start[r + 1]!; k++) if (marks.has(carriers.items[k]!)) list.push(carriers.items[k]!);
      if (list.length > 0) out.set(r, list);
    }
    return out;
  }

  /** Items of a DAG (inner nodes and links). */
  dagItems(dag: Dag): number[] {
    return dagItems(dag, this.g.n);
  }
}

/**
 * Builds `via`: each listed risky item → the path items (ascending, at most `cap`) whose closure
 * contains it. Items are offered category by category; an item keeps the carriers of the first
 * category that lists it (routed, then failover, then exposure).
 */
export class ViaBuilder {
  private readonly claimed = new Set<number>();
  private readonly out = new Map<number, Set<number>>();

  constructor(
    private readonly u: Underlay,
    private readonly cap: number,
  ) {}

  /** Claims `listed` for one category and records the carriers among `pathItems`. */
  offer(listed: readonly number[], pathItems: Iterable<number>[]): void {
    const mine = new Set<number>();
    for (const r of listed) if (!this.claimed.has(r)) mine.add(r);
    if (mine.size === 0) return;
    const { closure: c, risky, eff } = this.u;
    for (const items of pathItems) {
      for (const x of items) {
        if (eff[x] === 0) continue;
        for (let k = c.start[x]!; k < c.start[x + 1]!; k++) {
          const r = c.items[k]!;
          if (risky[r] === 0 || !mine.has(r)) continue;
          let set = this.out.get(r);
          if (set === undefined) this.out.set(r, (set = new Set()));
          set.add(x);
        }
      }
    }
    for (const r of mine) this.claimed.add(r);
  }

  /** Carriers already found (item → path items carrying it, ascending) for items not claimed yet. */
  offerCarried(carried: ReadonlyMap<number, readonly number[]>): void {
    for (const [r, list] of carried) {
      if (this.claimed.has(r)) continue;
      this.claimed.add(r);
      this.out.set(r, new Set(list));
    }
  }

  result(): Map<number, number[]> {
    if (this.cap <= 0) return new Map();
    const keys = [...this.out.keys()].sort((a, b) => a - b);
    const via = new Map<number, number[]>();
    for (const r of keys) {
      const list = [...this.out.get(r)!].sort((a, b) => a - b);
      via.set(r, list.slice(0, this.cap));
    }
    return via;
  }
}

/**
 * Exposure by blocks with closures (undirected graphs): per block, the risky items its items
 * use (themselves and their closures), sorted, computed once per analysis; per pair, the union
 * over the blocks on the block-cut tree path. Items listed by several blocks (cut vertices, a
 * channel under links of two blocks) are counted once through short per-block lists of such
 * items, and what only the endpoints bring in (themselves, their closures) is taken out unless
 * some other item of those blocks uses it. Per pair: the path, the shared lists, the endpoints'
 * closures and the listed prefix — not every risky item of a large block.
 */
export class BlockExposure {
  private readonly eStart: Int32Array;
  private readonly eItems: Int32Array;
  private readonly mStart: Int32Array;
  private readonly mItems: Int32Array;
  private readonly count: Int32Array;
  private readonly onPath: ItemStamps;
  private readonly blockMark: Int32Array;
  private readonly headMark: Int32Array;
  private mark = 0;

  constructor(
    private readonly u: Underlay,
    private readonly bt: BlockTree,
    br: { start: Int32Array; items: Int32Array },
  ) {
    const { g, risky, closure: c } = u;
    const total = g.n + g.m;
    const blocks = bt.blocks;
    const seen = new ItemStamps(total);
    const eStart = new Int32Array(blocks + 1);
    const e: number[] = [];
    const count = new Int32Array(total);
    for (let b = 0; b < blocks; b++) {
      seen.clear();
      const from = e.length;
      for (let k = br.start[b]!; k < br.start[b + 1]!; k++) {
        const x = br.items[k]!;
        if (risky[x] === 1 && seen.add(x)) e.push(x);
        for (let j = c.start[x]!; j < c.start[x + 1]!; j++) {
          const r = c.items[j]!;
          if (risky[r] === 1 && seen.add(r)) e.push(r);
        }
      }
      const part = e.slice(from).sort((a, b2) => a - b2);
      for (let k = 0; k < part.length; k++) {
        e[from + k] = part[k]!;
        count[part[k]!]!++;
      }
      eStart[b + 1] = e.length;
    }
    const eItems = Int32Array.from(e);
    const mStart = new Int32Array(blocks + 1);
    const m: number[] = [];
    for (let b = 0; b < blocks; b++) {
      for (let k = eStart[b]!; k < eStart[b + 1]!; k++) if (count[eItems[k]!]! >= 2) m.push(eItems[k]!);
      mStart[b + 1] = m.length;
    }
    count.fill(0);
    this.eStart = eStart;
    this.eItems = eItems;
    this.mStart = mStart;
    this.mItems = Int32Array.from(m);
    this.count = count;
    this.onPath = new ItemStamps(total);
    this.blockMark = new Int32Array(blocks);
    this.headMark = new Int32Array(g.n);
  }

  /** Is item x (not an endpoint) in one of the marked path blocks? */
  private inPath(x: number): boolean {
    const { g } = this.u;
    const { nodeBlock, nodeDepth } = this.bt;
    if (x < g.n) {
      const b = nodeBlock[x]!;
      return (b >= 0 && this.blockMark[b] === this.mark) || this.headMark[x] === this.mark;
    }
    const l = x - g.n;
    const a = g.linkA[l]!;
    const b = g.linkB[l]!;
    const lb = nodeBlock[nodeDepth[a]! >= nodeDepth[b]! ? a : b]!;
    return lb >= 0 && this.blockMark[lb] === this.mark;
  }

  /**
   * Exposure of s–t: the list (at most `cap`), the exact count, and for each listed item the
   * items of the possible paths that carry it (for `via`).
   */
  pair(path: readonly number[], s: number, t: number, cap: number): { items: number[]; count: number; carried: Map<number, number[]> } {
    const { eStart, eItems, mStart, mItems, count } = this;
    const { risky, closure: c, carriers } = this.u;
    if (path.length === 0) return { items: [], count: 0, carried: new Map() };
    if (++this.mark >= 0x7ffffff0) {
      this.blockMark.fill(0);
      this.headMark.fill(0);
      this.mark = 1;
    }
    let total = 0;
    for (const b of path) {
      this.blockMark[b] = this.mark;
      this.headMark[this.bt.head[b]!] = this.mark;
      total += eStart[b + 1]! - eStart[b]!;
    }
    // Items listed by several path blocks count once.
    const touched: number[] = [];
    for (const b of path) {
      for (let k = mStart[b]!; k < mStart[b + 1]!; k++) {
        const r = mItems[k]!;
        if (count[r]!++ === 0) touched.push(r);
      }
    }
    for (const r of touched) {
      total -= count[r]! - 1;
      count[r] = 0;
    }
    // What only the endpoints bring in is not the path's.
    const uses = (r: number): boolean => {
      if (r !== s && r !== t && this.inPath(r)) return true;
      for (let k = carriers.start[r]!; k < carriers.start[r + 1]!; k++) {
        const x = carriers.items[k]!;
        if (x !== s && x !== t && this.inPath(x)) return true;
      }
      return false;
    };
    const inUnion = (r: number): boolean => {
      for (const b of path) {
        let lo = eStart[b]!;
        let hi = eStart[b + 1]! - 1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          const v = eItems[mid]!;
          if (v === r) return true;
          if (v < r) lo = mid + 1;
          else hi = mid - 1;
        }
      }
      return false;
    };
    const excluded = this.onPath;
    excluded.clear();
    let extra = 0;
    const endpoint = (v: number): void => {
      const check = (r: number): void => {
        if (risky[r] !== 1 || excluded.has(r)) return;
        if (inUnion(r) && !uses(r)) {
          excluded.add(r);
          total--;
          extra++;
        }
      };
      check(v);
      for (let k = c.start[v]!; k < c.start[v + 1]!; k++) check(c.items[k]!);
    };
    endpoint(s);
    endpoint(t);
    // The first `cap` of the union are among the first cap + extra of each block.
    const want = cap + extra;
    const gathered: number[] = [];
    for (const b of path) {
      const end = Math.min(eStart[b + 1]!, eStart[b]! + want);
      for (let k = eStart[b]!; k < end; k++) gathered.push(eItems[k]!);
    }
    gathered.sort((a, b) => a - b);
    const items: number[] = [];
    for (let i = 0; i < gathered.length && items.length < cap; i++) {
      const r = gathered[i]!;
      if ((i > 0 && gathered[i - 1] === r) || excluded.has(r)) continue;
      items.push(r);
    }
    const carried = new Map<number, number[]>();
    for (const r of items) {
      const list: number[] = [];
      for (let k = carriers.start[r]!; k < carriers.start[r + 1]!; k++) {
        const x = carriers.items[k]!;
        if (x !== s && x !== t && this.inPath(x)) list.push(x);
      }
      if (list.length > 0) carried.set(r, list);
    }
    return { items, count: total, carried };
  }
}
