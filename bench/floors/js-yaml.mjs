// Floor for YAML: read a topology file and js-yaml `load` it (default schema), nothing else.
// With CLEANPATH_TIMINGS=1 it reports its split in the same one-line format the CLI uses.
import { readFileSync } from "node:fs";
import { load } from "js-yaml";

const t0 = performance.now();
const text = readFileSync(process.argv[2], "utf8");
const t1 = performance.now();
const doc = load(text);
const t2 = performance.now();
if (process.env.CLEANPATH_TIMINGS === "1") {
  process.stderr.write(`${JSON.stringify({ timings: { read: t1 - t0, parse: t2 - t1 } })}\n`);
}
// Using the result keeps the parse from being optimised away and checks the input is a topology.
if (doc?.cleanpath !== 1) process.exitCode = 1;
