/** The policy keys of a file (SPEC §5) as written: the shape built-in profiles are written in too. */
import type { Selector } from "./selector.js";
import type { Source } from "./types.js";

/** Written share: "35%" or a fraction 0..1. */
export type Share = string | number;

/** Who counts as high-risk (SPEC §5 `risk`). */
export interface RiskDeclaration {
  vendors?: string[];
  lists?: string[];
  operators?: string[];
  jurisdictions?: string[];
  tags?: string[];
  components?: boolean;
  unknownVendor?: "risky" | "clean";
  includePassive?: boolean;
}

/** Scope of a rule: a selector object (see SPEC §4); absent means every element. */
export type Scope = Exclude<Selector, string>;

export interface ForbidRule {
  /** High-risk items are forbidden in these roles… */
  role?: string | string[];
  /** …at sites with any of these tags… */
  siteTag?: string | string[];
  /** …in these countries or regions… */
  country?: string | string[];
  region?: string | string[];
  /** …within `withinKm` of sites matching `near`… */
  near?: Scope;
  withinKm?: number;
  /** …or within `km` of a country's border. */
  withinKmOfCountry?: { country: string; km: number };
  /** Limit the rule to part of the network. */
  scope?: Scope;
}

export interface CapRule {
  scope?: Scope;
  /** Highest allowed share of high-risk items; met when the share is at most this. */
  max: Share;
  per?: "network" | "operator" | "region" | "site" | "country";
  measure?: "count" | "weight";
}

export interface DiversityRule {
  scope?: Scope;
  maxVendorShare: Share;
  per?: "network" | "operator" | "region" | "site" | "country";
  measure?: "count" | "weight";
}

export interface DeadlineRule {
  scope?: Scope;
  /** After this day no high-risk item may remain in scope. */
  by: string;
}

export interface NoNewAfterRule {
  scope?: Scope;
  /** No high-risk item in scope may be installed after this day. */
  date: string;
}

/** One rule: an id, optional metadata, and exactly one of the rule kinds. */
export interface RuleDeclaration {
  id: string;
  description?: string;
  level?: "error" | "warning";
  /** The regulation the rule implements. */
  source?: Source;
  /**
   * First day (inclusive, judged by `--as-of`) the rule is checked; before it the rule does not
   * apply. Expresses a regulation's "by DATE" for caps and placement rules (a 35% cap "by
   * 2023-10-31" is written `from: 2023-11-01`). Deadline and noNewAfter rules carry their own day.
   */
  from?: string;
  forbid?: ForbidRule;
  cap?: CapRule;
  diversity?: DiversityRule;
  deadline?: DeadlineRule;
  noNewAfter?: NoNewAfterRule;
}

export interface WaiverDeclaration {
  /** An item id (element or link). */
  target: string;
  /** Rule ids the waiver covers; `clean-path` covers flow verdicts. */
  rules: string[];
  reason: string;
  expires?: string;
}

/** The policy keys of a file (SPEC §5), as written. */
export interface PolicyDocument {
  extends?: string[];
  risk?: RiskDeclaration;
  rules?: RuleDeclaration[];
  waivers?: WaiverDeclaration[];
}

/** A built-in regulatory profile: a policy plus what it is and where it comes from. */
export interface Profile {
  id: string;
  title: string;
  jurisdiction: string;
  summary: string;
  sources: Source[];
  policy: PolicyDocument;
}
