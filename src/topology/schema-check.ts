import type { ErrorObject, ValidateFunction } from "ajv";
import { type Diagnostic, type DiagnosticCode, errorAt } from "../diagnostics.js";
import type { DocPath } from "../load/positions.js";
import type { LoadedFile } from "../load/index.js";
import { closest } from "../suggest.js";

interface Located {
  path: DocPath;
  key: boolean;
  code: DiagnosticCode;
  message: string;
}

/**
 * Validates a parsed file against a compiled schema. The fast validator (first error only, or
 * any check with exactly its answer) runs on every file; only a file that fails is validated again collecting every error, each
 * turned into a located message with a hint where one helps.
 */
export function checkSchema(
  file: LoadedFile,
  fast: (value: Record<string, unknown>) => boolean,
  all: ValidateFunction,
  max = 100,
): Diagnostic[] {
  if (fast(file.value)) return [];
  all(file.value);
  const located = explain(all.errors ?? []);
  const shown = located.slice(0, max);
  const where = file.locateAll(
    shown.map((l) => l.path),
    false,
  );
  const keyWhere = file.locateAll(
    shown.map((l) => l.path),
    true,
  );
  const out = shown.map((l, i) => errorAt(l.code, l.message, l.key ? keyWhere[i] : where[i]));
  if (located.length > max) {
    out.push(errorAt("E_SCHEMA", `… and ${located.length - max} more schema errors in this file`, { file: file.file, line: 1, column: 1 }));
  }
  return out;
}

/** Pointer `/elements/3/role` → ["elements", 3, "role"]. */
export function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

/** `elements[3].role`, the way people read a path. */
export function humanPath(path: DocPath): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out === "" ? seg : /^[A-Za-z_][\w-]*$/.test(seg) ? `.${seg}` : `[${JSON.stringify(seg)}]`;
  }
  return out === "" ? "the document" : out;
}

function show(v: unknown): string {
  if (typeof v === "string") return `\`${v.length > 60 ? v.slice(0, 57) + "…" : v}\``;
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return `\`${String(v)}\``;
}

function typeName(t: unknown): string {
  const names: Record<string, string> = {
    string: "text",
    integer: "a whole number",
    number: "a number",
    boolean: "true or false",
    array: "a list",
    object: "a mapping",
    null: "null",
  };
  return Array.isArray(t) ? t.map(typeName).join(" or ") : (names[String(t)] ?? String(t));
}

function actualType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  if (typeof v === "number") return Number.isInteger(v) ? "a whole number" : Number.isFinite(v) ? "a number" : `${v}`;
  if (typeof v === "string") return "text";
  return typeof v;
}

