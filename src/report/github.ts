import type { AuditResult, Level } from "../result.js";
import type { TextReporter } from "./context.js";
import { safe } from "./context.js";
import { plural } from "./explain.js";
import { displayRepoPath } from "./paths.js";
import { collectProblems, compareBySeverity, type Problem } from "./problems.js";

/** GitHub shows at most 10 annotations per level and step and drops the rest silently. */
export const maxAnnotationsPerLevel = 10;

const command: Record<Level, string> = { error: "error", warning: "warning", note: "notice" };

/** Escapes a workflow command's message the way @actions/core does (`%` first). */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a workflow command's property value: as a message, plus `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/**
 * GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` annotation per problem,
 * errors first, at most 10 per level plus one notice saying how many more there are, then one
 * plain summary line for the log. Untrusted text is stripped of control characters and escaped,
 * so no id can end a command early or start one of its own. Waived findings are not annotated.
 */
export const github: TextReporter = (result, ctx) => {
  const { problems, unchecked } = collectProblems(result);
  const shown = problems.filter((p) => p.waivedBy === undefined).sort(compareBySeverity);
  for (const rule of unchecked) {
    const p: Problem = { check: rule.id, level: "warning", message: `Rule \`${rule.id}\` could not be checked: ${rule.description}`, title: `rule ${rule.id} not checked`, identity: [rule.id] };
    if (rule.location) p.location = rule.location;
    shown.push(p);
  }
  shown.sort(compareBySeverity);
  const lines: string[] = [];
  const dropped: Record<Level, number> = { error: 0, warning: 0, note: 0 };
  const used: Record<Level, number> = { error: 0, warning: 0, note: 0 };
  for (const p of shown) {
    if (used[p.level] >= maxAnnotationsPerLevel) {
      dropped[p.level]++;
      continue;
    }
    used[p.level]++;
    lines.push(annotation(p, ctx.baseDir));
  }
  const more = (["error", "warning", "note"] as const).filter((l) => dropped[l] > 0).map((l) => plural(dropped[l], l === "note" ? "notice" : l));
  if (more.length > 0) {
    lines.push(`::notice title=${escapeProperty("cleanpath: more problems")}::${escapeData(`${more.join(", ")} more not shown as annotations (GitHub shows 10 per level): see the full report (--format sarif or table).`)}`);
  }
  lines.push(summary(result));
  return lines.join("\n") + "\n";
};

function annotation(p: Problem, baseDir: string | undefined): string {
  const props: string[] = [];
  if (p.location) {
    props.push(`file=${escapeProperty(safe(displayRepoPath(p.location.file, baseDir)))}`);
    props.push(`line=${Math.max(1, p.location.line)}`, `col=${Math.max(1, p.location.column)}`);
  }
  props.push(`title=${escapeProperty(safe(`cleanpath ${p.title}`))}`);
  // Annotations have one location: the others are named in the message.
  const related = p.related ? ` See: ${p.related.map((x) => `${x.message} (${displayRepoPath(x.location.file, baseDir)}:${x.location.line}:${x.location.column})`).join("; ")}.` : "";
  return `::${command[p.level]} ${props.join(",")}::${escapeData(safe(p.message + related))}`;
}

/** A plain line for the log (it starts with a word, never with `::`). */
function summary(r: AuditResult): string {
  const s = r.summary;
  const parts = [plural(s.pairs, "pair"), `${s.failedPairs} failing`];
  if (r.rules.length > 0) parts.push(`${plural(r.rules.length, "rule")}, ${s.failedRules} failing`);
  const f = s.findings;
  if (f.error + f.warning + f.note > 0) parts.push(`findings: ${f.error} error, ${f.warning} warning, ${f.note} note${f.waived ? `, ${f.waived} waived` : ""}`);
  return `cleanpath: ${s.passed ? "passed" : "failed"} (${parts.join("; ")})`;
}
