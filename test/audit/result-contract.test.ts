import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validate as validateReport, schemaSha256 } from "../../src/generated/report-all.js";
import { schemaSha256 as policySha } from "../../src/generated/policy-all.js";
import type { AuditResult } from "../../src/result.js";
import { root, runCli } from "../helpers/cli.js";
// @ts-expect-error: a plain .mjs build script without type declarations
import { reportSchema } from "../../scripts/report-schema.mjs";
// @ts-expect-error: a plain .mjs build script without type declarations
import { policySchema } from "../../scripts/topology-schema.mjs";

const env = { SOURCE_DATE_EPOCH: "1767225600" }; // 2026-01-01T00:00:00Z

const runs: [string, string[]][] = [
  ["embassy flows", ["audit", "examples/embassy-to-hq.yaml"]],
  ["border pairs with failover", ["audit", "path", "examples/national-wholesale.yaml", "--from", "role=ran,tag=border", "--to", "dc-mty", "--failures", "1"]],
  ["fabric flows, unknown vendors clean", ["audit", "flows", "examples/datacenter-fabric.yaml", "--unknown-vendor", "clean"]],
  ["double failures", ["audit", "path", "examples/embassy-to-hq.yaml", "--from", "embassy-cpe", "--to", "hq-dc", "--failures", "2"]],
  ["a list designation", ["audit", "path", "examples/embassy-to-hq.yaml", "--from", "embassy-cpe", "--to", "hq-dc", "--policy", "us-fcc-covered-list"]],
];

function mentioned(r: AuditResult): string[] {
  const ids = new Set<string>();
  for (const p of r.pairs) {
    [p.from, p.to, ...p.unknownItems, ...p.exposure.items].forEach((x) => ids.add(x));
    p.routed?.paths.flat().forEach((x) => ids.add(x));
    [...(p.routed?.items ?? []), ...(p.routed?.riskyItems ?? [])].forEach((x) => ids.add(x));
    [...(p.cleanAlternative?.path ?? []), ...(p.cleanAlternative?.links ?? [])].forEach((x) => ids.add(x));
    p.failover?.dirtyAfter.forEach((d) => [d.failed, ...(d.alsoFailed ? [d.alsoFailed] : []), ...d.riskyItems].forEach((x) => ids.add(x)));
    p.failover?.disconnectedBy.forEach((x) => ids.add(x));
    p.remediation?.items.forEach((x) => ids.add(x));
  }
  r.findings.forEach((f) => f.items.forEach((x) => ids.add(x)));
  return [...ids];
}

describe("the JSON result (SPEC §7 contract)", () => {
  it.each(runs)("%s: validates against the report schema and names every id in items", (_name, args) => {
    const r = runCli([...args, "--format", "json"], { env });
    expect([0, 1]).toContain(r.code);
    const result = JSON.parse(r.stdout) as AuditResult;
    expect(validateReport(result), JSON.stringify(validateReport.errors?.slice(0, 3))).toBe(true);
    for (const id of mentioned(result)) expect(result.items[id], id).toBeDefined();
    expect(result.generatedAt).toBe("2026-01-01T00:00:00Z");
    expect(result.asOf).toBe("2026-01-01");
    expect(result.inputs.every((i) => /^[0-9a-f]{64}$/.test(i.sha256))).toBe(true);
  });

  it("is byte for byte the same on a second run (SOURCE_DATE_EPOCH)", () => {
    const args = runs[1]![1];
    const a = runCli([...args, "--format", "json"], { env });
    const b = runCli([...args, "--format", "json"], { env });
    expect(a.stdout.length).toBeGreaterThan(1000);
    expect(a.stdout).toBe(b.stdout);
  });

  it("records the input digests", () => {
    const r = JSON.parse(runCli(["audit", "examples/embassy-to-hq.yaml", "--format", "json"], { env }).stdout) as AuditResult;
    const sha = createHash("sha256").update(readFileSync(join(root, "examples/embassy-to-hq.yaml"))).digest("hex");
    expect(r.inputs).toEqual([{ file: "examples/embassy-to-hq.yaml", sha256: sha }]);
  });

  it("carries both verdicts when counting unknown vendors clean would be better", () => {
    const r = JSON.parse(runCli(["audit", "path", "test/audit/fixtures/unknown.yaml", "--from", "a", "--to", "b", "--format", "json"], { env }).stdout) as AuditResult;
    expect(r.pairs[0]).toMatchObject({ verdict: "routed-dirty", verdictIfUnknownClean: "clean", unknownItems: ["m"] });
    expect(r.items.m).toMatchObject({ risk: "unknown", vendor: "Acme Radio" });
  });
});

describe("published schemas", () => {
  for (const [name, make, sha] of [
    ["report", reportSchema, schemaSha256],
    ["policy", policySchema, policySha],
  ] as const) {
    it(`${name}.schema.json is what its script writes and what the code validates with`, () => {
      const text = readFileSync(join(root, "schemas", `${name}.schema.json`), "utf8");
      expect(JSON.parse(text)).toEqual(make());
      expect(createHash("sha256").update(text).digest("hex")).toBe(sha);
    });
  }

  it("`cleanpath schema report` prints the report schema", () => {
    const r = runCli(["schema", "report"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).$id).toBe("urn:cleanpath:schema:report:1");
  });
});
