#!/usr/bin/env node
// Micro-benchmark of the path engine (src/graph) on a synthetic telecom-like network.
//
//   node bench/graph.mjs                       sizes 1e4,1e5,1e6, 3 fresh processes per case
//   node bench/graph.mjs --sizes 1e6 --runs 5
//   node bench/graph.mjs --child SIZE CASE     one measurement (JSON on stdout)
//
// Environment: CLEANPATH_BENCH_SHARING='{"trees":"never","cleanBlocks":"auto"}' forces a
// sharing strategy; CLEANPATH_BENCH_MARK=1 prints analysis start/end times to stderr (to line
// them up with node --trace-gc). "analyze CPU" counts every thread, the collector's included;
// "load" is the 1-minute load average when the run started (the machine may be shared).
//
// Needs the build (`npm run build`): it imports dist/graph.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import os from "node:os";
import { performance } from "node:perf_hooks";

const here = fileURLToPath(import.meta.url);
const dist = new URL("../dist/graph/", import.meta.url);

/** Small deterministic PRNG (mulberry32). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const location = { file: "bench.yaml", line: 1, column: 1 };

/** A new string object with the same text, as a parser hands out for every occurrence of an id. */
const fresh = (id) => (id + " ").slice(0, -1);

/**
 * A national mobile network of about `size` elements: a core ring with chords and two data
 * centres; per region an aggregation pair and pre-aggregation pairs; access rings of 4–10 cell
 * sites closed on a pre-aggregation pair and microwave tails of 1–3 sites (a quarter of them
 * dual-homed); per site 1–2 site routers, a 4G BBU and/or 5G DU, and 1–3 radio units.
 * Vendors are chosen per region, so high-risk items cluster (about 13% of elements).
 */
export function generate(size, seed = 1) {
  const rand = rng(seed);
  const pick = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const elements = [];
  const links = [];
  const risky = [];
  const riskyLinks = [];
  const rus = [];
  const add = (id, role, bad) => {
    elements.push({ id, role, vendor: bad ? "huawei" : "nokia", components: [], passive: false, state: "in-service", tags: [], location });
    risky.push(bad ? 1 : 0);
    return elements.length - 1;
  };
  const link = (a, b, metric, bad = false) => {
    links.push({ id: `${a}--${b}#${links.length}`, a: fresh(a), b: fresh(b), metric, direction: "both", components: [], passive: false, state: "in-service", tags: [], location });
    riskyLinks.push(bad ? 1 : 0);
  };
  const cores = size >= 500000 ? 32 : size >= 50000 ? 16 : 8;
  const core = [];
  for (let i = 0; i < cores; i++) {
    const id = `core-${i}`;
    add(id, "core", false);
    core.push(id);
  }
  for (let i = 0; i < cores; i++) {
    link(core[i], core[(i + 1) % cores], 10);
    if (i % 2 === 0) link(core[i], core[(i + cores / 2) % cores], 25);
    if (i % 4 === 1) link(core[i], core[(i + 3) % cores], 18);
  }
  const dcs = ["dc-east", "dc-west"];
  add(dcs[0], "datacenter", false);
  add(dcs[1], "datacenter", false);
  link(dcs[0], core[0], 5);
  link(dcs[0], core[1], 5);
  link(dcs[1], core[cores / 2], 5);
  link(dcs[1], core[cores / 2 + 1], 5);
  const regions = Math.max(8, Math.round(size / 12500));
  const perRegion = (size - cores - 2) / regions;
  for (let r = 0; r < regions; r++) {
    const regionBad = r % 8 === 3; // high-risk RAN and site routers in this region
    const aggBad = r % 8 === 6; // a partial swap left one aggregation router
    const start = elements.length;
    const agg = [`r${r}-agg-a`, `r${r}-agg-b`];
    add(agg[0], "aggregation", aggBad);
    add(agg[1], "aggregation", false);
    link(agg[0], agg[1], 5);
    link(agg[0], core[r % cores], 20);
    link(agg[1], core[(r + 1) % cores], 20);
    for (let p = 0; elements.length - start < perRegion; p++) {
      const pre = [`r${r}-pre${p}-a`, `r${r}-pre${p}-b`];
      add(pre[0], "transport", regionBad && rand() < 0.5);
      add(pre[1], "transport", false);
      link(pre[0], pre[1], 5);
      link(pre[0], agg[0], 30);
      link(pre[0], agg[1], 30);
      link(pre[1], agg[0], 30);
      link(pre[1], agg[1], 30);
      for (let k = 0; k < 12 && elements.length - start < perRegion; k++) {
        const ring = rand() < 0.7;
        const sites = ring ? pick(4, 10) : pick(1, 3);
        let prev = pre[0];
        for (let s = 0; s < sites; s++) {
          const base = `r${r}-p${p}-k${k}-s${s}`;
          const bad = regionBad && rand() < 0.9;
          const csr = [`${base}-csr1`];
          add(csr[0], "access", bad);
          if (rand() < 0.5) {
            csr.push(`${base}-csr2`);
            add(csr[1], "access", bad);
            link(csr[0], csr[1], 1);
          }
          link(prev, csr[0], ring ? pick(5, 10) : 10, !ring && regionBad);
          prev = csr[csr.length - 1];
          const radios = [];
          if (rand() < 0.7) {
            radios.push(`${base}-bbu`);
            add(`${base}-bbu`, "ran", bad);
          }
          if (radios.length === 0 || rand() < 0.6) {
            radios.push(`${base}-du`);
            add(`${base}-du`, "ran", bad);
          }
          for (const x of radios) for (const c of csr) link(x, c, 1);
          const nru = pick(1, 3);
          for (let u = 0; u < nru; u++) {
            const ru = `${base}-ru${u}`;
            rus.push(add(ru, "ran", bad));
            for (const x of radios) link(ru, x, 1);
          }
        }
        if (ring) link(prev, pre[1], pick(5, 10));
        else if (rand() < 0.25) link(prev, pre[1], 10, regionBad);
      }
    }
  }
  const elementIndex = new Map(elements.map((e, i) => [e.id, i]));
  const topology = {
    inputs: [],
    elements,
    links,
    sites: new Map(),
    operators: new Map(),
    vendors: new Map(),
    flows: [],
    elementIndex,
    linkIndex: new Map(),
  };
  return { topology, risky, riskyLinks, rus, dcs: dcs.map((d) => elementIndex.get(d)) };
}

