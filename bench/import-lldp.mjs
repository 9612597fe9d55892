#!/usr/bin/env node
// LLDP import speed. Target (issue #13): a folder of 10^4 device files imports in under 10 s,
// measured as a user sees it: the built CLI, from reading the folder to the written YAML. The
// files are generated first (bench/gen-lldp.mjs: the real samples' shapes, every link seen from
// both ends); the run checks that every link was merged into one.
//   npm run build && node bench/import-lldp.mjs [devices=10000] [runs=3]
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateLldp } from "./gen-lldp.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const n = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 3);
const folder = join(here, "out", `lldp-${n}`);
const out = join(here, "out", `lldp-${n}.yaml`);
const bin = join(here, "..", "bin", "cleanpath.js");

const info = generateLldp(n, folder);
console.log(`generated ${info.devices} device files (${info.records} neighbour records, ${info.links} links, ${(info.bytes / 1e6).toFixed(1)} MB) in ${folder}`);

const times = [];
let summary = "";
for (let i = 0; i < runs; i++) {
  rmSync(out, { force: true });
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, "import", "lldp", folder, "-o", out], { encoding: "utf8" });
  times.push(performance.now() - t0);
  if (r.status !== 0) {
    console.error(r.stderr);
    process.exit(1);
  }
  summary = r.stderr.split("\n")[0];
}
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
const expected = `cleanpath import lldp: ${n} elements, ${info.links} links, 0 sites`;
const ok = summary.startsWith(expected) && existsSync(out);
console.log(`lldp     ${n} device files → ${(readFileSync(out).length / 1e6).toFixed(1)} MB of YAML: ${times.map((t) => `${(t / 1000).toFixed(2)} s`).join(", ")}; median ${(median / 1000).toFixed(2)} s  (target < 10 s)`);
console.log(`         ${summary}${ok ? "" : `   EXPECTED ${expected}`}`);
process.exitCode = ok && median < 10_000 ? 0 : 1;
