import { instance } from "@viz-js/viz";
import { beforeAll, describe, expect, it } from "vitest";
import { designate } from "../../src/policy/designation.js";
import { defaultRiskSpec } from "../../src/policy/risk-spec.js";
import { dotString, toDot } from "../../src/report/graph-dot.js";
import { toMermaid } from "../../src/report/graph-mermaid.js";
import { type Diagram, pairDiagram, topologyDiagram } from "../../src/report/graph-model.js";
import { loadGraphviz, svgDocument, trimSvg } from "../../src/report/graphviz.js";
import { buildTopology } from "../../src/topology/index.js";
import { loadFiles } from "../../src/load/index.js";
import { audit } from "../../src/audit/index.js";
import { checkMermaid } from "./graph-mermaid-check.js";
import { evil, handResult } from "./html-fixtures.js";
import { cases } from "./helpers.js";

type Viz = Awaited<ReturnType<typeof instance>>;
let viz: Viz;

/** Graphviz's own parser: the labels, tooltips and colours it read back from our DOT. */
function parsed(dot: string): { nodes: Record<string, string>[]; edges: Record<string, string>[] } {
  const r = viz.render(dot, { format: "json0" });
  expect(r.errors.filter((e) => e.level === "error")).toEqual([]);
  expect(r.status).toBe("success");
  const j = JSON.parse(r.output!) as { objects?: Record<string, string>[]; edges?: Record<string, string>[] };
  return { nodes: j.objects ?? [], edges: j.edges ?? [] };
}

/** What a DOT label escape string shows (`\\` → `\`, `\n` → newline). */
function shown(escString: string): string {
  return escString.replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c));
}

const hostile = ['he said "hi"', "back\\slash \\N \\G", "new\nline", "<script>alert(1)</script>", "semi;colon {brace} [x] -- -> #1; `tick` |pipe|", "ünïcödé 东京"];

function diagramOf(ids: readonly string[]): Diagram {
  const nodes = ids.map((id, i) => ({ key: `n${i}`, id, detail: [id], tooltip: id, risk: (["high", "unknown", "clean"] as const)[i % 3]!, state: (i % 4 === 3 ? "out-of-service" : "in-service") as "in-service" | "out-of-service", endpoint: i === 0 }));
  const edges = ids.slice(1).map((id, i) => ({ a: `n${i}`, b: `n${i + 1}`, id, label: id, tooltip: id, risk: "clean" as const, state: "in-service" as const, directed: i % 2 === 0, routed: i % 2 === 0, clean: i % 3 === 0 }));
  return { nodes, edges };
}

const topoYaml = `cleanpath: 1
name: "t \\"quoted\\""
sites:
  s1: { country: MX, lat: 19.4, lon: -99.1 }
elements:
  - { id: a, role: endpoint, vendor: Cisco, site: s1 }
  - { id: x, role: aggregation, vendor: Huawei }
  - { id: u, role: access, vendor: Acme Widgets }
  - { id: y, role: core, vendor: Nokia }
  - { id: b, role: datacenter, vendor: Dell }
  - { id: old, role: core, vendor: Nokia, state: out-of-service }
  - { id: far, role: core, vendor: Nokia }
links:
  - { a: a, b: x, metric: 1 }
  - { a: x, b: b, metric: 1 }
  - { a: a, b: y, metric: 5 }
  - { a: y, b: b, metric: 5 }
  - { a: y, b: u, metric: 1 }
  - { a: y, b: old, metric: 1, state: out-of-service }
  - { a: b, b: far, metric: 1, direction: forward }
flows:
  - { id: f, from: a, to: b }
`;

function loadTopo() {
  const bytes = new TextEncoder().encode(topoYaml);
  const host = { readFile: () => bytes, stat: () => ({ size: bytes.length, isFile: true, isDirectory: false }), realpath: (p: string) => p, display: (p: string) => p };
  const files = loadFiles(["/t.yaml"], host, {});
  return buildTopology(files);
}

beforeAll(async () => {
  viz = await instance();
});

