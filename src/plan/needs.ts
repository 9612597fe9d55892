/**
 * What each failing check needs replaced (SPEC §7.1), read from a baseline audit with uncapped
 * lists and from the rule engine's own scopes and groupings: forced sets, "some clean path"
 * choices, and share rows. Items are numbered in the topology's item space (elements 0..E-1,
 * then links E..E+L-1), as closures are.
 */
import { findingFails, type FailLevel } from "../decide.js";
import { type Designation, HIGH, UNKNOWN } from "../policy/designation.js";
import type { ResolvedRule } from "../policy/policy.js";
import { parseShare, withinShare } from "../policy/rules/common.js";
import { groupAt, groupCount, RULE_RISKY, type RuleEnv } from "../policy/rules/env.js";
import { weightOf } from "../policy/rules/shares.js";
import type { AuditResult, Finding, PairResult, Reason } from "../result.js";
import type { Topology } from "../topology/types.js";

/** Reasons a new box of another vendor takes away; operator, site country and tags stay with the place. */
const replaceable: ReadonlySet<Reason["kind"]> = new Set(["vendor", "component", "explicit", "unknown-vendor"]);

/** Per item of the topology: whether it counts as risky, and whether a plan may replace it. */
export interface ItemSpace {
  E: number;
  size: number;
  /** 1 when the item counts as risky under the active unknown-vendor mode. */
  risky: Uint8Array;
  /** 1 when the item is a candidate: in service (and up), risky, and risky only for what replacement removes. */
  candidate: Uint8Array;
  idOf(x: number): string;
  indexOf(id: string): number | undefined;
}

export function itemSpace(topology: Topology, d: Designation, inGraph: Uint8Array): ItemSpace {
  const E = topology.elements.length;
  const size = E + topology.links.length;
  const risky = new Uint8Array(size);
  const candidate = new Uint8Array(size);
  const unknownRisky = d.spec.unknownVendor === "risky";
  for (let x = 0; x < size; x++) {
    const lvl = x < E ? d.elements[x]! : d.links[x - E]!;
    if (lvl !== HIGH && !(lvl === UNKNOWN && unknownRisky)) continue;
    risky[x] = 1;
    const reasons = x < E ? d.reasons("element", x) : d.reasons("link", x - E);
    if (inGraph[x] === 1 && reasons.every((r) => replaceable.has(r.kind))) candidate[x] = 1;
  }
  return {
    E,
    size,
    risky,
    candidate,
    idOf: (x) => (x < E ? topology.elements[x]!.id : topology.links[x - E]!.id),
    indexOf: (id) => {
      const e = topology.elementIndex.get(id);
      if (e !== undefined) return e;
      const l = topology.linkIndex.get(id);
      return l === undefined ? undefined : E + l;
    },
  };
}

/** One member of a share row: its weight, and the items whose replacement takes it out of the share. */
export interface ShareMember {
  element: number;
  weight: number;
  needs: number[];
}

/** `lo ≤ Σ weight·[member cleaned] ≤ hi` (hi: the replacement vendor's own share, for diversity). */
export interface ShareRow {
  members: ShareMember[];
  lo: number;
  hi: number;
  label: string;
}

export interface CheckBase {
  /** Stable key: "pair:FLOW:FROM:TO" or "rule:ID". */
  key: string;
  weight: number;
}

export type PairCheck = CheckBase & {
  kind: "pair";
  pair: PairResult;
  weight: number;
} & ({ need: "forced"; items: number[] } | { need: "path"; s: string; t: string });

export type RuleCheck = CheckBase & { kind: "rule"; id: string; ruleKind: string } & ({ need: "forced"; items: number[] } | { need: "share"; rows: ShareRow[] });

export type Check = PairCheck | RuleCheck;

export interface Unfixable {
  kind: "pair" | "rule";
  id?: string;
  pair?: PairResult;
  why: string;
}

export interface Needs {
  checks: Check[];
  unfixable: Unfixable[];
  /** Rows that hold whatever the plan (a replacement vendor that must not itself go over a share). */
  hardRows: ShareRow[];
}

export function pairKey(p: Pick<PairResult, "flow" | "from" | "to">): string {
  return `pair:${p.flow ?? ""}:${p.from}:${p.to}`;
}

/** The risky items of `x` and its closure: what must be replaced for `x` to count clean anywhere. */
export function riskyUnder(topology: Topology, space: ItemSpace, x: number): number[] {
  const out = space.risky[x] === 1 ? [x] : [];
  const u = topology.underlay;
  if (u) for (let k = u.start[x]!; k < u.start[x + 1]!; k++) if (space.risky[u.items[k]!] === 1) out.push(u.items[k]!);
  return out;
}

