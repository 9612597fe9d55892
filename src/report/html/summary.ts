import { type AuditResult, type ItemInfo, type Reason, verdicts } from "../../result.js";
import { esc, plural } from "./escape.js";

/** Distinct designation reasons across the items (the flagged ones: see flaggedItems), with how many items each one marks. */
export function designationSources(flagged: readonly (readonly [string, ItemInfo])[]): { reason: Reason; items: number }[] {
  const seen = new Map<string, { reason: Reason; items: number }>();
  for (const [, it] of flagged) {
    for (const r of it.reasons) {
      const key = [r.kind, r.value, r.source, r.list ?? "", r.date ?? "", r.confidence ?? ""].join("\u0000");
      const entry = seen.get(key);
      if (entry) entry.items++;
      else seen.set(key, { reason: r, items: 1 });
    }
  }
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
}

function stat(label: string, value: number, id: string, extra = ""): string {
  return `<div class="stat${extra}"><span class="stat-value" data-stat="${id}">${value}</span><span class="stat-label">${esc(label)}</span></div>`;
}

function list(label: string, values: readonly string[]): string {
  return values.length > 0 ? `<dt>${esc(label)}</dt><dd>${values.map(esc).join(", ")}</dd>` : "";
}

/** Pass or fail, counts by verdict, the designation with its sources, the as-of date and the inputs. */
export function summarySection(r: AuditResult, flagged: readonly (readonly [string, ItemInfo])[]): string {
  const s = r.summary;
  const verdictCards = verdicts
    .map((v) => {
      const n = s.byVerdict[v] ?? 0;
      return `<div class="stat verdict-card v-${v}${n === 0 ? " zero" : ""}"><span class="stat-value" data-verdict-count="${v}">${n}</span><span class="stat-label">${v}</span></div>`;
    })
    .join("");
  const d = r.designation;
  const sources = designationSources(flagged);
  const sourceList =
    sources.length > 0
      ? `<ul class="sources">${sources
          .map(
            ({ reason: x, items }) =>
              `<li><strong>${esc(x.kind)} ${esc(x.value)}</strong>${x.via ? ` (${esc(x.via)})` : ""}: ${esc(x.source)}${x.list ? ` <span class="muted">[${esc(x.list)}]</span>` : ""}${x.confidence ? ' <span class="tag tag-unknown">unverified</span>' : ""} <span class="muted">— ${plural(items, "item")} in this report</span></li>`,
          )
          .join("")}</ul>`
      : `<p class="muted">No item in this report is designated.</p>`;
  const inv = r.inventory;
  return `<section id="summary"><h2>Summary</h2>
<div class="outcome ${s.passed ? "outcome-pass" : "outcome-fail"}"><span class="outcome-word" data-stat="passed">${s.passed ? "PASS" : "FAIL"}</span><span>${
    s.passed ? "Every pair and rule checked meets its threshold." : `${plural(s.failedPairs, "pair")} and ${plural(s.failedRules, "rule")} fail their thresholds.`
  }</span></div>
<div class="stats">${stat("pairs checked", s.pairs, "pairs")}${stat("pairs failing", s.failedPairs, "failedPairs", s.failedPairs > 0 ? " bad" : "")}${stat("rules failing", s.failedRules, "failedRules", s.failedRules > 0 ? " bad" : "")}${stat("error findings", s.findings.error, "errors", s.findings.error > 0 ? " bad" : "")}${stat("warnings", s.findings.warning, "warnings")}${stat("waived", s.findings.waived, "waived")}</div>
<h3>Pairs by verdict</h3><div class="stats verdicts">${verdictCards}</div>
<p class="muted">Worst first: <em>unreachable</em> (no path), <em>dirty</em> (every path crosses a high-risk item), <em>routed-dirty</em> (a clean path exists but traffic is routed over risky items), <em>fragile</em> (one failure moves traffic onto risky items), <em>exposed</em> (some possible path crosses a risky item), <em>clean</em>.</p>
<h3>Network</h3><div class="stats">${stat("elements in service", inv.elements, "elements")}${stat("links in service", inv.links, "links")}${stat("high-risk elements", inv.high, "high", inv.high > 0 ? " bad" : "")}${stat("unknown vendor", inv.unknown, "unknown", inv.unknown > 0 ? " warn" : "")}</div>
<h3>Designation</h3>
<dl class="facts"><dt>As of</dt><dd data-stat="asOf">${esc(r.asOf)}</dd><dt>Origin</dt><dd>${esc(d.origin)}</dd><dt>What it says</dt><dd>${esc(d.description)}</dd>${list("Vendors", d.vendors)}${list("Lists", d.lists)}${list("Operators", d.operators)}${list("Jurisdictions", d.jurisdictions)}${list("Tags", d.tags)}<dt>Components</dt><dd>${d.components ? "a box with a designated component counts as high-risk" : "components not considered"}</dd><dt>Unknown vendors</dt><dd>${d.unknownVendor === "risky" ? "counted as risky until declared" : "counted as clean (listed as unknown)"}</dd></dl>
<h4>Sources of the designations in this report</h4>${sourceList}
<h3>Inputs</h3>${inputsTable(r)}
</section>`;
}

/** The input files with their SHA-256. */
export function inputsTable(r: Pick<AuditResult, "inputs">): string {
  if (r.inputs.length === 0) return `<p class="muted">No input files recorded.</p>`;
  const rows = r.inputs.map((i) => `<tr><td>${esc(i.file)}</td><td class="hash">${esc(i.sha256)}</td></tr>`).join("");
  return `<table class="inputs"><thead><tr><th>File</th><th>SHA-256</th></tr></thead><tbody>${rows}</tbody></table>`;
}
