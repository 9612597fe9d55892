import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeFileAtomic, writeSlice } from "../../src/cli/files.js";

describe("writeFileAtomic", () => {
  it("writes a text larger than one slice byte for byte, emoji split across a slice boundary included", () => {
    const dir = mkdtempSync(join(tmpdir(), "cleanpath-files-"));
    const path = join(dir, "out.json");
    // An emoji (two UTF-16 units) straddling the first slice boundary, others near the next ones.
    const text = "a".repeat(writeSlice - 1) + "😀" + "é".repeat(writeSlice - 2) + "中😀" + "z".repeat(1000) + "😀";
    writeFileAtomic(path, text);
    expect(readFileSync(path, "utf8")).toBe(text);
    expect(readdirSync(dir)).toEqual(["out.json"]);
  });

  it("refuses to overwrite when asked not to, and leaves no temporary file behind", () => {
    const dir = mkdtempSync(join(tmpdir(), "cleanpath-files-"));
    const path = join(dir, "out.txt");
    writeFileAtomic(path, "first\n");
    expect(() => writeFileAtomic(path, "second\n", { overwrite: false })).toThrow(/already exists/);
    expect(readFileSync(path, "utf8")).toBe("first\n");
    expect(readdirSync(dir)).toEqual(["out.txt"]);
  });
});
