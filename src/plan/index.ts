/**
 * `cleanpath plan` (SPEC §7.1): the cheapest set of risky items to replace so that every
 * declared flow and every rule passes. Pure and deterministic: the solver comes in as `highs`.
 *
 * baseline audit → needs per failing check (needs.ts) → one MIP with cuts (solve.ts)
 * → the plan applied to a copy of the topology (apply.ts) and audited again → PlanResult.
 */
import type { Highs } from "highs";
import { audit, type AuditInput } from "../audit/index.js";
import { type Diagnostic, errorAt, InputError } from "../diagnostics.js";
import { buildGraph } from "../graph/build.js";
import type { NetGraph } from "../graph/types.js";
import { designate } from "../policy/designation.js";
import { worldCountries } from "../policy/geo/atlas.js";
import { RULE_RISKY, RuleEnv } from "../policy/rules/env.js";
import type { AuditResult, PlanItem, PlanPhase, PlanResult, PlanTally } from "../result.js";
import { laps } from "../timing.js";
import type { Element, Link, Topology } from "../topology/types.js";
import { applyReplacements } from "./apply.js";
import { type Check, type ItemSpace, itemSpace, type Needs, pairKey, pairNeeds, riskyUnder, ruleNeeds, type Unfixable } from "./needs.js";
import { PathSpace } from "./search.js";
import { solvePlan } from "./solve.js";

export { applyReplacements } from "./apply.js";

export interface PlanInput extends Omit<AuditInput, "maxExposureItems"> {
  highs: Highs;
  /** `--budget N`, or null. */
  budget: number | null;
  /** `--by count`: every item costs 1. */
  by: "cost" | "count";
  /** `--default-cost N` for items without a `replacementCost`. */
  defaultCost?: number;
  /** `--replace-with`: the vendor (as written) replaced items get; must be known and clean. */
  replaceWith: string;
  /** Seconds for the solver, all stages together. */
  timeLimit: number;
  /** Stop after this many master solves without a budget, as the time limit does (tests; default none). */
  maxSolves?: number;
}

/** The plan, and the topology with it applied (what `--write-after` writes). */
export interface PlanOutcome {
  result: PlanResult;
  after: Topology;
  /** The re-audit of `after`. */
  afterAudit: AuditResult;
}

