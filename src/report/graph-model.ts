import { type AuditResult, HIGH, type ItemInfo, type ItemRisks, type PairResult, type Reason, UNKNOWN } from "../result.js";
import { errorAt, InputError } from "../diagnostics.js";
import type { Topology } from "../topology/types.js";
import { itemAt } from "../topology/underlay.js";
import { safe } from "./context.js";
import { hopsAtEachEnd, LinksByEnds, maxHopsShown, maxLinksPerHop, thousands } from "./elide.js";
import { closureOf, closureShown } from "./underlay.js";

/**
 * A drawing of part of a network, independent of the output language: the graph command turns it
 * into DOT, Mermaid or SVG, the HTML report into SVG. Node keys are synthetic (`n0`, `n1`…) so that
 * no id from a topology ever becomes syntax in DOT, Mermaid or SVG; ids travel only in labels.
 */
export interface Diagram {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  /** What a drawing of a huge pair leaves out (pairDiagram only): hops of long paths, parallel links. */
  omitted?: { hops: number; links: number };
  /** Node keys laid out side by side (one rank): an item and what it rests on, drawn beneath it. */
  ranks?: string[][];
  /** Underlay layers (SPEC §4.1), drawn as boxes: layer 1 is what the service layer rests on, and so on. */
  layers?: { label: string; keys: string[] }[];
}

export type DiagramRisk = "high" | "unknown" | "clean";
export type DiagramState = "in-service" | "planned" | "out-of-service";

export interface DiagramNode {
  key: string;
  id: string;
  /** Lines under the id: vendor and role, the designation's first reason. */
  detail: string[];
  /** Everything a reader hovering over it should know (reasons with sources). */
  tooltip: string;
  risk: DiagramRisk;
  state: DiagramState;
  endpoint: boolean;
  /** Stands for hops left out of the drawing (drawn dashed). */
  elided?: true;
  /** The middle of a link that rests on an underlay: where the dashed "rests on" edges start (drawn as a dot). */
  junction?: true;
  /** Drawn as underlay: something a path item rests on, not on the path itself. */
  underlay?: true;
}

export interface DiagramEdge {
  /** Node keys. */
  a: string;
  b: string;
  /** Link id, when the edge is a known link. */
  id?: string;
  label?: string;
  tooltip: string;
  risk: DiagramRisk;
  state: DiagramState;
  directed: boolean;
  /** On a routed (ECMP) path, on the clean alternative. */
  routed: boolean;
  clean: boolean;
  /** Joins a node standing for left-out hops, or stands for left-out parallel links (drawn dashed). */
  elided?: true;
  /** "Rests on": from an item (or a link's junction) to an item of its underlay (drawn dashed, with an arrow). */
  restsOn?: true;
}

/** `vendor huawei — FCC Covered List, added 2021-03-12` (one reason, plain text, control characters removed). */
export function reasonText(r: Reason): string {
  return `${r.kind} ${safe(r.value)}${r.via ? ` (${safe(r.via)})` : ""} — ${safe(r.source)}${r.confidence ? " [unverified]" : ""}`;
}

function riskWord(risk: DiagramRisk): string {
  return risk === "high" ? "high-risk" : risk === "unknown" ? "unknown vendor" : "clean";
}

class Builder {
  readonly nodes: DiagramNode[] = [];
  readonly edges: DiagramEdge[] = [];
  private readonly keys = new Map<string, string>();

  key(id: string): string | undefined {
    return this.keys.get(id);
  }

  /** Item ids (as written, before any cleaning for labels) with their node keys, in the order they were added. */
  ids(): IterableIterator<[string, string]> {
    return this.keys.entries();
  }

  node(id: string, make: (key: string) => DiagramNode): string {
    const known = this.keys.get(id);
    if (known !== undefined) return known;
    const key = this.fresh(make);
    this.keys.set(id, key);
    return key;
  }

  /** A node that stands for no item (left-out hops): never found by an id. */
  fresh(make: (key: string) => DiagramNode): string {
    const key = `n${this.nodes.length}`;
    this.nodes.push(make(key));
    return key;
  }
}

function nodeFromItem(key: string, id: string, it: ItemInfo | undefined, endpoint: boolean): DiagramNode {
  const risk: DiagramRisk = it?.risk ?? "clean";
  const detail = detailLines(it?.vendorId ?? it?.vendor, it?.role, risk, it?.reasons ?? [], "in-service");
  return {
    key,
    id: safe(id),
    detail,
    tooltip: tooltipOf(safe(id), risk, it?.reasons ?? []),
    risk,
    state: "in-service",
    endpoint,
  };
}

