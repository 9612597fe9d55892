import { createRequire } from "node:module";
import { feature } from "topojson-client";
import type { Topology } from "topojson-specification";
import { describe, expect, it } from "vitest";
import { decodeArcs, distanceToCountryKm, geometryRings, TopoCountries, type TopoTopology, worldCountries } from "../../../src/policy/geo/index.js";

const atlas = createRequire(import.meta.url)("world-atlas/countries-50m.json") as TopoTopology;

/** Distance in km, checked to lie in [lo, hi]. */
function expectKm(lat: number, lon: number, country: string, lo: number, hi: number): void {
  const d = distanceToCountryKm(lat, lon, country);
  expect(d, `${lat},${lon} to ${country}: ${d}`).toBeGreaterThanOrEqual(lo);
  expect(d, `${lat},${lon} to ${country}: ${d}`).toBeLessThanOrEqual(hi);
}

describe("TopoJSON decoding", () => {
  it("gives the same rings as topojson-client for every country of the atlas", () => {
    const arcs = decodeArcs(atlas);
    let compared = 0;
    for (const g of atlas.objects.countries!.geometries!) {
      const f = feature(atlas as unknown as Topology, g as never) as unknown as { geometry: { type: string; coordinates: number[][][] | number[][][][] } | null };
      const polygons = f.geometry?.type === "Polygon" ? [f.geometry.coordinates as number[][][]] : ((f.geometry?.coordinates ?? []) as number[][][][]);
      const theirs = polygons.flatMap((p) => p.map((r) => r.flat())).filter((r) => r.length >= 8);
      expect(geometryRings(g, arcs)).toEqual(theirs);
      compared += theirs.length;
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it("reads and decodes a boundary source once, on first use, however many questions follow", () => {
    // A 2°×2° square around (0, 0) for Mexico (ISO numeric 484), quantized and delta-encoded.
    const square: TopoTopology = {
      type: "Topology",
      transform: { scale: [0.001, 0.001], translate: [-1, -1] },
      arcs: [[[0, 0], [2000, 0], [0, 2000], [-2000, 0], [0, -2000]]],
      objects: { countries: { type: "GeometryCollection", geometries: [{ type: "Polygon", id: "484", arcs: [[0]] }] } },
    };
    let reads = 0;
    const countries = new TopoCountries("test square", () => {
      reads++;
      return square;
    });
    expect(reads).toBe(0);
    expect(countries.has("MX")).toBe(true);
    expect(countries.distanceKm(0, 0, "MX")).toBe(0);
    expect(countries.distanceKm(0, 2, "MX")).toBeGreaterThan(100);
    expect(countries.has("US")).toBe(false);
    expect(countries.shape("MX")).toBe(countries.shape("mx"));
    expect(reads).toBe(1);
  });
});

describe("distance to a country (Natural Earth 1:50m)", () => {
  it("is 0 inside, including islands and exclaves of a multipolygon", () => {
    expectKm(32.7157, -117.1611, "US", 0, 0); // San Diego
    expectKm(21.3069, -157.8583, "US", 0, 0); // Honolulu, Hawaii
    expectKm(61.2181, -149.9003, "US", 0, 0); // Anchorage, Alaska
    expectKm(54.71, 20.51, "RU", 0, 0); // Kaliningrad
    expectKm(4.0, -53.0, "FR", 0, 0); // French Guiana is part of France's shape
    expectKm(-21.115, 55.536, "FR", 0, 0); // so is Réunion
    expectKm(42.66, 21.16, "XK", 0, 0); // Pristina: Kosovo has no numeric id, matched by name
  });

  it("matches the US-Mexico border figures", () => {
    expectKm(27.4861, -99.5069, "US", 0, 5); // Nuevo Laredo, on the Rio Grande
    expectKm(26.0508, -98.2979, "US", 0, 10); // Reynosa, facing McAllen
    expectKm(32.5149, -117.0382, "US", 0, 5); // Tijuana
    expectKm(31.69, -106.42, "US", 0, 8); // Ciudad Juárez
    // Monterrey: about 150 km to the Rio Grande near Falcon Lake (1:10m data gives the same within 3 km).
    expectKm(25.6866, -100.3161, "US", 135, 165);
    expectKm(28.63, -106.07, "US", 180, 205); // Chihuahua
    expectKm(19.4326, -99.1332, "US", 650, 800); // Mexico City
  });

  it("treats holes as outside: Lesotho inside South Africa", () => {
    expectKm(-29.31, 27.48, "LS", 0, 0); // Maseru
    expectKm(-29.31, 27.48, "ZA", 0, 5); // Maseru is on the Caledon, the border river
    expectKm(-29.6, 28.3, "ZA", 30, 150); // central Lesotho
  });

  it("is continuous across the antimeridian", () => {
    expectKm(66, -179.9, "RU", 0, 0); // Chukotka east of 180°
    expectKm(66, 179.9, "RU", 0, 0);
    expectKm(-16.9, -179.98, "FJ", 0, 0); // Taveuni, which the 180th meridian crosses
    expectKm(-16.9, 179.97, "FJ", 0, 0);
    const east = distanceToCountryKm(0, -179.999, "FJ");
    const west = distanceToCountryKm(0, 179.999, "FJ");
    expect(Math.abs(east - west)).toBeLessThan(1);
    expectKm(66.08, -169.65, "US", 40, 100); // Cape Dezhnev across the Bering Strait
  });

  it("gives far distances exactly, and Infinity beyond a limit", () => {
    expectKm(48.85, 2.35, "US", 4000, 6000); // Paris to the nearest US point (Maine or Newfoundland side)
    expect(worldCountries.distanceKm(48.85, 2.35, "US", 100)).toBe(Infinity);
    expect(worldCountries.distanceKm(27.4861, -99.5069, "US", 100)).toBeCloseTo(distanceToCountryKm(27.4861, -99.5069, "US"), 9);
  });

  it("knows which codes have a boundary", () => {
    expect(worldCountries.has("us")).toBe(true);
    expect(worldCountries.has("XK")).toBe(true);
    // Overseas departments are inside France's shape; there is no separate one.
    expect(worldCountries.has("GP")).toBe(false);
    expect(worldCountries.has("ZZ")).toBe(false);
    expect(() => worldCountries.distanceKm(0, 0, "ZZ")).toThrow(/no boundary for country ZZ/);
  });
});
