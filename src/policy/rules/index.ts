import type { Finding, RuleResult } from "../../result.js";
import { type Diagnostic, errorAt, InputError } from "../../diagnostics.js";
import { type CountryBoundaries, worldCountries } from "../geo/atlas.js";
import type { RuleDeclaration } from "../types.js";
import { cap } from "./cap.js";
import { citationOf, dayProblem } from "./common.js";
import { deadline } from "./deadline.js";
import { diversity } from "./diversity.js";
import { RuleEnv } from "./env.js";
import { forbid } from "./forbid.js";
import { noNewAfter } from "./no-new-after.js";
import type { ResolvedRule, RuleBodies, RuleContext, RuleKind, RuleKindName, RuleOutcome } from "./types.js";

export type { ResolvedRule, RuleContext, RuleKind, RuleKindName, RuleOutcome } from "./types.js";

/** The rule kinds, by the key a declaration uses. Adding a kind is one file plus one line here. */
export const ruleKinds = { forbid, cap, diversity, deadline, noNewAfter } satisfies { [K in RuleKindName]: RuleKind<RuleBodies[K]> };

/** Kind names in declaration-key order (for schemas, help and messages). */
export const ruleKindNames = Object.keys(ruleKinds) as RuleKindName[];

/** The kinds a declaration gives (exactly one in a valid rule). */
export function kindsOf(rule: RuleDeclaration): RuleKindName[] {
  return ruleKindNames.filter((k) => rule[k] !== undefined);
}

/** Everything wrong with the rules that a schema cannot see, located at each rule. */
export function ruleProblems(rules: readonly ResolvedRule[], countries: CountryBoundaries = worldCountries): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    const say = (m: string) => out.push(errorAt("E_RULE", `rule \`${rule.id}\` (${rule.origin}): ${m}`, rule.location));
    const kinds = kindsOf(rule);
    if (kinds.length !== 1) {
      say(kinds.length === 0 ? `give one rule kind: ${ruleKindNames.join(", ")}` : `give only one rule kind, not ${kinds.join(" and ")}`);
      continue;
    }
    if (rule.from !== undefined) {
      const p = dayProblem("from", rule.from);
      if (p) say(p);
    }
    if (rule.level !== undefined && rule.level !== "error" && rule.level !== "warning") say(`level must be error or warning (got ${JSON.stringify(rule.level)})`);
    for (const p of problemsOf(kinds[0]!, rule, countries)) say(p);
  }
  return out;
}

function problemsOf<K extends RuleKindName>(kind: K, rule: RuleDeclaration, countries: CountryBoundaries): string[] {
  return (ruleKinds[kind] as RuleKind<RuleBodies[K]>).problems(rule[kind] as RuleBodies[K], countries);
}

/**
 * Checks every rule against the network on `ctx.asOf`: one RuleResult per rule, in the given
 * order, and their findings (rule order, then element order). Rules with problems are an
 * InputError listing them all. Linear in the elements per rule, plus n log n for replacement
 * plans by weight.
 */
export function runRules(rules: readonly ResolvedRule[], ctx: RuleContext): { results: RuleResult[]; findings: Finding[] } {
  const countries = ctx.countries ?? worldCountries;
  const t = ctx.timings;
  let mark = t?.clock() ?? 0;
  const lap = (phase: string): void => {
    if (!t) return;
    const now = t.clock();
    t.record(phase, now - mark);
    mark = now;
  };
  const problems = ruleProblems(rules, countries);
  if (problems.length > 0) throw new InputError(problems);
  const env = new RuleEnv(ctx, countries);
  lap("rules:setup");
  const results: RuleResult[] = [];
  const findings: Finding[] = [];
  for (const rule of rules) {
    const kind = kindsOf(rule)[0]!;
    const outcome = rule.from !== undefined && ctx.asOf < rule.from ? notYet(rule, kind, env) : checkOne(kind, rule, env);
    const result: RuleResult = {
      id: rule.id,
      kind,
      level: env.levelOf(rule),
      passed: outcome.passed,
      checked: outcome.checked,
      description: rule.description ?? describeOne(kind, rule),
      findings: outcome.findings.length,
    };
    if (rule.source) result.source = citationOf(rule.source);
    if (rule.location) result.location = rule.location;
    results.push(result);
    // A loop, not push(...): a rule can have more findings than a call takes arguments.
    for (const f of outcome.findings) findings.push(f);
    lap(`rule:${rule.id}`);
  }
  return { results, findings };
}

function checkOne<K extends RuleKindName>(kind: K, rule: ResolvedRule, env: RuleEnv): RuleOutcome {
  return (ruleKinds[kind] as RuleKind<RuleBodies[K]>).check(rule[kind] as RuleBodies[K], rule, env);
}

function describeOne<K extends RuleKindName>(kind: K, rule: RuleDeclaration): string {
  return (ruleKinds[kind] as RuleKind<RuleBodies[K]>).describe(rule[kind] as RuleBodies[K]);
}

/** Before `from` a rule passes with a note saying when it starts to apply. */
function notYet(rule: ResolvedRule, kind: RuleKindName, env: RuleEnv): RuleOutcome {
  const note = env.finding(rule, kind, "note", `not in force until ${rule.from} (as of ${env.asOf})`, [], { details: { from: rule.from!, asOf: env.asOf } });
  return { passed: true, checked: true, findings: [note] };
}
