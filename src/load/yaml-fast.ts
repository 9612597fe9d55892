import type { DiagnosticCode } from "../diagnostics.js";
import { PackedPositions, type PathTrie, type PosNode, type RecordSpec, trieLeaves } from "./positions.js";

/**
 * A fast reader for the part of YAML 1.2 that topology files use: block mappings and sequences,
 * flow collections (also across lines), plain, single- and double-quoted single-line scalars,
 * comments, and an optional `---`. Scalars resolve with the core schema and keys stay strings,
 * exactly as the `yaml` package does with `schema: "core", stringKeys: true` (a differential
 * property test holds the two together).
 *
 * Anything else (anchors, aliases, tags, block scalars, multi-line scalars, complex keys) makes
 * it stop with a `YamlBail`; the loader then uses the full `yaml` parser when the file is small
 * enough. `definite` bails are errors whatever parser reads the file (duplicate keys, too deep,
 * a second document, a directive, an unterminated quote or bracket).
 */
export class YamlBail extends Error {
  constructor(
    readonly code: DiagnosticCode,
    message: string,
    readonly line: number,
    readonly column: number,
    readonly definite: boolean,
    readonly related?: { line: number; column: number },
  ) {
    super(message);
    this.name = "YamlBail";
  }
}

export interface FastYamlResult {
  /** Null when the file holds no document at all (empty or comments only), as `yaml` gives. */
  value: unknown;
  pos: PosNode;
}

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const BANG = 33;
const DQUOTE = 34;
const HASH = 35;
const PERCENT = 37;
const AMP = 38;
const SQUOTE = 39;
const STAR = 42;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const COLON = 58;
const GT = 62;
const QUESTION = 63;
const AT = 64;
const LBRACKET = 91;
const BACKSLASH = 92;
const RBRACKET = 93;
const BACKTICK = 96;
const LBRACE = 123;
const PIPE = 124;
const RBRACE = 125;

const hasOwn = Object.prototype.hasOwnProperty;
const NOT_RECORDED: { pos: null; trie: undefined } = Object.freeze({ pos: null, trie: undefined });

function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE;
}

/** Space, tab, line end or end of input. */
function isBreakOrBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR || Number.isNaN(c);
}

const intDec = /^[-+]?[0-9]+$/;
const intOct = /^0o[0-7]+$/;
const intHex = /^0x[0-9a-fA-F]+$/;
const floatExp = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const floatFixed = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const floatSpecial = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

/** Core-schema resolution of a plain scalar (YAML 1.2.2 §10.3.2, as the `yaml` package does it). */
export function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  // Most scalars are words: decide from the first character before trying any pattern.
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) {
    if (intDec.test(s)) return Number(s);
    if (intOct.test(s)) return parseInt(s.slice(2), 8);
    if (intHex.test(s)) return parseInt(s.slice(2), 16);
    if (floatExp.test(s) || floatFixed.test(s)) return Number(s);
    if (floatSpecial.test(s)) {
      if (s.endsWith("nan") || s.endsWith("NaN") || s.endsWith("NAN")) return NaN;
      return s.charCodeAt(0) === 45 ? -Infinity : Infinity;
    }
    return s;
  }
  switch (s) {
    case "":
    case "~":
    case "null":
    case "Null":
    case "NULL":
      return null;
    case "true":
    case "True":
    case "TRUE":
      return true;
    case "false":
    case "False":
    case "FALSE":
      return false;
  }
  return s;
}

/** Sets a key without ever touching a prototype (`__proto__` becomes an own property). */
function setKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

const escapes: Record<string, string> = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  t: "\t",
  "\t": "\t",
  n: "\n",
  v: "\v",
  f: "\f",
  r: "\r",
  e: "\x1b",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  N: "\u0085",
  _: "\u00a0",
  L: "\u2028",
  P: "\u2029",
};

/** Thrown inside the reader when a deep pass has found every path it was asked for. */
class AllFound extends Error {}

