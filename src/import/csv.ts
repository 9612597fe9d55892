// CSV: `elements.csv` + `links.csv` (and optionally `sites.csv`), each with a header row whose
// columns are named as the topology fields. Lists (tags, components) are `;`-separated cells;
// a component is `Vendor` or `Vendor:part`. Columns that are not topology fields go to `meta`.
import { InputError, compareDiagnostics, type Diagnostic, type SourceLocation } from "../diagnostics.js";
import { media, roles, states } from "../topology/types.js";
import { cleanText, didYouMean, makeDocument } from "./common.js";
import { countryCode } from "./countries.js";
import { IdSpace, isId, slugify, toKey } from "./ids.js";
import { parseCsv, type CsvCell, type CsvTable } from "./csv-table.js";
import type { DocComponent, DocElement, DocLink, DocOperator, DocSite, Importer, ImportResult, Skipped, SourceText } from "./types.js";

type Kind = "elements" | "links" | "sites";
type FieldType = "id" | "ref" | "name" | "text" | "int" | "number" | "lat" | "lon" | "bool" | "date" | "tags" | "components" | "country" | readonly string[];

// Columns in the order the schema lists the fields, which is also the order they are written.
const lifecycle: Record<string, FieldType> = {
  components: "components", installed: "date", decommission: "date", replacementCost: "number",
};
const tail: Record<string, FieldType> = { passive: "bool", risk: ["high"], state: states, tags: "tags" };
const fields: Record<Kind, Record<string, FieldType>> = {
  elements: {
    id: "id", name: "name", description: "text", role: roles, vendor: "name", model: "text", operator: "ref", site: "ref",
    ...lifecycle, weight: "number", ...tail,
  },
  links: {
    id: "id", a: "ref", b: "ref", metric: "int", direction: ["both", "forward"], medium: media, vendor: "name", model: "text",
    operator: "ref", cable: "name", name: "name", description: "text", ...lifecycle, ...tail,
  },
  sites: { id: "id", name: "name", country: "country", region: "id", lat: "lat", lon: "lon", address: "text", tags: "tags" },
};
const required: Record<Kind, string[]> = { elements: ["id", "role"], links: ["a", "b"], sites: ["id"] };

function kindOf(table: CsvTable): Kind {
  const base = table.file.split(/[\\/]/).pop()!.toLowerCase();
  if (/link|edge|cable/.test(base)) return "links";
  if (/site|location/.test(base)) return "sites";
  if (/element|node|device/.test(base)) return "elements";
  const names = new Set(table.header.map((c) => c.value.trim()));
  return names.has("a") && names.has("b") ? "links" : "elements";
}

interface Row {
  values: Map<string, CsvCell>;
  meta: Record<string, string>;
  at: SourceLocation;
}

/** Converts one cell; pushes an error and returns undefined when the value does not fit. */
function convert(cell: CsvCell, column: string, type: FieldType, file: string, errors: Diagnostic[]): unknown {
  const raw = cell.value.trim();
  const at = { file, line: cell.line, column: cell.column };
  const bad = (what: string): undefined => {
    errors.push({ code: "E_CSV_VALUE", severity: "error", message: `${column}: \`${raw}\` ${what}`, location: at });
    return undefined;
  };
  if (Array.isArray(type)) return type.includes(raw) ? raw : bad(`is not one of ${type.join(", ")}${didYouMean(raw, type)}`);
  switch (type) {
    case "id":
    case "ref":
    case "name":
      return cleanText(raw);
    case "text":
      return cleanText(raw, 4096);
    case "int": {
      const n = Number(raw);
      return Number.isInteger(n) && n >= 1 && n <= 1e9 ? n : bad("is not a whole number from 1 to 10^9");
    }
    case "number": {
      const n = Number(raw);
      return Number.isFinite(n) && n >= 0 ? n : bad("is not a non-negative number");
    }
    case "lat":
    case "lon": {
      const n = Number(raw);
      const max = type === "lat" ? 90 : 180;
      return Number.isFinite(n) && Math.abs(n) <= max ? n : bad(`is not a ${type === "lat" ? "latitude" : "longitude"} (−${max} to ${max})`);
    }
    case "bool": {
      const t = raw.toLowerCase();
      if (["true", "yes", "1", "y"].includes(t)) return true;
      if (["false", "no", "0", "n"].includes(t)) return false;
      return bad("is not true or false");
    }
    case "date":
      return /^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(`${raw}T00:00:00Z`)) && new Date(`${raw}T00:00:00Z`).toISOString().startsWith(raw) ? raw : bad("is not a date (YYYY-MM-DD)");
    case "country":
      return countryCode(raw) ?? bad("is not an ISO 3166 country code or a country name cleanpath knows");
    case "tags": {
      const tags = raw.split(/[;|]/).map((t) => t.trim()).filter((t) => t !== "");
      const invalid = tags.find((t) => !isId(t));
      return invalid === undefined ? tags : bad(`has a tag \`${invalid}\` that is not an id (letters, digits and _ . : / @ + -)`);
    }
    case "components":
      return raw
        .split(";")
        .map((c) => c.trim())
        .filter((c) => c !== "")
        .map((c): DocComponent => {
          const colon = c.indexOf(":");
          const vendor = cleanText(colon === -1 ? c : c.slice(0, colon))!;
          const part = colon === -1 ? undefined : cleanText(c.slice(colon + 1), 4096);
          return part === undefined ? { vendor } : { vendor, part };
        });
  }
}

