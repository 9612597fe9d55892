import { errorAt, InputError, type SourceLocation } from "../diagnostics.js";
import { operatorList } from "../result.js";
import { normaliseVendorName } from "../vendors/names.js";
import type { VendorRegistry } from "../vendors/registry.js";
import { closest } from "../suggest.js";
import { type Element, roles, type Selector, selectorKeys, type SelectorKey, type SelectorObject, type Site, type Topology } from "./types.js";

/**
 * `role=ran,tag=gov` → { role: "ran", tag: "gov" }; a repeated key collects alternatives
 * (`role=ran,role=core`); a bare word is an element id.
 */
export function parseSelectorArg(arg: string, flag: string): Selector {
  if (!arg.includes("=")) return arg;
  const out: Record<string, string | string[]> = {};
  for (const part of arg.split(",")) {
    const eq = part.indexOf("=");
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (eq <= 0 || value === "") {
      throw new InputError([errorAt("E_USAGE", `${flag} ${arg}: write a selector as key=value[,key=value…] (keys: ${selectorKeys.join(", ")})`)]);
    }
    if (!(selectorKeys as readonly string[]).includes(key)) {
      const guess = closest(key, selectorKeys);
      throw new InputError([
        errorAt("E_USAGE", `${flag} ${arg}: unknown selector key \`${key}\`${guess ? ` — did you mean \`${guess}\`?` : ""} (keys: ${selectorKeys.join(", ")})`),
      ]);
    }
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out as SelectorObject;
}

export function describeSelector(sel: Selector): string {
  if (typeof sel === "string") return sel;
  return Object.entries(sel)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join("|") : v}`)
    .join(",");
}

/** True when any of an item's operators (one id or a list) is in `set`: `operator=x` matches a shared item of x. */
export function operatorIn(op: string | readonly string[] | undefined, set: ReadonlySet<string>): boolean {
  if (op === undefined) return false;
  if (typeof op === "string") return set.has(op);
  for (let k = 0; k < op.length; k++) if (set.has(op[k]!)) return true;
  return false;
}

const list = (v: string | string[] | undefined): string[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

/** A compiled selector object: one predicate per key, all of which must hold. */
/**
 * Ids of the sites that pass `test`, found once per selector: a network has far fewer sites than
 * elements, and most selectors match no site at all, which then costs the elements nothing.
 */
function sitesWhere(topology: Topology, test: (site: Site) => boolean): Set<string> {
  const out = new Set<string>();
  for (const [id, site] of topology.sites) if (test(site)) out.add(id);
  return out;
}

export function selectorPredicate(topology: Topology, registry: VendorRegistry, sel: SelectorObject): (el: Element) => boolean {
  const tests: ((el: Element) => boolean)[] = [];
  for (const key of selectorKeys) {
    const values = list(sel[key as SelectorKey]);
    if (!values) continue;
    const set = new Set(values);
    switch (key) {
      case "id":
        tests.push((el) => set.has(el.id));
        break;
      case "role":
        tests.push((el) => set.has(el.role));
        break;
      case "operator":
        tests.push((el) => operatorIn(el.operator, set));
        break;
      case "site":
        tests.push((el) => el.site !== undefined && set.has(el.site));
        break;
      case "country": {
        const upper = new Set(values.map((v) => v.toUpperCase()));
        const at = sitesWhere(topology, (site) => site.country !== undefined && upper.has(site.country));
        tests.push((el) => el.site !== undefined && at.has(el.site));
        break;
      }
      case "region": {
        const at = sitesWhere(topology, (site) => site.region !== undefined && set.has(site.region));
        tests.push((el) => el.site !== undefined && at.has(el.site));
        break;
      }
      case "tag": {
        // An element's own tags and the tags of its site.
        const at = sitesWhere(topology, (site) => site.tags.some((t) => set.has(t)));
        tests.push(at.size === 0 ? (el) => el.tags.some((t) => set.has(t)) : (el) => el.tags.some((t) => set.has(t)) || (el.site !== undefined && at.has(el.site)));
        break;
      }
      case "vendor": {
        // Any spelling of a registered vendor selects all of its spellings; other names match as written.
        const ids = new Set(values.map((v) => registry.lookup(v)?.id).filter((x): x is string => x !== undefined));
        const written = new Set(values.map(normaliseVendorName));
        tests.push((el) => {
          if (el.vendor === undefined) return false;
          const id = registry.lookup(el.vendor)?.id;
          return (id !== undefined && ids.has(id)) || written.has(normaliseVendorName(el.vendor));
        });
        break;
      }
    }
  }
  return (el) => tests.every((t) => t(el));
}

/**
 * Element indices a selector picks. An explicit id must name an in-service element (anything
 * else is an input error); selector objects skip elements that are not in service.
 */
export function selectElements(
  topology: Topology,
  registry: VendorRegistry,
  sel: Selector,
  what: string,
  location?: SourceLocation,
): number[] {
  const ids = typeof sel === "string" ? [sel] : undefined;
  if (ids) {
    const i = topology.elementIndex.get(ids[0]!);
    if (i === undefined) {
      const guess = closest(ids[0]!, topology.elementIndex.keys());
      throw new InputError([
        errorAt("E_UNKNOWN_ELEMENT", `${what} \`${ids[0]}\` is not an element${guess ? ` — did you mean \`${guess}\`?` : ""}`, location),
      ]);
    }
    const el = topology.elements[i]!;
    if (el.state !== "in-service") {
      throw new InputError([errorAt("E_NOT_IN_SERVICE", `${what} \`${el.id}\` is ${el.state}, so no traffic can start or end there`, location)]);
    }
    return [i];
  }
  const pred = selectorPredicate(topology, registry, sel as SelectorObject);
  const out: number[] = [];
  topology.elements.forEach((el, i) => {
    if (el.state === "in-service" && pred(el)) out.push(i);
  });
  if (out.length === 0) throw new InputError([errorAt("E_EMPTY_SELECTOR", `${what} ${describeSelector(sel)} matches no in-service element${selectorHint(topology, sel as SelectorObject)}`, location)]);
  return out;
}

/** Points at the key most likely to be wrong: a value that no element has. */
function selectorHint(topology: Topology, sel: SelectorObject): string {
  for (const key of selectorKeys) {
    const values = list(sel[key as SelectorKey]);
    if (!values) continue;
    const known = new Set<string>();
    if (key === "role") roles.forEach((r) => known.add(r));
    for (const el of topology.elements) {
      if (key === "id") known.add(el.id);
      if (key === "operator") for (const o of operatorList(el.operator)) known.add(o);
      if (key === "site" && el.site) known.add(el.site);
      if (key === "tag") el.tags.forEach((t) => known.add(t));
    }
    if (key === "tag") for (const s of topology.sites.values()) s.tags.forEach((t) => known.add(t));
    if (key === "region") for (const s of topology.sites.values()) if (s.region) known.add(s.region);
    if (known.size === 0) continue;
    for (const v of values) {
      if (known.has(v)) continue;
      const guess = closest(v, known);
      return ` — no element has ${key} \`${v}\`${guess ? `; did you mean \`${guess}\`?` : ""}`;
    }
  }
  return " (each key must match: an element needs all of them)";
}

/** from × to, without pairs of an element with itself, refusing more than `maxPairs`. */
export function expandPairs(from: readonly number[], to: readonly number[], maxPairs: number, what: string, location?: SourceLocation): [number, number][] {
  const toSet = new Set(to);
  const selfPairs = from.filter((f) => toSet.has(f)).length;
  const count = from.length * to.length - selfPairs;
  if (count > maxPairs) {
    throw new InputError([
      errorAt(
        "E_TOO_MANY_PAIRS",
        `${what} expands to ${count.toLocaleString("en-US")} pairs (${from.length.toLocaleString("en-US")} × ${to.length.toLocaleString("en-US")}); ` +
          `the limit is ${maxPairs.toLocaleString("en-US")}: narrow the selectors or raise --max-pairs`,
        location,
      ),
    ]);
  }
  const out: [number, number][] = [];
  for (const s of from) for (const t of to) if (s !== t) out.push([s, t]);
  return out;
}
