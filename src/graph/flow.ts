import type { NetGraph, RiskMask } from "./types.js";

/**
 * Internally node-disjoint clean s→t paths by unit-capacity max-flow on the node-split graph
 * (state 2v = v's entry, 2v+1 = v's exit), each augmenting path found by a bidirectional BFS
 * over the residual graph. Direct s–t links are left to the caller (they count once).
 */
export class DisjointPaths {
  /** Per state: 2·gen when reached forwards, 2·gen + 1 when reached backwards. */
  private readonly lab: Int32Array;
  /** Per state: the link it was reached by (-1: the node's own entry/exit move). */
  private readonly via: Int32Array;
  /** Forward queue from the front, backward queue from the back (a state is in one at most). */
  private readonly queue: Int32Array;
  private readonly flow: Uint8Array;
  private readonly used: Uint8Array;
  private gen = 0;
  private touchedLinks: number[] = [];
  private touchedNodes: number[] = [];
  private s = -1;
  private t = -1;

  /** `states` lends three arrays of 2n entries (contents are overwritten). */
  constructor(
    private readonly g: NetGraph,
    private readonly risky: RiskMask,
    states: readonly Int32Array[],
  ) {
    [this.lab, this.via, this.queue] = states as [Int32Array, Int32Array, Int32Array];
    this.lab.fill(0);
    this.flow = new Uint8Array(2 * g.m);
    this.used = new Uint8Array(g.n);
  }

  private nextGen(): number {
    if (this.gen >= 0x3ffffff0) {
      this.lab.fill(0);
      this.gen = 0;
    }
    return ++this.gen;
  }

  /**
   * Distinct clean first hops out of s and last hops into t (each disjoint path needs its
   * own), and whether a clean direct s→t link exists.
   */
  bounds(s: number, t: number): { out: number; in: number; direct: boolean } {
    const { g, risky } = this;
    const { n } = g;
    // The per-node counts are cached and only the s–t link is looked up per pair, on the
    // shorter side: a hub paired with each of 10^5 access nodes is scanned once, not each time.
    let direct = false;
    if (g.outStart[s + 1]! - g.outStart[s]! <= g.inStart[t + 1]! - g.inStart[t]!) {
      for (let k = g.outStart[s]!; k < g.outStart[s + 1]! && !direct; k++) direct = g.outTo[k] === t && risky[n + g.outLink[k]!] === 0;
    } else {
      for (let k = g.inStart[t]!; k < g.inStart[t + 1]! && !direct; k++) direct = g.inFrom[k] === s && risky[n + g.inLink[k]!] === 0;
    }
    // A risky far end is still a usable hop for its own pair.
    const out = this.cleanHops(s, g.outStart, g.outTo, g.outLink, this.outHops) + (direct && risky[t] === 1 ? 1 : 0);
    const inn = this.cleanHops(t, g.inStart, g.inFrom, g.inLink, this.inHops) + (direct && risky[s] === 1 ? 1 : 0);
    return { out, in: inn, direct };
  }

  private readonly outHops = new Map<number, number>();
  private readonly inHops = new Map<number, number>();

  /** Distinct clean neighbours of v over clean links (on the given side), cached per node. */
  private cleanHops(v: number, start: Int32Array, to: Int32Array, link: Int32Array, cache: Map<number, number>): number {
    const known = cache.get(v);
    if (known !== undefined) return known;
    const { risky, lab } = this;
    const { n } = this.g;
    // Node w's entry state doubles as its "seen" flag here.
    const mark = 2 * this.nextGen();
    let count = 0;
    for (let k = start[v]!; k < start[v + 1]!; k++) {
      const w = to[k]!;
      if (risky[n + link[k]!] === 1 || risky[w] === 1 || lab[2 * w] === mark) continue;
      lab[2 * w] = mark;
      count++;
    }
    cache.set(v, count);
    return count;
  }

  /** Number of internally disjoint clean paths, counting direct links once, stopping at `cap`. */
  count(s: number, t: number, cap: number, direct: boolean): number {
    this.s = s;
    this.t = t;
    let paths = direct ? 1 : 0;
    while (paths < cap && this.augment()) paths++;
    for (const l of this.touchedLinks) {
      this.flow[2 * l] = 0;
      this.flow[2 * l + 1] = 0;
    }
    for (const v of this.touchedNodes) this.used[v] = 0;
    this.touchedLinks = [];
    this.touchedNodes = [];
    return paths;
  }

  private dir(l: number, from: number): number {
    return this.g.linkA[l] === from ? 0 : 1;
  }

  private other(l: number, v: number): number {
    return this.g.linkA[l] === v ? this.g.linkB[l]! : this.g.linkA[l]!;
  }

  /** The state a move by `via` into `y` came from (forwards) or leads to (backwards). */
  private across(y: number, via: number): number {
    return via < 0 ? y ^ 1 : 2 * this.other(via, y >> 1) + (1 - (y & 1));
  }

  /** Clean link and an allowed far end: clean node, or the pair's own end. */
  private usable(l: number, w: number): boolean {
    const { risky, g } = this;
    return risky[g.n + l] === 0 && (risky[w] === 0 || w === this.s || w === this.t);
  }

