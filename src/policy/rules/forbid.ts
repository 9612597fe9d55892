import type { Finding } from "../../result.js";
import { describeSelector } from "../../topology/select.js";
import type { Site } from "../../topology/types.js";
import { PointGrid } from "../geo/point-grid.js";
import type { ForbidRule, Scope } from "../types.js";
import { firstIn, listOf, oneDecimal, plural, round } from "./common.js";
import { RULE_RISKY, type RuleEnv } from "./env.js";
import type { ResolvedRule, RuleKind, RuleOutcome } from "./types.js";

type Located = Site & { lat: number; lon: number };

/** Keys of a selector that describe a site, so `near` can pick sites without elements. */
const siteKeys = new Set(["id", "site", "country", "region", "tag"]);

/** Why an element sits where high-risk equipment is forbidden. */
interface Placement {
  text: string;
  details: Record<string, string | number | string[]>;
}

export const forbid: RuleKind<ForbidRule> = {
  describe(b) {
    const parts: string[] = [];
    const roles = listOf(b.role);
    if (roles) parts.push(`in role ${roles.join(" or ")}`);
    const tags = listOf(b.siteTag);
    if (tags) parts.push(`at sites tagged ${tags.join(" or ")}`);
    const countries = listOf(b.country);
    if (countries) parts.push(`in ${countries.map((c) => c.toUpperCase()).join(" or ")}`);
    const regions = listOf(b.region);
    if (regions) parts.push(`in region ${regions.join(" or ")}`);
    if (b.near) parts.push(`within ${b.withinKm ?? 0} km of sites matching ${describeSelector(b.near)}`);
    if (b.withinKmOfCountry) parts.push(`within ${b.withinKmOfCountry.km} km of ${b.withinKmOfCountry.country.toUpperCase()}`);
    const where = parts.length ? parts.join(", or ") : "anywhere";
    return `No high-risk element ${where}${b.scope ? ` (scope ${describeSelector(b.scope)})` : ""}.`;
  },

  problems(b, countries) {
    const out: string[] = [];
    if (b.near !== undefined && b.withinKm === undefined) out.push("forbid.near needs forbid.withinKm (how many km from those sites)");
    if (b.withinKm !== undefined && b.near === undefined) out.push("forbid.withinKm needs forbid.near (which sites to keep away from)");
    if (b.withinKm !== undefined && !(Number.isFinite(b.withinKm) && b.withinKm >= 0)) out.push(`forbid.withinKm must be a distance in km, 0 or more (got ${JSON.stringify(b.withinKm)})`);
    for (const key of Object.keys(b.near ?? {})) {
      if (!siteKeys.has(key)) out.push(`forbid.near selects sites: use site, country, region or tag, not \`${key}\``);
    }
    const w = b.withinKmOfCountry;
    if (w) {
      if (!(Number.isFinite(w.km) && w.km >= 0)) out.push(`forbid.withinKmOfCountry.km must be a distance in km, 0 or more (got ${JSON.stringify(w.km)})`);
      if (typeof w.country !== "string" || !countries.has(w.country)) {
        out.push(`forbid.withinKmOfCountry.country \`${String(w.country)}\` is not an ISO 3166-1 alpha-2 code with a boundary in ${countries.name} (overseas territories may be part of their state's shape, e.g. FR for GP)`);
      }
    }
    return out;
  },

  check(b, rule, env) {
    return new ForbidCheck(b, rule, env).run();
  },
};

/** One run of one forbid rule; per-site answers are cached because many elements share a site. */
class ForbidCheck {
  private readonly roles: Set<string> | undefined;
  private readonly tags: Set<string> | undefined;
  private readonly countries: Set<string> | undefined;
  private readonly regions: Set<string> | undefined;
  private readonly anywhere: boolean;
  private readonly hasStatic: boolean;
  private readonly near: { grid: PointGrid<Located>; km: number; refs: Site[]; unlocated: Site[] } | undefined;
  private readonly border: { country: string; km: number } | undefined;
  /** Per site: distance to the nearest `near` site (NaN: not yet computed), and which one. */
  private readonly nearKm: Float64Array;
  private readonly nearSite: (Located | undefined)[];
  private readonly borderKm: Float64Array;
  private unmeasuredSites = new Set<string>();
  private unmeasured: number[] = [];
  private measured = 0;