/** Turns raw ajv errors into one message per real problem (branch noise of if/anyOf removed). */
function explain(errors: readonly ErrorObject[]): Located[] {
  // A list where "one value or a list" is allowed took the list branch: its own errors (an entry,
  // too few, a repeat) say what is wrong, not "must be a name or a list of names".
  const listBranch = new Set(
    errors
      .filter((e) => e.keyword === "anyOf" && Array.isArray(e.data))
      .filter((a) => errors.some((e) => e.instancePath.startsWith(`${a.instancePath}/`) || (e.instancePath === a.instancePath && e.keyword !== "type" && e.keyword !== "anyOf")))
      .map((a) => a.instancePath),
  );
  const anyOfAt = new Set(errors.filter((e) => e.keyword === "anyOf" && !listBranch.has(e.instancePath)).map((e) => e.instancePath));
  const oneOfAt = new Set(errors.filter((e) => e.keyword === "oneOf").map((e) => e.instancePath));
  const specificNames = new Set(
    errors.filter((e) => e.keyword !== "propertyNames" && e.propertyName !== undefined).map((e) => `${e.instancePath}\u0000${e.propertyName}`),
  );
  const out: Located[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === "if") continue;
    if (anyOfAt.has(e.instancePath) && e.keyword !== "anyOf") continue;
    if (listBranch.has(e.instancePath) && (e.keyword === "anyOf" || e.keyword === "type")) continue;
    if (oneOfAt.has(e.instancePath) && e.schemaPath.includes("/oneOf/")) continue;
    if (e.keyword === "propertyNames" && specificNames.has(`${e.instancePath}\u0000${(e.params as { propertyName: string }).propertyName}`)) continue;
    const l = explainOne(e);
    const id = `${l.path.join("/")}\u0000${l.key}\u0000${l.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(l);
  }
  return out;
}

const idHelp = "use letters, digits and _ . : / @ + -, starting with a letter or digit";

function explainOne(e: ErrorObject): Located {
  const path = pointerToPath(e.instancePath);
  const field = humanPath(path);
  const last = path[path.length - 1];
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "required": {
      const missing = String(p.missingProperty);
      return { path, key: path.length > 0, code: "E_SCHEMA_REQUIRED", message: `${field} is missing \`${missing}\`${requiredHint(path, missing)}` };
    }
    case "additionalProperties": {
      const extra = String(p.additionalProperty);
      const allowed = Object.keys(((e.parentSchema as { properties?: object })?.properties ?? {}) as object);
      const guess = closest(extra, allowed);
      const value = (e.data as Record<string, unknown> | null)?.[extra];
      const hint = guess
        ? ` — did you mean \`${guess}\`?`
        : value === null && /[ .]/.test(extra)
          ? " — a comma inside an unquoted value ends it: put the value in quotes"
          : allowed.length
            ? ` (allowed here: ${allowed.join(", ")})`
            : "";
      return { path: [...path, extra], key: true, code: "E_SCHEMA_UNKNOWN_PROPERTY", message: `unknown property \`${extra}\` in ${field}${hint}` };
    }
    case "enum": {
      const allowed = (p.allowedValues as unknown[]).map(String);
      const guess = typeof e.data === "string" ? closest(e.data, allowed) : undefined;
      const what = typeof last === "string" ? `\`${last}\`` : field;
      const hint = guess ? ` — did you mean \`${guess}\`?` : "";
      return {
        path,
        key: false,
        code: "E_SCHEMA_VALUE",
        message: `${show(e.data)} is not a valid ${what}${hint} (one of: ${allowed.join(", ")})`,
      };
    }
    case "const":
      if (path.length === 1 && last === "cleanpath") {
        return { path, key: false, code: "E_SCHEMA_VERSION", message: `\`cleanpath\` must be 1 (the format version this tool reads), not ${show(e.data)}` };
      }
      return { path, key: false, code: "E_SCHEMA_VALUE", message: `${field} must be ${JSON.stringify(p.allowedValue)}` };
    case "type":
      return {
        path,
        key: false,
        code: "E_SCHEMA_TYPE",
        message: `${field} must be ${typeName(p.type)}, not ${actualType(e.data)}${p.type === "string" ? typeHint(path, e.data) : metricHint(path, e.data)}`,
      };
    case "minimum":
    case "exclusiveMinimum":
    case "maximum":
    case "exclusiveMaximum": {
      const op = { minimum: "at least", exclusiveMinimum: "more than", maximum: "at most", exclusiveMaximum: "less than" }[e.keyword];
      return { path, key: false, code: "E_SCHEMA_RANGE", message: `${field} must be ${op} ${String(p.limit)}, not ${String(e.data)}` };
    }
    case "pattern": {
      const pattern = String(p.pattern);
      const name = e.propertyName;
      if (name !== undefined) {
        return { path: [...path, name], key: true, code: "E_SCHEMA_NAME", message: `\`${name}\` is not a valid name in ${field}: ${idHelp}` };
      }
      if (pattern.includes("[0-9]{4}-")) return { path, key: false, code: "E_SCHEMA_DATE", message: `${field} must be a date written YYYY-MM-DD, not ${show(e.data)}` };
      if (pattern.includes("[A-Za-z]{2}")) {
        return { path, key: false, code: "E_SCHEMA_COUNTRY", message: `${field} must be a two-letter ISO 3166 country code (like MX or GB), not ${show(e.data)}` };
      }
      // Item references (`underlay`) may also name a derived link id such as `a--b#2`.
      const help = pattern.includes("+#-") ? idHelp.replace("+ -", "+ # -") : idHelp;
      return { path, key: false, code: "E_SCHEMA_ID", message: `${show(e.data)} is not a valid id in ${field}: ${help}` };
    }
    case "not":
      if (e.propertyName !== undefined) {
        return { path: [...path, e.propertyName], key: true, code: "E_SCHEMA_NAME", message: `\`${e.propertyName}\` cannot be used as a name` };
      }
      return { path, key: false, code: "E_SCHEMA", message: `${field} has a value that is not allowed` };
    case "propertyNames":
      return { path: [...path, String(p.propertyName)], key: true, code: "E_SCHEMA_NAME", message: `\`${String(p.propertyName)}\` is not a valid name in ${field}` };
    case "minLength":
      return { path, key: false, code: "E_SCHEMA_VALUE", message: `${field} must not be empty` };
    case "maxLength":
      return { path, key: false, code: "E_SCHEMA_VALUE", message: `${field} is longer than ${String(p.limit)} characters` };
    case "items":
    case "minItems":
    case "maxItems":
      if (path[0] === "links" && path.length === 2) {
        return { path, key: false, code: "E_SCHEMA_LINK", message: `${field}: a compact link is [a, b] or [a, b, metric]` };
      }
      return {
        path,
        key: false,
        code: "E_SCHEMA_VALUE",
        message: `${field} must have ${e.keyword === "minItems" ? "at least" : "at most"} ${String(p.limit ?? "")} entries`,
      };
    case "uniqueItems":
      return {
        path: [...path, Number(p.i)],
        key: false,
        code: "E_SCHEMA_VALUE",
        message: `${field} lists ${show((e.data as unknown[])[Number(p.i)])} twice`,
      };
    case "minProperties":
      return { path, key: false, code: "E_SCHEMA_VALUE", message: `${field} is empty: a selector needs at least one of id, role, vendor, operator, site, country, region, tag` };
    case "maxProperties":
      return { path, key: false, code: "E_SCHEMA_VALUE", message: `${field} has more than ${String(p.limit)} entries` };
    case "oneOf":
      if (path[0] === "rules" && path.length === 2) {
        const present = ["forbid", "cap", "diversity", "deadline", "noNewAfter"].filter((k) => (e.data as Record<string, unknown>)?.[k] !== undefined);
        return {
          path,
          key: false,
          code: "E_SCHEMA_RULE",
          message:
            present.length > 1
              ? `${field} has ${present.map((k) => `\`${k}\``).join(" and ")}: a rule has exactly one kind (split it into several rules)`
              : `${field} has no rule kind: give it one of forbid, cap, diversity, deadline, noNewAfter`,
        };
      }
      return { path, key: false, code: "E_SCHEMA", message: `${field} must match exactly one of its allowed forms` };
    case "dependentRequired":
      return {
        path,
        key: false,
        code: "E_SCHEMA_REQUIRED",
        message: `${field}: \`${String(p.property)}\` needs \`${String(p.missingProperty)}\` beside it${p.property === "near" ? " (how close is too close?)" : " (close to which sites?)"}`,
      };
    case "anyOf":
      if (typeof e.data === "string" && /%$/.test(e.data)) {
        return { path, key: false, code: "E_SCHEMA_VALUE", message: `${field} must be a share from 0% to 100% (or a fraction from 0 to 1), not ${show(e.data)}` };
      }
      if (typeof e.data === "number" && last !== undefined && /max|share/i.test(String(last))) {
        return { path, key: false, code: "E_SCHEMA_VALUE", message: `${field} must be a share: write "35%" or 0.35, not ${String(e.data)}` };
      }
      return { path, key: false, code: "E_SCHEMA_TYPE", message: `${field} must be a name or a list of names, not ${actualType(e.data)}` };
    case "false schema":
      return { path, key: false, code: "E_SCHEMA_VALUE", message: `${field} is not allowed here` };
    default:
      return { path, key: false, code: "E_SCHEMA", message: `${field} ${e.message ?? "is invalid"}` };
  }
}

function requiredHint(path: DocPath, missing: string): string {
  if (path.length === 0 && missing === "cleanpath") return " (a topology starts with `cleanpath: 1`)";
  if (path[0] === "elements" && path.length === 2) return " (every element needs an `id` and a `role`)";
  if (path[0] === "links" && path.length === 2) return " (a link joins `a` and `b`)";
  if (path[0] === "flows" && path.length === 2) return " (a flow needs `id`, `from` and `to`)";
  return "";
}

function metricHint(path: DocPath, data: unknown): string {
  const last = path[path.length - 1];
  return (last === "metric" || path[0] === "links") && typeof data === "number" && !Number.isInteger(data) ? " (metrics are whole numbers)" : "";
}

function typeHint(path: DocPath, data: unknown): string {
  const last = path[path.length - 1];
  if ((last === "installed" || last === "decommission") && data instanceof Date) return " (write the date in quotes)";
  if ((typeof data === "number" || typeof data === "boolean") && String(data).length > 0) return `: write it in quotes, "${String(data)}"`;
  return "";
}
