import type { Finding } from "../../result.js";
import { describeSelector } from "../../topology/select.js";
import type { NoNewAfterRule } from "../types.js";
import { dayProblem, plural } from "./common.js";
import { standing } from "./deadline.js";
import type { RuleKind } from "./types.js";

export const noNewAfter: RuleKind<NoNewAfterRule> = {
  describe(b) {
    return `No high-risk element ${b.scope ? `matching ${describeSelector(b.scope)} ` : ""}installed after ${b.date}.`;
  },

  problems(b) {
    const p = dayProblem("noNewAfter.date", b.date);
    return p ? [p] : [];
  },

  /**
   * Every standing high-risk element in scope installed after the date breaks the rule, planned
   * ones included (the plan itself breaks it), whatever the as-of day. Elements without an
   * installed date cannot be judged and are listed in a warning.
   */
  check(b, rule, env) {
    const { risky, unknown } = standing(env, env.scopeMask(b.scope));
    const findings: Finding[] = [];
    const undated: number[] = [];
    let violations = 0;
    for (const i of risky) {
      const el = env.elements[i]!;
      if (el.installed === undefined) {
        undated.push(i);
        continue;
      }
      if (el.installed <= b.date) continue;
      violations++;
      findings.push(
        env.finding(rule, "noNewAfter", env.levelOf(rule), `\`${el.id}\` is high-risk (${env.reasonText(i)}) and ${el.state === "planned" ? "planned to be installed" : "was installed"} on ${el.installed}, after ${b.date}`, [el.id], {
          location: el.location,
          details: { date: b.date, installed: el.installed, state: el.state, reason: env.reasonText(i) },
        }),
      );
    }
    if (undated.length > 0) {
      findings.push(
        env.finding(rule, "noNewAfter", "warning", `${plural(undated.length, "high-risk element")} in scope ${undated.length === 1 ? "has" : "have"} no installed date, so whether ${undated.length === 1 ? "it" : "they"} came after ${b.date} cannot be told; give installed dates`, undated.map((i) => env.elements[i]!.id), {
          location: rule.location ?? env.elements[undated[0]!]!.location,
          details: { undated: undated.length },
        }),
      );
    }
    const newUnknown = unknown.filter((i) => (env.elements[i]!.installed ?? "") > b.date);
    if (newUnknown.length > 0) findings.push(env.unknownNote(rule, "noNewAfter", newUnknown, `installed after ${b.date}`));
    const checked = !(risky.length > 0 && undated.length === risky.length);
    return { passed: violations === 0 && checked, checked, findings };
  },
};
