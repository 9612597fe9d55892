import { int32Array } from "../arena.js";

/** From this many expected ids on, the table beats a Map (below it, its code is not yet compiled when it runs). */
const TABLE_FROM = 200_000;

/**
 * Ids → their position (0, 1, 2… in the order they were added), as a read-only Map. For many
 * ids, an open addressing table of positions in an Int32Array with the ids' hashes beside them:
 * for a million ids it is built and queried in about half the time of a `Map<string, number>`,
 * and holds no entry objects for the garbage collector to trace. For fewer, a Map.
 */
export class IdIndex implements ReadonlyMap<string, number> {
  #ids: string[] = [];
  #map: Map<string, number> | null = null;
  /** Slot p is `[2p]` the position (-1 when free) and `[2p + 1]` the id's hash: one cache line per probe. */
  #slots: Int32Array;
  #mask: number;

  /** `table` chooses the table (true) or a Map (false); by default the table from 200,000 expected ids. */
  constructor(expected = 16, table = expected >= TABLE_FROM) {
    let cap = 16;
    if (table) while (cap < expected * 2) cap *= 2;
    else this.#map = new Map();
    this.#slots = int32Array(table ? 2 * cap : 0).fill(-1);
    this.#mask = cap - 1;
  }

  get size(): number {
    return this.#ids.length;
  }

  /** Adds `id` at the next position and returns that position, or returns -1 when it is already in. */
  add(id: string): number {
    const map = this.#map;
    if (map !== null) {
      if (map.has(id)) return -1;
      map.set(id, this.#ids.length);
      return this.#ids.push(id) - 1;
    }
    const h = hashOf(id);
    const slots = this.#slots;
    const mask = this.#mask;
    let p = h & mask;
    for (;;) {
      const e = slots[2 * p]!;
      if (e === -1) break;
      if (slots[2 * p + 1] === h && this.#ids[e] === id) return -1;
      p = (p + 1) & mask;
    }
    const index = this.#ids.length;
    slots[2 * p] = index;
    slots[2 * p + 1] = h;
    this.#ids.push(id);
    if (this.#ids.length * 4 > slots.length) this.#grow();
    return index;
  }

  get(id: string): number | undefined {
    if (this.#map !== null) return this.#map.get(id);
    if (typeof id !== "string") return undefined;
    const h = hashOf(id);
    const slots = this.#slots;
    const mask = this.#mask;
    let p = h & mask;
    for (;;) {
      const e = slots[2 * p]!;
      if (e === -1) return undefined;
      if (slots[2 * p + 1] === h && this.#ids[e] === id) return e;
      p = (p + 1) & mask;
    }
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  forEach(fn: (value: number, key: string, map: ReadonlyMap<string, number>) => void, thisArg?: unknown): void {
    this.#ids.forEach((id, i) => fn.call(thisArg, i, id, this));
  }

  *entries(): MapIterator<[string, number]> {
    const ids = this.#ids;
    for (let i = 0; i < ids.length; i++) yield [ids[i]!, i];
  }

  keys(): MapIterator<string> {
    return this.#ids.values();
  }

  *values(): MapIterator<number> {
    for (let i = 0; i < this.#ids.length; i++) yield i;
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }

  get [Symbol.toStringTag](): string {
    return "IdIndex";
  }

  #grow(): void {
    const old = this.#slots;
    // Twice the slots: the old array holds two entries per slot, so its length is the new count.
    const cap = old.length;
    const slots = int32Array(2 * cap).fill(-1);
    const mask = cap - 1;
    for (let q = 0; q < old.length; q += 2) {
      const e = old[q]!;
      if (e === -1) continue;
      const h = old[q + 1]!;
      let p = h & mask;
      while (slots[2 * p] !== -1) p = (p + 1) & mask;
      slots[2 * p] = e;
      slots[2 * p + 1] = h;
    }
    this.#slots = slots;
    this.#mask = mask;
  }
}

/** FNV-1a over the UTF-16 units, with a final mix so that the low bits (the slot) vary. */
function hashOf(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}
