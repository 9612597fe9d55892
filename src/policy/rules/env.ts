import type { Citation, Finding, Level, Reason } from "../../result.js";
import { interner } from "../../intern.js";
import { operatorIn, selectorPredicate } from "../../topology/select.js";
import { type Element, type Link, roles, type Site, selectorKeys, type Topology } from "../../topology/types.js";
import { type Designation, HIGH, UNKNOWN } from "../designation.js";
import type { CountryBoundaries } from "../geo/atlas.js";
import type { Scope } from "../types.js";
import { citationOf, firstIn, listOf } from "./common.js";
import type { ResolvedRule, RuleContext, RuleKindName } from "./types.js";
import { BELOW_DOWN, BELOW_UP, itemAt, itemReasons, type Lift, liftOverUnderlay, type UnderlayView } from "./underlay.js";

/** How an element counts for rules. */
export const RULE_CLEAN = 0;
/** Designated, or unknown with `unknownVendor: risky`. */
export const RULE_RISKY = 1;
/** Unknown with `unknownVendor: clean`: not counted, but mentioned. */
export const RULE_UNKNOWN = 2;

export type GroupBy = "network" | "operator" | "region" | "site" | "country";

/**
 * Group of every element under one `per`, interned: `of[i]` indexes `keys`. An element in several
 * groups (shared by several operators; for vendors, resting on another vendor's high-risk items)
 * has them all in `more`, `of[i]` first.
 */
export interface Grouping {
  keys: string[];
  of: Int32Array;
  more?: ReadonlyMap<number, readonly number[]>;
}

/** How many groups an element is in, given its entry `m = g.more?.get(i)` (loops stay allocation-free). */
export function groupCount(m: readonly number[] | undefined): number {
  return m === undefined ? 1 : m.length;
}

/** The k-th group of element `i` (`m` as for groupCount). */
export function groupAt(g: Grouping, i: number, m: readonly number[] | undefined, k: number): number {
  return m === undefined ? g.of[i]! : m[k]!;
}

/**
 * The per-element arrays of a RuleEnv, in one pass with everything in locals (this loop runs
 * once per element of the network, often still in the interpreter on a CLI's first call).
 * With an underlay, levels are the lifted ones, and an element stands only as well as what it
 * rests on: out of service (or decommissioned) beneath it puts it out, planned beneath it makes
 * it planned.
 */
