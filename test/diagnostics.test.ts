import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diagnosticCodes } from "../src/diagnostics.js";

const root = join(import.meta.dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? (n === "generated" ? [] : sources(p)) : n.endsWith(".ts") && n !== "diagnostics.ts" ? [p] : [];
  });
}

describe("diagnostic codes", () => {
  const codes = Object.keys(diagnosticCodes);
  const code = sources(join(root, "src")).map((f) => readFileSync(f, "utf8")).join("\n");

  it("are all used (the closed set keeps no dead entries)", () => {
    expect(codes.filter((c) => !code.includes(`"${c}"`))).toEqual([]);
  });

  it("have no near-synonyms left", () => {
    for (const gone of ["E_TOO_BIG", "E_YAML", "E_JSON", "E_NOT_FOUND"]) {
      expect(codes).not.toContain(gone);
      expect(code).not.toContain(`"${gone}"`);
    }
  });

  it("are each documented in docs/diagnostics.md with their meaning", () => {
    const doc = readFileSync(join(root, "docs", "diagnostics.md"), "utf8");
    for (const [c, meaning] of Object.entries(diagnosticCodes)) expect(doc, c).toContain(`| \`${c}\` | ${meaning} |`);
  });
});
