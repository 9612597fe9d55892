import type { NetGraph, RiskMask } from "./types.js";

/**
 * Biconnected components (blocks) of the undirected graph, arranged as a block-cut tree
 * rooted at each depth-first root: the parent of a vertex is the block of its tree link, the
 * parent of a block is its head (the cut vertex, or root, where it hangs). Non-cut vertices
 * hang as leaves under their block, so the tree path between two vertices passes through
 * exactly the blocks their simple paths can use.
 */
export interface BlockTree {
  readonly blocks: number;
  /** Depth-first root of each node's component, -1 for excluded nodes (full graph only). */
  readonly root: Int32Array;
  /** Block of the tree link into each node, -1 at roots and excluded nodes. */
  readonly nodeBlock: Int32Array;
  readonly head: Int32Array;
  /** Depth in the block-cut tree (full graph only); a block lies one below its head. */
  readonly nodeDepth: Int32Array;
  /** Number of nodes in each block (head included). */
  readonly blockSize: Int32Array;
  /** Number of links in each block, saturating at 255, and the tree link that opened it (full graph only). */
  readonly blockLinks: Uint8Array;
  readonly blockLink: Int32Array;
}

/**
 * Iterative Hopcroft–Tarjan over the out-arcs (undirected graphs only), O(n + m), no
 * recursion, and no edge stack: once low points are known, a tree link opens a new block
 * exactly when the child's low point does not reach above the parent, and every other link
 * belongs to the block of its deeper end. With a mask, only clean nodes and clean links take
 * part and only what `shareBigBlock` needs is kept. Without one, `ban` (a node, or a link
 * offset by n) leaves one item out: the blocks of the graph after that failure. `temps` lends
 * five per-node Int32 arrays.
 */
export function blockTree(g: NetGraph, risky: RiskMask | null, temps: readonly Int32Array[], ban = -1): BlockTree {
  const { n, outStart, outTo, outLink, linkA, linkB } = g;
  const full = risky === null;
  const banLink = ban >= n ? ban - n : -1;
  const [disc, low, parentLink, it, stack] = temps as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
  disc.fill(-1);
  const root = full ? new Int32Array(n).fill(-1) : new Int32Array(0);
  let time = 0;
  for (let r = 0; r < n; r++) {
    if (disc[r]! >= 0 || r === ban || (risky !== null && risky[r] === 1)) continue;
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
        if (l === banLink || w === ban) continue;
        if (risky !== null && (risky[n + l] === 1 || risky[w] === 1)) continue;
        if (disc[w]! < 0) {
          parentLink[w] = l;
          disc[w] = low[w] = time++;
          it[w] = outStart[w]!;
          if (full) root[w] = r;
          stack[sp++] = w;
        } else if (disc[w]! < low[v]!) {
          low[v] = disc[w]!;
        }
        continue;
      }
      sp--;
      if (v === r) continue;
      const pl = parentLink[v]!;
      const u = linkA[pl] === v ? linkB[pl]! : linkA[pl]!;
      if (low[v]! < low[u]!) low[u] = low[v]!;
    }
  }
  // Preorder (`it` is free now): parents come before children.
  const order = it;
  for (let v = 0; v < n; v++) if (disc[v]! >= 0) order[disc[v]!] = v;
  const parentOf = (v: number): number => {
    const pl = parentLink[v]!;
    return linkA[pl] === v ? linkB[pl]! : linkA[pl]!;
  };
  let blocks = 0;
  for (let i = 0; i < time; i++) {
    const v = order[i]!;
    if (parentLink[v]! >= 0 && low[v]! >= disc[parentOf(v)]!) blocks++;
  }
  const nodeBlock = new Int32Array(n).fill(-1);
  const head = new Int32Array(blocks);
  const blockSize = new Int32Array(blocks).fill(1);
  const nodeDepth = new Int32Array(full ? n : 0);
  const blockLink = new Int32Array(full ? blocks : 0);
  let b = 0;
  for (let i = 0; i < time; i++) {
    const v = order[i]!;
    if (parentLink[v]! < 0) continue;
    const u = parentOf(v);
    let vb: number;
    if (low[v]! >= disc[u]!) {
      vb = b++;
      head[vb] = u;
      if (full) blockLink[vb] = parentLink[v]!;
    } else {
      vb = nodeBlock[u]!;
    }
    nodeBlock[v] = vb;
    blockSize[vb]!++;
    if (full) nodeDepth[v] = nodeDepth[head[vb]!]! + 2;
  }
  const blockLinks = new Uint8Array(full ? blocks : 0);
  if (full) {
    for (let l = 0; l < g.m; l++) {
      if (l === banLink || linkA[l] === ban || linkB[l] === ban) continue;
      const lb = linkBlock(g, nodeBlock, nodeDepth, l);
      if (blockLinks[lb]! < 255) blockLinks[lb]!++;
    }
  }
  return { blocks, root, nodeBlock, head, nodeDepth, blockSize, blockLinks, blockLink };
}

/**
 * Block of a link: that of its deeper end (the child of a tree link, the descendant of a back
 * link; ends at equal depth share their block). Full graph only.
 */
export function linkBlock(g: NetGraph, nodeBlock: Int32Array, nodeDepth: Int32Array, l: number): number {
  const a = g.linkA[l]!;
  const b = g.linkB[l]!;
  return nodeBlock[nodeDepth[a]! >= nodeDepth[b]! ? a : b]!;
}

/** Tree nodes on the block-cut tree path from s to t: vertex v as v, block b as ~b. */
function treePath(bt: BlockTree, s: number, t: number): number[] {
  const { nodeBlock, head, nodeDepth } = bt;
  const depth = (z: number): number => (z >= 0 ? nodeDepth[z]! : nodeDepth[head[~z]!]! + 1);
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

/** Blocks on the block-cut tree path between s and t (empty when they are not connected). */
export function pathBlocks(bt: BlockTree, s: number, t: number): number[] {
  if (bt.root[s] !== bt.root[t] || bt.root[s]! < 0) return [];
  const out: number[] = [];
  for (const z of treePath(bt, s, t)) if (z < 0) out.push(~z);
  return out;
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
  const { blocks, nodeBlock, nodeDepth, head } = bt;
  const start = new Int32Array(blocks + 1);
  const each = (fn: (b: number, item: number) => void): void => {
    for (let v = 0; v < n; v++) if (risky[v] === 1 && nodeBlock[v]! >= 0) fn(nodeBlock[v]!, v);
    for (let b = 0; b < blocks; b++) if (risky[head[b]!] === 1) fn(b, head[b]!);
    for (let l = 0; l < m; l++) if (risky[n + l] === 1) fn(linkBlock(g, nodeBlock, nodeDepth, l), n + l);
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
