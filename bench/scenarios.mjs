// What `npm run bench` measures: reference floors and CLI scenarios, as tables. Adding a
// measurement is one row here. `argv` receives the files of one size:
//   { cli, json, yaml, flowsJson, flowsYaml, rulesPolicy, output, size, outDir }
// and returns the arguments after `node`. Targets apply only at the listed sizes. A scenario's
// `floor` is a floor, or a scenario listed before it (the ratio is then to that scenario).
// `optical: true` rows read the same network with its optical layer (`gen.mjs --optical`):
// `opticalJson`, `opticalYaml`, generated only when such a row runs.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ensureShape } from "./gen-shapes.mjs";
import { ensurePlanInputs } from "./plan-inputs.mjs";

const floorScript = (name) => fileURLToPath(new URL(`./floors/${name}`, import.meta.url));

/** Reference programs: the bare cost of reading and parsing the same file in a fresh process (`always`: measured in every run). */
export const floors = {
  "node-start": {
    describe: "an empty script: Node start-up plus the RSS hook, paid by every row",
    always: true,
    argv: () => [floorScript("empty.mjs")],
  },
  "json-parse": {
    describe: "readFileSync + JSON.parse of topo-N.json",
    argv: (f) => [floorScript("json-parse.mjs"), f.json],
  },
  "js-yaml": {
    describe: "readFileSync + js-yaml load of topo-N.yaml",
    argv: (f) => [floorScript("js-yaml.mjs"), f.yaml],
  },
};

const audit = (f, ...rest) => [f.cli, "audit", ...rest, "--format", "json", "-o", f.output];

/** Hops of the chain the long-path rows audit, by size: a path, not a network, of about that size. */
export const chainHops = { "1e4": 20_000, "1e5": 100_000, "1e6": 1_000_000 };
/** `audit path` from one end of the chain (bench/gen-shapes.mjs, Huawei every 10,000 elements) to the other. */
const longPath = (f, format) => {
  const hops = chainHops[f.size];
  const chain = ensureShape({ shape: "chain", size: hops, outDir: f.outDir });
  return [f.cli, "audit", "path", chain.path, "--from", chain.from, "--to", chain.to, "--format", format, "-o", f.output];
};

/** A plan run's answer, from its JSON output: proven optimal or the gap, and the model's size. */
const planOutcome = (f) => {
  const r = JSON.parse(readFileSync(f.output, "utf8"));
  const m = r.model;
  return `${r.optimal ? "optimal" : `gap ${(100 * r.gap).toFixed(2)}%`}, ${r.items.length} items (bound ${r.lowerBound}), ${m.iterations} master solves, ${m.variables} variables, ${m.constraints} rows`;
};

/** `cleanpath plan` of `flows` flows and a 35% RAN cap per operator (bench/plan-inputs.mjs), by count. */
const planRow = (f, flows) => {
  const p = ensurePlanInputs({ json: f.json, size: f.size, outDir: f.outDir, flows });
  return [f.cli, "plan", f.json, p.flowsPath, "--policy", p.policyPath, "--by", "count", "--time-limit", "60", "--format", "json", "-o", f.output];
};