class FastYamlParser {
  private p = 0;
  private remaining: number;
  /** Set when a deep pass recorded its last wanted path; the reader stops at the next node. */
  private pendingStop = false;
  private line = 1;
  private ls = 0;
  private readonly n: number;

  constructor(
    private readonly src: string,
    private readonly file: string,
    private readonly spec: RecordSpec,
    private readonly maxDepth: number,
  ) {
    this.n = src.length;
    this.remaining = spec.trie ? trieLeaves(spec.trie) : -1;
  }

  parse(): FastYamlResult {
    const root: PosNode = { file: this.file, line: 1, column: 1 };
    try {
      return this.document(root);
    } catch (e) {
      if (e instanceof AllFound) return { value: null, pos: root };
      throw e;
    }
  }

  private document(root: PosNode): FastYamlResult {
    if (!this.nextContentLine()) return { value: null, pos: root };
    if (this.col() === 0 && this.code() === PERCENT) {
      this.fail("E_DIRECTIVE", "YAML directives (such as %YAML 1.1 or %TAG) are not accepted: remove the line", true);
    }
    if (this.atMarker(MINUS)) {
      this.p += 3;
      this.endOfLine();
      if (!this.nextContentLine()) return { value: null, pos: root };
    }
    root.line = this.line;
    root.column = this.col() + 1;
    const value = this.blockNode(-1, 0, root, this.spec.trie);
    if (this.p < this.n) {
      if (this.atMarker(DOT)) {
        this.p += 3;
        this.endOfLine();
        if (this.nextContentLine()) {
          if (this.atMarker(MINUS)) this.fail("E_MULTI_DOC", "a second YAML document starts here; a topology file holds exactly one", true);
          this.fail("E_YAML_SYNTAX", "unexpected content after the end of the document", false);
        }
      } else if (this.atMarker(MINUS)) {
        this.fail("E_MULTI_DOC", "a second YAML document starts here; a topology file holds exactly one", true);
      } else {
        this.fail("E_YAML_SYNTAX", "unexpected content: check the indentation of this line", false);
      }
    }
    return { value, pos: root };
  }

  // ---- low-level scanning -------------------------------------------------------------------

  private code(): number {
    return this.src.charCodeAt(this.p);
  }

  private col(): number {
    return this.p - this.ls;
  }

  private fail(code: DiagnosticCode, message: string, definite: boolean, at = this.p): never {
    let line = this.line;
    let ls = this.ls;
    if (at < ls) {
      // Position on an earlier line: recount (error path only).
      line = 1;
      ls = 0;
      for (let i = this.src.indexOf("\n"); i !== -1 && i < at; i = this.src.indexOf("\n", i + 1)) {
        line++;
        ls = i + 1;
      }
    }
    throw new YamlBail(code, message, line, at - ls + 1, definite);
  }

  /** `---` or `...` at column 0 followed by a blank or the end. */
  private atMarker(c: number): boolean {
    const s = this.src;
    const p = this.p;
    return (
      p === this.ls &&
      s.charCodeAt(p) === c &&
      s.charCodeAt(p + 1) === c &&
      s.charCodeAt(p + 2) === c &&
      isBreakOrBlank(s.charCodeAt(p + 3))
    );
  }

  private newline(): void {
    const c = this.code();
    if (c === CR) {
      if (this.src.charCodeAt(this.p + 1) !== LF) this.fail("E_YAML_UNSUPPORTED", "a lone carriage return as a line end", false);
      this.p += 2;
    } else {
      this.p += 1;
    }
    this.line++;
    this.ls = this.p;
  }

