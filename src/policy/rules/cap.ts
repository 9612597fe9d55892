import type { Finding } from "../../result.js";
import { describeSelector } from "../../topology/select.js";
import type { CapRule, Share } from "../types.js";
import { parseShare, percent, nameSome, plural, round, shareProblem, withinShare } from "./common.js";
import { groupAt, groupCount, RULE_RISKY, RULE_UNKNOWN, type RuleEnv } from "./env.js";
import { amount, listedItems, replacementPlan } from "./shares.js";
import type { ResolvedRule, RuleKind, RuleOutcome } from "./types.js";

const pers = ["network", "operator", "region", "site", "country"];
const measures = ["count", "weight"];

/** Problems of a share rule (cap and diversity): its grouping, and its limit `field` with `value`. */
export function shareRuleProblems(kind: string, b: { per?: string; measure?: string }, field: string, value: Share): string[] {
  const out = groupingProblems(kind, b);
  const p = shareProblem(`${kind}.${field}`, value);
  if (p) out.push(p);
  return out;
}

function groupingProblems(kind: string, b: { per?: string; measure?: string }): string[] {
  const out: string[] = [];
  if (b.per !== undefined && !pers.includes(b.per)) out.push(`${kind}.per must be one of ${pers.join(", ")} (got ${JSON.stringify(b.per)})`);
  if (b.measure !== undefined && !measures.includes(b.measure)) out.push(`${kind}.measure must be count or weight (got ${JSON.stringify(b.measure)})`);
  return out;
}

/** What a share rule measures: "of the elements matching role=ran per operator, by weight". */
export function shareOf(b: { scope?: Parameters<typeof describeSelector>[0]; per?: string; measure?: string }): string {
  const per = b.per ?? "network";
  return `of ${b.scope ? `the elements matching ${describeSelector(b.scope)}` : "all elements"}${per === "network" ? "" : ` per ${per}`}${b.measure === "weight" ? ", by weight" : ""}`;
}

/** A share rule's limit as written: 0.35 → "35%", "35%" stays. */
export function limitText(max: number | string): string {
  return typeof max === "number" ? percent(max) : max;
}

/** "operator altan", or "the network". */
export function groupLabel(per: string, key: string): string {
  return per === "network" ? "the network" : `${per} ${key}`;
}

export const cap: RuleKind<CapRule> = {
  describe(b) {
    return `High-risk elements at most ${limitText(b.max)} ${shareOf(b)}.`;
  },

  problems(b) {
    return shareRuleProblems("cap", b, "max", b.max);
  },

  check(b, rule, env) {
    return checkCap(b, rule, env);
  },
};