/** `vendor · role`, then the first reason unless it only repeats the vendor, then the state when not in service. */
function detailLines(vendor: string | undefined, role: string | undefined, risk: DiagramRisk, reasons: readonly Reason[], state: DiagramState): string[] {
  const what = [vendor, role].filter((x): x is string => x !== undefined).map(safe);
  const out = what.length > 0 ? [what.join(" · ")] : [];
  const first = reasons[0];
  if (risk !== "clean" && first && !(first.kind === "vendor" && first.value === vendor)) out.push(shortReason(first));
  if (state !== "in-service") out.push(state);
  return out;
}

function shortReason(r: Reason): string {
  return `${r.kind}: ${safe(r.value)}`;
}

function tooltipOf(id: string, risk: DiagramRisk, reasons: readonly Reason[]): string {
  const head = `${id}: ${riskWord(risk)}`;
  return reasons.length > 0 ? `${head}\n${reasons.map(reasonText).join("\n")}` : head;
}

/** The worst of two risks. */
function worse(a: DiagramRisk, b: DiagramRisk): DiagramRisk {
  return a === "high" || b === "high" ? "high" : a === "unknown" || b === "unknown" ? "unknown" : "clean";
}

/** `12 high-risk, 3 of unknown vendor among them`, or nothing. */
function riskCounts(high: number, unknown: number): string[] {
  const parts = [high > 0 ? `${thousands(high)} high-risk` : "", unknown > 0 ? `${thousands(unknown)} of unknown vendor` : ""].filter(Boolean);
  return parts.length > 0 ? [`${parts.join(", ")} among them`] : [];
}

/**
 * One pair drawn from a saved result alone: its routed (ECMP) paths and its clean alternative,
 * each link once, risky hops marked. Links are found among the items the pair mentions. Graphviz
 * cannot lay out 10^5 nodes in any useful time (nor would anyone read them), so a long path is
 * drawn as its two ends (elide.ts) joined by one dashed node that counts the hops and risky items
 * left out, and a hop over many parallel links draws a few and one dashed edge for the rest.
 */
