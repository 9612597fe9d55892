import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scanJson } from "../../src/load/json.js";
import { scanJsonFast } from "../../src/load/json-fast.js";
import type { PosNode } from "../../src/load/positions.js";

const runs = Number(process.env.CLEANPATH_PROPERTY_RUNS ?? 300);

/** The full scan's result, or its error code. */
function full(text: string, depth: number, maxDepth = 64): PosNode | string {
  try {
    return scanJson(text, "t.json", { depth }, maxDepth);
  } catch (e) {
    return (e as { code?: string }).code ?? "thrown";
  }
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const key = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom("id", "a", "b", "é", "𝄞", "__proto__"));
const value = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: "small" },
    fc.jsonValue({ maxDepth: 0 }),
    fc.array(tie("v"), { maxLength: 4 }),
    fc.dictionary(key, tie("v"), { maxKeys: 5 }),
  ),
})).v;

describe("fast JSON scan (the happy path of scanJson)", () => {
  it("records exactly the positions of the full scan, at any recorded depth and in any layout", () => {
    fc.assert(
      fc.property(value, fc.constantFrom(undefined, 1, 2, "\t", "\r\n"), fc.integer({ min: 0, max: 3 }), (v, indent, depth) => {
        let text = JSON.stringify(v, null, indent === "\r\n" ? 1 : indent);
        if (indent === "\r\n") text = text.replace(/\n/g, "\r\n");
        const fast = scanJsonFast(text, "t.json", depth);
        const expected = full(text, depth);
        // It gives up only on a key written with escapes (the full scan then runs).
        if (fast === null) expect(/\\/.test(text), text).toBe(true);
        else expect(fast, text).toEqual(expected);
      }),
      { numRuns: runs },
    );
  });

  it("finds the end of strings full of backslashes and quotes, escaped or not, as the full scan does", () => {
    const tricky = fc.string({ unit: fc.constantFrom("\\", '"', "a", "é", "\n"), maxLength: 8 });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom("a", "b", "c", "d"), tricky), { maxLength: 6 }), fc.nat(2), (pairs, depth) => {
        // Built by hand so that a duplicate key is possible; values end in any run of backslashes.
        const text = "[{" + pairs.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(",") + '},"\\\\"]';
        const expected = full(text, depth);
        const fast = scanJsonFast(text, "t.json", depth);
        if (typeof expected === "string") expect(fast, text).toBeNull();
        else expect(fast, text).toEqual(expected);
        expect(fast === null, text).toBe(new Set(pairs.map(([k]) => k)).size !== pairs.length);
      }),
      { numRuns: runs },
    );
  });

  it("gives up on a duplicate key wherever it is, and only then", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r"), { minLength: 1, maxLength: 40 }), fc.nat(4), fc.nat(3), (keys, nest, depth) => {
        const inner = "{" + keys.map((k, i) => `"${k}": ${i}`).join(", ") + "}";
        const text = "[".repeat(nest) + inner + "]".repeat(nest);
        const hasDup = new Set(keys).size !== keys.length;
        expect(scanJsonFast(text, "t.json", depth) === null, text).toBe(hasDup);
        expect(full(text, depth) === "E_DUPLICATE_KEY", text).toBe(hasDup);
      }),
      { numRuns: runs },
    );
  });

  it("gives up on nesting deeper than the limit, and only then", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.boolean(), (levels, maxDepth, objects) => {
        const open = objects ? '{"k":' : "[";
        const close = objects ? "}" : "]";
        const text = open.repeat(levels) + "0" + close.repeat(levels);
        expect(scanJsonFast(text, "t.json", 2, maxDepth) === null, text).toBe(levels > maxDepth);
        expect(full(text, 2, maxDepth) === "E_TOO_DEEP", text).toBe(levels > maxDepth);
      }),
      { numRuns: runs },
    );
  });

  it("on mutated text: whenever JSON.parse accepts it and the fast scan answers, the full scan gives the same answer", () => {
    fc.assert(
      fc.property(
        value,
        fc.array(fc.tuple(fc.nat(), fc.constantFrom("{", "}", "[", "]", ",", ":", '"', " ", "\n", "\\", "x", "1")), { minLength: 1, maxLength: 3 }),
        (v, edits) => {
          let text = JSON.stringify({ v, w: [v, 1] }, null, 1);
          for (const [at, ch] of edits) {
            const i = at % text.length;
            text = text.slice(0, i) + ch + text.slice(i + 1);
          }
          const fast = scanJsonFast(text, "t.json", 2);
          if (fast !== null && parses(text)) expect(isDeepStrictEqual(fast, full(text, 2)), text).toBe(true);
        },
      ),
      { numRuns: runs * 3 },
    );
  });
});
