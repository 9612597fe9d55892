import type { Decision } from "../decide.js";
import type { AuditResult } from "../result.js";

const n = (k: number, what: string): string => `${k} ${what}${k === 1 ? "" : "s"}`;

/** The one line on stderr after writing files: the decision, the counts, where it went. */
export function outcomeLine(result: AuditResult, decision: Decision, files: readonly string[]): string {
  const s = result.summary;
  const checks = decision.failedChecks > 0 ? `; ${n(decision.failedChecks, "other finding")} failing` : "";
  return `cleanpath: ${decision.passed ? "passed" : "failed"} (${n(s.pairs, "pair")}, ${decision.failedPairs} failing; ${n(decision.failedRules, "rule")} failing${checks}); wrote ${files.join(", ")}\n`;
}