export function pairDiagram(result: AuditResult, pair: PairResult): Diagram {
  const b = new Builder();
  const paths = pair.routed?.paths ?? [];
  const clean = pair.cleanAlternative;
  // The parts of each path that are drawn: all of a short path, the two ends of a long one.
  const windows = (path: readonly string[]): [number, number][] =>
    path.length > maxHopsShown ? [[0, hopsAtEachEnd], [path.length - hopsAtEachEnd, path.length]] : [[0, path.length]];
  const drawn = new Set<string>();
  for (const path of clean ? [...paths, clean.path] : paths) for (const [from, to] of windows(path)) for (let k = from; k < to; k++) drawn.add(path[k]!);
  // Links by their ends, for each kind of path: those drawn, and the risky ones (counted in a gap).
  // Clean links with an end that is not drawn are never looked up, and a long path has millions.
  const keep = (it: ItemInfo): boolean => it.type === "link" && (it.risk !== "clean" || (drawn.has(it.a!) && drawn.has(it.b!)));
  const byKind = { routed: new LinksByEnds(pair.routed?.items ?? [], result, keep), clean: new LinksByEnds(clean?.links ?? [], result, keep) };
  const omitted = { hops: 0, links: 0 };
  const addNode = (id: string): string =>
    b.node(id, (key) => nodeFromItem(key, id, result.items[id], id === pair.from || id === pair.to));
  addNode(pair.from);
  const edgeIndex = new Map<string, DiagramEdge>();
  const moreEdges = new Map<string, DiagramEdge>();
  const mark = (e: DiagramEdge, kind: Kind): void => {
    if (kind === "routed") e.routed = true;
    else e.clean = true;
  };
  const hop = (u: string, v: string, kind: Kind): void => {
    const ku = addNode(u);
    const kv = addNode(v);
    const all = byKind[kind].between(u, v);
    const ids = all.slice(0, maxLinksPerHop);
    for (const id of ids.length > 0 ? ids : [`${u}\u0000${v}`]) {
      const known = ids.length > 0;
      const edgeKey = known ? id : endsKey(u, v);
      let e = edgeIndex.get(edgeKey);
      if (!e) {
        const it = known ? result.items[id] : undefined;
        const risk: DiagramRisk = it?.risk ?? "clean";
        e = {
          a: ku,
          b: kv,
          ...(known ? { id: safe(id) } : {}),
          ...(it && risk !== "clean" ? { label: `${safe(id)}${it.reasons[0] ? `\n${shortReason(it.reasons[0])}` : ""}` } : {}),
          tooltip: known ? tooltipOf(safe(id), risk, it?.reasons ?? []) : `${safe(u)} – ${safe(v)}`,
          risk,
          state: "in-service",
          directed: false,
          routed: false,
          clean: false,
        };
        edgeIndex.set(edgeKey, e);
        b.edges.push(e);
      }
      mark(e, kind);
    }
    if (all.length > ids.length) {
      const key = endsKey(u, v);
      let e = moreEdges.get(key);
      if (!e) {
        const rest = all.slice(ids.length);
        omitted.links += rest.length;
        const label = plural(rest.length, "more link");
        const risk = rest.reduce<DiagramRisk>((w, l) => worse(w, result.items[l]?.risk ?? "clean"), "clean");
        e = { a: ku, b: kv, label, tooltip: `${label} join ${safe(u)} and ${safe(v)}: the JSON result lists them`, risk, state: "in-service", directed: false, routed: false, clean: false, elided: true };
        moreEdges.set(key, e);
        b.edges.push(e);
      }
      mark(e, kind);
    }
  };
  /** The hops path[from..to] (inclusive) as one dashed node, with the risky items among them counted. */
  const gap = (path: readonly string[], from: number, to: number, kind: Kind): void => {
    const n = to - from + 1;
    let high = 0;
    let unknown = 0;
    let risk: DiagramRisk = "clean";
    const count = (r: DiagramRisk | undefined): void => {
      if (r === "high") high++;
      else if (r === "unknown") unknown++;
      if (r !== undefined) risk = worse(risk, r);
    };
    for (let k = from; k <= to + 1; k++) {
      if (k <= to) count(result.items[path[k]!]?.risk);
      for (const l of byKind[kind].between(path[k - 1]!, path[k]!)) count(result.items[l]?.risk);
    }
    const before = addNode(path[from - 1]!);
    const after = addNode(path[to + 1]!);
    omitted.hops += n;
    const text = `${plural(n, "hop")} not drawn`;
    const g = b.fresh((key) => ({
      key,
      id: `… ${text} …`,
      detail: riskCounts(high, unknown),
      tooltip: `${text} (the JSON result lists every hop)${riskCounts(high, unknown).map((x) => `\n${x}`).join("")}`,
      risk,
      state: "in-service",
      endpoint: false,
      elided: true,
    }));
    const edge = (a: string, z: string): DiagramEdge => ({ a, b: z, tooltip: text, risk: "clean", state: "in-service", directed: false, routed: kind === "routed", clean: kind === "clean", elided: true });
    b.edges.push(edge(before, g), edge(g, after));
  };
  const walk = (path: readonly string[], kind: Kind): void => {
    const parts = windows(path);
    parts.forEach(([from, to], i) => {
      if (i > 0) gap(path, parts[i - 1]![1], from - 1, kind);
      for (let k = from + 1; k < to; k++) hop(path[k - 1]!, path[k]!, kind);
    });
  };
  for (const path of paths) walk(path, "routed");
  if (clean) walk(clean.path, "clean");
  addNode(pair.to);
  const ranks = drawUnderlay(b, result, edgeIndex);
  return { nodes: b.nodes, edges: b.edges, ...(omitted.hops + omitted.links > 0 ? { omitted } : {}), ...(ranks.length > 0 ? { ranks } : {}) };
}

/**
 * The underlay beneath a pair's drawn hops (SPEC §4.1): each drawn link that rests on something
 * gets a junction in its middle, and each such link or inner element the closure items named
 * under it (risky first, at most maxClosureShown, and one dashed node for the rest), side by side
 * with it, with a dashed edge to what each rests on directly. Returns the ranks to lay out.
 */
