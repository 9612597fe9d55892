import { laps, type TimingSink } from "../timing.js";
import { type Diagnostic, InputError, type SourceLocation } from "../diagnostics.js";
import { analyzePairs, analyzeVerdicts } from "../graph/analyze.js";
import { buildGraph } from "../graph/build.js";
import type { CostVector, NetGraph, PairFacts, PairQuery, RiskMask } from "../graph/types.js";
import { verdictOf } from "../graph/verdict.js";
import { type Designation, HIGH, UNKNOWN } from "../policy/designation.js";
import type { VendorRegistry } from "../vendors/registry.js";
import { linkColumns } from "../topology/link-table.js";
import { expandPairs, selectElements } from "../topology/select.js";
import type { Selector, Topology } from "../topology/types.js";
import { atOrWorse, type Finding, type PairResult, type Verdict, verdicts } from "../result.js";
import { float64Array, int32Array, uint8Array } from "../arena.js";

/** One line of work: a flow, or the command line's `--from/--to`. */
export interface PairRequest {
  flow: string | null;
  from: Selector;
  to: Selector;
  failures: number;
  failOn: Verdict;
  location?: SourceLocation;
}

export interface PairOptions {
  /** Items and flows waived for `clean-path`, with the waiver that covers each. */
  waived?: ReadonlyMap<string, string>;
  maxPairs: number;
  /** Distinct routed paths listed per pair. */
  maxPaths?: number;
  /** Exposure items listed per pair (the count stays exact). */
  maxExposureItems?: number;
  timings?: TimingSink;
}

/** An item by its place in the topology: what the result's `items` table is built from. */
export interface ItemRef {
  type: "element" | "link";
  index: number;
}

export interface PairOutcome {
  pairs: PairResult[];
  findings: Finding[];
  /** Every item the pairs mention, by id. */
  mentioned: Map<string, ItemRef>;
  graph: NetGraph;
}

/**
 * Runs every pair of every request through the path engine: one graph, one designation, one
 * analysis call sharing its traversals across all pairs, then a second, smaller call for the
 * pairs whose verdict depends on unknown items (to report `verdictIfUnknownClean`).
 */
