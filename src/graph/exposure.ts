import type { IntList, SearchScratch } from "./search.js";
import type { NetGraph, RiskMask } from "./types.js";

/**
 * Breadth-first from `from` over the arcs `start`/`to`, not continuing past `stop`: stamps every
 * node reached with `mark` and lists it in `list` (in visit order).
 */
function reach(from: number, stop: number, start: Int32Array, to: Int32Array, stamp: Int32Array, list: IntList, mark: number): void {
  list.length = 0;
  stamp[from] = mark;
  list.push(from);
  for (let head = 0; head < list.length; head++) {
    const u = list.data[head]!;
    if (u === stop) continue;
    for (let k = start[u]!; k < start[u + 1]!; k++) {
      const w = to[k]!;
      if (stamp[w] !== mark) {
        stamp[w] = mark;
        list.push(w);
      }
    }
  }
}

/**
 * With one-way links: risky items reachable from s without passing through t that also reach
 * t without passing through s. A superset of the items on simple paths (walks are allowed),
 * hence `approximate`.
 */
export function exposureByReach(
  g: NetGraph,
  sc: SearchScratch,
  risky: RiskMask,
  s: number,
  t: number,
  cap: number,
): { items: number[]; count: number } {
  const { n, outStart, outTo, outLink } = g;
  const mark = 2 * sc.next();
  const { stF: fromS, stB: toT } = sc;
  const fwd = sc.listF;
  reach(s, t, outStart, outTo, fromS, fwd, mark);
  reach(t, s, g.inStart, g.inFrom, toT, sc.listB, mark);
  const found: number[] = [];
  for (let i = 0; i < fwd.length; i++) {
    const u = fwd.data[i]!;
    if (u !== s && u !== t && toT[u] === mark && risky[u] === 1) found.push(u);
    if (u === t) continue;
    for (let k = outStart[u]!; k < outStart[u + 1]!; k++) {
      const w = outTo[k]!;
      const li = n + outLink[k]!;
      // Both arcs of a two-way link may qualify: count the link once.
      if (w !== s && toT[w] === mark && risky[li] === 1) found.push(li);
    }
  }
  found.sort((a, b) => a - b);
  const items: number[] = [];
  let count = 0;
  for (let i = 0; i < found.length; i++) {
    if (i > 0 && found[i] === found[i - 1]) continue;
    count++;
    if (items.length < cap) items.push(found[i]!);
  }
  return { items, count };
}
