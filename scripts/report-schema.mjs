// Source of schemas/report.schema.json (the JSON contract of SPEC §7). `node scripts/report-schema.mjs`
// rewrites the file; a test fails when they differ, and another validates real results against it.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { verdicts } from "./topology-schema.mjs";

export const ids = { type: "array", items: { type: "string" } };
export const location = {
  type: "object",
  required: ["file", "line", "column"],
  additionalProperties: false,
  properties: { file: { type: "string" }, line: { type: "integer", minimum: 1 }, column: { type: "integer", minimum: 1 } },
};
export const verdict = { enum: verdicts };
const level = { enum: ["error", "warning", "note"] };
export const nonNegative = { type: "number", minimum: 0 };
export const count = { type: "integer", minimum: 0 };
export const citation = {
  type: "object",
  required: ["title"],
  additionalProperties: false,
  properties: {
    title: { type: "string" },
    date: { type: "string" },
    url: { type: "string" },
    confidence: { const: "unverified" },
    note: { type: "string" },
  },
};

/** What counts as high-risk in a result (an audit's or a plan's). */
export const designation = {
  type: "object",
  required: ["origin", "description", "vendors", "lists", "operators", "jurisdictions", "tags", "components", "unknownVendor", "includePassive"],
  additionalProperties: false,
  properties: {
    origin: { type: "string" },
    description: { type: "string" },
    vendors: ids,
    lists: ids,
    operators: ids,
    jurisdictions: ids,
    tags: ids,
    components: { type: "boolean" },
    unknownVendor: { enum: ["risky", "clean"] },
    includePassive: { type: "boolean" },
  },
};

