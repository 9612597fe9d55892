import type { AuditResult, ItemInfo, PairResult, Verdict } from "../result.js";
import type { SourceLocation } from "../diagnostics.js";
import { joinSome, LinksByEnds, notIn, omittedHopsText, riskyLinks, shownHops, thousands } from "./elide.js";

/*
 * Plain-text explanations shared by the CI and client formats. Everything returned here is raw:
 * ids come from the topology and are untrusted, so each format escapes (and strips control
 * characters from) every line it prints. Lines never contain "\n" of our own making.
 */

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** `a`, `a and b`, `a, b and 3 more`: short lists of ids for one-line messages. */
export function listIds(ids: readonly string[], max = 3): string {
  const shown = ids.slice(0, max).map((id) => `\`${id}\``);
  const rest = ids.length - shown.length;
  if (rest > 0) return `${shown.join(", ")} and ${rest} more`;
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
}

/** `flow: a → b`, or `a → b` for an ad-hoc pair. */
export function pairName(p: PairResult): string {
  return `${p.flow !== null ? `${p.flow}: ` : ""}${p.from} → ${p.to}`;
}

/** Risky items on the routed paths (unknown ones included when they count as risky). */
export function routedRisky(p: PairResult): string[] {
  return p.routed ? p.routed.riskyItems : [];
}

/** The items the verdict is about: on the routed paths, after a failure, or anywhere between the ends. */
export function verdictItems(p: PairResult, r: AuditResult): string[] {
  const onRoute = routedRisky(p);
  if (onRoute.length > 0) return onRoute;
  if (p.verdict === "fragile" && p.failover) return [...new Set(p.failover.dirtyAfter.flatMap((d) => d.riskyItems))].sort();
  return p.exposure.items;
}

/** The first item of `wanted` met walking the first routed path from `from` to `to`. */
export function firstOnRoute(p: PairResult, r: AuditResult, wanted: readonly string[]): string | undefined {
  const path = p.routed?.paths[0];
  if (!path || wanted.length === 0) return undefined;
  const want = new Set(wanted);
  // Filtered first: a long path has millions of items, and only the wanted links matter here.
  const links = new LinksByEnds(p.routed!.items.filter((id) => want.has(id)), r);
  for (let k = 1; k < path.length; k++) {
    const l = links.between(path[k - 1]!, path[k]!)[0];
    if (l !== undefined) return l;
    if (k < path.length - 1 && want.has(path[k]!)) return path[k];
  }
  return undefined;
}

/**
 * Where a pair's problem is shown: its flow's declaration when it has one, else the first risky
 * item on its routed path (or, for other verdicts, the first item the verdict is about), else its
 * `from` element.
 */
export function pairLocation(p: PairResult, r: AuditResult): SourceLocation | undefined {
  if (p.location) return p.location;
  const items = verdictItems(p, r);
  const first = firstOnRoute(p, r, items) ?? items.find((id) => r.items[id]?.location);
  const at = first !== undefined ? r.items[first]?.location : undefined;
  return at ?? r.items[p.from]?.location;
}

