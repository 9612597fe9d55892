import { type AuditResult, type Finding, type ItemInfo, operatorText } from "../../result.js";
import { formatLocation } from "../../diagnostics.js";
import { reasonText } from "../graph-model.js";
import { esc, linkable, plural } from "./escape.js";

/** Findings listed at most, and risky items in the appendix at most; the rest are in the JSON. */
export const maxFindings = 1000;
export const maxRiskyItems = 500;

function cites(f: Finding): string {
  const c = f.source;
  if (!c) return '<span class="muted">—</span>';
  const url = linkable(c.url);
  const title = url ? `<a href="${esc(url)}" rel="noopener noreferrer">${esc(c.title)}</a>` : esc(c.title);
  return `${title}${c.date ? `<br><span class="date">${esc(c.date)}</span>` : ""}${c.confidence ? ' <span class="tag tag-unknown">unverified</span>' : ""}`;
}

function detailsText(f: Finding): string {
  if (!f.details) return "";
  const parts = Object.entries(f.details).map(([k, v]) => `${esc(k)}: ${esc(Array.isArray(v) ? v.join(", ") : String(v))}`);
  return parts.length > 0 ? `<br><span class="muted">${parts.join("; ")}</span>` : "";
}

/** Every finding (up to the cap) with its level, location and the regulation and date it cites. */
export function findingsSection(r: AuditResult): string {
  if (r.findings.length === 0) return `<section id="findings"><h2>Findings</h2><p>No findings.</p></section>`;
  const rows = r.findings.slice(0, maxFindings).map((f) => {
    const items = f.items.slice(0, 8).map((x) => `<code>${esc(x)}</code>`).join(", ") + (f.items.length > 8 ? ` <span class="muted">+${f.items.length - 8}</span>` : "");
    const level = f.waived ? `<span class="level level-waived">waived</span><br><span class="muted">${esc(f.waivedBy ?? "")}</span>` : `<span class="level level-${f.level}">${f.level}</span>`;
    return `<tr data-level="${f.level}"><td>${level}</td><td><code>${esc(f.rule)}</code>${f.kind !== f.rule ? `<br><span class="muted">${esc(f.kind)}</span>` : ""}</td><td>${esc(f.message)}${detailsText(f)}</td><td>${items}</td><td class="loc">${f.location ? esc(formatLocation(f.location)) : ""}</td><td>${cites(f)}</td></tr>`;
  });
  const more = r.findings.length > maxFindings ? `<p class="muted">${plural(r.findings.length - maxFindings, "more finding")} in the JSON result.</p>` : "";
  return `<section id="findings"><h2>Findings <span class="muted">(${plural(r.findings.length, "finding")})</span></h2><table class="data" id="findings-table"><thead><tr><th>Level</th><th>Rule</th><th>Finding</th><th>Items</th><th>Where</th><th>Cites</th></tr></thead><tbody>${rows.join("")}</tbody></table>${more}</section>`;
}

/** Path items shown per risky underlay item, and closure items per item, before "+N". */
const maxCarried = 8;

/**
 * For each risky underlay item, the path items it carries in any pair (SPEC §4.1), sorted: one
 * pass over the pairs' `via`. Empty without underlays.
 */
function carriedByItem(r: AuditResult): Map<string, string[]> {
  const sets = new Map<string, Set<string>>();
  for (const p of r.pairs) {
    if (p.via === undefined) continue;
    for (const id of Object.keys(p.via)) {
      let set = sets.get(id);
      if (!set) sets.set(id, (set = new Set()));
      for (const x of p.via[id]!) set.add(x);
    }
  }
  return new Map([...sets].map(([id, set]) => [id, [...set].sort()]));
}

function someCodes(ids: readonly string[]): string {
  const shown = ids.slice(0, maxCarried).map((x) => `<code>${esc(x)}</code>`).join(", ");
  return ids.length > maxCarried ? `${shown} <span class="muted">+${ids.length - maxCarried}</span>` : shown;
}

/** `carries ip-gdl-mty` and `rests on srv-mty-7` under what an item is, when it does either. */
function underlayNote(id: string, it: ItemInfo, carried: ReadonlyMap<string, readonly string[]>): string {
  const carries = carried.get(id);
  const parts = [carries ? `carries ${someCodes(carries)}` : "", it.closure ? `rests on ${someCodes(it.closure)}` : ""].filter(Boolean);
  return parts.length > 0 ? `<br><span class="muted">${parts.join("<br>")}</span>` : "";
}

/** The high-risk and unknown items this report mentions, with reasons and where they are written. */
export function itemsSection(r: AuditResult, flagged: readonly (readonly [string, ItemInfo])[]): string {
  const ids = flagged.filter(([, it]) => it.risk !== "clean").map(([id]) => id).sort();
  if (ids.length === 0) return `<section id="items"><h2>Risky items</h2><p>No item mentioned in this report is high-risk or of unknown vendor.</p></section>`;
  const carried = carriedByItem(r);
  const rows = ids.slice(0, maxRiskyItems).map((id) => {
    const it = r.items[id]!;
    const what =
      (it.type === "link" ? `link${it.medium ? ` (${esc(it.medium)})` : ""}${it.a !== undefined ? `<br><span class="muted">${esc(it.a)} – ${esc(it.b ?? "")}</span>` : ""}` : esc(it.role ?? "element")) +
      underlayNote(id, it, carried);
    return `<tr><td><code>${esc(id)}</code>${it.name ? `<br>${esc(it.name)}` : ""}</td><td><span class="tag tag-${it.risk}">${it.risk === "high" ? "high-risk" : "unknown"}</span></td><td>${what}</td><td>${esc(it.vendor ?? "")}${it.vendorId && it.vendorId !== it.vendor ? ` <span class="muted">(${esc(it.vendorId)})</span>` : ""}</td><td>${esc(operatorText(it.operator) ?? "")}</td><td>${esc(it.site ?? "")}</td><td>${it.reasons.map((x) => esc(reasonText(x))).join("<br>")}</td><td class="loc">${esc(formatLocation(it.location))}</td></tr>`;
  });
  const more = ids.length > maxRiskyItems ? `<p class="muted">${plural(ids.length - maxRiskyItems, "more item")} in the JSON result.</p>` : "";
  return `<section id="items"><h2>Risky items <span class="muted">(${plural(ids.length, "item")})</span></h2><table class="data" id="items-table"><thead><tr><th>Item</th><th>Risk</th><th>What</th><th>Vendor</th><th>Operator</th><th>Site</th><th>Why (source)</th><th>Where</th></tr></thead><tbody>${rows.join("")}</tbody></table>${more}</section>`;
}
