import { IN_SERVICE, linkColumns } from "../topology/link-table.js";
import type { Topology } from "../topology/types.js";
import type { GraphClosure, NetGraph } from "./types.js";
import { int32Array, uint8Array } from "../arena.js";

/**
 * Read-only id → node view over the topology's element index, so that a 10^6-element
 * network does not pay for a second string-keyed Map.
 */
class NodeIndexView implements ReadonlyMap<string, number> {
  constructor(
    private readonly elementIndex: ReadonlyMap<string, number>,
    private readonly elementToNode: Int32Array,
    private readonly ids: readonly string[],
  ) {}

  get size(): number {
    return this.ids.length;
  }

  get(id: string): number | undefined {
    const e = this.elementIndex.get(id);
    if (e === undefined) return undefined;
    const v = this.elementToNode[e]!;
    return v >= 0 ? v : undefined;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  forEach(fn: (value: number, key: string, map: ReadonlyMap<string, number>) => void, thisArg?: unknown): void {
    for (let v = 0; v < this.ids.length; v++) fn.call(thisArg, v, this.ids[v]!, this);
  }

  *entries(): MapIterator<[string, number]> {
    for (let v = 0; v < this.ids.length; v++) yield [this.ids[v]!, v];
  }

  *keys(): MapIterator<string> {
    yield* this.ids;
  }

  *values(): MapIterator<number> {
    for (let v = 0; v < this.ids.length; v++) yield v;
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }
}

/**
 * Builds the CSR graph of the in-service part of a topology: nodes in element order, links in
 * link order (planned and out-of-service items, and links touching them, are left out).
 */
export function buildGraph(topology: Topology): NetGraph {
  const { elements } = topology;
  const links = linkColumns(topology);
  const under = topology.underlay;
  // With an underlay, an item is in the graph when it is up: in service and resting only on items
  // that are (SPEC §4.1); otherwise its own state decides.
  const up = under?.up;
  const E = elements.length;
  const elementToNode = int32Array(elements.length).fill(-1);
  const nodeIds: string[] = [];
  const nodeElement = int32Array(elements.length);
  for (let e = 0; e < elements.length; e++) {
    const el = elements[e]!;
    if (el.state !== "in-service") continue;
    if (up !== undefined && up[e] === 0) continue;
    elementToNode[e] = nodeIds.length;
    nodeElement[nodeIds.length] = e;
    nodeIds.push(el.id);
  }
  const n = nodeIds.length;

  // First pass resolves ends into worst-case-sized buffers; most topologies keep every link.
  const cap = links.length;
  let linkA = int32Array(cap);
  let linkB = int32Array(cap);
  let linkMetric = int32Array(cap);
  let linkOneWay = uint8Array(cap);
  let linkTopo = int32Array(cap);
  let m = 0;
  let hasOneWay = false;
  const { state, ai, bi, metric, oneWay: forward } = links;
  for (let i = 0; i < links.length; i++) {
    if (state[i] !== IN_SERVICE) continue;
    if (up !== undefined && up[E + i] === 0) continue;
    // Ends were resolved to element indices by normalisation: no string lookups here.
    const ea = ai[i]!;
    const eb = bi[i]!;
    if (ea < 0 || eb < 0) continue;
    const a = elementToNode[ea]!;
    const b = elementToNode[eb]!;
    if (a < 0 || b < 0) continue;
    linkA[m] = a;
    linkB[m] = b;
    linkMetric[m] = metric[i]!;
    if (forward[i] === 1) {
      linkOneWay[m] = 1;
      hasOneWay = true;
    }
    linkTopo[m] = i;
    m++;
  }
  if (m < cap) {
    // Views, not copies: no second allocation for the graph's largest arrays.
    linkA = linkA.subarray(0, m);
    linkB = linkB.subarray(0, m);
    linkMetric = linkMetric.subarray(0, m);
    linkOneWay = linkOneWay.subarray(0, m);
    linkTopo = linkTopo.subarray(0, m);
  }

  const closure = under === undefined ? undefined : graphClosure(under, elementToNode, nodeElement, linkTopo, n, m, E, links.length);
  const out = csr(n, m, linkA, linkB, linkOneWay, linkMetric);
  // Without one-way links every arc is listed both ways: in-arcs are the out-arcs.
  const inn = hasOneWay ? csr(n, m, linkB, linkA, linkOneWay, linkMetric) : out;
  return {
    n,
    m,
    nodeIds,
    nodeElement: nodeElement.subarray(0, n),
    nodeIndex: new NodeIndexView(topology.elementIndex, elementToNode, nodeIds),
    // Built on first use: link ids are strings made on demand, and most runs need only a few.
    get linkIds(): readonly string[] {
      const ids = Array.from({ length: m }, (_, l) => links.id(linkTopo[l]!));
      Object.defineProperty(this, "linkIds", { value: ids, enumerable: true });
      return ids;
    },
    linkTopo,
    linkA,
    linkB,
    linkMetric,
    linkOneWay,
    hasOneWay,
    outStart: out.start,
    outTo: out.to,
    outLink: out.link,
    outMetric: out.metric,
    inStart: inn.start,
    inFrom: inn.to,
    inLink: inn.link,
    inMetric: inn.metric,
    ...(closure === undefined ? {} : { closure }),
  };
}

/**
 * The topology's closures renumbered into graph items (nodes, then links). Up items rest only on
 * up items, so every closure item of a graph item is in the graph; anything else is a bug.
 */
function graphClosure(
  under: NonNullable<Topology["underlay"]>,
  elementToNode: Int32Array,
  nodeElement: Int32Array,
  linkTopo: Int32Array,
  n: number,
  m: number,
  E: number,
  L: number,
): GraphClosure | undefined {
  const linkToGraph = int32Array(L).fill(-1);
  for (let l = 0; l < m; l++) linkToGraph[linkTopo[l]!] = l;
  const toGraph = (item: number): number => {
    if (item < E) return elementToNode[item]!;
    const l = linkToGraph[item - E]!;
    return l < 0 ? -1 : n + l;
  };
  const start = int32Array(n + m + 1);
  let total = 0;
  const itemTopo = (gi: number): number => (gi < n ? nodeElement[gi]! : E + linkTopo[gi - n]!);
  for (let gi = 0; gi < n + m; gi++) {
    const ti = itemTopo(gi);
    total += under.start[ti + 1]! - under.start[ti]!;
    start[gi + 1] = total;
  }
  if (total === 0) return undefined;
  const items = int32Array(total);
  let k = 0;
  for (let gi = 0; gi < n + m; gi++) {
    const ti = itemTopo(gi);
    for (let j = under.start[ti]!; j < under.start[ti + 1]!; j++) {
      const c = toGraph(under.items[j]!);
      if (c < 0) throw new Error(`closure item ${under.items[j]} of graph item ${gi} is not in the graph`);
      items[k++] = c;
    }
  }
  return { start, items };
}

/**
 * Counting-sort CSR of the arcs tail → head (and head → tail unless one-way), each node's arcs
 * in link order.
 */
function csr(
  n: number,
  m: number,
  tail: Int32Array,
  head: Int32Array,
  oneWay: Uint8Array,
  linkMetric: Int32Array,
): { start: Int32Array; to: Int32Array; link: Int32Array; metric: Int32Array } {
  // Counts go two slots ahead so that filling can advance start[v + 1] in place, leaving
  // start[v] as the first arc of v when it is done.
  const start = int32Array(n + 2);
  let arcs = 0;
  for (let l = 0; l < m; l++) {
    start[tail[l]! + 2]!++;
    arcs++;
    if (oneWay[l] === 0) {
      start[head[l]! + 2]!++;
      arcs++;
    }
  }
  for (let v = 1; v <= n; v++) start[v + 1]! += start[v]!;
  const to = int32Array(arcs);
  const link = int32Array(arcs);
  const metric = int32Array(arcs);
  for (let l = 0; l < m; l++) {
    const a = tail[l]!;
    const b = head[l]!;
    const w = linkMetric[l]!;
    let k = start[a + 1]!++;
    to[k] = b;
    link[k] = l;
    metric[k] = w;
    if (oneWay[l] === 0) {
      k = start[b + 1]!++;
      to[k] = a;
      link[k] = l;
      metric[k] = w;
    }
  }
  return { start: start.subarray(0, n + 1), to, link, metric };
}
