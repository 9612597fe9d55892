import type { AuditResult, ItemInfo } from "../../result.js";
import { esc, plural } from "./escape.js";

/** Rows per chart at most (the largest first); the rest are summed in one line under it. */
export const maxChartRows = 30;

const cleanColours = ["#2f6f9f", "#4f9d8f", "#7a6fb0", "#8aa4c8", "#5f8f4e", "#a07a55", "#4c6a88", "#9bb59a", "#6d8fa8", "#b39ddb"];
const riskColours = ["#c62828", "#e5736f", "#8e1b1b", "#f2a19d"];
const unknownColour = "#d9a21b";
const noneColour = "#c9ced6";

export type VendorKind = "high" | "unknown" | "none" | "clean";

/** How each vendor key of the inventory counts: designated, unknown, no vendor, or clean. */
export function vendorKinds(result: AuditResult, flagged: readonly (readonly [string, ItemInfo])[]): Map<string, VendorKind> {
  const kinds = new Map<string, VendorKind>();
  for (const v of result.designation.vendors) kinds.set(v, "high");
  for (const [, it] of flagged) {
    if (it.risk === "high" && it.vendorId !== undefined && it.reasons.some((r) => r.kind === "vendor")) kinds.set(it.vendorId, "high");
    if (it.risk === "unknown" && it.vendor !== undefined && it.vendorId === undefined && !kinds.has(it.vendor)) kinds.set(it.vendor, "unknown");
  }
  kinds.set("(none)", "none");
  return kinds;
}

/** One colour per vendor, the same in every chart: reds for designated vendors, amber for unknown, grey for none. */
export function vendorColours(inventory: AuditResult["inventory"], kinds: ReadonlyMap<string, VendorKind>): Map<string, string> {
  const totals = new Map<string, number>();
  for (const row of Object.values(inventory.vendorsByRole)) for (const [v, n] of Object.entries(row)) totals.set(v, (totals.get(v) ?? 0) + n);
  const order = [...totals].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)).map(([v]) => v);
  const colours = new Map<string, string>();
  let clean = 0;
  let risky = 0;
  for (const v of order) {
    const kind = kinds.get(v) ?? "clean";
    colours.set(v, kind === "high" ? riskColours[risky++ % riskColours.length]! : kind === "unknown" ? unknownColour : kind === "none" ? noneColour : cleanColours[clean++ % cleanColours.length]!);
  }
  return colours;
}

function percent(n: number, total: number): string {
  return `${Math.round((n / total) * 1000) / 10}%`;
}

/**
 * A horizontal stacked bar per row (role or operator): each vendor's share of the row's in-service
 * elements, designated vendors in red with the high-risk share written at the end of the bar.
 */
export function shareChart(title: string, rows: Record<string, Record<string, number>>, colours: ReadonlyMap<string, string>, kinds: ReadonlyMap<string, VendorKind>): string {
  const entries = Object.entries(rows).map(([key, vendors]) => {
    const list = Object.entries(vendors).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
    return { key, list, total: list.reduce((s, [, n]) => s + n, 0) };
  });
  entries.sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const shown = entries.slice(0, maxChartRows);
  const rest = entries.slice(maxChartRows);
  if (shown.length === 0) return `<p class="muted">No in-service elements.</p>`;
  const labelW = 150;
  const barW = 520;
  const rowH = 24;
  const width = labelW + barW + 170;
  const height = shown.length * rowH + 4;
  const out: string[] = [];
  shown.forEach((row, i) => {
    const y = i * rowH + 2;
    const label = row.key.length > 22 ? `${row.key.slice(0, 21)}…` : row.key;
    out.push(`<text class="bar-label" x="${labelW - 8}" y="${y + 15}">${esc(label)}<title>${esc(row.key)}</title></text>`);
    let x = labelW;
    let high = 0;
    for (const [vendor, n] of row.list) {
      const w = Math.round((n / row.total) * barW * 10) / 10;
      const kind = kinds.get(vendor) ?? "clean";
      if (kind === "high") high += n;
      out.push(
        `<rect class="seg${kind === "high" ? " seg-high" : ""}" x="${Math.round(x * 10) / 10}" y="${y}" width="${w}" height="${rowH - 6}" fill="${colours.get(vendor) ?? noneColour}"><title>${esc(`${row.key}: ${vendor} ${n} of ${row.total} (${percent(n, row.total)})${kind === "high" ? ", high-risk" : kind === "unknown" ? ", unknown vendor" : ""}`)}</title></rect>`,
      );
      if (w >= vendor.length * 6 + 8) out.push(`<text class="seg-label${kind === "none" || kind === "unknown" ? " seg-label-dark" : ""}" x="${Math.round((x + w / 2) * 10) / 10}" y="${y + 13}">${esc(vendor)}</text>`);
      x += w;
    }
    const note = high > 0 ? `${percent(high, row.total)} high-risk (${high}/${row.total})` : plural(row.total, "element");
    out.push(`<text class="bar-note${high > 0 ? " bar-note-high" : ""}" x="${labelW + barW + 8}" y="${y + 15}">${esc(note)}</text>`);
  });
  const used = new Set(shown.flatMap((r) => r.list.map(([v]) => v)));
  const legend = [...colours]
    .filter(([v]) => used.has(v))
    .map(([v, c]) => `<li><svg class="swatch" viewBox="0 0 10 10" width="10" height="10" aria-hidden="true"><rect width="10" height="10" fill="${c}"/></svg>${esc(v)}${kinds.get(v) === "high" ? ' <span class="tag tag-high">high-risk</span>' : kinds.get(v) === "unknown" ? ' <span class="tag tag-unknown">unknown</span>' : ""}</li>`)
    .join("");
  const more = rest.length > 0 ? `<p class="muted">${plural(rest.length, "more row")} (${plural(rest.reduce((s, r) => s + r.total, 0), "element")}) in the JSON result.</p>` : "";
  return (
    `<figure class="chart"><figcaption>${esc(title)}</figcaption>` +
    `<svg class="chart-svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(title)}">${out.join("")}</svg>` +
    `<ul class="legend">${legend}</ul></figure>${more}`
  );
}
