import { palette } from "./graph-dot.js";
import type { Diagram, DiagramEdge, DiagramNode } from "./graph-model.js";

/**
 * Text inside a Mermaid quoted label. Mermaid turns `#NNN;` into a character and renders labels as
 * HTML, so every character that could close the quote, start an entity, a markdown string or a
 * tag is written as an entity code; newlines become `<br/>`.
 */
export function mermaidText(text: string): string {
  return text
    .replace(/[#"<>&`|]/g, (ch) => `#${ch.charCodeAt(0)};`)
    .replace(/\r?\n/g, "<br/>");
}

function className(n: DiagramNode): string {
  return `${n.risk}${n.endpoint ? "End" : ""}${n.state !== "in-service" ? "Off" : ""}`;
}

function classDef(name: string, n: DiagramNode): string {
  const c = palette[n.risk];
  const fill = n.risk === "clean" && n.endpoint ? palette.endpoint.fill : c.fill;
  const width = n.risk !== "clean" || n.endpoint ? 2 : 1;
  const dash = n.state !== "in-service" ? ",stroke-dasharray:5 3" : "";
  return `  classDef ${name} fill:${fill},stroke:${c.line},color:${n.state !== "in-service" ? palette.muted : c.text},stroke-width:${width}px${dash}`;
}

function arrow(e: DiagramEdge): string {
  if (e.restsOn) return "-.->";
  if (e.state !== "in-service") return e.directed ? "-.->" : "-.-";
  if (e.routed || e.clean) return e.directed ? "==>" : "===";
  return e.directed ? "-->" : "---";
}

function edgeStyle(e: DiagramEdge): string {
  if (e.restsOn) return `stroke:${e.risk !== "clean" ? palette[e.risk].line : palette.muted},stroke-width:1px,stroke-dasharray:5 3`;
  const colour = e.risk !== "clean" ? palette[e.risk].line : e.routed ? palette.routed : e.clean ? palette.alternative : palette.plain;
  const width = e.routed || e.clean ? 3 : e.risk !== "clean" ? 2 : 1;
  return `stroke:${colour},stroke-width:${width}px${e.state !== "in-service" ? ",stroke-dasharray:5 3" : ""}`;
}

/** A Mermaid flowchart of a diagram (the subset `checkMermaid` in the tests accepts). */
export function toMermaid(d: Diagram): string {
  const out = ["flowchart LR"];
  const classes = new Map<string, { sample: DiagramNode; keys: string[] }>();
  const nodeLine = (n: DiagramNode): string => {
    const name = className(n);
    const entry = classes.get(name) ?? { sample: n, keys: [] };
    entry.keys.push(n.key);
    classes.set(name, entry);
    // A link's junction (where its underlay hangs) is a dot.
    if (n.junction) return `${n.key}["•"]`;
    const label = [n.id, ...n.detail].join("\n");
    return `${n.key}${n.endpoint ? "([" : "["}"${mermaidText(label)}"${n.endpoint ? "])" : "]"}`;
  };
  // Underlay layers (SPEC §4.1) as subgraphs, the rest at the top level.
  const layerOf = new Map<string, number>();
  (d.layers ?? []).forEach((layer, i) => layer.keys.forEach((key) => layerOf.set(key, i)));
  const boxed: DiagramNode[][] = (d.layers ?? []).map(() => []);
  for (const n of d.nodes) {
    const i = layerOf.get(n.key);
    if (i === undefined) out.push(`  ${nodeLine(n)}`);
    else boxed[i]!.push(n);
  }
  (d.layers ?? []).forEach((layer, i) => {
    out.push(`  subgraph layer${i + 1} ["${mermaidText(layer.label)}"]`, ...boxed[i]!.map((n) => `    ${nodeLine(n)}`), "  end");
  });
  const styles = new Map<string, number[]>();
  d.edges.forEach((e, i) => {
    const label = e.label !== undefined ? `|"${mermaidText(e.label)}"|` : "";
    out.push(`  ${e.a} ${arrow(e)}${label} ${e.b}`);
    const s = edgeStyle(e);
    const list = styles.get(s) ?? [];
    list.push(i);
    styles.set(s, list);
  });
  for (const [name, { sample, keys }] of [...classes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    out.push(classDef(name, sample));
    out.push(`  class ${keys.join(",")} ${name}`);
  }
  for (const [style, indices] of styles) out.push(`  linkStyle ${indices.join(",")} ${style}`);
  return out.join("\n") + "\n";
}