/** What each failing pair of the baseline audit needs, by its threshold (module comment). */
export function pairNeeds(audit: AuditResult, space: ItemSpace, weights: ReadonlyMap<string, number>): Needs {
  const checks: Check[] = [];
  const unfixable: Unfixable[] = [];
  for (const p of audit.pairs) {
    if (p.passed) continue;
    const weight = p.flow === null ? 1 : (weights.get(p.flow) ?? 1);
    const base = { kind: "pair" as const, key: pairKey(p), pair: p, weight };
    if (p.verdict === "unreachable") {
      unfixable.push({ kind: "pair", pair: p, why: "no path at all between the ends: replacing equipment cannot connect them" });
      continue;
    }
    if (p.failOn === "clean") {
      unfixable.push({ kind: "pair", pair: p, why: "failOn clean fails every verdict, clean included" });
      continue;
    }
    if (p.failOn === "dirty") {
      checks.push({ ...base, need: "path", s: p.from, t: p.to });
      continue;
    }
    const ids = new Set(p.routed?.riskyItems ?? []);
    if (p.failOn === "fragile") for (const d of p.failover?.dirtyAfter ?? []) for (const r of d.riskyItems) ids.add(r);
    if (p.failOn === "exposed") for (const r of p.exposure.items) ids.add(r);
    const items = [...ids].map((id) => space.indexOf(id)!).sort((a, b) => a - b);
    const stuck = items.filter((x) => space.candidate[x] !== 1);
    if (stuck.length > 0) unfixable.push({ kind: "pair", pair: p, why: `needs ${names(space, stuck)} replaced, which a plan cannot replace (risky by operator, site or tag, or not in service)` });
    else checks.push({ ...base, need: "forced", items });
  }
  return { checks, unfixable, hardRows: [] };
}

function names(space: ItemSpace, items: readonly number[]): string {
  const shown = items.slice(0, 3).map((x) => `\`${space.idOf(x)}\``);
  return items.length > 3 ? `${shown.join(", ")} and ${items.length - 3} more` : shown.join(", ");
}

/** What each failing rule needs, and the rows every plan must keep (diversity's replacement share). */
export function ruleNeeds(audit: AuditResult, rules: readonly ResolvedRule[], env: RuleEnv, topology: Topology, space: ItemSpace, level: FailLevel, replaceWith: string): Needs {
  const failing = new Map<string, Finding[]>();
  const known = new Set(audit.rules.map((r) => r.id));
  const unfixable: Unfixable[] = [];
  for (const f of audit.findings) {
    if (!findingFails(f, level)) continue;
    if (!known.has(f.rule)) {
      if (!unfixable.some((u) => u.id === f.rule)) unfixable.push({ kind: "rule", id: f.rule, why: `${f.kind} findings are not fixed by replacing equipment` });
      continue;
    }
    const list = failing.get(f.rule) ?? [];
    list.push(f);
    failing.set(f.rule, list);
  }
  const checks: Check[] = [];
  const hardRows: ShareRow[] = [];
  const byId = new Map(rules.map((r) => [r.id, r]));
  for (const rule of rules) {
    if (rule.diversity && !(rule.from !== undefined && audit.asOf < rule.from)) hardRows.push(...replacementRows(rule, env, space, replaceWith));
    const findings = failing.get(rule.id);
    if (!findings) continue;
    const base = { kind: "rule" as const, key: `rule:${rule.id}`, id: rule.id, weight: 1 };
    if (rule.cap || rule.diversity) {
      const rows = rule.cap ? capRows(byId.get(rule.id)!, env, topology, space) : diversityRows(rule, env, topology, space);
      const short = rows.find((r) => r.members.reduce((s, m) => s + m.weight, 0) < r.lo);
      if (short) unfixable.push({ kind: "rule", id: rule.id, why: `${short.label}: even replacing every candidate leaves it over the limit` });
      else checks.push({ ...base, ruleKind: rule.cap ? "cap" : "diversity", need: "share", rows });
      continue;
    }
    const items = new Set<number>();
    const stuck = new Set<number>();
    for (const f of findings) {
      for (const id of f.items) {
        const x = space.indexOf(id);
        if (x === undefined) continue;
        for (const y of riskyUnder(topology, space, x)) (space.candidate[y] === 1 ? items : stuck).add(y);
      }
    }
    const kind = rule.forbid ? "forbid" : rule.deadline ? "deadline" : "noNewAfter";
    if (stuck.size > 0) unfixable.push({ kind: "rule", id: rule.id, why: `needs ${names(space, [...stuck].sort((a, b) => a - b))} replaced, which a plan cannot replace` });
    else checks.push({ ...base, ruleKind: kind, need: "forced", items: [...items].sort((a, b) => a - b) });
  }
  return { checks, unfixable, hardRows };
}