  constructor(
    private readonly b: ForbidRule,
    private readonly rule: ResolvedRule,
    private readonly env: RuleEnv,
  ) {
    const set = (v: string | string[] | undefined, f = (s: string) => s) => (v === undefined ? undefined : new Set(listOf(v)!.map(f)));
    this.roles = set(b.role);
    this.tags = set(b.siteTag);
    this.countries = set(b.country, (c) => c.toUpperCase());
    this.regions = set(b.region);
    this.hasStatic = !!(this.roles || this.tags || this.countries || this.regions);
    this.anywhere = !this.hasStatic && !b.near && !b.withinKmOfCountry;
    if (b.near) {
      const match = sitePredicate(b.near);
      const refs = env.sites.filter(match);
      const located = refs.filter((s): s is Located => s.lat !== undefined && s.lon !== undefined);
      const km = b.withinKm ?? 0;
      this.near = { grid: new PointGrid(located, km), km, refs, unlocated: refs.filter((s) => s.lat === undefined || s.lon === undefined) };
    }
    if (b.withinKmOfCountry) this.border = { country: b.withinKmOfCountry.country.toUpperCase(), km: b.withinKmOfCountry.km };
    this.nearKm = new Float64Array(env.sites.length).fill(NaN);
    this.nearSite = new Array(env.sites.length);
    this.borderKm = new Float64Array(env.sites.length).fill(NaN);
  }

  run(): RuleOutcome {
    const { env, rule } = this;
    const scope = env.scopeMask(this.b.scope);
    const findings: Finding[] = [];
    const unknownForbidden: number[] = [];
    let violations = 0;
    let candidates = 0;
    for (let k = 0; k < env.flagged.length; k++) {
      const i = env.flagged[k]!;
      if (!env.present[i] || !scope[i]) continue;
      const r = env.risk[i]!;
      candidates++;
      const placement = this.placement(i);
      if (!placement) continue;
      if (r !== RULE_RISKY) {
        unknownForbidden.push(i);
        continue;
      }
      violations++;
      const el = env.elements[i]!;
      const reason = env.reasonText(i);
      const details = placement.details;
      details.role = el.role;
      if (el.site) details.site = el.site;
      details.reason = reason;
      const under = env.liftedBy(i);
      if (under) details.underlay = under;
      findings.push(env.finding(rule, "forbid", env.levelOf(rule), `\`${el.id}\` is high-risk (${reason}) ${placement.text}`, [el.id], { location: el.location, details }));
    }
    findings.push(...this.notes(unknownForbidden));
    // A rule made only of distances, none of which could be measured, was not checked at all.
    const nearBlind = !this.border && this.near !== undefined && this.near.refs.length > 0 && this.near.unlocated.length === this.near.refs.length;
    const checked = !(!this.hasStatic && !this.anywhere && candidates > 0 && this.measured === 0 && (this.unmeasured.length > 0 || nearBlind));
    return { passed: violations === 0 && checked, checked, findings };
  }

  /** Where the element is that makes it forbidden, or undefined when it may stay. */
  private placement(i: number): Placement | undefined {
    const { env } = this;
    if (this.anywhere) return { text: "in the rule's scope", details: { criterion: "scope" } };
    const el = env.elements[i]!;
    if (this.roles?.has(el.role)) return { text: `in role ${el.role}`, details: { criterion: "role" } };
    const s = env.siteOf[i]!;
    const site = s >= 0 ? env.sites[s] : undefined;
    if (site) {
      const tag = this.tags && firstIn(site.tags, this.tags);
      if (tag) return { text: `at site ${site.id}, tagged ${tag}`, details: { criterion: "siteTag", tag } };
      if (site.country && this.countries?.has(site.country)) return { text: `at site ${site.id} in ${site.country}`, details: { criterion: "country", country: site.country } };
      if (site.region && this.regions?.has(site.region)) return { text: `at site ${site.id} in region ${site.region}`, details: { criterion: "region", region: site.region } };
    }
    // Distances matter only when there is something to measure from.
    if (!this.border && !(this.near && this.near.refs.length > this.near.unlocated.length)) return undefined;
    if (!site || site.lat === undefined || site.lon === undefined) {
      this.unmeasured.push(i);
      this.unmeasuredSites.add(site ? site.id : "(no site)");
      return undefined;
    }
    this.measured++;
    if (this.near) {
      if (Number.isNaN(this.nearKm[s]!)) {
        const hit = this.near.grid.nearest(site.lat, site.lon);
        this.nearKm[s] = hit ? hit.km : Infinity;
        this.nearSite[s] = hit?.point;
      }
      const ref = this.nearSite[s];
      if (ref) {
        const km = round(this.nearKm[s]!, 3);
        const where = ref.id === site.id ? `at site ${site.id}, which itself matches ${describeSelector(this.b.near!)}` : `at site ${site.id}, ${km} km from site ${ref.id}`;
        return { text: `${where} (limit ${this.near.km} km)`, details: { criterion: "near", nearSite: ref.id, distanceKm: km, limitKm: this.near.km } };
      }
    }
    if (this.border) {
      if (Number.isNaN(this.borderKm[s]!)) this.borderKm[s] = env.countries.distanceKm(site.lat, site.lon, this.border.country, this.border.km);
      const d = this.borderKm[s]!;
      if (d <= this.border.km) {
        const km = round(d, 3);
        const text = d === 0 ? `at site ${site.id}, inside ${this.border.country}` : `at site ${site.id}, ${oneDecimal(d)} km from ${this.border.country}`;
        return { text: `${text} (limit ${this.border.km} km)`, details: { criterion: "withinKmOfCountry", country: this.border.country, distanceKm: km, limitKm: this.border.km } };
      }
    }
    return undefined;
  }

