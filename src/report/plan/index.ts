import type { FormatRegistry, ReportContext } from "../context.js";
import type { PlanResult } from "../../result.js";
import { planCsv } from "./csv.js";
import { planHtml } from "./html.js";
import { planMarkdown } from "./markdown.js";
import { planTable } from "./table.js";

/** `--format json` of `cleanpath plan`: the PlanResult contract (schemas/plan.schema.json). */
export function planJson(result: PlanResult, _ctx: ReportContext): string {
  return JSON.stringify(result, null, 2) + "\n";
}

/** Every plan format; the keys feed commander's `.choices()` for `cleanpath plan --format`. */
export const planReporters = {
  table: planTable,
  json: planJson,
  markdown: planMarkdown,
  csv: planCsv,
  html: planHtml,
};
export type PlanFormat = keyof typeof planReporters;
export const planFormatNames = Object.keys(planReporters) as PlanFormat[];

/** The plan formats as a registry (what src/run/outputs.ts renders). */
export const planFormats: FormatRegistry<PlanResult> = { noun: "plan", reporters: planReporters };
