/**
 * The exact part of a plan: one mixed-integer program in HiGHS, kept in memory and grown by
 * cuts (row generation) until every "some clean path" check it claims has a clean path.
 *
 *   x_i ∈ {0,1} per candidate (cost c_i)       z_e ∈ [0,1] per share member resting on several items, z_e ≤ x_j
 *   forced check:  x_i ≥ y                     share row:  Σ w_e·(x|z)_e ≥ lo·y,  Σ … ≤ hi
 *   path check:    Σ_{i∈B} x_i ≥ y for every cut B found so far
 * Without a budget every y is 1 (forced items are fixed at 1) and the objective is min Σ c·x.
 * With one: Σ c·x ≤ N, then lexicographically max Σ weight·y (pairs), max Σ y (rules), min Σ c·x.
 * Cuts are valid for every feasible plan, so the last master optimum is an optimum of the plan.
 */
import type { Highs } from "highs";
import type { TimingSink } from "../timing.js";
import type { Check, ShareRow } from "./needs.js";
import type { PathSpace } from "./search.js";

type Model = ReturnType<Highs["createModel"]>;

export interface SolveInput {
  highs: Highs;
  checks: readonly Check[];
  hardRows: readonly ShareRow[];
  paths: PathSpace;
  /** Cost of each candidate (topology item space). */
  cost: (x: number) => number;
  budget: number | null;
  /** Seconds for all solves together. */
  timeLimit: number;
  /** Every cost (and so every plan's total) is a whole number. */
  integral: boolean;
  /** Stop after this many master solves, as the time limit does (default: no limit). */
  maxSolves?: number;
  /** Receives `plan:solve:highs` (HiGHS's own run time), `plan:solve:cuts` (the searches) and `plan:solve:incumbents`. */
  timings?: TimingSink;
}

export interface SolveOutcome {
  replaced: number[];
  /** Keys of the checks the plan fixes. */
  fixed: Set<string>;
  optimal: boolean;
  /** Proven lower bound on the least cost (of the last stage that minimises cost). */
  lowerBound: number;
  variables: number;
  constraints: number;
  iterations: number;
  solver: "highs" | "none";
}

const inf = Number.POSITIVE_INFINITY;
/** Layers of more items than this (after the first) are not added as cuts. */
const wideCut = 64;

/** Builds the master problem, runs the cut loop through each stage, and reads the plan. */
export function solvePlan(input: SolveInput): SolveOutcome {
  const nothing = input.checks.length === 0 && input.hardRows.every((r) => r.members.length === 0);
  if (nothing) return { replaced: [], fixed: new Set(), optimal: true, lowerBound: 0, variables: 0, constraints: 0, iterations: 0, solver: "none" };
  try {
    return once(input);
  } catch (e) {
    if (!(e instanceof Infeasible) || input.budget !== null) throw e;
    // Not every check can hold together (the replacement vendor would go over a diversity
    // share): fix the most, as a budget does, with no limit on cost.
    return once({ ...input, budget: Number.POSITIVE_INFINITY });
  }
}

/** The master has no solution: the claimed checks cannot all hold at once. */
class Infeasible extends Error {}

function once(input: SolveInput): SolveOutcome {
  const m = new Master(input);
  try {
    return m.run();
  } finally {
    m.record();
    m.dispose();
  }
}

/**
 * Interchangeable share members: items of the same cost that sit in the same share rows with the
 * same coefficients and in nothing else the master sees. One integer column counts how many of
 * them are replaced (the lowest-numbered first); an item leaves the pool for a column of its own
 * as soon as a cut or an incumbent names it.
 */
interface Pool {
  col: number;
  items: number[];
  /** Items still in the pool. */
  size: number;
  cost: number;
  /** (share row, coefficient) of every item of the pool. */
  rows: [ShareRow, number][];
}

