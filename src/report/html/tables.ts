import { type AuditResult, type PairResult, type RuleResult, verdicts } from "../../result.js";
import { esc, linkable, plural } from "./escape.js";

/** Pair rows in the table at most (failing and worst first); the rest are counted, and are in the JSON. */
export const maxTableRows = 2000;

/** Failing pairs first, then worst verdict first, then the result's own order. Linear-log. */
export function pairOrder(pairs: readonly PairResult[]): number[] {
  const rank = new Map(verdicts.map((v, i) => [v, i]));
  return pairs
    .map((_, i) => i)
    .sort((a, b) => Number(pairs[a]!.passed) - Number(pairs[b]!.passed) || rank.get(pairs[a]!.verdict)! - rank.get(pairs[b]!.verdict)! || a - b);
}

function ids(list: readonly string[], max = 3): string {
  if (list.length === 0) return "";
  const shown = list.slice(0, max).map((id) => `<code>${esc(id)}</code>`).join(", ");
  return list.length > max ? `${shown} <span class="muted">+${list.length - max}</span>` : shown;
}

function pairRow(p: PairResult, detailId: string | undefined): string {
  const risky = p.routed?.riskyItems ?? [];
  const status = p.passed ? "passed" : "failed";
  const where = detailId ? `<a href="#${detailId}">${esc(p.from)} → ${esc(p.to)}</a>` : `${esc(p.from)} → ${esc(p.to)}`;
  return (
    `<tr data-kind="pair" data-status="${status}" data-verdict="${p.verdict}">` +
    `<td><span class="verdict v-${p.verdict}">${p.verdict}</span>${p.verdictIfUnknownClean ? `<br><span class="muted">${p.verdictIfUnknownClean} if unknown vendors are clean</span>` : ""}</td>` +
    `<td class="${status}">${p.passed ? "pass" : "fail"}<br><span class="muted">at ${p.failOn}</span></td>` +
    `<td>${p.flow !== null ? esc(p.flow) : '<span class="muted">ad hoc</span>'}</td>` +
    `<td>${where}</td>` +
    `<td class="num">${p.routed ? p.routed.metric : "–"}</td>` +
    `<td class="num">${p.cleanAlternative ? p.cleanAlternative.metric : '<span class="bad-text">none</span>'}</td>` +
    `<td>${ids(risky)}</td>` +
    `<td class="num">${p.exposure.count}${p.exposure.approximate ? "*" : ""}</td>` +
    `</tr>`
  );
}

function citation(c: RuleResult["source"]): string {
  if (!c) return "";
  const url = linkable(c.url);
  const title = url ? `<a href="${esc(url)}" rel="noopener noreferrer">${esc(c.title)}</a>` : esc(c.title);
  return `${title}${c.date ? `, ${esc(c.date)}` : ""}${c.confidence ? ' <span class="tag tag-unknown">unverified</span>' : ""}`;
}

function ruleRow(r: RuleResult): string {
  const status = r.passed ? "passed" : "failed";
  return (
    `<tr data-kind="rule" data-status="${status}">` +
    `<td><code>${esc(r.id)}</code></td><td>${esc(r.kind)}</td><td>${r.level}</td>` +
    `<td class="${status}">${r.passed ? "pass" : "fail"}${r.checked ? "" : '<br><span class="muted">not checked</span>'}</td>` +
    `<td class="num">${r.findings}</td><td>${esc(r.description)}</td><td>${citation(r.source)}</td></tr>`
  );
}

/** The filter bar (verdict, pass/fail, text) over the pairs table and the rules table. */
export function resultsSection(r: AuditResult, detailIds: ReadonlyMap<number, string>): string {
  const present = verdicts.filter((v) => (r.summary.byVerdict[v] ?? 0) > 0);
  const order = pairOrder(r.pairs);
  const shown = order.slice(0, maxTableRows);
  const filters = `<form class="filters" id="filters" role="search" aria-label="Filter the tables">
<label>Verdict <select id="f-verdict"><option value="">all verdicts</option>${present.map((v) => `<option value="${v}">${v}</option>`).join("")}</select></label>
<label>Result <select id="f-status"><option value="">passed and failed</option><option value="failed">failed only</option><option value="passed">passed only</option></select></label>
<label>Search <input id="f-text" type="search" placeholder="id, flow, vendor…" autocomplete="off"></label>
<button type="reset" id="f-reset">Reset</button>
<output id="f-count" aria-live="polite"></output></form>`;
  const pairsTable =
    r.pairs.length > 0
      ? `<table class="data" id="pairs-table"><thead><tr><th>Verdict</th><th>Result</th><th>Flow</th><th>Pair</th><th class="num">Routed metric</th><th class="num">Clean alternative</th><th>Risky on routed path</th><th class="num">Risky on any path</th></tr></thead><tbody>${shown
          .map((i) => pairRow(r.pairs[i]!, detailIds.get(i)))
          .join("")}</tbody></table>${
          order.length > shown.length ? `<p class="muted">${plural(order.length - shown.length, "more pair")} (all passing or less severe) are in the JSON result.</p>` : ""
        }<p class="muted note">* over-approximated: some links are one-way.</p>`
      : `<p class="muted">No pairs were checked.</p>`;
  const rulesTable =
    r.rules.length > 0
      ? `<table class="data" id="rules-table"><thead><tr><th>Rule</th><th>Kind</th><th>Level</th><th>Result</th><th class="num">Findings</th><th>What it requires</th><th>Cites</th></tr></thead><tbody>${r.rules
          .map(ruleRow)
          .join("")}</tbody></table>`
      : `<p class="muted">No placement rules were checked (give a policy with rules).</p>`;
  return `<section id="results"><h2>Pairs and rules</h2>${filters}<h3>Pairs <span class="muted">(${plural(r.pairs.length, "pair")})</span></h3>${pairsTable}<h3>Rules <span class="muted">(${plural(r.rules.length, "rule")})</span></h3>${rulesTable}</section>`;
}
