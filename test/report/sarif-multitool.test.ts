import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { outputText } from "../../src/report/context.js";
import { sarif } from "../../src/report/sarif.js";
import { cases, goldenContext } from "./helpers.js";

/**
 * Microsoft's SARIF Multitool, with GitHub's own rules (`--rule-kind Gh;Sarif`), when it is on
 * this machine: SARIF_MULTITOOL names its `Sarif.Multitool` binary, or the npm package
 * `@microsoft/sarif-multitool-linux` is installed (`npm i --no-save @microsoft/sarif-multitool`).
 * It is not a dependency (a 60 MB .NET binary): where it is absent, the test says so.
 */
function multitool(): string | undefined {
  const fromEnv = process.env.SARIF_MULTITOOL;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  try {
    const bin = createRequire(import.meta.url)("@microsoft/sarif-multitool-linux") as unknown;
    return typeof bin === "string" && existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
}

describe("SARIF Multitool (optional)", () => {
  const tool = multitool();
  it(tool ? "finds no error or warning in any golden case" : "is not installed here", () => {
    if (!tool) {
      // CI installs it and sets CLEANPATH_REQUIRE_SARIF_MULTITOOL=1: there its absence is a failure.
      expect(process.env.CLEANPATH_REQUIRE_SARIF_MULTITOOL, "the SARIF Multitool is required here but was not found").not.toBe("1");
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), "cleanpath-sarif-"));
    try {
      const files = cases().map(({ name, result }) => {
        const f = join(dir, `${name}.sarif`);
        writeFileSync(f, outputText(sarif(result, goldenContext)));
        return f;
      });
      const out = join(dir, "validation.sarif");
      const r = spawnSync(tool, ["validate", "--rule-kind", "Gh;Sarif", "--output", out, ...files], { encoding: "utf8", timeout: 120_000 });
      expect(r.status, r.stdout + r.stderr).toBe(0);
      const log = JSON.parse(readFileSync(out, "utf8")) as { runs: { results?: { level?: string; ruleId: string; message: { text?: string } }[] }[] };
      // SARIF2005 asks for informationUri, which cleanpath leaves out on purpose (no network); notes are advice.
      const problems = (log.runs[0]!.results ?? []).filter((x) => (x.level ?? "warning") !== "note" && x.ruleId !== "SARIF2005");
      expect(problems.map((p) => `${p.ruleId}: ${p.message.text ?? ""}`)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
