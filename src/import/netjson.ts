// NetJSON NetworkGraph (community and mesh networks: OLSR, BATMAN, BGP exports by netdiff) and
// NetworkCollection. Nodes → elements (properties naming vendor, role, site or coordinates are
// mapped, the other scalar properties kept under `meta`); links → one link per unordered pair,
// the lower cost kept as the metric. The legacy `edges` key of the 2015 drafts (a list, possibly
// of lists, with `weight` for `cost`) reads like `links`. Link ends may name a node's
// `local_addresses` instead of its id (OLSRv1); ends no node claims become elements of their own.
import { InputError, type SourceLocation } from "../diagnostics.js";
import { type ParsedDocument, readDocument } from "../load/index.js";
import { roles, type Role, type State } from "../topology/types.js";
import { cleanText, countNote, makeDocument, put, singleFile } from "./common.js";
import { countryCode } from "./countries.js";
import { IdSpace, isId, slugify, toKey } from "./ids.js";
import type { DocElement, DocLink, DocSite, Importer, ImportResult, Meta, Skipped, SourceText } from "./types.js";

type Obj = Record<string, unknown>;
type DocPath = (string | number)[];

const roleSet = new Set<string>(roles);
/** Properties read into fields; the rest of a node's scalar properties go to `meta`. */
const nodeMapped = new Set(["vendor", "manufacturer", "model", "hardware", "role", "type", "site", "country", "location", "lat", "lng", "lon", "latitude", "longitude", "hostname", "name"]);
const linkMapped = new Set(["status"]);
const maxMetric = 1e9;

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function fail(message: string, location: SourceLocation): never {
  throw new InputError([{ code: "E_NETJSON", severity: "error", message, location }]);
}

/** A NetJSON id or address: strings, and numbers written as ids. */
function idText(v: unknown): string | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
}

interface Graph {
  value: Obj;
  path: DocPath;
}

/** The NetworkGraphs of a file: itself, or a NetworkCollection's members. */
function graphsOf(doc: ParsedDocument, file: string): Graph[] {
  const root = doc.value;
  const at = { file, line: 1, column: 1 };
  if (!isObj(root)) fail("not a NetJSON NetworkGraph: expected an object with `nodes` and `links`", at);
  if (root.type === "NetworkCollection") {
    if (!Array.isArray(root.collection)) fail("a NetworkCollection needs a `collection` list", doc.locate(["type"]));
    return root.collection.map((g, i) => {
      if (!isObj(g)) fail(`collection item ${i} is not an object`, doc.locate(["collection", i]));
      return { value: g, path: ["collection", i] };
    });
  }
  if (root.type !== undefined && root.type !== "NetworkGraph") {
    fail(`not a NetJSON NetworkGraph: \`type\` is ${JSON.stringify(root.type)}`, doc.locate(["type"]));
  }
  if (!Array.isArray(root.nodes)) {
    const hint = Array.isArray(root.edges) && isObj(root.edges[0]) && "node1" in root.edges[0] ? " (this looks like a Batfish layer-1 topology: use `cleanpath import batfish`)" : "";
    fail(`not a NetJSON NetworkGraph: no \`nodes\` list${hint}`, root.nodes === undefined ? at : doc.locate(["nodes"]));
  }
  return [{ value: root, path: [] }];
}

/** Link objects with their paths: `links` or legacy `edges`, flat or nested one level. */
function linkEntries(g: Graph, doc: ParsedDocument): { link: Obj; path: DocPath }[] {
  const key = Array.isArray(g.value.links) ? "links" : Array.isArray(g.value.edges) ? "edges" : undefined;
  if (key === undefined) {
    if (g.value.links !== undefined || g.value.edges !== undefined) fail("`links` is not a list", doc.locate([...g.path, g.value.links !== undefined ? "links" : "edges"]));
    return [];
  }
  const out: { link: Obj; path: DocPath }[] = [];
  (g.value[key] as unknown[]).forEach((item, i) => {
    const items = Array.isArray(item) ? item.map((x, j) => ({ x, path: [...g.path, key, i, j] })) : [{ x: item, path: [...g.path, key, i] }];
    for (const { x, path } of items) {
      if (!isObj(x)) fail(`${key === "links" ? "link" : "edge"} is not an object`, doc.locate(path));
      out.push({ link: x, path });
    }
  });
  return out;
}

function numberOf(v: unknown): number | undefined {
  const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
  return typeof n === "number" && Number.isFinite(n) ? n : undefined;
}

function coordinatesOf(node: Obj, props: Obj): { lat: number; lon: number } | undefined {
  const loc = isObj(node.location) ? node.location : isObj(props.location) ? props.location : props;
  const lat = numberOf(loc.lat ?? loc.latitude);
  const lon = numberOf(loc.lng ?? loc.lon ?? loc.longitude);
  if (lat === undefined || lon === undefined || Math.abs(lat) > 90 || Math.abs(lon) > 180) return undefined;
  return { lat, lon };
}