describe("DOT", () => {
  it("quotes every string so Graphviz reads back exactly what was written", () => {
    for (const text of hostile) {
      const { nodes } = parsed(`digraph { a [label=${dotString(text)}, tooltip=${dotString(text)}] }`);
      expect(shown(nodes[0]!.label!)).toBe(text);
      expect(shown(nodes[0]!.tooltip!)).toBe(text);
    }
  });

  it("renders diagrams with hostile ids without error, one node per element", () => {
    const d = diagramOf(hostile);
    const { nodes, edges } = parsed(toDot(d, evil.script));
    expect(nodes.map((n) => n.name)).toEqual(d.nodes.map((n) => n.key));
    expect(nodes.map((n) => shown(n.label!))).toEqual(hostile.map((h) => `${h}\n${h}`));
    expect(edges.length).toBe(hostile.length - 1);
  });

  it("colours risky red, unknown amber, routed blue, the clean alternative green, and dashes what is not in service", () => {
    const { nodes, edges } = parsed(toDot(diagramOf(["a", "b", "c", "d"])));
    expect(nodes.map((n) => n.color)).toEqual(["#c62828", "#b7791f", "#5b6470", "#c62828"]);
    expect(nodes[3]!.style).toContain("dashed");
    expect(edges.map((e) => e.color)).toEqual(["#1f4e9c:#2e7d32", "#9aa3ad", "#1f4e9c"]);
  });
});

describe("Mermaid", () => {
  it("escapes labels into the checked subset", () => {
    const text = toMermaid(diagramOf(hostile));
    expect(checkMermaid(text)).toEqual([]);
    expect(text).not.toContain("<script>");
    expect(text).toContain("#60;script#62;alert(1)#60;/script#62;");
  });

  it("has a checker that can fail", () => {
    expect(checkMermaid('flowchart LR\n  n0["a"b"]\n')).toHaveLength(1);
    expect(checkMermaid("flowchart LR\n  n0 --- n1\n")).toEqual(["2: edge to undefined node n0", "2: edge to undefined node n1"]);
    expect(checkMermaid('flowchart LR\n  end["x"]\n')).toEqual(["2: reserved word as id: end"]);
    expect(checkMermaid('flowchart LR\n  n0["x"]\n  linkStyle 0 stroke:#fff\n')).toEqual(["3: linkStyle 0 past the 0 edges"]);
    expect(checkMermaid('graph TD\n  n0["<b>"]\n')).toHaveLength(2);
  });
});

describe("diagrams of a topology", () => {
  it("draws the whole topology with its risk, states and directions", () => {
    const { topology, registry } = loadTopo();
    const d = designate(topology, registry, defaultRiskSpec("risky"), "2026-01-01");
    const g = topologyDiagram(topology, d, [], { maxNodes: 100 });
    expect(g.nodes.map((n) => n.id)).toEqual(["a", "x", "u", "y", "b", "old", "far"]);
    expect(g.nodes.find((n) => n.id === "x")!.risk).toBe("high");
    expect(g.nodes.find((n) => n.id === "x")!.tooltip).toContain("vendor huawei");
    expect(g.nodes.find((n) => n.id === "u")!.risk).toBe("unknown");
    expect(g.nodes.find((n) => n.id === "old")!.state).toBe("out-of-service");
    expect(g.edges.filter((e) => e.directed).map((e) => e.id)).toEqual(["b--far"]);
    expect(g.edges.filter((e) => e.state !== "in-service").map((e) => e.id)).toEqual(["y--old"]);
    expect(checkMermaid(toMermaid(g))).toEqual([]);
    parsed(toDot(g, topology.name));
  });

  it("draws a pair's neighbourhood: routed path, clean alternative and exposure only", () => {
    const { topology, registry } = loadTopo();
    const spec = defaultRiskSpec("risky");
    const result = audit({ topology, registry, spec, requests: [{ flow: "f", from: "a", to: "b", failures: 0, failOn: "routed-dirty" }], asOf: "2026-01-01", generatedAt: "2026-01-01T00:00:00Z", version: "0", maxPairs: 10 });
    const g = topologyDiagram(topology, designate(topology, registry, spec, "2026-01-01"), result.pairs, { maxNodes: 100 });
    // The one-way link b→far makes the exposure an over-approximation that includes u (unknown
    // vendor, hanging off y); `old` and `far` are on no path and stay out.
    expect(result.pairs[0]!.exposure).toMatchObject({ items: ["u", "x"], approximate: true });
    expect(g.nodes.map((n) => n.id).sort()).toEqual(["a", "b", "u", "x", "y"]);
    expect(g.edges.filter((e) => e.routed).map((e) => e.id).sort()).toEqual(["a--x", "x--b"]);
    expect(g.edges.filter((e) => e.clean).map((e) => e.id).sort()).toEqual(["a--y", "y--b"]);
    expect(g.nodes.filter((n) => n.endpoint).map((n) => n.id).sort()).toEqual(["a", "b"]);
  });

  it("refuses past --max-nodes with a message that says what to do", () => {
    const { topology, registry } = loadTopo();
    const d = designate(topology, registry, defaultRiskSpec("risky"), "2026-01-01");
    expect(() => topologyDiagram(topology, d, [], { maxNodes: 3 })).toThrow(/the topology has 7 elements, more than --max-nodes 3: pick a flow \(--flow ID\) or a pair/);
  });
});

