import { type TextReporter, safe } from "./context.js";
import { routedRisky } from "./explain.js";

/**
 * One CSV cell (RFC 4180): quoted when it holds `,`, `"`, CR or LF, quotes doubled. A cell a
 * spreadsheet would read as a formula (`= + - @`, tab, CR first) gets a leading `'`. Control
 * characters are replaced first (`cat report.csv` must not run terminal escapes), so ids never
 * hold a line break here; the quoting rules still apply to anything that does.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  let s = value === null || value === undefined ? "" : safe(String(value));
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[,"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV record: the cells, comma-separated, CRLF-terminated. */
export function csvRow(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return cells.map(csvCell).join(",") + "\r\n";
}

/** Several ids in one cell. */
const many = (ids: readonly string[]): string => ids.join(" ");

export const pairColumns = [
  "flow",
  "from",
  "to",
  "verdict",
  "verdict_if_unknown_clean",
  "fail_on",
  "passed",
  "routed_metric",
  "risky_items",
  "clean_alternative_metric",
  "exposure_count",
  "diversity",
  "remediation",
] as const;
export const ruleColumns = ["rule", "kind", "level", "checked", "passed", "findings", "description", "source"] as const;
export const findingColumns = ["rule", "kind", "level", "waived", "waived_by", "items", "file", "line", "column", "message", "source"] as const;
export const underlayColumns = ["flow", "from", "to", "underlay_item", "carries"] as const;

/**
 * For spreadsheets (docs/ci.md describes the layout): three sections, each a header row and its
 * rows, separated by one empty line: pairs, then rules, then findings. Headers are always there,
 * so a sheet can find each section even when it is empty. CRLF line ends; ids in one cell are
 * separated by spaces; `remediation` lists the items to replace for a dirty pair; `diversity` is
 * written `≥N` when it is a lower bound. When some pair's risky items are underlay items (SPEC
 * §4.1), a fourth section lists them, one row per pair and item, with the path items it carries.
 */
export const csv: TextReporter = (result) => {
  const out: string[] = [csvRow(pairColumns)];
  for (const p of result.pairs) {
    out.push(
      csvRow([
        p.flow ?? "",
        p.from,
        p.to,
        p.verdict,
        p.verdictIfUnknownClean ?? "",
        p.failOn,
        p.passed,
        p.routed?.metric ?? "",
        many(routedRisky(p)),
        p.cleanAlternative?.metric ?? "",
        p.exposure.count,
        p.diversityApproximate ? `≥${p.diversity}` : p.diversity,
        p.remediation ? many(p.remediation.items) : "",
      ]),
    );
  }
  out.push("\r\n", csvRow(ruleColumns));
  for (const r of result.rules) out.push(csvRow([r.id, r.kind, r.level, r.checked, r.passed, r.findings, r.description, r.source?.title ?? ""]));
  out.push("\r\n", csvRow(findingColumns));
  for (const f of result.findings) {
    out.push(
      csvRow([f.rule, f.kind, f.level, f.waived ?? false, f.waivedBy ?? "", many(f.items), f.location?.file ?? "", f.location?.line ?? "", f.location?.column ?? "", f.message, f.source?.title ?? ""]),
    );
  }
  if (result.pairs.some((p) => p.via !== undefined)) {
    out.push("\r\n", csvRow(underlayColumns));
    for (const p of result.pairs) {
      for (const id of Object.keys(p.via ?? {}).sort()) out.push(csvRow([p.flow ?? "", p.from, p.to, id, many(p.via![id]!)]));
    }
  }
  return out.join("");
};
