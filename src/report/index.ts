import { errorAt, InputError } from "../diagnostics.js";
import { closest } from "../suggest.js";
import type { Reporter } from "./context.js";
import { html } from "./html.js";
import { json } from "./json.js";
import { table } from "./table.js";

/** Every output format; the keys feed commander's `.choices()`, so help cannot drift. */
export const reporters = { table, json, html } satisfies Record<string, Reporter>;
export type Format = keyof typeof reporters;
export const formats = Object.keys(reporters) as Format[];

export function reporterFor(name: string): Reporter {
  if (Object.hasOwn(reporters, name)) return reporters[name as Format];
  const guess = closest(name, formats);
  throw new InputError([errorAt("E_USAGE", `unknown format \`${name}\`${guess ? ` — did you mean \`${guess}\`?` : ""} (formats: ${formats.join(", ")})`)]);
}

export type { Reporter, ReportContext } from "./context.js";
