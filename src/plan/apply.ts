import type { Element, Link, Topology } from "../topology/types.js";

/**
 * The topology with the items at `replaced` (item space: elements 0..E-1, then links) swapped
 * for new equipment of `vendor`: the vendor set, and what made the old box high-risk by itself
 * dropped (an explicit `risk: high`, its components, its model). Ids, ends, metrics, states,
 * sites, operators and underlays stay, so routing and every index are unchanged (SPEC §7.1).
 * The input is not touched: unchanged items are shared, changed ones are copies.
 */
export function applyReplacements(topology: Topology, replaced: Iterable<number>, vendor: string): Topology {
  const E = topology.elements.length;
  let elements: Element[] | undefined;
  let links: Link[] | undefined;
  for (const x of replaced) {
    if (x < E) {
      elements ??= topology.elements.slice();
      elements[x] = replacedItem(topology.elements[x]!, vendor);
    } else {
      links ??= topology.links.slice();
      links[x - E] = replacedItem(topology.links[x - E]!, vendor);
    }
  }
  // A spread keeps every field (the link index is read once here, then shared: ids do not change).
  return { ...topology, linkIndex: topology.linkIndex, elements: elements ?? topology.elements, links: links ?? topology.links };
}

function replacedItem<T extends Element | Link>(item: T, vendor: string): T {
  const { risk: _risk, model: _model, ...rest } = plainCopy(item);
  return { ...rest, vendor, components: [] } as unknown as T;
}

/**
 * Every field of a normalised item as an own property. Records read their rarely used fields
 * through getters over the parsed document (src/topology/normalise.ts), which a spread does not
 * copy: a replaced link would lose its id, ends' medium, operator and location. Methods (where a
 * field is written) stay bound to the original record.
 */
function plainCopy<T extends object>(item: T): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(item as Record<string, unknown>) };
  for (let proto = Object.getPrototypeOf(item); proto !== null && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const [key, d] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
      if (key === "constructor" || key in out) continue;
      if (d.get) out[key] = (item as Record<string, unknown>)[key];
      else if (typeof d.value === "function") out[key] = (d.value as (...a: unknown[]) => unknown).bind(item);
    }
  }
  return out;
}
