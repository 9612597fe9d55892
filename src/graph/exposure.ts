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
  const gen = sc.next();
  const fromS = sc.labF;
  const toT = sc.labB;
  const q = sc.queue;
  let head = 0;
  let tail = 0;
  fromS[s] = gen;
  q[tail++] = s;
  let reached = 0;
  while (head < tail) {
    const u = q[head++]!;
    if (u === t) continue;
    for (let k = outStart[u]!; k < outStart[u + 1]!; k++) {
      const w = outTo[k]!;
      if (fromS[w] !== gen) {
        fromS[w] = gen;
        q[tail++] = w;
      }
    }
  }
  reached = tail;
  const fwd = sc.listF;
  fwd.set(q.subarray(0, reached));
  head = 0;
  tail = 0;
  toT[t] = gen;
  q[tail++] = t;
  while (head < tail) {
    const u = q[head++]!;
    if (u === s) continue;
    for (let k = inStart[u]!; k < inStart[u + 1]!; k++) {
      const x = inFrom[k]!;
      if (toT[x] !== gen) {
        toT[x] = gen;
        q[tail++] = x;
      }
    }
  }
  const found: number[] = [];
  for (let i = 0; i < reached; i++) {
    const u = fwd[i]!;
    if (u !== s && u !== t && toT[u] === gen && risky[u] === 1) found.push(u);
    if (u === t) continue;
    for (let k = outStart[u]!; k < outStart[u + 1]!; k++) {
      const w = outTo[k]!;
      const li = n + outLink[k]!;
      // Both arcs of a two-way link may qualify: count the link once.
      if (w !== s && toT[w] === gen && risky[li] === 1) found.push(li);
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
