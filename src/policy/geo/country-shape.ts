import { angleToArc, chordOfKm, EARTH_RADIUS_KM, haversineKm, unitVector } from "./sphere.js";
import type { Ring } from "./topojson.js";

/** Height of a latitude band of the point-in-polygon index, in degrees. */
const ROW_DEG = 0.1;
/** Boundary edges are cut into pieces no longer than this before indexing (km). */
const PIECE_KM = 10;
/** Grid cells are sized to the question asked, within these bounds (km). */
const MIN_CELL_KM = 10;
const MAX_CELL_KM = 200;
/** Cell size for "how far is it, whatever the distance" queries (km). */
const DEFAULT_CELL_KM = 50;
/** Shells of cells searched before an unbounded query falls back to every segment. */
const MAX_SHELLS = 6;
/** Side of the lat/lon cells whose far-from-the-country answer is shared (degrees). */
const FAR_CELL_DEG = 0.5;
/** Arcs bulge outside the box of their end points by at most this (pieces ≤ 10 km). */
const ARC_PAD = 1e-6;

/**
 * A country's territory from its boundary rings (lon/lat, exterior rings and holes, any number
 * of polygons): point-in-polygon by the even-odd rule over latitude bands, and distance to the
 * nearest boundary point over a grid of boundary pieces in 3-D. Rings that cross the
 * antimeridian (Russia, Fiji) are unwrapped; a ring that goes round a pole (Antarctica) is
 * closed through it. Built once per country, then each query touches a few cells.
 */
export class CountryShape {
  /** Edges as x1, y1, x2, y2 in each ring's unwrapped longitude frame. */
  private readonly edges: Float64Array;
  private readonly edgeRing: Int32Array;
  /** Smallest unwrapped longitude of each ring: a query longitude is moved into [min, min + 360). */
  private readonly ringMin: Float64Array;
  private readonly latMin: number;
  private readonly latMax: number;
  private readonly rowStart: Int32Array;
  private readonly rowEdges: Int32Array;
  /** Boundary pieces as two unit vectors each (6 numbers). */
  readonly segments: Float64Array;
  readonly segmentCount: number;
  /** Bounding box of every boundary piece, in 3-D. */
  private readonly box: Float64Array;
  private readonly grids = new Map<number, SegmentGrid>();
  private readonly farCells = new Map<number, Map<number, boolean>>();

  constructor(rings: readonly Ring[]) {
    const edges: number[] = [];
    const edgeRing: number[] = [];
    const ringMin: number[] = [];
    const pieces: number[] = [];
    let latMin = 90;
    let latMax = -90;
    for (const ring of rings) {
      const { xs, ys, closing } = unwrap(ring);
      let min = Infinity;
      for (const x of xs) min = Math.min(min, x);
      const shift = 360 * Math.floor((min + 180) / 360);
      const r = ringMin.length;
      ringMin.push(min - shift);
      for (let i = 0; i + 1 < xs.length; i++) {
        const x1 = xs[i]! - shift, y1 = ys[i]!, x2 = xs[i + 1]! - shift, y2 = ys[i + 1]!;
        edges.push(x1, y1, x2, y2);
        edgeRing.push(r);
        latMin = Math.min(latMin, y1, y2);
        latMax = Math.max(latMax, y1, y2);
        // Edges added to close a ring through a pole are not a border: no distance pieces.
        if (i < xs.length - 1 - closing) cut(x1, y1, x2, y2, pieces);
      }
    }
    this.edges = Float64Array.from(edges);
    this.edgeRing = Int32Array.from(edgeRing);
    this.ringMin = Float64Array.from(ringMin);
    this.latMin = latMin;
    this.latMax = latMax;
    [this.rowStart, this.rowEdges] = this.buildRows();
    this.segmentCount = pieces.length / 4;
    this.segments = new Float64Array(this.segmentCount * 6);
    this.box = Float64Array.of(Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity);
    for (let s = 0; s < this.segmentCount; s++) {
      unitVector(pieces[4 * s + 1]!, pieces[4 * s]!, this.segments, 6 * s);
      unitVector(pieces[4 * s + 3]!, pieces[4 * s + 2]!, this.segments, 6 * s + 3);
      for (let k = 0; k < 6; k++) {
        const v = this.segments[6 * s + k]!;
        this.box[k % 3] = Math.min(this.box[k % 3]!, v);
        this.box[3 + (k % 3)] = Math.max(this.box[3 + (k % 3)]!, v);
      }
    }
  }

