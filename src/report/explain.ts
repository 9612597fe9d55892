import type { AuditResult, ItemInfo, PairResult, Verdict } from "../result.js";
import type { SourceLocation } from "../diagnostics.js";
import { joinSome, LinksByEnds, notIn, omittedHopsText, riskyLinks, shownHops, thousands } from "./elide.js";
import { carriesText, closureOf, riskyOnlyBelow, routedCarriers, underlayLines, underlayLineText } from "./underlay.js";

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
 * Where a pair's problem is shown: the risky underlay item the verdict is about when there is one
 * (SPEC §4.1: at its line, whatever declared the flow), else its flow's declaration when it has one, else the first risky
 * item on its routed path (or, for other verdicts, the first item the verdict is about), else its
 * `from` element.
 */
export function pairLocation(p: PairResult, r: AuditResult): SourceLocation | undefined {
  const cause = underlayCause(p, r);
  const below = cause !== undefined ? r.items[cause]?.location : undefined;
  if (below) return below;
  if (p.location) return p.location;
  const items = verdictItems(p, r);
  const first = firstOnRoute(p, r, items) ?? items.find((id) => r.items[id]?.location);
  const at = first !== undefined ? r.items[first]?.location : undefined;
  return at ?? r.items[p.from]?.location;
}

/**
 * The risky underlay item a pair's problem is shown at (SPEC §4.1), when the verdict is about one:
 * the first listed one under the first routed item that rests on one, else the first listed.
 */
export function underlayCause(p: PairResult, r: AuditResult): string | undefined {
  const via = p.via;
  if (via === undefined) return undefined;
  const items = verdictItems(p, r).filter((id) => Object.hasOwn(via, id));
  if (items.length === 0) return undefined;
  const wanted = new Set(items);
  const carrier = firstOnRoute(p, r, [...new Set(items.flatMap((id) => via[id]!))]);
  const under = carrier !== undefined ? closureOf(carrier, r).find((x) => wanted.has(x)) : undefined;
  return under ?? items[0];
}

/** The path items the underlay item `id` carries for this pair (what SARIF shows as related locations). */
export function carriedItems(p: PairResult, id: string): readonly string[] {
  return p.via?.[id] ?? [];
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
  return `${flow}${p.verdict} (fails at ${p.failOn}): ${sentence[p.verdict](p, r)}.${viaSentence(p)}${unknown}${waived}`;
}

/** ` Underlay: `och-gdl-mty` carries `ip-gdl-mty`; …` for the first few risky underlay items of the pair, or "". */
function viaSentence(p: PairResult, max = 3): string {
  if (p.via === undefined) return "";
  const entries = Object.keys(p.via).sort();
  if (entries.length === 0) return "";
  const shown = entries.slice(0, max).map((id) => `\`${id}\` carries ${listIds(p.via![id]!)}`);
  return ` Underlay: ${shown.join("; ")}${entries.length > max ? `; and ${entries.length - max} more` : ""}.`;
}

/**
 * `a → [huawei] b → c`, with risky links named on their hop (`risky`: from riskyLinks over the
 * pair's items); a long path as its two ends with the number of hops left out between them.
 */