class Master {
  private readonly model: Model;
  private readonly col = new Map<number, number>();
  private readonly pools: Pool[] = [];
  private readonly poolOf = new Map<number, Pool>();
  /** HiGHS rows of each share row (its `lo` row and its `hi` row, as present). */
  private readonly shareRows = new Map<ShareRow, number[]>();
  /** z columns and the items each rests on. */
  private readonly zNeeds = new Map<number, readonly number[]>();
  private readonly cols: number[] = [];
  private readonly y = new Map<string, number>();
  private readonly cutKeys = new Set<string>();
  private rows = 0;
  private iterations = 0;
  private optimal = true;
  private lowerBound = 0;
  private readonly budgeted: boolean;

  constructor(private readonly input: SolveInput) {
    this.model = input.highs.createModel();
    // With whole-number costs every plan costs a whole number: a gap below 1 already proves the optimum.
    this.model.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: input.integral ? 1 - 1e-6 : 1e-9 });
    this.budgeted = input.budget !== null;
    this.forced = new Uint8Array(input.paths.space.size);
  }

  dispose(): void {
    this.model.dispose();
  }

  /** Where the solve's time went (inside `plan:solve`). */
  record(): void {
    const t = this.input.timings;
    if (!t) return;
    t.record("plan:solve:highs", this.model.getRunTime() * 1000);
    t.record("plan:solve:cuts", this.spent.cuts);
    t.record("plan:solve:incumbents", this.spent.incumbents);
  }

  private x(item: number): number {
    let c = this.col.get(item);
    if (c !== undefined) return c;
    c = this.column(0, 1, true, this.budgeted ? 0 : this.input.cost(item));
    if (this.budgetRow >= 0) this.pendingBudget.push([c, this.input.cost(item)]);
    this.col.set(item, c);
    this.cols.push(item);
    const pool = this.poolOf.get(item);
    if (pool) {
      // Out of its pool, into the pool's rows with a column of its own.
      this.poolOf.delete(item);
      pool.size--;
      this.flush();
      this.model.changeColBounds(pool.col, 0, pool.size);
      for (const [r, coef] of pool.rows) for (const row of this.shareRows.get(r) ?? []) this.model.changeCoefficient(row, c, coef);
    }
    return c;
  }

  /**
   * Pools of the share members that are interchangeable (see Pool): single-item members not
   * forced and not under a member resting on several items, grouped by cost and rows.
   */
  private makePools(rows: readonly ShareRow[], explicit: ReadonlySet<number>): void {
    const sig = new Map<number, [ShareRow, number][]>();
    for (const r of rows) {
      for (const mem of r.members) {
        const needs = this.open(mem.needs);
        if (needs.length !== 1) continue;
        const i = needs[0]!;
        if (explicit.has(i) || this.col.has(i)) continue;
        let list = sig.get(i);
        if (!list) sig.set(i, (list = []));
        const last = list[list.length - 1];
        if (last && last[0] === r) last[1] += mem.weight;
        else list.push([r, mem.weight]);
      }
    }
    const ordinal = new Map(rows.map((r, k) => [r, k]));
    const groups = new Map<string, number[]>();
    for (const [i, list] of sig) {
      const key = `${this.input.cost(i)}|${list.map(([r, w]) => `${ordinal.get(r)}:${w}`).join(",")}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = []));
      g.push(i);
    }
    for (const items of groups.values()) {
      if (items.length < 2) continue;
      items.sort((a, b) => a - b);
      const cost = this.input.cost(items[0]!);
      const pool: Pool = { col: this.column(0, items.length, true, this.budgeted ? 0 : cost), items, size: items.length, cost, rows: sig.get(items[0]!)! };
      this.pools.push(pool);
      for (const i of items) this.poolOf.set(i, pool);
    }
  }

  /** Columns so far: x, y and z alike. */
  private nCols = 0;
  /** Columns not yet in HiGHS (added in one call before the next row): lower, upper, integer, cost. */
  private pending: [number, number, boolean, number][] = [];
  private pendingBudget: [number, number][] = [];

  private column(lower: number, upper: number, integer: boolean, cost = 0): number {
    this.pending.push([lower, upper, integer, cost]);
    return this.nCols++;
  }

  private flush(): void {
    const p = this.pending;
    if (p.length > 0) {
      const first = this.nCols - p.length;
      this.model.addVars(Float64Array.from(p, (c) => c[0]), Float64Array.from(p, (c) => c[1]));
      const range = { kind: "range" as const, from: first, to: this.nCols - 1 };
      const { integer, continuous } = this.input.highs.constants.variableType;
      this.model.changeColsIntegrality(range, Int32Array.from(p, (c) => (c[2] ? integer : continuous)));
      this.model.changeColsCost(range, Float64Array.from(p, (c) => c[3]));
      this.pending = [];
    }
    for (const [c, v] of this.pendingBudget) this.model.changeCoefficient(this.budgetRow, c, v);
    this.pendingBudget = [];
  }

  private row(lower: number, upper: number, entries: Map<number, number>): void {
    this.flush();
    const indices: number[] = [];
    const values: number[] = [];
    for (const [c, v] of entries) {
      if (v === 0) continue;
      indices.push(c);
      values.push(v);
    }
    this.model.addRow(lower, upper, { indices, values });
    this.rows++;
  }

  /** y of a check (budget), created on first use; -1 without a budget (the check must hold). */
  private yOf(key: string): number {
    if (!this.budgeted) return -1;
    let c = this.y.get(key);
    if (c === undefined) {
      c = this.column(0, 1, true);
      this.y.set(key, c);
    }
    return c;
  }

  /** The items of a member a plan still chooses (forced items are replaced whatever it does). */
  private open(needs: readonly number[]): readonly number[] {
    return this.forcedAny ? needs.filter((j) => this.forced[j] !== 1) : needs;
  }

  /** Σ w·member ≥ lo (or ≤ hi), members through x, z or a pool; members cleaned by forced items are a constant. */
  private shareRow(r: ShareRow, yc: number): void {
    const entries = new Map<number, number>();
    const pooled = new Map<Pool, number>();
    let constant = 0;
    for (const mem of r.members) {
      let c: number;
      const needs = this.open(mem.needs);
      if (needs.length === 0) {
        constant += mem.weight;
        continue;
      }
      const pool = needs.length === 1 ? this.poolOf.get(needs[0]!) : undefined;
      if (pool) {
        // Every item of a pool has the same coefficient in this row.
        if (!pooled.has(pool)) pooled.set(pool, pool.rows.find(([row]) => row === r)![1]);
        continue;
      }
      if (needs.length === 1) c = this.x(needs[0]!);
      else {
        c = this.column(0, 1, false);
        this.zNeeds.set(c, needs);
        for (const j of needs) this.row(-inf, 0, new Map([[c, 1], [this.x(j), -1]]));
      }
      entries.set(c, (entries.get(c) ?? 0) + mem.weight);
    }
    for (const [pool, coef] of pooled) entries.set(pool.col, coef);
    // Forced items alone can break a row (every Huawei RAN unit forced out puts the replacement
    // vendor over a diversity share): HiGHS sees no column to say so.
    if (entries.size === 0 && ((yc < 0 && r.lo - constant > 1e-9) || r.hi - constant < -1e-9)) throw new Infeasible("plan: the forced items break a share row");
    const at: number[] = [];
    if (r.lo > -inf) {
      at.push(this.rows);
      if (yc < 0) this.row(r.lo - constant, inf, entries);
      else this.row(0, inf, new Map([...entries, [yc, -r.lo]]));
    }
    if (r.hi < inf) {
      at.push(this.rows);
      this.row(-inf, r.hi - constant, entries);
    }
    this.shareRows.set(r, at);
  }

  private build(): void {
    // Forced items: without a budget a constant (replaced whatever the plan, in the objective's
    // offset, no column); with one, x ≥ y. Then pools of what only share rows name.
    let offset = 0;
    for (const ch of this.input.checks) {
      if (ch.need !== "forced") continue;
      const yc = this.yOf(ch.key);
      for (const i of ch.items) {
        if (yc >= 0) this.row(0, inf, new Map([[this.x(i), 1], [yc, -1]]));
        else if (this.forced[i] !== 1) {
          this.forced[i] = 1;
          this.forcedAny = true;
          offset += this.input.cost(i);
        }
      }
    }
    this.offset = offset;
    if (offset !== 0) this.model.changeObjectiveOffset(offset);
    const share = this.shareRowsAll();
    const several = new Set<number>();
    for (const r of share) {
      for (const mem of r.members) {
        const needs = this.open(mem.needs);
        if (needs.length > 1) for (const j of needs) several.add(j);
      }
    }
    this.makePools(share, several);
    for (const r of this.input.hardRows) this.shareRow(r, -1);
    for (const ch of this.input.checks) if (ch.need === "share") for (const r of ch.rows) this.shareRow(r, this.yOf(ch.key));
    this.flush();
    if (this.budgeted) {
      // A plan costing exactly N fits: the budget row's bound is N itself.
      const entries = new Map<number, number>();
      for (const [item, c] of this.col) entries.set(c, this.input.cost(item));
      for (const pool of this.pools) entries.set(pool.col, pool.cost);
      this.budgetRow = this.rows;
      this.row(-inf, this.input.budget!, entries);
    }
  }

  private budgetRow = -1;
  /** Items every plan replaces (forced checks without a budget). */
  private readonly forced: Uint8Array;
  private forcedAny = false;
  /** Cost of the forced items (the objective's offset). */
  private offset = 0;

  /** The current plan as a mask over the topology's items. */
  private replacedMask(values: Float64Array | null): Uint8Array {
    const mask = this.forced.slice();
    if (!values || values.length === 0) return mask;
    for (const [item, c] of this.col) if (values[c]! > 0.5) mask[item] = 1;
    for (const pool of this.pools) {
      let k = Math.round(values[pool.col]!);
      for (let j = 0; j < pool.items.length && k > 0; j++) {
        const i = pool.items[j]!;
        if (this.poolOf.get(i) !== pool) continue;
        mask[i] = 1;
        k--;
      }
    }
    return mask;
  }

  /**
   * Cuts for every path check the plan claims that has no clean path under `mask`; how many were
   * new. A pair whose last clean path is still clean under `mask` needs no search (its items
   * that depend on the plan are all still usable), so only the pairs the new plan touched run one.
   */
  private separate(mask: Uint8Array, claimed: (key: string) => boolean): number {
    const t0 = this.input.timings?.clock();
    try {
      return this.separateNow(mask, claimed);
    } finally {
      if (t0 !== undefined) this.spent.cuts += this.input.timings!.clock() - t0;
    }
  }

  /** Time spent outside HiGHS, for the timings. */
  private readonly spent = { cuts: 0, incumbents: 0 };

  private separateNow(mask: Uint8Array, claimed: (key: string) => boolean): number {
    let added = 0;
    const p = this.input.paths;
    for (const ch of this.input.checks) {
      if (ch.kind !== "pair" || ch.need !== "path" || !claimed(ch.key)) continue;
      const last = this.cleanPaths.get(ch.key);
      if (last && p.stillClean(last, mask)) continue;
      const s = p.node(ch.s)!;
      const t = p.node(ch.t)!;
      for (const backward of [false, true]) {
        const cuts: number[][] = [];
        // Wide layers (a frontier deep inside a mesh) are weak cuts and heavy rows: the first
        // layer and the narrow ones next to it carry the structure.
        if (p.search(s, t, mask, backward, cuts, wideCut)) {
          this.cleanPaths.set(ch.key, p.lastPathItems(s, t));
          break;
        }
        this.cleanPaths.delete(ch.key);
        for (const cut of cuts) added += this.addCut(ch.key, cut);
        // Layers from `s` that went all the way to `t` already cut every ring between them; the
        // search from `t` (over the far side's often large clean core) runs only when a wide
        // layer stopped them.
        if (p.layersReached) break;
      }
    }
    return added;
  }

  /** Per path check, the plan-dependent items of the last clean path a search found for it. */
  private readonly cleanPaths = new Map<string, number[]>();

  private addCut(key: string, items: number[]): number {
    // Without a budget a cut is the same row whichever pair found it (pairs to one gateway share
    // the cuts near it); with one, each pair's cut carries its own y.
    const id = this.budgeted ? `${key}|${items.join(",")}` : items.join(",");
    if (this.cutKeys.has(id)) return 0;
    this.cutKeys.add(id);
    const entries = new Map<number, number>();
    for (const i of items) entries.set(this.x(i), 1);
    if (this.budgeted) {
      entries.set(this.yOf(key), -1);
      this.row(0, inf, entries);
    } else this.row(1, inf, entries);
    return 1;
  }

  /** Solves, then cuts and solves again until no claimed path check lacks a clean path. */
  private loop(deadline: number, claimed: (values: Float64Array, key: string) => boolean): Float64Array | null {
    let values: Float64Array | null = null;
    for (;;) {
      const left = deadline - this.model.getRunTime();
      if (left <= 0) {
        this.optimal = false;
        return values;
      }
      this.model.options.set("time_limit", left);
      this.flush();
      this.model.run();
      this.iterations++;
      const status = this.model.getModelStatus();
      const codes = this.input.highs.constants.modelStatus;
      // No column yet (only path checks, before their first cut): nothing is replaced.
      if (status === codes.empty) {
        values = new Float64Array(0);
        if (this.separate(this.replacedMask(values), (key) => claimed(values!, key)) === 0) return values;
        continue;
      }
      if (status === codes.infeasible) throw new Infeasible("plan: the checks cannot all be fixed together");
      const sol = this.model.getSolution().colValue;
      const have = sol.length === this.nCols && Number.isFinite(this.model.getObjectiveValue());
      if (status !== codes.optimal) {
        this.optimal = false;
        return have ? sol : values;
      }
      values = sol;
      // An optimum of a relaxation (fewer cuts than the full problem): a valid lower bound.
      this.relaxed = Math.max(this.relaxed, this.model.getObjectiveValue());
      const mask = this.replacedMask(values);
      const v = values;
      if (this.separate(mask, (key) => claimed(v, key)) === 0) return values;
    }
  }

  run(): SolveOutcome {
    const deadline = this.input.timeLimit;
    const claimAll = () => true;
    // Seed cuts from both ends before the first solve (with the forced items replaced).
    this.build();
    this.separate(this.forced, claimAll);
    let mask: Uint8Array;
    const fixed = new Set<string>();
    if (!this.budgeted) {
      mask = this.minCost(deadline);
      // Stopped early, a plan claims what holds (the hard rows aside, every check does unless
      // no master solve ended).
      for (const ch of this.input.checks) if (this.optimal || this.holds(ch, mask)) fixed.add(ch.key);
    } else {
      const values = this.lexicographic(deadline);
      mask = this.replacedMask(values);
      for (const ch of this.input.checks) if (values !== null && values[this.y.get(ch.key)!]! > 0.5) fixed.add(ch.key);
      if (!this.optimal) this.dropUnmet(mask, fixed);
    }
    const replaced: number[] = [];
    for (let i = 0; i < mask.length; i++) if (mask[i] === 1) replaced.push(i);
    return {
      replaced,
      fixed,
      optimal: this.optimal,
      lowerBound: this.lowerBound,
      variables: this.nCols,
      constraints: this.rows,
      iterations: this.iterations,
      solver: "highs",
    };
  }

  /**
   * Without a budget: the cut loop on min Σ c·x, with incumbents. Each master optimum is a lower
   * bound; each master plan, completed greedily until every path check has a clean path (see
   * `complete`), is a plan that works and an upper bound, handed to HiGHS as the next solve's
   * starting solution. The loop ends when a master plan needs no cut (it is optimal), when the
   * best plan costs no more than the bound (it is optimal too), or at the time limit (the best
   * plan, with the bound). Returns the plan as a mask.
   */
  private minCost(deadline: number): Uint8Array {
    const codes = this.input.highs.constants.modelStatus;
    const claimAll = () => true;
    const tolerance = this.input.integral ? 1 - 1e-6 : 1e-9;
    let best = null as { mask: Uint8Array; cost: number } | null;
    let bound = this.offset;
    const consider = (mask: Uint8Array): void => {
      if (!this.sharesHold(mask)) return;
      const cost = this.costOf(mask);
      if (best === null || cost < best.cost) best = { mask, cost };
    };
    for (;;) {
      const left = deadline - this.model.getRunTime();
      if (left <= 0 || this.iterations >= (this.input.maxSolves ?? Infinity)) break;
      if (best !== null) this.warmStart(best.mask);
      this.model.options.set("time_limit", left);
      this.flush();
      this.model.run();
      this.iterations++;
      const status = this.model.getModelStatus();
      let values: Float64Array;
      if (status === codes.empty) values = new Float64Array(0);
      else if (status === codes.infeasible) throw new Infeasible("plan: the checks cannot all be fixed together");
      else {
        const sol = this.model.getSolution().colValue;
        const have = sol.length === this.nCols && Number.isFinite(this.model.getObjectiveValue());
        if (status !== codes.optimal) {
          // The time limit, inside this solve: HiGHS's incumbent, completed, may still be the best.
          if (have) consider(this.complete(this.replacedMask(sol)));
          break;
        }
        values = sol;
        // An optimum of a relaxation (fewer cuts than the full problem): a lower bound.
        bound = Math.max(bound, this.model.getObjectiveValue());
      }
      const mask = this.replacedMask(values);
      if (this.separate(mask, claimAll) === 0) {
        this.lowerBound = bound;
        return mask;
      }
      consider(this.complete(mask.slice()));
      if (best !== null && best.cost <= bound + tolerance) {
        this.lowerBound = bound;
        return best.mask;
      }
    }
    this.optimal = false;
    this.lowerBound = Math.max(bound, this.dualBound());
    if (best !== null) return best.mask;
    // No plan within the time (the first solve did not end): forced items, share rows filled
    // greedily, completed. `run` claims only the checks that then hold.
    return this.complete(this.fillShares(this.forced.slice()));
  }

  /** Replaces members of each share row short of its `lo`, the cheapest per weight first. */
  private fillShares(mask: Uint8Array): Uint8Array {
    for (const r of this.shareRowsAll()) {
      if (r.lo === -inf) continue;
      const price = (needs: readonly number[]) => needs.reduce((c, j) => c + (mask[j] === 1 ? 0 : this.input.cost(j)), 0);
      const order = r.members.map((m, e) => ({ m, e, p: price(m.needs) / m.weight })).sort((a, b) => a.p - b.p || a.e - b.e);
      let sum = 0;
      for (const m of r.members) if (m.needs.every((j) => mask[j] === 1)) sum += m.weight;
      for (const { m } of order) {
        if (sum >= r.lo - 1e-9) break;
        if (m.needs.every((j) => mask[j] === 1)) continue;
        for (const j of m.needs) mask[j] = 1;
        sum += m.weight;
      }
    }
    return mask;
  }

  private shareRowsAll(): ShareRow[] {
    return [...this.input.hardRows, ...this.input.checks.flatMap((ch) => (ch.need === "share" ? ch.rows : []))];
  }

  /** Whether check `ch` holds under `mask` (what a plan stopped early may claim). */
  private holds(ch: Check, mask: Uint8Array): boolean {
    if (ch.need === "forced") return ch.items.every((i) => mask[i] === 1);
    if (ch.need === "share") return ch.rows.every((r) => this.rowHolds(r, mask));
    const p = this.input.paths;
    return p.search(p.node(ch.s)!, p.node(ch.t)!, mask, false, null);
  }

  private rowHolds(r: ShareRow, mask: Uint8Array): boolean {
    let sum = 0;
    for (const mem of r.members) if (mem.needs.every((j) => mask[j] === 1)) sum += mem.weight;
    return sum >= r.lo - 1e-9 && sum <= r.hi + 1e-9;
  }

  private costOf(mask: Uint8Array): number {
    let c = 0;
    for (let i = 0; i < mask.length; i++) if (mask[i] === 1) c += this.input.cost(i);
    return c;
  }

  /** Whether every share row (lo and hi) holds under `mask`. */
  private sharesHold(mask: Uint8Array): boolean {
    return this.shareRowsAll().every((r) => this.rowHolds(r, mask));
  }

  /**
   * Completes a plan so that every path check has a clean path: for each that lacks one, the
   * cheapest further replacements along one path (PathSpace.cheapestOpening). Replacing more
   * never closes a path, so the pairs done stay done.
   */
  private complete(mask: Uint8Array): Uint8Array {
    const t0 = this.input.timings?.clock();
    try {
      return this.completeNow(mask);
    } finally {
      if (t0 !== undefined) this.spent.incumbents += this.input.timings!.clock() - t0;
    }
  }

  private completeNow(mask: Uint8Array): Uint8Array {
    const p = this.input.paths;
    const keep = new Uint8Array(mask.length);
    for (const ch of this.input.checks) if (ch.need === "forced") for (const i of ch.items) keep[i] = 1;
    for (const ch of this.input.checks) {
      if (ch.kind !== "pair" || ch.need !== "path") continue;
      let last = this.cleanPaths.get(ch.key);
      if (!last || !p.stillClean(last, mask)) {
        const s = p.node(ch.s)!;
        const t = p.node(ch.t)!;
        if (!p.search(s, t, mask, false, null)) {
          // Checks with no clean path even with every candidate replaced are unfixable, never here.
          const open = p.cheapestOpening(s, t, mask, this.input.cost);
          if (open === null) throw new Error(`plan: ${ch.key} has no path to open`);
          for (const i of open) mask[i] = 1;
          if (!p.search(s, t, mask, false, null)) throw new Error(`plan: ${ch.key} is still closed after opening its cheapest path`);
        }
        last = p.lastPathItems(s, t);
        this.cleanPaths.set(ch.key, last);
      }
      for (const i of p.itemsUnder(last)) keep[i] = 1;
    }
    this.prune(mask, keep);
    return mask;
  }

  /**
   * Takes out of `mask` what no check needs: items outside `keep` (forced items, the clean paths
   * kept) whose share rows stay within bounds without them, the costliest first.
   */
  private prune(mask: Uint8Array, keep: Uint8Array): void {
    const rows = this.shareRowsAll();
    const sum = new Float64Array(rows.length);
    const cleaned = rows.map((r) => Uint8Array.from(r.members, (m) => (m.needs.every((j) => mask[j] === 1) ? 1 : 0)));
    const under = new Map<number, [number, number][]>();
    rows.forEach((r, k) =>
      r.members.forEach((m, e) => {
        if (cleaned[k]![e] === 1) sum[k]! += m.weight;
        for (const j of m.needs) {
          if (keep[j] === 1 || mask[j] !== 1) continue;
          let list = under.get(j);
          if (!list) under.set(j, (list = []));
          list.push([k, e]);
        }
      }),
    );
    const spare: number[] = [];
    for (let i = 0; i < mask.length; i++) if (mask[i] === 1 && keep[i] !== 1) spare.push(i);
    spare.sort((a, b) => this.input.cost(b) - this.input.cost(a) || a - b);
    const loss = new Map<number, number>();
    for (const i of spare) {
      loss.clear();
      for (const [k, e] of under.get(i) ?? []) if (cleaned[k]![e] === 1) loss.set(k, (loss.get(k) ?? 0) + rows[k]!.members[e]!.weight);
      let ok = true;
      for (const [k, w] of loss) if (sum[k]! - w < rows[k]!.lo - 1e-9) ok = false;
      if (!ok) continue;
      mask[i] = 0;
      for (const [k, w] of loss) sum[k]! -= w;
      for (const [k, e] of under.get(i) ?? []) cleaned[k]![e] = 0;
    }
  }

  /** Hands HiGHS a plan that works (every item of it gets a column first) as its next start. */
  private warmStart(mask: Uint8Array): void {
    for (let i = 0; i < mask.length; i++) if (mask[i] === 1 && this.forced[i] !== 1 && !this.col.has(i) && !this.poolOf.has(i)) this.x(i);
    this.flush();
    const v = new Float64Array(this.nCols);
    for (const [item, c] of this.col) v[c] = mask[item]!;
    for (const pool of this.pools) {
      let k = 0;
      for (const i of pool.items) if (this.poolOf.get(i) === pool && mask[i] === 1) k++;
      v[pool.col] = k;
    }
    // z of a member resting on several items: 1 when all of them are replaced.
    for (const [c, needs] of this.zNeeds) v[c] = needs.every((j) => mask[j] === 1) ? 1 : 0;
    this.model.setSolution({ colValue: v });
  }

  /** Best proven lower bound after a time limit: the last relaxation's optimum, or HiGHS's dual bound. */
  private dualBound(): number {
    const b = Number(this.model.info.get("mip_dual_bound"));
    return Math.max(this.relaxed, Number.isFinite(b) ? b : 0, 0);
  }

  private relaxed = 0;

  /** The three stages of a budget: pairs by weight, then rules, then cost. */
  private lexicographic(deadline: number): Float64Array | null {
    const sense = this.input.highs.constants.objectiveSense;
    const claimed = (values: Float64Array, key: string) => values[this.y.get(key)!]! > 0.5;
    const stage = (keys: Check[], weight: (c: Check) => number): number | null => {
      for (const [, c] of this.col) this.model.changeColCost(c, 0);
      for (const pool of this.pools) this.model.changeColCost(pool.col, 0);
      for (const [, c] of this.y) this.model.changeColCost(c, 0);
      for (const ch of keys) this.model.changeColCost(this.y.get(ch.key)!, weight(ch));
      this.model.changeObjectiveSense(sense.maximize);
      const v = this.loop(deadline, claimed);
      return v === null ? null : this.model.getObjectiveValue();
    };
    const pairs = this.input.checks.filter((c) => c.kind === "pair");
    const rules = this.input.checks.filter((c) => c.kind === "rule");
    const best1 = stage(pairs, (c) => c.weight);
    if (best1 !== null && pairs.length > 0) this.row(best1 - 1e-6, inf, new Map(pairs.map((c) => [this.y.get(c.key)!, c.weight])));
    const best2 = stage(rules, () => 1);
    if (best2 !== null && rules.length > 0) this.row(best2 - 1e-6, inf, new Map(rules.map((c) => [this.y.get(c.key)!, 1])));
    for (const [, c] of this.y) this.model.changeColCost(c, 0);
    for (const [item, c] of this.col) this.model.changeColCost(c, this.input.cost(item));
    for (const pool of this.pools) this.model.changeColCost(pool.col, pool.cost);
    this.model.changeObjectiveSense(sense.minimize);
    this.relaxed = 0;
    const v = this.loop(deadline, claimed);
    if (v !== null) this.lowerBound = this.optimal ? this.model.getObjectiveValue() : this.dualBound();
    return v;
  }

  /**
   * Within a budget, after a time limit, the incumbent may leave a claimed path check without a
   * clean path (its cuts were not all found yet): the claim is dropped.
   */
  private dropUnmet(mask: Uint8Array, fixed: Set<string>): void {
    const p = this.input.paths;
    for (const ch of this.input.checks) {
      if (ch.kind !== "pair" || ch.need !== "path" || !fixed.has(ch.key)) continue;
      if (!p.search(p.node(ch.s)!, p.node(ch.t)!, mask, false, null)) fixed.delete(ch.key);
    }
  }
}
