// Submarine cables in TeleGeography's v3 layout (the Open Undersea Cable Map and its forks): a
// folder with `cable/<id>.json` and `landing-point/landing-point-geo.json`. A cable lists its
// landing points sorted by country, not along the route, and a branched cable lists every
// branch's: the only faithful graph is the cable as one element joined to each landing station,
// so a path crosses a cable as one item, never as a clique of landing-point pairs.
import { lists } from "../data/lists.js";
import { InputError, type SourceLocation } from "../diagnostics.js";
import { type ParsedDocument, readDocument } from "../load/index.js";
import { normaliseVendorName, VendorRegistry } from "../vendors/registry.js";
import { cleanText, countNote, makeDocument, put } from "./common.js";
import { countryCode } from "./countries.js";
import { IdSpace, slugify, toKey } from "./ids.js";
import type { DocComponent, DocElement, DocLink, DocOperator, DocSite, DocVendor, Importer, ImportResult, Skipped, SourceText } from "./types.js";

interface LandingRef {
  id: string;
  name?: string;
  country?: string;
  tbd: boolean;
}

interface Cable {
  id: string;
  name?: string;
  landing: LandingRef[];
  owners: string[];
  suppliers: string[];
  rfs?: string;
  rfsYear?: number;
  planned: boolean;
  length?: string;
  url?: string;
  at: SourceLocation;
}

interface GeoPoint {
  name?: string;
  lat: number;
  lon: number;
}

interface Source {
  cables: Cable[];
  points: Map<string, GeoPoint>;
  geoFiles: number;
  skipped: Skipped[];
}

