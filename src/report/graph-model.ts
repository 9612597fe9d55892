import { type AuditResult, HIGH, type ItemInfo, type ItemRisks, type PairResult, type Reason, UNKNOWN } from "../result.js";
import { errorAt, InputError } from "../diagnostics.js";
import type { Topology } from "../topology/types.js";
import { safe } from "./context.js";

/**
 * A drawing of part of a network, independent of the output language: the graph command turns it
 * into DOT, Mermaid or SVG, the HTML report into SVG. Node keys are synthetic (`n0`, `n1`…) so that
 * no id from a topology ever becomes syntax in DOT, Mermaid or SVG; ids travel only in labels.
 */
export interface Diagram {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
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

  node(id: string, make: (key: string) => DiagramNode): string {
    const known = this.keys.get(id);
    if (known !== undefined) return known;
    const key = `n${this.nodes.length}`;
    this.keys.set(id, key);
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

/**
 * One pair drawn from a saved result alone: its routed (ECMP) paths and its clean alternative,
 * each link once, risky hops marked. Links are found among the items the pair mentions.
 */
export function pairDiagram(result: AuditResult, pair: PairResult): Diagram {
  const b = new Builder();
  const paths = pair.routed?.paths ?? [];
  const routedLinks = new Set(pair.routed?.items ?? []);
  const cleanLinks = new Set(pair.cleanAlternative?.links ?? []);
  // Ends of every link the pair mentions, keyed by the unordered pair of element ids.
  const linksBetween = new Map<string, string[]>();
  for (const id of [...routedLinks, ...cleanLinks]) {
    const it = result.items[id];
    if (it?.type !== "link" || it.a === undefined || it.b === undefined) continue;
    const k = endsKey(it.a, it.b);
    const list = linksBetween.get(k) ?? [];
    if (!list.includes(id)) list.push(id);
    linksBetween.set(k, list);
  }
  const addNode = (id: string): string =>
    b.node(id, (key) => nodeFromItem(key, id, result.items[id], id === pair.from || id === pair.to));
  addNode(pair.from);
  const edgeIndex = new Map<string, DiagramEdge>();
  const walk = (path: readonly string[], kind: "routed" | "clean", allowed: ReadonlySet<string>): void => {
    for (let k = 1; k < path.length; k++) {
      const u = path[k - 1]!;
      const v = path[k]!;
      const ku = addNode(u);
      const kv = addNode(v);
      const ids = (linksBetween.get(endsKey(u, v)) ?? []).filter((l) => allowed.has(l));
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
        if (kind === "routed") e.routed = true;
        else e.clean = true;
      }
    }
  };
  for (const path of paths) walk(path, "routed", routedLinks);
  if (pair.cleanAlternative) walk(pair.cleanAlternative.path, "clean", cleanLinks);
  addNode(pair.to);
  return { nodes: b.nodes, edges: b.edges };
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
  });
  return { nodes: b.nodes, edges: b.edges };
}

function levelOf(level: number): DiagramRisk {
  return level === HIGH ? "high" : level === UNKNOWN ? "unknown" : "clean";
}
