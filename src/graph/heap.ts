/**
 * Indexed binary min-heap of node ids keyed by an external distance array, with decrease-key.
 * Positions are only meaningful while a node is in the heap; callers track membership with
 * their own generation stamps, so nothing is cleared between searches.
 */
export class NodeHeap {
  readonly items: Int32Array;
  readonly pos: Int32Array;
  size = 0;

  constructor(
    capacity: number,
    readonly key: Float64Array,
  ) {
    this.items = new Int32Array(Math.max(1, capacity));
    this.pos = new Int32Array(Math.max(1, capacity));
  }

  clear(): void {
    this.size = 0;
  }

  top(): number {
    return this.items[0]!;
  }

  topKey(): number {
    return this.size === 0 ? Infinity : this.key[this.items[0]!]!;
  }

  /** Inserts v (not in the heap) with its current key. */
  push(v: number): void {
    const i = this.size++;
    this.items[i] = v;
    this.pos[v] = i;
    this.up(i);
  }

  /** Restores order after the key of v (in the heap) decreased. */
  decreased(v: number): void {
    this.up(this.pos[v]!);
  }

  pop(): number {
    const items = this.items;
    const v = items[0]!;
    const last = items[--this.size]!;
    if (this.size > 0) {
      items[0] = last;
      this.pos[last] = 0;
      this.down(0);
    }
    return v;
  }

  private up(i: number): void {
    const { items, pos, key } = this;
    const v = items[i]!;
    const kv = key[v]!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const u = items[p]!;
      if (key[u]! <= kv) break;
      items[i] = u;
      pos[u] = i;
      i = p;
    }
    items[i] = v;
    pos[v] = i;
  }

  private down(i: number): void {
    const { items, pos, key } = this;
    const size = this.size;
    const v = items[i]!;
    const kv = key[v]!;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      let kc = key[items[c]!]!;
      if (c + 1 < size) {
        const k2 = key[items[c + 1]!]!;
        if (k2 < kc) {
          c++;
          kc = k2;
        }
      }
      if (kc >= kv) break;
      const u = items[c]!;
      items[i] = u;
      pos[u] = i;
      i = c;
    }
    items[i] = v;
    pos[v] = i;
  }
}