function readRows(table: CsvTable, kind: Kind, errors: Diagnostic[], skipped: Skipped[]): Row[] {
  const spec = fields[kind];
  const columns = table.header.map((c) => c.value.trim());
  const seen = new Set<string>();
  columns.forEach((name, i) => {
    const at = { file: table.file, line: table.header[i]!.line, column: table.header[i]!.column };
    if (seen.has(name)) errors.push({ code: "E_CSV_HEADER", severity: "error", message: `column \`${name}\` appears twice`, location: at });
    seen.add(name);
    if (!Object.hasOwn(spec, name)) {
      const noun = { elements: "an element", links: "a link", sites: "a site" }[kind];
      skipped.push({ what: `column ${name || i + 1} of ${table.file}`, why: `not ${noun} field${didYouMean(name, Object.keys(spec))}; kept under meta`, location: at });
    }
  });
  for (const r of required[kind]) {
    if (!seen.has(r)) errors.push({ code: "E_CSV_HEADER", severity: "error", message: `${kind} need a \`${r}\` column`, location: { file: table.file, line: table.header[0]!.line, column: 1 } });
  }
  return table.rows.map((cells) => {
    const row: Row = { values: new Map(), meta: {}, at: { file: table.file, line: cells[0]!.line, column: 1 } };
    if (cells.length > columns.length) {
      const extra = cells[columns.length]!;
      errors.push({ code: "E_CSV", severity: "error", message: `${cells.length} cells but the header has ${columns.length} columns`, location: { file: table.file, line: extra.line, column: extra.column } });
    }
    columns.forEach((name, i) => {
      const cell = cells[i];
      if (!cell || cell.value.trim() === "") return;
      if (Object.hasOwn(spec, name)) row.values.set(name, cell);
      else row.meta[toKey(name.replace(/^meta\./, ""), `column${i + 1}`)] = cell.value.trim();
    });
    return row;
  });
}

interface Build {
  errors: Diagnostic[];
  skipped: Skipped[];
  sites: Record<string, DocSite>;
  operators: Record<string, DocOperator>;
  /** Whether sites come from a sites file (then references must resolve) or from the values. */
  declaredSites: boolean;
  siteIds: Map<string, string>;
  siteSpace: IdSpace;
  operatorIds: Map<string, string>;
  operatorSpace: IdSpace;
}

/** The fields of a row, converted, in the order the spec lists them (ids handled by the caller). */
function rowFields(row: Row, kind: Kind, file: string, b: Build): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, type] of Object.entries(fields[kind])) {
    const cell = row.values.get(name);
    if (!cell) continue;
    const v = convert(cell, name, type, file, b.errors);
    if (v !== undefined) out[name] = v;
  }
  return out;
}

function siteRef(value: string, cell: CsvCell, file: string, b: Build): string | undefined {
  const known = b.siteIds.get(value);
  if (known !== undefined) return known;
  if (b.declaredSites) {
    b.errors.push({ code: "E_CSV_REFERENCE", severity: "error", message: `site \`${value}\` is not in the sites file${didYouMean(value, [...b.siteIds.keys()])}`, location: { file, line: cell.line, column: cell.column } });
    return undefined;
  }
  const id = b.siteSpace.claim(toKey(value, `site-${b.siteIds.size + 1}`));
  b.siteIds.set(value, id);
  b.sites[id] = id === value ? {} : { name: value };
  return id;
}

function operatorRef(value: string, b: Build): string {
  const known = b.operatorIds.get(value);
  if (known !== undefined) return known;
  const id = b.operatorSpace.claim(toKey(value, `operator-${b.operatorIds.size + 1}`));
  b.operatorIds.set(value, id);
  b.operators[id] = id === value ? {} : { name: value };
  return id;
}

/** The converted fields in the spec's order, then `meta` from the extra columns. */
function finish<T>(f: Record<string, unknown>, kind: Kind, row: Row): T {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(fields[kind])) if (f[name] !== undefined) out[name] = f[name];
  if (Object.keys(row.meta).length > 0) out.meta = row.meta;
  return out as T;
}

function buildSites(rows: Row[], file: string, b: Build): void {
  for (const row of rows) {
    const f = rowFields(row, "sites", file, b);
    const raw = f.id as string | undefined;
    if (raw === undefined) continue;
    if (b.siteIds.has(raw)) {
      b.errors.push({ code: "E_CSV_DUPLICATE", severity: "error", message: `site \`${raw}\` is listed twice`, location: row.at });
      continue;
    }
    const id = b.siteSpace.claim(toKey(raw, `site-${b.siteIds.size + 1}`));
    b.siteIds.set(raw, id);
    delete f.id;
    if (id !== raw && f.name === undefined) f.name = raw;
    b.sites[id] = finish<DocSite>(f, "sites", row);
  }
}