const fail = (message: string, location: SourceLocation): never => {
  throw new InputError([{ code: "E_CABLES", severity: "error", message, location }]);
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

// Words that end a company name rather than start a new one: "Seren Juno Network Co., Ltd.",
// "Blackburn Technologies, LLC.", "Ocean Specialists, Inc (OSI)" are one owner each.
const legalTail = /^(?:co\.?,?\s*)?(?:ltd|limited|inc|llc|l\.l\.c|s\.a|sa|s\.a\.s|sas|s\.p\.a|spa|s\.r\.l|srl|co|corp|plc|gmbh|ag|b\.?v|n\.?v|pte|pty|lp|llp|oy|ab|k\.?k|de c\.?v)\.?(?:\s*\(.*\))?$/i;

/**
 * A comma-separated owner or supplier list → names. Commas inside parentheses ("Telia Eesti
 * (formerly Eesti Telekom, EMT, Elion)") and before a legal form ("Co., Ltd.") do not split.
 */
export function splitNames(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "(" || c === "[") depth++;
    else if ((c === ")" || c === "]") && depth > 0) depth--;
    else if (c === "," && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  const out: string[] = [];
  for (const raw of parts) {
    const t = raw.trim();
    if (t === "") continue;
    if (out.length > 0 && legalTail.test(t)) out[out.length - 1] += `, ${t}`;
    else out.push(t);
  }
  // "***Retelit*** (acquired)": the asterisks are the map's emphasis, not part of the name.
  return out.map((n) => n.replace(/\*+/g, "").replace(/\s+/g, " ").trim()).filter((n) => n !== "");
}

function text(v: unknown): string | undefined {
  return typeof v === "string" ? cleanText(v) : undefined;
}

function readCable(value: Record<string, unknown>, doc: ParsedDocument, file: string): Cable {
  const at = doc.locate([]);
  const id = text(value.id);
  if (id === undefined) fail("a cable needs a string `id`", doc.locate(["id"]));
  if (!Array.isArray(value.landing_points)) fail("`landing_points` must be a list of {id, name, country}", doc.locate(["landing_points"]));
  const landing: LandingRef[] = (value.landing_points as unknown[]).map((p, i) => {
    const lpId = isObject(p) ? text(p.id) : undefined;
    if (!isObject(p) || lpId === undefined) return fail("a landing point needs a string `id`", doc.locate(["landing_points", i]));
    const ref: LandingRef = { id: lpId, tbd: p.is_tbd === true };
    put(ref, "name", text(p.name));
    put(ref, "country", text(p.country));
    return ref;
  });
  for (const key of ["owners", "suppliers", "rfs", "length", "url", "name"] as const) {
    const v = value[key];
    if (v !== undefined && v !== null && typeof v !== "string") fail(`\`${key}\` must be text or null`, doc.locate([key]));
  }
  const year = value.rfs_year;
  if (year !== undefined && year !== null && !(Number.isInteger(year) && (year as number) > 1800 && (year as number) < 2200)) {
    fail("`rfs_year` must be a year or null", doc.locate(["rfs_year"]));
  }
  const cable: Cable = {
    id: id!,
    landing,
    owners: splitNames((value.owners as string | null | undefined) ?? ""),
    suppliers: splitNames((value.suppliers as string | null | undefined) ?? ""),
    planned: value.is_planned === true,
    at: { ...at, file },
  };
  put(cable, "name", text(value.name));
  put(cable, "rfs", text(value.rfs));
  put(cable, "rfsYear", typeof year === "number" ? year : undefined);
  put(cable, "length", text(value.length));
  put(cable, "url", text(value.url));
  return cable;
}

function readPoints(value: Record<string, unknown>, doc: ParsedDocument, points: Map<string, GeoPoint>): void {
  (value.features as unknown[]).forEach((f, i) => {
    const props = isObject(f) && isObject(f.properties) ? f.properties : undefined;
    const geometry = isObject(f) && isObject(f.geometry) ? f.geometry : undefined;
    const id = text(props?.id);
    const coords = geometry?.coordinates;
    if (id === undefined) fail("a landing point needs `properties.id`", doc.locate(["features", i]));
    if (!Array.isArray(coords) || typeof coords[0] !== "number" || typeof coords[1] !== "number" || Math.abs(coords[1]) > 90 || Math.abs(coords[0]) > 180) {
      fail("a landing point needs `geometry.coordinates` [longitude, latitude]", doc.locate(["features", i, "geometry"]));
    }
    const point: GeoPoint = { lat: (coords as number[])[1]!, lon: (coords as number[])[0]! };
    put(point, "name", text(props?.name));
    points.set(id!, point);
  });
}

const shapes =
  "expected a cable (`cable/<id>.json`, an object with `landing_points`) or `landing-point/landing-point-geo.json` (a GeoJSON FeatureCollection of points)";

/** Sorts each file into cables, landing points, or files of the layout that carry no topology. */
function readSource(files: readonly SourceText[]): Source {
  const source: Source = { cables: [], points: new Map(), geoFiles: 0, skipped: [] };
  for (const file of files) {
    if (/^\uFEFF?\s*</.test(file.text)) fail(`an XML file, not TeleGeography's JSON: ${shapes}`, { file: file.file, line: 1, column: 1 });
    // Machine-written files, hundreds of them: parse, and scan only to locate an error (the
    // up-front position scan would cost most of the parse again; a duplicate key then goes unseen).
    const doc = readDocument(file, { as: "json", jsonScan: "on-error" });
    const value = doc.value;
    const at = doc.locate([]);
    if (isObject(value) && "landing_points" in value) source.cables.push(readCable(value, doc, file.file));
    else if (isObject(value) && value.type === "FeatureCollection" && Array.isArray(value.features)) {
      const first = value.features[0];
      const kind = isObject(first) && isObject(first.geometry) ? first.geometry.type : undefined;
      if (kind === "Point" || kind === undefined) {
        readPoints(value, doc, source.points);
        source.geoFiles++;
      } else source.skipped.push({ what: file.file, why: `a GeoJSON collection of ${String(kind)}s (cable routes), not landing points: not needed for the topology`, location: at });
    } else if (Array.isArray(value) && value.every((v) => isObject(v) && typeof v.id === "string" && !("landing_points" in v))) {
      source.skipped.push({ what: file.file, why: "an index of cables ({id, name}); the cables are read from their own files", location: at });
    } else if (isObject(value) && Array.isArray(value.cables) && typeof value.id === "string") {
      source.skipped.push({ what: file.file, why: "a supplier's list of cables; suppliers are read from the cables", location: at });
    } else fail(`not TeleGeography cable data: ${shapes}`, at);
  }
  if (source.cables.length === 0) fail(`no cable files among the inputs: ${shapes}`, { file: files[0]?.file ?? "(no input)", line: 1, column: 1 });
  return source;
}

// The map writes Hong Kong and Macau landing points as "China"; their coordinates say which.
const specialRegions: { code: string; lat: [number, number]; lon: [number, number] }[] = [
  { code: "HK", lat: [22.13, 22.57], lon: [113.82, 114.44] },
  { code: "MO", lat: [22.1, 22.22], lon: [113.52, 113.6] },
];

function countryOf(name: string | undefined, point: GeoPoint | undefined): string | undefined {
  const code = name === undefined ? undefined : countryCode(name);
  if (code === "CN" && point) {
    const region = specialRegions.find((r) => point.lat >= r.lat[0] && point.lat <= r.lat[1] && point.lon >= r.lon[0] && point.lon <= r.lon[1]);
    if (region) return region.code;
  }
  return code;
}

/** Carriers the built-in designation lists name, by normalised name → the lists' operator id. */
function knownCarriers(): Map<string, string> {
  const out = new Map<string, string>();
  for (const list of lists) {
    for (const e of list.entries) {
      if (e.kind !== "operator") continue;
      for (const n of [e.name, ...(e.aliases ?? [])]) if (!out.has(normaliseVendorName(n))) out.set(normaliseVendorName(n), e.id);
    }
  }
  return out;
}

/** Vendors some built-in list designates, directly (the riskiest of several suppliers goes first). */
function listedVendors(): Set<string> {
  return new Set(lists.flatMap((l) => l.entries.filter((e) => e.kind !== "operator").map((e) => e.id)));
}

/** `installed` from the ready-for-service text ("2023 Q1", "2012 August") when it agrees with `rfs_year`. */
export function installedDate(rfs: string | undefined, year: number | undefined): string | undefined {
  if (year === undefined) return undefined;
  const m = rfs === undefined ? null : /^(\d{4})\s+(?:Q([1-4])|([A-Za-z]+))$/.exec(rfs.trim());
  let month = 1;
  if (m && Number(m[1]) === year) {
    if (m[2] !== undefined) month = (Number(m[2]) - 1) * 3 + 1;
    else {
      const i = months.indexOf(m[3]!.slice(0, 3).toLowerCase());
      if (i >= 0) month = i + 1;
    }
  }
  return `${year}-${String(month).padStart(2, "0")}-01`;
}
const months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

interface Build {
  registry: VendorRegistry;
  carriers: Map<string, string>;
  listed: Set<string>;
  vendors: Record<string, DocVendor>;
  vendorKey: Map<string, string>;
  vendorIds: IdSpace;
  operators: Record<string, DocOperator>;
  operatorKey: Map<string, string>;
  operatorIds: IdSpace;
  /** supplier as written → [vendor id, cables]. */
  matchedVendors: Map<string, [string, number]>;
  declaredVendors: Map<string, number>;
  matchedCarriers: Map<string, [string, number]>;
}

/** An id from a company name: "Co. Ltd." → `co-ltd`, not `co.-ltd`. */
const slug = (name: string): string => slugify(name.replace(/\./g, " "));

/** A supplier's vendor: a registry id, or a vendor declared in the output. */
function vendorFor(b: Build, supplier: string): string {
  const entry = b.registry.lookup(supplier);
  if (entry) {
    const seen = b.matchedVendors.get(supplier);
    b.matchedVendors.set(supplier, [entry.id, (seen?.[1] ?? 0) + 1]);
    return entry.id;
  }
  b.declaredVendors.set(supplier, (b.declaredVendors.get(supplier) ?? 0) + 1);
  const norm = normaliseVendorName(supplier);
  const known = b.vendorKey.get(norm);
  if (known !== undefined) return known;
  let wanted = toKey(slug(supplier), "supplier");
  if (b.registry.byVendorId(wanted)) wanted = `${wanted}-supplier`;
  const id = b.vendorIds.claim(wanted);
  b.vendorKey.set(norm, id);
  b.vendors[id] = { name: supplier };
  return id;
}

/** An owner's operator id: a designated carrier's list id, or a new operator named as written. */
function operatorFor(b: Build, owner: string): string {
  const norm = normaliseVendorName(owner);
  const known = b.operatorKey.get(norm);
  const carrier = b.carriers.get(norm);
  if (carrier !== undefined) {
    const seen = b.matchedCarriers.get(owner);
    b.matchedCarriers.set(owner, [carrier, (seen?.[1] ?? 0) + 1]);
  }
  if (known !== undefined) return known;
  const id = b.operatorIds.claim(carrier ?? toKey(slug(owner), "owner"));
  b.operatorKey.set(norm, id);
  b.operators[id] = { name: owner };
  return id;
}

function cableElement(b: Build, c: Cable, id: string): DocElement {
  const element = { id } as DocElement;
  put(element, "name", c.name);
  element.role = "cable";
  const vendors = [...new Set(c.suppliers.map((s) => vendorFor(b, s)))];
  const primary = vendors.find((v) => b.listed.has(v)) ?? vendors[0];
  put(element, "vendor", primary);
  const owners = [...new Set(c.owners.map((o) => operatorFor(b, o)))];
  if (owners.length === 1) element.operator = owners[0]!;
  else if (owners.length > 1) (element as { operator?: unknown }).operator = owners;
  const others: DocComponent[] = vendors.filter((v) => v !== primary).map((vendor) => ({ vendor, part: "co-supplier" }));
  if (others.length > 0) element.components = others;
  put(element, "installed", installedDate(c.rfs, c.rfsYear));
  if (c.planned) element.state = "planned";
  const meta: Record<string, unknown> = { telegeographyId: c.id };
  if (c.suppliers.length > 0) meta.suppliers = c.suppliers;
  put(meta, "rfs", c.rfs);
  put(meta, "length", c.length);
  put(meta, "url", c.url);
  element.meta = meta;
  return element;
}

function sortedKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
}

