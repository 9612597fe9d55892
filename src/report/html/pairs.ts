import { type AuditResult, type ItemInfo, operatorText, type PairResult } from "../../result.js";
import { formatLocation } from "../../diagnostics.js";
import { toDot } from "../graph-dot.js";
import { pairDiagram, reasonText } from "../graph-model.js";
import { joinSome, type LinksByEnds, omittedHopsText, riskyLinks, shownHops } from "../elide.js";
import { diversityText, failedCuts, offRouteItems } from "../explain.js";
import { carriesText, underlayLines } from "../underlay.js";
import type { DotRenderer } from "../graphviz.js";
import { esc, plural } from "./escape.js";
import { pairOrder } from "./tables.js";

/** Failing pairs drawn and explained at most; the others are in the table and the JSON. */
export const maxDetailedPairs = 50;
/** Risky items listed per pair before "and N more". */
const maxListed = 12;

/** The failing pairs that get a detailed section, by index into `result.pairs`, with their anchors. */
export function detailedPairs(result: AuditResult): Map<number, string> {
  const out = new Map<number, string>();
  for (const i of pairOrder(result.pairs)) {
    if (result.pairs[i]!.passed || out.size >= maxDetailedPairs) break;
    out.set(i, `pair-${i + 1}`);
  }
  return out;
}

function itemClass(it: ItemInfo | undefined): string {
  return it?.risk === "high" ? " hop-high" : it?.risk === "unknown" ? " hop-unknown" : "";
}

/**
 * `a → b [huawei] → c`: the hops of a path as a list, risky elements and links marked; a long path
 * as its two ends with an entry saying how many hops are left out.
 */
function hops(path: readonly string[], risky: LinksByEnds, r: AuditResult): string {
  const out: string[] = [];
  for (const h of shownHops(path, risky)) {
    if (h.kind === "gap") {
      out.push(`<li class="hop-gap"><span class="muted">${esc(omittedHopsText(h.omitted))}</span></li>`);
      continue;
    }
    for (const l of h.links) {
      const it = r.items[l];
      out.push(`<li><span class="hop hop-link${itemClass(it)}"><code>${esc(l)}</code>${it?.vendor ? ` <small>${esc(it.vendorId ?? it.vendor)}</small>` : ""}</span></li>`);
    }
    if (h.moreLinks > 0) out.push(`<li><span class="hop hop-link muted">and ${plural(h.moreLinks, "more link")}</span></li>`);
    const it = r.items[h.id];
    const mark = h.inner ? itemClass(it) : "";
    out.push(`<li><span class="hop${mark}"><code>${esc(h.id)}</code>${mark && it?.vendor ? ` <small>${esc(it.vendorId ?? it.vendor)}</small>` : ""}</span></li>`);
  }
  return `<ol class="hops">${out.join("")}</ol>${underlayList(path, risky, r)}`;
}

/**
 * What the hops rest on (SPEC §4.1), one entry per hop under the path: `core-gdl ─ip-gdl-mty→
 * core-mty over [oadm-gdl huawei] …`, risky underlay items highlighted like risky hops.
 */
function underlayList(path: readonly string[], risky: LinksByEnds, r: AuditResult): string {
  const code = (id: string): string => `<code>${esc(id)}</code>`;
  const below = (id: string): string => {
    const it = r.items[id];
    const mark = itemClass(it);
    return `<span class="hop${mark}">${code(id)}${mark && it?.vendor ? ` <small>${esc(it.vendorId ?? it.vendor)}</small>` : ""}</span>`;
  };
  const lines = underlayLines(path, risky, r, { hop: code, below, more: (n) => ` <span class="muted">and ${plural(n, "more")}</span>` });
  if (lines.length === 0) return "";
  return `<ul class="items">${lines.map((u) => `<li>${u.head} <span class="muted">over</span> ${u.over.join(" ")}</li>`).join("")}</ul>`;
}