  /** True when the point is inside the territory (even-odd over all rings, so holes count). */
  contains(lat: number, lon: number): boolean {
    if (!(lat >= this.latMin && lat <= this.latMax)) return false;
    const x = normaliseLon(lon);
    const row = Math.min(this.rowStart.length - 2, Math.floor((lat - this.latMin) / ROW_DEG));
    const e = this.edges;
    let inside = false;
    for (let k = this.rowStart[row]!; k < this.rowStart[row + 1]!; k++) {
      const i = this.rowEdges[k]!;
      const min = this.ringMin[this.edgeRing[i]!]!;
      const px = x < min ? x + 360 : x;
      if (px >= min + 360) continue;
      const y1 = e[4 * i + 1]!, y2 = e[4 * i + 3]!;
      if (y1 > lat === y2 > lat) continue;
      const x1 = e[4 * i]!, x2 = e[4 * i + 2]!;
      if (x1 + ((lat - y1) * (x2 - x1)) / (y2 - y1) > px) inside = !inside;
    }
    return inside;
  }

  /**
   * Great-circle km from the point to the territory: 0 inside, else to the nearest boundary
   * point. With `maxKm`, anything farther is reported as Infinity (and found much faster).
   */
  distanceKm(lat: number, lon: number, maxKm = Infinity): number {
    if (maxKm !== Infinity && this.farCell(lat, lon, maxKm)) return Infinity;
    if (this.contains(lat, lon)) return 0;
    return this.boundaryKm(lat, lon, maxKm);
  }

  /** Km to the nearest boundary point, Infinity beyond `maxKm` (inside or out alike). */
  private boundaryKm(lat: number, lon: number, maxKm: number, gridKm = maxKm): number {
    if (this.segmentCount === 0) return Infinity;
    const p = new Float64Array(3);
    unitVector(lat, lon, p, 0);
    const maxChord = maxKm === Infinity ? Infinity : chordOfKm(maxKm);
    const b = this.box;
    for (let k = 0; k < 3; k++) if (p[k]! < b[k]! - maxChord || p[k]! > b[k + 3]! + maxChord) return Infinity;
    const cellKm = gridKm === Infinity ? DEFAULT_CELL_KM : Math.min(MAX_CELL_KM, Math.max(MIN_CELL_KM, gridKm));
    let grid = this.grids.get(cellKm);
    if (!grid) {
      grid = new SegmentGrid(this.segments, this.segmentCount, chordOfKm(cellKm));
      this.grids.set(cellKm, grid);
    }
    const km = grid.nearest(p, maxChord) * EARTH_RADIUS_KM;
    return km <= maxKm ? km : Infinity;
  }