function tally(m: Map<string, [string, number]>, what: string): string[] {
  return [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, [id, n]]) => `${what} ${name} → ${id} (${n} cable${n === 1 ? "" : "s"})`);
}

interface Stations {
  sites: Record<string, DocSite>;
  elements: DocElement[];
  /** Landing-point id → element (and site) id. */
  stationOf: Map<string, string>;
  skipped: Skipped[];
}

/** Every landing point the geo file or a cable names → a site and a landing station (first name and country seen). */
function buildStations(source: Source, cables: readonly Cable[], ids: IdSpace): Stations {
  const refs = new Map<string, LandingRef>();
  for (const c of cables) for (const r of c.landing) if (!refs.has(r.id)) refs.set(r.id, r);
  for (const [id, p] of source.points) if (!refs.has(id)) refs.set(id, { id, ...(p.name !== undefined ? { name: p.name } : {}), tbd: false });
  const out: Stations = { sites: {}, elements: [], stationOf: new Map(), skipped: [] };
  let unlocated = 0;
  const unknownCountries = new Set<string>();
  for (const id of [...refs.keys()].sort()) {
    const ref = refs.get(id)!;
    const point = source.points.get(id);
    const key = ids.claim(toKey(id, `landing-${slugify(id) || "point"}`));
    out.stationOf.set(id, key);
    const site: DocSite = {};
    put(site, "name", ref.name ?? point?.name);
    const country = countryOf(ref.country, point);
    put(site, "country", country);
    if (ref.country !== undefined && country === undefined) unknownCountries.add(ref.country);
    if (point) {
      site.lat = point.lat;
      site.lon = point.lon;
    } else unlocated++;
    // The name as the map wrote it, when it is not a known country or the coordinates overrode it.
    if (ref.country !== undefined && (country === undefined || (country !== "CN" && countryCode(ref.country) === "CN"))) site.meta = { country: ref.country };
    out.sites[key] = site;
    const station = { id: key } as DocElement;
    put(station, "name", ref.name ?? point?.name);
    station.role = "landing-station";
    station.site = key;
    if (key !== id) station.meta = { telegeographyId: id };
    out.elements.push(station);
  }
  out.skipped.push(...countNote(unlocated, "landing point without coordinates", "landing points without coordinates", "not in landing-point-geo.json; its site has no lat/lon"));
  if (source.geoFiles === 0) out.skipped.push({ what: "landing-point/landing-point-geo.json", why: "not among the inputs: no landing point has coordinates" });
  if (unknownCountries.size > 0) {
    out.skipped.push({ what: `${unknownCountries.size} country name${unknownCountries.size === 1 ? "" : "s"}`, why: `not names cleanpath knows; kept under the site's meta: ${[...unknownCountries].sort().join(", ")}` });
  }
  return out;
}

