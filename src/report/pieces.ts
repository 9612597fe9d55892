/*
 * Outputs that may pass the longest string V8 can build (2^29 − 24 characters, about 512 Mi): a
 * 10^6-hop path puts two million items in the JSON result, over 600 MB of text. Such a format
 * returns its text in pieces (ReportOutput), each far below the limit, that the caller writes one
 * after another.
 */

/** Characters per piece: big enough that writing them costs nothing per piece, far below V8's limit. */
export const pieceLength = 1 << 22;

/**
 * Collects text into pieces of at most `max` characters (at least 2). A piece never ends between
 * the two halves of a surrogate pair: each piece is encoded to UTF-8 on its own, and a lone half
 * would become U+FFFD.
 */
export class PieceWriter {
  readonly pieces: string[] = [];
  private parts: string[] = [];
  private length = 0;

  constructor(private readonly max = pieceLength) {
    if (!(max >= 2)) throw new RangeError("a piece holds at least 2 characters (a surrogate pair)");
  }

  write(text: string): void {
    if (this.length + text.length <= this.max) {
      this.parts.push(text);
      this.length += text.length;
      return;
    }
    this.flush();
    if (text.length <= this.max) {
      this.parts.push(text);
      this.length = text.length;
      return;
    }
    for (let i = 0; i < text.length; ) {
      let end = Math.min(text.length, i + this.max);
      const last = text.charCodeAt(end - 1);
      if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
      this.pieces.push(text.slice(i, end));
      i = end;
    }
  }

  /** The pieces written so far, the last one included. */
  end(): string[] {
    this.flush();
    return this.pieces;
  }

  private flush(): void {
    if (this.length > 0) this.pieces.push(this.parts.join(""));
    this.parts = [];
    this.length = 0;
  }
}

/** Lines (without their "\n") as pieces of `lines.join("\n") + "\n"`. */
export function linePieces(lines: readonly string[], max = pieceLength): string[] {
  const w = new PieceWriter(max);
  for (const line of lines) {
    w.write(line);
    w.write("\n");
  }
  return w.end();
}

/**
 * Members are handed to JSON.stringify (fast, native) in batches of about this many nodes; a
 * member larger than that is walked here, so that no single call builds a string near the limit.
 */
export const batchNodes = 4096;

/**
 * The weight of `value` (nodes, and strings by their length too) when at most `budget`, else
 * Infinity. `rootKeys`: the keys of `value`, when the caller has them already.
 */
function weight(value: unknown, budget: number, rootKeys?: readonly string[]): number {
  const leaf = (v: unknown): number => (typeof v === "string" ? 1 + (v.length >> 6) : 1);
  if (typeof value !== "object" || value === null) return leaf(value);
  const stack: object[] = [value];
  let used = 0;
  // Leaves are weighed where they are met; only containers go on the stack.
  const meet = (x: unknown): void => {
    if (typeof x === "object" && x !== null) stack.push(x);
    else used += leaf(x);
  };
  while (stack.length > 0) {
    const v = stack.pop()!;
    used += 1;
    if (Array.isArray(v)) {
      if (used + v.length > budget) return Infinity;
      for (const x of v) meet(x);
    } else {
      const keys = v === value && rootKeys ? rootKeys : Object.keys(v);
      if (used + keys.length > budget) return Infinity;
      for (const k of keys) meet((v as Record<string, unknown>)[k]);
    }
    if (used > budget) return Infinity;
  }
  return used;
}

function skipped(v: unknown): boolean {
  return v === undefined || typeof v === "function" || typeof v === "symbol";
}

/**
 * The members of `batch` (an array, or an object without prototype) as JSON.stringify indents them
 * inside a container at `depth`: from the first member's indentation to the last member's end. The
 * batch is wrapped in `depth` arrays so that JSON.stringify writes the indentation itself; the
 * wrapper's lines are then cut off, (depth + 1)(depth + 2) characters at each end.
 */
function members(batch: object, depth: number): string {
  let wrapped: unknown = batch;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  const cut = (depth + 1) * (depth + 2);
  return text.slice(cut, text.length - cut);
}

/**
 * The pieces of `JSON.stringify(value, null, 2) + "\n"`, byte for byte, for plain data (what
 * JSON.parse gives, plus members that are undefined: omitted from objects, null in arrays). No
 * `toJSON` or boxed primitives: the result holds none. Pieces are at most `max` characters;
 * `batch` is the weight of members serialised in one call (tests make it small).
 */
export function jsonPieces(value: unknown, max = pieceLength, batch = batchNodes): string[] {
  const w = new PieceWriter(max);
  const pads = [""];
  const pad = (depth: number): string => (pads[depth] ??= "  ".repeat(depth));

  // Recursion follows the nesting of the result (a dozen levels), never the length of a path.
  // Listing the keys of an object of 2·10^6 items takes a second: each object's are listed once.
  const keysOf = (v: unknown): string[] | undefined => (typeof v === "object" && v !== null && !Array.isArray(v) ? Object.keys(v) : undefined);
  const emit = (v: unknown, depth: number, known?: string[]): void => {
    if (typeof v !== "object" || v === null) return w.write(JSON.stringify(v) ?? "null");
    const isArray = Array.isArray(v);
    const keys = isArray ? null : (known ?? Object.keys(v));
    const count = isArray ? v.length : keys!.length;
    if (depth === 0 && count <= batch && weight(v, batch, keys ?? undefined) <= batch) return w.write(JSON.stringify(v, null, 2));
    let open = false;
    const sep = (): void => {
      w.write(open ? ",\n" : isArray ? "[\n" : "{\n");
      open = true;
    };
    let pending: unknown[] | Record<string, unknown> = isArray ? [] : Object.create(null);
    let pendingCount = 0;
    let pendingWeight = 0;
    const flush = (): void => {
      if (pendingCount === 0) return;
      sep();
      w.write(members(pending, depth));
      pending = isArray ? [] : Object.create(null);
      pendingCount = 0;
      pendingWeight = 0;
    };
    for (let i = 0; i < count; i++) {
      const key = isArray ? "" : keys![i]!;
      const x: unknown = isArray ? (v as unknown[])[i] : (v as Record<string, unknown>)[key];
      if (!isArray && skipped(x)) continue;
      const xKeys = keysOf(x);
      const n = skipped(x) ? 1 : xKeys && xKeys.length > batch ? Infinity : weight(x, batch, xKeys);
      if (n > batch) {
        flush();
        sep();
        w.write(isArray ? pad(depth + 1) : `${pad(depth + 1)}${JSON.stringify(key)}: `);
        emit(x, depth + 1, xKeys);
        continue;
      }
      if (pendingWeight + n > batch) flush();
      if (isArray) (pending as unknown[]).push(x);
      else (pending as Record<string, unknown>)[key] = x;
      pendingCount++;
      pendingWeight += n;
    }
    flush();
    if (!open) return w.write(isArray ? "[]" : "{}");
    w.write(`\n${pad(depth)}${isArray ? "]" : "}"}`);
  };

  emit(value, 0);
  w.write("\n");
  return w.end();
}