/** Members of a share: a member leaves it when every risky item under it is replaced (none may be stuck). */
function member(topology: Topology, space: ItemSpace, i: number, weight: number): ShareMember | undefined {
  const needs = riskyUnder(topology, space, i);
  return needs.length > 0 && needs.every((y) => space.candidate[y] === 1) ? { element: i, weight, needs } : undefined;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A share rule's body as the share kinds write it. */
interface ShareBody {
  scope?: Parameters<RuleEnv["scopeMask"]>[0];
  per?: string;
  measure?: "count" | "weight";
}

/**
 * One pass over the elements a share rule counts (present, in scope): each with its weight and
 * every group it counts in (a shared element counts for each of its operators). Returns the
 * grouping and the groups' totals.
 */
function scanShare(env: RuleEnv, b: ShareBody, visit: (i: number, w: number, k: number) => void): { groups: ReturnType<RuleEnv["grouping"]>; total: Float64Array } {
  const measure = b.measure ?? "count";
  const scope = env.scopeMask(b.scope);
  const groups = env.grouping((b.per ?? "network") as Parameters<RuleEnv["grouping"]>[0]);
  const total = new Float64Array(groups.keys.length);
  for (let i = 0; i < env.elements.length; i++) {
    if (!env.counted[i] || !scope[i]) continue;
    const w = weightOf(env.elements[i]!, measure);
    const m = groups.more?.get(i);
    for (let g = 0; g < groupCount(m); g++) {
      const k = groupAt(groups, i, m, g);
      total[k]! += w;
      visit(i, w, k);
    }
  }
  return { groups, total };
}

/** Cap rows: for each group over the cap, enough of its high-risk weight replaced (cap.ts's arithmetic). */
function capRows(rule: ResolvedRule, env: RuleEnv, topology: Topology, space: ItemSpace): ShareRow[] {
  const b = rule.cap!;
  const max = parseShare(b.max)!;
  const high = new Map<number, number>();
  const members = new Map<number, ShareMember[]>();
  let last = -1;
  let mem: ShareMember | undefined;
  const { groups, total } = scanShare(env, b, (i, w, k) => {
    if (env.risk[i] !== RULE_RISKY) return;
    if (i !== last) {
      last = i;
      mem = member(topology, space, i, w);
    }
    high.set(k, (high.get(k) ?? 0) + w);
    if (mem) push(members, k, mem);
  });
  const rows: ShareRow[] = [];
  for (const [k, h] of high) {
    if (withinShare(h, total[k]!, max)) continue;
    rows.push({ members: members.get(k) ?? [], lo: h - limit(total[k]!, max), hi: Infinity, label: `${rule.id} ${groups.keys[k]}` });
  }
  return rows;
}

/** The most a share may hold and still pass (common.ts `withinShare`). */
function limit(total: number, max: number): number {
  return max * total * (1 + 1e-12) + 1e-9;
}

/** Diversity rows: for each (group, vendor) over the limit, enough of that vendor's weight moved to the replacement. */
function diversityRows(rule: ResolvedRule, env: RuleEnv, topology: Topology, space: ItemSpace): ShareRow[] {
  const b = rule.diversity!;
  const max = parseShare(b.maxVendorShare)!;
  const vendors = env.vendors();
  const sums = new Map<string, { sum: number; members: ShareMember[]; k: number; v: number }>();
  let last = -1;
  let mem: ShareMember | undefined;
  const { groups, total } = scanShare(env, b, (i, w, k) => {
    if (i !== last) {
      last = i;
      mem = member(topology, space, i, w);
    }
    const vm = vendors.more?.get(i);
    const own = env.vendorOf(i);
    for (let vv = 0; vv < groupCount(vm); vv++) {
      const v = groupAt(vendors, i, vm, vv);
      const key = `${k}:${v}`;
      const sum = sums.get(key) ?? { sum: 0, members: [], k, v };
      sum.sum += w;
      // It leaves its own vendor's share only when it is itself replaced.
      if (mem && (vendors.keys[v] !== own || space.candidate[i] === 1)) sum.members.push(mem);
      sums.set(key, sum);
    }
  });
  const rows: ShareRow[] = [];
  for (const sum of sums.values()) {
    if (withinShare(sum.sum, total[sum.k]!, max)) continue;
    rows.push({ members: sum.members, lo: sum.sum - limit(total[sum.k]!, max), hi: Infinity, label: `${rule.id} ${groups.keys[sum.k]} vendor ${vendors.keys[sum.v]}` });
  }
  return rows;
}

/**
 * What keeps the replacement vendor itself within a diversity rule's share, per group: the
 * candidates in scope that would become that vendor, when all of them together could go over.
 */
function replacementRows(rule: ResolvedRule, env: RuleEnv, space: ItemSpace, replaceWith: string): ShareRow[] {
  const b = rule.diversity!;
  const max = parseShare(b.maxVendorShare)!;
  const already = new Map<number, number>();
  const members = new Map<number, ShareMember[]>();
  const { groups, total } = scanShare(env, b, (i, w, k) => {
    if (env.vendorOf(i) === replaceWith) already.set(k, (already.get(k) ?? 0) + w);
    else if (space.candidate[i] === 1) push(members, k, { element: i, weight: w, needs: [i] });
  });
  const rows: ShareRow[] = [];
  for (let k = 0; k < groups.keys.length; k++) {
    const list = members.get(k) ?? [];
    const before = already.get(k) ?? 0;
    const possible = list.reduce((s, m) => s + m.weight, 0);
    if (withinShare(before + possible, total[k]!, max)) continue;
    rows.push({ members: list, lo: -Infinity, hi: limit(total[k]!, max) - before, label: `${rule.id} ${groups.keys[k]} replacement share` });
  }
  return rows;
}
