import type { SourceLocation } from "./diagnostics.js";

/** Worst first (SPEC §3). */
export const verdicts = ["unreachable", "dirty", "routed-dirty", "fragile", "exposed", "clean"] as const;
export type Verdict = (typeof verdicts)[number];

/** True when `v` is `threshold` or worse. */
export function atOrWorse(v: Verdict, threshold: Verdict): boolean {
  return verdicts.indexOf(v) <= verdicts.indexOf(threshold);
}

/** An item's operators (one id or a list, SPEC §4) as a list; empty without any. */
export function operatorList(op: string | readonly string[] | undefined): readonly string[] {
  return op === undefined ? [] : typeof op === "string" ? [op] : op;
}

/** An item's operators for people: "altan", "altan, telmex"; undefined without any. */
export function operatorText(op: string | readonly string[] | undefined): string | undefined {
  return op === undefined ? undefined : typeof op === "string" ? op : op.join(", ");
}

export type Level = "error" | "warning" | "note";

/** Per-item risk levels, as stored in a designation's byte arrays. */
export const CLEAN = 0;
export const HIGH = 1;
export const UNKNOWN = 2;

/** What a reader needs to know of every item's risk (a designation is one). */
export interface ItemRisks {
  /** Per element / link of the topology: CLEAN, HIGH or UNKNOWN. */
  readonly elements: Uint8Array;
  readonly links: Uint8Array;
  reasons(kind: "element" | "link", index: number): readonly Reason[];
  /** Registry id the item's vendor resolves to at its install date (or the as-of date). */
  vendorId(kind: "element" | "link", index: number): string | undefined;
}

/** Why an item is high-risk (or unknown), always naming its source. */
export interface Reason {
  kind: "vendor" | "component" | "operator" | "jurisdiction" | "tag" | "explicit" | "unknown-vendor" | "underlay";
  /** The vendor, operator, country or tag that triggered it. */
  value: string;
  /** Human-readable source: "FCC Covered List, added 2021-03-12". */
  source: string;
  /** Designation list or profile id, when the reason comes from one. */
  list?: string;
  date?: string;
  /** Set when the underlying fact is flagged as unverified in the built-in data. */
  confidence?: "unverified";
  /** How the written vendor reached the designated one ("HiSilicon: subsidiary of huawei"). */
  via?: string;
}

export interface ItemInfo {
  type: "element" | "link";
  name?: string;
  role?: string;
  /** Vendor as written. */
  vendor?: string;
  /** Registry id the vendor resolved to (at the item's install date). */
  vendorId?: string;
  /** Operator id as written, or the list when the item has several (SPEC §4). */
  operator?: string | string[];
  site?: string;
  /** Link ends. */
  a?: string;
  b?: string;
  medium?: string;
  risk: "high" | "unknown" | "clean";
  reasons: Reason[];
  /**
   * Everything the item rests on (its closure, SPEC §4.1), depth first in written order; present
   * only when the item has an underlay. Each id is also in the items table.
   */
  closure?: string[];
  location: SourceLocation;
}

export interface Citation {
  title: string;
  date?: string;
  url?: string;
  confidence?: "unverified";
}

export interface RoutedResult {
  metric: number;
  /** Distinct element-id sequences from `from` to `to`, at most a few. */
  paths: string[][];
  /** How many distinct ECMP paths there are (the list above may be shorter). */
  pathCount: number;
  /** Every item (elements other than the endpoints, and links) on at least one routed path. */
  items: string[];
  /**
   * The items among `items` that count as risky under the active unknown-vendor mode: high-risk
   * ones, and under `risky` the unknown ones too (never under `clean`).
   */
  riskyItems: string[];
  /** The items among `items` of unknown vendor, in either mode (under `risky`, also in `riskyItems`). */
  unknownItems: string[];
}

export interface FailoverResult {
  failures: number;
  /** Failures after which the re-routed paths touch a risky item (as `RoutedResult.riskyItems` counts them). */
  dirtyAfter: { failed: string; alsoFailed?: string; riskyItems: string[] }[];
  disconnectedBy: string[];
  /** Pairs of failures that disconnect (only with failures = 2). */
  disconnectedByPair?: [string, string][];
}

