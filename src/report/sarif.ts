import type { AuditResult, Level } from "../result.js";
import type { SourceLocation } from "../diagnostics.js";
import { type Reporter, type ReportContext, safe } from "./context.js";
import { type CheckDescriptor, collectProblems, fingerprint, type Problem } from "./problems.js";
import { encodePath, repoPath } from "./paths.js";
import { jsonPieces } from "./pieces.js";

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it (docs/ci.md): one run, one rule per check kind,
 * each result at the YAML line of what it is about (1:1 for file-level things, never 0),
 * repository-relative URIs under %SRCROOT%, fingerprints that survive lines moving, and waived
 * findings carried as external suppressions. Results are sorted; the output is byte-stable. In
 * pieces, like the JSON result: one result per finding, and a rule can report one per element.
 */
export const sarif: Reporter = (result, ctx) => jsonPieces(sarifLog(result, ctx));

/** The SARIF log as an object (for tests and for tools that post-process it). */
export function sarifLog(result: AuditResult, ctx: ReportContext): Record<string, unknown> {
  const { checks, problems, unchecked } = collectProblems(result);
  const index = new Map(checks.map((c, i) => [c.id, i]));
  const run: Record<string, unknown> = {
    tool: {
      driver: {
        name: "cleanpath",
        semanticVersion: result.tool.version,
        rules: checks.map(ruleObject),
      },
    },
  };
  if (unchecked.length > 0) {
    run.invocations = [
      {
        executionSuccessful: true,
        toolConfigurationNotifications: unchecked.map((rule) => ({
          descriptor: { id: safe(rule.id) },
          level: "warning",
          message: { text: safe(`Rule ${rule.id} could not be checked: ${rule.description}`) },
          ...(rule.location ? { locations: [location(rule.location, ctx)] } : {}),
        })),
      },
    ];
  }
  run.columnKind = "utf16CodeUnits";
  run.results = problems.map((p) => resultObject(p, index.get(p.check)!, result, ctx));
  run.properties = {
    asOf: result.asOf,
    passed: result.summary.passed,
    pairs: result.summary.pairs,
    failedPairs: result.summary.failedPairs,
    failedRules: result.summary.failedRules,
  };
  return { $schema: "https://json.schemastore.org/sarif-2.1.0.json", version: "2.1.0", runs: [run] };
}

const severity: Record<Level, string> = { error: "error", warning: "warning", note: "recommendation" };

function ruleObject(c: CheckDescriptor): Record<string, unknown> {
  const source = c.source ? `Source: ${c.source.title}${c.source.date ? ` (${c.source.date})` : ""}${c.source.url ? ` — ${c.source.url}` : ""}` : "";
  return {
    id: safe(c.id),
    name: c.name,
    shortDescription: { text: safe(c.short) },
    fullDescription: { text: safe(c.full) },
    help: {
      text: `${safe(c.help)}${source ? `\n\n${safe(source)}` : ""}`,
      markdown: `**${mdEscape(c.short)}**\n\n${mdEscape(c.full)}\n\n${mdEscape(c.help)}${source ? `\n\n${mdEscape(source)}` : ""}`,
    },
    defaultConfiguration: { level: c.level },
    properties: { tags: c.tags, precision: c.precision, "problem.severity": severity[c.level] },
  };
}

/** Rule texts are ours, but policy descriptions are not: keep Markdown from interpreting them. */
function mdEscape(text: string): string {
  return safe(text).replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
}

function resultObject(p: Problem, ruleIndex: number, r: AuditResult, ctx: ReportContext): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ruleId: safe(p.check),
    ruleIndex,
    level: p.level,
    message: { text: safe(p.message) },
  };
  const at = p.location ?? fileLevel(r);
  if (at) out.locations = [location(at, ctx)];
  if (p.related) out.relatedLocations = p.related.map((x, i) => ({ id: i + 1, ...location(x.location, ctx), message: { text: safe(x.message) } }));
  out.partialFingerprints = { "cleanpath/v1": fingerprint(p.identity) };
  if (p.waivedBy !== undefined) out.suppressions = [{ kind: "external", justification: `waived by ${p.waivedBy}` }];
  return out;
}

/** Something with no location of its own is shown at the top of the first input. */
function fileLevel(r: AuditResult): SourceLocation | undefined {
  const first = r.inputs[0];
  return first ? { file: first.file, line: 1, column: 1 } : undefined;
}

function location(loc: SourceLocation, ctx: ReportContext): Record<string, unknown> {
  const p = repoPath(loc.file, ctx.baseDir);
  const artifactLocation =
    "relative" in p ? { uri: encodePath(p.relative), uriBaseId: "%SRCROOT%" } : { uri: `file://${p.absolute.startsWith("/") ? "" : "/"}${encodePath(p.absolute).replace(/^([A-Za-z])%3A/, "$1:")}` };
  return {
    physicalLocation: {
      artifactLocation,
      region: { startLine: Math.max(1, Math.trunc(loc.line) || 1), startColumn: Math.max(1, Math.trunc(loc.column) || 1) },
    },
  };
}
