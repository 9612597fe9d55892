import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { schemaSha256, validate as validatePlan } from "../../src/generated/plan-all.js";
import type { PlanResult } from "../../src/result.js";
import { root, runCli, scratch } from "../helpers/cli.js";
// @ts-expect-error: a plain .mjs build script without type declarations
import { planSchema } from "../../scripts/plan-schema.mjs";

const env = { SOURCE_DATE_EPOCH: "1767225600" }; // 2026-01-01T00:00:00Z

function planJson(args: string[]): { code: number | null; plan: PlanResult; stderr: string } {
  const r = runCli(["plan", ...args, "--format", "json"], { env });
  return { code: r.code, plan: JSON.parse(r.stdout) as PlanResult, stderr: r.stderr };
}

describe("cleanpath plan (built CLI)", () => {
  it("plans uk-mobile under uk-dvd-2022 in the direction's phases, valid JSON, exit 0", () => {
    const { code, plan } = planJson(["examples/uk-mobile.yaml", "--policy", "uk-dvd-2022", "--as-of", "2024-06-30", "--by", "count"]);
    expect(code).toBe(0);
    expect(validatePlan(plan), JSON.stringify(validatePlan.errors?.slice(0, 3))).toBe(true);
    expect(plan).toMatchObject({ kind: "plan", objective: "count", optimal: true, passed: true, generatedAt: "2026-01-01T00:00:00Z", asOf: "2024-06-30" });
    expect(plan.items.map((i) => [i.id, i.phase])).toEqual([
      ["gnb-cdf-1", "dvd-5g-removal"],
      ["olt-bir-2", "dvd-full-fibre-access-cap"],
      ["sc-base-n", "dvd-national-security-sites"],
    ]);
    expect(plan.phases.map((p) => [p.name, p.by, p.cumulativeCost])).toEqual([
      ["dvd-national-security-sites", "2023-01-29", 1],
      ["dvd-full-fibre-access-cap", "2023-11-01", 2],
      ["dvd-5g-removal", "2027-12-31", 3],
    ]);
    // Each dated phase cites the direction its rule comes from; the plan says what counts as high-risk.
    expect(plan.phases.map((p) => p.source?.date)).toEqual(["2022-10-14", "2022-10-14", "2022-10-14"]);
    expect(plan.phases[0]!.source!.title).toMatch(/DCMS confirms issuance of legal notices/);
    expect(plan.designation).toMatchObject({ origin: "uk-dvd-2022", vendors: ["huawei"], unknownVendor: "risky" });
    expect(plan.before.failedRules).toBe(3);
    expect(plan.after.failedRules).toBe(0);
  });

  it("plans national-wholesale (routed-dirty border flows): one link, valid JSON", () => {
    const { code, plan } = planJson(["examples/national-wholesale.yaml"]);
    expect(code).toBe(0);
    expect(validatePlan(plan)).toBe(true);
    expect(plan.items.map((i) => [i.id, i.type, i.vendor, i.cost, i.fixes.pairs.length])).toEqual([["agg-nld--agg-rey", "link", "ZTE", 25000, 2]]);
    expect(plan.pairs.map((p) => [p.from, p.before, p.after, p.passedAfter])).toEqual([
      ["ran-rey-1", "routed-dirty", "exposed", true],
      ["ran-rey-2", "routed-dirty", "exposed", true],
    ]);
  });

  it("refuses items without a cost: exit 2, located, nothing on stdout; --default-cost prices them", () => {
    const text = readFileSync(join(root, "examples/national-wholesale.yaml"), "utf8").replace(/, replacementCost: \d+ \}/g, " }");
    const s = scratch({ "nw.yaml": text });
    try {
      const r = runCli(["plan", s.path("nw.yaml"), "--format", "json"], { env });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      const line = text.split("\n").findIndex((l) => l.includes("vendor: ZTE")) + 1;
      expect(r.stderr).toMatch(new RegExp(`^\\S*nw\\.yaml:${line}:5 {2}E_PLAN_COST {2}\`agg-nld--agg-rey\` may need replacing`, "m"));
      const priced = runCli(["plan", s.path("nw.yaml"), "--default-cost", "1000", "--format", "json"], { env });
      expect(priced.code).toBe(0);
      expect((JSON.parse(priced.stdout) as PlanResult).items.map((i) => [i.id, i.cost])).toEqual([["agg-nld--agg-rey", 1000]]);
    } finally {
      s.cleanup();
    }
  });

  it("--write-after keeps a replaced link whole (ends, metric, medium, derived id) and the audit passes on it", () => {
    const s = scratch({});
    try {
      const after = s.path("after.yaml");
      const r = runCli(["plan", "examples/national-wholesale.yaml", "--format", "json", "--write-after", after], { env });
      expect(r.code, r.stderr).toBe(0);
      const text = readFileSync(after, "utf8");
      expect(text).toMatch(/- a: agg-nld\n\s+b: agg-rey\n\s+metric: 20\n\s+medium: microwave\n\s+vendor: replacement\n[\s\S]*?replaced:\n\s+vendor: ZTE\n\s+plan: flows/);
      const audited = runCli(["audit", after, "--format", "json"], { env });
      expect(audited.code, audited.stderr).toBe(0);
      const diff = runCli(["diff", "examples/national-wholesale.yaml", after, "--format", "json"], { env });
      expect(diff.code, diff.stderr).toBe(0);
      expect(diff.stdout).toContain("agg-nld--agg-rey");
    } finally {
      s.cleanup();
    }
  });

  it("--write-after writes the topology with the plan applied, and `cleanpath audit` passes on it", () => {
    const s = scratch({});
    try {
      const after = s.path("after.yaml");
      const r = runCli(["plan", "examples/uk-mobile.yaml", "--policy", "uk-dvd-2022", "--as-of", "2024-06-30", "--by", "count", "--format", "json", "-o", s.path("plan.json"), "--write-after", after], { env });
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/plan of 3 items, count 3 \(optimal\); everything passes after it/);
      const text = readFileSync(after, "utf8");
      expect(text).toMatch(/id: sc-base-n[\s\S]*?vendor: replacement[\s\S]*?replaced:\n\s+vendor: Huawei\n\s+plan: dvd-national-security-sites/);
      const before = runCli(["audit", "examples/uk-mobile.yaml", "--policy", "uk-dvd-2022", "--as-of", "2024-06-30", "--format", "json"], { env });
      expect(before.code).toBe(1);
      const audited = runCli(["audit", after, "--policy", "uk-dvd-2022", "--as-of", "2024-06-30", "--format", "json"], { env });
      expect(audited.code, audited.stderr).toBe(0);
    } finally {
      s.cleanup();
    }
  });

  it("refuses an input file as the --write-after target before anything runs", () => {
    const s = scratch({ "t.yaml": readFileSync(join(root, "examples/uk-mobile.yaml"), "utf8") });
    try {
      const r = runCli(["plan", s.path("t.yaml"), "--by", "count", "--format", "json", "--write-after", s.path("t.yaml")], { env });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/E_OUTPUT_IS_INPUT {2}--write-after .*is an input of this run/);
      expect(readFileSync(s.path("t.yaml"), "utf8")).toBe(readFileSync(join(root, "examples/uk-mobile.yaml"), "utf8"));
    } finally {
      s.cleanup();
    }
  });

  it("exits 1 when something stays failing (an unreachable pair), with the plan for the rest", () => {
    const s = scratch({
      "t.yaml": "cleanpath: 1\nelements:\n  - { id: a, role: edge, vendor: Nokia }\n  - { id: b, role: edge, vendor: Nokia }\n  - { id: x, role: edge, vendor: Huawei, replacementCost: 3 }\n  - { id: y, role: edge, vendor: Nokia }\nlinks:\n  - [a, x]\n  - [x, y]\nflows:\n  - { id: cut-off, from: a, to: b }\n  - { id: via-x, from: a, to: y }\n",
    });
    try {
      const { code, plan } = planJson([s.path("t.yaml")]);
      expect(code).toBe(1);
      expect(plan.items.map((i) => i.id)).toEqual(["x"]);
      expect(plan.unfixable).toMatchObject([{ kind: "pair", from: "a", to: "b" }]);
      expect(plan.passed).toBe(false);
    } finally {
      s.cleanup();
    }
  });

  it("usage mistakes exit 2", () => {
    expect(runCli(["plan", "examples/uk-mobile.yaml", "--budget", "-3"]).code).toBe(2);
    expect(runCli(["plan", "examples/uk-mobile.yaml", "--by", "count", "--default-cost", "5"]).code).toBe(2);
    const r = runCli(["plan", "examples/uk-mobile.yaml", "--by", "count", "--replace-with", "Huawei", "--format", "json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--replace-with Huawei: that vendor is itself designated/);
  });

  it.each([
    [["--time-limit", "0"], /E_USAGE {2}--time-limit takes a positive number, not `0`/],
    [["--time-limit", "abc"], /E_USAGE {2}--time-limit takes a positive number, not `abc`/],
    [["--budget", "x"], /E_USAGE {2}--budget takes a non-negative number, not `x`/],
    [["--default-cost", "-1"], /E_USAGE {2}--default-cost takes a non-negative number, not `-1`/],
    [["--replace-with", "nosuchvendor"], /E_USAGE {2}--replace-with nosuchvendor: not a vendor in the registry/],
  ])("refuses %j: exit 2, the message names the flag, nothing on stdout", (flag, message) => {
    const r = runCli(["plan", "examples/uk-mobile.yaml", "--format", "json", ...flag], { env });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
  });

  it("schemas/plan.schema.json is what its script writes, and `cleanpath schema plan` prints it", () => {
    const text = readFileSync(join(root, "schemas", "plan.schema.json"), "utf8");
    expect(JSON.parse(text)).toEqual(planSchema());
    expect(createHash("sha256").update(text).digest("hex")).toBe(schemaSha256);
    const r = runCli(["schema", "plan"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).$id).toBe("urn:cleanpath:schema:plan:1");
  });
});