describe("diagrams of a saved result", () => {
  it("draws the routed path and the clean alternative of a pair, each link once", () => {
    const r = handResult();
    const g = pairDiagram(r, r.pairs[0]!);
    expect(g.nodes.map((n) => n.id)).toEqual(["a", evil.script, "b", "y"]);
    expect(g.edges.map((e) => [e.id, e.routed, e.clean, e.risk])).toEqual([
      [`a--${evil.script}`, true, false, "clean"],
      [`${evil.script}--b`, true, false, "high"],
      ["a--y", false, true, "clean"],
      ["y--b", false, true, "clean"],
    ]);
    expect(checkMermaid(toMermaid(g))).toEqual([]);
  });

  it("renders to an SVG fragment without prolog, comments, ids or raw markup from the ids", async () => {
    const render = await loadGraphviz();
    const r = handResult();
    const svg = render(toDot(pairDiagram(r, r.pairs[0]!)));
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).not.toMatch(/<!--|<\?xml|\sid="/);
    expect(svg).not.toContain("<script");
    expect(svg).toContain("&lt;script&gt;");
    expect(svg).toContain("<title>");
    expect(render(toDot(pairDiagram(r, r.pairs[0]!)))).toBe(svg);
    expect(svgDocument(svg)).toMatch(/^<\?xml version="1.0" encoding="UTF-8" standalone="no"\?>\n<svg/);
    expect(trimSvg('<?xml?>\n<!-- c -->\n<svg id="x"><g id="a_node1"><a xlink:title="t">x</a>\n</g></svg>')).toBe("<svg><g><title>t</title>x</g></svg>");
  });
});

const layeredYaml = `cleanpath: 1
name: layers
elements:
  - { id: core-gdl, role: core, vendor: Nokia }
  - { id: core-mty, role: core, vendor: Nokia }
  - { id: oadm-gdl, role: transport, vendor: Huawei }
  - { id: oadm-mty, role: transport, vendor: Nokia }
  - { id: duct-57, role: other, passive: true }
  - { id: far, role: core, vendor: Nokia }
links:
  - { id: och-gdl-mty, a: oadm-gdl, b: oadm-mty, vendor: Huawei, underlay: [duct-57] }
  - { id: ip-gdl-mty, a: core-gdl, b: core-mty, metric: 10, underlay: [oadm-gdl, och-gdl-mty, oadm-mty] }
  - { id: ip-gdl-mty-2, a: core-gdl, b: core-mty, metric: 12, underlay: [duct-57] }
  - { id: spur, a: core-mty, b: far }
`;

/** The SPEC §4.1 example, underlays as written in the file. */
function layeredTopo() {
  const bytes = new TextEncoder().encode(layeredYaml);
  const host = { readFile: () => bytes, stat: () => ({ size: bytes.length, isFile: true, isDirectory: false }), realpath: (p: string) => p, display: (p: string) => p };
  const { topology, registry } = buildTopology(loadFiles(["/layers.yaml"], host, {}));
  return { topology, registry };
}

