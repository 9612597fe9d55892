import { chalkOf, type FormatRegistry, paintVerdict, type ReportContext, safe } from "../report/context.js";
import { plural } from "../report/explain.js";
import { escapeData, escapeProperty } from "../report/github.js";
import { mdText } from "../report/markdown.js";
import { displayRepoPath } from "../report/paths.js";
import type { DiffResult, FindingChange, ItemChange, ListChange, PairChange, PairState } from "./types.js";

/** A diff format: a pure function of the diff and the context. */
export type DiffReporter = (diff: DiffResult, ctx: ReportContext) => string;

const pairLabel = (p: PairChange): string => `${p.flow !== null ? `${p.flow}: ` : ""}${p.from} → ${p.to}`;
const stateText = (s: PairState | null): string => (s ? `${s.verdict}${s.passed ? "" : " (fails)"}` : "—");
const vendorText = (s: ItemChange["before"]): string => (s ? `${s.vendor ?? "no vendor"}${s.risk && s.risk !== "clean" ? ` [${s.risk === "high" ? "high-risk" : "unknown"}]` : ""}` : "");
/** Most ids of one list shown in a line (the json format has them all). */
const SHOWN_IDS = 10;
const someIds = (ids: readonly string[], sign = ""): string[] =>
  ids.length <= SHOWN_IDS ? ids.map((x) => sign + x) : [...ids.slice(0, SHOWN_IDS).map((x) => sign + x), `… ${ids.length - SHOWN_IDS} more`];
const listText = (what: string, c: ListChange): string => `${what} ${[...someIds(c.added, "+"), ...someIds(c.removed, "-")].join(" ")}`;
/** What changed about an item: its vendor or risk, its underlay entries, its closure. */
function changeText(x: ItemChange): string {
  const parts: string[] = [];
  if (vendorText(x.before) !== vendorText(x.after)) parts.push(`${vendorText(x.before)} → ${vendorText(x.after)}`);
  if (x.underlay) parts.push(listText("underlay", x.underlay));
  if (x.closure) parts.push(listText("closure", x.closure));
  return parts.join("; ");
}
/** `, underlay a, b` for an added or removed item that lists one. */
const underlayText = (s: ItemChange["before"]): string => (s?.underlay ? `, underlay ${someIds(s.underlay).join(", ")}` : "");

