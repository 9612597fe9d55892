import type { Finding } from "../../result.js";
import { describeSelector } from "../../topology/select.js";
import type { DeadlineRule } from "../types.js";
import { dayProblem, daysBetween, nameSome, plural } from "./common.js";
import { RULE_RISKY, type RuleEnv } from "./env.js";
import type { ResolvedRule, RuleKind, RuleOutcome } from "./types.js";

export const deadline: RuleKind<DeadlineRule> = {
  describe(b) {
    return `No high-risk element ${b.scope ? `matching ${describeSelector(b.scope)} ` : ""}after ${b.by}.`;
  },

  problems(b) {
    const p = dayProblem("deadline.by", b.by);
    return p ? [p] : [];
  },

  check(b, rule, env) {
    return checkDeadline(b, rule, env);
  },
};

/**
 * High-risk elements that are (or are planned to be) in the network on the as-of day: not out
 * of service and not decommissioned on or before it. Planned elements count: a plan to install
 * high-risk equipment in scope is what the deadline forbids.
 */
export function standing(env: RuleEnv, scope: Uint8Array): { risky: number[]; unknown: number[] } {
  const risky: number[] = [];
  const unknown: number[] = [];
  for (let k = 0; k < env.flagged.length; k++) {
    const i = env.flagged[k]!;
    if (!scope[i] || !env.standing[i]) continue;
    (env.risk[i] === RULE_RISKY ? risky : unknown).push(i);
  }
  return { risky, unknown };
}

/** "; its decommission is planned for …", or the underlay item's when the risk goes with it. */
function plannedEnd(env: RuleEnv, i: number, by: string): string {
  const end = env.riskEnds(i);
  if (!end) return "";
  const late = plural(daysBetween(by, end.day), "day");
  return end.by ? `; \`${end.by}\`, which it rests on, is to be decommissioned on ${end.day}, ${late} late` : `; its decommission is planned for ${end.day}, ${late} late`;
}

function checkDeadline(b: DeadlineRule, rule: ResolvedRule, env: RuleEnv): RuleOutcome {
  const { risky, unknown } = standing(env, env.scopeMask(b.scope));
  const findings: Finding[] = [];
  const at = (i: number) => rule.location ?? env.elements[i]!.location;
  let passed = true;
  if (env.asOf > b.by) {
    const daysLate = daysBetween(b.by, env.asOf);
    for (const i of risky) {
      const el = env.elements[i]!;
      const end = env.riskEnds(i);
      const under = env.liftedBy(i);
      const state = el.state === "planned" || !env.present[i] ? "planned" : "in service";
      findings.push(
        env.finding(rule, "deadline", env.levelOf(rule), `\`${el.id}\` is high-risk (${env.reasonText(i)}) and still ${state} after the ${b.by} deadline${plannedEnd(env, i, b.by)}`, [el.id], {
          location: el.location,
          details: { by: b.by, daysLate, state: el.state, ...(end ? { decommission: end.day } : {}), reason: env.reasonText(i), ...(under ? { underlay: under } : {}) },
        }),
      );
    }
    passed = risky.length === 0;
  } else {
    // An element stops counting when it is decommissioned, or when what makes it high-risk beneath it is.
    const ends = (i: number) => env.riskEnds(i)?.day;
    const toRemove = risky.filter((i) => {
      const day = ends(i);
      return day === undefined || day > b.by;
    });
    const inTime = risky.length - toRemove.length;
    const late = toRemove.filter((i) => ends(i) !== undefined).length;
    const daysLeft = daysBetween(env.asOf, b.by);
    const details = { by: b.by, daysLeft, toRemove: toRemove.length, plannedInTime: inTime, plannedLate: late };
    if (toRemove.length > 0) {
      const more = [inTime > 0 ? `${inTime} more ${inTime === 1 ? "is" : "are"} planned to go in time` : "", late > 0 ? `${late} of them ${late === 1 ? "has a decommission date" : "have decommission dates"} after the deadline` : ""].filter(Boolean);
      findings.push(
        env.finding(rule, "deadline", "warning", `${plural(toRemove.length, "high-risk element")} must be out of scope by ${b.by} (${plural(daysLeft, "day")} left): ${nameSome(toRemove.map((i) => env.elements[i]!.id))}${more.length ? `; ${more.join("; ")}` : ""}`, toRemove.map((i) => env.elements[i]!.id), {
          location: at(toRemove[0]!),
          details,
        }),
      );
    } else if (inTime > 0) {
      findings.push(env.finding(rule, "deadline", "note", `all ${plural(inTime, "high-risk element")} in scope ${inTime === 1 ? "is" : "are"} planned to be decommissioned by ${b.by}`, risky.map((i) => env.elements[i]!.id), { location: at(risky[0]!), details }));
    }
  }
  if (unknown.length > 0) findings.push(env.unknownNote(rule, "deadline", unknown, `in scope ${env.asOf > b.by ? "after" : "before"} the ${b.by} deadline`));
  return { passed, checked: true, findings };
}