describe("diagrams of a multi-layer topology (SPEC §4.1)", () => {
  it("boxes each underlay layer and draws a dashed arrow from each item to what it rests on", () => {
    const { topology, registry } = layeredTopo();
    const g = topologyDiagram(topology, designate(topology, registry, defaultRiskSpec("risky"), "2026-01-01"), [], { maxNodes: 100 });
    const name = (key: string) => {
      const n = g.nodes.find((x) => x.key === key)!;
      if (!n.junction) return n.id;
      // A junction stands for the link whose two halves meet at it.
      return g.edges.find((e) => !e.restsOn && (e.a === key || e.b === key))!.id!;
    };
    expect(g.layers?.map((l) => [l.label, l.keys.map(name).sort()])).toEqual([
      ["underlay layer 1", ["oadm-gdl", "oadm-mty", "och-gdl-mty"]],
      ["underlay layer 2", ["duct-57"]],
    ]);
    const restsOn = g.edges.filter((e) => e.restsOn).map((e) => `${name(e.a)} → ${name(e.b)} ${e.risk}`);
    expect(restsOn.sort()).toEqual([
      "ip-gdl-mty → oadm-gdl high",
      "ip-gdl-mty → oadm-mty clean",
      "ip-gdl-mty → och-gdl-mty high",
      "ip-gdl-mty-2 → duct-57 clean",
      "och-gdl-mty → duct-57 clean",
    ]);
    // A link resting on something is drawn in two halves through its junction; the others stay one edge.
    expect(g.edges.filter((e) => e.id === "ip-gdl-mty")).toHaveLength(2);
    expect(g.edges.filter((e) => e.id === "spur")).toHaveLength(1);
    expect(g.nodes.filter((n) => n.junction)).toHaveLength(3);
    const dot = toDot(g, topology.name);
    const { nodes, edges } = parsed(dot);
    expect(nodes.filter((n) => n.name!.startsWith("cluster_layer")).map((n) => shown(n.label!))).toEqual(["underlay layer 1", "underlay layer 2"]);
    expect(edges.filter((e) => e.style === "dashed")).toHaveLength(5);
    expect(checkMermaid(toMermaid(g))).toEqual([]);
    expect(toMermaid(g)).toContain('  subgraph layer2 ["underlay layer 2"]\n    n4["duct-57');
  });

  it("draws a pair's neighbourhood with what its items rest on, and without underlays as before", () => {
    const { topology, registry } = layeredTopo();
    const d = designate(topology, registry, defaultRiskSpec("risky"), "2026-01-01");
    const pair = { ...handResult().pairs[0]!, from: "core-gdl", to: "core-mty", routed: { metric: 10, paths: [["core-gdl", "core-mty"]], pathCount: 1, items: ["ip-gdl-mty"], riskyItems: ["oadm-gdl", "och-gdl-mty"], unknownItems: [] }, cleanAlternative: null, exposure: { items: [], count: 0, approximate: false }, remediation: null };
    const g = topologyDiagram(topology, d, [pair], { maxNodes: 100 });
    // oadm-gdl and oadm-mty under ip-gdl-mty, duct-57 under the channel; `far` is on no path.
    expect(g.nodes.filter((n) => !n.junction).map((n) => n.id).sort()).toEqual(["core-gdl", "core-mty", "duct-57", "oadm-gdl", "oadm-mty"]);
    const plain = loadTopo();
    const before = topologyDiagram(plain.topology, designate(plain.topology, plain.registry, defaultRiskSpec("risky"), "2026-01-01"), [], { maxNodes: 100 });
    expect(before.layers).toBeUndefined();
    expect(before.nodes.some((n) => n.junction) || before.edges.some((e) => e.restsOn)).toBe(false);
  });
});

describe("diagrams of a saved result with underlays (08-underlay)", () => {
  const r = cases().find((c) => c.name === "08-underlay")!.result;

  it("draws each hop's closure beside it, risky first, with a dashed arrow to what each rests on directly", () => {
    const g = pairDiagram(r, r.pairs[0]!);
    const byKey = new Map(g.nodes.map((n) => [n.key, n]));
    const label = (key: string) => (byKey.get(key)!.junction ? "•" : byKey.get(key)!.id);
    expect(g.edges.filter((e) => e.restsOn).map((e) => `${label(e.a)} → ${label(e.b)}`)).toEqual([
      "• → oadm-gdl",
      "• → och-gdl-mty",
      "• → oadm-mty",
      "och-gdl-mty → duct-12",
      "• → duct-57",
    ]);
    expect(g.ranks?.map((rank) => rank.map(label))).toEqual([
      ["•", "oadm-gdl", "och-gdl-mty", "duct-12", "oadm-mty"],
      ["•", "duct-57"],
    ]);
    expect(g.nodes.filter((n) => n.underlay).map((n) => [n.id, n.risk])).toEqual([
      ["oadm-gdl", "high"],
      ["och-gdl-mty", "high"],
      ["duct-12", "clean"],
      ["oadm-mty", "clean"],
      ["duct-57", "clean"],
    ]);
    expect(checkMermaid(toMermaid(g))).toEqual([]);
    parsed(toDot(g));
  });

  it("names the rest of a long closure in one dashed node", () => {
    const long = structuredClone(r);
    const extra = Array.from({ length: 9 }, (_, i) => `fibre-${i}`);
    for (const id of extra) long.items[id] = { type: "element", role: "other", risk: "clean", reasons: [], location: { file: "t.yaml", line: 1, column: 1 } };
    long.items["ip-gdl-mty"]!.closure = [...long.items["ip-gdl-mty"]!.closure!, ...extra];
    const g = pairDiagram(long, long.pairs[0]!);
    const under = g.ranks![0]!.map((k) => g.nodes.find((n) => n.key === k)!.id);
    // 13 items: the two risky ones first, four more, then one node for the other seven.
    expect(under).toEqual(["", "oadm-gdl", "och-gdl-mty", "duct-12", "oadm-mty", "fibre-0", "fibre-1", "… 7 more underlay items"]);
  });
});