function drawUnderlay(b: Builder, r: AuditResult, links: ReadonlyMap<string, DiagramEdge>): string[][] {
  const carriers: { key: string; id: string }[] = [];
  const endpoints = new Set(b.nodes.filter((n) => n.endpoint).map((n) => n.key));
  // Elements first, then links, each in the order drawn: keys are raw ids (labels hold cleaned ones).
  for (const [id, key] of b.ids()) if (!endpoints.has(key) && closureOf(id, r).length > 0) carriers.push({ key, id });
  for (const [id, e] of links) {
    if (e.id === undefined || closureOf(id, r).length === 0) continue;
    const j = b.fresh((key) => ({ key, id: "", detail: [], tooltip: `${safe(id)}: rests on ${closureOf(id, r).map(safe).join(", ")}`, risk: "clean", state: "in-service", endpoint: false, junction: true }));
    const { label: _label, ...rest } = e;
    b.edges.push({ ...rest, a: j });
    e.b = j;
    carriers.push({ key: j, id });
  }
  const ranks: string[][] = [];
  const seen = new Set<string>();
  const restsOn = (a: string, z: string, risk: DiagramRisk, tooltip: string): void => {
    if (seen.has(`${a}\u0000${z}`)) return;
    seen.add(`${a}\u0000${z}`);
    b.edges.push({ a, b: z, tooltip, risk, state: "in-service", directed: true, routed: false, clean: false, restsOn: true });
  };
  for (const c of carriers) {
    const { shown, more } = closureShown(c.id, r);
    const keys = shown.map((id) => b.node(id, (key) => ({ ...nodeFromItem(key, id, r.items[id], false), detail: underlayDetail(r.items[id]), underlay: true })));
    // What each rests on directly: its closure less what the rest of its closure rests on.
    const direct = (id: string, among: readonly string[]): string[] => {
      const mine = new Set(closureOf(id, r));
      const deeper = new Set<string>();
      for (const x of among) if (mine.has(x)) for (const y of closureOf(x, r)) deeper.add(y);
      return among.filter((x) => mine.has(x) && !deeper.has(x));
    };
    const below = (id: string, key: string, among: readonly string[]): void => {
      for (const x of direct(id, among)) restsOn(key, b.key(x)!, r.items[x]?.risk ?? "clean", `${safe(id)} rests on ${safe(x)}`);
    };
    below(c.id, c.key, shown);
    for (const id of shown) below(id, b.key(id)!, shown);
    const group = [c.key, ...keys];
    if (more > 0) {
      const text = `${plural(more, "more underlay item")}`;
      const m = b.fresh((key) => ({ key, id: `… ${text}`, detail: [], tooltip: `${text} under ${safe(c.id)}: the JSON result lists them`, risk: "clean", state: "in-service", endpoint: false, elided: true, underlay: true }));
      restsOn(c.key, m, "clean", text);
      group.push(m);
    }
    ranks.push(group);
  }
  return ranks;
}

/** `huawei · optical link` or `huawei · datacenter`: what an underlay item is, and its first reason when that is not its vendor. */
function underlayDetail(it: ItemInfo | undefined): string[] {
  const what = it?.type === "link" ? `${it.medium ? `${it.medium} ` : ""}link` : it?.role;
  return detailLines(it?.vendorId ?? it?.vendor, what, it?.risk ?? "clean", it?.reasons ?? [], "in-service");
}

type Kind = "routed" | "clean";

function plural(n: number, word: string): string {
  return `${thousands(n)} ${n === 1 ? word : `${word}s`}`;
}

function endsKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

export interface TopologyDiagramOptions {
  /** Refuse (with a clear message) to draw more elements than this. */
  maxNodes: number;
}

/**
 * The topology, or — when pairs are given — the neighbourhood of their routed paths, clean
 * alternatives, exposure and remediation: those elements and every link between them. Risky
 * items red with their reasons, unknown amber, items not in service dashed.
 */
