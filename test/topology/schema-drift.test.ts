import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { schemaSha256 as allSha } from "../../src/generated/topology-all.js";
import { schemaSha256 as fastSha } from "../../src/generated/topology-fast.js";
import { schemaSha256 as itemsSha } from "../../src/generated/topology-items.js";
import { roles, media, selectorKeys, states } from "../../src/topology/types.js";
import { verdicts } from "../../src/result.js";
// @ts-expect-error: a plain .mjs build script without type declarations
import { topologySchema } from "../../scripts/topology-schema.mjs";

const root = join(import.meta.dirname, "..", "..");
const text = readFileSync(join(root, "schemas", "topology.schema.json"), "utf8");
const schema = JSON.parse(text);

describe("the published topology schema", () => {
  it("is what scripts/topology-schema.mjs writes (run it after changing the script)", () => {
    expect(schema).toEqual(topologySchema());
  });

  it("is exactly what the code validates with (the validators are compiled from it)", () => {
    const sha = createHash("sha256").update(text).digest("hex");
    expect(fastSha).toBe(sha);
    expect(allSha).toBe(sha);
    expect(itemsSha).toBe(sha);
  });

  it("lists the same roles, states, media, selector keys and verdicts as the code", () => {
    expect(schema.$defs.element.properties.role.enum).toEqual([...roles]);
    expect(schema.$defs.element.properties.state.enum).toEqual([...states]);
    expect(schema.$defs.linkObject.properties.medium.enum).toEqual([...media]);
    expect(Object.keys(schema.$defs.selector.else.properties)).toEqual([...selectorKeys]);
    expect(schema.$defs.flow.properties.failOn.enum).toEqual([...verdicts]);
  });

  it("has a property for every field the normaliser reads, and no other", () => {
    const normaliser = readFileSync(join(root, "src", "topology", "normalise.ts"), "utf8");
    const read = (name: string) => new Set([...normaliser.matchAll(new RegExp(`${name}\\??\\.(\\w+)`, "g"))].map((m) => m[1]!));
    const fromRaw = read("raw");
    for (const def of ["element", "linkObject"]) {
      for (const prop of Object.keys(schema.$defs[def].properties)) {
        if (prop === "meta") continue; // kept for the user, never interpreted
        expect(fromRaw.has(prop), `${def}.${prop} is in the schema but the normaliser never reads it`).toBe(true);
      }
    }
  });
});
