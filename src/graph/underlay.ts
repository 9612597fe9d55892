import type { Dag } from "./dag.js";
import { dagItems } from "./dag.js";
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