  /**
   * True when every point of the query's lat/lon cell is outside the territory and more than
   * `maxKm` from it: the cell's centre is outside, with no boundary within `maxKm` plus the
   * centre-to-corner distance. Decided once per cell and limit, so most queries far from the
   * country cost one map look-up.
   */
  private farCell(lat: number, lon: number, maxKm: number): boolean {
    let cells = this.farCells.get(maxKm);
    if (!cells) {
      cells = new Map();
      this.farCells.set(maxKm, cells);
    }
    const row = Math.floor((lat + 90) / FAR_CELL_DEG);
    const col = Math.floor((normaliseLon(lon) + 180) / FAR_CELL_DEG);
    const key = row * 1000 + col;
    let far = cells.get(key);
    if (far === undefined) {
      const lat0 = row * FAR_CELL_DEG - 90;
      const lon0 = col * FAR_CELL_DEG - 180;
      const cLat = lat0 + FAR_CELL_DEG / 2;
      const cLon = lon0 + FAR_CELL_DEG / 2;
      let reach = 0;
      for (const [y, x] of [[lat0, lon0], [lat0, lon0 + FAR_CELL_DEG], [lat0 + FAR_CELL_DEG, lon0], [lat0 + FAR_CELL_DEG, lon0 + FAR_CELL_DEG]] as const) {
        reach = Math.max(reach, haversineKm(cLat, cLon, Math.max(-90, Math.min(90, y)), x));
      }
      // A margin for the cell's curved edges.
      reach = reach * 1.01 + 0.1;
      far = !this.contains(cLat, cLon) && this.boundaryKm(cLat, cLon, maxKm + reach, maxKm) === Infinity;
      cells.set(key, far);
    }
    return far;
  }

  private buildRows(): [Int32Array, Int32Array] {
    const rows = Math.max(1, Math.floor((this.latMax - this.latMin) / ROW_DEG) + 1);
    const count = new Int32Array(rows + 1);
    const n = this.edgeRing.length;
    const span = (i: number): [number, number] => {
      const y1 = this.edges[4 * i + 1]!, y2 = this.edges[4 * i + 3]!;
      const lo = Math.floor((Math.min(y1, y2) - this.latMin) / ROW_DEG);
      const hi = Math.min(rows - 1, Math.floor((Math.max(y1, y2) - this.latMin) / ROW_DEG));
      return [lo, hi];
    };
    for (let i = 0; i < n; i++) {
      const [lo, hi] = span(i);
      for (let r = lo; r <= hi; r++) count[r + 1]!++;
    }
    for (let r = 0; r < rows; r++) count[r + 1]! += count[r]!;
    const fill = count.slice(0, rows);
    const out = new Int32Array(count[rows]!);
    for (let i = 0; i < n; i++) {
      const [lo, hi] = span(i);
      for (let r = lo; r <= hi; r++) out[fill[r]!++] = i;
    }
    return [count, out];
  }
}

/** Longitude in [-180, 180). */
function normaliseLon(lon: number): number {
  const x = ((((lon + 180) % 360) + 360) % 360) - 180;
  return x;
}

/**
 * Longitudes made continuous along the ring (each step the short way round). A ring whose
 * longitudes drift by 360° goes round a pole: it is closed through that pole, and `closing`
 * says how many edges that added.
 */
function unwrap(ring: Ring): { xs: number[]; ys: number[]; closing: number } {
  const xs: number[] = [ring[0]!];
  const ys: number[] = [ring[1]!];
  let latSum = ring[1]!;
  for (let i = 2; i < ring.length; i += 2) {
    let x = ring[i]!;
    const prev = xs[xs.length - 1]!;
    while (x - prev > 180) x -= 360;
    while (x - prev < -180) x += 360;
    xs.push(x);
    ys.push(ring[i + 1]!);
    latSum += ring[i + 1]!;
  }
  const drift = xs[xs.length - 1]! - xs[0]!;
  if (Math.abs(drift) < 180) return { xs, ys, closing: 0 };
  const pole = latSum / ys.length < 0 ? -90 : 90;
  const last = xs[xs.length - 1]!;
  xs.push(last, xs[0]!, xs[0]!);
  ys.push(pole, pole, ys[0]!);
  return { xs, ys, closing: 3 };
}

