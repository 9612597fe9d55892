import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/diagnostics.js";
import { decodeText, firstJsonControlByte } from "../../src/load/decode.js";

const runs = Number(process.env.CLEANPATH_PROPERTY_RUNS ?? 300);

// What a JSON file may hold besides C0 controls (which JSON itself refuses): ASCII, accented
// and CJK letters, emoji (surrogate pairs), near-misses of the bidi code points' UTF-8 bytes,
// and the characters that must be refused.
const pieces = ["a", "{", '"', "\n", "é", "Ø", "–", "’", "€", "中", "😀", "\u2010", "\u202f", "\u2065", "\u206a", "\u061b", "\u061d", "\u007f", "\u061c", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069"];
const refused = /[\x7F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

describe("control characters in JSON text, found in the bytes", () => {
  it("finds the same first character as a pattern over the decoded text", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join("");
        const bytes = Buffer.from(text, "utf8");
        const at = firstJsonControlByte(bytes);
        const expected = refused.exec(text)?.index ?? -1;
        const got = at < 0 ? -1 : bytes.subarray(0, at).toString("utf8").length;
        expect(got).toBe(expected);
      }),
      { numRuns: runs },
    );
  });

  it("decodeText refuses them at the right line and column, in ASCII and in UTF-8 files", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join("");
        const bytes = new Uint8Array(Buffer.from(text, "utf8"));
        const m = refused.exec(text);
        if (!m) {
          expect(decodeText("t.json", bytes, { json: true })).toBe(text);
          return;
        }
        const before = text.slice(0, m.index);
        const line = before.split("\n").length;
        const column = m.index - (before.lastIndexOf("\n") + 1) + 1;
        try {
          decodeText("t.json", bytes, { json: true });
          expect.unreachable("a control character was accepted");
        } catch (err) {
          expect(err).toBeInstanceOf(InputError);
          const d = (err as InputError).diagnostics[0]!;
          expect(d.code).toBe("E_CONTROL_CHAR");
          expect(d.location).toEqual({ file: "t.json", line, column });
        }
      }),
      { numRuns: runs },
    );
  });
});

describe("decodeText and the longest string", () => {
  it("refuses a file that may decode past the longest string, with a located E_TOO_LARGE", () => {
    const bytes = new Uint8Array(Buffer.from('{"a": "é"}', "utf8"));
    expect(decodeText("r.json", bytes, { json: true, maxChars: bytes.length })).toBe('{"a": "é"}');
    try {
      decodeText("r.json", bytes, { json: true, maxChars: bytes.length - 1 });
      expect.unreachable("a file over the limit was decoded");
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      const d = (err as InputError).diagnostics[0]!;
      expect(d.code).toBe("E_TOO_LARGE");
      expect(d.location).toEqual({ file: "r.json", line: 1, column: 1 });
      expect(d.message).toMatch(/more than the .* of text Node\.js can hold in one string/);
    }
  });
});
