import type { Diagram, DiagramEdge, DiagramNode } from "./graph-model.js";

/** Colours shared by every drawing (DOT, Mermaid, the HTML legend), so that red means the same everywhere. */
export const palette = {
  high: { fill: "#fde2e1", line: "#c62828", text: "#7f1d1d" },
  unknown: { fill: "#fff4d6", line: "#b7791f", text: "#5c3d00" },
  clean: { fill: "#ffffff", line: "#5b6470", text: "#1f2933" },
  endpoint: { fill: "#e8f0fe" },
  routed: "#1f4e9c",
  alternative: "#2e7d32",
  plain: "#9aa3ad",
  muted: "#7b8794",
} as const;

const font = "Helvetica,Arial,sans-serif";

/**
 * A DOT quoted string. Inside quotes the lexer only knows `\"`; label escapes (`\N`, `\G`, `\n`…)
 * come later, so a literal backslash must be doubled and newlines become `\n`.
 */
export function dotString(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\r?\n/g, "\\n")}"`;
}

function attrs(pairs: Record<string, string | number | undefined>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(pairs)) if (v !== undefined) parts.push(`${k}=${typeof v === "number" ? v : dotString(v)}`);
  return `[${parts.join(", ")}]`;
}

function nodeLine(n: DiagramNode): string {
  const colours = palette[n.risk];
  if (n.junction) return `  ${n.key} ${attrs({ shape: "point", width: "0.08", label: "", tooltip: n.tooltip, color: palette.muted })};`;
  const style = ["rounded", "filled", ...(n.state !== "in-service" || n.elided ? ["dashed"] : []), ...(n.endpoint ? ["bold"] : [])].join(",");
  return `  ${n.key} ${attrs({
    label: [n.id, ...n.detail].join("\n"),
    tooltip: n.tooltip,
    style,
    fillcolor: n.risk === "clean" && n.endpoint ? palette.endpoint.fill : colours.fill,
    color: colours.line,
    fontcolor: n.state !== "in-service" ? palette.muted : colours.text,
    penwidth: n.risk !== "clean" || n.endpoint ? 2 : 1,
  })};`;
}

function edgeColour(e: DiagramEdge): string {
  if (e.risk !== "clean") return palette[e.risk].line;
  if (e.routed && e.clean) return `${palette.routed}:${palette.alternative}`;
  if (e.routed) return palette.routed;
  if (e.clean) return palette.alternative;
  return palette.plain;
}

function edgeLine(e: DiagramEdge): string {
  if (e.restsOn) {
    return `  ${e.a} -> ${e.b} ${attrs({ tooltip: e.tooltip, color: e.risk !== "clean" ? palette[e.risk].line : palette.muted, style: "dashed", dir: "forward", arrowhead: "onormal", arrowsize: "0.6" })};`;
  }
  const emphasised = e.routed || e.clean || e.risk !== "clean";
  return `  ${e.a} -> ${e.b} ${attrs({
    label: e.label,
    tooltip: e.tooltip,
    color: edgeColour(e),
    fontcolor: e.risk !== "clean" ? palette[e.risk].line : undefined,
    penwidth: e.routed || e.clean ? 3 : emphasised ? 2 : 1,
    style: e.state !== "in-service" || e.elided ? "dashed" : undefined,
    dir: e.directed ? "forward" : undefined,
  })};`;
}

/** Graphviz DOT for a diagram: left to right, risky red, unknown amber, routed blue, clean alternative green. */
export function toDot(d: Diagram, title = "cleanpath"): string {
  const out = [
    `digraph ${dotString(title)} {`,
    `  graph ${attrs({ rankdir: "LR", fontname: font, bgcolor: "white", pad: "0.2", nodesep: "0.35", ranksep: "0.6" })};`,
    `  node ${attrs({ shape: "box", style: "rounded,filled", fontname: font, fontsize: 10, margin: "0.16,0.06" })};`,
    `  edge ${attrs({ dir: "none", fontname: font, fontsize: 9, color: palette.plain })};`,
  ];
  // Nodes of an underlay layer go in its box; the others at the top level.
  const layerOf = new Map<string, number>();
  (d.layers ?? []).forEach((layer, i) => layer.keys.forEach((key) => layerOf.set(key, i)));
  const boxed: string[][] = (d.layers ?? []).map(() => []);
  for (const n of d.nodes) {
    const i = layerOf.get(n.key);
    if (i === undefined) out.push(nodeLine(n));
    else boxed[i]!.push(`  ${nodeLine(n)}`);
  }
  (d.layers ?? []).forEach((layer, i) => {
    out.push(`  subgraph cluster_layer${i + 1} {`, `    graph ${attrs({ label: layer.label, style: "dashed,rounded", color: palette.muted, fontcolor: palette.muted, fontsize: 9 })};`, ...boxed[i]!, "  }");
  });
  for (const e of d.edges) out.push(edgeLine(e));
  for (const rank of d.ranks ?? []) out.push(`  { rank=same; ${rank.join("; ")}; }`);
  out.push("}");
  return out.join("\n") + "\n";
}
