import { plainItem } from "../topology/copy.js";
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
  const { risk: _risk, model: _model, ...rest } = plainItem(item);
  return { ...rest, vendor, components: [] } as unknown as T;
}
