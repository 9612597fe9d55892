import type { Finding } from "../../result.js";
import type { SourceLocation } from "../../diagnostics.js";
import type { Topology } from "../../topology/types.js";
import type { Designation } from "../designation.js";
import type { CountryBoundaries } from "../geo/atlas.js";
import type { VendorRegistry } from "../../vendors/registry.js";
import type { RuleDeclaration } from "../types.js";
import type { RuleEnv } from "./env.js";

/** Names of the rule kinds: the keys of a rule declaration that carry its body. */
export type RuleKindName = "forbid" | "cap" | "diversity" | "deadline" | "noNewAfter";

/** A rule as the policy layer hands it over: where it was written and which policy it came from. */
export type ResolvedRule = RuleDeclaration & {
  location?: SourceLocation;
  /** Profile id or policy file the rule comes from. */
  origin: string;
};

/** What the rules look at. Pure data: the same context gives the same results. */
export interface RuleContext {
  topology: Topology;
  registry: VendorRegistry;
  designation: Designation;
  /** YYYY-MM-DD: the day `from`, deadlines and decommission dates are judged on. */
  asOf: string;
  /** Boundaries for `withinKmOfCountry`; default: Natural Earth 1:50m from world-atlas. */
  countries?: CountryBoundaries;
  /** Receives the time of the shared setup ("rules:setup") and of each rule ("rule:ID"), for CLEANPATH_TIMINGS. */
  timings?: { clock: () => number; record: (phase: string, ms: number) => void };
}

/** The outcome of one rule: findings, and whether it passed and could be checked at all. */
export interface RuleOutcome {
  passed: boolean;
  checked: boolean;
  findings: Finding[];
}

/** One rule kind: how to describe, validate and check a declaration of it. */
export interface RuleKind<B> {
  /** Plain words for the rule when the declaration has no description. */
  describe(body: B): string;
  /** Problems a schema cannot see (unknown country, bad share, missing pair of keys). */
  problems(body: B, countries: CountryBoundaries): string[];
  check(body: B, rule: ResolvedRule, env: RuleEnv): RuleOutcome;
}

/** Every kind's body type, by name. */
export type RuleBodies = { [K in RuleKindName]: NonNullable<RuleDeclaration[K]> };