  /**
   * From the start of a line: skips blank and comment-only lines and the indentation of the
   * next content line. Returns false at the end of the input.
   */
  private nextContentLine(): boolean {
    const s = this.src;
    for (;;) {
      let c = s.charCodeAt(this.p);
      while (c === SPACE) c = s.charCodeAt(++this.p);
      if (c === TAB) {
        // Tabs may follow the indentation only on blank or comment lines.
        let q = this.p;
        while (s.charCodeAt(q) === TAB || s.charCodeAt(q) === SPACE) q++;
        const d = s.charCodeAt(q);
        if (d === LF || d === CR || d === HASH || q >= this.n) {
          this.p = q;
          c = d;
        } else {
          this.fail("E_YAML_UNSUPPORTED", "a tab in the indentation (YAML indents with spaces only)", false);
        }
      }
      if (this.p >= this.n) return false;
      if (c === HASH) {
        const e = this.lineEnd(this.p);
        this.p = e;
        if (e >= this.n) return false;
        this.newline();
        continue;
      }
      if (c === LF || c === CR) {
        this.newline();
        continue;
      }
      return true;
    }
  }

  /** Offset of the end of the current line (its LF or CR, or the end of input). */
  private lineEnd(from: number): number {
    const s = this.src;
    const lf = s.indexOf("\n", from);
    const e = lf === -1 ? this.n : lf;
    return e > from && s.charCodeAt(e - 1) === CR ? e - 1 : e;
  }

  /** After a node: only blanks and a comment may remain on the line; moves to the next line. */
  private endOfLine(): void {
    const s = this.src;
    let c = s.charCodeAt(this.p);
    while (c === SPACE || c === TAB) c = s.charCodeAt(++this.p);
    if (c === HASH) {
      const before = s.charCodeAt(this.p - 1);
      if (this.p !== this.ls && before !== SPACE && before !== TAB) this.fail("E_YAML_SYNTAX", "a comment needs a space before `#`", false);
      this.p = this.lineEnd(this.p);
      c = s.charCodeAt(this.p);
    }
    if (this.p >= this.n) return;
    if (c === LF || c === CR) {
      this.newline();
      return;
    }
    this.fail("E_YAML_SYNTAX", "unexpected text after the value", false);
  }

  private skipBlanks(): number {
    const s = this.src;
    let c = s.charCodeAt(this.p);
    while (c === SPACE || c === TAB) c = s.charCodeAt(++this.p);
    return c;
  }

  // ---- recording ----------------------------------------------------------------------------

  private record(
    parent: PosNode | null,
    trie: PathTrie | undefined,
    depth: number,
    seg: string | number,
    line: number,
    column: number,
  ): { pos: PosNode | null; trie: PathTrie | undefined } {
    if (parent === null) return NOT_RECORDED;
    const sub = trie === undefined ? undefined : trie.get(String(seg));
    if (depth > this.spec.depth && sub === undefined) return NOT_RECORDED;
    if (typeof seg === "number" && depth === this.spec.depth && sub === undefined) {
      let packed = parent.children as PackedPositions | undefined;
      if (!packed) parent.children = packed = new PackedPositions();
      packed.push(line, column);
      return NOT_RECORDED;
    }
    const node: PosNode = { file: this.file, line, column };
    if (typeof seg === "number") {
      let arr = parent.children as PosNode[] | undefined;
      if (!arr) parent.children = arr = [];
      arr[seg] = node;
    } else {
      let map = parent.children as Map<string, PosNode> | undefined;
      if (!map) parent.children = map = new Map();
      map.set(seg, node);
    }
    if (sub !== undefined && sub.size === 0 && --this.remaining === 0) {
      // Leaf positions are recorded at their start: a deep pass can stop here. Map entries
      // still need their key position, which the caller sets right after; record it first.
      this.pendingStop = true;
    }
    return { pos: node, trie: sub };
  }

  // ---- block context ------------------------------------------------------------------------

