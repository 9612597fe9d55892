// GraphML (Internet Topology Zoo and similar). Keys are resolved through `<key attr.name>`,
// never by their `dN` id, which differs from file to file. Nodes are PoPs with a label that
// is not unique, so element ids come from node ids and the label is kept as `name`.
import { InputError, type SourceLocation } from "../diagnostics.js";
import { roles, type Medium, type Role, type State } from "../topology/types.js";
import { cleanText, countNote, distanceKm, makeDocument, put, singleFile } from "./common.js";
import { countryCode } from "./countries.js";
import { IdSpace, isId, slugify, toKey } from "./ids.js";
import type { DocElement, DocLink, DocSite, Importer, ImportOptions, ImportResult, Meta, MetricSource, Skipped, SourceText } from "./types.js";
import { parseXml, type XmlElement } from "./xml.js";

interface Key {
  name: string;
  type: string;
  /** `node`, `edge`, `graph` or `all`. */
  domain: string;
  default?: string | number | boolean;
}
type Values = Map<string, string | number | boolean>;

interface RawNode {
  id: string;
  values: Values;
  at: SourceLocation;
}

const numericTypes = new Set(["int", "integer", "long", "float", "double"]);
// Attributes mapped to fields; everything else is kept under `meta`.
const nodeMapped = new Set(["label", "Internal", "hyperedge", "Country", "Latitude", "Longitude", "vendor", "role", "model"]);
const edgeMapped = new Set(["key", "LinkLabel", "label", "LinkNote", "description", "LinkType", "LinkStatus", "vendor", "operator"]);
const roleSet = new Set<string>(roles);
/** Reference bandwidth for `--metric speed`: 100 Gbit/s costs 1, like an OSPF reference bandwidth. */
const referenceBps = 100e9;

function typedValue(text: string, type: string): string | number | boolean {
  if (numericTypes.has(type)) {
    const n = Number(text.trim());
    return text.trim() !== "" && Number.isFinite(n) ? n : text;
  }
  if (type === "boolean") {
    const t = text.trim().toLowerCase();
    if (t === "true" || t === "1") return true;
    if (t === "false" || t === "0") return false;
  }
  return text;
}

function readKeys(root: XmlElement): Map<string, Key> {
  const keys = new Map<string, Key>();
  for (const el of root.children) {
    if (el.local !== "key") continue;
    const id = el.attrs.get("id");
    if (id === undefined) continue;
    const type = el.attrs.get("attr.type") ?? "string";
    const key: Key = { name: el.attrs.get("attr.name") ?? id, type, domain: el.attrs.get("for") ?? "all" };
    const def = el.children.find((c) => c.local === "default");
    if (def) key.default = typedValue(def.text, type);
    keys.set(id, key);
  }
  return keys;
}

function readValues(el: XmlElement, keys: Map<string, Key>, defaults: Values): Values {
  const values: Values = new Map(defaults);
  for (const d of el.children) {
    if (d.local !== "data") continue;
    const key = keys.get(d.attrs.get("key") ?? "");
    if (!key) continue;
    values.set(key.name, typedValue(d.text, key.type));
  }
  return values;
}

/** GraphML `<default>` values of the keys that apply to `domain`. */
function defaultsFor(keys: Map<string, Key>, domain: string): Values {
  const out: Values = new Map();
  for (const k of keys.values()) {
    if (k.default !== undefined && (k.domain === domain || k.domain === "all")) out.set(k.name, k.default);
  }
  return out;
}

/** Case-insensitive attribute lookup, for user-added attributes such as `vendor` or `Vendor`. */
function getAttr(values: Values, name: string): string | number | boolean | undefined {
  const direct = values.get(name);
  if (direct !== undefined) return direct;
  const lower = name.toLowerCase();
  for (const [k, v] of values) if (k.toLowerCase() === lower) return v;
  return undefined;
}

function metaOf(values: Values, mapped: Set<string>, skipId: string | undefined): Meta | undefined {
  const meta: Meta = {};
  let n = 0;
  for (const [k, v] of values) {
    if (mapped.has(k) || (k === "id" && String(v) === skipId)) continue;
    if (typeof v === "string" && v.trim() === "") continue;
    meta[toKey(k, `attr${n}`)] = typeof v === "string" ? v.trim() : v;
    n++;
  }
  return n > 0 ? meta : undefined;
}