function headline(d: DiffResult): string {
  const s = d.summary;
  const parts = [
    s.pairsWorse ? `${plural(s.pairsWorse, "pair")} worse` : "",
    s.pairsAdded ? `${plural(s.pairsAdded, "pair")} added` : "",
    s.pairsBetter ? `${plural(s.pairsBetter, "pair")} better` : "",
    s.pairsRemoved ? `${plural(s.pairsRemoved, "pair")} removed` : "",
    s.rulesWorse ? `${plural(s.rulesWorse, "rule")} now failing` : "",
    s.findingsAppeared ? `${plural(s.findingsAppeared, "finding")} appeared` : "",
    s.findingsDisappeared ? `${plural(s.findingsDisappeared, "finding")} resolved` : "",
    s.itemsAdded + s.itemsRemoved + s.itemsChanged ? `items: ${s.itemsAdded} added, ${s.itemsRemoved} removed, ${s.itemsChanged} changed` : "",
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : "no change in verdicts, rules, findings or items";
}

/** For a terminal: one line per change, the worst first, then the verdict of the diff. */
export const diffTable: DiffReporter = (d, ctx) => {
  const c = chalkOf(ctx);
  const out: string[] = [];
  const shown = ctx.quiet ? d.pairs.filter((p) => p.gotWorse) : d.pairs;
  if (shown.length > 0) {
    out.push(c.bold("Pairs"));
    for (const p of shown) {
      const arrow = `${p.before ? paintVerdict(c, p.before.verdict) : "—"} → ${p.after ? paintVerdict(c, p.after.verdict) : "—"}`;
      const mark = p.gotWorse ? c.red("✗ worse  ") : p.change === "better" ? c.green("✓ better ") : `  ${p.change.padEnd(7)}`;
      out.push(`  ${mark}${safe(pairLabel(p))}  ${arrow}${p.after && !p.after.passed ? c.red(" (fails)") : ""}`);
    }
    out.push("");
  }
  const rules = ctx.quiet ? d.rules.filter((r) => r.gotWorse) : d.rules;
  if (rules.length > 0) {
    out.push(c.bold("Rules"));
    for (const r of rules) out.push(`  ${r.gotWorse ? c.red("✗ now failing") : r.after === null ? "  removed" : r.after.passed ? c.green("✓ now passing") : "  changed"}  ${safe(r.id)}`);
    out.push("");
  }
  const findingLine = (f: FindingChange, sign: string): string =>
    `  ${sign} ${f.level.padEnd(7)} ${safe(f.rule)}: ${safe(f.message)}${f.wasWaived ? " (no longer waived)" : f.waived ? " (waived)" : ""}`;
  if (d.findings.appeared.length > 0 || (!ctx.quiet && d.findings.disappeared.length > 0)) {
    out.push(c.bold("Findings"));
    for (const f of d.findings.appeared) out.push(findingLine(f, c.red("+")));
    if (!ctx.quiet) for (const f of d.findings.disappeared) out.push(findingLine(f, c.green("-")));
    out.push("");
  }
  const it = d.items;
  if (!ctx.quiet && it.added.length + it.removed.length + it.changed.length > 0) {
    out.push(c.bold("Items"));
    for (const x of it.added) out.push(`  + ${x.type} ${safe(x.id)} (${safe(vendorText(x.after))}${safe(underlayText(x.after))})`);
    for (const x of it.removed) out.push(`  - ${x.type} ${safe(x.id)} (${safe(vendorText(x.before))}${safe(underlayText(x.before))})`);
    for (const x of it.changed) out.push(`  ~ ${x.type} ${safe(x.id)}: ${safe(changeText(x))}`);
    out.push("");
  }
  out.push(`${d.summary.gotWorse ? c.red("worse") : c.green("not worse")}: ${headline(d)}`);
  return out.join("\n") + "\n";
};

/** The DiffResult itself, for tools. */
export const diffJson: DiffReporter = (d) => JSON.stringify(d, null, 2) + "\n";

/** For a pull-request comment: the verdict of the change first, then tables of what changed. */
export const diffMarkdown: DiffReporter = (d) => {
  const out: string[] = [`### ${d.summary.gotWorse ? "❌ cleanpath: this change makes things worse" : "✅ cleanpath: nothing got worse"}`, "", mdText(headline(d)), ""];
  if (d.pairs.length > 0) {
    out.push("| change | pair | before | after |", "| --- | --- | --- | --- |");
    for (const p of d.pairs) out.push(`| ${p.gotWorse ? "❌ " : ""}${p.change} | ${mdText(pairLabel(p))} | ${stateText(p.before)} | ${stateText(p.after)} |`);
    out.push("");
  }
  if (d.rules.length > 0) {
    out.push("| rule | before | after |", "| --- | --- | --- |");
    const rs = (s: { passed: boolean; checked: boolean } | null) => (s === null ? "—" : !s.checked ? "not checked" : s.passed ? "passes" : "fails");
    for (const r of d.rules) out.push(`| ${r.gotWorse ? "❌ " : ""}${mdText(r.id)} | ${rs(r.before)} | ${rs(r.after)} |`);
    out.push("");
  }
  const findings = [...d.findings.appeared.map((f) => ({ f, sign: "appeared" })), ...d.findings.disappeared.map((f) => ({ f, sign: "resolved" }))];
  if (findings.length > 0) {
    out.push("| finding | rule | level | message |", "| --- | --- | --- | --- |");
    for (const { f, sign } of findings) out.push(`| ${sign}${f.wasWaived ? " (no longer waived)" : ""} | ${mdText(f.rule)} | ${f.level} | ${mdText(f.message)} |`);
    out.push("");
  }
  const it = d.items;
  if (it.added.length + it.removed.length + it.changed.length > 0) {
    out.push(`<details><summary>Items: ${it.added.length} added, ${it.removed.length} removed, ${it.changed.length} changed</summary>`, "");
    for (const x of it.added) out.push(`- added ${x.type} ${mdText(x.id)} (${mdText(vendorText(x.after) + underlayText(x.after))})`);
    for (const x of it.removed) out.push(`- removed ${x.type} ${mdText(x.id)} (${mdText(vendorText(x.before) + underlayText(x.before))})`);
    for (const x of it.changed) out.push(`- changed ${x.type} ${mdText(x.id)}: ${mdText(changeText(x))}`);
    out.push("", "</details>", "");
  }
  return out.join("\n");
};

/** Annotations for what got worse (errors) and what got better (notices), at most 10 each. */
export const diffGithub: DiffReporter = (d, ctx) => {
  const lines: string[] = [];
  const at = (p: PairChange): string =>
    p.location ? `file=${escapeProperty(safe(displayRepoPath(p.location.file, ctx.baseDir)))},line=${Math.max(1, p.location.line)},col=${Math.max(1, p.location.column)},` : "";
  const worse = d.pairs.filter((p) => p.gotWorse);
  for (const p of worse.slice(0, 10)) {
    lines.push(`::error ${at(p)}title=${escapeProperty(safe(`cleanpath: ${pairLabel(p)} got worse`))}::${escapeData(safe(`${pairLabel(p)}: ${stateText(p.before)} → ${stateText(p.after)}`))}`);
  }
  const errors = d.findings.appeared.filter((f) => !f.waived && f.level === "error");
  for (const f of errors.slice(0, Math.max(0, 10 - lines.length))) {
    const where = f.location ? `file=${escapeProperty(safe(displayRepoPath(f.location.file, ctx.baseDir)))},line=${Math.max(1, f.location.line)},col=${Math.max(1, f.location.column)},` : "";
    lines.push(`::error ${where}title=${escapeProperty(safe(`cleanpath: new ${f.rule} finding`))}::${escapeData(safe(f.message))}`);
  }
  const hidden = worse.length + errors.length - lines.length;
  if (hidden > 0) lines.push(`::notice title=cleanpath::${escapeData(`${hidden} more not shown as annotations: run cleanpath diff locally for the full list.`)}`);
  // Underlay changes move risk and failures between layers: a notice at each item, at most 10.
  const layered = d.items.changed.filter((x) => x.underlay || x.closure);
  for (const x of layered.slice(0, 10)) {
    const where = x.location ? `file=${escapeProperty(safe(displayRepoPath(x.location.file, ctx.baseDir)))},line=${Math.max(1, x.location.line)},col=${Math.max(1, x.location.column)},` : "";
    const what = [x.underlay ? listText("underlay", x.underlay) : "", x.closure ? listText("closure", x.closure) : ""].filter(Boolean).join("; ");
    lines.push(`::notice ${where}title=${escapeProperty(safe(`cleanpath: underlay of ${x.id} changed`))}::${escapeData(safe(`${x.type} ${x.id}: ${what}`))}`);
  }
  if (layered.length > 10) lines.push(`::notice title=cleanpath::${escapeData(`${layered.length - 10} more underlay changes not shown as annotations: run cleanpath diff locally for the full list.`)}`);
  lines.push(`cleanpath diff: ${d.summary.gotWorse ? "worse" : "not worse"} (${headline(d)})`);
  return lines.join("\n") + "\n";
};

export const diffReporters = { table: diffTable, json: diffJson, markdown: diffMarkdown, github: diffGithub } satisfies Record<string, DiffReporter>;
export type DiffFormat = keyof typeof diffReporters;
export const diffFormats = Object.keys(diffReporters) as DiffFormat[];

/** The diff formats as a registry (what `cleanpath diff --format` accepts and lists). */
export const diffRegistry: FormatRegistry<DiffResult> = { noun: "diff", reporters: diffReporters };
