import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decide, type FailLevel, findingFails, settle } from "../../src/decide.js";
import type { AuditResult, Finding, PairResult, RuleResult } from "../../src/result.js";

const finding = (rule: string, level: Finding["level"], extra: Partial<Finding> = {}): Finding => ({ rule, kind: "forbid", level, message: "m", items: [], ...extra });
const rule = (id: string, level: RuleResult["level"] = "error"): RuleResult => ({ id, kind: "forbid", level, passed: true, checked: true, description: "d", findings: 0 });
const pair = (passed: boolean): PairResult => ({ passed }) as PairResult;
const result = (parts: { pairs?: PairResult[]; rules?: RuleResult[]; findings?: Finding[] }): AuditResult =>
  ({
    pairs: parts.pairs ?? [],
    rules: parts.rules ?? [],
    findings: parts.findings ?? [],
    summary: { pairs: 0, failedPairs: 0, failedRules: 0, byVerdict: {}, findings: { error: 0, warning: 0, note: 0, waived: 0 }, passed: true },
  }) as unknown as AuditResult;

describe("decide: the one pass/fail function", () => {
  it.each([
    { name: "nothing", r: result({}), level: "error", passed: true },
    { name: "a failing pair", r: result({ pairs: [pair(true), pair(false)] }), level: "error", passed: false },
    { name: "an error finding of a rule", r: result({ rules: [rule("r")], findings: [finding("r", "error")] }), level: "error", passed: false },
    { name: "a waived error finding", r: result({ rules: [rule("r")], findings: [finding("r", "error", { waived: true, waivedBy: "w" })] }), level: "error", passed: true },
    { name: "a warning finding at error level", r: result({ rules: [rule("r", "warning")], findings: [finding("r", "warning")] }), level: "error", passed: true },
    { name: "a warning finding at warning level", r: result({ rules: [rule("r", "warning")], findings: [finding("r", "warning")] }), level: "warning", passed: false },
    { name: "a note at warning level", r: result({ rules: [rule("r")], findings: [finding("r", "note")] }), level: "warning", passed: true },
    { name: "an advisory warning (risky endpoint) at warning level", r: result({ findings: [finding("risky-endpoint", "warning", { advisory: true })] }), level: "warning", passed: true },
    { name: "an expired waiver at warning level", r: result({ findings: [finding("waiver-expired", "warning")] }), level: "warning", passed: false },
  ] as const)("$name → passed $passed", ({ r, level, passed }) => {
    const d = decide(r, level);
    expect(d.passed).toBe(passed);
    expect(d.exitCode).toBe(passed ? 0 : 1);
  });

  it("splits failing findings into rules and other checks", () => {
    const d = decide(result({ rules: [rule("a"), rule("b")], findings: [finding("a", "error"), finding("a", "error"), finding("waiver-expired", "warning")] }), "warning");
    expect([...d.failingRules]).toEqual(["a"]);
    expect(d.failedRules).toBe(1);
    expect(d.failedChecks).toBe(1);
  });

  const arbFinding = fc.record({
    rule: fc.constantFrom("r1", "r2", "r3", "waiver-expired", "risky-endpoint"),
    kind: fc.constant("k"),
    level: fc.constantFrom("error", "warning", "note"),
    message: fc.constant("m"),
    items: fc.constant([]),
    waived: fc.boolean(),
    advisory: fc.boolean(),
  }) as fc.Arbitrary<Finding>;
  const arbResult = fc
    .record({
      pairs: fc.array(fc.boolean().map(pair), { maxLength: 4 }),
      rules: fc.subarray(["r1", "r2", "r3"]).map((ids) => ids.map((id) => ({ ...rule(id), passed: id !== "r2" }))),
      findings: fc.array(arbFinding, { maxLength: 8 }),
    })
    .map(result);
  const arbLevel = fc.constantFrom<FailLevel>("error", "warning");

  it("settle writes decide's answer into the result, and settling again decides afresh", () => {
    fc.assert(
      fc.property(arbResult, arbLevel, arbLevel, (r, level, other) => {
        const settled = settle(r, level);
        const d = decide(r, level);
        expect(settled.summary.passed).toBe(d.passed);
        expect(settled.summary.failedRules).toBe(settled.rules.filter((x) => !x.passed).length);
        expect(settled.summary.failedPairs).toBe(r.pairs.filter((p) => !p.passed).length);
        expect(decide(settled, level)).toEqual(d);
        expect(settle(settled, other)).toEqual(settle(r, other));
        expect(settled.summary.failOnLevel).toBe(level === "error" ? undefined : "warning");
        // Passing means no failing pair and no failing finding, at that level.
        expect(d.passed).toBe(r.pairs.every((p) => p.passed) && !r.findings.some((f) => findingFails(f, level)));
      }),
    );
  });
});
