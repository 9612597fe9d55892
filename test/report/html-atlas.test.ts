import countries110m from "world-atlas/countries-110m.json" with { type: "json" };
import { feature } from "topojson-client";
import { describe, expect, it } from "vitest";
import { countriesOf, type Topo, worldCountries } from "../../src/report/html/atlas.js";
import { project, viewOf } from "../../src/report/html/map.js";

// topojson-client (a dev dependency) is the reference decoder; ours must agree on the whole atlas.
describe("TopoJSON decoding", () => {
  it("matches topojson-client on every ring of every country", () => {
    const ours = countriesOf(countries110m as unknown as Topo, "countries");
    const theirs = feature(countries110m as never, (countries110m as never as { objects: { countries: never } }).objects.countries) as unknown as {
      features: { id: string; properties: { name: string }; geometry: { type: string; coordinates: number[][][] | number[][][][] } }[];
    };
    expect(ours.length).toBe(theirs.features.length);
    let rings = 0;
    theirs.features.forEach((f, i) => {
      const mine = ours[i]!;
      expect(mine.name).toBe(f.properties.name);
      const expected = f.geometry.type === "Polygon" ? (f.geometry.coordinates as number[][][]) : (f.geometry.coordinates as number[][][][]).flat();
      expect(mine.rings).toEqual(expected);
      rings += expected.length;
    });
    expect(rings).toBeGreaterThan(250);
  });

  it("decodes once and names the countries", () => {
    expect(worldCountries()).toBe(worldCountries());
    expect(worldCountries().map((c) => c.name)).toContain("Mexico");
  });
});

describe("map view", () => {
  const site = (lat: number, lon: number) => ({ id: "s", lat, lon, elements: 1, high: 0, unknown: 0 });

  it("crops to the sites with a margin and keeps them inside", () => {
    const sites = [site(19.4, -99.1), site(38.9, -77.0)];
    const v = viewOf(sites);
    expect(v.lon0).toBeLessThan(-99.1);
    expect(v.lon1).toBeGreaterThan(-77.0);
    for (const s of sites) {
      const [x, y] = project(v, [s.lon, s.lat]);
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(v.width);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(v.height);
    }
    expect(v.width).toBeLessThanOrEqual(720.1);
    expect(v.height).toBeLessThanOrEqual(440.1);
  });

  it("gives a single site some context and stays on the globe", () => {
    const v = viewOf([site(84, 179)]);
    expect(v.lon1 - v.lon0).toBeGreaterThan(3);
    expect(v.lon1).toBeLessThanOrEqual(180);
    expect(v.lat1).toBeLessThanOrEqual(85);
  });
});
