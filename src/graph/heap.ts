import { int32Array } from "../arena.js";

/**
 * Indexed binary min-heap of node ids with decrease-key. Keys are stored beside the ids so
 * that sifting never chases a node's distance elsewhere in memory. Positions are meaningful
 * only while a node is in the heap; callers track membership with generation stamps, so
 * nothing is cleared between searches.
 */
export class NodeHeap {
  private items: Int32Array;
  private keys: Float64Array;
  size = 0;

  /** `pos` (one entry per node) may be shared with other structures between searches. */
  constructor(private readonly pos: Int32Array) {
    this.items = new Int32Array(1024);
    this.keys = new Float64Array(1024);
  }

  clear(): void {
    this.size = 0;
  }

  topKey(): number {
    return this.size === 0 ? Infinity : this.keys[0]!;
  }

  /** Inserts v (not in the heap). */
  push(v: number, key: number): void {
    if (this.size === this.items.length) {
      // Frontiers are usually far smaller than the graph: grow on demand.
      const items = new Int32Array(2 * this.size);
      const keys = new Float64Array(2 * this.size);
      items.set(this.items);
      keys.set(this.keys);
      this.items = items;
      this.keys = keys;
    }
    this.up(this.size++, v, key);
  }

  /** Lowers the key of v (in the heap). */
  decrease(v: number, key: number): void {
    this.up(this.pos[v]!, v, key);
  }

  pop(): number {
    const { items, keys } = this;
    const v = items[0]!;
    const n = --this.size;
    if (n > 0) this.down(items[n]!, keys[n]!);
    return v;
  }

  private up(i: number, v: number, key: number): void {
    const { items, keys, pos } = this;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const kp = keys[p]!;
      if (kp <= key) break;
      const u = items[p]!;
      items[i] = u;
      keys[i] = kp;
      pos[u] = i;
      i = p;
    }
    items[i] = v;
    keys[i] = key;
    pos[v] = i;
  }

  /** Places v with `key` at the root's hole and sifts it down. */
  private down(v: number, key: number): void {
    const { items, keys, pos } = this;
    const n = this.size;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      let kc = keys[c]!;
      const c2 = c + 1;
      if (c2 < n) {
        const k2 = keys[c2]!;
        if (k2 < kc) {
          c = c2;
          kc = k2;
        }
      }
      if (kc >= key) break;
      const u = items[c]!;
      items[i] = u;
      keys[i] = kc;
      pos[u] = i;
      i = c;
    }
    items[i] = v;
    keys[i] = key;
    pos[v] = i;
  }
}

/**
 * Dial's bucket queue for small integer keys: with every arc metric an integer of at most `C`,
 * the keys waiting in a Dijkstra search lie within C of the smallest, so C + 1 circular buckets
 * of doubly linked nodes give push, decrease and pop in constant time (a pop walks past the
 * empty buckets: over a whole search, at most the largest distance reached). The same interface
 * as `NodeHeap`; nodes with equal keys come out in a different order, which no search depends on
 * (a tree's distances are the same whatever the order among equals).
 */
export class BucketQueue {
  /** First node of each bucket, -1 when empty. */
  private readonly head: Int32Array;
  /** Next node in the same bucket, -1 at the end. */
  private readonly next: Int32Array;
  /** Previous node in the same bucket, or -(bucket + 1) for the first one. */
  private readonly prev: Int32Array;
  private bucket = 0;
  /** Nothing popped since the last clear: popping starts at the smallest key pushed so far. */
  private fresh = true;
  private first = 0;
  size = 0;

  /** For nodes 0..n-1 and keys that never exceed the smallest waiting key by more than `maxStep`. */
  constructor(n: number, maxStep: number) {
    this.head = new Int32Array(maxStep + 1).fill(-1);
    this.next = int32Array(n);
    this.prev = int32Array(n);
  }

  clear(): void {
    if (this.size > 0) this.head.fill(-1);
    this.size = 0;
    this.fresh = true;
  }

  /** Inserts v (not in the queue) with an integer key at least the last popped one. */
  push(v: number, key: number): void {
    if (this.fresh && (this.size === 0 || key < this.first)) {
      this.first = key;
      this.bucket = key % this.head.length;
    }
    this.link(v, key % this.head.length);
    this.size++;
  }

  /** Lowers the key of v (in the queue). */
  decrease(v: number, key: number): void {
    if (this.fresh && key < this.first) {
      this.first = key;
      this.bucket = key % this.head.length;
    }
    this.unlink(v);
    this.link(v, key % this.head.length);
  }

  pop(): number {
    const { head } = this;
    this.fresh = false;
    let b = this.bucket;
    while (head[b] === -1) {
      b = b + 1 === head.length ? 0 : b + 1;
    }
    this.bucket = b;
    const v = head[b]!;
    this.unlink(v);
    this.size--;
    return v;
  }

  private link(v: number, b: number): void {
    const first = this.head[b]!;
    this.next[v] = first;
    this.prev[v] = -(b + 1);
    if (first !== -1) this.prev[first] = v;
    this.head[b] = v;
  }

  private unlink(v: number): void {
    const p = this.prev[v]!;
    const nx = this.next[v]!;
    if (p < 0) this.head[-p - 1] = nx;
    else this.next[p] = nx;
    if (nx !== -1) this.prev[nx] = p;
  }
}
