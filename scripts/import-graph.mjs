#!/usr/bin/env node
// The import graph of src/ between folders (layers), with the table of allowed edges that
// test/architecture.test.ts enforces. `node scripts/import-graph.mjs` prints every edge, how many
// imports make it, and whether it is allowed.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

// Bottom to top (STYLE.md §1). The contract and small shared modules sit at the bottom.
const contract = ["result", "decide", "diagnostics", "data", "suggest", "intern", "timing", "version", "generated", "arena"];
const below = (...layers) => [...contract, ...layers];

/** Which folders (or top-level modules) each one may import from; anything else is an upward or sideways import. */
export const allowedEdges = {
  diagnostics: [],
  result: ["diagnostics"],
  decide: ["result"],
  data: ["diagnostics"],
  suggest: [],
  intern: [],
  arena: [],
  timing: [],
  version: [],
  generated: [],
  vendors: below(),
  load: below(),
  topology: below("vendors", "load"),
  graph: below("topology"),
  policy: below("vendors", "load", "topology"),
  audit: below("vendors", "topology", "graph", "policy"),
  plan: below("vendors", "topology", "graph", "policy", "audit"),
  report: below("vendors", "topology"),
  diff: below("topology", "report"),
  import: below("vendors", "load", "topology"),
  init: below(),
  run: below("vendors", "load", "topology", "graph", "policy", "audit", "plan", "report", "diff", "import", "init"),
  cli: below("vendors", "load", "topology", "graph", "policy", "audit", "plan", "report", "diff", "import", "init", "run"),
  index: below("vendors", "load", "topology", "graph", "policy", "audit", "plan", "report", "diff", "import", "init", "run", "cli"),
};

function sources(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (name.endsWith(".ts")) out.push(p);
  }
  return out;
}

/** The folder under src/ (or the module name, for files directly in src/) a file belongs to. */
export function layerOf(file) {
  const rel = relative(join(root, "src"), file).split(sep);
  return rel.length === 1 ? rel[0].replace(/\.ts$/, "") : rel[0];
}

const specifiers = /(?:^|[\s;])(?:import|export)\s[^;]*?\sfrom\s*["'](\.[^"']+)["']|import\(\s*["'](\.[^"']+)["']\s*\)/g;

/** Every import between two different layers: { from, to, file, specifier }. */
export function importEdges() {
  const edges = [];
  for (const file of sources(join(root, "src"))) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(specifiers)) {
      const spec = m[1] ?? m[2];
      const target = resolve(dirname(file), spec).replace(/\.js$/, ".ts");
      const from = layerOf(file);
      const to = layerOf(target);
      if (from !== to) edges.push({ from, to, file: relative(root, file).split(sep).join("/"), specifier: spec });
    }
  }
  return edges;
}

/** Imports the table does not allow. */
export function violations(edges = importEdges()) {
  return edges.filter((e) => !(allowedEdges[e.from] ?? []).includes(e.to));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const counts = new Map();
  for (const e of importEdges()) counts.set(`${e.from} → ${e.to}`, (counts.get(`${e.from} → ${e.to}`) ?? 0) + 1);
  const order = Object.keys(allowedEdges);
  const rows = [...counts].sort(([a], [b]) => {
    const [fa, ta] = a.split(" → ");
    const [fb, tb] = b.split(" → ");
    return order.indexOf(fa) - order.indexOf(fb) || order.indexOf(ta) - order.indexOf(tb);
  });
  for (const [edge, n] of rows) {
    const [from, to] = edge.split(" → ");
    const ok = (allowedEdges[from] ?? []).includes(to);
    console.log(`${edge.padEnd(26)} ${String(n).padStart(4)} import${n === 1 ? " " : "s"}${ok ? "" : "   NOT ALLOWED"}`);
  }
  const bad = violations();
  console.log(bad.length === 0 ? "every import goes down the layers" : `${bad.length} import(s) break the layering`);
  process.exitCode = bad.length === 0 ? 0 : 1;
}