/** Topology + policy + requests → the cheapest plan that fixes what can be fixed (SPEC §7.1). */
export function plan(input: PlanInput): PlanOutcome {
  const { topology } = input;
  const lap = laps(input.timings);
  const replaceId = replacementVendor(input);
  const { timings: _t, ...quiet } = input;
  // Exposure lists are what an `exposed` threshold needs whole; otherwise the usual cap will do.
  const exposedAsked = input.requests.some((r) => r.failOn === "exposed") || input.topology.flows.some((f) => f.failOn === "exposed");
  const before = audit({ ...quiet, ...(exposedAsked ? { maxExposureItems: Number.MAX_SAFE_INTEGER } : {}) });
  lap("plan:baseline");
  const designation = designate(topology, input.registry, input.spec, input.asOf);
  const g = buildGraph(topology);
  const space = itemSpace(topology, designation, inGraph(topology, g));
  const weights = new Map(topology.flows.map((f) => [f.id, f.weight ?? 1]));
  const paths = new PathSpace(g, space);
  const pn = pairNeeds(before, space, weights);
  const env = new RuleEnv({ topology, registry: input.registry, designation, asOf: input.asOf }, worldCountries);
  const rn = ruleNeeds(before, input.rules ?? [], env, topology, space, input.failOnLevel ?? "error", replaceId);
  const needs: Needs = { checks: [...pn.checks, ...rn.checks], unfixable: [...pn.unfixable, ...rn.unfixable], hardRows: rn.hardRows };
  pathUnfixable(needs, paths);
  const needed = mayNeed(needs, paths, topology);
  const cost = costs(input, topology, space, needed);
  const integral = [...needed].every((x) => Number.isInteger(cost(x)));
  lap("plan:needs");
  const solved = solvePlan({ highs: input.highs, checks: needs.checks, hardRows: needs.hardRows, paths, cost, budget: input.budget, timeLimit: input.timeLimit, integral, ...(input.maxSolves !== undefined ? { maxSolves: input.maxSolves } : {}), ...(input.timings ? { timings: input.timings } : {}) });
  lap("plan:solve");
  const after = applyReplacements(topology, solved.replaced, input.replaceWith);
  const afterAudit = audit({ ...quiet, topology: after });
  lap("plan:re-audit");
  verify(needs.checks, solved.fixed, afterAudit);
  const items = planItems(topology, space, solved.replaced, cost, fixesOf(needs.checks, solved.fixed, solved.replaced, paths));
  const phases = phasesOf(items, input, env, topology, space);
  // A phase named after a dated rule carries that rule's citation (the regulation's deadline).
  const cited = new Map(before.rules.flatMap((r) => (r.source ? [[r.id, r.source] as const] : [])));
  for (const ph of phases) {
    const src = cited.get(ph.name);
    if (ph.by !== null && src) ph.source = src;
  }
  const totalCost = items.reduce((s, i) => s + i.cost, 0);
  const lowerBound = solved.optimal ? totalCost : Math.min(totalCost, solved.lowerBound);
  const result: PlanResult = {
    cleanpath: 1,
    kind: "plan",
    tool: { name: "cleanpath", version: input.version },
    generatedAt: input.generatedAt,
    inputs: topology.inputs.map((i) => ({ file: i.file, sha256: i.sha256 })),
    asOf: input.asOf,
    designation: before.designation,
    objective: input.by === "count" ? "count" : "cost",
    optimal: solved.optimal,
    totalCost,
    lowerBound,
    gap: totalCost > 0 ? (totalCost - lowerBound) / totalCost : 0,
    budget: input.budget,
    replaceWith: input.replaceWith,
    items,
    phases,
    before: tally(before, weights),
    after: tally(afterAudit, weights),
    pairs: pairChanges(before, afterAudit, weights),
    unfixable: needs.unfixable.map(unfixableOut).sort(byKindThenId),
    leftFailing: leftFailing(needs.checks, solved.fixed, afterAudit),
    passed: afterAudit.summary.passed,
    model: {
      candidates: count(space.candidate),
      forced: new Set(needs.checks.flatMap((c) => (c.need === "forced" ? c.items : []))).size,
      variables: solved.variables,
      constraints: solved.constraints,
      reducedFrom: { items: space.size, links: topology.links.length },
      reducedTo: paths.reduced,
      solver: solved.solver,
      iterations: solved.iterations,
    },
  };
  lap("plan:result");
  return { result, after, afterAudit };
}

/** The registry id of `--replace-with`: it must be a known vendor that the policy does not designate. */
function replacementVendor(input: PlanInput): string {
  const entry = input.registry.lookup(input.replaceWith);
  if (!entry) throw new InputError([errorAt("E_USAGE", `--replace-with ${input.replaceWith}: not a vendor in the registry (see \`cleanpath vendors\`); the default \`replacement\` is a clean placeholder`)]);
  const probe: Topology = {
    ...input.topology,
    linkIndex: new Map(),
    elements: [{ id: "probe", role: "other", vendor: input.replaceWith, components: [], passive: false, state: "in-service", tags: [], location: { file: "", line: 1, column: 1 } }],
    links: [],
    elementIndex: new Map([["probe", 0]]),
  };
  delete (probe as { underlay?: unknown }).underlay;
  const d = designate(probe, input.registry, input.spec, input.asOf);
  if (d.elements[0] !== 0) throw new InputError([errorAt("E_USAGE", `--replace-with ${input.replaceWith}: that vendor is itself designated by the policy; replace with a clean vendor`)]);
  return entry.id;
}

