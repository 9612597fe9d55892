import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as sources from "../../src/data/sources.js";
import { sourceProblems } from "./helpers.js";

const docs = readFileSync(join(import.meta.dirname, "../../docs/data-sources.md"), "utf8");

describe("sources", () => {
  it("are well formed", () => {
    expect(Object.entries(sources).flatMap(([name, s]) => sourceProblems(name, s))).toEqual([]);
  });

  it("are all listed in docs/data-sources.md", () => {
    expect(Object.keys(sources).filter((name) => !docs.includes(`\`${name}\``))).toEqual([]);
  });

  it("keep the research's unverified marks", () => {
    const unverified = Object.entries(sources)
      .filter(([, s]) => s.confidence === "unverified")
      .map(([name]) => name);
    for (const name of ["cleanCableHuaweiMarine", "coveredListKaspersky2024", "ukDvd5gAccessCap", "ukDvdHighDataRate", "huaweiUnitsUnverified", "sanechipsUnverified", "imouUnverified", "lorexBackstreet", "xfusionNameUnverified"]) {
      expect(unverified).toContain(name);
    }
    expect(unverified).not.toContain("ukDvd2022");
    expect(unverified).not.toContain("de2024");
  });
});
