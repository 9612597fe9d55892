import { formatLocation } from "../../diagnostics.js";
import { operatorText, type PlanItem, type PlanPairChange, type PlanResult, type Verdict } from "../../result.js";
import type { ReportContext } from "../context.js";
import { thousands } from "../elide.js";
import { esc } from "../html/escape.js";
import { documentTitle, htmlPage } from "../html/shell.js";
import { css } from "../html/style.js";
import { inputsTable } from "../html/summary.js";
import { maxTableRows } from "../html/tables.js";
import { chartCss, phaseChart } from "./chart.js";
import {
  boundText,
  checkText,
  costText,
  fixesCount,
  gapText,
  itemsByPhase,
  leftFailingHeading,
  modelText,
  objectiveText,
  outcomeDetail,
  phaseText,
  planKind,
  plural,
  tallyRows,
  verdictRows,
  phaseSources,
} from "./words.js";
import { highRiskText } from "../designation-text.js";

/** The plan's stylesheet: the audit report's, and the phase chart's. */
const planCss = `${css}${chartCss}.fixes{margin:0;padding-left:16px}.fixes li{margin:0}.arrow{color:var(--muted);margin:0 4px}
@media print{section{break-before:auto}section#items,section#pairs{break-before:page}}
`;

const verdictTag = (v: Verdict): string => `<span class="verdict v-${v}">${v}</span>`;
const code = (id: string): string => `<code>${esc(id)}</code>`;

function stat(label: string, value: string, id: string, extra = ""): string {
  return `<div class="stat${extra}"><span class="stat-value" data-stat="${id}">${value}</span><span class="stat-label">${esc(label)}</span></div>`;
}

function summarySection(r: PlanResult): string {
  const bound = boundText(r);
  const change = (label: string, before: number, after: number, id: string) =>
    `<div class="stat${after > 0 ? " bad" : ""}"><span class="stat-value"><span data-stat="${id}-before">${thousands(before)}</span><span class="arrow">→</span><span data-stat="${id}-after">${thousands(after)}</span></span><span class="stat-label">${esc(label)}, before → after</span></div>`;
  const tallies = tallyRows(r)
    .map(([label, before, after]) => change(label, before, after, label.replace(/ /g, "-")))
    .join("");
  const verdictRowsHtml = verdictRows(r.before, r.after)
    .map(([v, before, after]) => `<tr><td>${verdictTag(v)}</td><td class="num" data-before="${v}">${thousands(before)}</td><td class="num" data-after="${v}">${thousands(after)}</td></tr>`)
    .join("");
  return `<section id="summary"><h2>Summary</h2>
<div class="outcome ${r.passed ? "outcome-pass" : "outcome-fail"}"><span class="outcome-word" data-stat="passed">${r.passed ? "PASS" : "FAIL"}</span><span>${esc(`${planKind(r)}: ${outcomeDetail(r)}.`)}</span></div>
<div class="stats">${stat("items to replace", thousands(r.items.length), "items")}${stat(`total cost, ${objectiveText(r)}`, esc(costText(r.totalCost)), "totalCost")}${stat("budget", r.budget === null ? "none" : esc(costText(r.budget)), "budget")}${stat(r.optimal ? "proven optimal" : "not proven optimal", r.optimal ? "optimal" : `gap ${esc(gapText(r.gap))}`, "optimal", r.optimal ? "" : " warn")}</div>
<h3>Before and after the plan</h3><div class="stats">${tallies}</div>
${verdictRowsHtml ? `<table class="verdicts-table" id="verdicts-table"><thead><tr><th>Pairs by verdict</th><th class="num">Before</th><th class="num">After</th></tr></thead><tbody>${verdictRowsHtml}</tbody></table>` : ""}
<dl class="facts"><dt>As of</dt><dd data-stat="asOf">${esc(r.asOf)}</dd><dt>High-risk</dt><dd data-stat="designation">${esc(highRiskText(r.designation))}</dd><dt>Objective</dt><dd>${esc(`the least total cost, ${objectiveText(r)}`)}</dd>${bound ? `<dt>Not proven optimal</dt><dd>${esc(bound)}</dd>` : ""}<dt>Budget</dt><dd>${r.budget === null ? "none" : esc(costText(r.budget))}</dd><dt>Replaced items</dt><dd>count as clean, vendor ${code(r.replaceWith)}</dd></dl>
<h3>Inputs</h3>${inputsTable(r)}
</section>`;
}