function buildElements(rows: Row[], file: string, b: Build, idOf: Map<string, string>): DocElement[] {
  const space = new IdSpace();
  const out: DocElement[] = [];
  for (const row of rows) {
    const f = rowFields(row, "elements", file, b);
    const raw = f.id as string | undefined;
    if (raw === undefined) continue;
    if (idOf.has(raw)) {
      b.errors.push({ code: "E_CSV_DUPLICATE", severity: "error", message: `element \`${raw}\` is listed twice`, location: row.at });
      continue;
    }
    const id = space.claim(isId(raw) ? raw : slugify(raw) || `element-${out.length + 1}`);
    if (id !== raw) b.skipped.push({ what: `id \`${raw}\``, why: `not a valid id; written as \`${id}\` with the original as name`, location: row.at });
    idOf.set(raw, id);
    f.id = id;
    if (id !== raw && f.name === undefined) f.name = raw;
    if (typeof f.site === "string") {
      const site = siteRef(f.site, row.values.get("site")!, file, b);
      if (site === undefined) delete f.site;
      else f.site = site;
    }
    if (typeof f.operator === "string") f.operator = operatorRef(f.operator, b);
    out.push(finish<DocElement>(f, "elements", row));
  }
  return out;
}

function buildLinks(rows: Row[], file: string, b: Build, idOf: Map<string, string>): DocLink[] {
  const out: DocLink[] = [];
  for (const row of rows) {
    const f = rowFields(row, "links", file, b);
    const ends = (["a", "b"] as const).map((k) => {
      const v = f[k] as string | undefined;
      const id = v === undefined ? undefined : idOf.get(v);
      if (v !== undefined && id === undefined) {
        const cell = row.values.get(k)!;
        b.errors.push({ code: "E_CSV_REFERENCE", severity: "error", message: `${k}: \`${v}\` is not an element${didYouMean(v, [...idOf.keys()])}`, location: { file, line: cell.line, column: cell.column } });
      }
      return id;
    });
    if (ends[0] === undefined || ends[1] === undefined) continue;
    if (ends[0] === ends[1]) {
      b.skipped.push({ what: `link ${String(f.a)}–${String(f.b)}`, why: "self-loop: both ends are the same element", location: row.at });
      continue;
    }
    f.a = ends[0];
    f.b = ends[1];
    if (typeof f.id === "string" && !isId(f.id)) {
      b.skipped.push({ what: `link id \`${f.id}\``, why: "not a valid id; kept as the link's name", location: row.at });
      if (f.name === undefined) f.name = f.id;
      delete f.id;
    }
    if (typeof f.operator === "string") f.operator = operatorRef(f.operator, b);
    out.push(finish<DocLink>(f, "links", row));
  }
  return out;
}

/** Imports `elements.csv` + `links.csv` (+ optional `sites.csv`). */
export function importCsv(files: readonly SourceText[]): ImportResult {
  const tables = new Map<Kind, CsvTable>();
  for (const f of files) {
    const table = parseCsv(f.file, f.text);
    const kind = kindOf(table);
    const other = tables.get(kind);
    if (other) throw new InputError([{ code: "E_IMPORT_INPUT", severity: "error", message: `two ${kind} files: ${other.file} and ${f.file}` }]);
    tables.set(kind, table);
  }
  const elementsTable = tables.get("elements");
  if (!elementsTable) throw new InputError([{ code: "E_IMPORT_INPUT", severity: "error", message: "csv import needs an elements file (elements.csv: id,role,vendor,…)" }]);
  const b: Build = { errors: [], skipped: [], sites: {}, operators: {}, declaredSites: tables.has("sites"), siteIds: new Map(), siteSpace: new IdSpace(), operatorIds: new Map(), operatorSpace: new IdSpace() };
  const rowsOf = (kind: Kind): Row[] => {
    const t = tables.get(kind);
    return t ? readRows(t, kind, b.errors, b.skipped) : [];
  };
  const siteRows = rowsOf("sites");
  const elementRows = rowsOf("elements");
  const linkRows = rowsOf("links");
  // Build everything even after an error, so that one run reports every problem.
  buildSites(siteRows, tables.get("sites")?.file ?? "", b);
  const idOf = new Map<string, string>();
  const elements = buildElements(elementRows, elementsTable.file, b, idOf);
  const links = buildLinks(linkRows, tables.get("links")?.file ?? "", b, idOf);
  if (b.errors.length > 0) throw new InputError([...b.errors].sort(compareDiagnostics));
  return { document: makeDocument({ operators: b.operators, sites: b.sites, elements, links }), skipped: b.skipped };
}

export const csv: Importer = {
  summary: "CSV: elements.csv + links.csv (+ sites.csv), header rows named as the topology fields",
  inputs: "many",
  extensions: [".csv"],
  run: importCsv,
};
