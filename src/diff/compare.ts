import { type AuditResult, type Finding, type PairResult, verdicts } from "../result.js";
import type { Topology } from "../topology/types.js";
import { closureIdsAt } from "../topology/underlay.js";
import type { SourceLocation } from "../diagnostics.js";
import type { DiffResult, FindingChange, ItemChange, ItemState, ListChange, PairChange, RuleChange } from "./types.js";

/** One side's view of an item: what the diff prints, and what it compares besides. */
export interface SnapshotItem {
  state: ItemState;
  /** The item's closure (SPEC §4.1), when it has one. */
  closure?: readonly string[];
  /** Where the item is written (looked up only for the items shown with a location). */
  where?: () => SourceLocation;
}

export type ItemSnapshot = ReadonlyMap<string, SnapshotItem>;

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Every element and link of a topology with its vendor as written, and its risk where the result knows it. */
export function topologyItems(topology: Topology, result?: AuditResult): ItemSnapshot {
  const out = new Map<string, SnapshotItem>();
  const under = topology.underlay;
  const add = (item: Topology["elements"][number] | Topology["links"][number], i: number, type: "element" | "link"): void => {
    const s: ItemState = { type };
    if (item.vendor !== undefined) s.vendor = item.vendor;
    const risk = result?.items[item.id]?.risk;
    if (risk !== undefined) s.risk = risk;
    const entry: SnapshotItem = { state: s };
    if (under !== undefined) {
      if (item.underlay !== undefined && item.underlay.length > 0) s.underlay = [...item.underlay];
      if (under.start[i + 1]! > under.start[i]!) entry.closure = closureIdsAt(topology, under, i);
      entry.where = () => item.location;
    }
    out.set(item.id, entry);
  };
  topology.elements.forEach((e, i) => add(e, i, "element"));
  topology.links.forEach((l, i) => add(l, topology.elements.length + i, "link"));
  return out;
}

/** The items a saved result mentions. */
export function resultItems(result: AuditResult): ItemSnapshot {
  const out = new Map<string, SnapshotItem>();
  for (const [id, it] of Object.entries(result.items)) {
    const s: ItemState = { type: it.type, risk: it.risk };
    if (it.vendor !== undefined) s.vendor = it.vendor;
    const entry: SnapshotItem = { state: s };
    if (it.closure !== undefined && it.closure.length > 0) entry.closure = it.closure;
    const location = it.location;
    if (location !== undefined) entry.where = () => location;
    out.set(id, entry);
  }
  return out;
}

/** What entered and left a list (as sets), or undefined when nothing did. */
function listChange(before: readonly string[] | undefined, after: readonly string[] | undefined): ListChange | undefined {
  if (before === undefined && after === undefined) return undefined;
  const old = new Set(before ?? []);
  const now = new Set(after ?? []);
  const added = [...now].filter((x) => !old.has(x)).sort(cmp);
  const removed = [...old].filter((x) => !now.has(x)).sort(cmp);
  return added.length + removed.length > 0 ? { added, removed } : undefined;
}

const rank = (v: PairResult["verdict"]): number => verdicts.indexOf(v);
const pairKey = (p: PairResult): string => `${p.flow ?? ""}\u0000${p.from}\u0000${p.to}`;
const findingKey = (f: Finding): string => [f.rule, ...[...f.items].sort()].join("\u0000");

function pairChanges(before: AuditResult, after: AuditResult): PairChange[] {
  const old = new Map(before.pairs.map((p) => [pairKey(p), p]));
  const now = new Map(after.pairs.map((p) => [pairKey(p), p]));
  const out: PairChange[] = [];
  const state = (p: PairResult) => ({ verdict: p.verdict, passed: p.passed, failOn: p.failOn });
  for (const [key, a] of now) {
    const b = old.get(key);
    const base = { flow: a.flow, from: a.from, to: a.to, ...(a.location ? { location: a.location } : {}) };
    if (!b) {
      out.push({ ...base, change: "added", gotWorse: !a.passed, before: null, after: state(a) });
      continue;
    }
    const delta = rank(a.verdict) - rank(b.verdict); // verdicts are listed worst first
    const nowFails = b.passed && !a.passed;
    if (delta === 0 && a.passed === b.passed) continue;
    const worse = delta < 0 || nowFails;
    out.push({ ...base, change: worse ? "worse" : "better", gotWorse: worse, before: state(b), after: state(a) });
  }
  for (const [key, b] of old) {
    if (now.has(key)) continue;
    out.push({ flow: b.flow, from: b.from, to: b.to, change: "removed", gotWorse: false, before: state(b), after: null });
  }
  const order = { worse: 0, added: 1, better: 2, removed: 3 };
  return out.sort((x, y) => order[x.change] - order[y.change] || cmp(x.flow ?? "", y.flow ?? "") || cmp(x.from, y.from) || cmp(x.to, y.to));
}

