import type { Highs } from "highs";
import { solver as loadSolver } from "../../src/run/plan.js";
import { audit } from "../../src/audit/index.js";
import { parseFile } from "../../src/load/index.js";
import { applyReplacements, plan, type PlanInput } from "../../src/plan/index.js";
import type { ResolvedRule } from "../../src/policy/policy.js";
import { defaultRiskSpec } from "../../src/policy/risk-spec.js";
import { runRules } from "../../src/policy/rules/index.js";
import type { PairRequest } from "../../src/audit/pairs.js";
import { buildTopology } from "../../src/topology/index.js";
import type { Topology } from "../../src/topology/types.js";
import type { VendorRegistry } from "../../src/vendors/registry.js";

export function solver(): Promise<Highs> {
  return loadSolver();
}

export interface Case {
  doc: object;
  rules?: Omit<ResolvedRule, "origin">[];
  requests?: PairRequest[];
  failOn?: PairRequest["failOn"];
  budget?: number | null;
  by?: "cost" | "count";
  unknownVendor?: "risky" | "clean";
}

export function load(doc: object): { topology: Topology; registry: VendorRegistry } {
  const { topology, registry } = buildTopology([parseFile("t.json", "t.json", Buffer.from(JSON.stringify(doc)))]);
  return { topology, registry };
}

/** The flows of the topology as requests (their own failOn, else `failOn`). */
export function flowRequests(topology: Topology, failOn: PairRequest["failOn"] = "routed-dirty"): PairRequest[] {
  return topology.flows.map((f) => ({ flow: f.id, from: f.from, to: f.to, failures: f.failures ?? 0, failOn: (f.failOn as PairRequest["failOn"]) ?? failOn, location: f.location }));
}

export function inputOf(c: Case, h: Highs): PlanInput {
  const { topology, registry } = load(c.doc);
  return {
    topology,
    registry,
    spec: defaultRiskSpec(c.unknownVendor ?? "risky"),
    requests: c.requests ?? flowRequests(topology, c.failOn),
    rules: (c.rules ?? []).map((r) => ({ ...r, origin: "test" }) as ResolvedRule),
    runRules,
    asOf: "2026-01-01",
    generatedAt: "2026-01-01T00:00:00Z",
    version: "test",
    maxPairs: 10_000,
    highs: h,
    budget: c.budget ?? null,
    by: c.by ?? "cost",
    replaceWith: "replacement",
    timeLimit: 30,
  };
}

export async function planCase(c: Case) {
  return plan(inputOf(c, await solver()));
}

/** Audits the case with the items at `replaced` (topology item space) replaced. */
export function auditWith(input: PlanInput, replaced: readonly number[]) {
  return audit({ ...input, topology: applyReplacements(input.topology, replaced, input.replaceWith) });
}