function elementArrays(ctx: RuleContext, sites: readonly Site[], view: UnderlayView | undefined) {
  const elements = ctx.topology.elements;
  const n = elements.length;
  const siteIndex = new Map<string, number>();
  for (let k = 0; k < sites.length; k++) siteIndex.set(sites[k]!.id, k);
  const siteOf = new Int32Array(n);
  const present = new Uint8Array(n);
  const standing = new Uint8Array(n);
  const risk = new Uint8Array(n);
  const counted = new Uint8Array(n);
  const unknownAs = ctx.designation.spec.unknownVendor === "risky" ? RULE_RISKY : RULE_UNKNOWN;
  const includePassive = ctx.designation.spec.includePassive;
  const levels = view ? view.levels : ctx.designation.elements;
  const below = view?.below;
  const up = view?.up;
  const asOf = ctx.asOf;
  // Files list elements site by site: remembering the last site skips most look-ups.
  let lastSite: string | undefined;
  let lastIndex = -1;
  let flaggedCount = 0;
  for (let i = 0; i < n; i++) {
    const el = elements[i]!;
    const site = el.site;
    if (site !== lastSite) {
      lastSite = site;
      lastIndex = site === undefined ? -1 : (siteIndex.get(site) ?? -1);
    }
    siteOf[i] = lastIndex;
    const gone = el.decommission !== undefined && el.decommission <= asOf;
    const b = below ? below[i]! : BELOW_UP;
    if (el.state === "in-service" && !gone && b === BELOW_UP && (!up || up[i] === 1)) {
      present[i] = 1;
      if (includePassive || !el.passive) counted[i] = 1;
    }
    if (el.state !== "out-of-service" && !gone && b !== BELOW_DOWN) standing[i] = 1;
    const level = levels[i];
    const r = level === HIGH ? RULE_RISKY : level === UNKNOWN ? unknownAs : RULE_CLEAN;
    risk[i] = r;
    if (r !== RULE_CLEAN) flaggedCount++;
  }
  const flagged = new Int32Array(flaggedCount);
  for (let i = 0, k = 0; i < n; i++) if (risk[i] !== RULE_CLEAN) flagged[k++] = i;
  return { siteOf, present, standing, risk, counted, flagged };
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
  /** 1 when the element is in service and not decommissioned on or before the as-of day (nor what it rests on). */
  readonly present: Uint8Array;
  /** 1 when the element is in service or planned, and not decommissioned on or before the as-of day (nor what it rests on): what deadlines see. */
  readonly standing: Uint8Array;
  /** RULE_CLEAN, RULE_RISKY or RULE_UNKNOWN per element, over the underlay (SPEC §4.1). */
  readonly risk: Uint8Array;
  /** 1 when the element counts in shares: present, and not passive (unless passive items are designated too). */
  readonly counted: Uint8Array;
  /** Indices of the elements that are not RULE_CLEAN, ascending: what forbid and the date rules look at. */
  readonly flagged: Int32Array;
  /** Elements that count as high-risk (or unknown) only through what they rest on. */
  readonly lifts: ReadonlyMap<number, Lift>;
  private readonly ctx: RuleContext;
  private readonly scopes = new Map<string, Uint8Array>();
  private readonly groupings = new Map<GroupBy, Grouping>();
  private readonly reasonTexts = new Map<Reason, string>();
  private vendorGrouping: Grouping | undefined;
  private roleCode: Uint8Array | undefined;
  private readonly roleIndex = new Map<string, number>(roles.map((r, k) => [r, k]));
  private readonly citations = new Map<ResolvedRule, Citation>();

  constructor(ctx: RuleContext, countries: CountryBoundaries) {
    this.ctx = ctx;
    this.topology = ctx.topology;
    this.designation = ctx.designation;
    this.asOf = ctx.asOf;
    this.countries = countries;
    this.elements = ctx.topology.elements;
    this.sites = [...ctx.topology.sites.values()];
    const view = liftOverUnderlay(ctx.topology, ctx.designation, ctx.asOf);
    this.lifts = view?.lifts ?? new Map();
    const a = elementArrays(ctx, this.sites, view);
    this.siteOf = a.siteOf;
    this.present = a.present;
    this.standing = a.standing;
    this.risk = a.risk;
    this.counted = a.counted;
    this.flagged = a.flagged;
  }

  /** Per element, 1 when it is inside the scope (absent scope: every element). Cached by value. */
  scopeMask(scope: Scope | undefined): Uint8Array {
    const key = scope === undefined ? "" : JSON.stringify(scope);
    let mask = this.scopes.get(key);
    if (!mask) {
      mask = scope === undefined ? new Uint8Array(this.elements.length).fill(1) : this.buildScope(scope);
      this.scopes.set(key, mask);
    }
    return mask;
  }

  /**
   * The selector of topology/select.ts, one key at a time over arrays: site attributes are
   * looked up once per site, not once per element. Vendors go through the shared predicate
   * (registry look-ups are cached there). A test checks both agree.
   */
  private buildScope(scope: Scope): Uint8Array {
    const n = this.elements.length;
    const mask = new Uint8Array(n).fill(1);
    const keep = (test: (el: Element, i: number) => boolean): void => {
      for (let i = 0; i < n; i++) if (mask[i] && !test(this.elements[i]!, i)) mask[i] = 0;
    };
    const bySite = (test: (s: Site) => boolean): void => {
      const ok = Uint8Array.from(this.sites, (s) => (test(s) ? 1 : 0));
      keep((_, i) => this.siteOf[i]! >= 0 && ok[this.siteOf[i]!] === 1);
    };
    for (const key of selectorKeys) {
      const values = listOf(scope[key]);
      if (!values) continue;
      const set = new Set(values);
      switch (key) {
        case "id":
          keep((el) => set.has(el.id));
          break;
        case "role": {
          // Roles are few: one pass codes them, then every role scope is a pass over bytes.
          const codes = this.roleCodes();
          const wanted = new Uint8Array(roles.length + 1);
          for (const r of set) wanted[this.roleIndex.get(r) ?? roles.length] = 1;
          for (let i = 0; i < n; i++) if (mask[i] && !wanted[codes[i]!]) mask[i] = 0;
          break;
        }
        case "operator":
          keep((el) => operatorIn(el.operator, set));
          break;
        case "site":
          keep((el) => el.site !== undefined && set.has(el.site));
          break;
        case "country": {
          const upper = new Set(values.map((v) => v.toUpperCase()));
          bySite((s) => s.country !== undefined && upper.has(s.country));
          break;
        }
        case "region":
          bySite((s) => s.region !== undefined && set.has(s.region));
          break;
        case "tag": {
          // An element's own tags and the tags of its site.
          const siteTagged = Uint8Array.from(this.sites, (s) => (firstIn(s.tags, set) !== undefined ? 1 : 0));
          keep((el, i) => (this.siteOf[i]! >= 0 && siteTagged[this.siteOf[i]!] === 1) || firstIn(el.tags, set) !== undefined);
          break;
        }
        case "vendor": {
          const pred = selectorPredicate(this.topology, this.ctx.registry, { vendor: values });
          keep((el) => pred(el));
          break;
        }
      }
    }
    return mask;
  }

  /**
   * Every element's group under `per`; elements without the attribute share the group
   * "(none)". Site-based groups are keyed once per site, then copied to its elements.
   */
  grouping(per: GroupBy): Grouping {
    let g = this.groupings.get(per);
    if (g) return g;
    const names = interner();
    const keys = names.names;
    const intern = (key: string | undefined): number => names.of(key ?? "(none)");
    const n = this.elements.length;
    const of = new Int32Array(n);
    if (per === "network") {
      if (n > 0) intern("network");
    } else if (per === "operator") {
      // A shared item (a shared RAN site, a consortium cable) counts for each of its operators.
      let more: Map<number, number[]> | undefined;
      for (let i = 0; i < n; i++) {
        const op = this.elements[i]!.operator;
        if (typeof op === "string" || op === undefined) of[i] = intern(op);
        else {
          const ks = [...new Set(op.map((o) => intern(o)))];
          of[i] = ks[0]!;
          if (ks.length > 1) (more ??= new Map()).set(i, ks);
        }
      }
      g = more ? { keys, of, more } : { keys, of };
      this.groupings.set(per, g);
      return g;
    } else {
      // Per site the site's own index is the group (sites are unique): no look-ups at all.
      const siteGroup = per === "site" ? Int32Array.from(this.sites, (s, k) => (keys.push(s.id), k)) : Int32Array.from(this.sites, (s) => intern(per === "region" ? s.region : s.country));
      let none = -1;
      for (let i = 0; i < n; i++) {
        const s = this.siteOf[i]!;
        of[i] = s >= 0 ? siteGroup[s]! : none >= 0 ? none : (none = intern(undefined));
      }
    }
    g = { keys, of };
    this.groupings.set(per, g);
    return g;
  }

  /** Why the element counts as high-risk (or is unknown), in a few words with the source. */
  reasonText(i: number): string {
    const lift = this.lifts.get(i);
    if (lift) {
      const more = lift.items.length > 1 ? `; +${lift.items.length - 1} more` : "";
      const x = lift.items[0]!;
      return `rests on ${itemAt(this.topology, x).id}, ${this.textOf(itemReasons(this.topology, this.designation, x), i)}${more}`;
    }
    return this.textOf(this.designation.reasons("element", i), i);
  }

  /** The designation's `reasons` in a few words; `i` is the element whose count they explain. */
  private textOf(reasons: readonly Reason[], i: number): string {
    const first = reasons[0];
    if (!first) return "high-risk";
    // Elements of one vendor share their reason objects: one text each, however many findings.
    if (reasons.length === 1 && first.kind !== "unknown-vendor") {
      let text = this.reasonTexts.get(first);
      if (text === undefined) {
        text = `${first.kind} ${first.value}${first.via ? `, ${first.via}` : ""}: ${first.source}`;
        this.reasonTexts.set(first, text);
      }
      return text;
    }
    const more = reasons.length > 1 ? `; +${reasons.length - 1} more` : "";
    if (first.kind === "unknown-vendor") {
      const counted = this.risk[i] === RULE_RISKY ? "counted as high-risk (--unknown-vendor risky)" : "counted as clean (--unknown-vendor clean)";
      return `${first.value === "(no vendor)" ? "no vendor given" : `vendor \`${first.value}\` not in the registry`}: ${counted}${more}`;
    }
    const via = first.via ? `, ${first.via}` : "";
    return `${first.kind} ${first.value}${via}: ${first.source}${more}`;
  }

  /**
   * "2 of them through what they rest on: `ran-1` over `mw-1`, `ran-2` over `mw-2`", for share
   * findings; with `vendor`, each names the first item beneath it of that vendor.
   */
  throughUnderlay(items: readonly number[], vendor?: string): string {
    const E = this.elements.length;
    const vendorAt = (x: number) => (x < E ? this.designation.vendorId("element", x) : this.designation.vendorId("link", x - E));
    const under = (i: number): number => {
      const lifted = this.lifts.get(i)!.items;
      return (vendor === undefined ? undefined : lifted.find((x) => vendorAt(x) === vendor)) ?? lifted[0]!;
    };
    const shown = items.slice(0, 5).map((i) => `\`${this.elements[i]!.id}\` over \`${itemAt(this.topology, under(i)).id}\``);
    return `${items.length} of them through what they rest on: ${shown.join(", ")}${items.length > 5 ? ` and ${items.length - 5} more` : ""}`;
  }

  /** Ids of the items an element counts as high-risk (or unknown) through, when it does only through its underlay. */
  liftedBy(i: number): string[] | undefined {
    return this.lifts.get(i)?.items.map((x) => itemAt(this.topology, x).id);
  }

  /**
   * The day element `i` stops counting as high-risk, and the underlay item whose decommission
   * that is: its own decommission, or, when it is high-risk through its underlay, the day the
   * last of those items is decommissioned (if each has a date), whichever comes first.
   */
  riskEnds(i: number): { day: string; by?: string } | undefined {
    const own = this.elements[i]!.decommission;
    const lift = this.lifts.get(i);
    if (!lift) return own === undefined ? undefined : { day: own };
    let last: { day: string; by: string } | undefined;
    for (const x of lift.items) {
      const item = itemAt(this.topology, x);
      if (item.decommission === undefined) return own === undefined ? undefined : { day: own };
      if (!last || item.decommission > last.day) last = { day: item.decommission, by: item.id };
    }
    return own !== undefined && own <= last!.day ? { day: own } : last;
  }

  /**
   * When element `i` became high-risk as it stands: the latest installed date among itself and,
   * when it is high-risk through its underlay, those items (`by` names the item when it is one
   * of them); `undated` when some of them have no date.
   */
  installed(i: number): { day?: string; by?: Element | Link; undated: boolean } {
    const el = this.elements[i]!;
    const lift = this.lifts.get(i);
    let out: { day?: string; by?: Element | Link; undated: boolean } = el.installed === undefined ? { undated: true } : { day: el.installed, undated: false };
    if (!lift) return out;
    for (const x of lift.items) {
      const item = itemAt(this.topology, x);
      if (item.installed === undefined) out = { ...out, undated: true };
      else if (out.day === undefined || item.installed > out.day) out = { day: item.installed, by: item, undated: out.undated };
    }
    return out;
  }

  /** The registry id of the element's vendor, or "unknown". */
  vendorOf(i: number): string {
    return this.designation.vendorId("element", i) ?? "unknown";
  }

  /** Index in `roles` of every element's role (roles.length for anything else), computed once. */
  private roleCodes(): Uint8Array {
    if (this.roleCode) return this.roleCode;
    const codes = new Uint8Array(this.elements.length);
    let last: string | undefined;
    let code: number = roles.length;
    for (let i = 0; i < codes.length; i++) {
      const r = this.elements[i]!.role;
      if (r !== last) {
        last = r;
        code = this.roleIndex.get(r) ?? roles.length;
      }
      codes[i] = code;
    }
    this.roleCode = codes;
    return codes;
  }

  /**
   * Every element's vendor (registry id or "unknown"), interned: `of[i]` indexes `keys`. An
   * element high-risk through its underlay also depends on the vendors of those items: they are
   * in `more`, after its own.
   */
  vendors(): Grouping {
    if (this.vendorGrouping) return this.vendorGrouping;
    const keys: string[] = [];
    const index = new Map<string, number>();
    const of = new Int32Array(this.elements.length);
    let last: string | undefined;
    let x = -1;
    for (let i = 0; i < of.length; i++) {
      const v = this.vendorOf(i);
      if (v !== last) {
        last = v;
        x = index.get(v) ?? -1;
        if (x < 0) {
          x = keys.length;
          keys.push(v);
          index.set(v, x);
        }
      }
      of[i] = x;
    }
    const more = new Map<number, number[]>();
    const E = of.length;
    for (const [i, lift] of this.lifts) {
      if (lift.level !== HIGH) continue;
      const ks = [of[i]!];
      for (const y of lift.items) {
        const v = y < E ? this.designation.vendorId("element", y) : this.designation.vendorId("link", y - E);
        if (v === undefined) continue;
        let k = index.get(v);
        if (k === undefined) {
          k = keys.length;
          keys.push(v);
          index.set(v, k);
        }
        if (!ks.includes(k)) ks.push(k);
      }
      if (ks.length > 1) more.set(i, ks);
    }
    this.vendorGrouping = more.size > 0 ? { keys, of, more } : { keys, of };
    return this.vendorGrouping;
  }

  /** A finding of `rule`, with its kind, the given level and the rule's citation. */
  finding(rule: ResolvedRule, kind: RuleKindName, level: Level, message: string, items: string[], extra: Partial<Finding> = {}): Finding {
    const f: Finding = { rule: rule.id, kind, level, message, items };
    const location = extra.location ?? rule.location;
    if (location) f.location = location;
    if (rule.source) {
      // One citation object per rule, shared by its findings.
      let c = this.citations.get(rule);
      if (!c) {
        c = citationOf(rule.source);
        this.citations.set(rule, c);
      }
      f.source = c;
    }
    if (extra.details) f.details = extra.details;
    return f;
  }

  /**
   * The note that keeps unknown items visible when `unknownVendor: clean` leaves them out of a
   * rule: which ones would have counted, and that they did not.
   */
  unknownNote(rule: ResolvedRule, kind: RuleKindName, items: readonly number[], what: string): Finding {
    const ids = items.map((i) => this.elements[i]!.id);
    const beneath = items.some((i) => this.lifts.has(i)) ? " (or resting on one)" : "";
    return this.finding(rule, kind, "note", `${ids.length === 1 ? "1 element" : `${ids.length} elements`} with an unknown vendor${beneath}, counted as clean (--unknown-vendor clean): ${what}`, ids, {
      location: rule.location ?? this.elements[items[0]!]!.location,
      details: { unknown: ids.length },
    });
  }

  /** The rule's own level for violations (default error). */
  levelOf(rule: ResolvedRule): Level {
    return rule.level ?? "error";
  }
}
