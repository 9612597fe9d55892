import { createRequire } from "node:module";

/**
 * Country outlines from Natural Earth (public domain) at 1:110m, as packaged by world-atlas (ISC
 * licence) in TopoJSON. Decoding TopoJSON polygons is a few lines (undo the delta encoding and the
 * quantisation, then join arcs into rings), so we do it here rather than depend on a library; the
 * tests compare it with topojson-client on the whole atlas.
 */
export const atlasCredit = "Country outlines: Natural Earth (public domain), 1:110m, via world-atlas 2.0.2 (ISC licence).";

export interface TopoGeometry {
  type: string;
  arcs?: number[][] | number[][][];
  id?: string;
  properties?: { name?: string };
}

export interface Topo {
  type: "Topology";
  transform?: { scale: [number, number]; translate: [number, number] };
  arcs: [number, number][][];
  objects: Record<string, { type: string; geometries: TopoGeometry[] }>;
}

export type Point = [lon: number, lat: number];

export interface Country {
  id: string;
  name: string;
  /** Outer rings and holes alike: drawn with the even-odd rule, the holes stay holes. */
  rings: Point[][];
}

/** Absolute coordinates of every arc (delta decoding and the quantisation transform undone). */
export function decodeArcs(topo: Topo): Point[][] {
  const t = topo.transform;
  return topo.arcs.map((arc) => {
    if (!t) return arc.map(([x, y]) => [x, y] as Point);
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]] as Point;
    });
  });
}

/** A ring from arc indices; `~i` is arc i reversed, and consecutive arcs share their end point. */
export function ringOf(indices: readonly number[], arcs: readonly Point[][]): Point[] {
  const out: Point[] = [];
  for (const i of indices) {
    const arc = arcs[i < 0 ? ~i : i]!;
    const points = i < 0 ? [...arc].reverse() : arc;
    if (out.length > 0) out.pop();
    for (const p of points) out.push(p);
  }
  return out;
}

/** Every polygon geometry of a collection, its rings decoded. */
export function countriesOf(topo: Topo, object: string): Country[] {
  const arcs = decodeArcs(topo);
  const out: Country[] = [];
  for (const g of topo.objects[object]?.geometries ?? []) {
    const polygons = g.type === "Polygon" ? [g.arcs as number[][]] : g.type === "MultiPolygon" ? (g.arcs as number[][][]) : [];
    const rings = polygons.flatMap((poly) => poly.map((r) => ringOf(r, arcs)));
    if (rings.length > 0) out.push({ id: g.id ?? "", name: g.properties?.name ?? "", rings });
  }
  return out;
}

let world: Country[] | undefined;

/**
 * The world's countries, loaded and decoded on first use (about 25 ms, so only reports with a map
 * pay for it). It is a module load, not I/O: the data ships with the package and never changes.
 */
export function worldCountries(): Country[] {
  world ??= countriesOf(createRequire(import.meta.url)("world-atlas/countries-110m.json") as Topo, "countries");
  return world;
}
