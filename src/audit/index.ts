import { type Interner, interner } from "../intern.js";
import { laps, type TimingSink } from "../timing.js";
import { type FailLevel, settle } from "../decide.js";
import { compareDiagnostics } from "../diagnostics.js";
import { type Designation, designate, type RiskSpec } from "../policy/designation.js";
import type { ResolvedRule, ResolvedWaiver } from "../policy/policy.js";
import type { VendorRegistry } from "../vendors/registry.js";
import { IN_SERVICE, linkAt, linkColumns } from "../topology/link-table.js";
import type { Element, Link, Topology, UnderlayIndex } from "../topology/types.js";
import { closureIdsAt, itemAt } from "../topology/underlay.js";
import { auditPairs, type ItemRef, type PairRequest } from "./pairs.js";
import { activeWaivers, applyWaivers, CLEAN_PATH, waiverName } from "./waivers.js";
import type { AuditResult, Finding, Inventory, ItemInfo, PairResult, RuleResult, Verdict } from "../result.js";

/** Runs placement rules (src/policy/rules): injected so the audit does not depend on one engine. */
export type RuleRunner = (
  rules: readonly ResolvedRule[],
  ctx: { topology: Topology; registry: VendorRegistry; designation: Designation; asOf: string },
) => { results: RuleResult[]; findings: Finding[] };

export interface AuditInput {
  topology: Topology;
  registry: VendorRegistry;
  spec: RiskSpec;
  requests: readonly PairRequest[];
  rules?: readonly ResolvedRule[];
  runRules?: RuleRunner;
  waivers?: readonly ResolvedWaiver[];
  /** YYYY-MM-DD: the day dates, aliases and deadlines are judged on. */
  asOf: string;
  /** ISO timestamp for the report (honour SOURCE_DATE_EPOCH before passing it in). */
  generatedAt: string;
  version: string;
  maxPairs: number;
  /** Finding level that fails the run (`--fail-on error|warning`; default error). */
  failOnLevel?: FailLevel;
  maxPaths?: number;
  maxExposureItems?: number;
  timings?: TimingSink;
}

/** Topology + policy + requests → the AuditResult contract (SPEC §7). Pure and deterministic. */
export function audit(input: AuditInput): AuditResult {
  const { topology, registry } = input;
  const lapDesignate = laps(input.timings);
  const designation = designate(topology, registry, input.spec, input.asOf);
  const waivers = activeWaivers(input.waivers ?? [], topology, input.asOf);
  lapDesignate("designate");
  const waivedForPaths = new Map<string, string>();
  for (const w of waivers.active) if (w.rules.includes(CLEAN_PATH)) waivedForPaths.set(w.target, waiverName(w));
  const outcome = input.requests.length
    ? auditPairs(topology, registry, designation, input.requests, {
        maxPairs: input.maxPairs,
        waived: waivedForPaths,
        ...(input.maxPaths ? { maxPaths: input.maxPaths } : {}),
        ...(input.maxExposureItems ? { maxExposureItems: input.maxExposureItems } : {}),
        ...(input.timings ? { timings: input.timings } : {}),
      })
    : { pairs: [], findings: [], mentioned: new Map<string, ItemRef>() };
  let rules: RuleResult[] = [];
  let ruleFindings: Finding[] = [];
  if (input.rules && input.rules.length > 0) {
    if (!input.runRules) throw new Error("rules given without a rule runner");
    const lap = laps(input.timings);
    const r = input.runRules(input.rules, { topology, registry, designation, asOf: input.asOf });
    lap("rules");
    ruleFindings = applyWaivers(r.findings, waivers);
    // Whether a rule passes is decided with the run (settle, below): by its unwaived findings.
    const originOf = new Map(input.rules.map((rule) => [rule.id, rule.origin]));
    rules = r.results.map((res) => ({ ...res, ...(originOf.has(res.id) ? { origin: originOf.get(res.id)! } : {}) }));
  }
  const lapEnd = laps(input.timings);
  const mentioned = new Map(outcome.mentioned);
  // Findings name elements (rules) and, rarely, links (waivers): look those up by id.
  for (const f of [...outcome.findings, ...ruleFindings, ...waivers.findings]) {
    for (const item of f.items) {
      if (mentioned.has(item)) continue;
      const ei = topology.elementIndex.get(item);
      if (ei !== undefined) mentioned.set(item, { type: "element", index: ei });
      else {
        const li = topology.linkIndex.get(item);
        if (li !== undefined) mentioned.set(item, { type: "link", index: li });
      }
    }
  }
  // Every mentioned item's closure is in the items table too, so a report can show what it rests on.
  if (topology.underlay !== undefined) mentionClosures(topology, topology.underlay, mentioned);
  const findings = sortFindings([...outcome.findings, ...ruleFindings, ...waivers.findings]);
  const pairs = [...outcome.pairs].sort(comparePairs);
  const items = itemTable(topology, designation, mentioned);
  lapEnd("items");
  const inventoryOf = inventory(topology, designation);
  lapEnd("inventory");
  const result: AuditResult = {
    cleanpath: 1,
    tool: { name: "cleanpath", version: input.version },
    generatedAt: input.generatedAt,
    inputs: topology.inputs.map((i) => ({ file: i.file, sha256: i.sha256 })),
    asOf: input.asOf,
    designation: designation.summary,
    summary: summarise(pairs, findings),
    pairs,
    rules,
    items,
    findings,
    inventory: inventoryOf,
  };
  return settle(result, input.failOnLevel ?? "error");
}

