// containerlab topologies (`*.clab.yml`): nodes → elements (kind → vendor, labels → role, site,
// tags), links → links. Kind resolution follows containerlab: node, then its group, then
// `defaults` (`topology.kinds` only holds per-kind settings).
import { InputError, type SourceLocation } from "../diagnostics.js";
import { readDocument } from "../load/index.js";
import { roles, type Role } from "../topology/types.js";
import { cleanText, makeDocument, put, singleFile } from "./common.js";
import { containerlabKind } from "./containerlab-kinds.js";
import { IdSpace, isId, slugify, toKey } from "./ids.js";
import type { DocElement, DocLink, DocOperator, DocSite, Importer, ImportResult, Skipped, SourceText } from "./types.js";

type Obj = Record<string, unknown>;

const roleSet = new Set<string>(roles);
/** Endpoint names that are not nodes: the host namespace and management networks. */
const specialEnds = new Set(["host", "mgmt-net", "macvlan"]);
/** Single-ended link types: one node interface wired to something that is not a node. */
const singleEndedTypes: Record<string, string> = {
  host: "an interface in the host namespace",
  "mgmt-net": "an interface on the management network",
  macvlan: "a macvlan on a host interface",
  dummy: "a dummy interface with no peer",
  vxlan: "a VXLAN tunnel to a host outside this lab",
  "vxlan-stitch": "a VXLAN tunnel to a host outside this lab",
};
/** Labels that map to fields rather than tags. */
const fieldLabels = new Set(["role", "site", "vendor", "operator"]);

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function obj(v: unknown): Obj {
  return isObj(v) ? v : {};
}
function str(v: unknown): string | undefined {
  return typeof v === "string" || typeof v === "number" ? String(v) : undefined;
}

interface Context {
  skipped: Skipped[];
  locate: (path: readonly (string | number)[]) => SourceLocation;
  sites: Record<string, DocSite>;
  operators: Record<string, DocOperator>;
  siteIds: Map<string, string>;
  operatorIds: Map<string, string>;
  keys: IdSpace;
  /** Nodes of vendor-less kinds, by kind, and nodes left without a role: reported once each. */
  vendorless: Map<string, number>;
  noRole: number;
}

/** A named map key (site, operator) for a label value, shared by every node that uses it. */
function mapKey(value: string, ids: Map<string, string>, map: Record<string, DocSite | DocOperator>, space: IdSpace, prefix: string): string {
  const known = ids.get(value);
  if (known !== undefined) return known;
  const key = space.claim(toKey(value, `${prefix}-${ids.size + 1}`));
  ids.set(value, key);
  map[key] = key === value ? {} : { name: cleanText(value)! };
  return key;
}

