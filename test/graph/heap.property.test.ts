import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BucketQueue, NodeHeap } from "../../src/graph/heap.js";

const runs = Number(process.env["CLEANPATH_PROPERTY_RUNS"] ?? 400);

interface Net {
  n: number;
  maxMetric: number;
  arcs: [number, number, number][];
  sources: [number, number][];
}

const netArb: fc.Arbitrary<Net> = fc
  .record({ n: fc.integer({ min: 1, max: 12 }), maxMetric: fc.integer({ min: 1, max: 9 }) })
  .chain(({ n, maxMetric }) =>
    fc.record({
      n: fc.constant(n),
      maxMetric: fc.constant(maxMetric),
      arcs: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 1, max: maxMetric })), { maxLength: 40 }),
      // Several sources pushed before the first pop, with keys no further apart than one arc
      // (what the queue asks: every waiting key within `maxMetric` of the smallest).
      sources: fc.nat(20).chain((base) =>
        fc.uniqueArray(fc.tuple(fc.nat(n - 1), fc.integer({ min: base, max: base + maxMetric })), { minLength: 1, maxLength: Math.min(n, 4), selector: (s) => s[0] }),
      ),
    }),
  );

/** Dijkstra with `q`; the order nodes come out in, with their keys. */
function dijkstra(net: Net, q: BucketQueue | NodeHeap): { dist: number[]; popped: number[] } {
  const dist = new Array<number>(net.n).fill(Infinity);
  const done = new Array<boolean>(net.n).fill(false);
  const popped: number[] = [];
  q.clear();
  for (const [s, key] of net.sources) {
    dist[s] = key;
    q.push(s, key);
  }
  while (q.size > 0) {
    const u = q.pop();
    done[u] = true;
    popped.push(dist[u]!);
    for (const [a, b, w] of net.arcs) {
      if (a !== u || done[b]) continue;
      const nd = dist[u]! + w;
      if (dist[b] === Infinity) {
        dist[b] = nd;
        q.push(b, nd);
      } else if (nd < dist[b]!) {
        dist[b] = nd;
        q.decrease(b, nd);
      }
    }
  }
  return { dist, popped };
}

/** Bellman–Ford distances from the sources. */
function reference(net: Net): number[] {
  const dist = new Array<number>(net.n).fill(Infinity);
  for (const [s, key] of net.sources) dist[s] = Math.min(dist[s]!, key);
  for (let round = 0; round < net.n; round++) for (const [a, b, w] of net.arcs) if (dist[a]! + w < dist[b]!) dist[b] = dist[a]! + w;
  return dist;
}

describe("the bucket queue of the shortest-path trees", () => {
  it("pops in key order and gives Dijkstra the distances the heap and Bellman–Ford give", () => {
    fc.assert(
      fc.property(netArb, (net) => {
        // One queue reused across searches, as the trees reuse theirs (a search may stop with nodes left in it).
        const buckets = new BucketQueue(net.n, net.maxMetric);
        buckets.push(0, 5);
        const b = dijkstra(net, buckets);
        const h = dijkstra(net, new NodeHeap(new Int32Array(net.n)));
        expect(b.dist).toEqual(reference(net));
        expect(h.dist).toEqual(b.dist);
        for (let i = 1; i < b.popped.length; i++) expect(b.popped[i]!).toBeGreaterThanOrEqual(b.popped[i - 1]!);
        expect(b.popped.length).toBe(h.popped.length);
      }),
      { numRuns: runs },
    );
  });
});
