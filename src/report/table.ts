import type { ChalkInstance } from "chalk";
import type { AuditResult, ItemInfo, PairResult } from "../result.js";
import { formatLocation } from "../diagnostics.js";
import { chalkOf, paintVerdict, type TextReporter, safe } from "./context.js";
import { joinSome, type LinksByEnds, omittedHopsText, riskyLinks, shownHops, thousands } from "./elide.js";
import { diversityText, failedText, offRouteItems } from "./explain.js";
import { highRiskText } from "./designation-text.js";
import { clip, grid, visible, wrap } from "./terminal.js";
import { carriesText, riskyOnlyBelow, underlayLines } from "./underlay.js";

/** Risky items on the routed paths explained one by one; the rest are counted. */
const maxRiskyListed = 20;

/**
 * For a person at a terminal: one row per pair, then, for each failing pair, the routed path
 * hop by hop with the risky items marked and explained, the clean alternative, what failure
 * makes it fragile, and what to replace. Fits 80 columns; colour only when the context allows.
 */
export const table: TextReporter = (result, ctx) => {
  const c = chalkOf(ctx);
  const width = Math.max(60, ctx.width ?? 80);
  const out: string[] = [];
  out.push(header(result, c, width));
  if (result.pairs.length > 0) {
    const shown = ctx.quiet ? result.pairs.filter((p) => !p.passed) : result.pairs;
    if (shown.length > 0) out.push(pairTable(shown, result, c, width));
    for (const p of result.pairs.filter((x) => !x.passed)) out.push(details(p, result, c, width));
  }
  if (result.rules.length > 0) {
    const shown = ctx.quiet ? result.rules.filter((r) => !r.passed || !r.checked) : result.rules;
    if (shown.length > 0) out.push(ruleTable(shown, c, width));
  }
  const findings = result.findings.filter((f) => !ctx.quiet || f.level === "error");
  if (findings.length > 0) {
    out.push(c.bold("Findings"));
    for (const f of findings) {
      const mark = f.waived ? c.dim(`waived by ${safe(f.waivedBy ?? "")}`) : f.level === "error" ? c.red("error") : f.level === "warning" ? c.yellow("warning") : c.dim("note");
      out.push(f.location ? withLocation(wrap(`  ${mark}  ${safe(f.rule)}: ${safe(f.message)}`, width, "      "), formatLocation(f.location), width, "      ", c) : wrap(`  ${mark}  ${safe(f.rule)}: ${safe(f.message)}`, width, "      "));
    }
    out.push("");
  }
  out.push(summaryLine(result, c));
  return out.join("\n") + "\n";
};

function header(r: AuditResult, c: ChalkInstance, width: number): string {
  return [`${c.bold("cleanpath")} ${r.tool.version} · as of ${r.asOf}`, wrap(`High-risk: ${safe(highRiskText(r.designation))}`, width, "  "), ""].join("\n");
}

function pairTable(pairs: readonly PairResult[], r: AuditResult, c: ChalkInstance, width: number): string {
  const withFlow = pairs.some((p) => p.flow !== null);
  const head = [...(withFlow ? ["flow"] : []), "from", "to", "verdict", "metric", "risky"];
  const idWidth = Math.max(8, Math.floor((width - 36) / (withFlow ? 3 : 2)));
  const rows = pairs.map((p) => {
    // riskyItems already holds the unknown items that count as risky.
    const risky = p.routed ? p.routed.riskyItems.length : 0;
    const verdict = paintVerdict(c, p.verdict) + (p.passed ? "" : c.red(" ✗")) + (p.verdictIfUnknownClean ? c.dim("*") : "");
    return [
      ...(withFlow ? [clip(p.flow ?? "", idWidth)] : []),
      clip(p.from, idWidth),
      clip(p.to, idWidth),
      verdict,
      p.routed ? String(p.routed.metric) : "-",
      risky ? c.red(String(risky)) : "0",
    ];
  });
  const notes: string[] = [];
  if (pairs.some((p) => !p.passed)) notes.push(`${c.red("✗")} fails its threshold`);
  if (pairs.some((p) => p.verdictIfUnknownClean)) notes.push("* better if the unknown vendors are clean");
  return grid(head, rows, c) + "\n" + (notes.length ? c.dim(notes.join("   ")) + "\n" : "");
}