export function reportSchema() {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "urn:cleanpath:schema:report:1",
    title: "cleanpath audit result, format 1",
    description: "What `cleanpath … --format json` prints; every other format is rendered from it.",
    type: "object",
    required: ["cleanpath", "tool", "generatedAt", "inputs", "asOf", "designation", "summary", "pairs", "rules", "items", "findings", "inventory"],
    additionalProperties: false,
    properties: {
      cleanpath: { const: 1 },
      tool: {
        type: "object", required: ["name", "version"], additionalProperties: false,
        properties: { name: { const: "cleanpath" }, version: { type: "string" } },
      },
      generatedAt: { type: "string", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$" },
      inputs: {
        type: "array",
        items: {
          type: "object", required: ["file", "sha256"], additionalProperties: false,
          properties: { file: { type: "string" }, sha256: { type: "string", pattern: "^([0-9a-f]{64})?$" } },
        },
      },
      asOf: { type: "string", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
      designation: { $ref: "#/$defs/designation" },
      summary: { $ref: "#/$defs/summary" },
      pairs: { type: "array", items: { $ref: "#/$defs/pair" } },
      rules: { type: "array", items: { $ref: "#/$defs/rule" } },
      items: { type: "object", additionalProperties: { $ref: "#/$defs/item" } },
      findings: { type: "array", items: { $ref: "#/$defs/finding" } },
      inventory: { $ref: "#/$defs/inventory" },
    },
    $defs: {
      inventory: {
        type: "object",
        required: ["elements", "links", "high", "unknown", "vendorsByRole", "vendorsByOperator", "sites"],
        additionalProperties: false,
        properties: {
          elements: count,
          links: count,
          high: count,
          unknown: count,
          vendorsByRole: { type: "object", additionalProperties: { type: "object", additionalProperties: count } },
          vendorsByOperator: { type: "object", additionalProperties: { type: "object", additionalProperties: count } },
          sitesLocated: { ...count, description: "Sites with coordinates in the topology; `sites` lists at most 5,000 of them." },
          sites: {
            type: "array",
            maxItems: 5000,
            items: {
              type: "object",
              required: ["id", "lat", "lon", "elements", "high", "unknown"],
              additionalProperties: false,
              properties: {
                id: { type: "string" },
                name: { type: "string" },
                country: { type: "string" },
                lat: { type: "number", minimum: -90, maximum: 90 },
                lon: { type: "number", minimum: -180, maximum: 180 },
                elements: count,
                high: count,
                unknown: count,
              },
            },
          },
        },
      },
      location,
      citation,
      designation,
      summary: {
        type: "object",
        required: ["pairs", "failedPairs", "failedRules", "byVerdict", "findings", "passed"],
        additionalProperties: false,
        properties: {
          pairs: count,
          failedPairs: count,
          failedRules: count,
          byVerdict: { type: "object", propertyNames: verdict, additionalProperties: count },
          findings: {
            type: "object", required: ["error", "warning", "note", "waived"], additionalProperties: false,
            properties: { error: count, warning: count, note: count, waived: count },
          },
          passed: { type: "boolean", description: "Whether everything checked passes at failOnLevel: the exit code is 0 exactly when this is true." },
          failOnLevel: { enum: ["error", "warning"], description: "The finding level that fails the run, when it is not error (--fail-on warning)." },
        },
      },
      pair: {
        type: "object",
        required: ["flow", "from", "to", "verdict", "failOn", "passed", "reachable", "routed", "cleanAlternative", "exposure", "failover", "remediation", "diversity", "unknownItems", "waivedBy"],
        additionalProperties: false,
        properties: {
          flow: { type: ["string", "null"] },
          from: { type: "string" },
          to: { type: "string" },
          verdict,
          verdictIfUnknownClean: verdict,
          failOn: verdict,
          passed: { type: "boolean" },
          reachable: { type: "boolean" },
          routed: {
            oneOf: [
              { type: "null" },
              {
                type: "object",
                required: ["metric", "paths", "pathCount", "items", "riskyItems", "unknownItems"],
                additionalProperties: false,
                properties: {
                  metric: nonNegative,
                  paths: { type: "array", items: { ...ids, minItems: 2 } },
                  pathCount: { type: "integer", minimum: 1 },
                  items: ids,
                  riskyItems: ids,
                  unknownItems: ids,
                },
              },
            ],
          },
          cleanAlternative: {
            oneOf: [
              { type: "null" },
              {
                type: "object", required: ["metric", "path", "links"], additionalProperties: false,
                properties: { metric: nonNegative, path: { ...ids, minItems: 2 }, links: ids },
              },
            ],
          },
          exposure: {
            type: "object", required: ["items", "count", "approximate"], additionalProperties: false,
            properties: { items: ids, count, approximate: { type: "boolean" } },
          },
          failover: {
            oneOf: [
              { type: "null" },
              {
                type: "object", required: ["failures", "dirtyAfter", "disconnectedBy"], additionalProperties: false,
                properties: {
                  failures: { enum: [1, 2] },
                  dirtyAfter: {
                    type: "array",
                    items: {
                      type: "object", required: ["failed", "riskyItems"], additionalProperties: false,
                      properties: { failed: { type: "string" }, alsoFailed: { type: "string" }, riskyItems: ids },
                    },
                  },
                  disconnectedBy: ids,
                  disconnectedByPair: { type: "array", items: { ...ids, minItems: 2, maxItems: 2 } },
                },
              },
            ],
          },
          remediation: {
            oneOf: [
              { type: "null" },
              {
                type: "object", required: ["items", "cost", "measure"], additionalProperties: false,
                properties: {
                  items: ids,
                  cost: nonNegative,
                  measure: { enum: ["count", "replacementCost"] },
                  approximate: { const: true, description: "Present only when minimality could not be proven (shared underlay items); the set always works." },
                },
              },
            ],
          },
          diversity: { type: "integer", minimum: 0, maximum: 4 },
          diversityApproximate: { const: true, description: "Present only when diversity is a proven lower bound rather than the exact count (shared underlay items)." },
          via: {
            type: "object",
            minProperties: 1,
            additionalProperties: { ...ids, minItems: 1 },
            description: "Risky underlay item → the ids of the pair's path items that ride on it, sorted; present only when non-empty.",
          },
          unknownItems: ids,
          waivedBy: ids,
          location,
        },
      },
      rule: {
        type: "object",
        required: ["id", "kind", "level", "passed", "checked", "description", "findings"],
        additionalProperties: false,
        properties: {
          id: { type: "string" },
          kind: { type: "string" },
          origin: { type: "string" },
          level,
          passed: { type: "boolean" },
          checked: { type: "boolean" },
          description: { type: "string" },
          source: citation,
          location,
          findings: count,
        },
      },
      reason: {
        type: "object", required: ["kind", "value", "source"], additionalProperties: false,
        properties: {
          kind: { enum: ["vendor", "component", "operator", "jurisdiction", "tag", "explicit", "unknown-vendor", "underlay"] },
          value: { type: "string" },
          source: { type: "string" },
          list: { type: "string" },
          date: { type: "string" },
          confidence: { const: "unverified" },
          via: { type: "string" },
        },
      },
      item: {
        type: "object", required: ["type", "risk", "reasons", "location"], additionalProperties: false,
        properties: {
          type: { enum: ["element", "link"] },
          name: { type: "string" },
          role: { type: "string" },
          vendor: { type: "string" },
          vendorId: { type: "string" },
          operator: { anyOf: [{ type: "string" }, { type: "array", minItems: 2, items: { type: "string" } }] },
          site: { type: "string" },
          a: { type: "string" },
          b: { type: "string" },
          medium: { type: "string" },
          risk: { enum: ["high", "unknown", "clean"] },
          reasons: { type: "array", items: { $ref: "#/$defs/reason" } },
          closure: { ...ids, minItems: 1, description: "Everything the item rests on (its underlay, theirs, and so on), depth first in written order; present only when it has an underlay." },
          location,
        },
      },
      finding: {
        type: "object", required: ["rule", "kind", "level", "message", "items"], additionalProperties: false,
        properties: {
          rule: { type: "string" },
          kind: { type: "string" },
          level,
          message: { type: "string" },
          items: ids,
          location,
          source: citation,
          waived: { type: "boolean" },
          waivedBy: { type: "string" },
          advisory: { type: "boolean", description: "Never fails a run, whatever --fail-on (risky-endpoint: path verdicts leave endpoints out)." },
          details: {
            type: "object",
            additionalProperties: { type: ["string", "number", "boolean", "array"], items: { type: "string" } },
          },
        },
      },
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = join(dirname(fileURLToPath(import.meta.url)), "..", "schemas", "report.schema.json");
  writeFileSync(out, JSON.stringify(reportSchema(), null, 2) + "\n");
  console.error(`wrote ${out}`);
}
