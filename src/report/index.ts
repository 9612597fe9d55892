import { errorAt, InputError } from "../diagnostics.js";
import { closest } from "../suggest.js";
import type { Reporter } from "./context.js";
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

export function reporterFor(name: string): Reporter {
  if (Object.hasOwn(reporters, name)) return reporters[name as Format];
  const guess = closest(name, formats);
  throw new InputError([errorAt("E_USAGE", `unknown format \`${name}\`${guess ? ` — did you mean \`${guess}\`?` : ""} (formats: ${formats.join(", ")})`)]);
}

export type { Reporter, ReportContext } from "./context.js";
