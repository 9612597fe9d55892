// SNDlib networks (http://sndlib.zib.de), native and XML forms, read into the same topology: nodes
// → backbone elements (and sites where the coordinates are geographical), links → links with the
// routing cost as metric. Demands and admissible paths are planning data and are not read.
import { InputError, type SourceLocation } from "../diagnostics.js";
import { lineLocator } from "../load/index.js";
import { cleanText, makeDocument, singleFile } from "./common.js";
import { IdSpace, slugify, toKey } from "./ids.js";
import type { DocElement, DocLink, DocSite, Importer, ImportResult, Skipped, SourceText } from "./types.js";
import { parseXml, type XmlElement } from "./xml.js";

interface Node {
  id: string;
  x?: number;
  y?: number;
  at: SourceLocation;
}

interface Link {
  id: string;
  source: string;
  target: string;
  routingCost: number;
  capacity: number;
  at: SourceLocation;
}

/** A network as both forms describe it; `geographical` is undefined when the form does not say. */
interface Network {
  nodes: Node[];
  links: Link[];
  geographical?: boolean;
}

const namespace = "http://sndlib.zib.de/network";
const formats = "the native format starts with `?SNDlib native format; type: network`, the XML format with `<network xmlns=\"http://sndlib.zib.de/network\">`";

function fail(message: string, location: SourceLocation): never {
  throw new InputError([{ code: "E_SNDLIB", severity: "error", message, location }]);
}

interface Token {
  text: string;
  offset: number;
}

/** Words and parentheses of the native form, without `#` comments. */
class Tokens {
  private pos = 0;
  private readonly re = /\s+|#[^\n]*|\(|\)|[^\s()#]+/gy;

  constructor(
    private readonly text: string,
    readonly locate: (offset: number) => SourceLocation,
  ) {}

  next(): Token | undefined {
    while (this.pos < this.text.length) {
      this.re.lastIndex = this.pos;
      const m = this.re.exec(this.text)!;
      const offset = this.pos;
      this.pos = this.re.lastIndex;
      const c = m[0][0]!;
      if (c === "#" || /\s/.test(c)) continue;
      return { text: m[0], offset };
    }
    return undefined;
  }

  /** The next token, which must be `want` when given; otherwise a located error naming `context`. */
  expect(context: string, opened: Token, want?: string): Token {
    const t = this.next();
    if (t === undefined) fail(`the file ends inside ${context} (opened at line ${this.locate(opened.offset).line}): is it truncated?`, this.locate(this.text.length));
    if (want !== undefined && t.text !== want) fail(`expected \`${want}\` in ${context}, found \`${t.text}\``, this.locate(t.offset));
    return t;
  }

  number(context: string, opened: Token): { value: number; token: Token } {
    const t = this.expect(context, opened);
    const value = Number(t.text);
    if (t.text === "(" || t.text === ")" || !Number.isFinite(value)) fail(`expected a number in ${context}, found \`${t.text}\``, this.locate(t.offset));
    return { value, token: t };
  }

  /** Skips to the `)` that closes a section whose `(` has just been read. */
  skipSection(context: string, opened: Token): void {
    let depth = 1;
    while (depth > 0) {
      const t = this.expect(context, opened);
      if (t.text === "(") depth++;
      else if (t.text === ")") depth--;
    }
  }
}

function readNative(file: SourceText): Network {
  const locate = lineLocator(file.file, file.text);
  const header = /^\?SNDlib native format;\s*type:\s*([\w-]+)/.exec(file.text.replace(/^\uFEFF/, ""));
  if (!header) fail(`not an SNDlib network: ${formats}`, locate(0));
  if (header[1] !== "network") fail(`an SNDlib \`${header[1]}\` file, not a network`, locate(0));
  const tokens = new Tokens(file.text, locate);
  // The header line is read as words and skipped.
  const newline = file.text.indexOf("\n");
  const headerEnd = newline === -1 ? file.text.length : newline;
  const net: Network = { nodes: [], links: [] };
  let seen = 0;
  for (let t = tokens.next(); t !== undefined && seen < 2; t = tokens.next()) {
    if (t.offset < headerEnd) continue;
    const open = tokens.expect(`section ${t.text}`, t);
    if (!/^[A-Z_]+$/.test(t.text) || open.text !== "(") fail(`expected a section (\`NODES (\`, \`LINKS (\`…), found \`${t.text}\``, locate(t.offset));
    if (t.text === "NODES") {
      readNodes(tokens, t, net);
      seen++;
    } else if (t.text === "LINKS") {
      readLinks(tokens, t, net);
      seen++;
    } else tokens.skipSection(`section ${t.text}`, t);
  }
  if (seen < 2) fail("an SNDlib network needs a NODES and a LINKS section", locate(file.text.length));
  return net;
}

