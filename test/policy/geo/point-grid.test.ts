import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { haversineKm, PointGrid } from "../../../src/policy/geo/index.js";

describe("PointGrid", () => {
  it("finds the nearest point within the radius, like a scan of every point", () => {
    const point = fc.record({ lat: fc.double({ min: -89, max: 89, noNaN: true }), lon: fc.double({ min: -180, max: 180, noNaN: true }) });
    // Clusters near a random spot (and across the antimeridian) so that many points are in range.
    const near = (c: { lat: number; lon: number }) =>
      fc.record({ lat: fc.double({ min: -0.5, max: 0.5, noNaN: true }), lon: fc.double({ min: -0.5, max: 0.5, noNaN: true }) }).map((d) => ({ lat: Math.max(-90, Math.min(90, c.lat + d.lat)), lon: ((c.lon + d.lon + 540) % 360) - 180 }));
    const scene = point.chain((c) => fc.tuple(fc.constant(c), fc.array(near(c), { maxLength: 30 }), near(c), fc.constantFrom(0, 1, 5, 20, 60)));
    fc.assert(
      fc.property(scene, ([, refs, q, km]) => {
        const grid = new PointGrid(refs, km);
        let best: number | undefined;
        refs.forEach((r, i) => {
          const d = haversineKm(q.lat, q.lon, r.lat, r.lon);
          if (d <= km && (best === undefined || d < haversineKm(q.lat, q.lon, refs[best]!.lat, refs[best]!.lon))) best = i;
        });
        const hit = grid.nearest(q.lat, q.lon);
        if (best === undefined) expect(hit).toBeUndefined();
        else {
          expect(hit?.point).toBe(refs[best]);
          expect(hit?.km).toBeCloseTo(haversineKm(q.lat, q.lon, refs[best]!.lat, refs[best]!.lon), 9);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("measures across the antimeridian and at the poles", () => {
    const grid = new PointGrid([{ lat: 0, lon: 179.99 }, { lat: 89.99, lon: 0 }], 5);
    expect(grid.nearest(0, -179.99)?.km).toBeCloseTo(2.224, 2);
    expect(grid.nearest(89.99, 180)?.km).toBeCloseTo(2.224, 2);
    expect(grid.nearest(45, 45)).toBeUndefined();
  });
});