function ruleTable(rules: AuditResult["rules"], c: ChalkInstance, width: number): string {
  const idWidth = Math.max(16, width - 44);
  const rows = rules.map((r) => {
    const status = !r.checked ? c.yellow("unchecked") : r.passed ? c.green("passed") : r.level === "error" ? c.red("failed ✗") : c.yellow("warning");
    return [clip(r.id, idWidth), r.kind, status, String(r.findings)];
  });
  return grid(["rule", "kind", "result", "findings"], rows, c) + "\n";
}

/** A marker for risky items: the designated vendor, or "unknown". */
function mark(id: string, r: AuditResult, c: ChalkInstance): string {
  const it = r.items[id];
  if (!it || it.risk === "clean" || riskyOnlyBelow(it)) return "";
  const tag = it.risk === "unknown" ? "unknown" : (it.reasons[0]?.value ?? "risky");
  return it.risk === "high" ? c.red(`[${safe(tag)}]`) : c.yellow(`[${safe(tag)}]`);
}

/**
 * `a → [huawei] b ─[huawei] b--c→ c`: elements in order, risky links on the arrows, wrapped to
 * `width`; a long path as its two ends with a line saying how many hops are left out.
 */
function pathText(path: readonly string[], risky: LinksByEnds, r: AuditResult, c: ChalkInstance, width: number, indent: string): string {
  const lines: string[] = [];
  let parts: string[] = [];
  for (const h of shownHops(path, risky)) {
    if (h.kind === "gap") {
      lines.push(wrapParts(parts, width, indent), `${indent}  ${c.dim(omittedHopsText(h.omitted))}`);
      parts = [];
      continue;
    }
    const m = h.inner ? mark(h.id, r, c) : "";
    const name = r.items[h.id]?.name;
    // Imported networks often have opaque ids ("15"): the name says which place it is.
    const node = (m ? `${m} ` : "") + safe(h.id) + (name !== undefined && name !== h.id ? c.dim(` (${safe(name)})`) : "");
    if (h.index === 0) {
      parts.push(node);
      continue;
    }
    const more = h.moreLinks > 0 ? ` and ${thousands(h.moreLinks)} more` : "";
    const arrow = h.links.length ? `─${h.links.map((l) => `${mark(l, r, c) ? `${mark(l, r, c)} ` : ""}${safe(l)}`).join(", ")}${more}→` : "→";
    parts.push(`${arrow} ${node}`);
  }
  // After a gap the tail starts on a line of its own, indented like the continuation lines.
  if (parts.length > 0) lines.push(lines.length > 0 ? wrapParts(parts, width, `${indent}  `) : wrapParts(parts, width, indent));
  // What the hops rest on, one line each under the path (SPEC §4.1).
  const marked = (id: string): string => {
    const m = mark(id, r, c);
    return `${m ? `${m} ` : ""}${safe(id)}`;
  };
  for (const u of underlayLines(path, risky, r, { hop: safe, below: marked, more: (n) => ` and ${thousands(n)} more` })) {
    const over = u.over.map((x, i) => (i < u.over.length - 1 ? `${x},` : x));
    lines.push(wrapParts([`${c.dim("└")} ${u.head}  `, "over", ...over], width, `${indent}  `));
  }
  return lines.join("\n");
}

