import type { AuditResult, ItemInfo, PairResult } from "../../src/result.js";

/** Text an attacker could put in a topology or a hand-edited result. */
export const evil = {
  script: "<script>window.__pwned=1</script>",
  img: `x"><img src=x onerror="window.__pwned=2">`,
  quote: `it's "quoted" & <b>bold</b>`,
};

const loc = (line: number) => ({ file: "net.yaml", line, column: 5 });

function item(partial: Partial<ItemInfo> & Pick<ItemInfo, "type" | "risk">, line: number): ItemInfo {
  return { reasons: [], location: loc(line), ...partial };
}

const huawei = { kind: "vendor" as const, value: "huawei", source: "US 5G Clean Path (2020)", list: "clean-path-2020" };

/**
 * A hand-written, schema-valid result with everything a report draws: a routed-dirty pair whose
 * risky hop has a hostile id, a dirty pair with remediation, a fragile pair, an unreachable one,
 * a clean one; rules with citations (one failing), findings citing regulations (one with a
 * `javascript:` URL that must not become a link), sites with hostile names.
 */
export function handResult(): AuditResult {
  const items: Record<string, ItemInfo> = {
    a: item({ type: "element", role: "endpoint", vendor: "Cisco", vendorId: "cisco", risk: "clean", site: "s1" }, 10),
    b: item({ type: "element", role: "datacenter", vendor: "Dell", vendorId: "dell", risk: "clean", site: "s2" }, 11),
    [evil.script]: item({ type: "element", role: "aggregation", vendor: evil.quote, vendorId: "huawei", risk: "high", reasons: [huawei], name: evil.img }, 12),
    y: item({ type: "element", role: "core", vendor: "Nokia", vendorId: "nokia", risk: "clean" }, 13),
    u: item({ type: "element", role: "access", vendor: "Acme Radio", risk: "unknown", reasons: [{ kind: "unknown-vendor", value: "Acme Radio", source: "not in the vendor registry" }] }, 14),
    [`a--${evil.script}`]: item({ type: "link", a: "a", b: evil.script, risk: "clean" }, 20),
    [`${evil.script}--b`]: item({ type: "link", a: evil.script, b: "b", risk: "high", medium: "microwave", vendor: "ZTE", vendorId: "zte", reasons: [{ ...huawei, value: "zte" }] }, 21),
    "a--y": item({ type: "link", a: "a", b: "y", risk: "clean" }, 22),
    "y--b": item({ type: "link", a: "y", b: "b", risk: "clean" }, 23),
  };
  const base = {
    failOn: "routed-dirty" as const,
    reachable: true,
    exposure: { items: [], count: 0, approximate: false },
    failover: null,
    remediation: null,
    diversity: 1,
    unknownItems: [],
    waivedBy: [],
  };
  const routedDirty: PairResult = {
    ...base,
    flow: "office-to-dc",
    from: "a",
    to: "b",
    verdict: "routed-dirty",
    passed: false,
    routed: {
      metric: 2,
      paths: [["a", evil.script, "b"]],
      pathCount: 1,
      items: [evil.script, `a--${evil.script}`, `${evil.script}--b`],
      riskyItems: [evil.script, `${evil.script}--b`],
      unknownItems: [],
    },
    cleanAlternative: { metric: 3, path: ["a", "y", "b"], links: ["a--y", "y--b"] },
    exposure: { items: [evil.script, `${evil.script}--b`], count: 2, approximate: false },
  };
  const dirty: PairResult = {
    ...base,
    flow: "branch-to-dc",
    from: "y",
    to: "b",
    verdict: "dirty",
    passed: false,
    routed: { metric: 5, paths: [["y", "u", "b"]], pathCount: 3, items: ["u"], riskyItems: ["u"], unknownItems: ["u"] },
    cleanAlternative: null,
    exposure: { items: ["u"], count: 1, approximate: true },
    remediation: { items: ["u"], cost: 1, measure: "count" },
    unknownItems: ["u"],
    verdictIfUnknownClean: "clean",
  };
  const fragile: PairResult = {
    ...base,
    flow: "x-to-y",
    from: "a",
    to: "y",
    verdict: "fragile",
    failOn: "exposed",
    passed: false,
    routed: { metric: 1, paths: [["a", "y"]], pathCount: 1, items: ["a--y"], riskyItems: [], unknownItems: [] },
    cleanAlternative: { metric: 1, path: ["a", "y"], links: ["a--y"] },
    failover: { failures: 1, dirtyAfter: [{ failed: "a--y", riskyItems: [evil.script] }], disconnectedBy: [] },
  };
  const unreachable: PairResult = { ...base, flow: null, from: "a", to: "u", verdict: "unreachable", failOn: "unreachable", passed: false, reachable: false, routed: null, cleanAlternative: null };
  const clean: PairResult = {
    ...base,
    flow: "clean-flow",
    from: "y",
    to: "a",
    verdict: "clean",
    passed: true,
    routed: { metric: 1, paths: [["y", "a"]], pathCount: 1, items: ["a--y"], riskyItems: [], unknownItems: [] },
    cleanAlternative: { metric: 1, path: ["y", "a"], links: ["a--y"] },
  };
  const pairs = [routedDirty, dirty, fragile, unreachable, clean];
  return {
    cleanpath: 1,
    tool: { name: "cleanpath", version: "0.1.0" },
    generatedAt: "2026-01-01T00:00:00Z",
    inputs: [{ file: "net.yaml", sha256: "0".repeat(64) }],
    asOf: "2026-01-01",
    designation: {
      origin: "policy.yaml (uk-dvd-2022)",
      description: `Designates Huawei and ZTE. ${evil.quote}`,
      vendors: ["huawei", "zte"],
      lists: [],
      operators: [],
      jurisdictions: [],
      tags: [],
      components: true,
      unknownVendor: "risky",
      includePassive: false,
    },
    summary: {
      pairs: pairs.length,
      failedPairs: 4,
      failedRules: 1,
      byVerdict: { "routed-dirty": 1, dirty: 1, fragile: 1, unreachable: 1, clean: 1 },
      findings: { error: 1, warning: 1, note: 0, waived: 1 },
      passed: false,
    },
    pairs,
    rules: [
      {
        id: "hrv-core",
        kind: "forbid",
        level: "error",
        passed: false,
        checked: true,
        description: "No high-risk vendor in the core",
        source: { title: "UK Telecommunications (Security) Act 2021: designated vendor direction", date: "2022-10-13", url: "https://www.gov.uk/dvd" },
        location: loc(3),
        findings: 1,
      },
      { id: "ran-cap", kind: "cap", level: "error", passed: true, checked: true, description: "At most 35% of the access network", findings: 0 },
    ],
    items,
    findings: [
      {
        rule: "hrv-core",
        kind: "forbid",
        level: "error",
        message: `core element ${evil.script} is from a high-risk vendor`,
        items: [evil.script],
        location: loc(12),
        source: { title: "Designated vendor direction", date: "2022-10-13", url: "javascript:alert(1)" },
        details: { share: "40%", items: [evil.script] },
      },
      { rule: "waiver-expired", kind: "waiver-expired", level: "warning", message: "the waiver of u expired on 2025-12-31", items: ["u"] },
      { rule: "hrv-core", kind: "forbid", level: "error", message: "waived", items: ["y"], waived: true, waivedBy: "swap scheduled" },
    ],
    inventory: {
      elements: 5,
      links: 4,
      high: 1,
      unknown: 1,
      vendorsByRole: { aggregation: { huawei: 1 }, core: { nokia: 3, huawei: 1 }, endpoint: { cisco: 1 }, access: { "Acme Radio": 1 }, other: { "(none)": 2 } },
      vendorsByOperator: { [evil.img]: { huawei: 2, nokia: 3 }, "(none)": { cisco: 1, "(none)": 2 } },
      sites: [
        { id: "s1", name: evil.script, country: "MX", lat: 19.43, lon: -99.13, elements: 2, high: 1, unknown: 0 },
        { id: "s2", name: "Ashburn", country: "US", lat: 39.04, lon: -77.49, elements: 3, high: 0, unknown: 1 },
        { id: "s3", country: "US", lat: 32.7, lon: -117.16, elements: 1, high: 0, unknown: 0 },
      ],
    },
  };
}

/** `n` pairs (a tenth failing) sharing the hand result's items: a large result for size checks. */
export function bigResult(n: number): AuditResult {
  const r = handResult();
  const [routedDirty, , , , clean] = r.pairs;
  const pairs: PairResult[] = [];
  for (let i = 0; i < n; i++) {
    const template = i % 10 === 0 ? routedDirty! : clean!;
    pairs.push({ ...template, flow: `flow-${String(i).padStart(5, "0")}` });
  }
  const failing = pairs.filter((p) => !p.passed).length;
  const sites = Array.from({ length: 200 }, (_, i) => ({ id: `site-${i}`, lat: 10 + (i % 20), lon: -100 + Math.floor(i / 20), elements: 1 + (i % 4), high: i % 7 === 0 ? 1 : 0, unknown: 0 }));
  return {
    ...r,
    pairs,
    summary: { ...r.summary, pairs: n, failedPairs: failing, byVerdict: { "routed-dirty": failing, clean: n - failing } },
    inventory: { ...r.inventory, sites },
  };
}
