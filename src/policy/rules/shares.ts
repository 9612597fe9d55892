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

/** Most items a share finding lists beyond the ones that must be replaced. */
export const maxListedItems = 1000;

/**
 * The items a share finding lists: every one that must be replaced, and the next ones in
 * replacement order up to `maxListedItems` in all. A region where one vendor holds 10^5
 * elements would otherwise put all of them into the result.
 */
export function listedItems(order: readonly number[], mustReplace: number): { listed: readonly number[]; omitted: number } {
  const n = Math.min(order.length, Math.max(mustReplace, maxListedItems));
  return { listed: n === order.length ? order : order.slice(0, n), omitted: order.length - n };
}

/** A number for a message: integers as they are, others to two decimals. */
export function amount(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(2)));
}
