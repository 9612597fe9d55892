import type { NetGraph, RiskMask } from "./types.js";

/**
 * Biconnected components (blocks) of the undirected graph, arranged as a block-cut tree
 * rooted at each depth-first root: the parent of a vertex is the block of its tree link, the
 * parent of a block is its head (the cut vertex, or root, where it was closed). Non-cut
 * vertices hang as leaves under their block, so the tree path between two vertices passes
 * through exactly the blocks their simple paths can use.
 */
export interface BlockTree {
  readonly blocks: number;
  /** Depth-first root of each node's component, -1 for excluded nodes (full graph only). */
  readonly root: Int32Array;
  /** Block of each link, -1 for excluded links (full graph only). */
  readonly linkBlock: Int32Array;
  /** Block of the tree link into each node, -1 at roots and excluded nodes. */
  readonly nodeBlock: Int32Array;
  readonly head: Int32Array;
  readonly nodeDepth: Int32Array;
  readonly blockDepth: Int32Array;
  /** Number of nodes in each block (head included). */
  readonly blockSize: Int32Array;
  /** Number of links in each block, and the tree link that closed it (full graph only). */
  readonly blockLinks: Int32Array;
  readonly blockLink: Int32Array;
}

/**
 * Iterative Hopcroft–Tarjan over the out-arcs (undirected graphs only). With a mask, only
 * clean nodes and clean links take part, and only what `shareBigBlock` needs is kept (the
 * other arrays are empty). O(n + m), no recursion. `temps` lends five per-node Int32 arrays
 * (contents are overwritten).
 */
export function blockTree(g: NetGraph, risky: RiskMask | null, temps: readonly Int32Array[]): BlockTree {
  const { n, m, outStart, outTo, outLink, linkA, linkB } = g;
  const full = risky === null;
  const [disc, low, parentLink, it, stack] = temps as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
  disc.fill(-1);
  const edges = new Int32Array(Math.max(1, m));
  const root = full ? new Int32Array(n).fill(-1) : new Int32Array(0);
  const linkBlock = full ? new Int32Array(m).fill(-1) : new Int32Array(0);
  const nodeBlock = new Int32Array(n).fill(-1);
  const heads: number[] = [];
  const sizes: number[] = [];
  const linkCounts: number[] = [];
  const closers: number[] = [];
  let time = 0;
  let esp = 0;
  for (let r = 0; r < n; r++) {
    if (disc[r]! >= 0 || (risky !== null && risky[r] === 1)) continue;
    let sp = 0;
    stack[sp++] = r;
    disc[r] = low[r] = time++;
    parentLink[r] = -1;
    it[r] = outStart[r]!;
    if (full) root[r] = r;
    while (sp > 0) {
      const v = stack[sp - 1]!;
      if (it[v]! < outStart[v + 1]!) {
        const k = it[v]!++;
        const l = outLink[k]!;
        // Only the very link we came in by is skipped: a parallel link is a back edge.
        if (l === parentLink[v]) continue;
        const w = outTo[k]!;
        if (risky !== null && (risky[n + l] === 1 || risky[w] === 1)) continue;
        if (disc[w]! < 0) {
          edges[esp++] = l;
          parentLink[w] = l;
          disc[w] = low[w] = time++;
          it[w] = outStart[w]!;
          if (full) root[w] = r;
          stack[sp++] = w;
        } else if (disc[w]! < disc[v]!) {
          edges[esp++] = l;
          if (disc[w]! < low[v]!) low[v] = disc[w]!;
        }
        continue;
      }
      sp--;
      if (v === r) continue;
      const pl = parentLink[v]!;
      const u = linkA[pl] === v ? linkB[pl]! : linkA[pl]!;
      if (low[v]! < low[u]!) low[u] = low[v]!;
      if (low[v]! >= disc[u]!) {
        const b = heads.length;
        let size = 1;
        let count = 0;
        let e: number;
        do {
          e = edges[--esp]!;
          count++;
          if (full) linkBlock[e] = b;
          // A tree link brings its deeper end into the block.
          const a = linkA[e]!;
          const c = linkB[e]!;
          const deeper = disc[a]! > disc[c]! ? a : c;
          if (parentLink[deeper] === e) {
            nodeBlock[deeper] = b;
            size++;
          }
        } while (e !== pl);
        heads.push(u);
        sizes.push(size);
        if (full) {
          linkCounts.push(count);
          closers.push(pl);
        }
      }
    }
  }
  const blocks = heads.length;
  const head = Int32Array.from(heads);
  const blockSize = Int32Array.from(sizes);
  const nodeDepth = new Int32Array(full ? n : 0);
  const blockDepth = new Int32Array(full ? blocks : 0);
  if (full) {
    // Preorder (low is free now): a block's head is discovered before any other of its nodes.
    const order = low;
    for (let v = 0; v < n; v++) if (disc[v]! >= 0) order[disc[v]!] = v;
    for (let i = 0; i < time; i++) {
      const v = order[i]!;
      const b = nodeBlock[v]!;
      if (b < 0) continue;
      blockDepth[b] = nodeDepth[head[b]!]! + 1;
      nodeDepth[v] = blockDepth[b]! + 1;
    }
  }
  const blockLinks = Int32Array.from(linkCounts);
  const blockLink = Int32Array.from(closers);
  return { blocks, root, linkBlock, nodeBlock, head, nodeDepth, blockDepth, blockSize, blockLinks, blockLink };
}

