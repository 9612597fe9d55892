/**
 * The vendor registry: built-in entries (src/data/vendors.ts) plus the vendors a topology or
 * policy declares. Answers "which vendor is this name", "who did it belong to on that day" and
 * "which vendor does this containerlab kind imply".
 */
import { errorAt, InputError, warningAt } from "../diagnostics.js";
import type { Diagnostic } from "../diagnostics.js";
import { vendorlessKinds } from "../data/containerlab.js";
import type { Relationship, VendorEntry, VendorlessKind } from "../data/types.js";
import { vendors as builtinVendors } from "../data/vendors.js";
import type { SourceLocation } from "../diagnostics.js";
import { boundedEditDistance, looseVendorKey, normaliseVendorName } from "./names.js";

export { normaliseVendorName } from "./names.js";

/** A vendor declared in a topology or policy file, extending the built-in registry. */
export interface VendorDeclaration {
  id: string;
  name?: string;
  country?: string;
  aliases: readonly string[];
  location: SourceLocation;
}

/** One ancestor of a resolved vendor, with the link that makes it one. */
export interface ChainLink {
  vendor: string;
  relationship: Relationship;
  validFrom?: string;
  validTo?: string;
}

export interface Resolution {
  entry: VendorEntry;
  /** Ancestors whose link holds on the date, nearest first (breadth-first over parents). */
  chain: ChainLink[];
}

/** Lookups cached per raw spelling; the cache is dropped when it grows past this. */
const cacheLimit = 65_536;

/** Does a parent link hold on `date` (validFrom ≤ date < validTo)? ISO strings compare as dates. */
function holdsOn(link: { validFrom?: string; validTo?: string }, date: string): boolean {
  if (link.validFrom !== undefined && date < link.validFrom) return false;
  if (link.validTo !== undefined && date >= link.validTo) return false;
  return true;
}

/** Every spelling an entry answers to; the display name first, so suggestions read well. */
function spellings(e: VendorEntry): string[] {
  return [e.name, ...e.legalNames, ...e.aliases, e.id];
}

/** Rejects parents naming unknown ids and parent cycles (iterative three-colour DFS). */
function checkParents(byId: ReadonlyMap<string, VendorEntry>): void {
  for (const e of byId.values()) {
    for (const p of e.parents ?? []) {
      if (!byId.has(p.vendor)) throw new Error(`vendor registry: ${e.id} names unknown parent "${p.vendor}"`);
    }
  }
  const state = new Map<string, 1 | 2>(); // 1 = on the current path, 2 = done
  for (const start of byId.keys()) {
    if (state.has(start)) continue;
    const stack: { id: string; next: number }[] = [{ id: start, next: 0 }];
    state.set(start, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { id: string; next: number };
      const parents = byId.get(top.id)?.parents ?? [];
      if (top.next >= parents.length) {
        state.set(top.id, 2);
        stack.pop();
        continue;
      }
      const p = (parents[top.next++] as { vendor: string }).vendor;
      const s = state.get(p);
      if (s === 1) {
        const path = [...stack.map((f) => f.id).slice(stack.findIndex((f) => f.id === p)), p];
        throw new Error(`vendor registry: parent cycle ${path.join(" → ")}`);
      }
      if (s === undefined) {
        state.set(p, 1);
        stack.push({ id: p, next: 0 });
      }
    }
  }
}

/**
 * Vendor registry. A declaration whose id is a built-in id extends that entry (its name and
 * aliases become extra spellings; the built-in country stays, and a different declared country
 * is reported in `warnings`); any other declaration adds an entry (country "ZZ" when not given).
 */
export class VendorRegistry {
  /** Non-fatal remarks about the declarations (a declared country that differs from the data). */
  readonly warnings: readonly Diagnostic[];
  private readonly byId = new Map<string, VendorEntry>();
  private readonly byName = new Map<string, VendorEntry>();
  /** Loose keys; `null` marks a key that two entries share (never used to match). */
  private readonly byLooseName = new Map<string, VendorEntry | null>();
  /** First spelling seen for each exact key, for "did you mean". */
  private readonly spellingOf = new Map<string, string>();
  private readonly kinds = new Map<string, VendorEntry>();
  private readonly kindPrefixes = new Map<string, VendorEntry>();
  private readonly vendorless = new Set<string>();
  private readonly vendorlessList: readonly VendorlessKind[];
  private readonly cache = new Map<string, VendorEntry | null>();
  private readonly sorted: VendorEntry[];