function checkCap(b: CapRule, rule: ResolvedRule, env: RuleEnv): RuleOutcome {
  const per = b.per ?? "network";
  const measure = b.measure ?? "count";
  const max = parseShare(b.max)!;
  const scope = env.scopeMask(b.scope);
  const groups = env.grouping(per);
  const total = new Float64Array(groups.keys.length);
  const high = new Float64Array(groups.keys.length);
  const unknown = new Float64Array(groups.keys.length);
  const unknownItems: number[] = [];
  let inScope = 0;
  let unweighted = 0;
  for (let i = 0; i < env.elements.length; i++) {
    if (!env.counted[i] || !scope[i]) continue;
    const el = env.elements[i]!;
    let w = 1;
    if (measure === "weight") {
      if (el.weight === undefined) unweighted++;
      else w = el.weight;
    }
    inScope++;
    const r = env.risk[i];
    if (r === RULE_UNKNOWN) unknownItems.push(i);
    // A shared element counts in the share of each of its operators.
    const m = groups.more?.get(i);
    for (let g = 0; g < groupCount(m); g++) {
      const k = groupAt(groups, i, m, g);
      total[k]! += w;
      if (r === RULE_RISKY) high[k]! += w;
      else if (r === RULE_UNKNOWN) unknown[k]! += w;
    }
  }
  // Second pass only for the groups over the cap: items are listed for those alone.
  const highItems = new Map<number, number[]>();
  const slot: number[][] = [];
  for (let k = 0; k < groups.keys.length; k++) {
    if (high[k]! > 0 && !withinShare(high[k]!, total[k]!, max)) {
      const list: number[] = [];
      highItems.set(k, list);
      slot[k] = list;
    }
  }
  if (highItems.size > 0) {
    for (let k = 0; k < env.flagged.length; k++) {
      const i = env.flagged[k]!;
      if (!env.counted[i] || !scope[i] || env.risk[i] !== RULE_RISKY) continue;
      const m = groups.more?.get(i);
      for (let g = 0; g < groupCount(m); g++) slot[groupAt(groups, i, m, g)]?.push(i);
    }
  }

  const findings: Finding[] = [];
  // Groups in the order they first appear in the topology (a Map keeps insertion order).
  const order = highItems.keys();
  for (const k of order) {
    const plan = replacementPlan(highItems.get(k)!, env.elements, measure, high[k]!, total[k]!, max);
    const shown = listedItems(plan.order, plan.mustReplace);
    const share = high[k]! / total[k]!;
    const unit = measure === "weight" ? "weight" : "elements";
    const first = env.elements[plan.order[0]!]!;
    const beneath = plan.order.filter((i) => env.lifts.has(i));
    findings.push(
      env.finding(
        rule,
        "cap",
        env.levelOf(rule),
        `${groupLabel(per, groups.keys[k]!)}: high-risk ${measure === "weight" ? `weight ${amount(high[k]!)} of ${amount(total[k]!)}` : `${amount(high[k]!)} of ${plural(total[k]!, "element")}`} (${percent(share)}) is above the ${percent(max)} cap${beneath.length > 0 ? ` (${env.throughUnderlay(beneath)})` : ""}; replace at least ${plural(plan.mustReplace, "element")}${measure === "weight" ? " (heaviest first)" : ""} of ${nameSome(plan.order.map((i) => env.elements[i]!.id))}`,
        shown.listed.map((i) => env.elements[i]!.id),
        {
          location: rule.location ?? first.location,
          details: {
            per,
            group: groups.keys[k]!,
            measure,
            unit,
            share: round(share),
            cap: max,
            highRisk: round(high[k]!),
            total: round(total[k]!),
            mustReplace: plan.mustReplace,
            ...(shown.omitted > 0 ? { itemsNotListed: shown.omitted } : {}),
            ...(beneath.length > 0 ? { throughUnderlay: beneath.length } : {}),
          },
        },
      ),
    );
  }
  findings.push(...capNotes(b, rule, env, { inScope, unweighted, unknownItems, over: overIfUnknownCounted(total, high, unknown, max, groups.keys, per) }));
  return { passed: findings.every((f) => f.level === "note"), checked: true, findings };
}

/** Groups that would go over the cap if unknown items counted as high-risk. */
function overIfUnknownCounted(total: Float64Array, high: Float64Array, unknown: Float64Array, max: number, keys: string[], per: string): string[] {
  const out: string[] = [];
  for (let k = 0; k < keys.length; k++) {
    if (unknown[k]! > 0 && withinShare(high[k]!, total[k]!, max) && !withinShare(high[k]! + unknown[k]!, total[k]!, max)) out.push(groupLabel(per, keys[k]!));
  }
  return out.sort();
}

function capNotes(b: CapRule, rule: ResolvedRule, env: RuleEnv, s: { inScope: number; unweighted: number; unknownItems: number[]; over: string[] }): Finding[] {
  const out: Finding[] = [];
  if (s.inScope === 0) out.push(env.finding(rule, "cap", "note", `no in-service element matches the scope${b.scope ? ` ${describeSelector(b.scope)}` : ""}: nothing to count`, []));
  if (s.unweighted > 0) out.push(env.finding(rule, "cap", "note", `${plural(s.unweighted, "element")} in scope ${s.unweighted === 1 ? "has" : "have"} no weight and count${s.unweighted === 1 ? "s" : ""} as 1`, [], { details: { unweighted: s.unweighted } }));
  if (s.unknownItems.length > 0) {
    const what = s.over.length ? `counted as high-risk, ${s.over.join(", ")} would be over the cap` : "in scope, not counted as high-risk";
    out.push(env.unknownNote(rule, "cap", s.unknownItems, what));
  }
  return out;
}