/** Each cable → an element and a link to each of its landing stations; a second copy of an id is reported. */
function buildCables(b: Build, cables: readonly Cable[], ids: IdSpace, stationOf: ReadonlyMap<string, string>): { elements: DocElement[]; links: DocLink[]; skipped: Skipped[] } {
  const elements: DocElement[] = [];
  const links: DocLink[] = [];
  const skipped: Skipped[] = [];
  const seen = new Set<string>();
  for (const c of cables) {
    if (seen.has(c.id)) {
      skipped.push({ what: `cable ${c.id}`, why: "listed a second time (another file has the same id); this copy is ignored", location: c.at });
      continue;
    }
    seen.add(c.id);
    const id = ids.claim(toKey(c.id, `cable-${slugify(c.id) || "x"}`));
    elements.push(cableElement(b, c, id));
    const joined = new Set<string>();
    for (const r of c.landing) {
      const station = stationOf.get(r.id)!;
      if (joined.has(station)) continue;
      joined.add(station);
      const link: DocLink = { a: id, b: station, medium: "submarine" };
      if (r.tbd) link.meta = { tbd: true };
      links.push(link);
    }
  }
  const count = (pred: (e: DocElement) => boolean) => elements.filter(pred).length;
  skipped.push(...countNote(count((e) => e.vendor === undefined), "cable without a supplier", "cables without a supplier", "no vendor: an audit counts them as unknown (name one with --vendor-map)"));
  skipped.push(...countNote(count((e) => e.operator === undefined), "cable without an owner", "cables without an owner", "no operator"));
  return { elements, links, skipped };
}

