import { describe, expect, it } from "vitest";
import type { AuditResult } from "../../src/result.js";
import { runCli } from "../helpers/cli.js";

/** The verdicts the README and the examples' own documentation promise, checked for real. */
function audit(...args: string[]): AuditResult {
  const r = runCli([...args, "--format", "json"], { env: { SOURCE_DATE_EPOCH: "1767225600" } });
  expect([0, 1], r.stderr).toContain(r.code);
  return JSON.parse(r.stdout) as AuditResult;
}

const verdictsOf = (r: AuditResult) => r.pairs.map((p) => `${p.flow ?? ""} ${p.from}→${p.to} ${p.verdict}${p.passed ? "" : " ✗"}`);
const failedRules = (r: AuditResult) => r.rules.filter((x) => !x.passed).map((x) => x.id).sort();

describe("the examples give the verdicts their documentation states", () => {
  it("embassy-to-hq: routed-dirty through the Huawei metro and cable, with a clean backup", () => {
    const r = audit("audit", "examples/embassy-to-hq.yaml");
    expect(verdictsOf(r)).toEqual(["embassy-to-hq embassy-cpe→hq-dc routed-dirty ✗"]);
    expect(r.pairs[0]!.routed!.riskyItems).toEqual(["cable-gulf-1", "mr-access-1", "mr-agg-1"]);
    expect(r.pairs[0]!.cleanAlternative!.metric).toBe(212);
  });

  it("national-wholesale: 8 exposed, 2 routed-dirty over the ZTE hop, and a risky endpoint", () => {
    const r = audit("audit", "path", "examples/national-wholesale.yaml", "--from", "role=ran,tag=border", "--to", "dc-mty");
    expect(r.summary.byVerdict).toEqual({ exposed: 8, "routed-dirty": 2 });
    expect(r.pairs.filter((p) => p.verdict === "routed-dirty").map((p) => [p.from, p.routed!.riskyItems])).toEqual([
      ["ran-rey-1", ["agg-nld--agg-rey"]],
      ["ran-rey-2", ["agg-nld--agg-rey"]],
    ]);
    expect(r.findings.map((f) => [f.rule, f.items])).toEqual([["risky-endpoint", ["ran-rey-2"]]]);
  });

  it("datacenter-fabric: exposed everywhere; app-to-storage fails its failOn: exposed", () => {
    const r = audit("audit", "flows", "examples/datacenter-fabric.yaml");
    expect(verdictsOf(r)).toEqual([
      "app-to-db app-1→db-1 exposed",
      "app-to-storage app-1→storage-2 exposed ✗",
      "app-to-storage app-2→storage-2 exposed ✗",
      "wan-to-app wan-1→app-1 exposed",
    ]);
  });

  it("uk-mobile: four rules fail on 2024-01-15; the 5G deadline bites on 2028-01-01, not 2027-12-31", () => {
    expect(failedRules(audit("audit", "examples/uk-mobile.yaml", "--policy", "uk-dvd-2022", "--as-of", "2024-01-15"))).toEqual([
      "dvd-core-removal",
      "dvd-full-fibre-access-cap",
      "dvd-national-security-sites",
      "dvd-no-new-5g",
    ]);
    expect(failedRules(audit("audit", "rules", "examples/uk-mobile.yaml", "--policy", "uk-dvd-2022", "--as-of", "2027-12-31"))).not.toContain("dvd-5g-removal");
    const after = audit("audit", "rules", "examples/uk-mobile.yaml", "--policy", "uk-dvd-2022", "--as-of", "2028-01-01");
    expect(failedRules(after)).toContain("dvd-5g-removal");
    expect(after.findings.find((f) => f.rule === "dvd-5g-removal" && f.level === "error")!.items).toEqual(["gnb-gla-2"]);
  });

  it("the imported GÉANT network: routed-dirty, dirty, exposed; the core rule fails, the cap passes", () => {
    const r = audit("audit", "examples/imported/geant2012.yaml", "--policy", "examples/imported/policy.yaml");
    expect(r.pairs.map((p) => [p.flow, p.verdict])).toEqual([
      ["gr-to-de", "routed-dirty"],
      ["rs-to-de", "dirty"],
      ["uk-to-ee", "exposed"],
    ]);
    expect(r.rules.map((x) => [x.id, x.passed])).toEqual([
      ["no-hrv-core", false],
      ["backbone-cap", true],
    ]);
    expect(r.pairs[1]!.remediation).toEqual({ items: ["22"], cost: 1, measure: "count" });
  });
});