  /** Warnings for what could not be measured, notes for what matched nothing or was unknown. */
  private notes(unknownForbidden: number[]): Finding[] {
    const { env, rule } = this;
    const out: Finding[] = [];
    const at = (items: readonly number[]) => rule.location ?? (items.length ? env.elements[items[0]!]!.location : undefined);
    if (this.unmeasured.length > 0) {
      const sites = [...this.unmeasuredSites].sort();
      const loc = at(this.unmeasured);
      out.push(
        env.finding(
          rule,
          "forbid",
          "warning",
          `${plural(this.unmeasured.length, "high-risk element")} could not be checked: ${plural(sites.length, "site")} without coordinates (${sites.slice(0, 5).join(", ")}${sites.length > 5 ? ", …" : ""}); give lat and lon`,
          this.unmeasured.map((i) => env.elements[i]!.id),
          { ...(loc ? { location: loc } : {}), details: { unmeasured: this.unmeasured.length, sites } },
        ),
      );
    }
    if (this.near && this.near.unlocated.length > 0) {
      const sites = this.near.unlocated.map((s) => s.id).sort();
      out.push(
        env.finding(rule, "forbid", "warning", `${plural(sites.length, "site")} matching ${describeSelector(this.b.near!)} ${sites.length === 1 ? "has" : "have"} no coordinates, so nothing near ${sites.length === 1 ? "it" : "them"} can be found: ${sites.slice(0, 5).join(", ")}${sites.length > 5 ? ", …" : ""}`, [], {
          details: { sites },
        }),
      );
    }
    if (this.near && this.near.refs.length === 0) {
      out.push(env.finding(rule, "forbid", "note", `no site matches ${describeSelector(this.b.near!)}: there is nothing to keep high-risk equipment away from`, []));
    }
    if (this.tags && !env.sites.some((s) => firstIn(s.tags, this.tags!) !== undefined)) {
      out.push(env.finding(rule, "forbid", "note", `no site is tagged ${[...this.tags].join(" or ")}: tag the sites this rule protects (docs/data-sources.md)`, []));
    }
    if (unknownForbidden.length > 0) out.push(env.unknownNote(rule, "forbid", unknownForbidden, "placed where this rule forbids high-risk equipment"));
    return out;
  }
}

/** Sites a `near` selector picks, by the site's own id, country, region and tags. */
function sitePredicate(sel: Scope): (s: Site) => boolean {
  const tests: ((s: Site) => boolean)[] = [];
  for (const [key, value] of Object.entries(sel)) {
    const values = new Set(listOf(value as string | string[]) ?? []);
    if (key === "id" || key === "site") tests.push((s) => values.has(s.id));
    else if (key === "country") {
      const upper = new Set([...values].map((v) => v.toUpperCase()));
      tests.push((s) => s.country !== undefined && upper.has(s.country));
    } else if (key === "region") tests.push((s) => s.region !== undefined && values.has(s.region));
    else if (key === "tag") tests.push((s) => firstIn(s.tags, values) !== undefined);
    else tests.push(() => false);
  }
  return (s) => {
    for (const t of tests) if (!t(s)) return false;
    return true;
  };
}