/** Vendor shares and located sites of the whole in-service network: one pass. */
/** Most sites an inventory lists (what one map can show). */
export const maxInventorySites = 5000;

export function inventory(topology: Topology, d: Designation): Inventory {
  // One pass over a million elements: names are interned to small numbers (remembering the last
  // one, since files list elements site by site), counts go into typed arrays and integer-keyed
  // maps, and objects are built only for the few distinct names at the end.
  const roles = interner();
  const operators = interner();
  const vendors = interner();
  const siteIds = [...topology.sites.keys()];
  const siteIndex = new Map<string, number>();
  siteIds.forEach((id, k) => siteIndex.set(id, k));
  const siteElements = new Int32Array(siteIds.length);
  const siteHigh = new Int32Array(siteIds.length);
  const siteUnknown = new Int32Array(siteIds.length);
  const byRole = new Map<number, number>();
  const byOperator = new Map<number, number>();
  // Integer keys for (row, vendor): exact for up to 2^26 vendors and 2^27 rows.
  const pair = (row: number, vendor: number): number => row * 0x4000000 + vendor;
  let elements = 0;
  let high = 0;
  let unknown = 0;
  let lastSite: string | undefined;
  let lastSiteIndex = -1;
  const list = topology.elements;
  for (let i = 0; i < list.length; i++) {
    const el = list[i]!;
    if (el.state !== "in-service") continue;
    elements++;
    const lvl = d.elements[i]!;
    if (lvl === 1) high++;
    else if (lvl === 2) unknown++;
    const vendor = vendors.of(d.vendorId("element", i) ?? el.vendor ?? "(none)");
    const r = pair(roles.of(el.role), vendor);
    byRole.set(r, (byRole.get(r) ?? 0) + 1);
    const op = el.operator;
    if (typeof op === "string" || op === undefined) {
      const o = pair(operators.of(op ?? "(none)"), vendor);
      byOperator.set(o, (byOperator.get(o) ?? 0) + 1);
    } else {
      // A shared element counts in each of its operators' rows, as it does in shares.
      for (const id of new Set(op)) {
        const o = pair(operators.of(id), vendor);
        byOperator.set(o, (byOperator.get(o) ?? 0) + 1);
      }
    }
    const site = el.site;
    if (site === undefined) continue;
    if (site !== lastSite) {
      lastSite = site;
      lastSiteIndex = siteIndex.get(site) ?? -1;
    }
    if (lastSiteIndex < 0) continue;
    siteElements[lastSiteIndex]!++;
    if (lvl === 1) siteHigh[lastSiteIndex]!++;
    else if (lvl === 2) siteUnknown[lastSiteIndex]!++;
  }
  const table = (rows: Interner, counts: Map<number, number>): Record<string, Record<string, number>> => {
    const out: Record<string, Record<string, number>> = {};
    const entries = [...counts].map(([key, n]) => [rows.names[Math.floor(key / 0x4000000)]!, vendors.names[key % 0x4000000]!, n] as const);
    entries.sort(([r1, v1], [r2, v2]) => (r1 < r2 ? -1 : r1 > r2 ? 1 : v1 < v2 ? -1 : v1 > v2 ? 1 : 0));
    for (const [row, vendor, n] of entries) (out[row] ??= {})[vendor] = n;
    return out;
  };
  // The sites a map can show, high-risk first, then unknown, then clean, each by id: a national
  // network has hundreds of thousands of sites, and listing every one would make the result of a
  // one-pair audit tens of megabytes.
  const buckets: number[][] = [[], [], []];
  const siteList = [...topology.sites.values()];
  let locatedCount = 0;
  for (let k = 0; k < siteList.length; k++) {
    const site = siteList[k]!;
    if (site.lat === undefined || site.lon === undefined) continue;
    locatedCount++;
    buckets[siteHigh[k]! > 0 ? 0 : siteUnknown[k]! > 0 ? 1 : 2]!.push(k);
  }
  const located: Inventory["sites"] = [];
  for (const bucket of buckets) {
    if (located.length >= maxInventorySites) break;
    bucket.sort((a, b) => (siteIds[a]! < siteIds[b]! ? -1 : siteIds[a]! > siteIds[b]! ? 1 : 0));
    for (const k of bucket) {
      if (located.length >= maxInventorySites) break;
      const site = siteList[k]!;
      located.push({
        id: site.id,
        ...(site.name ? { name: site.name } : {}),
        ...(site.country ? { country: site.country } : {}),
        lat: site.lat!,
        lon: site.lon!,
        elements: siteElements[k]!,
        high: siteHigh[k]!,
        unknown: siteUnknown[k]!,
      });
    }
  }
  let linkCount = 0;
  const { state } = linkColumns(topology);
  for (let i = 0; i < state.length; i++) if (state[i] === IN_SERVICE) linkCount++;
  return {
    elements,
    links: linkCount,
    high,
    unknown,
    vendorsByRole: table(roles, byRole),
    vendorsByOperator: table(operators, byOperator),
    sites: located,
    sitesLocated: locatedCount,
  };
}