function maskFor(g, gen) {
  const mask = new Uint8Array(g.n + g.m);
  for (let v = 0; v < g.n; v++) mask[v] = gen.risky[g.nodeElement[v]];
  for (let l = 0; l < g.m; l++) mask[g.n + l] = gen.riskyLinks[g.linkTopo[l]];
  return mask;
}

const cases = {
  "ru-x-dc-1000": { pairs: 500, failures: 0 },
  "random-1000": { random: 1000, failures: 0 },
  "ru-x-dc-10000": { pairs: 5000, failures: 0 },
  "one-pair-failures-1": { pairs: 1, dcOnly: 1, failures: 1 },
  "one-pair-failures-2": { pairs: 1, dcOnly: 1, failures: 2 },
};

/** CPU time (all threads: the collector's included) since `c0`, in ms. */
function cpuMs(c0) {
  const d = process.cpuUsage(c0);
  return (d.user + d.system) / 1000;
}

async function child(size, name) {
  const { buildGraph } = await import(new URL("build.js", dist));
  const { analyzePairs, analyzePairsWith } = await import(new URL("analyze.js", dist));
  const { verdictOf } = await import(new URL("verdict.js", dist));
  let t0 = performance.now();
  const gen = generate(size);
  const genMs = performance.now() - t0;
  t0 = performance.now();
  let c0 = process.cpuUsage();
  const g = buildGraph(gen.topology);
  const buildMs = performance.now() - t0;
  const buildCpuMs = cpuMs(c0);
  const risky = maskFor(g, gen);
  const spec = cases[name];
  const rand = rng(7);
  const queries = [];
  if (spec.random) {
    for (let i = 0; i < spec.random; i++) {
      const s = Math.floor(rand() * g.n);
      let t = Math.floor(rand() * (g.n - 1));
      if (t >= s) t++;
      queries.push({ s, t, failures: spec.failures });
    }
  } else {
    const nodeOf = new Int32Array(gen.topology.elements.length).fill(-1);
    for (let v = 0; v < g.n; v++) nodeOf[g.nodeElement[v]] = v;
    const ruNodes = gen.rus.map((e) => nodeOf[e]);
    const step = Math.max(1, Math.floor(ruNodes.length / spec.pairs));
    const dcs = gen.dcs.slice(0, spec.dcOnly ?? 2).map((e) => nodeOf[e]);
    for (let i = 0; i < spec.pairs; i++) {
      for (const t of dcs) queries.push({ s: ruNodes[(i * step + 3) % ruNodes.length], t, failures: spec.failures });
    }
  }
  if (process.env.CLEANPATH_BENCH_MARK) process.stderr.write(`analyze start ${performance.now().toFixed(0)}\n`);
  t0 = performance.now();
  c0 = process.cpuUsage();
  // CLEANPATH_BENCH_SHARING='{"trees":"never","cleanBlocks":"auto"}' compares strategies.
  const sharing = process.env.CLEANPATH_BENCH_SHARING;
  const facts = sharing ? analyzePairsWith(g, risky, queries, {}, JSON.parse(sharing)) : analyzePairs(g, risky, queries);
  const analyzeMs = performance.now() - t0;
  const analyzeCpuMs = cpuMs(c0);
  if (process.env.CLEANPATH_BENCH_MARK) process.stderr.write(`analyze end ${performance.now().toFixed(0)}\n`);
  const verdicts = {};
  for (let i = 0; i < facts.length; i++) {
    const v = verdictOf(facts[i], queries[i].failures);
    verdicts[v] = (verdicts[v] ?? 0) + 1;
  }
  // The topology stays alive through the analysis, as it does in the CLI (reports need it).
  if (gen.topology.elements.length === 0) throw new Error("empty topology");
  let riskyNodes = 0;
  for (let v = 0; v < g.n; v++) riskyNodes += risky[v];
  return {
    size,
    case: name,
    n: g.n,
    m: g.m,
    riskyShare: +(riskyNodes / g.n).toFixed(3),
    pairs: queries.length,
    genMs,
    buildMs,
    buildCpuMs,
    analyzeMs,
    analyzeCpuMs,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    load: os.loadavg()[0].toFixed(1),
    verdicts,
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
};

async function main(argv) {
  if (argv[0] === "--child") {
    process.stdout.write(JSON.stringify(await child(Number(argv[1]), argv[2])) + "\n");
    return;
  }
  const opt = (name, dflt) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : dflt;
  };
  const sizes = opt("--sizes", "1e4,1e5,1e6").split(",").map(Number);
  const runs = Number(opt("--runs", "3"));
  const only = opt("--cases", Object.keys(cases).join(",")).split(",");
  const rows = [];
  for (const size of sizes) {
    for (const name of only) {
      const results = [];
      for (let r = 0; r < runs; r++) {
        const p = spawnSync(process.execPath, ["--max-old-space-size=8192", here, "--child", String(size), name], { encoding: "utf8" });
        if (p.status !== 0) throw new Error(`child failed: ${p.stderr}`);
        results.push(JSON.parse(p.stdout));
      }
      const f = (k) => median(results.map((x) => x[k]));
      const fmt = (k) => `${f(k).toFixed(k === "analyzeMs" && f(k) < 100 ? 1 : 0)} [${Math.min(...results.map((x) => x[k])).toFixed(0)}–${Math.max(...results.map((x) => x[k])).toFixed(0)}]`;
      const row = { size, case: name, n: results[0].n, m: results[0].m, risky: results[0].riskyShare, pairs: results[0].pairs, build: fmt("buildMs"), analyze: fmt("analyzeMs"), analyzeCpu: fmt("analyzeCpuMs"), load: results[0].load, rssMB: f("peakRssMB"), verdicts: JSON.stringify(results[0].verdicts) };
      rows.push(row);
      process.stderr.write(`${JSON.stringify(row)}\n`);
    }
  }
  process.stdout.write("| size | case | nodes | links | risky | pairs | build ms | analyze ms | analyze CPU ms | peak RSS MB | load | verdicts |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
  for (const r of rows) {
    process.stdout.write(`| ${r.size} | ${r.case} | ${r.n} | ${r.m} | ${r.risky} | ${r.pairs} | ${r.build} | ${r.analyze} | ${r.analyzeCpu} | ${r.rssMB} | ${r.load} | ${r.verdicts} |\n`);
  }
}

if (process.argv[1] === here) await main(process.argv.slice(2));