function scalarMeta(props: Obj, mapped: Set<string>, into: Meta = {}): Meta {
  let n = 0;
  for (const [k, v] of Object.entries(props)) {
    if (mapped.has(k) || !(typeof v === "string" || typeof v === "number" || typeof v === "boolean")) continue;
    if (typeof v === "string" && v.trim() === "") continue;
    into[toKey(k, `property${n++}`)] = typeof v === "string" ? v.trim() : v;
  }
  return into;
}

class Builder {
  readonly elements: DocElement[] = [];
  readonly sites: Record<string, DocSite> = {};
  readonly skipped: Skipped[] = [];
  readonly idOf = new Map<string, string>();
  readonly byAddress = new Map<string, string>();
  private readonly ids = new IdSpace();
  private readonly siteIds = new IdSpace();
  private readonly siteByKey = new Map<string, string>();
  unlisted = 0;

  constructor(private readonly doc: ParsedDocument) {}

  element(netjsonId: string, role: Role, name?: string): DocElement {
    const id = this.ids.claim(isId(netjsonId) ? netjsonId : toKey(slugify(netjsonId), "node"));
    const element: DocElement = name === undefined ? { id, role } : { id, name, role };
    if (id !== netjsonId) element.meta = { netjsonId };
    this.idOf.set(netjsonId, id);
    this.elements.push(element);
    return element;
  }

  node(node: Obj, path: DocPath): void {
    const netjsonId = idText(node.id);
    if (netjsonId === undefined) fail("node without an `id`", this.doc.locate(path));
    if (this.idOf.has(netjsonId)) {
      this.skipped.push({ what: `node ${netjsonId}`, why: "listed twice; the first listing is imported", location: this.doc.locate(path) });
      return;
    }
    const props = isObj(node.properties) ? node.properties : {};
    const element = this.element(netjsonId, this.role(node, props, netjsonId, path), cleanText(node.label ?? node.name ?? props.name ?? props.hostname));
    put(element, "vendor", cleanText(props.vendor ?? props.manufacturer));
    put(element, "model", cleanText(props.model ?? props.hardware, 4096));
    put(element, "site", this.site(node, props, element.id));
    const meta = scalarMeta(props, nodeMapped, element.meta ?? {});
    if (typeof props.hostname === "string" && element.name !== props.hostname.trim()) put(meta, "hostname", cleanText(props.hostname));
    const addresses = Array.isArray(node.local_addresses) ? node.local_addresses.map(idText).filter((a): a is string => a !== undefined) : [];
    if (addresses.length > 0) meta.localAddresses = addresses;
    for (const a of addresses) if (!this.byAddress.has(a)) this.byAddress.set(a, element.id);
    if (Object.keys(meta).length > 0) element.meta = meta;
  }

  private role(node: Obj, props: Obj, netjsonId: string, path: DocPath): Role {
    const text = cleanText(props.role ?? props.type ?? node.type);
    if (text === undefined) return "other";
    const lower = text.toLowerCase();
    if (roleSet.has(lower)) return lower as Role;
    this.skipped.push({ what: `role of node ${netjsonId}`, why: `\`${text}\` is not a cleanpath role (${roles.join(", ")}); set to \`other\``, location: this.doc.locate(path) });
    return "other";
  }

  /** The site a node's `site`, `country` or coordinates name; nodes at one place share it. */
  private site(node: Obj, props: Obj, elementId: string): string | undefined {
    const name = cleanText(props.site);
    const coord = coordinatesOf(node, props);
    const countryText = cleanText(props.country);
    const country = countryText === undefined ? undefined : (countryCode(countryText) ?? (/^[A-Z]{2}$/.test(countryText) ? countryText : undefined));
    if (name === undefined && coord === undefined && country === undefined) return undefined;
    const key = name !== undefined ? `name|${name}` : `at|${coord?.lat ?? ""}|${coord?.lon ?? ""}|${country ?? ""}`;
    const known = this.siteByKey.get(key);
    if (known !== undefined) return known;
    const id = this.siteIds.claim(toKey(name ?? elementId, `site-${this.siteByKey.size + 1}`));
    const site: DocSite = {};
    put(site, "name", name);
    put(site, "country", country);
    if (coord) {
      site.lat = coord.lat;
      site.lon = coord.lon;
    }
    this.sites[id] = site;
    this.siteByKey.set(key, id);
    return id;
  }

  /** The element a link end names: a node id, one of a node's addresses, or a new element. */
  end(text: string): string {
    const known = this.idOf.get(text) ?? this.byAddress.get(text);
    if (known !== undefined) return known;
    this.unlisted++;
    const element = this.element(text, "other");
    element.tags = ["unlisted"];
    return element.id;
  }
}

interface Pair {
  link: DocLink;
  cost: number | undefined;
  up: boolean;
}

