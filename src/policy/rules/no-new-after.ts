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
      // High-risk through its underlay: new when it or any of those items came after the date.
      const when = env.installed(i);
      if (when.day === undefined || when.day <= b.date) {
        if (when.undated) undated.push(i);
        continue;
      }
      violations++;
      const under = env.liftedBy(i);
      const what = when.by
        ? `rests on \`${when.by.id}\`, which ${when.by.state === "planned" ? "is planned to be installed" : "was installed"} on ${when.day}`
        : `${el.state === "planned" ? "planned to be installed" : "was installed"} on ${when.day}`;
      findings.push(
        env.finding(rule, "noNewAfter", env.levelOf(rule), `\`${el.id}\` is high-risk (${env.reasonText(i)}) and ${what}, after ${b.date}`, [el.id], {
          location: el.location,
          details: { date: b.date, installed: when.day, state: el.state, reason: env.reasonText(i), ...(under ? { underlay: under } : {}) },
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
    const newUnknown = unknown.filter((i) => (env.installed(i).day ?? "") > b.date);
    if (newUnknown.length > 0) findings.push(env.unknownNote(rule, "noNewAfter", newUnknown, `installed after ${b.date}`));
    const checked = !(risky.length > 0 && undated.length === risky.length);
    return { passed: violations === 0 && checked, checked, findings };
  },
};