function mediumOf(linkType: string | undefined): Medium | undefined {
  const t = linkType?.trim().toLowerCase();
  if (!t) return undefined;
  if (/^(fib(er|re)|optical|dwdm|wdm)/.test(t)) return "fiber";
  if (t.startsWith("microwave")) return "microwave";
  if (t.startsWith("satellite")) return "satellite";
  if (t.startsWith("submarine")) return "submarine";
  if (t.startsWith("copper")) return "copper";
  if (t.startsWith("wireless") || t.startsWith("radio")) return "radio";
  return undefined;
}

function stateOf(status: string | undefined): State | undefined {
  const s = status?.trim().toLowerCase();
  if (!s) return undefined;
  if (/^(future|planned|planning|proposed)/.test(s)) return "planned";
  if (/^(decommissioned|down|inactive|out)/.test(s)) return "out-of-service";
  return undefined;
}

function speedBps(values: Values): number | undefined {
  const raw = values.get("LinkSpeedRaw");
  if (typeof raw === "number" && raw > 0) return raw;
  const speed = Number(values.get("LinkSpeed"));
  if (!(speed > 0)) return undefined;
  const unit = String(values.get("LinkSpeedUnits") ?? "").trim().toUpperCase();
  const scale: Record<string, number> = { G: 1e9, M: 1e6, K: 1e3, T: 1e12, "": 1 };
  return Object.hasOwn(scale, unit) ? speed * scale[unit]! : undefined;
}

interface Coord {
  lat: number;
  lon: number;
}

/** Sites from Country/Latitude/Longitude; nodes at the same place share one site. */
class SiteBuilder {
  readonly sites: Record<string, DocSite> = {};
  readonly skipped: Skipped[] = [];
  readonly coords = new Map<string, Coord>();
  private readonly ids = new IdSpace();
  private readonly byPlace = new Map<string, string>();
  unlocated = 0;

  siteFor(node: RawNode, label: string | undefined): string | undefined {
    const lat = node.values.get("Latitude");
    const lon = node.values.get("Longitude");
    const countryText = cleanText(node.values.get("Country"));
    let coord: Coord | undefined;
    if (typeof lat === "number" && typeof lon === "number" && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) coord = { lat, lon };
    else if (lat !== undefined || lon !== undefined) {
      this.skipped.push({ what: `coordinates of node ${node.id}`, why: `Latitude ${String(lat)} / Longitude ${String(lon)} is not a valid position`, location: node.at });
    }
    const country = countryText === undefined ? undefined : countryCode(countryText);
    if (countryText !== undefined && country === undefined) {
      this.skipped.push({ what: `country of node ${node.id}`, why: `\`${countryText}\` is not a country name cleanpath knows; kept under the site's meta`, location: node.at });
    }
    if (!coord && countryText === undefined) {
      this.unlocated++;
      return undefined;
    }
    if (coord) this.coords.set(node.id, coord);
    const place = `${countryText ?? ""}|${coord?.lat ?? ""}|${coord?.lon ?? ""}`;
    const known = this.byPlace.get(place);
    if (known !== undefined) return known;
    const id = this.ids.claim(toKey(slugify(label ?? ""), `site-${slugify(node.id) || "node"}`));
    const site: DocSite = {};
    put(site, "name", label);
    put(site, "country", country);
    if (coord) {
      site.lat = coord.lat;
      site.lon = coord.lon;
    }
    if (countryText !== undefined && country === undefined) site.meta = { country: countryText };
    this.sites[id] = site;
    this.byPlace.set(place, id);
    return id;
  }
}