export function topologyDiagram(topology: Topology, d: ItemRisks, pairs: readonly PairResult[], options: TopologyDiagramOptions): Diagram {
  const routed = new Set<string>();
  const clean = new Set<string>();
  let chosen: Set<number> | undefined;
  if (pairs.length > 0) {
    chosen = new Set<number>();
    const addElement = (id: string): void => {
      const i = topology.elementIndex.get(id);
      if (i !== undefined) chosen!.add(i);
    };
    const addItem = (id: string): void => {
      const li = topology.linkIndex.get(id);
      if (li === undefined) return addElement(id);
      const l = topology.links[li]!;
      chosen!.add(l.ai).add(l.bi);
    };
    for (const p of pairs) {
      addElement(p.from);
      addElement(p.to);
      for (const path of p.routed?.paths ?? []) for (const id of path) addElement(id);
      for (const id of p.routed?.items ?? []) routed.add(id);
      for (const id of p.cleanAlternative?.path ?? []) addElement(id);
      for (const id of p.cleanAlternative?.links ?? []) clean.add(id);
      for (const id of p.exposure.items) addItem(id);
      for (const id of p.remediation?.items ?? []) addItem(id);
    }
    // What the drawn items rest on is drawn too (SPEC §4.1), a link with its two ends.
    if (hasUnderlay(topology)) for (const id of closureIds(topology, [...chosen], [...routed, ...clean])) addItem(id);
  }
  const count = chosen ? chosen.size : topology.elements.length;
  if (count > options.maxNodes) {
    const what = chosen ? `the neighbourhood of the chosen pairs has ${count} elements` : `the topology has ${count} elements`;
    throw new InputError([
      errorAt(
        "E_TOO_LARGE",
        `${what}, more than --max-nodes ${options.maxNodes}: ${chosen ? "choose fewer pairs" : "pick a flow (--flow ID) or a pair (--from A --to B) to draw its neighbourhood"}, or raise --max-nodes`,
      ),
    ]);
  }
  const endpoints = new Set(pairs.flatMap((p) => [p.from, p.to]));
  const b = new Builder();
  const indices = chosen ? [...chosen].sort((x, y) => x - y) : topology.elements.map((_, i) => i);
  for (const i of indices) {
    const el = topology.elements[i]!;
    b.node(el.id, (key) => {
      const risk = levelOf(d.elements[i]!);
      const reasons = d.reasons("element", i);
      const vendor = d.vendorId("element", i) ?? el.vendor;
      const detail = detailLines(vendor, el.role, risk, reasons, el.state);
      return { key, id: safe(el.id), detail, tooltip: tooltipOf(safe(el.id), risk, reasons), risk, state: el.state, endpoint: endpoints.has(el.id) };
    });
  }
  const linkEdges = new Map<number, DiagramEdge>();
  topology.links.forEach((l, li) => {
    const ka = b.key(l.a);
    const kb = b.key(l.b);
    if (ka === undefined || kb === undefined) return;
    const risk = levelOf(d.links[li]!);
    const reasons = d.reasons("link", li);
    const label = risk !== "clean" ? `${safe(l.id)}${reasons[0] ? `\n${shortReason(reasons[0])}` : ""}` : undefined;
    b.edges.push({
      a: ka,
      b: kb,
      id: safe(l.id),
      ...(label !== undefined ? { label } : {}),
      tooltip: tooltipOf(safe(l.id), risk, reasons) + (l.state !== "in-service" ? `\n${l.state}` : ""),
      risk,
      state: l.state,
      directed: l.direction === "forward",
      routed: routed.has(l.id),
      clean: clean.has(l.id),
    });
    linkEdges.set(li, b.edges[b.edges.length - 1]!);
  });
  const layers = hasUnderlay(topology) ? drawLayers(topology, b, linkEdges) : [];
  return { nodes: b.nodes, edges: b.edges, ...(layers.length > 0 ? { layers } : {}) };
}

function hasUnderlay(t: Topology): boolean {
  return t.underlay !== undefined || t.elements.some((e) => e.underlay !== undefined) || t.links.some((l) => l.underlay !== undefined);
}

/** Item index (elements 0..E-1, links E..) of a written underlay id, or undefined for an unknown one. */
function itemIndex(t: Topology, id: string): number | undefined {
  const e = t.elementIndex.get(id);
  if (e !== undefined) return e;
  const l = t.linkIndex.get(id);
  return l !== undefined ? t.elements.length + l : undefined;
}

/** The written underlay of item `i`, resolved to item indices (unknown ids are left out: validation reports them). */
function directUnderlay(t: Topology, i: number): number[] {
  const E = t.elements.length;
  const written = i < E ? t.elements[i]!.underlay : t.links[i - E]!.underlay;
  const out: number[] = [];
  for (const id of written ?? []) {
    const x = itemIndex(t, id);
    if (x !== undefined) out.push(x);
  }
  return out;
}

