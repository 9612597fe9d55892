import { int32Array } from "../arena.js";
import type { SourceLocation } from "../diagnostics.js";

/**
 * Where a parsed node sits in its file. The node's own fields are the position of its value;
 * map entries also carry the position of their key. Children are recorded only as deep as the
 * reader was asked to (items of the top-level collections by default), so that a 10^6-element
 * file does not pay for positions nobody asks for.
 */
export interface PosNode extends SourceLocation {
  key?: SourceLocation;
  children?: Map<string, PosNode> | PosNode[] | PackedPositions;
}

/** Positions per chunk once a sequence outgrows its first chunk (which starts small and doubles). */
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;

/**
 * Positions of the items of a sequence at the deepest recorded level, in typed arrays: a
 * 10^6-element file would otherwise allocate 10^6 position objects nobody may ever read. Past
 * the first 65,536 items they go in fixed chunks (from the arena, src/arena.ts) instead of
 * arrays that double: nothing is copied, and no discarded array counts against V8's external
 * memory (each 64 MB of which starts a full garbage collection).
 */
export class PackedPositions {
  length = 0;
  readonly #lines: Int32Array[] = [new Int32Array(1024)];
  readonly #columns: Int32Array[] = [new Int32Array(1024)];

  push(line: number, column: number): void {
    const i = this.length;
    const c = i >>> CHUNK_BITS;
    const k = i & (CHUNK - 1);
    let lines = this.#lines[c];
    let columns = this.#columns[c];
    if (lines === undefined || k === lines.length) {
      if (lines === undefined) {
        lines = int32Array(CHUNK);
        columns = int32Array(CHUNK);
        this.#lines.push(lines);
        this.#columns.push(columns);
      } else {
        // Only the first chunk grows (to CHUNK entries at most).
        const l = new Int32Array(2 * k);
        l.set(lines);
        const col = new Int32Array(2 * k);
        col.set(columns!);
        this.#lines[0] = lines = l;
        this.#columns[0] = columns = col;
      }
    }
    lines[k] = line;
    columns![k] = column;
    this.length = i + 1;
  }

  line(i: number): number {
    return this.#lines[i >>> CHUNK_BITS]![i & (CHUNK - 1)]!;
  }

  column(i: number): number {
    return this.#columns[i >>> CHUNK_BITS]![i & (CHUNK - 1)]!;
  }
}

/** A path into a parsed document: map keys and sequence indices. */
export type DocPath = readonly (string | number)[];

/** Paths the deep locator must record, as a prefix tree (indices as decimal strings). */
export type PathTrie = Map<string, PathTrie>;

export function pathTrie(paths: readonly DocPath[]): PathTrie {
  const root: PathTrie = new Map();
  for (const path of paths) {
    let node = root;
    for (const seg of path) {
      const k = String(seg);
      let next = node.get(k);
      if (!next) {
        next = new Map();
        node.set(k, next);
      }
      node = next;
    }
  }
  return root;
}

/** Number of complete paths in a trie (its leaves): a deep pass can stop once it found them all. */
export function trieLeaves(trie: PathTrie | undefined): number {
  if (!trie) return 0;
  let n = 0;
  const stack = [trie];
  while (stack.length > 0) {
    const t = stack.pop()!;
    if (t.size === 0) n++;
    else for (const c of t.values()) stack.push(c);
  }
  return n;
}

/** What a reader records: every node down to `depth`, plus the nodes on the paths of `trie`. */
export interface RecordSpec {
  depth: number;
  trie?: PathTrie;
}

export function childPos(node: PosNode | undefined, seg: string | number): PosNode | undefined {
  const c = node?.children;
  if (!c) return undefined;
  if (c instanceof Map) return c.get(String(seg));
  if (typeof seg !== "number" && !/^\d+$/.test(seg)) return undefined;
  const i = Number(seg);
  if (Array.isArray(c)) return c[i];
  return i < c.length ? { file: node!.file, line: c.line(i), column: c.column(i) } : undefined;
}

/**
 * The deepest recorded node on `path` and how many segments it covers. `wantKey` returns the
 * key's position when the full path was found and is a map entry.
 */
export function walkPos(root: PosNode, path: DocPath, wantKey: boolean): { loc: SourceLocation; depth: number } {
  let node = root;
  let depth = 0;
  for (const seg of path) {
    const next = childPos(node, seg);
    if (!next) break;
    node = next;
    depth++;
  }
  const loc = wantKey && depth === path.length && node.key ? node.key : node;
  return { loc: { file: loc.file, line: loc.line, column: loc.column }, depth };
}

/** 1-based line and column (UTF-16 units) of a character offset. Linear: for error paths only. */
export function offsetToLocation(file: string, text: string, offset: number): SourceLocation {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { file, line, column: end - lineStart + 1 };
}

/**
 * 1-based line and column (UTF-16 units) of character offsets, for readers that report many
 * positions in one text (XML elements, CSV cells): the line table is built on first use, then
 * each lookup is a binary search.
 */
export function lineLocator(file: string, text: string): (offset: number) => SourceLocation {
  let starts: number[] | undefined;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { file, line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}
