import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { atlasNamesWithoutNumeric, countries, countryByAlpha2, countryByNumeric, countrySources } from "../../../src/data/countries.js";
import { countryCode } from "../../../src/import/countries.js";
import type { TopoTopology } from "../../../src/policy/geo/index.js";
import { sourceProblems } from "../../data/helpers.js";

const atlas = createRequire(import.meta.url)("world-atlas/countries-50m.json") as TopoTopology;

describe("ISO 3166-1 table", () => {
  it("has the 249 ISO entries plus Kosovo, each code once", () => {
    expect(countries).toHaveLength(250);
    expect(new Set(countries.map((c) => c.alpha2)).size).toBe(250);
    const numerics = countries.flatMap((c) => (c.numeric ? [c.numeric] : []));
    expect(numerics).toHaveLength(249);
    expect(new Set(numerics).size).toBe(249);
    for (const c of countries) {
      expect(c.alpha2).toMatch(/^[A-Z]{2}$/);
      if (c.numeric) expect(c.numeric).toMatch(/^\d{3}$/);
      expect(c.name.length).toBeGreaterThan(2);
    }
  });

  it("agrees with the importers' country names", () => {
    for (const c of countries) expect(countryCode(c.alpha2), c.alpha2).toBe(c.alpha2);
    expect(countryCode(countryByAlpha2("mx")!.name)).toBe("MX");
  });

  it("names a country for every feature of the atlas that has an id, and the right one", () => {
    const seen: string[] = [];
    for (const g of atlas.objects.countries!.geometries!) {
      const name = g.properties?.name ?? "";
      if (g.id === undefined) continue;
      const c = countryByNumeric(String(g.id));
      expect(c, `${g.id} ${name}`).toBeDefined();
      seen.push(`${c!.alpha2} ${name}`);
    }
    // Spot checks where names differ between ISO and Natural Earth.
    expect(seen).toEqual(expect.arrayContaining(["US United States of America", "CD Dem. Rep. Congo", "MK Macedonia", "SZ eSwatini", "VA Vatican", "AX Åland", "KP North Korea", "AU Ashmore and Cartier Is."]));
    expect(atlasNamesWithoutNumeric).toEqual({ Kosovo: "XK" });
    expect(atlas.objects.countries!.geometries!.some((g) => g.id === undefined && g.properties?.name === "Kosovo")).toBe(true);
  });

  it("cites its sources", () => {
    expect(countrySources.flatMap((s, i) => sourceProblems(`countrySources[${i}]`, s))).toEqual([]);
  });
});
