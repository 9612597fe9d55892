#!/usr/bin/env node
// `npm run bench`: generates (or reuses) the synthetic topologies, then measures every floor and
// scenario of bench/scenarios.mjs in fresh processes, one at a time, and prints median
// [min–max], peak RSS, the ratio to the floor and the verdict against the targets.
//
//   npm run bench -- [--sizes 1e4,1e5,1e6] [--runs N] [--only load-json,audit-1k] [--json out.json]
//                    [--seed 1] [--out bench/out] [--max-row-seconds 300] [--timeout-seconds 1200]
//                    [--cli path/to/bin/cleanpath.js]   (another build, to compare two versions)
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { sizeLabel, topologyPaths } from "./gen.mjs";
import { evaluateTargets, formatMs, formatTable, median, runSample, summarise } from "./measure.mjs";
import { floors, scenarios } from "./scenarios.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const USAGE =
  "usage: npm run bench -- [--sizes 1e4,1e5,1e6] [--runs N] [--only NAME,...] [--json FILE]\n" +
  "                        [--seed S] [--out DIR] [--max-row-seconds S] [--timeout-seconds S] [--cli FILE]\n";

function parseArgs(argv) {
  const opts = { sizes: [1e4, 1e5, 1e6], runs: null, only: null, json: null, seed: 1, out: join(root, "bench", "out"), cli: join(root, "bin", "cleanpath.js"), maxRowSeconds: 300, timeoutSeconds: 1200 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const positive = (v) => {
      const n = Number(v);
      if (!Number.isFinite(n) || n <= 0) throw new Error(`${a} needs a positive number, got ${v}`);
      return n;
    };
    if (a === "--sizes") opts.sizes = value().split(",").map((s) => Math.round(positive(s)));
    else if (a === "--runs") opts.runs = Math.round(positive(value()));
    else if (a === "--only") opts.only = value().split(",").map((s) => s.trim()).filter(Boolean);
    else if (a === "--json") opts.json = resolve(value());
    else if (a === "--seed") opts.seed = Number(value());
    else if (a === "--out") opts.out = resolve(value());
    else if (a === "--cli") opts.cli = resolve(value());
    else if (a === "--max-row-seconds") opts.maxRowSeconds = positive(value());
    else if (a === "--timeout-seconds") opts.timeoutSeconds = positive(value());
    else if (a === "--help" || a === "-h") opts.help = true;
    else throw new Error(`unknown option ${a}`);
  }
  if (opts.sizes.some((n) => n < 1000)) throw new Error("--sizes: each size must be at least 1e3");
  if (!Number.isInteger(opts.seed) || opts.seed < 0) throw new Error("--seed must be a non-negative integer");
  if (opts.only) {
    const known = [...scenarios.map((s) => s.name), ...Object.keys(floors)];
    const unknown = opts.only.filter((n) => !known.includes(n));
    if (unknown.length) throw new Error(`--only: unknown ${unknown.join(", ")} (known: ${known.join(", ")})`);
  }
  return opts;
}

/**
 * Samples one command up to `runs` times, stopping early when it is not available or the row's
 * time budget is spent. With `paired` (a floor), each sample is preceded by one of the floor, so
 * that the ratio compares runs made minutes apart at most on a machine whose speed drifts.
 */
