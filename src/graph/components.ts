import type { NetGraph, RiskMask } from "./types.js";

/**
 * Connected components of the clean subgraph (clean nodes joined by clean links), by
 * union-find: label per node, -1 for risky nodes. Links are taken as undirected.
 */
export function cleanComponents(g: NetGraph, risky: RiskMask, temp: Int32Array): { label: Int32Array; count: number } {
  const { n, m, linkA, linkB } = g;
  const parent = temp;
  for (let v = 0; v < n; v++) parent[v] = v;
  const find = (v: number): number => {
    let r = v;
    while (parent[r] !== r) r = parent[r]!;
    while (parent[v] !== r) {
      const next = parent[v]!;
      parent[v] = r;
      v = next;
    }
    return r;
  };
  for (let l = 0; l < m; l++) {
    if (risky[n + l] === 1) continue;
    const a = linkA[l]!;
    const b = linkB[l]!;
    if (risky[a] === 1 || risky[b] === 1) continue;
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) continue;
    // Smaller index as root keeps the labelling independent of link order details.
    if (ra < rb) parent[rb] = ra;
    else parent[ra] = rb;
  }
  const label = new Int32Array(n).fill(-1);
  let count = 0;
  for (let v = 0; v < n; v++) {
    if (risky[v] === 1) continue;
    const r = find(v);
    if (r === v) label[v] = count++;
    else label[v] = label[r]!;
  }
  return { label, count };
}

/**
 * Strongly connected components of the clean subgraph (iterative Tarjan), for graphs with
 * one-way links: label per node, -1 for risky nodes. `temps` lends five per-node Int32 arrays.
 */
export function cleanStrongComponents(
  g: NetGraph,
  risky: RiskMask,
  temps: readonly Int32Array[],
): { label: Int32Array; count: number } {
  const { n, outStart, outTo, outLink } = g;
  const [index, low, it, call, stack] = temps as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
  index.fill(-1);
  const onStack = new Uint8Array(n);
  const label = new Int32Array(n).fill(-1);
  let time = 0;
  let sp = 0;
  let count = 0;
  for (let r = 0; r < n; r++) {
    if (index[r]! >= 0 || risky[r] === 1) continue;
    let cp = 0;
    call[cp++] = r;
    index[r] = low[r] = time++;
    it[r] = outStart[r]!;
    stack[sp++] = r;
    onStack[r] = 1;
    while (cp > 0) {
      const v = call[cp - 1]!;
      if (it[v]! < outStart[v + 1]!) {
        const k = it[v]!++;
        const w = outTo[k]!;
        if (risky[n + outLink[k]!] === 1 || risky[w] === 1) continue;
        if (index[w]! < 0) {
          index[w] = low[w] = time++;
          it[w] = outStart[w]!;
          stack[sp++] = w;
          onStack[w] = 1;
          call[cp++] = w;
        } else if (onStack[w] === 1 && index[w]! < low[v]!) {
          low[v] = index[w]!;
        }
        continue;
      }
      cp--;
      if (cp > 0) {
        const u = call[cp - 1]!;
        if (low[v]! < low[u]!) low[u] = low[v]!;
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--sp]!;
          onStack[w] = 0;
          label[w] = count;
        } while (w !== v);
        count++;
      }
    }
  }
  return { label, count };
}