/** What the suppliers and owners were matched to, and the suppliers declared as written. */
function matchNotes(b: Build): { mapped: string[]; skipped: Skipped[] } {
  const skipped: Skipped[] = [];
  if (b.declaredVendors.size > 0) {
    const list = [...b.declaredVendors].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([s, n]) => `${s} (${n})`);
    skipped.push({ what: `${b.declaredVendors.size} supplier${b.declaredVendors.size === 1 ? "" : "s"} not in the vendor registry`, why: `declared under \`vendors:\` as written (check them, or name them with --vendor-map): ${list.join(", ")}` });
  }
  const mapped = [...tally(b.matchedVendors, "supplier"), ...tally(b.matchedCarriers, "owner")];
  const operators = Object.keys(b.operators).length;
  mapped.push(`${operators} owner${operators === 1 ? "" : "s"} declared under \`operators:\` (designated carriers by their list id)`);
  return { mapped, skipped };
}

/** Imports a TeleGeography v3 folder (or its files): landing points → sites and stations, cables → elements. */
export function importCables(files: readonly SourceText[]): ImportResult {
  const source = readSource(files);
  const b: Build = {
    registry: new VendorRegistry(),
    carriers: knownCarriers(),
    listed: listedVendors(),
    vendors: {},
    vendorKey: new Map(),
    vendorIds: new IdSpace(),
    operators: {},
    operatorKey: new Map(),
    operatorIds: new IdSpace(),
    matchedVendors: new Map(),
    declaredVendors: new Map(),
    matchedCarriers: new Map(),
  };
  const cables = [...source.cables].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const ids = new IdSpace();
  const stations = buildStations(source, cables, ids);
  const built = buildCables(b, cables, ids, stations.stationOf);
  const notes = matchNotes(b);
  const document = makeDocument({
    name: "submarine cables",
    vendors: sortedKeys(b.vendors),
    operators: sortedKeys(b.operators),
    sites: stations.sites,
    elements: [...stations.elements, ...built.elements],
    links: built.links,
  });
  return { document, skipped: [...source.skipped, ...notes.skipped, ...built.skipped, ...stations.skipped], mapped: notes.mapped };
}

export const cables: Importer = {
  summary: "submarine cables, TeleGeography v3 layout (cable/*.json, landing-point/landing-point-geo.json): landing points → sites and landing stations, cables → elements",
  inputs: "many",
  extensions: [".json"],
  folders: ["cable", "landing-point"],
  run: importCables,
};
