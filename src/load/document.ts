// The one reader of YAML and JSON documents: topology and policy files (through `parseFile`) and
// the foreign files importers take (containerlab labs, vendor maps, NetBox exports) go through
// the same decoding, the same guards and the same positions, so one bad byte or one duplicate key
// gets the same code and the same file:line:column whichever command read it.
import { type Diagnostic, errorAt, InputError, type SourceLocation } from "../diagnostics.js";
import { decodeText, reportControlChar } from "./decode.js";
import { JsonProblem, scanJson } from "./json.js";
import { scanJsonFast } from "./json-fast.js";
import { jsonErrorOffset } from "./json-error.js";
import { type DocPath, offsetToLocation, type PathTrie, pathTrie, type PosNode, walkPos } from "./positions.js";
import { parseYamlFast, YamlBail } from "./yaml-fast.js";
import { parseYamlFull, YamlProblems } from "./yaml-full.js";

/** A file's text, decoded by `decodeSource` (or written by a test). */
export interface SourceText {
  /** Path as shown to the user; used in every location. */
  file: string;
  text: string;
}

export interface DocumentOptions {
  /** The syntax; by default JSON when the name ends in `.json`, YAML otherwise. */
  as?: "json" | "yaml";
  /** Levels below the root whose positions are recorded up front (default 2); deeper ones cost a pass each time they are asked for. */
  depth?: number;
  /** Deepest nesting accepted (default 64). */
  maxDepth?: number;
  /** Largest YAML text the full parser may read when the fast reader cannot (default 10 MiB). */
  maxFullYamlBytes?: number;
  /** Most diagnostics kept (default 100). */
  maxProblems?: number;
  /**
   * JSON only. `always` (the default) scans the text before `JSON.parse`: positions to `depth`,
   * duplicate keys and nesting refused. `on-error` runs `JSON.parse` alone and scans only to
   * locate its error: for big machine-written exports, where the scan would cost half as much
   * again as the parse; duplicate keys then go unnoticed (the last one wins), and positions are
   * found by a pass when asked for.
   */
  jsonScan?: "always" | "on-error";
}

/** A parsed document and where its nodes are. */
export interface ParsedDocument {
  /** What the document holds; null for a YAML file without a document. */
  value: unknown;
  /** Positions recorded up front (to `depth`). */
  pos: PosNode;
  /** Location of `path` (or of its nearest existing ancestor); `key` points at the key of a map entry. */
  locate(path: DocPath, key?: boolean): SourceLocation;
  /** Locates many paths with at most one extra pass over the text. */
  locateAll(paths: readonly DocPath[], key?: boolean): SourceLocation[];
}

const MiB = 1024 * 1024;

/** Whether a file name says JSON (everything else is read as YAML). */
export function isJsonName(file: string): boolean {
  return /\.json$/i.test(file);
}

/** Bytes → text with every check of the loader (UTF-16/32, invalid UTF-8, BOM, control characters). */
export function decodeSource(file: string, bytes: Uint8Array): SourceText {
  return { file, text: decodeText(file, bytes, { json: isJsonName(file) }) };
}

/** Parses one YAML or JSON document; every problem is an InputError with its position. */
export function readDocument(src: SourceText, options: DocumentOptions = {}): ParsedDocument {
  const { file, text } = src;
  const maxDepth = options.maxDepth ?? 64;
  const depth = options.depth ?? 2;
  const json = options.as === undefined ? isJsonName(file) : options.as === "json";
  const parsed = !json
    ? parseYamlText(text, file, depth, maxDepth, options)
    : options.jsonScan === "on-error"
      ? parseJsonOnly(text, file, maxDepth)
      : parseJsonText(text, file, depth, maxDepth);
  const { value, pos, deep } = parsed;
  const locateAll = (paths: readonly DocPath[], key = false): SourceLocation[] => {
    const shallow = paths.map((p) => walkPos(pos, p, key));
    if (shallow.every((s, i) => s.depth === paths[i]!.length)) return shallow.map((s) => s.loc);
    const tree = deep(pathTrie(paths));
    return paths.map((p) => walkPos(tree, p, key).loc);
  };
  return { value, pos, locate: (p, key = false) => locateAll([p], key)[0]!, locateAll };
}

