import type { DiagnosticCode } from "../diagnostics.js";
import { PackedPositions, type PathTrie, type PosNode, type RecordSpec, trieLeaves } from "./positions.js";

/** A located problem in a JSON file (the loader turns it into a diagnostic). */
export class JsonProblem extends Error {
  constructor(
    readonly code: DiagnosticCode,
    message: string,
    readonly line: number,
    readonly column: number,
    readonly related?: { line: number; column: number },
  ) {
    super(message);
    this.name = "JsonProblem";
  }
}

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const DQUOTE = 34;
const COMMA = 44;
const COLON = 58;
const LBRACKET = 91;
const BACKSLASH = 92;
const RBRACKET = 93;
const LBRACE = 123;
const RBRACE = 125;

const VALUE = 0;
const FIRST = 1;
const AFTER = 2;
const KEY = 3;

/**
 * One pass over JSON text that JSON.parse cannot do for us: positions of the nodes the caller
 * wants (top-level items by default), duplicate keys (JSON.parse keeps the last one silently),
 * nesting depth, and the location of the first structural error. Iterative, so any depth is
 * safe; written as one flat loop over local variables, with the container stack and the keys
 * of open objects in typed arrays, because it runs over every byte of 150 MB files.
 */
export function scanJson(text: string, file: string, spec: RecordSpec, maxDepth = 64): PosNode {
  const n = text.length;
  const recordDepth = spec.depth;
  let i = 0;
  let line = 1;
  let ls = 0;
  const root: PosNode = { file, line: 1, column: 1 };

  const isObj = new Uint8Array(maxDepth + 2);
  const count = new Int32Array(maxDepth + 2);
  const keyBase = new Int32Array(maxDepth + 2);
  const posStack: (PosNode | null)[] = new Array<PosNode | null>(maxDepth + 2).fill(null);
  const trieStack: (PathTrie | undefined)[] = new Array<PathTrie | undefined>(maxDepth + 2).fill(undefined);
  const setStack: (Set<string> | null)[] = new Array<Set<string> | null>(maxDepth + 2).fill(null);
  let sp = 0;
  const keys = new KeyStack();

  // A deep pass (trie given) can stop as soon as it has recorded every path it was asked for.
  let remaining = spec.trie ? trieLeaves(spec.trie) : -1;
  let mode = VALUE;
  let pendingPos: PosNode | null = root;
  let pendingTrie: PathTrie | undefined = spec.trie;
  const fail = (code: DiagnosticCode, message: string, at: number): never => {
    throw new JsonProblem(code, message, line, at - ls + 1);
  };

  for (;;) {
    let c = text.charCodeAt(i);
    while (c <= SPACE) {
      if (c === LF) {
        line++;
        ls = i + 1;
      } else if (c !== SPACE && c !== TAB && c !== CR) break;
      c = text.charCodeAt(++i);
    }

    if (mode === VALUE) {
      if (c === LBRACE || c === LBRACKET) {
        if (sp >= maxDepth) fail("E_TOO_DEEP", `nesting deeper than ${maxDepth} levels`, i);
        if (sp === 0) {
          root.line = line;
          root.column = i - ls + 1;
        }
        sp++;
        isObj[sp] = c === LBRACE ? 1 : 0;
        count[sp] = 0;
        keyBase[sp] = keys.top;
        posStack[sp] = pendingPos;
        trieStack[sp] = pendingTrie;
        setStack[sp] = null;
        i++;
        mode = FIRST;
        continue;
      }
      if (c === DQUOTE) i = stringEnd(text, i, fail);
      else {
        const start = i;
        for (;;) {
          const d = text.charCodeAt(i);
          if ((d >= 48 && d <= 57) || (d >= 97 && d <= 122) || d === 43 || d === 45 || d === 46 || d === 69) i++;
          else break;
        }
        if (i === start) {
          if (i >= n) fail(sp === 0 && n === 0 ? "E_EMPTY" : "E_JSON_SYNTAX", sp === 0 ? "the file is empty" : "unexpected end of input", i);
          fail("E_JSON_SYNTAX", `unexpected character \`${text[i]}\``, i);
        }
      }
      mode = AFTER;
      continue;
    }

    if (mode === AFTER || mode === FIRST) {
      if (sp === 0) {
        if (i < n) fail("E_JSON_SYNTAX", "unexpected text after the end of the JSON value", i);
        return root;
      }
      const obj = isObj[sp] === 1;
      if (c === (obj ? RBRACE : RBRACKET)) {
        i++;
        keys.top = keyBase[sp]!;
        posStack[sp] = null;
        trieStack[sp] = undefined;
        setStack[sp] = null;
        sp--;
        mode = AFTER;
        continue;
      }
      if (mode === AFTER) {
        if (c !== COMMA) fail("E_JSON_SYNTAX", i >= n ? "unexpected end of input" : `expected \`,\` or \`${obj ? "}" : "]"}\``, i);
        i++;
      }
      if (obj) {
        mode = KEY;
        continue;
      }
      // Next array item.
      const index = count[sp]!++;
      pendingPos = null;
      pendingTrie = undefined;
      const parent = posStack[sp];
      if (parent !== null && parent !== undefined && (sp <= recordDepth || trieStack[sp] !== undefined)) {
        const sub = trieStack[sp]?.get(String(index));
        if (sp <= recordDepth || sub !== undefined) {
          // Skip the blanks before the item so its position is its first character.
          let d = text.charCodeAt(i);
          while (d === SPACE || d === TAB || d === CR || d === LF) {
            if (d === LF) {
              line++;
              ls = i + 1;
            }
            d = text.charCodeAt(++i);
          }
          if (sub === undefined && sp === recordDepth) {
            let packed = parent.children as PackedPositions | undefined;
            if (!packed) parent.children = packed = new PackedPositions();
            packed.push(line, i - ls + 1);
          } else {
            const node: PosNode = { file, line, column: i - ls + 1 };
            let arr = parent.children as PosNode[] | undefined;
            if (!arr) parent.children = arr = [];
            arr[index] = node;
            pendingPos = node;
            pendingTrie = sub;
            if (sub !== undefined && sub.size === 0 && --remaining === 0) return root;
          }
        }
      }
      mode = VALUE;
      continue;
    }

    // mode === KEY
    if (c !== DQUOTE) fail("E_JSON_SYNTAX", i >= n ? "unexpected end of input" : "expected a double-quoted property name", i);
    const kl = line;
    const kc = i - ls + 1;
    const ks = i;
    i = stringEnd(text, i, fail);
    const ke = i;
    let decoded: string | null = null;
    // A key written with escapes ("\u0061") can only be compared decoded: switch this object to
    // decoded keys.
    let escaped = false;
    for (let k = ks + 1; k < ke - 1; k++) {
      if (text.charCodeAt(k) === BACKSLASH) {
        escaped = true;
        break;
      }
    }
    if (escaped && (setStack[sp] === null || setStack[sp] === undefined)) {
      const fresh = new Set<string>();
      for (let k = keyBase[sp]!; k < keys.top; k++) fresh.add(decodeKey(text.slice(keys.start[k]!, keys.end[k]!)));
      keys.top = keyBase[sp]!;
      setStack[sp] = fresh;
    }
    const set = setStack[sp];
    if (set === null || set === undefined) {
      const dup = keys.find(text, keyBase[sp]!, ks, ke);
      if (dup >= 0) {
        throw new JsonProblem("E_DUPLICATE_KEY", `duplicate key ${text.slice(ks, ke)} in this object`, kl, kc, {
          line: keys.line[dup]!,
          column: keys.col[dup]!,
        });
      }
      if (keys.top - keyBase[sp]! < 16) keys.push(ks, ke, kl, kc);
      else {
        const fresh = new Set<string>();
        for (let k = keyBase[sp]!; k < keys.top; k++) fresh.add(decodeKey(text.slice(keys.start[k]!, keys.end[k]!)));
        keys.top = keyBase[sp]!;
        decoded = decodeKey(text.slice(ks, ke));
        fresh.add(decoded);
        setStack[sp] = fresh;
      }
    } else {
      decoded = decodeKey(text.slice(ks, ke));
      if (set.has(decoded)) throw new JsonProblem("E_DUPLICATE_KEY", `duplicate key ${JSON.stringify(decoded)} in this object`, kl, kc);
      set.add(decoded);
    }
    c = text.charCodeAt(i);
    while (c === SPACE || c === TAB || c === CR || c === LF) {
      if (c === LF) {
        line++;
        ls = i + 1;
      }
      c = text.charCodeAt(++i);
    }
    if (c !== COLON) fail("E_JSON_SYNTAX", "expected `:` after the property name", i);
    i++;
    count[sp]!++;
    pendingPos = null;
    pendingTrie = undefined;
    const parent = posStack[sp];
    if (parent !== null && parent !== undefined && (sp <= recordDepth || trieStack[sp] !== undefined)) {
      const key = decoded ?? decodeKey(text.slice(ks, ke));
      const sub = trieStack[sp]?.get(key);
      if (sp <= recordDepth || sub !== undefined) {
        c = text.charCodeAt(i);
        while (c === SPACE || c === TAB || c === CR || c === LF) {
          if (c === LF) {
            line++;
            ls = i + 1;
          }
          c = text.charCodeAt(++i);
        }
        const node: PosNode = { file, line, column: i - ls + 1, key: { file, line: kl, column: kc } };
        let map = parent.children as Map<string, PosNode> | undefined;
        if (!map) parent.children = map = new Map();
        map.set(key, node);
        pendingPos = node;
        pendingTrie = sub;
        if (sub !== undefined && sub.size === 0 && --remaining === 0) return root;
      }
    }
    mode = VALUE;
  }
}