/** Tree nodes on the block-cut tree path from s to t: vertex v as v, block b as ~b. */
function treePath(bt: BlockTree, s: number, t: number): number[] {
  const { nodeBlock, head, nodeDepth, blockDepth } = bt;
  const depth = (z: number): number => (z >= 0 ? nodeDepth[z]! : blockDepth[~z]!);
  const up = (z: number): number => (z >= 0 ? ~nodeBlock[z]! : head[~z]!);
  const fromS: number[] = [];
  const fromT: number[] = [];
  let x = s;
  let y = t;
  while (x !== y) {
    if (depth(x) >= depth(y)) {
      fromS.push(x);
      x = up(x);
    } else {
      fromT.push(y);
      y = up(y);
    }
  }
  fromS.push(x);
  return fromS.concat(fromT.reverse());
}

/**
 * Single items whose failure disconnects s from t: the cut vertices between them and the
 * bridges on the way (a block that is one link). Empty when they are not connected.
 */
export function separators(g: NetGraph, bt: BlockTree, s: number, t: number): Set<number> {
  const out = new Set<number>();
  if (bt.root[s] !== bt.root[t] || bt.root[s]! < 0) return out;
  for (const z of treePath(bt, s, t)) {
    if (z >= 0) {
      if (z !== s && z !== t) out.add(z);
    } else if (bt.blockLinks[~z] === 1) {
      out.add(g.n + bt.blockLink[~z]!);
    }
  }
  return out;
}

/** True when s and t lie in one block of at least three nodes (two internally disjoint paths). */
export function shareBigBlock(bt: BlockTree, s: number, t: number): boolean {
  const bs = bt.nodeBlock[s]!;
  const bT = bt.nodeBlock[t]!;
  let b = -1;
  if (bs >= 0 && (bs === bT || bt.head[bs] === t)) b = bs;
  else if (bT >= 0 && bt.head[bT] === s) b = bT;
  return b >= 0 && bt.blockSize[b]! >= 3;
}

/** Risky items of each block for one mask, as ascending CSR lists, with per-block counts. */
export interface BlockRisk {
  readonly start: Int32Array;
  readonly items: Int32Array;
}

/** Lists the risky items (nodes, links offset by n) of every block. */
export function blockRisk(g: NetGraph, bt: BlockTree, risky: RiskMask): BlockRisk {
  const { n, m } = g;
  const { blocks, linkBlock, nodeBlock, head } = bt;
  const start = new Int32Array(blocks + 1);
  const each = (fn: (b: number, item: number) => void): void => {
    for (let v = 0; v < n; v++) if (risky[v] === 1 && nodeBlock[v]! >= 0) fn(nodeBlock[v]!, v);
    for (let b = 0; b < blocks; b++) if (risky[head[b]!] === 1) fn(b, head[b]!);
    for (let l = 0; l < m; l++) if (risky[n + l] === 1 && linkBlock[l]! >= 0) fn(linkBlock[l]!, n + l);
  };
  each((b) => start[b + 1]!++);
  for (let b = 0; b < blocks; b++) start[b + 1]! += start[b]!;
  const fill = start.slice(0, blocks);
  const items = new Int32Array(start[blocks]!);
  each((b, item) => {
    items[fill[b]!++] = item;
  });
  for (let b = 0; b < blocks; b++) {
    if (start[b + 1]! - start[b]! > 1) items.subarray(start[b]!, start[b + 1]!).sort();
  }
  return { start, items };
}

/**
 * Risky items on at least one simple s–t path: the risky items of the blocks on the
 * block-cut tree path between s and t, without s and t. Count exact, list capped.
 */
export function exposureByBlocks(
  bt: BlockTree,
  br: BlockRisk,
  risky: RiskMask,
  s: number,
  t: number,
  cap: number,
): { items: number[]; count: number } {
  if (bt.root[s] !== bt.root[t] || bt.root[s]! < 0) return { items: [], count: 0 };
  const path: number[] = [];
  let count = 0;
  for (const z of treePath(bt, s, t)) {
    if (z < 0) {
      const b = ~z;
      path.push(b);
      count += br.start[b + 1]! - br.start[b]!;
    } else if (z !== s && z !== t && risky[z] === 1) {
      count--; // a cut vertex between two path blocks is listed by both
    }
  }
  if (risky[s] === 1) count--;
  if (risky[t] === 1) count--;
  const gathered: number[] = [];
  for (const b of path) {
    const end = Math.min(br.start[b + 1]!, br.start[b]! + cap + 2);
    for (let i = br.start[b]!; i < end; i++) gathered.push(br.items[i]!);
  }
  gathered.sort((a, b) => a - b);
  const items: number[] = [];
  for (let i = 0; i < gathered.length && items.length < cap; i++) {
    const v = gathered[i]!;
    if (v === s || v === t || (i > 0 && gathered[i - 1] === v)) continue;
    items.push(v);
  }
  return { items, count };
}