function readNodes(tokens: Tokens, section: Token, net: Network): void {
  for (;;) {
    const id = tokens.expect("section NODES", section);
    if (id.text === ")") return;
    if (id.text === "(") fail("expected a node id", tokens.locate(id.offset));
    const node: Node = { id: id.text, at: tokens.locate(id.offset) };
    const open = tokens.expect(`node ${id.text}`, id, "(");
    const x = tokens.number(`the coordinates of node ${id.text}`, open).value;
    const y = tokens.number(`the coordinates of node ${id.text}`, open).value;
    tokens.expect(`the coordinates of node ${id.text}`, open, ")");
    node.x = x;
    node.y = y;
    net.nodes.push(node);
  }
}

function readLinks(tokens: Tokens, section: Token, net: Network): void {
  for (;;) {
    const id = tokens.expect("section LINKS", section);
    if (id.text === ")") return;
    if (id.text === "(") fail("expected a link id", tokens.locate(id.offset));
    const context = `link ${id.text}`;
    const open = tokens.expect(context, id, "(");
    const source = tokens.expect(context, open).text;
    const target = tokens.expect(context, open).text;
    tokens.expect(context, open, ")");
    const capacity = tokens.number(`the pre-installed capacity of ${context}`, id).value;
    tokens.number(`the pre-installed capacity cost of ${context}`, id);
    const routingCost = tokens.number(`the routing cost of ${context}`, id).value;
    tokens.number(`the setup cost of ${context}`, id);
    const modules = tokens.expect(context, id, "(");
    tokens.skipSection(`the modules of ${context}`, modules);
    net.links.push({ id: id.text, source, target, routingCost, capacity, at: tokens.locate(id.offset) });
  }
}

const child = (el: XmlElement, name: string): XmlElement | undefined => el.children.find((c) => c.local === name);

function xmlNumber(el: XmlElement, locate: (o: number) => SourceLocation): number {
  const value = Number(el.text.trim());
  if (el.text.trim() === "" || !Number.isFinite(value)) fail(`<${el.name}> must be a number, not \`${el.text.trim()}\``, locate(el.offset));
  return value;
}

const structureEnd = "</networkStructure>";

/**
 * The XML tree up to the end of `<networkStructure>`: the demands after it are most of a file
 * (and are not read, as in the native form). Anything unusual about the cut (a comment or CDATA
 * around it, another root) makes it fail, and then the whole file is parsed for the real answer.
 */
function structureTree(file: SourceText): ReturnType<typeof parseXml> {
  const end = file.text.indexOf(structureEnd);
  const root = /<(?![?!])([^\s/>]+)/.exec(file.text)?.[1];
  if (end !== -1 && root !== undefined) {
    try {
      return parseXml(file.file, `${file.text.slice(0, end + structureEnd.length)}</${root}>`);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
    }
  }
  return parseXml(file.file, file.text);
}

function readXml(file: SourceText): Network {
  const { root, locate } = structureTree(file);
  if (root.local !== "network" || (root.attrs.get("xmlns") ?? namespace) !== namespace) {
    fail(`the root element is <${root.name}>, not SNDlib's <network xmlns="${namespace}">`, locate(root.offset));
  }
  const structure = child(root, "networkStructure");
  const nodesEl = structure && child(structure, "nodes");
  const linksEl = structure && child(structure, "links");
  if (!structure || !nodesEl || !linksEl) fail("an SNDlib network needs <networkStructure> with <nodes> and <links>", locate((structure ?? root).offset));
  const type = nodesEl.attrs.get("coordinatesType");
  const net: Network = { nodes: [], links: [] };
  if (type !== undefined) net.geographical = type === "geographical";
  const need = (el: XmlElement, name: string): XmlElement => child(el, name) ?? fail(`<${el.name}> needs a <${name}>`, locate(el.offset));
  for (const n of nodesEl.children.filter((c) => c.local === "node")) {
    const id = n.attrs.get("id") ?? fail("<node> without an id", locate(n.offset));
    const node: Node = { id, at: locate(n.offset) };
    const coords = child(n, "coordinates");
    if (coords) {
      node.x = xmlNumber(need(coords, "x"), locate);
      node.y = xmlNumber(need(coords, "y"), locate);
    }
    net.nodes.push(node);
  }
  for (const l of linksEl.children.filter((c) => c.local === "link")) {
    const id = l.attrs.get("id") ?? fail("<link> without an id", locate(l.offset));
    const pre = child(l, "preInstalledModule");
    const cost = child(l, "routingCost");
    net.links.push({
      id,
      source: need(l, "source").text.trim(),
      target: need(l, "target").text.trim(),
      // The XML leaves out a routing cost of 0, and a link without pre-installed capacity.
      routingCost: cost ? xmlNumber(cost, locate) : 0,
      capacity: pre ? xmlNumber(need(pre, "capacity"), locate) : 0,
      at: locate(l.offset),
    });
  }
  return net;
}