export function hopText(path: readonly string[], risky: LinksByEnds, r: AuditResult): string {
  const mark = (id: string): string => markOf(id, r);
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

/**
 * `[huawei] ` for a risky item, `[unknown] ` for one of unknown vendor, "" otherwise, and "" for
 * one designated only by what it rests on: its underlay line marks the items below it.
 */
function markOf(id: string, r: AuditResult): string {
  const it = r.items[id];
  if (!it || it.risk === "clean" || riskyOnlyBelow(it)) return "";
  return `[${it.risk === "unknown" ? "unknown" : (it.reasons[0]?.value ?? "risky")}] `;
}

/**
 * The hops of `path` that rest on an underlay, one line each, with what they rest on:
 * `core-gdl ─ip-gdl-mty→ core-mty   over [huawei] och-gdl-mty, oadm-mty` (SPEC §4.1).
 */
export function underlayText(path: readonly string[], risky: LinksByEnds, r: AuditResult): string[] {
  return underlayLines(path, risky, r, { hop: (id) => id, below: (id) => `${markOf(id, r)}${id}`, more: (n) => ` and ${thousands(n)} more` }).map(underlayLineText);
}

/** `och-gdl-mty (carries ip-gdl-mty)` for a risky underlay item of the pair, else the id. */
export function withCarried(id: string, p: PairResult): string {
  const c = carriesText(id, p);
  return c ? `${id} (${c})` : id;
}

/** `vendor huawei — US 5G Clean Path (2020); …` */
export function reasonsText(it: ItemInfo): string {
  return it.reasons
    .map((x) => `${x.kind} ${x.value}${x.via ? ` (${x.via})` : ""} — ${x.source}${x.confidence ? " [unverified]" : ""}`)
    .join("; ");
}

/** `agg-nld (aggregation, Huawei)`; with the pair, an underlay item says what it carries: `och-gdl-mty (link (optical), Huawei; carries ip-gdl-mty)`. */
export function describeItem(id: string, r: AuditResult, p?: PairResult): string {
  const it = r.items[id];
  const carries = p ? carriesText(id, p) : "";
  if (!it) return carries ? `${id} (${carries})` : id;
  const what = [it.type === "link" ? `link${it.medium ? ` (${it.medium})` : ""}` : it.role, it.vendor].filter(Boolean).join(", ");
  const all = [what, carries].filter(Boolean).join("; ");
  return all ? `${id} (${all})` : id;
}

export function locationText(loc: SourceLocation): string {
  return `${loc.file}:${loc.line}:${loc.column}`;
}

/** A section of an explanation: a heading and its lines. */
export interface ExplainSection {
  title: string;
  lines: string[];
  /** Lines shown under line i (indented, or as a nested list): the underlay of a path's hops. Absent when none has any. */
  under?: string[][];
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
  out.push(
    withUnder(
      { title: `Routed path (metric ${rp.metric}, ${plural(rp.pathCount, "equal-cost path")}${more})`, lines: rp.paths.map((path) => hopText(path, routedLinks, r)) },
      rp.paths.map((path) => underlayText(path, routedLinks, r)),
    ),
  );
  const itemLine = (id: string): string => {
    const it = r.items[id];
    const why = it ? reasonsText(it) : "";
    return `${describeItem(id, r, p)}${why ? `: ${why}` : ""}${it ? ` (${locationText(it.location)})` : ""}`;
  };
  const risky = routedRisky(p);
  if (risky.length > 0) out.push({ title: "High-risk items on the routed path", lines: risky.slice(0, maxItems).map(itemLine).concat(moreLine(risky.length, maxItems)) });
  if (p.failover && p.failover.dirtyAfter.length > 0) {
    const d = p.failover.dirtyAfter;
    const failed = failedText(p, r);
    out.push({
      title: "Failures that move traffic onto high-risk items",
      lines: d
        .slice(0, maxItems)
        .map((x) => `if ${failed(x.failed)}${x.alsoFailed ? ` and ${failed(x.alsoFailed)}` : ""} fails → ${joinSome(x.riskyItems, (id) => withCarried(id, p))}`)
        .concat(moreLine(d.length, maxItems)),
    });
  }
  const offRoute = offRouteItems(p);
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
    const links = riskyLinks(ca.links, r);
    out.push(withUnder({ title: `Clean alternative (metric ${ca.metric}${delta > 0 ? `, +${delta}` : ""})`, lines: [hopText(ca.path, links, r)] }, [underlayText(ca.path, links, r)]));
  } else {
    out.push({ title: "Clean alternative", lines: ["None: every path crosses a high-risk item."] });
  }
  const fix = remediationText(p);
  if (fix) out.push({ title: "Remediation", lines: [fix] });
  if (p.diversityApproximate) out.push({ title: "Diversity", lines: [diversityText(p)] });
  if (p.verdictIfUnknownClean) {
    out.push({
      title: "Unknown vendors",
      lines: [`Would be ${p.verdictIfUnknownClean} if ${joinSome(p.unknownItems)} were clean: declare their vendors to settle it.`],
    });
  }
  return out;
}

/** `under` on the section only when some line has something under it. */
function withUnder(s: ExplainSection, under: string[][]): ExplainSection {
  return under.some((u) => u.length > 0) ? { ...s, under } : s;
}

/** A failed item, and the routed items it takes down when it is an underlay item: `duct-57 (carries ip-qro-mty-a)`. */
export function failedText(p: PairResult, r: AuditResult): (id: string) => string {
  const cut = failedCuts(p, r);
  return (id) => {
    const list = cut(id);
    return list.length > 0 ? `${id} (carries ${joinSome(list, undefined, 3)})` : id;
  };
}

/** The routed items a failure of an underlay item takes down with it (built on first use). */
export function failedCuts(p: PairResult, r: AuditResult): (id: string) => readonly string[] {
  let carriers: Map<string, string[]> | undefined;
  return (id) => (carriers ??= routedCarriers(p, r)).get(id) ?? [];
}

/**
 * Exposure items that are not on the routed paths: neither routed items nor risky underlay items
 * of the routed paths (those are listed with the routed path).
 */
export function offRouteItems(p: PairResult): string[] {
  if (!p.routed) return p.exposure.items;
  const off = notIn(p.exposure.items, p.routed.items);
  if (p.via === undefined || off.length === 0) return off;
  const routed = new Set(p.routed.riskyItems);
  return off.filter((id) => !routed.has(id));
}

/** `≥ 1 clean path …`: diversity as a proven lower bound (SPEC §4.1). */
export function diversityText(p: PairResult): string {
  return `≥ ${plural(p.diversity, "clean path")} sharing no element, link or underlay item: a lower bound, as the candidate paths share underlay items.`;
}

function moreLine(total: number, shown: number): string[] {
  return total > shown ? [`… and ${total - shown} more`] : [];
}

/** What to do about a failing pair, when there is something specific to say. */
export function remediationText(p: PairResult): string | undefined {
  if (p.remediation) {
    const what = p.remediation.measure === "count" ? plural(p.remediation.items.length, "item") : `total replacement cost ${p.remediation.cost}`;
    return `Replace ${joinSome(p.remediation.items)} (${what}${p.remediation.approximate ? "; not proven minimal" : ""}) to open a clean path.`;
  }
  if (p.verdict === "routed-dirty" && p.cleanAlternative) return "Route over the clean alternative (raise the routed path's metrics), or replace the high-risk items on it.";
  if (p.verdict === "fragile") return "Add clean redundancy so that no single failure falls back onto high-risk items, or replace them.";
  if (p.verdict === "exposed") return "Remove or replace the high-risk items on the other paths, or accept the exposure with a higher threshold.";
  if (p.verdict === "unreachable") return "Connect the endpoints with in-service links.";
  return undefined;
}
