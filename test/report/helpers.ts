import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";
import { SaxesParser } from "saxes";
import { expect } from "vitest";
import type { AuditResult } from "../../src/result.js";
import { validate as validateReport } from "../../src/generated/report-all.js";
import type { ReportContext } from "../../src/report/context.js";

export const here = import.meta.dirname;
export const root = join(here, "..", "..");
export const casesDir = join(here, "cases");
export const goldenDir = join(here, "golden");

/** The numbered result cases (00-empty, 01-clean…), each checked against the report schema. */
export function cases(): { name: string; result: AuditResult }[] {
  return readdirSync(casesDir)
    .filter((f) => /^\d\d-.*\.json$/.test(f))
    .sort()
    .map((f) => ({ name: f.replace(/\.json$/, ""), result: JSON.parse(readFileSync(join(casesDir, f), "utf8")) as AuditResult }));
}

export function schemaErrors(result: unknown): string[] {
  if (validateReport(result)) return [];
  return (validateReport.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** What every golden is rendered with: no colour, the repository as the base folder. */
export const goldenContext: ReportContext = { color: false, version: "0.1.0", baseDir: root };

/**
 * Compares `text` with the golden file byte for byte. `CLEANPATH_UPDATE_GOLDEN=1` rewrites the
 * golden instead (never automatically: a changed golden must be read before it is committed).
 */
export function expectGolden(file: string, text: string): void {
  const path = join(goldenDir, file);
  if (process.env.CLEANPATH_UPDATE_GOLDEN === "1") {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return;
  }
  expect(existsSync(path), `${file} has no golden; run with CLEANPATH_UPDATE_GOLDEN=1 and read it`).toBe(true);
  expect(text).toBe(readFileSync(path, "utf8"));
}

type Validator = ((data: unknown) => boolean) & { errors?: unknown };
interface Ajv {
  compile(schema: object): Validator;
}
// ajv and ajv-formats are CommonJS: load them as such so that their default exports need no interop.
const load = createRequire(import.meta.url);
const Ajv2020 = load("ajv/dist/2020") as new (options: object) => Ajv;
const addFormats = load("ajv-formats") as (ajv: Ajv) => Ajv;

let sarifValidator: Validator | undefined;

/** The official SARIF 2.1.0 schema (test/fixtures/sarif-schema), with its formats checked. */
export function sarifSchemaErrors(log: unknown): unknown[] {
  if (!sarifValidator) {
    const schema = JSON.parse(readFileSync(join(root, "test", "fixtures", "sarif-schema", "sarif-2.1.0.json"), "utf8")) as object;
    // strictRequired off: the schema lists properties in `required` inside anyOf branches, which is valid JSON Schema.
    const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
    addFormats(ajv);
    sarifValidator = ajv.compile(schema);
  }
  const validate = sarifValidator;
  return validate(log) ? [] : ((validate.errors as unknown[]) ?? []);
}

export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** Parses XML with a strict, well-formedness-checking parser; throws on any error. */
export function parseXml(text: string): XmlNode {
  const parser = new SaxesParser();
  const stack: XmlNode[] = [];
  let top: XmlNode | undefined;
  parser.on("error", (e) => {
    throw e;
  });
  parser.on("opentag", (tag) => {
    const node: XmlNode = { name: tag.name, attributes: { ...(tag.attributes as Record<string, string>) }, children: [], text: "" };
    stack[stack.length - 1]?.children.push(node);
    stack.push(node);
    top ??= node;
  });
  parser.on("text", (t) => {
    const cur = stack[stack.length - 1];
    if (cur) cur.text += t;
  });
  parser.on("closetag", () => void stack.pop());
  parser.write(text).close();
  if (!top) throw new Error("no root element");
  return top;
}

/** Parses RFC 4180 CSV (CRLF rows, quoted fields) into rows of cells; throws on a malformed quote. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i++;
        if (i < text.length && text[i] !== "," && text[i] !== "\r") throw new Error(`text after a closing quote at ${i}`);
      } else {
        cell += ch;
        i++;
      }
    } else if (ch === '"' && cell === "") {
      quoted = true;
      i++;
    } else if (ch === ",") {
      row.push(cell);
      cell = "";
      i++;
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i += 2;
    } else if (ch === "\n" || ch === "\r" || ch === '"') {
      throw new Error(`bare ${JSON.stringify(ch)} at ${i}`);
    } else {
      cell += ch;
      i++;
    }
  }
  if (quoted) throw new Error("unterminated quote");
  if (cell !== "" || row.length > 0) throw new Error("last row does not end with CRLF");
  return rows;
}
