import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { audit } from "../../src/audit/index.js";
import { type AuditResult, type PairResult, verdicts } from "../../src/result.js";
import { parseFile } from "../../src/load/index.js";
import { defaultRiskSpec } from "../../src/policy/risk-spec.js";
import { buildTopology } from "../../src/topology/index.js";
import { maskOf, oracle, refGraph } from "../graph/oracle.js";
import type { TinyNet } from "../graph/tiny.js";

const runs = Number(process.env.CLEANPATH_PROPERTY_RUNS ?? 150);

/** A small network mixing designated (Huawei), clean (Nokia) and unknown (Acme) vendors, on elements and links. */
const network = fc
  .record({
    n: fc.integer({ min: 3, max: 8 }),
    vendors: fc.array(fc.constantFrom("Huawei", "Nokia", "Acme Radio", "Nokia"), { minLength: 8, maxLength: 8 }),
    edges: fc.array(fc.tuple(fc.nat(7), fc.nat(7), fc.integer({ min: 1, max: 4 }), fc.constantFrom(undefined, undefined, undefined, "Huawei", "Acme Radio")), {
      minLength: 2,
      maxLength: 14,
    }),
    failures: fc.constantFrom(0, 1, 1, 2),
  })
  .map(({ n, vendors, edges, failures }) => {
    const ids = Array.from({ length: n }, (_, i) => `e${i}`);
    const elements = ids.map((id, i) => ({ id, role: "transport", vendor: vendors[i]! }));
    const kept = edges.filter(([a, b]) => a % n !== b % n);
    const links = kept.map(([a, b, m, vendor]) => (vendor === undefined ? [ids[a % n], ids[b % n], m] : { a: ids[a % n], b: ids[b % n], metric: m, vendor }));
    // The same network for the brute-force oracle: Huawei designated, Acme unknown.
    const net: TinyNet = {
      elements: elements.map((e) => ({ id: e.id, risky: e.vendor === "Huawei", unknown: e.vendor === "Acme Radio" })),
      links: kept.map(([a, b, m, vendor]) => ({ a: ids[a % n]!, b: ids[b % n]!, metric: m, risky: vendor === "Huawei", unknown: vendor === "Acme Radio" })),
    };
    return { doc: { cleanpath: 1, elements, links }, net, failures };
  });

function auditBoth(doc: object, failures: number): Record<"risky" | "clean", AuditResult> {
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
  return { risky: run("risky"), clean: run("clean") };
}

