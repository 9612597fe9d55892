/**
 * The little of TopoJSON (https://github.com/topojson/topojson-specification) that country
 * boundaries need: quantized, delta-encoded arcs and Polygon/MultiPolygon geometries made of
 * them, as the flat rings CountryShape indexes. Decoding it here (about thirty lines, checked
 * against topojson-client on every country of the atlas in the tests) spares a runtime dependency
 * that would bring a second, old commander with it, and is no slower than topojson-client's
 * GeoJSON plus flattening (measured in docs/architecture.md, "One reader per format"). The atlas
 * is decoded once per process: TopoCountries keeps what it decoded.
 */

export interface TopoGeometry {
  type: string;
  id?: string | number;
  properties?: { name?: string };
  arcs?: unknown;
}

export interface TopoTopology {
  type: "Topology";
  transform?: { scale: [number, number]; translate: [number, number] };
  arcs: [number, number][][];
  objects: Record<string, { type: string; geometries?: TopoGeometry[] }>;
}

/** A closed ring as flat [lon0, lat0, lon1, lat1, …], first point repeated at the end. */
export type Ring = number[];

/** Absolute coordinates of every arc, decoded once. */
export function decodeArcs(topology: TopoTopology): Float64Array[] {
  const t = topology.transform;
  return topology.arcs.map((arc) => {
    const out = new Float64Array(arc.length * 2);
    let x = 0;
    let y = 0;
    for (let i = 0; i < arc.length; i++) {
      const p = arc[i]!;
      if (t) {
        x += p[0];
        y += p[1];
        out[2 * i] = x * t.scale[0] + t.translate[0];
        out[2 * i + 1] = y * t.scale[1] + t.translate[1];
      } else {
        out[2 * i] = p[0];
        out[2 * i + 1] = p[1];
      }
    }
    return out;
  });
}

/** The rings of a Polygon or MultiPolygon geometry, in polygon order (exterior, then holes). */
export function geometryRings(geometry: TopoGeometry, arcs: readonly Float64Array[]): Ring[] {
  const polygons = geometry.type === "Polygon" ? [geometry.arcs as number[][]] : geometry.type === "MultiPolygon" ? (geometry.arcs as number[][][]) : [];
  const rings: Ring[] = [];
  for (const polygon of polygons) {
    for (const ringArcs of polygon) {
      const ring: number[] = [];
      for (const ref of ringArcs) {
        const arc = arcs[ref < 0 ? ~ref : ref]!;
        const n = arc.length / 2;
        // Consecutive arcs share their joining point: keep it once.
        for (let k = ring.length === 0 ? 0 : 1; k < n; k++) {
          const j = ref < 0 ? n - 1 - k : k;
          ring.push(arc[2 * j]!, arc[2 * j + 1]!);
        }
      }
      if (ring.length >= 8) rings.push(ring);
    }
  }
  return rings;
}
