// Source of schemas/topology.schema.json. Written as code so that the lists (roles, media,
// verdicts) come from one place; `node scripts/topology-schema.mjs` rewrites the JSON file and a
// test fails when the committed file differs from what this script prints.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const roles = ["core", "ran", "access", "aggregation", "transport", "backbone", "edge", "management",
  "datacenter", "cloud", "landing-station", "cable", "ixp", "endpoint", "service", "other"];
export const states = ["in-service", "planned", "out-of-service"];
export const media = ["fiber", "microwave", "satellite", "submarine", "copper", "radio", "virtual", "other"];
export const verdicts = ["unreachable", "dirty", "routed-dirty", "fragile", "exposed", "clean"];
export const selectorKeys = ["id", "role", "vendor", "operator", "site", "country", "region", "tag"];

const reserved = ["__proto__", "constructor", "prototype"];
const idPattern = "^[\\p{L}\\p{N}][\\p{L}\\p{N}_.:/@+-]*$";

export function topologySchema() {
  const defs = {
    id: {
      type: "string", minLength: 1, maxLength: 256, pattern: idPattern,
      description: "An identifier: letters, digits and _ . : / @ + - (not starting with a symbol).",
    },
    key: {
      $comment: "Keys of user-named maps; never a name that could reach an object prototype.",
      type: "string", minLength: 1, maxLength: 256, pattern: idPattern, not: { enum: reserved },
    },
    text: { type: "string", maxLength: 4096 },
    name: { type: "string", minLength: 1, maxLength: 256 },
    date: {
      type: "string", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
      description: "A calendar date, YYYY-MM-DD.",
    },
    country: {
      type: "string", pattern: "^[A-Za-z]{2}$",
      description: "ISO 3166-1 alpha-2 country code.",
    },
    tags: { type: "array", maxItems: 256, items: { $ref: "#/$defs/id" } },
    meta: {
      type: "object", maxProperties: 256, propertyNames: { $ref: "#/$defs/key" },
      description: "Free-form data kept with the item (inventory ids, source attributes). Not interpreted.",
    },
    metric: {
      type: "integer", minimum: 1, maximum: 1000000000,
      description: "Routing metric: a positive integer (default 1).",
    },
    cost: { type: "number", minimum: 0, maximum: 1e15 },
    component: {
      type: "object", required: ["vendor"], additionalProperties: false,
      properties: {
        vendor: { $ref: "#/$defs/name" },
        part: { $ref: "#/$defs/text" },
        model: { $ref: "#/$defs/text" },
      },
    },
    components: { type: "array", maxItems: 1024, items: { $ref: "#/$defs/component" } },
    vendor: {
      type: "object", additionalProperties: false,
      properties: {
        name: { $ref: "#/$defs/name" },
        country: { $ref: "#/$defs/country" },
        aliases: { type: "array", maxItems: 256, items: { $ref: "#/$defs/name" } },
      },
    },
    operator: {
      type: "object", additionalProperties: false,
      properties: {
        name: { $ref: "#/$defs/name" },
        country: { $ref: "#/$defs/country" },
        tags: { $ref: "#/$defs/tags" },
      },
    },
    site: {
      type: "object", additionalProperties: false,
      properties: {
        name: { $ref: "#/$defs/name" },
        country: { $ref: "#/$defs/country" },
        region: { $ref: "#/$defs/id" },
        lat: { type: "number", minimum: -90, maximum: 90 },
        lon: { type: "number", minimum: -180, maximum: 180 },
        address: { $ref: "#/$defs/text" },
        tags: { $ref: "#/$defs/tags" },
        meta: { $ref: "#/$defs/meta" },
      },
    },
    element: {
      type: "object", required: ["id", "role"], additionalProperties: false,
      properties: {
        id: { $ref: "#/$defs/id" },
        name: { $ref: "#/$defs/name" },
        description: { $ref: "#/$defs/text" },
        role: { enum: roles },
        vendor: { $ref: "#/$defs/name" },
        model: { $ref: "#/$defs/text" },
        operator: { $ref: "#/$defs/id" },
        site: { $ref: "#/$defs/id" },
        components: { $ref: "#/$defs/components" },
        installed: { $ref: "#/$defs/date" },
        decommission: { $ref: "#/$defs/date" },
        replacementCost: { $ref: "#/$defs/cost" },
        weight: { type: "number", exclusiveMinimum: 0, maximum: 1e15 },
        passive: { type: "boolean" },
        risk: { enum: ["high"] },
        state: { enum: states },
        tags: { $ref: "#/$defs/tags" },
        meta: { $ref: "#/$defs/meta" },
      },
    },
    linkObject: {
      type: "object", required: ["a", "b"], additionalProperties: false,
      properties: {
        id: { $ref: "#/$defs/id" },
        a: { $ref: "#/$defs/id" },
        b: { $ref: "#/$defs/id" },
        metric: { $ref: "#/$defs/metric" },
        direction: { enum: ["both", "forward"] },
        medium: { enum: media },
        vendor: { $ref: "#/$defs/name" },
        model: { $ref: "#/$defs/text" },
        operator: { $ref: "#/$defs/id" },
        cable: { $ref: "#/$defs/name" },
        name: { $ref: "#/$defs/name" },
        description: { $ref: "#/$defs/text" },
        components: { $ref: "#/$defs/components" },
        installed: { $ref: "#/$defs/date" },
        decommission: { $ref: "#/$defs/date" },
        replacementCost: { $ref: "#/$defs/cost" },
        passive: { type: "boolean" },
        risk: { enum: ["high"] },
        state: { enum: states },
        tags: { $ref: "#/$defs/tags" },
        meta: { $ref: "#/$defs/meta" },
      },
    },
    linkCompact: {
      description: "Compact form for large files: [a, b] or [a, b, metric].",
      type: "array", minItems: 2, maxItems: 3,
      prefixItems: [{ $ref: "#/$defs/id" }, { $ref: "#/$defs/id" }, { $ref: "#/$defs/metric" }],
      items: false,
    },
    link: {
      if: { type: "array" },
      then: { $ref: "#/$defs/linkCompact" },
      else: { $ref: "#/$defs/linkObject" },
    },
    selectorValue: {
      anyOf: [
        { $ref: "#/$defs/name" },
        { type: "array", minItems: 1, maxItems: 1024, items: { $ref: "#/$defs/name" } },
      ],
    },
    selector: {
      description: "An element id, or an object whose keys must all match (each value one string or a list of alternatives).",
      if: { type: "string" },
      then: { $ref: "#/$defs/id" },
      else: {
        type: "object", minProperties: 1, additionalProperties: false,
        properties: Object.fromEntries(selectorKeys.map((k) => [k, { $ref: "#/$defs/selectorValue" }])),
      },
    },
    flow: {
      type: "object", required: ["id", "from", "to"], additionalProperties: false,
      properties: {
        id: { $ref: "#/$defs/id" },
        description: { $ref: "#/$defs/text" },
        from: { $ref: "#/$defs/selector" },
        to: { $ref: "#/$defs/selector" },
        failOn: { enum: verdicts },
        failures: { enum: [0, 1, 2] },
      },
    },
  };
  const map = (ref) => ({
    type: "object", propertyNames: { $ref: "#/$defs/key" }, additionalProperties: { $ref: ref },
  });
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "urn:cleanpath:schema:topology:1",
    title: "cleanpath topology, format 1",
    description: "Network elements tagged with vendor, role, operator and location, the links between them, and the flows that must stay clean.",
    type: "object",
    required: ["cleanpath"],
    additionalProperties: false,
    properties: {
      cleanpath: { const: 1, description: "Format version." },
      kind: { enum: ["topology"] },
      name: { $ref: "#/$defs/name" },
      description: { $ref: "#/$defs/text" },
      include: {
        type: "array", maxItems: 1024,
        items: { type: "string", minLength: 1, maxLength: 1024 },
        description: "Files to load with this one, relative to it; they must stay inside its directory tree.",
      },
      vendors: map("#/$defs/vendor"),
      operators: map("#/$defs/operator"),
      sites: map("#/$defs/site"),
      elements: { type: "array", items: { $ref: "#/$defs/element" } },
      links: { type: "array", items: { $ref: "#/$defs/link" } },
      flows: { type: "array", items: { $ref: "#/$defs/flow" } },
    },
    $defs: defs,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = join(dirname(fileURLToPath(import.meta.url)), "..", "schemas", "topology.schema.json");
  writeFileSync(out, JSON.stringify(topologySchema(), null, 2) + "\n");
  console.error(`wrote ${out}`);
}