  /** A node whose first character is at the current position (column > parentIndent). */
  private blockNode(parentIndent: number, depth: number, pos: PosNode | null, trie: PathTrie | undefined): unknown {
    if (this.pendingStop) throw new AllFound();
    if (this.atMarker(DOT) || this.atMarker(MINUS)) this.fail("E_YAML_UNSUPPORTED", "a document marker where a value was expected", false);
    if (depth >= this.maxDepth) this.fail("E_TOO_DEEP", `nesting deeper than ${this.maxDepth} levels`, true);
    const c = this.code();
    const indent = this.col();
    if (c === MINUS && isBreakOrBlank(this.src.charCodeAt(this.p + 1))) return this.blockSeq(indent, depth, pos, trie);
    if (this.looksLikeKey()) return this.blockMap(indent, depth, pos, trie);
    const value = this.inlineValue(parentIndent, depth, pos, trie);
    this.endOfLine();
    this.nextContentLine();
    return value;
  }

  /** Whether the current line holds `key:` (plain or quoted key) at the current position. */
  private looksLikeKey(): boolean {
    const s = this.src;
    const c = this.code();
    const save = this.p;
    try {
      if (c === DQUOTE || c === SQUOTE) {
        if (c === DQUOTE) this.doubleQuoted();
        else this.singleQuoted();
        this.skipBlanks();
        return this.code() === COLON && isBreakOrBlank(s.charCodeAt(this.p + 1));
      }
      if (c === LBRACKET || c === LBRACE) return false;
      return this.scanPlainBlock() >= 0;
    } catch (e) {
      if (e instanceof YamlBail) return false;
      throw e;
    } finally {
      this.p = save;
    }
  }

