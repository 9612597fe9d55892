import { operatorList, type PlanResult } from "../../result.js";
import type { ReportContext } from "../context.js";
import { csvRow } from "../csv.js";
import { itemsByPhase } from "./words.js";

export const planColumns = ["id", "type", "vendor", "role", "site", "operator", "cost", "phase", "fixes_pairs", "fixes_rules"] as const;

/**
 * `cleanpath plan` for spreadsheets: a header row, then one row per item to replace, in the order
 * of the phases. CRLF line ends and the audit CSV's quoting and formula guard (csvCell); several
 * values in one cell are separated by spaces, a pair written `from→to`; the cost as a plain number.
 * The header is there even when there is nothing to replace.
 */
export function planCsv(r: PlanResult, _ctx: ReportContext): string {
  const out = [csvRow(planColumns)];
  for (const it of itemsByPhase(r)) {
    out.push(csvRow([it.id, it.type, it.vendor ?? "", it.role ?? "", it.site ?? "", operatorList(it.operator).join(" "), it.cost, it.phase, it.fixes.pairs.map(([a, b]) => `${a}→${b}`).join(" "), it.fixes.rules.join(" ")]));
  }
  return out.join("");
}
