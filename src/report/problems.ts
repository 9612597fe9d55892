import { createHash } from "node:crypto";
import { type AuditResult, atOrWorse, type Citation, type Finding, type Level, type PairResult, type RuleResult, type Verdict, verdicts } from "../result.js";
import type { SourceLocation } from "../diagnostics.js";
import { carriedItems, listIds, pairLocation, pairMessage, pairName, underlayCause } from "./explain.js";

/** What one kind of check is, for SARIF's rule list and for help texts. */
export interface CheckDescriptor {
  id: string;
  /** PascalCase, as SARIF viewers show it. */
  name: string;
  short: string;
  full: string;
  help: string;
  level: Level;
  tags: string[];
  precision: "very-high" | "high" | "medium";
  source?: Citation;
}

/** One thing a CI system should show: a failing pair, a finding, or a failing rule without findings. */
export interface Problem {
  check: string;
  level: Level;
  /** One line, raw (untrusted ids included): each format escapes it. */
  message: string;
  /** Short title for annotations. */
  title: string;
  location?: SourceLocation;
  /** What identifies it across runs (never line numbers): check id, flow, item ids. */
  identity: string[];
  /** Set when a waiver accepts it. */
  waivedBy?: string;
  /**
   * Other places that explain it: for a result at a risky underlay item, the path items it carries
   * and the flow's declaration (SPEC §4.1). Absent otherwise.
   */
  related?: { location: SourceLocation; message: string }[];
}

const verdictText: Record<Verdict, { short: string; full: string; help: string }> = {
  unreachable: {
    short: "No path connects the endpoints.",
    full: "No in-service path connects the two endpoints of a flow, so its traffic cannot be carried at all.",
    help: "Check the links between the endpoints and their states (planned or decommissioned items are left out), and the endpoint ids of the flow.",
  },
  dirty: {
    short: "Every path between the endpoints crosses high-risk equipment.",
    full: "No clean path exists: every simple path between the endpoints crosses at least one item from a designated high-risk vendor (or of unknown vendor, when unknown counts as risky).",
    help: "Replace the items the remediation lists: they are the fewest (or cheapest) whose replacement opens a clean path.",
  },
  "routed-dirty": {
    short: "The routed path crosses high-risk equipment although a clean path exists.",
    full: "The minimum-metric (ECMP) paths the traffic takes cross high-risk equipment, while a clean path between the same endpoints exists.",
    help: "Steer the traffic onto the clean alternative (raise the metrics of the routed path), or replace the high-risk items on the routed path.",
  },
  fragile: {
    short: "One failure moves traffic onto high-risk equipment.",
    full: "The routed paths are clean, but after a single failure (or pair of failures, with --failures 2) of an item on them, the re-routed paths cross high-risk equipment.",
    help: "Add clean redundancy so that no failure falls back onto high-risk items, or replace the items the failover analysis lists.",
  },
  exposed: {
    short: "Some path between the endpoints crosses high-risk equipment.",
    full: "Routed and failover paths are clean, but some simple path between the endpoints crosses a high-risk item: a routing change could expose the traffic.",
    help: "Replace or isolate the high-risk items on the other paths, or accept the exposure by setting the flow's failOn to a worse verdict.",
  },
  clean: {
    short: "The flow's threshold fails even a clean verdict.",
    full: "No path between the endpoints touches a high-risk item, but the flow's failOn is `clean`, which fails every pair.",
    help: "Set failOn to a verdict worse than clean (routed-dirty is the default).",
  },
};

const builtinText: Record<string, { short: string; full: string; help: string }> = {
  "risky-endpoint": {
    short: "An endpoint of a flow is itself high-risk equipment.",
    full: "Path verdicts leave the endpoints out (a flow between two places is judged on what lies between them), so a high-risk endpoint is reported on its own.",
    help: "Replace the endpoint, or waive it with a reason if it is accepted.",
  },
  "waiver-expired": {
    short: "A waiver has expired.",
    full: "A waiver in the policy is past its expiry date and no longer accepts what it covered.",
    help: "Renew the waiver with a new expiry date and reason, or fix what it covered.",
  },
};

