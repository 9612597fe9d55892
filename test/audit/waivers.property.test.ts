import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { audit } from "../../src/audit/index.js";
import { parseFile } from "../../src/load/index.js";
import type { ResolvedWaiver } from "../../src/policy/policy.js";
import { defaultRiskSpec } from "../../src/policy/risk-spec.js";
import { buildTopology } from "../../src/topology/index.js";

const runs = Number(process.env.CLEANPATH_PROPERTY_RUNS ?? 150);

const network = fc.record({
  n: fc.integer({ min: 3, max: 8 }),
  risky: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
  waive: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
  edges: fc.array(fc.tuple(fc.nat(7), fc.nat(7), fc.integer({ min: 1, max: 4 })), { minLength: 2, maxLength: 14 }),
  failures: fc.constantFrom(0, 1),
  failOn: fc.constantFrom("routed-dirty", "fragile", "exposed"),
});

function run(doc: object, waivers: ResolvedWaiver[], failures: number, failOn: "routed-dirty" | "fragile" | "exposed") {
  const { topology, registry } = buildTopology([parseFile("t.json", "t.json", Buffer.from(JSON.stringify(doc)))]);
  return audit({
    topology,
    registry,
    spec: defaultRiskSpec("risky"),
    requests: [{ flow: null, from: { role: "transport" }, to: { role: "transport" }, failures, failOn }],
    waivers,
    asOf: "2026-01-01",
    generatedAt: "2026-01-01T00:00:00Z",
    version: "test",
    maxPairs: 1000,
  });
}

describe("clean-path waivers", () => {
  it("let a failing pair pass exactly when it would pass with the waived items clean", () => {
    fc.assert(
      fc.property(network, ({ n, risky, waive, edges, failures, failOn }) => {
        const ids = Array.from({ length: n }, (_, i) => `e${i}`);
        const vendor = (i: number, cleaned: boolean) => (risky[i] && !(cleaned && waive[i]) ? "Huawei" : "Nokia");
        const doc = (cleaned: boolean) => ({
          cleanpath: 1,
          elements: ids.map((id, i) => ({ id, role: "transport", vendor: vendor(i, cleaned) })),
          links: edges.filter(([a, b]) => a % n !== b % n).map(([a, b, m]) => [ids[a % n], ids[b % n], m]),
        });
        const waivers: ResolvedWaiver[] = ids
          .filter((_, i) => risky[i] && waive[i])
          .map((id) => ({ target: id, rules: ["clean-path"], reason: "test", origin: "test" }));
        const waived = run(doc(false), waivers, failures, failOn);
        const plain = run(doc(false), [], failures, failOn);
        const cleaned = run(doc(true), [], failures, failOn);
        waived.pairs.forEach((p, i) => {
          const expected = plain.pairs[i]!.passed || cleaned.pairs[i]!.passed;
          expect(p.passed, `${p.from}→${p.to} ${p.verdict}`).toBe(expected);
          expect(p.verdict).toBe(plain.pairs[i]!.verdict); // waivers never change the verdict itself
          if (!plain.pairs[i]!.passed && p.passed) expect(p.waivedBy.length).toBeGreaterThan(0);
        });
      }),
      { numRuns: runs },
    );
  });
});