function phasesSection(r: PlanResult): string {
  if (r.phases.length === 0) return `<section id="phases"><h2>Phases</h2><p class="muted">Nothing to replace.</p></section>`;
  const rows = r.phases
    .map(
      (p) =>
        `<tr data-phase="${esc(p.name)}"><td>${code(p.name)}</td><td>${p.by === null ? '<span class="muted">–</span>' : esc(p.by)}</td><td class="num">${thousands(p.items.length)}</td><td class="num">${esc(costText(p.cost))}</td><td class="num">${esc(costText(p.cumulativeCost))}</td></tr>`,
    )
    .join("");
  return `<section id="phases"><h2>Phases</h2><p class="muted">Each item goes in the phase of the earliest deadline that needs it, then "flows" (what the flows need), then "other".</p>${phaseChart(r.phases)}<table class="data" id="phases-table"><thead><tr><th>Phase</th><th>By</th><th class="num">Items</th><th class="num">Cost</th><th class="num">Cumulative</th></tr></thead><tbody>${rows}</tbody></table>${phaseSources(r)
    .map(([text, names]) => `<p class="muted" data-phase-source>Source of ${names.map(code).join(", ")}: ${esc(text)}</p>`)
    .join("")}</section>`;
}

/** Pairs and rules named under an item: every item is listed, so its size follows the items, not the pairs. */
export const maxFixesListed = 8;

/** What an item fixes, as a list: the pairs then the rules, the first maxFixesListed in all. */
function fixesList(it: PlanItem): string {
  const pairs = it.fixes.pairs.slice(0, maxFixesListed).map(([a, b]) => `<li>${code(a)}<span class="arrow">→</span>${code(b)}</li>`);
  const rules = it.fixes.rules.slice(0, maxFixesListed - pairs.length).map((id) => `<li>rule ${code(id)}</li>`);
  const more = it.fixes.pairs.length + it.fixes.rules.length - pairs.length - rules.length;
  if (pairs.length + rules.length === 0) return '<span class="muted">no check by itself</span>';
  return `<span class="muted">${esc(fixesCount(it))}</span><ul class="fixes">${pairs.join("")}${rules.join("")}${more > 0 ? `<li class="muted">and ${thousands(more)} more (in the JSON result)</li>` : ""}</ul>`;
}

function itemsSection(r: PlanResult): string {
  if (r.items.length === 0) return `<section id="items"><h2>Items to replace</h2><p class="muted">Nothing to replace.</p></section>`;
  const rows = itemsByPhase(r).map((it) => {
    const name = r.itemInfo?.[it.id]?.name;
    const where = it.location ? `<br><span class="loc">${esc(formatLocation(it.location))}</span>` : "";
    return (
      `<tr data-item="${esc(it.id)}"><td>${code(it.id)}${name !== undefined && name !== it.id ? `<br><span class="muted">${esc(name)}</span>` : ""}${where}</td>` +
      `<td>${it.type}</td><td>${esc(it.vendor ?? "")}</td><td>${esc(it.role ?? "")}</td><td>${esc(it.site ?? "")}</td><td>${esc(operatorText(it.operator) ?? "")}</td>` +
      `<td class="num">${esc(costText(it.cost))}</td><td>${code(it.phase)}</td><td>${fixesList(it)}</td></tr>`
    );
  });
  return `<section id="items"><h2>Items to replace <span class="muted">(${plural(r.items.length, "item")})</span></h2><table class="data" id="items-table"><thead><tr><th>Item</th><th>Type</th><th>Vendor</th><th>Role</th><th>Site</th><th>Operator</th><th class="num">Cost</th><th>Phase</th><th>What it fixes</th></tr></thead><tbody>${rows.join("")}</tbody></table></section>`;
}

/** Failing after first, then the result's order (flow, from, to). */
function pairRows(pairs: readonly PlanPairChange[]): PlanPairChange[] {
  return pairs
    .map((p, i) => ({ p, i }))
    .sort((a, b) => Number(a.p.passedAfter) - Number(b.p.passedAfter) || a.i - b.i)
    .map(({ p }) => p);
}

