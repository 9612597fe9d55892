import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { audit } from "../../src/audit/index.js";
import { verdicts } from "../../src/result.js";
import { parseFile } from "../../src/load/index.js";
import { defaultRiskSpec } from "../../src/policy/risk-spec.js";
import { buildTopology } from "../../src/topology/index.js";

const runs = Number(process.env.CLEANPATH_PROPERTY_RUNS ?? 150);

/** A small network mixing designated (Huawei), clean (Nokia) and unknown (Acme) vendors. */
const network = fc
  .record({
    n: fc.integer({ min: 3, max: 8 }),
    vendors: fc.array(fc.constantFrom("Huawei", "Nokia", "Acme Radio", "Nokia"), { minLength: 8, maxLength: 8 }),
    edges: fc.array(fc.tuple(fc.nat(7), fc.nat(7), fc.integer({ min: 1, max: 4 })), { minLength: 2, maxLength: 14 }),
    failures: fc.constantFrom(0, 1),
  })
  .map(({ n, vendors, edges, failures }) => {
    const ids = Array.from({ length: n }, (_, i) => `e${i}`);
    const doc = {
      cleanpath: 1,
      elements: ids.map((id, i) => ({ id, role: "transport", vendor: vendors[i]! })),
      links: edges.filter(([a, b]) => a % n !== b % n).map(([a, b, m]) => [ids[a % n], ids[b % n], m]),
    };
    return { doc, failures };
  });

describe("verdictIfUnknownClean", () => {
  it("is the verdict with unknown vendors counted clean, whenever that is better, and only then", () => {
    fc.assert(
      fc.property(network, ({ doc, failures }) => {
        const { topology, registry } = buildTopology([parseFile("t.json", "t.json", Buffer.from(JSON.stringify(doc)))]);
        const run = (unknownVendor: "risky" | "clean") =>
          audit({
            topology,
            registry,
            spec: defaultRiskSpec(unknownVendor),
            requests: [{ flow: null, from: { role: "transport" }, to: { role: "transport" }, failures, failOn: "routed-dirty" }],
            asOf: "2026-01-01",
            generatedAt: "2026-01-01T00:00:00Z",
            version: "test",
            maxPairs: 1000,
          });
        const risky = run("risky");
        const clean = run("clean");
        expect(risky.pairs.length).toBe(clean.pairs.length);
        risky.pairs.forEach((p, i) => {
          const q = clean.pairs[i]!;
          expect([q.from, q.to]).toEqual([p.from, p.to]);
          const better = verdicts.indexOf(q.verdict) > verdicts.indexOf(p.verdict);
          expect(p.verdictIfUnknownClean, `${p.from}→${p.to}: ${p.verdict} vs ${q.verdict}`).toBe(better ? q.verdict : undefined);
        });
      }),
      { numRuns: runs },
    );
  });
});
