import { createRequire } from "node:module";
import { atlasNamesWithoutNumeric, countryByAlpha2, countryByNumeric } from "../../data/countries.js";
import { CountryShape } from "./country-shape.js";
import { decodeArcs, geometryRings, type Ring, type TopoTopology } from "./topojson.js";

/** Where distances to countries come from; rules take one so tests can draw their own map. */
export interface CountryBoundaries {
  /** Short description for reports and docs ("Natural Earth 1:50m via world-atlas 2"). */
  readonly name: string;
  /** True when there is a boundary for this ISO 3166-1 alpha-2 code. */
  has(country: string): boolean;
  /** Great-circle km from the point to the country: 0 inside; Infinity beyond `maxKm`. */
  distanceKm(lat: number, lon: number, country: string, maxKm?: number): number;
}

/** Boundaries from any TopoJSON whose `countries` features carry ISO numeric ids. */
export class TopoCountries implements CountryBoundaries {
  private rings: Map<string, Ring[]> | undefined;
  private readonly shapes = new Map<string, CountryShape>();

  constructor(
    readonly name: string,
    private readonly source: () => TopoTopology,
  ) {}

  has(country: string): boolean {
    return this.ringsByCountry().has(country.toUpperCase());
  }

  distanceKm(lat: number, lon: number, country: string, maxKm?: number): number {
    return this.shape(country).distanceKm(lat, lon, maxKm);
  }

  /** The country's indexed shape, built on first use and kept. */
  shape(country: string): CountryShape {
    const code = country.toUpperCase();
    let shape = this.shapes.get(code);
    if (!shape) {
      const rings = this.ringsByCountry().get(code);
      if (!rings) throw new Error(`no boundary for country ${code} in ${this.name}`);
      shape = new CountryShape(rings);
      this.shapes.set(code, shape);
    }
    return shape;
  }

  private ringsByCountry(): Map<string, Ring[]> {
    if (this.rings) return this.rings;
    const topology = this.source();
    const arcs = decodeArcs(topology);
    const out = new Map<string, Ring[]>();
    for (const g of topology.objects.countries?.geometries ?? []) {
      const code = g.id !== undefined ? countryByNumeric(String(g.id).padStart(3, "0"))?.alpha2 : atlasNamesWithoutNumeric[g.properties?.name ?? ""];
      if (!code || !countryByAlpha2(code)) continue;
      const rings = geometryRings(g, arcs);
      const list = out.get(code);
      if (list) list.push(...rings);
      else out.set(code, rings);
    }
    this.rings = out;
    return out;
  }
}

// The atlas is package data, read once and only when a rule asks about a border.
const load = (): TopoTopology => createRequire(import.meta.url)("world-atlas/countries-50m.json") as TopoTopology;

/** Natural Earth 1:50m Admin 0 country boundaries (world-atlas 2), loaded on first use. */
export const worldCountries: TopoCountries = new TopoCountries("Natural Earth 1:50m (world-atlas 2.0.2)", load);

/** Great-circle km from a point to a country (ISO alpha-2): 0 inside, else to its nearest boundary point. */
export function distanceToCountryKm(lat: number, lon: number, country: string): number {
  return worldCountries.distanceKm(lat, lon, country);
}