/** Appends the edge cut into pieces of at most PIECE_KM, interpolated along the map's straight line. */
function cut(x1: number, y1: number, x2: number, y2: number, out: number[]): void {
  const n = Math.max(1, Math.ceil(haversineKm(y1, x1, y2, x2) / PIECE_KM));
  for (let k = 0; k < n; k++) {
    const t0 = k / n;
    const t1 = (k + 1) / n;
    out.push(x1 + (x2 - x1) * t0, y1 + (y2 - y1) * t0, x1 + (x2 - x1) * t1, y1 + (y2 - y1) * t1);
  }
}

/**
 * Boundary pieces bucketed into cubic cells of side `cell` (a chord length) in 3-D. Searching
 * shells of cells outwards from the query's cell, anything in shell k+1 or beyond is farther
 * than k cells, so the search stops as soon as the best piece is nearer than that.
 */
class SegmentGrid {
  private readonly cells = new Map<number, number[]>();
  private readonly stamp: Uint32Array;
  private query = 0;
  private readonly half: number;
  private readonly width: number;

  constructor(
    private readonly segments: Float64Array,
    private readonly count: number,
    private readonly cell: number,
  ) {
    this.stamp = new Uint32Array(count);
    this.half = Math.ceil(1 / cell) + 2;
    this.width = 2 * this.half + 1;
    const s = segments;
    for (let i = 0; i < count; i++) {
      const o = 6 * i;
      const lo = [0, 1, 2].map((k) => Math.floor((Math.min(s[o + k]!, s[o + 3 + k]!) - ARC_PAD) / cell));
      const hi = [0, 1, 2].map((k) => Math.floor((Math.max(s[o + k]!, s[o + 3 + k]!) + ARC_PAD) / cell));
      for (let x = lo[0]!; x <= hi[0]!; x++) {
        for (let y = lo[1]!; y <= hi[1]!; y++) {
          for (let z = lo[2]!; z <= hi[2]!; z++) {
            const key = this.key(x, y, z);
            const list = this.cells.get(key);
            if (list) list.push(i);
            else this.cells.set(key, [i]);
          }
        }
      }
    }
  }

  /** Angle to the nearest piece, searching no farther than `maxChord` (Infinity: no limit). */
  nearest(p: Float64Array, maxChord: number): number {
    const q = ++this.query;
    if (q === 0xffffffff) {
      this.stamp.fill(0);
      this.query = 1;
    }
    const stampOf = this.query;
    const cx = Math.floor(p[0]! / this.cell);
    const cy = Math.floor(p[1]! / this.cell);
    const cz = Math.floor(p[2]! / this.cell);
    let best = Infinity;
    const visit = (x: number, y: number, z: number): void => {
      const list = this.cells.get(this.key(x, y, z));
      if (!list) return;
      for (const i of list) {
        if (this.stamp[i] === stampOf) continue;
        this.stamp[i] = stampOf;
        const a = angleToArc(p, 0, this.segments, 6 * i);
        if (a < best) best = a;
      }
    };
    for (let k = 0; ; k++) {
      for (let dx = -k; dx <= k; dx++) {
        for (let dy = -k; dy <= k; dy++) {
          const onFace = dx === -k || dx === k || dy === -k || dy === k;
          for (let dz = -k; dz <= k; dz += onFace || k === 0 ? 1 : 2 * k) visit(cx + dx, cy + dy, cz + dz);
        }
      }
      const bestChord = best === Infinity ? Infinity : 2 * Math.sin(best / 2);
      if (bestChord <= k * this.cell) return best;
      if (k * this.cell >= maxChord) return best;
      if (k >= MAX_SHELLS && maxChord === Infinity) return Math.min(best, this.everySegment(p));
    }
  }

  private everySegment(p: Float64Array): number {
    let best = Infinity;
    for (let i = 0; i < this.count; i++) best = Math.min(best, angleToArc(p, 0, this.segments, 6 * i));
    return best;
  }

  private key(x: number, y: number, z: number): number {
    return ((x + this.half) * this.width + (y + this.half)) * this.width + (z + this.half);
  }
}
