import type { ChalkInstance } from "chalk";
import { operatorText, type PlanResult } from "../../result.js";
import { chalkOf, paintVerdict, type ReportContext, safe } from "../context.js";
import { thousands } from "../elide.js";
import { cellWidth, clip, grid, wrap } from "../terminal.js";
import {
  boundText,
  budgetText,
  checkText,
  costText,
  fixesCount,
  fixesLine,
  itemsByPhase,
  leftFailingHeading,
  modelText,
  outcomeText,
  pairText,
  planKind,
  tallyRows,
  totalText,
  verdictRows,
  phaseSources,
} from "./words.js";
import { highRiskText } from "../designation-text.js";

/** Pairs in the before → after table, failing after first; the rest are counted. */
export const maxPairRows = 200;

/**
 * `cleanpath plan` at a terminal: the headline (optimal or best found, total, budget), the phases
 * with their cumulative cost, the items with what each fixes, the counts before and after, and what
 * stays failing. Fits the width; colour only when the context allows; `quiet` keeps only what
 * stays failing and the last line.
 */
export function planTable(r: PlanResult, ctx: ReportContext): string {
  const c = chalkOf(ctx);
  const width = Math.max(60, ctx.width ?? 80);
  const out: string[] = [];
  if (!ctx.quiet) {
    out.push(headline(r, c, width), "");
    if (r.phases.length > 0) out.push(c.bold("Phases"), phaseTable(r, c), ...sourceLines(r, c, width), "");
    if (r.items.length > 0) out.push(c.bold(`Items to replace (${thousands(r.items.length)})`), itemTable(r, c, width), whyLines(r, c, width), "");
    out.push(c.bold("Before → after"), tallyTable(r, c), "");
  }
  const pairs = ctx.quiet ? r.pairs.filter((p) => !p.passedAfter) : r.pairs;
  if (pairs.length > 0) out.push(c.bold(ctx.quiet ? "Pairs still failing" : "Pairs failing before the plan"), pairTable(pairs, c, width), "");
  if (r.unfixable.length > 0) {
    out.push(c.bold("Unfixable (no plan can fix them)"));
    for (const u of r.unfixable) out.push(wrap(`  ${c.red("✗")} ${safe(checkText(u))}: ${safe(u.why)}`, width, "      "));
    out.push("");
  }
  if (r.leftFailing.length > 0) {
    out.push(c.bold(leftFailingHeading(r)));
    for (const l of r.leftFailing) out.push(wrap(`  ${c.yellow("•")} ${safe(checkText(l))}${l.verdict ? `: ${paintVerdict(c, l.verdict)}` : ""}`, width, "      "));
    out.push("");
  }
  out.push(`${c.bold("Plan")} ${r.passed ? c.green(outcomeText(r)) : c.red(outcomeText(r))}`);
  return out.join("\n") + "\n";
}

function headline(r: PlanResult, c: ChalkInstance, width: number): string {
  const kind = r.optimal ? c.green(planKind(r)) : c.yellow(planKind(r));
  const bound = boundText(r);
  return [
    `${c.bold("cleanpath")} ${safe(r.tool.version)} · plan · as of ${safe(r.asOf)}`,
    wrap(`High-risk: ${safe(highRiskText(r.designation))}`, width, "  "),
    wrap(`${kind}: ${totalText(r)}${bound ? `; ${bound}` : ""}; ${budgetText(r)}.`, width, "  "),
    wrap(`Replaced items count as clean, vendor ${safe(r.replaceWith)}.`, width, "  "),
    c.dim(wrap(`Model: ${modelText(r)}.`, width, "  ")),
  ].join("\n");
}

/** Under the phases: each dated phase's citation, one line each. */
function sourceLines(r: PlanResult, c: ChalkInstance, width: number): string[] {
  return phaseSources(r).map(([text, names]) => c.dim(wrap(`  Source of ${safe(names.join(", "))}: ${safe(text)}`, width, "      ")));
}

function phaseTable(r: PlanResult, c: ChalkInstance): string {
  const rows = r.phases.map((p) => [safe(p.name), p.by ?? "–", thousands(p.items.length), costText(p.cost), costText(p.cumulativeCost)]);
  return grid(["phase", "by", "items", "cost", "cumulative"], rows, c);
}

/** A phase name (a rule id) in the items table: the phases table shows it whole. */
const maxPhaseWidth = 24;