/** End of the string starting at `start` (one past its closing quote). */
function stringEnd(text: string, start: number, fail: (code: DiagnosticCode, message: string, at: number) => never): number {
  let j = start + 1;
  for (;;) {
    const q = text.indexOf('"', j);
    if (q === -1) return fail("E_JSON_SYNTAX", "unterminated string", start);
    if (text.charCodeAt(q - 1) !== BACKSLASH) return q + 1;
    let k = q - 1;
    while (text.charCodeAt(k) === BACKSLASH) k--;
    if ((q - 1 - k) % 2 === 0) return q + 1;
    j = q + 1;
  }
}

/** Raw key spans of the open objects, innermost last. */
class KeyStack {
  top = 0;
  start: Int32Array = new Int32Array(256);
  end: Int32Array = new Int32Array(256);
  line: Int32Array = new Int32Array(256);
  col: Int32Array = new Int32Array(256);

  push(s: number, e: number, l: number, c: number): void {
    if (this.top === this.start.length) {
      const grow = (a: Int32Array): Int32Array => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.start = grow(this.start);
      this.end = grow(this.end);
      this.line = grow(this.line);
      this.col = grow(this.col);
    }
    this.start[this.top] = s;
    this.end[this.top] = e;
    this.line[this.top] = l;
    this.col[this.top] = c;
    this.top++;
  }

  /** Index of an earlier key of the innermost object with the same raw text, or -1. */
  find(text: string, base: number, s: number, e: number): number {
    const len = e - s;
    for (let k = base; k < this.top; k++) {
      const s2 = this.start[k]!;
      if (this.end[k]! - s2 !== len) continue;
      let m = 1;
      while (m < len - 1 && text.charCodeAt(s + m) === text.charCodeAt(s2 + m)) m++;
      if (m >= len - 1) return k;
    }
    return -1;
  }
}

function decodeKey(raw: string): string {
  if (raw.indexOf("\\") === -1) return raw.slice(1, -1);
  try {
    return JSON.parse(raw) as string;
  } catch {
    // A malformed escape: JSON.parse of the whole text reports it right after the scan.
    return raw;
  }
}