  // State of the current augmenting-path search (see `augment`).
  private F = 0;
  private B = 0;
  private hF = 0;
  private tF = 0;
  private hB = 0;
  private tB = 0;
  private meet = -1;
  private meetVia = 0;
  private meetFromF = true;

  /** One augmenting path by bidirectional BFS over the residual graph; false when none is left. */
  private augment(): boolean {
    const { lab, via, queue } = this;
    const gen = this.nextGen();
    this.F = 2 * gen;
    this.B = this.F + 1;
    const S = 2 * this.s + 1;
    const T = 2 * this.t;
    this.hF = this.tF = 0;
    this.hB = this.tB = queue.length;
    this.meet = -1;
    lab[S] = this.F;
    via[S] = -1;
    queue[this.tF++] = S;
    lab[T] = this.B;
    via[T] = -1;
    queue[--this.tB] = T;
    while (this.hF < this.tF && this.hB > this.tB) {
      const found = this.tF - this.hF <= this.hB - this.tB ? this.forward(queue[this.hF++]!) : this.backward(queue[--this.hB]!);
      if (found) break;
    }
    if (this.meet < 0) return false;
    // The meeting state keeps the label of the side that reached it first; the other side's
    // move into it is meetVia.
    const meet = this.meet;
    let by = this.meetFromF ? this.meetVia : via[meet]!;
    for (let y = meet; y !== S; y = this.across(y, by), by = via[y]!) this.apply(this.across(y, by), y, by);
    by = this.meetFromF ? via[meet]! : this.meetVia;
    for (let x = meet; x !== T; x = this.across(x, by), by = via[x]!) this.apply(x, this.across(x, by), by);
    return true;
  }

  private visit(state: number, by: number, forward: boolean): boolean {
    const { lab, via, queue } = this;
    const own = forward ? this.F : this.B;
    const l = lab[state];
    if (l === own) return false;
    if (l === (forward ? this.B : this.F)) {
      this.meet = state;
      this.meetVia = by;
      this.meetFromF = forward;
      return true;
    }
    lab[state] = own;
    via[state] = by;
    if (forward) queue[this.tF++] = state;
    else queue[--this.tB] = state;
    return false;
  }

  /** Residual moves out of state x; true when they meet the backward search. */
  private forward(x: number): boolean {
    const { g, flow, used, s, t } = this;
    const v = x >> 1;
    if ((x & 1) === 0) {
      if (used[v] === 0 && this.visit(x + 1, -1, true)) return true;
      for (let k = g.inStart[v]!; k < g.inStart[v + 1]!; k++) {
        const u = g.inFrom[k]!;
        const l = g.inLink[k]!;
        if (u === s || flow[2 * l + this.dir(l, u)] === 0) continue;
        if (this.visit(2 * u + 1, l, true)) return true;
      }
      return false;
    }
    for (let k = g.outStart[v]!; k < g.outStart[v + 1]!; k++) {
      const w = g.outTo[k]!;
      const l = g.outLink[k]!;
      if (w === s || (v === s && w === t) || !this.usable(l, w)) continue;
      if (flow[2 * l + this.dir(l, v)] === 1) continue;
      if (this.visit(2 * w, l, true)) return true;
    }
    return v !== s && used[v] === 1 && this.visit(x - 1, -1, true);
  }

  /** Residual moves into state y; true when they meet the forward search. */
  private backward(y: number): boolean {
    const { g, flow, used, s, t } = this;
    const v = y >> 1;
    if ((y & 1) === 0) {
      for (let k = g.inStart[v]!; k < g.inStart[v + 1]!; k++) {
        const u = g.inFrom[k]!;
        const l = g.inLink[k]!;
        if (u === t || (u === s && v === t) || !this.usable(l, u)) continue;
        if (flow[2 * l + this.dir(l, u)] === 1) continue;
        if (this.visit(2 * u + 1, l, false)) return true;
      }
      return v !== t && used[v] === 1 && this.visit(y + 1, -1, false);
    }
    if (used[v] === 0 && this.visit(y - 1, -1, false)) return true;
    for (let k = g.outStart[v]!; k < g.outStart[v + 1]!; k++) {
      const w = g.outTo[k]!;
      const l = g.outLink[k]!;
      if (w === t || flow[2 * l + this.dir(l, v)] === 0) continue;
      if (this.visit(2 * w, l, false)) return true;
    }
    return false;
  }

  /** Pushes one unit along the residual move x → y. */
  private apply(x: number, y: number, by: number): void {
    const vx = x >> 1;
    const vy = y >> 1;
    if (by < 0) {
      this.used[vx] = (x & 1) === 0 ? 1 : 0;
      if ((x & 1) === 0) this.touchedNodes.push(vx);
    } else if ((x & 1) === 1) {
      this.flow[2 * by + this.dir(by, vx)] = 1;
      this.touchedLinks.push(by);
    } else {
      this.flow[2 * by + this.dir(by, vy)] = 0;
    }
  }
}