function graphmlRoot(file: SourceText): { graph: XmlElement; keys: Map<string, Key>; locate: (o: number) => SourceLocation; skipped: Skipped[] } {
  const { root, locate } = parseXml(file.file, file.text);
  if (root.local !== "graphml") {
    throw new InputError([{ code: "E_GRAPHML", severity: "error", message: `the root element is <${root.name}>, not <graphml>`, location: locate(root.offset) }]);
  }
  const graphs = root.children.filter((c) => c.local === "graph");
  if (graphs.length === 0) throw new InputError([{ code: "E_GRAPHML", severity: "error", message: "no <graph> element", location: locate(root.offset) }]);
  const skipped: Skipped[] = graphs.slice(1).map((g) => ({ what: `graph ${g.attrs.get("id") ?? ""}`.trim(), why: "only the first <graph> of a file is imported", location: locate(g.offset) }));
  return { graph: graphs[0]!, keys: readKeys(root), locate, skipped };
}

function linkMetric(metric: MetricSource, values: Values, a: Coord | undefined, b: Coord | undefined): number | undefined | null {
  if (metric === "distance") return a && b ? Math.max(1, Math.round(distanceKm(a.lat, a.lon, b.lat, b.lon))) : null;
  if (metric === "speed") {
    const bps = speedBps(values);
    return bps ? Math.min(1e9, Math.max(1, Math.round(referenceBps / bps))) : null;
  }
  return undefined;
}

/** Imports one GraphML file: nodes → elements (and sites), edges → links. */
export function importGraphml(files: readonly SourceText[], options: ImportOptions): ImportResult {
  const file = singleFile("graphml", files);
  const { graph, keys, locate, skipped } = graphmlRoot(file);
  const metric = options.metric ?? "hops";
  if (graph.attrs.get("edgedefault") === "directed") {
    skipped.push({ what: "edge directions", why: "the graph is directed; links are imported as two-way (set `direction: forward` by hand where a link is one-way)", location: locate(graph.offset) });
  }
  const nodeDefaults = defaultsFor(keys, "node");
  const edgeDefaults = defaultsFor(keys, "edge");
  const graphValues = readValues(graph, keys, defaultsFor(keys, "graph"));
  const sites = new SiteBuilder();
  const elements: DocElement[] = [];
  const links: DocLink[] = [];
  const elementIds = new IdSpace();
  const idOf = new Map<string, string>();
  const pending: XmlElement[] = [];

  for (const el of graph.children) {
    if (el.local === "node") {
      const nodeId = el.attrs.get("id");
      if (nodeId === undefined) throw new InputError([{ code: "E_GRAPHML", severity: "error", message: "<node> without an id", location: locate(el.offset) }]);
      if (idOf.has(nodeId)) throw new InputError([{ code: "E_GRAPHML", severity: "error", message: `node id \`${nodeId}\` is used twice`, location: locate(el.offset) }]);
      const raw: RawNode = { id: nodeId, values: readValues(el, keys, nodeDefaults), at: locate(el.offset) };
      if (el.children.some((c) => c.local === "graph")) skipped.push({ what: `nested graph in node ${nodeId}`, why: "nested graphs are not imported; the node is imported as one element", location: raw.at });
      const element = buildElement(raw, elementIds, sites, skipped);
      idOf.set(nodeId, element.id);
      elements.push(element);
    } else if (el.local === "edge") {
      pending.push(el);
    } else if (el.local === "hyperedge") {
      skipped.push({ what: "hyperedge", why: "<hyperedge> elements are not imported (model the shared segment as a node)", location: locate(el.offset) });
    }
  }

  skipped.push(...sites.skipped);
  let unmeasured = 0;
  const edgeContext: EdgeContext = { keys, edgeDefaults, idOf, coords: sites.coords, metric, locate, skipped };
  for (const el of pending) {
    const link = buildLink(el, edgeContext);
    if (link === undefined) continue;
    if (link.metric === undefined && metric !== "hops") unmeasured++;
    links.push(link);
  }

  const why = metric === "distance" ? "an end has no coordinates" : "the edge has no LinkSpeed/LinkSpeedRaw";
  skipped.push(...countNote(sites.unlocated, "node without a location", "nodes without a location", "no Country, Latitude or Longitude; no site assigned"));
  skipped.push(...countNote(unmeasured, `link without a ${metric} metric`, `links without a ${metric} metric`, `${why}; metric left at the default 1`));

  const name = cleanText(graphValues.get("Network") ?? graphValues.get("label") ?? graphValues.get("name"));
  return { document: makeDocument({ name, sites: sites.sites, elements, links }), skipped };
}

