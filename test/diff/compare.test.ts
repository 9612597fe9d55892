import { describe, expect, it } from "vitest";
import type { AuditResult, Finding } from "../../src/result.js";
import { diffResults } from "../../src/diff/compare.js";
import { diffGithub, diffMarkdown, diffTable } from "../../src/diff/report.js";
import { cases, goldenContext } from "../report/helpers.js";

const byName = Object.fromEntries(cases().map((c) => [c.name, c.result]));
const routedDirty = byName["02-routed-dirty"]!;
const diff = (a: AuditResult, b: AuditResult) => diffResults(a, b, { mode: "result", version: "0.1.0" });

function withVerdict(r: AuditResult, index: number, verdict: AuditResult["pairs"][number]["verdict"], passed: boolean): AuditResult {
  const out = structuredClone(r);
  Object.assign(out.pairs[index]!, { verdict, passed });
  return out;
}

describe("diffResults", () => {
  it("finds nothing between a result and itself", () => {
    const d = diff(routedDirty, structuredClone(routedDirty));
    expect(d.summary.gotWorse).toBe(false);
    expect(d.pairs).toEqual([]);
    expect(d.findings).toEqual({ appeared: [], disappeared: [] });
    expect(d.items).toEqual({ added: [], removed: [], changed: [] });
  });

  it("calls a worse verdict worse even when it still passes, and a better one better", () => {
    const worse = diff(routedDirty, withVerdict(routedDirty, 0, "fragile", true));
    expect(worse.pairs).toMatchObject([{ from: "ran-cju-1", change: "worse", gotWorse: true, before: { verdict: "exposed" }, after: { verdict: "fragile" } }]);
    expect(worse.summary.gotWorse).toBe(true);
    const better = diff(routedDirty, withVerdict(routedDirty, 6, "exposed", true));
    expect(better.pairs).toMatchObject([{ change: "better", gotWorse: false }]);
    expect(better.summary.gotWorse).toBe(false);
  });

  it("counts a pair that now fails at the same verdict (a stricter threshold) as worse", () => {
    const after = structuredClone(routedDirty);
    Object.assign(after.pairs[0]!, { failOn: "exposed", passed: false });
    expect(diff(routedDirty, after).pairs).toMatchObject([{ change: "worse", gotWorse: true }]);
  });

  it("matches findings by rule and items, not by message or line", () => {
    const after = structuredClone(routedDirty);
    after.findings[0]!.message = "reworded";
    after.findings[0]!.location!.line += 3;
    expect(diff(routedDirty, after).findings).toEqual({ appeared: [], disappeared: [] });
    const error: Finding = { rule: "core-exclusion", kind: "forbid", level: "error", message: "x in the core", items: ["agg-nld"] };
    after.findings.push(error);
    const d = diff(routedDirty, after);
    expect(d.findings.appeared).toMatchObject([{ rule: "core-exclusion", items: ["agg-nld"] }]);
    expect(d.summary.gotWorse).toBe(true);
    expect(diff(after, routedDirty).findings.disappeared).toHaveLength(1);
    expect(diff(after, routedDirty).summary.gotWorse).toBe(false);
  });

  it("does not fail on a new waived or warning finding, but does on one that lost its waiver", () => {
    const waived = structuredClone(routedDirty);
    waived.findings.push({ rule: "core", kind: "forbid", level: "error", message: "m", items: ["a"], waived: true, waivedBy: "w" });
    expect(diff(routedDirty, waived).summary.gotWorse).toBe(false);
    const unwaived = structuredClone(waived);
    unwaived.findings[1]!.waived = false;
    const d = diff(waived, unwaived);
    expect(d.findings.appeared).toMatchObject([{ rule: "core", wasWaived: true }]);
    expect(d.summary.gotWorse).toBe(true);
  });

  it("lists items added, removed and whose vendor changed", () => {
    const after = structuredClone(routedDirty);
    after.items["agg-mid"] = { ...after.items["agg-mid"]!, vendor: "Nokia", risk: "clean" };
    delete after.items["agg-oax"];
    after.items["new-router"] = { ...after.items["agg-mty"]! };
    const d = diff(routedDirty, after);
    expect(d.items.added.map((x) => x.id)).toEqual(["new-router"]);
    expect(d.items.removed.map((x) => x.id)).toEqual(["agg-oax"]);
    expect(d.items.changed).toMatchObject([{ id: "agg-mid", before: { vendor: "Huawei", risk: "high" }, after: { vendor: "Nokia", risk: "clean" } }]);
  });

  it("reports pairs that appear (failing counts as worse) and disappear", () => {
    const after = structuredClone(routedDirty);
    const gone = after.pairs.splice(6, 1)[0]!;
    after.pairs.push({ ...gone, from: "ran-new" });
    const d = diff(routedDirty, after);
    expect(d.pairs.map((p) => [p.change, p.from])).toEqual([
      ["added", "ran-new"],
      ["removed", "ran-rey-1"],
    ]);
    expect(d.summary.gotWorse).toBe(true);
  });

  it("renders hostile ids without control characters or forged commands", () => {
    const after = withVerdict(routedDirty, 0, "dirty", false);
    after.pairs[0]!.from = "x\n::error::forged\u001b[2J";
    const d = diff(routedDirty, after);
    for (const text of [diffTable(d, goldenContext), diffMarkdown(d, goldenContext), diffGithub(d, goldenContext)]) {
      expect(text).not.toMatch(/\u001b/);
      expect(text.split("\n").filter((l) => l.startsWith("::error::"))).toEqual([]);
    }
    expect(diffGithub(d, goldenContext)).toMatch(/^::error title=cleanpath%3A x�%3A%3Aerror%3A%3Aforged/m);
  });
});