const kindHelp: Record<string, string> = {
  forbid: "High-risk equipment is not allowed where this rule says. Replace the items listed or move the function elsewhere.",
  cap: "The share of high-risk equipment is over the cap. Replace enough of the items listed to bring the share under it.",
  diversity: "One vendor's share is over the limit. Bring in equipment from other vendors until the share is under it.",
  deadline: "High-risk equipment must be gone by the deadline. Replace the items listed before that day.",
  noNewAfter: "No high-risk equipment may be installed after the date. Replace the items listed, or correct their install dates.",
};

export const pairCheckId = (v: Verdict): string => `pair-${v}`;

function pascal(id: string): string {
  const words = id.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
  return /^[A-Za-z]/.test(name) ? name : `Rule${name}`;
}

function citationText(c: Citation): string {
  return `${c.title}${c.date ? ` (${c.date})` : ""}${c.confidence ? " [unverified]" : ""}`;
}

function ruleDescriptor(id: string, rule: RuleResult | undefined, findings: readonly Finding[]): CheckDescriptor {
  const builtin = builtinText[id];
  const kind = rule?.kind ?? findings[0]?.kind ?? id;
  const source = rule?.source ?? findings.find((f) => f.source)?.source;
  const level: Level = rule?.level ?? (findings.some((f) => f.level === "error") ? "error" : findings.some((f) => f.level === "warning") ? "warning" : "note");
  const description = rule?.description?.trim();
  const short = builtin?.short ?? (description ? firstSentence(description) : `Placement rule ${id} (${kind}).`);
  const full = builtin?.full ?? `${description ? ensurePeriod(description) : `Placement rule ${id} of kind ${kind} from the policy.`}${source ? ` Source: ${citationText(source)}.` : ""}`;
  const help = builtin?.help ?? kindHelp[kind] ?? "See the finding's message and the rule in the policy file.";
  const out: CheckDescriptor = { id, name: pascal(id), short, full, help, level, tags: builtin ? ["clean-path"] : ["policy", kind], precision: "high" };
  if (source) out.source = source;
  return out;
}

function firstSentence(text: string): string {
  const m = /^(.*?[.!?])(\s|$)/s.exec(text);
  return ensurePeriod(m ? m[1]! : text);
}