function explained(ids: readonly string[], r: AuditResult, p: PairResult, total = ids.length): string {
  const rows = ids.slice(0, maxListed).map((id) => {
    const it = r.items[id];
    const carries = carriesText(id, p, (x) => `<code>${esc(x)}</code>`);
    const what = [...(it ? [it.type === "link" ? `link${it.medium ? ` (${it.medium})` : ""}` : it.role, it.vendor, operatorText(it.operator)].filter(Boolean).map((x) => esc(x!)) : []), ...(carries ? [carries] : [])].join(", ");
    const reasons = it ? it.reasons.map((x) => esc(reasonText(x))).join("<br>") : "";
    const where = it ? ` <span class="loc">${esc(formatLocation(it.location))}</span>` : "";
    return `<li class="${it?.risk === "unknown" ? "unknown" : "high"}"><code>${esc(id)}</code> ${what ? `(${what})` : ""}${where}<br><span class="reason">${reasons}</span></li>`;
  });
  const more = total > Math.min(ids.length, maxListed) ? `<li class="muted">… and ${plural(total - Math.min(ids.length, maxListed), "more item")} in the JSON result</li>` : "";
  return `<ul class="items">${rows.join("")}${more}</ul>`;
}

const legend =
  `<figcaption class="legend-line"><span class="key line-routed"></span> routed path <span class="key line-clean"></span> clean alternative ` +
  `<span class="key key-high"></span> high-risk <span class="key key-unknown"></span> unknown vendor; endpoints are drawn bold. Hover for the reasons.</figcaption>`;

const underlayLegend = legend.replace("; endpoints are drawn bold.", "; endpoints are drawn bold; a dot on a link and dashed arrows lead to what it rests on (its underlay).");

/** What a diagram of a huge pair leaves out, under it. */
function omittedNote(o: { hops: number; links: number }): string {
  const what = [o.hops > 0 ? `${plural(o.hops, "hop")} of long paths (the dashed boxes)` : "", o.links > 0 ? `${plural(o.links, "parallel link")} (the dashed lines)` : ""].filter(Boolean);
  return `<figcaption class="muted">Drawn in part: ${what.join(" and ")} are not drawn. The JSON result (<code>--format json</code>) lists every hop and link.</figcaption>`;
}