export function auditPairs(
  topology: Topology,
  registry: VendorRegistry,
  designation: Designation,
  requests: readonly PairRequest[],
  options: PairOptions,
): PairOutcome {
  const lap = laps(options.timings);

  // Expand selectors first: input errors (all of them) surface before any heavy work.
  const problems: Diagnostic[] = [];
  const attempt = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems.push(...e.diagnostics);
      return undefined;
    }
  };
  const expanded = requests.map((r) => {
    const side = (s: "from" | "to") => (r.flow === null ? `--${s}` : `flow \`${r.flow}\`: \`${s}\``);
    const from = attempt(() => selectElements(topology, registry, r.from, side("from"), r.location));
    const to = attempt(() => selectElements(topology, registry, r.to, side("to"), r.location));
    const pairs = from && to ? attempt(() => expandPairs(from, to, options.maxPairs, r.flow === null ? "--from × --to" : `flow \`${r.flow}\``, r.location)) : undefined;
    return { request: r, pairs: pairs ?? [] };
  });
  if (problems.length > 0) throw new InputError(problems);

  const g = buildGraph(topology);
  lap("graph");
  const elementNode = int32Array(topology.elements.length).fill(-1);
  for (let u = 0; u < g.n; u++) elementNode[g.nodeElement[u]!] = u;

  const level = itemLevels(g, designation);
  const unknownRisky = designation.spec.unknownVendor === "risky";
  const risky = maskOf(level, unknownRisky);
  const costs = replacementCosts(g, topology, risky);

  const queries: PairQuery[] = [];
  const owners: PairRequest[] = [];
  for (const e of expanded) {
    for (const [a, b] of e.pairs) {
      queries.push({ s: elementNode[a]!, t: elementNode[b]!, failures: e.request.failures });
      owners.push(e.request);
    }
  }
  const analysis = { maxPaths: options.maxPaths ?? 8, maxExposureItems: options.maxExposureItems ?? 100, ...(costs ? { costs } : {}) };
  const facts = analyzePairs(g, risky, queries, analysis);
  lap("analyse");

  // The same pairs with unknown items counted clean, where that could change the verdict.
  const hasUnknown = unknownRisky && level.some((l) => l === UNKNOWN);
  const optimistic = new Map<number, Verdict>();
  if (hasUnknown) {
    const redo: number[] = [];
    facts.forEach((f, i) => {
      if (couldImprove(f, verdictOf(f, queries[i]!.failures), level)) redo.push(i);
    });
    if (redo.length > 0) {
      const again = analyzeVerdicts(g, maskOf(level, false), redo.map((i) => queries[i]!));
      redo.forEach((i, k) => optimistic.set(i, again[k]!));
    }
    lap("analyse-unknown");
  }

  // Link ids are built on demand by the link records: only the links a result mentions pay for one.
  const linkTable = linkColumns(topology);
  const id = (item: number): string => (item < g.n ? g.nodeIds[item]! : linkTable.id(g.linkTopo[item - g.n]!));
  const mentioned = new Map<string, ItemRef>();
  const mention = (item: number): string => {
    const name = id(item);
    if (!mentioned.has(name)) {
      mentioned.set(name, item < g.n ? { type: "element", index: g.nodeElement[item]! } : { type: "link", index: g.linkTopo[item - g.n]! });
    }
    return name;
  };
  /** Ids of a sequence (a path): order kept. */
  const ids = (items: readonly number[]): string[] => items.map(mention);
  /** Ids of a set of items: sorted, for stable output. */
  const set = (items: readonly number[]): string[] => ids(items).sort();
  const byLevel = (items: readonly number[], want: number): string[] => set(items.filter((i) => level[i] === want));

  const pairs: PairResult[] = facts.map((f, i) => {
    const req = owners[i]!;
    const failures = queries[i]!.failures;
    const verdict = verdictOf(f, failures);
    const from = mention(f.s);
    const to = mention(f.t);
    const pair: PairResult = {
      flow: req.flow,
      from,
      to,
      verdict,
      failOn: req.failOn,
      passed: !atOrWorse(verdict, req.failOn),
      reachable: f.reachable,
      routed: f.routed && {
        metric: f.routed.metric,
        paths: f.routed.paths.map(ids),
        pathCount: f.routed.pathCount,
        items: set(f.routed.items),
        // What the verdict counted (the engine's mask: unknown included under `risky`), so a
        // routed-dirty pair always names what makes it so; unknownItems tells the unknown apart.
        riskyItems: set(f.routed.riskyItems),
        unknownItems: byLevel(withClosures(g, f.routed.items), UNKNOWN),
      },
      cleanAlternative: f.cleanAlternative && {
        metric: f.cleanAlternative.metric,
        path: ids(f.cleanAlternative.path),
        links: ids(f.cleanAlternative.links.map((l) => l + g.n)),
      },
      exposure: { items: set(f.exposure.items), count: f.exposure.count, approximate: f.exposure.approximate },
      failover: f.failover && {
        failures: f.failover.failures,
        dirtyAfter: f.failover.dirtyAfter.map((d) => ({
          failed: ids([d.failed[0]!])[0]!,
          ...(d.failed.length > 1 ? { alsoFailed: ids([d.failed[1]!])[0]! } : {}),
          riskyItems: set(d.riskyItems),
        })),
        disconnectedBy: set(f.failover.disconnectedBy.filter((set) => set.length === 1).map((set) => set[0]!)),
        ...(f.failover.failures >= 2
          ? { disconnectedByPair: f.failover.disconnectedBy.filter((set) => set.length === 2).map((set) => ids(set) as [string, string]) }
          : {}),
      },
      remediation: f.remediation && {
        items: set(f.remediation.items),
        cost: f.remediation.cost,
        measure: costs ? "replacementCost" : "count",
        ...(f.remediation.approximate ? { approximate: true as const } : {}),
      },
      diversity: f.diversity,
      ...(f.diversityApproximate ? { diversityApproximate: true as const } : {}),
      unknownItems: byLevel(unknownOn(g, f), UNKNOWN),
      waivedBy: [],
    };
    if (f.via.size > 0) {
      const via: Record<string, string[]> = {};
      const keys = [...f.via.keys()].map((k) => [mention(k), k] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      for (const [name, k] of keys) via[name] = set(f.via.get(k)!);
      pair.via = via;
    }
    const better = optimistic.get(i);
    if (better !== undefined && verdicts.indexOf(better) > verdicts.indexOf(verdict)) pair.verdictIfUnknownClean = better;
    if (req.location) pair.location = req.location;
    return pair;
  });

  // Waivers for clean-path: a failing pair passes when it would pass with the waived items clean.
  if (options.waived && options.waived.size > 0) {
    const waived = options.waived;
    const failing = pairs.map((p, i) => (p.passed ? -1 : i)).filter((i) => i >= 0);
    const flowWaived = failing.filter((i) => pairs[i]!.flow !== null && waived.has(pairs[i]!.flow!));
    for (const i of flowWaived) {
      pairs[i]!.passed = true;
      pairs[i]!.waivedBy = [waived.get(pairs[i]!.flow!)!];
    }
    const rest = failing.filter((i) => !flowWaived.includes(i));
    if (rest.length > 0) {
      const mask = maskOf(level, unknownRisky);
      let any = false;
      for (let item = 0; item < mask.length; item++) {
        if (mask[item] === 1 && waived.has(id(item))) {
          mask[item] = 0;
          any = true;
        }
      }
      if (any) {
        const again = analyzePairs(g, mask, rest.map((i) => queries[i]!), analysis);
        rest.forEach((i, k) => {
          const v = verdictOf(again[k]!, queries[i]!.failures);
          if (atOrWorse(v, pairs[i]!.failOn)) return;
          const f = facts[i]!;
          const involved = new Set([...(f.routed?.items ?? []), ...(f.routed?.riskyItems ?? []), ...f.exposure.items, ...(f.remediation?.items ?? []), ...(f.failover?.dirtyAfter.flatMap((d) => d.riskyItems) ?? [])]);
          pairs[i]!.passed = true;
          pairs[i]!.waivedBy = [...new Set([...involved].map(mention).filter((x) => waived.has(x)).map((x) => waived.get(x)!))].sort();
        });
      }
    }
    lap("analyse-waivers");
  }

  const findings = riskyEndpoints(topology, designation, pairs, unknownRisky);
  lap("results");
  return { pairs, findings, mentioned, graph: g };
}