/** 1 per topology item that is in the path graph (in service, up). */
function inGraph(topology: Topology, g: NetGraph): Uint8Array {
  const E = topology.elements.length;
  const out = new Uint8Array(E + topology.links.length);
  for (let u = 0; u < g.n; u++) out[g.nodeElement[u]!] = 1;
  for (let l = 0; l < g.m; l++) out[E + g.linkTopo[l]!] = 1;
  return out;
}

function count(mask: Uint8Array): number {
  let n = 0;
  for (const v of mask) n += v;
  return n;
}

/** A "some clean path" check that has none even with every candidate replaced is unfixable. */
function pathUnfixable(needs: Needs, paths: PathSpace): void {
  const all = paths.space.candidate;
  needs.checks = needs.checks.filter((c) => {
    if (c.kind !== "pair" || c.need !== "path") return true;
    if (paths.search(paths.node(c.s)!, paths.node(c.t)!, all, false, null)) return true;
    needs.unfixable.push({ kind: "pair", pair: c.pair, why: "every path crosses an item a plan cannot replace (risky by operator, site or tag)" });
    return false;
  });
}

/**
 * Candidates some check could ask for: forced items, share members, and for "some clean path"
 * checks every candidate in the connected part of the graph around the pair (with closures).
 */
function mayNeed(needs: Needs, paths: PathSpace, topology: Topology): Set<number> {
  const out = new Set<number>();
  for (const c of needs.checks) {
    if (c.need === "forced") for (const i of c.items) out.add(i);
    else if (c.need === "share") for (const r of c.rows) for (const m of r.members) for (const i of m.needs) out.add(i);
  }
  for (const r of needs.hardRows) for (const m of r.members) for (const i of m.needs) out.add(i);
  const starts = needs.checks.flatMap((c) => (c.kind === "pair" && c.need === "path" ? [paths.g.nodeIndex.get(c.s)!] : []));
  if (starts.length > 0) for (const x of componentCandidates(paths, starts, topology)) out.add(x);
  return out;
}

function componentCandidates(paths: PathSpace, starts: readonly number[], topology: Topology): number[] {
  const g = paths.g;
  const seen = new Uint8Array(g.n);
  const stack = [...starts];
  for (const s of starts) seen[s] = 1;
  const out: number[] = [];
  const take = (i: number) => {
    for (const x of riskyUnder(topology, paths.space, paths.toItem[i]!)) if (paths.space.candidate[x] === 1) out.push(x);
  };
  while (stack.length > 0) {
    const u = stack.pop()!;
    take(u);
    for (const [start, to, via] of [[g.outStart, g.outTo, g.outLink], [g.inStart, g.inFrom, g.inLink]] as const) {
      for (let k = start[u]!; k < start[u + 1]!; k++) {
        take(g.n + via[k]!);
        const v = to[k]!;
        if (seen[v]) continue;
        seen[v] = 1;
        stack.push(v);
      }
    }
  }
  return out;
}

/** Each candidate's cost: 1 by count, else its replacementCost or --default-cost; missing ones are an input error. */
function costs(input: PlanInput, topology: Topology, space: ItemSpace, needed: Set<number>): (x: number) => number {
  if (input.by === "count") return () => 1;
  const item = (x: number): Element | Link => (x < space.E ? topology.elements[x]! : topology.links[x - space.E]!);
  const missing = [...needed].filter((x) => item(x).replacementCost === undefined).sort((a, b) => a - b);
  if (missing.length > 0 && input.defaultCost === undefined) {
    const shown: Diagnostic[] = missing.slice(0, 5).map((x) =>
      errorAt("E_PLAN_COST", `\`${space.idOf(x)}\` may need replacing but has no replacementCost; give one, or run with --default-cost N or --by count`, item(x).location),
    );
    if (missing.length > 5) shown.push(errorAt("E_PLAN_COST", `… and ${missing.length - 5} more items without a replacementCost`));
    throw new InputError(shown);
  }
  return (x) => item(x).replacementCost ?? input.defaultCost!;
}