function labelTags(labels: Obj): string[] {
  const tags: string[] = [];
  for (const [k, v] of Object.entries(labels)) {
    if (fieldLabels.has(k)) continue;
    const value = str(v);
    const tag = slugify(value === undefined || value === "" ? k : `${k}:${value}`);
    if (tag !== "" && isId(tag) && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

function buildElement(name: string, node: Obj, topo: Obj, ids: IdSpace, ctx: Context): DocElement {
  const at = ctx.locate(["topology", "nodes", name]);
  const group = str(node.group);
  const groupDef = group !== undefined ? obj(obj(topo.groups)[group]) : {};
  const defaults = obj(topo.defaults);
  const kind = str(node.kind) ?? str(groupDef.kind) ?? str(defaults.kind);
  const kindDef = kind !== undefined ? obj(obj(topo.kinds)[kind]) : {};
  // containerlab merges settings from the least to the most specific level.
  const labels: Obj = { ...obj(defaults.labels), ...obj(kindDef.labels), ...obj(groupDef.labels), ...obj(node.labels) };
  const image = str(node.image) ?? str(groupDef.image) ?? str(kindDef.image) ?? str(defaults.image);
  const type = str(node.type) ?? str(groupDef.type) ?? str(kindDef.type) ?? str(defaults.type);

  const info = kind !== undefined ? containerlabKind(kind) : { known: false };
  if (kind === undefined) ctx.skipped.push({ what: `kind of node ${name}`, why: "no kind on the node, its group or defaults; imported without a vendor", location: at });
  else if (!info.known) ctx.skipped.push({ what: `vendor of node ${name}`, why: `kind \`${kind}\` is not in the containerlab kind table; imported without a vendor`, location: at });
  else if (info.vendor === undefined) ctx.vendorless.set(kind, (ctx.vendorless.get(kind) ?? 0) + 1);

  let role: Role = info.role ?? "other";
  const roleLabel = str(labels.role)?.trim().toLowerCase();
  if (roleLabel !== undefined && roleSet.has(roleLabel)) role = roleLabel as Role;
  else if (roleLabel !== undefined) ctx.skipped.push({ what: `role label of node ${name}`, why: `\`${roleLabel}\` is not a cleanpath role (${roles.join(", ")}); kept as a tag`, location: at });
  else if (info.role === undefined) ctx.noRole++;

  const id = ids.claim(isId(name) ? name : toKey(name, "node"));
  const element: DocElement = id === name ? { id, role } : { id, name: cleanText(name)!, role };
  put(element, "vendor", cleanText(str(labels.vendor)) ?? info.vendor);
  if (info.vendor !== undefined) put(element, "model", cleanText(type, 4096));
  const operator = cleanText(str(labels.operator));
  if (operator !== undefined) element.operator = mapKey(operator, ctx.operatorIds, ctx.operators, ctx.keys, "operator");
  const site = cleanText(str(labels.site));
  if (site !== undefined) element.site = mapKey(site, ctx.siteIds, ctx.sites, ctx.keys, "site");
  const tags = labelTags(labels);
  if (roleLabel !== undefined && !roleSet.has(roleLabel) && isId(slugify(`role:${roleLabel}`))) tags.unshift(slugify(`role:${roleLabel}`));
  if (tags.length > 0) element.tags = tags;
  const meta: Record<string, unknown> = {};
  put(meta, "kind", kind);
  put(meta, "image", image);
  put(meta, "group", group);
  if (info.vendor === undefined) put(meta, "type", type);
  if (Object.keys(meta).length > 0) element.meta = meta;
  return element;
}

interface End {
  node: string;
  iface: string;
}

function parseBriefEnd(text: unknown): End | string {
  if (typeof text !== "string") return "an endpoint is not a string";
  const colon = text.indexOf(":");
  // Split at the first colon: interface names may contain `/` and `:` (1/1/c1/1, ethernet-1/1).
  if (colon <= 0 || colon === text.length - 1) return `endpoint \`${text}\` is not \`node:interface\``;
  return { node: text.slice(0, colon), iface: text.slice(colon + 1) };
}

/** The two ends of a link entry, or why it cannot be a link between two nodes. */
function linkEnds(link: Obj): [End, End] | string {
  const type = str(link.type);
  if (type !== undefined && Object.hasOwn(singleEndedTypes, type)) return `single-ended \`type: ${type}\` link: ${singleEndedTypes[type]}, not another node`;
  if (type !== undefined && type !== "veth") return `unsupported link \`type: ${type}\``;
  const eps = link.endpoints;
  if (!Array.isArray(eps) || eps.length !== 2) return "`endpoints` is not a list of two ends";
  const ends = eps.map((e): End | string => {
    if (typeof e === "string") return parseBriefEnd(e);
    const o = obj(e);
    const node = str(o.node);
    return node === undefined ? "an endpoint has no `node`" : { node, iface: str(o.interface) ?? "" };
  });
  const problem = ends.find((e) => typeof e === "string");
  if (typeof problem === "string") return problem;
  return ends as [End, End];
}

function buildLink(link: Obj, i: number, idOf: Map<string, string>, ctx: Context): DocLink | undefined {
  const at = ctx.locate(["topology", "links", i]);
  const what = `link ${i + 1}`;
  const ends = linkEnds(link);
  if (typeof ends === "string") {
    ctx.skipped.push({ what, why: ends, location: at });
    return undefined;
  }
  const [a, b] = ends;
  const special = [a, b].find((e) => specialEnds.has(e.node));
  if (special) {
    ctx.skipped.push({ what: `${what} (${a.node}:${a.iface} – ${b.node}:${b.iface})`, why: `\`${special.node}:\` end is the ${special.node === "host" ? "host namespace" : "management network"}, not a node`, location: at });
    return undefined;
  }
  const missing = [a, b].find((e) => !idOf.has(e.node));
  if (missing) {
    ctx.skipped.push({ what: `${what} (${a.node}:${a.iface} – ${b.node}:${b.iface})`, why: `node \`${missing.node}\` is not defined in this file`, location: at });
    return undefined;
  }
  if (a.node === b.node) {
    ctx.skipped.push({ what: `${what} (${a.node}:${a.iface} – ${b.node}:${b.iface})`, why: "self-loop: both ends on the same node", location: at });
    return undefined;
  }
  const out: DocLink = { a: idOf.get(a.node)!, b: idOf.get(b.node)! };
  const meta: Record<string, unknown> = {};
  put(meta, "aInterface", cleanText(a.iface));
  put(meta, "bInterface", cleanText(b.iface));
  if (Object.keys(meta).length > 0) out.meta = meta;
  return out;
}

function summaryNotes(ctx: Context): Skipped[] {
  const out: Skipped[] = [];
  for (const [kind, count] of [...ctx.vendorless].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    const note = containerlabKind(kind).note ?? "a vendor-less kind";
    out.push({ what: `vendor of ${count} \`${kind}\` node${count === 1 ? "" : "s"}`, why: `${note}: no vendor, so it counts as unknown unless --vendor-map gives one` });
  }
  if (ctx.noRole > 0) {
    out.push({ what: `role of ${ctx.noRole} node${ctx.noRole === 1 ? "" : "s"}`, why: "no `role` label; set to `other` (add `labels: {role: core}` to the node or use --vendor-map)" });
  }
  return out;
}

/** Imports one containerlab topology file. */
export function importContainerlab(files: readonly SourceText[]): ImportResult {
  const file = singleFile("containerlab", files);
  // Nodes and links sit three levels down (topology.nodes.<name>): record their positions in the one pass.
  const { value: data, locate } = readDocument(file, { as: "yaml", depth: 3 });
  if (!isObj(data) || !isObj(data.topology)) {
    throw new InputError([{ code: "E_CLAB", severity: "error", message: "not a containerlab topology: no `topology:` map", location: { file: file.file, line: 1, column: 1 } }]);
  }
  const topo = data.topology;
  if (topo.nodes !== undefined && topo.nodes !== null && !isObj(topo.nodes)) {
    throw new InputError([{ code: "E_CLAB", severity: "error", message: "`topology.nodes` must be a map of node names", location: locate(["topology", "nodes"]) }]);
  }
  const ctx: Context = { skipped: [], locate, sites: {}, operators: {}, siteIds: new Map(), operatorIds: new Map(), keys: new IdSpace(), vendorless: new Map(), noRole: 0 };
  const ids = new IdSpace();
  const idOf = new Map<string, string>();
  const elements: DocElement[] = [];
  for (const [name, node] of Object.entries(obj(topo.nodes))) {
    const element = buildElement(name, obj(node), topo, ids, ctx);
    idOf.set(name, element.id);
    elements.push(element);
  }
  const links: DocLink[] = [];
  const rawLinks = Array.isArray(topo.links) ? topo.links : [];
  rawLinks.forEach((l, i) => {
    const link = buildLink(obj(l), i, idOf, ctx);
    if (link) links.push(link);
  });
  const skipped = [...ctx.skipped, ...summaryNotes(ctx)];
  return { document: makeDocument({ name: cleanText(str(data.name)), operators: ctx.operators, sites: ctx.sites, elements, links }), skipped };
}

export const containerlab: Importer = {
  summary: "containerlab lab (*.clab.yml): kind → vendor, labels → role/site/tags, links between nodes",
  inputs: "one",
  extensions: [".yml", ".yaml"],
  run: importContainerlab,
};
