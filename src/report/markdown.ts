import type { AuditResult, Finding, PairResult, RuleResult } from "../result.js";
import { type ReportContext, type TextReporter, safe } from "./context.js";
import { explainPair, locationText, pairLocation, plural } from "./explain.js";
import { displayRepoPath } from "./paths.js";
import { verdictCounts } from "./problems.js";

/** GitHub cuts comments at 65,536 characters; stay under it with room for a closing note. */
export const maxMarkdownLength = 60_000;
/** Rows of failing pairs (and of failing rules) in the table at the top: 100 rows are about 15,000 characters. */
export const maxFailRows = 100;

/**
 * Untrusted text for Markdown and for HTML blocks alike: control characters stripped, and every
 * character that HTML or Markdown would interpret (`< & | * _ [` backticks…) as a numeric
 * entity, which both render literally. `@` too, so that an id never mentions anyone. Callers
 * never start a line with such text, so list and heading markers need no escape.
 */
export function mdText(text: string): string {
  return safe(text)
    .replace(/[&<>"'@|`*_[\]\\~]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** An id in a table cell or sentence, shown as code without giving Markdown a code span to break. */
export function mdCode(id: string): string {
  return `<code>${mdText(id)}</code>`;
}

/**
 * For pull-request comments and client documents: the verdict first (a line a reviewer reads in
 * the notification), then a table of what fails, then one collapsed section per failing pair
 * with its path, the risky items with reasons and sources, the clean alternative and the fix,
 * then the findings. Sections are dropped from the end when GitHub would truncate the comment.
 */
export const markdown: TextReporter = (result, ctx) => {
  const head: string[] = [summaryLine(result), "", countsLine(result), ""];
  const failing = result.pairs.filter((p) => !p.passed);
  const failingRules = result.rules.filter((r) => !r.passed || !r.checked);
  if (failing.length > 0 || failingRules.length > 0) head.push(...failTable(failing, failingRules, result), "");
  // Built only while they fit: thousands of failing pairs must not cost thousands of explanations.
  const sections: (() => string)[] = [];
  for (const p of failing) sections.push(() => pairDetails(p, result, ctx));
  const findings = result.findings.filter((f) => !ctx.quiet || (f.level === "error" && !f.waived));
  if (findings.length > 0) sections.push(() => findingsSection(findings, ctx));
  if (!ctx.quiet) {
    const passing = result.pairs.filter((p) => p.passed);
    if (passing.length > 0) sections.push(() => passingSection(passing));
  }
  return assemble(head.join("\n") + "\n", sections, `<sub>cleanpath ${mdText(result.tool.version)} · as of ${mdText(result.asOf)}</sub>\n`);
};

/** `head`, then the sections while they fit a GitHub comment, then a note of what was left out and `footer`. */
export function assemble(head: string, sections: readonly (() => string)[], footer: string): string {
  let out = head;
  let k = 0;
  for (; k < sections.length; k++) {
    const section = sections[k]!();
    if (out.length + section.length + footer.length > maxMarkdownLength) break;
    out += section;
  }
  if (k < sections.length) out += `> ${plural(sections.length - k, "more section")} left out to fit a comment: see the full report (--format html, json or table).\n\n`;
  return out + footer;
}

function summaryLine(r: AuditResult): string {
  const s = r.summary;
  const fails = [s.failedPairs ? `${plural(s.failedPairs, "pair")} of ${s.pairs}` : "", s.failedRules ? plural(s.failedRules, "rule") : ""].filter(Boolean);
  if (s.passed) return `### ✅ cleanpath: passed (${plural(s.pairs, "pair")}${r.rules.length ? `, ${plural(r.rules.length, "rule")}` : ""})`;
  return `### ❌ cleanpath: failed — ${fails.length ? `${fails.join(" and ")} fail${fails.length === 1 && s.failedPairs + s.failedRules === 1 ? "s" : ""}` : "findings at the failing level"}`;
}

function countsLine(r: AuditResult): string {
  const by = verdictCounts(r).map(([v, n]) => `${n} ${v}`);
  const f = r.summary.findings;
  const parts = [`**Pairs:** ${r.summary.pairs}${by.length ? ` (${by.join(", ")})` : ""}`];
  if (r.rules.length) parts.push(`**Rules:** ${r.rules.length} (${r.summary.failedRules} failing)`);
  if (f.error + f.warning + f.note + f.waived > 0) parts.push(`**Findings:** ${f.error} error, ${f.warning} warning, ${f.note} note, ${f.waived} waived`);
  const d = r.designation;
  parts.push(`**High-risk:** ${d.vendors.length ? d.vendors.map(mdText).join(", ") : "no vendor"}${d.unknownVendor === "risky" ? "; unknown vendors count as risky" : ""}`);
  return parts.join(" · ");
}

function failTable(pairs: PairResult[], rules: RuleResult[], r: AuditResult): string[] {
  const out: string[] = [];
  if (pairs.length > 0) {
    const withFlow = pairs.some((p) => p.flow !== null);
    out.push(`| ${withFlow ? "flow | " : ""}from | to | verdict | fails at | routed metric | risky on route | clean alternative |`);
    out.push(`|${withFlow ? " --- |" : ""} --- | --- | --- | --- | ---: | ---: | --- |`);
    for (const p of pairs.slice(0, maxFailRows)) {
      const risky = p.routed ? p.routed.riskyItems.length : 0;
      const alt = p.cleanAlternative ? `metric ${p.cleanAlternative.metric}` : "none";
      const unknown = p.verdictIfUnknownClean ? ` (${p.verdictIfUnknownClean} if unknown are clean)` : "";
      out.push(
        `| ${withFlow ? `${p.flow !== null ? mdCode(p.flow) : ""} | ` : ""}${mdCode(p.from)} | ${mdCode(p.to)} | **${p.verdict}**${unknown} | ${p.failOn} | ${p.routed ? p.routed.metric : "–"} | ${risky} | ${alt} |`,
      );
    }
    if (pairs.length > maxFailRows) out.push("", `${plural(pairs.length - maxFailRows, "more failing pair")} not in this table: see the full report (--format html, json or table).`);
  }
  if (rules.length > 0) {
    if (out.length > 0) out.push("");
    out.push("| rule | kind | level | result | findings | source |", "| --- | --- | --- | --- | ---: | --- |");
    for (const x of rules.slice(0, maxFailRows)) {
      const src = x.source ? mdText(x.source.title) : "";
      out.push(`| ${mdCode(x.id)} | ${mdText(x.kind)} | ${x.level} | ${x.checked ? "**fails**" : "not checked"} | ${x.findings} | ${src} |`);
    }
    if (rules.length > maxFailRows) out.push("", `${plural(rules.length - maxFailRows, "more failing rule")} not in this table: see the full report (--format html, json or table).`);
  }
  return out;
}

function pairDetails(p: PairResult, r: AuditResult, ctx: ReportContext): string {
  const title = `❌ ${p.flow !== null ? `${mdText(p.flow)}: ` : ""}${mdText(p.from)} → ${mdText(p.to)} — ${p.verdict}`;
  const out = [`<details><summary>${title}</summary>`, ""];
  const at = pairLocation(p, r);
  if (at) out.push(`At ${mdText(locationText({ ...at, file: displayRepoPath(at.file, ctx.baseDir) }))}. Fails at ${p.failOn}.`, "");
  for (const s of explainPair(p, r)) {
    out.push(`**${mdText(s.title)}**`, "");
    s.lines.forEach((l, i) => {
      out.push(`- ${mdText(l)}`);
      for (const u of s.under?.[i] ?? []) out.push(`  - ${mdText(u)}`);
    });
    out.push("");
  }
  out.push("</details>", "", "");
  return out.join("\n");
}

function findingsSection(findings: Finding[], ctx: ReportContext): string {
  const out = [`<details><summary>Findings (${findings.length})</summary>`, ""];
  for (const f of findings) {
    const mark = f.waived ? `waived by ${mdText(f.waivedBy ?? "a waiver")}` : `**${f.level}**`;
    const where = f.location ? ` (${mdText(locationText({ ...f.location, file: displayRepoPath(f.location.file, ctx.baseDir) }))})` : "";
    const src = f.source ? ` — ${mdText(f.source.title)}${f.source.date ? ` (${mdText(f.source.date)})` : ""}` : "";
    out.push(`- ${mark} ${mdCode(f.rule)}: ${mdText(f.message)}${where}${src}`);
  }
  out.push("", "</details>", "", "");
  return out.join("\n");
}

function passingSection(pairs: PairResult[]): string {
  const out = [`<details><summary>Passing pairs (${pairs.length})</summary>`, ""];
  const withFlow = pairs.some((p) => p.flow !== null);
  out.push(`| ${withFlow ? "flow | " : ""}from | to | verdict |`, `|${withFlow ? " --- |" : ""} --- | --- | --- |`);
  for (const p of pairs) out.push(`| ${withFlow ? `${p.flow !== null ? mdCode(p.flow) : ""} | ` : ""}${mdCode(p.from)} | ${mdCode(p.to)} | ${p.verdict}${p.waivedBy.length ? ` (waived by ${p.waivedBy.map(mdText).join(", ")})` : ""} |`);
  out.push("", "</details>", "", "");
  return out.join("\n");
}
