/**
 * Great-circle geometry on a sphere of the Earth's mean radius. Points are unit vectors so that
 * the antimeridian and the poles need no special cases; distances along the surface are angles
 * times the radius. The spherical model is within 0.5% of the ellipsoid (≤ 0.5 km at 100 km).
 */

/** IUGG mean Earth radius. */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;

/** Unit vector of a latitude/longitude in degrees, written into `out` at `at`. */
export function unitVector(lat: number, lon: number, out: Float64Array, at: number): void {
  const phi = lat * RAD;
  const lambda = lon * RAD;
  const c = Math.cos(phi);
  out[at] = c * Math.cos(lambda);
  out[at + 1] = c * Math.sin(lambda);
  out[at + 2] = Math.sin(phi);
}

/** Great-circle distance in km between two latitude/longitude points (haversine formula). */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dPhi = (lat2 - lat1) * RAD;
  const dLambda = (lon2 - lon1) * RAD;
  const h = Math.sin(dPhi / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLambda / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Straight-line (chord) length between two unit vectors whose surface distance is `km`. */
export function chordOfKm(km: number): number {
  return 2 * Math.sin(Math.min(Math.PI, km / EARTH_RADIUS_KM) / 2);
}

/** Surface distance in km of a chord between two unit vectors. */
export function kmOfChord(chord: number): number {
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, chord / 2));
}

/** Angle between unit vectors u (in `a` at `i`) and v (in `b` at `j`); stable for tiny angles. */
export function angleBetween(a: Float64Array, i: number, b: Float64Array, j: number): number {
  const ux = a[i]!, uy = a[i + 1]!, uz = a[i + 2]!;
  const vx = b[j]!, vy = b[j + 1]!, vz = b[j + 2]!;
  const cx = uy * vz - uz * vy;
  const cy = uz * vx - ux * vz;
  const cz = ux * vy - uy * vx;
  return Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), ux * vx + uy * vy + uz * vz);
}

/**
 * Angle from point p (in `pts` at `pi`) to the shorter great-circle arc from a to b (in `seg` at
 * `si` and `si + 3`): to the arc's interior when the foot of the perpendicular falls inside it,
 * otherwise to the nearer end.
 */
export function angleToArc(pts: Float64Array, pi: number, seg: Float64Array, si: number): number {
  const ax = seg[si]!, ay = seg[si + 1]!, az = seg[si + 2]!;
  const bx = seg[si + 3]!, by = seg[si + 4]!, bz = seg[si + 5]!;
  let nx = ay * bz - az * by;
  let ny = az * bx - ax * bz;
  let nz = ax * by - ay * bx;
  const nn = Math.sqrt(nx * nx + ny * ny + nz * nz);
  if (nn > 1e-15) {
    nx /= nn;
    ny /= nn;
    nz /= nn;
    const px = pts[pi]!, py = pts[pi + 1]!, pz = pts[pi + 2]!;
    const d = px * nx + py * ny + pz * nz;
    // Foot of the perpendicular on the great circle's plane.
    const fx = px - d * nx, fy = py - d * ny, fz = pz - d * nz;
    // Inside the arc when a→f and f→b both turn the same way as a→b (around n).
    const s1 = (ay * fz - az * fy) * nx + (az * fx - ax * fz) * ny + (ax * fy - ay * fx) * nz;
    const s2 = (fy * bz - fz * by) * nx + (fz * bx - fx * bz) * ny + (fx * by - fy * bx) * nz;
    if (s1 >= 0 && s2 >= 0 && fx * fx + fy * fy + fz * fz > 1e-24) return Math.asin(Math.min(1, Math.abs(d)));
  }
  return Math.min(angleBetween(pts, pi, seg, si), angleBetween(pts, pi, seg, si + 3));
}
