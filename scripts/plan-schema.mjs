// Source of schemas/plan.schema.json (the JSON contract of `cleanpath plan`, SPEC §7.1, and the
// PlanResult type in src/result.ts). `node scripts/plan-schema.mjs` rewrites the file; a test fails
// when they differ, and another validates real plans against it.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { citation, count, designation, ids, location, nonNegative, verdict } from "./report-schema.mjs";

const flow = { type: ["string", "null"] };
const operator = { anyOf: [{ type: "string" }, ids] };
const byVerdict = { type: "object", propertyNames: verdict, additionalProperties: count };
const tally = {
  type: "object",
  required: ["failedPairs", "failedWeight", "failedRules", "byVerdict"],
  additionalProperties: false,
  properties: { failedPairs: count, failedWeight: nonNegative, failedRules: count, byVerdict },
};
const check = (extra, required) => ({
  type: "object",
  required: ["kind", ...required],
  additionalProperties: false,
  properties: { kind: { enum: ["pair", "rule"] }, id: { type: "string" }, from: { type: "string" }, to: { type: "string" }, flow, ...extra },
});

export function planSchema() {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "urn:cleanpath:schema:plan:1",
    title: "cleanpath plan, format 1",
    description: "What `cleanpath plan --format json` prints: the items to replace, their phases and costs, and the checks before and after.",
    type: "object",
    required: [
      "cleanpath", "kind", "tool", "generatedAt", "inputs", "asOf", "designation", "objective", "optimal", "totalCost", "lowerBound", "gap", "budget",
      "replaceWith", "items", "phases", "before", "after", "pairs", "unfixable", "leftFailing", "passed", "model",
    ],
    additionalProperties: false,
    properties: {
      cleanpath: { const: 1 },
      kind: { const: "plan" },
      tool: {
        type: "object", required: ["name", "version"], additionalProperties: false,
        properties: { name: { const: "cleanpath" }, version: { type: "string" } },
      },
      generatedAt: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$" },
      inputs: {
        type: "array",
        items: { type: "object", required: ["file", "sha256"], additionalProperties: false, properties: { file: { type: "string" }, sha256: { type: "string" } } },
      },
      asOf: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
      designation: { ...designation, description: "What counts as high-risk: the designation the plan replaces against." },
      objective: { enum: ["cost", "count"] },
      optimal: { type: "boolean", description: "True only when the solver proved every stage optimal." },
      totalCost: nonNegative,
      lowerBound: { ...nonNegative, description: "A proven lower bound on the least cost (equal to totalCost when optimal)." },
      gap: { type: "number", minimum: 0, maximum: 1 },
      budget: { type: ["number", "null"], minimum: 0 },
      replaceWith: { type: "string" },
      items: {
        type: "array",
        description: "Sorted by id.",
        items: {
          type: "object",
          required: ["id", "type", "cost", "phase", "fixes"],
          additionalProperties: false,
          properties: {
            id: { type: "string" },
            type: { enum: ["element", "link"] },
            vendor: { type: "string" },
            role: { type: "string" },
            site: { type: "string" },
            operator,
            cost: nonNegative,
            phase: { type: "string" },
            fixes: {
              type: "object", required: ["pairs", "flows", "rules"], additionalProperties: false,
              properties: {
                pairs: { type: "array", items: { type: "array", prefixItems: [{ type: "string" }, { type: "string" }], minItems: 2, maxItems: 2, items: false } },
                flows: { ...ids, description: "Ids of the flows whose pairs (in `pairs`) it helps fix; pairs asked with --from/--to have none." },
                rules: ids,
              },
            },
            location,
          },
        },
      },
      phases: {
        type: "array",
        items: {
          type: "object",
          required: ["name", "by", "items", "cost", "cumulativeCost"],
          additionalProperties: false,
          properties: { name: { type: "string" }, by: { type: ["string", "null"] }, source: citation, items: ids, cost: nonNegative, cumulativeCost: nonNegative },
        },
      },
      before: tally,
      after: tally,
      pairs: {
        type: "array",
        items: {
          type: "object",
          required: ["flow", "from", "to", "failOn", "weight", "before", "after", "passedAfter"],
          additionalProperties: false,
          properties: { flow, from: { type: "string" }, to: { type: "string" }, failOn: verdict, weight: { type: "number", exclusiveMinimum: 0 }, before: verdict, after: verdict, passedAfter: { type: "boolean" } },
        },
      },
      unfixable: { type: "array", items: check({ why: { type: "string" } }, ["why"]) },
      leftFailing: { type: "array", items: check({ verdict }, []) },
      passed: { type: "boolean" },
      model: {
        type: "object",
        required: ["candidates", "forced", "variables", "constraints", "reducedFrom", "reducedTo", "solver"],
        additionalProperties: false,
        properties: {
          candidates: count,
          forced: count,
          variables: count,
          constraints: count,
          reducedFrom: { type: "object", required: ["items", "links"], additionalProperties: false, properties: { items: count, links: count } },
          reducedTo: { type: "object", required: ["nodes", "arcs"], additionalProperties: false, properties: { nodes: count, arcs: count } },
          solver: { enum: ["highs", "none"] },
          iterations: count,
        },
      },
      itemInfo: { type: "object", additionalProperties: { type: "object" } },
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = join(dirname(fileURLToPath(import.meta.url)), "..", "schemas", "plan.schema.json");
  writeFileSync(out, JSON.stringify(planSchema(), null, 2) + "\n");
  console.error(`wrote ${out}`);
}
