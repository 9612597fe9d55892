// Maps keyed by NetBox primary keys. In a 10^5-device export there are hundreds of thousands of
// interfaces, cables and cable ends, and their pks are small dense integers: a plain array
// indexed by pk is several times faster than a Map and allocates far less. Other keys
// (negative, fractional, huge) go to a Map, so any input still works.

const denseLimit = 2 ** 26;

/** A map from pks to values (never `undefined`), iterated in ascending pk order. */
export class PkMap<V> {
  private readonly dense: (V | undefined)[] = [];
  private readonly sparse = new Map<number, V>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(pk: number): V | undefined {
    return Number.isInteger(pk) && pk >= 0 && pk < denseLimit ? this.dense[pk] : this.sparse.get(pk);
  }

  has(pk: number): boolean {
    return this.get(pk) !== undefined;
  }

  set(pk: number, value: V): void {
    if (Number.isInteger(pk) && pk >= 0 && pk < denseLimit) {
      if (this.dense[pk] === undefined) this.count++;
      this.dense[pk] = value;
    } else {
      if (!this.sparse.has(pk)) this.count++;
      this.sparse.set(pk, value);
    }
  }

  /** Calls `fn` for every entry, in ascending pk order. */
  forEach(fn: (value: V, pk: number) => void): void {
    const rest = [...this.sparse.keys()].sort((a, b) => a - b);
    let r = 0;
    while (r < rest.length && rest[r]! < 0) fn(this.sparse.get(rest[r]!)!, rest[r++]!);
    // forEach skips the holes of a sparse array.
    this.dense.forEach((v, pk) => {
      if (v !== undefined) fn(v, pk);
    });
    while (r < rest.length) fn(this.sparse.get(rest[r]!)!, rest[r++]!);
  }
}
