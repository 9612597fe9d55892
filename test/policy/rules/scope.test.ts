import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { designate } from "../../../src/policy/designation.js";
import { worldCountries } from "../../../src/policy/geo/index.js";
import { RuleEnv } from "../../../src/policy/rules/env.js";
import { selectorPredicate } from "../../../src/topology/select.js";
import type { SelectorObject } from "../../../src/topology/types.js";
import { registry, riskSpec, type TestElement, topologyOf } from "./tester.js";

const pick = <T>(xs: readonly T[]) => fc.subarray([...xs], { minLength: 1, maxLength: 2 }).map((v) => (v.length === 1 ? v[0]! : v));

describe("rule scopes", () => {
  it("select exactly what the topology's selectors select", () => {
    const sites = ["s1", "s2", "s3"].map((id, k) => ({ id, country: ["MX", "US", "MX"][k]!, region: ["n", "s", "s"][k]!, tags: k === 0 ? ["military"] : [] }));
    const element = fc.record({
      role: fc.constantFrom("core", "ran", "access") as fc.Arbitrary<TestElement["role"]>,
      vendor: fc.constantFrom("Huawei", "Nokia", "ZTE Corporation", "Acme"),
      operator: fc.option(fc.constantFrom<string | string[]>("a", "b", ["a", "b"], ["b", "c"]), { nil: undefined }),
      site: fc.option(fc.constantFrom("s1", "s2", "s3"), { nil: undefined }),
      tags: fc.subarray(["5g", "military"]),
    });
    const selector = fc.record(
      {
        id: pick(["e0", "e1", "e2"]),
        role: pick(["core", "ran"]),
        vendor: pick(["huawei", "nokia", "acme"]),
        operator: pick(["a", "b"]),
        site: pick(["s1", "s2"]),
        country: pick(["mx", "US"]),
        region: pick(["n", "s"]),
        tag: pick(["5g", "military"]),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(element, { maxLength: 12 }), selector, (els, sel) => {
        const topology = topologyOf({ sites, elements: els.map((e, i) => ({ id: `e${i}`, ...e })) });
        const asOf = "2025-01-01";
        const env = new RuleEnv({ topology, registry, designation: designate(topology, registry, riskSpec(), asOf), asOf }, worldCountries);
        const pred = selectorPredicate(topology, registry, sel as SelectorObject);
        expect([...env.scopeMask(sel as SelectorObject)]).toEqual(topology.elements.map((e) => (pred(e) ? 1 : 0)));
      }),
      { numRuns: 300 },
    );
  });
});