/** CLI scenarios; `sizes` limits a row to some sizes, `okExitCodes` defaults to [0, 1] (1 = findings). */
export const scenarios = [
  {
    name: "load-json",
    describe: "cleanpath validate topo-N.json (read, parse, schema, references)",
    argv: (f) => [f.cli, "validate", f.json],
    floor: "json-parse",
    // Tighter at 1e6, where nearly all of the run is reading the file: 2× JSON.parse, 1.5 GB.
    targets: [
      { sizes: ["1e5"], maxRatio: 2.5 },
      { sizes: ["1e6"], maxRatio: 2.0 },
      { sizes: ["1e6"], maxRssMB: 1536 },
    ],
  },
  {
    name: "load-yaml",
    describe: "cleanpath validate topo-N.yaml",
    argv: (f) => [f.cli, "validate", f.yaml],
    floor: "js-yaml",
    targets: [
      { sizes: ["1e5"], maxRatio: 1.5 },
      { sizes: ["1e6"], maxRatio: 1.0 },
      { sizes: ["1e6"], maxRssMB: 4096 },
    ],
  },
  {
    name: "audit-1k",
    describe: "audit path, 500 RUs × 2 datacenter gateways = 1,000 pairs",
    argv: (f) => audit(f, "path", f.json, "--from", "tag=bench-src-1k", "--to", "tag=bench-dst"),
    floor: "json-parse",
    targets: [
      { sizes: ["1e5"], maxRatio: 3.5 },
      { sizes: ["1e6"], maxRatio: 3.0 },
      { sizes: ["1e6"], maxRssMB: 1843 },
    ],
  },
  {
    name: "load-json-optical",
    describe: "cleanpath validate of the same network with its optical layer (OADMs, channels, ducts; underlay closures)",
    optical: true,
    argv: (f) => [f.cli, "validate", f.opticalJson],
    floor: "load-json",
    targets: [],
  },
  {
    name: "load-yaml-optical",
    describe: "the same, YAML",
    optical: true,
    argv: (f) => [f.cli, "validate", f.opticalYaml],
    floor: "load-yaml",
    targets: [],
  },
  {
    name: "audit-1k-optical",
    describe: "audit path, the same 1,000 pairs, the network with its optical layer (every core and aggregation link over 3–5 underlay items)",
    optical: true,
    argv: (f) => audit(f, "path", f.opticalJson, "--from", "tag=bench-src-1k", "--to", "tag=bench-dst"),
    floor: "audit-1k",
    targets: [],
  },
  {
    name: "audit-10k",
    describe: "audit path, 5,000 RAN elements × 2 gateways = 10,000 pairs",
    argv: (f) => audit(f, "path", f.json, "--from", "tag=bench-src-10k", "--to", "tag=bench-dst"),
    floor: "json-parse",
    targets: [{ sizes: ["1e6"], maxRssMB: 2560 }],
  },
  {
    name: "audit-failures1",
    describe: "audit path, one pair, survives any single failure (--failures 1)",
    sizes: ["1e5"],
    argv: (f) => audit(f, "path", f.json, "--from", "tag=bench-src-1", "--to", "tag=bench-dst-1", "--failures", "1"),
    floor: "json-parse",
    targets: [],
  },
  {
    name: "audit-rules",
    describe: "audit rules topo-N.json --policy bench/policy-10-rules.yaml (ten rules of every kind)",
    argv: (f) => audit(f, "rules", f.json, "--policy", f.rulesPolicy, "--as-of", "2026-06-01"),
    floor: "json-parse",
    targets: [],
  },
  {
    name: "audit-flows",
    describe: "audit flows topo-N.json flows-N.json (1 + 1,000 + 10,000 pairs in 3 flows)",
    argv: (f) => audit(f, "flows", f.json, f.flowsJson),
    floor: "json-parse",
    targets: [{ sizes: ["1e6"], maxRssMB: 2560 }],
  },
  {
    name: "plan-100",
    describe: "cleanpath plan: 100 flows (half at failOn dirty) and a 35% RAN cap per operator, by count",
    sizes: ["1e5"],
    argv: (f) => planRow(f, 100),
    outcome: planOutcome,
    floor: "json-parse",
    targets: [],
  },
  {
    name: "plan-1k",
    describe: "cleanpath plan: 1,000 flows and the same cap, --time-limit 60",
    sizes: ["1e6"],
    argv: (f) => planRow(f, 1000),
    outcome: planOutcome,
    floor: "json-parse",
    targets: [],
  },
  {
    name: "long-path-json",
    describe: "audit path e0 → eH over a chain of H hops (H = 20,000 at 1e4, 10^5 at 1e5, 10^6 at 1e6), --format json",
    sizes: Object.keys(chainHops),
    argv: (f) => longPath(f, "json"),
    // The floors read the network of this size, not the chain: no ratio.
    targets: [],
  },
  {
    name: "long-path-table",
    describe: "the same path, --format table (elided to its two ends)",
    sizes: Object.keys(chainHops),
    argv: (f) => longPath(f, "table"),
    floor: "long-path-json",
    targets: [{ maxRatio: 3 }],
  },
];