function wrapParts(parts: readonly string[], width: number, indent: string): string {
  const lines: string[] = [];
  let line = indent;
  let used = indent.length;
  let empty = true;
  for (const p of parts) {
    const w = visible(p);
    if (!empty && used + 1 + w > width) {
      lines.push(line);
      line = indent + "  " + p;
      used = indent.length + 2 + w;
    } else {
      line += empty ? p : ` ${p}`;
      used += empty ? w : 1 + w;
    }
    empty = false;
  }
  lines.push(line);
  return lines.join("\n");
}

/** `text` then the location, on the same line when it fits. */
function withLocation(text: string, where: string, width: number, indent: string, c: ChalkInstance): string {
  const last = text.split("\n").pop()!;
  return visible(last) + 2 + where.length <= width ? `${text}  ${c.dim(where)}` : `${text}\n${indent}${c.dim(where)}`;
}

function describeItem(id: string, it: ItemInfo | undefined, p: PairResult): string {
  const carries = carriesText(id, p, safe);
  if (!it) return carries ? `${safe(id)} (${carries})` : safe(id);
  const what = [it.type === "link" ? `link${it.medium ? ` (${it.medium})` : ""}` : it.role, it.vendor ? safe(it.vendor) : ""].filter(Boolean).join(", ");
  return `${safe(id)}${it.name !== undefined && it.name !== id ? ` "${safe(it.name)}"` : ""} (${what}${carries ? `; ${carries}` : ""})`;
}

/** `och-gdl-mty (carries ip-gdl-mty)` for a risky underlay item of the pair, else the id. */
function withCarried(id: string, p: PairResult): string {
  const carries = carriesText(id, p, safe);
  return carries ? `${safe(id)} (${carries})` : safe(id);
}

function reasonsLine(it: ItemInfo): string {
  return it.reasons
    .map((r) => `${r.kind} ${safe(r.value)}${r.via ? ` (${safe(r.via)})` : ""} — ${safe(r.source)}${r.confidence ? " [unverified]" : ""}`)
    .join("; ");
}

