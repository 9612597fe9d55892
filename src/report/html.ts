import type { AuditResult, ItemInfo } from "../result.js";
import type { TextReporter } from "./context.js";
import { atlasCredit } from "./html/atlas.js";
import { shareChart, vendorColours, vendorKinds } from "./html/charts.js";
import { esc } from "./html/escape.js";
import { findingsSection, itemsSection } from "./html/findings.js";
import { siteMap } from "./html/map.js";
import { detailedPairs, failingSection } from "./html/pairs.js";
import { script } from "./html/script.js";
import { documentTitle, htmlPage } from "./html/shell.js";
import { css } from "./html/style.js";
import { summarySection } from "./html/summary.js";
import { resultsSection } from "./html/tables.js";

/**
 * The items that are risky or carry a reason, found in one pass: a 10^6-hop path puts 2·10^6
 * items in the result, and every walk over so large an object costs seconds (`for…in` about one,
 * Object.entries about five).
 */
function flaggedItems(r: AuditResult): [string, ItemInfo][] {
  const out: [string, ItemInfo][] = [];
  for (const id in r.items) {
    const it = r.items[id]!;
    if (it.risk !== "clean" || it.reasons.length > 0) out.push([id, it]);
  }
  return out;
}

function vendorsSection(r: AuditResult, flagged: readonly (readonly [string, ItemInfo])[]): string {
  const kinds = vendorKinds(r, flagged);
  const colours = vendorColours(r.inventory, kinds);
  return `<section id="vendors"><h2>Vendor shares</h2><p class="muted">In-service elements by vendor; designated high-risk vendors in red, unknown vendors in amber, elements without a vendor in grey. Hover a bar for the figures.</p>${shareChart(
    "Per role",
    r.inventory.vendorsByRole,
    colours,
    kinds,
  )}${shareChart("Per operator", r.inventory.vendorsByOperator, colours, kinds)}</section>`;
}

function mapSection(r: AuditResult): string {
  return `<section id="map"><h2>Sites</h2>${siteMap(r.inventory.sites, r.inventory.sitesLocated)}</section>`;
}

/**
 * The consultant's report: one self-contained HTML file (inline CSS, script and SVG; nothing is
 * fetched when it opens) with the summary, filterable tables of pairs and rules, a diagram and
 * explanation per failing pair, vendor-share charts, a map of the sites, the findings with what
 * they cite, and the risky items. Prints cleanly to PDF. Same result, same bytes.
 */
export const html: TextReporter = (result, ctx) => {
  const detailIds = detailedPairs(result);
  const heading = documentTitle("Clean-path audit", result.inputs);
  const rendered = ctx.version !== result.tool.version ? `, rendered by cleanpath ${esc(ctx.version)}` : "";
  const flagged = flaggedItems(result);
  const sections = [
    summarySection(result, flagged),
    resultsSection(result, detailIds),
    failingSection(result, detailIds, ctx.graphviz),
    vendorsSection(result, flagged),
    mapSection(result),
    findingsSection(result),
    itemsSection(result, flagged),
  ];
  return htmlPage({
    heading,
    version: result.tool.version,
    sub: `As of <strong>${esc(result.asOf)}</strong> · generated ${esc(result.generatedAt)} by cleanpath ${esc(result.tool.version)}${rendered} · ${esc(result.designation.origin)}`,
    nav: [
      ["summary", "Summary"],
      ["results", "Pairs and rules"],
      ["failing", "Failing pairs"],
      ["vendors", "Vendor shares"],
      ["map", "Sites"],
      ["findings", "Findings"],
      ["items", "Risky items"],
    ],
    sections,
    footer: [
      "Verdicts follow the cleanpath specification: a path is a simple path of in-service elements and links; endpoints do not count towards a path's risk. The JSON result (<code>--format json</code>) holds every pair, item and finding in full.",
      `${esc(atlasCredit)} Diagrams laid out by Graphviz.`,
    ],
    css,
    script,
  });
};
