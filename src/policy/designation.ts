import { CLEAN, type DesignationSummary, HIGH, type ItemRisks, operatorList, type Reason, UNKNOWN } from "../result.js";
import type { Source } from "../data/types.js";
import { type LinkFields, linkColumns } from "../topology/link-table.js";
import type { Element, Topology } from "../topology/types.js";
import { normaliseVendorName } from "../vendors/names.js";
import type { VendorRegistry } from "../vendors/registry.js";

/** Why something is designated: a readable source, and the list and date when it comes from one. */
export interface Because {
  source: string;
  list?: string;
  /** The designation applies from this day (a list entry's "added" date). */
  since?: string;
  confidence?: "unverified";
}

/**
 * Who counts as high-risk: the `risk` section of the merged policies (SPEC §5), with every
 * designation carrying its reason. Built by the policy layer; the default is the 2020 Clean Path.
 */
export interface RiskSpec {
  vendors: Map<string, Because>;
  /** Operator ids, and names they may be written as (Clean Carrier). */
  operators: { id: string; names: string[]; because: Because }[];
  jurisdictions: Map<string, Because>;
  tags: Map<string, Because>;
  components: boolean;
  unknownVendor: "risky" | "clean";
  includePassive: boolean;
  /** Where the designation came from, for the report: "default", "--risk-vendor", policy names. */
  origin: string;
  description: string;
  lists: string[];
}

/** Item risk levels in the designation arrays. */
export { CLEAN, HIGH, UNKNOWN };

/** The outcome for every item of a topology. */
export interface Designation extends ItemRisks {
  readonly summary: DesignationSummary;
  readonly spec: RiskSpec;
}

export function sourceLabel(s: Source): string {
  return s.date ? `${s.title}, ${s.date}` : s.title;
}

interface VendorVerdict {
  id: string;
  reasons: readonly Reason[];
}

const NONE: readonly Reason[] = Object.freeze([]);

/**
 * Decides, for every element and link, whether it is high-risk (with reasons), unknown, or
 * clean. Linear in the items; vendor resolution is cached per written name (and per date only
 * for the few names whose ownership changed over time).
 */