/**
 * The widths text columns may take so that the row fits `width` (`fixed`: what the other columns
 * take, borders included): the widest are narrowed first, none below 8, and the first column (the
 * id: what an engineer acts on) never — past that the table overflows rather than hiding an id.
 */
function fitWidths(natural: readonly number[], fixed: number, width: number): number[] {
  const widths = [...natural];
  // Each column takes its content, one space either side and one border.
  let total = fixed + widths.reduce((s, w) => s + w + 3, 0) + 1;
  while (total > width) {
    let k = -1;
    for (let j = 1; j < widths.length; j++) if (widths[j]! > 8 && (k < 0 || widths[j]! > widths[k]!)) k = j;
    if (k < 0) break;
    widths[k]!--;
    total--;
  }
  return widths;
}

/** The width of the widest cell of a column (the header included), as the terminal shows it. */
const widest = (head: string, cells: readonly string[]): number => Math.max(cellWidth(head), ...cells.map(cellWidth));

function itemTable(r: PlanResult, c: ChalkInstance, width: number): string {
  const items = itemsByPhase(r);
  const head = ["id", "vendor", "role", "site", "operator"];
  const text = items.map((it) =>
    [it.id, it.vendor ?? "", it.role ?? (it.type === "link" ? "(link)" : ""), it.site ?? "", operatorText(it.operator) ?? "", clip(it.phase, maxPhaseWidth)].map(safe),
  );
  const costs = items.map((it) => costText(it.cost));
  const widths = fitWidths(
    [...head, "phase"].map((h, j) => widest(h, text.map((t) => t[j]!))),
    widest("cost", costs) + 3,
    width,
  );
  const rows = items.map((_, i) => {
    const cells = text[i]!.map((t, j) => clip(t, widths[j]!));
    return [...cells.slice(0, 5), costs[i]!, cells[5]!];
  });
  return grid([...head, "cost", "phase"], rows, c);
}

/** What each item fixes: how many pairs and rules, the first few named. */
function whyLines(r: PlanResult, c: ChalkInstance, width: number): string {
  return itemsByPhase(r)
    .map((it) => wrap(`  ${c.bold(safe(it.id))} fixes ${fixesCount(it) === "–" ? "no check by itself" : `${fixesCount(it)}: ${safe(fixesLine(it))}`}`, width, "      "))
    .join("\n");
}

function tallyTable(r: PlanResult, c: ChalkInstance): string {
  const change = (before: number, after: number) => (after < before ? c.green(thousands(after)) : after > before ? c.red(thousands(after)) : thousands(after));
  const rows = tallyRows(r).map(([label, before, after]) => [label, thousands(before), change(before, after)]);
  for (const [v, before, after] of verdictRows(r.before, r.after)) rows.push([paintVerdict(c, v), thousands(before), thousands(after)]);
  return grid(["", "before", "after"], rows, c);
}

function pairTable(pairs: PlanResult["pairs"], c: ChalkInstance, width: number): string {
  const order = pairs.map((_, i) => i).sort((a, b) => Number(pairs[a]!.passedAfter) - Number(pairs[b]!.passedAfter) || a - b);
  const shown = order.slice(0, maxPairRows).map((i) => pairs[i]!);
  const withFlow = shown.some((p) => p.flow !== null);
  const names = shown.map((p) => safe(pairText(p.from, p.to)));
  const flows = shown.map((p) => safe(p.flow ?? ""));
  const verdictWidth = Math.max(6, ...shown.flatMap((p) => [p.before.length, p.after.length]));
  const [pairWidth, flowWidth] = fitWidths(withFlow ? [widest("pair", names), widest("flow", flows)] : [widest("pair", names)], 2 * verdictWidth + 7 + 9, width);
  const rows = shown.map((p, i) => [
    ...(withFlow ? [clip(flows[i]!, flowWidth!)] : []),
    clip(names[i]!, pairWidth!),
    paintVerdict(c, p.before),
    paintVerdict(c, p.after),
    p.passedAfter ? c.green("passes") : c.red("fails ✗"),
  ]);
  const table = grid([...(withFlow ? ["flow"] : []), "pair", "before", "after", "result"], rows, c);
  return pairs.length > shown.length ? `${table}\n${c.dim(`… and ${thousands(pairs.length - shown.length)} more pairs (see --format json)`)}` : table;
}
