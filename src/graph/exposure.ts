import type { SearchScratch } from "./search.js";
import type { NetGraph, RiskMask } from "./types.js";

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
  const { n, outStart, outTo, outLink, inStart, inFrom } = g;
  const mark = 2 * sc.next();
  const { stF: fromS, stB: toT } = sc;
  const fwd = sc.listF;
  const q = sc.listB;
  fwd.length = 0;
  fromS[s] = mark;
  fwd.push(s);
  for (let head = 0; head < fwd.length; head++) {
    const u = fwd.data[head]!;
    if (u === t) continue;
    for (let k = outStart[u]!; k < outStart[u + 1]!; k++) {
      const w = outTo[k]!;
      if (fromS[w] !== mark) {
        fromS[w] = mark;
        fwd.push(w);
      }
    }
  }
  q.length = 0;
  toT[t] = mark;
  q.push(t);
  for (let head = 0; head < q.length; head++) {
    const u = q.data[head]!;
    if (u === s) continue;
    for (let k = inStart[u]!; k < inStart[u + 1]!; k++) {
      const x = inFrom[k]!;
      if (toT[x] !== mark) {
        toT[x] = mark;
        q.push(x);
      }
    }
  }
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
