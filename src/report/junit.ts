import { findingFails } from "../decide.js";
import type { AuditResult, Finding, PairResult, RuleResult } from "../result.js";
import type { SourceLocation } from "../diagnostics.js";
import { type ReportContext, type TextReporter, safe } from "./context.js";
import { explainPair, locationText, pairLocation, pairMessage, pairName } from "./explain.js";
import { displayRepoPath } from "./paths.js";
import { compareText } from "./problems.js";

/** Characters XML 1.0 forbids (ESC from ANSI colours, NUL…): Jenkins rejects a file holding one. */
const illegal = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text for an XML attribute or element: illegal characters removed, `& < > " '` escaped. */
export function xmlText(text: string): string {
  return text.replace(illegal, "").replace(/[&<>"']/g, (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos" }[c]};`);
}

/** An attribute: control characters (line breaks too) stripped first, as CI pages show them on one line. */
function attr(text: string): string {
  return xmlText(safe(text));
}

/** Element text: each line stripped of control characters, so an id never breaks a line. */
function body(lines: readonly string[]): string {
  return xmlText(lines.map(safe).join("\n"));
}

interface Case {
  classname: string;
  name: string;
  location?: SourceLocation;
  outcome?: { tag: "failure" | "error"; type: string; message: string; body: string[] };
}

/**
 * JUnit XML for Jenkins and GitLab: a suite of pairs (one testcase per pair, named by flow, from
 * and to) and a suite of rules (one per policy rule, and one per built-in check that reported
 * something). A failing pair or rule has a `<failure>` with the explanation; a rule that could
 * not be checked has an `<error>`. Nothing is ever skipped, and every time is 0: the result
 * carries no timings, and outputs stay byte-stable.
 */
export const junit: TextReporter = (result, ctx) => {
  const suites = [
    { name: "cleanpath pairs", cases: uniqueNames(result.pairs.map((p) => pairCase(p, result, ctx))) },
    { name: "cleanpath rules", cases: uniqueNames(ruleCases(result, ctx)) },
  ];
  const count = (cases: Case[], tag: "failure" | "error") => cases.filter((c) => c.outcome?.tag === tag).length;
  const all = suites.flatMap((s) => s.cases);
  const stamp = result.generatedAt.replace(/Z$/, "");
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(`<testsuites name="cleanpath" tests="${all.length}" failures="${count(all, "failure")}" errors="${count(all, "error")}" skipped="0" time="0">`);
  for (const s of suites) {
    out.push(
      `  <testsuite name="${attr(s.name)}" tests="${s.cases.length}" failures="${count(s.cases, "failure")}" errors="${count(s.cases, "error")}" skipped="0" time="0" timestamp="${attr(stamp)}">`,
    );
    for (const c of s.cases) out.push(...caseXml(c, ctx));
    out.push("  </testsuite>");
  }
  out.push("</testsuites>");
  return out.join("\n") + "\n";
};

function caseXml(c: Case, ctx: ReportContext): string[] {
  const where = c.location ? ` file="${attr(displayRepoPath(c.location.file, ctx.baseDir))}" line="${Math.max(1, c.location.line)}"` : "";
  const head = `    <testcase classname="${attr(c.classname)}" name="${attr(c.name)}"${where} time="0"`;
  if (!c.outcome) return [`${head}/>`];
  const o = c.outcome;
  return [`${head}>`, `      <${o.tag} type="${attr(o.type)}" message="${attr(o.message)}">${body(o.body)}</${o.tag}>`, "    </testcase>"];
}

/** GitLab keeps only the first of testcases with the same name: make every name unique. */
function uniqueNames(cases: Case[]): Case[] {
  const seen = new Map<string, number>();
  for (const c of cases) {
    const key = `${c.classname}\u0000${c.name}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n > 1) c.name = `${c.name} #${n}`;
  }
  return cases;
}

function pairCase(p: PairResult, r: AuditResult, ctx: ReportContext): Case {
  const c: Case = { classname: p.flow ?? "pairs", name: pairName(p) };
  const at = pairLocation(p, r);
  if (at) c.location = at;
  if (!p.passed) {
    const lines = [pairMessage(p, r), ...(at ? [`at ${where(at, ctx)}`] : [])];
    for (const s of explainPair(p, r)) lines.push("", `${s.title}:`, ...s.lines.flatMap((l, i) => [`  ${l}`, ...(s.under?.[i] ?? []).map((u) => `    ${u}`)]));
    c.outcome = { tag: "failure", type: p.verdict, message: pairMessage(p, r), body: lines };
  }
  return c;
}

function where(loc: SourceLocation, ctx: ReportContext): string {
  return locationText({ ...loc, file: displayRepoPath(loc.file, ctx.baseDir) });
}

function findingLine(f: Finding, ctx: ReportContext): string {
  const mark = f.waived ? `waived by ${f.waivedBy ?? "a waiver"}` : f.level;
  return `${mark}: ${f.message}${f.location ? ` (${where(f.location, ctx)})` : ""}`;
}

function ruleCases(r: AuditResult, ctx: ReportContext): Case[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of r.findings) {
    const list = byRule.get(f.rule);
    if (list) list.push(f);
    else byRule.set(f.rule, [f]);
  }
  const cases: Case[] = r.rules.map((rule) => ruleCase(rule, byRule.get(rule.id) ?? [], ctx));
  // Built-in checks (risky-endpoint…) have no rule entry: one testcase each, failing as decide() fails the run.
  const declared = new Set(r.rules.map((x) => x.id));
  for (const id of [...byRule.keys()].filter((k) => !declared.has(k)).sort(compareText)) {
    const list = byRule.get(id)!;
    const c: Case = { classname: "checks", name: id };
    const failing = list.filter((f) => findingFails(f, r.summary.failOnLevel ?? "error"));
    if (failing.length > 0) {
      c.outcome = { tag: "failure", type: id, message: failing[0]!.message, body: list.map((f) => findingLine(f, ctx)) };
    }
    cases.push(c);
  }
  return cases;
}

function ruleCase(rule: RuleResult, findings: Finding[], ctx: ReportContext): Case {
  const c: Case = { classname: `rules.${rule.kind}`, name: rule.id };
  if (rule.location) c.location = rule.location;
  const source = rule.source ? [`Source: ${rule.source.title}${rule.source.date ? ` (${rule.source.date})` : ""}${rule.source.url ? ` ${rule.source.url}` : ""}`] : [];
  if (!rule.checked) {
    c.outcome = { tag: "error", type: "not-checked", message: `could not be checked: ${rule.description}`, body: [rule.description, ...source] };
  } else if (!rule.passed) {
    const lines = [rule.description, ...source, "", ...findings.map((f) => findingLine(f, ctx))];
    c.outcome = { tag: "failure", type: rule.kind, message: `${rule.id} fails: ${rule.description}`, body: lines };
  }
  return c;
}