/** Ids of everything the given elements (indices) and links (ids) rest on: their closures, each id once. */
function closureIds(t: Topology, elements: readonly number[], links: readonly string[]): string[] {
  const under = t.underlay;
  if (under === undefined) return [];
  const E = t.elements.length;
  const from = [...elements];
  for (const id of links) {
    const li = t.linkIndex.get(id);
    if (li !== undefined) from.push(E + li);
  }
  const seen = new Set<number>();
  const out: string[] = [];
  for (const i of from) {
    for (let k = under.start[i]!; k < under.start[i + 1]!; k++) {
      const x = under.items[k]!;
      if (seen.has(x)) continue;
      seen.add(x);
      out.push(itemAt(t, x).id);
    }
  }
  return out;
}

/**
 * Underlay layers (SPEC §4.1) of a topology drawing: an item's layer is one more than the deepest
 * item resting on it (the service layer, which nothing rests on, is 0), so the optical layer is 1
 * and the ducts under it 2. Elements of layer 1 and deeper go in one box per layer; every drawn
 * item gets a dashed arrow to each drawn item it rests on, from a dot in the middle of a link.
 */
function drawLayers(t: Topology, b: Builder, linkEdges: ReadonlyMap<number, DiagramEdge>): { label: string; keys: string[] }[] {
  const E = t.elements.length;
  const n = E + t.links.length;
  const under: number[][] = [];
  const carriers = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    under.push(directUnderlay(t, i));
    for (const x of under[i]!) carriers[x]!++;
  }
  // Longest distance from the top, in topological order (Kahn): cycles are input errors, never here.
  const layer = new Int32Array(n);
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (carriers[i] === 0) queue.push(i);
  for (let q = 0; q < queue.length; q++) {
    const i = queue[q]!;
    for (const x of under[i]!) {
      if (layer[i]! + 1 > layer[x]!) layer[x] = layer[i]! + 1;
      if (--carriers[x]! === 0) queue.push(x);
    }
  }
  const keyOf = (i: number): string | undefined => (i < E ? b.key(t.elements[i]!.id) : junction(i - E));
  const junctions = new Map<number, string>();
  // The colour of an arrow is the risk of what it points at (a dot: its link's).
  const riskOf = new Map<string, DiagramRisk>(b.nodes.map((x) => [x.key, x.risk]));
  /** The dot in the middle of a drawn link, made on first use by splitting its edge in two. */
  function junction(li: number): string | undefined {
    const known = junctions.get(li);
    if (known !== undefined) return known;
    const e = linkEdges.get(li);
    if (!e) return undefined;
    const j = b.fresh((key) => ({ key, id: "", detail: [], tooltip: `${e.id ?? ""}: rests on ${t.links[li]!.underlay?.map(safe).join(", ") ?? "nothing"}`, risk: "clean", state: e.state, endpoint: false, junction: true }));
    const { label: _label, ...rest } = e;
    b.edges.push({ ...rest, a: j });
    e.b = j;
    junctions.set(li, j);
    riskOf.set(j, e.risk);
    return j;
  }
  const deepest = layer.reduce((m, x) => Math.max(m, x), 0);
  const boxes: string[][] = Array.from({ length: deepest }, () => []);
  for (let i = 0; i < n; i++) {
    if (under[i]!.length === 0) continue;
    const from = keyOf(i);
    if (from === undefined) continue;
    for (const x of under[i]!) {
      const to = keyOf(x);
      if (to === undefined) continue;
      const risk = riskOf.get(to) ?? "clean";
      const name = (k: number): string => safe(k < E ? t.elements[k]!.id : t.links[k - E]!.id);
      b.edges.push({ a: from, b: to, tooltip: `${name(i)} rests on ${name(x)}`, risk, state: "in-service", directed: true, routed: false, clean: false, restsOn: true });
    }
  }
  for (let i = 0; i < E; i++) {
    const key = layer[i]! > 0 ? b.key(t.elements[i]!.id) : undefined;
    if (key !== undefined) boxes[layer[i]! - 1]!.push(key);
  }
  // A link's dot sits in the box of its two ends when they share one.
  for (const [li, key] of junctions) {
    const l = t.links[li]!;
    if (layer[l.ai]! > 0 && layer[l.ai] === layer[l.bi]) boxes[layer[l.ai]! - 1]!.push(key);
  }
  return boxes.map((keys, k) => ({ label: `underlay layer ${k + 1}`, keys })).filter((x) => x.keys.length > 0);
}

function levelOf(level: number): DiagramRisk {
  return level === HIGH ? "high" : level === UNKNOWN ? "unknown" : "clean";
}