function comparePairs(a: PairResult, b: PairResult): number {
  return (a.flow ?? "").localeCompare(b.flow ?? "") || (a.from < b.from ? -1 : a.from > b.from ? 1 : 0) || (a.to < b.to ? -1 : a.to > b.to ? 1 : 0);
}

/** By file, line, column, rule, then item (SPEC: stable, comparable output). */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      compareDiagnostics(
        { code: a.rule, message: a.items.join(","), ...(a.location ? { location: a.location } : {}) },
        { code: b.rule, message: b.items.join(","), ...(b.location ? { location: b.location } : {}) },
      ),
  );
}

/** Counts by verdict and by finding level; pass and fail are filled in by `settle` (src/decide.ts). */
export function summarise(pairs: readonly PairResult[], findings: readonly Finding[]): AuditResult["summary"] {
  const byVerdict: Partial<Record<Verdict, number>> = {};
  for (const p of pairs) byVerdict[p.verdict] = (byVerdict[p.verdict] ?? 0) + 1;
  const counts = { error: 0, warning: 0, note: 0, waived: 0 };
  for (const f of findings) {
    if (f.waived) counts.waived++;
    else counts[f.level]++;
  }
  return { pairs: pairs.length, failedPairs: 0, failedRules: 0, byVerdict, findings: counts, passed: false };
}

/** Every id mentioned anywhere in the result, with what a reader needs to act on it. */
function itemTable(topology: Topology, d: Designation, items: ReadonlyMap<string, ItemRef>): Record<string, ItemInfo> {
  const out: Record<string, ItemInfo> = {};
  for (const id of [...items.keys()].sort()) {
    const ref = items.get(id)!;
    out[id] = ref.type === "element" ? info(topology.elements[ref.index]!, "element", d, ref.index) : info(linkAt(topology, ref.index), "link", d, ref.index);
    const under = topology.underlay;
    if (under !== undefined) {
      const i = ref.type === "element" ? ref.index : topology.elements.length + ref.index;
      if (under.start[i + 1]! > under.start[i]!) out[id].closure = closureIdsAt(topology, under, i);
    }
  }
  return out;
}

/** Adds the closure items of every mentioned item (closures are transitive: one pass suffices). */
function mentionClosures(topology: Topology, under: UnderlayIndex, mentioned: Map<string, ItemRef>): void {
  const E = topology.elements.length;
  for (const ref of [...mentioned.values()]) {
    const i = ref.type === "element" ? ref.index : E + ref.index;
    for (let k = under.start[i]!; k < under.start[i + 1]!; k++) {
      const c = under.items[k]!;
      const id = itemAt(topology, c).id;
      if (!mentioned.has(id)) mentioned.set(id, c < E ? { type: "element", index: c } : { type: "link", index: c - E });
    }
  }
}

function info(item: Element | Link, type: "element" | "link", d: Designation, index: number): ItemInfo {
  const lvl = type === "element" ? d.elements[index]! : d.links[index]!;
  const x: ItemInfo = {
    type,
    risk: lvl === 1 ? "high" : lvl === 2 ? "unknown" : "clean",
    reasons: [...d.reasons(type, index)],
    location: item.location,
  };
  if (item.name !== undefined) x.name = item.name;
  if (type === "element") x.role = (item as Element).role;
  if (item.vendor !== undefined) x.vendor = item.vendor;
  const vid = d.vendorId(type, index);
  if (vid !== undefined) x.vendorId = vid;
  if (item.operator !== undefined) x.operator = typeof item.operator === "string" ? item.operator : [...item.operator];
  if (type === "element" && (item as Element).site !== undefined) x.site = (item as Element).site;
  if (type === "link") {
    x.a = (item as Link).a;
    x.b = (item as Link).b;
    if ((item as Link).medium !== undefined) x.medium = (item as Link).medium;
  }
  return x;
}

export type { PairRequest };
