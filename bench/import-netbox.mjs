#!/usr/bin/env node
// Import speed. Targets (issue #6): the largest Topology Zoo file imports well under a second, and
// a 10^5-device NetBox export imports (decode, parse, model, cable tracing, checks, YAML) within 2×
// the time of decoding its bytes and a bare JSON.parse: the import starts from the file's bytes,
// so the baseline does too. Generates the export first if it is missing.
//   npm run build && node --expose-gc --max-old-space-size=8192 bench/import-netbox.mjs [devices=100000]
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { importTopology, renderImport } from "../dist/import/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const n = Number(process.argv[2] ?? 100_000);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
// Each run starts from a collected heap (run with --expose-gc), so that one run's garbage does
// not land in the next one's time.
const gc = globalThis.gc ?? (() => {});
function once(fn) {
  gc();
  const t0 = performance.now();
  const result = fn();
  return { ms: performance.now() - t0, result };
}
function time(fn, runs) {
  const ts = [];
  let result;
  for (let i = 0; i < runs; i++) ({ ms: ts[i], result } = once(fn));
  return { ms: median(ts), min: Math.min(...ts), result };
}
const fmt = (ms) => `${ms.toFixed(ms < 100 ? 1 : 0)} ms`;

// 1. The largest Topology Zoo file.
const zooFile = join(here, "..", "..", "shared", "datasets", "topologyzoo", "graphml", "Kdl.graphml");
if (existsSync(zooFile)) {
  const bytes = readFileSync(zooFile);
  const importZoo = () => renderImport(importTopology({ format: "graphml", files: [{ file: "Kdl.graphml", bytes }], options: { metric: "distance" } }), "yaml");
  const cold = time(importZoo, 1).ms;
  const warm = time(importZoo, 10).ms;
  console.log(`graphml  Kdl.graphml (754 nodes, ${(bytes.length / 1024).toFixed(0)} KB): first run ${fmt(cold)}, median of 10 ${fmt(warm)}  (target well under 1000 ms)`);
}

// 2. A 10^5-device NetBox export.
const file = join(here, "out", `netbox-${n}.json`);
if (!existsSync(file)) execFileSync(process.execPath, [join(here, "gen-netbox.mjs"), String(n), file], { stdio: "inherit" });
const t0 = performance.now();
const bytes = readFileSync(file);
const readMs = performance.now() - t0;
// Interleaved, so that both see the same machine state; best of `runs` for each. Nothing from
// one run is kept alive into the next (only counts).
const runs = 3;
const parseTimes = [];
const importTimes = [];
let counts;
for (let i = 0; i < runs; i++) {
  parseTimes.push(once(() => JSON.parse(bytes.toString("utf8"))).ms);
  const r = once(() => {
    const outcome = importTopology({ format: "netbox", files: [{ file, bytes }] });
    const yaml = renderImport(outcome, "yaml");
    return { elements: outcome.document.elements.length, links: outcome.document.links.length, yamlBytes: yaml.length };
  });
  importTimes.push(r.ms);
  counts = r.result;
}
const parse = { ms: Math.min(...parseTimes) };
const imp = { ms: Math.min(...importTimes) };
const ratio = imp.ms / parse.ms;
const mb = (bytes.length / 1e6).toFixed(0);
console.log(`netbox   ${n} devices, ${mb} MB: read ${fmt(readMs)}; decode + JSON.parse ${fmt(parse.ms)} (best of ${runs}); import → YAML ${fmt(imp.ms)} (best of ${runs}) (${counts.elements} elements, ${counts.links} links, ${(counts.yamlBytes / 1e6).toFixed(0)} MB of YAML)`);
console.log(`         import / (decode + JSON.parse) = ${ratio.toFixed(2)}  (target ≤ 2.00)  peak RSS ${(process.memoryUsage().rss / 1e9).toFixed(2)} GB`);
process.exitCode = ratio <= 2 ? 0 : 1;
