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
