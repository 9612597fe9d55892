import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMap, isSeq, LineCounter, parseAllDocuments, type parseDocument, stringify, type Node } from "yaml";
import { childPos, type PosNode } from "../../src/load/positions.js";
import { parseYamlFast, YamlBail } from "../../src/load/yaml-fast.js";

const runs = Number(process.env.CLEANPATH_PROPERTY_RUNS ?? 300);

/** The options the full reader uses: the fast reader must agree with `yaml` under exactly these. */
const options = {
  version: "1.2",
  schema: "core",
  merge: false,
  resolveKnownTags: false,
  stringKeys: true,
  uniqueKeys: true,
  strict: true,
  prettyErrors: false,
  logLevel: "silent",
} as const;

function reference(text: string): { ok: boolean; value?: unknown; doc?: ReturnType<typeof parseDocument>; lc: LineCounter } {
  const lc = new LineCounter();
  const docs = parseAllDocuments(text, { ...options, lineCounter: lc });
  // Like the loader: exactly one document (an empty stream reads as null).
  if (!Array.isArray(docs) || docs.length > 1) return { ok: false, lc };
  // Like the loader: no directives (yaml accepts unknown ones silently).
  if (/^%/m.test(text.split(/^---/m)[0] ?? "")) return { ok: false, lc };
  if (docs.length === 0) return { ok: true, value: null, lc };
  const doc = docs[0]! as unknown as ReturnType<typeof parseDocument>;
  if (doc.errors.length > 0 || doc.warnings.length > 0) return { ok: false, lc };
  return { ok: true, value: doc.toJS(), doc, lc };
}

/** Positions of depth ≤ 2 value nodes from the yaml syntax tree, as "path → line:col". */
function referencePositions(doc: ReturnType<typeof parseDocument>, lc: LineCounter): Map<string, string> {
  const out = new Map<string, string>();
  const at = (n: Node | null | undefined): string | undefined => {
    if (!n || !n.range) return undefined;
    const p = lc.linePos(n.range[0]);
    return `${p.line}:${p.col}`;
  };
  const walk = (n: Node | null, path: string, depth: number): void => {
    if (depth > 2 || !n) return;
    if (isMap(n)) {
      for (const pair of n.items) {
        const key = String((pair.key as { value: unknown }).value);
        const v = pair.value as Node | null;
        const vp = v && !(v as { value?: unknown }).hasOwnProperty?.("value") ? at(v) : at(v);
        if (v && (v as { value?: unknown }).value !== null && vp) out.set(`${path}/${key}`, vp);
        walk(v, `${path}/${key}`, depth + 1);
      }
    } else if (isSeq(n)) {
      n.items.forEach((item, i) => {
        const v = item as Node | null;
        const vp = at(v);
        if (v && (v as { value?: unknown }).value !== null && vp) out.set(`${path}/${i}`, vp);
        walk(v, `${path}/${i}`, depth + 1);
      });
    }
  };
  walk(doc.contents as Node, "", 1);
  return out;
}

function fastPositions(pos: PosNode, value: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (node: PosNode | undefined, v: unknown, path: string, depth: number): void => {
    if (depth > 2 || v === null || typeof v !== "object") return;
    const keys = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v as object);
    for (const k of keys) {
      const child = childPos(node, k);
      const cv = (v as Record<string, unknown>)[k as string];
      if (child && cv !== null) out.set(`${path}/${k}`, `${child.line}:${child.column}`);
      walk(child, cv, `${path}/${k}`, depth + 1);
    }
  };
  walk(pos, value, "", 1);
  return out;
}

/** Checks the one property that matters: whatever the fast reader accepts, `yaml` reads the same. */
function agree(text: string): void {
  let fast: ReturnType<typeof parseYamlFast> | undefined;
  try {
    fast = parseYamlFast(text, "t.yaml", { depth: 2 });
  } catch (e) {
    if (!(e instanceof YamlBail)) throw e;
    // A definite bail claims the text is invalid whatever reads it: `yaml` must refuse it too.
    if (e.definite && e.code !== "E_TOO_DEEP") expect(reference(text).ok, `fast refused (${e.code}) what yaml accepts: ${JSON.stringify(text)}`).toBe(false);
    return;
  }
  const ref = reference(text);
  expect(ref.ok, `fast accepted what yaml refuses: ${JSON.stringify(text)}`).toBe(true);
  expect(fast.value, JSON.stringify(text)).toEqual(ref.value);
  if (ref.value !== null && typeof ref.value === "object") {
    const expected = referencePositions(ref.doc!, ref.lc);
    const got = fastPositions(fast.pos, fast.value);
    for (const [path, p] of expected) expect(got.get(path), `${path} in ${JSON.stringify(text)}`).toBe(p);
  }
}