/** A check the plan claims to fix that still fails after it is a bug, never a result. */
function verify(checks: readonly Check[], fixed: ReadonlySet<string>, after: AuditResult): void {
  const pairs = new Map(after.pairs.map((p) => [pairKey(p), p]));
  const rules = new Map(after.rules.map((r) => [r.id, r]));
  for (const c of checks) {
    if (!fixed.has(c.key)) continue;
    const ok = c.kind === "pair" ? pairs.get(c.key)?.passed : rules.get(c.id)?.passed;
    if (!ok) throw new Error(`plan: ${c.key} still fails after the plan that claims to fix it`);
  }
}

/** For each replaced item, the fixed checks it serves (pairs by their ends, rules by id). */
type Fixes = { pairs: Set<string>; flows: Set<string>; rules: Set<string> };

function fixesOf(checks: readonly Check[], fixed: ReadonlySet<string>, replaced: readonly number[], paths: PathSpace): Map<number, Fixes> {
  const out = new Map(replaced.map((x): [number, Fixes] => [x, { pairs: new Set(), flows: new Set(), rules: new Set() }]));
  const mask = new Uint8Array(paths.space.size);
  for (const x of replaced) mask[x] = 1;
  for (const c of checks) {
    if (!fixed.has(c.key)) continue;
    let items: Iterable<number>;
    if (c.need === "forced") items = c.items;
    else if (c.need === "share") items = c.rows.flatMap((r) => r.members.flatMap((m) => m.needs));
    else {
      const s = paths.node(c.s)!;
      const t = paths.node(c.t)!;
      items = paths.search(s, t, mask, false, null) ? paths.lastPath(s, t) : [];
    }
    for (const x of items) {
      const f = out.get(x);
      if (!f) continue;
      if (c.kind === "pair") {
        f.pairs.add(JSON.stringify([c.pair.from, c.pair.to]));
        if (c.pair.flow !== null) f.flows.add(c.pair.flow);
      } else f.rules.add(c.id);
    }
  }
  return out;
}