export function designate(topology: Topology, registry: VendorRegistry, spec: RiskSpec, asOf: string): Designation {
  const inForce = (b: Because): boolean => b.since === undefined || b.since <= asOf;
  const designated = new Map([...spec.vendors].filter(([, b]) => inForce(b)));
  const operatorIds = new Map<string, Because>();
  const operatorNames = new Map<string, Because>();
  for (const o of spec.operators) {
    if (!inForce(o.because)) continue;
    operatorIds.set(o.id, o.because);
    for (const n of o.names) operatorNames.set(normaliseVendorName(n), o.because);
  }

  // Vendor resolution, cached: most names resolve the same on every date.
  const dated = new Set<string>();
  for (const e of registry.entries()) if (e.parents?.some((p) => p.validFrom || p.validTo)) dated.add(e.id);
  const staticCache = new Map<string, VendorVerdict | null>();
  const datedCache = new Map<string, VendorVerdict | null>();
  const datedNames = new Map<string, boolean>();
  const resolveVendor = (written: string, date: string, kind: "vendor" | "component", part?: string): VendorVerdict | null => {
    const key = kind === "vendor" ? written : `${written}\u0000${part ?? ""}`;
    const hit = staticCache.get(key);
    if (hit !== undefined) return hit;
    let isDated = datedNames.get(key);
    if (isDated === undefined) {
      const entry = registry.lookup(written);
      if (!entry) {
        staticCache.set(key, null);
        return null;
      }
      isDated = hasDatedAncestor(registry, entry.id, dated);
      datedNames.set(key, isDated);
    }
    const cacheKey = `${key}\u0000${date}`;
    if (isDated) {
      const d = datedCache.get(cacheKey);
      if (d !== undefined) return d;
    }
    const res = registry.resolve(written, date)!;
    const reasons: Reason[] = [];
    const hits = [{ vendor: res.entry.id, relationship: undefined as string | undefined }, ...res.chain.map((c) => ({ vendor: c.vendor, relationship: c.relationship as string | undefined }))];
    for (const h of hits) {
      const because = designated.get(h.vendor);
      if (!because) continue;
      const reason: Reason = { kind, value: h.vendor, source: because.source };
      if (because.list) reason.list = because.list;
      if (because.since) reason.date = because.since;
      if (because.confidence) reason.confidence = because.confidence;
      const parts: string[] = [];
      if (kind === "component") parts.push(`component${part ? ` ${part}` : ""} by ${written}`);
      if (h.vendor !== res.entry.id) parts.push(`${res.entry.name} is a ${(h.relationship ?? "part").replace("-", " ")} of ${registry.byVendorId(h.vendor)?.name ?? h.vendor}${isDated ? ` on ${date}` : ""}`);
      if (parts.length) reason.via = parts.join("; ");
      reasons.push(reason);
      break; // the nearest designated vendor explains it
    }
    const verdict: VendorVerdict = { id: res.entry.id, reasons: reasons.length ? Object.freeze(reasons) : NONE };
    (isDated ? datedCache : staticCache).set(isDated ? cacheKey : key, verdict);
    return verdict;
  };

  const links = linkColumns(topology);
  const elementLevel = new Uint8Array(topology.elements.length);
  const linkLevel = new Uint8Array(links.length);
  const elementReasons = new Map<number, readonly Reason[]>();
  const linkReasons = new Map<number, readonly Reason[]>();
  const elementVendor: (string | undefined)[] = new Array(topology.elements.length);
  const linkVendor: (string | undefined)[] = new Array(links.length);

  // An element, or a link's fields as written (link-table.ts).
  // One result shape for every item (no spread of an optional vendor: a million allocations less).
  const judge = (item: LinkFields, isElement: boolean): { level: number; reasons: readonly Reason[]; vendor: string | undefined } => {
    if (item.passive && !spec.includePassive) return { level: CLEAN, reasons: NONE, vendor: undefined };
    const date = item.installed ?? asOf;
    let reasons: Reason[] | null = null;
    const add = (r: Reason): void => {
      (reasons ??= []).push(r);
    };
    if (item.risk === "high") add({ kind: "explicit", value: "risk: high", source: "marked `risk: high` in the topology" });
    let unknown = false;
    let vendorId: string | undefined;
    if (item.vendor !== undefined) {
      const v = resolveVendor(item.vendor, date, "vendor");
      if (v === null) unknown = true;
      else {
        vendorId = v.id;
        for (const r of v.reasons) add(r);
      }
    } else if (isElement) unknown = true;
    if (spec.components && item.components !== undefined) {
      for (const c of item.components) {
        const v = resolveVendor(c.vendor, date, "component", c.part);
        if (v) for (const r of v.reasons) add(r);
      }
    }
    if (item.operator !== undefined && (operatorIds.size > 0 || operatorNames.size > 0)) {
      // Designated when any of its operators is (a shared RAN with a designated carrier in it).
      for (const id of operatorList(item.operator)) {
        const op = topology.operators.get(id);
        const because = operatorIds.get(id) ?? (op?.name ? operatorNames.get(normaliseVendorName(op.name)) : undefined);
        if (because) add({ kind: "operator", value: id, source: because.source, ...(because.list ? { list: because.list } : {}), ...(because.since ? { date: because.since } : {}) });
      }
    }
    if (isElement && spec.jurisdictions.size > 0) {
      const site = (item as Element).site;
      const country = site ? topology.sites.get(site)?.country : undefined;
      const because = country ? spec.jurisdictions.get(country) : undefined;
      if (because) add({ kind: "jurisdiction", value: country!, source: because.source });
    }
    if (spec.tags.size > 0 && item.tags !== undefined) {
      for (const t of item.tags) {
        const because = spec.tags.get(t);
        if (because) add({ kind: "tag", value: t, source: because.source });
      }
    }
    if (reasons) return { level: HIGH, reasons, vendor: vendorId };
    if (unknown) {
      const value = item.vendor ?? "(no vendor)";
      const r: Reason = {
        kind: "unknown-vendor",
        value,
        source: item.vendor === undefined ? "no vendor given: unknown counts as risky (--unknown-vendor)" : "vendor not in the registry: unknown counts as risky (--unknown-vendor)",
      };
      return { level: UNKNOWN, reasons: [r], vendor: undefined };
    }
    return { level: CLEAN, reasons: NONE, vendor: vendorId };
  };

  // An item whose level can only come from the vendor it names (no `risk: high`, no install date,
  // not passive, no components to check, and no designated operators, jurisdictions or tags in
  // the spec) is judged once per vendor name: a national network names a few dozen. Results are
  // read-only, so the items of one vendor share theirs.
  const vendorOnly = operatorIds.size === 0 && operatorNames.size === 0 && spec.jurisdictions.size === 0 && spec.tags.size === 0;
  type Judged = ReturnType<typeof judge>;
  const byVendor = [new Map<string | undefined, Judged>(), new Map<string | undefined, Judged>()];
  const judgeOnce = (item: LinkFields, isElement: boolean): Judged => {
    if (!vendorOnly || item.installed !== undefined || item.risk !== undefined || item.passive === true || (spec.components && item.components !== undefined && item.components.length > 0)) {
      return judge(item, isElement);
    }
    const memo = byVendor[isElement ? 1 : 0]!;
    let j = memo.get(item.vendor);
    if (j === undefined) {
      j = judge(item, isElement);
      memo.set(item.vendor, j);
    }
    return j;
  };

  topology.elements.forEach((el, i) => {
    const j = judgeOnce(el, true);
    elementLevel[i] = j.level;
    if (j.reasons.length) elementReasons.set(i, j.reasons);
    elementVendor[i] = j.vendor;
  });
  for (let i = 0; i < links.length; i++) {
    const j = judgeOnce(links.fields(i), false);
    linkLevel[i] = j.level;
    if (j.reasons.length) linkReasons.set(i, j.reasons);
    linkVendor[i] = j.vendor;
  }

  const summary: DesignationSummary = {
    origin: spec.origin,
    description: spec.description,
    vendors: [...designated.keys()].sort(),
    lists: [...spec.lists].sort(),
    operators: [...operatorIds.keys()].sort(),
    jurisdictions: [...spec.jurisdictions.keys()].sort(),
    tags: [...spec.tags.keys()].sort(),
    components: spec.components,
    unknownVendor: spec.unknownVendor,
    includePassive: spec.includePassive,
  };
  return {
    elements: elementLevel,
    links: linkLevel,
    reasons: (kind, index) => (kind === "element" ? elementReasons : linkReasons).get(index) ?? NONE,
    vendorId: (kind, index) => (kind === "element" ? elementVendor : linkVendor)[index],
    summary,
    spec,
  };
}

function hasDatedAncestor(registry: VendorRegistry, id: string, dated: ReadonlySet<string>): boolean {
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (seen.has(v)) continue;
    seen.add(v);
    if (dated.has(v)) return true;
    for (const p of registry.byVendorId(v)?.parents ?? []) stack.push(p.vendor);
  }
  return false;
}
