import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { angleToArc, chordOfKm, EARTH_RADIUS_KM, haversineKm, kmOfChord, unitVector } from "../../../src/policy/geo/sphere.js";

const vec = (lat: number, lon: number): Float64Array => {
  const v = new Float64Array(3);
  unitVector(lat, lon, v, 0);
  return v;
};

/** Minimum angle from p to n + 1 points spread evenly (by angle) along the arc a→b. */
function sampledAngle(p: Float64Array, a: Float64Array, b: Float64Array, n: number): number {
  const omega = Math.acos(Math.min(1, a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!));
  let best = Infinity;
  for (let k = 0; k <= n; k++) {
    const t = k / n;
    const wa = omega < 1e-12 ? 1 - t : Math.sin((1 - t) * omega) / Math.sin(omega);
    const wb = omega < 1e-12 ? t : Math.sin(t * omega) / Math.sin(omega);
    const q = [wa * a[0]! + wb * b[0]!, wa * a[1]! + wb * b[1]!, wa * a[2]! + wb * b[2]!];
    const cross = Math.hypot(p[1]! * q[2]! - p[2]! * q[1]!, p[2]! * q[0]! - p[0]! * q[2]!, p[0]! * q[1]! - p[1]! * q[0]!);
    best = Math.min(best, Math.atan2(cross, p[0]! * q[0]! + p[1]! * q[1]! + p[2]! * q[2]!));
  }
  return best;
}

describe("sphere", () => {
  it("gives known great-circle distances", () => {
    expect(haversineKm(0, 0, 1, 0)).toBeCloseTo((Math.PI / 180) * EARTH_RADIUS_KM, 6);
    expect(haversineKm(0, 0, 0, 1)).toBeCloseTo(111.195, 2);
    // Paris (Notre-Dame) to London (Charing Cross): about 343.5 km.
    expect(haversineKm(48.853, 2.3499, 51.5073, -0.12755)).toBeGreaterThan(342);
    expect(haversineKm(48.853, 2.3499, 51.5073, -0.12755)).toBeLessThan(345);
    // Across the antimeridian the short way round.
    expect(haversineKm(0, 179.5, 0, -179.5)).toBeCloseTo(111.195, 2);
    expect(haversineKm(90, 0, -90, 0)).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 6);
  });

  it("converts chords and surface distances both ways", () => {
    for (const km of [0, 0.5, 10, 100, 5000, 20000]) expect(kmOfChord(chordOfKm(km))).toBeCloseTo(km, 6);
  });

  it("measures to the interior of an arc, or to its nearer end", () => {
    const a = vec(0, 0);
    const b = vec(0, 10);
    const seg = Float64Array.of(...a, ...b);
    // 1° north of the middle: perpendicular distance 1°.
    expect(angleToArc(vec(1, 5), 0, seg, 0) * (180 / Math.PI)).toBeCloseTo(1, 9);
    // Beyond the end at 10°E: distance to that end.
    expect(angleToArc(vec(0, 12), 0, seg, 0) * (180 / Math.PI)).toBeCloseTo(2, 9);
    // A degenerate arc is a point.
    expect(angleToArc(vec(3, 0), 0, Float64Array.of(...a, ...a), 0) * (180 / Math.PI)).toBeCloseTo(3, 9);
  });

  it("agrees with dense sampling of the arc", () => {
    const coord = fc.tuple(fc.double({ min: -89, max: 89, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true }));
    fc.assert(
      fc.property(coord, fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), coord, ([la, lo], dla, dlo, [pla, plo]) => {
        const a = vec(la, lo);
        const b = vec(Math.max(-89.9, Math.min(89.9, la + dla)), lo + dlo);
        const p = vec(pla, plo);
        const exact = angleToArc(p, 0, Float64Array.of(...a, ...b), 0);
        const sampled = sampledAngle(p, a, b, 400);
        // Exact is never above the samples, and within the sampling step below them.
        expect(exact).toBeLessThanOrEqual(sampled + 1e-9);
        expect(sampled - exact).toBeLessThan(0.0003);
      }),
      { numRuns: 300 },
    );
  });
});