function measureRow(name, label, argv, ctx, okExitCodes, outcome, paired = null) {
  const samples = [];
  const floorSamples = [];
  let spent = 0;
  for (let i = 0; i < ctx.runs; i++) {
    if (paired) {
      const f = runSample(paired.argv, { cwd: root, env: {}, rssFile: ctx.rssFile, timeoutMs: ctx.timeoutMs, okExitCodes: [0] });
      floorSamples.push(f);
      process.stderr.write(`  [${label}] ${paired.name} (before ${name}) run ${i + 1}/${ctx.runs}: ${f.status === "ok" ? `${formatMs(f.ms)} ms` : `${f.status} (exit ${f.exitCode ?? f.signal}) ${f.stderrHead}`}\n`);
    }
    const s = runSample(argv, { cwd: root, env: {}, rssFile: ctx.rssFile, timeoutMs: ctx.timeoutMs, okExitCodes });
    // What the run answered (a plan's optimality and gap), read from its output file.
    if (s.status === "ok" && outcome) s.outcome = outcome();
    samples.push(s);
    spent += s.ms;
    const rss = s.rssMB === null ? "" : `, ${s.rssMB.toFixed(0)} MB`;
    const said = s.outcome ? ` — ${s.outcome}` : "";
    process.stderr.write(`  [${label}] ${name} run ${i + 1}/${ctx.runs}: ${s.status === "ok" ? `${formatMs(s.ms)} ms${rss}${said}` : `${s.status} (exit ${s.exitCode ?? s.signal}) ${s.stderrHead}`}\n`);
    if (s.status !== "ok") break;
    if (spent + s.ms > ctx.maxRowMs) break;
  }
  const failed = samples.find((s) => s.status !== "ok");
  const okFloor = floorSamples.filter((f) => f.status === "ok");
  return {
    status: failed ? failed.status : "ok",
    note: failed?.stderrHead ?? "",
    samples,
    summary: summarise(samples),
    ...(paired ? { floorSamples, floorSummary: okFloor.length > 0 ? summarise(okFloor) : null } : {}),
  };
}

function generate(n, opts, optical = false) {
  const gen = spawnSync(process.execPath, [join(root, "bench", "gen.mjs"), "--elements", String(n), "--seed", String(opts.seed), "--out", opts.out, ...(optical ? ["--optical"] : [])], {
    stdio: ["ignore", 2, 2], // progress goes to stderr; stdout carries only the report
  });
  if (gen.status !== 0) throw new Error(`generator failed for ${n} elements${optical ? " (optical)" : ""} (exit ${gen.status ?? gen.signal})`);
  const paths = topologyPaths(opts.out, n, opts.seed, optical);
  return { paths, meta: JSON.parse(readFileSync(paths.meta, "utf8")) };
}

function runSize(n, opts) {
  const label = sizeLabel(n);
  process.stderr.write(`\n== ${label} elements\n`);
  const { paths, meta } = generate(n, opts);
  const atSize = (s) => !s.sizes || s.sizes.includes(label);
  const chosen = scenarios.filter((s) => (!opts.only || opts.only.includes(s.name)) && atSize(s));
  // A scenario that is another one's floor is measured too, before it (the list's order).
  const selected = scenarios.filter((s) => atSize(s) && (chosen.includes(s) || chosen.some((c) => c.floor === s.name)));
  // The same network with its optical layer, only when a row reads it.
  const optical = selected.some((s) => s.optical) ? generate(n, opts, true) : null;
  const files = {
    cli: opts.cli,
    json: paths.json,
    yaml: paths.yaml,
    flowsJson: paths.flowsJson,
    flowsYaml: paths.flowsYaml,
    opticalJson: optical?.paths.json ?? null,
    opticalYaml: optical?.paths.yaml ?? null,
    rulesPolicy: fileURLToPath(new URL("./policy-10-rules.yaml", import.meta.url)),
    // A scratch file, not /dev/null: -o writes a temporary file and renames it over the target.
    output: join(opts.out, `bench-output-${process.pid}.json`),
    size: label,
    outDir: opts.out,
  };
  const ctx = {
    runs: opts.runs ?? (n >= 1e6 ? 3 : 5),
    rssFile: join(opts.out, `bench-rss-${process.pid}.txt`),
    timeoutMs: opts.timeoutSeconds * 1000,
    maxRowMs: opts.maxRowSeconds * 1000,
  };
  // Floors are timed alternately with the scenarios measured against them (one floor run before
  // each scenario run); the floor's row gathers all its runs. A floor no scenario uses (node-start,
  // or one named with --only) is timed on its own, first.
  const pairedFloors = new Set(selected.map((s) => s.floor).filter((f) => f && Object.hasOwn(floors, f)));
  const floorNames = Object.keys(floors).filter((f) => floors[f].always || pairedFloors.has(f) || opts.only?.includes(f));
  const rows = [];
  const floorRows = {};
  for (const f of floorNames) {
    const row = pairedFloors.has(f)
      ? { size: label, name: f, kind: "floor", describe: floors[f].describe, status: "ok", note: "", samples: [], summary: null }
      : { size: label, name: f, kind: "floor", describe: floors[f].describe, ...measureRow(f, label, floors[f].argv(files), ctx, [0]) };
    floorRows[f] = row;
    rows.push(row);
  }
  const scenarioRows = {};
  for (const s of selected) {
    const paired = pairedFloors.has(s.floor) ? { name: s.floor, argv: floors[s.floor].argv(files) } : null;
    const measured = measureRow(s.name, label, s.argv(files), ctx, s.okExitCodes ?? [0, 1], s.outcome ? () => s.outcome(files) : undefined, paired);
    scenarioRows[s.name] = measured;
    if (paired) {
      const row = floorRows[s.floor];
      row.samples.push(...measured.floorSamples);
      const bad = row.samples.find((x) => x.status !== "ok");
      if (bad) Object.assign(row, { status: bad.status, note: bad.stderrHead ?? "" });
      const ok = row.samples.filter((x) => x.status === "ok");
      row.summary = ok.length > 0 ? summarise(ok) : null;
    }
    // The floor runs made alongside this scenario, or a scenario measured before this one
    // (long-path-table against long-path-json).
    const floor = s.floor ? (paired ? measured.floorSummary : (floorRows[s.floor] ?? scenarioRows[s.floor])?.summary) ?? null : null;
    const ratio = measured.summary && floor ? measured.summary.median / floor.median : null;
    const targets = evaluateTargets(s.targets, label, measured.summary, ratio);
    rows.push({ size: label, name: s.name, kind: "scenario", describe: s.describe, floor: s.floor ?? null, floorMedian: floor?.median ?? null, ratio, targets, ...measured });
  }
  rmSync(files.output, { force: true });
  rmSync(ctx.rssFile, { force: true });
  return { label, meta, opticalMeta: optical?.meta ?? null, rows };
}

