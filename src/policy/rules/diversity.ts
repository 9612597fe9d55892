import type { Finding } from "../../audit/result.js";
import { describeSelector } from "../../topology/select.js";
import type { DiversityRule } from "../types.js";
import { groupingProblems, groupLabel } from "./cap.js";
import { parseShare, percent, plural, round, shareProblem, withinShare } from "./common.js";
import type { RuleEnv } from "./env.js";
import { amount, replacementPlan } from "./shares.js";
import type { ResolvedRule, RuleKind, RuleOutcome } from "./types.js";

/** (group, vendor) pairs as one number: group × 2^32 + vendor, exact below 2^53 (2 million groups). */
const SHIFT = 2 ** 32;

export const diversity: RuleKind<DiversityRule> = {
  describe(b) {
    const per = b.per ?? "network";
    const max = typeof b.maxVendorShare === "number" ? percent(b.maxVendorShare) : b.maxVendorShare;
    return `No vendor above ${max} of ${b.scope ? `the elements matching ${describeSelector(b.scope)}` : "all elements"}${per === "network" ? "" : ` per ${per}`}${b.measure === "weight" ? ", by weight" : ""}.`;
  },

  problems(b) {
    const out = groupingProblems("diversity", b);
    const p = shareProblem("diversity.maxVendorShare", b.maxVendorShare);
    if (p) out.push(p);
    return out;
  },

  check(b, rule, env) {
    return checkDiversity(b, rule, env);
  },
};

/**
 * Vendor shares per group in two passes: sums per (group, vendor) first, then the items of the
 * pairs over the limit only, so memory stays proportional to what is reported.
 */
function checkDiversity(b: DiversityRule, rule: ResolvedRule, env: RuleEnv): RuleOutcome {
  const per = b.per ?? "network";
  const measure = b.measure ?? "count";
  const max = parseShare(b.maxVendorShare)!;
  const scope = env.scopeMask(b.scope);
  const groups = env.grouping(per);
  const vendors: string[] = [];
  const vendorIndex = new Map<string, number>();
  const vendorOf = new Int32Array(env.elements.length).fill(-1);
  const total = new Float64Array(groups.keys.length);
  const sums = new Map<number, number>();
  let unweighted = 0;
  let inScope = 0;
  for (let i = 0; i < env.elements.length; i++) {
    if (!env.counted[i] || !scope[i]) continue;
    const vendor = env.vendorOf(i);
    let v = vendorIndex.get(vendor);
    if (v === undefined) {
      v = vendors.length;
      vendors.push(vendor);
      vendorIndex.set(vendor, v);
    }
    vendorOf[i] = v;
    const el = env.elements[i]!;
    let w = 1;
    if (measure === "weight") {
      if (el.weight === undefined) unweighted++;
      else w = el.weight;
    }
    inScope++;
    const k = groups.of[i]!;
    total[k]! += w;
    const key = k * SHIFT + v;
    sums.set(key, (sums.get(key) ?? 0) + w);
  }

  const over = new Map<number, number[]>();
  for (const [key, sum] of sums) {
    const k = Math.floor(key / (SHIFT));
    if (!withinShare(sum, total[k]!, max)) over.set(key, []);
  }
  if (over.size > 0) {
    for (let i = 0; i < env.elements.length; i++) {
      if (vendorOf[i]! < 0) continue;
      over.get(groups.of[i]! * SHIFT + vendorOf[i]!)?.push(i);
    }
  }

  const findings: Finding[] = [];
  const label = (key: number) => `${groups.keys[Math.floor(key / (SHIFT))]!}\u0000${vendors[key % (SHIFT)]!}`;
  for (const key of [...over.keys()].sort((x, y) => (label(x) < label(y) ? -1 : 1))) {
    const k = Math.floor(key / (SHIFT));
    const vendor = vendors[key % (SHIFT)]!;
    const sum = sums.get(key)!;
    const plan = replacementPlan(over.get(key)!, env.elements, measure, sum, total[k]!, max);
    const share = sum / total[k]!;
    const who = vendor === "unknown" ? "vendor unknown (every element without a registered vendor)" : `vendor ${vendor}`;
    findings.push(
      env.finding(
        rule,
        "diversity",
        env.levelOf(rule),
        `${groupLabel(per, groups.keys[k]!)}: ${who} has ${measure === "weight" ? `weight ${amount(sum)} of ${amount(total[k]!)}` : `${amount(sum)} of ${plural(total[k]!, "element")}`} (${percent(share)}), above the ${percent(max)} limit; move at least ${plural(plan.mustReplace, "element")} to other vendors`,
        plan.order.map((i) => env.elements[i]!.id),
        {
          location: rule.location ?? env.elements[plan.order[0]!]!.location,
          details: { per, group: groups.keys[k]!, measure, vendor, share: round(share), maxVendorShare: max, vendorTotal: round(sum), total: round(total[k]!), mustReplace: plan.mustReplace },
        },
      ),
    );
  }
  if (inScope === 0) findings.push(env.finding(rule, "diversity", "note", `no in-service element matches the scope${b.scope ? ` ${describeSelector(b.scope)}` : ""}: nothing to count`, []));
  if (unweighted > 0) findings.push(env.finding(rule, "diversity", "note", `${plural(unweighted, "element")} in scope ${unweighted === 1 ? "has" : "have"} no weight and count${unweighted === 1 ? "s" : ""} as 1`, [], { details: { unweighted } }));
  return { passed: findings.every((f) => f.level === "note"), checked: true, findings };
}