function planItems(topology: Topology, space: ItemSpace, replaced: readonly number[], cost: (x: number) => number, fixes: Map<number, Fixes>): PlanItem[] {
  const out = replaced.map((x): PlanItem => {
    const it = x < space.E ? topology.elements[x]! : topology.links[x - space.E]!;
    const f = fixes.get(x)!;
    const item: PlanItem = {
      id: it.id,
      type: x < space.E ? "element" : "link",
      cost: cost(x),
      phase: "other",
      fixes: { pairs: [...f.pairs].sort().map((p) => JSON.parse(p) as [string, string]), flows: [...f.flows].sort(), rules: [...f.rules].sort() },
      location: it.location,
    };
    if (it.vendor !== undefined) item.vendor = it.vendor;
    if (x < space.E) {
      item.role = (it as Element).role;
      if ((it as Element).site !== undefined) item.site = (it as Element).site!;
    }
    if (it.operator !== undefined) item.operator = typeof it.operator === "string" ? it.operator : [...it.operator];
    return item;
  });
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Phases (SPEC §7.1): an item goes in the phase of the earliest dated rule that needs it — a
 * deadline rule whose scope holds it (or an element resting on it), or a rule with a `from`
 * date whose fix it serves — then "flows" when it fixes a pair, else "other".
 */
function phasesOf(items: PlanItem[], input: PlanInput, env: RuleEnv, topology: Topology, space: ItemSpace): PlanPhase[] {
  const dated = new Map<string, { by: string; name: string }>();
  const offer = (id: string, by: string, name: string) => {
    const cur = dated.get(id);
    if (!cur || by < cur.by || (by === cur.by && name < cur.name)) dated.set(id, { by, name });
  };
  const planned = new Set(items.map((i) => i.id));
  for (const rule of input.rules ?? []) {
    if (!rule.deadline) continue;
    const scope = env.scopeMask(rule.deadline.scope);
    for (let i = 0; i < env.elements.length; i++) {
      if (!scope[i] || !env.standing[i] || env.risk[i] !== RULE_RISKY) continue;
      for (const x of riskyUnder(topology, space, i)) if (planned.has(space.idOf(x))) offer(space.idOf(x), rule.deadline.by, rule.id);
    }
  }
  const from = new Map((input.rules ?? []).filter((r) => r.from !== undefined).map((r) => [r.id, r.from!]));
  for (const it of items) for (const r of it.fixes.rules) if (from.has(r)) offer(it.id, from.get(r)!, r);
  const phases = new Map<string, PlanPhase>();
  for (const it of items) {
    const d = dated.get(it.id);
    it.phase = d ? d.name : it.fixes.pairs.length > 0 ? "flows" : "other";
    const ph = phases.get(it.phase) ?? { name: it.phase, by: d?.by ?? null, items: [], cost: 0, cumulativeCost: 0 };
    ph.items.push(it.id);
    ph.cost += it.cost;
    phases.set(it.phase, ph);
  }
  const rank = (p: PlanPhase) => (p.by !== null ? 0 : p.name === "flows" ? 1 : 2);
  const list = [...phases.values()].sort((a, b) => rank(a) - rank(b) || (a.by ?? "").localeCompare(b.by ?? "") || a.name.localeCompare(b.name));
  let sum = 0;
  for (const p of list) {
    sum += p.cost;
    p.cumulativeCost = sum;
  }
  return list;
}

function tally(r: AuditResult, weights: ReadonlyMap<string, number>): PlanTally {
  let failedWeight = 0;
  for (const p of r.pairs) if (!p.passed) failedWeight += p.flow === null ? 1 : (weights.get(p.flow) ?? 1);
  return { failedPairs: r.summary.failedPairs, failedWeight, failedRules: r.summary.failedRules, byVerdict: { ...r.summary.byVerdict } };
}

function pairChanges(before: AuditResult, after: AuditResult, weights: ReadonlyMap<string, number>): PlanResult["pairs"] {
  const later = new Map(after.pairs.map((p) => [pairKey(p), p]));
  return before.pairs
    .filter((p) => !p.passed)
    .map((p) => {
      const a = later.get(pairKey(p))!;
      return { flow: p.flow, from: p.from, to: p.to, failOn: p.failOn, weight: p.flow === null ? 1 : (weights.get(p.flow) ?? 1), before: p.verdict, after: a.verdict, passedAfter: a.passed };
    });
}

function unfixableOut(u: Unfixable): PlanResult["unfixable"][number] {
  return u.kind === "rule" ? { kind: "rule", id: u.id!, why: u.why } : { kind: "pair", flow: u.pair!.flow, from: u.pair!.from, to: u.pair!.to, why: u.why };
}

function byKindThenId(a: { kind: string; id?: string; from?: string; to?: string }, b: typeof a): number {
  const ka = `${a.kind}\u0000${a.id ?? ""}\u0000${a.from ?? ""}\u0000${a.to ?? ""}`;
  const kb = `${b.kind}\u0000${b.id ?? ""}\u0000${b.from ?? ""}\u0000${b.to ?? ""}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function leftFailing(checks: readonly Check[], fixed: ReadonlySet<string>, after: AuditResult): PlanResult["leftFailing"] {
  const pairs = new Map(after.pairs.map((p) => [pairKey(p), p]));
  return checks
    .filter((c) => !fixed.has(c.key))
    .map((c) => (c.kind === "rule" ? { kind: "rule" as const, id: c.id } : { kind: "pair" as const, flow: c.pair.flow, from: c.pair.from, to: c.pair.to, verdict: pairs.get(c.key)!.verdict }))
    .sort(byKindThenId);
}
