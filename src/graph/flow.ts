import type { NetGraph, RiskMask } from "./types.js";

/**
 * Internally node-disjoint clean s→t paths by unit-capacity max-flow on the node-split graph
 * (state 2v = v's entry, 2v+1 = v's exit), each augmenting path found by a bidirectional BFS
 * over the residual graph. Direct s–t links are left to the caller (they count once).
 */
export class DisjointPaths {
  private readonly labF: Int32Array;
  private readonly labB: Int32Array;
  private readonly parF: Int32Array;
  private readonly parB: Int32Array;
  private readonly viaF: Int32Array;
  private readonly viaB: Int32Array;
  private readonly qF: Int32Array;
  private readonly qB: Int32Array;
  private readonly flow: Uint8Array;
  private readonly used: Uint8Array;
  private readonly seen: Int32Array;
  private gen = 0;
  private touchedLinks: number[] = [];
  private touchedNodes: number[] = [];
  private s = -1;
  private t = -1;

  constructor(
    private readonly g: NetGraph,
    private readonly risky: RiskMask,
  ) {
    const states = 2 * g.n;
    this.labF = new Int32Array(states);
    this.labB = new Int32Array(states);
    this.parF = new Int32Array(states);
    this.parB = new Int32Array(states);
    this.viaF = new Int32Array(states);
    this.viaB = new Int32Array(states);
    this.qF = new Int32Array(states);
    this.qB = new Int32Array(states);
    this.flow = new Uint8Array(2 * g.m);
    this.used = new Uint8Array(g.n);
    this.seen = new Int32Array(g.n);
  }

  private nextGen(): number {
    if (this.gen >= 0x7ffffff0) {
      this.labF.fill(0);
      this.labB.fill(0);
      this.seen.fill(0);
      this.gen = 0;
    }
    return ++this.gen;
  }

  /**
   * Distinct clean first hops out of s and last hops into t (each disjoint path needs its
   * own), and whether a clean direct s→t link exists.
   */
  bounds(s: number, t: number): { out: number; in: number; direct: boolean } {
    const { g, risky, seen } = this;
    const { n } = g;
    let gen = this.nextGen();
    let out = 0;
    let direct = false;
    for (let k = g.outStart[s]!; k < g.outStart[s + 1]!; k++) {
      const w = g.outTo[k]!;
      if (risky[n + g.outLink[k]!] === 1 || (risky[w] === 1 && w !== t) || seen[w] === gen) continue;
      seen[w] = gen;
      out++;
      if (w === t) direct = true;
    }
    gen = this.nextGen();
    let inn = 0;
    for (let k = g.inStart[t]!; k < g.inStart[t + 1]!; k++) {
      const x = g.inFrom[k]!;
      if (risky[n + g.inLink[k]!] === 1 || (risky[x] === 1 && x !== s) || seen[x] === gen) continue;
      seen[x] = gen;
      inn++;
    }
    return { out, in: inn, direct };
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

  /** Clean link and an allowed far end: clean node, or the pair's own end. */
  private usable(l: number, w: number): boolean {
    const { risky, g } = this;
    return risky[g.n + l] === 0 && (risky[w] === 0 || w === this.s || w === this.t);
  }

  private augment(): boolean {
    const { g, labF, labB, parF, parB, viaF, viaB, qF, qB, flow, used } = this;
    const { s, t } = this;
    const gen = this.nextGen();
    const S = 2 * s + 1;
    const T = 2 * t;
    let hF = 0;
    let tF = 0;
    let hB = 0;
    let tB = 0;
    labF[S] = gen;
    qF[tF++] = S;
    labB[T] = gen;
    qB[tB++] = T;
    let meet = -1;
    const visitF = (from: number, y: number, via: number): boolean => {
      if (labF[y] === gen) return false;
      labF[y] = gen;
      parF[y] = from;
      viaF[y] = via;
      if (labB[y] === gen) return true;
      qF[tF++] = y;
      return false;
    };
    const visitB = (to: number, x: number, via: number): boolean => {
      if (labB[x] === gen) return false;
      labB[x] = gen;
      parB[x] = to;
      viaB[x] = via;
      if (labF[x] === gen) return true;
      qB[tB++] = x;
      return false;
    };
    search: while (hF < tF && hB < tB) {
      if (tF - hF <= tB - hB) {
        const x = qF[hF++]!;
        const v = x >> 1;
        if ((x & 1) === 0) {
          if (used[v] === 0 && visitF(x, x + 1, -1)) {
            meet = x + 1;
            break;
          }
          for (let k = g.inStart[v]!; k < g.inStart[v + 1]!; k++) {
            const u = g.inFrom[k]!;
            const l = g.inLink[k]!;
            if (u === s || flow[2 * l + this.dir(l, u)] === 0) continue;
            if (visitF(x, 2 * u + 1, l)) {
              meet = 2 * u + 1;
              break search;
            }
          }
        } else {
          for (let k = g.outStart[v]!; k < g.outStart[v + 1]!; k++) {
            const w = g.outTo[k]!;
            const l = g.outLink[k]!;
            if (w === s || (v === s && w === t) || !this.usable(l, w)) continue;
            if (flow[2 * l + this.dir(l, v)] === 1) continue;
            if (visitF(x, 2 * w, l)) {
              meet = 2 * w;
              break search;
            }
          }
          if (v !== s && used[v] === 1 && visitF(x, x - 1, -1)) {
            meet = x - 1;
            break;
          }
        }
      } else {
        const y = qB[hB++]!;
        const v = y >> 1;
        if ((y & 1) === 0) {
          for (let k = g.inStart[v]!; k < g.inStart[v + 1]!; k++) {
            const u = g.inFrom[k]!;
            const l = g.inLink[k]!;
            if (u === t || (u === s && v === t) || !this.usable(l, u)) continue;
            if (flow[2 * l + this.dir(l, u)] === 1) continue;
            if (visitB(y, 2 * u + 1, l)) {
              meet = 2 * u + 1;
              break search;
            }
          }
          if (v !== t && used[v] === 1 && visitB(y, y + 1, -1)) {
            meet = y + 1;
            break;
          }
        } else {
          if (used[v] === 0 && visitB(y, y - 1, -1)) {
            meet = y - 1;
            break;
          }
          for (let k = g.outStart[v]!; k < g.outStart[v + 1]!; k++) {
            const w = g.outTo[k]!;
            const l = g.outLink[k]!;
            if (w === t || flow[2 * l + this.dir(l, v)] === 0) continue;
            if (visitB(y, 2 * w, l)) {
              meet = 2 * w;
              break search;
            }
          }
        }
      }
    }
    if (meet < 0) return false;
    for (let y = meet; y !== S; y = parF[y]!) this.apply(parF[y]!, y, viaF[y]!);
    for (let x = meet; x !== T; x = parB[x]!) this.apply(x, parB[x]!, viaB[x]!);
    return true;
  }

  /** Pushes one unit along the residual move x → y. */
  private apply(x: number, y: number, via: number): void {
    const vx = x >> 1;
    const vy = y >> 1;
    if (via < 0) {
      this.used[vx] = (x & 1) === 0 ? 1 : 0;
      if ((x & 1) === 0) this.touchedNodes.push(vx);
    } else if ((x & 1) === 1) {
      this.flow[2 * via + this.dir(via, vx)] = 1;
      this.touchedLinks.push(via);
    } else {
      this.flow[2 * via + this.dir(via, vy)] = 0;
    }
  }
}