  constructor(
    declarations: ReadonlyMap<string, VendorDeclaration> = new Map(),
    builtins: readonly VendorEntry[] = builtinVendors,
    vendorless: readonly VendorlessKind[] = vendorlessKinds,
  ) {
    for (const e of [...builtins].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
      if (this.byId.has(e.id)) throw new Error(`vendor registry: duplicate id "${e.id}"`);
      this.byId.set(e.id, e);
    }
    checkParents(this.byId);
    for (const e of this.byId.values()) this.index(e, spellings(e));
    for (const e of this.byId.values()) this.indexKinds(e);
    for (const v of vendorless) this.vendorless.add(v.kind.toLowerCase());
    this.vendorlessList = vendorless;
    this.warnings = this.declare(declarations);
    this.sorted = [...this.byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** The entry a name means (id, display name, legal name or alias, normalised), if any. */
  lookup(name: string): VendorEntry | undefined {
    const hit = this.cache.get(name);
    if (hit !== undefined) return hit ?? undefined;
    const found = this.byName.get(normaliseVendorName(name)) ?? this.byLooseName.get(looseVendorKey(name)) ?? null;
    if (this.cache.size >= cacheLimit) this.cache.clear();
    this.cache.set(name, found);
    return found ?? undefined;
  }

  /** The entry a name means and every ancestor whose link holds on `date` (YYYY-MM-DD). */
  resolve(name: string, date: string): Resolution | undefined {
    const entry = this.lookup(name);
    return entry ? { entry, chain: this.chainAt(entry, date) } : undefined;
  }

  /** Ids of the ancestors of `id` on `date`, nearest first; empty for an unknown id. */
  ancestorsAt(id: string, date: string): string[] {
    const entry = this.byId.get(id);
    return entry ? this.chainAt(entry, date).map((l) => l.vendor) : [];
  }

  /** The entry with exactly this id. */
  byVendorId(id: string): VendorEntry | undefined {
    return this.byId.get(id);
  }

  /** The vendor a containerlab kind implies: exact names and aliases, `vr-` spellings, vendor prefixes. */
  forContainerlabKind(kind: string): VendorEntry | undefined {
    const k = kind.trim().toLowerCase();
    const bare = k.startsWith("vr-") ? k.slice(3) : k;
    const exact = this.kinds.get(k) ?? this.kinds.get(bare);
    if (exact) return exact;
    if (this.vendorless.has(k) || this.vendorless.has(bare)) return undefined;
    const underscore = bare.indexOf("_");
    return underscore > 0 ? this.kindPrefixes.get(bare.slice(0, underscore + 1)) : undefined;
  }

  /** Whether a containerlab kind is known to imply no vendor (linux, bridge, sonic-vs…). */
  isVendorlessKind(kind: string): boolean {
    const k = kind.trim().toLowerCase();
    return this.vendorless.has(k) || (k.startsWith("vr-") && this.vendorless.has(k.slice(3)));
  }

  /** The containerlab kinds known to imply no vendor, with what each is. */
  vendorlessKinds(): readonly VendorlessKind[] {
    return this.vendorlessList;
  }

  /** Every containerlab kind name the registry maps (vendor kinds and vendor-less ones), sorted. */
  containerlabKindNames(): string[] {
    return [...this.kinds.keys(), ...this.vendorless].sort();
  }

  /** All entries, sorted by id. */
  entries(): VendorEntry[] {
    return [...this.sorted];
  }

  /** The closest known spelling to an unknown name, for "did you mean"; undefined when none is close. */
  suggest(name: string): string | undefined {
    const key = normaliseVendorName(name);
    if (key.length === 0) return undefined;
    const limit = Math.max(1, Math.min(3, Math.floor(key.length / 3)));
    let best: string | undefined;
    let bestDistance = limit + 1;
    for (const [candidate, spelling] of this.spellingOf) {
      const d = boundedEditDistance(key, candidate, Math.min(limit, bestDistance));
      if (d < bestDistance || (d === bestDistance && best !== undefined && spelling < best)) {
        best = spelling;
        bestDistance = d;
      }
    }
    return bestDistance <= limit ? best : undefined;
  }

  private chainAt(entry: VendorEntry, date: string): ChainLink[] {
    const chain: ChainLink[] = [];
    const seen = new Set<string>([entry.id]);
    const queue: VendorEntry[] = [entry];
    for (let i = 0; i < queue.length; i++) {
      for (const p of (queue[i] as VendorEntry).parents ?? []) {
        if (seen.has(p.vendor) || !holdsOn(p, date)) continue;
        seen.add(p.vendor);
        const link: ChainLink = { vendor: p.vendor, relationship: p.relationship };
        if (p.validFrom !== undefined) link.validFrom = p.validFrom;
        if (p.validTo !== undefined) link.validTo = p.validTo;
        chain.push(link);
        queue.push(this.byId.get(p.vendor) as VendorEntry);
      }
    }
    return chain;
  }

  /** Adds the spellings of an entry; a spelling that already means another entry is an error. */
  private index(e: VendorEntry, names: readonly string[], decl?: VendorDeclaration): void {
    for (const n of names) {
      const key = normaliseVendorName(n);
      if (key.length === 0) continue;
      const other = this.byName.get(key);
      if (other && other.id !== e.id) {
        const msg = `vendor name "${n}" of ${e.id} already means ${other.id} (both normalise to "${key}")`;
        if (decl) throw new InputError([errorAt("E_VENDOR_AMBIGUOUS", msg, decl.location)]);
        throw new Error(`vendor registry: ${msg}`);
      }
      this.byName.set(key, e);
      if (!this.spellingOf.has(key)) this.spellingOf.set(key, n);
      const loose = looseVendorKey(n);
      const prior = this.byLooseName.get(loose);
      this.byLooseName.set(loose, prior === undefined || prior?.id === e.id ? e : null);
    }
  }

  private indexKinds(e: VendorEntry): void {
    for (const raw of e.containerlabKinds ?? []) {
      const k = raw.toLowerCase();
      const map = k.endsWith("_") ? this.kindPrefixes : this.kinds;
      const other = map.get(k);
      if (other && other.id !== e.id) throw new Error(`vendor registry: containerlab kind "${k}" claimed by ${other.id} and ${e.id}`);
      map.set(k, e);
    }
  }

  private declare(declarations: ReadonlyMap<string, VendorDeclaration>): Diagnostic[] {
    const warnings: Diagnostic[] = [];
    const ordered = [...declarations.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const d of ordered) {
      const names = [...(d.name !== undefined ? [d.name] : []), ...d.aliases, d.id];
      const builtin = this.byId.get(d.id);
      if (builtin) {
        if (d.country !== undefined && d.country !== builtin.country) {
          warnings.push(
            warningAt(
              "W_VENDOR_COUNTRY",
              `vendor ${d.id} is declared in ${d.country}; the built-in registry says ${builtin.country} and keeps it`,
              d.location,
            ),
          );
        }
        // A copy, so that one registry's declarations never leak into the shared built-in data.
        const known = new Set(spellings(builtin));
        const extra = names.filter((n) => !known.has(n));
        const extended: VendorEntry = { ...builtin, aliases: [...builtin.aliases, ...extra] };
        this.replace(builtin, extended);
        this.index(extended, names, d);
        continue;
      }
      const entry: VendorEntry = {
        id: d.id,
        name: d.name ?? d.id,
        legalNames: [],
        aliases: [...d.aliases],
        country: d.country ?? "ZZ",
        sources: [],
      };
      this.byId.set(d.id, entry);
      this.index(entry, names, d);
    }
    return warnings;
  }

  /** Points every index at the extended copy of a built-in entry. */
  private replace(old: VendorEntry, next: VendorEntry): void {
    this.byId.set(old.id, next);
    for (const map of [this.byName, this.kinds, this.kindPrefixes]) {
      for (const [k, v] of map) if (v === old) map.set(k, next);
    }
    for (const [k, v] of this.byLooseName) if (v === old) this.byLooseName.set(k, next);
  }
}
