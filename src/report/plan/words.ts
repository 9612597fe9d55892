import { type PlanItem, type PlanLeftFailing, type PlanPhase, type PlanResult, type PlanTally, type PlanUnfixable, type Verdict, verdicts } from "../../result.js";
import { thousands } from "../elide.js";

/*
 * Plain-text pieces shared by the plan formats (table, markdown, csv, html). Everything returned
 * here is raw: ids come from the topology and are untrusted, so each format escapes what it prints.
 */

/** Pairs and rules named on one line of "what it fixes" before "and N more". */
export const maxFixesNamed = 3;

/** `1,250,000`, `12.5`: a cost with thousands separators, rounded to cents (sums of fractions drift). */
export function costText(n: number): string {
  const rounded = Math.round(n * 100) / 100;
  const [whole, fraction] = String(Math.abs(rounded)).split(".");
  const text = /e/.test(whole!) ? String(Math.abs(rounded)) : thousands(Number(whole)) + (fraction ? `.${fraction}` : "");
  return rounded < 0 ? `-${text}` : text;
}

/** A gap (a fraction of the total cost) as a percentage: `0.84%`. */
export function gapText(gap: number): string {
  return `${Math.round(gap * 10_000) / 100}%`;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${thousands(n)} ${n === 1 ? word : many}`;
}

/** `a → b` (raw). */
export function pairText(from: string, to: string): string {
  return `${from} → ${to}`;
}

/** "Optimal plan" or "Best plan found (not proven optimal)". */
export function planKind(r: PlanResult): string {
  return r.optimal ? "Optimal plan" : "Best plan found (not proven optimal)";
}

/** What the total is in: replacement cost, or a count of items. */
export function objectiveText(r: PlanResult): string {
  return r.objective === "count" ? "by count" : "by replacement cost";
}

/** `replace 4 items, total cost 1,250,000 (by replacement cost)`. */
export function totalText(r: PlanResult): string {
  if (r.items.length === 0) return "nothing to replace";
  return `replace ${plural(r.items.length, "item")}, total cost ${costText(r.totalCost)} (${objectiveText(r)})`;
}

/** `lower bound 1,200,000, gap 4%` when the plan is not proven optimal, else "". */
export function boundText(r: PlanResult): string {
  return r.optimal ? "" : `lower bound ${costText(r.lowerBound)}, gap ${gapText(r.gap)}`;
}

/** The heading over the checks left failing: `Left failing within the budget 1,000,000`. */
export function leftFailingHeading(r: PlanResult): string {
  return r.budget === null ? "Left failing" : `Left failing within the budget ${costText(r.budget)}`;
}

/** `budget 1,000,000` or `no budget`. */
export function budgetText(r: PlanResult): string {
  return r.budget === null ? "no budget" : `budget ${costText(r.budget)}`;
}

/** Whether every check passes after the plan, and otherwise what stays failing: `3 checks left failing within the budget`. */
export function outcomeDetail(r: PlanResult): string {
  if (r.passed) return r.items.length === 0 ? "nothing fails" : "with the plan applied, every check passes";
  const parts = [
    r.unfixable.length ? `${plural(r.unfixable.length, "check")} no plan can fix` : "",
    r.leftFailing.length ? `${plural(r.leftFailing.length, "check")} left failing within the budget` : "",
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : "some check stays failing";
}

/** The last line: `passes: …` or `fails: …`. */
export function outcomeText(r: PlanResult): string {
  return `${r.passed ? "passes" : "fails"}: ${outcomeDetail(r)}`;
}

/** `uk-core (by 2023-12-31)`, `flows`. */
export function phaseText(p: Pick<PlanPhase, "name" | "by">): string {
  return p.by === null ? p.name : `${p.name} (by ${p.by})`;
}

/** `3 pairs, 1 rule`, or `–` for an item that fixes nothing by itself. */
export function fixesCount(it: PlanItem): string {
  const parts = [it.fixes.pairs.length ? plural(it.fixes.pairs.length, "pair") : "", it.fixes.rules.length ? plural(it.fixes.rules.length, "rule") : ""].filter(Boolean);
  return parts.length ? parts.join(", ") : "–";
}

/** The first few of what an item fixes, raw: `a → b`, `rule ran-cap`; and how many are left out. */
export function fixesNamed(it: PlanItem, max = maxFixesNamed): { shown: string[]; more: number } {
  const all = it.fixes.pairs.length + it.fixes.rules.length;
  const shown = it.fixes.pairs.slice(0, max).map(([a, b]) => pairText(a, b));
  for (const id of it.fixes.rules.slice(0, max - shown.length)) shown.push(`rule ${id}`);
  return { shown, more: all - shown.length };
}

/** `a → b, c → d and 2 more`, raw. */
export function fixesLine(it: PlanItem, max = maxFixesNamed): string {
  const { shown, more } = fixesNamed(it, max);
  return shown.join(", ") + (more > 0 ? ` and ${thousands(more)} more` : "");
}

/** `pair a → b (flow x)`, `rule r`: a check that stays failing, raw. */
export function checkText(c: PlanUnfixable | PlanLeftFailing): string {
  if (c.kind === "rule") return `rule ${c.id ?? "?"}`;
  return `pair ${pairText(c.from ?? "?", c.to ?? "?")}${c.flow ? ` (flow ${c.flow})` : ""}`;
}

/** `pair a → b (flow x): dirty`: a check left failing for want of budget, raw. */
export function leftText(l: PlanLeftFailing): string {
  return `${checkText(l)}${l.verdict ? `: ${l.verdict}` : ""}`;
}

/** One line per tally figure, with its value before and after: failed pairs, weight (when it says more), rules. */
export function tallyRows(r: PlanResult): [string, number, number][] {
  const rows: [string, number, number][] = [["failing pairs", r.before.failedPairs, r.after.failedPairs]];
  if (r.before.failedWeight !== r.before.failedPairs || r.after.failedWeight !== r.after.failedPairs) rows.push(["failing weight", r.before.failedWeight, r.after.failedWeight]);
  rows.push(["failing rules", r.before.failedRules, r.after.failedRules]);
  return rows;
}

/** The verdicts counted before or after, worst first, with both counts. */
export function verdictRows(before: PlanTally, after: PlanTally): [Verdict, number, number][] {
  return verdicts.filter((v) => (before.byVerdict[v] ?? 0) + (after.byVerdict[v] ?? 0) > 0).map((v) => [v, before.byVerdict[v] ?? 0, after.byVerdict[v] ?? 0]);
}

/** `12 candidates (3 forced), 40 variables, 55 constraints; 10,000 items and 12,000 links reduced to 80 nodes and 200 arcs; solved by HiGHS (37 iterations)`. */
export function modelText(r: PlanResult): string {
  const m = r.model;
  const solver = m.solver === "none" ? "no solver needed" : `solved by HiGHS${m.iterations !== undefined ? ` (${plural(m.iterations, "iteration")})` : ""}`;
  return (
    `${plural(m.candidates, "candidate")} (${thousands(m.forced)} forced), ${plural(m.variables, "variable")}, ${plural(m.constraints, "constraint")}; ` +
    `${plural(m.reducedFrom.items, "item")} and ${plural(m.reducedFrom.links, "link")} reduced to ${plural(m.reducedTo.nodes, "node")} and ${plural(m.reducedTo.arcs, "arc")}; ${solver}`
  );
}

/** The items of each phase in the plan's phase order (items of a phase the list does not name last). */
export function itemsByPhase(r: PlanResult): PlanItem[] {
  const rank = new Map(r.phases.map((p, i) => [p.name, i]));
  return r.items
    .map((it, i) => ({ it, i }))
    .sort((a, b) => (rank.get(a.it.phase) ?? r.phases.length) - (rank.get(b.it.phase) ?? r.phases.length) || a.i - b.i)
    .map(({ it }) => it);
}

/** The citations of the dated phases, each once: [`TeleGeography CommsUpdate, … (2022-10-14)`, [phase names]]. */
export function phaseSources(r: PlanResult): [string, string[]][] {
  const out = new Map<string, string[]>();
  for (const p of r.phases) {
    if (!p.source) continue;
    const text = `${p.source.title}${p.source.date ? ` (${p.source.date})` : ""}`;
    out.set(text, [...(out.get(text) ?? []), p.name]);
  }
  return [...out];
}