const sentence: Record<Verdict, (p: PairResult, r: AuditResult) => string> = {
  unreachable: (p) => `no in-service path connects \`${p.from}\` and \`${p.to}\``,
  dirty: (p) => {
    const fix = p.remediation ? `; replacing ${listIds(p.remediation.items)} would open one` : "";
    return `every path from \`${p.from}\` to \`${p.to}\` crosses high-risk equipment: no clean path exists${fix}`;
  },
  "routed-dirty": (p) => {
    const risky = routedRisky(p);
    const alt = p.cleanAlternative && p.routed ? ` (metric ${p.cleanAlternative.metric}, routed ${p.routed.metric})` : "";
    return `the routed path from \`${p.from}\` to \`${p.to}\` crosses ${plural(risky.length, "high-risk item")} (${listIds(risky)}) although a clean path exists${alt}`;
  },
  fragile: (p) => {
    const d = p.failover?.dirtyAfter ?? [];
    const first = d[0];
    const example = first ? `: if \`${first.failed}\`${first.alsoFailed ? ` and \`${first.alsoFailed}\`` : ""} fails, traffic crosses ${listIds(first.riskyItems)}` : "";
    return `the routed paths from \`${p.from}\` to \`${p.to}\` are clean, but ${plural(d.length, "failure")} move${d.length === 1 ? "s" : ""} traffic onto high-risk equipment${example}`;
  },
  exposed: (p) =>
    `routed and failover paths from \`${p.from}\` to \`${p.to}\` are clean, but ${plural(p.exposure.count, "high-risk item")} lie${p.exposure.count === 1 ? "s" : ""} on other paths between them (${listIds(p.exposure.items)})${p.exposure.approximate ? ", over-approximated because of one-way links" : ""}`,
  clean: (p) => `no path between \`${p.from}\` and \`${p.to}\` touches a high-risk item`,
};

/** One sentence: verdict, what it means for this pair, and the threshold it fails. */
export function pairMessage(p: PairResult, r: AuditResult): string {
  const flow = p.flow !== null ? `flow \`${p.flow}\` is ` : "";
  const unknown = p.verdictIfUnknownClean ? ` It would be ${p.verdictIfUnknownClean} if the unknown vendors (${listIds(p.unknownItems)}) were clean.` : "";
  const waived = p.waivedBy.length > 0 ? ` Waived by ${listIds(p.waivedBy)}.` : "";
  return `${flow}${p.verdict} (fails at ${p.failOn}): ${sentence[p.verdict](p, r)}.${unknown}${waived}`;
}

/**
 * `a → [huawei] b → c`, with risky links named on their hop (`risky`: from riskyLinks over the
 * pair's items); a long path as its two ends with the number of hops left out between them.
 */
export function hopText(path: readonly string[], risky: LinksByEnds, r: AuditResult): string {
  const mark = (id: string): string => {
    const it = r.items[id];
    if (!it || it.risk === "clean") return "";
    return `[${it.risk === "unknown" ? "unknown" : (it.reasons[0]?.value ?? "risky")}] `;
  };
  const out: string[] = [];
  for (const h of shownHops(path, risky)) {
    if (h.kind === "gap") {
      out.push(` → ${omittedHopsText(h.omitted)}`);
      continue;
    }
    if (h.index > 0) {
      const more = h.moreLinks > 0 ? ` and ${thousands(h.moreLinks)} more` : "";
      out.push(h.links.length > 0 ? ` ─${h.links.map((l) => ` ${mark(l)}${l}`).join(",")}${more} → ` : " → ");
    }
    out.push((h.inner ? mark(h.id) : "") + h.id);
  }
  return out.join("");
}

/** `vendor huawei — US 5G Clean Path (2020); …` */
export function reasonsText(it: ItemInfo): string {
  return it.reasons
    .map((x) => `${x.kind} ${x.value}${x.via ? ` (${x.via})` : ""} — ${x.source}${x.confidence ? " [unverified]" : ""}`)
    .join("; ");
}

/** `agg-nld (aggregation, Huawei)` */
export function describeItem(id: string, r: AuditResult): string {
  const it = r.items[id];
  if (!it) return id;
  const what = [it.type === "link" ? `link${it.medium ? ` (${it.medium})` : ""}` : it.role, it.vendor].filter(Boolean).join(", ");
  return what ? `${id} (${what})` : id;
}

export function locationText(loc: SourceLocation): string {
  return `${loc.file}:${loc.line}:${loc.column}`;
}

/** A section of an explanation: a heading and its lines. */
export interface ExplainSection {
  title: string;
  lines: string[];
}

