#!/usr/bin/env node
// Benchmark of the placement rules (src/policy/rules) on the generated national network.
//
//   node bench/rules.mjs                          10^6 elements, 3 fresh processes
//   node bench/rules.mjs --elements 100000 --runs 5 --out bench/out
//   node bench/rules.mjs --child FILE             one measurement (JSON on stdout)
//
// Needs the build (`npm run build`): each child loads the topology with the project's loader
// from dist, designates Huawei and ZTE, then times, in this order: JSON.parse of the same file
// (the floor any tool reading it pays), then runRules with ten profile-like rules (the kinds and
// scopes of the built-in profiles plus a `near` rule) the way a CLI run calls it: once, cold
// (first use of the code, of the country boundaries and of source positions), with its
// per-rule timings.
// Target: all rules together in at most half the JSON.parse time.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { ensureTopology } from "./gen.mjs";

const here = fileURLToPath(import.meta.url);
const root = fileURLToPath(new URL("..", import.meta.url));

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

const source = { title: "bench", date: "2024-01-01" };
const equipment = ["core", "ran", "access", "aggregation", "transport", "backbone", "edge", "management"];
/** Ten rules shaped like the built-in profiles' (mx-core-border, uk-hrv-2020, uk-dvd-2022, eu-5g-toolbox, de-2024). */
const rules = [
  { id: "mx-core", source, forbid: { role: ["core", "management"] } },
  { id: "mx-us-border", source, forbid: { withinKmOfCountry: { country: "US", km: 100 } } },
  { id: "near-border-zone", source, forbid: { near: { tag: "border-zone" }, withinKm: 2 } },
  { id: "sensitive-sites", source, forbid: { siteTag: ["sensitive", "nuclear", "military"] } },
  { id: "access-cap", source, cap: { scope: { role: ["access", "ran"] }, max: "35%", per: "operator" } },
  { id: "ran-cap-by-site", source, cap: { scope: { role: "ran" }, max: "35%", per: "site" } },
  { id: "diversity-operator", source, level: "warning", diversity: { scope: { role: equipment }, maxVendorShare: "50%", per: "operator" } },
  { id: "diversity-region", source, level: "warning", diversity: { scope: { role: equipment }, maxVendorShare: "50%", per: "region" } },
  { id: "core-deadline", source, deadline: { scope: { role: "core" }, by: "2026-12-31" } },
  { id: "no-new-ran", source, noNewAfter: { scope: { role: "ran" }, date: "2020-12-31" } },
].map((r) => ({ ...r, origin: "bench", location: { file: "bench-policy.yaml", line: 1, column: 1 } }));

async function child(file) {
  const dist = (p) => import(new URL(`../dist/${p}`, import.meta.url).href);
  const { loadTopology } = await dist("topology/index.js");
  const { nodeHost } = await dist("cli/host.js");
  const { designate } = await dist("policy/designation.js");
  const { runRules } = await dist("policy/rules/index.js");
  const { topology, registry } = loadTopology([file], nodeHost(root));
  const asOf = "2025-01-01";
  const spec = {
    vendors: new Map(["huawei", "zte"].map((v) => [v, { source: "bench" }])),
    operators: [],
    jurisdictions: new Map(),
    tags: new Map(),
    components: true,
    unknownVendor: "risky",
    includePassive: false,
    origin: "bench",
    description: "bench",
    lists: [],
  };
  const designation = designate(topology, registry, spec, asOf);
  const ctx = { topology, registry, designation, asOf };
  const text = readFileSync(file, "utf8");
  let t = performance.now();
  JSON.parse(text);
  const parseMs = performance.now() - t;
  const phases = {};
  t = performance.now();
  const all = runRules(rules, { ...ctx, timings: { clock: () => performance.now(), record: (phase, ms) => (phases[phase] = ms) } });
  const rulesMs = performance.now() - t;
  const setupMs = phases["rules:setup"];
  const perRule = Object.fromEntries(rules.map((r) => [r.id, phases[`rule:${r.id}`]]));
  const findingsPerRule = Object.fromEntries(all.results.map((r) => [r.id, r.findings]));
  const failed = all.results.filter((r) => !r.passed).map((r) => r.id);
  return { elements: topology.elements.length, sites: topology.sites.size, bytes: text.length, parseMs, rulesMs, setupMs, perRule, findingsPerRule, findings: all.findings.length, failed };
}

if (process.argv.includes("--child")) {
  process.stdout.write(`${JSON.stringify(await child(arg("child")))}\n`);
} else {
  const elements = Number(arg("elements", "1000000"));
  const runs = Number(arg("runs", "3"));
  const { paths } = ensureTopology({ elements, seed: 1, outDir: arg("out", join(root, "bench", "out")) });
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const p = spawnSync(process.execPath, ["--max-old-space-size=8192", here, "--child", paths.json], { encoding: "utf8", maxBuffer: 1 << 24 });
    if (p.status !== 0) throw new Error(`child failed: ${p.stderr}`);
    samples.push(JSON.parse(p.stdout));
    process.stderr.write(`  run ${i + 1}/${runs}: parse ${samples[i].parseMs.toFixed(0)} ms, rules ${samples[i].rulesMs.toFixed(0)} ms cold\n`);
  }
  const median = (f) => samples.map(f).sort((a, b) => a - b)[Math.floor(samples.length / 2)];
  const ms = (x) => x.toFixed(1).padStart(8);
  const s = samples[0];
  const parseMs = median((x) => x.parseMs);
  const rulesMs = median((x) => x.rulesMs);
  const out = [
    `rules benchmark: ${s.elements} elements, ${s.sites} sites, ${runs} fresh processes (medians, ms)`,
    `  JSON.parse of ${paths.json.split("/").pop()} (${(s.bytes / 1e6).toFixed(0)} MB)`.padEnd(42) + ms(parseMs),
    `  runRules, ${rules.length} rules, first call (cold)`.padEnd(42) + `${ms(rulesMs)}   = ${(rulesMs / parseMs).toFixed(2)} × JSON.parse (target ≤ 0.5)`,
    `  first call by phase:`,
    `    shared setup (problems, per-element arrays)`.padEnd(42) + ms(median((x) => x.setupMs)),
    ...rules.map((r) => `    ${r.id}`.padEnd(42) + ms(median((x) => x.perRule[r.id])) + `   ${s.findingsPerRule[r.id]} findings`),
    `  findings: ${s.findings}; failed rules: ${s.failed.join(", ") || "none"}`,
  ];
  process.stdout.write(`${out.join("\n")}\n`);
}
