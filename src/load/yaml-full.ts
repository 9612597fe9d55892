import { createRequire } from "node:module";
import type { Document, Node, ParsedNode } from "yaml";
import type * as YamlPackage from "yaml";
import { type Diagnostic, errorAt, type SourceLocation } from "../diagnostics.js";
import type { DocPath, PathTrie, PosNode, RecordSpec } from "./positions.js";

let loaded: typeof YamlPackage | undefined;
/** The `yaml` package, loaded on first use: JSON files and most YAML files never need it (the fast reader reads them). */
function yaml(): typeof YamlPackage {
  return (loaded ??= createRequire(import.meta.url)("yaml") as typeof YamlPackage);
}

/** Problems found by the full parser, every one located. */
export class YamlProblems extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join("; "));
    this.name = "YamlProblems";
  }
}

export interface FullYamlResult {
  value: unknown;
  pos: PosNode;
  /** Positions along deeper paths, straight from the syntax tree. */
  locate(trie: PathTrie): PosNode;
}

const options = {
  version: "1.2",
  schema: "core",
  merge: false,
  resolveKnownTags: false,
  stringKeys: true,
  uniqueKeys: false, // checked below in linear time; the built-in check is quadratic
  strict: true,
  prettyErrors: false,
  logLevel: "silent",
} as const;

/**
 * Reads any YAML 1.2 document with the `yaml` package, refusing what the research found
 * dangerous: alias bombs, recursive and unknown aliases, nesting deep enough to abort V8,
 * duplicate keys, tags, directives, several documents.
 */
export function parseYamlFull(text: string, file: string, spec: RecordSpec, maxDepth = 64, maxProblems = 100): FullYamlResult {
  const lc = new (yaml().LineCounter)();
  const at = (offset: number): SourceLocation => {
    const { line, col } = lc.linePos(Math.max(0, offset));
    return { file, line: Math.max(1, line), column: Math.max(1, col) };
  };
  const { tooDeep, directive } = scanCst(text, maxDepth);
  if (directive >= 0) {
    const before = text.slice(0, directive);
    throw new YamlProblems([
      errorAt("E_DIRECTIVE", "YAML directives (such as %YAML 1.1 or %TAG) are not accepted: remove the line", {
        file,
        line: before.split("\n").length,
        column: directive - (before.lastIndexOf("\n") + 1) + 1,
      }),
    ]);
  }
  if (tooDeep >= 0) {
    // The LineCounter fills only while the parser runs: count lines by hand for this position.
    const before = text.slice(0, tooDeep);
    const line = before.split("\n").length;
    const column = tooDeep - (before.lastIndexOf("\n") + 1) + 1;
    throw new YamlProblems([errorAt("E_TOO_DEEP", `nesting deeper than ${maxDepth} levels`, { file, line, column })]);
  }
  const docs = yaml().parseAllDocuments(text, { ...options, lineCounter: lc });
  const list = Array.isArray(docs) ? docs : [];
  if (list.length === 0) throw new YamlProblems([errorAt("E_EMPTY", "the file holds no YAML document", { file, line: 1, column: 1 })]);
  const doc = list[0]!;
  const problems: Diagnostic[] = [];
  if (list.length > 1) {
    problems.push(errorAt("E_MULTI_DOC", "a second YAML document starts here; a topology file holds exactly one", at(list[1]!.range[0])));
  }
  for (const e of [...doc.errors, ...doc.warnings]) {
    problems.push(errorAt(`E_YAML_${e.code}`, friendlier[e.code] ?? cleanMessage(e.message), at(e.pos[0])));
  }
  if (problems.length === 0) checkTree(doc, at, problems);
  if (problems.length > 0) throw new YamlProblems(problems.slice(0, maxProblems));

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (err) {
    const msg = (err as Error).message ?? String(err);
    throw new YamlProblems([
      errorAt("E_ALIAS_LIMIT", `aliases expand too much (${msg.replace(/\.$/, "")}); write the data out instead`, { file, line: 1, column: 1 }),
    ]);
  }
  if (hasAliases(doc)) {
    const limit = 10_000 + 2 * text.length;
    if (countNodes(value, limit) > limit) {
      throw new YamlProblems([
        errorAt("E_TOO_MANY_NODES", `aliases expand this file to more than ${limit} values; write the data out instead`, { file, line: 1, column: 1 }),
      ]);
    }
  }
  const pos = positionsOf(doc, file, at, spec);
  return { value, pos, locate: (trie) => positionsOf(doc, file, at, { depth: 0, trie }) };
}

/** Messages for the errors a topology author meets most, in the author's terms. */
const friendlier: Partial<Record<string, string>> = {
  TAG_RESOLVE_FAILED: "YAML tags (such as !custom, !!set, !!binary) are not accepted in topology files: remove the tag",
  NON_STRING_KEY: "complex keys (`? [a, b]`, lists or mappings as keys) are not accepted: keys are plain names",
  TAB_AS_INDENT: "a tab in the indentation: YAML indents with spaces only",
};

function cleanMessage(m: string): string {
  return m.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, "").trim();
}

/**
 * One walk of the concrete syntax tree, without recursion: the offset of the first collection
 * nested deeper than `max` and of the first directive (each -1 when there is none).
 */