/** Everything a reader needs to act on a failing pair, most important first. */
export function explainPair(p: PairResult, r: AuditResult, maxItems = 8): ExplainSection[] {
  const out: ExplainSection[] = [];
  if (!p.reachable || !p.routed) {
    out.push({ title: "Routed path", lines: ["No path connects them in service: check the links and their states."] });
    return out;
  }
  const rp = p.routed;
  const routedLinks = riskyLinks(rp.items, r);
  const more = rp.pathCount > rp.paths.length ? ` (showing ${rp.paths.length})` : "";
  out.push({
    title: `Routed path (metric ${rp.metric}, ${plural(rp.pathCount, "equal-cost path")}${more})`,
    lines: rp.paths.map((path) => hopText(path, routedLinks, r)),
  });
  const itemLine = (id: string): string => {
    const it = r.items[id];
    const why = it ? reasonsText(it) : "";
    return `${describeItem(id, r)}${why ? `: ${why}` : ""}${it ? ` (${locationText(it.location)})` : ""}`;
  };
  const risky = routedRisky(p);
  if (risky.length > 0) out.push({ title: "High-risk items on the routed path", lines: risky.slice(0, maxItems).map(itemLine).concat(moreLine(risky.length, maxItems)) });
  if (p.failover && p.failover.dirtyAfter.length > 0) {
    const d = p.failover.dirtyAfter;
    out.push({
      title: "Failures that move traffic onto high-risk items",
      lines: d
        .slice(0, maxItems)
        .map((x) => `if ${x.failed}${x.alsoFailed ? ` and ${x.alsoFailed}` : ""} fails → ${joinSome(x.riskyItems)}`)
        .concat(moreLine(d.length, maxItems)),
    });
  }
  const offRoute = notIn(p.exposure.items, rp.items);
  if (offRoute.length > 0 && (p.verdict === "exposed" || p.verdict === "fragile")) {
    const total = p.exposure.count - (p.exposure.items.length - offRoute.length);
    out.push({
      title: `High-risk items on other paths between them${p.exposure.approximate ? " (over-approximated: one-way links)" : ""}`,
      lines: offRoute.slice(0, maxItems).map(itemLine).concat(moreLine(total, maxItems)),
    });
  }
  if (p.cleanAlternative) {
    const ca = p.cleanAlternative;
    const delta = ca.metric - rp.metric;
    out.push({ title: `Clean alternative (metric ${ca.metric}${delta > 0 ? `, +${delta}` : ""})`, lines: [hopText(ca.path, riskyLinks(ca.links, r), r)] });
  } else {
    out.push({ title: "Clean alternative", lines: ["None: every path crosses a high-risk item."] });
  }
  const fix = remediationText(p);
  if (fix) out.push({ title: "Remediation", lines: [fix] });
  if (p.verdictIfUnknownClean) {
    out.push({
      title: "Unknown vendors",
      lines: [`Would be ${p.verdictIfUnknownClean} if ${joinSome(p.unknownItems)} were clean: declare their vendors to settle it.`],
    });
  }
  return out;
}

function moreLine(total: number, shown: number): string[] {
  return total > shown ? [`… and ${total - shown} more`] : [];
}

/** What to do about a failing pair, when there is something specific to say. */
export function remediationText(p: PairResult): string | undefined {
  if (p.remediation) {
    const what = p.remediation.measure === "count" ? plural(p.remediation.items.length, "item") : `total replacement cost ${p.remediation.cost}`;
    return `Replace ${joinSome(p.remediation.items)} (${what}) to open a clean path.`;
  }
  if (p.verdict === "routed-dirty" && p.cleanAlternative) return "Route over the clean alternative (raise the routed path's metrics), or replace the high-risk items on it.";
  if (p.verdict === "fragile") return "Add clean redundancy so that no single failure falls back onto high-risk items, or replace them.";
  if (p.verdict === "exposed") return "Remove or replace the high-risk items on the other paths, or accept the exposure with a higher threshold.";
  if (p.verdict === "unreachable") return "Connect the endpoints with in-service links.";
  return undefined;
}