/** A routing cost as a metric: a positive whole number, rounded up (0 and fractions of 1 → 1). */
export function metricOf(cost: number): number {
  return Math.min(1e9, Math.max(1, Math.ceil(cost - 1e-9)));
}

function networkName(file: string): string | undefined {
  const base = file.split(/[\\/]/).pop() ?? file;
  return cleanText(base.replace(/\.(txt|xml)$/i, ""));
}

/** The network → topology; both forms go through here, so they give the same file. */
function build(net: Network, file: string): ImportResult {
  const skipped: Skipped[] = [];
  const mapped: string[] = [];
  const ids = new IdSpace();
  const idOf = new Map<string, string>();
  const inRange = net.nodes.every((n) => n.x === undefined || (Math.abs(n.x) <= 180 && Math.abs(n.y!) <= 90));
  // The native form does not say whether coordinates are geographical: pixel positions run into
  // the hundreds, so a network is read as geographical only when every node is a valid position.
  const geographical = (net.geographical ?? true) && inRange;
  const sites: Record<string, DocSite> = {};
  const elements: DocElement[] = [];
  for (const n of net.nodes) {
    if (idOf.has(n.id)) fail(`node \`${n.id}\` is listed twice`, n.at);
    const id = ids.claim(toKey(n.id, `node-${slugify(n.id) || "x"}`));
    idOf.set(n.id, id);
    const element: DocElement = { id, role: "backbone" };
    if (n.x !== undefined && geographical) {
      sites[id] = { name: n.id, lat: n.y!, lon: n.x };
      element.site = id;
    } else if (n.x !== undefined) element.meta = { x: n.x, y: n.y! };
    if (id !== n.id) element.meta = { ...element.meta, sndlibId: n.id };
    elements.push(element);
  }
  if (net.nodes.some((n) => n.x !== undefined)) {
    if (geographical) mapped.push("coordinates (longitude, latitude) → one site per node");
    else {
      const why = net.geographical === false ? "the file says they are pixel positions" : "they are not longitudes and latitudes (pixel positions)";
      skipped.push({ what: "node coordinates", why: `${why}: kept as meta x/y, no sites` });
    }
  }
  const links: DocLink[] = [];
  let rounded = 0;
  let zero = 0;
  for (const l of net.links) {
    const a = idOf.get(l.source);
    const b = idOf.get(l.target);
    if (a === undefined || b === undefined) {
      skipped.push({ what: `link ${l.id}`, why: `node \`${a === undefined ? l.source : l.target}\` is not in NODES`, location: l.at });
      continue;
    }
    if (a === b) {
      skipped.push({ what: `link ${l.id}`, why: "self-loop (a link from a node to itself carries no traffic between elements)", location: l.at });
      continue;
    }
    const link: DocLink = { id: ids.claim(toKey(l.id, `link-${slugify(l.id) || "x"}`)), a, b };
    const metric = metricOf(l.routingCost);
    if (metric !== 1) link.metric = metric;
    if (l.routingCost <= 0) zero++;
    else if (metric !== l.routingCost) rounded++;
    const meta: Record<string, unknown> = {};
    if (l.routingCost > 0 && metric !== l.routingCost) meta.routingCost = l.routingCost;
    if (l.capacity > 0) meta.capacity = l.capacity;
    if (link.id !== l.id) meta.sndlibId = l.id;
    if (Object.keys(meta).length > 0) link.meta = meta;
    links.push(link);
  }
  const costed = net.links.length - zero;
  const plural = (n: number): string => `${n} link${n === 1 ? "" : "s"}`;
  if (costed === 0 && zero > 0) mapped.push(`routing cost 0 on all ${plural(zero)}: every metric left at the default 1`);
  else if (costed > 0) {
    const round = rounded > 0 ? ` (${rounded} rounded up to a whole number; the cost is kept as meta.routingCost)` : "";
    mapped.push(`routing cost → metric on ${plural(costed)}${round}${zero > 0 ? `; ${zero} with cost 0 keep the default metric 1` : ""}`);
  }
  return { document: makeDocument({ name: networkName(file), sites, elements, links }), skipped, mapped };
}

/** Imports one SNDlib network file, native or XML (told apart by their first characters). */
export function importSndlib(files: readonly SourceText[]): ImportResult {
  const file = singleFile("sndlib", files);
  const xml = /^\uFEFF?\s*</.test(file.text);
  return build(xml ? readXml(file) : readNative(file), file.file);
}

export const sndlib: Importer = {
  summary: "SNDlib networks, native (.txt) or XML: nodes → elements (and sites), links → links with the routing cost as metric",
  inputs: "one",
  extensions: [".txt", ".xml"],
  run: importSndlib,
};
