// Source of schemas/topology.schema.json. Written as code so that the lists (roles, media,
// verdicts) come from one place; `node scripts/topology-schema.mjs` rewrites the JSON file and a
// test fails when the committed file differs from what this script prints.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const roles = ["core", "ran", "access", "aggregation", "transport", "backbone", "edge", "management",
  "datacenter", "cloud", "landing-station", "cable", "ixp", "endpoint", "service", "other"];
export const states = ["in-service", "planned", "out-of-service"];
export const media = ["fiber", "microwave", "satellite", "submarine", "copper", "radio", "virtual", "optical", "circuit", "other"];
export const verdicts = ["unreachable", "dirty", "routed-dirty", "fragile", "exposed", "clean"];
export const selectorKeys = ["id", "role", "vendor", "operator", "site", "country", "region", "tag"];

const reserved = ["__proto__", "constructor", "prototype"];
const idPattern = "^[\\p{L}\\p{N}][\\p{L}\\p{N}_.:/@+-]*$";
// Item references may also name a derived link id (`a--b`, `a--b#2`).
const itemRefPattern = "^[\\p{L}\\p{N}][\\p{L}\\p{N}_.:/@+#-]*$";

/** Definitions shared by the topology and policy schemas (each schema carries its own copy). */
function sharedDefs() {
  return {
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
    underlay: {
      type: "array", maxItems: 10000,
      items: { type: "string", minLength: 1, maxLength: 1024, pattern: itemRefPattern },
      description: "Ids of the elements and links this item depends on (a carrier, a host, a shared duct): an explicit id, or a link's derived `a--b` / `a--b#2` id.",
    },
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
    operatorRef: {
      description: "An operator id, or a list of them (a consortium cable, a shared RAN site).",
      anyOf: [
        { $ref: "#/$defs/id" },
        { type: "array", minItems: 1, maxItems: 64, uniqueItems: true, items: { $ref: "#/$defs/id" } },
      ],
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
        operator: { $ref: "#/$defs/operatorRef" },
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
        underlay: { $ref: "#/$defs/underlay" },
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
        operator: { $ref: "#/$defs/operatorRef" },
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
        underlay: { $ref: "#/$defs/underlay" },
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
        weight: { type: "number", exclusiveMinimum: 0, description: "How much fixing this flow counts for `cleanpath plan --budget` (default 1)." },
      },
    },
  };
}

const share = {
  description: "A share: \"35%\" or a fraction from 0 to 1.",
  anyOf: [
    { type: "string", pattern: "^(100|[0-9]{1,2})(\\.[0-9]+)?%$" },
    { type: "number", minimum: 0, maximum: 1 },
  ],
};
const per = { enum: ["network", "operator", "region", "site", "country"] };
const names = { anyOf: [{ $ref: "#/$defs/name" }, { type: "array", minItems: 1, maxItems: 1024, items: { $ref: "#/$defs/name" } }] };

