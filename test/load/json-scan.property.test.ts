import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMap, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { JsonProblem, scanJson } from "../../src/load/json.js";
import { childPos, type PosNode } from "../../src/load/positions.js";

const runs = Number(process.env.CLEANPATH_PROPERTY_RUNS ?? 300);

/** Depth ≤ 2 value positions from the yaml package (JSON is YAML), as "path → line:col". */
function referencePositions(text: string): Map<string, string> {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false });
  const out = new Map<string, string>();
  const walk = (n: Node | null, path: string, depth: number): void => {
    if (depth > 2 || !n) return;
    const add = (k: string | number, v: Node | null): void => {
      if (v?.range) {
        const p = lc.linePos(v.range[0]);
        out.set(`${path}/${k}`, `${p.line}:${p.col}`);
      }
      walk(v, `${path}/${k}`, depth + 1);
    };
    if (isMap(n)) for (const pair of n.items) add(String((pair.key as { value: unknown }).value), pair.value as Node | null);
    else if (isSeq(n)) n.items.forEach((item, i) => add(i, item as Node | null));
  };
  walk(doc.contents as Node, "", 1);
  return out;
}

function scannedPositions(pos: PosNode, value: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (node: PosNode | undefined, v: unknown, path: string, depth: number): void => {
    if (depth > 2 || v === null || typeof v !== "object") return;
    const keys = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v as object);
    for (const k of keys) {
      const child = childPos(node, k);
      if (child) out.set(`${path}/${k}`, `${child.line}:${child.column}`);
      walk(child, (v as Record<string, unknown>)[k as string], `${path}/${k}`, depth + 1);
    }
  };
  walk(pos, value, "", 1);
  return out;
}

const json = fc.jsonValue({ maxDepth: 4 });

describe("JSON position scan", () => {
  it("records the same positions as the yaml package, in any layout", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 5 }), json, { maxKeys: 5 }), fc.constantFrom(undefined, 1, 2, "\t"), (v, indent) => {
        const text = JSON.stringify(v, null, indent);
        const pos = scanJson(text, "t.json", { depth: 2 });
        const expected = referencePositions(text);
        const got = scannedPositions(pos, JSON.parse(text));
        for (const [path, p] of expected) expect(got.get(path), `${path} in ${text}`).toBe(p);
      }),
      { numRuns: runs },
    );
  });

  it("finds a duplicate key wherever it is, and only then", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "b", "c", "\\u0061", "d", "e", "f", "g"), { minLength: 1, maxLength: 24 }), fc.nat(3), (keys, depth) => {
        const inner = "{" + keys.map((k, i) => `"${k}": ${i}`).join(", ") + "}";
        const text = "[".repeat(depth) + inner + "]".repeat(depth);
        const decoded = keys.map((k) => (k === "\\u0061" ? "a" : k));
        const hasDup = new Set(decoded).size !== decoded.length;
        let found = false;
        try {
          scanJson(text, "t.json", { depth: 2 });
        } catch (e) {
          expect(e).toBeInstanceOf(JsonProblem);
          expect((e as JsonProblem).code).toBe("E_DUPLICATE_KEY");
          found = true;
        }
        expect(found, text).toBe(hasDup);
      }),
      { numRuns: runs },
    );
  });

  it("reports a structural error wherever JSON.parse finds one in mutated text", () => {
    fc.assert(
      fc.property(json, fc.array(fc.tuple(fc.nat(), fc.constantFrom("{", "}", "[", "]", ",", ":", '"', " ", "\n", "x", "1")), { minLength: 1, maxLength: 3 }), (v, edits) => {
        let text = JSON.stringify({ v }, null, 1);
        for (const [at, ch] of edits) {
          const i = at % text.length;
          text = text.slice(0, i) + ch + text.slice(i + 1);
        }
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        let scans = true;
        try {
          scanJson(text, "t.json", { depth: 2 });
        } catch (e) {
          if (!(e instanceof JsonProblem)) throw e;
          scans = e.code === "E_DUPLICATE_KEY";
        }
        // The scan checks structure, not literals: whatever JSON.parse accepts, the scan accepts.
        if (parses) expect(scans, text).toBe(true);
      }),
      { numRuns: runs },
    );
  });
});