/** Per graph item (nodes, then links): the designation level of the element or link behind it. */
function itemLevels(g: NetGraph, d: Designation): Uint8Array {
  const out = uint8Array(g.n + g.m);
  for (let u = 0; u < g.n; u++) out[u] = d.elements[g.nodeElement[u]!]!;
  for (let l = 0; l < g.m; l++) out[g.n + l] = d.links[g.linkTopo[l]!]!;
  return out;
}

function maskOf(level: Uint8Array, unknownRisky: boolean): RiskMask {
  const mask = new Uint8Array(level.length);
  for (let i = 0; i < level.length; i++) mask[i] = level[i] === HIGH || (unknownRisky && level[i] === UNKNOWN) ? 1 : 0;
  return mask;
}

/**
 * Replacement costs, when the topology gives one for every risky in-service item; otherwise
 * remediation counts items (mixing costs with "unknown" would compare numbers that mean nothing).
 */
function replacementCosts(g: NetGraph, topology: Topology, risky: RiskMask): CostVector | undefined {
  const costs = float64Array(g.n + g.m).fill(1);
  const links = linkColumns(topology);
  let any = false;
  for (let i = 0; i < g.n + g.m; i++) {
    if (risky[i] !== 1) continue;
    const cost = i < g.n ? topology.elements[g.nodeElement[i]!]!.replacementCost : links.fields(g.linkTopo[i - g.n]!).replacementCost;
    if (cost === undefined) return undefined;
    costs[i] = cost;
    any = true;
  }
  return any ? costs : undefined;
}

/** The items and everything they rest on (SPEC §4.1), each once; the items themselves when no closure exists. */
function withClosures(g: NetGraph, items: readonly number[]): readonly number[] {
  const c = g.closure;
  if (c === undefined) return items;
  const out = new Set<number>(items);
  for (const i of items) for (let k = c.start[i]!; k < c.start[i + 1]!; k++) out.add(c.items[k]!);
  return [...out];
}

/** Items a pair's verdict may depend on: routed (with closures), exposure (a superset of every simple path), failover. */
function unknownOn(g: NetGraph, f: PairFacts): number[] {
  const out = new Set<number>([...withClosures(g, f.routed?.items ?? []), ...f.exposure.items]);
  for (const d of f.failover?.dirtyAfter ?? []) for (const r of d.riskyItems) out.add(r);
  return [...out].sort((a, b) => a - b);
}

/**
 * Whether counting unknown items clean could give a better verdict: only when every item the
 * verdict rests on is unknown. A single high-risk item keeps it (so most pairs need no second
 * analysis).
 */
function couldImprove(f: PairFacts, verdict: Verdict, level: Uint8Array): boolean {
  const allUnknown = (items: readonly number[]): boolean => items.every((i) => level[i] !== HIGH);
  switch (verdict) {
    case "clean":
    case "unreachable":
      return false;
    case "dirty":
      return true; // a path through unknown items only may exist
    case "routed-dirty":
      return allUnknown(f.routed!.riskyItems);
    case "fragile":
      return f.failover!.dirtyAfter.every((d) => allUnknown(d.riskyItems));
    case "exposed":
      // The listed items are the first of the exact count; any high-risk one settles it.
      return allUnknown(f.exposure.items);
  }
}

/** A risky endpoint does not change a verdict but deserves its own finding (SPEC §2). */
function riskyEndpoints(topology: Topology, d: Designation, pairs: readonly PairResult[], unknownRisky: boolean): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const p of pairs) {
    for (const end of [p.from, p.to]) {
      if (seen.has(end)) continue;
      seen.add(end);
      const i = topology.elementIndex.get(end)!;
      const lvl = d.elements[i]!;
      if (lvl !== HIGH && !(unknownRisky && lvl === UNKNOWN)) continue;
      const el = topology.elements[i]!;
      const why = lvl === HIGH ? d.reasons("element", i).map((r) => `${r.kind} ${r.value}`).join(", ") : `vendor ${el.vendor ?? "not given"} is unknown`;
      out.push({
        rule: "risky-endpoint",
        kind: "risky-endpoint",
        level: "warning",
        message: `endpoint \`${end}\` is itself ${lvl === HIGH ? "high-risk" : "of unknown vendor"} (${why}); path verdicts leave endpoints out, so replace or waive it separately`,
        items: [end],
        location: el.location,
        advisory: true,
      });
    }
  }
  return out;
}