/** The metric for a NetJSON cost: rounded up to a positive whole number. */
function metricOf(cost: number): number {
  return Math.min(maxMetric, Math.max(1, Math.ceil(cost)));
}

function readLinks(entries: { link: Obj; path: DocPath }[], b: Builder, doc: ParsedDocument): DocLink[] {
  const pairs = new Map<string, Pair>();
  let duplicates = 0;
  let badCosts = 0;
  for (const { link, path } of entries) {
    const source = idText(link.source);
    const target = idText(link.target);
    if (source === undefined || target === undefined) fail(`link without a \`${source === undefined ? "source" : "target"}\``, doc.locate(path));
    const a = b.end(source);
    const z = b.end(target);
    if (a === z) {
      b.skipped.push({ what: `link ${source}–${target}`, why: source === target ? "self-loop" : `self-loop once addresses are resolved (both are addresses of ${a})`, location: doc.locate(path) });
      continue;
    }
    const rawCost = link.cost ?? link.weight;
    let cost = numberOf(rawCost);
    if (rawCost !== undefined && (cost === undefined || cost < 0)) {
      badCosts++;
      cost = undefined;
    }
    const props = isObj(link.properties) ? link.properties : {};
    const up = !(typeof props.status === "string" && /^down$/i.test(props.status.trim()));
    const key = a < z ? `${a}\u0000${z}` : `${z}\u0000${a}`;
    const seen = pairs.get(key);
    if (seen !== undefined) {
      duplicates++;
      seen.up ||= up;
      if (cost !== undefined && (seen.cost === undefined || cost < seen.cost)) seen.cost = cost;
      continue;
    }
    const meta = scalarMeta(props, linkMapped);
    put(meta, "costText", cleanText(link.cost_text));
    pairs.set(key, { link: { a, b: z, meta }, cost, up });
  }
  const links: DocLink[] = [];
  let down = 0;
  for (const p of pairs.values()) {
    const meta = p.link.meta!;
    if (p.cost !== undefined) {
      p.link.metric = metricOf(p.cost);
      // The cost itself, when rounding changed it (a metric is a whole number).
      if (!Number.isInteger(p.cost)) meta.cost = p.cost;
    }
    // Re-added so that `meta` comes after `metric`, as in the other importers.
    delete p.link.meta;
    if (Object.keys(meta).length > 0) p.link.meta = meta;
    if (!p.up) {
      p.link.state = "out-of-service" satisfies State;
      down++;
    }
    links.push(p.link);
  }
  b.skipped.push(...countNote(duplicates, "duplicate link", "duplicate links", "the same pair of nodes listed again (in the other direction, or by a second address); one link kept, with the lower cost"));
  b.skipped.push(...countNote(badCosts, "link cost", "link costs", "not a non-negative number; metric left at the default 1"));
  b.skipped.push(...countNote(down, "link with status down", "links with status down", "imported with `state: out-of-service`"));
  return links;
}

/** Imports one NetJSON file (a NetworkGraph or a NetworkCollection). */
export function importNetjson(files: readonly SourceText[]): ImportResult {
  const file = singleFile("netjson", files);
  const doc = readDocument(file, { as: "json" });
  const graphs = graphsOf(doc, file.file);
  const b = new Builder(doc);
  const entries: { link: Obj; path: DocPath }[] = [];
  for (const g of graphs) {
    const nodes = Array.isArray(g.value.nodes) ? g.value.nodes : [];
    nodes.forEach((n, i) => {
      if (!isObj(n)) fail("node is not an object", doc.locate([...g.path, "nodes", i]));
      b.node(n, [...g.path, "nodes", i]);
    });
  }
  for (const g of graphs) entries.push(...linkEntries(g, doc));
  const links = readLinks(entries, b, doc);
  b.skipped.push(...countNote(b.unlisted, "link end that is not a node", "link ends that are not nodes", "neither a node id nor a node's local address; imported as elements tagged `unlisted`"));
  const first = graphs[0]?.value ?? {};
  const root = doc.value as Obj;
  const metricUnit = cleanText(first.metric);
  const protocol = cleanText(first.protocol);
  const description = [`NetJSON ${graphs.length > 1 ? `NetworkCollection of ${graphs.length} graphs` : "NetworkGraph"}`, protocol && `protocol ${protocol}`, first.router_id !== undefined && `router ${String(first.router_id)}`, metricUnit && `link metrics are ${metricUnit} costs rounded up`]
    .filter(Boolean)
    .join(", ");
  const name = cleanText(root.label ?? first.label);
  return { document: makeDocument({ name, description, sites: b.sites, elements: b.elements, links }), skipped: b.skipped };
}

export const netjson: Importer = {
  summary: "NetJSON NetworkGraph or NetworkCollection: nodes → elements, links (or legacy edges) → one link per pair",
  inputs: "one",
  extensions: [".json"],
  run: importNetjson,
};