function verdict(row) {
  if (row.status === "not-available") return "";
  if (row.targets?.length === 0 || !row.targets) return "";
  if (row.targets.some((t) => t.pass === false)) return "MISS";
  if (row.targets.some((t) => t.pass === null)) return "?";
  return "pass";
}

function resultTable(results) {
  const header = ["size", "scenario", "median ms", "[min–max]", "runs", "floor", "floor ms", "ratio", "peak RSS MB", "target", "result"];
  const body = [];
  for (const { rows } of results) {
    for (const r of rows) {
      const s = r.summary;
      const name = r.kind === "floor" ? `(floor) ${r.name}` : r.name;
      if (r.status === "not-available") {
        body.push([r.size, name, "not available yet", "", "", r.floor ?? "", formatMs(r.floorMedian), "", "", r.targets.map((t) => t.text).join(" · "), ""]);
        continue;
      }
      if (!s || r.status !== "ok") {
        const last = r.samples.at(-1);
        const what = `${r.status} (${last?.signal ?? `exit ${last?.exitCode}`})`;
        body.push([r.size, name, what, "", "", r.floor ?? "", formatMs(r.floorMedian), "", "", r.targets?.map((t) => t.text).join(" · ") ?? "", verdict(r)]);
        continue;
      }
      body.push([
        r.size,
        name,
        formatMs(s.median),
        `[${formatMs(s.min)}–${formatMs(s.max)}]`,
        String(s.runs),
        r.kind === "floor" ? "" : r.floor ?? "",
        r.kind === "floor" ? "" : formatMs(r.floorMedian),
        r.ratio === null || r.ratio === undefined ? "" : `${r.ratio.toFixed(2)}×`,
        s.peakRssMB === null ? "–" : s.peakRssMB.toFixed(0),
        r.targets?.map((t) => t.text).join(" · ") ?? "",
        verdict(r),
      ]);
    }
  }
  return formatTable(header, body);
}

function generatorTable(results) {
  const header = ["size", "elements", "links", "links/el", "high-risk", "YAML MB", "JSON MB", "generation s"];
  const row = (label, meta) => [
    label,
    meta.elements.toLocaleString("en-US"),
    meta.links.toLocaleString("en-US"),
    meta.linksPerElement.toFixed(3),
    `${(meta.highRiskShare * 100).toFixed(1)}%`,
    (meta.bytes.yaml / 1e6).toFixed(1),
    (meta.bytes.json / 1e6).toFixed(1),
    (meta.generationMs.total / 1000).toFixed(1),
  ];
  const body = results.flatMap(({ label, meta, opticalMeta }) => [row(label, meta), ...(opticalMeta ? [row(`${label} optical`, opticalMeta)] : [])]);
  return formatTable(header, body, 1);
}

