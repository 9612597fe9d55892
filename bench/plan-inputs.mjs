// The inputs of the plan rows of `npm run bench`: N flows from RAN sources of the bench network to
// its datacenter gateways (every other one at `failOn: dirty`, so the clean-path cuts run too), and a
// policy with a 35% RAN cap per operator. Written next to the network, once per size.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Writes (or reuses) plan-flows-SIZE-N.json and plan-cap.yaml; returns their paths. */
export function ensurePlanInputs({ json, size, outDir, flows }) {
  const flowsPath = join(outDir, `plan-flows-${size}-${flows}.json`);
  const policyPath = join(outDir, "plan-cap.yaml");
  if (!existsSync(policyPath)) {
    writeFileSync(policyPath, 'cleanpath: 1\nkind: policy\nrules:\n  - { id: ran-cap, cap: { scope: { role: ran }, max: "35%", per: operator, measure: count } }\n');
  }
  if (!existsSync(flowsPath)) {
    const topo = JSON.parse(readFileSync(json, "utf8"));
    const tagged = (t) => topo.elements.filter((e) => e.tags?.includes(t)).map((e) => e.id);
    const sources = [...tagged("bench-src-10k"), ...tagged("bench-src-1k")];
    const targets = tagged("bench-dst");
    if (sources.length < flows || targets.length === 0) throw new Error(`plan bench: ${sources.length} sources, ${targets.length} targets in ${json}`);
    // Spread over the network: every k-th source, alternating targets and thresholds.
    const step = Math.floor(sources.length / flows);
    const list = Array.from({ length: flows }, (_, i) => ({
      id: `plan-${i}`,
      from: sources[i * step],
      to: targets[i % targets.length],
      ...(i % 2 === 1 ? { failOn: "dirty" } : {}),
    }));
    writeFileSync(flowsPath, JSON.stringify({ cleanpath: 1, flows: list }));
  }
  return { flowsPath, policyPath };
}
