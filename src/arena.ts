/**
 * Large typed arrays cut from one ArrayBuffer reserved before the input is read.
 *
 * V8 counts ArrayBuffer memory as external, and each time it grows 64 MB past what the last full
 * garbage collection saw, V8 starts another full collection. Once a 10^6-element document is
 * parsed, each of those marks about 700 MB of objects (0.2–0.7 s on one core). The columns, the
 * id table, the graph's arcs and the search state of such a network come to about 250 MB of
 * typed arrays, so a large audit used to pay three or four of them for nothing. A buffer
 * reserved while the heap is still empty costs one collection of an empty heap, and arrays cut
 * from it add no external memory. Its pages take memory only once they are written.
 *
 * Off unless `reserveArena` is called: the CLI reserves one for large inputs (cli/heap.ts), the
 * library never does. An array cut from the arena is not freed until the process ends, so only
 * arrays that live as long as the topology or the run are cut from it; when the arena is full,
 * or the array is small, it is an ordinary typed array.
 */

/** Arrays smaller than this come from the heap as usual: they are not what triggers collections. */
const MIN_BYTES = 1 << 18;
/** Each array starts on a cache line. */
const ALIGN = 64;

let arena: ArrayBuffer | null = null;
let top = 0;

/** Reserves `bytes` for the arrays below (replacing any arena reserved before). */
export function reserveArena(bytes: number): void {
  arena = bytes > 0 ? new ArrayBuffer(bytes) : null;
  top = 0;
}

/** Ends the arena: arrays already cut stay valid; later ones are ordinary. */
export function releaseArena(): void {
  arena = null;
  top = 0;
}

/** Bytes cut so far and bytes reserved (for tests and the bench). */
export function arenaUse(): { used: number; reserved: number } {
  return { used: top, reserved: arena?.byteLength ?? 0 };
}

/** The offset of `bytes` fresh (zeroed) bytes in the arena, or -1 to allocate as usual. */
function cut(bytes: number): number {
  if (arena === null || bytes < MIN_BYTES || top + bytes > arena.byteLength) return -1;
  const at = top;
  top = Math.min(arena.byteLength, Math.ceil((top + bytes) / ALIGN) * ALIGN);
  return at;
}

/** A zeroed Int32Array of `n` entries, from the arena when it has room. */
export function int32Array(n: number): Int32Array {
  const at = cut(4 * n);
  return at < 0 ? new Int32Array(n) : new Int32Array(arena!, at, n);
}

/** A zeroed Float64Array of `n` entries, from the arena when it has room. */
export function float64Array(n: number): Float64Array {
  const at = cut(8 * n);
  return at < 0 ? new Float64Array(n) : new Float64Array(arena!, at, n);
}

/** A zeroed Uint8Array of `n` entries, from the arena when it has room. */
export function uint8Array(n: number): Uint8Array {
  const at = cut(n);
  return at < 0 ? new Uint8Array(n) : new Uint8Array(arena!, at, n);
}

/** A zeroed ArrayBuffer-like region of `bytes` for callers that lay out several views in one: the buffer and the offset to start at. */
export function region(bytes: number): { buffer: ArrayBuffer; offset: number } {
  const at = cut(bytes);
  return at < 0 ? { buffer: new ArrayBuffer(bytes), offset: 0 } : { buffer: arena!, offset: at };
}
