// The vendor map (`--vendor-map`): an overlay that names the vendor (and optionally role, model,
// tags, passive) of imported elements, matched by element id, then by name (a GraphML label, a
// containerlab node name), with `*` as the fallback for elements the source gave no vendor.
// Written as YAML (`key: Vendor` or `key: {vendor, role, …}`) or CSV (`id|label|name,vendor,…`).
import { InputError, type Diagnostic, type SourceLocation } from "../diagnostics.js";
import { readDocument } from "../load/index.js";
import { roles, type Role } from "../topology/types.js";
import { cleanText, decodeFiles, didYouMean } from "./common.js";
import { parseCsv } from "./csv-table.js";
import { isId } from "./ids.js";
import type { DocElement, ImportFile, Skipped, SourceText, TopologyDocument } from "./types.js";

export interface VendorMapEntry {
  vendor?: string;
  role?: Role;
  model?: string;
  tags?: string[];
  passive?: boolean;
}

export interface VendorMap {
  file: string;
  entries: Map<string, { entry: VendorMapEntry; location: SourceLocation }>;
}

const entryFields = ["vendor", "role", "model", "tags", "passive"];
const keyColumns = ["id", "label", "name", "key", "match"];

/** Checks and converts one entry's fields; problems go to `errors`. */
function toEntry(raw: Record<string, unknown>, at: SourceLocation, errors: Diagnostic[]): VendorMapEntry {
  const entry: VendorMapEntry = {};
  const bad = (message: string): void => void errors.push({ code: "E_VENDOR_MAP", severity: "error", message, location: at });
  for (const k of Object.keys(raw)) {
    if (!entryFields.includes(k)) bad(`\`${k}\` is not a vendor-map field (${entryFields.join(", ")})${didYouMean(k, entryFields)}`);
  }
  if (raw.vendor !== undefined) {
    const vendor = cleanText(raw.vendor);
    if (vendor === undefined) bad("`vendor` must be a non-empty name");
    else entry.vendor = vendor;
  }
  if (raw.role !== undefined) {
    const role = String(raw.role).trim().toLowerCase();
    if ((roles as readonly string[]).includes(role)) entry.role = role as Role;
    else bad(`role \`${String(raw.role)}\` is not one of ${roles.join(", ")}${didYouMean(role, roles)}`);
  }
  if (raw.model !== undefined) {
    const model = cleanText(raw.model, 4096);
    if (model !== undefined) entry.model = model;
  }
  if (raw.tags !== undefined) {
    const tags = (Array.isArray(raw.tags) ? raw.tags.map(String) : String(raw.tags).split(/[;|,\s]+/)).map((t) => t.trim()).filter((t) => t !== "");
    const invalid = tags.find((t) => !isId(t));
    if (invalid !== undefined) bad(`tag \`${invalid}\` is not an id (letters, digits and _ . : / @ + -)`);
    else entry.tags = tags;
  }
  if (raw.passive !== undefined) {
    const p = String(raw.passive).trim().toLowerCase();
    if (["true", "yes", "1"].includes(p)) entry.passive = true;
    else if (["false", "no", "0"].includes(p)) entry.passive = false;
    else bad("`passive` must be true or false");
  }
  return entry;
}

function fromYaml(file: SourceText): VendorMap {
  const { value: data, locate } = readDocument(file, { depth: 1 });
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new InputError([{ code: "E_VENDOR_MAP", severity: "error", message: "a vendor map is a mapping: `id or name: Vendor` or `id or name: {vendor: …, role: …}`", location: locate([]) }]);
  }
  const errors: Diagnostic[] = [];
  const entries: VendorMap["entries"] = new Map();
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const location = locate([key]);
    const raw = typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : { vendor: value };
    entries.set(key, { entry: toEntry(raw, location, errors), location });
  }
  if (errors.length > 0) throw new InputError(errors);
  return { file: file.file, entries };
}