export interface PairResult {
  /** Flow id, or null for an ad-hoc `--from/--to` pair. */
  flow: string | null;
  from: string;
  to: string;
  verdict: Verdict;
  /** Present only when treating unknown items as clean would give a better verdict. */
  verdictIfUnknownClean?: Verdict;
  failOn: Verdict;
  passed: boolean;
  reachable: boolean;
  routed: RoutedResult | null;
  cleanAlternative: { metric: number; path: string[]; links: string[] } | null;
  /** Risky items (as `RoutedResult.riskyItems` counts them) on some simple path between the ends. */
  exposure: { items: string[]; count: number; approximate: boolean };
  failover: FailoverResult | null;
  /** `approximate: true` (present only then) when minimality could not be proven; the set always works. */
  remediation: { items: string[]; cost: number; measure: "count" | "replacementCost"; approximate?: true } | null;
  diversity: number;
  /** Present (true) only when `diversity` is a proven lower bound rather than the exact count (SPEC §4.1). */
  diversityApproximate?: true;
  /**
   * Present only when some listed risky item is in the closure of one of the pair's path items:
   * underlay item → ids of the path items that ride on it, sorted (SPEC §4.1).
   */
  via?: Record<string, string[]>;
  /** Unknown items that this pair's verdict depends on. */
  unknownItems: string[];
  waivedBy: string[];
  location?: SourceLocation;
}

export interface Finding {
  /** Rule id from the policy, or a built-in check: `risky-endpoint`, `waiver-expired`, … */
  rule: string;
  /** Rule kind: forbid, cap, diversity, deadline, noNewAfter, or the built-in check name. */
  kind: string;
  level: Level;
  message: string;
  items: string[];
  location?: SourceLocation;
  /** The regulation the rule comes from. */
  source?: Citation;
  waived?: boolean;
  waivedBy?: string;
  /** Never fails a run, whatever `--fail-on` (a risky endpoint: path verdicts leave endpoints out). */
  advisory?: boolean;
  /** Figures behind the message (share, cap, items to remove, days left…). */
  details?: Record<string, string | number | boolean | string[]>;
}

export interface RuleResult {
  id: string;
  kind: string;
  /** The profile id or policy file the rule comes from. */
  origin?: string;
  level: Level;
  passed: boolean;
  /** False when the rule could not be checked (e.g. no site has coordinates). */
  checked: boolean;
  description: string;
  source?: Citation;
  location?: SourceLocation;
  findings: number;
}

export interface DesignationSummary {
  /** Where the designation came from: "default" or the policy files and profiles. */
  origin: string;
  description: string;
  vendors: string[];
  lists: string[];
  operators: string[];
  jurisdictions: string[];
  tags: string[];
  components: boolean;
  unknownVendor: "risky" | "clean";
  includePassive: boolean;
}

export interface AuditSummary {
  pairs: number;
  failedPairs: number;
  failedRules: number;
  byVerdict: Partial<Record<Verdict, number>>;
  findings: { error: number; warning: number; note: number; waived: number };
  /** Whether everything checked passes: `decide()` of this result at `failOnLevel`. */
  passed: boolean;
  /** The finding level that fails the run, when it is not `error` (`--fail-on warning`). */
  failOnLevel?: "error" | "warning";
}

/** The network as a whole, so that reports can chart it from a saved result alone. */
export interface Inventory {
  /** In-service elements and links. */
  elements: number;
  links: number;
  /** In-service elements designated high-risk, and of unknown vendor. */
  high: number;
  unknown: number;
  /** In-service elements per role, then per vendor (registry id, or the name as written when unknown; "(none)" without one). */
  vendorsByRole: Record<string, Record<string, number>>;
  /** The same per operator ("(none)" for elements without one). */
  vendorsByOperator: Record<string, Record<string, number>>;
  /**
   * Sites with coordinates and what stands there (in service): at most 5,000, those with
   * high-risk equipment first, then those with equipment of unknown vendor, then clean ones,
   * each group by id.
   */
  sites: { id: string; name?: string; country?: string; lat: number; lon: number; elements: number; high: number; unknown: number }[];
  /** Sites with coordinates in the topology (more than `sites` lists when it is capped). */
  sitesLocated?: number;
}

/** The contract: what `--format json` prints, what every other reporter reads. */
export interface AuditResult {
  cleanpath: 1;
  tool: { name: "cleanpath"; version: string };
  generatedAt: string;
  inputs: { file: string; sha256: string }[];
  asOf: string;
  designation: DesignationSummary;
  summary: AuditSummary;
  pairs: PairResult[];
  rules: RuleResult[];
  items: Record<string, ItemInfo>;
  findings: Finding[];
  inventory: Inventory;
}

