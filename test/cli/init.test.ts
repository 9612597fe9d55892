import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { profiles } from "../../src/data/profiles.js";
import { scaffold } from "../../src/init/index.js";
import { runCli, scratch } from "../helpers/cli.js";

const targets = ["network.yaml", "policy.yaml", ".github/workflows/cleanpath.yml"];
const policyKeys = new Set(["cleanpath", "kind", "extends", "risk", "flows", "rules", "waivers"]);

describe("cleanpath init", () => {
  it("writes a topology that validates and audits, a policy and a workflow, and says what next", () => {
    const s = scratch({});
    try {
      const r = runCli(["init", "proj"], { cwd: s.dir });
      expect(r.code).toBe(0);
      for (const t of targets) expect(existsSync(join(s.dir, "proj", t))).toBe(true);
      expect(r.stdout).toContain("proj/network.yaml");
      expect(r.stdout).toContain("Next:\n  cleanpath validate proj/network.yaml");
      const v = runCli(["validate", "proj/network.yaml"], { cwd: s.dir });
      expect(v.code).toBe(0);
      expect(v.stderr).toBe("");
      const a = runCli(["audit", "path", "proj/network.yaml", "--from", "office-cpe", "--to", "hq-app", "--failures", "1"], { cwd: s.dir });
      expect(a.code).toBe(0);
      expect(a.stdout).toContain("fragile");
      const rep = runCli(["report", "proj/network.yaml", "-o", "report.html"], { cwd: s.dir });
      expect(rep.code).toBe(0);
      const policy = parse(readFileSync(join(s.dir, "proj", "policy.yaml"), "utf8")) as Record<string, unknown>;
      expect(policy).toEqual({ cleanpath: 1, kind: "policy", extends: ["us-clean-path-2020"] });
      const wf = parse(readFileSync(join(s.dir, "proj", ".github/workflows/cleanpath.yml"), "utf8")) as {
        permissions: Record<string, string>;
        jobs: { audit: { steps: { uses?: string; run?: string; if?: string; with?: Record<string, string> }[] } };
      };
      expect(wf.permissions["security-events"]).toBe("write");
      const steps = wf.jobs.audit.steps;
      expect(steps.find((x) => x.run)?.run).toContain("--format sarif:cleanpath.sarif");
      const upload = steps.find((x) => x.uses?.startsWith("github/codeql-action/upload-sarif"))!;
      expect(upload.with?.sarif_file).toBe("cleanpath.sarif");
      expect(upload.if).toContain("always()");
    } finally {
      s.cleanup();
    }
  });

  it("refuses to overwrite any file and then writes none", () => {
    const s = scratch({ "policy.yaml": "mine\n" });
    try {
      const r = runCli(["init", "--profile", "uk-dvd-2022"], { cwd: s.dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("policy.yaml already exists; cleanpath init never overwrites (nothing was written)");
      expect(r.stdout).toBe("");
      expect(readFileSync(s.path("policy.yaml"), "utf8")).toBe("mine\n");
      expect(existsSync(s.path("network.yaml"))).toBe(false);
      expect(existsSync(s.path(".github"))).toBe(false);
    } finally {
      s.cleanup();
    }
  });

  it("extends the chosen profile, and rejects unknown ones before writing", () => {
    const s = scratch({});
    try {
      const ok = runCli(["init", "--profile", "mx-core-border"], { cwd: s.dir });
      expect(ok.code).toBe(0);
      expect(parse(readFileSync(s.path("policy.yaml"), "utf8"))).toMatchObject({ extends: ["mx-core-border"] });
      const bad = runCli(["init", "other", "--profile", "mx-core-borde"], { cwd: s.dir });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain("did you mean `mx-core-border`?");
      expect(existsSync(s.path("other"))).toBe(false);
    } finally {
      s.cleanup();
    }
  });

  it("writes a policy following SPEC §5 for every built-in profile", () => {
    for (const p of profiles) {
      const files = scaffold(p.id, "0.1.0");
      expect(files.map((f) => f.path)).toEqual(targets);
      const policy = parse(files[1]!.text) as Record<string, unknown>;
      expect(Object.keys(policy).every((k) => policyKeys.has(k))).toBe(true);
      expect(policy).toMatchObject({ cleanpath: 1, kind: "policy", extends: [p.id] });
      // The commented examples are valid YAML once uncommented, with the same keys.
      const [head, body] = files[1]!.text.split(/(?<=^extends: .*\n)/m) as [string, string];
      const uncommented = parse(head + body.replace(/^# (?=(risk|rules|waivers):|  )/gm, "")) as Record<string, unknown>;
      expect(Object.keys(uncommented).sort()).toEqual(["cleanpath", "extends", "kind", "risk", "rules", "waivers"]);
    }
  });

  it("shows examples in --help", () => {
    const r = runCli(["init", "--help"]);
    expect(r.stdout).toContain("cleanpath init network-audit --profile uk-dvd-2022");
  });
});
