/**
 * Pass or fail, decided once. The audit fills `summary.passed`, `summary.failedRules` and each
 * rule's `passed` with `settle`; the CLI's exit code and its stderr line, `render` of a saved
 * result and the library all call `decide` on the same result: they cannot disagree.
 */
import type { AuditResult, Finding, Level, Verdict } from "./result.js";

/** Finding levels that can fail a run (`--fail-on error|warning`). */
export const failLevels = ["error", "warning"] as const;
export type FailLevel = (typeof failLevels)[number];

/** What fails a run: pair verdicts at or worse than their own `failOn`, findings at or above `findings`. */
export interface Thresholds {
  /** Default threshold of the pairs (each pair records the one it was judged with). */
  pairs: Verdict;
  findings: FailLevel;
}

export const defaultThresholds: Thresholds = { pairs: "routed-dirty", findings: "error" };

const rank: Record<Level, number> = { note: 0, warning: 1, error: 2 };

/** Whether one finding fails a run at this level: unwaived, not advisory, and severe enough. */
export function findingFails(f: Finding, level: FailLevel): boolean {
  return !f.waived && f.advisory !== true && rank[f.level] >= rank[level];
}

export interface Decision {
  passed: boolean;
  /** 0 everything passes, 1 something fails (SPEC §6); never a count. */
  exitCode: 0 | 1;
  failedPairs: number;
  /** Rules with at least one failing finding. */
  failedRules: number;
  /** Ids of the failing rules. */
  failingRules: ReadonlySet<string>;
  /** Failing findings that belong to no rule of the result (expired waivers, …). */
  failedChecks: number;
}

/** The one pass/fail function: a pure function of the result's facts and the findings level. */
export function decide(result: Pick<AuditResult, "pairs" | "rules" | "findings">, level: FailLevel): Decision {
  let failedPairs = 0;
  for (const p of result.pairs) if (!p.passed) failedPairs++;
  const ruleIds = new Set(result.rules.map((r) => r.id));
  const failingRules = new Set<string>();
  let failedChecks = 0;
  for (const f of result.findings) {
    if (!findingFails(f, level)) continue;
    if (ruleIds.has(f.rule)) failingRules.add(f.rule);
    else failedChecks++;
  }
  const passed = failedPairs === 0 && failingRules.size === 0 && failedChecks === 0;
  return { passed, exitCode: passed ? 0 : 1, failedPairs, failedRules: failingRules.size, failingRules, failedChecks };
}

/**
 * The result with its decision written in: each rule's `passed`, `summary.failedPairs`,
 * `summary.failedRules`, `summary.passed`, and `summary.failOnLevel` when it is not the default.
 * Settling a settled result again (render with another `--fail-on`) decides afresh.
 */
export function settle<R extends AuditResult>(result: R, level: FailLevel): R {
  const d = decide(result, level);
  const summary = { ...result.summary, failedPairs: d.failedPairs, failedRules: d.failedRules, passed: d.passed };
  delete summary.failOnLevel;
  return {
    ...result,
    rules: result.rules.map((r) => (r.passed === !d.failingRules.has(r.id) ? r : { ...r, passed: !d.failingRules.has(r.id) })),
    summary: level === "error" ? summary : { ...summary, failOnLevel: level },
  };
}
