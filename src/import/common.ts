// Small helpers every importer shares: decoding, one-file input, bounded text fields, reports.
import { type Diagnostic, InputError } from "../diagnostics.js";
import { decodeSource } from "../load/index.js";
import type { DocElement, DocLink, DocOperator, DocSite, DocVendor, ImportFile, Skipped, SourceText, TopologyDocument } from "./types.js";

/** Each file's text, decoded by load/; every file's encoding problem is reported at once. */
export function decodeFiles(files: readonly ImportFile[]): SourceText[] {
  const problems: Diagnostic[] = [];
  const out: SourceText[] = [];
  for (const f of files) {
    try {
      out.push(decodeSource(f.file, f.bytes));
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problems.push(...err.diagnostics);
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return out;
}

/** The single input file of a one-file importer; an InputError otherwise. */
export function singleFile(format: string, files: readonly SourceText[]): SourceText {
  if (files.length !== 1) {
    throw new InputError([{ code: "E_IMPORT_INPUT", severity: "error", message: `${format} import takes exactly one file, got ${files.length}` }]);
  }
  return files[0]!;
}

/** `text` trimmed, or undefined when empty; cut to `max` characters (schema limits). */
export function cleanText(text: unknown, max = 256): string | undefined {
  if (typeof text !== "string" && typeof text !== "number") return undefined;
  const s = String(text).trim();
  if (s === "") return undefined;
  return s.length > max ? s.slice(0, max - 1) + "…" : s;
}

/** Sets `obj[key] = value` only when value is defined, so documents never carry `undefined`. */
export function put<T extends object, K extends keyof T>(obj: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) obj[key] = value;
}

/** One line per skipped item, `what: why (file:line:col)`, for stderr and the header comment. */
export function describeSkipped(s: Skipped): string {
  const where = s.location ? ` (${s.location.file}:${s.location.line}:${s.location.column})` : "";
  return `${s.what}: ${s.why}${where}`;
}

/** Adds "N items" to a report once, instead of one line per item, when a problem is routine. */
export function countNote(count: number, singular: string, plural: string, why: string): Skipped[] {
  if (count === 0) return [];
  return [{ what: `${count} ${count === 1 ? singular : plural}`, why }];
}

/** Great-circle distance in km (haversine, mean Earth radius). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A topology document with keys in the schema's order and empty maps left out. */
export function makeDocument(parts: {
  name?: string | undefined;
  description?: string | undefined;
  vendors?: Record<string, DocVendor>;
  operators?: Record<string, DocOperator>;
  sites?: Record<string, DocSite>;
  elements: DocElement[];
  links: DocLink[];
}): TopologyDocument {
  const ordered: Record<string, unknown> = { cleanpath: 1 };
  if (parts.name !== undefined) ordered.name = parts.name;
  if (parts.description !== undefined) ordered.description = parts.description;
  if (parts.vendors && Object.keys(parts.vendors).length > 0) ordered.vendors = parts.vendors;
  if (parts.operators && Object.keys(parts.operators).length > 0) ordered.operators = parts.operators;
  if (parts.sites && Object.keys(parts.sites).length > 0) ordered.sites = parts.sites;
  ordered.elements = parts.elements;
  ordered.links = parts.links;
  return ordered as unknown as TopologyDocument;
}

/** Levenshtein distance, for "did you mean" hints on short words. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** ` (did you mean \`x\`?)` when one option is close to `word`, else "". */
export function didYouMean(word: string, options: readonly string[]): string {
  let best: string | undefined;
  // One edit for short words, one more per four letters: `cor` → `core`, not `rack` → `risk`.
  let bestDistance = Math.max(1, Math.floor(word.length / 4)) + 1;
  for (const o of options) {
    const d = editDistance(word.toLowerCase(), o.toLowerCase());
    if (d < bestDistance) {
      best = o;
      bestDistance = d;
    }
  }
  return best === undefined ? "" : ` (did you mean \`${best}\`?)`;
}