function timingLines(results) {
  const lines = [];
  for (const { rows } of results) {
    for (const r of rows) {
      const t = r.summary?.timings;
      if (!t) continue;
      const parts = Object.entries(t).map(([k, v]) => `${k} ${formatMs(v)}`);
      lines.push(`  ${r.size} ${r.kind === "floor" ? `(floor) ${r.name}` : r.name}: ${parts.join(" · ")}`);
    }
  }
  return lines;
}

function machine() {
  const c = cpus();
  return { node: process.version, platform: `${process.platform}-${process.arch}`, cpus: c.length, cpuModel: c[0]?.model ?? "?", memGB: Math.round(totalmem() / 2 ** 30) };
}

function main(argv) {
  let opts;
  try {
    opts = parseArgs(argv);
  } catch (err) {
    process.stderr.write(`bench: ${err.message}\n${USAGE}`);
    return 2;
  }
  if (opts.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const needsCli = !opts.only || opts.only.some((n) => scenarios.some((s) => s.name === n));
  const defaultCli = opts.cli === join(root, "bin", "cleanpath.js");
  if (needsCli && ((defaultCli && !existsSync(join(root, "dist", "cli", "run.js"))) || !existsSync(opts.cli))) {
    process.stderr.write(`bench: ${defaultCli ? "dist/ is missing: run \`npm run build\` first" : `no CLI at ${opts.cli}`}.\n`);
    return 2;
  }
  mkdirSync(opts.out, { recursive: true });
  const startedAt = new Date().toISOString();
  const results = opts.sizes.map((n) => runSize(n, opts));
  const m = machine();
  const spreads = results.flatMap((r) => r.rows).map((r) => r.summary?.spread).filter((v) => v !== undefined);

  const out = [];
  out.push(`cleanpath bench — Node ${m.node}, ${m.cpus} × ${m.cpuModel}, ${m.memGB} GB RAM, ${m.platform}`);
  out.push("");
  out.push(generatorTable(results));
  out.push("");
  out.push(resultTable(results));
  const failures = results.flatMap((r) => r.rows).filter((r) => r.status === "failed" || r.status === "timeout");
  if (failures.length) out.push("", "Failures (first stderr line):", ...failures.map((r) => `  ${r.size} ${r.name}: ${r.note}`));
  const outcomes = results.flatMap((r) => r.rows).filter((r) => r.samples?.some((x) => x.outcome));
  if (outcomes.length) out.push("", "Outcomes (per run):", ...outcomes.map((r) => `  ${r.size} ${r.name}: ${r.samples.map((x) => x.outcome ?? x.status).join(" · ")}`));
  const timings = timingLines(results);
  if (timings.length) out.push("", "Internal split (median ms, from CLEANPATH_TIMINGS=1):", ...timings);
  out.push(
    "",
    "Times are wall-clock for a fresh process (Node start-up included), median [min–max] over the runs;",
    "peak RSS is the worst run's maxRSS in MiB. Ratio = scenario median / median of the floor runs made",
    "alternately with it (one before each of its runs), same file; a floor's own row gathers all its runs.",
    `Noise: median run-to-run spread here ${spreads.length ? (median(spreads) * 100).toFixed(0) : "–"}% ((max−min)/median). On shared`,
    "vCPUs, differences under ~20% and figures under ~10 ms are noise; at 1e4 process start-up",
    "(~50–150 ms) dominates every row, so ratios there say little. Compare runs on the same machine.",
  );
  process.stdout.write(`${out.join("\n")}\n`);
  if (opts.json) {
    const data = { startedAt, machine: m, options: { ...opts, json: undefined }, results };
    writeFileSync(opts.json, `${JSON.stringify(data, null, 2)}\n`);
    process.stderr.write(`raw samples written to ${opts.json}\n`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