/** Counts of what fails, before or after a plan (SPEC §7.1). */
export interface PlanTally {
  /** Pairs that fail their threshold (each counted once, unweighted). */
  failedPairs: number;
  /** Sum of the failing pairs' flow `weight` (1 for ad-hoc pairs). */
  failedWeight: number;
  failedRules: number;
  byVerdict: Partial<Record<Verdict, number>>;
}

/** One item a plan replaces. */
export interface PlanItem {
  id: string;
  type: "element" | "link";
  /** The vendor as written (absent when the item has none: an unknown element). */
  vendor?: string;
  role?: string;
  site?: string;
  operator?: string | string[];
  /** `replacementCost` (or `--default-cost`); 1 with `--by count`. */
  cost: number;
  /** Name of the phase it goes in (one of `PlanResult.phases`). */
  phase: string;
  /** What replacing it helps fix: pairs ([from, to], sorted), the flows those pairs belong to (ids, sorted) and rule ids (sorted). */
  fixes: { pairs: [string, string][]; flows: string[]; rules: string[] };
  location?: SourceLocation;
}

export interface PlanPhase {
  /** A deadline rule's id, "flows" or "other". */
  name: string;
  /** The deadline (YYYY-MM-DD), null for "flows" and "other". */
  by: string | null;
  /** The citation of the dated rule the phase is named after, when it has one. */
  source?: Citation;
  items: string[];
  cost: number;
  cumulativeCost: number;
}

/** A check that still fails with every candidate replaced: no plan can fix it. */
export interface PlanUnfixable {
  kind: "pair" | "rule";
  /** Rule id (kind rule). */
  id?: string;
  /** Pair ends (kind pair) and the flow they come from (null for an ad-hoc pair). */
  from?: string;
  to?: string;
  flow?: string | null;
  why: string;
}

/** A pair the plan leaves failing for want of budget (never an unfixable one). */
export interface PlanLeftFailing {
  kind: "pair" | "rule";
  id?: string;
  from?: string;
  to?: string;
  flow?: string | null;
  verdict?: Verdict;
}

/** A pair's verdict before and after the plan: every pair that failed before. */
export interface PlanPairChange {
  flow: string | null;
  from: string;
  to: string;
  failOn: Verdict;
  weight: number;
  before: Verdict;
  after: Verdict;
  passedAfter: boolean;
}

/** The contract of `cleanpath plan --format json` (schemas/plan.schema.json, SPEC §7.1). */
export interface PlanResult {
  cleanpath: 1;
  kind: "plan";
  tool: { name: "cleanpath"; version: string };
  generatedAt: string;
  inputs: { file: string; sha256: string }[];
  asOf: string;
  /** What counts as high-risk: the designation the plan replaces against (as in an audit result). */
  designation: DesignationSummary;
  objective: "cost" | "count";
  /** True only when the solver proved the plan optimal (for the budget's lexicographic goal too). */
  optimal: boolean;
  totalCost: number;
  /** A proven lower bound on the optimal total cost (equals totalCost when optimal). */
  lowerBound: number;
  /** (totalCost − lowerBound) / totalCost, 0 when optimal or when totalCost is 0. */
  gap: number;
  budget: number | null;
  replaceWith: string;
  items: PlanItem[];
  phases: PlanPhase[];
  before: PlanTally;
  after: PlanTally;
  /** Every pair failing before, with its verdict after (sorted by flow, from, to). */
  pairs: PlanPairChange[];
  unfixable: PlanUnfixable[];
  /** Checks fixable in principle but left failing: for want of budget, or because they cannot all hold together. */
  leftFailing: PlanLeftFailing[];
  /** Whether, after the plan, every check passes (the exit code: 0 when true). */
  passed: boolean;
  /** Size of the optimisation problem, before and after reduction, and how it was solved. */
  model: {
    candidates: number;
    forced: number;
    variables: number;
    constraints: number;
    reducedFrom: { items: number; links: number };
    reducedTo: { nodes: number; arcs: number };
    solver: "highs" | "none";
    iterations?: number;
  };
  /** Items referenced by `items` and `pairs` (the audit's table), for reports. */
  itemInfo?: Record<string, ItemInfo>;
}