function pairsSection(r: PlanResult): string {
  if (r.pairs.length === 0) return `<section id="pairs"><h2>Failing pairs, before and after</h2><p class="muted">No pair failed before the plan.</p></section>`;
  const order = pairRows(r.pairs);
  const shown = order.slice(0, maxTableRows);
  const rows = shown.map((p) => {
    const status = p.passedAfter ? "passed" : "failed";
    return (
      `<tr data-status="${status}"><td>${code(p.from)}<span class="arrow">→</span>${code(p.to)}</td><td>${p.flow !== null ? esc(p.flow) : '<span class="muted">ad hoc</span>'}${p.weight !== 1 ? ` <span class="muted">(weight ${esc(String(p.weight))})</span>` : ""}</td>` +
      `<td>${verdictTag(p.before)}<span class="arrow">→</span>${verdictTag(p.after)}</td><td class="${status}">${p.passedAfter ? "passes" : "fails"}<br><span class="muted">at ${p.failOn}</span></td></tr>`
    );
  });
  const more = order.length > shown.length ? `<p class="muted">${plural(order.length - shown.length, "more pair")} in the JSON result.</p>` : "";
  return `<section id="pairs"><h2>Failing pairs, before and after <span class="muted">(${plural(r.pairs.length, "pair")})</span></h2><p class="muted">Every pair that failed before the plan, with its verdict once the plan is applied; those still failing first.</p><table class="data" id="pairs-table"><thead><tr><th>Pair</th><th>Flow</th><th>Before → after</th><th>Result</th></tr></thead><tbody>${rows.join("")}</tbody></table>${more}</section>`;
}

function failingSection(r: PlanResult): string {
  const unfixable = r.unfixable.map((u) => `<li class="high" data-unfixable>${esc(checkText(u))}: ${esc(u.why)}</li>`).join("");
  const left = r.leftFailing.map((l) => `<li data-left-failing>${esc(checkText(l))}${l.verdict ? ` ${verdictTag(l.verdict)}` : ""}</li>`).join("");
  const body =
    unfixable || left
      ? `${unfixable ? `<h3>Unfixable <span class="muted">(no plan can fix them)</span></h3><ul class="items">${unfixable}</ul>` : ""}${left ? `<h3>${esc(leftFailingHeading(r))}</h3><ul class="items">${left}</ul>` : ""}`
      : `<p class="muted">Nothing: with the plan applied, every check passes.</p>`;
  return `<section id="failing"><h2>What stays failing</h2>${body}</section>`;
}

function modelSection(r: PlanResult): string {
  const m = r.model;
  const row = (label: string, value: string) => `<dt>${esc(label)}</dt><dd>${value}</dd>`;
  return `<section id="model"><h2>The optimisation problem</h2><p class="muted">${esc(modelText(r))}.</p><dl class="facts">${row("Candidates", thousands(m.candidates))}${row("Forced", thousands(m.forced))}${row("Variables", thousands(m.variables))}${row("Constraints", thousands(m.constraints))}${row("Reduced from", `${plural(m.reducedFrom.items, "item")}, ${plural(m.reducedFrom.links, "link")}`)}${row("Reduced to", `${plural(m.reducedTo.nodes, "node")}, ${plural(m.reducedTo.arcs, "arc")}`)}${row("Solver", m.solver === "none" ? "none needed" : `HiGHS${m.iterations !== undefined ? `, ${plural(m.iterations, "iteration")}` : ""}`)}</dl></section>`;
}

/**
 * `cleanpath plan` as one self-contained HTML file (inline stylesheet and SVG, no script, nothing
 * fetched): the summary, the phases as a cost chart, the items with what each fixes, the failing
 * pairs before and after, what stays failing and the size of the problem. Prints to PDF. Same
 * result, same bytes.
 */
export function planHtml(r: PlanResult, ctx: ReportContext): string {
  const heading = documentTitle("Replacement plan", r.inputs);
  const rendered = ctx.version !== r.tool.version ? `, rendered by cleanpath ${esc(ctx.version)}` : "";
  return htmlPage({
    heading,
    version: r.tool.version,
    sub: `As of <strong>${esc(r.asOf)}</strong> · generated ${esc(r.generatedAt)} by cleanpath ${esc(r.tool.version)}${rendered} · ${esc(phaseSummary(r))}`,
    nav: [
      ["summary", "Summary"],
      ["phases", "Phases"],
      ["items", "Items"],
      ["pairs", "Pairs before and after"],
      ["failing", "What stays failing"],
      ["model", "Problem size"],
    ],
    sections: [summarySection(r), phasesSection(r), itemsSection(r), pairsSection(r), failingSection(r), modelSection(r)],
    footer: [
      "A plan replaces high-risk (or, when unknown vendors count as risky, unknown) in-service items; a replaced item counts as clean in every flow and rule, and routing does not change. A check is unfixable when it still fails with every candidate replaced. The JSON result (<code>--format json</code>) holds every item and pair in full.",
    ],
    css: planCss,
  });
}

function phaseSummary(r: PlanResult): string {
  return r.phases.length === 0 ? "nothing to replace" : r.phases.map(phaseText).join(", then ");
}
