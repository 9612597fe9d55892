import type { Element } from "../../topology/types.js";
import { withinShare } from "./common.js";

/** Weight of an element for a share: 1 by count; its `weight` by weight, 1 when it has none. */
export function weightOf(el: Element, measure: "count" | "weight"): number {
  return measure === "weight" ? (el.weight ?? 1) : 1;
}

/**
 * Items sorted for replacement (heaviest first, then file order), and how many of them must be
 * replaced by other equipment, the total unchanged, to bring `part` of `total` within `max`.
 */
export function replacementPlan(items: number[], elements: readonly Element[], measure: "count" | "weight", part: number, total: number, max: number): { order: number[]; mustReplace: number } {
  const order = measure === "weight" ? [...items].sort((a, b) => weightOf(elements[b]!, measure) - weightOf(elements[a]!, measure) || a - b) : items;
  let left = part;
  let k = 0;
  while (k < order.length && !withinShare(left, total, max)) {
    left -= weightOf(elements[order[k]!]!, measure);
    k++;
  }
  return { order, mustReplace: k };
}

/** A number for a message: integers as they are, others to two decimals. */
export function amount(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(2)));
}