function ensurePeriod(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** The checks that appear in the result and what each reports, sorted by check id. */
export function collectProblems(r: AuditResult): { checks: CheckDescriptor[]; problems: Problem[]; unchecked: RuleResult[] } {
  const checks = new Map<string, CheckDescriptor>();
  const problems: Problem[] = [];
  for (const p of r.pairs) {
    // A waived pair passes but is still shown (as suppressed), so that the waiver stays visible.
    if (p.passed && !(p.waivedBy.length > 0 && atOrWorse(p.verdict, p.failOn))) continue;
    const id = pairCheckId(p.verdict);
    if (!checks.has(id)) {
      const t = verdictText[p.verdict];
      checks.set(id, { id, name: pascal(id), ...t, level: "error", tags: ["clean-path", "verdict"], precision: "very-high" });
    }
    problems.push(pairProblem(p, r, id));
  }
  const rulesById = new Map(r.rules.map((x) => [x.id, x]));
  const findingsByRule = new Map<string, Finding[]>();
  for (const f of r.findings) {
    const list = findingsByRule.get(f.rule) ?? [];
    list.push(f);
    findingsByRule.set(f.rule, list);
  }
  for (const [id, list] of findingsByRule) {
    if (!checks.has(id)) checks.set(id, ruleDescriptor(id, rulesById.get(id), list));
    for (const f of list) problems.push(findingProblem(f));
  }
  for (const rule of r.rules) {
    if (rule.passed || !rule.checked || findingsByRule.has(rule.id)) continue;
    if (!checks.has(rule.id)) checks.set(rule.id, ruleDescriptor(rule.id, rule, []));
    const pr: Problem = { check: rule.id, level: rule.level, message: `Rule \`${rule.id}\` fails: ${rule.description}`, title: `rule ${rule.id} fails`, identity: [rule.id] };
    if (rule.location) pr.location = rule.location;
    problems.push(pr);
  }
  return {
    checks: [...checks.values()].sort((a, b) => compareText(a.id, b.id)),
    problems: problems.sort(compareProblems),
    unchecked: r.rules.filter((x) => !x.checked),
  };
}

function pairProblem(p: PairResult, r: AuditResult, check: string): Problem {
  const out: Problem = {
    check,
    level: "error",
    message: pairMessage(p, r),
    title: `${p.verdict}: ${pairName(p)}`,
    identity: [check, p.flow ?? "", p.from, p.to],
  };
  const at = pairLocation(p, r);
  if (at) out.location = at;
  if (p.passed && p.waivedBy.length > 0) out.waivedBy = p.waivedBy.join(", ");
  const related = underlayRelated(p, r);
  if (related.length > 0) out.related = related;
  return out;
}

/** Carried items shown beside a result at an underlay item, at most this many. */
const maxRelated = 10;

/** The path items the risky underlay item carries, and the flow, when the result sits at that item. */
function underlayRelated(p: PairResult, r: AuditResult): { location: SourceLocation; message: string }[] {
  const cause = underlayCause(p, r);
  if (cause === undefined || r.items[cause]?.location === undefined) return [];
  const out: { location: SourceLocation; message: string }[] = [];
  for (const id of carriedItems(p, cause).slice(0, maxRelated)) {
    const loc = r.items[id]?.location;
    if (loc) out.push({ location: loc, message: `\`${id}\` rides on \`${cause}\`` });
  }
  if (p.location) out.push({ location: p.location, message: `flow \`${p.flow ?? pairName(p)}\` is declared here` });
  return out;
}

function findingProblem(f: Finding): Problem {
  const out: Problem = {
    check: f.rule,
    level: f.level,
    message: ensurePeriod(f.message) + (f.source ? ` Source: ${citationText(f.source)}.` : ""),
    title: `${f.rule}${f.items.length ? `: ${listIds(f.items, 2).replace(/`/g, "")}` : ""}`,
    identity: [f.rule, ...[...f.items].sort()],
  };
  if (f.location) out.location = f.location;
  if (f.waived) out.waivedBy = f.waivedBy ?? "a waiver";
  return out;
}

const levelRank: Record<Level, number> = { error: 0, warning: 1, note: 2 };

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** File, line, column, check, identity: the order STYLE.md asks of findings. */
export function compareProblems(a: Problem, b: Problem): number {
  const fa = a.location?.file ?? "\uffff";
  const fb = b.location?.file ?? "\uffff";
  return (
    compareText(fa, fb) ||
    (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
    (a.location?.column ?? 0) - (b.location?.column ?? 0) ||
    compareText(a.check, b.check) ||
    compareText(a.identity.join("\u0000"), b.identity.join("\u0000"))
  );
}

/** Severity first (errors, warnings, notes), then the usual order. */
export function compareBySeverity(a: Problem, b: Problem): number {
  return levelRank[a.level] - levelRank[b.level] || compareProblems(a, b);
}

/** A stable identity hash: the same problem keeps it when lines move. */
export function fingerprint(identity: readonly string[]): string {
  return createHash("sha256").update(identity.join("\u0000")).digest("hex").slice(0, 32);
}

/** Verdicts worst first, for summaries. */
export function verdictCounts(r: AuditResult): [Verdict, number][] {
  return verdicts.filter((v) => (r.summary.byVerdict[v] ?? 0) > 0).map((v) => [v, r.summary.byVerdict[v]!]);
}
