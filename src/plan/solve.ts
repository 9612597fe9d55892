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
    m.dispose();
  }
}

class Master {
  private readonly model: Model;
  private readonly col = new Map<number, number>();
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
  }

  dispose(): void {
    this.model.dispose();
  }

  private x(item: number): number {
    let c = this.col.get(item);
    if (c !== undefined) return c;
    c = this.column(0, 1, true, this.budgeted ? 0 : this.input.cost(item));
    if (this.budgetRow >= 0) this.pendingBudget.push([c, this.input.cost(item)]);
    this.col.set(item, c);
    this.cols.push(item);
    return c;
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

  /** Σ w·member ≥ lo (or ≤ hi), members through x or z. */
  private shareRow(r: ShareRow, yc: number): void {
    const entries = new Map<number, number>();
    for (const mem of r.members) {
      let c: number;
      if (mem.needs.length === 1) c = this.x(mem.needs[0]!);
      else {
        c = this.column(0, 1, false);
        for (const j of mem.needs) this.row(-inf, 0, new Map([[c, 1], [this.x(j), -1]]));
      }
      entries.set(c, (entries.get(c) ?? 0) + mem.weight);
    }
    if (r.lo > -inf) {
      if (yc < 0) this.row(r.lo, inf, entries);
      else this.row(0, inf, new Map([...entries, [yc, -r.lo]]));
    }
    if (r.hi < inf) this.row(-inf, r.hi, entries);
  }

  private build(): void {
    for (const r of this.input.hardRows) this.shareRow(r, -1);
    for (const ch of this.input.checks) {
      const yc = this.yOf(ch.key);
      if (ch.need === "forced") {
        for (const i of ch.items) {
          const c = this.x(i);
          if (yc < 0) this.forcedCols.push(c);
          else this.row(0, inf, new Map([[c, 1], [yc, -1]]));
        }
      } else if (ch.need === "share") for (const r of ch.rows) this.shareRow(r, yc);
    }
    this.flush();
    for (const c of this.forcedCols) this.model.changeColBounds(c, 1, 1);
    if (this.budgeted) {
      // A plan costing exactly N fits: the budget row's bound is N itself.
      const entries = new Map<number, number>();
      for (const [item, c] of this.col) entries.set(c, this.input.cost(item));
      this.budgetRow = this.rows;
      this.row(-inf, this.input.budget!, entries);
    }
  }

  private budgetRow = -1;
  private readonly forcedCols: number[] = [];

  /** The current plan as a mask over the topology's items. */
  private replacedMask(values: Float64Array | null): Uint8Array {
    const mask = new Uint8Array(this.input.paths.space.size);
    if (values) for (const [item, c] of this.col) if (values[c]! > 0.5) mask[item] = 1;
    return mask;
  }

  /**
   * Cuts for every path check the plan claims that has no clean path under `mask`; how many were
   * new. A pair whose last clean path is still clean under `mask` needs no search (its items
   * that depend on the plan are all still usable), so only the pairs the new plan touched run one.
   */
  private separate(mask: Uint8Array, claimed: (key: string) => boolean): number {
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
      }
    }
    return added;
  }

  /** Per path check, the plan-dependent items of the last clean path a search found for it. */
  private readonly cleanPaths = new Map<string, number[]>();

  private addCut(key: string, items: number[]): number {
    const id = `${key}|${items.join(",")}`;
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
    const forced = new Uint8Array(this.input.paths.space.size);
    if (!this.budgeted) for (const ch of this.input.checks) if (ch.need === "forced") for (const i of ch.items) forced[i] = 1;
    this.separate(forced, claimAll);
    let values: Float64Array | null;
    if (!this.budgeted) {
      values = this.loop(deadline, claimAll);
      if (values) this.lowerBound = this.optimal ? this.model.getObjectiveValue() : this.dualBound();
    } else values = this.lexicographic(deadline);
    const mask = this.replacedMask(values);
    const fixed = new Set<string>();
    for (const ch of this.input.checks) if (!this.budgeted || (values !== null && values[this.y.get(ch.key)!]! > 0.5)) fixed.add(ch.key);
    if (!this.optimal) this.repair(mask, fixed);
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
    this.model.changeObjectiveSense(sense.minimize);
    this.relaxed = 0;
    const v = this.loop(deadline, claimed);
    if (v !== null) this.lowerBound = this.optimal ? this.model.getObjectiveValue() : this.dualBound();
    return v;
  }

  /**
   * After a time limit the incumbent may leave a claimed path check without a clean path (its
   * cuts were not all found yet): open one by replacing every replaceable blocker of the cut
   * until a path exists, or, within a budget, give up the claim.
   */
  private repair(mask: Uint8Array, fixed: Set<string>): void {
    const p = this.input.paths;
    for (const ch of this.input.checks) {
      if (ch.kind !== "pair" || ch.need !== "path" || !fixed.has(ch.key)) continue;
      const s = p.node(ch.s)!;
      const t = p.node(ch.t)!;
      const cuts: number[][] = [];
      if (p.search(s, t, mask, false, cuts)) continue;
      // Opening every layer reaches the other end (the layers stop there).
      if (this.budgeted || cuts.length === 0) fixed.delete(ch.key);
      else for (const cut of cuts) for (const i of cut) mask[i] = 1;
    }
    if (this.budgeted) return;
    // Forced items and share rows hold in any incumbent HiGHS returns.
  }
}
