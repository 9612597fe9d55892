import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validate as validateAll } from "../../src/generated/topology-all.js";
import { validate as validateFast } from "../../src/generated/topology-fast.js";
import { element, link, site } from "../../src/generated/topology-items.js";
import { parseFile } from "../../src/load/index.js";
import { plainElement, plainKey, plainLink, plainSite, validTopology } from "../../src/topology/item-check.js";
import { checkSchema } from "../../src/topology/schema-check.js";

const runs = Number(process.env.CLEANPATH_PROPERTY_RUNS ?? 300);
const items = { element, link, site };

// Values near every edge the schema draws for the hot fields.
const long = (n: number, c = "a"): string => c.repeat(n);
const values: unknown[] = [
  "r1",
  "csr-001-2",
  "a.b:c/d@e+f_g-h",
  "Élément",
  "é",
  "𝄞x",
  "x𝄞",
  "-x",
  "_x",
  "x y",
  "x#2",
  "",
  long(256),
  long(257),
  long(255) + "𝄞",
  long(4096),
  long(4097),
  "2026-01-31",
  "2026-13-45",
  "2026-1-1",
  "2026/01/31",
  "2026-01-3x",
  "2026-01-31 ",
  "２０２６-01-31",
  "core",
  "ran",
  "Core",
  "in-service",
  "planned",
  "retired",
  "fiber",
  "MX",
  "mx",
  "M1",
  "MEX",
  90,
  -90,
  90.5,
  -180.1,
  180,
  "constructor",
  "prototype",
  "__proto__",
  "laser",
  "forward",
  "both",
  "high",
  "low",
  0,
  1,
  2,
  1.5,
  -1,
  1e9,
  1e9 + 1,
  true,
  false,
  null,
  [],
  ["r1"],
  ["r1", "r1"],
  ["r1", "r2"],
  ["r1", 7],
  [long(257)],
  {},
  { vendor: "Cisco" },
];
const value = fc.constantFrom(...values);
const elementKeys = ["id", "name", "description", "role", "vendor", "model", "operator", "site", "installed", "decommission", "passive", "risk", "state", "tags", "components", "weight", "underlay", "meta", "a", "metric", "__proto__", "extra"];
const linkKeys = ["id", "a", "b", "metric", "direction", "medium", "vendor", "model", "operator", "cable", "name", "description", "installed", "decommission", "passive", "risk", "state", "tags", "role", "site", "underlay", "components", "extra"];

/** A mostly valid item with a few fields changed, added or removed. */
function mutated(base: Record<string, unknown>, keys: readonly string[]): fc.Arbitrary<unknown> {
  return fc.array(fc.tuple(fc.constantFrom(...keys), fc.oneof(value, fc.constant(undefined))), { maxLength: 3 }).map((edits) => {
    // Built through JSON so that `__proto__` is an own property, as JSON.parse makes it.
    const o: Record<string, unknown> = JSON.parse(JSON.stringify(base));
    for (const [k, v] of edits) {
      if (v === undefined) delete o[k];
      else Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
    }
    return o;
  });
}
const siteKeys = ["name", "country", "region", "lat", "lon", "address", "tags", "meta"];
const siteArb = fc.oneof(mutated({ name: "Site", country: "MX", region: "CMX", lat: 19.4, lon: -99.1, tags: ["t"] }, siteKeys), value);
const sitesArb = fc.dictionary(fc.oneof(fc.constantFrom("s1", "s-2", "dc.mx", "constructor", "prototype", "__proto__", "é", "-x", ""), fc.string({ maxLength: 3 })), siteArb, { maxKeys: 3 });
const elementArb = fc.oneof(
  mutated({ id: "r1", role: "core", vendor: "Cisco", operator: "op", site: "s1" }, elementKeys),
  mutated({ id: "r2", role: "ran", installed: "2024-05-01", state: "planned", tags: ["t1"] }, elementKeys),
  value,
);
const linkArb = fc.oneof(
  fc.array(value, { minLength: 0, maxLength: 4 }),
  fc.tuple(fc.constantFrom("r1", "r2"), fc.constantFrom("r1", "r2", "é")).map((t) => [...t]),
  fc.tuple(fc.constantFrom("r1", "r2"), fc.constantFrom("r1", "r2"), value).map((t) => [...t]),
  mutated({ a: "r1", b: "r2", metric: 8, medium: "fiber" }, linkKeys),
  mutated({ a: "r1", b: "r2" }, linkKeys),
  value,
);