interface EdgeContext {
  keys: Map<string, Key>;
  edgeDefaults: Values;
  idOf: Map<string, string>;
  coords: Map<string, Coord>;
  metric: MetricSource;
  locate: (offset: number) => SourceLocation;
  skipped: Skipped[];
}

// `LinkType` stays in meta when it names no medium.
const edgeMappedWithoutType = new Set([...edgeMapped].filter((k) => k !== "LinkType"));

/** One edge as a link, or undefined (reported) when it is a self-loop or names a missing node. */
function buildLink(el: XmlElement, ctx: EdgeContext): DocLink | undefined {
  const source = el.attrs.get("source") ?? "";
  const target = el.attrs.get("target") ?? "";
  const a = ctx.idOf.get(source);
  const b = ctx.idOf.get(target);
  if (a === undefined || b === undefined) {
    ctx.skipped.push({ what: `edge ${source}–${target}`, why: `node \`${a === undefined ? source : target}\` does not exist`, location: ctx.locate(el.offset) });
    return undefined;
  }
  if (a === b) {
    ctx.skipped.push({ what: `edge ${source}–${target}`, why: "self-loop (a link from a node to itself carries no traffic between elements)", location: ctx.locate(el.offset) });
    return undefined;
  }
  const values = readValues(el, ctx.keys, ctx.edgeDefaults);
  const link: DocLink = { a, b };
  put(link, "metric", linkMetric(ctx.metric, values, ctx.coords.get(source), ctx.coords.get(target)) ?? undefined);
  put(link, "medium", mediumOf(cleanText(values.get("LinkType"))));
  put(link, "vendor", cleanText(getAttr(values, "vendor")));
  put(link, "name", cleanText(values.get("LinkLabel") ?? values.get("label")));
  put(link, "description", cleanText(values.get("LinkNote") ?? values.get("description"), 4096));
  put(link, "state", stateOf(cleanText(values.get("LinkStatus"))));
  put(link, "meta", metaOf(values, link.medium ? edgeMapped : edgeMappedWithoutType, undefined));
  return link;
}

function buildElement(raw: RawNode, ids: IdSpace, sites: SiteBuilder, skipped: Skipped[]): DocElement {
  const label = cleanText(raw.values.get("label"));
  const wanted = isId(raw.id) ? raw.id : toKey(slugify(raw.id), `n${slugify(raw.id) || "node"}`);
  const id = ids.claim(wanted);
  const hyper = Number(raw.values.get("hyperedge")) === 1;
  const internal = raw.values.get("Internal");
  const external = internal !== undefined && Number(internal) === 0;
  const roleAttr = cleanText(getAttr(raw.values, "role"));
  let role: Role = hyper || external ? "other" : "backbone";
  if (roleAttr !== undefined) {
    if (roleSet.has(roleAttr.toLowerCase())) role = roleAttr.toLowerCase() as Role;
    else skipped.push({ what: `role of node ${raw.id}`, why: `\`${roleAttr}\` is not a cleanpath role (${roles.join(", ")})`, location: raw.at });
  }
  const element: DocElement = label === undefined ? { id, role } : { id, name: label, role };
  put(element, "vendor", cleanText(getAttr(raw.values, "vendor")));
  put(element, "model", cleanText(getAttr(raw.values, "model"), 4096));
  put(element, "site", sites.siteFor(raw, label));
  if (hyper) element.passive = true;
  const tags = [...(hyper ? ["segment"] : []), ...(external ? ["external"] : [])];
  if (tags.length) element.tags = tags;
  const meta = metaOf(raw.values, nodeMapped, raw.id) ?? {};
  if (id !== raw.id) meta.graphmlId = raw.id;
  if (Object.keys(meta).length) element.meta = meta;
  return element;
}

export const graphml: Importer = {
  summary: "GraphML (Internet Topology Zoo and similar): nodes → elements and sites, edges → links",
  inputs: "one",
  extensions: [".graphml", ".xml"],
  run: importGraphml,
};