function findingChange(f: Finding): FindingChange {
  const c: FindingChange = { rule: f.rule, level: f.level, message: f.message, items: f.items, waived: f.waived === true };
  if (f.location) c.location = f.location;
  return c;
}

/** Findings matched as multisets by rule and items: a second copy of the same finding counts on its own. */
function findingChanges(before: AuditResult, after: AuditResult): { appeared: FindingChange[]; disappeared: FindingChange[] } {
  const pool = new Map<string, Finding[]>();
  for (const f of before.findings) pool.set(findingKey(f), [...(pool.get(findingKey(f)) ?? []), f]);
  const appeared: FindingChange[] = [];
  for (const f of after.findings) {
    const same = pool.get(findingKey(f));
    const match = same?.shift();
    if (!match) appeared.push(findingChange(f));
    else if (match.waived && !f.waived) appeared.push({ ...findingChange(f), wasWaived: true });
  }
  const disappeared = [...pool.values()].flat().map(findingChange);
  const order = (a: FindingChange, b: FindingChange) => cmp(a.rule, b.rule) || cmp(a.items.join(" "), b.items.join(" ")) || cmp(a.message, b.message);
  return { appeared: appeared.sort(order), disappeared: disappeared.sort(order) };
}

function ruleChanges(before: AuditResult, after: AuditResult): RuleChange[] {
  const old = new Map(before.rules.map((r) => [r.id, r]));
  const now = new Map(after.rules.map((r) => [r.id, r]));
  const out: RuleChange[] = [];
  for (const id of [...new Set([...old.keys(), ...now.keys()])].sort(cmp)) {
    const b = old.get(id);
    const a = now.get(id);
    if (b && a && b.passed === a.passed && b.checked === a.checked) continue;
    const gotWorse = a !== undefined && !a.passed && (b === undefined || b.passed);
    out.push({ id, before: b ? { passed: b.passed, checked: b.checked } : null, after: a ? { passed: a.passed, checked: a.checked } : null, gotWorse });
  }
  return out;
}

function itemChanges(before: ItemSnapshot, after: ItemSnapshot): DiffResult["items"] {
  const added: ItemChange[] = [];
  const removed: ItemChange[] = [];
  const changed: ItemChange[] = [];
  for (const [id, na] of after) {
    const a = na.state;
    const nb = before.get(id);
    if (!nb) {
      added.push({ id, type: a.type, after: a });
      continue;
    }
    const b = nb.state;
    const underlay = listChange(b.underlay, a.underlay);
    const closure = listChange(nb.closure, na.closure);
    if (b.vendor !== a.vendor || (b.risk !== undefined && a.risk !== undefined && b.risk !== a.risk) || underlay || closure) {
      const c: ItemChange = { id, type: a.type, before: b, after: a };
      if (underlay) c.underlay = underlay;
      if (closure) c.closure = closure;
      const where = underlay || closure ? (na.where ?? nb.where) : undefined;
      if (where) c.location = where();
      changed.push(c);
    }
  }
  for (const [id, nb] of before) if (!after.has(id)) removed.push({ id, type: nb.state.type, before: nb.state });
  const byId = (x: ItemChange, y: ItemChange) => cmp(x.id, y.id);
  return { added: added.sort(byId), removed: removed.sort(byId), changed: changed.sort(byId) };
}

/** Compares two audits of the same checks: what got worse, what got better, what appeared. Pure. */
export function diffResults(
  before: AuditResult,
  after: AuditResult,
  options: { mode: DiffResult["mode"]; version: string; items?: { before: ItemSnapshot; after: ItemSnapshot } },
): DiffResult {
  const pairs = pairChanges(before, after);
  const rules = ruleChanges(before, after);
  const findings = findingChanges(before, after);
  const items = itemChanges(options.items?.before ?? resultItems(before), options.items?.after ?? resultItems(after));
  const newErrors = findings.appeared.filter((f) => !f.waived && f.level === "error").length;
  const gotWorse = pairs.some((p) => p.gotWorse) || rules.some((r) => r.gotWorse) || newErrors > 0;
  return {
    cleanpathDiff: 1,
    tool: { name: "cleanpath", version: options.version },
    mode: options.mode,
    before: { inputs: before.inputs, asOf: before.asOf },
    after: { inputs: after.inputs, asOf: after.asOf },
    summary: {
      pairsWorse: pairs.filter((p) => p.change === "worse").length,
      pairsBetter: pairs.filter((p) => p.change === "better").length,
      pairsAdded: pairs.filter((p) => p.change === "added").length,
      pairsRemoved: pairs.filter((p) => p.change === "removed").length,
      findingsAppeared: findings.appeared.length,
      findingsDisappeared: findings.disappeared.length,
      rulesWorse: rules.filter((r) => r.gotWorse).length,
      itemsAdded: items.added.length,
      itemsRemoved: items.removed.length,
      itemsChanged: items.changed.length,
      gotWorse,
    },
    pairs,
    rules,
    findings,
    items,
  };
}
