import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CountryShape } from "../../../src/policy/geo/country-shape.js";
import { angleToArc, EARTH_RADIUS_KM, haversineKm, unitVector } from "../../../src/policy/geo/sphere.js";

/** A closed ring from [lon, lat] corners. */
const ring = (...corners: [number, number][]): number[] => [...corners, corners[0]!].flat();
const square = (x0: number, y0: number, x1: number, y1: number) => ring([x0, y0], [x1, y0], [x1, y1], [x0, y1]);
const DEG_KM = (Math.PI / 180) * EARTH_RADIUS_KM;

/** Brute force over every boundary piece, without the grid. */
function bruteKm(shape: CountryShape, lat: number, lon: number): number {
  const p = new Float64Array(3);
  unitVector(lat, lon, p, 0);
  let best = Infinity;
  for (let i = 0; i < shape.segmentCount; i++) best = Math.min(best, angleToArc(p, 0, shape.segments, 6 * i));
  return best * EARTH_RADIUS_KM;
}

/** Plain even-odd ray casting over the rings, for points away from the antimeridian. */
function bruteContains(rings: number[][], lat: number, lon: number): boolean {
  let inside = false;
  for (const r of rings) {
    for (let i = 0; i + 3 < r.length; i += 2) {
      const [x1, y1, x2, y2] = [r[i]!, r[i + 1]!, r[i + 2]!, r[i + 3]!];
      if (y1 > lat !== y2 > lat && x1 + ((lat - y1) * (x2 - x1)) / (y2 - y1) > lon) inside = !inside;
    }
  }
  return inside;
}

describe("CountryShape", () => {
  it("counts holes out and every polygon of a multipolygon in", () => {
    const shape = new CountryShape([square(0, 0, 10, 10), square(4, 4, 6, 6), square(20, 0, 21, 1)]);
    expect(shape.contains(2, 2)).toBe(true);
    expect(shape.contains(5, 5)).toBe(false);
    expect(shape.contains(0.5, 20.5)).toBe(true);
    expect(shape.contains(0.5, 15)).toBe(false);
    expect(shape.distanceKm(2, 2)).toBe(0);
    // The middle of the hole is 1° of latitude (or a little less of longitude) from its edge.
    expect(shape.distanceKm(5, 5)).toBeGreaterThan(0.99 * DEG_KM);
    expect(shape.distanceKm(5, 5)).toBeLessThan(DEG_KM + 0.01);
    // Between the two polygons, nearer the small one.
    expect(shape.distanceKm(0.5, 18)).toBeCloseTo(haversineKm(0.5, 18, 0.5, 20), 0);
  });

  it("handles a ring that crosses the antimeridian", () => {
    const shape = new CountryShape([ring([179, -1], [-179, -1], [-179, 1], [179, 1])]);
    expect(shape.contains(0, 179.5)).toBe(true);
    expect(shape.contains(0, -179.5)).toBe(true);
    expect(shape.contains(0, 180)).toBe(true);
    expect(shape.contains(0, 0)).toBe(false);
    expect(shape.contains(0, 178)).toBe(false);
    expect(shape.distanceKm(0, 178)).toBeCloseTo(DEG_KM, 1);
    expect(shape.distanceKm(0, -178)).toBeCloseTo(DEG_KM, 1);
    expect(shape.distanceKm(3, 180)).toBeCloseTo(2 * DEG_KM, 0);
  });

  it("closes a ring that goes round a pole through the pole", () => {
    // Like Antarctica: a ring along 80°S all the way round.
    const shape = new CountryShape([[-180, -80, -90, -80, 0, -80, 90, -80, 180, -80]]);
    expect(shape.contains(-85, 10)).toBe(true);
    expect(shape.contains(-89.9, -170)).toBe(true);
    expect(shape.contains(-70, 10)).toBe(false);
    // To the 80°S parallel (edges follow it), not to the pole.
    expect(shape.distanceKm(-70, 10)).toBeCloseTo(10 * DEG_KM, -1);
    expect(shape.distanceKm(-79, 123)).toBeCloseTo(DEG_KM, -1);
  });

  it("reports Infinity beyond maxKm and the same distance within it", () => {
    const shape = new CountryShape([square(0, 0, 1, 1)]);
    const d = shape.distanceKm(0.5, 3);
    expect(d).toBeCloseTo(haversineKm(0.5, 3, 0.5, 1), 0);
    expect(shape.distanceKm(0.5, 3, d + 1)).toBeCloseTo(d, 9);
    expect(shape.distanceKm(0.5, 3, d - 1)).toBe(Infinity);
    expect(shape.distanceKm(-60, 100, 1000)).toBe(Infinity);
  });

  it("finds the same nearest boundary as a brute-force search, inside and out", () => {
    // Star-shaped rings (always simple) of random radii around random centres.
    const star = fc.record({
      lat: fc.double({ min: -60, max: 60, noNaN: true }),
      lon: fc.double({ min: -170, max: 170, noNaN: true }),
      radii: fc.array(fc.double({ min: 0.05, max: 3, noNaN: true }), { minLength: 3, maxLength: 24 }),
    });
    const point = fc.tuple(fc.double({ min: -6, max: 6, noNaN: true }), fc.double({ min: -6, max: 6, noNaN: true }));
    fc.assert(
      fc.property(star, point, fc.constantFrom(Infinity, 25, 150, 400), (s, [dy, dx], maxKm) => {
        const corners: [number, number][] = s.radii.map((r, k) => {
          const t = (2 * Math.PI * k) / s.radii.length;
          return [s.lon + r * Math.cos(t), s.lat + r * Math.sin(t)];
        });
        const rings = [ring(...corners)];
        const shape = new CountryShape(rings);
        const lat = s.lat + dy;
        const lon = s.lon + dx;
        const inside = bruteContains(rings, lat, lon);
        expect(shape.contains(lat, lon)).toBe(inside);
        const expected = inside ? 0 : bruteKm(shape, lat, lon);
        const got = shape.distanceKm(lat, lon, maxKm);
        if (expected <= maxKm) expect(got).toBeCloseTo(expected, 6);
        else expect(got).toBe(Infinity);
      }),
      { numRuns: 300 },
    );
  });
});
