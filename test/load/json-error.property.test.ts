import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonErrorOffset } from "../../src/load/json-error.js";

describe("jsonErrorOffset", () => {
  it.each([
    ["[}", 1],
    ['{"a": tru}', 9],
    ["[1,2", 4],
    ['{"a" 1}', 5],
    ["", 0],
    ["[1] x", 4],
    ['{"a":1,}', 7],
    ["[01]", 2],
  ])("finds the error in %j at %i", (text, offset) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it("accepts every valid JSON text", () => {
    fc.assert(fc.property(fc.json(), (text) => jsonErrorOffset(text) === -1));
  });

  it("agrees with JSON.parse wherever V8 reports a position", () => {
    const broken = fc.tuple(fc.json(), fc.nat(), fc.constantFrom("", "}", "]", ",", ":", '"', "x", " ")).map(([text, at, insert]) => {
      const i = at % (text.length + 1);
      return text.slice(0, i) + insert + text.slice(i + (insert === "" ? 1 : 0));
    });
    fc.assert(
      fc.property(broken, (text) => {
        let message = "";
        try {
          JSON.parse(text);
          return jsonErrorOffset(text) === -1;
        } catch (err) {
          message = (err as Error).message;
        }
        const m = /position (\d+)/.exec(message);
        const found = jsonErrorOffset(text);
        return found >= 0 && (!m || Number(m[1]) === found);
      }),
      { numRuns: 2000 },
    );
  });
});
