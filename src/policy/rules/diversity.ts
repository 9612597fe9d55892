import type { Finding } from "../../result.js";
import { describeSelector } from "../../topology/select.js";
import type { DiversityRule } from "../types.js";
import { groupLabel, limitText, shareOf, shareRuleProblems } from "./cap.js";
import { parseShare, percent, plural, round, withinShare } from "./common.js";
import { groupAt, groupCount, type RuleEnv } from "./env.js";
import { amount, listedItems, replacementPlan } from "./shares.js";
import type { ResolvedRule, RuleKind, RuleOutcome } from "./types.js";

export const diversity: RuleKind<DiversityRule> = {
  describe(b) {
    return `No vendor above ${limitText(b.maxVendorShare)} ${shareOf(b)}.`;
  },

  problems(b) {
    return shareRuleProblems("diversity", b, "maxVendorShare", b.maxVendorShare);
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
  const vendors = env.vendors();
  const V = Math.max(1, vendors.keys.length);
  const total = new Float64Array(groups.keys.length);
  // One slot per (group, vendor): a dense array when small, else a map of the pairs seen.
  const dense = groups.keys.length * V <= 1 << 22 ? new Float64Array(groups.keys.length * V) : undefined;
  const sparse = new Map<number, number>();
  let unweighted = 0;
  let inScope = 0;
  for (let i = 0; i < env.elements.length; i++) {
    if (!env.counted[i] || !scope[i]) continue;
    const el = env.elements[i]!;
    let w = 1;
    if (measure === "weight") {
      if (el.weight === undefined) unweighted++;
      else w = el.weight;
    }
    inScope++;
    // A shared element counts for each of its operators; one resting on high-risk items counts
    // for their vendors too (it depends on them), so shares may add up to more than 100%.
    const gm = groups.more?.get(i);
    const vm = vendors.more?.get(i);
    for (let g = 0; g < groupCount(gm); g++) {
      const k = groupAt(groups, i, gm, g);
      total[k]! += w;
      for (let v = 0; v < groupCount(vm); v++) {
        const pair = k * V + groupAt(vendors, i, vm, v);
        if (dense) dense[pair]! += w;
        else sparse.set(pair, (sparse.get(pair) ?? 0) + w);
      }
    }
  }

  const sums: [number, number][] = [];
  if (dense) {
    for (let pair = 0; pair < dense.length; pair++) if (dense[pair]! > 0) sums.push([pair, dense[pair]!]);
  } else for (const entry of sparse) sums.push(entry);
  const over = new Map<number, number[]>();
  // Groups with a pair over the limit: the second pass skips every element of the others.
  const flagged = new Uint8Array(groups.keys.length);
  for (const [pair, sum] of sums) {
    if (withinShare(sum, total[Math.floor(pair / V)]!, max)) continue;
    over.set(pair, []);
    flagged[Math.floor(pair / V)] = 1;
  }
  if (over.size > 0) {
    for (let i = 0; i < env.elements.length; i++) {
      if (!env.counted[i] || !scope[i]) continue;
      const gm = groups.more?.get(i);
      const vm = vendors.more?.get(i);
      for (let g = 0; g < groupCount(gm); g++) {
        const k = groupAt(groups, i, gm, g);
        if (!flagged[k]) continue;
        for (let v = 0; v < groupCount(vm); v++) over.get(k * V + groupAt(vendors, i, vm, v))?.push(i);
      }
    }
  }
  const sumOf = new Map(sums);

  const findings: Finding[] = [];
  // Groups in the order they first appear in the topology, then vendors by name.
  const byGroupThenVendor = (x: number, y: number) => Math.floor(x / V) - Math.floor(y / V) || (vendors.keys[x % V]! < vendors.keys[y % V]! ? -1 : 1);
  for (const key of [...over.keys()].sort(byGroupThenVendor)) {
    const k = Math.floor(key / V);
    const vendor = vendors.keys[key % V]!;
    const sum = sumOf.get(key)!;
    const plan = replacementPlan(over.get(key)!, env.elements, measure, sum, total[k]!, max);
    const shown = listedItems(plan.order, plan.mustReplace);
    const share = sum / total[k]!;
    const who = vendor === "unknown" ? "vendor unknown (every element without a registered vendor)" : `vendor ${vendor}`;
    // Elements of another vendor that count here because they rest on this vendor's high-risk items.
    const beneath = plan.order.filter((i) => env.vendorOf(i) !== vendor);
    findings.push(
      env.finding(
        rule,
        "diversity",
        env.levelOf(rule),
        `${groupLabel(per, groups.keys[k]!)}: ${who} has ${measure === "weight" ? `weight ${amount(sum)} of ${amount(total[k]!)}` : `${amount(sum)} of ${plural(total[k]!, "element")}`} (${percent(share)}), above the ${percent(max)} limit${beneath.length > 0 ? ` (${env.throughUnderlay(beneath, vendor)})` : ""}; move at least ${plural(plan.mustReplace, "element")} to other vendors`,
        shown.listed.map((i) => env.elements[i]!.id),
        {
          location: rule.location ?? env.elements[plan.order[0]!]!.location,
          details: {
            per,
            group: groups.keys[k]!,
            measure,
            vendor,
            share: round(share),
            maxVendorShare: max,
            vendorTotal: round(sum),
            total: round(total[k]!),
            mustReplace: plan.mustReplace,
            ...(shown.omitted > 0 ? { itemsNotListed: shown.omitted } : {}),
            ...(beneath.length > 0 ? { throughUnderlay: beneath.length } : {}),
          },
        },
      ),
    );
  }
  if (inScope === 0) findings.push(env.finding(rule, "diversity", "note", `no in-service element matches the scope${b.scope ? ` ${describeSelector(b.scope)}` : ""}: nothing to count`, []));
  if (unweighted > 0) findings.push(env.finding(rule, "diversity", "note", `${plural(unweighted, "element")} in scope ${unweighted === 1 ? "has" : "have"} no weight and count${unweighted === 1 ? "s" : ""} as 1`, [], { details: { unweighted } }));
  return { passed: findings.every((f) => f.level === "note"), checked: true, findings };
}