function details(p: PairResult, r: AuditResult, c: ChalkInstance, width: number): string {
  const out: string[] = [];
  const title = `${c.red("✗")} ${c.bold(`${safe(p.from)} → ${safe(p.to)}`)}  ${paintVerdict(c, p.verdict)} (fails at ${p.failOn})${p.flow ? c.dim(`  flow ${safe(p.flow)}`) : ""}`;
  out.push(title);
  if (!p.reachable || !p.routed) {
    out.push("  No path connects them in service: check the links and their states.");
    return out.join("\n") + "\n";
  }
  const rp = p.routed;
  const more = rp.pathCount > rp.paths.length ? ` (showing ${rp.paths.length})` : "";
  out.push(`  Routed (metric ${rp.metric}, ${rp.pathCount} equal-cost path${rp.pathCount === 1 ? "" : "s"}${more}):`);
  const routedLinks = riskyLinks(rp.items, r);
  for (const path of rp.paths) out.push(pathText(path, routedLinks, r, c, width, "    "));
  // riskyItems already holds the unknown items that count; under `clean` they are listed apart.
  const counted = new Set(rp.riskyItems);
  const countedClean = rp.unknownItems.filter((id) => !counted.has(id));
  for (const [title, list] of [["Risky on the routed paths:", rp.riskyItems], ["Of unknown vendor on the routed paths (counted clean):", countedClean]] as const) {
    if (list.length === 0) continue;
    out.push(`  ${title}`);
    for (const id of list.slice(0, maxRiskyListed)) {
      const it = r.items[id];
      const line = wrap(`    ${c.red("•")} ${describeItem(id, it, p)}: ${it ? reasonsLine(it) : ""}`, width, "      ");
      out.push(it ? withLocation(line, formatLocation(it.location), width, "      ", c) : line);
    }
    if (list.length > maxRiskyListed) out.push(`    … and ${thousands(list.length - maxRiskyListed)} more (see --format json)`);
  }
  if (p.cleanAlternative) {
    const ca = p.cleanAlternative;
    const delta = ca.metric - rp.metric;
    out.push(`  Clean alternative (metric ${ca.metric}${delta > 0 ? `, +${delta}` : ""}):`);
    out.push(pathText(ca.path, riskyLinks(ca.links, r), r, c, width, "    "));
  } else {
    out.push(`  ${c.red("No clean path exists")}: every path crosses a risky item.`);
  }
  const offRoute = offRouteItems(p);
  if (offRoute.length > 0) {
    const total = p.exposure.count - (p.exposure.items.length - offRoute.length);
    out.push(`  Risky items on other paths between them${p.exposure.approximate ? " (over-approximated: one-way links)" : ""}: ${total}`);
    for (const id of offRoute.slice(0, 8)) {
      const it = r.items[id];
      const line = wrap(`    ${c.yellow("•")} ${describeItem(id, it, p)}: ${it ? reasonsLine(it) : ""}`, width, "      ");
      out.push(it ? withLocation(line, formatLocation(it.location), width, "      ", c) : line);
    }
    if (total > 8) out.push(`    … and ${total - 8} more (see --format json)`);
  }
  if (p.failover && p.failover.dirtyAfter.length > 0) {
    out.push("  Fragile: a single failure moves traffic onto risky items:");
    const failedName = failedText(p, r);
    for (const d of p.failover.dirtyAfter.slice(0, 5)) {
      const failed = d.alsoFailed ? `${safe(failedName(d.failed))} and ${safe(failedName(d.alsoFailed))}` : safe(failedName(d.failed));
      out.push(wrap(`    if ${failed} fails → ${joinSome(d.riskyItems, (id) => withCarried(id, p))}`, width, "      "));
    }
    if (p.failover.dirtyAfter.length > 5) out.push(`    … and ${p.failover.dirtyAfter.length - 5} more`);
  }
  if (p.remediation) {
    const what = p.remediation.measure === "count" ? `${p.remediation.items.length} item${p.remediation.items.length === 1 ? "" : "s"}` : `total replacement cost ${p.remediation.cost}`;
    out.push(wrap(`  To fix: replace ${joinSome(p.remediation.items, safe)} (${what}${p.remediation.approximate ? "; not proven minimal" : ""}) to open a clean path.`, width, "    "));
  } else if (p.verdict === "routed-dirty" && p.cleanAlternative) {
    out.push(wrap("  To fix: route over the clean alternative (raise the routed path's metrics), or replace the risky items on it.", width, "    "));
  }
  if (p.diversityApproximate) out.push(wrap(`  Diversity: ${diversityText(p)}`, width, "    "));
  if (p.verdictIfUnknownClean) {
    out.push(c.dim(`  Would be ${p.verdictIfUnknownClean} if the unknown vendors (${joinSome(p.unknownItems, safe)}) were clean: declare them to settle it.`));
  }
  return out.join("\n") + "\n";
}

function summaryLine(r: AuditResult, c: ChalkInstance): string {
  const s = r.summary;
  const parts: string[] = [];
  if (s.pairs > 0) {
    const by = Object.entries(s.byVerdict)
      .map(([v, n]) => `${n} ${v}`)
      .join(", ");
    parts.push(`${s.pairs} pair${s.pairs === 1 ? "" : "s"} (${by})`);
  }
  if (r.rules.length > 0) parts.push(`${r.rules.length} rule${r.rules.length === 1 ? "" : "s"}`);
  const failed = s.failedPairs + s.failedRules;
  const verdict = s.passed ? c.green("passed") : c.red(`failed: ${[s.failedPairs ? `${s.failedPairs} pair${s.failedPairs === 1 ? "" : "s"}` : "", s.failedRules ? `${s.failedRules} rule${s.failedRules === 1 ? "" : "s"}` : ""].filter(Boolean).join(", ")}`);
  return `${parts.join(", ")}${parts.length ? " — " : ""}${failed || !s.passed ? verdict : verdict}`;
}
