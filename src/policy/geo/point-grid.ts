import { chordOfKm, haversineKm, unitVector } from "./sphere.js";

export interface GeoPoint {
  lat: number;
  lon: number;
}

/**
 * Reference points bucketed into 3-D cells as wide as the search radius, so "the nearest point
 * within r km" looks at the 27 cells around the query instead of every point. Exact distances
 * are haversine.
 */
export class PointGrid<P extends GeoPoint> {
  private readonly cells = new Map<number, number[]>();
  private readonly cell: number;
  private readonly half: number;
  private readonly width: number;
  private readonly v = new Float64Array(3);

  constructor(
    private readonly points: readonly P[],
    private readonly radiusKm: number,
  ) {
    // Cells no smaller than ~600 m keep the integer cell keys exact; the haversine check does the rest.
    this.cell = Math.max(chordOfKm(radiusKm), 1e-4);
    this.half = Math.ceil(1 / this.cell) + 2;
    this.width = 2 * this.half + 1;
    points.forEach((p, i) => {
      const [x, y, z] = this.cellOf(p.lat, p.lon);
      const key = this.key(x, y, z);
      const list = this.cells.get(key);
      if (list) list.push(i);
      else this.cells.set(key, [i]);
    });
  }

  /** The nearest reference point within the radius (ties: the earlier one), or undefined. */
  nearest(lat: number, lon: number): { point: P; km: number } | undefined {
    let best: { point: P; km: number; i: number } | undefined;
    const [cx, cy, cz] = this.cellOf(lat, lon);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (let dz = -1; dz <= 1; dz++) {
          for (const i of this.cells.get(this.key(cx + dx, cy + dy, cz + dz)) ?? []) {
            const p = this.points[i]!;
            const km = haversineKm(lat, lon, p.lat, p.lon);
            if (km > this.radiusKm) continue;
            if (!best || km < best.km || (km === best.km && i < best.i)) best = { point: p, km, i };
          }
        }
      }
    }
    return best && { point: best.point, km: best.km };
  }

  private cellOf(lat: number, lon: number): [number, number, number] {
    unitVector(lat, lon, this.v, 0);
    return [Math.floor(this.v[0]! / this.cell), Math.floor(this.v[1]! / this.cell), Math.floor(this.v[2]! / this.cell)];
  }

  private key(x: number, y: number, z: number): number {
    return ((x + this.half) * this.width + (y + this.half)) * this.width + (z + this.half);
  }
}
