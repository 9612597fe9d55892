import { chordOfKm, haversineKm, unitVector } from "./sphere.js";

export interface GeoPoint {
  lat: number;
  lon: number;
}

/**
 * Reference points bucketed into 3-D cells twice as wide as the search radius (as a chord), so
 * the ball around a query meets at most two cells per axis: "the nearest point within r km"
 * reads 8 cells instead of every point. Cells are ranges of one sorted index array, so building
 * allocates no list per cell. Exact distances are haversine.
 */
export class PointGrid<P extends GeoPoint> {
  private readonly cells = new Map<number, number>();
  private readonly start: Int32Array;
  private readonly order: Int32Array;
  private readonly cell: number;
  private readonly half: number;
  private readonly width: number;
  private readonly v = new Float64Array(3);

  constructor(
    private readonly points: readonly P[],
    private readonly radiusKm: number,
  ) {
    // Cells no smaller than ~600 m keep the integer cell keys exact; the haversine check does the rest.
    this.cell = Math.max(2 * chordOfKm(radiusKm), 1e-4);
    this.half = Math.ceil(1 / this.cell) + 2;
    this.width = 2 * this.half + 1;
    const keys = new Float64Array(points.length);
    points.forEach((p, i) => {
      unitVector(p.lat, p.lon, this.v, 0);
      keys[i] = this.key(Math.floor(this.v[0]! / this.cell), Math.floor(this.v[1]! / this.cell), Math.floor(this.v[2]! / this.cell));
    });
    // Stable by point index within a cell, so ties go to the earlier point.
    this.order = Int32Array.from(points.keys()).sort((a, b) => keys[a]! - keys[b]! || a - b);
    const starts: number[] = [];
    for (let k = 0; k < this.order.length; k++) {
      const key = keys[this.order[k]!]!;
      if (k === 0 || key !== keys[this.order[k - 1]!]) {
        this.cells.set(key, starts.length);
        starts.push(k);
      }
    }
    starts.push(this.order.length);
    this.start = Int32Array.from(starts);
  }

  /** The nearest reference point within the radius (ties: the earlier one), or undefined. */
  nearest(lat: number, lon: number): { point: P; km: number } | undefined {
    unitVector(lat, lon, this.v, 0);
    const c = [0, 0, 0];
    const o = [0, 0, 0];
    for (let a = 0; a < 3; a++) {
      const x = this.v[a]! / this.cell;
      c[a] = Math.floor(x);
      o[a] = x - c[a]! < 0.5 ? -1 : 1;
    }
    let best = -1;
    let bestKm = Infinity;
    for (let m = 0; m < 8; m++) {
      const slot = this.cells.get(this.key(c[0]! + (m & 1 ? o[0]! : 0), c[1]! + (m & 2 ? o[1]! : 0), c[2]! + (m & 4 ? o[2]! : 0)));
      if (slot === undefined) continue;
      for (let k = this.start[slot]!; k < this.start[slot + 1]!; k++) {
        const i = this.order[k]!;
        const p = this.points[i]!;
        const km = haversineKm(lat, lon, p.lat, p.lon);
        if (km <= this.radiusKm && (km < bestKm || (km === bestKm && i < best))) {
          best = i;
          bestKm = km;
        }
      }
    }
    return best < 0 ? undefined : { point: this.points[best]!, km: bestKm };
  }

  private key(x: number, y: number, z: number): number {
    return ((x + this.half) * this.width + (y + this.half)) * this.width + (z + this.half);
  }
}