/** `1.5 MB` / `12 MB`, for size messages. */
export function mb(bytes: number): string {
  return bytes >= 10 * MiB ? `${Math.round(bytes / MiB)} MB` : `${(bytes / MiB).toFixed(1)} MB`;
}

interface Parsed {
  value: unknown;
  pos: PosNode;
  deep: (trie: PathTrie) => PosNode;
}

function parseJsonText(text: string, file: string, depth: number, maxDepth: number): Parsed {
  // The fast scan gives the same positions as the full one for text JSON.parse accepts, and
  // gives up (null) on anything the full scan would diagnose; the full scan then runs first, as
  // it always did, so every problem gets the same code and position.
  const fast = scanJsonFast(text, file, depth, maxDepth);
  const pos = fast ?? scanOrThrow(text, file, depth, maxDepth);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    if (fast) scanOrThrow(text, file, depth, maxDepth);
    throw parseError(err, text, file);
  }
  return { value, pos, deep: (trie) => scanJson(text, file, { depth: 0, trie }, maxDepth) };
}

function parseJsonOnly(text: string, file: string, maxDepth: number): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    // The scan names the first structural error (or a too-deep nesting) as the default mode does.
    scanOrThrow(text, file, 0, maxDepth);
    throw parseError(err, text, file);
  }
  return { value, pos: { file, line: 1, column: 1 }, deep: (trie) => scanJson(text, file, { depth: 0, trie }, maxDepth) };
}

/** The positions to `depth`, or the located InputError of the first problem the scan finds. */
function scanOrThrow(text: string, file: string, depth: number, maxDepth: number): PosNode {
  try {
    return scanJson(text, file, { depth }, maxDepth);
  } catch (err) {
    reportControlChar(file, text);
    if (err instanceof JsonProblem) {
      const d: Diagnostic = errorAt(err.code, err.message, { file, line: err.line, column: err.column });
      if (err.related) d.related = [{ file, ...err.related }];
      throw new InputError([d]);
    }
    throw err;
  }
}

/** `JSON.parse`'s error, located (by V8's position when it gives one, by the error locator otherwise). */
function parseError(err: unknown, text: string, file: string): unknown {
  if (!(err instanceof SyntaxError)) return err;
  reportControlChar(file, text);
  const message = err.message;
  const m = /at position (\d+)/.exec(message);
  const offset = m ? Number(m[1]) : Math.max(0, jsonErrorOffset(text));
  // V8 quotes the text (or its start) in the message; the location says where instead.
  const short = message.replace(/ in JSON at position \d+.*$/s, "").replace(/, .*is not valid JSON$/s, "");
  return new InputError([errorAt("E_JSON_SYNTAX", short, offsetToLocation(file, text, offset))]);
}

function parseYamlText(text: string, file: string, depth: number, maxDepth: number, options: DocumentOptions): Parsed {
  const maxFull = options.maxFullYamlBytes ?? 10 * MiB;
  try {
    const r = parseYamlFast(text, file, { depth }, maxDepth);
    return {
      value: r.value,
      pos: r.pos,
      deep: (trie) => parseYamlFast(text, file, { depth: 0, trie }, maxDepth).pos,
    };
  } catch (err) {
    if (!(err instanceof YamlBail)) throw err;
    // The fast reader locates an unterminated quote or bracket at its opening, which helps more
    // than the full parser's "end of file"; duplicate keys go to the full parser, which also
    // points at the first occurrence and finds every duplicate.
    if (text.length > maxFull || (err.definite && err.code !== "E_DUPLICATE_KEY")) {
      const hint = err.definite
        ? ""
        : ` (files over ${mb(maxFull)} are read by cleanpath's fast YAML reader, which does not accept this; ` +
          `rewrite it in plain block/flow style, save the topology as JSON, or raise --max-full-yaml-size)`;
      throw new InputError([errorAt(err.code, err.message + hint, { file, line: err.line, column: err.column })]);
    }
  }
  try {
    const r = parseYamlFull(text, file, { depth }, maxDepth, options.maxProblems ?? 100);
    return { value: r.value, pos: r.pos, deep: (trie) => r.locate(trie) };
  } catch (err) {
    if (err instanceof YamlProblems) throw new InputError(err.diagnostics);
    throw err;
  }
}
