import { errorAt, InputError } from "../diagnostics.js";
import { closest } from "../suggest.js";
import type { FormatRegistry, Reporter } from "./context.js";
import type { AuditResult } from "../result.js";
import { csv } from "./csv.js";
import { github } from "./github.js";
import { html } from "./html.js";
import { json } from "./json.js";
import { junit } from "./junit.js";
import { markdown } from "./markdown.js";
import { sarif } from "./sarif.js";
import { table } from "./table.js";

/** Every output format; the keys feed commander's `.choices()`, so help cannot drift. */
export const reporters = { table, json, markdown, html, sarif, junit, github, csv } satisfies Record<string, Reporter>;
export type Format = keyof typeof reporters;
export const formats = Object.keys(reporters) as Format[];

/** The audit report formats as a registry: html draws its pair diagrams with Graphviz. */
export const reportFormats: FormatRegistry<AuditResult> = { noun: "report", reporters, graphviz: ["html"] };

export function reporterFor(name: string): Reporter {
  if (Object.hasOwn(reporters, name)) return reporters[name as Format];
  const guess = closest(name, formats);
  throw new InputError([errorAt("E_USAGE", `unknown format \`${name}\`${guess ? ` — did you mean \`${guess}\`?` : ""} (formats: ${formats.join(", ")})`)]);
}

export type { FormatRegistry, Reporter, ReportContext, ReportOutput } from "./context.js";
export { outputText } from "./context.js";
