// The importer registry and the one pipeline every import goes through:
// importer → vendor map → the same checks as `validate` → YAML (or JSON) with a header comment.
import { InputError, usageError } from "../diagnostics.js";
import { version } from "../version.js";
import { batfish } from "./batfish.js";
import { checkImported } from "./check.js";
import { decodeFiles, describeSkipped } from "./common.js";
import { cables } from "./cables.js";
import { containerlab } from "./containerlab.js";
import { csv } from "./csv.js";
import { emitYaml } from "./emit-yaml.js";
import { graphml } from "./graphml.js";
import { lldp } from "./lldp.js";
import { netbox } from "./netbox.js";
import { netjson } from "./netjson.js";
import { sndlib } from "./sndlib.js";
import type { Importer, ImportFile, ImportOptions, ImportResult } from "./types.js";
import { applyVendorMap, type VendorMap } from "./vendor-map.js";

export const importers = { containerlab, graphml, netbox, csv, cables, netjson, batfish, lldp, sndlib } satisfies Record<string, Importer>;
export type ImportFormat = keyof typeof importers;
/** Format names, in registry order; they feed commander's `.choices()` so help cannot drift. */
export const importFormats = Object.keys(importers) as ImportFormat[];

/** The importer for a format name; an InputError listing the formats for an unknown one. */
export function importerFor(format: string): Importer {
  if (!Object.hasOwn(importers, format)) {
    throw usageError("E_IMPORT_FORMAT", `unknown import format \`${format}\`; formats: ${importFormats.join(", ")}`);
  }
  return importers[format as ImportFormat];
}

export interface ImportRequest {
  format: string;
  files: readonly ImportFile[];
  options?: ImportOptions;
  vendorMap?: VendorMap;
}

export interface ImportOutcome extends ImportResult {
  /** Comment lines for the top of the written file: source, importer, what was skipped. */
  header: string[];
}

/**
 * Imports `files` with the named importer, applies the vendor map, and checks the result as
 * `validate` would. Throws InputError for bad input, and for output that would not validate
 * (an importer bug: nothing is written).
 */
export function importTopology(req: ImportRequest): ImportOutcome {
  const importer = importerFor(req.format);
  const options = req.options ?? {};
  const result = importer.run(decodeFiles(req.files), options);
  let { document } = result;
  const skipped = [...result.skipped];
  if (req.vendorMap) {
    const applied = applyVendorMap(document, req.vendorMap);
    document = applied.document;
    skipped.push(...applied.skipped);
  }
  const problems = checkImported(document);
  if (problems.length > 0) {
    throw new InputError([
      { code: "E_IMPORT_INVALID", severity: "error", message: `the ${req.format} importer produced a topology that does not validate; nothing was written. This is a bug in cleanpath; please report it with the input file` },
      ...problems,
    ]);
  }
  const mapped = result.mapped ?? [];
  return { document, skipped, ...(mapped.length > 0 ? { mapped } : {}), header: importHeader(req, skipped, mapped) };
}

function importHeader(req: ImportRequest, skipped: ImportResult["skipped"], mapped: readonly string[]): string[] {
  const lines = [
    `Imported by \`cleanpath import ${req.format}\` (cleanpath ${version}) from ${describeInputs(req.files)}`,
  ];
  if (mapped.length > 0) lines.push("Mapped:", ...mapped.map((m) => `  - ${m}`));
  if (req.vendorMap) lines.push(`Vendor map: ${req.vendorMap.file}`);
  if (req.options?.metric) lines.push(`Link metric: ${req.options.metric}`);
  if (skipped.length === 0) lines.push("Everything in the source was imported.");
  else {
    lines.push(`Not imported or not mapped (${skipped.length}):`);
    for (const s of skipped) lines.push(`  - ${describeSkipped(s)}`);
  }
  lines.push("Re-run the import after fixing the source (or the vendor map) rather than editing this file by hand.");
  return lines;
}

/** The input files for the header: all of them, or (past ten) the first few and a count. */
function describeInputs(files: readonly ImportFile[]): string {
  const names = files.map((f) => f.file);
  return names.length <= 10 ? names.join(", ") : `${names.slice(0, 3).join(", ")} and ${names.length - 3} more files`;
}

/** The imported document as file text: YAML with the header as comments, or JSON. */
export function renderImport(outcome: ImportOutcome, as: "yaml" | "json"): string {
  return as === "json" ? JSON.stringify(outcome.document, null, 2) + "\n" : emitYaml(outcome.document, outcome.header);
}

export { checkImported } from "./check.js";
export { emitYaml } from "./emit-yaml.js";
export { parseVendorMap, applyVendorMap, type VendorMap, type VendorMapEntry } from "./vendor-map.js";
export { describeSkipped } from "./common.js";
export type { FolderView, Importer, ImportFile, ImportOptions, ImportResult, MetricSource, Skipped, SourceText, TopologyDocument } from "./types.js";
export { metricSources } from "./types.js";
