import type { AuditResult, ItemInfo, PairResult } from "../result.js";
import { type LinksByEnds, shownHops, someIds } from "./elide.js";

/*
 * What the human formats say about underlays (SPEC §4.1): the closure items under the hop that
 * rests on them, and what each risky underlay item carries. Without closures in the result every
 * function here returns nothing, so outputs stay as they were.
 */

/** Closure items named under one hop, before "and N more". */
export const maxClosureShown = 6;

const none: readonly string[] = [];

/** Everything `id` rests on, as the result lists it (empty without an underlay). */
export function closureOf(id: string, r: AuditResult): readonly string[] {
  return r.items[id]?.closure ?? none;
}

/** The pair's path items that ride on `id` (empty when `id` carries none of them). */
export function carriedBy(id: string, p: PairResult): readonly string[] {
  return p.via?.[id] ?? none;
}

/**
 * An item designated only because of what it rests on (every reason `underlay`): the hop is not
 * marked itself, its risky closure items are, under it.
 */
export function riskyOnlyBelow(it: ItemInfo | undefined): boolean {
  return it !== undefined && it.reasons.length > 0 && it.reasons.every((x) => x.kind === "underlay");
}

/** The closure items to name under a hop: risky ones first, then the rest, each in closure order. */
export function closureShown(id: string, r: AuditResult): { shown: readonly string[]; more: number } {
  const all = closureOf(id, r);
  if (all.length === 0) return { shown: none, more: 0 };
  const risky = all.filter((x) => (r.items[x]?.risk ?? "clean") !== "clean");
  const rest = all.filter((x) => (r.items[x]?.risk ?? "clean") === "clean");
  return someIds([...risky, ...rest], maxClosureShown);
}

/** How a format writes ids in an underlay line: an element or link of the path, a closure item (marked when risky). */
export interface UnderlayStyle {
  hop: (id: string) => string;
  below: (id: string) => string;
  more: (n: number) => string;
}

/** One hop that rests on something: `core-gdl ─ip-gdl-mty→ core-mty` and the closure items named under it. */
export interface UnderlayLine {
  head: string;
  /** Closure items as the style writes them, the last one followed by "and N more" when some are left out. */
  over: string[];
}

/** `core-gdl ─ip-gdl-mty→ core-mty   over [huawei] och-gdl-mty, oadm-mty`: an underlay line on one line of text. */
export function underlayLineText(u: UnderlayLine): string {
  return `${u.head}   over ${u.over.join(", ")}`;
}

/**
 * One line per hop of `path` (as `shownHops` shows it: a long path's gap has none) that rests on
 * something: `core-gdl ─ip-gdl-mty→ core-mty` over its closure for a link, `upf-mty` over its
 * closure for an inner element. Endpoints stay out, as they stay out of path risk.
 */
export function underlayLines(path: readonly string[], links: LinksByEnds, r: AuditResult, style: UnderlayStyle): UnderlayLine[] {
  const out: UnderlayLine[] = [];
  const over = (id: string): string[] => {
    const { shown, more } = closureShown(id, r);
    const list = shown.map(style.below);
    if (more > 0) list[list.length - 1] += style.more(more);
    return list;
  };
  for (const h of shownHops(path, links)) {
    if (h.kind === "gap") continue;
    if (h.index > 0) {
      const prev = path[h.index - 1]!;
      for (const l of h.links) if (closureOf(l, r).length > 0) out.push({ head: `${style.hop(prev)} ─${style.hop(l)}→ ${style.hop(h.id)}`, over: over(l) });
    }
    if (h.inner && closureOf(h.id, r).length > 0) out.push({ head: style.hop(h.id), over: over(h.id) });
  }
  return out;
}

/** `carries ip-gdl-mty` (ids shown by `show`, a few and "and N more"), or "" when the item carries no path item. */
export function carriesText(id: string, p: PairResult, show: (id: string) => string = (x) => x, max = 3): string {
  const carried = carriedBy(id, p);
  if (carried.length === 0) return "";
  const { shown, more } = someIds(carried, max);
  return `carries ${shown.map(show).join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
}

/**
 * For each underlay item of the routed items, the routed items resting on it: says what a failure
 * of an underlay item cuts. One pass over the routed items, reading only those with a closure.
 */
export function routedCarriers(p: PairResult, r: AuditResult): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const id of p.routed?.items ?? none) {
    for (const c of closureOf(id, r)) {
      const list = out.get(c);
      if (list) list.push(id);
      else out.set(c, [id]);
    }
  }
  return out;
}