function pairArticle(p: PairResult, anchor: string, r: AuditResult, render: DotRenderer | undefined): string {
  const head = `<h3><span class="verdict v-${p.verdict}">${p.verdict}</span> <code>${esc(p.from)}</code> → <code>${esc(p.to)}</code>${
    p.flow !== null ? ` <small>flow <code>${esc(p.flow)}</code></small>` : ""
  } <small>fails at ${p.failOn}</small></h3>`;
  const body: string[] = [];
  if (!p.reachable || !p.routed) {
    body.push(`<p>No path connects them in service: check the links and their states.</p>`);
    return `<article class="pair" id="${anchor}">${head}${body.join("")}</article>`;
  }
  if (render) {
    const d = pairDiagram(r, p);
    body.push(`<figure class="diagram">${render(toDot(d, `${p.from} to ${p.to}`))}${d.ranks ? underlayLegend : legend}${d.omitted ? omittedNote(d.omitted) : ""}</figure>`);
  }
  const rp = p.routed;
  const routedLinks = riskyLinks(rp.items, r);
  body.push(
    `<h4>Routed path${rp.pathCount === 1 ? "" : "s"} <span class="muted">(metric ${rp.metric}; ${plural(rp.pathCount, "equal-cost path")}${rp.pathCount > rp.paths.length ? `, ${rp.paths.length} shown` : ""})</span></h4>`,
    ...rp.paths.map((path) => hops(path, routedLinks, r)),
  );
  if (rp.riskyItems.length > 0) body.push(`<h4>Risky items on the routed path</h4>${explained(rp.riskyItems, r, p)}`);
  // riskyItems already holds the unknown items that count; under `clean` they are listed apart.
  const counted = new Set(rp.riskyItems);
  const countedClean = rp.unknownItems.filter((id) => !counted.has(id));
  if (countedClean.length > 0) body.push(`<h4>Items of unknown vendor on the routed path <span class="muted">(counted clean)</span></h4>${explained(countedClean, r, p)}`);
  if (p.cleanAlternative) {
    const ca = p.cleanAlternative;
    const delta = ca.metric - rp.metric;
    body.push(`<h4>Clean alternative <span class="muted">(metric ${ca.metric}${delta > 0 ? `, +${delta}` : ""})</span></h4>${hops(ca.path, riskyLinks(ca.links, r), r)}`);
  } else {
    body.push(`<p class="bad-text"><strong>No clean path exists:</strong> every path between them crosses a high-risk item.</p>`);
  }
  const offRoute = offRouteItems(p);
  if (offRoute.length > 0) {
    const total = p.exposure.count - (p.exposure.items.length - offRoute.length);
    body.push(`<h4>Risky items on other possible paths${p.exposure.approximate ? " (over-approximated: one-way links)" : ""}</h4>${explained(offRoute, r, p, total)}`);
  }
  if (p.failover && p.failover.dirtyAfter.length > 0) {
    const cuts = failedCuts(p, r);
    const named = (id: string): string => {
      const cut = cuts(id);
      return cut.length === 0 ? `<code>${esc(id)}</code>` : `<code>${esc(id)}</code> <span class="muted">(carries ${joinSome(cut, (x) => `<code>${esc(x)}</code>`, 3)})</span>`;
    };
    const risky = (x: string): string => {
      const carries = carriesText(x, p);
      return `<code>${esc(x)}</code>${carries ? ` <span class="muted">(${esc(carries)})</span>` : ""}`;
    };
    const rows = p.failover.dirtyAfter
      .slice(0, maxListed)
      .map((d) => `<li>if ${named(d.failed)}${d.alsoFailed ? ` and ${named(d.alsoFailed)}` : ""} fail${d.alsoFailed ? "" : "s"}, traffic crosses ${joinSome(d.riskyItems, risky)}</li>`);
    const more = p.failover.dirtyAfter.length > maxListed ? `<li class="muted">… and ${p.failover.dirtyAfter.length - maxListed} more</li>` : "";
    body.push(`<h4>Failover</h4><ul>${rows.join("")}${more}</ul>`);
  }
  if (p.remediation) {
    const rem = p.remediation;
    const what = rem.measure === "count" ? plural(rem.items.length, "item") : `total replacement cost ${rem.cost}`;
    body.push(`<h4>To fix</h4><p>Replace ${joinSome(rem.items, (x) => `<code>${esc(x)}</code>`)} (${what}${rem.approximate ? "; not proven minimal" : ""}) to open a clean path.</p>`);
  } else if (p.verdict === "routed-dirty") {
    body.push(`<h4>To fix</h4><p>Route over the clean alternative (raise the metrics of the routed path), or replace the risky items on it.</p>`);
  }
  if (p.diversityApproximate) body.push(`<h4>Diversity</h4><p>${esc(diversityText(p))}</p>`);
  if (p.verdictIfUnknownClean) {
    body.push(`<p class="muted">Would be <strong>${p.verdictIfUnknownClean}</strong> if the items of unknown vendor (${joinSome(p.unknownItems, (x) => `<code>${esc(x)}</code>`)}) were clean: declare their vendors to settle it.</p>`);
  }
  return `<article class="pair" id="${anchor}">${head}${body.join("")}</article>`;
}

/** For each failing pair (up to the cap): its diagram, hops, risky items with reasons, and what would fix it. */
export function failingSection(r: AuditResult, detailIds: ReadonlyMap<number, string>, render: DotRenderer | undefined): string {
  const failing = r.summary.failedPairs;
  const intro =
    failing === 0
      ? `<p>No pair fails its threshold.</p>`
      : `<p>${plural(failing, "pair")} fail${failing === 1 ? "s" : ""} their threshold${failing > detailIds.size ? ` (the ${detailIds.size} worst are detailed here; the others are in the table and the JSON result)` : ""}.${
          render ? "" : ' <span class="muted">Diagrams are drawn by <code>cleanpath report</code>.</span>'
        }</p>`;
  const articles = [...detailIds].map(([i, anchor]) => pairArticle(r.pairs[i]!, anchor, r, render));
  return `<section id="failing"><h2>Failing pairs</h2>${intro}${articles.join("")}</section>`;
}