describe("item-by-item topology check (the schema stays the authority)", () => {
  it("the hand check only ever proves what the schema accepts", () => {
    fc.assert(
      fc.property(elementArb, linkArb, (e, l) => {
        if (plainElement(e)) expect(element(e), JSON.stringify(e)).toBe(true);
        if (plainLink(l)) expect(link(l), JSON.stringify(l)).toBe(true);
      }),
      { numRuns: runs * 10 },
    );
  });

  it("agrees with the schema on every single-field change of a valid item (exhaustive)", () => {
    const pool = values;
    for (const base of [{ id: "r1", role: "core", vendor: "Cisco", operator: "op", site: "s1" }, { a: "r1", b: "r2", metric: 8 }]) {
      const isLink = "a" in base;
      for (const k of isLink ? linkKeys : elementKeys) {
        for (const v of pool) {
          const o: Record<string, unknown> = { ...base };
          Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
          const plain = isLink ? plainLink(o) : plainElement(o);
          if (plain) expect(isLink ? link(o) : element(o), `${k}: ${JSON.stringify(v)}`).toBe(true);
        }
      }
    }
    for (const k of [...siteKeys, "extra"]) {
      for (const v of pool) {
        const o: Record<string, unknown> = { name: "Site", country: "MX", lat: 19.4, lon: -99.1 };
        Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
        if (plainSite(o)) expect(site(o), `${k}: ${JSON.stringify(v)}`).toBe(true);
      }
    }
    for (const k of pool) {
      if (typeof k === "string" && plainKey(k)) expect(validateFast({ cleanpath: 1, sites: JSON.parse(`{${JSON.stringify(k)}: {}}`) }), k).toBe(true);
    }
    for (const a of pool) for (const b of pool) for (const m of [undefined, ...pool]) {
      const l = m === undefined ? [a, b] : [a, b, m];
      if (plainLink(l)) expect(link(l), JSON.stringify(l)).toBe(true);
    }
  });

  it("settles the common shapes by hand", () => {
    expect(plainElement({ id: "csr-001-1", role: "access", vendor: "Cisco", operator: "red-norte", site: "s-001" })).toBe(true);
    expect(plainLink(["a", "b"])).toBe(true);
    expect(plainLink(["a", "b", 8])).toBe(true);
    expect(plainLink({ a: "a", b: "b", metric: 8, medium: "fiber" })).toBe(true);
  });

  it("gives the whole schema's answer for whole documents", () => {
    fc.assert(
      fc.property(
        fc.array(elementArb, { maxLength: 4 }),
        fc.array(linkArb, { maxLength: 4 }),
        fc.constantFrom<unknown>(undefined, "bench", 7),
        fc.constantFrom<unknown>("array", "object", "none"),
        fc.oneof(sitesArb, fc.constantFrom<unknown>(undefined, [], null, "s")),
        (elements, links, name, shape, sites) => {
          const doc: Record<string, unknown> = { cleanpath: 1 };
          if (sites !== undefined) doc.sites = JSON.parse(JSON.stringify(sites));
          if (name !== undefined) doc.name = name;
          if (shape === "array") Object.assign(doc, { elements, links });
          else if (shape === "object") Object.assign(doc, { elements: { 0: elements[0] ?? {} }, links });
          expect(validTopology(doc, validateFast, items), JSON.stringify(doc)).toBe(validateFast(doc));
        },
      ),
      { numRuns: runs * 3 },
    );
  });

  it("a document it refuses gets exactly the diagnostics of the ajv path, positions included", () => {
    fc.assert(
      fc.property(fc.array(elementArb, { maxLength: 3 }), fc.array(linkArb, { maxLength: 3 }), sitesArb, fc.constantFrom(undefined, 1), (elements, links, sites, indent) => {
        const text = JSON.stringify({ cleanpath: 1, sites, elements, links }, null, indent);
        const file = parseFile("t.json", "t.json", new TextEncoder().encode(text));
        const viaItems = checkSchema(file, (v) => validTopology(v, validateFast, items), validateAll);
        const viaAjv = checkSchema(file, validateFast, validateAll);
        expect(viaItems, text).toEqual(viaAjv);
      }),
      { numRuns: runs },
    );
  });
});
