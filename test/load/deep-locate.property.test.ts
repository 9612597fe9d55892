import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, stringify } from "yaml";
import { parseFile } from "../../src/load/index.js";
import type { DocPath } from "../../src/load/positions.js";

const runs = Number(process.env.CLEANPATH_PROPERTY_RUNS ?? 150);

/** Every path in the document with the position of its value (and of its key for map entries). */
function reference(text: string): { path: DocPath; value: string; key?: string }[] {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  const at = (n: Node | null | undefined): string | undefined => {
    if (!n?.range) return undefined;
    const p = lc.linePos(n.range[0]);
    return `${p.line}:${p.col}`;
  };
  const out: { path: DocPath; value: string; key?: string }[] = [];
  const stack: { node: Node | null; path: DocPath }[] = [{ node: doc.contents as Node, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = String((pair.key as { value: unknown }).value);
        const v = pair.value as Node | null;
        const vp = at(v);
        const kp = at(pair.key as Node);
        // Null values have no node of their own: their position is the key's (checked below as key).
        if (vp && !(isScalar(v) && v.value === null)) out.push({ path: [...path, k], value: vp, ...(kp ? { key: kp } : {}) });
        stack.push({ node: v, path: [...path, k] });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const v = item as Node | null;
        const vp = at(v);
        if (vp && !(isScalar(v) && v.value === null)) out.push({ path: [...path, i], value: vp });
        stack.push({ node: v, path: [...path, i] });
      });
    }
  }
  return out;
}

const key = fc.constantFrom("id", "role", "vendor", "tags", "a", "b", "components", "x y");
const leaf = fc.oneof(fc.constantFrom("core", "Nokia", "a b", "é", "1", "true"), fc.integer({ min: 0, max: 99 }), fc.boolean());
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small" }, leaf, tie("arr"), tie("obj")),
  arr: fc.array(tie("node"), { minLength: 1, maxLength: 3 }),
  obj: fc.dictionary(key, tie("node"), { minKeys: 1, maxKeys: 3 }),
})).node;
const doc = fc.dictionary(fc.constantFrom("cleanpath", "elements", "links", "sites", "flows"), value, { minKeys: 1, maxKeys: 4 });

describe("deep locations (error messages deeper than the recorded items)", () => {
  it("match the yaml package's positions at every depth, in YAML and JSON, one at a time or in a batch", () => {
    fc.assert(
      fc.property(doc, fc.constantFrom("block", "flow", "json"), (d, style) => {
        const text = style === "json" ? JSON.stringify(d, null, 2) : stringify(d, style === "flow" ? { collectionStyle: "flow", lineWidth: 0 } : { lineWidth: 0 });
        const file = parseFile(style === "json" ? "t.json" : "t.yaml", style === "json" ? "t.json" : "t.yaml", Buffer.from(text));
        const expected = reference(text);
        const batch = file.locateAll(expected.map((e) => e.path));
        expected.forEach((e, i) => {
          expect(`${batch[i]!.line}:${batch[i]!.column}`, `${JSON.stringify(e.path)} in ${JSON.stringify(text)}`).toBe(e.value);
          const single = file.locate(e.path);
          expect(`${single.line}:${single.column}`).toBe(e.value);
          if (e.key) {
            const k = file.locate(e.path, true);
            expect(`${k.line}:${k.column}`, `key of ${JSON.stringify(e.path)}`).toBe(e.key);
          }
        });
      }),
      { numRuns: runs },
    );
  });
});
