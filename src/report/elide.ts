import type { AuditResult, ItemInfo } from "../result.js";

/*
 * What the human formats (table, markdown, HTML, JUnit) leave out so that their size follows what
 * a reader can use, not the size of the network: a 10^6-hop path is printed as its two ends, a hop
 * over thousands of parallel links names a few. The JSON result always keeps everything, and
 * every elision says how much it left out.
 */

/** A path of more hops (elements) than this is shown as its first and last `hopsAtEachEnd`. */
export const maxHopsShown = 50;
export const hopsAtEachEnd = 20;
/** Risky links named on one hop, before "and N more". */
export const maxLinksPerHop = 5;
/** Ids listed in one sentence (items to replace, unknown vendors, a failure's risky items). */
export const maxIdsInLine = 20;

/** `19960` → `19,960`, the same on every Node build (no locale data needed). */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** The line that stands in a path for the hops left out. */
export function omittedHopsText(n: number): string {
  return `… ${thousands(n)} hop${n === 1 ? "" : "s"} not shown (the JSON result lists every hop) …`;
}

/** The ids a sentence shows: the first `max`, and how many it leaves out. */
export function someIds(ids: readonly string[], max = maxIdsInLine): { shown: readonly string[]; more: number } {
  return ids.length <= max ? { shown: ids, more: 0 } : { shown: ids.slice(0, max), more: ids.length - max };
}

/** `a, b, c`, or `a, b, c and 7 more`, with each id shown by `show`. */
export function joinSome(ids: readonly string[], show: (id: string) => string = (id) => id, max = maxIdsInLine): string {
  const { shown, more } = someIds(ids, max);
  const text = shown.map(show).join(", ");
  return more > 0 ? `${text} and ${thousands(more)} more` : text;
}

/**
 * Links of a pair keyed by the two elements they join: built in one pass over the pair's list,
 * then one look-up per hop (filtering the whole list at every hop is quadratic in the path).
 */
export class LinksByEnds {
  private readonly byEnd = new Map<string, Map<string, string[]>>();

  /** `keep` picks the links to index (risky ones, say); ids that are not links are skipped. */
  constructor(ids: Iterable<string>, r: AuditResult, keep: (it: ItemInfo, id: string) => boolean = () => true) {
    for (const id of ids) {
      const it = r.items[id];
      if (it === undefined || it.a === undefined || it.b === undefined || !keep(it, id)) continue;
      this.add(it.a, it.b, id);
      if (it.b !== it.a) this.add(it.b, it.a, id);
    }
  }

  /** The indexed links joining `a` and `b`, in the order of the list. */
  between(a: string, b: string): readonly string[] {
    return this.byEnd.get(a)?.get(b) ?? [];
  }

  private add(a: string, b: string, id: string): void {
    let inner = this.byEnd.get(a);
    if (!inner) this.byEnd.set(a, (inner = new Map()));
    const list = inner.get(b);
    if (list) list.push(id);
    else inner.set(b, [id]);
  }
}

/**
 * The ids of `ids` (a short list: exposure items) that are not in `route` (a routed path's items,
 * millions on a long path): one pass over `route` with a small set, not a set of the route.
 */
export function notIn(ids: readonly string[], route: readonly string[]): string[] {
  if (ids.length === 0) return [];
  const want = new Set(ids);
  const found = new Set<string>();
  for (const id of route) if (want.has(id)) found.add(id);
  return ids.filter((id) => !found.has(id));
}

/**
 * The links among `ids` that a path names on its hops: the risky (high-risk or unknown-vendor)
 * ones, and those that rest on an underlay (SPEC §4.1: what they ride on is shown under the hop).
 */
export function riskyLinks(ids: Iterable<string>, r: AuditResult): LinksByEnds {
  return new LinksByEnds(ids, r, (it) => it.risk !== "clean" || it.closure !== undefined);
}

/** One step of a path as a human format shows it. */
export type Hop =
  | {
      kind: "element";
      id: string;
      /** Index in the path: 0 is `from`, the last is `to`. */
      index: number;
      /** Neither end: the ends are not path risk (SPEC §2), so only inner elements are marked. */
      inner: boolean;
      /** Links from the previous element named on this hop (at most maxLinksPerHop), and how many more there are. */
      links: readonly string[];
      moreLinks: number;
    }
  | { kind: "gap"; omitted: number };

/**
 * The hops to show of `path`: all of a path of up to maxHopsShown elements, else the first and last
 * hopsAtEachEnd with a gap between; on each element, the links of `links` that join it to the one
 * before. Costs the hops shown, not the length of the path.
 */
export function shownHops(path: readonly string[], links: LinksByEnds): Hop[] {
  const out: Hop[] = [];
  const n = path.length;
  const element = (k: number): void => {
    const all = k > 0 ? links.between(path[k - 1]!, path[k]!) : [];
    const { shown, more } = someIds(all, maxLinksPerHop);
    out.push({ kind: "element", id: path[k]!, index: k, inner: k > 0 && k < n - 1, links: shown, moreLinks: more });
  };
  if (n <= maxHopsShown) {
    for (let k = 0; k < n; k++) element(k);
    return out;
  }
  for (let k = 0; k < hopsAtEachEnd; k++) element(k);
  out.push({ kind: "gap", omitted: n - 2 * hopsAtEachEnd });
  for (let k = n - hopsAtEachEnd; k < n; k++) element(k);
  return out;
}