function fromCsv(file: SourceText): VendorMap {
  const table = parseCsv(file.file, file.text);
  const columns = table.header.map((c) => c.value.trim());
  const keyIndex = columns.findIndex((c) => keyColumns.includes(c));
  if (keyIndex === -1) {
    throw new InputError([{ code: "E_VENDOR_MAP", severity: "error", message: `a CSV vendor map needs a key column (${keyColumns.join(", ")}) and a vendor column`, location: { file: file.file, line: table.header[0]!.line, column: 1 } }]);
  }
  const errors: Diagnostic[] = [];
  const entries: VendorMap["entries"] = new Map();
  for (const cells of table.rows) {
    const key = cells[keyIndex]?.value.trim() ?? "";
    const location = { file: file.file, line: cells[0]!.line, column: 1 };
    if (key === "") continue;
    const raw: Record<string, unknown> = {};
    columns.forEach((c, i) => {
      const v = cells[i]?.value.trim();
      if (i !== keyIndex && v) raw[c] = v;
    });
    if (entries.has(key)) errors.push({ code: "E_VENDOR_MAP", severity: "error", message: `\`${key}\` is listed twice`, location });
    entries.set(key, { entry: toEntry(raw, location, errors), location });
  }
  if (errors.length > 0) throw new InputError(errors);
  return { file: file.file, entries };
}

/** Reads a vendor map: CSV when the file name ends in `.csv`, YAML (or JSON) otherwise. */
export function parseVendorMap(file: ImportFile): VendorMap {
  const [src] = decodeFiles([file]);
  return /\.csv$/i.test(src!.file) ? fromCsv(src!) : fromYaml(src!);
}

function applyEntry(e: DocElement, entry: VendorMapEntry): DocElement {
  const out: DocElement = { ...e };
  if (entry.vendor !== undefined) out.vendor = entry.vendor;
  if (entry.role !== undefined) out.role = entry.role;
  if (entry.model !== undefined) out.model = entry.model;
  if (entry.passive !== undefined) out.passive = entry.passive;
  if (entry.tags !== undefined) out.tags = [...new Set([...(e.tags ?? []), ...entry.tags])];
  // Keep the schema's key order so that the written file reads the same as any other import.
  const order = ["id", "name", "description", "role", "vendor", "model", "operator", "site", "components", "installed", "decommission", "replacementCost", "weight", "passive", "risk", "state", "tags", "meta"];
  const sorted: Record<string, unknown> = {};
  for (const k of order) if ((out as unknown as Record<string, unknown>)[k] !== undefined) sorted[k] = (out as unknown as Record<string, unknown>)[k];
  return sorted as unknown as DocElement;
}

/**
 * Applies a vendor map to an imported document: an entry keyed by an element's id wins over
 * one keyed by its name; then `*` covers elements still without a vendor (except passive and
 * `external` ones), without undoing what a specific entry set. Entries that match nothing are
 * reported, since they are usually typos.
 */
export function applyVendorMap(doc: TopologyDocument, map: VendorMap): { document: TopologyDocument; skipped: Skipped[] } {
  const used = new Set<string>();
  const fallback = map.entries.get("*");
  const elements = doc.elements.map((e) => {
    const key = map.entries.has(e.id) ? e.id : e.name !== undefined && map.entries.has(e.name) ? e.name : undefined;
    const specific = key === undefined || key === "*" ? undefined : map.entries.get(key)!.entry;
    let out = e;
    if (specific) {
      used.add(key!);
      out = applyEntry(out, specific);
    }
    if (fallback && out.vendor === undefined && out.passive !== true && !(out.tags ?? []).includes("external")) {
      used.add("*");
      const rest: VendorMapEntry = { ...fallback.entry };
      if (specific?.role !== undefined) delete rest.role;
      if (specific?.model !== undefined) delete rest.model;
      if (specific?.passive !== undefined) delete rest.passive;
      out = applyEntry(out, rest);
    }
    return out;
  });
  const skipped: Skipped[] = [];
  for (const [key, { location }] of map.entries) {
    if (!used.has(key)) skipped.push({ what: `vendor-map entry \`${key}\``, why: key === "*" ? "every element already has a vendor" : "matches no element id or name", location });
  }
  return { document: { ...doc, elements }, skipped };
}
