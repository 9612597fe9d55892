import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { outputText } from "../../src/report/context.js";
import { json } from "../../src/report/json.js";
import { jsonPieces, linePieces, PieceWriter, pieceLength, batchNodes } from "../../src/report/pieces.js";
import { cases } from "./helpers.js";

/** Strings that exercise escaping: quotes, backslashes, control characters, lone and paired surrogates, emoji. */
const text = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.string({ unit: fc.constantFrom("a", '"', "\\", "\n", "\u0000", "\u001f", "\u2028", "é", "😀", "\ud800", "\udfff", " "), maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 20 }),
);

const number = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -0, 1e21, 5e-324, Number.MAX_SAFE_INTEGER, NaN, Infinity, -Infinity));

/** Plain data as results hold it, plus members that are undefined (omitted, or null in arrays). */
const value = fc.letrec((tie) => ({
  leaf: fc.oneof(text, number, fc.boolean(), fc.constant(null)),
  member: fc.oneof({ weight: 5, arbitrary: tie("any") }, { weight: 1, arbitrary: fc.constant(undefined) }),
  array: fc.array(tie("member"), { maxLength: 8 }),
  object: fc.dictionary(fc.oneof(text, fc.constantFrom("0", "12", "__proto__", "constructor", "")), tie("member"), { maxKeys: 8 }),
  any: fc.oneof({ depthSize: "small" }, { weight: 4, arbitrary: tie("leaf") }, { weight: 3, arbitrary: tie("array") }, { weight: 3, arbitrary: tie("object") }),
})).any;

/** Splitting a surrogate pair across pieces would turn each half into U+FFFD when written. */
function splitsAPair(pieces: readonly string[]): boolean {
  return pieces.some((p, i) => {
    const last = p.charCodeAt(p.length - 1);
    const next = pieces[i + 1]?.charCodeAt(0) ?? 0;
    return last >= 0xd800 && last <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
  });
}

describe("jsonPieces", () => {
  // Tiny pieces and tiny batches, so that both cutting and the walk (not only JSON.stringify) are exercised.
  it("joins to exactly JSON.stringify(value, null, 2) + newline, in pieces no longer than the limit", () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 2, max: 64 }), fc.integer({ min: 1, max: 12 }), (v, max, batch) => {
        const pieces = jsonPieces(v, max, batch);
        expect(pieces.join("")).toBe(JSON.stringify(v, null, 2) + "\n");
        expect(pieces.every((p) => p.length > 0 && p.length <= max)).toBe(true);
        expect(splitsAPair(pieces)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it("gives the same text whatever the size of the batches given to JSON.stringify", () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(jsonPieces(v, 1 << 20, 1).join("")).toBe(jsonPieces(v, 1 << 20, batchNodes).join(""));
      }),
    );
  });

  it("cuts a long string (one token) at the limit without splitting an emoji", () => {
    const s = "😀".repeat(50) + "x" + "😀".repeat(50);
    for (const max of [2, 3, 7, 64]) {
      const pieces = jsonPieces({ s, list: [s, s] }, max);
      expect(pieces.join("")).toBe(JSON.stringify({ s, list: [s, s] }, null, 2) + "\n");
      expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(max);
      expect(splitsAPair(pieces)).toBe(false);
    }
  });

  it("serialises a wide value in pieces of the default size, each at most pieceLength", () => {
    const path = Array.from({ length: 600_000 }, (_, i) => `element-${i}`);
    const pieces = jsonPieces({ routed: { paths: [path] } });
    expect(pieces.length).toBeGreaterThan(1);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(pieceLength);
    expect(pieces.join("")).toBe(JSON.stringify({ routed: { paths: [path] } }, null, 2) + "\n");
  });

  it("refuses a limit that cannot hold a surrogate pair", () => {
    expect(() => new PieceWriter(1)).toThrow(RangeError);
  });
});

describe("linePieces", () => {
  it("joins to the lines with a newline after each", () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 30 }), fc.integer({ min: 2, max: 16 }), (lines, max) => {
        const pieces = linePieces(lines, max);
        expect(pieces.join("")).toBe(lines.map((l) => `${l}\n`).join(""));
        expect(pieces.every((p) => p.length <= max)).toBe(true);
        expect(splitsAPair(pieces)).toBe(false);
      }),
    );
  });
});

describe("json reporter", () => {
  it.each(cases())("$name: the pieces are the result as JSON.stringify writes it", ({ result }) => {
    expect(outputText(json(result, { color: false, version: "0.1.0" }))).toBe(JSON.stringify(result, null, 2) + "\n");
  });
});
