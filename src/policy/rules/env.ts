import type { Finding, Level } from "../../audit/result.js";
import { selectorPredicate } from "../../topology/select.js";
import type { Element, Site, Topology } from "../../topology/types.js";
import { type Designation, HIGH, UNKNOWN } from "../designation.js";
import type { CountryBoundaries } from "../geo/atlas.js";
import type { Scope } from "../types.js";
import { citationOf } from "./common.js";
import type { ResolvedRule, RuleContext, RuleKindName } from "./types.js";

/** How an element counts for rules. */
export const RULE_CLEAN = 0;
/** Designated, or unknown with `unknownVendor: risky`. */
export const RULE_RISKY = 1;
/** Unknown with `unknownVendor: clean`: not counted, but mentioned. */
export const RULE_UNKNOWN = 2;

export type GroupBy = "network" | "operator" | "region" | "site" | "country";

/** Group of every element under one `per`, interned: `of[i]` indexes `keys`. */
export interface Grouping {
  keys: string[];
  of: Int32Array;
}

/**
 * Everything the rule kinds share, computed once per run: which elements are present on the
 * as-of day, how each counts for rules, site of each element, scope masks and groupings
 * (cached, since profiles repeat scopes). Checks then are plain loops over typed arrays.
 */
export class RuleEnv {
  readonly topology: Topology;
  readonly designation: Designation;
  readonly asOf: string;
  readonly countries: CountryBoundaries;
  readonly elements: readonly Element[];
  readonly sites: readonly Site[];
  /** Site index of each element, -1 without a site. */
  readonly siteOf: Int32Array;
  /** 1 when the element is in service and not decommissioned on or before the as-of day. */
  readonly present: Uint8Array;
  /** RULE_CLEAN, RULE_RISKY or RULE_UNKNOWN per element. */
  readonly risk: Uint8Array;
  /** 1 when the element counts in shares: present, and not passive (unless passive items are designated too). */
  readonly counted: Uint8Array;
  private readonly ctx: RuleContext;
  private readonly scopes = new Map<string, Uint8Array>();
  private readonly groupings = new Map<GroupBy, Grouping>();

  constructor(ctx: RuleContext, countries: CountryBoundaries) {
    this.ctx = ctx;
    this.topology = ctx.topology;
    this.designation = ctx.designation;
    this.asOf = ctx.asOf;
    this.countries = countries;
    this.elements = ctx.topology.elements;
    this.sites = [...ctx.topology.sites.values()];
    const siteIndex = new Map(this.sites.map((s, i) => [s.id, i]));
    const n = this.elements.length;
    this.siteOf = new Int32Array(n);
    this.present = new Uint8Array(n);
    this.risk = new Uint8Array(n);
    this.counted = new Uint8Array(n);
    const riskyUnknown = ctx.designation.spec.unknownVendor === "risky";
    const includePassive = ctx.designation.spec.includePassive;
    const levels = ctx.designation.elements;
    for (let i = 0; i < n; i++) {
      const el = this.elements[i]!;
      this.siteOf[i] = el.site === undefined ? -1 : (siteIndex.get(el.site) ?? -1);
      const present = el.state === "in-service" && !this.goneBy(el, this.asOf);
      this.present[i] = present ? 1 : 0;
      this.counted[i] = present && (includePassive || !el.passive) ? 1 : 0;
      const level = levels[i];
      this.risk[i] = level === HIGH ? RULE_RISKY : level === UNKNOWN ? (riskyUnknown ? RULE_RISKY : RULE_UNKNOWN) : RULE_CLEAN;
    }
  }

  /** True when the element's decommission date is on or before `day`. */
  goneBy(el: Element, day: string): boolean {
    return el.decommission !== undefined && el.decommission <= day;
  }

  /** Per element, 1 when it is inside the scope (absent scope: every element). Cached by value. */
  scopeMask(scope: Scope | undefined): Uint8Array {
    const key = scope === undefined ? "" : JSON.stringify(scope);
    let mask = this.scopes.get(key);
    if (!mask) {
      mask = new Uint8Array(this.elements.length);
      if (scope === undefined) mask.fill(1);
      else {
        const pred = selectorPredicate(this.topology, this.ctx.registry, scope);
        for (let i = 0; i < mask.length; i++) mask[i] = pred(this.elements[i]!) ? 1 : 0;
      }
      this.scopes.set(key, mask);
    }
    return mask;
  }

  /** Every element's group under `per`; elements without the attribute share the group "(none)". */
  grouping(per: GroupBy): Grouping {
    let g = this.groupings.get(per);
    if (g) return g;
    const keys: string[] = [];
    const index = new Map<string, number>();
    const of = new Int32Array(this.elements.length);
    for (let i = 0; i < of.length; i++) {
      const key = this.groupKey(i, per) ?? "(none)";
      let k = index.get(key);
      if (k === undefined) {
        k = keys.length;
        keys.push(key);
        index.set(key, k);
      }
      of[i] = k;
    }
    g = { keys, of };
    this.groupings.set(per, g);
    return g;
  }

  private groupKey(i: number, per: GroupBy): string | undefined {
    const el = this.elements[i]!;
    const site = this.siteOf[i]! >= 0 ? this.sites[this.siteOf[i]!] : undefined;
    switch (per) {
      case "network":
        return "network";
      case "operator":
        return el.operator;
      case "site":
        return el.site;
      case "region":
        return site?.region;
      case "country":
        return site?.country;
    }
  }

  /** Why the element counts as high-risk (or is unknown), in a few words with the source. */
  reasonText(i: number): string {
    const reasons = this.designation.reasons("element", i);
    const first = reasons[0];
    if (!first) return "high-risk";
    const more = reasons.length > 1 ? `; +${reasons.length - 1} more` : "";
    if (first.kind === "unknown-vendor") {
      const counted = this.risk[i] === RULE_RISKY ? "counted as high-risk (--unknown-vendor risky)" : "counted as clean (--unknown-vendor clean)";
      return `${first.value === "(no vendor)" ? "no vendor given" : `vendor \`${first.value}\` not in the registry`}: ${counted}${more}`;
    }
    const via = first.via ? `, ${first.via}` : "";
    return `${first.kind} ${first.value}${via}: ${first.source}${more}`;
  }

  /** The registry id of the element's vendor, or "unknown". */
  vendorOf(i: number): string {
    return this.designation.vendorId("element", i) ?? "unknown";
  }

  /** A finding of `rule`, with its kind, the given level and the rule's citation. */
  finding(rule: ResolvedRule, kind: RuleKindName, level: Level, message: string, items: string[], extra: Partial<Finding> = {}): Finding {
    const f: Finding = { rule: rule.id, kind, level, message, items };
    const location = extra.location ?? rule.location;
    if (location) f.location = location;
    if (rule.source) f.source = citationOf(rule.source);
    if (extra.details) f.details = extra.details;
    return f;
  }

  /**
   * The note that keeps unknown items visible when `unknownVendor: clean` leaves them out of a
   * rule: which ones would have counted, and that they did not.
   */
  unknownNote(rule: ResolvedRule, kind: RuleKindName, items: readonly number[], what: string): Finding {
    const ids = items.map((i) => this.elements[i]!.id);
    return this.finding(rule, kind, "note", `${ids.length === 1 ? "1 element" : `${ids.length} elements`} with an unknown vendor, counted as clean (--unknown-vendor clean): ${what}`, ids, {
      location: rule.location ?? this.elements[items[0]!]!.location,
      details: { unknown: ids.length },
    });
  }

  /** The rule's own level for violations (default error). */
  levelOf(rule: ResolvedRule): Level {
    return rule.level ?? "error";
  }
}