describe("verdictIfUnknownClean", () => {
  it("is the verdict with unknown vendors counted clean, whenever that is better, and only then", () => {
    fc.assert(
      fc.property(network, ({ doc, failures }) => {
        const { risky, clean } = auditBoth(doc, failures);
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

/**
 * SPEC §3: a verdict and the lists that explain it agree, and every list of risky items holds
 * exactly what counts as risky under the active mode (unknown included under `risky`, never
 * under `clean`; `unknownItems` names the unknown ones in both).
 */
function checkListsAgree(r: AuditResult, mode: "risky" | "clean"): void {
  const counts = (id: string): boolean => {
    const risk = r.items[id]?.risk;
    return risk === "high" || (mode === "risky" && risk === "unknown");
  };
  const unknown = (id: string): boolean => r.items[id]?.risk === "unknown";
  for (const p of r.pairs) {
    const where = `${mode}: ${p.from}→${p.to} ${p.verdict}`;
    const exposure = new Set(p.exposure.items);
    expect(p.exposure.count, where).toBe(p.exposure.items.length); // tiny graphs: the list is whole
    for (const id of p.exposure.items) expect(counts(id), `${where}: exposure ${id}`).toBe(true);
    if (p.routed) {
      const items = new Set(p.routed.items);
      for (const id of p.routed.riskyItems) expect(items.has(id), `${where}: ${id} risky but not routed`).toBe(true);
      expect(p.routed.riskyItems, where).toEqual(p.routed.items.filter(counts));
      expect(p.routed.unknownItems, where).toEqual(p.routed.items.filter(unknown));
      for (const id of p.routed.riskyItems) expect(exposure.has(id), `${where}: routed ${id} not in exposure`).toBe(true);
      for (const id of p.routed.unknownItems) expect(p.unknownItems, where).toContain(id);
    }
    const dirtyAfter = p.failover?.dirtyAfter ?? [];
    for (const d of dirtyAfter) {
      expect(d.riskyItems.length, `${where}: after ${d.failed}`).toBeGreaterThan(0);
      for (const id of d.riskyItems) {
        expect(counts(id), `${where}: after ${d.failed}, ${id}`).toBe(true);
        expect(exposure.has(id), `${where}: after ${d.failed}, ${id} not in exposure`).toBe(true);
      }
    }
    for (const id of p.remediation?.items ?? []) expect(counts(id), `${where}: remediation ${id}`).toBe(true);
    if (p.cleanAlternative) {
      for (const id of [...p.cleanAlternative.path.slice(1, -1), ...p.cleanAlternative.links]) expect(counts(id), `${where}: clean alternative uses ${id}`).toBe(false);
    }
    for (const id of p.unknownItems) expect(unknown(id), where).toBe(true);
    if (mode === "clean") expect(p.verdictIfUnknownClean, where).toBeUndefined();
    const routedRisky = p.routed?.riskyItems.length ?? 0;
    switch (p.verdict) {
      case "unreachable":
        expect(p.routed, where).toBeNull();
        break;
      case "dirty":
        expect(p.cleanAlternative, where).toBeNull();
        expect(routedRisky, where).toBeGreaterThan(0);
        expect(p.remediation!.items.length, where).toBeGreaterThan(0);
        break;
      case "routed-dirty":
        expect(routedRisky, where).toBeGreaterThan(0);
        expect(p.cleanAlternative, where).not.toBeNull();
        break;
      case "fragile":
        expect(routedRisky, where).toBe(0);
        expect(dirtyAfter.length, where).toBeGreaterThan(0);
        break;
      case "exposed":
        expect(routedRisky + dirtyAfter.length, where).toBe(0);
        expect(p.exposure.items.length, where).toBeGreaterThan(0);
        break;
      case "clean":
        expect(routedRisky + dirtyAfter.length + p.exposure.count, where).toBe(0);
        break;
    }
    if (p.verdict !== "dirty") expect(p.remediation, where).toBeNull();
  }
}

/** The lists of a pair against brute force over every simple path, with the mode's mask. */
function checkAgainstOracle(r: AuditResult, net: TinyNet, mode: "risky" | "clean", failures: number): void {
  const ref = refGraph(net);
  const mask = maskOf(net, ref, mode === "risky" ? 2 : 1);
  const id = (i: number): string => (i < ref.n ? ref.nodeIds[i]! : ref.linkIds[i - ref.n]!);
  const ids = (xs: readonly number[]): string[] => xs.map(id).sort();
  const index = (x: string): number => (ref.nodeIds.includes(x) ? ref.nodeIds.indexOf(x) : ref.n + ref.linkIds.indexOf(x));
  for (const p of r.pairs) {
    const where = `${mode}: ${p.from}→${p.to}`;
    const o = oracle(ref, mask, ref.nodeIds.indexOf(p.from), ref.nodeIds.indexOf(p.to), failures, 8, undefined);
    expect(p.reachable, where).toBe(o.reachable);
    expect(p.routed?.riskyItems ?? null, where).toEqual(o.routed ? ids(o.routed.riskyItems) : null);
    expect(p.exposure.items, where).toEqual(ids(o.exposureExact));
    const failover: Pick<NonNullable<PairResult["failover"]>, "dirtyAfter"> | null = o.failover && {
      dirtyAfter: o.failover.dirtyAfter.map((d) => ({ failed: id(d.failed[0]!), ...(d.failed.length > 1 ? { alsoFailed: id(d.failed[1]!) } : {}), riskyItems: ids(d.riskyItems) })),
    };
    if (failures > 0 && o.reachable) expect(p.failover, where).toMatchObject(failover!);
    if (o.cleanAlternative) expect(p.cleanAlternative, where).toEqual({ metric: o.cleanAlternative.metric, path: o.cleanAlternative.path.map(id), links: o.cleanAlternative.links.map((l) => id(ref.n + l)) });
    else expect(p.cleanAlternative, where).toBeNull();
    if (o.remediation) expect(o.remediation.sets.has(p.remediation!.items.map(index).sort((a, b) => a - b).join(",")), where).toBe(true);
    else expect(p.remediation, where).toBeNull();
  }
}

describe("every list of risky items follows the unknown-vendor mode", () => {
  it("verdict and lists agree, under risky and under clean, and match brute force", () => {
    fc.assert(
      fc.property(network, ({ doc, net, failures }) => {
        const both = auditBoth(doc, failures);
        for (const mode of ["risky", "clean"] as const) {
          checkListsAgree(both[mode], mode);
          checkAgainstOracle(both[mode], net, mode, failures);
        }
      }),
      { numRuns: runs },
    );
  });
});
