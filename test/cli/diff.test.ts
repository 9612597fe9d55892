import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { DiffResult } from "../../src/diff/types.js";
import { root, scratch } from "../helpers/cli.js";
import { runMain } from "../helpers/main.js";

const fragile = readFileSync(join(root, "test", "report", "cases", "topologies", "fragile.yaml"), "utf8");
const fixed = fragile.replace("{ id: agg-backup, role: aggregation, vendor: Huawei }", "{ id: agg-backup, role: aggregation, vendor: Nokia }");

describe("cleanpath diff", () => {
  it("audits two topologies with their declared flows: better exits 0, worse exits 1", async () => {
    expect(fixed).not.toBe(fragile);
    const s = scratch({ "before/topo.yaml": fragile, "after/topo.yaml": fixed });
    try {
      const better = await runMain(["diff", "before/topo.yaml", "after", "--format", "json"], s.dir);
      expect(better.stderr).toBe("");
      expect(better.code).toBe(0);
      const d = JSON.parse(better.stdout) as DiffResult;
      expect(d.mode).toBe("topology");
      expect(d.pairs).toMatchObject([{ flow: "branch-to-dc", change: "better", before: { verdict: "fragile", passed: false }, after: { verdict: "clean", passed: true } }]);
      expect(d.items.changed).toMatchObject([{ id: "agg-backup", before: { vendor: "Huawei", risk: "high" }, after: { vendor: "Nokia" } }]);
      const worse = await runMain(["diff", "after/topo.yaml", "before/topo.yaml"], s.dir);
      expect(worse.code).toBe(1);
      expect(worse.stdout).toMatch(/✗ worse {2}branch-to-dc: branch → dc {2}clean → fragile \(fails\)/);
      expect(worse.stdout).toMatch(/^worse: 1 pair worse/m);
    } finally {
      s.cleanup();
    }
  });

  it("compares two saved results, several formats at once", async () => {
    const s = scratch({});
    try {
      const before = join(root, "test", "report", "cases", "02-routed-dirty.json");
      const same = await runMain(["diff", before, before, "--format", "github", "--format", `markdown:${s.path("comment.md")}`], root);
      expect(same.code).toBe(0);
      expect(same.stdout).toBe("cleanpath diff: not worse (no change in verdicts, rules, findings or items)\n");
      expect(readFileSync(s.path("comment.md"), "utf8")).toMatch(/^### ✅ cleanpath: nothing got worse/);
    } finally {
      s.cleanup();
    }
  });

  it("refuses mixed inputs, formats it does not have, and topologies without flows unless --from/--to name a pair", async () => {
    const s = scratch({ "a.yaml": "cleanpath: 1\nelements:\n  - { id: a, role: core, vendor: Nokia }\n  - { id: b, role: core, vendor: Nokia }\nlinks:\n  - [a, b]\n" });
    try {
      const result = join(root, "test", "report", "cases", "01-clean.json");
      const mixed = await runMain(["diff", result, "a.yaml"], s.dir);
      expect(mixed.code).toBe(2);
      expect(mixed.stderr).toMatch(/not one of each/);
      const sarif = await runMain(["diff", "a.yaml", "a.yaml", "--format", "sarif"], s.dir);
      expect(sarif.code).toBe(2);
      expect(sarif.stderr).toMatch(/unknown format `sarif` \(diff formats: table, json, markdown, github\)/);
      // Help lists exactly what --format accepts, and a near miss is suggested among those.
      const help = await runMain(["diff", "--help"], s.dir);
      expect(help.stdout.replace(/\s+/g, " ")).toMatch(/output format: table, json, markdown, github \(default table\)/);
      const htm = await runMain(["diff", "a.yaml", "a.yaml", "--format", "jsn"], s.dir);
      expect(htm.stderr).toMatch(/unknown format `jsn` — did you mean `json`\?/);
      const noFlows = await runMain(["diff", "a.yaml", "a.yaml"], s.dir);
      expect(noFlows.code).toBe(2);
      expect(noFlows.stderr).toMatch(/E_NOTHING_TO_AUDIT  nothing to audit: the files declare no flows/);
      const pair = await runMain(["diff", "a.yaml", "a.yaml", "--from", "a", "--to", "b"], s.dir);
      expect(pair.stdout).toBe("not worse: no change in verdicts, rules, findings or items\n");
      expect(pair.code).toBe(0);
      const half = await runMain(["diff", "a.yaml", "a.yaml", "--from", "a"], s.dir);
      expect(half.code).toBe(2);
      expect(half.stderr).toMatch(/give both --from and --to, or neither/);
    } finally {
      s.cleanup();
    }
  });
});