function scanCst(text: string, max: number): { tooDeep: number; directive: number } {
  type Tok = { type: string; offset?: number; value?: unknown; items?: unknown[]; key?: unknown; start?: Tok[] };
  const stack: [Tok, number][] = [];
  let directive = -1;
  for (const tok of new (yaml().Parser)().parse(text)) {
    if ((tok as Tok).type === "directive" && directive < 0) directive = (tok as Tok).offset ?? 0;
    if ((tok as Tok).type === "document") {
      for (const t of (tok as Tok).start ?? []) if (t.type === "directive" && directive < 0) directive = t.offset ?? 0;
    }
    stack.push([tok as Tok, 0]);
  }
  while (stack.length > 0) {
    const [tok, depth] = stack.pop()!;
    if (!tok || typeof tok !== "object") continue;
    const isCollection = tok.type === "block-map" || tok.type === "block-seq" || tok.type === "flow-collection";
    const d = isCollection ? depth + 1 : depth;
    if (d > max) return { tooDeep: tok.offset ?? 0, directive };
    if (tok.type === "document" && tok.value) stack.push([tok.value as Tok, d]);
    if (Array.isArray(tok.items)) {
      for (const it of tok.items as { key?: Tok; value?: Tok }[]) {
        if (it.key) stack.push([it.key, d]);
        if (it.value) stack.push([it.value, d]);
      }
    }
  }
  return { tooDeep: -1, directive };
}

/** Unknown and recursive aliases, and duplicate keys (linear: one Map per mapping). */
function checkTree(doc: Document.Parsed, at: (o: number) => SourceLocation, problems: Diagnostic[]): void {
  yaml().visit(doc, {
    Alias(_key, node, path) {
      const target = node.resolve(doc);
      const where = at(node.range?.[0] ?? 0);
      if (!target) problems.push(errorAt("E_UNRESOLVED_ALIAS", `alias *${node.source} has no anchor before it`, where));
      else if ((path as readonly unknown[]).includes(target)) {
        problems.push(errorAt("E_RECURSIVE_ALIAS", `alias *${node.source} refers to a node that contains it`, where));
      }
    },
    Map(_key, node) {
      const seen = new Map<string, SourceLocation>();
      for (const pair of node.items) {
        const k = pair.key as ParsedNode | null;
        if (!yaml().isScalar(k)) continue;
        const name = String(k.value);
        const here = at(k.range[0]);
        const first = seen.get(name);
        if (first) {
          problems.push({ ...errorAt("E_DUPLICATE_KEY", `duplicate key \`${name}\` in this mapping`, here), related: [first] });
        } else seen.set(name, here);
      }
    },
  });
}

function hasAliases(doc: Document.Parsed): boolean {
  let found = false;
  yaml().visit(doc, {
    Alias() {
      found = true;
      return yaml().visit.BREAK;
    },
  });
  return found;
}

function countNodes(value: unknown, limit: number): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && count <= limit) {
    const v = stack.pop();
    count++;
    if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (v !== null && typeof v === "object") for (const x of Object.values(v)) stack.push(x);
  }
  return count;
}

/** PosNodes from the syntax tree: every node down to `spec.depth` plus the paths of `spec.trie`. */
function positionsOf(doc: Document.Parsed, file: string, at: (o: number) => SourceLocation, spec: RecordSpec): PosNode {
  const contents = doc.contents as Node | null;
  const root: PosNode = { ...at(contents && "range" in contents && contents.range ? contents.range[0] : 0) };
  root.file = file;
  const stack: { node: Node | null; pos: PosNode; depth: number; trie: PathTrie | undefined }[] = [
    { node: contents, pos: root, depth: 0, trie: spec.trie },
  ];
  while (stack.length > 0) {
    const { node: raw, pos, depth, trie } = stack.pop()!;
    const node = yaml().isAlias(raw) ? (raw.resolve(doc) as Node | undefined) ?? null : raw;
    if (!node) continue;
    const childDepth = depth + 1;
    const want = (seg: string): PathTrie | undefined | false => {
      const sub = trie?.get(seg);
      if (sub !== undefined) return sub;
      return childDepth <= spec.depth ? undefined : false;
    };
    if (yaml().isMap(node)) {
      const map = new Map<string, PosNode>();
      for (const pair of node.items) {
        if (!yaml().isPair(pair) || !yaml().isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const sub = want(key);
        if (sub === false) continue;
        const keyLoc = at((pair.key as ParsedNode).range[0]);
        const v = pair.value as ParsedNode | null;
        const child: PosNode = v && v.range ? { ...at(v.range[0]) } : { ...keyLoc };
        child.key = keyLoc;
        map.set(key, child);
        stack.push({ node: v, pos: child, depth: childDepth, trie: sub });
      }
      if (map.size > 0) pos.children = map;
    } else if (yaml().isSeq(node)) {
      const arr: PosNode[] = [];
      node.items.forEach((item, index) => {
        const sub = want(String(index));
        if (sub === false) return;
        const it = item as ParsedNode | null;
        const child: PosNode = it && it.range ? { ...at(it.range[0]) } : { ...pos };
        arr[index] = child;
        stack.push({ node: it, pos: child, depth: childDepth, trie: sub });
      });
      if (arr.length > 0) pos.children = arr;
    }
  }
  return root;
}

export type { DocPath };