  /**
   * Scans a plain scalar in block context from the current position to the end of its line.
   * Returns the offset of a `:` that makes it a key (and leaves the position there), or -1 for
   * a value (position at the scalar's trimmed end).
   */
  private scanPlainBlock(): number {
    const s = this.src;
    const start = this.p;
    const first = s.charCodeAt(start);
    if (
      first === AMP || first === STAR || first === BANG || first === PIPE || first === GT || first === PERCENT ||
      first === AT || first === BACKTICK || first === HASH || isFlowIndicator(first) || first === DQUOTE || first === SQUOTE
    ) {
      this.fail("E_YAML_UNSUPPORTED", "anchors, aliases, tags, block scalars and reserved indicators are not read by the fast reader", false);
    }
    if ((first === MINUS || first === QUESTION || first === COLON) && isBreakOrBlank(s.charCodeAt(start + 1))) {
      this.fail("E_YAML_UNSUPPORTED", "an indicator where a value was expected", false);
    }
    let i = start;
    let end = start;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === LF || c === CR || i >= this.n) break;
      if (c === COLON && isBreakOrBlank(s.charCodeAt(i + 1))) {
        this.p = i;
        return i;
      }
      if (c === HASH && (s.charCodeAt(i - 1) === SPACE || s.charCodeAt(i - 1) === TAB)) break;
      if (c !== SPACE && c !== TAB) end = i + 1;
      i++;
    }
    this.p = end;
    return -1;
  }

  private blockMap(indent: number, depth: number, pos: PosNode | null, trie: PathTrie | undefined): Record<string, unknown> {
    const s = this.src;
    const obj: Record<string, unknown> = {};
    for (;;) {
      if (this.pendingStop) throw new AllFound();
      const keyLine = this.line;
      const keyCol = this.col() + 1;
      const keyAt = this.p;
      let key: string;
      const c = this.code();
      if (c === DQUOTE || c === SQUOTE) {
        key = c === DQUOTE ? this.doubleQuoted() : this.singleQuoted();
        this.skipBlanks();
        if (this.code() !== COLON || !isBreakOrBlank(s.charCodeAt(this.p + 1))) {
          this.fail("E_YAML_SYNTAX", "expected `:` after the key", false);
        }
      } else {
        if (c === MINUS && isBreakOrBlank(s.charCodeAt(this.p + 1))) {
          this.fail("E_YAML_SYNTAX", "a sequence item where a mapping key was expected: check the indentation", false);
        }
        const colon = this.scanPlainBlock();
        if (colon < 0) this.fail("E_YAML_SYNTAX", "expected `key: value`: check the indentation of this line", false);
        let e = colon;
        while (e > keyAt && (s.charCodeAt(e - 1) === SPACE || s.charCodeAt(e - 1) === TAB)) e--;
        key = s.slice(keyAt, e);
        if (key === "") this.fail("E_YAML_UNSUPPORTED", "an empty key", false);
      }
      if (hasOwn.call(obj, key)) this.fail("E_DUPLICATE_KEY", `duplicate key \`${key}\` in this mapping`, true, keyAt);
      this.p++; // the colon
      let c2 = this.skipBlanks();
      let value: unknown;
      if (c2 === HASH || c2 === LF || c2 === CR || this.p >= this.n) {
        const rec = this.record(pos, trie, depth + 1, key, keyLine, keyCol);
        if (rec.pos) rec.pos.key = { file: this.file, line: keyLine, column: keyCol };
        this.endOfLine();
        if (!this.nextContentLine()) value = null;
        else {
          const childIndent = this.col();
          c2 = this.code();
          if (rec.pos) {
            rec.pos.line = this.line;
            rec.pos.column = childIndent + 1;
          }
          if (childIndent > indent) value = this.blockNode(indent, depth + 1, rec.pos, rec.trie);
          else if (childIndent === indent && c2 === MINUS && isBreakOrBlank(s.charCodeAt(this.p + 1))) {
            value = this.blockSeq(indent, depth + 1, rec.pos, rec.trie);
          } else {
            value = null;
            if (rec.pos) {
              rec.pos.line = keyLine;
              rec.pos.column = keyCol;
            }
          }
        }
      } else {
        const rec = this.record(pos, trie, depth + 1, key, this.line, this.col() + 1);
        if (rec.pos) rec.pos.key = { file: this.file, line: keyLine, column: keyCol };
        value = this.inlineValue(indent, depth + 1, rec.pos, rec.trie);
        this.endOfLine();
        this.nextContentLine();
      }
      setKey(obj, key, value);
      if (this.p >= this.n) return obj;
      const next = this.col();
      if (next < indent) return obj;
      if (next > indent) this.fail("E_YAML_SYNTAX", "this line is indented more than the keys above it", false);
      if (this.code() === MINUS && isBreakOrBlank(s.charCodeAt(this.p + 1))) return obj;
      if (this.atMarker(MINUS) || this.atMarker(DOT)) return obj;
    }
  }

  private blockSeq(indent: number, depth: number, pos: PosNode | null, trie: PathTrie | undefined): unknown[] {
    if (depth >= this.maxDepth) this.fail("E_TOO_DEEP", `nesting deeper than ${this.maxDepth} levels`, true);
    const s = this.src;
    const arr: unknown[] = [];
    for (;;) {
      if (this.pendingStop) throw new AllFound();
      const dashLine = this.line;
      const dashCol = this.col() + 1;
      this.p++; // the dash
      // A tab after the dash would set the indentation of a compact collection: not for this reader.
      if (s.charCodeAt(this.p) === TAB || (s.charCodeAt(this.p) === SPACE && /^ *\t/.test(s.slice(this.p, this.p + 64)))) {
        this.fail("E_YAML_UNSUPPORTED", "a tab after a sequence dash", false);
      }
      const c = this.skipBlanks();
      const index = arr.length;
      let item: unknown;
      if (c === HASH || c === LF || c === CR || this.p >= this.n) {
        this.endOfLine();
        if (this.nextContentLine() && this.col() > indent) {
          const rec = this.record(pos, trie, depth + 1, index, this.line, this.col() + 1);
          item = this.blockNode(indent, depth + 1, rec.pos, rec.trie);
        } else {
          this.record(pos, trie, depth + 1, index, dashLine, dashCol);
          item = null;
        }
      } else {
        const rec = this.record(pos, trie, depth + 1, index, this.line, this.col() + 1);
        const inner = this.col();
        if (c === MINUS && isBreakOrBlank(s.charCodeAt(this.p + 1))) item = this.blockSeq(inner, depth + 1, rec.pos, rec.trie);
        else if (this.looksLikeKey()) item = this.blockMap(inner, depth + 1, rec.pos, rec.trie);
        else {
          item = this.inlineValue(indent, depth + 1, rec.pos, rec.trie);
          this.endOfLine();
          this.nextContentLine();
        }
      }
      arr.push(item);
      if (this.p >= this.n) return arr;
      const next = this.col();
      if (next < indent) return arr;
      if (next > indent) this.fail("E_YAML_SYNTAX", "this line is indented more than the sequence items above it", false);
      if (this.code() !== MINUS || !isBreakOrBlank(s.charCodeAt(this.p + 1))) return arr;
      if (this.atMarker(MINUS)) return arr;
    }
  }

  /** A value that starts on the current line: a scalar or a flow collection. */
  private inlineValue(blockIndent: number, depth: number, pos: PosNode | null, trie: PathTrie | undefined): unknown {
    const c = this.code();
    if (c === LBRACKET) return this.flowSeq(blockIndent, depth, pos, trie);
    if (c === LBRACE) return this.flowMap(blockIndent, depth, pos, trie);
    if (c === DQUOTE) return this.doubleQuoted();
    if (c === SQUOTE) return this.singleQuoted();
    const start = this.p;
    if (this.scanPlainBlock() >= 0) {
      this.fail("E_YAML_SYNTAX", "a `key: value` pair cannot start inside a value on the same line", false);
    }
    return resolvePlain(this.src.slice(start, this.p));
  }

  // ---- quoted scalars -----------------------------------------------------------------------

  private doubleQuoted(): string {
    const s = this.src;
    const open = this.p;
    let i = open + 1;
    let out = "";
    let chunk = i;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === DQUOTE) {
        out += s.slice(chunk, i);
        this.p = i + 1;
        return out;
      }
      if (c === LF || c === CR || i >= this.n) {
        if (i >= this.n || s.indexOf('"', i) === -1) this.fail("E_YAML_SYNTAX", "unterminated double-quoted string", true, open);
        this.fail("E_YAML_UNSUPPORTED", "a double-quoted string that continues on the next line", false, open);
      }
      if (c === BACKSLASH) {
        out += s.slice(chunk, i);
        const e = s[i + 1] ?? "";
        if (hasOwn.call(escapes, e)) {
          out += escapes[e];
          i += 2;
        } else if (e === "x" || e === "u" || e === "U") {
          const len = e === "x" ? 2 : e === "u" ? 4 : 8;
          const hex = s.slice(i + 2, i + 2 + len);
          if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) this.fail("E_YAML_SYNTAX", `invalid \\${e} escape`, false, i);
          const cp = parseInt(hex, 16);
          if (cp > 0x10ffff) this.fail("E_YAML_SYNTAX", "escape beyond the last Unicode code point", false, i);
          out += String.fromCodePoint(cp);
          i += 2 + len;
        } else {
          this.fail("E_YAML_UNSUPPORTED", "an escape the fast reader does not handle", false, i);
        }
        chunk = i;
        continue;
      }
      i++;
    }
  }

  private singleQuoted(): string {
    const s = this.src;
    const open = this.p;
    let i = open + 1;
    let out = "";
    let chunk = i;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === SQUOTE) {
        if (s.charCodeAt(i + 1) === SQUOTE) {
          out += s.slice(chunk, i + 1);
          i += 2;
          chunk = i;
          continue;
        }
        out += s.slice(chunk, i);
        this.p = i + 1;
        return out;
      }
      if (c === LF || c === CR || i >= this.n) {
        if (i >= this.n || s.indexOf("'", i) === -1) this.fail("E_YAML_SYNTAX", "unterminated single-quoted string", true, open);
        this.fail("E_YAML_UNSUPPORTED", "a single-quoted string that continues on the next line", false, open);
      }
      i++;
    }
  }

  // ---- flow context -------------------------------------------------------------------------

  /** Skips blanks, comments and line breaks inside a flow collection. */
  private flowSpace(blockIndent: number, open: number): number {
    const s = this.src;
    for (;;) {
      let c = s.charCodeAt(this.p);
      while (c === SPACE || c === TAB) c = s.charCodeAt(++this.p);
      if (c === HASH) {
        const prev = s.charCodeAt(this.p - 1);
        if (this.p !== this.ls && prev !== SPACE && prev !== TAB) return c;
        this.p = this.lineEnd(this.p);
        c = s.charCodeAt(this.p);
      }
      if (this.p >= this.n) this.fail("E_YAML_SYNTAX", "unterminated flow collection (missing `]` or `}`)", true, open);
      if (c === LF || c === CR) {
        this.newline();
        let d = s.charCodeAt(this.p);
        while (d === SPACE) d = s.charCodeAt(++this.p);
        if (d === TAB) this.fail("E_YAML_UNSUPPORTED", "a tab in the indentation of a flow collection", false);
        if (d !== LF && d !== CR && d !== HASH && this.p < this.n && this.col() <= blockIndent) {
          this.fail("E_YAML_SYNTAX", "a flow collection's continuation lines must be indented more than its parent", false);
        }
        continue;
      }
      return c;
    }
  }

  private flowSeq(blockIndent: number, depth: number, pos: PosNode | null, trie: PathTrie | undefined): unknown[] {
    if (depth >= this.maxDepth) this.fail("E_TOO_DEEP", `nesting deeper than ${this.maxDepth} levels`, true);
    const open = this.p;
    this.p++;
    const arr: unknown[] = [];
    for (;;) {
      if (this.pendingStop) throw new AllFound();
      let c = this.flowSpace(blockIndent, open);
      if (c === RBRACKET) {
        this.p++;
        return arr;
      }
      const rec = this.record(pos, trie, depth + 1, arr.length, this.line, this.col() + 1);
      arr.push(this.flowNode(blockIndent, depth + 1, rec.pos, rec.trie, open));
      c = this.flowSpace(blockIndent, open);
      if (c === COMMA) {
        this.p++;
        continue;
      }
      if (c === RBRACKET) {
        this.p++;
        return arr;
      }
      if (c === COLON) this.fail("E_YAML_UNSUPPORTED", "a `key: value` pair inside a flow sequence", false);
      this.fail("E_YAML_SYNTAX", "expected `,` or `]` in a flow sequence", false);
    }
  }

  private flowMap(blockIndent: number, depth: number, pos: PosNode | null, trie: PathTrie | undefined): Record<string, unknown> {
    if (depth >= this.maxDepth) this.fail("E_TOO_DEEP", `nesting deeper than ${this.maxDepth} levels`, true);
    const s = this.src;
    const open = this.p;
    this.p++;
    const obj: Record<string, unknown> = {};
    for (;;) {
      if (this.pendingStop) throw new AllFound();
      let c = this.flowSpace(blockIndent, open);
      if (c === RBRACE) {
        this.p++;
        return obj;
      }
      const keyLine = this.line;
      const keyCol = this.col() + 1;
      const keyAt = this.p;
      let key: string;
      let quoted = false;
      if (c === DQUOTE) {
        key = this.doubleQuoted();
        quoted = true;
      } else if (c === SQUOTE) {
        key = this.singleQuoted();
        quoted = true;
      } else {
        key = this.plainFlow();
        if (key === "") this.fail("E_YAML_UNSUPPORTED", "an empty or explicit key in a flow mapping", false);
      }
      c = this.flowSpace(blockIndent, open);
      if (c !== COLON) this.fail("E_YAML_UNSUPPORTED", "a flow mapping entry without `: value`", false);
      const after = s.charCodeAt(this.p + 1);
      if (!quoted && !isBreakOrBlank(after) && !isFlowIndicator(after)) {
        this.fail("E_YAML_UNSUPPORTED", "`:` directly followed by text in a flow mapping key", false);
      }
      if (hasOwn.call(obj, key)) this.fail("E_DUPLICATE_KEY", `duplicate key \`${key}\` in this mapping`, true, keyAt);
      this.p++;
      c = this.flowSpace(blockIndent, open);
      let value: unknown;
      if (c === COMMA || c === RBRACE) {
        const rec = this.record(pos, trie, depth + 1, key, keyLine, keyCol);
        if (rec.pos) rec.pos.key = { file: this.file, line: keyLine, column: keyCol };
        value = null;
      } else {
        const rec = this.record(pos, trie, depth + 1, key, this.line, this.col() + 1);
        if (rec.pos) rec.pos.key = { file: this.file, line: keyLine, column: keyCol };
        value = this.flowNode(blockIndent, depth + 1, rec.pos, rec.trie, open);
      }
      setKey(obj, key, value);
      c = this.flowSpace(blockIndent, open);
      if (c === COMMA) {
        this.p++;
        continue;
      }
      if (c === RBRACE) {
        this.p++;
        return obj;
      }
      this.fail("E_YAML_SYNTAX", "expected `,` or `}` in a flow mapping", false);
    }
  }

  private flowNode(blockIndent: number, depth: number, pos: PosNode | null, trie: PathTrie | undefined, open: number): unknown {
    const c = this.code();
    if (c === LBRACKET) return this.flowSeq(blockIndent, depth, pos, trie);
    if (c === LBRACE) return this.flowMap(blockIndent, depth, pos, trie);
    if (c === DQUOTE) return this.doubleQuoted();
    if (c === SQUOTE) return this.singleQuoted();
    const text = this.plainFlow();
    if (text === "") this.fail("E_YAML_SYNTAX", "expected a value", false);
    // A plain scalar that goes on after a line break is a multi-line scalar: not for this reader.
    const save = this.p;
    const saveLine = this.line;
    const saveLs = this.ls;
    const next = this.flowSpace(blockIndent, open);
    if (next !== COMMA && next !== RBRACKET && next !== RBRACE && next !== COLON) {
      this.fail("E_YAML_UNSUPPORTED", "a multi-line plain scalar", false);
    }
    this.p = save;
    this.line = saveLine;
    this.ls = saveLs;
    return resolvePlain(text);
  }

  /** A plain scalar in flow context; stops at flow indicators, `: `, ` #` and line ends. */
  private plainFlow(): string {
    const s = this.src;
    const start = this.p;
    const first = s.charCodeAt(start);
    if (
      first === AMP || first === STAR || first === BANG || first === PIPE || first === GT || first === PERCENT ||
      first === AT || first === BACKTICK || first === HASH || isFlowIndicator(first)
    ) {
      if (isFlowIndicator(first) || first === HASH) return "";
      this.fail("E_YAML_UNSUPPORTED", "anchors, aliases, tags and reserved indicators are not read by the fast reader", false);
    }
    if ((first === MINUS || first === QUESTION || first === COLON) && (isBreakOrBlank(s.charCodeAt(start + 1)) || isFlowIndicator(s.charCodeAt(start + 1)))) {
      this.fail("E_YAML_UNSUPPORTED", "an indicator where a value was expected", false);
    }
    let i = start;
    let end = start;
    for (;;) {
      const c = s.charCodeAt(i);
      if (i >= this.n || c === LF || c === CR || isFlowIndicator(c)) break;
      if (c === COLON) {
        const d = s.charCodeAt(i + 1);
        if (isBreakOrBlank(d) || isFlowIndicator(d)) break;
      }
      if (c === HASH && (s.charCodeAt(i - 1) === SPACE || s.charCodeAt(i - 1) === TAB)) break;
      if (c !== SPACE && c !== TAB) end = i + 1;
      i++;
    }
    this.p = end;
    return s.slice(start, end);
  }
}

/** Reads `text` (BOM already removed, control characters already rejected). Throws YamlBail. */
export function parseYamlFast(text: string, file: string, spec: RecordSpec, maxDepth = 64): FastYamlResult {
  return new FastYamlParser(text, file, spec, maxDepth).parse();
}
