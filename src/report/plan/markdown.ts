import { operatorText, type PlanItem, type PlanResult } from "../../result.js";
import type { ReportContext } from "../context.js";
import { assemble, maxFailRows, mdCode, mdText } from "../markdown.js";
import { thousands } from "../elide.js";
import {
  boundText,
  budgetText,
  checkText,
  costText,
  fixesCount,
  itemsByPhase,
  leftFailingHeading,
  maxFixesNamed,
  modelText,
  objectiveText,
  outcomeText,
  plural,
  planKind,
  tallyRows,
  totalText,
  verdictRows,
  phaseSources,
} from "./words.js";
import { highRiskText } from "../designation-text.js";

/**
 * `cleanpath plan` for a pull-request comment or a client document: the outcome first, the counts
 * before and after, the phases, the items with what each fixes, what stays failing, then the
 * pairs before and after in a collapsed section. Every id is escaped (mdText, mdCode). Quiet keeps
 * the outcome and what stays failing. Sections are dropped from the end when a comment would be cut.
 */
export function planMarkdown(r: PlanResult, ctx: ReportContext): string {
  const head: string[] = [titleLine(r), "", factsLine(r), "", `**High-risk:** ${mdText(highRiskText(r.designation))}`, ""];
  if (!ctx.quiet) {
    head.push(...tallyTable(r), "");
    if (r.phases.length > 0) head.push("#### Phases", "", ...phaseTable(r), "");
    if (r.items.length > 0) head.push(`#### Items to replace (${thousands(r.items.length)})`, "", ...itemTable(r), "");
  }
  const sections: (() => string)[] = [];
  if (r.unfixable.length + r.leftFailing.length > 0) sections.push(() => failingSection(r));
  const pairs = ctx.quiet ? r.pairs.filter((p) => !p.passedAfter) : r.pairs;
  if (pairs.length > 0) sections.push(() => pairsSection(pairs, ctx.quiet === true));
  if (!ctx.quiet) sections.push(() => `<sub>Model: ${mdText(modelText(r))}.</sub>\n\n`);
  return assemble(head.join("\n") + "\n", sections, `<sub>cleanpath ${mdText(r.tool.version)} · plan · as of ${mdText(r.asOf)}</sub>\n`);
}

function titleLine(r: PlanResult): string {
  return `### ${r.passed ? "✅" : "❌"} cleanpath plan: ${totalText(r)} — ${outcomeText(r)}`;
}

function factsLine(r: PlanResult): string {
  const facts = [boundText(r), objectiveText(r), budgetText(r)].filter(Boolean).map(mdText);
  return [`**${planKind(r)}**`, ...facts, `replaced items count as clean (vendor ${mdCode(r.replaceWith)})`].join(" · ");
}

function tallyTable(r: PlanResult): string[] {
  const out = ["| | before | after |", "| --- | ---: | ---: |"];
  for (const [label, before, after] of tallyRows(r)) out.push(`| **${label}** | ${thousands(before)} | ${thousands(after)} |`);
  for (const [v, before, after] of verdictRows(r.before, r.after)) out.push(`| ${v} | ${thousands(before)} | ${thousands(after)} |`);
  return out;
}

function phaseTable(r: PlanResult): string[] {
  const out = ["| phase | by | items | cost | cumulative |", "| --- | --- | ---: | ---: | ---: |"];
  for (const p of r.phases) out.push(`| ${mdCode(p.name)} | ${p.by === null ? "–" : mdText(p.by)} | ${thousands(p.items.length)} | ${costText(p.cost)} | ${costText(p.cumulativeCost)} |`);
  const sources = phaseSources(r);
  if (sources.length > 0) out.push("", ...sources.map(([text, names]) => `<sub>Source of ${names.map(mdCode).join(", ")}: ${mdText(text)}</sub>`));
  return out;
}

/** `2 pairs, 1 rule: <code>a</code> → <code>b</code>, rule <code>r</code>`, the first few named. */
function fixesCell(it: PlanItem): string {
  const pairs = it.fixes.pairs.slice(0, maxFixesNamed).map(([a, b]) => `${mdCode(a)} → ${mdCode(b)}`);
  const named = [...pairs, ...it.fixes.rules.slice(0, maxFixesNamed - pairs.length).map((id) => `rule ${mdCode(id)}`)];
  if (named.length === 0) return "–";
  const more = it.fixes.pairs.length + it.fixes.rules.length - named.length;
  return `${fixesCount(it)}: ${named.join(", ")}${more > 0 ? ` and ${thousands(more)} more` : ""}`;
}

function itemTable(r: PlanResult): string[] {
  const items = itemsByPhase(r);
  const out = ["| id | vendor | role | site | operator | cost | phase | fixes |", "| --- | --- | --- | --- | --- | ---: | --- | --- |"];
  for (const it of items.slice(0, maxFailRows)) {
    const cells = [mdCode(it.id), mdText(it.vendor ?? ""), mdText(it.role ?? ""), mdText(it.site ?? ""), mdText(operatorText(it.operator) ?? ""), costText(it.cost), mdCode(it.phase), fixesCell(it)];
    out.push(`| ${cells.join(" | ")} |`);
  }
  if (items.length > maxFailRows) out.push("", `${plural(items.length - maxFailRows, "more item")} not in this table: see --format csv, html or json.`);
  return out;
}

function failingSection(r: PlanResult): string {
  const out = ["#### What stays failing", ""];
  for (const u of r.unfixable) out.push(`- ❌ **unfixable** ${mdText(checkText(u))}: ${mdText(u.why)}`);
  for (const l of r.leftFailing) out.push(`- ⚠️ **${mdText(leftFailingHeading(r).toLowerCase())}** ${mdText(checkText(l))}${l.verdict ? `: ${l.verdict}` : ""}`);
  out.push("", "");
  return out.join("\n");
}

function pairsSection(pairs: PlanResult["pairs"], quiet: boolean): string {
  const shown = pairs.slice(0, maxFailRows);
  const withFlow = shown.some((p) => p.flow !== null);
  const out = [`<details><summary>${quiet ? "Pairs still failing" : "Pairs failing before the plan"} (${thousands(pairs.length)})</summary>`, ""];
  out.push(`| ${withFlow ? "flow | " : ""}pair | before | after | result |`, `|${withFlow ? " --- |" : ""} --- | --- | --- | --- |`);
  for (const p of shown) {
    const flow = withFlow ? `${p.flow !== null ? mdCode(p.flow) : ""} | ` : "";
    out.push(`| ${flow}${mdCode(p.from)} → ${mdCode(p.to)} | ${p.before} | **${p.after}** | ${p.passedAfter ? "passes" : "**fails**"} |`);
  }
  if (pairs.length > shown.length) out.push("", `${plural(pairs.length - shown.length, "more pair")} not in this table: see --format json.`);
  out.push("", "</details>", "", "");
  return out.join("\n");
}