// Scalars that exercise the core schema: words, numbers in every notation, booleans, nulls,
// strings that need quoting, unicode, spaces.
const scalar = fc.oneof(
  fc.constantFrom(
    "a", "core", "Nokia Solutions and Networks Oy", "0x1F", "0o17", "+12", "-0", "012", "1.", ".5", "1e5", "-.inf",
    ".NaN", "true", "False", "TRUE", "tRue", "null", "~", "Null", "", " ", "a b", "a:b", "a #b", "x: y", "- a",
    "[x]", "{y}", "é", "日本", "'q'", '"dq"', "a,b", "#", "&a", "*b", "!t", "%p", "@x", "`x", "|", ">", "?",
    "12345678901234567890", "1_000", "0b101", "-", "--", "a--b", "a--b#2",
  ),
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const key = fc.oneof(fc.constantFrom("id", "role", "vendor", "a", "b", "1", "0x1", "true", "null", "__proto__", "constructor", "a b", "é"), fc.string({ minLength: 1, maxLength: 6 }));
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalar, tie("arr"), tie("obj")),
  arr: fc.array(tie("node"), { maxLength: 4 }),
  obj: fc.dictionary(key, tie("node"), { maxKeys: 4 }),
})).node;
const doc = fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 });

describe("fast YAML reader against the yaml package", () => {
  it("reads what yaml.stringify writes, in every style, exactly as yaml does", () => {
    fc.assert(
      fc.property(doc, fc.constantFrom(0, 1, 2, 3, Infinity), fc.boolean(), fc.constantFrom(2, 4), (d, flowLevel, flowMaps, indent) => {
        const text = stringify(d, { flowCollectionPadding: flowMaps, indent, lineWidth: 0, ...(flowLevel !== Infinity ? { collectionStyle: "any" } : {}) });
        agree(text);
        const flow = stringify(d, { collectionStyle: "flow", lineWidth: 0 });
        agree(flow);
        agree(JSON.stringify(d, null, flowLevel === 0 ? 2 : undefined));
      }),
      { numRuns: runs },
    );
  });

  it("never accepts mutated text that yaml reads differently", () => {
    const alphabet = [":", "-", " ", "\n", "[", "]", "{", "}", ",", "#", '"', "'", "&", "*", "!", "|", ">", "?", "%", "\t", "a", "1", "\\", "\r\n", "---", "..."];
    fc.assert(
      fc.property(
        doc,
        fc.array(fc.tuple(fc.nat(), fc.constantFrom("insert", "delete", "replace"), fc.constantFrom(...alphabet)), { minLength: 1, maxLength: 4 }),
        (d, edits) => {
          let text = stringify(d, { lineWidth: 0 });
          for (const [at, op, ch] of edits) {
            const i = text.length === 0 ? 0 : at % text.length;
            text = op === "insert" ? text.slice(0, i) + ch + text.slice(i) : op === "delete" ? text.slice(0, i) + text.slice(i + 1) : text.slice(0, i) + ch + text.slice(i + 1);
          }
          agree(text);
        },
      ),
      { numRuns: runs * 3 },
    );
  });

  it.each([
    ["block map of flow items", "cleanpath: 1\nelements:\n  - {id: a, role: core, vendor: Nokia}\n  - {id: b, role: ran}\nlinks:\n  - [a, b, 5]\n"],
    ["block items", "elements:\n- id: a\n  role: core\n  tags: [x, y]\n-\n  id: b\n"],
    ["comments everywhere", "# head\na: 1 # one\n\n# mid\nb:   # empty\n  - x  # item\nc: {p: 1, # inside\n  q: 2}\n"],
    ["quoted keys and escapes", "\"a b\": 'it''s'\n'c': \"tab\\there \\u00e9 \\x41\"\nd: \"\\\\ \\/ \\\"\"\n"],
    ["JSON text", '{"a": [1, 2.5, -3e2, true, null, "x"], "b": {"c": {}}}'],
    ["document markers", "---\na: 1\n...\n"],
    ["CRLF line ends", "a: 1\r\nb:\r\n  - x\r\n"],
    ["same-indent sequence under a key", "a:\n- 1\n- 2\nb: 3\n"],
    ["compact nested sequences", "- - a\n  - b\n- c\n"],
  ])("agrees on %s", (_name, text) => {
    agree(text);
    expect(() => parseYamlFast(text, "t.yaml", { depth: 2 })).not.toThrow();
  });

  it("bails out (to the full parser) on what it does not read", () => {
    for (const text of ["a: &x 1\nb: *x\n", "a: !t x\n", "a: |\n  text\n", "a: >\n  text\n", "a: b\n  c\n", "? a\n: b\n", "a: \"x\n  y\"\n"]) {
      expect(() => parseYamlFast(text, "t.yaml", { depth: 2 }), text).toThrow(YamlBail);
    }
  });

  it("never lets __proto__ reach a prototype", () => {
    const r = parseYamlFast("__proto__: {polluted: 1}\nb: {__proto__: {polluted: 2}}\n", "t.yaml", { depth: 2 });
    const v = r.value as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(["__proto__", "b"]);
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
