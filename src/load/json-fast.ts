import { PackedPositions, type PosNode } from "./positions.js";

const LF = 10;
const SPACE = 32;
const DQUOTE = 34;
const COMMA = 44;
const COLON = 58;
const LBRACKET = 91;
const BACKSLASH = 92;
const RBRACKET = 93;
const LBRACE = 123;
const RBRACE = 125;

/** Objects up to this many keys are checked for duplicates by comparing spans of the text. */
const LINEAR_KEYS = 16;

/** `text.indexOf(search, from)`, or the text's length when it does not occur. */
function nextIndex(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at < 0 ? text.length : at;
}

/**
 * The happy path of `scanJson`: the same positions (every node down to `depth`), duplicate keys
 * and nesting depth, for text that `JSON.parse` accepts, in a loop that only looks at the
 * characters between strings (strings are jumped over with a native search). It does not
 * diagnose anything: on a duplicate key, a nesting deeper than `maxDepth`, a key written with
 * escapes or anything it did not expect it returns null, and the caller runs `scanJson`, which
 * finds and locates the problem exactly. On text that is not JSON the result means nothing; the
 * caller only keeps it when `JSON.parse` then succeeds.
 */
export function scanJsonFast(text: string, file: string, depth: number, maxDepth = 64): PosNode | null {
  const n = text.length;
  let i = 0;
  let line = 1;
  let ls = 0;
  const root: PosNode = { file, line: 1, column: 1 };

  const isObj = new Uint8Array(maxDepth + 2);
  const count = new Int32Array(maxDepth + 2);
  const keyBase = new Int32Array(maxDepth + 2);
  const posStack: (PosNode | null)[] = new Array<PosNode | null>(maxDepth + 2).fill(null);
  const setStack: (Set<string> | null)[] = new Array<Set<string> | null>(maxDepth + 2).fill(null);
  let keyStart = new Int32Array(256);
  let keyEnd = new Int32Array(256);
  let keyTop = 0;
  let sp = 0;
  // After `{` or `,` in an object the next string is a key; after `[` or `,` in an array an item starts.
  let expectKey = false;
  let itemStart = false;
  // The first backslash at or after the current string (n when there is none left): most
  // documents have none, and a string that ends before it has no escapes.
  let nextBackslash = -1;

  while (i < n) {
    let c = text.charCodeAt(i);
    if (c <= SPACE) {
      if (c === LF) {
        line++;
        ls = i + 1;
      }
      i++;
      continue;
    }
    if (itemStart) {
      // First character of an item of the array at `sp`: record its position.
      itemStart = false;
      const parent = posStack[sp];
      if (parent !== null && parent !== undefined && sp <= depth) {
        const index = count[sp]!++;
        if (sp === depth) {
          let packed = parent.children as PackedPositions | undefined;
          if (!packed) parent.children = packed = new PackedPositions();
          packed.push(line, i - ls + 1);
          posStack[sp + 1] = null;
        } else {
          const node: PosNode = { file, line, column: i - ls + 1 };
          let arr = parent.children as PosNode[] | undefined;
          if (!arr) parent.children = arr = [];
          arr[index] = node;
          posStack[sp + 1] = node;
        }
      } else posStack[sp + 1] = null;
    }
    if (c === DQUOTE) {
      const ks = i;
      // The closing quote: a native search, then a character loop only for a string whose
      // candidate quote follows a backslash (escaped, or after an escaped backslash).
      let q = text.indexOf('"', i + 1);
      if (q < 0) return null;
      if (nextBackslash < i) nextBackslash = nextIndex(text, "\\", i);
      // No backslash before the closing quote: no escape in this string.
      const escaped = nextBackslash < q;
      if (escaped) {
        q = i + 1;
        for (;;) {
          const d = text.charCodeAt(q);
          if (d === DQUOTE) break;
          if (d === BACKSLASH) {
            q++;
          } else if (d !== d) return null;
          q++;
        }
      }
      i = q + 1;
      if (!expectKey) continue;
      expectKey = false;
      if (isObj[sp] !== 1) return null;
      // A key (ks..i, with its quotes); one written with escapes is left to the full scan.
      if (escaped) return null;
      const kl = line;
      const kc = ks - ls + 1;
      c = text.charCodeAt(i);
      while (c <= SPACE) {
        if (c === LF) {
          line++;
          ls = i + 1;
        }
        c = text.charCodeAt(++i);
      }
      if (c !== COLON) return null;
      c = text.charCodeAt(++i);
      while (c <= SPACE) {
        if (c === LF) {
          line++;
          ls = i + 1;
        }
        c = text.charCodeAt(++i);
      }
      count[sp]!++;
      const parent = posStack[sp];
      if (parent !== null && parent !== undefined && sp <= depth) {
        const key = text.slice(ks + 1, q);
        let map = parent.children as Map<string, PosNode> | undefined;
        if (!map) parent.children = map = new Map();
        else if (map.has(key)) return null;
        const node: PosNode = { file, line, column: i - ls + 1, key: { file, line: kl, column: kc } };
        map.set(key, node);
        posStack[sp + 1] = node;
        continue;
      }
      posStack[sp + 1] = null;
      const set = setStack[sp];
      if (set !== null && set !== undefined) {
        const key = text.slice(ks + 1, q);
        if (set.has(key)) return null;
        set.add(key);
        continue;
      }
      const base = keyBase[sp]!;
      const len = q - ks;
      for (let k = base; k < keyTop; k++) {
        const s2 = keyStart[k]!;
        if (keyEnd[k]! - s2 !== len) continue;
        let m = 1;
        while (m < len && text.charCodeAt(ks + m) === text.charCodeAt(s2 + m)) m++;
        if (m === len) return null;
      }
      if (keyTop - base < LINEAR_KEYS) {
        if (keyTop === keyStart.length) {
          const s = new Int32Array(keyTop * 2);
          s.set(keyStart);
          keyStart = s;
          const e = new Int32Array(keyTop * 2);
          e.set(keyEnd);
          keyEnd = e;
        }
        keyStart[keyTop] = ks;
        keyEnd[keyTop] = q;
        keyTop++;
      } else {
        const fresh = new Set<string>();
        for (let k = base; k < keyTop; k++) fresh.add(text.slice(keyStart[k]! + 1, keyEnd[k]!));
        fresh.add(text.slice(ks + 1, q));
        keyTop = base;
        setStack[sp] = fresh;
      }
      continue;
    }
    if (c === COMMA) {
      i++;
      if (isObj[sp] === 1) expectKey = true;
      else itemStart = true;
      continue;
    }
    if (c === LBRACE || c === LBRACKET) {
      if (sp >= maxDepth) return null;
      if (sp === 0) {
        root.line = line;
        root.column = i - ls + 1;
        posStack[1] = root;
      }
      sp++;
      const obj = c === LBRACE;
      isObj[sp] = obj ? 1 : 0;
      count[sp] = 0;
      keyBase[sp] = keyTop;
      setStack[sp] = null;
      expectKey = false;
      i++;
      // An empty container has no first item or key.
      let d = text.charCodeAt(i);
      while (d <= SPACE && i < n) {
        if (d === LF) {
          line++;
          ls = i + 1;
        }
        d = text.charCodeAt(++i);
      }
      if (d === (obj ? RBRACE : RBRACKET)) continue;
      if (obj) expectKey = true;
      else itemStart = true;
      continue;
    }
    if (c === RBRACE || c === RBRACKET) {
      if (sp === 0 || (c === RBRACE) !== (isObj[sp] === 1)) return null;
      keyTop = keyBase[sp]!;
      setStack[sp] = null;
      // A node gets the children of one container only, even in text that is not JSON.
      posStack[sp] = null;
      sp--;
      i++;
      continue;
    }
    // A number or literal (or a stray character JSON.parse refuses).
    i++;
  }
  return sp === 0 && !expectKey && !itemStart ? root : null;
}
