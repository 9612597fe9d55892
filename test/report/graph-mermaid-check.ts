/**
 * A syntax check for the Mermaid subset cleanpath writes: `flowchart LR`, node definitions
 * `id["label"]` / `id(["label"])`, `subgraph id ["label"]` … `end` (indented one more level inside), edges `---`, `-->`, `===`, `==>`, `-.-`, `-.->` with an optional
 * `|"label"|`, `classDef`, `class`, `linkStyle`. Returns the problems, one per line number.
 */
const reserved = new Set(["end", "graph", "flowchart", "subgraph", "style", "class", "classDef", "click", "linkStyle", "default", "call", "href"]);
const id = "([A-Za-z][A-Za-z0-9_]*)";
// Inside a quoted label: no quote, no raw < > & ` | or #, except entity codes #NNN; and <br/>.
const label = String.raw`"((?:[^"<>&\x60|#\n]|#\d+;|<br/>)*)"`;
const nodeRe = new RegExp(`^${id}(?:\\[${label}\\]|\\(\\[${label}\\]\\))$`);
const edgeRe = new RegExp(`^${id} (---|-->|===|==>|-\\.-|-\\.->)(?:\\|${label}\\|)? ${id}$`);
const style = String.raw`[a-z-]+:[#a-z0-9. ]+(?:,[a-z-]+:[#a-z0-9. ]+)*`;
const classDefRe = new RegExp(`^classDef ${id} ${style}$`);
const classRe = new RegExp(`^class ${id}(?:,${id})* ${id}$`);
const linkStyleRe = new RegExp(`^linkStyle (\\d+(?:,\\d+)*) ${style}$`);
const subgraphRe = new RegExp(`^subgraph ${id} \\[${label}\\]$`);

export function checkMermaid(text: string): string[] {
  const problems: string[] = [];
  const lines = text.split("\n");
  if (lines[0] !== "flowchart LR") problems.push("1: must start with `flowchart LR`");
  const nodes = new Set<string>();
  const classes = new Set<string>();
  let edges = 0;
  let depth = 0;
  lines.slice(1).forEach((raw, k) => {
    const n = k + 2;
    if (raw === "") {
      if (n !== lines.length) problems.push(`${n}: empty line inside the chart`);
      return;
    }
    if (!raw.startsWith("  ".repeat(depth + 1)) && !(raw === `${"  ".repeat(depth)}end` && depth > 0)) return problems.push(`${n}: statements are indented by two spaces per level`);
    const line = raw.trimStart();
    if (line === "end") {
      if (depth === 0) problems.push(`${n}: end without subgraph`);
      depth = Math.max(0, depth - 1);
      return;
    }
    let m: RegExpExecArray | null;
    if ((m = nodeRe.exec(line))) {
      if (reserved.has(m[1]!)) problems.push(`${n}: reserved word as id: ${m[1]}`);
      nodes.add(m[1]!);
    } else if ((m = subgraphRe.exec(line))) {
      if (reserved.has(m[1]!) || nodes.has(m[1]!)) problems.push(`${n}: subgraph id ${m[1]} is reserved or a node`);
      depth++;
    } else if ((m = edgeRe.exec(line))) {
      for (const end of [m[1]!, m[4]!]) if (!nodes.has(end)) problems.push(`${n}: edge to undefined node ${end}`);
      edges++;
    } else if ((m = classDefRe.exec(line))) {
      classes.add(m[1]!);
    } else if (line.startsWith("class ") && classRe.test(line)) {
      const parts = line.slice(6).split(" ");
      for (const node of parts[0]!.split(",")) if (!nodes.has(node)) problems.push(`${n}: class on undefined node ${node}`);
      if (!classes.has(parts[1]!)) problems.push(`${n}: undefined class ${parts[1]}`);
    } else if ((m = linkStyleRe.exec(line))) {
      for (const i of m[1]!.split(",")) if (Number(i) >= edges) problems.push(`${n}: linkStyle ${i} past the ${edges} edges`);
    } else {
      problems.push(`${n}: not in the subset: ${line}`);
    }
  });
  if (depth > 0) problems.push(`${lines.length}: subgraph without end`);
  return problems;
}