/** Definitions of the policy keys (SPEC §5). */
function policyDefs() {
  const scope = { $ref: "#/$defs/scope" };
  return {
    scope: {
      description: "Part of the network a rule looks at: a selector object (all keys must match).",
      type: "object", minProperties: 1, additionalProperties: false,
      properties: Object.fromEntries(selectorKeys.map((k) => [k, { $ref: "#/$defs/selectorValue" }])),
    },
    share,
    citation: {
      type: "object", required: ["title"], additionalProperties: false,
      properties: {
        title: { type: "string", minLength: 1, maxLength: 1024 },
        date: { type: "string", pattern: "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$" },
        url: { type: "string", maxLength: 2048 },
        confidence: { const: "unverified" },
        note: { $ref: "#/$defs/text" },
      },
    },
    risk: {
      type: "object", additionalProperties: false,
      properties: {
        vendors: { type: "array", maxItems: 1024, items: { $ref: "#/$defs/name" } },
        lists: { type: "array", maxItems: 64, items: { $ref: "#/$defs/id" } },
        operators: { type: "array", maxItems: 1024, items: { $ref: "#/$defs/name" } },
        jurisdictions: { type: "array", maxItems: 300, items: { $ref: "#/$defs/country" } },
        tags: { type: "array", maxItems: 256, items: { $ref: "#/$defs/id" } },
        components: { type: "boolean" },
        unknownVendor: { enum: ["risky", "clean"] },
        includePassive: { type: "boolean" },
      },
    },
    forbid: {
      type: "object", minProperties: 1, additionalProperties: false,
      properties: {
        role: { anyOf: [{ enum: roles }, { type: "array", minItems: 1, items: { enum: roles } }] },
        siteTag: names,
        country: { anyOf: [{ $ref: "#/$defs/country" }, { type: "array", minItems: 1, items: { $ref: "#/$defs/country" } }] },
        region: names,
        near: scope,
        withinKm: { type: "number", exclusiveMinimum: 0, maximum: 20040 },
        withinKmOfCountry: {
          type: "object", required: ["country", "km"], additionalProperties: false,
          properties: { country: { $ref: "#/$defs/country" }, km: { type: "number", minimum: 0, maximum: 20040 } },
        },
        scope,
      },
      dependentRequired: { near: ["withinKm"], withinKm: ["near"] },
    },
    cap: {
      type: "object", required: ["max"], additionalProperties: false,
      properties: { scope, max: share, per, measure: { enum: ["count", "weight"] } },
    },
    diversity: {
      type: "object", required: ["maxVendorShare"], additionalProperties: false,
      properties: { scope, maxVendorShare: share, per, measure: { enum: ["count", "weight"] } },
    },
    deadline: {
      type: "object", required: ["by"], additionalProperties: false,
      properties: { scope, by: { $ref: "#/$defs/date" } },
    },
    noNewAfter: {
      type: "object", required: ["date"], additionalProperties: false,
      properties: { scope, date: { $ref: "#/$defs/date" } },
    },
    rule: {
      description: "One rule: an id and exactly one of forbid, cap, diversity, deadline, noNewAfter.",
      type: "object", required: ["id"], additionalProperties: false,
      properties: {
        id: { $ref: "#/$defs/id" },
        description: { $ref: "#/$defs/text" },
        level: { enum: ["error", "warning"] },
        source: { $ref: "#/$defs/citation" },
        from: { $ref: "#/$defs/date" },
        forbid: { $ref: "#/$defs/forbid" },
        cap: { $ref: "#/$defs/cap" },
        diversity: { $ref: "#/$defs/diversity" },
        deadline: { $ref: "#/$defs/deadline" },
        noNewAfter: { $ref: "#/$defs/noNewAfter" },
      },
      oneOf: ["forbid", "cap", "diversity", "deadline", "noNewAfter"].map((k) => ({ required: [k], properties: { [k]: true } })),
    },
    waiver: {
      type: "object", required: ["target", "rules", "reason"], additionalProperties: false,
      properties: {
        target: { anyOf: [{ $ref: "#/$defs/id" }, { const: "*" }] },
        rules: { type: "array", minItems: 1, maxItems: 256, items: { $ref: "#/$defs/id" } },
        reason: { type: "string", minLength: 1, maxLength: 4096 },
        expires: { $ref: "#/$defs/date" },
      },
    },
  };
}

/** The policy keys, as they appear at the root of either document. */
function policyProperties() {
  return {
    extends: {
      type: "array", maxItems: 64, items: { type: "string", minLength: 1, maxLength: 1024 },
      description: "Built-in profile names and policy files (relative to this file), merged in order before this file.",
    },
    risk: { $ref: "#/$defs/risk" },
    rules: { type: "array", maxItems: 10000, items: { $ref: "#/$defs/rule" } },
    waivers: { type: "array", maxItems: 100000, items: { $ref: "#/$defs/waiver" } },
  };
}

const map = (ref) => ({
  type: "object", propertyNames: { $ref: "#/$defs/key" }, additionalProperties: { $ref: ref },
});

export function policySchema() {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "urn:cleanpath:schema:policy:1",
    title: "cleanpath policy, format 1",
    description: "Who counts as high-risk, the flows that must stay clean, the placement rules regulators wrote, and waivers.",
    type: "object",
    required: ["cleanpath"],
    additionalProperties: false,
    properties: {
      cleanpath: { const: 1, description: "Format version." },
      kind: { const: "policy" },
      name: { $ref: "#/$defs/name" },
      description: { $ref: "#/$defs/text" },
      ...policyProperties(),
      vendors: map("#/$defs/vendor"),
      flows: { type: "array", items: { $ref: "#/$defs/flow" } },
    },
    $defs: { ...sharedDefs(), ...policyDefs() },
  };
}

export function topologySchema() {
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
      ...policyProperties(),
    },
    $defs: { ...sharedDefs(), ...policyDefs() },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "schemas");
  writeFileSync(join(dir, "topology.schema.json"), JSON.stringify(topologySchema(), null, 2) + "\n");
  writeFileSync(join(dir, "policy.schema.json"), JSON.stringify(policySchema(), null, 2) + "\n");
  console.error(`wrote ${dir}/topology.schema.json and policy.schema.json`);
}
