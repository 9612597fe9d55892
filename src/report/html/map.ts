import type { Inventory } from "../../result.js";
import { type Country, type Point, worldCountries } from "./atlas.js";
import { esc, plural } from "./escape.js";

type Site = Inventory["sites"][number];

/** Sites drawn at most (the riskiest first); the rest are counted under the map. */
export const maxMapSites = 5000;

export interface View {
  lon0: number;
  lon1: number;
  lat0: number;
  lat1: number;
  /** Pixels per degree of latitude; longitude is scaled by cos(mid latitude). */
  k: number;
  kx: number;
  width: number;
  height: number;
}

/** The sites' bounding box with a margin (at least 8° wide), fitted into about 720×440 pixels. */
export function viewOf(sites: readonly Site[]): View {
  let lon0 = Infinity;
  let lon1 = -Infinity;
  let lat0 = Infinity;
  let lat1 = -Infinity;
  for (const s of sites) {
    lon0 = Math.min(lon0, s.lon);
    lon1 = Math.max(lon1, s.lon);
    lat0 = Math.min(lat0, s.lat);
    lat1 = Math.max(lat1, s.lat);
  }
  const grow = (lo: number, hi: number, min: number): [number, number] => {
    const margin = Math.max((hi - lo) * 0.15, 1.5);
    let a = lo - margin;
    let b = hi + margin;
    if (b - a < min) {
      const mid = (a + b) / 2;
      a = mid - min / 2;
      b = mid + min / 2;
    }
    return [a, b];
  };
  [lon0, lon1] = grow(lon0, lon1, 8);
  [lat0, lat1] = grow(lat0, lat1, 6);
  lon0 = Math.max(-180, lon0);
  lon1 = Math.min(180, lon1);
  lat0 = Math.max(-85, lat0);
  lat1 = Math.min(85, lat1);
  const cos = Math.max(0.2, Math.cos((((lat0 + lat1) / 2) * Math.PI) / 180));
  const k = Math.min(720 / ((lon1 - lon0) * cos), 440 / (lat1 - lat0));
  const kx = k * cos;
  return { lon0, lon1, lat0, lat1, k, kx, width: round((lon1 - lon0) * kx), height: round((lat1 - lat0) * k) };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Equirectangular projection, standard parallel at the view's middle latitude. */
export function project(v: View, [lon, lat]: Point): [number, number] {
  return [round((lon - v.lon0) * v.kx), round((v.lat1 - lat) * v.k)];
}

function overlaps(v: View, ring: readonly Point[]): boolean {
  let a = Infinity;
  let b = -Infinity;
  let c = Infinity;
  let d = -Infinity;
  for (const [lon, lat] of ring) {
    if (lon < a) a = lon;
    if (lon > b) b = lon;
    if (lat < c) c = lat;
    if (lat > d) d = lat;
  }
  return b >= v.lon0 && a <= v.lon1 && d >= v.lat0 && c <= v.lat1;
}

function countryPath(v: View, country: Country): string {
  const parts: string[] = [];
  for (const ring of country.rings) {
    if (!overlaps(v, ring)) continue;
    let d = "";
    let last = "";
    for (const p of ring) {
      const [x, y] = project(v, p);
      const xy = `${x} ${y}`;
      if (xy === last) continue;
      d += `${d === "" ? "M" : "L"}${xy}`;
      last = xy;
    }
    if (d !== "") parts.push(`${d}Z`);
  }
  return parts.join("");
}

function siteClass(s: Site): string {
  return s.high > 0 ? "site-high" : s.unknown > 0 ? "site-unknown" : "site-clean";
}

/**
 * The located sites over the countries around them, each coloured by what stands there (red: some
 * high-risk equipment, amber: some of unknown vendor, green: clean). Inline SVG, no tiles.
 */
export function siteMap(sites: readonly Site[], located = sites.length): string {
  if (sites.length === 0) return `<p class="muted">No site has coordinates (give sites <code>lat</code> and <code>lon</code> to draw them on a map).</p>`;
  const v = viewOf(sites);
  const land: string[] = [];
  for (const c of worldCountries()) {
    const d = countryPath(v, c);
    if (d !== "") land.push(`<path class="land" d="${d}"><title>${esc(c.name)}</title></path>`);
  }
  const rank = (s: Site): number => (s.high > 0 ? 0 : s.unknown > 0 ? 1 : 2);
  const drawn = [...sites].sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : 1)).slice(0, maxMapSites);
  const marks: string[] = [];
  const labels: string[] = [];
  const placed: [number, number, number][] = [];
  // Draw clean sites first so the risky ones end up on top.
  for (const s of [...drawn].reverse()) {
    const [x, y] = project(v, [s.lon, s.lat]);
    const r = round(3.5 + Math.min(5, Math.sqrt(s.elements)));
    const what = [plural(s.elements, "element"), s.high > 0 ? `${s.high} high-risk` : "", s.unknown > 0 ? `${s.unknown} of unknown vendor` : ""].filter(Boolean).join(", ");
    const title = `${s.name ? `${s.name} (${s.id})` : s.id}${s.country ? `, ${s.country}` : ""}: ${what}`;
    marks.push(`<circle class="${siteClass(s)}" cx="${x}" cy="${y}" r="${r}"><title>${esc(title)}</title></circle>`);
    if (drawn.length <= 40) {
      const text = s.id.length > 18 ? `${s.id.slice(0, 17)}…` : s.id;
      const w = text.length * 5.6;
      const lx = x + r + 2;
      // Skip a label that would overlap one already placed (few sites: quadratic is fine here).
      if (!placed.some(([px, py, pw]) => Math.abs(py - y) < 10 && lx < px + pw && px < lx + w)) {
        placed.push([lx, y, w]);
        labels.push(`<text class="site-label" x="${round(lx)}" y="${round(y + 3.5)}">${esc(text)}</text>`);
      }
    }
  }
  const total = Math.max(located, sites.length);
  const more =
    total > drawn.length
      ? `<p class="muted">${plural(total - drawn.length, "more located site")} not drawn: the map shows ${drawn.length.toLocaleString("en-US")}, those with high-risk equipment first, then unknown, then clean.</p>`
      : "";
  return (
    `<figure class="map"><svg class="map-svg" viewBox="0 0 ${v.width} ${v.height}" width="${v.width}" height="${v.height}" role="img" aria-label="Map of ${plural(drawn.length, "located site")}">` +
    `<rect class="sea" x="0" y="0" width="${v.width}" height="${v.height}"/>` +
    `<g class="countries">${land.join("")}</g><g class="sites">${marks.join("")}</g><g class="labels">${labels.join("")}</g></svg>` +
    `<figcaption><span class="key key-high"></span> high-risk equipment <span class="key key-unknown"></span> unknown vendor <span class="key key-clean"></span> clean; circle size grows with the elements at the site. Equirectangular projection.</figcaption></figure>${more}`
  );
}
